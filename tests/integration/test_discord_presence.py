"""The target bot's presence from the gateway cache (DiscordClient.presence_of, on_presence_changed)."""

from __future__ import annotations

import pytest

from tests.helpers.logs import INTENTS_REFUSED
from tests.integration.harness import eventually, harness, run


def test_presence_follows_the_gateway_and_fires_the_hook() -> None:
    async def main() -> None:
        async with harness(sandbox={"privileged_intents": True}, presence_intents=True) as h:
            changes: list[tuple[int, int]] = []
            h.client.on_presence_changed = lambda g, u: changes.append((g, u))
            guild, bot = h.sb.guild_id, h.sb.target_bot_id
            await eventually(lambda: h.client.presence_of(guild, bot) is not None)
            assert h.client.presence_of(guild, bot) == "online"
            assert h.client.presence_of(guild, 1) is None  # no such member: unknown, not offline
            assert h.client.presence_of(2, bot) is None  # no such guild
            h.sb.set_target_online(False)
            await eventually(lambda: h.client.presence_of(guild, bot) == "offline")
            await eventually(lambda: (guild, bot) in changes)
            h.sb.set_target_online(True)
            await eventually(lambda: h.client.presence_of(guild, bot) == "online")
            assert changes.count((guild, bot)) == 2
        assert h.client.presence_of(guild, bot) is None  # closed: unknown

    run(main())


def test_presence_is_unknown_without_the_intents() -> None:
    async def main() -> None:
        async with harness(sandbox={"privileged_intents": True}, presence_intents=False) as h:
            changes: list[tuple[int, int]] = []
            h.client.on_presence_changed = lambda g, u: changes.append((g, u))
            guild, bot = h.sb.guild_id, h.sb.target_bot_id
            assert h.client.presence_of(guild, bot) is None
            assert not h.client.status.presence_available
            assert h.client.status.presence_reason == "presence intents are off in the settings"
            h.sb.set_target_online(False)
            await h.client.send_message(h.sb.text_channel_ids[0], "a round trip after the update")
            assert h.client.presence_of(guild, bot) is None and changes == []

    run(main())


@pytest.mark.expect_log(INTENTS_REFUSED)
def test_presence_is_unknown_when_discord_refuses_the_intents() -> None:
    async def main() -> None:
        async with harness(sandbox={"privileged_intents": False}, presence_intents=True) as h:
            assert h.client.presence_of(h.sb.guild_id, h.sb.target_bot_id) is None
            reason = h.client.status.presence_reason or ""
            assert "4014" in reason and "Developer Portal" in reason

    run(main())
