"""A channel someone adds, checked against what Discord says about it: one rule for the command line
(``channels add``) and the window's channel editor.

The check needs the channel as the bot sees it (:class:`~cdp_desktop.core.ports.ChannelInfo`, or None when
Discord does not know it or the bot cannot see it); fetching it is the caller's business (REST from the
command line, the running client in the window).
"""

from __future__ import annotations

from dataclasses import replace

from .config import Target, clean_name
from .messages import template
from .ports import ChannelInfo
from .validation import ConfigError

_C = "ChannelCheck"
NOT_VISIBLE = template(
    _C,
    "channel_check.not_visible",
    "The bot cannot see channel {channel}. Check the ID and that the bot is a member of the server with"
    " View Channel permission.",
)
OTHER_SERVER = template(
    _C, "channel_check.other_server", "Channel {channel} belongs to another server ({actual}), not {given}."
)


def checked_target(target: Target, info: ChannelInfo | None) -> Target:
    """``target`` completed with what Discord says about its channel (the name unless one was typed, the
    category, topic and position, so that it can be recreated as it was even before its first run).

    Raises :class:`ConfigError` on the ``channel`` field when the bot cannot see the channel or the channel
    is in another server than the one given.
    """
    channel = str(target.channel_id)
    if info is None:
        raise ConfigError("channel", NOT_VISIBLE(channel=channel))
    if info.guild_id != target.guild_id:
        raise ConfigError(
            "channel", OTHER_SERVER(channel=channel, actual=str(info.guild_id), given=str(target.guild_id))
        )
    return replace(
        target,
        name=target.name or clean_name(info.name),
        category_id=info.category_id,
        topic=info.topic,
        position=info.position,
    )
