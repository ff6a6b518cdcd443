"""The status window: connection header, channels table, run log, banners.

Everything long (runs, re-adding channels, demo faults) goes through ``ServiceBridge.spawn`` so the window
never blocks; confirmations and dialogs are opened with ``open()`` (never ``exec()`` inside a coroutine).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.errors import EXPLANATIONS, State
from . import icons, texts
from .banner import BannerArea
from .bridge import ServiceBridge
from .cdp_status import CdpEndpointStatus
from .models import ChannelsModel, RunsModel, StateBadgeDelegate, counts_text, fmt_time, state_name

log = logging.getLogger(__name__)
RECENT_RUNS = 50
KEEP_RUNNING_KEY = "ui/keep_running_in_background"  # "yes" | "no" | missing: not asked yet
TRAY_HINT_KEY = "ui/tray_hint_shown"  # "yes" once the "still running in the tray" hint was shown


def format_countdown(seconds: float) -> str:
    """Always H:MM:SS ("0:04:59", "23:59:59"): one format, whether or not a whole hour is left."""
    s = max(0, int(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}"


class MainWindow(QMainWindow):
    quitRequested = Signal()

    def __init__(
        self, bridge: ServiceBridge, *, demo: bool = False, ui_settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.bridge = bridge
        self.demo = demo
        self.ui_settings = ui_settings
        self.tray_available = False
        self._next_run: datetime | None = None
        self._schedule_state = "idle"
        self._running = False
        self._dialogs: dict[str, QWidget] = {}
        self._demo_flags = {"silent": False, "revoked": False, "offline": False}
        self._asking_background = False

        # Qt appends " — CDP Desktop" (the display name) to a title that does not end with it: "CDP Desktop —
        # demo" became "CDP Desktop — demo — CDP Desktop". Ending with it, the title is used as it is.
        demo_word = self.tr("Demo")
        self.setWindowTitle(f"{demo_word} \u2014 {APP_NAME}" if demo else APP_NAME)
        self.tray_hint: Callable[[], None] | None = None  # set by the tray: "still running in the tray"
        self._tray_hint_done = False
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
        if demo:
            self.banners.show_message(
                self.tr(
                    "This is the demo: a local Discord sandbox with its own channels and a target bot "
                    "that replies; nothing reaches Discord and its files are removed on Quit. Try Run now, "
                    "then the Demo menu: delete a channel, silence the bot, take the server offline, revoke "
                    "the token."
                ),
                "info",
                key="demo",
            )

    def _on_error(self, text: str) -> None:
        self.banners.show_message(text, "error")

    @property
    def service(self) -> Any:
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
        if self.demo:
            self.demo_menu = bar.addMenu(self.tr("&Demo"))
            self.demo_menu.aboutToShow.connect(lambda: self.fill_demo_menu(self.demo_menu))
            self.fill_demo_menu(self.demo_menu)
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

        # Header: connection on the left, schedule on the right.
        header = QFrame()
        header.setObjectName("header")
        header.setStyleSheet("#header { border: 1px solid palette(mid); border-radius: 6px; }")
        h = QHBoxLayout(header)
        h.setContentsMargins(10, 8, 10, 8)
        self.conn_icon = QLabel()
        self.conn_icon.setFixedSize(24, 24)
        h.addWidget(self.conn_icon)
        left = QVBoxLayout()
        left.setSpacing(1)
        self.bot_label = QLabel(self.tr("Starting\u2026"))
        f = self.bot_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        self.bot_label.setFont(f)
        self.conn_label = QLabel("")
        self.conn_label.setStyleSheet("color: palette(placeholder-text);")
        left.addWidget(self.bot_label)
        left.addWidget(self.conn_label)
        self.cdp_status = CdpEndpointStatus(self.bridge, header)  # hidden while no cdp_url is set
        left.addWidget(self.cdp_status)
        h.addLayout(left, 1)
        right = QVBoxLayout()
        right.setSpacing(1)
        self.next_label = QLabel("")
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        nf = self.next_label.font()
        nf.setBold(True)
        self.next_label.setFont(nf)
        self.last_label = QLabel("")
        self.last_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.last_label.setStyleSheet("color: palette(placeholder-text);")
        right.addWidget(self.next_label)
        right.addWidget(self.last_label)
        h.addLayout(right)
        outer.addWidget(header)

        # Buttons.
        row = QHBoxLayout()
        row.setSpacing(6)
        self.btn_add = self._button(self.act_add, self.tr("Add\u2026"))
        self.btn_edit = self._button(self.act_edit, self.tr("Edit\u2026"))
        self.btn_toggle = self._button(self.act_toggle, self.tr("Disable"))
        self.btn_remove = self._button(self.act_remove, self.tr("Remove"))
        for b in (self.btn_add, self.btn_edit, self.btn_toggle, self.btn_remove):
            row.addWidget(b)
        row.addStretch(1)
        self.btn_readd = self._button(self.act_readd, self.tr("Re-add missing channels"))
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
        self.btn_run = self._button(self.act_run, self.tr("Run now"))
        self.btn_run.setDefault(True)
        row.addWidget(self.btn_run)
        outer.addLayout(row)

        # Channels table above the run log.
        split = QSplitter(Qt.Orientation.Vertical)
        self.channels_model = ChannelsModel(self)
        self.table = QTableView()
        self.table.setModel(self.channels_model)
        self.table.setItemDelegateForColumn(ChannelsModel.COL_STATE, StateBadgeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(ChannelsModel.COL_ERROR, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 140), (1, 100), (2, 140), (3, 120), (4, 250), (6, 60)):
            self.table.setColumnWidth(col, width)
        from .heartbeat import HeartbeatDelegate

        self.table.setItemDelegateForColumn(ChannelsModel.COL_DAYS, HeartbeatDelegate(self.table))
        self.table.setColumnWidth(ChannelsModel.COL_DAYS, 300)
        # Shown beside the state, so the strip is in view at the default window size.
        hh.moveSection(hh.visualIndex(ChannelsModel.COL_DAYS), ChannelsModel.COL_STATE + 1)
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

        log_box = QWidget()
        lb = QVBoxLayout(log_box)
        lb.setContentsMargins(0, 4, 0, 0)
        lh = QHBoxLayout()
        title = QLabel(self.tr("Recent runs"))
        title.setStyleSheet("font-weight: bold;")
        lh.addWidget(title)
        lh.addStretch(1)
        self.btn_logs = QPushButton(self.tr("Open log folder"))
        self.btn_logs.setFlat(True)
        self.btn_logs.clicked.connect(self.open_log_folder)
        lh.addWidget(self.btn_logs)
        lb.addLayout(lh)
        log_split = QSplitter(Qt.Orientation.Horizontal)
        self.runs_model = RunsModel(self)
        self.runs = QTableView()
        self.runs.setModel(self.runs_model)
        self.runs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.runs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs.setShowGrid(False)
        self.runs.verticalHeader().hide()
        self.runs.verticalHeader().setDefaultSectionSize(24)
        self.runs.horizontalHeader().setStretchLastSection(True)
        self.runs.setColumnWidth(0, 120)
        self.runs.setColumnWidth(1, 80)
        self.runs.setColumnWidth(2, 80)
        self.runs.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_run(cur.row()))
        self.run_detail = QTextBrowser()
        self.run_detail.setOpenLinks(False)
        self.run_detail.setPlaceholderText(self.tr("Select a run to see what happened."))
        log_split.addWidget(self.runs)
        log_split.addWidget(self.run_detail)
        log_split.setSizes([420, 440])
        lb.addWidget(log_split)
        split.addWidget(log_box)
        split.setSizes([330, 210])
        outer.addWidget(split, 1)

        self.statusBar().setSizeGripEnabled(True)

    def _button(self, action: QAction, text: str) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(action.trigger)
        return b

    # ------------------------------------------------------------------------------------------ state
    def _on_service_ready(self, service: Any) -> None:
        for w in getattr(service, "load_warnings", []) or []:
            self.banners.show_message(str(w), "warning")
        self._on_connection(service.connection)
        self._next_run = service.next_run()
        self._schedule_state = "paused" if service.paused else "idle"
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
                ("token_invalid", getattr(self.service.connection, "state", "") == "token_invalid"),
            )
            if not still
        }
        self.banners.clear_keys(settled)

    def refresh_runs(self, newest: bool = False) -> None:
        """Reload the recent runs; keep the selected run unless ``newest`` (after a run finished)."""
        svc = self.service
        if svc is None:
            return
        current = self.runs.currentIndex()
        run_id = self.runs_model.run_at(current.row()).id if current.isValid() and not newest else None
        self.runs_model.zone = svc.config.settings.zone()
        self.runs_model.set_runs(svc.recent_runs(RECENT_RUNS))
        row = self.runs_model.row_of(run_id) if run_id is not None else None
        if row is None and self.runs_model.rowCount():
            row = 0
        if row is not None:
            self.runs.selectionModel().setCurrentIndex(
                self.runs_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show_run(row)
        self._update_last_run()

    def _update_last_run(self) -> None:
        svc = self.service
        last = svc.last_run() if svc is not None else None
        if last is None:
            self.last_label.setText(self.tr("No runs yet"))
            return
        when = fmt_time(last.finished_at or last.started_at)
        summary = counts_text(last.counts) if last.counts else self.tr("nothing was due")
        self.last_label.setText(self.tr("Last run {when}: {summary}").format(when=when, summary=summary))

    def _show_run(self, row: int) -> None:
        svc = self.service
        if svc is None or row < 0 or row >= self.runs_model.rowCount():
            self.run_detail.clear()
            return
        import html  # only here: not needed before the first paint

        run = self.runs_model.run_at(row)
        from .models import when_text

        zone = svc.config.settings.zone()
        # A manual run before today's slot covers yesterday's slot: say so, with the run's own time.
        heading = self.tr("{trigger} run {when} \u2014 for the keep-alive due {slot}").format(
            trigger=self.runs_model.trigger_name(run.trigger),
            when=when_text(run.started_at, zone),
            slot=when_text(run.slot_at, zone),
        )
        parts = [f"<b>{html.escape(heading)}</b><br>"]
        results = svc.run_results(run.id)
        if results:
            parts.append("<table cellspacing='0' cellpadding='1'>")
            for r in results:
                col = icons.COLORS[icons.state_category(r.state)]
                lat = f" ({r.reply_latency:.1f} s)" if getattr(r, "reply_latency", None) else ""
                # The state's own explanation is the tooltip of the badge already: show only real details.
                plain = r.message and r.message != EXPLANATIONS[State(r.state)].summary
                msg = f" \u2014 {html.escape(r.message)}" if plain else ""
                parts.append(
                    f"<tr><td><span style='color:{col}'>\u25cf</span> {html.escape(r.label)}</td>"
                    f"<td>&nbsp;<span style='color:{col}'>{html.escape(state_name(r.state))}</span>"
                    f"{html.escape(lat)}{msg}</td></tr>"
                )
            parts.append("</table>")
        lines = svc.run_log(run.id)
        if lines:
            parts.append("<p style='white-space:pre-wrap; font-family:monospace; margin-top:6px'>")
            for line in lines:
                color = {"ERROR": icons.COLORS["error"], "WARNING": icons.COLORS["warning"]}.get(
                    str(line.level).upper(), ""
                )
                text = f"{line.at.astimezone().strftime('%H:%M:%S')} {html.escape(line.text)}"
                parts.append(f"<span style='color:{color}'>{text}</span><br>" if color else text + "<br>")
            parts.append("</p>")
        self.run_detail.setHtml("".join(parts))

    def _on_connection(self, status: Any) -> None:
        names = {
            "connecting": self.tr("Connecting\u2026"),
            "connected": self.tr("Connected"),
            "reconnecting": self.tr("Reconnecting\u2026"),
            "offline": self.tr("Offline"),
            "token_invalid": self.tr("Token rejected by Discord"),
            "no_token": self.tr("No bot token"),
        }
        state = getattr(status, "state", "offline")
        kind = {"connected": "ok", "connecting": "paused", "reconnecting": "warning"}.get(state, "error")
        if state == "offline":
            kind = "offline"
        self.conn_icon.setPixmap(icons.painted_icon(kind, sizes=(24,)).pixmap(24, 24))
        self.bot_label.setText(status.bot_name or APP_NAME)
        parts = [names.get(state, state)]
        if status.proxy:
            parts.append(self.tr("via proxy {0}").format(status.proxy))
        if status.detail and state != "connected":
            parts.append(status.detail)
        self.conn_label.setText(" \u00b7 ".join(parts))
        self.conn_label.setToolTip(status.detail or "")
        if state == "connected" and self.service is not None:
            self.bridge.spawn(
                self.service.list_guilds(), what=self.tr("List servers"), on_done=self._got_guilds
            )

    def _got_guilds(self, guilds: list[Any]) -> None:
        """Names for the guild and target bot columns (IDs are shown until these are known)."""
        names: dict[int, str] = {}
        for g in guilds:
            names[g.id] = g.name
            for b in g.bots:
                names[b.id] = b.name
        self.channels_model.set_names(names)

    def _on_schedule(self, event: Any) -> None:
        self._next_run = event.next_run
        self._schedule_state = event.state
        self._update_countdown()
        self._update_buttons()

    def _on_run_started(self, _event: Any) -> None:
        self._running = True
        self.progress.show()
        self.statusBar().showMessage(self.tr("Running keep-alive\u2026"))
        self._update_buttons()

    def _on_run_finished(self, report: Any) -> None:
        self._running = False
        self.progress.setVisible("run_now" in self.bridge.busy or "readd" in self.bridge.busy)
        summary = texts.run_summary(report) if hasattr(report, "counts") else ""
        self.statusBar().showMessage(self.tr("Run finished: {0}").format(summary) if summary else "", 8000)
        self.refresh_channels()
        self.refresh_runs(newest=True)
        self._update_buttons()

    def _update_countdown(self) -> None:
        svc = self.service
        if svc is None:
            self.next_label.setText("")
            return
        if svc.paused:
            self.next_label.setText(self.tr("Paused"))
            return
        if self._running or self._schedule_state == "running":
            self.next_label.setText(self.tr("Running\u2026"))
            return
        if self._schedule_state == "waiting_for_network":
            self.next_label.setText(self.tr("Waiting for the network"))
            return
        nxt = self._next_run
        if nxt is None:
            self.next_label.setText(self.tr("No run scheduled"))
            return
        left = (nxt - datetime.now(nxt.tzinfo)).total_seconds()
        zone = svc.config.settings.zone()
        at = f"{nxt.astimezone(zone).strftime('%H:%M')} {zone.key}"  # named: may differ from the system's
        if left <= 0:
            self.next_label.setText(self.tr("Next run due now ({0})").format(at))
        else:
            self.next_label.setText(
                self.tr("Next run in {countdown} (at {time})").format(
                    countdown=format_countdown(left), time=at
                )
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
        self.btn_toggle.setText(self.tr("Disable") if enabled or row is None else self.tr("Enable"))
        running = "run_now" in busy or self._running
        self.act_run.setEnabled(ready and not running)
        self.act_again.setEnabled(ready and not running and row is not None and row.due == "sent")
        self.btn_run.setText(self.tr("Running\u2026") if running else self.tr("Run now"))
        missing = self.missing_count()
        self.act_readd.setEnabled(missing > 0 and "readd" not in busy)
        self.btn_readd.setVisible(missing > 0)
        self.btn_readd.setText(
            self.tr("Re-add missing channels ({0})").format(missing)
            if "readd" not in busy
            else self.tr("Re-adding\u2026")
        )
        self.act_pause.setText(
            self.tr("&Resume schedule") if ready and svc.paused else self.tr("&Pause schedule")
        )
        for b, a in (
            (self.btn_add, self.act_add),
            (self.btn_edit, self.act_edit),
            (self.btn_toggle, self.act_toggle),
            (self.btn_remove, self.act_remove),
            (self.btn_run, self.act_run),
            (self.btn_readd, self.act_readd),
        ):
            b.setEnabled(a.isEnabled())
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
        state = getattr(svc.connection, "state", "")
        if state in ("token_invalid", "no_token"):
            self._token_problem(state)
            return
        self.statusBar().showMessage(self.tr("Sending the keep-alive\u2026"))
        self.bridge.spawn(svc.run_now(), what=self.tr("Run now"), busy="run_now", on_done=self._run_done)

    def _token_problem(self, state: str) -> None:
        text = (
            self.tr("Discord rejected the bot token, so nothing was sent. Enter a new one in Bot token\u2026")
            if state == "token_invalid"
            else self.tr("No bot token is set, so nothing was sent. Enter one in Bot token\u2026")
        )
        self.banners.show_message(text, "error", key="token_invalid")
        self.statusBar().showMessage(text, 10000)

    def _run_done(self, report: Any) -> None:
        self.refresh_channels()
        self.refresh_runs(newest=True)
        results = list(getattr(report, "results", []) or [])
        if any(r.state == State.TOKEN_INVALID for r in results):
            self._token_problem("token_invalid")
        skipped = list(getattr(report, "skipped_done", []) or [])
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
        s = svc.config.settings
        from ..core import schedule

        slot = schedule.current_slot(svc.clock.now(), s.time_of_day, s.zone(), s.jitter_seconds)
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

    def _readd_done(self, report: Any) -> None:
        items = list(getattr(report, "entries", None) or getattr(report, "items", None) or [])
        ok = [i for i in items if _item(i, "ok", 3)]
        bad = [i for i in items if not _item(i, "ok", 3)]
        if ok:
            self.banners.show_message(self.tr("Re-created {0} channel(s).").format(len(ok)), "info")
        for i in bad:
            self.banners.show_message(
                self.tr("Could not re-create a channel: {0}").format(
                    texts.readd_entry_message(i) if hasattr(i, "ok") else _item(i, "message", 4)
                ),
                "error",
            )
        if not items:
            self.statusBar().showMessage(self.tr("No channel is missing."), 5000)
        elif hasattr(report, "entries"):
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
        row = self.selected_row()
        if row is None or self.service is None:
            return
        self._guard(lambda: self.service.set_enabled(row.target.uid, not row.target.enabled))
        self.refresh_channels()

    def remove_channel(self) -> None:
        row = self.selected_row()
        if row is None or self.service is None:
            return
        uid = row.target.uid
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove channel"),
            self.tr(
                "Stop sending keep-alives to {0}?\n"
                "The channel itself stays on Discord; only this app forgets it."
            ).format(row.target.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self._guard(lambda: self.service.remove_target(uid))
                self.refresh_channels()

        box.finished.connect(answered)
        self._dialogs["confirm_remove"] = box
        box.open()

    def add_channel(self) -> None:
        self._open_editor(None)

    def _channel_menu(self, pos: Any) -> None:
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

    def _open_editor(self, target: Any) -> None:
        if self.service is None:
            return
        try:
            from .channel_editor import ChannelEditor
        except ImportError as exc:
            self._unavailable(exc)
            return
        existing = self.dialog("editor")
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        dlg = ChannelEditor(self.service, self, target=target)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self.refresh_channels())
        self._dialogs["editor"] = dlg
        dlg.open()

    def open_settings(self) -> None:
        self._open_single("settings", "settings_dialog", "SettingsDialog")

    def open_token(self) -> None:
        self._open_single("token", "token_dialog", "TokenDialog")

    def open_import_cdp(self) -> None:
        self._open_single("import_cdp", "cdp_import_dialog", "CdpImportDialog")

    def open_first_run(self) -> None:
        self._open_single("first_run", "first_run", "FirstRunWizard")

    def open_about(self) -> None:
        self._open_single("about", "about_dialog", "AboutDialog", needs_service=False)

    def dialog(self, key: str) -> QWidget | None:
        """The open dialog under ``key``, or None. A dialog closed with WA_DeleteOnClose leaves a Python
        wrapper whose C++ object is gone: touching it raised "Internal C++ object already deleted" and the
        dialog could never be opened again."""
        from shiboken6 import isValid

        dlg = self._dialogs.get(key)
        if dlg is not None and not isValid(dlg):
            del self._dialogs[key]
            return None
        return dlg

    def _open_single(self, key: str, module: str, cls_name: str, *, needs_service: bool = True) -> None:
        """Open one instance of a dialog; raise it when it is already open."""
        existing = self.dialog(key)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        if needs_service and self.service is None:
            return
        try:
            mod = __import__(f"{__package__}.{module}", fromlist=[cls_name])
            cls = getattr(mod, cls_name)
        except (ImportError, AttributeError) as exc:
            self._unavailable(exc)
            return
        self.show_and_raise()
        dlg = cls(self.service, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self._after_dialog())
        dlg.destroyed.connect(lambda _o=None, k=key: self.dialog(k))  # forget it once Qt deleted it
        self._dialogs[key] = dlg
        dlg.open()

    def _after_dialog(self) -> None:
        self.refresh_channels()
        self._update_countdown()

    def _unavailable(self, exc: BaseException) -> None:
        log.warning("dialog unavailable: %s", exc)
        self.banners.show_message(self.tr("This dialog is not available: {0}").format(exc), "error")

    def _guard(self, fn: Callable[[], Any]) -> None:
        """Run a quick synchronous service call; a ConfigError or other failure becomes a banner."""
        try:
            fn()
        except Exception as exc:
            log.warning("action failed: %s", exc)
            self.banners.show_message(str(exc), "error")

    def open_log_folder(self) -> None:
        svc = self.service
        if svc is None:
            return
        folder = svc.paths.log_dir
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.banners.show_message(self.tr("Could not open {0}").format(folder), "warning")

    # ------------------------------------------------------------------------------------------ demo
    def fill_demo_menu(self, menu: QMenu) -> None:
        """(Re)build a Demo menu: faults to inject into the in-process sandbox."""
        menu.clear()
        f = self._demo_flags
        items: list[tuple[str, str, tuple[Any, ...], str | None]] = [
            (self.tr("Delete a channel on the server"), "delete_channel", (), None),
            (
                self.tr("Let the target bot reply") if f["silent"] else self.tr("Silence the target bot"),
                "silence_target",
                (not f["silent"],),
                "silent",
            ),
            (
                self.tr("Restore the token") if f["revoked"] else self.tr("Revoke the token"),
                "restore_token" if f["revoked"] else "revoke_token",
                (),
                "revoked",
            ),
            (
                self.tr("Bring the server back") if f["offline"] else self.tr("Take the server offline"),
                "go_online" if f["offline"] else "go_offline",
                (),
                "offline",
            ),
        ]
        enabled = self.service is not None and getattr(self.service, "demo", None) is not None
        for text, method, args, flag in items:
            a = menu.addAction(text)
            a.setEnabled(enabled)
            a.setObjectName(f"demo_{method}")
            a.triggered.connect(
                lambda _c=False, m=method, ar=args, fl=flag, t=text: self.demo_action(m, ar, fl, t)
            )

    def demo_action(
        self, method: str, args: tuple[Any, ...] = (), flag: str | None = None, what: str = ""
    ) -> None:
        demo = getattr(self.service, "demo", None)
        if demo is None:
            return
        try:
            result = getattr(demo, method)(*args)
        except Exception as exc:
            self.bridge.report_exception(exc, what or method)
            return
        if flag is not None:
            self._demo_flags[flag] = not self._demo_flags[flag]
        import inspect

        if inspect.isawaitable(result):
            self.bridge.spawn(
                _await(result), what=what or method, on_done=lambda r: self._demo_done(method, r)
            )
        else:
            self._demo_done(method, result)

    def _demo_done(self, method: str, result: Any) -> None:
        if method == "restore_token" and self.service is not None:
            # The client stopped for good when Discord rejected the token: log in again with the restored one.
            self.bridge.spawn(self.service.reconnect(), what=self.tr("Restore the token"))
        if method == "delete_channel":
            text = (
                self.tr(
                    "Demo: channel {0} was deleted on the server. Run now to see the app notice it."
                ).format(result)
                if result
                else self.tr("Demo: no configured channel is left to delete.")
            )
            self.statusBar().showMessage(text, 10000)
        self.refresh_channels()

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
        self.tray_available = available

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_countdown()
        self._tick.start()  # only while visible: an idle tray app should not wake up every second

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._tick.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing hides the window; with no tray, ask once whether to keep running in the background."""
        if self.tray_available:
            event.ignore()
            self.hide()
            self._hint_tray_once()
            return
        answer = self.ui_settings.value(KEEP_RUNNING_KEY) if self.ui_settings is not None else None
        if answer == "yes":
            event.ignore()
            self.hide()
            return
        if answer == "no":
            event.ignore()
            self.quitRequested.emit()
            return
        event.ignore()
        self._ask_background()

    def _hint_tray_once(self) -> None:
        """The first time the window is closed, say that the app keeps running in the tray (once ever)."""
        if self._tray_hint_done or self.tray_hint is None:
            return
        if self.ui_settings is not None and self.ui_settings.value(TRAY_HINT_KEY) == "yes":
            self._tray_hint_done = True
            return
        self._tray_hint_done = True
        self.tray_hint()
        if self.ui_settings is not None:
            self.ui_settings.setValue(TRAY_HINT_KEY, "yes")
            self.ui_settings.sync()

    def _ask_background(self) -> None:
        if self._asking_background:
            return
        self._asking_background = True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Keep running?"),
            self.tr(
                "There is no system tray on this desktop. Keep sending keep-alives in the background after "
                "the window closes?\nStart CDP Desktop again to bring the window back."
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Keep running"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Quit"))
        remember = QCheckBox(self.tr("Don't ask again"))
        remember.setChecked(True)
        box.setCheckBox(remember)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            self._asking_background = False
            if result == QMessageBox.StandardButton.Cancel:
                return
            keep = result == QMessageBox.StandardButton.Yes
            if remember.isChecked() and self.ui_settings is not None:
                self.ui_settings.setValue(KEEP_RUNNING_KEY, "yes" if keep else "no")
                self.ui_settings.sync()
            if keep:
                self.hide()
            else:
                self.quitRequested.emit()

        box.finished.connect(answered)
        self._dialogs["background"] = box
        box.open()


def _item(item: Any, name: str, pos: int) -> Any:
    """A re-add report item, as an object with attributes or as a tuple."""
    if hasattr(item, name):
        return getattr(item, name)
    try:
        return item[pos]
    except (TypeError, IndexError):
        return None


async def _await(aw: Any) -> Any:
    return await aw
