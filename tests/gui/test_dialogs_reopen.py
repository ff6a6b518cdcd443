"""Every dialog opens, closes and opens again, any number of times, from the menu bar, the tray menu and the
keyboard shortcut; closed with its OK button, with Cancel and with the window's close button.

A dialog closed with WA_DeleteOnClose used to leave a dead wrapper behind: the second open raised
"Internal C++ object (SettingsDialog) already deleted" into the error banner and nothing opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget, QWizard

from cdp_desktop.core.config import Target
from cdp_desktop.service import AppService
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.tray import Tray
from tests.gui.dialog_support import make_service

GUILD, CHANNEL, BOT = 1100000000000000001, 1100000000000000002, 1100000000000000009


class Ui:
    def __init__(self, service: AppService, window: MainWindow, tray: Tray) -> None:
        self.service, self.window, self.tray = service, window, tray


@pytest.fixture
def ui(qtbot: Any, isolated_home: Path, wait_for: Callable[..., Any]) -> Iterator[Ui]:
    service = make_service(isolated_home, None)  # offline: every dialog must open without Discord
    service.add_target(Target(guild_id=GUILD, channel_id=CHANNEL, mention_id=BOT, name="bots"))
    bridge = ServiceBridge()
    window = MainWindow(
        bridge, ui_settings=QSettings(str(isolated_home / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    tray = Tray(window)
    bridge.attach(service)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield Ui(service, window, tray)
    bridge.detach()
    wait_for(service.stop(), timeout=10)


def visible_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def wait_open(qtbot: Any, ui: Ui, cls_name: str) -> QDialog:
    qtbot.waitUntil(lambda: any(type(w).__name__ == cls_name for w in visible_dialogs()), timeout=5000)
    [dlg] = [w for w in visible_dialogs() if type(w).__name__ == cls_name]
    assert isinstance(dlg, QDialog)
    return dlg


def close_with(qtbot: Any, dlg: QDialog, how: str) -> None:
    if how == "close":
        dlg.close()  # what the window manager's close button does
    elif isinstance(dlg, QWizard):
        button = QWizard.WizardButton.CancelButton if how == "cancel" else QWizard.WizardButton.FinishButton
        if how == "ok" and not dlg.button(button).isVisible():  # Finish is on the last page only
            qtbot.keyClick(dlg, Qt.Key.Key_Escape)
        else:
            qtbot.mouseClick(dlg.button(button), Qt.MouseButton.LeftButton)
    else:
        box = dlg.findChild(QDialogButtonBox)
        assert box is not None
        buttons = box.buttons()
        roles = {box.buttonRole(b): b for b in buttons}
        if how == "ok":
            b = (
                roles.get(QDialogButtonBox.ButtonRole.AcceptRole)
                or roles[QDialogButtonBox.ButtonRole.RejectRole]
            )
        else:
            b = roles[QDialogButtonBox.ButtonRole.RejectRole]
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible() if _alive(dlg) else True, timeout=10_000)


def _alive(w: QWidget) -> bool:
    from shiboken6 import isValid

    return isValid(w)


def no_error_banner(ui: Ui) -> None:
    errors = [t for lvl, t in ui.window.banners.messages() if lvl == "error"]
    assert not errors, errors


def openers(ui: Ui, name: str) -> list[Callable[[], None]]:
    w, tray = ui.window, ui.tray
    menu_actions = {
        "settings": w.act_settings,
        "token": w.act_token,
        "about": w.act_about,
        "editor": w.act_add,
    }

    def from_tray() -> None:
        tray.rebuild_menu()
        action = tray.action(name)
        assert action is not None and action.isVisible(), name
        action.trigger()

    def from_shortcut() -> None:
        action = menu_actions[name]
        assert not action.shortcut().isEmpty(), name
        w.activateWindow()
        QApplication.processEvents()
        seq = action.shortcut()[0]
        qtbot_key_click(w, seq.key(), seq.keyboardModifiers())

    result = [menu_actions[name].trigger]
    if name == "settings":  # the tray menu offers Settings…
        result.append(from_tray)
    if not menu_actions[name].shortcut().isEmpty():
        result.append(from_shortcut)
    return result


def qtbot_key_click(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, modifiers)


@pytest.mark.parametrize(
    ("name", "cls_name"),
    [
        ("settings", "SettingsDialog"),
        ("token", "TokenDialog"),
        ("about", "AboutDialog"),
        ("editor", "ChannelEditor"),
    ],
)
def test_each_dialog_opens_three_times_from_every_entry_point(
    qtbot: Any, ui: Ui, name: str, cls_name: str
) -> None:
    routes = openers(ui, name)
    count = 0
    for open_it in routes:
        for how in ("ok", "cancel", "close"):
            open_it()
            dlg = wait_open(qtbot, ui, cls_name)
            count += 1
            if name == "editor":
                qtbot.waitUntil(lambda d=dlg: d.loaded, timeout=10_000)  # type: ignore[attr-defined]
            if name == "editor" and how == "ok":  # a valid new channel, so that Save really saves
                dlg.guild_edit.setText(str(GUILD))  # type: ignore[attr-defined]
                dlg.channel_edit.setText(str(CHANNEL + count))  # type: ignore[attr-defined]
                dlg.mention_edit.setText(str(BOT))  # type: ignore[attr-defined]
            close_with(qtbot, dlg, how)
            no_error_banner(ui)
    assert count >= 3
    # Open again while one is open: the same one is raised, not a second one.
    routes[0]()
    first = wait_open(qtbot, ui, cls_name)
    routes[-1]()
    QApplication.processEvents()
    assert [w for w in visible_dialogs() if type(w).__name__ == cls_name] == [first]
    close_with(qtbot, first, "cancel")
    no_error_banner(ui)


def test_edit_dialog_opens_three_times(qtbot: Any, ui: Ui) -> None:
    w = ui.window
    for how in ("ok", "cancel", "close"):
        w.table.selectRow(0)
        w.act_edit.trigger()
        dlg = wait_open(qtbot, ui, "ChannelEditor")
        qtbot.waitUntil(lambda d=dlg: d.loaded, timeout=10_000)  # type: ignore[attr-defined]
        close_with(qtbot, dlg, how)
        no_error_banner(ui)
    assert len(ui.service.config.targets) == 1


def test_first_run_wizard_opens_three_times(qtbot: Any, ui: Ui) -> None:
    w = ui.window
    for how in ("ok", "cancel", "close"):
        w.open_first_run()
        dlg = wait_open(qtbot, ui, "FirstRunWizard")
        close_with(qtbot, dlg, how)
        no_error_banner(ui)
