"""The CDP endpoint check against the sandbox's coze-discord-proxy look-alike (real HTTP over loopback):
up, 401, connection refused, slow (timeout) and 5xx, as ``status --json`` shows them, with one notification
when it goes down and one when it comes back."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path
from typing import Any

from keyring.backends.fail import Keyring as NoKeyring

from cdp_desktop.core.config import Target
from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox import Sandbox
from cdp_desktop.sandbox.cdp import DEMO_MODELS, DEMO_SECRET
from cdp_desktop.service import LOOPBACK_TIMING, AppService, Notice, ServiceEvent
from cdp_desktop.token_store import TokenStore
from tests.helpers.cli import run_cli


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def status_endpoint(home: Path) -> dict[str, Any]:
    proc = run_cli(home, "status", "--json")
    assert proc.returncode == 0, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)["cdp_endpoint"]
    return data


def test_endpoint_states_in_status_and_one_notice_down_one_up(tmp_path: Path) -> None:
    home = tmp_path / "home"
    seen: list[tuple[str, dict[str, Any]]] = []

    async def scenario() -> list[Notice]:
        async with Sandbox(rate_limits=False) as sb:
            service = AppService(
                AppPaths.resolve(home),
                env={
                    "CDP_DESKTOP_API_BASE": sb.api_base,
                    "CDP_DESKTOP_CDP_SECRET": DEMO_SECRET,
                    "CDP_DESKTOP_CDP_TIMEOUT": "1",
                },
                timing=LOOPBACK_TIMING,
                token_store=TokenStore(backend=NoKeyring()),
            )
            notices: list[Notice] = []

            def listen(event: ServiceEvent) -> None:
                if isinstance(event, Notice):
                    notices.append(event)

            service.subscribe(listen)
            service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 0))
            service.update_config(lambda c: c.set_setting("cdp_url", sb.cdp_url + "/v1"))
            service.add_target(Target(sb.guild_id, sb.text_channel_ids[0], name="general"))
            refused = f"http://127.0.0.1:{closed_port()}"

            async def run(name: str) -> None:
                await service.run_now(force=True)
                seen.append((name, await asyncio.to_thread(status_endpoint, home)))

            try:
                await service.start(sb.token, schedule_runs=False)
                await service.wait_connected(10)
                await run("up")
                sb.cdp.configure(secret="sk-rotated")
                await run("401")
                await run("401 again")
                service.update_config(lambda c: c.set_setting("cdp_url", refused))
                await run("refused")
                service.update_config(lambda c: c.set_setting("cdp_url", sb.cdp_url))
                sb.cdp.configure(secret=DEMO_SECRET, delay=3.0)
                await run("slow")
                sb.cdp.configure(delay=0.0, fail_status=502)
                await run("502")
                sb.cdp.configure(fail_status=None)
                await run("back up")
                assert sb.cdp.requests and all(r["path"] == "/v1/models" for r in sb.cdp.requests)
                assert not [r for r in sb.requests if "chat" in r["path"]]
            finally:
                await service.stop()
            return notices

    notices = asyncio.run(scenario())
    states = {name: data for name, data in seen}
    assert states["up"]["state"] == "up" and states["up"]["models"] == list(DEMO_MODELS)
    assert isinstance(states["up"]["latency_ms"], int)
    assert states["401"]["state"] == "unauthorized" and states["401"]["http_status"] == 401
    assert states["refused"]["state"] == "unreachable" and "refused" in states["refused"]["detail"]
    assert states["slow"]["state"] == "unreachable" and "no answer within 1 s" in states["slow"]["detail"]
    assert states["502"]["state"] == "error" and states["502"]["http_status"] == 502
    assert states["back up"]["state"] == "up"
    assert [n.kind for n in notices] == ["cdp_down", "cdp_recovered"]
    assert notices[0].level == "error" and notices[1].level == "info"
    # in run history: each run's log has the endpoint line
    proc = run_cli(home, "status")
    assert "CDP endpoint: up (models: " in proc.stdout
    for secret in (DEMO_SECRET, "sk-rotated"):
        assert not [p for p in home.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_run_history_records_the_check(tmp_path: Path) -> None:
    async def scenario() -> list[str]:
        async with Sandbox(rate_limits=False) as sb:
            service = AppService(
                AppPaths.resolve(tmp_path / "home"),
                env={"CDP_DESKTOP_API_BASE": sb.api_base, "CDP_DESKTOP_CDP_SECRET": DEMO_SECRET},
                timing=LOOPBACK_TIMING,
                token_store=TokenStore(backend=NoKeyring()),
            )
            service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 0))
            service.update_config(lambda c: c.set_setting("cdp_url", sb.cdp_url))
            service.add_target(Target(sb.guild_id, sb.text_channel_ids[0], name="general"))
            try:
                await service.start(sb.token, schedule_runs=False)
                await service.wait_connected(10)
                report = await service.run_now()
                return [line.text for line in service.run_log(report.run_id)]
            finally:
                await service.stop()

    lines = asyncio.run(scenario())
    assert any(line.startswith("CDP endpoint: up (models: coze-gpt-4o, coze-claude-3.5, ") for line in lines)


def test_no_cdp_url_no_check(tmp_path: Path) -> None:
    assert status_endpoint(tmp_path / "home") is None
