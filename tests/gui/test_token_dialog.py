"""The token dialog on real widgets; the real AppService logs in to the sandbox (only its token works)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.token_store import TokenStore
from cdp_desktop.ui.token_dialog import TokenDialog
from tests.gui.dialog_support import make_service, opened

# Shaped like a bot token (base64 of a snowflake, then two parts) but not the sandbox's.
WRONG_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.d3Jvbmc.bm90LXRoZS1zYW5kYm94LXRva2Vu"


@pytest.fixture
def service(
    isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]
) -> Iterator[AppService]:
    """No token yet, and no keyring at all (keyring's fail backend)."""
    svc = make_service(isolated_home, sandbox)
    wait_for(svc.start(schedule_runs=False), timeout=10)
    yield svc
    wait_for(svc.stop(), timeout=10)


def test_token_is_masked_and_can_be_shown(qtbot: Any, service: AppService) -> None:
    dialog = opened(qtbot, TokenDialog(service))  # keep a reference: qtbot holds widgets weakly
    panel = dialog.panel
    assert panel.edit.echoMode() == QLineEdit.EchoMode.Password
    panel.show_check.setChecked(True)
    assert panel.edit.echoMode() == QLineEdit.EchoMode.Normal


def test_shape_check_is_inline(qtbot: Any, service: AppService) -> None:
    dialog = opened(qtbot, TokenDialog(service))  # keep a reference: qtbot holds widgets weakly
    panel = dialog.panel
    qtbot.keyClicks(panel.edit, "not a token")
    assert "three parts separated by dots" in panel.shape_message.text()
    assert not panel.session_button.isEnabled() and not panel.save_button.isEnabled()
    panel.edit.setText(WRONG_TOKEN)
    assert not panel.shape_message.isVisible()


def test_no_keyring_explains_and_offers_this_session_only(
    qtbot: Any, service: AppService, sandbox: SandboxThread
) -> None:
    dialog = opened(qtbot, TokenDialog(service))
    panel = dialog.panel
    assert service.token_state is not None and service.token_state.state == "unavailable"
    assert "No keyring is available" in panel.keyring_note.text()
    assert panel.session_button.isVisible() and not panel.save_button.isVisible()

    panel.edit.setText(sandbox.token)
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        qtbot.mouseClick(panel.session_button, Qt.MouseButton.LeftButton)

    assert "Logged in as CDP Sandbox Bot" in panel.result.text()
    assert "this session only" in panel.result.text()
    assert panel.edit.text() == ""  # the token does not linger in the widget
    qtbot.waitUntil(lambda: service.connection.state == "connected", timeout=10_000)


def test_bad_token_shows_the_clear_error(qtbot: Any, service: AppService) -> None:
    dialog = opened(qtbot, TokenDialog(service))
    panel = dialog.panel
    panel.edit.setText(WRONG_TOKEN)
    saved: list[bool] = []
    dialog.saved.connect(lambda: saved.append(True))
    qtbot.mouseClick(panel.session_button, Qt.MouseButton.LeftButton)
    assert panel.busy.busy and panel.edit.isReadOnly()  # the UI shows progress, the call runs on the loop

    qtbot.waitUntil(lambda: panel.result.kind == "error", timeout=15_000)

    assert "Discord rejected the bot token" in panel.result.text()
    assert not panel.busy.busy and not saved and dialog.isVisible()
    assert panel.edit.text() == WRONG_TOKEN  # kept, so a typo can be fixed


def test_good_token_is_saved_in_the_keyring_and_cleared(
    qtbot: Any,
    secret_service: Any,
    isolated_home: Path,
    sandbox: SandboxThread,
    wait_for: Callable[..., Any],
) -> None:
    svc = make_service(isolated_home, sandbox, token_store=TokenStore())
    wait_for(svc.start(schedule_runs=False), timeout=10)
    try:
        dialog = opened(qtbot, TokenDialog(svc))
        panel = dialog.panel
        assert panel.save_button.isVisible()
        qtbot.keyClicks(panel.edit, sandbox.token)
        with qtbot.waitSignal(dialog.botNameChanged, timeout=15_000) as blocker:
            qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        assert blocker.args == ["CDP Sandbox Bot"]
        assert "saved in the system keyring" in panel.result.text()
        assert TokenStore().get().token == sandbox.token
        assert panel.clear_button.isEnabled()

        # Clear token asks first (a non-modal message box), then removes it.
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
        box = next(w for w in dialog.findChildren(QMessageBox) if w.isVisible())
        yes = next(b for b in box.buttons() if b.text() == "Clear token")
        with qtbot.waitSignal(panel.cleared, timeout=10_000):
            qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        assert TokenStore().get().state == "missing"
        assert svc.connection.state == "no_token"
    finally:
        wait_for(svc.stop(), timeout=10)


def test_first_run_wizard_token_channels_schedule(
    qtbot: Any, service: AppService, sandbox: SandboxThread
) -> None:
    from PySide6.QtCore import QTime

    from cdp_desktop.ui.first_run import FirstRunWizard

    wizard = opened(qtbot, FirstRunWizard(service))
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # no token yet

    wizard.token_page.panel.edit.setText(sandbox.token)
    qtbot.mouseClick(wizard.token_page.panel.session_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(next_button.isEnabled, timeout=15_000)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.channels_page
    qtbot.waitUntil(lambda: service.connection.state == "connected", timeout=10_000)
    editor = wizard.channels_page.open_editor()
    qtbot.waitUntil(lambda: editor.loaded, timeout=10_000)
    editor.channel_combo.setCurrentIndex(editor.channel_combo.findData(sandbox.text_channel_ids[1]))
    if editor.bot_combo.currentData() is None:  # no bot listed without the members intent: paste it
        editor.bot_combo.setEditText(str(sandbox.target_bot_id))
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert [wizard.channels_page.list.item(i).text() for i in range(wizard.channels_page.list.count())] == [
        "#keepalive-1"
    ]
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.schedule_page
    wizard.schedule_page.time_edit.setTime(QTime(8, 5))
    with qtbot.waitSignal(wizard.saved, timeout=5_000):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert service.config.settings.schedule_time == "08:05"
    assert len(service.config.targets) == 1
