"""*Import from coze-discord-proxy…*: pick a CDP folder or file, preview what it holds, tick, import.

The reading, the checks and the messages are the command line's (``core.cdp_import``); this is only the
picking and the ticking. The bot token and the proxy secret are read only when their boxes are ticked, and
go to the keyring (the token only after Discord accepted it) before the configuration is saved, so a refusal
leaves nothing half-imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..core.cdp_files import CdpFileError, Text
from ..core.cdp_import import ImportPlan, apply_plan, compare, read_cdp
from ..core.config import ConfigError
from ..i18n import qt_translate
from .widgets import BusyIndicator, FieldMessage, TaskDialog, config_error_text

if TYPE_CHECKING:
    from .service_api import ServiceApi

ROLE_KIND = Qt.ItemDataRole.UserRole  # ("channel", id) / ("setting", key)


def tr_core(text: Text) -> str:
    return text.render(qt_translate)


class CdpImportDialog(TaskDialog):
    """``saved`` after an import changed something (the window and the wizard refresh on it)."""

    saved = Signal()

    def __init__(self, service: ServiceApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import from coze-discord-proxy"))
        self.setMinimumSize(640, 460)
        self.resize(760, 520)

        intro = QLabel(
            self.tr(
                "Pick the folder of your coze-discord-proxy setup, or one of its files: docker-compose.yml, "
                ".env or data/config/bot_config.json. Nothing changes until you press Import."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("Folder or file"))
        self.path_edit.returnPressed.connect(self.read)
        self.folder_button = QPushButton(self.tr("Folder\u2026"), self)
        self.file_button = QPushButton(self.tr("File\u2026"), self)
        self.read_button = QPushButton(self.tr("Read"), self)
        self.folder_button.clicked.connect(self.pick_folder)
        self.file_button.clicked.connect(self.pick_file)
        self.read_button.clicked.connect(self.read)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.folder_button)
        row.addWidget(self.file_button)
        row.addWidget(self.read_button)

        self.message = FieldMessage(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Import"), self.tr("Details"), self.tr("From")])
        self.tree.setRootIsDecorated(True)
        self.token_box = QCheckBox(self)
        self.secret_box = QCheckBox(self)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = BusyIndicator(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.token_box)
        layout.addWidget(self.secret_box)
        layout.addWidget(self.notes)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self._show_plan(None)

    # ------------------------------------------------------------------------------------ picking
    def pick_folder(self) -> None:
        dlg = QFileDialog(self, self.tr("coze-discord-proxy folder"), self.path_edit.text())
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.fileSelected.connect(self._picked)
        dlg.open()

    def pick_file(self) -> None:
        dlg = QFileDialog(self, self.tr("coze-discord-proxy file"), self.path_edit.text())
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.setNameFilters([self.tr("CDP files (*.yml *.yaml *.env .env *.json)"), self.tr("All files (*)")])
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # shows dot files such as .env
        dlg.fileSelected.connect(self._picked)
        dlg.open()

    def _picked(self, path: str) -> None:
        if path:
            self.path_edit.setText(path)
            self.read()

    # ------------------------------------------------------------------------------------ preview
    def read(self) -> bool:
        """Read the path into a preview; False (and the error shown) when it cannot be imported."""
        text = self.path_edit.text().strip()
        if not text:
            self.message.show_error(self.tr("Choose a folder or a file first."))
            return False
        try:
            plan = read_cdp(Path(text))
        except CdpFileError as exc:
            self._show_plan(None)
            self.message.show_error(exc.render(qt_translate))
            return False
        compare(plan, self.service.config)
        self.message.clear_message()
        self._show_plan(plan)
        return True

    def _show_plan(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        self.tree.clear()
        self.token_box.setVisible(bool(plan and plan.token_at))
        self.secret_box.setVisible(bool(plan and plan.secret_at))
        self.token_box.setChecked(False)
        self.secret_box.setChecked(False)
        self.import_button.setEnabled(plan is not None)
        if plan is None:
            self.notes.setText("")
            return
        channels = QTreeWidgetItem(self.tree, [self.tr("Channels")])
        for t in plan.targets:
            details = [self.tr("server {0}").format(t.guild_id)]
            if t.mention_id:
                details.append(self.tr("mentions <@{0}>").format(t.mention_id))
            if t.note:
                details.append(t.note)
            item = QTreeWidgetItem(
                channels, [str(t.channel_id), " \u00b7 ".join(details), self.where(t.where)]
            )
            item.setData(0, ROLE_KIND, ("channel", t.channel_id))
            if t.configured:
                item.setText(1, self.tr("already configured"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
        if not plan.targets:
            QTreeWidgetItem(channels, [self.tr("No channels found.")])
        names = {
            "proxy_url": self.tr("Proxy"),
            "timezone": self.tr("Time zone"),
            "cdp_url": self.tr("CDP endpoint"),
        }
        found = plan.settings()
        if found:
            settings = QTreeWidgetItem(self.tree, [self.tr("Settings")])
            for key, value in found.items():
                item = QTreeWidgetItem(settings, [names[key], value.value, self.where(value.where)])
                item.setData(0, ROLE_KIND, ("setting", key))
                if key in plan.setting_changes:
                    old = plan.setting_changes[key][0]
                    if old:
                        item.setText(1, self.tr("{0} (now: {1})").format(value.value, old))
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Checked)
                else:
                    item.setText(1, self.tr("{0} (unchanged)").format(value.value))
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.token_box.setText(
            self.tr("Store the bot token from {0} in the system keyring").format(self.where(plan.token_at))
        )
        self.secret_box.setText(
            self.tr("Store the proxy secret from {0} in the system keyring (for the endpoint check)").format(
                self.where(plan.secret_at)
            )
        )
        notes = [tr_core(n) for n in plan.notes]
        if plan.user_auth_at is not None:
            notes.append(
                self.tr(
                    "USER_AUTHORIZATION ({0}) is not read and not stored: it is a Discord user-account "
                    "token, and sending messages as a user is against Discord's terms. CDP Desktop posts "
                    "with the bot token."
                ).format(self.where(plan.user_auth_at))
            )
        notes.append(self.stay_active_advice())
        self.notes.setText("\n".join(notes))

    def where(self, where: Any) -> str:
        """``docker-compose.yml:15``: a place shown relative to the folder the user picked."""
        if where is None:
            return ""
        picked = Path(self.path_edit.text().strip()).expanduser().absolute()
        base = picked if picked.is_dir() else picked.parent
        try:
            shown = where.path.relative_to(base)
        except ValueError:
            shown = where.path
        return f"{shown}:{where.line}" if where.line else str(shown)

    def stay_active_advice(self) -> str:
        return self.tr(
            "After the import, set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy and restart it: "
            "CDP Desktop keeps the bots alive, and two keep-alives a day are noise."
        )

    def ticked(self, kind: str) -> list[Any]:
        chosen = []
        root = self.tree.invisibleRootItem()
        for i in range(root.childCount()):
            group = root.child(i)
            if group is None:
                continue
            for j in range(group.childCount()):
                item = group.child(j)
                data = item.data(0, ROLE_KIND) if item is not None else None
                if (
                    item is not None
                    and data
                    and data[0] == kind
                    and item.flags() & Qt.ItemFlag.ItemIsEnabled
                    and item.checkState(0) == Qt.CheckState.Checked
                ):
                    chosen.append(data[1])
        return chosen

    # ------------------------------------------------------------------------------------ import
    def do_import(self) -> None:
        if self.plan is None or self.busy.busy:
            return
        channels, settings = self.ticked("channel"), self.ticked("setting")
        want_token, want_secret = self.token_box.isChecked(), self.secret_box.isChecked()
        if not (want_token or want_secret):
            self._apply(self.plan, channels, settings)
            return
        try:  # read again, now with the secrets the user agreed to
            plan = read_cdp(
                Path(self.path_edit.text().strip()), read_token=want_token, read_secret=want_secret
            )
        except CdpFileError as exc:
            self.message.show_error(exc.render(qt_translate))
            return
        self.import_button.setEnabled(False)
        self.busy.start(self.tr("Storing in the system keyring\u2026"))
        self._tasks.spawn(self._store_then_apply(plan, channels, settings))

    async def _store_then_apply(self, plan: ImportPlan, channels: list[int], settings: list[str]) -> None:
        from ..cdp_secret import CdpSecretStore
        from ..core.errors import State
        from ..logs import register_secret

        try:
            register_secret(plan.token)
            register_secret(plan.secret)
            if plan.token is not None:
                self.busy.set_text(self.tr("Checking the bot token with Discord\u2026"))
                check = await self.service.set_token(plan.token)
                if check.state != State.OK:
                    self.message.show_error(
                        self.tr("The bot token was not stored: {0}").format(
                            check.message.render(i18n.qt_translate)
                        )
                    )
                    return
            if plan.secret is not None:
                result = await CdpSecretStore().aset(plan.secret)
                if not result.ok:
                    self.message.show_error(result.message.render(i18n.qt_translate))
                    return
        finally:
            self.busy.stop()
            self.import_button.setEnabled(True)
        self._apply(plan, channels, settings)

    def _on_task_error(self, exc: BaseException) -> None:
        self.message.show_error(str(exc) or type(exc).__name__)

    def _apply(self, plan: ImportPlan, channels: list[int], settings: list[str]) -> None:
        outcome: list[tuple[list[Any], list[str]]] = []
        try:
            self.service.update_config(
                lambda c: outcome.append(apply_plan(c, plan, channels=channels, settings=settings))
            )
        except ConfigError as exc:
            self.message.show_error(config_error_text(exc))
            return
        added, changed = outcome[-1] if outcome else ([], [])
        self.result_text = self.tr("Imported {0} channel(s); settings changed: {1}.").format(
            len(added), ", ".join(changed) or "-"
        )
        self.saved.emit()
        window = self.parent()
        banners = getattr(window, "banners", None)
        if banners is not None:
            banners.show_message(f"{self.result_text} {self.stay_active_advice()}", "info")
        self.accept()
