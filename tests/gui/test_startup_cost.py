"""Start-up and idle cost guards (issue 7): what loads before the first paint, the paint marker, the single-
instance socket opened after the paint, and garbage collection without a timer of its own."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import signal
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
import qasync
from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow

from cdp_desktop.ui.app import MARKERS_ENV, send_to_running, show_and_wait_for_paint
from cdp_desktop.ui.gc_guard import GuiThreadGarbageCollector
from cdp_desktop.ui.qloop import QEventLoop as AppLoop

REPO = Path(__file__).resolve().parents[2]

# Everything the command and ui/app.py import before the window is shown (cli, run_gui, GuiApp.show_ui).
_BEFORE_PAINT = """
import json, sys
import cdp_desktop.ui.app, cdp_desktop.logs, cdp_desktop.instance
import cdp_desktop.ui.gc_guard, cdp_desktop.ui.main_window
import cdp_desktop.cli  # the command (`cdp-desktop`) goes through it before run_gui
print(json.dumps(sorted(sys.modules)))
"""

# The real start (`cdp-desktop --demo`), stopped at the moment the first frame is shown: what is loaded then,
# and what that frame shows.
_AT_FIRST_PAINT = """
import json, os, sys
import PySide6.QtCore
import cdp_desktop.ui.app as app

def record(window, *args, **kwargs):
    print(json.dumps({
        "modules": sorted(sys.modules),
        "qt_namespace": "Qt" in vars(PySide6.QtCore),
        "title": window.windowTitle(),
        "menus": [a.text() for a in window.menuBar().actions()],
        "status": window.statusBar().currentMessage(),
        "built": window.built,
    }), flush=True)
    os._exit(0)

app.show_and_wait_for_paint = record
from cdp_desktop.cli import main
sys.exit(main(["--home", sys.argv[1], "--demo"]))
"""

# The window's parts: built right after the first frame is painted.
_WINDOW_PARTS = {
    "cdp_desktop.ui.window_layout",
    "cdp_desktop.ui.bridge",
    "cdp_desktop.ui.channels_table",
    "cdp_desktop.ui.run_detail",
    "cdp_desktop.ui.heartbeat",
    "cdp_desktop.ui.icons",
    "cdp_desktop.ui.tray",
    "cdp_desktop.service.events",
    "cdp_desktop.core.ports",
}


def test_nothing_heavy_is_imported_before_the_first_paint() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _BEFORE_PAINT], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    loaded = set(json.loads(out.stdout))
    heavy = {"asyncio", "qasync", "discord", "aiohttp", "PySide6.QtNetwork", "cdp_desktop.service.app"}
    assert not heavy & loaded, f"imported before the window is painted: {sorted(heavy & loaded)}"


@pytest.mark.parametrize("language", ["en_US.UTF-8", "zh_CN.UTF-8"])
def test_the_first_frame_is_the_window_frame_without_its_parts(tmp_path: Path, language: str) -> None:
    env = dict(os.environ, LANG=language, LC_ALL=language, LANGUAGE="")
    env.pop("CDP_DESKTOP_HOME", None)
    out = subprocess.run(
        [sys.executable, "-c", _AT_FIRST_PAINT, str(tmp_path / "home")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    frame = json.loads(out.stdout.splitlines()[-1])
    loaded = _WINDOW_PARTS & set(frame["modules"])
    assert not loaded, f"the window's parts were imported before its first frame: {sorted(loaded)}"
    assert not frame["qt_namespace"], "PySide6's Qt namespace (~25 ms) was created before the first frame"
    assert not frame["built"]
    if language.startswith("zh"):
        assert frame["title"] == "演示 \u2014 CDP Desktop"
        assert frame["status"] == "正在启动…"
        assert [m.split("(")[0] for m in frame["menus"]] == ["文件", "频道", "演示", "帮助"]
    else:
        assert frame["title"] == "Demo \u2014 CDP Desktop"
        assert frame["status"] == "Starting\u2026"
        assert frame["menus"] == ["&File", "&Channels", "&Demo", "&Help"]


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


def _run_on(loop_factory: Any, coro_fn: Any) -> Any:
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        return runner.run(asyncio.wait_for(coro_fn(), 10))


def test_a_cancelled_timer_no_longer_wakes_the_gui_thread(qapp: Any) -> None:
    """qasync leaves the Qt timer of a cancelled asyncio timer armed (it fires, finds nothing to do); the
    app's loop stops it. Timers still fire, in order, and a handle may cancel itself while it runs."""
    fired: list[str] = []

    async def scenario() -> tuple[int, int]:
        loop = asyncio.get_running_loop()
        dispatcher = QAbstractEventDispatcher.instance()
        before = len(dispatcher.registeredTimers(loop._timer))
        cancelled = [loop.call_later(60, fired.append, "never") for _ in range(5)]
        for handle in cancelled:
            handle.cancel()
        left = len(dispatcher.registeredTimers(loop._timer)) - before
        done = loop.create_future()
        loop.call_later(0.05, fired.append, "later")
        loop.call_soon(fired.append, "soon")
        selfish: list[asyncio.Handle] = []
        selfish.append(loop.call_later(0.01, lambda: selfish[0].cancel() or fired.append("self")))
        loop.call_later(0.1, done.set_result, None)
        timeout = asyncio.timeout(30)  # asyncio's own timeouts are cancelled handles too
        async with timeout:
            await done
        await asyncio.sleep(0)
        return left, len(dispatcher.registeredTimers(loop._timer)) - before

    left, after = _run_on(lambda: AppLoop(qapp), scenario)
    assert left == 0, "cancelled handles must not leave Qt timers armed"
    assert after == 0
    assert fired == ["soon", "self", "later"]


