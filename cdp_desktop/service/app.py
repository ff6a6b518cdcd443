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
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..core import schedule
from ..core.cdp_endpoint import EndpointCheck
from ..core.config import Config, ConfigError, ConfigStore
from ..core.errors import SetupError, State
from ..core.history import ChannelResult, History, HistoryBusy, HistoryError, LogLine, RunRecord
from ..core.history_errors import LEFT_OUT as HISTORY_LEFT_OUT
from ..core.locking import READDING, FileLock
from ..core.messages import Message, template
from ..core.ports import ChannelInfo, Clock, ConnectionState, ConnectionStatus, GuildInfo, SystemClock
from ..paths import AppPaths
from .cdp_watch import CdpEndpointWatch
from .config_updates import ConfigUpdates
from .events import (
    ChannelsChanged,
    ConnectionChanged,
    Listener,
    OverallState,
    RunFinished,
    ScheduleChanged,
    SchedulerState,
    ServiceEvent,
)
from .notices import NoticePolicy
from .rows import BotNames, ChannelRow, LiveFacts, channel_rows

if TYPE_CHECKING:
    from ..core.engine import Engine, ReaddReport, RunReport
    from ..core.heartbeat import Strip
    from ..demo import DemoControls
    from ..discord_client import DiscordClient, TokenCheck
    from ..filewatch import FileWatch
    from ..scheduler import Scheduler
    from ..token_store import TokenResult, TokenStore

log = logging.getLogger("cdp_desktop.service")
_NOT_CONNECTED = frozenset(
    {
        ConnectionState.OFFLINE,
        ConnectionState.NO_TOKEN,
        ConnectionState.RECONNECTING,
        ConnectionState.CONNECTING,
    }
)

GUARD_LOCK_TIMEOUT = 10.0  # the delete guard waits this long for another process's config edit, then refuses
READD_LOCK_FILENAME = "readd.lock"
READD_LOCK_TIMEOUT = 120.0  # a second re-add waits for the first (creates are paced by Discord)
# How long a due run waits for the Discord client to be ready (below the scheduler's 30 s bound on the check).
LOGIN_WAIT_SECONDS = 20.0

_C = "Service"
NO_TOKEN = template(
    _C, "service.no_token", "No bot token is set. Run `cdp-desktop token set` or use the Token dialog."
)
TOKEN_REJECTED = template(
    _C,
    "service.token_rejected",
    "Discord rejected the bot token. Set a new one with `cdp-desktop token set`.",
)
NOT_CONNECTED = template(
    _C,
    "service.not_connected",
    "Could not connect to Discord. Check the network, proxy_url and api_base_url.",
)
NOT_CONNECTED_BECAUSE = template(
    _C,
    "service.not_connected_because",
    "Could not connect to Discord ({detail}). Check the network, proxy_url and api_base_url.",
)


@dataclass(frozen=True)
class ClientTiming:
    """How patient the Discord client is. The defaults suit Discord; a server on this machine (the demo's
    sandbox, the tests') answers at once, so waiting for guilds or pausing before IDENTIFY only costs time."""

    guild_ready_timeout: float = 2.0  # how long to wait for the gateway's guilds before "ready"
    reconnect_backoff: tuple[float, float] = (2.0, 300.0)  # first and longest wait before reconnecting
    identify_pause: float = 5.0  # Discord's pause before identifying again


LOOPBACK_TIMING = ClientTiming(guild_ready_timeout=0.1, reconnect_backoff=(0.2, 2.0), identify_pause=0.0)


