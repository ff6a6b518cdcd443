"""Small shared widgets for the dialogs: inline field messages, a validated line edit, a busy indicator,
a non-modal confirmation, a task holder for coroutines started from Qt slots and a dialog that cancels them.

Validation messages come from ``core.config`` validators: ``ConfigError.problem`` is a message the window
renders in its language under the field (:func:`config_error_text`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ..core.config import ConfigError
from ..i18n import qt_translate

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"
INFO_STYLE = "color: palette(placeholder-text);"


def config_error_text(exc: ConfigError) -> str:
    """The validator's message for ``exc`` in the window's language, as a sentence."""
    text = exc.problem.render(qt_translate)
    return text[:1].upper() + text[1:]


def grow_to_fit(widget: QWidget) -> None:
    """Make a window tall enough for its content.

    Word-wrapped labels (messages, previews) need more height once their text wraps, and Qt does not grow a
    top-level window for height-for-width content by itself: without this, widgets get drawn over each other.
    """
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(widget.width())
    else:
        need = layout.totalSizeHint().height()
    need = max(need, layout.totalMinimumSize().height())  # a message's claimed minimum counts too
    if need > widget.height():
        widget.resize(widget.width(), need)


class FieldMessage(QLabel):
    """A one- or two-line message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_STYLE, "error")

    def show_ok(self, text: str) -> None:
        self._show(text, OK_STYLE, "ok")

    def show_info(self, text: str) -> None:
        self._show(text, INFO_STYLE, "info")

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.setMinimumHeight(0)
        self.hide()
        self._refit()

    def _show(self, text: str, style: str, kind: str) -> None:
        self.kind = kind
        self.setStyleSheet(style)
        self.setText(text)
        self.setVisible(bool(text))
        self._refit()

    def resizeEvent(self, event: Any) -> None:
        # A form layout hands a wrapped label the height for another width: claim what this width needs.
        super().resizeEvent(event)
        need = self.heightForWidth(self.width()) if self.text() else 0
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)
            parent = self.parentWidget()
            while parent is not None and not parent.isWindow():  # the rows above recompute their heights
                parent.updateGeometry()
                parent = parent.parentWidget()
            self._refit()

    def _refit(self) -> None:
        """Let the window grow for a message that wraps (a second line was cut off before)."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, lambda: grow_to_fit(self.window()))


class ValidatedLineEdit(QWidget):
    """A line edit with an inline message under it, validated as the user types.

    ``parse`` raises :class:`ConfigError` for invalid text and returns the parsed value otherwise. An empty
    field is valid (value ``None``) when ``optional`` is true.
    """

    validityChanged = Signal(bool)

    def __init__(
        self,
        parse: Callable[[str], Any],
        *,
        optional: bool = False,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._parse = parse
        self.optional = optional
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.message = FieldMessage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self._valid = True
        self.edit.textChanged.connect(self._on_text_changed)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def _on_text_changed(self, _text: str) -> None:
        # Empty while typing is not an error yet; it is reported by validate() on save.
        if not self.text():
            self._set_valid(True)
            self.message.clear_message()
            return
        self.validate()

    def validate(self) -> Any:
        """Parse now; show the message and return None when invalid (``is_valid`` tells them apart)."""
        text = self.text()
        if not text:
            if self.optional:
                self.message.clear_message()
                self._set_valid(True)
                return None
            self.show_error(QCoreApplication.translate("ValidatedLineEdit", "Required."))
            return None
        try:
            value = self._parse(text)
        except ConfigError as exc:
            self.show_error(config_error_text(exc))
            return None
        self.message.clear_message()
        self._set_valid(True)
        return value

    def show_error(self, text: str) -> None:
        self.message.show_error(text)
        self._set_valid(False)

    def is_valid(self) -> bool:
        return self._valid

    def _set_valid(self, valid: bool) -> None:
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)


class BusyIndicator(QWidget):
    """An indeterminate progress bar with a label: shows that work is going on without blocking anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(80)
        self.bar.setMaximumHeight(12)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def stop(self) -> None:
        self.hide()

    @property
    def busy(self) -> bool:
        return not self.isHidden()


class TaskHolder:
    """Keeps strong references to the tasks a widget starts, logs their errors, cancels them on close.

    qasync's loop (like asyncio's) keeps only weak references to tasks.
    """

    def __init__(self, on_error: Callable[[BaseException], None] | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._on_error = on_error

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("dialog task failed", exc_info=exc)
            if self._on_error is not None:
                with contextlib.suppress(RuntimeError):  # the widget is already gone
                    self._on_error(exc)

    def cancel_all(self) -> None:
        """Cancel every task but the calling one (a task that closes its own dialog finishes normally)."""
        try:
            current = asyncio.current_task()
        except RuntimeError:
            current = None
        for task in list(self._tasks):
            if task is not current:
                task.cancel()

    @property
    def running(self) -> bool:
        return bool(self._tasks)


class TaskDialog(QDialog):
    """A dialog that cancels the work it started when it closes, however it closes (button, Esc, window
    manager). Slots start coroutines with ``self._tasks.spawn``; their errors go to ``_on_task_error``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = TaskHolder(self._on_task_error)

    def _on_task_error(self, exc: BaseException) -> None:
        """Show a failed task to the user (TaskHolder has already logged it)."""

    def cancel_tasks(self) -> None:
        self._tasks.cancel_all()

    def done(self, result: int) -> None:
        self.cancel_tasks()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_tasks()
        super().closeEvent(event)


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    on_yes: Callable[[], object],
    *,
    yes_text: str | None = None,
) -> QMessageBox:
    """A non-modal-to-the-loop confirmation: ``open()`` plus a callback, never ``exec()``."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    yes = box.addButton(
        yes_text or QCoreApplication.translate("QMessageBox", "OK"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box