def test_qasync_itself_leaves_them_armed(qapp: Any) -> None:
    """The reason for ui/qloop.py: if qasync fixes this, the app's loop can go."""

    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        dispatcher = QAbstractEventDispatcher.instance()
        before = len(dispatcher.registeredTimers(loop._timer))
        loop.call_later(60, lambda: None).cancel()
        return len(dispatcher.registeredTimers(loop._timer)) - before

    assert _run_on(lambda: qasync.QEventLoop(qapp), scenario) == 1


_MARKERS = ("first_paint", "window_complete", "tray_shown")


def _demo_until(tmp_path: Path, last: str) -> tuple[dict[str, float], int, str]:
    """Start ``cdp-desktop --demo`` with the start-up markers on, read them until ``last`` (30 s at most),
    then SIGTERM it. Returns the markers seen (in order), its exit code and its stderr after that."""
    env = dict(os.environ, CDP_DESKTOP_BENCH_MARKERS="1")
    env.pop("CDP_DESKTOP_HOME", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cdp_desktop", "--home", str(tmp_path / "home"), "--demo"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    marks: dict[str, float] = {}
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 30
        for line in proc.stderr:
            parts = line.split()
            if len(parts) == 2 and parts[0] in _MARKERS:
                marks[parts[0]] = float(parts[1])
            if last in marks or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return marks, proc.returncode, err


def test_sigterm_right_after_the_first_paint_still_shuts_down_cleanly(tmp_path: Path) -> None:
    """The window is on screen before the asyncio loop (and its signal handlers) runs: a SIGTERM then must
    still end the app through its normal shutdown (exit code 0), not by the default action."""
    _marks, returncode, err = _demo_until(tmp_path, "first_paint")
    assert returncode == 0, err


def test_the_whole_window_paints_before_the_tray_registers(tmp_path: Path) -> None:
    """The frame first, then the whole window (header, tables) painted, then the tray's D-Bus round trip."""
    marks, _returncode, _err = _demo_until(tmp_path, "tray_shown")
    assert list(marks) == ["first_paint", "window_complete", "tray_shown"], marks
    assert marks["first_paint"] < marks["window_complete"] < marks["tray_shown"]
