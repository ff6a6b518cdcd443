"""The main window on the real service against the sandbox, with the tray menu and notifications wired."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from cdp_desktop.core.config import Target
from cdp_desktop.core.errors import State
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.notifications import Notifications
from cdp_desktop.ui.tray import Tray
from tests.gui.dialog_support import connect, make_service


def add_sandbox_targets(service: AppService, st: SandboxThread, count: int = 2) -> list[Target]:
    """The sandbox's first ``count`` text channels, pinging its target bot, added two days ago."""
    earlier = datetime.now(UTC) - timedelta(days=2)
    targets = []
    for i, channel_id in enumerate(st.text_channel_ids[:count]):
        t = Target(
            guild_id=st.guild_id,
            channel_id=channel_id,
            mention_id=st.target_bot_id,
            name=f"keepalive-{i}",
            added_at=earlier,
            enabled_at=earlier,
        )
        service.add_target(t)
        targets.append(t)
    return targets


class Ui:
    def __init__(self, service: AppService, window: MainWindow, tray: Tray, notes: Notifications) -> None:
        self.service, self.window, self.tray, self.notes = service, window, tray, notes

    def states(self) -> dict[str, State]:
        return {r.target.uid: r.state for r in self.window.channels_model.rows()}


@contextmanager
def window_on_sandbox(
    qtbot: Any, home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any], **settings: object
) -> Iterator[Ui]:
    """A connected service with two sandbox channels and the window showing it; ``settings`` are set on the
    config first (e.g. ``reply_timeout_seconds=2``). The tray is built but not shown (its menu is tested);
    notices become banners."""
    service = make_service(home, sandbox)
    for name, value in settings.items():
        service.update_config(lambda c, n=name, v=value: setattr(c.settings, n, v))
    connect(service, sandbox, wait_for, presence=False)
    add_sandbox_targets(service, sandbox)
    bridge = ServiceBridge()
    window = MainWindow(bridge, ui_settings=QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    tray = Tray(window)
    notes = Notifications(window, None)
    bridge.attach(service)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield Ui(service, window, tray, notes)
    finally:
        bridge.detach()
        wait_for(service.stop(), timeout=10)
