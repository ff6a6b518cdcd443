"""Application settings, validated exactly like ``cdp-desktop config set`` (the same ``core.config`` parsers).

Saving goes through ``service.update_config``; a refused value is shown next to its field and nothing is
saved. The proxy Test button reaches the configured API through the proxy as a task on the qasync loop.
"""

from __future__ import annotations

import logging
import zoneinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..core.config import SETTING_PARSERS, Config, ConfigError, require_mention
from ..core.messages import Message
from . import autostart
from .widgets import BusyIndicator, FieldMessage, TaskDialog, config_error_text

if TYPE_CHECKING:
    from .service_api import ServiceApi

log = logging.getLogger(__name__)

# Language names are shown in their own language, so they are not translated.
LANGUAGES: tuple[tuple[str | None, str], ...] = ((None, ""), ("en", "English"), ("zh_CN", "简体中文"))


def _with_message(widget: QWidget, message: FieldMessage) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(message)
    return box


class TimeZoneCombo(QComboBox):
    """Editable combo: "System" or any IANA zone, with completion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Named: a machine on UTC would otherwise post at 08:00 Beijing time without the user noticing.
        from ..core.config import system_zone_name

        self.system_text = self.tr("System ({0})").format(system_zone_name())
        self.addItem(self.system_text, None)
        for name in sorted(zoneinfo.available_timezones()):
            self.addItem(name, name)
        completer = self.completer()
        if completer is not None:
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_zone(self, name: str | None) -> None:
        self.setCurrentText(name or self.system_text)

    def raw_value(self) -> str:
        text = self.currentText().strip()
        return "" if text in ("", self.system_text, self.tr("System")) else text


class SettingsDialog(TaskDialog):
    """The settings dialog (non-modal). ``saved`` after the configuration was written."""

    saved = Signal()

    def __init__(self, service: ServiceApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.messages: dict[str, FieldMessage] = {}
        self._build()
        self._load(service.config)

    def _message(self, key: str) -> FieldMessage:
        self.messages[key] = FieldMessage(self)
        return self.messages[key]

    # ------------------------------------------------------------------------------------------ layout
    def _build(self) -> None:
        tabs = QTabWidget(self)

        # Schedule.
        schedule = QWidget(self)
        sform = QFormLayout(schedule)
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat("HH:mm")
        sform.addRow(self.tr("Daily at:"), _with_message(self.time_edit, self._message("schedule_time")))
        self.zone_combo = TimeZoneCombo(self)
        sform.addRow(self.tr("Time zone:"), _with_message(self.zone_combo, self._message("timezone")))
        self.jitter_spin = QSpinBox(self)
        self.jitter_spin.setRange(0, 3600)
        self.jitter_spin.setSuffix(self.tr(" s"))
        self.jitter_spin.setToolTip(
            self.tr("A random delay of up to this many seconds after the scheduled time.")
        )
        sform.addRow(
            self.tr("Random delay:"), _with_message(self.jitter_spin, self._message("jitter_seconds"))
        )
        self.catch_up_check = QCheckBox(self.tr("Catch up a missed run (computer asleep or offline)"), self)
        sform.addRow("", _with_message(self.catch_up_check, self._message("catch_up")))
        self.reply_spin = QSpinBox(self)
        self.reply_spin.setRange(0, 600)
        self.reply_spin.setSuffix(self.tr(" s"))
        self.reply_spin.setToolTip(self.tr("How long to wait for the target bot's reply (0: do not wait)."))
        sform.addRow(
            self.tr("Wait for reply:"), _with_message(self.reply_spin, self._message("reply_timeout_seconds"))
        )
        self.template_edit = QLineEdit(self)
        self.template_edit.setToolTip(
            self.tr("Placeholders: {mention} (the target bot), {date}, {time}, {channel}.")
        )
        sform.addRow(
            self.tr("Message:"), _with_message(self.template_edit, self._message("message_template"))
        )
        tabs.addTab(schedule, self.tr("Schedule"))

        # Connection.
        connection = QWidget(self)
        cform = QFormLayout(connection)
        self.proxy_edit = QLineEdit(self)
        self.proxy_edit.setPlaceholderText(
            self.tr("none, e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080")
        )
        self.proxy_edit.setClearButtonEnabled(True)
        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_button.setToolTip(self.tr("Reach the Discord API through this proxy."))
        proxy_row = QWidget(self)
        prow = QHBoxLayout(proxy_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.proxy_edit, 1)
        prow.addWidget(self.test_button)
        self.test_busy = BusyIndicator(self)
        self.test_result = FieldMessage(self)
        proxy_box = _with_message(proxy_row, self._message("proxy_url"))
        assert proxy_box.layout() is not None
        proxy_box.layout().addWidget(self.test_busy)  # type: ignore[union-attr]
        proxy_box.layout().addWidget(self.test_result)  # type: ignore[union-attr]
        cform.addRow(self.tr("Proxy:"), proxy_box)
        self.api_edit = QLineEdit(self)
        self.api_edit.setPlaceholderText("https://discord.com/api/v10")
        self.api_edit.setClearButtonEnabled(True)
        cform.addRow(self.tr("API base URL:"), _with_message(self.api_edit, self._message("api_base_url")))
        self.intents_check = QCheckBox(
            self.tr("Show whether target bots are online (presence intents)"), self
        )
        intents_note = QLabel(
            self.tr(
                "Needs the Server Members and Presence intents enabled for your bot in the Discord Developer "
                "Portal (Applications \u2192 your app \u2192 Bot \u2192 Privileged Gateway Intents). Without "
                "them, the reply check is used instead."
            ),
            self,
        )
        intents_note.setWordWrap(True)
        intents_box = _with_message(self.intents_check, self._message("presence_intents"))
        intents_box.layout().addWidget(intents_note)  # type: ignore[union-attr]
        cform.addRow("", intents_box)
        tabs.addTab(connection, self.tr("Connection"))

        # Desktop.
        desktop = QWidget(self)
        dform = QFormLayout(desktop)
        self.notify_check = QCheckBox(self.tr("Show desktop notifications when something fails"), self)
        dform.addRow("", _with_message(self.notify_check, self._message("notifications")))
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_combo.addItem(name or self.tr("System"), code)
        language_note = QLabel(self.tr("A new language applies after CDP Desktop restarts."), self)
        language_note.setWordWrap(True)
        lang_box = _with_message(self.language_combo, self._message("language"))
        lang_box.layout().addWidget(language_note)  # type: ignore[union-attr]
        dform.addRow(self.tr("Language:"), lang_box)
        self.autostart_check = QCheckBox(self.tr("Start CDP Desktop when I log in"), self)
        self.autostart_note = FieldMessage(self)
        if not autostart.supported():
            self.autostart_check.setEnabled(False)
            self.autostart_note.show_info(self.tr("Not available on this system yet."))
        dform.addRow("", _with_message(self.autostart_check, self.autostart_note))
        tabs.addTab(desktop, self.tr("Desktop"))
        self.tabs = tabs

        self.error = FieldMessage(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self._on_test)
        self.proxy_edit.textChanged.connect(lambda *_: self._check_field("proxy_url", self.proxy_edit.text()))
        self.api_edit.textChanged.connect(lambda *_: self._check_field("api_base_url", self.api_edit.text()))
        self.template_edit.textChanged.connect(
            lambda *_: self._check_field("message_template", self.template_edit.text())
        )
        self.zone_combo.currentTextChanged.connect(
            lambda *_: self._check_field("timezone", self.zone_combo.raw_value())
        )

    # ------------------------------------------------------------------------------------------ values
    def _load(self, config: Config) -> None:
        s = config.settings
        hh, mm = s.schedule_time.split(":")
        self.time_edit.setTime(QTime(int(hh), int(mm)))
        self.zone_combo.set_zone(s.timezone)
        self.jitter_spin.setValue(s.jitter_seconds)
        self.catch_up_check.setChecked(s.catch_up)
        self.reply_spin.setValue(s.reply_timeout_seconds)
        self.template_edit.setText(s.message_template)
        self.proxy_edit.setText(s.proxy_url or "")
        self.api_edit.setText(s.api_base_url or "")
        self.intents_check.setChecked(s.presence_intents)
        self.notify_check.setChecked(s.notifications)
        index = self.language_combo.findData(s.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.autostart_check.setChecked(autostart.supported() and autostart.is_enabled())
        for message in self.messages.values():
            message.clear_message()

    def values(self) -> dict[str, object]:
        """The raw values of the form, keyed like ``config set`` keys (parsed by the same parsers)."""
        return {
            "schedule_time": self.time_edit.time().toString("HH:mm"),
            "timezone": self.zone_combo.raw_value(),
            "jitter_seconds": self.jitter_spin.value(),
            "catch_up": self.catch_up_check.isChecked(),
            "reply_timeout_seconds": self.reply_spin.value(),
            "message_template": self.template_edit.text(),
            "proxy_url": self.proxy_edit.text().strip(),
            "api_base_url": self.api_edit.text().strip(),
            "notifications": self.notify_check.isChecked(),
            "language": self.language_combo.currentData() or "",
            "presence_intents": self.intents_check.isChecked(),
        }

    def _check_field(self, key: str, raw: object) -> bool:
        try:
            parsed = SETTING_PARSERS[key](raw)
            if key == "message_template":  # new templates must mention the target bot
                require_mention(parsed, key)
        except ConfigError as exc:
            self.messages[key].show_error(config_error_text(exc))
            return False
        self.messages[key].clear_message()
        if self.error.kind == "error" and not any(m.kind == "error" for m in self.messages.values()):
            self.error.clear_message()  # the field that made the save fail is fixed: no stale "Not saved"
        return True

    def _show_error(self, exc: ConfigError) -> None:
        message = self.messages.get(exc.field)
        text = config_error_text(exc)
        if message is not None:
            message.show_error(text)
            for i in range(self.tabs.count()):
                page = self.tabs.widget(i)
                if page is not None and page.isAncestorOf(message):
                    self.tabs.setCurrentIndex(i)
        self.error.show_error(self.tr("Not saved: {0}").replace("{0}", text))

    # ------------------------------------------------------------------------------------------ save
    def save(self) -> bool:
        """Validate every field, then save them in one ``update_config``. True when saved."""
        self.error.clear_message()
        values = self.values()
        ok = True
        for key, raw in values.items():
            ok &= self._check_field(key, raw)
        if not ok:
            first = next(k for k in values if self.messages[k].kind == "error")
            self._show_error(ConfigError(first, self.messages[first].text()))
            return False

        def mutate(config: Config) -> None:
            for key, raw in values.items():
                config.set_setting(key, raw)

        try:
            self.service.update_config(mutate)
        except ConfigError as exc:
            self._show_error(exc)
            return False
        if autostart.supported() and self.autostart_check.isChecked() != autostart.is_enabled():
            try:
                autostart.set_enabled(self.autostart_check.isChecked())
            except OSError as exc:
                self.autostart_note.show_error(
                    self.tr("Could not change the login item: {0}").replace("{0}", exc.strerror or str(exc))
                )
                return False
        self.saved.emit()
        self.accept()
        return True

    # ------------------------------------------------------------------------------------------ proxy test
    def _on_test(self) -> None:
        if self._tasks.running:
            return
        proxy_ok = self._check_field("proxy_url", self.proxy_edit.text())
        api_ok = self._check_field("api_base_url", self.api_edit.text())
        if not (proxy_ok and api_ok):
            self.test_result.clear_message()
            return
        self.test_result.clear_message()
        self.test_button.setEnabled(False)
        self.test_busy.start(self.tr("Connecting\u2026"))
        self._tasks.spawn(
            self._test(self.proxy_edit.text().strip() or None, self.api_edit.text().strip() or None)
        )

    async def _test(self, proxy: str | None, api_base: str | None) -> None:
        try:
            ok, said = await self.service.test_proxy(proxy, api_base)
        finally:
            self.test_busy.stop()
            self.test_button.setEnabled(True)
        message = said.render(i18n.qt_translate) if isinstance(said, Message) else said
        if ok:
            self.test_result.show_ok(self.tr("Works: {0}").replace("{0}", message))
        else:
            self.test_result.show_error(self.tr("Failed: {0}").replace("{0}", message))

    def _on_task_error(self, exc: BaseException) -> None:
        self.test_busy.stop()
        self.test_button.setEnabled(True)
        self.test_result.show_error(self.tr("Failed: {0}").replace("{0}", str(exc) or type(exc).__name__))
