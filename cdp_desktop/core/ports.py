"""The small interfaces the core needs from the outside world.

The core (engine, scheduler logic) talks only to these; ``discord_client.py`` implements
:class:`DiscordPort` on discord.py and the sandbox-backed tests use the real thing. Failures of
Discord calls are raised as :class:`cdp_desktop.core.errors.DiscordFailure`, already classified.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from .messages import Message


@dataclass(frozen=True)
class ChannelInfo:
    """What a text channel looks like: remembered so that a deleted channel can be recreated as it was."""

    id: int
    guild_id: int
    name: str
    category_id: int | None = None
    topic: str | None = None
    position: int | None = None


@dataclass(frozen=True)
class MemberInfo:
    id: int
    name: str
    bot: bool


@dataclass(frozen=True)
class GuildInfo:
    id: int
    name: str
    channels: tuple[ChannelInfo, ...] = ()
    categories: tuple[ChannelInfo, ...] = ()
    bots: tuple[MemberInfo, ...] = ()


@dataclass(frozen=True)
class SentMessage:
    id: int
    channel_id: int
    created_at: datetime


@dataclass(frozen=True)
class SlotScan:
    """What a channel says about one slot's keep-alive (:meth:`DiscordPort.scan_for_marker`)."""

    found: tuple[SentMessage, ...]
    """This bot's messages carrying the slot's marker, oldest first (sent by any machine)."""
    horizon: int
    """Every message up to this ID was looked at (or is known not to exist)."""
    requests: int = 0
    """REST requests the scan cost (0: the channel's ``last_message_id`` showed no activity)."""
    complete: bool = True
    """False: the read stopped at its bound before the channel's newest message."""
    watch: object = None
    """The adapter's token for the gateway session the scan saw, so that a later
    :meth:`DiscordPort.markers_since` can answer from the gateway's events without a request."""


@dataclass(frozen=True)
class Reply:
    message_id: int
    author_id: int
    latency_seconds: float


class ConnectionState(StrEnum):
    """Where the connection to Discord stands (also the ``--json`` vocabulary)."""

    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"
    TOKEN_INVALID = "token_invalid"  # stopped for good: Discord rejected the token
    INTENTS_MISSING = "intents_missing"  # stopped for good: privileged intents refused
    NO_TOKEN = "no_token"  # nothing to connect with yet


@dataclass
class ConnectionStatus:
    """What the header of the window shows."""

    state: ConnectionState = ConnectionState.OFFLINE
    bot_name: str | None = None
    bot_id: int | None = None
    proxy: str | None = None
    detail: Message | str | None = None  # why not connected, for a person (rendered when shown)
    presence_available: bool = False
    presence_reason: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.state = ConnectionState(self.state)  # a plain string from a caller becomes the enum member


@runtime_checkable
class DiscordPort(Protocol):
    """What the engine needs from Discord. Every method may raise ``DiscordFailure``."""

    async def fetch_channel(self, channel_id: int) -> ChannelInfo:
        """Verify a channel: from the gateway cache when connected, else by REST. Missing → ``MISSING``."""
        ...

    async def send_message(self, channel_id: int, content: str) -> SentMessage: ...

    async def wait_for_reply(
        self, channel_id: int, author_id: int, after: SentMessage, timeout: float
    ) -> Reply | None:
        """A message from ``author_id`` in the channel newer than ``after``, or None after ``timeout`` s.

        Replies that arrived before this call (but after ``after``) count: the adapter buffers them.
        """
        ...

    async def scan_for_marker(self, channel_id: int, marker: str, after: int) -> SlotScan:
        """This bot's messages containing ``marker`` with IDs above ``after`` (any machine's).

        Cheap first: when the channel's ``last_message_id`` (gateway cache, or the channel object) is not
        above ``after``, nothing can be there and no request is made. Otherwise the messages after ``after``
        are read oldest first, 100 a page, up to a bound.
        """
        ...

    async def markers_since(
        self, channel_id: int, marker: str, scan: SlotScan, sent: SentMessage
    ) -> list[SentMessage]:
        """After sending ``sent``: this bot's messages with ``marker`` above ``scan.horizon``, ``sent``
        included, oldest first. From the gateway's events when the scan's session is still the current one
        (no request), else by reading the channel."""
        ...

    async def delete_own_message(self, channel_id: int, message_id: int) -> None:
        """Withdraw a message this process has just sent. Refuses any other message; never a channel."""
        ...

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
        """Create a text channel. ``on_created`` is awaited with the new ID before this returns."""
        ...

    async def delete_owned_channel(self, channel_id: int) -> None:
        """Delete a temporary channel this app created. Refuses anything not in the owned ledger."""
        ...

    async def category_exists(self, guild_id: int, category_id: int) -> bool: ...

    async def list_guilds(self) -> list[GuildInfo]: ...


class OnCreated(Protocol):
    def __call__(self, channel: ChannelInfo) -> Awaitable[None] | None: ...


class Clock(Protocol):
    """Wall clock and monotonic clock, injectable for tests."""

    def now(self) -> datetime:
        """Aware UTC datetime."""
        ...

    def monotonic(self) -> float: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class Notifier(Protocol):
    def notify(self, kind: str, title: str, body: str, *, target_uid: str | None = None) -> None: ...
