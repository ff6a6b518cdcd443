"""The main window and the tray menu on real widgets, with the real AppService against the sandbox.

The sandbox runs in its own thread (``SandboxThread``) so that the GUI's qasync loop and the server never
share a loop. Nothing is mocked: a server-side deletion is a real CHANNEL_DELETE, runs use real discord.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cdp_desktop.core.config import Target
from cdp_desktop.core.errors import State
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.close_policy import KEEP_RUNNING_KEY
from cdp_desktop.ui.main_window import MainWindow
from tests.gui.dialog_support import make_service
from tests.helpers.logs import RUN_FAILURES
from tests.helpers.window import Ui, window_on_sandbox


@pytest.fixture
def ui(qtbot: Any, isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]) -> Iterator[Ui]:
    with window_on_sandbox(qtbot, isolated_home, sandbox, wait_for) as ui:
        yield ui


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_window_shows_channels_and_header(ui: Ui) -> None:
    w = ui.window
    assert w.windowTitle().startswith("CDP Desktop")
    assert w.channels_model.rowCount() == 2
    assert set(ui.states().values()) == {State.PENDING}
    assert "Connected" in w.conn_label.text()
    assert w.bot_label.text()  # the bot's name from the sandbox
    assert w.next_label.text().startswith("Next run")
    assert w._tick.isActive()  # the countdown ticks while the window is visible ...
    w.hide()
    assert not w._tick.isActive()  # ... and not while it is hidden


def test_target_bot_column_shows_the_bots_name_looked_up_once(
    qtbot: Any, ui: Ui, sandbox: SandboxThread
) -> None:
    """Without the members intent list_guilds() names no bots: the service asks Discord for the name."""
    m = ui.window.channels_model
    bot = sandbox.target_bot_id
    qtbot.waitUntil(lambda: m.data(m.index(0, m.COL_BOT)) == "@Coze Target Bot", timeout=10_000)
    assert m.data(m.index(1, m.COL_BOT)) == "@Coze Target Bot"
    assert m.data(m.index(0, m.COL_BOT), Qt.ItemDataRole.ToolTipRole).startswith(f"Bot ID: {bot}\n")
    for _ in range(3):  # refreshes do not ask again
        ui.window.refresh_channels()
        qtbot.wait(20)
    assert len([r for r in sandbox.requests if r["method"] == "GET" and r["path"] == f"/users/{bot}"]) == 1


def test_target_bot_column_shortens_an_unnamed_mention(
    qtbot: Any, isolated_home: Path, wait_for: Callable[..., Any]
) -> None:
    service = make_service(isolated_home, None)  # offline: no name can be known
    service.add_target(Target(guild_id=10**17, channel_id=10**17 + 1, mention_id=1191168914227200123))
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    bridge.attach(service)
    m = window.channels_model
    assert m.data(m.index(0, m.COL_BOT)) == "<@\u20260123>"
    tip = m.data(m.index(0, m.COL_BOT), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Bot ID: 1191168914227200123\n") and "not connected to Discord" in tip
    bridge.detach()
    wait_for(service.stop(), timeout=10)


def test_run_now_updates_the_table_to_replied(qtbot: Any, ui: Ui) -> None:
    w = ui.window
    click(qtbot, w.btn_run)
    assert not w.btn_run.isEnabled()  # disabled while the run is going
    qtbot.waitUntil(lambda: set(ui.states().values()) == {State.REPLIED}, timeout=15_000)
    qtbot.waitUntil(w.btn_run.isEnabled, timeout=5000)
    assert w.runs_model.rowCount() == 1
    assert "Replied" in w.run_detail.toPlainText()
    assert w.channels_model.data(w.channels_model.index(0, w.channels_model.COL_LATENCY)).endswith(" s")
    assert "Last run" in w.last_label.text()
    assert not w.btn_readd.isVisible()


def test_a_channel_sent_by_another_machine_says_so(qtbot: Any, ui: Ui, sandbox: SandboxThread) -> None:
    """Another machine (same bot) already sent today's keep-alive: Run now sends nothing there, and the row
    says it was sent by another machine, and when."""
    w, model = ui.window, ui.window.channels_model
    marker = f"-# cdp-keepalive {ui.service.current_slot_key()}"
    channel = sandbox.text_channel_ids[0]
    other = sandbox.post_message(channel, f"keep-alive\n{marker}", author_id=sandbox.bot_user_id)
    click(qtbot, w.btn_run)
    qtbot.waitUntil(lambda: State.SENT_ELSEWHERE in ui.states().values(), timeout=15_000)
    qtbot.waitUntil(w.btn_run.isEnabled, timeout=15_000)
    row = next(i for i, r in enumerate(model.rows()) if r.target.channel_id == channel)
    assert model.data(model.index(row, model.COL_STATE)) == "Other machine"
    shown = model.data(model.index(row, model.COL_SUCCESS))
    assert shown.startswith("sent by another machine at ") and "next" in shown
    tip = model.data(model.index(row, model.COL_SUCCESS), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Sent by another machine at ")
    state_tip = model.data(model.index(row, model.COL_STATE), Qt.ItemDataRole.ToolTipRole)
    assert "another machine" in state_tip
    # Whether the check saw it before sending or the withdrawal settled it: the other machine's message is the
    # channel's only keep-alive.
    mine = [m for m in sandbox.messages(channel) if int(m["author"]["id"]) == sandbox.bot_user_id]
    assert [m["id"] for m in mine] == [other["id"]]


@pytest.mark.expect_log(*RUN_FAILURES)
def test_server_side_deletion_turns_missing_and_readd_fixes_it(
    qtbot: Any, ui: Ui, sandbox: SandboxThread
) -> None:
    w, tray = ui.window, ui.tray
    tray.rebuild_menu()
    assert tray.action("readd") is not None and not tray.action("readd").isEnabled()
    gone = ui.service.config.targets[0]
    sandbox.delete_channel(gone.channel_id)

    click(qtbot, w.btn_run)
    qtbot.waitUntil(lambda: ui.states()[gone.uid] == State.MISSING, timeout=15_000)
    qtbot.waitUntil(w.btn_run.isEnabled, timeout=10_000)
    # The re-add button stands out (visible, enabled) and the tray menu enables its entry.
    assert w.btn_readd.isVisible() and w.btn_readd.isEnabled()
    assert "(1)" in w.btn_readd.text()
    tray.menu.aboutToShow.emit()
    assert tray.action("readd").isEnabled()
    assert ui.tray.state in ("error", "warning")
    # No tray: the "missing" notice became a banner in the window.
    assert any("missing" in text.lower() or gone.label in text for _lvl, text in w.banners.messages()), (
        w.banners.messages()
    )

    click(qtbot, w.btn_readd)
    qtbot.waitUntil(lambda: ui.service.config.find(gone.uid).channel_id != gone.channel_id, timeout=15_000)
    qtbot.waitUntil(lambda: "readd" not in w.bridge.busy, timeout=5000)
    assert any("Re-created 1" in text for _lvl, text in w.banners.messages()), w.banners.messages()

    click(qtbot, w.btn_run)
    qtbot.waitUntil(lambda: ui.states()[gone.uid] == State.REPLIED, timeout=15_000)
    assert not w.btn_readd.isVisible()
    tray.menu.aboutToShow.emit()
    assert not tray.action("readd").isEnabled()


@pytest.mark.expect_log(*RUN_FAILURES)
def test_readd_clears_the_missing_state_at_once(qtbot: Any, ui: Ui, sandbox: SandboxThread) -> None:
    w = ui.window
    gone = ui.service.config.targets[0]
    sandbox.delete_channel(gone.channel_id)
    click(qtbot, w.btn_run)
    qtbot.waitUntil(lambda: ui.states()[gone.uid] == State.MISSING, timeout=15_000)
    qtbot.waitUntil(lambda: "run_now" not in w.bridge.busy, timeout=10_000)
    click(qtbot, w.btn_readd)
    qtbot.waitUntil(lambda: "readd" not in w.bridge.busy, timeout=15_000)
    assert ui.states()[gone.uid] != State.MISSING
    assert not w.btn_readd.isVisible()
    ui.tray.menu.aboutToShow.emit()
    assert not ui.tray.action("readd").isEnabled()


def test_tray_menu_actions_drive_the_window(qtbot: Any, ui: Ui) -> None:
    tray, w = ui.tray, ui.window
    tray.menu.aboutToShow.emit()
    names = [a.objectName() for a in tray.menu.actions() if a.objectName()]
    assert names == ["status", "open", "run_now", "readd", "pause", "settings", "quit"]
    assert not tray.action("status").isEnabled()

    tray.action("pause").trigger()
    assert ui.service.paused
    tray.menu.aboutToShow.emit()
    assert tray.action("pause").text() == "Resume schedule"
    assert tray.state == "paused"
    assert w.next_label.text() == "Paused"
    tray.action("pause").trigger()
    assert not ui.service.paused

    w.hide()
    tray.action("open").trigger()
    assert w.isVisible()
    with qtbot.waitSignal(w.quitRequested, timeout=1000):
        tray.action("quit").trigger()


def test_enable_disable_and_remove_with_confirmation(qtbot: Any, ui: Ui) -> None:
    w = ui.window
    w.table.selectRow(0)
    uid = w.selected_uid()
    assert w.btn_toggle.text() == "Disable"
    click(qtbot, w.btn_toggle)
    assert ui.states()[uid] == State.SKIPPED_DISABLED
    assert w.btn_toggle.text() == "Enable"
    click(qtbot, w.btn_toggle)
    assert ui.states()[uid] == State.PENDING

    click(qtbot, w.btn_remove)
    box = w._dialogs["confirm_remove"]
    assert isinstance(box, QMessageBox) and box.isVisible()
    click(qtbot, box.button(QMessageBox.StandardButton.Cancel))
    assert w.channels_model.rowCount() == 2
    w.table.selectRow(0)
    click(qtbot, w.btn_remove)
    click(qtbot, w._dialogs["confirm_remove"].button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: w.channels_model.rowCount() == 1, timeout=2000)
    assert uid not in [t.uid for t in ui.service.config.targets]


@pytest.mark.expect_log(r"^cdp_desktop\.ui\.bridge: Test action failed$")
def test_errors_from_background_tasks_reach_the_banner(qtbot: Any, ui: Ui) -> None:
    async def boom() -> None:
        await asyncio.sleep(0)
        raise RuntimeError("kaboom 42")

    ui.window.bridge.spawn(boom(), what="Test action")
    qtbot.waitUntil(lambda: any("kaboom 42" in t for _l, t in ui.window.banners.messages()), timeout=3000)


def test_closing_without_a_tray_asks_once(qtbot: Any, ui: Ui) -> None:
    w = ui.window
    w.set_tray_available(False)
    w.close()
    box = w._dialogs["background"]
    assert box.isVisible() and w.isVisible()
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))  # "Keep running", "Don't ask again" is ticked
    assert not w.isVisible()
    assert w.ui_settings is not None and w.ui_settings.value(KEEP_RUNNING_KEY) == "yes"
    w.show()
    w.close()  # remembered: hides without asking
    assert not w.isVisible()
    assert not w._dialogs["background"].isVisible() if "background" in w._dialogs else True

    w.set_tray_available(True)
    w.show()
    w.close()
    assert not w.isVisible()


def test_opens_fast_with_a_long_history(
    qtbot: Any, isolated_home: Path, wait_for: Callable[..., Any]
) -> None:
    """15,000 history rows: the window only ever loads the recent runs."""
    service = make_service(isolated_home, None)
    t = Target(guild_id=10**17, channel_id=10**17 + 1, name="busy")
    service.add_target(t)
    h = service.history
    start = datetime.now(UTC) - timedelta(days=400)
    from cdp_desktop.core.history import ChannelResult

    for i in range(15_000):
        at = start + timedelta(minutes=i)
        run_id = h.start_run(f"k{i}", at, "scheduled", at)
        h.add_result(run_id, ChannelResult(run_id, t.uid, t.channel_id, t.label, State.REPLIED, at=at))
        h.finish_run(run_id, at, "ok")
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    bridge.attach(service)
    window.show()
    qtbot.waitExposed(window)
    assert window.runs_model.rowCount() == 50  # how long that takes: bench (memory section, window open)
    bridge.detach()
    wait_for(service.stop(), timeout=10)
