"""AppService and the CLI share config.json: an edit made by one is never lost to the other."""

from __future__ import annotations

import asyncio
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