class AppService(ConfigUpdates):
    """Owns the whole keep-alive machinery for one home directory: lifecycle wiring (client, engine,
    scheduler, watchers) and the actions and queries the shells call."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        token_store: TokenStore | None = None,
        clock: Clock | None = None,
        env: Mapping[str, str] = os.environ,
        timing: ClientTiming | None = None,
        history_optional: bool = False,
    ) -> None:
        """``history_optional``: a history that cannot be opened (other than busy) is replaced by an empty
        one in memory, with a warning — for ``status``, which must answer from whatever can be read."""
        self.paths = paths
        paths.ensure()
        self.clock: Clock = clock or SystemClock()
        self.env = env
        self.timing = timing or ClientTiming()
        self._store = ConfigStore(paths.config_dir)
        loaded = self._store.load()
        self.config: Config = loaded.config
        self.load_warnings: list[Message] = list(loaded.warnings)
        # The history was moved aside or left out (these are in load_warnings too).
        self.history_warnings: list[Message] = []
        self.history = self._open_history(history_optional)
        self._token_store = token_store
        self.token_state: TokenResult | None = None
        self.connection = ConnectionStatus(state=ConnectionState.OFFLINE)
        self.client: DiscordClient | None = None
        self.engine: Engine | None = None
        self.scheduler: Scheduler | None = None
        self.demo: DemoControls | None = None  # in --demo mode
        self._listeners: list[Listener] = []
        self._token: str | None = None
        self._schedule = False
        self._stop = asyncio.Event()
        self._scheduler_task: asyncio.Task[None] | None = None
        self._run_lock = asyncio.Lock()
        self._deleted_live: set[int] = set()  # configured channels the gateway saw deleted
        self._restart_task: asyncio.Future[None] | None = None
        self._cleanup_task: asyncio.Future[None] | None = None
        self._bot_names = BotNames(lambda: self._emit(ChannelsChanged()))
        self._guild_names: dict[int, str] = {}  # guild ID → name, as Discord last listed the bot's servers
        self._presence_refresh: asyncio.Handle | None = None  # coalesces a burst of presence updates
        self._retry_at: datetime | None = None  # the scheduler's next retry, for the run it follows
        self._config_watch: FileWatch | None = None  # on config.json while the scheduler runs
        self._resume_task: asyncio.Future[None] | None = None  # logind resume signals (Linux)
        self.notices = NoticePolicy(self.history, self.clock, lambda: self.config.settings.zone(), self._emit)
        # coze-discord-proxy's API (GET /v1/models), checked after each run when cdp_url is set
        self.cdp = CdpEndpointWatch(
            paths.data_dir,
            config=lambda: self.config,
            env=lambda: self.env,
            clock=self.clock,
            history=self.history,
            notices=self.notices,
            emit=self._emit,
        )

    def _open_history(self, optional: bool) -> History:
        try:
            history = History(self.paths.history_file, recover=True)
        except HistoryBusy:
            raise
        except HistoryError as exc:
            if not optional:
                raise
            self._warn(HISTORY_LEFT_OUT(problem=exc.message))
            return History(":memory:")
        moved = history.moved_aside_message()
        if moved is not None:
            self._warn(moved)
        return history

    def _warn(self, message: Message) -> None:
        log.warning("%s", message)  # the log file in English, a terminal in the user's language
        self.load_warnings.append(message)
        self.history_warnings.append(message)

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

    # ------------------------------------------------------------------------------- token
    @property
    def token_store(self) -> TokenStore:
        if self._token_store is None:
            from ..token_store import TokenStore

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
            self._set_connection(
                ConnectionStatus(state=ConnectionState.NO_TOKEN, detail=self._token_message())
            )
        else:
            await self._start_client()
        if schedule_runs:
            self._watch_config()  # also without a token: the window shows what the CLI edits
            self._start_scheduler()
        self._emit(ChannelsChanged())

    def _token_message(self) -> Message:
        if self.token_state is not None and self.token_state.message:
            return self.token_state.message
        return NO_TOKEN()

    async def _start_client(self) -> None:
        from ..core.engine import Engine
        from ..discord_client import DiscordClient, configure_endpoint, resolve_endpoints
        from ..logs import register_secret

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
            guild_ready_timeout=self.timing.guild_ready_timeout,
            reconnect_backoff=self.timing.reconnect_backoff,
            identify_pause=self.timing.identify_pause,
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
        from ..scheduler import Scheduler

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
            from ..sleepwatch import watch_resume

            self._resume_task = asyncio.ensure_future(watch_resume(self._on_resume, self._on_sleep))

    async def _run_scheduler(self) -> None:
        assert self.scheduler is not None
        try:
            await self.scheduler.run(self._stop)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the scheduler stopped unexpectedly")
            self.notices.scheduler_stopped()

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
            self._bot_names.task,
            self._resume_task,
            self.cdp.task,
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
        if status.state == ConnectionState.TOKEN_INVALID:
            raise SetupError(TOKEN_REJECTED(), State.TOKEN_INVALID)
        if not ok:
            why = NOT_CONNECTED_BECAUSE(detail=status.detail) if status.detail else NOT_CONNECTED()
            raise SetupError(why, State.NETWORK)

    # ------------------------------------------------------------------------------- state from adapters
    def _set_connection(self, status: ConnectionStatus) -> None:
        previous = self.connection.state
        self.connection = status
        self._emit(ConnectionChanged(status))
        if (status.state == ConnectionState.CONNECTED) != (previous == ConnectionState.CONNECTED) and any(
            t.mention_id for t in self.config.targets
        ):
            self._emit(ChannelsChanged())  # the target bots' presence became known, or unknown
        if status.state == ConnectionState.TOKEN_INVALID and previous != ConnectionState.TOKEN_INVALID:
            self.notices.token_rejected()
        if status.state == ConnectionState.CONNECTED and previous != ConnectionState.CONNECTED:
            if self.scheduler is not None:
                self.scheduler.wake()  # network is back: a waiting catch-up can go now
            self._bot_names.connected()
            self._bot_names.resolve(self.client, self.config.targets)

    def _on_channel_deleted(self, channel_id: int) -> None:
        if channel_id in self.config.configured_channel_ids():
            self._deleted_live.add(channel_id)
            target = self.config.find(channel_id)
            self.notices.channel_deleted(target.uid, target.label)
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

    def _on_engine_event(self, event: object) -> None:
        from ..core import engine  # loaded by now: the engine is what sends these

        match event:
            case engine.RunStarted():
                self._emit(event)
            case engine.ChannelStateChanged():
                self._emit(ChannelsChanged())

    def _on_scheduler_event(self, event: object) -> None:
        from .. import scheduler as sched  # loaded by now: the scheduler is what sends these

        match event:
            case sched.RetryScheduled(at=at):  # comes just before the RunFinished it belongs to
                self._retry_at = at
                self._emit(self._schedule_changed())
            case sched.RunFinished(report=report):
                self._after_run(report)
            case _:
                self._emit(self._schedule_changed())

    def _schedule_changed(self) -> ScheduleChanged:
        state = SchedulerState(self.scheduler.state) if self.scheduler is not None else SchedulerState.IDLE
        return ScheduleChanged(self.next_run(), self.paused, state)

    def _after_run(self, report: RunReport) -> None:
        """Remember what channels look like, raise notices, tell the UI."""
        from ..core.engine import apply_refreshed

        if report.refreshed:
            try:
                self.update_config(lambda c: apply_refreshed(c, report), quiet=True)
            except ConfigError as exc:  # e.g. a config from a newer version: keep running, just don't save
                log.warning("could not save refreshed channel details: %s", exc)
        retry_at, self._retry_at = self._retry_at, None
        for result in report.results:
            if result.state != State.MISSING and result.channel_id is not None:
                self._deleted_live.discard(result.channel_id)
        self.notices.run_finished(report, retry_at)
        self._emit(RunFinished(report))
        self._emit(ChannelsChanged())
        self._emit(self._schedule_changed())
        if self.config.settings.cdp_url:
            self.start_cdp_check(report.run_id)

    # ------------------------------------------------------------------------------- CDP endpoint
    @property
    def cdp_endpoint(self) -> EndpointCheck | None:
        """The last check of CDP's API (also one recorded by an earlier process)."""
        return self.cdp.last

    def start_cdp_check(self, run_id: int | None = None) -> asyncio.Future[EndpointCheck | None] | None:
        return self.cdp.start(run_id)

    async def check_cdp_endpoint(self, run_id: int | None = None) -> EndpointCheck | None:
        return await self.cdp.check(run_id)

    # ------------------------------------------------------------------------------- actions
    async def run_now(self, force: bool = False) -> RunReport:
        """Every enabled target for the current slot, skipping done pairs unless ``force``."""
        if self.engine is None:
            raise SetupError(self._token_message(), State.TOKEN_INVALID)
        if self.scheduler is not None:
            report = await self.scheduler.run_now(force=force)
        else:
            from ..core.engine import Trigger

            async with self._run_lock:
                s = self.config.settings
                slot = s.current_slot(self.clock.now())
                report = await self.engine.run(self.config, slot, Trigger.MANUAL, force=force)
            self._after_run(report)
        if self.cdp.task is not None:  # a one-shot `run-now` reports the CDP endpoint too
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(self.cdp.task)
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
        from ..core.engine import Trigger

        targets = [t for t in self.config.enabled_targets() if t.uid in uids]
        async with self._run_lock:
            s = self.config.settings
            slot = s.current_slot(self.clock.now())
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
            what=READDING,
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

    def _on_resume(self) -> None:
        if self.scheduler is not None:
            self.scheduler.resumed()

    def _on_sleep(self) -> None:
        if self.scheduler is not None:
            self.scheduler.going_to_sleep()

    async def reconnect(self) -> None:
        """Log in again with the current token (restored on the server side, e.g. in the demo)."""
        if self._token:
            await self._restart_client()
            if self._schedule:
                self._start_scheduler()

    async def _restart_client(self) -> None:
        await self._stop_client()
        await self._start_client()

    # ------------------------------------------------------------------------------- token actions
    async def check_token(self, token: str) -> TokenCheck:
        from ..discord_client import check_token, resolve_endpoints

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
        self._set_connection(ConnectionStatus(state=ConnectionState.NO_TOKEN, detail=self._token_message()))

    # ------------------------------------------------------------------------------- queries
    async def list_guilds(self) -> list[GuildInfo]:
        if self.client is None or not self.client.is_connected:
            return []
        try:
            guilds = await self.client.list_guilds()
        except Exception:  # the editor falls back to typed IDs
            log.warning("could not list guilds", exc_info=True)
            return []
        known = dict(self._guild_names)
        self._guild_names.update({g.id: g.name for g in guilds if g.name})
        if self._guild_names != known:
            self._emit(ChannelsChanged())  # the rows can name their servers now
        return guilds

    async def describe_channel(self, channel_id: int) -> ChannelInfo | None:
        if self.client is None:
            return None
        try:
            return await asyncio.wait_for(self.client.fetch_channel(channel_id), 10)
        except Exception:
            return None

    async def test_proxy(self, proxy_url: str | None, api_base: str | None) -> tuple[bool, Message | str]:
        from ..core.config import parse_api_base_url, parse_proxy_url
        from ..discord_client import probe_route, resolve_endpoints

        try:
            proxy = parse_proxy_url(proxy_url)
            base = parse_api_base_url(api_base) or resolve_endpoints(self.config.settings, {}).api_base
        except ConfigError as exc:
            return False, str(exc)
        return await probe_route(base, proxy, timeout=10)

    def current_slot_key(self) -> str:
        s = self.config.settings
        return s.current_slot(self.clock.now()).key

    def channel_rows(self) -> list[ChannelRow]:
        self._bot_names.wanted = True
        self._bot_names.resolve(self.client, self.config.targets)
        live = LiveFacts(
            client=self.client,
            connection=self.connection,
            deleted_live=self._deleted_live,
            mention_names=self._bot_names.names,
            guild_names=self._guild_names,
        )
        return channel_rows(self.config, self.history, self.clock.now(), live)

    def heartbeat(self, days: int = 30) -> dict[str, Strip]:
        """target uid → ``core.heartbeat.Strip`` of its last ``days`` local days (one history query)."""
        from ..core.heartbeat import load_strips

        c = self.config
        return load_strips(c.targets, c.settings, self.history, self.clock.now(), days)

    def missing_count(self, rows: list[ChannelRow] | None = None) -> int:
        """``rows``: already computed ``channel_rows()``, so a caller asking several questions reads once."""
        rows = self.channel_rows() if rows is None else rows
        return sum(1 for row in rows if row.state == State.MISSING)

    def recent_runs(self, limit: int = 50) -> list[RunRecord]:
        return self.history.recent_runs(limit)

    def last_run(self) -> RunRecord | None:
        runs = self.history.recent_runs(1)
        return runs[0] if runs else None

    def run_results(self, run_id: int) -> list[ChannelResult]:
        return self.history.results_for_run(run_id)

    def run_log(self, run_id: int) -> list[LogLine]:
        return self.history.run_log(run_id)

    def next_run(self) -> datetime | None:
        s = self.config.settings
        slot = s.next_slot(self.clock.now())
        return slot.fire_at.astimezone(s.zone())

    def catch_up_due(self) -> bool:
        if self.scheduler is not None:
            return self.scheduler.catch_up_due()
        s = self.config.settings
        if not s.catch_up or self.paused:
            return False
        slot = s.current_slot(self.clock.now())
        return bool(schedule.owed_targets(self.config.targets, slot, self.history.done_uids(slot.key)))

    def overall_state(self, rows: list[ChannelRow] | None = None) -> OverallState:
        if self.paused:
            return OverallState.PAUSED
        if self.connection.state == ConnectionState.TOKEN_INVALID:
            return OverallState.ERROR
        if self.connection.state in _NOT_CONNECTED:
            return OverallState.OFFLINE
        states = {row.state for row in (self.channel_rows() if rows is None else rows)}
        if any(s.is_failure for s in states):
            return OverallState.ERROR
        if State.NO_REPLY in states:
            return OverallState.WARNING
        return OverallState.OK
