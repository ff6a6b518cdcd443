"""AppService and the CLI share config.json: an edit made by one is never lost to the other."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from cdp_desktop.cli import main as cli_main
from cdp_desktop.core.config import ConfigStore, Target
from cdp_desktop.paths import AppPaths
from cdp_desktop.service import AppService

GUILD = 123456789012345678


def test_a_cli_edit_made_while_the_app_runs_survives_the_apps_next_save(tmp_path: Path) -> None:
    home = tmp_path / "home"
    service = AppService(AppPaths.resolve(home))
    try:
        service.add_target(Target(GUILD, 234567890123456789, name="from-the-window"))
        # The CLI adds a channel while the window is open (no token here, so nothing is asked of Discord).
        assert (
            cli_main(
                [
                    "--home",
                    str(home),
                    "channels",
                    "add",
                    "--guild",
                    str(GUILD),
                    "--channel",
                    "345678901234567890",
                    "--name",
                    "from-the-cli",
                    "--no-mention",
                ]
            )
            == 0
        )
        service.set_enabled(service.config.targets[0].uid, False)  # the window saves next
        names = {t.name: t.enabled for t in ConfigStore(home).load().config.targets}
        assert names == {"from-the-window": False, "from-the-cli": True}
        assert {t.name for t in service.config.targets} == {"from-the-window", "from-the-cli"}
    finally:
        asyncio.run(service.stop())


def test_a_long_running_service_follows_cli_edits_without_being_asked(tmp_path: Path) -> None:
    """The window's service (started, no token) sees `channels add` and `channels disable` made by CLI
    subprocesses as they happen: config in memory and a ChannelsChanged for the rows, nothing polled."""
    from cdp_desktop.service import ChannelsChanged

    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CDP_DESKTOP_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # the CLI asks no keyring

    def cli(*args: str) -> None:
        argv = [sys.executable, "-m", "cdp_desktop", "--home", str(home), *args]
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr

    async def main() -> tuple[list[str], list[bool], int]:
        service = AppService(AppPaths.resolve(home), env=env)
        changed: list[object] = []
        service.subscribe(lambda e: changed.append(e) if isinstance(e, ChannelsChanged) else None)
        try:
            await service.start()
            assert service.connection.state == "no_token"
            before = len(changed)
            loop = asyncio.get_running_loop()
            add = [
                "channels",
                "add",
                "--guild",
                str(GUILD),
                "--channel",
                "345678901234567890",
                "--no-mention",
            ]
            await loop.run_in_executor(None, lambda: cli(*add, "--name", "from-the-cli"))
            for _ in range(200):
                if service.config.targets:
                    break
                await asyncio.sleep(0.05)
            await loop.run_in_executor(None, lambda: cli("channels", "disable", "345678901234567890"))
            for _ in range(200):
                if not service.config.targets[0].enabled:
                    break
                await asyncio.sleep(0.05)
            names = [t.name or "" for t in service.config.targets]
            enabled = [t.enabled for t in service.config.targets]
            return names, enabled, len(changed) - before
        finally:
            await service.stop()

    names, enabled, refreshes = asyncio.run(main())
    assert names == ["from-the-cli"] and enabled == [False]
    assert refreshes >= 2  # the rows were told after each edit
