"""What closing the window means: hide it while the app keeps running (in the tray, or in the background
where there is no tray, after asking once), or quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from .open_dialogs import deleted_on_close

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QMessageBox

KEEP_RUNNING_KEY = "ui/keep_running_in_background"  # "yes" | "no" | missing: not asked yet
TRAY_HINT_KEY = "ui/tray_hint_shown"  # "yes" once the "still running in the tray" hint was shown


class ClosePolicy(QObject):
    def __init__(self, window: QMainWindow, ui_settings: QSettings | None, quit: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.ui_settings = ui_settings
        self.quit = quit
        self.tray_available = False
        self.tray_hint: Callable[[], None] | None = None  # set by the tray: "still running in the tray"
        self._tray_hint_done = False
        self.asking: QMessageBox | None = None  # the question, while it is open

    def close_requested(self) -> None:
        """Closing hides the window; with no tray, ask once whether to keep running in the background."""
        if self.tray_available:
            self.window.hide()
            self._hint_tray_once()
            return
        answer = self.ui_settings.value(KEEP_RUNNING_KEY) if self.ui_settings is not None else None
        if answer == "yes":
            self.window.hide()
        elif answer == "no":
            self.quit()
        else:
            self._ask_background()

    def _hint_tray_once(self) -> None:
        """The first time the window is closed, say that the app keeps running in the tray (once ever)."""
        if self._tray_hint_done or self.tray_hint is None:
            return
        self._tray_hint_done = True
        if self.ui_settings is not None and self.ui_settings.value(TRAY_HINT_KEY) == "yes":
            return
        self.tray_hint()
        if self.ui_settings is not None:
            self.ui_settings.setValue(TRAY_HINT_KEY, "yes")
            self.ui_settings.sync()

    def _ask_background(self) -> None:
        if self.asking is not None:
            return
        from PySide6.QtWidgets import QCheckBox, QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Keep running?"),
            self.tr(
                "There is no system tray on this desktop. Keep sending keep-alives in the background after "
                "the window closes?\nStart CDP Desktop again to bring the window back."
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Keep running"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Quit"))
        remember = QCheckBox(self.tr("Don't ask again"))
        remember.setChecked(True)
        box.setCheckBox(remember)
        deleted_on_close(box)

        def answered(result: int) -> None:
            self.asking = None
            if result == QMessageBox.StandardButton.Cancel:
                return
            keep = result == QMessageBox.StandardButton.Yes
            if remember.isChecked() and self.ui_settings is not None:
                self.ui_settings.setValue(KEEP_RUNNING_KEY, "yes" if keep else "no")
                self.ui_settings.sync()
            if keep:
                self.window.hide()
            else:
                self.quit()

        box.finished.connect(answered)
        self.asking = box
        box.open()
