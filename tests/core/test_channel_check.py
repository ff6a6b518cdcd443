"""The one rule for a channel someone adds (command line and editor): Discord must know it in that server."""

from __future__ import annotations

import pytest

from cdp_desktop.core.channel_check import checked_target
from cdp_desktop.core.config import ConfigError, Target
from cdp_desktop.core.ports import ChannelInfo

GUILD, CHANNEL, BOT = 1100000000000000001, 1100000000000000002, 1100000000000000009
OTHER = 1100000000000000005


def target(name: str | None = None) -> Target:
    return Target(guild_id=GUILD, channel_id=CHANNEL, mention_id=BOT, name=name)


def test_what_discord_says_completes_the_target() -> None:
    info = ChannelInfo(CHANNEL, GUILD, "bots\u202e", category_id=7, topic="t", position=3)
    done = checked_target(target(), info)
    assert (done.name, done.category_id, done.topic, done.position) == ("bots", 7, "t", 3)
    assert checked_target(target("mine"), info).name == "mine"  # a typed name stays


def test_a_channel_the_bot_cannot_see_is_refused_on_the_channel_field() -> None:
    with pytest.raises(ConfigError) as err:
        checked_target(target(), None)
    assert err.value.field == "channel"
    assert str(err.value.problem).startswith(f"The bot cannot see channel {CHANNEL}.")


def test_a_channel_of_another_server_is_refused() -> None:
    with pytest.raises(ConfigError) as err:
        checked_target(target(), ChannelInfo(CHANNEL, OTHER, "bots"))
    assert str(err.value.problem) == f"Channel {CHANNEL} belongs to another server ({OTHER}), not {GUILD}."
