"""The connection supervisor: one discord.py client at a time, kept connected, and the status it reports.

A fresh ``discord.Client`` (and connector) for every start; ``login`` + ``connect`` run as a task; login
failures classified; backoff with jitter on network errors; no retry of a rejected token; a fall-back to
minimal intents when Discord refuses the privileged ones (4014). The gateway's message and channel events go
to a :class:`GatewayEvents` listener (the port), which keeps what the keep-alive logic needs.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import enum
import logging
import random
from collections.abc import Callable
from typing import Any, Protocol

import aiohttp
import discord

from cdp_desktop.core.errors import QT_TRANSLATE_NOOP, DiscordFailure, State
from cdp_desktop.core.messages import Message, template
from cdp_desktop.core.ports import ConnectionState, ConnectionStatus
from cdp_desktop.core.retry import backoff_delay
from cdp_desktop.logs import redact
from cdp_desktop.proxy import make_connector, request_options, secrets_of

from .endpoints import DEFAULT_API_BASE, Endpoints, configure_endpoint
from .failures import NOT_CONNECTED, classify_exception, redacted
from .pacer import Pacer
from .probes import discover_gateway

log = logging.getLogger(__name__)

_KEEP = object()  # "leave unchanged" marker for ConnectionStatus fields

# Why the connection is not up (ConnectionStatus.detail), beside the failures' own messages.
CONNECTION_ENDED = template("Connection", "connection.ended", "The connection to Discord ended.")
GATEWAY_LOST = template("Connection", "connection.gateway_lost", "The gateway connection was lost.")
RECONNECTING = template(
    "Connection",
    "connection.reconnecting",
    "Discord connection lost ({reason}); reconnecting in {seconds} seconds.",
)

# Why presence is not known (ConnectionStatus.presence_reason); the UI translates them (context "Presence").
PRESENCE_OFF_REASON = QT_TRANSLATE_NOOP("Presence", "presence intents are off in the settings")
PRESENCE_REFUSED_REASON = QT_TRANSLATE_NOOP(
    "Presence",
    "Discord refused the Server Members and Presence intents (gateway close 4014); enable them for the "
    "bot in the Developer Portal",
)


class GatewayEvents(Protocol):
    """What the gateway reports beyond the connection itself (implemented by the port)."""

    def gateway_session_started(self) -> None:
        """A fresh session (READY, not RESUMED): what was learnt from the previous one may be incomplete."""

    def gateway_message(self, client: discord.Client, message: discord.Message) -> None: ...

    def gateway_message_deleted(self, channel_id: int, message_id: int) -> None: ...

    def gateway_channel_created(self, channel_id: int) -> None: ...

    def gateway_channel_deleted(self, channel_id: int) -> None: ...

    def gateway_presence_changed(self, guild_id: int, user_id: int) -> None: ...


class _NoVoiceWarning(logging.Filter):
    """discord.py warns at every Client() that voice libraries are missing; this app never uses voice."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


def _quiet_voice_warning() -> None:
    logger = logging.getLogger("discord.client")
    if not any(isinstance(f, _NoVoiceWarning) for f in logger.filters):
        logger.addFilter(_NoVoiceWarning())


