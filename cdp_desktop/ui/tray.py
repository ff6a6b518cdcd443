"""The tray icon: the overall state in its drawing, a tooltip with the next run, a menu rebuilt on opening."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from .. import APP_NAME
from . import icons
from .models import counts_text, fmt_time

if TYPE_CHECKING:
    from .main_window import MainWindow

# A panel that starts after the app (autostart races) appears late: keep checking for a while.
LATE_TRAY_POLL_MS = 2000
LATE_TRAY_POLL_COUNT = 30


class Tray(QObject):
    """Owns the QSystemTrayIcon. ``window`` is the controller for every action."""

    availabilityChanged = Signal(bool)

    def __init__(self, window: MainWindow, *, demo: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = window.bridge
        self.demo = demo
        self.state = "offline"
        self.icon = QSystemTrayIcon(icons.tray_icon(self.state), self)
        self.icon.setToolTip(APP_NAME)
        self.menu = QMenu(window)  # owned with the window, so it never outlives the objects it calls
        self.menu.setWindowFlags(self.menu.windowFlags() | Qt.WindowType.Popup)
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.rebuild_menu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        for sig in (
            self.bridge.connectionChanged,
            self.bridge.scheduleChanged,
            self.bridge.runFinished,
            self.bridge.channelsChanged,
            self.bridge.serviceReady,
            self.bridge.busyChanged,
        ):
            sig.connect(self._on_change)  # a bound slot: disconnected by Qt when the tray goes away
        window.tray_hint = self.show_running_hint
        self.hints_shown = 0
        self._poll = QTimer(self)
        self._poll.setInterval(LATE_TRAY_POLL_MS)
        self._poll_left = LATE_TRAY_POLL_COUNT
        self._poll.timeout.connect(self._check_late_tray)

    # -- availability -------------------------------------------------------------------------------------
    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def start(self) -> bool:
        """Show the icon; True when a tray is there now. Otherwise keep polling for a late one."""
        self.refresh()
        if self.available():
            self.icon.show()
            return True
        self._poll.start()
        return False

    def _check_late_tray(self) -> None:
        self._poll_left -= 1
        if self.available():
            self._poll.stop()
            # Qt picks its tray backend when the icon is created: a fresh one uses the tray that appeared.
            old = self.icon
            self.icon = QSystemTrayIcon(icons.tray_icon(self.state), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_activated)
            old.hide()
            old.deleteLater()
            self.refresh()
            self.icon.show()
            self.availabilityChanged.emit(True)
        elif self._poll_left <= 0:
            self._poll.stop()

    def show_running_hint(self) -> None:
        """A closed window does not end the app: say so once, where the user looks (the tray)."""
        self.hints_shown += 1
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(
                APP_NAME,
                self.tr(
                    "Still running in the tray: the keep-alive goes out on time. "
                    "Click the icon to open the window; Quit is in its menu."
                ),
                icons.app_icon(),
                8000,
            )

    def hide(self) -> None:
        self._poll.stop()
        self.icon.hide()

    # -- state ----------------------------------------------------------------------------------------
    def _on_change(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Icon, tooltip and the menu's status line from one reading of the state, so they cannot disagree
        (the icon stayed green while the menu said channels need attention)."""
        svc = self.bridge.service
        if svc is None:
            state, self.missing, self._status = "offline", 0, self.tr("Starting\u2026")
        else:
            rows = svc.channel_rows()  # one read of config + history for every question
            state = svc.overall_state(rows)
            self.missing = svc.missing_count(rows)
            self._status = self._status_text(state, self.missing)
        if state != self.state:
            self.state = state
            self.icon.setIcon(icons.tray_icon(state))
        self.icon.setToolTip(self.tooltip())
        self._update_menu()

    _status = ""
    missing = 0

    def _status_text(self, state: str, missing: int) -> str:
        names = {
            "ok": self.tr("All channels OK"),
            "warning": self.tr("Some channels need attention"),
            "error": self.tr("Keep-alive failing"),
            "offline": self.tr("Offline"),
            "paused": self.tr("Paused"),
        }
        text = names.get(state, state)
        if missing:
            text += " \u00b7 " + self.tr("{0} missing").format(missing)
        return text

    def status_line(self) -> str:
        return self._status or self.tr("Starting\u2026")

    def tooltip(self) -> str:
        svc = self.bridge.service
        lines = [APP_NAME, self.status_line()]
        if svc is not None:
            nxt: datetime | None = svc.next_run()
            if svc.paused:
                lines.append(self.tr("Schedule paused"))
            elif nxt is not None:
                lines.append(self.tr("Next run: {0}").format(fmt_time(nxt)))
            last = svc.last_run()
            if last is not None:
                lines.append(
                    self.tr("Last run {when}: {summary}").format(
                        when=fmt_time(last.finished_at or last.started_at),
                        summary=counts_text(last.counts) if last.counts else self.tr("nothing was due"),
                    )
                )
            else:
                lines.append(self.tr("No runs yet"))
        return "\n".join(lines)

    def _build_menu(self) -> None:
        """The menu's actions, made once. Only their texts and enabled states change afterwards: a menu whose
        items are replaced while it opens (or while a StatusNotifierItem host has its layout) came up sized
        for the old items, clipped with a scroll arrow. No icons next to text: with only some items having
        one, a tray host drew the Re-add icon over its first letter."""
        w = self.window
        m = self.menu
        self.act_status = m.addAction("")
        self.act_status.setEnabled(False)
        self.act_status.setObjectName("status")
        m.addSeparator()
        self.act_open = self._add(m, self.tr("Open CDP Desktop"), w.show_and_raise, "open")
        m.addSeparator()
        self.act_run = self._add(m, self.tr("Run keep-alive now"), w.run_now, "run_now")
        self.act_readd = self._add(m, self.tr("Re-add missing channels"), w.readd_missing, "readd")
        self.act_pause = self._add(m, self.tr("Pause schedule"), w.toggle_pause, "pause")
        self.act_settings = self._add(m, self.tr("Settings\u2026"), w.open_settings, "settings")
        if self.demo and w.demo_items is not None:
            items = w.demo_items
            m.addSeparator()
            demo = m.addMenu(self.tr("Demo"))
            demo.setObjectName("demo")
            demo.aboutToShow.connect(lambda: items.fill(demo))
            items.fill(demo)
        m.addSeparator()
        self.act_quit = self._add(m, self.tr("Quit"), w.quitRequested.emit, "quit")

    def rebuild_menu(self) -> None:
        """Bring the menu up to date (texts and enabled states; the set of items never changes)."""
        if not hasattr(self, "act_status"):
            self._build_menu()
        self.refresh()

    def _update_menu(self) -> None:
        if not hasattr(self, "act_status"):
            return
        svc = self.bridge.service
        self.act_status.setText(self.status_line())
        running = "run_now" in self.bridge.busy
        self.act_run.setEnabled(svc is not None and not running)
        missing = self.missing
        self.act_readd.setText(
            self.tr("Re-add missing channels ({0})").format(missing)
            if missing
            else self.tr("Re-add missing channels")
        )
        self.act_readd.setEnabled(missing > 0 and "readd" not in self.bridge.busy)
        paused = svc is not None and svc.paused
        self.act_pause.setText(self.tr("Resume schedule") if paused else self.tr("Pause schedule"))
        self.act_pause.setEnabled(svc is not None)
        self.act_settings.setEnabled(svc is not None)

    def _add(self, menu: QMenu, text: str, slot: Any, name: str) -> QAction:
        a = menu.addAction(text)
        a.setObjectName(name)
        a.triggered.connect(lambda _c=False: slot())
        return a

    def action(self, name: str) -> QAction | None:
        """A menu action by object name (for tests and scripted use)."""
        for a in self.menu.actions():
            if a.objectName() == name:
                return a
        return None

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:  # left click; a double click is two of them
            self.window.toggle_visible()
