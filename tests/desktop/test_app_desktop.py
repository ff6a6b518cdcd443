"""The tray app on a real desktop: SNI tray host, dunst, X server (marker ``desktop``; run via scripts/test).

In-process tests drive the real Tray / MainWindow / Notifications with the real AppService against the sandbox
(in its own thread). Subprocess tests run ``python -m cdp_desktop --demo`` as a user would and check the
window, the single-instance socket and a clean, quick shutdown.
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jeepney import HeaderFields

from cdp_desktop.core.errors import State
from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.ui.app import send_to_running, server_name
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.notifications import Notifications
from cdp_desktop.ui.tray import Tray
from tests.desktop_session import (
    NOTIFY_RULE,
    SNI_REGISTER_RULE,
    WATCHER,
    BusMonitor,
    Service,
    bus,
    dunst_count,
    dunst_history,
    get_property,
)
from tests.gui.dialog_support import connect, make_service
from tests.helpers.logs import RUN_FAILURES
from tests.helpers.window import add_sandbox_targets

pytestmark = pytest.mark.desktop
REPO = Path(__file__).resolve().parents[2]
BAD_WORDS = ("Unclosed client session", "Event loop is closed", "Traceback", "was never awaited")


@pytest.fixture
def desktop_ui(
    qtbot: Any,
    isolated_home: Path,
    sandbox: SandboxThread,
    wait_for: Callable[..., Any],
    tray_host: Service,
    notification_daemon: Service,
) -> Iterator[tuple[AppService, MainWindow, Tray, Notifications, BusMonitor]]:
    service = make_service(isolated_home, sandbox)
    connect(service, sandbox, wait_for, presence=False)
    add_sandbox_targets(service, sandbox)
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    tray = Tray(window)
    notes = Notifications(window, tray)
    bridge.attach(service)
    with BusMonitor([SNI_REGISTER_RULE, NOTIFY_RULE]) as mon:
        assert tray.start(), "the SNI host is running, so a tray must be available"
        window.set_tray_available(True)
        yield service, window, tray, notes, mon
        tray.hide()
    bridge.detach()
    wait_for(service.stop(), timeout=10)


def test_tray_item_registers_and_its_menu_works(qtbot: Any, desktop_ui: Any) -> None:
    service, window, tray, _notes, mon = desktop_ui
    register = mon.wait_for_call("RegisterStatusNotifierItem")
    with bus() as conn:
        items = get_property(conn, WATCHER, "RegisteredStatusNotifierItems")
    sender = register.header.fields[HeaderFields.sender]
    assert any(item.startswith(sender) or item == register.body[0] for item in items), items
    assert tray.icon.isVisible()

    tray.menu.aboutToShow.emit()
    assert not tray.action("readd").isEnabled()
    tray.action("open").trigger()
    qtbot.waitExposed(window)
    tray.action("pause").trigger()
    assert service.paused and tray.state == "paused"
    tray.menu.aboutToShow.emit()
    tray.action("pause").trigger()
    assert not service.paused
    tray.action("run_now").trigger()
    qtbot.waitUntil(
        lambda: {r.state for r in window.channels_model.rows()} == {State.REPLIED}, timeout=15_000
    )
    qtbot.waitUntil(lambda: tray.state == "ok", timeout=5000)
    assert "Last run" in tray.icon.toolTip()
    with qtbot.waitSignal(window.quitRequested, timeout=1000):
        tray.action("quit").trigger()


@pytest.mark.expect_log(*RUN_FAILURES)
def test_a_failure_makes_exactly_one_notification_in_dunst(
    qtbot: Any, desktop_ui: Any, sandbox: SandboxThread
) -> None:
    service, window, _tray, notes, mon = desktop_ui
    mon.wait_for_call("RegisterStatusNotifierItem")
    before = {h.get("id") for h in dunst_history()}  # closes what is on screen first
    assert dunst_count("displayed") == 0
    gone = service.config.targets[0]
    sandbox.delete_channel(gone.channel_id)
    for _ in range(2):  # the second failing run must not notify again (one per kind per channel per day)
        window.run_now()
        qtbot.waitUntil(lambda: "run_now" not in window.bridge.busy, timeout=15_000)
    qtbot.waitUntil(lambda: window.missing_count() == 1, timeout=5000)
    qtbot.wait(500)
    desktop = [n for n in notes.shown if n[0] == "desktop"]
    assert len(desktop) == 1, notes.shown
    _kind, summary, body = desktop[0]
    notify = mon.wait_for_call("Notify")
    assert len(mon.calls("Notify")) == 1
    assert notify.header.fields[HeaderFields.signature] == "susssasa{sv}i"
    assert notify.body[3] == summary
    qtbot.waitUntil(lambda: dunst_count("displayed") == 1, timeout=5000)
    new = [h for h in dunst_history() if h.get("id") not in before]
    assert len(new) == 1 and new[0]["summary"] == summary and new[0]["body"] == body, new
    assert not window.banners.messages()  # it went to the desktop, not into the window


# ------------------------------------------------------------------------------------------------ subprocess


@functools.cache
def _gui_module() -> str:
    """``cdp_desktop`` (the real command) once the CLI has --demo; the GUI module's own main before that."""
    out = subprocess.run(
        [sys.executable, "-m", "cdp_desktop", "--help"], cwd=REPO, capture_output=True, text=True, timeout=30
    )
    return "cdp_desktop" if "--demo" in out.stdout else "cdp_desktop.ui.app"


def gui_command(home: Path) -> list[str]:
    return [sys.executable, "-m", _gui_module(), "--demo", "--home", str(home)]


