"""Small things people expect: the time zone named next to "System", one countdown format, a one-time
"still running in the tray" hint, a first-run wizard that can remove a channel and needs one, a demo that says
what it is and whose "Restore the token" really restores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from cdp_desktop.core.config import Target, system_zone_name
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.close_policy import TRAY_HINT_KEY
from cdp_desktop.ui.first_run import FirstRunWizard
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.settings_dialog import SettingsDialog
from cdp_desktop.ui.status_header import format_countdown
from cdp_desktop.ui.tray import Tray
from tests.gui.dialog_support import make_service, opened
from tests.gui.test_demo_and_language import demo, demo_actions  # noqa: F401 - the fixture
from tests.helpers.logs import TOKEN_REJECTED


@pytest.fixture
def offline(isolated_home: Path, wait_for: Callable[..., Any]) -> Iterator[Any]:
    service = make_service(isolated_home, None)
    yield service
    wait_for(service.stop(), timeout=10)


def test_system_time_zone_is_named(qtbot: Any, offline: Any) -> None:
    dialog = opened(qtbot, SettingsDialog(offline))
    assert dialog.zone_combo.currentText() == f"System ({system_zone_name()})"
    assert dialog.zone_combo.raw_value() == ""
    wizard = opened(qtbot, FirstRunWizard(offline))
    assert wizard.schedule_page.zone_combo.currentText() == f"System ({system_zone_name()})"


def test_one_countdown_format_and_the_zone_in_the_header(qtbot: Any, offline: Any) -> None:
    assert [format_countdown(s) for s in (0, 59, 299, 3723, 86399)] == [
        "0:00:00",
        "0:00:59",
        "0:04:59",
        "1:02:03",
        "23:59:59",
    ]
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    bridge.attach(offline)
    text = window.next_label.text()
    assert text.startswith("Next run in ") and system_zone_name() in text, text


def test_the_tray_hint_comes_once(qtbot: Any, offline: Any, isolated_home: Path) -> None:
    settings = QSettings(str(isolated_home / "ui.ini"), QSettings.Format.IniFormat)
    hints = []
    for _restart in range(2):  # a second window with the same settings (a restart): nothing more
        bridge = ServiceBridge()
        window = MainWindow(bridge, ui_settings=settings)
        qtbot.addWidget(window)
        tray = Tray(window)
        bridge.attach(offline)
        window.set_tray_available(True)
        for _close in range(3):
            window.show()
            window.close()
            assert not window.isVisible()
        hints.append(tray.hints_shown)
        bridge.detach()
    assert hints == [1, 0]
    assert settings.value(TRAY_HINT_KEY) == "yes"


def test_first_run_can_remove_a_channel_and_needs_one(qtbot: Any, offline: Any) -> None:
    offline.add_target(Target(guild_id=10**17, channel_id=10**17 + 1, mention_id=10**17 + 2, name="one"))
    wizard = opened(qtbot, FirstRunWizard(offline))
    page = wizard.channels_page
    page.initializePage()
    assert page.isComplete() and page.list.count() == 1 and page.hint.isHidden()
    page.list.setCurrentRow(0)
    assert page.remove_button.isEnabled()
    page.remove_button.click()
    assert offline.config.targets == [] and page.list.count() == 0
    assert not page.isComplete() and not page.hint.isHidden()


@pytest.mark.expect_log(TOKEN_REJECTED)
def test_the_demo_explains_itself_and_restore_token_reconnects(qtbot: Any, demo: Any) -> None:  # noqa: F811
    service, sandbox, window, _tray = demo
    assert any("This is the demo" in text and "Demo menu" in text for _l, text in window.banners.messages())
    qtbot.waitUntil(lambda: service.connection.state == "connected", timeout=20_000)
    demo_actions(window)["demo_revoke_token"].trigger()
    sandbox.close_gateways(4004, "Authentication failed")
    qtbot.waitUntil(lambda: service.connection.state == "token_invalid", timeout=20_000)
    demo_actions(window)["demo_restore_token"].trigger()
    qtbot.waitUntil(lambda: service.connection.state == "connected", timeout=30_000)
