"""The message area at the top of the window: errors, warnings and notices, each dismissible.

Used for the service's load warnings, exceptions from background tasks, and notices when desktop notifications
are unavailable or switched off. Identical messages are not stacked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from . import icons

MAX_BANNERS = 4


class Banner(QFrame):
    closed = Signal()

    def __init__(
        self, text: str, level: str = "error", parent: QWidget | None = None, key: str | None = None
    ) -> None:
        super().__init__(parent)
        self.text = text
        self.level = level
        self.key = key  # what the message is about ("missing", ...): cleared when that is over
        base = icons.color({"info": "info", "warning": "warning"}.get(level, "error"))
        tint = QColor(base)
        tint.setAlpha(30)
        self.setObjectName("banner")
        self.setStyleSheet(
            f"#banner {{ background: rgba({tint.red()},{tint.green()},{tint.blue()},{tint.alpha()});"
            f" border: 1px solid {base.name()}; border-radius: 6px; }}"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 5, 4, 5)
        icon = QLabel()
        kind = {"info": "pending", "warning": "warning"}.get(level, "error")
        icon.setPixmap(icons.painted_icon(kind if level != "info" else "info", sizes=(16,)).pixmap(16, 16))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("\u2715")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self._close)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

    def _close(self) -> None:
        self.hide()
        self.closed.emit()
        self.deleteLater()


class BannerArea(QWidget):
    """A vertical stack of banners; empty (and zero-height) when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._banners: list[Banner] = []
        self.setVisible(False)

    def show_message(self, text: str, level: str = "error", key: str | None = None) -> Banner | None:
        for b in self._banners:
            if b.text == text:
                return None
        while len(self._banners) >= MAX_BANNERS:
            self._banners[0]._close()
        banner = Banner(text, level, self, key)
        banner.closed.connect(lambda b=banner: self._forget(b))
        self._banners.append(banner)
        self._layout.addWidget(banner)
        self.setVisible(True)
        return banner

    def _forget(self, banner: Banner) -> None:
        if banner in self._banners:
            self._banners.remove(banner)
        self.setVisible(bool(self._banners))

    def messages(self) -> list[tuple[str, str]]:
        return [(b.level, b.text) for b in self._banners]

    def clear_keys(self, keys: set[str]) -> None:
        """Close the banners about something that is no longer true (a channel re-added, Discord back)."""
        for b in list(self._banners):
            if b.key in keys:
                b._close()

    def clear(self) -> None:
        for b in list(self._banners):
            b._close()