def launch(
    home: Path, env: dict[str, str] | None = None, wrap: list[str] | None = None
) -> subprocess.Popen[str]:
    e = dict(os.environ if env is None else env)
    e.pop("CDP_DESKTOP_HOME", None)
    e["PYTHONWARNINGS"] = "default"  # ResourceWarnings from unclosed sessions show up in stderr
    return subprocess.Popen(
        [*(wrap or []), *gui_command(home)],
        cwd=REPO,
        env=e,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(home: Path, proc: subprocess.Popen[str], timeout: float = 30.0) -> None:
    """Up when the demo service has started (it logs the sandbox address) and a client is connected."""
    log_file = AppPaths.resolve(home).log_file
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _out, err = proc.communicate()
            pytest.fail(f"the app exited early ({proc.returncode}):\n{err}")
        if log_file.exists() and "demo: sandbox at" in log_file.read_text(encoding="utf-8", errors="replace"):
            time.sleep(1.0)
            return
        time.sleep(0.1)
    proc.kill()
    pytest.fail(f"the app did not start within {timeout} s:\n{proc.communicate()[1]}")


def visible_windows(title_regex: str, pid: int | None = None) -> list[str]:
    # --all: the window must match every condition (xdotool's default is any one of them).
    args = ["xdotool", "search", "--all", "--onlyvisible"]
    if pid is not None:
        args += ["--pid", str(pid)]
    # A UTF-8 locale: in "C" xdotool decodes a title only up to its first non-ASCII character ("Demo — …").
    env = dict(os.environ, LC_ALL="C.UTF-8")
    out = subprocess.run([*args, "--name", title_regex], capture_output=True, text=True, timeout=10, env=env)
    return out.stdout.split()


def finish(proc: subprocess.Popen[str], timeout: float) -> tuple[float, str]:
    began = time.monotonic()
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        pytest.fail(f"the app did not exit within {timeout} s:\n{err}")
    return time.monotonic() - began, err


def assert_clean(err: str) -> None:
    for word in BAD_WORDS:
        assert word not in err, err


def assert_exits_cleanly(proc: subprocess.Popen[str], *, timeout: float, within: float) -> None:
    """Exit status 0, in less than ``within`` seconds, with nothing unclean on stderr."""
    elapsed, err = finish(proc, timeout=timeout)
    assert proc.returncode == 0, err
    assert elapsed < within, elapsed
    assert_clean(err)


def test_quit_through_the_instance_socket_is_quick_and_clean(
    qapp: Any, tmp_path: Path, tray_host: Service
) -> None:
    home = tmp_path / "home"
    proc = launch(home)
    wait_ready(home, proc)
    name = server_name(AppPaths.resolve(home))
    assert send_to_running(name, "quit")
    assert_exits_cleanly(proc, timeout=10, within=5.0)


def test_the_app_starts_in_a_chinese_locale(qapp: Any, tmp_path: Path, tray_host: Service) -> None:
    """The command line's translations made a bare core application before the window needed a QApplication:
    `cdp-desktop` in a Chinese locale stopped with an AssertionError."""
    home = tmp_path / "home"
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    proc = launch(home, env=env)
    try:
        wait_ready(home, proc)
        assert visible_windows("^\u6f14\u793a \u2014 CDP Desktop$", proc.pid), (
            "the demo window, titled in Chinese"
        )
    finally:
        send_to_running(server_name(AppPaths.resolve(home)), "quit")
    assert_exits_cleanly(proc, timeout=10, within=5.0)


def test_sigterm_ends_the_app_cleanly(qapp: Any, tmp_path: Path, tray_host: Service) -> None:
    home = tmp_path / "home"
    proc = launch(home)
    wait_ready(home, proc)
    proc.send_signal(signal.SIGTERM)
    assert_exits_cleanly(proc, timeout=15, within=10.0)


def test_second_launch_brings_the_window_back(qapp: Any, tmp_path: Path, tray_host: Service) -> None:
    home = tmp_path / "home"
    first = launch(home)
    try:
        wait_ready(home, first)
        windows = visible_windows("CDP Desktop$", first.pid)
        assert windows, "the demo opens its window at start"
        # Close it like a user (Ctrl+W, typed into the focused window): with a tray, closing only hides it.
        subprocess.run(["xdotool", "windowfocus", "--sync", windows[0]], check=True, timeout=10)
        subprocess.run(["xdotool", "key", "ctrl+w"], check=True, timeout=10)
        deadline = time.monotonic() + 5
        while visible_windows("CDP Desktop$", first.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not visible_windows("CDP Desktop$", first.pid), "Ctrl+W hides the window"
        second = launch(home)
        _elapsed, err = finish(second, timeout=20)
        assert second.returncode == 0, err
        deadline = time.monotonic() + 5
        while not visible_windows("CDP Desktop$", first.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert visible_windows("CDP Desktop$", first.pid), "the first instance's window is shown again"
    finally:
        send_to_running(server_name(AppPaths.resolve(home)), "quit")
        _elapsed, err = finish(first, timeout=10)
    assert_clean(err)


def test_without_a_tray_the_window_shows_at_start(qapp: Any, tmp_path: Path) -> None:
    """A private session bus with no StatusNotifierWatcher, and no XEmbed tray on the X server: no tray."""
    home = tmp_path / "home"
    env = dict(os.environ)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    proc = launch(home, env, wrap=["dbus-run-session", "--"])
    try:
        wait_ready(home, proc)
        assert visible_windows("CDP Desktop"), "the window is shown when there is no tray"
        log = AppPaths.resolve(home).log_file.read_text(encoding="utf-8")
        assert "no system tray" in log
    finally:
        send_to_running(server_name(AppPaths.resolve(home)), "quit")
        _elapsed, err = finish(proc, timeout=10)
    assert proc.returncode == 0, err
    assert_clean(err)