class _GatewayClient(discord.Client):
    """discord.Client whose events go to the supervisor and the port; one instance per (re)start."""

    def __init__(
        self,
        supervisor: ConnectionSupervisor,
        events: GatewayEvents,
        *,
        identify_pause: float,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self._supervisor = supervisor
        self._events = events
        self._identify_pause = identify_pause

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        if not initial and self._identify_pause > 0:  # Discord's identify pacing
            await asyncio.sleep(self._identify_pause)

    async def on_ready(self) -> None:
        self._supervisor._on_gateway_ready(self, fresh=True)

    async def on_resumed(self) -> None:
        self._supervisor._on_gateway_ready(self, fresh=False)

    async def on_disconnect(self) -> None:
        self._supervisor._on_gateway_lost(self)

    async def on_message(self, message: discord.Message) -> None:
        self._events.gateway_message(self, message)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        self._events.gateway_message_deleted(payload.channel_id, payload.message_id)

    async def on_guild_channel_create(self, channel: discord.abc.GuildChannel) -> None:
        self._events.gateway_channel_created(channel.id)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        self._events.gateway_channel_deleted(channel.id)

    async def on_presence_update(self, before: discord.Member, after: discord.Member) -> None:
        # activity changes arrive here too; only a change of status is worth a refresh
        if str(before.status) != str(after.status):
            self._events.gateway_presence_changed(after.guild.id, after.id)


class _Next(enum.Enum):
    """What the supervisor does after one client's lifetime."""

    BACK_OFF = enum.auto()  # the connection ended or failed: wait, then a fresh client
    AT_ONCE = enum.auto()  # the intents fall-back: a fresh client right away
    STOP = enum.auto()  # stopped for good (the reason is in ``terminal``)


class ConnectionSupervisor:
    """Keeps one gateway connection up (or says for good why not) and reports its ``ConnectionStatus``."""

    def __init__(
        self,
        token: str,
        *,
        endpoints: Endpoints,
        events: GatewayEvents,
        presence_intents: bool,
        on_status: Callable[[ConnectionStatus], None] | None = None,
        request_timeout: float,
        max_ratelimit_timeout: float,
        guild_ready_timeout: float,
        backoff: tuple[float, float],
        identify_pause: float,
        pacer: Pacer,
    ) -> None:
        self._token = token
        self.endpoints = endpoints
        self._proxy = endpoints.proxy_spec  # validates early: a bad proxy URL fails here, not in the task
        self._events = events
        self._want_presence = presence_intents
        self.use_presence = presence_intents  # False after Discord refused the privileged intents
        self._on_status = on_status
        self._request_timeout = request_timeout
        self._max_ratelimit_timeout = max_ratelimit_timeout
        self._guild_ready_timeout = guild_ready_timeout
        self._backoff_base, self._backoff_cap = backoff
        self._identify_pause = identify_pause
        self._pacer = pacer

        self._status = ConnectionStatus(state=ConnectionState.OFFLINE, proxy=endpoints.proxy_display)
        self.client: _GatewayClient | None = None  # the current client (None between lifetimes)
        self._logged_in = False
        self.gateway_ready = False
        self.closing = False
        self._task: asyncio.Task[None] | None = None
        self._settled_evt = asyncio.Event()  # ready, or stopped for good
        self._stop_evt = asyncio.Event()  # close() was called
        # A new number for every fresh gateway session (READY, not RESUMED: a resume replays what was
        # missed). The events of one session are complete, so the port may trust them within it.
        self.session = 0
        self.terminal: DiscordFailure | None = None  # why the supervisor stopped for good
        self._ready_count = 0
        self._rng = random.Random()

    # --- lifecycle -----

    async def start(self) -> None:
        """Start the supervising task and return at once."""
        _quiet_voice_warning()
        if self._task is None or self._task.done():
            self.closing = False
            self._stop_evt.clear()
            self.terminal = None
            self._settled_evt.clear()
            self._task = asyncio.create_task(self._supervise(), name="cdp-discord-supervisor")

    async def wait_ready(self, timeout: float) -> bool:
        """Wait until the gateway is READY (True) or the supervisor gave up for good / timeout (False)."""
        if not self.gateway_ready and self.terminal is None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._settled_evt.wait(), timeout)
        return self.gateway_ready

    async def close(self) -> None:
        self.closing = True
        self._stop_evt.set()
        # Cancel the task first: its ``finally`` closes the discord.py client. Closing the client under a
        # running ``connect()`` makes discord.py dispatch on_disconnect on a loop it has already dropped,
        # leaving a never-awaited coroutine behind.
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, 6)
        client = self.client
        if client is not None and not client.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.close(), 5)
        self._task = None
        self._set_status(
            ConnectionState.OFFLINE
            if self._status.state not in {ConnectionState.TOKEN_INVALID, ConnectionState.INTENTS_MISSING}
            else None
        )

    @property
    def status(self) -> ConnectionStatus:
        """A snapshot of the connection status."""
        return dataclasses.replace(self._status, extra=dict(self._status.extra))

    @property
    def bot_id(self) -> int | None:
        return self._status.bot_id

    @property
    def logged_in(self) -> bool:
        """REST calls can be made (logged in), even while the gateway is still connecting."""
        return self._logged_in and self.terminal is None

    def cache_usable(self) -> bool:
        return self.gateway_ready and self.client is not None and self.client.is_ready()

    def scrub(self, text: str) -> str:
        """``text`` without the token and the proxy password."""
        return redact(text, self._token, *secrets_of(self._proxy))

    def scrubbed(self, failure: DiscordFailure) -> DiscordFailure:
        """``failure`` saying nothing of the token and the proxy password."""
        return redacted(failure, self.scrub)

    def rest_client(self) -> _GatewayClient:
        """The client to make REST calls with, or the classified reason there is none."""
        client = self.client
        if self.terminal is not None:
            raise DiscordFailure(
                self.terminal.state,
                self.terminal.message,
                code=self.terminal.code,
                status=self.terminal.status,
            )
        if client is None or not self._logged_in or client.is_closed():
            raise DiscordFailure(State.NETWORK, NOT_CONNECTED())
        return client

    async def death_reason(self, client: discord.Client, timeout: float = 2.0) -> DiscordFailure | None:
        """Why ``client`` died under a call (e.g. gateway close 4004), rather than the "connector is closed"
        symptom the call saw; ``None`` when it is alive, closed by us, or the reason is not final."""
        if not client.is_closed() or self.closing:
            return None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.client is client and self.terminal is None and loop.time() < deadline:
            await asyncio.sleep(0.02)
        return self.terminal

    # --- the supervising task -----

    async def _supervise(self) -> None:
        attempt = 0
        state = ConnectionState.CONNECTING
        while not self.closing:
            self._set_status(state)
            readies = self._ready_count
            failure: DiscordFailure | None = None
            try:
                step = await self._run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # classified below; the supervisor must survive anything
                failure = classify_exception(exc)
                step = _Next.BACK_OFF
            if step is _Next.STOP or self.closing:
                break
            if step is _Next.AT_ONCE:
                continue
            if failure is not None and failure.state is State.TOKEN_INVALID:
                self._stop_for_good(failure, ConnectionState.TOKEN_INVALID)
                break
            if self._ready_count != readies:
                attempt = 0  # this client got as far as READY: start the backoff over
            delay = self._backoff(attempt)
            attempt += 1
            reason = self.scrubbed(failure).explain() if failure else CONNECTION_ENDED()
            log.info("%s", RECONNECTING(reason=reason, seconds=round(delay, 1)))  # expected, not a fault
            self._set_status(ConnectionState.RECONNECTING, detail=reason)
            state = ConnectionState.RECONNECTING
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stop_evt.wait(), delay)  # close() cuts the backoff short
        if not self.closing and self.terminal is None:
            self._set_status(ConnectionState.OFFLINE)

    def _backoff(self, attempt: int) -> float:
        return backoff_delay(attempt + 1, base=self._backoff_base, cap=self._backoff_cap, rng=self._rng)

    def _intents(self) -> discord.Intents:
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        if self.use_presence:
            intents.members = True
            intents.presences = True
        return intents

    async def _run_once(self) -> _Next:
        """One client lifetime: discover, log in, connect until the client closes or fails."""
        api = self.endpoints.api_base
        gateway = self.endpoints.gateway_url
        if gateway is None and api.rstrip("/") != DEFAULT_API_BASE:
            gateway = await discover_gateway(api, proxy=self.endpoints.proxy, timeout=self._request_timeout)
        configure_endpoint(api, gateway)
        client = _GatewayClient(
            self,
            self._events,
            identify_pause=self._identify_pause,
            intents=self._intents(),
            connector=make_connector(self._proxy),
            http_trace=self._pacer.trace_config(),
            max_ratelimit_timeout=self._max_ratelimit_timeout,
            guild_ready_timeout=self._guild_ready_timeout,
            chunk_guilds_at_startup=False,
            max_messages=None,
            **request_options(self._proxy),
        )
        self.client = client
        try:
            await asyncio.wait_for(client.login(self._token), self._request_timeout * 2)
            self._logged_in = True
            user = client.user
            if user is not None:
                self._status.bot_name = user.global_name or user.name
                self._status.bot_id = user.id
            self._set_status(self._status.state)
            try:
                # discord.py resumes a dropped session by itself either way. With reconnect=False, a
                # reconnect that fails (the network is down) ends the client here instead of retrying on
                # discord.py's own backoff (uncapped up to 17 minutes, an ERROR with a traceback each time):
                # one backoff, this supervisor's, with the cap the settings give.
                await client.connect(reconnect=False)
            except discord.ConnectionClosed as exc:
                # 4014 comes as ConnectionClosed: discord.py wraps it in PrivilegedIntentsRequired only
                # on its own reconnect path, which reconnect=False never takes.
                if exc.code == 4014:
                    return self._intents_refused()
                raise
            return _Next.BACK_OFF
        finally:
            await self._dispose(client)

    def _intents_refused(self) -> _Next:
        """Gateway close 4014: without presence asked for, nothing can help; with it, try without."""
        if not self.use_presence:
            self._stop_for_good(
                classify_exception(discord.PrivilegedIntentsRequired(None)), ConnectionState.INTENTS_MISSING
            )
            return _Next.STOP
        self.use_presence = False
        self._status.presence_available = False
        self._status.presence_reason = PRESENCE_REFUSED_REASON
        log.warning("Privileged intents refused (4014); continuing with minimal intents")
        return _Next.AT_ONCE

    async def _dispose(self, client: _GatewayClient) -> None:
        if self.client is client:
            self.client = None
            self._logged_in = False
            self.gateway_ready = False
        if not client.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.close(), 5)
        connector = client.http.connector
        if isinstance(connector, aiohttp.BaseConnector) and not connector.closed:
            # login never created a session (it failed first): the connector is ours to close
            with contextlib.suppress(Exception):
                await connector.close()

    def _stop_for_good(self, failure: DiscordFailure, state: ConnectionState) -> None:
        self.terminal = failure
        reason = self.scrubbed(failure).explain()
        log.error("Discord connection stopped: %s", reason)
        self._set_status(state, detail=reason)
        self._settled_evt.set()

    # --- connection events -----

    def _on_gateway_ready(self, client: _GatewayClient, *, fresh: bool = True) -> None:
        if client is not self.client:
            return
        if fresh:
            self.session += 1
            self._events.gateway_session_started()
        self.gateway_ready = True
        self._ready_count += 1
        self._status.presence_available = self.use_presence
        if not self._want_presence:
            self._status.presence_reason = PRESENCE_OFF_REASON
        self._settled_evt.set()
        self._set_status(ConnectionState.CONNECTED, detail=None)

    def _on_gateway_lost(self, client: _GatewayClient) -> None:
        if client is not self.client or self.closing:
            return
        self.gateway_ready = False
        self._settled_evt.clear()  # wait_ready() waits for the reconnect again (a final stop sets it)
        if self._status.state == ConnectionState.CONNECTED:
            self._set_status(ConnectionState.RECONNECTING, detail=GATEWAY_LOST())

    def _set_status(self, state: ConnectionState | None, *, detail: Message | object | None = _KEEP) -> None:
        if state is not None:
            self._status.state = state
        if detail is not _KEEP:
            self._status.detail = detail if isinstance(detail, Message) else None
        self._status.proxy = self.endpoints.proxy_display
        if self._on_status is not None:
            try:
                self._on_status(self.status)
            except Exception:  # a listener's bug must not kill the supervisor
                log.exception("connection status listener failed")
