"""The status window: connection header, channels table, run log, banners.

Everything long (runs, re-adding channels, demo faults) goes through ``ServiceBridge.spawn`` so the window
never blocks; confirmations and dialogs are opened with ``open()`` (never ``exec()`` inside a coroutine).

Built in two steps. ``MainWindow()`` is the frame: title, size, menu bar, "Starting…" in the status bar, the
close policy. ``build(bridge)`` adds everything else. The app (ui/app.py) paints the frame first and builds
the rest right after that paint, so the modules this file needs only for the parts (the tables, the header,
the service's types, Qt's ``Qt`` namespace) are imported inside the methods that use them, not at module
level. ``MainWindow(bridge)`` does both steps at once (tests, tools).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from .. import APP_NAME
from ..core.errors import State
from .close_policy import ClosePolicy
from .open_dialogs import OpenDialogs

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QShowEvent
    from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QTableView

    from ..core.config import Target
    from ..core.engine import ReaddReport, RunReport
    from ..core.ports import ConnectionState, ConnectionStatus, GuildInfo
    from ..service.events import RunFinished, RunStarted, ScheduleChanged
    from .action_button import ActionButton
    from .banner import BannerArea
    from .bridge import ServiceBridge
    from .cdp_status import CdpEndpointStatus
    from .channels_table import ChannelsTable
    from .demo_menu import DemoMenu
    from .models import ChannelsModel, RunsModel
    from .run_detail import RunDetailView, RunsPanel
    from .service_api import ServiceApi
    from .status_header import StatusHeader

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    quitRequested = Signal()

    # Made by build() (the names tests and the tray read).
    bridge: ServiceBridge
    demo_items: DemoMenu | None  # fills the Demo menus (window and tray)
    banners: BannerArea
    header: StatusHeader
    conn_icon: QLabel
    bot_label: QLabel
    conn_label: QLabel
    cdp_status: CdpEndpointStatus
    next_label: QLabel
    last_label: QLabel
    table: ChannelsTable
    channels_model: ChannelsModel
    empty_hint: QLabel
    progress: QProgressBar
    runs_panel: RunsPanel
    runs: QTableView
    runs_model: RunsModel
    run_detail: RunDetailView
    btn_logs: QPushButton
    btn_add: ActionButton
    btn_edit: ActionButton
    btn_toggle: ActionButton
    btn_remove: ActionButton
    btn_readd: ActionButton
    btn_run: ActionButton

    def __init__(
        self,
        bridge: ServiceBridge | None = None,
        *,
        demo: bool = False,
        ui_settings: QSettings | None = None,
    ) -> None:
        """The frame; with ``bridge``, the whole window (``build`` at once)."""
        super().__init__()
        self.demo = demo
        self.ui_settings = ui_settings
        self.built = False
        self.close_policy = ClosePolicy(self, ui_settings, self.quitRequested.emit)
        self._next_run: datetime | None = None
        self._running = False
        self._dialogs = OpenDialogs()

        # Qt appends " — CDP Desktop" (the display name) to a title that does not end with it: "CDP Desktop —
        # demo" became "CDP Desktop — demo — CDP Desktop". Ending with it, the title is used as it is.
        demo_word = self.tr("Demo")
        self.setWindowTitle(f"{demo_word} \u2014 {APP_NAME}" if demo else APP_NAME)
        self.resize(880, 600)
        self.setMinimumSize(620, 420)
        bar = self.menuBar()  # the menus' titles are in the first frame, their items come with build()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.channels_menu = bar.addMenu(self.tr("&Channels"))
        self.demo_menu = bar.addMenu(self.tr("&Demo")) if demo else None
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.statusBar().setSizeGripEnabled(True)
        self.statusBar().showMessage(self.tr("Starting\u2026"))
        if bridge is not None:
            self.build(bridge)

    def build(self, bridge: ServiceBridge) -> None:
        """Everything but the frame: actions, menus' items, header, buttons, tables, run log, and the
        bridge's signals."""
        from ..service.events import SchedulerState
        from .demo_menu import DemoMenu
        from .window_layout import lay_out

        self.bridge = bridge
        self._schedule_state = SchedulerState.IDLE
        self.demo_items = DemoMenu(self) if self.demo else None
        self._build_actions()
        self._fill_menus()
        lay_out(self)
        self.statusBar().clearMessage()

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
        self.built = True
        if self.isVisible():  # built after the frame was shown: what showEvent would have started
            self._update_countdown()
            self._tick.start()

    def _on_error(self, text: str) -> None:
        self.banners.show_message(text, "error")

    @property
    def service(self) -> ServiceApi | None:
        return self.bridge.service if self.built else None

    # ------------------------------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        from . import icons

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

    def _fill_menus(self) -> None:
        m = self.file_menu
        m.addActions([self.act_settings, self.act_token, self.act_import_cdp, self.act_logs])
        m.addSeparator()
        m.addActions([self.act_close, self.act_quit])
        m = self.channels_menu
        m.addActions([self.act_add, self.act_detail, self.act_edit, self.act_toggle, self.act_remove])
        m.addSeparator()
        m.addActions([self.act_run, self.act_again, self.act_readd, self.act_pause])
        if self.demo_items is not None and self.demo_menu is not None:
            items, menu = self.demo_items, self.demo_menu
            menu.aboutToShow.connect(lambda: items.fill(menu))
            items.fill(menu)
        self.help_menu.addAction(self.act_about)

    # ------------------------------------------------------------------------------------------ state
    def _on_service_ready(self, service: ServiceApi) -> None:
        from ..service.events import SchedulerState
        from . import texts

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
        from ..core.ports import ConnectionState

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
        from ..core.ports import ConnectionState

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
        from . import texts

        self._running = False
        self.progress.setVisible("run_now" in self.bridge.busy or "readd" in self.bridge.busy)
        summary = texts.run_summary(event.report)
        self.statusBar().showMessage(self.tr("Run finished: {0}").format(summary) if summary else "", 8000)
        self.refresh_channels()
        self.refresh_runs(newest=True)
        self._update_buttons()

    def _update_countdown(self) -> None:
        from ..service.events import SchedulerState

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
        from ..core.ports import ConnectionState

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
        from ..core.ports import ConnectionState

        text = (
            self.tr("Discord rejected the bot token, so nothing was sent. Enter a new one in Bot token\u2026")
            if state == ConnectionState.TOKEN_INVALID
            else self.tr("No bot token is set, so nothing was sent. Enter one in Bot token\u2026")
        )
        self.banners.show_message(text, "error", key="token_invalid")
        self.statusBar().showMessage(text, 10000)

    def _run_done(self, report: RunReport) -> None:
        from ..core.ports import ConnectionState

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
        from PySide6.QtWidgets import QMessageBox

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
        from . import texts

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
        from PySide6.QtWidgets import QMessageBox

        from . import texts

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
            from PySide6.QtWidgets import QMenu

            menu = QMenu(self)
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
        dlg.finished.connect(lambda _r: self._after_dialog())
        self._dialogs.keep(key, dlg)
        dlg.open()

    def _after_dialog(self) -> None:
        self.refresh_channels()
        self._update_countdown()

    def _guard(self, fn: Callable[[], Any]) -> None:
        """Run a quick synchronous service call; a ConfigError or other failure becomes a banner."""
        from ..core.config import ConfigError
        from . import texts
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
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

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
        if self.built:
            self._update_countdown()
            self._tick.start()  # only while visible: an idle tray app should not wake up every second

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.built:
            self._tick.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # the policy hides the window or quits the app (never a closed window left behind)
        self.close_policy.close_requested()
        if self.close_policy.asking is not None:
            self._dialogs["background"] = self.close_policy.asking
