"""Discord's JSON payloads and discord.py's cached objects turned into the port's value types."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from datetime import datetime
from typing import Any

import discord

from cdp_desktop.core.config import clean_name
from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.messages import template
from cdp_desktop.core.ports import ChannelInfo, GuildInfo, MemberInfo, Reply, SentMessage

_C = "DiscordFailure"
MISSING_ACCESS = template(
    _C, "discord.missing_access", "Channel {channel}: Missing Access (the bot cannot see it)."
)
MISSING_PERMISSIONS = template(
    _C,
    "discord.missing_permissions",
    "Channel {channel}: Missing Permissions (the bot may not send messages there).",
)
TEXT_CHANNEL_TYPES = frozenset({0, 5})  # GUILD_TEXT, GUILD_ANNOUNCEMENT
CATEGORY_TYPE = 4


def logs_after(channel_id: int, after: int, client: discord.Client) -> Awaitable[Any]:
    return client.http.logs_from(channel_id, 100, after=after)


def guild_channels(guild_id: int, client: discord.Client) -> Awaitable[Any]:
    return client.http.get_all_guild_channels(guild_id)


def reply(message_id: int, author_id: int, after: SentMessage, created_at: datetime) -> Reply:
    latency = max(0.0, (created_at - after.created_at).total_seconds())
    return Reply(message_id=message_id, author_id=author_id, latency_seconds=latency)


def _opt_int(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


def info_from_payload(data: Mapping[str, Any]) -> ChannelInfo:
    return ChannelInfo(
        id=int(data["id"]),
        guild_id=int(data["guild_id"]),
        name=clean_name(data.get("name", "")),  # no ESC or newline from a channel name reaches a terminal
        category_id=_opt_int(data.get("parent_id")),
        topic=data.get("topic"),
        position=_opt_int(data.get("position")),
    )


def check_cached_permissions(channel: discord.abc.GuildChannel) -> None:
    """NO_ACCESS from the cached overwrites and roles (the gateway keeps them current), without a request."""
    me = channel.guild.me
    if me is None:  # the bot's own member is not cached: let the send tell
        return
    perms = channel.permissions_for(me)
    if not perms.view_channel:
        raise DiscordFailure(State.NO_ACCESS, MISSING_ACCESS(channel=str(channel.id)), code=50001, status=403)
    if not perms.send_messages:
        raise DiscordFailure(
            State.NO_ACCESS, MISSING_PERMISSIONS(channel=str(channel.id)), code=50013, status=403
        )


def info_from_cached(channel: discord.abc.GuildChannel) -> ChannelInfo:
    return ChannelInfo(
        id=channel.id,
        guild_id=channel.guild.id,
        name=clean_name(channel.name),
        category_id=channel.category_id,
        topic=getattr(channel, "topic", None),
        position=channel.position,
    )


def guild_from_cache(guild: discord.Guild, my_id: int | None) -> GuildInfo:
    return GuildInfo(
        id=guild.id,
        name=guild.name,
        channels=tuple(info_from_cached(c) for c in guild.text_channels),
        categories=tuple(info_from_cached(c) for c in guild.categories),
        bots=tuple(
            MemberInfo(m.id, m.global_name or m.name, True) for m in guild.members if m.bot and m.id != my_id
        ),
    )


def guild_from_payloads(guild_id: int, name: str, channels: list[dict[str, Any]]) -> GuildInfo:
    infos = [info_from_payload({**c, "guild_id": guild_id}) for c in channels]
    types = {int(c["id"]): int(c.get("type", -1)) for c in channels}
    return GuildInfo(
        id=guild_id,
        name=name,
        channels=tuple(i for i in infos if types[i.id] in TEXT_CHANNEL_TYPES),
        categories=tuple(i for i in infos if types[i.id] == CATEGORY_TYPE),
    )
