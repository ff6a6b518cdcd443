"""A push button that shows a QAction: the menu item and the button are one command, never out of step."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget


class ActionButton(QPushButton):
    """Clicking triggers the action; the button's text (the action's short ``iconText``) and its enabled
    state follow the action whenever it changes."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.setText(self.action.iconText())
        self.setEnabled(self.action.isEnabled())
