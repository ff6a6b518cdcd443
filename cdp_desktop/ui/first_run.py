"""The first-run flow: token → channels → schedule.

Shown (non-modally) by the app when there is no token and no target.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .. import i18n
from ..core.config import Config, ConfigError
from .channel_editor import ChannelEditor
from .settings_dialog import TimeZoneCombo
from .token_dialog import TokenPanel, token_state_value
from .widgets import FieldMessage, config_error_text

if TYPE_CHECKING:
    from .service_api import ServiceApi


def import_cdp_button(page: QWizardPage, on_saved: Callable[[], None]) -> QPushButton:
    """*Import from coze-discord-proxy…*: for people who already run CDP (token, channels, zone in one go)."""
    button = QPushButton(
        QCoreApplication.translate("FirstRunWizard", "Import from coze-discord-proxy\u2026"), page
    )

    def open_dialog() -> None:
        from .cdp_import_dialog import CdpImportDialog

        dialog = CdpImportDialog(page.service, page)  # type: ignore[attr-defined]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(on_saved)
        page.import_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    button.clicked.connect(open_dialog)
    return button


class TokenPage(QWizardPage):
    def __init__(self, service: ServiceApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setTitle(self.tr("Bot token"))
        self.setSubTitle(self.tr("CDP Desktop posts the keep-alive as your Discord bot."))
        self.panel = TokenPanel(service, self)
        self.import_button = import_cdp_button(self, lambda: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.import_button)
        self.panel.saved.connect(lambda _name: self.completeChanged.emit())
        self.panel.busyChanged.connect(lambda _busy: self.completeChanged.emit())

    def isComplete(self) -> bool:
        # A token from an earlier run (or this session) lets the user go on.
        has_token = self.panel.bot_name is not None or token_state_value(self.service.token_state) == "ok"
        return has_token and not self.panel.busy.busy


class ChannelsPage(QWizardPage):
    def __init__(self, service: ServiceApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.editor: ChannelEditor | None = None
        self.setTitle(self.tr("Channels"))
        self.setSubTitle(
            self.tr("Choose the channels that get the daily keep-alive. You can change them later.")
        )
        self.list = QListWidget(self)
        self.add_button = QPushButton(self.tr("Add channel\u2026"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.import_button = import_cdp_button(self, self.refresh)
        self.hint = QLabel(self.tr("Add at least one channel to go on."), self)
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(self.open_editor)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _r: self._update())

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for t in self.service.config.targets:
            self.list.addItem(t.label if t.name or t.channel_id else self.tr("temporary channel"))
        self._update()
        self.completeChanged.emit()

    def _update(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)
        self.hint.setVisible(not self.service.config.targets)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        targets = self.service.config.targets
        if 0 <= row < len(targets):
            with contextlib.suppress(ConfigError):  # gone already (another process): refresh shows the rest
                self.service.remove_target(targets[row].uid)
            self.refresh()

    def isComplete(self) -> bool:
        """No going on with zero channels: a keep-alive app with nothing to keep alive does nothing."""
        return bool(self.service.config.targets)

    def open_editor(self) -> ChannelEditor:
        self.editor = ChannelEditor(self.service, self)
        self.editor.saved.connect(self.refresh)
        self.editor.open()
        return self.editor


class SchedulePage(QWizardPage):
    def __init__(self, service: ServiceApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setTitle(self.tr("Schedule"))
        self.setSubTitle(
            self.tr("The keep-alive is sent once a day at this time, plus a small random delay.")
        )
        s = service.config.settings
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat("HH:mm")
        hh, mm = s.schedule_time.split(":")
        self.time_edit.setTime(QTime(int(hh), int(mm)))
        self.zone_combo = TimeZoneCombo(self)
        self.zone_combo.set_zone(s.timezone)
        self.message = FieldMessage(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Daily at:"), self.time_edit)
        form.addRow(self.tr("Time zone:"), self.zone_combo)
        form.addRow("", self.message)
        note = QLabel(self.tr("More options are in Settings."), self)
        form.addRow("", note)

    def initializePage(self) -> None:
        self.zone_combo.set_zone(self.service.config.settings.timezone)  # an import may have set it

    def validatePage(self) -> bool:
        schedule_time = self.time_edit.time().toString("HH:mm")
        zone = self.zone_combo.raw_value()

        def mutate(config: Config) -> None:
            config.set_setting("schedule_time", schedule_time)
            config.set_setting("timezone", zone)
            i18n.localize_default_template(config.settings)  # the keep-alive text in the chosen language

        try:
            self.service.update_config(mutate)
        except ConfigError as exc:
            self.message.show_error(config_error_text(exc))
            return False
        return True


class FirstRunWizard(QWizard):
    """Token → channels → schedule. ``saved`` when the user finished it (the schedule was saved)."""

    saved = Signal()

    def __init__(self, service: ServiceApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Welcome to CDP Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(600, 460)
        self.token_page = TokenPage(service, self)
        self.channels_page = ChannelsPage(service, self)
        self.schedule_page = SchedulePage(service, self)
        self.addPage(self.token_page)
        self.addPage(self.channels_page)
        self.addPage(self.schedule_page)
        self.accepted.connect(self.saved)

    def done(self, result: int) -> None:
        self.token_page.panel.cancel()
        super().done(result)
