"""The core's :class:`~cdp_desktop.core.ports.DiscordPort` on the real discord.py client.

Three jobs:

* a connection supervisor: a fresh ``discord.Client`` (and connector) for every start, ``login`` +
  ``connect`` run as a task, login failures classified, backoff with jitter on network errors, no retry of
  a rejected token, and a fall-back to minimal intents when Discord refuses the privileged ones (4014);
* REST calls that never hang (``asyncio.wait_for``), are paced under Discord's global limit, and surface
  long rate limits as ``RATE_LIMITED`` (``max_ratelimit_timeout``) instead of sleeping for minutes;
* the delete guard: :meth:`DiscordClient.delete_owned_channel` is the only code path in the project that
  deletes a channel, and it refuses anything but an app-owned temporary channel, and every configured one;
  :meth:`DiscordClient.delete_own_message` is the only one that deletes a message, and it refuses anything
  but a message this process has just sent (a duplicate keep-alive withdrawn in favour of an earlier one).

discord.py reads its REST root and first gateway URL from two class attributes; :func:`configure_endpoint`
is the one place that sets them.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import inspect
import logging
import os
import random
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import aiohttp
import discord
import discord.gateway
import discord.http
import yarl

from cdp_desktop.core.config import Settings, clean_name
from cdp_desktop.core.errors import QT_TRANSLATE_NOOP, DiscordFailure, State
from cdp_desktop.core.ports import (
    ChannelInfo,
    ConnectionStatus,
    GuildInfo,
    MemberInfo,
    OnCreated,
    Reply,
    SentMessage,
    SlotScan,
)
from cdp_desktop.proxy import (
    ProxySpec,
    make_connector,
    parse_proxy,
    redact_proxy,
    request_options,
    secrets_of,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY = "wss://gateway.discord.gg/"
ENV_API_BASE = "CDP_DESKTOP_API_BASE"
ENV_GATEWAY = "CDP_DESKTOP_GATEWAY_URL"
ENV_PROXY = "CDP_DESKTOP_PROXY"

_TEXT_CHANNEL_TYPES = frozenset({0, 5})  # GUILD_TEXT, GUILD_ANNOUNCEMENT
_CATEGORY_TYPE = 4
_REPLY_BUFFER = 200  # recent messages remembered per channel for wait_for_reply
_OWN_BUFFER = 200  # recent messages of this bot (any machine's) remembered per channel for markers_since
_SCAN_PAGES = 10  # a channel check reads at most this many pages of 100 messages after the slot start
_ECHO_TIMEOUT = 5.0  # seconds to wait for the gateway's echo of a send before reading the channel instead
_JUST_SENT_SECONDS = 600.0  # how long after sending a message may still be withdrawn
_JUST_SENT_MAX = 5000  # sent messages remembered for the guard (the oldest are forgotten: not withdrawable)
_KEEP = object()  # "leave unchanged" marker for ConnectionStatus fields

# Why presence is not known (ConnectionStatus.presence_reason); the UI translates them (context "Presence").
PRESENCE_OFF_REASON = QT_TRANSLATE_NOOP("Presence", "presence intents are off in the settings")
PRESENCE_REFUSED_REASON = QT_TRANSLATE_NOOP(
    "Presence",
    "Discord refused the Server Members and Presence intents (gateway close 4014); enable them for the "
    "bot in the Developer Portal",
)
# discord.Status values as the app names them; "invisible" is only ever seen for ourselves: offline to others.
_PRESENCE_NAMES = {
    "online": "online",
    "idle": "idle",
    "dnd": "dnd",
    "offline": "offline",
    "invisible": "offline",
}


# ----------------------------------------------------------------------------------------------------
# Endpoints


@dataclass(frozen=True)
class Endpoints:
    """Where Discord is: REST root, optional explicit gateway URL, optional proxy URL."""

    api_base: str = DEFAULT_API_BASE
    gateway_url: str | None = None
    proxy: str | None = None

    @property
    def proxy_spec(self) -> ProxySpec | None:
        return parse_proxy(self.proxy)

    @property
    def proxy_display(self) -> str | None:
        return redact_proxy(self.proxy)


def resolve_endpoints(settings: Settings, env: Mapping[str, str] = os.environ) -> Endpoints:
    """Environment overrides first, then the settings, then Discord itself."""
    api_base = (env.get(ENV_API_BASE) or settings.api_base_url or DEFAULT_API_BASE).strip().rstrip("/")
    gateway = (env.get(ENV_GATEWAY) or "").strip() or None
    proxy = (env.get(ENV_PROXY) or settings.proxy_url or "").strip() or None
    return Endpoints(api_base=api_base, gateway_url=gateway, proxy=proxy)


def configure_endpoint(api_base: str | None, gateway_url: str | None = None) -> None:
    """Point discord.py (process-wide) at a REST root and first gateway URL; ``None``: Discord's own."""
    discord.http.Route.BASE = (api_base or DEFAULT_API_BASE).rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url or DEFAULT_GATEWAY)


@contextlib.asynccontextmanager
async def _plain_session(spec: ProxySpec | None, timeout: float) -> Any:
    """A short-lived aiohttp session through the proxy (for discovery, reachability and token checks)."""
    session = aiohttp.ClientSession(
        connector=make_connector(spec),
        timeout=aiohttp.ClientTimeout(total=timeout),
        cookie_jar=aiohttp.DummyCookieJar(),
    )
    try:
        yield session
    finally:
        await session.close()


