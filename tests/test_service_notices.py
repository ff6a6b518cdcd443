"""AppService turns run results into notices: a failure once per kind per channel and day, then a recovery."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as NoKeyring

from cdp_desktop.core.config import Target
from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox import Sandbox
from cdp_desktop.service import LOOPBACK_TIMING, AppService, Notice, ServiceEvent
from cdp_desktop.token_store import TokenStore
from tests.helpers.logs import RUN_FAILURES

# This module provokes failures on purpose: the warnings they log are expected.
pytestmark = pytest.mark.expect_log(*RUN_FAILURES)


def test_a_failure_notice_then_a_recovery_notice(tmp_path: Path) -> None:
    async def scenario() -> list[Notice]:
        async with Sandbox(rate_limits=False) as sb:
            service = AppService(
                AppPaths.resolve(tmp_path / "home"),
                env={"CDP_DESKTOP_API_BASE": sb.api_base},
                timing=LOOPBACK_TIMING,
                token_store=TokenStore(backend=NoKeyring()),
            )
            notices: list[Notice] = []

            def listen(event: ServiceEvent) -> None:
                if isinstance(event, Notice):
                    notices.append(event)

            service.subscribe(listen)
            service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 0))
            channel = sb.text_channel_ids[0]
            service.add_target(Target(sb.guild_id, channel, name="general"))
            try:
                await service.start(sb.token, schedule_runs=False)
                await service.wait_connected(10)
                sb.forbid_channel(channel, 50013)
                await asyncio.sleep(0.5)
                assert (await service.run_now()).results[0].state.is_failure
                await service.run_now()  # the same failure again: no second notice today
                sb.allow_channel(channel)
                await asyncio.sleep(0.5)  # the CHANNEL_UPDATE reaches the client's cache over the gateway
                assert (await service.run_now()).results[0].state.is_success
            finally:
                await service.stop()
            return notices

    notices = asyncio.run(scenario())
    assert [n.kind for n in notices] == ["no_access", "recovered"]
    assert notices[1].level == "info" and notices[1].target_uid == notices[0].target_uid


def test_an_unreachable_server_is_one_summary_with_the_retry_time(tmp_path: Path) -> None:
    """Three channels, server down, scheduled service: one notice, human words, when the retry comes."""

    async def scenario() -> list[Notice]:
        async with Sandbox(rate_limits=False) as sb:
            service = AppService(
                AppPaths.resolve(tmp_path / "home"),
                env={"CDP_DESKTOP_API_BASE": sb.api_base},
                timing=LOOPBACK_TIMING,
                token_store=TokenStore(backend=NoKeyring()),
            )
            notices: list[Notice] = []
            service.subscribe(lambda e: notices.append(e) if isinstance(e, Notice) else None)
            service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 0))
            for i, channel in enumerate(sb.text_channel_ids[:3]):
                service.add_target(Target(sb.guild_id, channel, name=f"c{i}"))
            try:
                await service.start(sb.token)
                await service.wait_connected(10)
                await sb.go_offline()
                report = await service.run_now()
                assert all(r.state.is_failure for r in report.results)
            finally:
                await service.stop()
            return notices

    notices = asyncio.run(scenario())
    assert [n.kind for n in notices] == ["unreachable"], notices
    text = notices[0].text
    assert text.startswith("3 channels could not be reached. Retrying at "), text
    assert "Errno" not in text and "Cannot connect" not in text
