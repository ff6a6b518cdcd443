"""Enter, validate and store the bot token.

The token is checked by logging in (``service.set_token``) before anything is stored. All of it runs as a
task on the qasync loop with a busy indicator, so a slow network or a keyring that waits for its unlock
prompt never freezes the window. The panel is shared by :class:`TokenDialog` and the first-run wizard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..core.errors import EXPLANATIONS, State
from ..token_store import check_token_shape
from .widgets import BusyIndicator, FieldMessage, TaskDialog, TaskHolder, confirm

SLOW_MS = 3000  # after this long, the busy text mentions the keyring's unlock prompt


def token_state_value(token_state: Any) -> str:
    """The stored token's state as its identifier ("ok", "token_invalid", …; "" when unknown)."""
    state = getattr(token_state, "state", None)
    return str(getattr(state, "value", state or ""))


def shape_problem_text(token: str) -> str | None:
    """``token_store.check_token_shape`` in the user's language (None when the token looks right)."""
    problem = check_token_shape(token)
    return None if problem is None else problem.render(i18n.qt_translate)


def state_text(state: State) -> str:
    """A state's explanation and fix as one text, translated (Chinese puts no space after "。")."""
    return EXPLANATIONS[state].message().render(i18n.qt_translate)


class TokenPanel(QWidget):
    """Token entry + validate & save + clear. ``saved(bot_name)`` after a token was accepted."""

    saved = Signal(str)
    cleared = Signal()
    busyChanged = Signal(bool)

    def __init__(self, service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.bot_name: str | None = None
        self._tasks = TaskHolder(self._on_task_error)
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.timeout.connect(self._on_slow)

        intro = QLabel(
            self.tr(
                "Paste the bot token from the Discord Developer Portal (Applications \u2192 your app "
                "\u2192 Bot \u2192 Reset Token). It is checked by logging in, then stored in the system "
                "keyring.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.keyring_note = FieldMessage(self)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(self.tr("Bot token"))
        self.edit.setClearButtonEnabled(True)
        self.show_check = QCheckBox(self.tr("Show"), self)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_check)
        self.shape_message = FieldMessage(self)
        self.busy = BusyIndicator(self)
        self.result = FieldMessage(self)

        self.save_button = QPushButton(self.tr("Validate && save"), self)
        self.save_button.setDefault(True)
        self.session_button = QPushButton(self.tr("Use for this session only"), self)
        self.session_button.setToolTip(
            self.tr("Log in with this token until CDP Desktop quits, without storing it anywhere.")
        )
        self.clear_button = QPushButton(self.tr("Clear token\u2026"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.session_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.keyring_note)
        layout.addLayout(row)
        layout.addWidget(self.shape_message)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)

        self.show_check.toggled.connect(self._toggle_echo)
        self.edit.textChanged.connect(self._on_text)
        self.edit.returnPressed.connect(self.save_button.click)
        self.save_button.clicked.connect(lambda: self._submit(remember=True))
        self.session_button.clicked.connect(lambda: self._submit(remember=False))
        self.clear_button.clicked.connect(self._ask_clear)
        self.refresh_keyring_state()
        self._on_text("")

    # ------------------------------------------------------------------------------------------ state
    @property
    def keyring_state(self) -> str:
        return token_state_value(getattr(self.service, "token_state", None))

    def refresh_keyring_state(self) -> None:
        state = self.keyring_state
        unavailable = state == "unavailable"
        self.session_button.setVisible(unavailable)
        self.save_button.setVisible(not unavailable)
        if unavailable:
            self.keyring_note.show_error(
                self.tr(
                    "No keyring is available to store the token (start GNOME Keyring or KWallet in your "
                    "desktop session). You can still use the token for this session only: it is kept in "
                    "memory and never written to a file.",
                )
            )
        elif state == "locked":
            self.keyring_note.show_info(
                self.tr("The keyring is locked. Saving will ask your desktop to unlock it.")
            )
        elif state == "ok":
            self.keyring_note.show_info(self.tr("A token is stored. Enter a new one to replace it."))
        else:
            self.keyring_note.clear_message()
        self.clear_button.setEnabled(state in ("ok", "locked"))

    def _toggle_echo(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _on_text(self, text: str) -> None:
        problem = shape_problem_text(text) if text.strip() else None
        if problem:
            self.shape_message.show_error(problem)
        else:
            self.shape_message.clear_message()
        can_submit = bool(text.strip()) and problem is None and not self._tasks.running
        self.save_button.setEnabled(can_submit)
        self.session_button.setEnabled(can_submit)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.edit.setReadOnly(busy)
        self.clear_button.setEnabled(not busy and self.keyring_state in ("ok", "locked"))
        if busy:
            self.save_button.setEnabled(False)
            self.session_button.setEnabled(False)
            self.busy.start(text)
            self._slow_timer.start(SLOW_MS)
        else:
            self._slow_timer.stop()
            self.busy.stop()
            self._on_text(self.edit.text())
        self.busyChanged.emit(busy)

    def _on_slow(self) -> None:
        if self.keyring_state == "locked" or self._remember:
            self.busy.set_text(
                self.tr(
                    "Still working\u2026 If your desktop asks for the keyring password, unlock it; "
                    "the window stays usable meanwhile.",
                )
            )

    # ------------------------------------------------------------------------------------------ save
    def _submit(self, *, remember: bool) -> None:
        token = self.edit.text().strip()
        if not token or shape_problem_text(token) or self._tasks.running:
            return
        self._remember = remember
        self.result.clear_message()
        text = (
            self.tr("Waiting for the keyring to unlock\u2026")
            if remember and self.keyring_state == "locked"
            else self.tr("Logging in to Discord\u2026")
        )
        self._set_busy(True, text)
        self._tasks.spawn(self._save(token, remember))

    _remember = True

    async def _save(self, token: str, remember: bool) -> None:
        try:
            check = await self.service.set_token(token, remember=remember)
        finally:
            self._set_busy(False)
        try:
            state: State | None = State(getattr(check.state, "value", check.state))
        except ValueError:
            state = None
        if state is not None and state.is_success:
            self.bot_name = check.bot_name or ""
            stored = self.keyring_state == "ok" and remember
            if stored:
                message = self.tr("Logged in as {0}. The token is saved in the system keyring.")
            elif remember:
                message = self.tr(
                    "Logged in as {0}, but the keyring could not store the token: it is used for this "
                    "session only.",
                )
            else:
                message = self.tr("Logged in as {0}. The token is used for this session only.")
            self.result.show_ok(message.replace("{0}", self.bot_name or self.tr("the bot")))
            self.edit.clear()
            self.refresh_keyring_state()
            self.saved.emit(self.bot_name)
            return
        self.refresh_keyring_state()
        self.result.show_error(
            state_text(state) if state is not None else check.message.render(i18n.qt_translate)
        )

    def _ask_clear(self) -> None:
        confirm(
            self,
            self.tr("Clear token"),
            self.tr(
                "Remove the bot token from the keyring? CDP Desktop goes offline until you enter a new one.",
            ),
            lambda: self._tasks.spawn(self._clear()),
            yes_text=self.tr("Clear token"),
        )

    async def _clear(self) -> None:
        self._set_busy(True, self.tr("Removing the token\u2026"))
        try:
            await self.service.clear_token()
        finally:
            self._set_busy(False)
        self.refresh_keyring_state()
        self.result.show_info(self.tr("The token was removed."))
        self.cleared.emit()

    def _on_task_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.result.show_error(
            self.tr("Something went wrong: {0}").replace("{0}", str(exc) or type(exc).__name__)
        )

    def cancel(self) -> None:
        self._tasks.cancel_all()


class TokenDialog(TaskDialog):
    """The token dialog (non-modal). ``saved`` after a token was validated and stored (or kept in memory)."""

    saved = Signal()
    botNameChanged = Signal(str)

    def __init__(self, service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bot token"))
        self.setMinimumWidth(520)
        self.panel = TokenPanel(service, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.panel.saved.connect(self._on_saved)
        self.panel.cleared.connect(self.saved)
        self.panel.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_saved(self, bot_name: str) -> None:
        self.saved.emit()
        self.botNameChanged.emit(bot_name)

    def cancel_tasks(self) -> None:
        self.panel.cancel()
