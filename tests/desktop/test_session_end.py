"""The session ends under the running app: its X server goes away (logout) — the same orderly stop as Quit."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop import DESKTOP_ID
from cdp_desktop.paths import AppPaths
from tests.desktop.test_app_desktop import assert_clean, finish, launch, wait_ready
from tests.desktop_session import Service

pytestmark = pytest.mark.desktop
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (\w+) ")


def start_xvfb(tmp_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A private X server (the test session's own must survive); its display number via -displayfd."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x700x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "xvfb.log", "wb"),  # noqa: SIM115 - owned by the process
    )
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    assert number.isdigit(), (tmp_path / "xvfb.log").read_text()
    return proc, f":{number}"


def runs(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT id, finished_at, outcome FROM runs ORDER BY id").fetchall()


def test_x_server_gone_ends_the_app_cleanly_with_history_intact(
    qapp: Any, tmp_path: Path, tray_host: Service
) -> None:
    xvfb, display = start_xvfb(tmp_path)
    home = tmp_path / "home"
    paths = AppPaths.resolve(home)
    env = dict(os.environ, DISPLAY=display)
    proc = launch(home, env)
    try:
        wait_ready(home, proc)
        # A keep-alive run first (Ctrl+R in the window), so there is history to keep.
        xdo = {**env, "DISPLAY": display}
        found = subprocess.run(
            [
                "xdotool",
                "search",
                "--sync",
                "--onlyvisible",
                "--pid",
                str(proc.pid),
                "--name",
                "CDP Desktop$",
            ],
            capture_output=True,
            text=True,
            env=xdo,
            timeout=20,
        )
        window = found.stdout.split()[0]
        # One desktop identity: WM_CLASS (instance and class) is the desktop ID, as StartupWMClass says.
        wm_class = subprocess.run(
            ["xprop", "-id", window, "WM_CLASS"], capture_output=True, text=True, env=xdo, timeout=10
        ).stdout
        assert wm_class.split("=", 1)[1].strip() == f'"{DESKTOP_ID}", "{DESKTOP_ID}"', wm_class
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True, env=xdo, timeout=10)
        subprocess.run(["xdotool", "key", "ctrl+r"], check=True, env=xdo, timeout=10)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(r[1] for r in runs(paths.history_file)):
            time.sleep(0.2)
        before = runs(paths.history_file)
        assert before and all(r[1] for r in before), before
    finally:
        xvfb.terminate()  # the session's X server goes away under the app
        xvfb.wait(timeout=10)
    _elapsed, err = finish(proc, timeout=30)
    assert proc.returncode == 0, err
    assert_clean(err)
    log = paths.log_file.read_text(encoding="utf-8")
    levels = {m.group(1) for m in map(LOG_LINE.match, log.splitlines()) if m}
    assert levels == {"INFO"}, log
    assert "Traceback" not in log
    assert "the Qt event loop ended by itself" in log and "shutting down" in log
    assert runs(paths.history_file) == before  # nothing lost, nothing left half-written
