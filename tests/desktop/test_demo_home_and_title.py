"""``cdp-desktop --demo`` names itself once in the title bar and removes its throw-away home on Quit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.desktop_session import Service

pytestmark = pytest.mark.desktop
REPO = Path(__file__).resolve().parents[2]


def test_demo_title_and_temporary_home(qapp: Any, tmp_path: Path, tray_host: Service) -> None:
    env = dict(os.environ)
    env["TMPDIR"] = str(tmp_path)
    for key in ("CDP_DESKTOP_HOME", "CDP_DESKTOP_TOKEN"):
        env.pop(key, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cdp_desktop", "--demo"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        names: list[str] = []
        while time.monotonic() < deadline and not names:
            assert proc.poll() is None, proc.communicate()
            ids = subprocess.run(
                [
                    "xdotool",
                    "search",
                    "--all",
                    "--onlyvisible",
                    "--pid",
                    str(proc.pid),
                    "--name",
                    "CDP Desktop",
                ],
                capture_output=True,
                text=True,
            ).stdout.split()
            names = [
                subprocess.run(["xdotool", "getwindowname", i], capture_output=True, text=True).stdout.strip()
                for i in ids
            ]
            time.sleep(0.3)
        assert names, "no demo window"
        assert all(name.count("CDP Desktop") == 1 for name in names), names
        assert "Demo \u2014 CDP Desktop" in names, names
        homes = list(tmp_path.glob("cdp-desktop-demo-*"))
        assert len(homes) == 1 and homes[0].is_dir()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert not list(tmp_path.glob("cdp-desktop-demo-*"))
