"""The tray menu fits on the screen and is readable, in English and in Chinese, in every state.

In Chinese the menu opened clipped with a scroll arrow when a channel was missing (Settings cut, Quit hidden),
and the Re-add item's icon was drawn over its first letter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from cdp_desktop.core.errors import State
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.tray import Tray
from tests.gui.dialog_support import connect, make_service
from tests.helpers.logs import RUN_FAILURES
from tests.helpers.window import add_sandbox_targets


def check_menu(qtbot: Any, menu: QMenu, at: QPoint) -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    menu.popup(at)
    qtbot.waitExposed(menu)
    try:
        geo = menu.geometry()
        assert screen.contains(geo), (geo, screen)
        # No scroll arrows: the whole menu is as tall as it wants to be.
        assert geo.height() >= menu.sizeHint().height(), (geo, menu.sizeHint())
        fm = menu.fontMetrics()
        for action in menu.actions():
            if action.isSeparator():
                continue
            rect = menu.actionGeometry(action)
            assert menu.rect().contains(rect), (action.text(), rect, menu.rect())
            assert action.isVisible()
            assert action.icon().isNull(), f"{action.text()!r} has an icon next to its text"
            # The item is wide enough for its text (nothing clipped).
            text = action.text().replace("&", "")
            assert rect.width() >= fm.horizontalAdvance(text), (text, rect.width())
    finally:
        menu.hide()


@pytest.mark.expect_log(*RUN_FAILURES)
def test_the_tray_menu_fits_in_every_state(
    qtbot: Any,
    language: str,
    isolated_home: Path,
    sandbox: SandboxThread,
    wait_for: Callable[..., Any],
) -> None:
    service = make_service(isolated_home, sandbox)
    connect(service, sandbox, wait_for, presence=False)
    add_sandbox_targets(service, sandbox, count=3)
    bridge = ServiceBridge()
    window = MainWindow(bridge, demo=True)
    qtbot.addWidget(window)
    tray = Tray(window, demo=True)
    bridge.attach(service)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    corners = [screen.bottomRight() - QPoint(2, 2), screen.topRight() + QPoint(-2, 2), screen.topLeft()]
    try:
        names = [a.objectName() for a in tray.menu.actions() if a.objectName()]
        before = list(tray.menu.actions())
        for at in corners:  # a fresh start
            check_menu(qtbot, tray.menu, at)
        # A channel goes missing: the menu keeps its items (only texts change) and still fits.
        gone = service.config.targets[0]
        sandbox.delete_channel(gone.channel_id)
        window.run_now()
        qtbot.waitUntil(lambda: "run_now" not in bridge.busy, timeout=20_000)
        qtbot.waitUntil(lambda: tray.missing == 1, timeout=5000)
        assert tray.menu.actions() == before
        assert [a.objectName() for a in tray.menu.actions() if a.objectName()] == names
        assert "1" in tray.action("readd").text() and tray.action("readd").isEnabled()
        for at in corners:
            check_menu(qtbot, tray.menu, at)
        service.pause()  # paused, with a channel missing: the longest status line
        for at in corners:
            check_menu(qtbot, tray.menu, at)
        if language == "zh_CN":
            assert any("\u4e00" <= ch <= "\u9fff" for ch in tray.action("quit").text())
        assert {State.MISSING} <= {r.state for r in window.channels_model.rows()}
    finally:
        bridge.detach()
        wait_for(service.stop(), timeout=10)
