"""The Discord adapter against the in-repo sandbox with the real discord.py client."""

from __future__ import annotations

import pytest

from cdp_desktop.core.errors import DiscordFailure, State
from tests.integration.harness import harness, run


def test_login_reports_connected_with_bot_name() -> None:
    async def main() -> None:
        async with harness() as h:
            assert h.client.is_connected
            status = h.client.status
            assert status.state == "connected"
            assert status.bot_name == "CDP Sandbox Bot"
            assert status.bot_id == h.sb.bot_user_id
            assert h.states()[0] == "connecting"
            assert "connected" in h.states()
        assert h.client.status.state == "offline"

    run(main())


def test_fetch_channel_from_cache_costs_no_request() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            before = len(h.sb.requests)
            info = await h.client.fetch_channel(cid)
            assert info.id == cid and info.guild_id == h.sb.guild_id and info.name == "general"
            assert info.category_id is not None
            assert len(h.sb.requests) == before

    run(main())
