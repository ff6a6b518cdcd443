"""The keep-alive message: template rendering and the slot marker that makes sends findable again.

The marker is a short Discord subtext line (``-# cdp-keepalive 2025-03-30``) at the end of every message.
After a crash between sending and recording, the engine searches the channel's recent messages for it
instead of sending a second time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from .config import DEFAULT_TEMPLATE, MAX_MESSAGE_LENGTH
from .schedule import Slot

MARKER_PREFIX = "cdp-keepalive"
DISCORD_EPOCH_MS = 1420070400000


def slot_marker(slot_key: str) -> str:
    """The text searched for in a channel's history to find this slot's message."""
    return f"{MARKER_PREFIX} {slot_key}"


def mention(user_id: int | None) -> str:
    return f"<@{user_id}>" if user_id is not None else ""


def render_template(
    template: str, *, mention_id: int | None, slot: Slot, zone: ZoneInfo, channel_name: str
) -> str:
    """Fill {mention}, {date}, {time}, {channel}; a broken template falls back to the default."""
    local = slot.at.astimezone(zone)
    values = {
        "mention": mention(mention_id),
        "date": slot.local_date.isoformat(),
        "time": local.strftime("%H:%M"),
        "channel": channel_name,
    }
    try:
        text = template.format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError):
        text = DEFAULT_TEMPLATE.format_map(values)
    # An absent mention leaves doubled or leading blanks behind.
    return " ".join(part for part in text.split(" ") if part) if not values["mention"] else text.strip()


def compose_message(
    template: str, *, mention_id: int | None, slot: Slot, zone: ZoneInfo, channel_name: str
) -> str:
    """The full message: rendered template plus the marker line, within Discord's length limit."""
    body = render_template(template, mention_id=mention_id, slot=slot, zone=zone, channel_name=channel_name)
    return f"{body[:MAX_MESSAGE_LENGTH]}\n-# {slot_marker(slot.key)}"


def snowflake_time(snowflake: int) -> datetime:
    """Creation time encoded in a Discord ID."""
    return datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, UTC)


def snowflake_at(moment: datetime) -> int:
    """The smallest Discord ID created at ``moment`` (for ``after=`` reads and comparisons)."""
    ms = int(moment.timestamp() * 1000) - DISCORD_EPOCH_MS
    return max(0, ms) << 22


CLOCK_SKEW = timedelta(minutes=15)
"""How far another machine's clock may be ahead of ours: a slot's message is looked for from the slot's
start minus this much, so one sent by a machine whose clock runs a little fast is still found."""


def slot_floor(slot: Slot) -> int:
    """No message of ``slot`` can have a smaller ID than this (the slot's start, less the clock skew)."""
    return snowflake_at(slot.at - CLOCK_SKEW)
