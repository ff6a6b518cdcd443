"""An in-memory DiscordPort for fast unit tests of the engine's own logic.

Faithful to the port contract in ``cdp_desktop.core.ports`` (and to what ``discord_client.py`` does):
classified ``DiscordFailure``s, ``on_created`` awaited before ``create_text_channel`` returns, a delete guard
that refuses anything not owned or configured, replies buffered so a reply that came before
``wait_for_reply`` still counts. Integration tests against the real client and the sandbox cover the wire.
"""

from __future__ import annotations

import asyncio
import inspect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.message import snowflake_at
from cdp_desktop.core.ports import ChannelInfo, GuildInfo, OnCreated, Reply, SentMessage, SlotScan

BOT_ID = 900000000000000001


class FakeDeleteRefused(DiscordFailure):
    """The fake's delete guard refused (like ``discord_client.DeleteRefusedError``)."""


class DeliveredThenFail:
    """A send fault: the message is stored, then the failure is raised (response lost on the way back)."""

    def __init__(self, failure: DiscordFailure) -> None:
        self.failure = failure


Fault = DiscordFailure | DeliveredThenFail


@dataclass
class FakeMessage:
    id: int
    channel_id: int
    author_id: int
    content: str
    created_at: datetime


@dataclass
class FakeGuild:
    id: int
    name: str = "guild"
    categories: set[int] = field(default_factory=set)
    can_manage_channels: bool = True
    channel_limit: int = 500


def missing(what: str, code: int = 10003) -> DiscordFailure:
    return DiscordFailure(State.MISSING, f"Unknown {what}", code=code, status=404)


