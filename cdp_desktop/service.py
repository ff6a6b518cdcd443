"""The application service: config + history + Discord client + engine + scheduler, wired together.

This is the one object the shells (CLI, daemon, Qt UI) talk to. It has no Qt in it: the UI wraps its
events in Qt signals (``ui/bridge.py``). Everything that can fail in a user-visible way ends up as a
state or a :class:`Notice` event, never as an exception escaping into the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .core import schedule
from .core.cdp_endpoint import ENDPOINT_TEXT, EndpointCheck, EndpointLedger, EndpointState
from .core.config import Config, ConfigError, ConfigStore, Target
from .core.errors import EXPLANATIONS, QT_TRANSLATE_NOOP, SetupError, State
from .core.history import ChannelResult, History, HistoryBusy, HistoryError
from .core.locking import FileLock
from .core.ports import ChannelInfo, Clock, ConnectionStatus, GuildInfo, SystemClock
from .paths import AppPaths

if TYPE_CHECKING:
    from .core.engine import Engine, ReaddReport, RunReport
    from .discord_client import DiscordClient, TokenCheck
    from .scheduler import Scheduler
    from .secrets import TokenResult, TokenStore

log = logging.getLogger(__name__)

GUARD_LOCK_TIMEOUT = 10.0  # the delete guard waits this long for another process's config edit, then refuses
READD_LOCK_FILENAME = "readd.lock"
READD_LOCK_TIMEOUT = 120.0  # a second re-add waits for the first (creates are paced by Discord)

# ----------------------------------------------------------------------------------------- events


@dataclass(frozen=True)
class ConnectionChanged:
    status: ConnectionStatus


@dataclass(frozen=True)
class ScheduleChanged:
    next_run: datetime | None
    paused: bool
    state: str  # "idle" | "running" | "waiting_for_network" | "paused" | "retry_scheduled"


@dataclass(frozen=True)
class RunStarted:
    run_id: int
    trigger: str
    slot_key: str


@dataclass(frozen=True)
class RunFinished:
    report: object  # core.engine.RunReport


@dataclass(frozen=True)
class CdpEndpointChanged:
    check: object  # core.cdp_endpoint.EndpointCheck


@dataclass(frozen=True)
class ChannelsChanged:
    """Config or results changed: rows need a refresh."""


@dataclass(frozen=True)
class Notice:
    """Something the user should hear about (the UI turns it into a notification or a banner).

    ``title`` and ``body`` are English source texts (context "Notice"); ``body`` may hold ``{name}`` fields
    filled from ``params`` after translation. :attr:`text` is the English body for the log."""

    kind: str  # "unreachable" | "run_failed" | "missing" | "no_access" | "token_invalid" | "no_reply" | ...
    title: str
    body: str
    target_uid: str | None = None
    level: str = "error"  # "info" | "warning" | "error"
    params: Mapping[str, object] = field(default_factory=dict)
    parts: tuple[str, ...] = ()  # the sentences ``body`` is made of, each translated on its own

    @property
    def text(self) -> str:
        return self.body.format(**self.params) if self.params else self.body


ServiceEvent = (
    ConnectionChanged
    | ScheduleChanged
    | RunStarted
    | RunFinished
    | ChannelsChanged
    | Notice
    | CdpEndpointChanged
)
Listener = Callable[[ServiceEvent], None]


@dataclass
class ChannelRow:
    """One line of the channels table."""

    target: Target
    state: State
    detail: str
    guild_name: str | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    reply_latency: float | None
    mention_name: str | None = None  # the target bot's name, once Discord told it
    # "online" / "idle" / "dnd" / "offline" from the gateway (needs the presence intents); None: unknown, and
    # presence_reason says why (a QT_TRANSLATE_NOOP text, context "Presence"). Informational only: a target
    # bot shown offline is no failure, the reply check decides.
    mention_presence: str | None = None
    presence_reason: str | None = None
    # When the next keep-alive is due and why, for the words in the row: "sent" (done for the current slot,
    # at ``sent_at``), "due" (owed the current slot since ``due_at``), "added" (added after the current slot:
    # first owed the next one, ``due_at``), "disabled", "paused". ``next_at``: the next slot's time.
    due: str = "due"
    due_at: datetime | None = None
    sent_at: datetime | None = None
    next_at: datetime | None = None
    # The current slot's message was sent by another machine or process (found in the channel): when.
    sent_by_other_at: datetime | None = None


# ----------------------------------------------------------------------------------------- service
# How long a due run waits for the Discord client to be ready (below the scheduler's 30 s bound on the check).
LOGIN_WAIT_SECONDS = 20.0
_N = "Notice"
_P = "Presence"
PRESENCE_NOT_CONNECTED = QT_TRANSLATE_NOOP(_P, "not connected to Discord")
PRESENCE_NOT_REPORTED = QT_TRANSLATE_NOOP(_P, "Discord has not reported this bot in the server")
# Which result states deserve a notification, under which kind. A run raises at most one notice per kind
# (a summary over its channels), and only when some channel in it was not notified of that kind today.
_NOTICE_KIND = {
    State.MISSING: "missing",
    State.NO_ACCESS: "no_access",
    State.TOKEN_INVALID: "token_invalid",
    State.INTENTS_MISSING: "run_failed",
    State.RATE_LIMITED: "run_failed",
    State.DISCORD_UNAVAILABLE: "unreachable",
    State.NETWORK: "unreachable",
    State.NO_REPLY: "no_reply",
}
_NOTICE_TITLES = {
    "missing": QT_TRANSLATE_NOOP(_N, "Channel missing on Discord"),
    "no_access": QT_TRANSLATE_NOOP(_N, "Lost access to a channel"),
    "token_invalid": QT_TRANSLATE_NOOP(_N, "Bot token rejected"),
    "unreachable": QT_TRANSLATE_NOOP(_N, "Discord unreachable"),
    "run_failed": QT_TRANSLATE_NOOP(_N, "Keep-alive failed"),
    "no_reply": QT_TRANSLATE_NOOP(_N, "Target bot did not reply"),
    "recovered": QT_TRANSLATE_NOOP(_N, "Keep-alive working again"),
    "cdp_down": QT_TRANSLATE_NOOP(_N, "CDP endpoint down"),
    "cdp_recovered": QT_TRANSLATE_NOOP(_N, "CDP endpoint up again"),
}
# (one channel, several channels) bodies per kind: {channel} is a label, {count} a number, {channels} a few
# labels, {retry} the local time of the next retry. Human words only: Discord's and aiohttp's own error
# texts stay in the log and the run details.
_NOTICE_BODIES = {
    "missing": (
        QT_TRANSLATE_NOOP(
            _N, "{channel} no longer exists on Discord. Use \u201cRe-add missing channels\u201d."
        ),
        QT_TRANSLATE_NOOP(
            _N,
            "{count} channels no longer exist on Discord ({channels}). "
            "Use \u201cRe-add missing channels\u201d.",
        ),
    ),
    "no_access": (
        QT_TRANSLATE_NOOP(_N, "The bot cannot see or write to {channel}."),
        QT_TRANSLATE_NOOP(_N, "The bot cannot see or write to {count} channels ({channels})."),
    ),
    "unreachable": (
        QT_TRANSLATE_NOOP(_N, "{channel} could not be reached."),
        QT_TRANSLATE_NOOP(_N, "{count} channels could not be reached."),
    ),
    "run_failed": (
        QT_TRANSLATE_NOOP(_N, "The keep-alive for {channel} did not go out."),
        QT_TRANSLATE_NOOP(_N, "The keep-alive for {count} channels did not go out."),
    ),
    "no_reply": (
        QT_TRANSLATE_NOOP(_N, "The target bot did not answer in {channel}."),
        QT_TRANSLATE_NOOP(_N, "The target bots did not answer in {count} channels ({channels})."),
    ),
    "recovered": (
        QT_TRANSLATE_NOOP(_N, "{channel} is working again."),
        QT_TRANSLATE_NOOP(_N, "{count} channels are working again."),
    ),
}
NOTICE_RETRY = QT_TRANSLATE_NOOP(_N, "Retrying at {retry}.")
NOTICE_TOKEN = QT_TRANSLATE_NOOP(_N, "Enter a new token from the Discord Developer Portal.")
MAX_LABELS = 3  # labels named in a summary before "…"


class AppService:
    """Owns the whole keep-alive machinery for one home directory."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        token_store: TokenStore | None = None,
        clock: Clock | None = None,
        env: Mapping[str, str] = os.environ,
        fast: bool = False,
        history_optional: bool = False,
    ) -> None:
        """``history_optional``: a history that cannot be opened (other than busy) is replaced by an empty
        one in memory, with a warning — for ``status``, which must answer from whatever can be read."""
        self.paths = paths
        paths.ensure()
        self.clock: Clock = clock or SystemClock()
        self.env = env
        self.fast = fast  # tests and demo: short guild_ready_timeout, no identify sleep
        self._store = ConfigStore(paths.config_dir)
        loaded = self._store.load()
        self.config: Config = loaded.config
        self.load_warnings: list[str] = list(loaded.warnings)
        # The history was moved aside or left out (these are in load_warnings too).
        self.history_warnings: list[str] = []
        self.history = self._open_history(history_optional)
        self._token_store = token_store
        self.token_state: TokenResult | None = None
        self.connection = ConnectionStatus(state="offline")
        self.client: DiscordClient | None = None
        self.engine: Engine | None = None
        self.scheduler: Scheduler | None = None
        self.demo: Any = None  # demo.DemoControls in --demo mode
        self._listeners: list[Listener] = []
        self._token: str | None = None
        self._schedule = False
        self._stop = asyncio.Event()
        self._scheduler_task: asyncio.Task[None] | None = None
        self._run_lock = asyncio.Lock()
        self._deleted_live: set[int] = set()  # configured channels the gateway saw deleted
        self._restart_task: asyncio.Future[None] | None = None
        self._cleanup_task: asyncio.Future[None] | None = None
        # Target bot ID → display name (None: Discord knows no such user). Looked up once per ID per process,
        # and only once something shows rows (a one-shot CLI command never pays for it).
        self._mention_names: dict[int, str | None] = {}
        self._names_wanted = False
        self._names_failed = False  # a lookup failed on this connection: wait for the next one
        self._names_task: asyncio.Future[None] | None = None
        self._presence_refresh: asyncio.Handle | None = None  # coalesces a burst of presence updates
        self._retry_at: datetime | None = None  # the scheduler's next retry, for the run it follows
        self._config_watch: Any = None  # filewatch.FileWatch on config.json while the scheduler runs
        self._resume_task: asyncio.Future[None] | None = None  # logind resume signals (Linux)
        # coze-discord-proxy's API (GET /v1/models), checked after each run when cdp_url is set
        self._cdp_ledger = EndpointLedger(paths.data_dir)
        self.cdp_endpoint: EndpointCheck | None = self._cdp_ledger.last()
        self._cdp_task: asyncio.Future[EndpointCheck | None] | None = None

    def _open_history(self, optional: bool) -> History:
        try:
            history = History(self.paths.history_file, recover=True)
        except HistoryBusy:
            raise
        except HistoryError as exc:
            if not optional:
                raise
            self._warn(f"{exc} Channel states and past runs are not shown.")
            return History(":memory:")
        if history.moved_aside is not None:
            self._warn(f"{history.damage} It was moved to {history.moved_aside}; a new history was started.")
        return history

    def _warn(self, text: str) -> None:
        log.warning("%s", text)
        self.load_warnings.append(text)
        self.history_warnings.append(text)

    # ------------------------------------------------------------------------------- events
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: ServiceEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not break the keep-alive
                log.exception("event listener failed for %s", type(event).__name__)

    def _today(self) -> str:
        return self.clock.now().astimezone(self.config.settings.zone()).date().isoformat()

    def _notice(
        self,
        kind: str,
        body: str,
        target_uid: str | None = None,
        level: str = "error",
        params: Mapping[str, object] | None = None,
    ) -> None:
        if not self.history.claim_notification(kind, target_uid, self._today()):
            return
        self._raise_notice(
            Notice(kind, _NOTICE_TITLES.get(kind, kind), body, target_uid, level, params or {})
        )

    def _raise_notice(self, notice: Notice) -> None:
        log.info("notice: %s: %s", notice.title, notice.text)
        self._emit(notice)

    def _notice_group(
        self, kind: str, results: list[ChannelResult], retry_at: datetime | None = None
    ) -> None:
        """One notice for the channels of one run that share ``kind``, if any of them is news today.

        Each channel is claimed per kind and day in the history, so a repeating failure stays quiet and a
        channel that starts failing later in the day still gets heard (with the others, in one summary)."""
        day = self._today()
        if kind == "token_invalid":  # about the bot, not about channels: once a day
            if self.history.claim_notification(kind, None, day):
                self._raise_notice(Notice(kind, _NOTICE_TITLES[kind], NOTICE_TOKEN, None, "error"))
            return
        fresh = [r for r in results if self.history.claim_notification(kind, r.target_uid, day)]
        if not fresh:
            return
        one, several = _NOTICE_BODIES[kind]
        labels = [r.label for r in results]
        shown = ", ".join(labels[:MAX_LABELS]) + (", \u2026" if len(labels) > MAX_LABELS else "")
        params: dict[str, object] = {"channel": labels[0], "count": len(labels), "channels": shown}
        parts = [one if len(results) == 1 else several]
        if retry_at is not None and kind in ("unreachable", "run_failed"):
            parts.append(NOTICE_RETRY)
            params["retry"] = retry_at.astimezone(self.config.settings.zone()).strftime("%H:%M")
        level = {"recovered": "info", "no_reply": "warning"}.get(kind, "error")
        uid = results[0].target_uid if len(results) == 1 else None
        notice = Notice(kind, _NOTICE_TITLES[kind], " ".join(parts), uid, level, params, tuple(parts))
        self._raise_notice(notice)

    # ------------------------------------------------------------------------------- token
    @property
    def token_store(self) -> TokenStore:
        if self._token_store is None:
            from .secrets import TokenStore

            self._token_store = TokenStore()
        return self._token_store

    async def _load_token(self) -> str | None:
        result = await self.token_store.aget()
        self.token_state = result
        return result.token

    # ------------------------------------------------------------------------------- lifecycle
    async def start(self, token: str | None = None, *, schedule_runs: bool = True) -> None:
        """Connect to Discord and (unless ``schedule_runs`` is False) start the scheduler.

        Token and network problems become connection states and notices, never exceptions.
        """
        self._schedule = schedule_runs
        if schedule_runs:  # only the single instance that schedules may tidy up after a killed one
            closed = self.history.abort_unfinished_runs(self.clock.now())
            if closed:
                log.warning("closed %d run(s) left open by a process that was killed", closed)
        self._token = token or await self._load_token()
        if not self._token:
            self._set_connection(ConnectionStatus(state="no_token", detail=self._token_message()))
        else:
            await self._start_client()
        if schedule_runs:
            self._watch_config()  # also without a token: the window shows what the CLI edits
            self._start_scheduler()
        self._emit(ChannelsChanged())

    def _token_message(self) -> str:
        if self.token_state is not None and self.token_state.message:
            return self.token_state.message
        return "No bot token is set. Run `cdp-desktop token set` or use the Token dialog."

    async def _start_client(self) -> None:
        from .core.engine import Engine
        from .discord_client import DiscordClient, configure_endpoint, resolve_endpoints
        from .logs import register_secret

        assert self._token
        register_secret(self._token)  # every log handler redacts this exact token, whatever its shape
        endpoints = resolve_endpoints(self.config.settings, self.env)
        configure_endpoint(endpoints.api_base, endpoints.gateway_url)
        self.client = DiscordClient(
            self._token,
            endpoints=endpoints,
            presence_intents=self.config.settings.presence_intents,
            is_owned=self.history.is_owned,
            configured_ids=self._configured_ids_now,
            guard_lock=lambda: self._store.lock.hold_async(GUARD_LOCK_TIMEOUT),
            on_status=self._set_connection,
            guild_ready_timeout=0.1 if self.fast else 2.0,
            fast_reconnect=self.fast,
        )
        self.client.on_channel_deleted = self._on_channel_deleted
        self.client.on_presence_changed = self._on_presence_changed
        self.engine = Engine(self.client, self.history, self.clock, on_event=self._on_engine_event)
        await self.client.start()
        if self._schedule and self.history.owned_channels():
            self._cleanup_task = asyncio.ensure_future(self._cleanup_orphans(self.client, self.engine))
        if self.scheduler is not None:
            self.scheduler.engine = self.engine
            self.scheduler.wake()

    def _configured_ids_now(self) -> set[int]:
        """For the delete guard: every channel configured in this process or in the file right now (another
        process may have added one since we loaded it). The guard calls this under the config lock."""
        return self.config.configured_channel_ids() | self._store.configured_ids_on_disk()

    async def _cleanup_orphans(self, client: DiscordClient, engine: Engine) -> None:
        """Delete temporary channels a crashed run left behind (only ones in the owned ledger)."""
        try:
            if await client.wait_ready(60):
                removed = await engine.cleanup_orphans()
                if removed:
                    log.info("removed %d temporary channel(s) left by an interrupted run", removed)
        except Exception:
            log.warning("could not clean up temporary channels", exc_info=True)

    async def _stop_client(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            await client.close()

    def _start_scheduler(self) -> None:
        if self.engine is None or self._scheduler_task is not None:
            return
        from .scheduler import Scheduler

        self.scheduler = Scheduler(
            get_config=self._fresh_config,
            history=self.history,
            engine=self.engine,
            clock=self.clock,
            reachable=self._reachable,
            on_event=self._on_scheduler_event,
        )
        self._stop.clear()
        self._scheduler_task = asyncio.ensure_future(self._run_scheduler())
        self._watch_config()
        if self._resume_task is None:
            from .sleepwatch import watch_resume

            self._resume_task = asyncio.ensure_future(watch_resume(self._on_resume, self._on_sleep))

    async def _run_scheduler(self) -> None:
        assert self.scheduler is not None
        try:
            await self.scheduler.run(self._stop)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the scheduler stopped unexpectedly")
            self._emit(
                Notice(
                    "error",
                    QT_TRANSLATE_NOOP(_N, "Scheduler stopped"),
                    QT_TRANSLATE_NOOP(_N, "The scheduler stopped unexpectedly; see the log."),
                )
            )

    async def stop(self) -> None:
        """Stop the scheduler and close the Discord client (bounded: returns within about 5 s)."""
        self._stop.set()
        task, self._scheduler_task = self._scheduler_task, None
        if task is not None:
            try:
                await asyncio.wait_for(task, 3)
            except (TimeoutError, asyncio.CancelledError):
                task.cancel()
        if self._config_watch is not None:
            self._config_watch.close()
            self._config_watch = None
        for pending in (
            self._cleanup_task,
            self._restart_task,
            self._names_task,
            self._resume_task,
            self._cdp_task,
        ):
            if pending is not None and not pending.done():
                pending.cancel()
        if self._presence_refresh is not None:
            self._presence_refresh.cancel()
            self._presence_refresh = None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop_client(), 4)
        self.history.close()

    async def _reachable(self) -> bool:
        """Whether a due run may start now. Just after start (or a reconnect) the client is still logging
        in: wait for it, bounded, rather than start a run that fails "not connected", notifies and retries
        a minute later. Not ready by then: runs go ahead when REST works (logged in, API answering),
        otherwise the scheduler waits for the network and is woken by the connection."""
        client = self.client
        if client is None:
            return False
        if client.is_connected or await client.wait_ready(LOGIN_WAIT_SECONDS):
            return True
        return client.logged_in and await client.check_reachable()

    async def wait_connected(self, timeout: float = 30.0) -> None:
        """For one-shot commands: wait until the client is ready, else raise SetupError with the reason."""
        if self.client is None:
            raise SetupError(self._token_message(), State.TOKEN_INVALID)
        ok = await self.client.wait_ready(timeout)
        status = self.client.status
        if status.state == "token_invalid":
            raise SetupError(
                "Discord rejected the bot token. Set a new one with `cdp-desktop token set`.",
                State.TOKEN_INVALID,
            )
        if not ok:
            detail = f" ({status.detail})" if status.detail else ""
            raise SetupError(
                f"Could not connect to Discord{detail}. Check the network, proxy_url and api_base_url.",
                State.NETWORK,
            )

    # ------------------------------------------------------------------------------- state from adapters
    def _set_connection(self, status: ConnectionStatus) -> None:
        previous = self.connection.state
        self.connection = status
        self._emit(ConnectionChanged(status))
        if (status.state == "connected") != (previous == "connected") and any(
            t.mention_id for t in self.config.targets
        ):
            self._emit(ChannelsChanged())  # the target bots' presence became known, or unknown
        if status.state == "token_invalid" and previous != "token_invalid":
            self._notice("token_invalid", NOTICE_TOKEN)
        if status.state == "connected" and previous != "connected":
            if self.scheduler is not None:
                self.scheduler.wake()  # network is back: a waiting catch-up can go now
            self._names_failed = False
            self._resolve_mention_names()

    def _resolve_mention_names(self) -> None:
        """Start looking up the target bots' names not known yet; ChannelsChanged when some arrive."""
        client = self.client
        if not self._names_wanted or self._names_failed or client is None or not client.is_connected:
            return
        if self._names_task is not None and not self._names_task.done():
            return  # its ChannelsChanged refreshes the rows, which picks up IDs added meanwhile
        wanted = {t.mention_id for t in self.config.targets if t.mention_id} - self._mention_names.keys()
        if not wanted:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # rows asked for outside the loop (a synchronous caller): names wait
            return
        self._names_task = loop.create_task(self._fetch_mention_names(client, sorted(wanted)))

    async def _fetch_mention_names(self, client: DiscordClient, ids: list[int]) -> None:
        named = False
        try:
            for user_id in ids:
                name = await asyncio.wait_for(client.describe_user(user_id), 15)
                self._mention_names[user_id] = name
                named = named or name is not None
        except Exception:  # not remembered: tried again after the next connect
            self._names_failed = True
            log.info("could not look up target bot names", exc_info=True)
        if named:  # not after a cancel: stop() is under way
            self._emit(ChannelsChanged())

    def _on_channel_deleted(self, channel_id: int) -> None:
        if channel_id in self.config.configured_channel_ids():
            self._deleted_live.add(channel_id)
            target = self.config.find(channel_id)
            self._notice(
                "missing", _NOTICE_BODIES["missing"][0], target.uid, params={"channel": target.label}
            )
            self._emit(ChannelsChanged())

    def _on_presence_changed(self, guild_id: int, user_id: int) -> None:
        if self._presence_refresh is not None or not any(
            t.mention_id == user_id and t.guild_id == guild_id for t in self.config.targets
        ):
            return
        self._presence_refresh = asyncio.get_running_loop().call_soon(self._presence_refreshed)

    def _presence_refreshed(self) -> None:
        self._presence_refresh = None
        self._emit(ChannelsChanged())

    def _presence(self, t: Target) -> tuple[str | None, str | None]:
        """(presence, why it is unknown) of a target's bot."""
        client = self.client
        if not t.mention_id:
            return None, None
        if client is None or not client.is_connected:
            return None, PRESENCE_NOT_CONNECTED
        presence = client.presence_of(t.guild_id, t.mention_id)
        if presence is not None:
            return presence, None
        if not self.connection.presence_available:
            return None, self.connection.presence_reason or PRESENCE_NOT_CONNECTED
        return None, PRESENCE_NOT_REPORTED

    def _on_engine_event(self, event: object) -> None:
        name = type(event).__name__
        if name == "RunStarted":
            self._emit(RunStarted(event.run_id, str(event.trigger), event.slot.key))  # type: ignore[attr-defined]
        elif name == "ChannelStateChanged":
            self._emit(ChannelsChanged())

    def _on_scheduler_event(self, event: object) -> None:
        name = type(event).__name__
        if name == "RetryScheduled":  # comes just before the RunFinished it belongs to
            self._retry_at = event.at  # type: ignore[attr-defined]
            self._emit(self._schedule_changed())
        elif name == "RunFinished":
            self._after_run(event.report)  # type: ignore[attr-defined]
        else:
            self._emit(self._schedule_changed())

    def _schedule_changed(self) -> ScheduleChanged:
        state = self.scheduler.state if self.scheduler is not None else "idle"
        return ScheduleChanged(self.next_run(), self.paused, state)

    def _after_run(self, report: RunReport) -> None:
        """Remember what channels look like, raise notices, tell the UI."""
        from .core.engine import apply_refreshed

        if report.refreshed:
            try:
                self.update_config(lambda c: apply_refreshed(c, report), quiet=True)
            except ConfigError as exc:  # e.g. a config from a newer version: keep running, just don't save
                log.warning("could not save refreshed channel details: %s", exc)
        retry_at, self._retry_at = self._retry_at, None
        groups: dict[str, list[ChannelResult]] = {}
        previous: dict[str, State] | None = None  # read once, only when some channel succeeded
        for result in report.results:
            if result.state != State.MISSING and result.channel_id is not None:
                self._deleted_live.discard(result.channel_id)
            kind = _NOTICE_KIND.get(result.state)
            if kind is None and result.state.is_success:
                if previous is None:
                    previous = self._previous_states(report.run_id)
                prior = previous.get(result.target_uid)
                kind = "recovered" if prior is not None and prior.is_failure else None
            if kind is not None:
                groups.setdefault(kind, []).append(result)
        for kind, results in groups.items():
            self._notice_group(kind, results, retry_at)
        self._emit(RunFinished(report))
        self._emit(ChannelsChanged())
        self._emit(self._schedule_changed())
        if self.config.settings.cdp_url:
            self.start_cdp_check(report.run_id)

    # ------------------------------------------------------------------------------- CDP endpoint
    def start_cdp_check(self, run_id: int | None = None) -> asyncio.Future[EndpointCheck | None] | None:
        """Check CDP's API in the background (one check at a time); the task, or None outside a loop."""
        if self._cdp_task is not None and not self._cdp_task.done():
            return self._cdp_task
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return None
        self._cdp_task = asyncio.ensure_future(self.check_cdp_endpoint(run_id))
        return self._cdp_task

    async def check_cdp_endpoint(self, run_id: int | None = None) -> EndpointCheck | None:
        """``GET {cdp_url}/v1/models`` with the proxy secret; record it, tell the UI, notify on down/up."""
        url = self.config.settings.cdp_url
        if not url:
            return None
        from .cdp_check import check_endpoint, timeout_from_env
        from .cdp_secret import SECRET_ENV, CdpSecretStore
        from .discord_client import resolve_endpoints
        from .logs import register_secret

        secret = self.env.get(SECRET_ENV, "").strip() or (await CdpSecretStore(timeout=5).aget()).token
        register_secret(secret)
        proxy = resolve_endpoints(self.config.settings, self.env).proxy
        check = await check_endpoint(
            url, secret, proxy=proxy, timeout=timeout_from_env(dict(self.env)), now=self.clock.now
        )
        try:
            previous = self._cdp_ledger.record(check)
        except OSError:
            log.warning("could not save the CDP endpoint state", exc_info=True)
            previous = self.cdp_endpoint
        self.cdp_endpoint = check
        level = "info" if check.state is EndpointState.UP else "warning"
        log.info("%s", check.summary())
        with contextlib.suppress(Exception):  # history full or locked: the check itself still counts
            self.history.add_log(run_id, check.checked_at, level, check.summary())
        was_down = previous is not None and previous.state.is_down
        if check.state.is_down and not was_down:
            self._notice("cdp_down", f"{url}: {ENDPOINT_TEXT[check.state]}", None, "error")
        elif check.state is EndpointState.UP and was_down:
            self._notice("cdp_recovered", f"{url}: {ENDPOINT_TEXT[check.state]}", None, "info")
        self._emit(CdpEndpointChanged(check))
        self._emit(ChannelsChanged())
        return check

    def _previous_states(self, current_run: int) -> dict[str, State]:
        """Each target's state in the latest earlier run that included it (among the last few runs).

        One pass for the whole report: asking per channel read the same runs once per channel."""
        previous: dict[str, State] = {}
        for run in self.history.recent_runs(5):
            if run.id == current_run:
                continue
            for r in self.history.results_for_run(run.id):
                previous.setdefault(r.target_uid, r.state)
        return previous

    # ------------------------------------------------------------------------------- actions
    async def run_now(self, force: bool = False) -> RunReport:
        """Every enabled target for the current slot, skipping done pairs unless ``force``."""
        if self.engine is None:
            raise SetupError(self._token_message(), State.TOKEN_INVALID)
        if self.scheduler is not None:
            report = await self.scheduler.run_now(force=force)
        else:
            from .core.engine import Trigger

            async with self._run_lock:
                s = self.config.settings
                slot = schedule.current_slot(self.clock.now(), s.time_of_day, s.zone(), s.jitter_seconds)
                report = await self.engine.run(self.config, slot, Trigger.MANUAL, force=force)
            self._after_run(report)
        if self._cdp_task is not None:  # a one-shot `run-now` reports the CDP endpoint too
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(self._cdp_task)
        return report

    def done_today(self) -> set[str]:
        """Enabled targets that already got the current slot's keep-alive."""
        done = self.history.done_uids(self.current_slot_key())
        return {t.uid for t in self.config.enabled_targets() if t.uid in done}

    async def send_again(self, uids: set[str]) -> RunReport:
        """Send the current slot's keep-alive once more to ``uids`` (channels already done): the GUI's
        "Send again now", like ``run-now --force`` for just those channels."""
        if self.engine is None:
            raise SetupError(self._token_message(), State.TOKEN_INVALID)
        from .core.engine import Trigger

        targets = [t for t in self.config.enabled_targets() if t.uid in uids]
        async with self._run_lock:
            s = self.config.settings
            slot = schedule.current_slot(self.clock.now(), s.time_of_day, s.zone(), s.jitter_seconds)
            report = await self.engine.run(self.config, slot, Trigger.MANUAL, targets=targets, force=True)
        self._after_run(report)
        return report

    async def readd_missing(self) -> ReaddReport:
        """Recreate missing channels: one re-add at a time per home, across processes. A second one waits,
        then starts from the configuration the first saved, so it reuses what the first created."""
        if self.engine is None:
            raise SetupError(self._token_message(), State.TOKEN_INVALID)
        lock = FileLock(
            self.paths.data_dir / READD_LOCK_FILENAME,
            timeout=READD_LOCK_TIMEOUT,
            what="re-adding missing channels",
        )
        async with self._run_lock, lock.hold_async():
            self.reload_config()
            report = await self.engine.readd_missing(self.config.copy(), self._save_rebinds)
        for entry in report.recreated:
            self._deleted_live.discard(entry.old_channel_id)
        self._emit(ChannelsChanged())
        if self.scheduler is not None:  # the recreated channels are owed today's keep-alive
            self.scheduler.forget_attempts({e.target_uid for e in report.recreated})
        return report

    def _save_rebinds(self, working: Config) -> None:
        """Save the channels a re-add rebound into the file as it is now (not over other processes' edits)."""

        def rebind(current: Config) -> None:
            for done in working.targets:
                target = next((t for t in current.targets if t.uid == done.uid), None)
                if target is None or target.channel_id == done.channel_id:
                    continue
                target.channel_id, target.name = done.channel_id, done.name
                target.category_id, target.topic, target.position = (
                    done.category_id,
                    done.topic,
                    done.position,
                )

        self.update_config(rebind)

    def reload_config(self) -> None:
        """Take the file as it is now (another process may have changed it); problems keep what we have."""
        loaded = self._store.load()
        for warning in loaded.warnings:
            log.warning("%s", warning)
        if not loaded.warnings:
            self.config = loaded.config

    @property
    def paused(self) -> bool:
        return self.config.paused

    def pause(self) -> None:
        self.update_config(lambda c: setattr(c, "paused", True))
        if self.scheduler is not None:
            self.scheduler.pause()
        self._emit(self._schedule_changed())

    def resume(self) -> None:
        self.update_config(lambda c: setattr(c, "paused", False))
        if self.scheduler is not None:
            self.scheduler.resume()
        self._emit(self._schedule_changed())

    # ------------------------------------------------------------------------------- config
    def _watch_config(self) -> None:
        """Follow edits other processes make (``cdp-desktop channels add`` beside the daemon or window)."""
        if self._config_watch is None:
            from .filewatch import FileWatch

            self._config_watch = FileWatch(self._store.path, self.follow_config_file)
            if not self._config_watch.start():
                log.info("no file watching here; config edits are picked up before each slot")

    def _fresh_config(self) -> Config:
        """The config as on disk now: a ``stat`` before the scheduler looks at slots (the fallback when file
        events are missing or late), a reload only when the file changed."""
        self.follow_config_file()
        return self.config

    def follow_config_file(self) -> bool:
        """Take in the file when another process changed it; reschedule at once. True when it was reloaded.

        A file that cannot be used (damaged, newer schema) keeps the config in memory running, with a warning
        in the log, as at start."""
        if not self._store.changed_on_disk():
            return False
        previous = self.config
        self.reload_config()
        if self.config is previous:
            return False
        log.info("config.json changed on disk; rescheduling")
        scheduler = self.scheduler
        if scheduler is not None:
            if self.config.paused and not scheduler.paused:
                scheduler.pause()
            elif not self.config.paused and scheduler.paused:
                scheduler.resume()
            scheduler.wake()
        self._emit(ChannelsChanged())
        self._emit(self._schedule_changed())
        if _endpoint_key(self.config) != _endpoint_key(previous) and self._token and self.client is not None:
            self._restart_task = asyncio.ensure_future(self._restart_client())
        return True

    def _on_resume(self) -> None:
        if self.scheduler is not None:
            self.scheduler.resumed()

    def _on_sleep(self) -> None:
        if self.scheduler is not None:
            self.scheduler.going_to_sleep()

    def update_config(self, mutate: Callable[[Config], object], *, quiet: bool = False) -> None:
        """Apply ``mutate`` to a copy, validate by round trip, save atomically, then swap it in.

        The file is read again under the inter-process config lock, so that an edit made by another process
        (``cdp-desktop channels add`` while the window is open) is kept rather than overwritten."""
        from .core.config import config_from_dict, config_to_dict

        with self._store.locked():
            self.reload_config()
            candidate = self.config.copy()
            mutate(candidate)
            validated = config_from_dict(config_to_dict(candidate))  # raises ConfigError on invalid input
            self._refuse_owned_temporary(
                validated.configured_channel_ids() - self.config.configured_channel_ids()
            )
            endpoint_changed = _endpoint_key(validated) != _endpoint_key(self.config)
            self._store.save(validated)
            self.config = validated
        if not quiet:
            self._emit(ChannelsChanged())
            self._emit(self._schedule_changed())
        if self.scheduler is not None:
            self.scheduler.wake()
        if endpoint_changed and self._token and self.client is not None:
            self._restart_task = asyncio.ensure_future(self._restart_client())

    def _refuse_owned_temporary(self, new_ids: set[int]) -> None:
        """A temporary channel of a run (deleted when the run ends) cannot become a configured target."""
        for channel_id in sorted(new_ids):
            if self.history.is_owned(channel_id):
                raise ConfigError(
                    "channel",
                    f"{channel_id} is a temporary channel CDP Desktop created for a keep-alive run and "
                    "deletes when the run ends; choose another channel",
                )

    async def reconnect(self) -> None:
        """Log in again with the current token (restored on the server side, e.g. in the demo)."""
        if self._token:
            await self._restart_client()
            if self._schedule:
                self._start_scheduler()

    async def _restart_client(self) -> None:
        await self._stop_client()
        await self._start_client()

    def add_target(self, target: Target) -> None:
        self.update_config(lambda c: c.add_target(target))

    def remove_target(self, uid: str) -> None:
        self.update_config(lambda c: c.remove_target(uid))

    def set_enabled(self, uid: str, enabled: bool) -> None:
        now = self.clock.now()
        self.update_config(lambda c: c.set_enabled(uid, enabled, now))

    def replace_target(self, uid: str, target: Target) -> None:
        def mutate(c: Config) -> None:
            old = c.find(uid)
            index = c.targets.index(old)
            c.targets.pop(index)
            new = replace(target, uid=old.uid, added_at=old.added_at)
            c.add_target(new)
            c.targets.insert(index, c.targets.pop())

        self.update_config(mutate)

    # ------------------------------------------------------------------------------- token actions
    async def check_token(self, token: str) -> TokenCheck:
        from .discord_client import check_token, resolve_endpoints

        return await check_token(token, endpoints=resolve_endpoints(self.config.settings, self.env))

    async def set_token(self, token: str, *, remember: bool = True) -> TokenCheck:
        check = await self.check_token(token)
        if check.state != State.OK:
            return check
        if remember:
            result = await self.token_store.aset(token)
            self.token_state = result
        self._token = token
        await self._stop_client()
        await self._start_client()
        if self._schedule:
            self._start_scheduler()
        self._emit(ChannelsChanged())
        return check

    async def reload_token(self) -> bool:
        """Read the stored token again (a keyring that was locked at start may be open now) and connect with
        it; False while there still is none."""
        if self.client is not None:
            return True
        token = await self._load_token()
        if not token:
            return False
        self._token = token
        await self._start_client()
        if self._schedule:
            self._start_scheduler()
        self._emit(ChannelsChanged())
        return True

    async def clear_token(self) -> None:
        self.token_state = await self.token_store.aclear()
        self._token = None
        await self._stop_client()
        self._set_connection(ConnectionStatus(state="no_token", detail=self._token_message()))

    # ------------------------------------------------------------------------------- queries
    async def list_guilds(self) -> list[GuildInfo]:
        if self.client is None or not self.client.is_connected:
            return []
        try:
            return await self.client.list_guilds()
        except Exception:  # the editor falls back to typed IDs
            log.warning("could not list guilds", exc_info=True)
            return []

    async def describe_channel(self, channel_id: int) -> ChannelInfo | None:
        if self.client is None:
            return None
        try:
            return await asyncio.wait_for(self.client.fetch_channel(channel_id), 10)
        except Exception:
            return None

    async def test_proxy(self, proxy_url: str | None, api_base: str | None) -> tuple[bool, str]:
        from .core.config import parse_api_base_url, parse_proxy_url
        from .discord_client import discover_gateway, resolve_endpoints

        try:
            proxy = parse_proxy_url(proxy_url)
            base = parse_api_base_url(api_base) or resolve_endpoints(self.config.settings, {}).api_base
        except ConfigError as exc:
            return False, str(exc)
        try:
            await discover_gateway(base, proxy=proxy, timeout=10)
        except Exception as exc:
            from .discord_client import classify_exception

            failure = classify_exception(exc)
            return False, f"{base}: {failure}"
        return True, f"Reached {base}" + (f" through {proxy}" if proxy else "")

    def current_slot_key(self) -> str:
        s = self.config.settings
        return schedule.current_slot(self.clock.now(), s.time_of_day, s.zone(), s.jitter_seconds).key

    def channel_rows(self) -> list[ChannelRow]:
        self._names_wanted = True
        self._resolve_mention_names()
        latest = self.history.latest_results()
        successes = self.history.last_success()
        errors = self.history.last_error()
        s = self.config.settings
        now = self.clock.now()
        current = schedule.current_slot(now, s.time_of_day, s.zone(), s.jitter_seconds)
        upcoming = schedule.next_slot(now, s.time_of_day, s.zone(), s.jitter_seconds)
        records = self.history.slot_records(current.key)
        done = {uid for uid, r in records.items() if r.message_id is not None}
        delivered = {  # when each target's message for this slot was recorded as sent
            uid: r.sent_at for uid, r in records.items() if r.message_id is not None and r.sent_at is not None
        }
        deliveries = self.history.last_delivered()
        guild_names = (
            self.client.guild_names()
            if self.client is not None and hasattr(self.client, "guild_names")
            else {}
        )
        rows = []
        for t in self.config.targets:
            presence, presence_reason = self._presence(t)
            result = _for_channel(latest.get(t.uid), t)
            error = _for_channel(errors.get(t.uid), t)
            if not t.enabled:
                state = State.SKIPPED_DISABLED
            elif t.channel_id is not None and t.channel_id in self._deleted_live:
                state = State.MISSING
            elif t.uid in delivered and _no_result_since(latest.get(t.uid), delivered[t.uid]):
                state = State.SENT  # no reply check finished: a run killed during the wait (or still waiting)
            elif result is not None and (t.uid in done or result.state.is_failure):
                state = result.state  # today's outcome, or a failure that still stands
            elif t.uid in done:
                state = State.OK  # sent for this slot, to the channel a re-add replaced since
            else:
                state = State.PENDING
            detail = result.message if result is not None and result.state == state else ""
            last_success = _newest(successes.get(t.uid), deliveries.get(t.uid))
            if not t.enabled:
                due, due_at = "disabled", None
            elif self.paused:
                due, due_at = "paused", None
            elif t.uid in done:
                due, due_at = "sent", upcoming.fire_at
            elif t.active_since >= current.at:
                due, due_at = "added", upcoming.fire_at
            else:
                due, due_at = "due", current.fire_at
            record = records.get(t.uid)
            by_other = record.sent_at if record is not None and record.by_other and t.uid in done else None
            rows.append(
                ChannelRow(
                    target=t,
                    state=state,
                    detail=detail or EXPLANATIONS[state].summary,
                    guild_name=guild_names.get(t.guild_id),
                    last_success=last_success,
                    last_error=error.message if error else None,
                    last_error_at=error.at if error else None,
                    reply_latency=result.reply_latency if result is not None else None,
                    mention_name=self._mention_names.get(t.mention_id) if t.mention_id else None,
                    mention_presence=presence,
                    presence_reason=presence_reason,
                    due=due,
                    due_at=due_at,
                    sent_at=last_success if t.uid in done else None,
                    next_at=upcoming.fire_at,
                    sent_by_other_at=by_other,
                )
            )
        return rows

    def heartbeat(self, days: int = 30) -> dict[str, Any]:
        """target uid → ``core.heartbeat.Strip`` of its last ``days`` local days (one history query)."""
        from .core.heartbeat import load_strips

        c = self.config
        return load_strips(c.targets, c.settings, self.history, self.clock.now(), days)

    def missing_count(self, rows: list[ChannelRow] | None = None) -> int:
        """``rows``: already computed ``channel_rows()``, so a caller asking several questions reads once."""
        rows = self.channel_rows() if rows is None else rows
        return sum(1 for row in rows if row.state == State.MISSING)

    def recent_runs(self, limit: int = 50) -> list[Any]:
        return self.history.recent_runs(limit)

    def last_run(self) -> Any:
        runs = self.history.recent_runs(1)
        return runs[0] if runs else None

    def run_results(self, run_id: int) -> list[Any]:
        return self.history.results_for_run(run_id)

    def run_log(self, run_id: int) -> list[Any]:
        return self.history.run_log(run_id)

    def next_run(self) -> datetime | None:
        s = self.config.settings
        slot = schedule.next_slot(self.clock.now(), s.time_of_day, s.zone(), s.jitter_seconds)
        return slot.fire_at.astimezone(s.zone())

    def catch_up_due(self) -> bool:
        if self.scheduler is not None:
            return self.scheduler.catch_up_due()
        s = self.config.settings
        if not s.catch_up or self.paused:
            return False
        slot = schedule.current_slot(self.clock.now(), s.time_of_day, s.zone(), s.jitter_seconds)
        return bool(schedule.owed_targets(self.config.targets, slot, self.history.done_uids(slot.key)))

    def overall_state(self, rows: list[ChannelRow] | None = None) -> str:
        if self.paused:
            return "paused"
        if self.connection.state == "token_invalid":
            return "error"
        if self.connection.state in ("offline", "no_token", "reconnecting", "connecting"):
            return "offline"
        states = {row.state for row in (self.channel_rows() if rows is None else rows)}
        if any(s.is_failure for s in states):
            return "error"
        if State.NO_REPLY in states:
            return "warning"
        return "ok"


def _endpoint_key(config: Config) -> tuple[object, ...]:
    s = config.settings
    return (s.api_base_url, s.proxy_url, s.presence_intents)


def _no_result_since(result: ChannelResult | None, sent_at: datetime) -> bool:
    """No result was recorded after this send: its run ended before the reply wait did."""
    return result is None or result.at < sent_at


def _newest(*times: datetime | None) -> datetime | None:
    known = [t for t in times if t is not None]
    return max(known) if known else None


def _for_channel(result: ChannelResult | None, target: Target) -> ChannelResult | None:
    """A result only describes the target's current channel: after a re-add the old channel's is history."""
    if result is None or target.is_temporary or result.channel_id in (None, target.channel_id):
        return result
    return None
