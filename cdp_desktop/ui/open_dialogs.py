"""The window's open dialogs and message boxes by key: one of each, brought to the front when asked again.

Every widget kept here is deleted when it closes (WA_DeleteOnClose)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def deleted_on_close(widget: W) -> W:
    """``widget`` with WA_DeleteOnClose set. Qt's ``Qt`` namespace is imported here, not at module level: it
    costs about 25 ms the first time, and the window's first frame (ui/app.py) does not need it."""
    from PySide6.QtCore import Qt

    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return widget


class OpenDialogs:
    def __init__(self) -> None:
        self._open: dict[str, QWidget] = {}

    def get(self, key: str) -> QWidget | None:
        """The open dialog under ``key``, or None. A dialog closed with WA_DeleteOnClose leaves a Python
        wrapper whose C++ object is gone: touching it raised "Internal C++ object already deleted" and the
        dialog could never be opened again."""
        from shiboken6 import isValid

        dlg = self._open.get(key)
        if dlg is not None and not isValid(dlg):
            del self._open[key]
            return None
        return dlg

    def raise_if_open(self, key: str) -> bool:
        """Bring the dialog under ``key`` to the front; False when there is none on screen."""
        existing = self.get(key)
        if existing is None or not existing.isVisible():
            return False
        existing.raise_()
        existing.activateWindow()
        return True

    def keep(self, key: str, dlg: QWidget) -> None:
        self._open[key] = deleted_on_close(dlg)
        dlg.destroyed.connect(lambda _o=None: self.get(key))  # forget it once Qt deleted it

    def __getitem__(self, key: str) -> QWidget:
        return self._open[key]

    def __setitem__(self, key: str, dlg: QWidget) -> None:
        self._open[key] = deleted_on_close(dlg)

    def __contains__(self, key: object) -> bool:
        return key in self._open
