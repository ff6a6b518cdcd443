"""In-memory Discord objects and their wire payloads.

Payload builders live here on purpose: discord.py raises ``KeyError`` deep inside its cache for a
missing ``position`` (channels), ``flags`` (members) or ``s`` (READY), so every shape is built in
one place.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
TEXT = 0
CATEGORY = 4

# Permission bits (https://discord.com/developers/docs/topics/permissions).
MANAGE_CHANNELS = 1 << 4
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
EVERYONE_PERMS = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS | EMBED_LINKS
BOT_ROLE_PERMS = EVERYONE_PERMS | MANAGE_CHANNELS | MENTION_EVERYONE

JsonDict = dict[str, Any]


def snowflake_at(ms: int, increment: int = 0) -> int:
    return ((ms - DISCORD_EPOCH_MS) << 22) | (increment & 0xFFF)


def snowflake_time(snowflake: int) -> datetime:
    return datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, tz=UTC)


def iso(snowflake: int) -> str:
    return snowflake_time(snowflake).isoformat()


class Snowflakes:
    """Time-ordered unique IDs, like Discord's: later objects always get larger IDs."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        candidate = snowflake_at(int(time.time() * 1000))
        self._last = max(candidate, self._last + 1)
        return self._last


def as_id(value: Any) -> int | None:
    """Snowflakes arrive as str from most clients but as int from discord.py (e.g. ``parent_id``)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    raise ValueError(f"not a snowflake: {value!r}")


@dataclass
class User:
    id: int
    username: str
    bot: bool = False
    global_name: str | None = None

    def payload(self) -> JsonDict:
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "system": False,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
        }

    def me_payload(self) -> JsonDict:
        return {**self.payload(), "verified": True, "mfa_enabled": False, "locale": "en-US", "email": None}


@dataclass
class Channel:
    id: int
    guild_id: int
    type: int
    name: str
    position: int
    parent_id: int | None = None
    topic: str | None = None
    last_message_id: int | None = None
    overwrites: list[JsonDict] = field(default_factory=list)

    def payload(self) -> JsonDict:
        data: JsonDict = {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": self.position,
            "parent_id": None if self.parent_id is None else str(self.parent_id),
            "permission_overwrites": [dict(o) for o in self.overwrites],
            "nsfw": False,
            "flags": 0,
        }
        if self.type == TEXT:
            data["topic"] = self.topic
            data["rate_limit_per_user"] = 0
            data["last_message_id"] = None if self.last_message_id is None else str(self.last_message_id)
        return data


@dataclass
class Role:
    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    bot_id: int | None = None

    def payload(self) -> JsonDict:
        data: JsonDict = {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": False,
            "flags": 0,
        }
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass
class Member:
    user_id: int
    joined_at: str
    role_ids: list[int] = field(default_factory=list)

    def payload(self, user: User | None = None) -> JsonDict:
        data: JsonDict = {
            "roles": [str(r) for r in self.role_ids],
            "joined_at": self.joined_at,
            "flags": 0,
            "deaf": False,
            "mute": False,
            "nick": None,
            "avatar": None,
            "banner": None,
            "premium_since": None,
            "pending": False,
            "communication_disabled_until": None,
        }
        if user is not None:
            data["user"] = user.payload()
        return data


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    joined_at: str
    roles: list[Role] = field(default_factory=list)
    members: dict[int, Member] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)

    def next_position(self) -> int:
        return max((c.position for c in self.channels.values()), default=-1) + 1

    def payload(self) -> JsonDict:
        """The REST guild object (GET /guilds/{id}); GUILD_CREATE adds members, channels and more."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "region": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [r.payload() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "max_members": 500000,
            "max_video_channel_users": 25,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
        }


def presence_payload(user_id: int, guild_id: int, online: bool) -> JsonDict:
    status = "online" if online else "offline"
    return {
        "user": {"id": str(user_id)},
        "guild_id": str(guild_id),
        "status": status,
        "activities": [],
        "client_status": {"desktop": status} if online else {},
    }


def error_body(code: int, message: str, errors: JsonDict | None = None) -> JsonDict:
    body: JsonDict = {"message": message, "code": code}
    if errors is not None:
        body["errors"] = errors
    return body


def field_error(code: str, message: str) -> JsonDict:
    return {"_errors": [{"code": code, "message": message}]}


ERROR_MESSAGES = {
    0: "General error",
    10003: "Unknown Channel",
    10004: "Unknown Guild",
    10007: "Unknown Member",
    10008: "Unknown Message",
    10013: "Unknown User",
    30013: "Maximum number of guild channels reached (500)",
    40001: "Unauthorized",
    50001: "Missing Access",
    50006: "Cannot send an empty message",
    50008: "Cannot send messages in a non-text channel",
    50013: "Missing Permissions",
    50035: "Invalid Form Body",
    50109: "The request body contains invalid JSON.",
}
