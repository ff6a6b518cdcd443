"""The status window: connection header, channels table, run log, banners.

Everything long (runs, re-adding channels, demo faults) goes through ``ServiceBridge.spawn`` so the window
never blocks; confirmations and dialogs are opened with ``open()`` (never ``exec()`` inside a coroutine).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.errors import State
from ..core.ports import ConnectionState
from ..service.events import RunFinished, RunStarted, ScheduleChanged, SchedulerState
from . import icons, texts
from .action_button import ActionButton
from .banner import BannerArea
from .bridge import ServiceBridge
from .channels_table import ChannelsTable
from .close_policy import ClosePolicy
from .demo_menu import DemoMenu
from .open_dialogs import OpenDialogs
from .run_detail import RunsPanel
from .status_header import StatusHeader

if TYPE_CHECKING:
    from ..core.config import Target
    from ..core.engine import ReaddReport, RunReport
    from ..core.ports import ConnectionStatus, GuildInfo
    from .service_api import ServiceApi

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    quitRequested = Signal()

    def __init__(
        self, bridge: ServiceBridge, *, demo: bool = False, ui_settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.bridge = bridge
        self.demo = demo
        self.ui_settings = ui_settings
        self.close_policy = ClosePolicy(self, ui_settings, self.quitRequested.emit)
        self._next_run: datetime | None = None
        self._schedule_state = SchedulerState.IDLE
        self._running = False
        self._dialogs = OpenDialogs()
        self.demo_items = DemoMenu(self) if demo else None  # fills the Demo menus (window and tray)

        # Qt appends " — CDP Desktop" (the display name) to a title that does not end with it: "CDP Desktop —
        # demo" became "CDP Desktop — demo — CDP Desktop". Ending with it, the title is used as it is.
        demo_word = self.tr("Demo")
        self.setWindowTitle(f"{demo_word} \u2014 {APP_NAME}" if demo else APP_NAME)
        self.resize(880, 600)
        self.setMinimumSize(620, 420)

        self._build_actions()
        self._build_menus()
        self._build_ui()

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)

        bridge.serviceReady.connect(self._on_service_ready)
        bridge.connectionChanged.connect(self._on_connection)
        bridge.scheduleChanged.connect(self._on_schedule)
        bridge.runStarted.connect(self._on_run_started)
        bridge.runFinished.connect(self._on_run_finished)
        bridge.channelsChanged.connect(self.refresh_channels)
        bridge.historyChanged.connect(self.refresh_runs)
        bridge.busyChanged.connect(self._update_buttons)
        bridge.error.connect(self._on_error)
        self._update_buttons()
        if self.demo_items is not None:
            self.banners.show_message(self.demo_items.intro(), "info", key="demo")

    def _on_error(self, text: str) -> None:
        self.banners.show_message(text, "error")

    @property
    def service(self) -> ServiceApi | None:
        return self.bridge.service

    # ------------------------------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        def act(text: str, slot: Callable[[], Any], shortcut: str | None = None) -> QAction:
            a = QAction(text, self)
            a.triggered.connect(lambda _checked=False: slot())
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            return a

        self.act_add = act(self.tr("&Add channel\u2026"), self.add_channel, "Ctrl+N")
        self.act_edit = act(self.tr("&Edit channel\u2026"), self.edit_channel)
        self.act_remove = act(self.tr("&Remove channel"), self.remove_channel)
        self.act_toggle = act(self.tr("&Disable"), self.toggle_enabled)
        self.act_detail = act(self.tr("Channel &details\u2026"), self.show_channel_detail)
        self.act_run = act(self.tr("Run keep-alive &now"), self.run_now, "Ctrl+R")
        self.act_again = act(self.tr("&Send again now"), lambda: self.send_again())
        self.act_readd = act(self.tr("Re-add &missing channels"), self.readd_missing)
        self.act_readd.setIcon(icons.tray_icon("warning"))
        self.act_pause = act(self.tr("&Pause schedule"), self.toggle_pause)
        self.act_settings = act(self.tr("&Settings\u2026"), self.open_settings, "Ctrl+,")
        self.act_token = act(self.tr("Bot &token\u2026"), self.open_token)
        self.act_logs = act(self.tr("Open &log folder"), self.open_log_folder)
        self.act_about = act(self.tr("&About CDP Desktop"), self.open_about)
        self.act_import_cdp = act(self.tr("&Import from coze-discord-proxy\u2026"), self.open_import_cdp)
        self.act_close = act(self.tr("&Close window"), self.close, "Ctrl+W")
        self.act_quit = act(self.tr("&Quit"), self.quitRequested.emit, "Ctrl+Q")
        # The buttons show these actions with their short texts.
        self.act_add.setIconText(self.tr("Add\u2026"))
        self.act_edit.setIconText(self.tr("Edit\u2026"))
        self.act_toggle.setIconText(self.tr("Disable"))
        self.act_remove.setIconText(self.tr("Remove"))
        self.act_readd.setIconText(self.tr("Re-add missing channels"))
        self.act_run.setIconText(self.tr("Run now"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addActions([self.act_settings, self.act_token, self.act_import_cdp, self.act_logs])
        m.addSeparator()
        m.addActions([self.act_close, self.act_quit])
        m = bar.addMenu(self.tr("&Channels"))
        m.addActions([self.act_add, self.act_detail, self.act_edit, self.act_toggle, self.act_remove])
        m.addSeparator()
        m.addActions([self.act_run, self.act_again, self.act_readd, self.act_pause])
        if self.demo_items is not None:
            items = self.demo_items
            self.demo_menu = bar.addMenu(self.tr("&Demo"))
            self.demo_menu.aboutToShow.connect(lambda: items.fill(self.demo_menu))
            items.fill(self.demo_menu)
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_about)

    def _build_ui(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(8)
        self.setCentralWidget(central)

        self.banners = BannerArea()
        outer.addWidget(self.banners)

        self.header = StatusHeader(self.bridge)
        outer.addWidget(self.header)
        h = self.header  # its parts, as the window's (tests and the tray hint read them)
        self.conn_icon, self.bot_label, self.conn_label = h.conn_icon, h.bot_label, h.conn_label
        self.cdp_status, self.next_label, self.last_label = h.cdp_status, h.next_label, h.last_label

        # Buttons.
        row = QHBoxLayout()
        row.setSpacing(6)
        self.btn_add = ActionButton(self.act_add)
        self.btn_edit = ActionButton(self.act_edit)
        self.btn_toggle = ActionButton(self.act_toggle)
        self.btn_remove = ActionButton(self.act_remove)
        for b in (self.btn_add, self.btn_edit, self.btn_toggle, self.btn_remove):
            row.addWidget(b)
        row.addStretch(1)
        self.btn_readd = ActionButton(self.act_readd)
        warn = icons.COLORS["warning"]
        self.btn_readd.setStyleSheet(
            f"QPushButton {{ background: {warn}; color: white; font-weight: bold; border-radius: 4px;"
            f" padding: 4px 12px; border: 1px solid {icons.color('warning').darker(120).name()}; }}"
            f"QPushButton:hover {{ background: {icons.color('warning').lighter(112).name()}; }}"
        )
        row.addWidget(self.btn_readd)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(90)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        row.addWidget(self.progress)
        self.btn_run = ActionButton(self.act_run)
        self.btn_run.setDefault(True)
        row.addWidget(self.btn_run)
        outer.addLayout(row)

        # Channels table above the run log.
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = ChannelsTable()
        self.channels_model = self.table.channels
        self.table.doubleClicked.connect(lambda _i: self.show_channel_detail())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._channel_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty_hint = QLabel(self.tr("No channels yet. Click \u201cAdd\u2026\u201d to choose one."))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table)
        tl.addWidget(self.empty_hint)
        split.addWidget(top)

        self.runs_panel = RunsPanel(self.bridge)
        self.runs_panel.openLogFolder.connect(self.open_log_folder)
        panel = self.runs_panel  # its parts, as the window's (tests read them)
        self.runs, self.runs_model, self.run_detail = panel.runs, panel.runs_model, panel.detail
        self.btn_logs = panel.btn_logs
        split.addWidget(self.runs_panel)
        split.setSizes([330, 210])
        outer.addWidget(split, 1)

        self.statusBar().setSizeGripEnabled(True)

    # ------------------------------------------------------------------------------------------ state
    def _on_service_ready(self, service: ServiceApi) -> None:
        for w in service.load_warnings:
            self.banners.show_message(texts.shown(w), "warning")
        self._on_connection(service.connection)
        self._next_run = service.next_run()
        self._schedule_state = SchedulerState.PAUSED if service.paused else SchedulerState.IDLE
        self.refresh_channels()
        self.refresh_runs()
        self._update_countdown()

    def refresh_channels(self) -> None:
        svc = self.service
        if svc is None:
            return
        uid = self.selected_uid()
        self.channels_model.zone = svc.config.settings.zone()
        self.channels_model.set_rows(svc.channel_rows())
        self.channels_model.set_strips(svc.heartbeat())
        if uid is not None:
            self.select_uid(uid)
        empty = self.channels_model.rowCount() == 0
        self.empty_hint.setVisible(empty)
        self._clear_settled_banners()
        self._update_buttons()

    def _clear_settled_banners(self) -> None:
        """A banner about a channel state goes away once no row is in that state any more (after a re-add
        the red "channel missing" stayed)."""
        states = {r.state for r in self.channels_model.rows()}
        settled = {
            kind
            for kind, still in (
                ("missing", State.MISSING in states),
                ("no_access", State.NO_ACCESS in states),
                ("unreachable", bool(states & {State.NETWORK, State.DISCORD_UNAVAILABLE})),
                ("run_failed", bool(states & {State.RATE_LIMITED, State.INTENTS_MISSING})),
                ("no_reply", State.NO_REPLY in states),
                (
                    "token_invalid",
                    self.service is not None
                    and self.service.connection.state == ConnectionState.TOKEN_INVALID,
                ),
            )
            if not still
        }
        self.banners.clear_keys(settled)

    def refresh_runs(self, newest: bool = False) -> None:
        """Reload the recent runs; keep the selected run unless ``newest`` (after a run finished)."""
        svc = self.service
        if svc is None:
            return
        self.runs_panel.refresh(newest)
        self.header.show_last_run(svc.last_run())

    def _on_connection(self, status: ConnectionStatus) -> None:
        self.header.show_connection(status)
        if status.state == ConnectionState.CONNECTED and self.service is not None:
            self.bridge.spawn(
                self.service.list_guilds(), what=self.tr("List servers"), on_done=self._got_guilds
            )

    def _got_guilds(self, guilds: list[GuildInfo]) -> None:
        """Names for the guild and target bot columns (IDs are shown until these are known)."""
        names: dict[int, str] = {}
        for g in guilds:
            names[g.id] = g.name
            for b in g.bots:
                names[b.id] = b.name
        self.channels_model.set_names(names)

    def _on_schedule(self, event: ScheduleChanged) -> None:
        self._next_run = event.next_run
        self._schedule_state = event.state
        self._update_countdown()
        self._update_buttons()

    def _on_run_started(self, _event: RunStarted) -> None:
        self._running = True
        self.progress.show()
        self.statusBar().showMessage(self.tr("Running keep-alive\u2026"))
        self._update_buttons()

    def _on_run_finished(self, event: RunFinished) -> None:
        self._running = False
        self.progress.setVisible("run_now" in self.bridge.busy or "readd" in self.bridge.busy)
        summary = texts.run_summary(event.report)
        self.statusBar().showMessage(self.tr("Run finished: {0}").format(summary) if summary else "", 8000)
        self.refresh_channels()
        self.refresh_runs(newest=True)
        self._update_buttons()

    def _update_countdown(self) -> None:
        svc = self.service
        if svc is None:
            self.next_label.setText("")
            return
        self.header.show_next_run(
            paused=svc.paused,
            running=self._running or self._schedule_state == SchedulerState.RUNNING,
            waiting=self._schedule_state == SchedulerState.WAITING_FOR_NETWORK,
            next_run=self._next_run,
            zone=svc.config.settings.zone(),
        )

    def _update_buttons(self) -> None:
        svc = self.service
        ready = svc is not None
        row = self.selected_row()
        busy = self.bridge.busy
        for a in (self.act_add, self.act_settings, self.act_token, self.act_pause):
            a.setEnabled(ready)
        for a in (self.act_edit, self.act_remove, self.act_toggle, self.act_detail):
            a.setEnabled(ready and row is not None)
        enabled = row is not None and row.target.enabled
        self.act_toggle.setText(self.tr("&Disable") if enabled or row is None else self.tr("&Enable"))
        self.act_toggle.setIconText(self.tr("Disable") if enabled or row is None else self.tr("Enable"))
        running = "run_now" in busy or self._running
        self.act_run.setEnabled(ready and not running)
        self.act_again.setEnabled(ready and not running and row is not None and row.due == "sent")
        self.act_run.setIconText(self.tr("Running\u2026") if running else self.tr("Run now"))
        missing = self.missing_count()
        self.act_readd.setEnabled(missing > 0 and "readd" not in busy)
        self.btn_readd.setVisible(missing > 0)  # the menu item stays, disabled: the button is the alert
        self.act_readd.setIconText(
            self.tr("Re-add missing channels ({0})").format(missing)
            if "readd" not in busy
            else self.tr("Re-adding\u2026")
        )
        self.act_pause.setText(
            self.tr("&Resume schedule") if svc is not None and svc.paused else self.tr("&Pause schedule")
        )
        self.progress.setVisible(running or "readd" in busy)

    def missing_count(self) -> int:
        """From the rows on screen (refreshed on every ChannelsChanged): no extra history queries."""
        return sum(1 for r in self.channels_model.rows() if r.state == State.MISSING)

    # ------------------------------------------------------------------------------------------ selection
    def selected_row(self) -> Any:
        idx = self.table.selectionModel().selectedRows()
        return self.channels_model.row_at(idx[0].row()) if idx else None

    def selected_uid(self) -> str | None:
        row = self.selected_row()
        return row.target.uid if row is not None else None

    def select_uid(self, uid: str) -> None:
        for i, r in enumerate(self.channels_model.rows()):
            if r.target.uid == uid:
                self.table.selectRow(i)
                return

    # ------------------------------------------------------------------------------------------ actions
    def run_now(self) -> None:
        """Send to what is due; every click answers (a run already going, no token, nothing due)."""
        svc = self.service
        if svc is None:
            self.statusBar().showMessage(self.tr("Still starting; try again in a moment."), 5000)
            return
        if "run_now" in self.bridge.busy or self._running:
            self.statusBar().showMessage(self.tr("A keep-alive run is already going."), 5000)
            return
        state = svc.connection.state
        if state in (ConnectionState.TOKEN_INVALID, ConnectionState.NO_TOKEN):
            self._token_problem(state)
            return
        self.statusBar().showMessage(self.tr("Sending the keep-alive\u2026"))
        self.bridge.spawn(svc.run_now(), what=self.tr("Run now"), busy="run_now", on_done=self._run_done)

    def _token_problem(self, state: ConnectionState) -> None:
        text = (
            self.tr("Discord rejected the bot token, so nothing was sent. Enter a new one in Bot token\u2026")
            if state == ConnectionState.TOKEN_INVALID
            else self.tr("No bot token is set, so nothing was sent. Enter one in Bot token\u2026")
        )
        self.banners.show_message(text, "error", key="token_invalid")
        self.statusBar().showMessage(text, 10000)

    def _run_done(self, report: RunReport) -> None:
        self.refresh_channels()
        self.refresh_runs(newest=True)
        results = report.results
        if any(r.state == State.TOKEN_INVALID for r in results):
            self._token_problem(ConnectionState.TOKEN_INVALID)
        skipped = list(report.skipped_done)
        if skipped and not results:
            self._offer_send_again(set(skipped))
        elif skipped:
            self.statusBar().showMessage(
                self.tr(
                    "Sent to what was due; {0} channel(s) already had today's keep-alive "
                    "(Channels \u2192 Send again now)."
                ).format(len(skipped)),
                10000,
            )

    def _offer_send_again(self, uids: set[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Nothing was due"),
            self.tr(
                "All {0} channel(s) already got the keep-alive for {1}. Send it again now anyway?"
            ).format(len(uids), self._slot_words()),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        again = box.addButton(self.tr("Send again now"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self.send_again(uids) if box.clickedButton() is again else None)
        self._dialogs["send_again"] = box
        box.open()

    def _slot_words(self) -> str:
        """The current slot as a person says it: "today at 00:00" (or "yesterday at 23:00" before today's)."""
        from .models import when_text

        svc = self.service
        assert svc is not None  # asked only after a run finished
        s = svc.config.settings
        slot = s.current_slot(svc.clock.now())
        return when_text(slot.at, s.zone())

    def send_again(self, uids: set[str] | None = None) -> None:
        """Send today's keep-alive once more to channels already done (the selected one from the menu)."""
        svc = self.service
        if svc is None or "run_now" in self.bridge.busy:
            return
        if uids is None:
            row = self.selected_row()
            if row is None:
                return
            uids = {row.target.uid}
        self.statusBar().showMessage(self.tr("Sending the keep-alive again\u2026"))
        self.bridge.spawn(
            svc.send_again(uids), what=self.tr("Send again now"), busy="run_now", on_done=self._run_done
        )

    def readd_missing(self) -> None:
        svc = self.service
        if svc is None or "readd" in self.bridge.busy:
            return
        self.bridge.spawn(
            svc.readd_missing(),
            what=self.tr("Re-add missing channels"),
            busy="readd",
            on_done=self._readd_done,
        )

    def _readd_done(self, report: ReaddReport) -> None:
        entries = list(report.entries)
        ok = [e for e in entries if e.ok]
        if ok:
            self.banners.show_message(self.tr("Re-created {0} channel(s).").format(len(ok)), "info")
        for e in entries:
            if not e.ok:
                self.banners.show_message(
                    self.tr("Could not re-create a channel: {0}").format(texts.readd_entry_message(e)),
                    "error",
                )
        if not entries:
            self.statusBar().showMessage(self.tr("No channel is missing."), 5000)
        else:
            self.statusBar().showMessage(texts.readd_summary(report), 8000)
        self.refresh_channels()
        self.refresh_runs()

    def toggle_pause(self) -> None:
        svc = self.service
        if svc is None:
            return
        if svc.paused:
            svc.resume()
        else:
            svc.pause()
        self._update_countdown()
        self._update_buttons()

    def toggle_enabled(self) -> None:
        row, svc = self.selected_row(), self.service
        if row is None or svc is None:
            return
        self._guard(lambda: svc.set_enabled(row.target.uid, not row.target.enabled))
        self.refresh_channels()

    def remove_channel(self) -> None:
        row, svc = self.selected_row(), self.service
        if row is None or svc is None:
            return
        uid = row.target.uid
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove channel"),
            self.tr(
                "Stop sending keep-alives to {0}?\n"
                "The channel itself stays on Discord; only this app forgets it."
            ).format(texts.shown(row.target.label_message())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self._guard(lambda: svc.remove_target(uid))
                self.refresh_channels()

        box.finished.connect(answered)
        self._dialogs["confirm_remove"] = box
        box.open()

    def add_channel(self) -> None:
        self._open_editor(None)

    def _channel_menu(self, pos: QPoint) -> None:
        if self.table.indexAt(pos).isValid():
            menu = QMenu(self)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.addActions([self.act_detail, self.act_edit, self.act_toggle, self.act_remove])
            self._dialogs["channel_menu"] = menu
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def show_channel_detail(self) -> None:
        """Reply times over 90 days, the channel's runs and its state (ui/channel_detail.py)."""
        row = self.selected_row()
        if row is None or self.service is None:
            return
        from .channel_detail import ChannelDetailDialog

        dlg = ChannelDetailDialog(self.service, row, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs["detail"] = dlg
        dlg.open()

    def edit_channel(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_editor(row.target)

    def _open_editor(self, target: Target | None) -> None:
        if self.service is None:
            return
        from .channel_editor import ChannelEditor

        if self._dialogs.raise_if_open("editor"):
            return
        dlg = ChannelEditor(self.service, self, target=target)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self.refresh_channels())
        self._dialogs["editor"] = dlg
        dlg.open()

    # Each dialog's module is imported when it is first opened: none is needed before the first paint.
    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        self._open_single("settings", lambda svc: SettingsDialog(svc, self))

    def open_token(self) -> None:
        from .token_dialog import TokenDialog

        self._open_single("token", lambda svc: TokenDialog(svc, self))

    def open_import_cdp(self) -> None:
        from .cdp_import_dialog import CdpImportDialog

        self._open_single("import_cdp", lambda svc: CdpImportDialog(svc, self))

    def open_first_run(self) -> None:
        from .first_run import FirstRunWizard

        self._open_single("first_run", lambda svc: FirstRunWizard(svc, self))

    def open_about(self) -> None:
        from .about_dialog import AboutDialog

        if not self._dialogs.raise_if_open("about"):
            self._show_dialog("about", AboutDialog(self.service, self))

    def dialog(self, key: str) -> QWidget | None:
        """The open dialog under ``key``, or None."""
        return self._dialogs.get(key)

    def _open_single(self, key: str, make: Callable[[ServiceApi], QDialog]) -> None:
        """Open one instance of a dialog on the service; raise it when it is already open."""
        svc = self.service
        if not self._dialogs.raise_if_open(key) and svc is not None:
            self._show_dialog(key, make(svc))

    def _show_dialog(self, key: str, dlg: QDialog) -> None:
        self.show_and_raise()
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self._after_dialog())
        self._dialogs.keep(key, dlg)
        dlg.open()

    def _after_dialog(self) -> None:
        self.refresh_channels()
        self._update_countdown()

    def _guard(self, fn: Callable[[], Any]) -> None:
        """Run a quick synchronous service call; a ConfigError or other failure becomes a banner."""
        from ..core.config import ConfigError
        from .widgets import config_error_text

        try:
            fn()
        except Exception as exc:
            log.warning("action failed: %s", exc)
            text = config_error_text(exc) if isinstance(exc, ConfigError) else texts.error_text(exc)
            self.banners.show_message(text, "error")

    def open_log_folder(self) -> None:
        svc = self.service
        if svc is None:
            return
        folder = svc.paths.log_dir
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.banners.show_message(self.tr("Could not open {0}").format(folder), "warning")

    # ------------------------------------------------------------------------------------------ window
    def show_and_raise(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def toggle_visible(self) -> None:
        if self.isVisible() and not self.isMinimized():
            self.hide()
        else:
            self.show_and_raise()

    def set_tray_available(self, available: bool) -> None:
        self.close_policy.tray_available = available

    @property
    def tray_available(self) -> bool:
        return self.close_policy.tray_available

    @property
    def tray_hint(self) -> Callable[[], None] | None:
        return self.close_policy.tray_hint

    @tray_hint.setter
    def tray_hint(self, hint: Callable[[], None] | None) -> None:
        self.close_policy.tray_hint = hint

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_countdown()
        self._tick.start()  # only while visible: an idle tray app should not wake up every second

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._tick.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # the policy hides the window or quits the app (never a closed window left behind)
        self.close_policy.close_requested()
        if self.close_policy.asking is not None:
            self._dialogs["background"] = self.close_policy.asking
