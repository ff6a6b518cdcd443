"""Notices from the service become desktop notifications, or window banners when those are unavailable.

The service already throttles notices (one per kind per channel per day), so every notice is shown. A
desktop notification goes through ``QSystemTrayIcon.showMessage``, which reaches the desktop's notification
service over D-Bus when a StatusNotifierItem host is there. Clicking one only shows the window: Qt cannot
tell which message was clicked (and on Linux the signal may even come from another app's notification).
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from .. import i18n
from . import icons

if TYPE_CHECKING:
    from ..service import Notice
    from .main_window import MainWindow
    from .tray import Tray

log = logging.getLogger(__name__)
TIMEOUT_MS = {"info": 5000, "warning": 10000, "error": 15000}
SHOWN_KEPT = 50  # the newest notices remembered in ``shown`` (a long-running app must not grow with them)


class Notifications(QObject):
    def __init__(self, window: MainWindow, tray: Tray | None) -> None:
        super().__init__(window)
        self.window = window
        self.tray = tray
        # What the user saw, newest last: (channel, title, body), channel "desktop" or "banner".
        self.shown: deque[tuple[str, str, str]] = deque(maxlen=SHOWN_KEPT)
        window.bridge.notice.connect(self.on_notice)
        if tray is not None:
            self._connect_clicks(tray.icon)
            tray.availabilityChanged.connect(lambda _a: self._connect_clicks(tray.icon))

    def _connect_clicks(self, icon: QSystemTrayIcon) -> None:
        icon.messageClicked.connect(self.window.show_and_raise)

    def enabled(self) -> bool:
        svc = self.window.service
        return bool(svc is None or svc.config.settings.notifications)

    def desktop_available(self) -> bool:
        return (
            self.tray is not None
            and self.tray.icon.isVisible()
            and QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        )

    def on_notice(self, notice: Notice) -> None:
        level = notice.level
        # Rendered now, in the language the window speaks now.
        title = notice.title.render(i18n.qt_translate)
        body = notice.body.render(i18n.qt_translate)
        if self.enabled() and self.desktop_available():
            assert self.tray is not None
            # The QIcon overload: a MessageIcon can replace the tray icon on some Linux trays.
            icon = (
                icons.app_icon()
                if level == "info"
                else icons.tray_icon("error" if level == "error" else "warning")
            )
            self.tray.icon.showMessage(title, body, icon, TIMEOUT_MS.get(level, 10000))
            self.shown.append(("desktop", title, body))
            log.info("notification: %s: %s", title, body)
        else:
            text = self.tr("{0}: {1}").format(title, body) if body else title
            self.window.banners.show_message(text, level, key=notice.kind)
            self.shown.append(("banner", title, body))