async def discover_gateway(api_base: str, *, proxy: str | None, timeout: float) -> str:
    """``GET {api}/gateway`` (as Discord documents it) and return its ``url``."""
    spec = parse_proxy(proxy)
    async with (
        _plain_session(spec, timeout) as session,
        session.get(f"{api_base.rstrip('/')}/gateway", **request_options(spec)) as resp,
    ):
        if resp.status >= 400:
            raise _http_failure(resp.status, await _json_or_none(resp), "GET /gateway")
        data = await resp.json(content_type=None)
    url = data.get("url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url:
        raise DiscordFailure(State.DISCORD_UNAVAILABLE, "GET /gateway returned no gateway URL")
    return url


async def _json_or_none(resp: aiohttp.ClientResponse) -> Any:
    try:
        return await resp.json(content_type=None)
    except (ValueError, aiohttp.ClientError):
        return None


def _http_failure(status: int, body: Any, what: str) -> DiscordFailure:
    code = int(body.get("code", 0) or 0) if isinstance(body, dict) else 0
    text = str(body.get("message", "")) if isinstance(body, dict) else ""
    retry_after = body.get("retry_after") if isinstance(body, dict) else None
    state = _state_for_status(status)
    return DiscordFailure(
        state,
        f"{what}: HTTP {status}" + (f" ({code}: {text})" if code or text else ""),
        code=code or None,
        status=status,
        retry_after=float(retry_after) if isinstance(retry_after, int | float) else None,
    )


# ----------------------------------------------------------------------------------------------------
# Classification


def _state_for_status(status: int) -> State:
    if status == 401:
        return State.TOKEN_INVALID
    if status == 407:  # the proxy refused our credentials: a network setting, not Discord
        return State.NETWORK
    if status == 404:
        return State.MISSING
    if status == 429:
        return State.RATE_LIMITED
    if status >= 500:
        return State.DISCORD_UNAVAILABLE
    # 403 (50001 Missing Access, 50013 Missing Permissions) and the other 4xx (e.g. 30013, too many channels):
    # permanent for this channel, so never retried blindly. The code and Discord's text stay in the failure.
    return State.NO_ACCESS


def classify_exception(exc: BaseException) -> DiscordFailure:
    """Map a discord.py / aiohttp / OS exception to the app's taxonomy, keeping code, status and message."""
    if isinstance(exc, DiscordFailure):
        return exc
    if isinstance(exc, discord.RateLimited):
        return DiscordFailure(
            State.RATE_LIMITED,
            f"rate limited; retry in {exc.retry_after:.0f} s",
            status=429,
            retry_after=exc.retry_after,
        )
    if isinstance(exc, discord.LoginFailure):
        return DiscordFailure(State.TOKEN_INVALID, "Discord rejected the bot token (401)", status=401)
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return DiscordFailure(
            State.INTENTS_MISSING, "Discord refused the privileged intents (gateway close 4014)", code=4014
        )
    if isinstance(exc, discord.ConnectionClosed):
        if exc.code == 4004:
            return DiscordFailure(
                State.TOKEN_INVALID, "Discord rejected the bot token (gateway close 4004)", code=4004
            )
        if exc.code == 4014:
            return DiscordFailure(
                State.INTENTS_MISSING,
                "Discord refused the privileged intents (gateway close 4014)",
                code=4014,
            )
        return DiscordFailure(State.NETWORK, f"gateway connection closed with code {exc.code}", code=exc.code)
    if isinstance(exc, discord.GatewayNotFound):
        return DiscordFailure(State.DISCORD_UNAVAILABLE, "the Discord gateway could not be found")
    if isinstance(exc, discord.HTTPException):
        status = exc.status
        code = exc.code or None
        text = (exc.text or "").splitlines()[0] if exc.text else ""
        retry_after = None
        if status == 429 and exc.response is not None:
            with contextlib.suppress(TypeError, ValueError):
                retry_after = float(exc.response.headers.get("Retry-After", ""))
        message = f"HTTP {status}" + (f" ({exc.code}: {text})" if code or text else "")
        return DiscordFailure(
            _state_for_status(status), message, code=code, status=status, retry_after=retry_after
        )
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return DiscordFailure(State.NETWORK, "the request to Discord timed out")
    if isinstance(exc, aiohttp.ClientError | OSError) or _is_socks_error(exc):
        return DiscordFailure(State.NETWORK, f"Discord could not be reached ({type(exc).__name__}: {exc})")
    return DiscordFailure(
        State.DISCORD_UNAVAILABLE, f"unexpected error talking to Discord ({type(exc).__name__})"
    )


def _is_socks_error(exc: BaseException) -> bool:
    try:
        import aiohttp_socks
        import python_socks
    except ImportError:  # aiohttp-socks is a dependency, but the HTTP-proxy path does not need it
        return False
    return isinstance(
        exc,
        python_socks.ProxyError
        | python_socks.ProxyConnectionError
        | python_socks.ProxyTimeoutError
        | aiohttp_socks.ProxyError
        | aiohttp_socks.ProxyConnectionError
        | aiohttp_socks.ProxyTimeoutError,
    )


# ----------------------------------------------------------------------------------------------------
# Pacing


class Pacer:
    """Spaces requests at ``rate`` per second, and never lets more than ``rate`` start within one window.

    Evenly spaced rather than bursty: the server sees the requests in the order and spacing they were sent, so
    a sliding-window limit like Discord's global 50/s is never crossed. The small margin absorbs jitter
    between the moment a request starts here and the moment the server counts it.
    """

    def __init__(self, rate: float, *, window: float = 1.0, margin: float = 0.05) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._window = window
        self._margin = margin
        self._recent: deque[float] = deque(maxlen=max(1, int(rate * window)))
        self._next = 0.0

    async def wait(self) -> None:
        if not self._interval:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        slot = max(now, self._next)
        if len(self._recent) == self._recent.maxlen:
            slot = max(slot, self._recent[0] + self._window + self._margin)
        # reserve before sleeping, so callers go out in arrival order
        self._recent.append(slot)
        self._next = slot + self._interval
        if slot > now:
            await asyncio.sleep(slot - now)

    def trace_config(self) -> aiohttp.TraceConfig:
        """Hooks the pacer into every HTTP request a session makes, including discord.py's own retries."""
        trace = aiohttp.TraceConfig()

        async def on_request_start(*_: Any) -> None:
            await self.wait()

        trace.on_request_start.append(on_request_start)
        return trace


# ----------------------------------------------------------------------------------------------------
# Token check (REST only)


@dataclass(frozen=True)
class TokenCheck:
    state: State
    bot_name: str | None
    bot_id: int | None
    message: str


async def check_token(token: str, *, endpoints: Endpoints, timeout: float = 20) -> TokenCheck:
    """Log in over REST only (``GET users/@me``) and report the bot's name, or why not."""
    spec = endpoints.proxy_spec
    headers = {"Authorization": f"Bot {token}", "User-Agent": "DiscordBot (cdp-desktop)"}
    try:
        async with (
            _plain_session(spec, timeout) as session,
            session.get(f"{endpoints.api_base}/users/@me", headers=headers, **request_options(spec)) as resp,
        ):
            body = await _json_or_none(resp)
            if resp.status >= 400:
                failure = _http_failure(resp.status, body, "GET /users/@me")
                return TokenCheck(failure.state, None, None, _scrub(str(failure), token, spec))
    except Exception as exc:  # every failure becomes a state; nothing escapes with the token in it
        failure = classify_exception(exc)
        return TokenCheck(failure.state, None, None, _scrub(str(failure), token, spec))
    if not isinstance(body, dict) or "id" not in body:
        return TokenCheck(State.DISCORD_UNAVAILABLE, None, None, "GET /users/@me returned no user")
    name = str(body.get("global_name") or body.get("username") or "")
    return TokenCheck(State.OK, name, int(body["id"]), f"Logged in as {name}")


async def describe_channel_rest(
    token: str, channel_id: int, *, endpoints: Endpoints, timeout: float = 15
) -> ChannelInfo:
    """One ``GET /channels/{id}`` without a gateway connection (``channels add`` remembers the channel's
    name, category, topic and position this way). Raises a classified ``DiscordFailure``."""
    spec = endpoints.proxy_spec
    headers = {"Authorization": f"Bot {token}", "User-Agent": "DiscordBot (cdp-desktop)"}
    what = f"GET /channels/{channel_id}"
    try:
        async with (
            _plain_session(spec, timeout) as session,
            session.get(
                f"{endpoints.api_base}/channels/{channel_id}", headers=headers, **request_options(spec)
            ) as resp,
        ):
            body = await _json_or_none(resp)
            if resp.status >= 400:
                raise _http_failure(resp.status, body, what)
    except DiscordFailure:
        raise
    except Exception as exc:
        failure = classify_exception(exc)
        raise DiscordFailure(
            failure.state, _scrub(str(failure), token, spec), failure.code, failure.status
        ) from None
    if not isinstance(body, dict) or "id" not in body or "guild_id" not in body:
        raise DiscordFailure(State.MISSING, f"{what}: not a server channel", code=10003, status=404)
    return _info_from_payload(body)


class _NoVoiceWarning(logging.Filter):
    """discord.py warns at every Client() that voice libraries are missing; this app never uses voice."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


logging.getLogger("discord.client").addFilter(_NoVoiceWarning())


def _scrub(text: str, token: str | None, proxy: ProxySpec | None = None) -> str:
    """Remove the token and the proxy password from a message meant for logs, status lines or users."""
    if token:
        text = text.replace(token, "<token>")
    for secret in secrets_of(proxy):
        text = text.replace(secret, "<password>")
    return text


# ----------------------------------------------------------------------------------------------------
# The adapter


@contextlib.asynccontextmanager
async def _no_lock() -> AsyncIterator[None]:
    yield


class DeleteRefusedError(DiscordFailure):
    """The delete guard refused: the channel is configured, or not a temporary channel this app created."""


@dataclass(frozen=True)
class _Seen:
    message_id: int
    author_id: int
    created_at: datetime


@dataclass(frozen=True)
class _Own:
    """A message of this bot seen on the gateway: sent by this process or by another machine."""

    message_id: int
    created_at: datetime
    last_line: str  # where the slot marker is


class _GatewayClient(discord.Client):
    """discord.Client whose events go to the adapter; one instance per (re)start."""

    def __init__(self, owner: DiscordClient, *, fast: bool, **options: Any) -> None:
        super().__init__(**options)
        self._owner = owner
        self._fast = fast

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        if not initial and not self._fast:  # Discord's identify pacing; tests skip it
            await asyncio.sleep(5.0)

    async def on_ready(self) -> None:
        self._owner._on_gateway_ready(self, fresh=True)

    async def on_resumed(self) -> None:
        self._owner._on_gateway_ready(self, fresh=False)

    async def on_disconnect(self) -> None:
        self._owner._on_gateway_lost(self)

    async def on_message(self, message: discord.Message) -> None:
        self._owner._on_message(self, message)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        self._owner._on_message_deleted(payload.channel_id, payload.message_id)

    async def on_guild_channel_create(self, channel: discord.abc.GuildChannel) -> None:
        self._owner._deleted.discard(channel.id)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        self._owner._deleted.add(channel.id)
        if self._owner.on_channel_deleted is not None:
            self._owner.on_channel_deleted(channel.id)

    async def on_presence_update(self, before: discord.Member, after: discord.Member) -> None:
        # activity changes arrive here too; only a change of status is worth a refresh
        hook = self._owner.on_presence_changed
        if hook is not None and str(before.status) != str(after.status):
            hook(after.guild.id, after.id)


class _Stop(Exception):
    """The supervisor must stop for good (bad token, refused intents)."""


class _Retry(Exception):
    """Restart at once with a fresh client (after the intents fall-back)."""


class DiscordClient:
    """Implements :class:`~cdp_desktop.core.ports.DiscordPort` on discord.py 2.7."""

    def __init__(
        self,
        token: str,
        *,
        endpoints: Endpoints,
        presence_intents: bool = False,
        is_owned: Callable[[int], bool],
        configured_ids: Callable[[], set[int]],
        guard_lock: Callable[[], contextlib.AbstractAsyncContextManager[Any]] | None = None,
        on_status: Callable[[ConnectionStatus], None] | None = None,
        request_timeout: float = 30.0,
        max_ratelimit_timeout: float = 30.0,
        guild_ready_timeout: float = 2.0,
        fast_reconnect: bool = False,
        requests_per_second: float = 50.0,
    ) -> None:
        self._token = token
        self.endpoints = endpoints
        self._proxy = (
            endpoints.proxy_spec
        )  # validates early: a bad proxy URL fails here, not in the supervisor
        self._want_presence = presence_intents
        self._is_owned = is_owned
        self._configured_ids = configured_ids
        self._guard_lock = guard_lock or _no_lock
        self._on_status = on_status
        self._request_timeout = request_timeout
        self._max_ratelimit_timeout = max(30.0, max_ratelimit_timeout)  # discord.py clamps to >= 30 s anyway
        self._guild_ready_timeout = (
            0.1 if fast_reconnect and guild_ready_timeout >= 2.0 else guild_ready_timeout
        )
        self._fast = fast_reconnect
        self._pacer = Pacer(requests_per_second)

        self._status = ConnectionStatus(state="offline", proxy=endpoints.proxy_display)
        self._client: _GatewayClient | None = None
        self._logged_in = False
        self._gateway_ready = False
        self._closing = False
        self._supervisor: asyncio.Task[None] | None = None
        self._ready_evt = asyncio.Event()
        self._settled_evt = asyncio.Event()  # ready, or stopped for good
        self._stop_evt = asyncio.Event()  # close() was called
        self._seen: dict[int, deque[_Seen]] = {}
        self._own: dict[int, deque[_Own]] = {}
        # A new number for every fresh gateway session (READY, not RESUMED: a resume replays what was
        # missed). The events of one session are complete, so markers_since may trust them.
        self._session = 0
        # message ID -> (channel ID, loop time sent): what delete_own_message may withdraw.
        self._just_sent: OrderedDict[int, tuple[int, float]] = OrderedDict()
        self._message_evt: dict[int, asyncio.Event] = {}
        self._deleted: set[int] = set()
        # Told of every channel deletion the gateway reports (a configured one turns red at once).
        self.on_channel_deleted: Callable[[int], None] | None = None
        # Told (guild ID, user ID) when a cached member's status changes (only with the presence intents).
        self.on_presence_changed: Callable[[int, int], None] | None = None
        self._use_presence = presence_intents
        self._terminal: DiscordFailure | None = None
        self._ready_count = 0

    # --- lifecycle -----

    async def start(self) -> None:
        """Start the connection supervisor and return at once."""
        if self._supervisor is None or self._supervisor.done():
            self._closing = False
            self._stop_evt.clear()
            self._terminal = None
            self._settled_evt.clear()
            self._supervisor = asyncio.create_task(self._supervise(), name="cdp-discord-supervisor")

    async def wait_ready(self, timeout: float) -> bool:
        """Wait until the gateway is READY (True) or the supervisor gave up for good / timeout (False)."""
        if not self._gateway_ready and self._terminal is None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._settled_evt.wait(), timeout)
        return self._gateway_ready

    async def close(self) -> None:
        self._closing = True
        self._stop_evt.set()
        # Cancel the supervisor first: its ``finally`` closes the discord.py client. Closing the client
        # under a running ``connect()`` makes discord.py dispatch on_disconnect on a loop it has already
        # dropped, leaving a never-awaited coroutine behind.
        task = self._supervisor
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, 6)
        client = self._client
        if client is not None and not client.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.close(), 5)
        self._supervisor = None
        self._set_status(
            "offline" if self._status.state not in {"token_invalid", "intents_missing"} else None
        )

    @property
    def status(self) -> ConnectionStatus:
        """A snapshot of the connection status."""
        return dataclasses.replace(self._status, extra=dict(self._status.extra))

    @property
    def is_connected(self) -> bool:
        return self._gateway_ready

    @property
    def logged_in(self) -> bool:
        """REST calls can be made (logged in), even while the gateway is still connecting."""
        return self._logged_in and self._terminal is None

    async def check_reachable(self, timeout: float = 10) -> bool:
        """Whether the API answers ``GET {api}/gateway`` through the configured proxy."""
        try:
            await discover_gateway(self.endpoints.api_base, proxy=self.endpoints.proxy, timeout=timeout)
        except Exception as exc:  # any failure means "not reachable"; the reason is logged
            log.info("Discord not reachable: %s", self._scrub(str(classify_exception(exc))))
            return False
        return True

    # --- supervisor -----

    async def _supervise(self) -> None:
        attempt = 0
        state = "connecting"
        while not self._closing:
            self._set_status(state)
            readies = self._ready_count
            failure: DiscordFailure | None = None
            try:
                await self._run_once()
            except _Stop:
                break
            except _Retry:
                continue  # the intents fall-back: reconnect at once with a fresh client
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # classified below; the supervisor must survive anything
                failure = classify_exception(exc)
            if self._closing:
                break
            if failure is not None and failure.state is State.TOKEN_INVALID:
                self._stop_for_good(failure, "token_invalid")
                break
            if self._ready_count != readies:
                attempt = 0  # this client got as far as READY: start the backoff over
            delay = self._backoff(attempt)
            attempt += 1
            reason = self._scrub(str(failure)) if failure else "connection ended"
            log.warning("Discord connection lost (%s); reconnecting in %.1f s", reason, delay)
            self._set_status("reconnecting", detail=reason)
            state = "reconnecting"
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stop_evt.wait(), delay)  # close() cuts the backoff short
        if not self._closing and self._terminal is None:
            self._set_status("offline")

    def _backoff(self, attempt: int) -> float:
        base, cap = (0.2, 2.0) if self._fast else (2.0, 300.0)
        delay: float = min(cap, base * 2.0**attempt) * random.uniform(0.5, 1.0)
        return delay

    def _intents(self) -> discord.Intents:
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        if self._use_presence:
            intents.members = True
            intents.presences = True
        return intents

    async def _run_once(self) -> None:
        """One client lifetime: discover, log in, connect until the client closes or fails."""
        api = self.endpoints.api_base
        gateway = self.endpoints.gateway_url
        if gateway is None and api.rstrip("/") != DEFAULT_API_BASE:
            gateway = await discover_gateway(api, proxy=self.endpoints.proxy, timeout=self._request_timeout)
        configure_endpoint(api, gateway)
        client = _GatewayClient(
            self,
            fast=self._fast,
            intents=self._intents(),
            connector=make_connector(self._proxy),
            http_trace=self._pacer.trace_config(),
            max_ratelimit_timeout=self._max_ratelimit_timeout,
            guild_ready_timeout=self._guild_ready_timeout,
            chunk_guilds_at_startup=False,
            max_messages=None,
            **request_options(self._proxy),
        )
        self._client = client
        try:
            await asyncio.wait_for(client.login(self._token), self._request_timeout * 2)
            self._logged_in = True
            user = client.user
            if user is not None:
                self._status.bot_name = user.global_name or user.name
                self._status.bot_id = user.id
            self._set_status(self._status.state)
            try:
                await client.connect(reconnect=True)
            except discord.PrivilegedIntentsRequired:
                if not self._use_presence:
                    self._stop_for_good(
                        classify_exception(discord.PrivilegedIntentsRequired(None)), "intents_missing"
                    )
                    raise _Stop from None
                self._use_presence = False
                self._status.presence_available = False
                self._status.presence_reason = PRESENCE_REFUSED_REASON
                log.warning("Privileged intents refused (4014); continuing with minimal intents")
                raise _Retry from None
        finally:
            await self._dispose(client)

    async def _dispose(self, client: _GatewayClient) -> None:
        if self._client is client:
            self._client = None
            self._logged_in = False
            self._gateway_ready = False
            self._ready_evt.clear()
        if not client.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.close(), 5)
        connector = client.http.connector
        if isinstance(connector, aiohttp.BaseConnector) and not connector.closed:
            # login never created a session (it failed first): the connector is ours to close
            with contextlib.suppress(Exception):
                await connector.close()

    def _stop_for_good(self, failure: DiscordFailure, state: str) -> None:
        self._terminal = failure
        log.error("Discord connection stopped: %s", self._scrub(str(failure)))
        self._set_status(state, detail=self._scrub(str(failure)))
        self._settled_evt.set()

    # --- gateway events -----

    def _on_gateway_ready(self, client: _GatewayClient, *, fresh: bool = True) -> None:
        if client is not self._client:
            return
        if fresh:
            self._session += 1
            self._own.clear()
        self._gateway_ready = True
        self._ready_count += 1
        self._status.presence_available = self._use_presence
        if not self._want_presence:
            self._status.presence_reason = PRESENCE_OFF_REASON
        self._ready_evt.set()
        self._settled_evt.set()
        self._set_status("connected", detail=None)

    def _on_gateway_lost(self, client: _GatewayClient) -> None:
        if client is not self._client or self._closing:
            return
        self._gateway_ready = False
        self._ready_evt.clear()
        self._settled_evt.clear()  # wait_ready() waits for the reconnect again (a final stop sets it)
        if self._status.state == "connected":
            self._set_status("reconnecting", detail="gateway connection lost")

    def _on_message(self, client: _GatewayClient, message: discord.Message) -> None:
        me = client.user
        cid = message.channel.id
        if me is not None and message.author.id == me.id:
            # Discord echoes our own sends; the same bot on another machine looks the same. Not a reply,
            # but what markers_since needs.
            own = self._own.setdefault(cid, deque(maxlen=_OWN_BUFFER))
            own.append(_Own(message.id, message.created_at, (message.content or "").rsplit("\n", 1)[-1]))
            evt = self._message_evt.get(cid)
            if evt is not None:
                evt.set()
            return
        buf = self._seen.setdefault(cid, deque(maxlen=_REPLY_BUFFER))
        buf.append(_Seen(message.id, message.author.id, message.created_at))
        evt = self._message_evt.get(cid)
        if evt is not None:
            evt.set()

    def _on_message_deleted(self, channel_id: int, message_id: int) -> None:
        own = self._own.get(channel_id)
        if own is not None:
            for item in [m for m in own if m.message_id == message_id]:
                own.remove(item)

    def _set_status(self, state: str | None, *, detail: str | object | None = _KEEP) -> None:
        if state is not None:
            self._status.state = state
        if detail is not _KEEP:
            self._status.detail = detail if isinstance(detail, str) else None
        self._status.proxy = self.endpoints.proxy_display
        if self._on_status is not None:
            try:
                self._on_status(self.status)
            except Exception:  # a listener's bug must not kill the supervisor
                log.exception("connection status listener failed")

    # --- REST plumbing -----

    def _scrub(self, text: str) -> str:
        return _scrub(text, self._token, self._proxy)

    def _rest(self) -> _GatewayClient:
        client = self._client
        if self._terminal is not None:
            raise DiscordFailure(
                self._terminal.state,
                self._terminal.message,
                code=self._terminal.code,
                status=self._terminal.status,
            )
        if client is None or not self._logged_in or client.is_closed():
            raise DiscordFailure(State.NETWORK, "not connected to Discord")
        return client

    async def _call(self, what: str, factory: Callable[[_GatewayClient], Awaitable[T]]) -> T:
        client = self._rest()
        try:
            return await asyncio.wait_for(factory(client), self._request_timeout)
        except DiscordFailure:
            raise
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # classified; the original is not chained (its request info carries headers)
            failure = classify_exception(exc)
            if client.is_closed() and not self._closing:
                # the client died under this call (e.g. gateway close 4004): report why it died, not the
                # "connector is closed" symptom
                await self._wait_disposed(client, 2.0)
                if self._terminal is not None:
                    failure = self._terminal
            failure = DiscordFailure(
                failure.state,
                self._scrub(f"{what}: {failure.message}"),
                code=failure.code,
                status=failure.status,
                retry_after=failure.retry_after,
            )
            log.info("%s", failure.message)
            raise failure from None

    async def _wait_disposed(self, client: _GatewayClient, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._client is client and self._terminal is None and loop.time() < deadline:
            await asyncio.sleep(0.02)

    def _cache_usable(self) -> bool:
        return self._gateway_ready and self._client is not None and self._client.is_ready()

    # --- DiscordPort -----

    async def fetch_channel(self, channel_id: int, *, guild_id: int | None = None) -> ChannelInfo:
        """Verify a channel: from the gateway cache when READY (no request), else ``GET /channels/{id}``."""
        if self._cache_usable():
            client = self._client
            assert client is not None
            cached = client.get_channel(channel_id)
            if isinstance(cached, discord.abc.GuildChannel):
                if not isinstance(cached, discord.abc.Messageable) or isinstance(
                    cached, discord.CategoryChannel
                ):
                    raise DiscordFailure(State.MISSING, f"channel {channel_id} is not a text channel")
                _check_cached_permissions(cached)
                return _info_from_cached(cached)
            if channel_id in self._deleted:
                raise DiscordFailure(
                    State.MISSING, f"channel {channel_id} was deleted", code=10003, status=404
                )
            guild = client.get_guild(guild_id) if guild_id is not None else None
            if guild is not None and not guild.unavailable:
                raise DiscordFailure(State.MISSING, f"channel {channel_id} is not in the guild", code=10003)
        data = await self._call(f"GET /channels/{channel_id}", lambda c: c.http.get_channel(channel_id))
        if int(data.get("type", -1)) not in _TEXT_CHANNEL_TYPES or "guild_id" not in data:
            raise DiscordFailure(State.MISSING, f"channel {channel_id} is not a text channel")
        return _info_from_payload(data)

    async def send_message(self, channel_id: int, content: str) -> SentMessage:
        mentions = discord.AllowedMentions(everyone=False, users=True, roles=False, replied_user=False)

        async def send(c: _GatewayClient) -> discord.Message:
            return await c.get_partial_messageable(channel_id).send(content, allowed_mentions=mentions)

        message = await self._call(f"POST /channels/{channel_id}/messages", send)
        self._just_sent[message.id] = (channel_id, asyncio.get_running_loop().time())
        while len(self._just_sent) > _JUST_SENT_MAX:
            self._just_sent.popitem(last=False)
        return SentMessage(id=message.id, channel_id=channel_id, created_at=message.created_at)

    async def wait_for_reply(
        self, channel_id: int, author_id: int, after: SentMessage, timeout: float
    ) -> Reply | None:
        evt = self._message_evt.setdefault(channel_id, asyncio.Event())
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        was_disconnected = not self._gateway_ready
        while True:
            found = self._find_reply(channel_id, author_id, after)
            if found is not None:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            evt.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(evt.wait(), min(remaining, 1.0))
            was_disconnected = was_disconnected or not self._gateway_ready
        if was_disconnected:
            # events may have been missed while the gateway was down: ask the channel's history once
            with contextlib.suppress(DiscordFailure):
                return await self._reply_from_history(channel_id, author_id, after)
        return None

    def _find_reply(self, channel_id: int, author_id: int, after: SentMessage) -> Reply | None:
        for seen in self._seen.get(channel_id, ()):
            if seen.author_id == author_id and seen.message_id > after.id:
                return _reply(seen.message_id, author_id, after, seen.created_at)
        return None

    async def _reply_from_history(self, channel_id: int, author_id: int, after: SentMessage) -> Reply | None:
        msgs = await self._call(
            f"GET /channels/{channel_id}/messages", lambda c: c.http.logs_from(channel_id, 50, after=after.id)
        )
        for m in sorted(msgs, key=lambda m: int(m["id"])):
            if int(m.get("author", {}).get("id", 0)) == author_id and int(m["id"]) > after.id:
                mid = int(m["id"])
                return _reply(mid, author_id, after, discord.utils.snowflake_time(mid))
        return None

    async def find_message_containing(self, channel_id: int, text: str, limit: int = 50) -> int | None:
        msgs = await self._call(
            f"GET /channels/{channel_id}/messages",
            lambda c: c.http.logs_from(channel_id, max(1, min(100, limit))),
        )
        me = self._status.bot_id
        for m in msgs:
            author = int(m.get("author", {}).get("id", 0))
            if (me is None or author == me) and text in (m.get("content") or ""):
                return int(m["id"])
        return None

    # --- the channel as the ledger of a slot (exactly once across machines) -----

    async def scan_for_marker(self, channel_id: int, marker: str, after: int) -> SlotScan:
        """This bot's messages with ``marker`` above ``after``; no request when the gateway's copy of the
        channel shows no message above ``after`` (MESSAGE_CREATE keeps its ``last_message_id`` current)."""
        watch = self._session if self._cache_usable() else None
        if self._cache_usable():
            assert self._client is not None
            cached = self._client.get_channel(channel_id)
            if isinstance(cached, discord.TextChannel):
                last = cached.last_message_id
                if last is None or last <= after:
                    return SlotScan((), after, 0, True, watch)
        found, horizon, requests, complete = await self._read_markers(channel_id, marker, after)
        return SlotScan(tuple(found), horizon, requests, complete, watch)

    async def markers_since(
        self, channel_id: int, marker: str, scan: SlotScan, sent: SentMessage
    ) -> list[SentMessage]:
        """This bot's ``marker`` messages above ``scan.horizon`` (``sent`` included), oldest first.

        Within one gateway session Discord delivers a channel's messages in order, so once the echo of
        ``sent`` has arrived every earlier message of the channel has too: the events answer without a
        request. Otherwise (another session, no echo in time, buffer overrun) the channel is read."""
        if scan.watch is not None and scan.watch == self._session and await self._echoed(channel_id, sent.id):
            own = self._own.get(channel_id, deque())
            overrun = len(own) == own.maxlen and own[0].message_id > scan.horizon
            if scan.watch == self._session and not overrun:
                return sorted(
                    (
                        SentMessage(m.message_id, channel_id, m.created_at)
                        for m in own
                        if m.message_id > scan.horizon and marker in m.last_line
                    ),
                    key=lambda m: m.id,
                )
        found, _, _, _ = await self._read_markers(channel_id, marker, scan.horizon)
        if all(m.id != sent.id for m in found):
            found.append(sent)
        return sorted(found, key=lambda m: m.id)

    async def _echoed(self, channel_id: int, message_id: int) -> bool:
        """Wait (bounded) until the gateway has delivered our own message ``message_id``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _ECHO_TIMEOUT
        evt = self._message_evt.setdefault(channel_id, asyncio.Event())
        while True:
            if any(m.message_id == message_id for m in self._own.get(channel_id, ())):
                return True
            remaining = deadline - loop.time()
            if remaining <= 0 or not self._gateway_ready:
                return False
            evt.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(evt.wait(), min(remaining, 0.5))

    async def _read_markers(
        self, channel_id: int, marker: str, after: int
    ) -> tuple[list[SentMessage], int, int, bool]:
        """Read the messages above ``after`` oldest page first (``after=`` answers the oldest 100, newest
        first, as Discord does). Returns (this bot's marker messages, horizon, requests, complete)."""
        me = self._status.bot_id
        found: list[SentMessage] = []
        cursor = after
        for page in range(1, _SCAN_PAGES + 1):
            msgs: list[dict[str, Any]] = await self._call(
                f"GET /channels/{channel_id}/messages",
                functools.partial(_logs_after, channel_id, cursor),
            )
            for m in msgs:
                mid = int(m["id"])
                cursor = max(cursor, mid)
                author = int(m.get("author", {}).get("id", 0))
                if (me is None or author == me) and marker in (m.get("content") or ""):
                    found.append(SentMessage(mid, channel_id, discord.utils.snowflake_time(mid)))
            if len(msgs) < 100:
                return sorted(found, key=lambda m: m.id), cursor, page, True
        log.info(
            "channel %s: more than %d messages since the slot began; looked at the first ones",
            channel_id,
            _SCAN_PAGES * 100,
        )
        return sorted(found, key=lambda m: m.id), cursor, _SCAN_PAGES, False

    async def create_text_channel(
        self,
        guild_id: int,
        name: str,
        *,
        category_id: int | None = None,
        topic: str | None = None,
        position: int | None = None,
        on_created: OnCreated | None = None,
    ) -> ChannelInfo:
        data = await self._call(
            f"POST /guilds/{guild_id}/channels",
            lambda c: c.http.create_channel(
                guild_id,
                0,
                name=name,
                parent_id=category_id,
                topic=topic,
                position=position,
                reason="cdp-desktop keep-alive",
            ),
        )
        data.setdefault("guild_id", str(guild_id))
        info = _info_from_payload(data)
        self._deleted.discard(info.id)
        if on_created is not None:
            result = on_created(info)
            if inspect.isawaitable(result):
                await result
        return info

    async def delete_owned_channel(self, channel_id: int) -> None:
        """Delete a temporary channel this app created: the ONLY code path that deletes a channel.

        The check and the DELETE happen under ``guard_lock`` (the inter-process config lock): the configured
        IDs are read as they are *now*, and no process can configure the channel between the check and the
        request (``channels add`` also refuses a channel in the owned ledger)."""
        try:
            async with self._guard_lock():
                await self._checked_delete(channel_id)
        except DiscordFailure:
            raise
        except Exception as exc:  # the lock could not be had (another process edits for long): fail closed
            message = f"Refused to delete channel {channel_id}: {exc}"
            log.error("%s", message)
            raise DeleteRefusedError(State.NO_ACCESS, message) from None
        self._deleted.add(channel_id)

    async def _checked_delete(self, channel_id: int) -> None:
        try:
            owned = bool(self._is_owned(channel_id))
            configured = channel_id in self._configured_ids()
        except Exception:  # fail closed: if the ledger or the config cannot be read, nothing is deleted
            log.exception("delete guard could not read the ledger; refusing to delete %s", channel_id)
            owned, configured = False, True
        if configured or not owned:
            why = (
                "it is a configured target"
                if configured
                else "it is not a temporary channel this app created"
            )
            message = f"Refused to delete channel {channel_id}: {why}"
            log.error("%s", message)
            raise DeleteRefusedError(State.NO_ACCESS, message)
        try:
            await self._call(
                f"DELETE /channels/{channel_id}",
                lambda c: c.http.delete_channel(
                    channel_id, reason="cdp-desktop temporary keep-alive channel"
                ),
            )
        except DiscordFailure as failure:
            if failure.state is not State.MISSING:
                raise
            log.info("temporary channel %s was already gone", channel_id)

    async def delete_own_message(self, channel_id: int, message_id: int) -> None:
        """Withdraw a duplicate keep-alive: the ONLY code path that deletes a message. It deletes nothing
        but a message this process sent to that very channel within the last few minutes (never a channel,
        never anyone else's message, never one of ours from an earlier process)."""
        sent = self._just_sent.get(message_id)
        now = asyncio.get_running_loop().time()
        if sent is None or sent[0] != channel_id or now - sent[1] > _JUST_SENT_SECONDS:
            message = (
                f"Refused to delete message {message_id} in channel {channel_id}: "
                "it is not a message this process has just sent there"
            )
            log.error("%s", message)
            raise DeleteRefusedError(State.NO_ACCESS, message)
        try:
            await self._call(
                f"DELETE /channels/{channel_id}/messages/{message_id}",
                lambda c: c.http.delete_message(
                    channel_id, message_id, reason="cdp-desktop duplicate keep-alive withdrawn"
                ),
            )
        except DiscordFailure as failure:
            if failure.state is not State.MISSING:
                raise
            log.info("message %s was already gone", message_id)
        self._just_sent.pop(message_id, None)
        self._on_message_deleted(channel_id, message_id)

    async def category_exists(self, guild_id: int, category_id: int) -> bool:
        if self._cache_usable():
            assert self._client is not None
            guild = self._client.get_guild(guild_id)
            if guild is not None and not guild.unavailable:
                return isinstance(guild.get_channel(category_id), discord.CategoryChannel)
        try:
            data = await self._call(f"GET /channels/{category_id}", lambda c: c.http.get_channel(category_id))
        except DiscordFailure as failure:
            if failure.state is State.MISSING:
                return False
            raise
        payload: Mapping[str, Any] = data
        return (
            int(payload.get("type", -1)) == _CATEGORY_TYPE and int(payload.get("guild_id") or 0) == guild_id
        )

    async def list_guilds(self) -> list[GuildInfo]:
        if self._cache_usable():
            assert self._client is not None
            me = self._client.user
            return [
                _guild_from_cache(g, me.id if me else None) for g in self._client.guilds if not g.unavailable
            ]
        guilds = await self._call("GET /users/@me/guilds", lambda c: c.http.get_guilds(200))
        result = []
        for g in guilds:
            gid = int(g["id"])
            chans: list[dict[str, Any]] = await self._call(
                f"GET /guilds/{gid}/channels", functools.partial(_guild_channels, gid)
            )
            result.append(_guild_from_payloads(gid, str(g.get("name", "")), chans))
        return result

    def presence_of(self, guild_id: int, user_id: int) -> str | None:
        """``"online"``, ``"idle"``, ``"dnd"`` or ``"offline"``, as the gateway last reported the member in
        that guild; ``None`` when unknown (presence intents not in use, not connected, member not cached)."""
        if not self._use_presence or not self._cache_usable():
            return None
        assert self._client is not None
        guild = self._client.get_guild(guild_id)
        member = guild.get_member(user_id) if guild is not None and not guild.unavailable else None
        if member is None:
            return None
        return _PRESENCE_NAMES.get(str(member.status), "offline")

    async def describe_user(self, user_id: int) -> str | None:
        """A user's display name (for showing a target bot by name): from the gateway cache when it knows the
        user (members, message authors), else ``GET /users/{id}``. ``None`` when Discord has no such user."""
        if self._cache_usable():
            assert self._client is not None
            cached = self._client.get_user(user_id)
            if cached is not None:
                return cached.global_name or cached.name
        try:
            data = await self._call(f"GET /users/{user_id}", lambda c: c.http.get_user(user_id))
        except DiscordFailure as failure:
            if failure.state is State.MISSING:
                return None
            raise
        return str(data.get("global_name") or data.get("username") or "") or None


# ----------------------------------------------------------------------------------------------------
# Payload helpers


def _logs_after(channel_id: int, after: int, client: discord.Client) -> Awaitable[Any]:
    return client.http.logs_from(channel_id, 100, after=after)


def _guild_channels(guild_id: int, client: discord.Client) -> Awaitable[Any]:
    return client.http.get_all_guild_channels(guild_id)


def _reply(message_id: int, author_id: int, after: SentMessage, created_at: datetime) -> Reply:
    latency = max(0.0, (created_at - after.created_at).total_seconds())
    return Reply(message_id=message_id, author_id=author_id, latency_seconds=latency)


def _opt_int(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


def _info_from_payload(data: Mapping[str, Any]) -> ChannelInfo:
    return ChannelInfo(
        id=int(data["id"]),
        guild_id=int(data["guild_id"]),
        name=clean_name(data.get("name", "")),  # no ESC or newline from a channel name reaches a terminal
        category_id=_opt_int(data.get("parent_id")),
        topic=data.get("topic"),
        position=_opt_int(data.get("position")),
    )


def _check_cached_permissions(channel: discord.abc.GuildChannel) -> None:
    """NO_ACCESS from the cached overwrites and roles (the gateway keeps them current), without a request."""
    me = channel.guild.me
    if me is None:  # the bot's own member is not cached: let the send tell
        return
    perms = channel.permissions_for(me)
    if not perms.view_channel:
        raise DiscordFailure(State.NO_ACCESS, f"channel {channel.id}: Missing Access", code=50001, status=403)
    if not perms.send_messages:
        raise DiscordFailure(
            State.NO_ACCESS, f"channel {channel.id}: Missing Permissions", code=50013, status=403
        )


def _info_from_cached(channel: discord.abc.GuildChannel) -> ChannelInfo:
    return ChannelInfo(
        id=channel.id,
        guild_id=channel.guild.id,
        name=clean_name(channel.name),
        category_id=channel.category_id,
        topic=getattr(channel, "topic", None),
        position=channel.position,
    )


def _guild_from_cache(guild: discord.Guild, my_id: int | None) -> GuildInfo:
    return GuildInfo(
        id=guild.id,
        name=guild.name,
        channels=tuple(_info_from_cached(c) for c in guild.text_channels),
        categories=tuple(_info_from_cached(c) for c in guild.categories),
        bots=tuple(
            MemberInfo(m.id, m.global_name or m.name, True) for m in guild.members if m.bot and m.id != my_id
        ),
    )


def _guild_from_payloads(guild_id: int, name: str, channels: list[dict[str, Any]]) -> GuildInfo:
    infos = [_info_from_payload({**c, "guild_id": guild_id}) for c in channels]
    types = {int(c["id"]): int(c.get("type", -1)) for c in channels}
    return GuildInfo(
        id=guild_id,
        name=name,
        channels=tuple(i for i in infos if types[i.id] in _TEXT_CHANNEL_TYPES),
        categories=tuple(i for i in infos if types[i.id] == _CATEGORY_TYPE),
    )