class FakeDiscord:
    """In-memory Discord. ``reply_delays``: bot id -> seconds until it answers a mention (absent: silent)."""

    def __init__(
        self,
        *,
        is_owned: Callable[[int], bool] = lambda _id: False,
        configured_ids: Callable[[], set[int]] = set,
        time_scale: float = 1.0,
        latency: float = 0.0,
    ) -> None:
        self.is_owned = is_owned
        self.configured_ids = configured_ids
        self.time_scale = time_scale  # multiplies reply waits (so a 60 s timeout can take 0.6 s)
        self.latency = latency  # seconds per request
        self.guilds: dict[int, FakeGuild] = {}
        self.channels: dict[int, ChannelInfo] = {}
        self.messages: dict[int, list[FakeMessage]] = defaultdict(list)
        self.no_access: set[int] = set()
        self.reply_delays: dict[int, float] = {}
        self.faults: dict[tuple[str, int | None], list[Fault]] = defaultdict(list)
        self.calls: list[tuple[str, int | None]] = []
        self.deleted: list[int] = []
        self.refused: list[int] = []
        self.created: list[ChannelInfo] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.waiting_replies = 0
        self.max_waiting_replies = 0  # reply waits that overlapped at the same moment
        self.after_created: Callable[[ChannelInfo], None] | None = None
        self._base_time = datetime(2025, 3, 1, tzinfo=UTC)
        self._next_id = snowflake_at(self._base_time)  # IDs encode their time, as Discord's do
        self.just_sent: dict[int, int] = {}  # message ID -> channel: what delete_own_message may withdraw
        self.withdrawn: list[int] = []

    # ----------------------------------------------------------------------- scenario set-up

    def new_id(self) -> int:
        self._next_id += 1 << 22  # one millisecond later each time, like real snowflakes
        return self._next_id

    def add_guild(self, guild_id: int, *, categories: tuple[int, ...] = ()) -> FakeGuild:
        guild = FakeGuild(guild_id, categories=set(categories))
        self.guilds[guild_id] = guild
        return guild

    def add_channel(
        self,
        guild_id: int,
        name: str,
        *,
        channel_id: int | None = None,
        category_id: int | None = None,
        topic: str | None = None,
        position: int | None = None,
    ) -> ChannelInfo:
        info = ChannelInfo(channel_id or self.new_id(), guild_id, name, category_id, topic, position)
        self.channels[info.id] = info
        return info

    def delete_externally(self, channel_id: int) -> None:
        """A user deleted the channel on Discord."""
        del self.channels[channel_id]

    def fail(self, op: str, *faults: Fault, channel_id: int | None = None) -> None:
        """Queue failures for the next calls of ``op`` (for one channel, or any channel when None)."""
        self.faults[(op, channel_id)].extend(faults)

    def sent_to(self, channel_id: int) -> list[FakeMessage]:
        return [m for m in self.messages[channel_id] if m.author_id == BOT_ID]

    def count(self, op: str) -> int:
        return sum(1 for name, _ in self.calls if name == op)

    # ----------------------------------------------------------------------- plumbing

    async def _request(self, op: str, channel_id: int | None) -> Fault | None:
        self.calls.append((op, channel_id))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.latency)
        finally:
            self.in_flight -= 1
        for key in ((op, channel_id), (op, None)):
            if self.faults.get(key):
                fault = self.faults[key].pop(0)
                if isinstance(fault, DiscordFailure):
                    raise fault
                return fault
        return None

    def _channel(self, channel_id: int) -> ChannelInfo:
        info = self.channels.get(channel_id)
        if info is None:
            raise missing("Channel")
        if channel_id in self.no_access:
            raise DiscordFailure(State.NO_ACCESS, "Missing Access", code=50001, status=403)
        return info

    def _now(self) -> datetime:
        return self._base_time + timedelta(milliseconds=len(self.calls))

    # ----------------------------------------------------------------------- DiscordPort

    async def fetch_channel(self, channel_id: int) -> ChannelInfo:
        await self._request("fetch_channel", channel_id)
        return self._channel(channel_id)

    async def send_message(self, channel_id: int, content: str) -> SentMessage:
        fault = await self._request("send_message", channel_id)
        self._channel(channel_id)
        msg = FakeMessage(self.new_id(), channel_id, BOT_ID, content, self._now())
        self.messages[channel_id].append(msg)
        self.just_sent[msg.id] = channel_id
        for bot_id, delay in self.reply_delays.items():
            if f"<@{bot_id}>" in content:
                asyncio.get_running_loop().call_later(
                    delay * self.time_scale,
                    self._reply,
                    channel_id,
                    bot_id,
                    msg.created_at + timedelta(seconds=delay),
                )
        if isinstance(fault, DeliveredThenFail):
            raise fault.failure
        return SentMessage(msg.id, channel_id, msg.created_at)

    def _reply(self, channel_id: int, bot_id: int, at: datetime) -> None:
        if channel_id in self.channels:
            self.messages[channel_id].append(FakeMessage(self.new_id(), channel_id, bot_id, "pong", at))

    async def wait_for_reply(
        self, channel_id: int, author_id: int, after: SentMessage, timeout: float
    ) -> Reply | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout * self.time_scale
        self.waiting_replies += 1
        self.max_waiting_replies = max(self.max_waiting_replies, self.waiting_replies)
        try:
            while True:
                for m in self.messages[channel_id]:
                    if m.author_id == author_id and m.id > after.id:
                        return Reply(m.id, author_id, (m.created_at - after.created_at).total_seconds())
                if loop.time() >= deadline:
                    return None
                await asyncio.sleep(min(0.01, max(0.0, deadline - loop.time())))
        finally:
            self.waiting_replies -= 1

    def _markers(self, channel_id: int, marker: str, after: int) -> list[SentMessage]:
        return sorted(
            (
                SentMessage(m.id, channel_id, m.created_at)
                for m in self.messages[channel_id]
                if m.id > after and m.author_id == BOT_ID and marker in m.content
            ),
            key=lambda m: m.id,
        )

    async def scan_for_marker(self, channel_id: int, marker: str, after: int) -> SlotScan:
        """Like the adapter: free when the channel's newest message is not above ``after`` (its cached
        ``last_message_id``), else one read (recorded as the call ``scan_for_marker``)."""
        self._channel(channel_id)
        last = max((m.id for m in self.messages[channel_id]), default=None)
        if last is None or last <= after:
            return SlotScan((), after)
        await self._request("scan_for_marker", channel_id)
        self._channel(channel_id)
        return SlotScan(tuple(self._markers(channel_id, marker, after)), max(last, after), 1)

    async def markers_since(
        self, channel_id: int, marker: str, scan: SlotScan, sent: SentMessage
    ) -> list[SentMessage]:
        # Like the adapter: answered from the gateway's events (no request), so not within the bound.
        self.calls.append(("markers_since", channel_id))
        await asyncio.sleep(0)
        found = self._markers(channel_id, marker, scan.horizon)
        return found if any(m.id == sent.id for m in found) else sorted([*found, sent], key=lambda m: m.id)

    async def delete_own_message(self, channel_id: int, message_id: int) -> None:
        if self.just_sent.get(message_id) != channel_id:
            self.refused.append(message_id)
            raise FakeDeleteRefused(State.NO_ACCESS, f"Refused to delete message {message_id}")
        await self._request("delete_own_message", channel_id)
        self.messages[channel_id] = [m for m in self.messages[channel_id] if m.id != message_id]
        self.just_sent.pop(message_id)
        self.withdrawn.append(message_id)

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
        await self._request("create_text_channel", None)
        guild = self.guilds.get(guild_id)
        if guild is None:
            raise missing("Guild", 10004)
        if not guild.can_manage_channels:
            raise DiscordFailure(State.NO_ACCESS, "Missing Permissions", code=50013, status=403)
        if sum(1 for c in self.channels.values() if c.guild_id == guild_id) >= guild.channel_limit:
            raise DiscordFailure(
                State.NO_ACCESS, "Maximum number of guild channels reached (500)", code=30013, status=400
            )
        if category_id is not None and category_id not in guild.categories:
            raise DiscordFailure(State.NO_ACCESS, "Invalid Form Body", code=50035, status=400)
        info = self.add_channel(guild_id, name, category_id=category_id, topic=topic, position=position)
        self.created.append(info)
        if on_created is not None:
            result = on_created(info)
            if inspect.isawaitable(result):
                await result
        if self.after_created is not None:
            self.after_created(info)
        return info

    async def delete_owned_channel(self, channel_id: int) -> None:
        if channel_id in self.configured_ids() or not self.is_owned(channel_id):
            self.refused.append(channel_id)
            raise FakeDeleteRefused(State.NO_ACCESS, f"Refused to delete channel {channel_id}")
        await self._request("delete_owned_channel", channel_id)
        if self.channels.pop(channel_id, None) is not None:
            self.deleted.append(channel_id)
            self.messages.pop(channel_id, None)

    async def category_exists(self, guild_id: int, category_id: int) -> bool:
        await self._request("category_exists", None)
        guild = self.guilds.get(guild_id)
        return guild is not None and category_id in guild.categories

    async def list_guilds(self) -> list[GuildInfo]:
        await self._request("list_guilds", None)
        return [
            GuildInfo(g.id, g.name, tuple(c for c in self.channels.values() if c.guild_id == g.id))
            for g in self.guilds.values()
        ]
