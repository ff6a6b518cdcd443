"""The window shows what the history database says, whoever wrote it; every indicator follows one state.

A `cdp-desktop run-now` in a terminal while the window was open never appeared in Recent runs, the tray icon
stayed green while its menu said channels need attention, the "channel missing" banner outlived the re-add and
Settings kept an old "Not saved" after the field was fixed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from cdp_desktop.core.errors import State
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.ui.settings_dialog import SettingsDialog
from tests.gui.dialog_support import opened
from tests.helpers.logs import RUN_FAILURES
from tests.helpers.window import Ui, window_on_sandbox

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def ui(qtbot: Any, isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]) -> Iterator[Ui]:
    with window_on_sandbox(qtbot, isolated_home, sandbox, wait_for, reply_timeout_seconds=3) as ui:
        yield ui


def cli(qtbot: Any, home: Path, sandbox: SandboxThread, *args: str) -> tuple[int, str]:
    """Run the command in its own process while the window's event loop keeps turning."""
    env = dict(os.environ)
    env.update(
        CDP_DESKTOP_HOME=str(home), CDP_DESKTOP_TOKEN=sandbox.token, CDP_DESKTOP_API_BASE=sandbox.api_base
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "cdp_desktop", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=90_000)
    _out, err = proc.communicate()
    return proc.returncode, err


def test_a_run_made_by_the_cli_appears_in_the_open_window(
    qtbot: Any, ui: Ui, isolated_home: Path, sandbox: SandboxThread
) -> None:
    w = ui.window
    assert w.runs_model.rowCount() == 0
    timers_before = len(w.findChildren(QTimer)) + len(w.bridge.findChildren(QTimer))
    code, err = cli(qtbot, isolated_home, sandbox, "run-now")
    assert code == 0, err
    # No poll: the window hears the file change and reloads.
    qtbot.waitUntil(lambda: w.runs_model.rowCount() == 1, timeout=5000)
    assert "Replied" in w.run_detail.toPlainText()
    qtbot.waitUntil(lambda: set(ui.states().values()) == {State.REPLIED}, timeout=5000)
    assert "Last run" in w.last_label.text() and "No runs yet" not in w.last_label.text()
    assert ui.tray.state == "ok" and "Last run" in ui.tray.icon.toolTip()
    active = [t for t in w.findChildren(QTimer) + w.bridge.findChildren(QTimer) if t.isActive()]
    assert all(t.interval() >= 1000 or t.isSingleShot() for t in active), [t.interval() for t in active]
    assert len(w.bridge.findChildren(QTimer)) + len(w.findChildren(QTimer)) <= timers_before + 1


def test_the_tray_icon_follows_a_failure_written_by_another_process(
    qtbot: Any, ui: Ui, isolated_home: Path, sandbox: SandboxThread
) -> None:
    ui.tray.refresh()
    assert ui.tray.state == "ok"
    locked = ui.service.config.targets[0]
    sandbox.forbid_channel(locked.channel_id, 50013)  # nothing on the gateway tells this process
    code, err = cli(qtbot, isolated_home, sandbox, "run-now")
    assert code == 1, err
    # Without opening the menu: the icon itself turns, and the tooltip and status line agree with it.
    qtbot.waitUntil(lambda: ui.tray.state == "error", timeout=5000)
    assert ui.tray.status_line() == "Keep-alive failing"
    assert "Keep-alive failing" in ui.tray.icon.toolTip()
    ui.tray.menu.aboutToShow.emit()
    assert ui.tray.action("status").text() == ui.tray.status_line()
    assert ui.states()[locked.uid] == State.NO_ACCESS


@pytest.mark.expect_log(*RUN_FAILURES)
def test_the_missing_banner_goes_away_after_the_re_add(qtbot: Any, ui: Ui, sandbox: SandboxThread) -> None:
    w = ui.window
    gone = ui.service.config.targets[0]
    sandbox.delete_channel(gone.channel_id)
    qtbot.mouseClick(w.btn_run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.states()[gone.uid] == State.MISSING, timeout=15_000)
    qtbot.waitUntil(lambda: "run_now" not in w.bridge.busy, timeout=15_000)
    assert any(lvl == "error" for lvl, _t in w.banners.messages()), w.banners.messages()
    qtbot.mouseClick(w.btn_readd, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "readd" not in w.bridge.busy, timeout=15_000)
    assert [lvl for lvl, _t in w.banners.messages()] == ["info"], w.banners.messages()  # "Re-created 1"


def test_settings_drops_not_saved_once_the_field_is_fixed(qtbot: Any, ui: Ui) -> None:
    dialog = opened(qtbot, SettingsDialog(ui.service))
    dialog.proxy_edit.setText("ftp://127.0.0.1:21")
    assert not dialog.save()
    assert "Not saved" in dialog.error.text() and dialog.error.isVisible()
    dialog.proxy_edit.setText("http://127.0.0.1:7890")
    assert not dialog.error.isVisible() and dialog.error.text() == ""
