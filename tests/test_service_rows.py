"""The channel rows name their server once Discord listed the bot's servers (the window asks on connect)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from keyring.backends.fail import Keyring as NoKeyring

from cdp_desktop.core.config import Target
from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox import Sandbox
from cdp_desktop.service import LOOPBACK_TIMING, AppService, ChannelsChanged, ServiceEvent
from cdp_desktop.token_store import TokenStore


def test_rows_carry_the_guild_name_after_the_servers_are_listed(tmp_path: Path) -> None:
    async def scenario() -> tuple[list[str | None], list[str | None], int]:
        async with Sandbox(rate_limits=False) as sb:
            service = AppService(
                AppPaths.resolve(tmp_path / "home"),
                env={"CDP_DESKTOP_API_BASE": sb.api_base},
                timing=LOOPBACK_TIMING,
                token_store=TokenStore(backend=NoKeyring()),
            )
            service.add_target(Target(sb.guild_id, sb.text_channel_ids[0], name="general"))
            changes: list[ServiceEvent] = []
            try:
                await service.start(sb.token, schedule_runs=False)
                await service.wait_connected(10)
                before = [row.guild_name for row in service.channel_rows()]
                service.subscribe(lambda e: changes.append(e) if isinstance(e, ChannelsChanged) else None)
                await service.list_guilds()
                after = [row.guild_name for row in service.channel_rows()]
            finally:
                await service.stop()
            return before, after, len(changes)

    before, after, changes = asyncio.run(scenario())
    assert before == [None]  # not listed yet: the table shows the ID meanwhile
    assert after == ["CDP Sandbox"]
    assert changes == 1  # the rows were told to refresh
