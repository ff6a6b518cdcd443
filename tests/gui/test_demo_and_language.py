"""The Demo menu against the real demo environment (sandbox on the app's own loop, as ``--demo`` runs it), and
the Chinese translation of the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.tray import Tray
from tests.helpers.translation import cjk


@pytest.fixture
def demo(
    qtbot: Any, tmp_path: Path, wait_for: Callable[..., Any]
) -> Iterator[tuple[Any, Any, MainWindow, Tray]]:
    from cdp_desktop.demo import start_demo

    service, sandbox = wait_for(start_demo(tmp_path / "demo"), timeout=20)
    bridge = ServiceBridge()
    window = MainWindow(bridge, demo=True)
    qtbot.addWidget(window)
    tray = Tray(window, demo=True)
    bridge.attach(service)
    try:
        yield service, sandbox, window, tray
    finally:
        bridge.detach()
        wait_for(service.stop(), timeout=10)
        wait_for(sandbox.stop(), timeout=10)


def demo_actions(window: MainWindow) -> dict[str, Any]:
    window.demo_menu.aboutToShow.emit()
    return {a.objectName(): a for a in window.demo_menu.actions()}


def test_demo_menu_injects_faults(qtbot: Any, demo: Any) -> None:
    service, sandbox, window, tray = demo
    assert window.windowTitle() == "Demo \u2014 CDP Desktop"  # ends with the display name: not doubled
    acts = demo_actions(window)
    assert set(acts) == {"demo_delete_channel", "demo_silence_target", "demo_revoke_token", "demo_go_offline"}
    assert all(a.isEnabled() for a in acts.values())

    acts["demo_silence_target"].trigger()
    assert sandbox.target_silent
    acts = demo_actions(window)
    assert acts["demo_silence_target"].text() == "Let the target bot reply"
    acts["demo_silence_target"].trigger()
    assert not sandbox.target_silent

    acts["demo_go_offline"].trigger()
    qtbot.waitUntil(lambda: sandbox.offline, timeout=5000)
    acts = demo_actions(window)
    assert "demo_go_online" in acts
    acts["demo_go_online"].trigger()
    qtbot.waitUntil(lambda: not sandbox.offline, timeout=5000)

    before = set(service.config.configured_channel_ids())
    acts["demo_delete_channel"].trigger()
    remaining = {int(c["id"]) for c in sandbox.channels(sandbox.guild_id)}
    assert len(before - remaining) == 1

    # The tray carries the same Demo submenu.
    tray.menu.aboutToShow.emit()
    sub = next(a.menu() for a in tray.menu.actions() if a.menu() is not None)
    assert sub.objectName() == "demo"
    assert len(sub.actions()) == 4


def test_the_window_speaks_chinese(qtbot: Any, chinese: str) -> None:
    window = MainWindow(ServiceBridge())
    qtbot.addWidget(window)
    assert window.btn_run.text() == QCoreApplication.translate("MainWindow", "Run now")
    assert window.btn_run.text() != "Run now"
    assert cjk(window.btn_add.text())
