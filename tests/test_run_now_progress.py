"""`run-now` shows progress on a terminal (replies can take a minute), nothing extra otherwise."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

from cdp_desktop.core.config import Target
from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService

REPO = Path(__file__).resolve().parents[1]


def setup_home(home: Path, sb: SandboxThread) -> dict[str, str]:
    service = AppService(AppPaths.resolve(home), env={})
    service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 3))
    for i, channel in enumerate(sb.text_channel_ids[:2]):
        service.add_target(Target(sb.guild_id, channel, sb.target_bot_id, name=f"c{i}"))
    service.history.close()
    env = dict(os.environ)
    env.update(CDP_DESKTOP_HOME=str(home), CDP_DESKTOP_TOKEN=sb.token, CDP_DESKTOP_API_BASE=sb.api_base)
    return env


def on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cdp_desktop", *args],
        cwd=REPO,
        env=env,
        stdout=slave,
        stderr=slave,
        stdin=slave,
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(30), b"".join(chunks).decode("utf-8", "replace")


def test_progress_on_a_terminal_only(tmp_path: Path) -> None:
    with SandboxThread(rate_limits=False, reply_delay=1.0) as sb:
        sb.set_target_silent(True)  # replies never come: the run waits, and says so
        env = setup_home(tmp_path / "home", sb)
        code, shown = on_a_terminal(["run-now"], env)
        assert code == 0, shown
        assert "Connecting to Discord" in shown
        assert "0/2 channels done" in shown
        assert "waiting for the target bot's reply" in shown
        assert "\x1b[K" in shown  # the line rewrites itself and is cleared before the results

        env2 = setup_home(tmp_path / "home2", sb)
        piped = subprocess.run(
            [sys.executable, "-m", "cdp_desktop", "run-now"],
            cwd=REPO,
            env=env2,
            capture_output=True,
            text=True,
        )
        assert piped.returncode == 0, piped.stderr
        assert "channels done" not in piped.stdout + piped.stderr and "\r" not in piped.stdout

        env3 = setup_home(tmp_path / "home3", sb)
        code, shown = on_a_terminal(["run-now", "--json", "--force"], env3)
        assert code == 0, shown
        assert "channels done" not in shown and "Connecting" not in shown
        assert json.loads(shown[shown.index("{") :])["outcome"]
