"""The main window's body under its menu bar: banners, the status header, the action buttons, the channels
table above the run log. Built by ``MainWindow.build`` after the frame has been painted (ui/main_window.py),
so nothing here is imported before the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSplitter, QVBoxLayout, QWidget

from . import icons
from .action_button import ActionButton
from .banner import BannerArea
from .channels_table import ChannelsTable
from .run_detail import RunsPanel
from .status_header import StatusHeader

if TYPE_CHECKING:
    from .main_window import MainWindow


def lay_out(win: MainWindow) -> None:
    """Create the window's parts as its attributes (``win.table``, ``win.header``, ``win.btn_run`` …)."""
    central = QWidget()
    outer = QVBoxLayout(central)
    outer.setContentsMargins(10, 8, 10, 8)
    outer.setSpacing(8)
    win.setCentralWidget(central)

    win.banners = BannerArea()
    outer.addWidget(win.banners)

    win.header = StatusHeader(win.bridge)
    outer.addWidget(win.header)
    h = win.header  # its parts, as the window's (tests and the tray hint read them)
    win.conn_icon, win.bot_label, win.conn_label = h.conn_icon, h.bot_label, h.conn_label
    win.cdp_status, win.next_label, win.last_label = h.cdp_status, h.next_label, h.last_label

    # Buttons.
    row = QHBoxLayout()
    row.setSpacing(6)
    win.btn_add = ActionButton(win.act_add)
    win.btn_edit = ActionButton(win.act_edit)
    win.btn_toggle = ActionButton(win.act_toggle)
    win.btn_remove = ActionButton(win.act_remove)
    for b in (win.btn_add, win.btn_edit, win.btn_toggle, win.btn_remove):
        row.addWidget(b)
    row.addStretch(1)
    win.btn_readd = ActionButton(win.act_readd)
    warn = icons.COLORS["warning"]
    win.btn_readd.setStyleSheet(
        f"QPushButton {{ background: {warn}; color: white; font-weight: bold; border-radius: 4px;"
        f" padding: 4px 12px; border: 1px solid {icons.color('warning').darker(120).name()}; }}"
        f"QPushButton:hover {{ background: {icons.color('warning').lighter(112).name()}; }}"
    )
    row.addWidget(win.btn_readd)
    win.progress = QProgressBar()
    win.progress.setRange(0, 0)
    win.progress.setMaximumWidth(90)
    win.progress.setMaximumHeight(14)
    win.progress.setTextVisible(False)
    win.progress.hide()
    row.addWidget(win.progress)
    win.btn_run = ActionButton(win.act_run)
    win.btn_run.setDefault(True)
    row.addWidget(win.btn_run)
    outer.addLayout(row)

    # Channels table above the run log.
    split = QSplitter(Qt.Orientation.Vertical)
    win.table = ChannelsTable()
    win.channels_model = win.table.channels
    win.table.doubleClicked.connect(lambda _i: win.show_channel_detail())
    win.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    win.table.customContextMenuRequested.connect(win._channel_menu)
    win.table.selectionModel().selectionChanged.connect(lambda *_: win._update_buttons())
    win.empty_hint = QLabel(
        QCoreApplication.translate(
            "MainWindow", "No channels yet. Click \u201cAdd\u2026\u201d to choose one."
        )
    )
    win.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    win.empty_hint.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
    top = QWidget()
    tl = QVBoxLayout(top)
    tl.setContentsMargins(0, 0, 0, 0)
    tl.addWidget(win.table)
    tl.addWidget(win.empty_hint)
    split.addWidget(top)

    win.runs_panel = RunsPanel(win.bridge)
    win.runs_panel.openLogFolder.connect(win.open_log_folder)
    panel = win.runs_panel  # its parts, as the window's (tests read them)
    win.runs, win.runs_model, win.run_detail = panel.runs, panel.runs_model, panel.detail
    win.btn_logs = panel.btn_logs
    split.addWidget(win.runs_panel)
    split.setSizes([330, 210])
    outer.addWidget(split, 1)
