"""A window launched while `cdp-desktop daemon` holds the home's lock says so in a dialog, and can stop it.

Before, the GUI exited 1 with one line on stderr and no window: from a menu or at login nobody saw anything.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox.thread import SandboxThread
from tests.desktop_session import Service

pytestmark = pytest.mark.desktop
REPO = Path(__file__).resolve().parents[2]
TITLE = "CDP Desktop is already running"


def env_for(home: Path, sandbox: SandboxThread) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CDP_DESKTOP_HOME=str(home),
        CDP_DESKTOP_TOKEN=sandbox.token,
        CDP_DESKTOP_API_BASE=sandbox.api_base,
        LANG="C.UTF-8",
        LANGUAGE="",
    )
    return env


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "cdp_desktop", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_daemon(home: Path, proc: subprocess.Popen[str]) -> None:
    log = AppPaths.resolve(home).log_file
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if log.exists() and "Discord: connected" in log.read_text(errors="replace"):
            return
        time.sleep(0.2)
    pytest.fail("the daemon did not connect")


def dialog_windows() -> list[str]:
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", TITLE], capture_output=True, text=True, timeout=10
    )
    return out.stdout.split()


def wait_dialog(gui: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert gui.poll() is None, gui.communicate()
        found = dialog_windows()
        if found:
            time.sleep(0.5)  # painted and ready for keys
            return found[0]
        time.sleep(0.2)
    pytest.fail("no dialog came up")


def press(window: str, keys: str) -> None:
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False, timeout=10)
    subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True, timeout=10)


def test_the_gui_explains_the_running_daemon_and_can_stop_it(
    qapp: Any, tmp_path: Path, sandbox: SandboxThread, tray_host: Service
) -> None:
    home = tmp_path / "home"
    env = env_for(home, sandbox)
    daemon = start(["daemon"], env)
    gui: subprocess.Popen[str] | None = None
    try:
        wait_daemon(home, daemon)

        # Close: the GUI exits and leaves the daemon alone.
        gui = start([], env)
        press(wait_dialog(gui), "Escape")
        assert gui.wait(15) == 1
        assert daemon.poll() is None
        assert "already running" in gui.communicate()[1]

        # Stop it and open the window: the daemon ends cleanly, the GUI takes over.
        gui = start([], env)
        press(wait_dialog(gui), "alt+s")
        assert daemon.wait(20) == 0
        log = AppPaths.resolve(home).log_file
        deadline = time.monotonic() + 20
        while "stopping the background instance" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, log.read_text(errors="replace")[-2000:]
            time.sleep(0.2)
        time.sleep(2)
        assert gui.poll() is None, gui.communicate()
        assert not dialog_windows()
        gui.send_signal(signal.SIGTERM)
        assert gui.wait(15) == 0
    finally:
        for p in (daemon, gui):
            if p is not None and p.poll() is None:
                p.kill()
                p.communicate()
