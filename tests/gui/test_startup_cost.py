"""Start-up and idle cost guards (issue 7): what loads before the first paint, the paint marker, the single-
instance socket opened after the paint, and garbage collection without a timer of its own."""

from __future__ import annotations

import gc
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import weakref
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow

from cdp_desktop.ui.app import MARKERS_ENV, send_to_running, show_and_wait_for_paint
from cdp_desktop.ui.gc_guard import GuiThreadGarbageCollector

REPO = Path(__file__).resolve().parents[2]

# Everything the command and ui/app.py import before the window is shown (cli, run_gui, GuiApp.show_ui).
_BEFORE_PAINT = """
import json, sys
import cdp_desktop.ui.app, cdp_desktop.logs, cdp_desktop.instance, cdp_desktop.ui.icons
import cdp_desktop.ui.gc_guard, cdp_desktop.ui.bridge, cdp_desktop.ui.main_window
import cdp_desktop.ui.notifications, cdp_desktop.ui.tray
import cdp_desktop.cli  # the command (`cdp-desktop`) goes through it before run_gui
print(json.dumps(sorted(sys.modules)))
"""


def test_nothing_heavy_is_imported_before_the_first_paint() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _BEFORE_PAINT], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    loaded = set(json.loads(out.stdout))
    heavy = {"asyncio", "qasync", "discord", "aiohttp", "PySide6.QtNetwork", "cdp_desktop.service"}
    assert not heavy & loaded, f"imported before the window is painted: {sorted(heavy & loaded)}"


def test_the_window_paints_before_the_loop_runs_and_the_marker_says_when(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(MARKERS_ENV, "1")
    win = QMainWindow()
    qtbot.addWidget(win)
    before = time.monotonic()
    assert show_and_wait_for_paint(win, timeout_ms=5000)
    assert win.isVisible()
    lines = [line.split() for line in capsys.readouterr().err.splitlines()]
    marks = [float(parts[1]) for parts in lines if parts and parts[0] == "first_paint"]
    assert len(marks) == 1 and before <= marks[0] <= time.monotonic()


def test_no_marker_without_the_switch(qtbot: Any, capsys: pytest.CaptureFixture[str]) -> None:
    os.environ.pop(MARKERS_ENV, None)
    win = QMainWindow()
    qtbot.addWidget(win)
    assert show_and_wait_for_paint(win, timeout_ms=5000)
    assert "first_paint" not in capsys.readouterr().err


def _listen_later(path: str, delay: float, got: list[bytes]) -> threading.Thread:
    """A plain Unix socket server at ``path`` that appears only after ``delay`` (like a first instance that
    opens its socket after its first paint); records what it receives."""

    def serve() -> None:
        time.sleep(delay)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as srv:
            srv.bind(path)
            srv.listen(1)
            srv.settimeout(5)
            conn, _ = srv.accept()
            with conn:
                conn.settimeout(5)
                got.append(conn.recv(64))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


def test_a_second_launch_waits_for_the_first_instances_socket(qapp: Any) -> None:
    name = f"cdp-test-{uuid.uuid4().hex[:12]}"
    path = os.path.join(tempfile.gettempdir(), name)  # where QLocalSocket looks for a plain name
    got: list[bytes] = []
    try:
        thread = _listen_later(path, 0.4, got)
        began = time.monotonic()
        assert send_to_running(name, "show", timeout_ms=2000, wait_for_server_ms=3000)
        assert 0.3 < time.monotonic() - began < 3.0
        thread.join(5)
        assert got == [b"show\n"]
    finally:
        if os.path.exists(path):
            os.unlink(path)


def test_without_waiting_a_missing_instance_is_reported_at_once(qapp: Any) -> None:
    began = time.monotonic()
    assert not send_to_running(f"cdp-test-{uuid.uuid4().hex[:12]}", "show")
    assert time.monotonic() - began < 1.0


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_garbage_is_collected_when_the_gui_loop_wakes_without_a_timer(qtbot: Any) -> None:
    was_enabled = gc.isenabled()
    collector = GuiThreadGarbageCollector()
    try:
        assert not gc.isenabled()
        assert collector.findChildren(QTimer) == [], "no timer of its own: an idle app is not woken for GC"
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        keep = [
            [] for _ in range(gc.get_threshold()[0] + 10)
        ]  # live containers: past generation 0's threshold
        assert gone() is not None, "automatic collection is off"
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()  # the loop sleeps (aboutToBlock) and wakes for the timer
        assert gone() is None
        del keep
    finally:
        collector.stop()
        collector.deleteLater()
        if was_enabled:
            gc.enable()
