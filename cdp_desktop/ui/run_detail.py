"""The recent runs and what happened in the selected one: a heading, each channel's outcome, the run's log.

Everything is rendered when shown, in the window's language: a result's explanation and a log line's message
where the history stored one, the English text it stored otherwise (runs recorded by an older version).
"""

from __future__ import annotations

import html
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..core.run_texts import shown_label
from . import icons
from .models import RunsModel, state_name, when_text
from .texts import shown

if TYPE_CHECKING:
    from ..core.history import ChannelResult, LogLine, RunRecord
    from .bridge import ServiceBridge

RECENT_RUNS = 50

_LEVEL_COLORS = {"ERROR": "error", "WARNING": "warning"}


class RunDetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr("Select a run to see what happened."))

    def show_run(
        self,
        run: RunRecord,
        trigger: str,
        zone: tzinfo,
        results: list[ChannelResult],
        lines: list[LogLine],
    ) -> None:
        """``trigger``: the run's trigger in words; ``zone``: the configured time zone for the times."""
        # A manual run before today's slot covers yesterday's slot: say so, with the run's own time.
        heading = self.tr("{trigger} run {when} \u2014 for the keep-alive due {slot}").format(
            trigger=trigger, when=when_text(run.started_at, zone), slot=when_text(run.slot_at, zone)
        )
        parts = [f"<b>{html.escape(heading)}</b><br>"]
        if results:
            parts.append("<p style='margin-top:4px'>")
            parts.extend(self._result_row(r) for r in results)
            parts.append("</p>")
        if lines:
            parts.append("<p style='white-space:pre-wrap; font-family:monospace; margin-top:6px'>")
            for line in lines:
                color = icons.COLORS.get(_LEVEL_COLORS.get(str(line.level).upper(), ""), "")
                text = f"{line.at.astimezone().strftime('%H:%M:%S')} {html.escape(_line_text(line))}"
                parts.append(f"<span style='color:{color}'>{text}</span><br>" if color else text + "<br>")
            parts.append("</p>")
        self.setHtml("".join(parts))

    def _result_row(self, r: ChannelResult) -> str:
        col = icons.COLORS[icons.state_category(r.state)]
        # The space is part of the text: a Chinese line puts none before its full-width bracket.
        latency = (
            self.tr(" ({seconds} s)").format(seconds=f"{r.reply_latency:.1f}") if r.reply_latency else ""
        )
        detail = _result_detail(r)
        msg = f" \u2014 {html.escape(detail)}" if detail else ""
        return (
            f"<span style='color:{col}'>\u25cf</span> {html.escape(shown(shown_label(r.label)))}&nbsp; "
            f"<span style='color:{col}'>{html.escape(state_name(r.state))}</span>"
            f"{html.escape(latency)}{msg}<br>"
        )


def _result_detail(r: ChannelResult) -> str:
    """What a result says beyond its state, in the window's language ("" when nothing more): the badge's
    tooltip already explains the state."""
    return r.explanation().render(i18n.qt_translate) if r.has_detail else ""


def _line_text(line: LogLine) -> str:
    """A log line in the window's language: its stored message, or the English text older lines kept."""
    return line.message().render(i18n.qt_translate)


class RunsPanel(QWidget):
    """The lower half of the window: recent runs on the left, the selected run's details on the right."""

    openLogFolder = Signal()

    def __init__(self, bridge: ServiceBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        lb = QVBoxLayout(self)
        lb.setContentsMargins(0, 4, 0, 0)
        lh = QHBoxLayout()
        title = QLabel(self.tr("Recent runs"))
        title.setStyleSheet("font-weight: bold;")
        lh.addWidget(title)
        lh.addStretch(1)
        self.btn_logs = QPushButton(self.tr("Open log folder"))
        self.btn_logs.setFlat(True)
        self.btn_logs.clicked.connect(self.openLogFolder)
        lh.addWidget(self.btn_logs)
        lb.addLayout(lh)
        split = QSplitter(Qt.Orientation.Horizontal)
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
        for col, width in ((0, 120), (1, 80), (2, 80)):
            self.runs.setColumnWidth(col, width)
        self.runs.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_row(cur.row()))
        self.detail = RunDetailView()
        split.addWidget(self.runs)
        split.addWidget(self.detail)
        split.setSizes([420, 440])
        lb.addWidget(split)

    def refresh(self, newest: bool = False) -> None:
        """Reload the recent runs; keep the selected run unless ``newest`` (after a run finished)."""
        svc = self.bridge.service
        if svc is None:
            return
        current = self.runs.currentIndex()
        run_id = self.runs_model.run_at(current.row()).id if current.isValid() and not newest else None
        self.runs_model.zone = svc.config.settings.zone()
        self.runs_model.set_runs(svc.recent_runs(RECENT_RUNS))
        row = self.runs_model.row_of(run_id) if run_id is not None else None
        if row is None and self.runs_model.rowCount():
            row = 0
        if row is None:
            return
        if self.runs.currentIndex().row() == row:
            self.show_row(row)  # the same row again: no currentRowChanged, so fill the detail here
            return
        # Moving the current row fills the detail through currentRowChanged; once, not twice (500 results
        # rendered twice were a quarter of the window's opening time).
        self.runs.selectionModel().setCurrentIndex(
            self.runs_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def show_row(self, row: int) -> None:
        svc = self.bridge.service
        if svc is None or row < 0 or row >= self.runs_model.rowCount():
            self.detail.clear()
            return
        run = self.runs_model.run_at(row)
        self.detail.show_run(
            run,
            self.runs_model.trigger_name(run.trigger),
            svc.config.settings.zone(),
            svc.run_results(run.id),
            svc.run_log(run.id),
        )
