"""Add or edit one keep-alive target: pick it from what the bot can see, or type the IDs.

Used non-modally (``open()``/``show()``): loading the guilds and saving run as tasks on the qasync loop, so
the dialog never blocks and never nests an event loop. ``saved`` is emitted after the service accepted the
target; a refused target (duplicate, invalid) keeps the dialog open with the reason next to the field.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.channel_check import checked_target
from ..core.config import (
    DEFAULT_TEMPLATE,
    ConfigError,
    Target,
    parse_snowflake,
    parse_template_with_mention,
    utcnow,
)
from ..core.ports import ChannelInfo, GuildInfo
from .widgets import (
    BusyIndicator,
    FieldMessage,
    TaskDialog,
    ValidatedLineEdit,
    config_error_text,
    grow_to_fit,
)

if TYPE_CHECKING:
    from .service_api import ServiceApi

log = logging.getLogger(__name__)

TEMPORARY_DEFAULT_NAME = "keep-alive"


def render_preview(
    template: str, *, mention_id: int | None, channel: str, settings: Any, now: datetime | None = None
) -> str:
    """Exactly the message the engine sends for the next slot (``core.message.compose_message``, the same
    function), marker line included. Raises ConfigError for an invalid template or one without {mention}."""
    from ..core.message import compose_message

    text = parse_template_with_mention(template, "template")
    zone = settings.zone()
    slot = settings.next_slot(now or datetime.now(zone))
    return compose_message(text, mention_id=mention_id, slot=slot, zone=zone, channel_name=channel)


class ChannelEditor(TaskDialog):
    """Add a target (``target`` None) or edit ``target`` through ``service.add_target``/``replace_target``."""

    saved = Signal()
    targetSaved = Signal(str)  # uid
    guildsLoaded = Signal()

    def __init__(
        self, service: ServiceApi, parent: QWidget | None = None, target: Target | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.original = target
        self.guilds: list[GuildInfo] = []
        self.loaded = False
        self.setWindowTitle(self.tr("Edit channel") if target else self.tr("Add channel"))
        self.setMinimumWidth(520)
        self._build()
        self._prefill_manual()
        self._update_mode()
        self._update_preview()
        self.busy.start(self.tr("Loading the servers the bot can see\u2026"))
        self._tasks.spawn(self._load_guilds())

    # ------------------------------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.note = FieldMessage(self)

        self.pick_radio = QRadioButton(self.tr("Pick from the servers the bot can see"), self)
        self.manual_radio = QRadioButton(self.tr("Enter IDs by hand"), self)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.pick_radio)
        self.mode_group.addButton(self.manual_radio)
        self.manual_radio.setChecked(True)
        self.pick_radio.setEnabled(False)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.pick_radio)
        mode_row.addWidget(self.manual_radio)
        mode_row.addStretch(1)

        # Picker page.
        self.guild_combo = QComboBox(self)
        self.channel_combo = QComboBox(self)
        self.category_combo = QComboBox(self)
        self.bot_combo = QComboBox(self)
        # Editable: without the Server Members intent Discord lists no members, so the ID can be pasted.
        self.bot_combo.setEditable(True)
        self.bot_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.bot_message = FieldMessage(self)
        self.pick_message = FieldMessage(self)
        picker = QWidget(self)
        pform = QFormLayout(picker)
        pform.setContentsMargins(0, 0, 0, 0)
        pform.addRow(self.tr("Server:"), self.guild_combo)
        self.channel_label = QLabel(self.tr("Channel:"), self)
        pform.addRow(self.channel_label, self.channel_combo)
        self.category_label = QLabel(self.tr("Category:"), self)
        pform.addRow(self.category_label, self.category_combo)
        bot_box = QVBoxLayout()
        bot_box.setSpacing(2)
        bot_box.addWidget(self.bot_combo)
        bot_box.addWidget(self.bot_message)
        pform.addRow(self.tr("Target bot:"), bot_box)
        pform.addRow("", self.pick_message)

        # Manual page.
        self.guild_edit = ValidatedLineEdit(
            lambda s: parse_snowflake(s, "guild"), placeholder=self.tr("Server ID, e.g. 1234567890123456789")
        )
        self.channel_edit = ValidatedLineEdit(
            lambda s: parse_snowflake(s, "channel"), placeholder=self.tr("Channel ID")
        )
        self.category_edit = ValidatedLineEdit(
            lambda s: parse_snowflake(s, "category"),
            optional=True,
            placeholder=self.tr("Category ID (optional)"),
        )
        self.mention_edit = ValidatedLineEdit(
            lambda s: parse_snowflake(s, "mention"),
            placeholder=self.tr("User ID of the target bot, e.g. 1234567890123456789"),
        )
        manual = QWidget(self)
        mform = QFormLayout(manual)
        mform.setContentsMargins(0, 0, 0, 0)
        mform.addRow(self.tr("Server ID:"), self.guild_edit)
        self.channel_edit_label = QLabel(self.tr("Channel ID:"), self)
        mform.addRow(self.channel_edit_label, self.channel_edit)
        self.category_edit_label = QLabel(self.tr("Category ID:"), self)
        mform.addRow(self.category_edit_label, self.category_edit)
        mform.addRow(self.tr("Target bot ID:"), self.mention_edit)

        # A keep-alive that mentions nobody keeps nobody active: without a bot only by an explicit choice.
        self.no_bot_check = QCheckBox(
            self.tr("Send without mentioning a bot (no bot is pinged, so none is kept active)"), self
        )
        self.no_bot_check.toggled.connect(lambda *_: self._update_mode())

        # Both pages in one box, the other one hidden: a QStackedWidget sized the page without the height its
        # wrapped messages need, and the second line of an error was cut off.
        self.pages = QWidget(self)
        pages = QVBoxLayout(self.pages)
        pages.setContentsMargins(0, 0, 0, 0)
        pages.addWidget(picker)
        pages.addWidget(manual)
        self.picker_page, self.manual_page = picker, manual

        self.temporary_check = QCheckBox(
            self.tr("Temporary channel: create a new channel for each run (in the chosen category)"), self
        )
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("Taken from Discord when empty"))
        self.name_message = FieldMessage(self)
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.name_message)

        # Template override.
        self.template_group = QGroupBox(self.tr("Own message for this channel"), self)
        self.template_group.setCheckable(True)
        self.template_group.setChecked(False)
        self.template_edit = QPlainTextEdit(self)
        self.template_edit.setPlaceholderText(DEFAULT_TEMPLATE)
        self.template_edit.setFixedHeight(64)
        self.template_help = QLabel(
            self.tr("Placeholders: {mention} (the target bot), {date}, {time}, {channel}."), self
        )
        self.template_help.setWordWrap(True)
        self.template_message = FieldMessage(self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tlay = QVBoxLayout(self.template_group)
        tlay.addWidget(self.template_edit)
        tlay.addWidget(self.template_help)
        tlay.addWidget(self.template_message)
        preview_row = QHBoxLayout()
        preview_title = QLabel(self.tr("Preview:"), self)
        preview_title.setAlignment(Qt.AlignmentFlag.AlignTop)
        preview_row.addWidget(preview_title)
        preview_row.addWidget(self.preview, 1)
        tlay.addLayout(preview_row)

        self.enabled_check = QCheckBox(self.tr("Enabled (send the daily keep-alive to this channel)"), self)
        self.enabled_check.setChecked(True)

        self.busy = BusyIndicator(self)
        self.error = FieldMessage(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save") if self.original else self.tr("Add"))

        form = QFormLayout()
        form.addRow(self.tr("Name:"), name_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(mode_row)
        layout.addWidget(self.pages)
        layout.addWidget(self.no_bot_check)
        layout.addWidget(self.temporary_check)
        layout.addLayout(form)
        layout.addWidget(self.template_group)
        layout.addWidget(self.enabled_check)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.mode_group.buttonToggled.connect(lambda *_: self._update_mode())
        self.temporary_check.toggled.connect(lambda *_: self._update_mode())
        self.guild_combo.currentIndexChanged.connect(self._fill_guild)
        self.channel_combo.currentIndexChanged.connect(self._channel_picked)
        self.bot_combo.currentTextChanged.connect(lambda *_: self._on_bot_text())
        self.template_edit.textChanged.connect(self._update_preview)
        self.template_group.toggled.connect(lambda *_: self._update_preview())
        self.name_edit.textChanged.connect(lambda *_: self._update_preview())
        self.mention_edit.edit.textChanged.connect(lambda *_: self._update_preview())
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def _prefill_manual(self) -> None:
        t = self.original
        template = (
            t.template if t and t.template is not None else self.service.config.settings.message_template
        )
        self.template_edit.setPlainText(template)
        if t is None:
            return
        self.guild_edit.setText(str(t.guild_id))
        if t.channel_id is not None:
            self.channel_edit.setText(str(t.channel_id))
        if t.category_id is not None:
            self.category_edit.setText(str(t.category_id))
        if t.mention_id is not None:
            self.mention_edit.setText(str(t.mention_id))
        self.no_bot_check.setChecked(t.mention_id is None)
        self.temporary_check.setChecked(t.is_temporary)
        self.name_edit.setText(t.name)
        self.template_group.setChecked(t.template is not None)
        self.enabled_check.setChecked(t.enabled)

    # ------------------------------------------------------------------------------------------ guilds
    async def _load_guilds(self) -> None:
        try:
            guilds = list(await self.service.list_guilds())
        except Exception:  # offline or a Discord error: the dialog still works with typed IDs
            log.warning("could not list guilds", exc_info=True)
            guilds = []
        finally:
            self.busy.stop()
        self.guilds = sorted(guilds, key=lambda g: g.name.casefold())
        self.loaded = True
        if self.guilds:
            self.pick_radio.setEnabled(True)
            self.note.show_info(self.tr("Pick a channel below, or enter its IDs by hand."))
            self.guild_combo.blockSignals(True)
            for g in self.guilds:
                self.guild_combo.addItem(g.name, g.id)
            self.guild_combo.blockSignals(False)
            if not self._select_original_in_picker():
                self._fill_guild(self.guild_combo.currentIndex())
                if self.original is None:
                    self.pick_radio.setChecked(True)
        else:
            self.note.show_error(
                self.tr(
                    "Not connected to Discord: the IDs you type cannot be verified now. They are checked at "
                    "the next run."
                )
            )
        self._update_mode()
        self._schedule_fit()
        self.guildsLoaded.emit()

    def _select_original_in_picker(self) -> bool:
        t = self.original
        if t is None:
            return False
        index = self.guild_combo.findData(t.guild_id)
        if index < 0:
            return False
        self.guild_combo.setCurrentIndex(index)
        self._fill_guild(index)
        if t.is_temporary:
            i = self.category_combo.findData(t.category_id)
            if i < 0:
                return False
            self.category_combo.setCurrentIndex(i)
        else:
            i = self.channel_combo.findData(t.channel_id)
            if i < 0:
                return False
            self.channel_combo.setCurrentIndex(i)
        if t.mention_id is not None:
            i = self.bot_combo.findData(t.mention_id)
            if i < 0:
                self.bot_combo.addItem(str(t.mention_id), t.mention_id)
                i = self.bot_combo.count() - 1
            self.bot_combo.setCurrentIndex(i)
        self.name_edit.setText(t.name)
        self.pick_radio.setChecked(True)
        return True

    def _guild(self) -> GuildInfo | None:
        gid = self.guild_combo.currentData()
        return next((g for g in self.guilds if g.id == gid), None)

    def _fill_guild(self, _index: int) -> None:
        guild = self._guild()
        configured = {t.channel_id for t in self.service.config.targets if t is not self.original}
        if self.original is not None:
            configured.discard(self.original.channel_id)
        categories = {c.id: c.name for c in guild.categories} if guild else {}
        for combo in (self.channel_combo, self.category_combo, self.bot_combo):
            combo.blockSignals(True)
            combo.clear()
        if guild is not None:
            channels = sorted(
                guild.channels,
                key=lambda c: (categories.get(c.category_id or 0, ""), c.position or 0, c.name),
            )
            for c in channels:
                label = f"#{c.name}"
                if c.category_id in categories:
                    label = f"{categories[c.category_id]} \u203a #{c.name}"
                if c.id in configured:
                    label += "  " + self.tr("(already added)")
                self.channel_combo.addItem(label, c.id)
            self.category_combo.addItem(self.tr("(no category)"), None)
            for cat in sorted(guild.categories, key=lambda c: (c.position or 0, c.name)):
                self.category_combo.addItem(cat.name, cat.id)
            for bot in sorted(guild.bots, key=lambda b: b.name.casefold()):
                self.bot_combo.addItem(f"{bot.name}  ({bot.id})", bot.id)
            if guild.bots:
                self.bot_combo.setCurrentIndex(0)
                self.bot_message.clear_message()
            else:
                self.bot_message.show_info(
                    self.tr(
                        "No bots are listed: that needs the Server Members intent (Settings). "
                        "Paste the target bot's user ID instead."
                    )
                )
            if not channels:
                self.pick_message.show_info(self.tr("The bot cannot see any text channel in this server."))
            else:
                self.pick_message.clear_message()
        for combo in (self.channel_combo, self.category_combo, self.bot_combo):
            combo.blockSignals(False)
        self._channel_picked(self.channel_combo.currentIndex())

    def _picked_channel(self) -> ChannelInfo | None:
        guild = self._guild()
        cid = self.channel_combo.currentData()
        if guild is None or cid is None:
            return None
        return next((c for c in guild.channels if c.id == cid), None)

    def _picked_bot(self) -> int | None:
        """The chosen bot, or a pasted ID (``<@ID>``, ``ID``, ``Name  (ID)``); ConfigError if invalid."""
        text = self.bot_combo.currentText().strip()
        index = self.bot_combo.findText(text)
        if index >= 0:
            data = self.bot_combo.itemData(index)
            return int(data) if data is not None else None
        if not text:
            return None
        m = re.search(r"\(([0-9]+)\)$", text)
        return parse_snowflake(m.group(1) if m else text, "mention")

    def _on_bot_text(self) -> None:
        try:
            self._picked_bot()
        except ConfigError as exc:
            self.bot_message.show_error(config_error_text(exc))
        else:
            if self.bot_message.kind == "error":
                self.bot_message.clear_message()
        self._update_preview()

    def _channel_picked(self, _index: int) -> None:
        channel = self._picked_channel()
        if channel is not None and self._picker_mode() and not self.temporary_check.isChecked():
            self._set_auto_name(channel.name)
        self._update_preview()

    def _set_auto_name(self, name: str) -> None:
        """Fill the name from Discord; a name the user typed is left alone."""
        current = self.name_edit.text()
        if not current or current == self._auto_name:
            self.name_edit.setText(name)
            self._auto_name = name

    _auto_name = ""

    # ------------------------------------------------------------------------------------------ state
    def _picker_mode(self) -> bool:
        return self.pick_radio.isChecked() and bool(self.guilds)

    def _update_mode(self) -> None:
        picker = self._picker_mode()
        temporary = self.temporary_check.isChecked()
        self.picker_page.setVisible(picker)
        self.manual_page.setVisible(not picker)
        shown: list[tuple[QWidget, bool]] = [
            (self.channel_label, not temporary),
            (self.channel_combo, not temporary),
            (self.category_label, temporary),
            (self.category_combo, temporary),
            (self.channel_edit_label, not temporary),
            (self.channel_edit, not temporary),
            (self.category_edit_label, temporary),
            (self.category_edit, temporary),
        ]
        for widget, visible in shown:
            widget.setVisible(visible)
        no_bot = self.no_bot_check.isChecked()
        self.bot_combo.setEnabled(not no_bot)
        self.mention_edit.setEnabled(not no_bot)
        if no_bot:
            self.mention_edit.message.clear_message()
            if self.bot_message.kind == "error":
                self.bot_message.clear_message()
        if temporary and not self.name_edit.text():
            self._set_auto_name(TEMPORARY_DEFAULT_NAME)
        elif picker and not temporary:
            channel = self._picked_channel()
            if channel is not None and self.original is None:
                self._set_auto_name(channel.name)
        elif self.original is None and self.name_edit.text() == self._auto_name:
            self._set_auto_name("")  # typed IDs: the name comes from Discord on save
        self._update_preview()

    def _preview_mention(self) -> int | None:
        """The bot the message will mention, as far as the form says (None: nobody, or not valid yet)."""
        if self.no_bot_check.isChecked():
            return None
        try:
            if self._picker_mode():
                return self._picked_bot()
            text = self.mention_edit.text()
            return parse_snowflake(text, "mention") if text else None
        except ConfigError:
            return None

    def _update_preview(self) -> None:
        if self.template_group.isChecked():
            template = self.template_edit.toPlainText()
        else:
            template = self.service.config.settings.message_template
        name = self.name_edit.text().strip() or TEMPORARY_DEFAULT_NAME
        try:
            text = render_preview(
                template,
                mention_id=self._preview_mention(),
                channel=name,
                settings=self.service.config.settings,
            )
        except ConfigError as exc:
            self.template_message.show_error(config_error_text(exc))
            self.preview.setText("")
            return
        self.template_message.clear_message()
        self.preview.setText(text)
        self._schedule_fit()

    def _schedule_fit(self) -> None:
        # After the layout took the new texts into account (messages and the preview wrap).
        QTimer.singleShot(0, self, self._fit_now)

    def _fit_now(self) -> None:
        grow_to_fit(self)

    # ------------------------------------------------------------------------------------------ save
    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.save_button.setEnabled(not busy)
        if busy:
            self.busy.start(text)
        else:
            self.busy.stop()

    def _on_save(self) -> None:
        if self._tasks.running and self.busy.busy:
            return
        self.error.clear_message()
        target = self._collect()
        if target is None:
            return
        self._set_busy(True, self.tr("Checking the channel on Discord\u2026"))
        self._tasks.spawn(self._verify_and_save(target))

    def _collect(self) -> Target | None:
        """The target the form describes, or None after showing what is wrong."""
        ok = True
        temporary = self.temporary_check.isChecked()
        channel_id: int | None = None
        category_id: int | None = None
        no_bot = self.no_bot_check.isChecked()
        need_bot = self.tr(
            "Choose the target bot to mention, or tick \u201cSend without mentioning a bot\u201d."
        )
        if self._picker_mode():
            guild_id = self.guild_combo.currentData()
            try:
                mention_id = None if no_bot else self._picked_bot()
            except ConfigError as exc:
                self.bot_message.show_error(config_error_text(exc))
                mention_id = None
                ok = False
            else:
                if mention_id is None and not no_bot:
                    self.bot_message.show_error(need_bot)
                    ok = False
            if temporary:
                category_id = self.category_combo.currentData()
            else:
                channel_id = self.channel_combo.currentData()
                if channel_id is None:
                    self.pick_message.show_error(self.tr("Choose a channel."))
                    ok = False
        else:
            guild_id = self.guild_edit.validate()
            ok &= self.guild_edit.is_valid()
            if no_bot:
                mention_id = None
            elif not self.mention_edit.text():
                self.mention_edit.show_error(need_bot)
                mention_id = None
                ok = False
            else:
                mention_id = self.mention_edit.validate()
                ok &= self.mention_edit.is_valid()
            if temporary:
                category_id = self.category_edit.validate()
                ok &= self.category_edit.is_valid()
            else:
                channel_id = self.channel_edit.validate()
                ok &= self.channel_edit.is_valid()
        template: str | None = None
        if self.template_group.isChecked():
            try:
                template = parse_template_with_mention(self.template_edit.toPlainText(), "template")
            except ConfigError as exc:
                self.template_message.show_error(config_error_text(exc))
                ok = False
        name = self.name_edit.text().strip()
        if temporary and not name:
            name = TEMPORARY_DEFAULT_NAME
        if not ok:
            self.error.show_error(self.tr("Please correct the fields marked above."))
            return None
        enabled = self.enabled_check.isChecked()
        if self.original is None:
            return Target(
                guild_id=guild_id,
                channel_id=channel_id,
                mention_id=mention_id,
                name=name,
                category_id=category_id,
                template=template,
                enabled=enabled,
            )
        changes: dict[str, Any] = {
            "guild_id": guild_id,
            "channel_id": channel_id,
            "mention_id": mention_id,
            "name": name,
            "template": template,
            "enabled": enabled,
        }
        if temporary:
            changes["category_id"] = category_id
        if channel_id != self.original.channel_id:
            changes.update(topic=None, position=None)
        if enabled and not self.original.enabled:
            changes["enabled_at"] = utcnow()
        return replace(self.original, **changes)

    async def _verify_and_save(self, target: Target) -> None:
        try:
            if target.channel_id is not None and self.guilds:  # not temporary
                info = await self.service.describe_channel(target.channel_id)
                try:
                    target = checked_target(target, info)
                except ConfigError as exc:
                    self._field_error(exc.field, config_error_text(exc))
                    return
            try:
                if self.original is None:
                    self.service.add_target(target)
                else:
                    self.service.replace_target(self.original.uid, target)
            except ConfigError as exc:
                self._field_error(exc.field, config_error_text(exc))
                return
        finally:
            self._set_busy(False)
        self.saved.emit()
        self.targetSaved.emit(target.uid)
        self.accept()

    def _field_error(self, field: str, text: str) -> None:
        """Show ``text`` next to the field it is about (and in the summary line)."""
        manual = not self._picker_mode()
        widgets: dict[str, ValidatedLineEdit] = {
            "guild": self.guild_edit,
            "channel": self.channel_edit,
            "category": self.category_edit,
            "mention": self.mention_edit,
        }
        if field == "template":
            self.template_message.show_error(text)
        elif field == "name":
            self.name_message.show_error(text)
        elif manual and field in widgets:
            widgets[field].show_error(text)
        elif field in widgets:
            self.pick_message.show_error(text)
        self.error.show_error(text)
        self._schedule_fit()

    def _on_task_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.show_error(
            self.tr("Something went wrong: {0}").replace("{0}", str(exc) or type(exc).__name__)
        )
