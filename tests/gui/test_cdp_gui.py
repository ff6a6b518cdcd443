"""The coze-discord-proxy parts of the window on real widgets: *Import from coze-discord-proxy…* (File menu
and first-run wizard) and the *CDP endpoint* header line, with the real AppService against the sandbox."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from cdp_desktop.sandbox.cdp import DEMO_SECRET
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.cdp_import_dialog import CdpImportDialog
from cdp_desktop.ui.first_run import FirstRunWizard
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.notifications import Notifications
from tests.gui.dialog_support import connect, make_service, opened

FIXTURES = Path(__file__).parent.parent / "fixtures" / "cdp"


class Ui:
    def __init__(self, service: AppService, window: MainWindow, notes: Notifications) -> None:
        self.service, self.window, self.notes = service, window, notes


@pytest.fixture
def ui(qtbot: Any, isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]) -> Iterator[Ui]:
    service = make_service(isolated_home, sandbox)
    service.env = {**service.env, "CDP_DESKTOP_CDP_SECRET": DEMO_SECRET, "CDP_DESKTOP_CDP_TIMEOUT": "1"}
    connect(service, sandbox, wait_for, presence=False)
    service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 0))
    bridge = ServiceBridge()
    window = MainWindow(
        bridge, ui_settings=QSettings(str(isolated_home / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    notes = Notifications(window, None)  # no tray: notices become banners
    bridge.attach(service)
    window.show()
    qtbot.waitExposed(window)
    yield Ui(service, window, notes)
    bridge.detach()
    wait_for(service.stop(), timeout=10)


def channel_items(dialog: CdpImportDialog) -> dict[str, QTreeWidgetItem]:
    group = dialog.tree.topLevelItem(0)
    return {group.child(i).text(0): group.child(i) for i in range(group.childCount())}


def open_import(ui: Ui, qtbot: Any) -> CdpImportDialog:
    ui.window.act_import_cdp.trigger()
    dialog = ui.window._dialogs["import_cdp"]
    assert isinstance(dialog, CdpImportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_import_from_the_file_menu_with_ticks(ui: Ui, qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "cdp"
    shutil.copytree(FIXTURES / "readme", folder)
    dialog = open_import(ui, qtbot)
    assert not dialog.import_button.isEnabled()
    dialog.path_edit.setText(str(folder))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    items = channel_items(dialog)
    assert set(items) == {"1310000000000000300", "1310000000000000301", "1310000000000000302"}
    assert all(i.checkState(0) == Qt.CheckState.Checked for i in items.values())
    assert "gpt-4, gpt-4-16k" in items["1310000000000000302"].text(1)
    assert "USER_AUTHORIZATION" in dialog.notes.text() and "never-read-this" not in dialog.notes.text()
    assert "COZE_BOT_STAY_ACTIVE_ENABLE=0" in dialog.notes.text()
    assert dialog.token_box.isVisible() and not dialog.token_box.isChecked()
    items["1310000000000000301"].setCheckState(0, Qt.CheckState.Unchecked)  # the user leaves one out
    settings = dialog.tree.topLevelItem(1)
    proxy = next(
        settings.child(i)
        for i in range(settings.childCount())
        if settings.child(i).text(1).startswith("http://127.0.0.1:10801")
    )
    proxy.setCheckState(0, Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    config = ui.service.config
    assert sorted(t.channel_id for t in config.targets) == [1310000000000000300, 1310000000000000302]
    assert config.settings.timezone == "Asia/Shanghai" and config.settings.proxy_url is None
    assert config.settings.cdp_url == "http://127.0.0.1:7077"
    model = ui.window.channels_model
    names = [model.index(r, model.COL_NAME).data() for r in range(model.rowCount())]
    assert "1310000000000000302 \u00b7 gpt-4, gpt-4-16k" in names  # the models show beside the channel
    assert ui.window.cdp_status.isVisible()  # cdp_url set: the header line appears
    assert "not checked yet" in ui.window.cdp_status.label.text()

    again = open_import(ui, qtbot)  # a second import: the same channels are "already configured"
    again.path_edit.setText(str(folder))
    again.read()
    items = channel_items(again)
    assert not items["1310000000000000300"].flags() & Qt.ItemFlag.ItemIsEnabled
    assert items["1310000000000000301"].flags() & Qt.ItemFlag.ItemIsEnabled  # the one left out before
    again.reject()


def test_malformed_file_shows_file_and_line_and_imports_nothing(ui: Ui, qtbot: Any) -> None:
    dialog = open_import(ui, qtbot)
    path = FIXTURES / "malformed" / "no-cozebotid"
    dialog.path_edit.setText(str(path))
    assert dialog.read() is False
    assert dialog.message.isVisible()
    assert f"{path / 'bot_config.json'}:8: " in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert ui.service.config.targets == []


def test_endpoint_states_in_the_header_and_notices(
    ui: Ui, qtbot: Any, sandbox: SandboxThread, wait_for: Callable[..., Any]
) -> None:
    w = ui.window
    assert not w.cdp_status.isVisible()  # no cdp_url: nothing in the header
    ui.service.update_config(lambda c: c.set_setting("cdp_url", sandbox.cdp_url))
    label = w.cdp_status.label

    def check_and_read() -> str:
        qtbot.mouseClick(w.cdp_status.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "cdp_check" not in w.bridge.busy, timeout=10000)
        return str(label.text())

    assert check_and_read().startswith("CDP endpoint: up (models: coze-gpt-4o, coze-claude-3.5, ")
    sandbox.call(sandbox.sandbox.cdp.configure, secret="sk-rotated")
    assert check_and_read() == "CDP endpoint: unauthorized (HTTP 401)"
    sandbox.call(sandbox.sandbox.cdp.configure, secret=DEMO_SECRET, delay=3.0)
    cdp_address = sandbox.cdp_url.split("://", 1)[1].rstrip("/")
    assert check_and_read() == f"CDP endpoint: unreachable ({cdp_address} did not answer in time)"
    ui.service.update_config(lambda c: c.set_setting("cdp_url", "http://127.0.0.1:9"))
    assert check_and_read() == "CDP endpoint: unreachable (127.0.0.1:9 refused the connection)"
    ui.service.update_config(lambda c: c.set_setting("cdp_url", sandbox.cdp_url))
    sandbox.call(sandbox.sandbox.cdp.configure, delay=0.0)
    wait_for(ui.service.run_now(force=True), timeout=20)  # a keep-alive run checks it too
    qtbot.waitUntil(lambda: label.text().startswith("CDP endpoint: up"), timeout=5000)
    titles = [title for _where, title, _body in ui.notes.shown]
    assert titles.count("CDP endpoint down") == 1 and titles.count("CDP endpoint up again") == 1


def test_first_run_wizard_offers_the_import(qtbot: Any, isolated_home: Path, tmp_path: Path) -> None:
    service = make_service(isolated_home, None)
    wizard = opened(qtbot, FirstRunWizard(service))
    folder = tmp_path / "cdp"
    shutil.copytree(FIXTURES / "env-file", folder)
    wizard.next()  # token page → channels page (the button is on both)
    page = wizard.channels_page
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.import_dialog
    dialog.path_edit.setText(str(folder))
    assert dialog.read()
    dialog.do_import()
    assert [page.list.item(i).text() for i in range(page.list.count())] == ["1320000000000000300"]
    wizard.next()
    assert (
        wizard.schedule_page.zone_combo.raw_value() == "Europe/Berlin"
    )  # the imported zone, not the old one
    wizard.reject()


def test_the_import_dialog_speaks_chinese(qtbot: Any, chinese: str, isolated_home: Path) -> None:
    dialog = opened(qtbot, CdpImportDialog(make_service(isolated_home, None)))
    assert dialog.windowTitle() == "从 coze-discord-proxy 导入"
    dialog.path_edit.setText(str(FIXTURES / "malformed" / "bad-tz"))
    assert not dialog.read()
    assert "不是已知的时区" in dialog.message.text() and ".env:3" in dialog.message.text()
    dialog.path_edit.setText(str(FIXTURES / "readme"))
    assert dialog.read()
    assert "COZE_BOT_STAY_ACTIVE_ENABLE=0" in dialog.notes.text() and "重启" in dialog.notes.text()
    dialog.reject()
