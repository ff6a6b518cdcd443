"""The core's :class:`~cdp_desktop.core.ports.DiscordPort` on the real discord.py client.

Built on the :class:`~.supervisor.ConnectionSupervisor` (which keeps the gateway connection) and the
request :class:`~.pacer.Pacer`. REST calls never hang (``asyncio.wait_for``), are paced under Discord's global
limit, and surface long rate limits as ``RATE_LIMITED`` (``max_ratelimit_timeout``) instead of sleeping for
minutes. The gateway's events are buffered here: replies for ``wait_for_reply``, this bot's own messages for
``markers_since``.

The delete guard: :meth:`DiscordClient.delete_owned_channel` is the only code path in the project that
deletes a channel, and it refuses anything but an app-owned temporary channel, and every configured one;
:meth:`DiscordClient.delete_own_message` is the only one that deletes a message, and it refuses anything but
a message this process has just sent (a duplicate keep-alive withdrawn in favour of an earlier one).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import discord

from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.messages import template
from cdp_desktop.core.ports import (
    ChannelInfo,
    ConnectionStatus,
    GuildInfo,
    OnCreated,
    Reply,
    SentMessage,
    SlotScan,
)

from .endpoints import Endpoints
from .failures import classify_exception
from .pacer import Pacer
from .payloads import (
    CATEGORY_TYPE,
    TEXT_CHANNEL_TYPES,
    check_cached_permissions,
    guild_channels,
    guild_from_cache,
    guild_from_payloads,
    info_from_cached,
    info_from_payload,
    logs_after,
    reply,
)
from .probes import discover_gateway
from .supervisor import ConnectionSupervisor

log = logging.getLogger(__name__)

T = TypeVar("T")

_REPLY_BUFFER = 200  # recent messages remembered per channel for wait_for_reply
_OWN_BUFFER = 200  # recent messages of this bot (any machine's) remembered per channel for markers_since
_SCAN_PAGES = 10  # a channel check reads at most this many pages of 100 messages after the slot start
_ECHO_TIMEOUT = 5.0  # seconds to wait for the gateway's echo of a send before reading the channel instead
_JUST_SENT_SECONDS = 600.0  # how long after sending a message may still be withdrawn
_JUST_SENT_MAX = 5000  # sent messages remembered for the guard (the oldest are forgotten: not withdrawable)

# discord.Status values as the app names them; "invisible" is only ever seen for ourselves: offline to others.
_PRESENCE_NAMES = {
    "online": "online",
    "idle": "idle",
    "dnd": "dnd",
    "offline": "offline",
    "invisible": "offline",
}


_C = "DiscordFailure"
NOT_TEXT = template(_C, "discord.not_text", "Channel {channel} is not a text channel.")
CHANNEL_DELETED = template(_C, "discord.channel_deleted", "Channel {channel} was deleted.")
NOT_IN_SERVER = template(_C, "discord.not_in_server", "Channel {channel} is not in the server.")
REFUSED_CONFIGURED = template(
    _C, "discord.refused_configured", "Refused to delete channel {channel}: it is a configured target."
)
REFUSED_NOT_OWNED = template(
    _C,
    "discord.refused_not_owned",
    "Refused to delete channel {channel}: it is not a temporary channel this app created.",
)
REFUSED_LOCK = template(_C, "discord.refused_lock", "Refused to delete channel {channel}: {error}")
REFUSED_MESSAGE = template(
    _C,
    "discord.refused_message",
    "Refused to delete message {message} in channel {channel}: it is not a message this process has just "
    "sent there.",
)


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
        reconnect_backoff: tuple[float, float] = (2.0, 300.0),
        identify_pause: float = 5.0,
        requests_per_second: float = 50.0,
    ) -> None:
        """``guild_ready_timeout``, ``reconnect_backoff`` (first wait, longest wait) and ``identify_pause``
        (before identifying again) suit Discord; a server on this machine needs no patience (see
        ``LOOPBACK_TIMING``)."""
        self.endpoints = endpoints
        self._is_owned = is_owned
        self._configured_ids = configured_ids
        self._guard_lock = guard_lock or _no_lock
        self._request_timeout = request_timeout
        self._conn = ConnectionSupervisor(
            token,
            endpoints=endpoints,
            events=self,
            presence_intents=presence_intents,
            on_status=on_status,
            request_timeout=request_timeout,
            max_ratelimit_timeout=max(30.0, max_ratelimit_timeout),  # discord.py clamps to >= 30 s anyway
            guild_ready_timeout=guild_ready_timeout,
            backoff=reconnect_backoff,
            identify_pause=identify_pause,
            pacer=Pacer(requests_per_second),
        )
        self._seen: dict[int, deque[_Seen]] = {}
        self._own: dict[int, deque[_Own]] = {}
        # message ID -> (channel ID, loop time sent): what delete_own_message may withdraw.
        self._just_sent: OrderedDict[int, tuple[int, float]] = OrderedDict()
        self._message_evt: dict[int, asyncio.Event] = {}
        self._deleted: set[int] = set()
        # Told of every channel deletion the gateway reports (a configured one turns red at once).
        self.on_channel_deleted: Callable[[int], None] | None = None
        # Told (guild ID, user ID) when a cached member's status changes (only with the presence intents).
        self.on_presence_changed: Callable[[int, int], None] | None = None

    # --- lifecycle -----

    async def start(self) -> None:
        """Start the connection supervisor and return at once."""
        await self._conn.start()

    async def wait_ready(self, timeout: float) -> bool:
        """Wait until the gateway is READY (True) or the supervisor gave up for good / timeout (False)."""
        return await self._conn.wait_ready(timeout)

    async def close(self) -> None:
        await self._conn.close()

    @property
    def status(self) -> ConnectionStatus:
        """A snapshot of the connection status."""
        return self._conn.status

    @property
    def is_connected(self) -> bool:
        return self._conn.gateway_ready

    @property
    def logged_in(self) -> bool:
        """REST calls can be made (logged in), even while the gateway is still connecting."""
        return self._conn.logged_in

    async def check_reachable(self, timeout: float = 10) -> bool:
        """Whether the API answers ``GET {api}/gateway`` through the configured proxy."""
        try:
            await discover_gateway(self.endpoints.api_base, proxy=self.endpoints.proxy, timeout=timeout)
        except Exception as exc:  # any failure means "not reachable"; the reason is logged
            log.info("Discord not reachable: %s", self._conn.scrub(str(classify_exception(exc))))
            return False
        return True

    # --- gateway events (GatewayEvents) -----

    def gateway_session_started(self) -> None:
        self._own.clear()

    def gateway_message(self, client: discord.Client, message: discord.Message) -> None:
        me = client.user
        cid = message.channel.id
        if me is not None and message.author.id == me.id:
            # Discord echoes our own sends; the same bot on another machine looks the same. Not a reply,
            # but what markers_since needs.
            own = self._own.setdefault(cid, deque(maxlen=_OWN_BUFFER))
            own.append(_Own(message.id, message.created_at, (message.content or "").rsplit("\n", 1)[-1]))
        else:
            buf = self._seen.setdefault(cid, deque(maxlen=_REPLY_BUFFER))
            buf.append(_Seen(message.id, message.author.id, message.created_at))
        evt = self._message_evt.get(cid)
        if evt is not None:
            evt.set()

    def gateway_message_deleted(self, channel_id: int, message_id: int) -> None:
        own = self._own.get(channel_id)
        if own is not None:
            for item in [m for m in own if m.message_id == message_id]:
                own.remove(item)

    def gateway_channel_created(self, channel_id: int) -> None:
        self._deleted.discard(channel_id)

    def gateway_channel_deleted(self, channel_id: int) -> None:
        self._deleted.add(channel_id)
        if self.on_channel_deleted is not None:
            self.on_channel_deleted(channel_id)

    def gateway_presence_changed(self, guild_id: int, user_id: int) -> None:
        if self.on_presence_changed is not None:
            self.on_presence_changed(guild_id, user_id)

    # --- REST plumbing -----

    async def _call(self, what: str, factory: Callable[[discord.Client], Awaitable[T]]) -> T:
        client = self._conn.rest_client()
        try:
            return await asyncio.wait_for(factory(client), self._request_timeout)
        except DiscordFailure:
            raise
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # classified; the original is not chained (its request info carries headers)
            failure = self._conn.scrubbed(await self._conn.death_reason(client) or classify_exception(exc))
            log.info("%s: %s", what, failure)
            raise failure from None

    def _cached(self) -> discord.Client | None:
        """The gateway's client when its cache can answer (READY), else None."""
        return self._conn.client if self._conn.cache_usable() else None

    # --- DiscordPort -----

    async def fetch_channel(self, channel_id: int, *, guild_id: int | None = None) -> ChannelInfo:
        """Verify a channel: from the gateway cache when READY (no request), else ``GET /channels/{id}``."""
        client = self._cached()
        if client is not None:
            cached = client.get_channel(channel_id)
            if isinstance(cached, discord.abc.GuildChannel):
                if not isinstance(cached, discord.abc.Messageable) or isinstance(
                    cached, discord.CategoryChannel
                ):
                    raise DiscordFailure(State.MISSING, NOT_TEXT(channel=str(channel_id)))
                check_cached_permissions(cached)
                return info_from_cached(cached)
            if channel_id in self._deleted:
                raise DiscordFailure(
                    State.MISSING, CHANNEL_DELETED(channel=str(channel_id)), code=10003, status=404
                )
            guild = client.get_guild(guild_id) if guild_id is not None else None
            if guild is not None and not guild.unavailable:
                raise DiscordFailure(State.MISSING, NOT_IN_SERVER(channel=str(channel_id)), code=10003)
        data = await self._call(f"GET /channels/{channel_id}", lambda c: c.http.get_channel(channel_id))
        if int(data.get("type", -1)) not in TEXT_CHANNEL_TYPES or "guild_id" not in data:
            raise DiscordFailure(State.MISSING, NOT_TEXT(channel=str(channel_id)))
        return info_from_payload(data)

    async def send_message(self, channel_id: int, content: str) -> SentMessage:
        mentions = discord.AllowedMentions(everyone=False, users=True, roles=False, replied_user=False)

        async def send(c: discord.Client) -> discord.Message:
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
        was_disconnected = not self._conn.gateway_ready
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
            was_disconnected = was_disconnected or not self._conn.gateway_ready
        if was_disconnected:
            # events may have been missed while the gateway was down: ask the channel's history once
            with contextlib.suppress(DiscordFailure):
                return await self._reply_from_history(channel_id, author_id, after)
        return None

    def _find_reply(self, channel_id: int, author_id: int, after: SentMessage) -> Reply | None:
        for seen in self._seen.get(channel_id, ()):
            if seen.author_id == author_id and seen.message_id > after.id:
                return reply(seen.message_id, author_id, after, seen.created_at)
        return None

    async def _reply_from_history(self, channel_id: int, author_id: int, after: SentMessage) -> Reply | None:
        msgs = await self._call(
            f"GET /channels/{channel_id}/messages", lambda c: c.http.logs_from(channel_id, 50, after=after.id)
        )
        for m in sorted(msgs, key=lambda m: int(m["id"])):
            if int(m.get("author", {}).get("id", 0)) == author_id and int(m["id"]) > after.id:
                mid = int(m["id"])
                return reply(mid, author_id, after, discord.utils.snowflake_time(mid))
        return None

    async def find_message_containing(self, channel_id: int, text: str, limit: int = 50) -> int | None:
        msgs = await self._call(
            f"GET /channels/{channel_id}/messages",
            lambda c: c.http.logs_from(channel_id, max(1, min(100, limit))),
        )
        me = self._conn.bot_id
        for m in msgs:
            author = int(m.get("author", {}).get("id", 0))
            if (me is None or author == me) and text in (m.get("content") or ""):
                return int(m["id"])
        return None

    # --- the channel as the ledger of a slot (exactly once across machines) -----

    async def scan_for_marker(self, channel_id: int, marker: str, after: int) -> SlotScan:
        """This bot's messages with ``marker`` above ``after``; no request when the gateway's copy of the
        channel shows no message above ``after`` (MESSAGE_CREATE keeps its ``last_message_id`` current)."""
        client = self._cached()
        watch = self._conn.session if client is not None else None
        if client is not None:
            cached = client.get_channel(channel_id)
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
        if (
            scan.watch is not None
            and scan.watch == self._conn.session
            and await self._echoed(channel_id, sent.id)
        ):
            own = self._own.get(channel_id, deque())
            overrun = len(own) == own.maxlen and own[0].message_id > scan.horizon
            if scan.watch == self._conn.session and not overrun:
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
            if remaining <= 0 or not self._conn.gateway_ready:
                return False
            evt.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(evt.wait(), min(remaining, 0.5))

    async def _read_markers(
        self, channel_id: int, marker: str, after: int
    ) -> tuple[list[SentMessage], int, int, bool]:
        """Read the messages above ``after`` oldest page first (``after=`` answers the oldest 100, newest
        first, as Discord does). Returns (this bot's marker messages, horizon, requests, complete)."""
        me = self._conn.bot_id
        found: list[SentMessage] = []
        cursor = after
        for page in range(1, _SCAN_PAGES + 1):
            msgs: list[dict[str, Any]] = await self._call(
                f"GET /channels/{channel_id}/messages",
                functools.partial(logs_after, channel_id, cursor),
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
        info = info_from_payload(data)
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
            message = REFUSED_LOCK(channel=str(channel_id), error=str(exc) or type(exc).__name__)
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
            message = (REFUSED_CONFIGURED if configured else REFUSED_NOT_OWNED)(channel=str(channel_id))
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
            message = REFUSED_MESSAGE(message=str(message_id), channel=str(channel_id))
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
        self.gateway_message_deleted(channel_id, message_id)

    async def category_exists(self, guild_id: int, category_id: int) -> bool:
        client = self._cached()
        if client is not None:
            guild = client.get_guild(guild_id)
            if guild is not None and not guild.unavailable:
                return isinstance(guild.get_channel(category_id), discord.CategoryChannel)
        try:
            data = await self._call(f"GET /channels/{category_id}", lambda c: c.http.get_channel(category_id))
        except DiscordFailure as failure:
            if failure.state is State.MISSING:
                return False
            raise
        payload: Mapping[str, Any] = data
        return int(payload.get("type", -1)) == CATEGORY_TYPE and int(payload.get("guild_id") or 0) == guild_id

    async def list_guilds(self) -> list[GuildInfo]:
        client = self._cached()
        if client is not None:
            me = client.user
            return [guild_from_cache(g, me.id if me else None) for g in client.guilds if not g.unavailable]
        guilds = await self._call("GET /users/@me/guilds", lambda c: c.http.get_guilds(200))
        result = []
        for g in guilds:
            gid = int(g["id"])
            chans: list[dict[str, Any]] = await self._call(
                f"GET /guilds/{gid}/channels", functools.partial(guild_channels, gid)
            )
            result.append(guild_from_payloads(gid, str(g.get("name", "")), chans))
        return result

    def presence_of(self, guild_id: int, user_id: int) -> str | None:
        """``"online"``, ``"idle"``, ``"dnd"`` or ``"offline"``, as the gateway last reported the member in
        that guild; ``None`` when unknown (presence intents not in use, not connected, member not cached)."""
        client = self._cached()
        if not self._conn.use_presence or client is None:
            return None
        guild = client.get_guild(guild_id)
        member = guild.get_member(user_id) if guild is not None and not guild.unavailable else None
        if member is None:
            return None
        return _PRESENCE_NAMES.get(str(member.status), "offline")

    async def describe_user(self, user_id: int) -> str | None:
        """A user's display name (for showing a target bot by name): from the gateway cache when it knows the
        user (members, message authors), else ``GET /users/{id}``. ``None`` when Discord has no such user."""
        client = self._cached()
        if client is not None:
            cached = client.get_user(user_id)
            if cached is not None:
                return cached.global_name or cached.name
        try:
            data = await self._call(f"GET /users/{user_id}", lambda c: c.http.get_user(user_id))
        except DiscordFailure as failure:
            if failure.state is State.MISSING:
                return None
            raise
        return str(data.get("global_name") or data.get("username") or "") or None
