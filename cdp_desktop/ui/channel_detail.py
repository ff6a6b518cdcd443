"""Channel detail: the channel's state explained, its last 30 days, reply time over 90 days, its own runs.

Everything comes from one ``History.day_rows`` query for this channel; the chart is drawn with QPainter (no
chart library): reply time per day as a line, the days that failed marked on the baseline.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.heartbeat import Day, Outcome, Strip, build_strips, first_day, local_today
from . import icons, none_guard
from .heartbeat import (
    LEGEND,
    OUTCOME_COLORS,
    StripLayout,
    day_tooltip,
    figure_text,
    outcome_label,
    paint_cell,
    paint_strip,
    tr,
)
from .models import detail_of, error_text, fmt_time, state_explanation, state_name
from .texts import shown

CHART_DAYS = 90
STRIP_DAYS = 30


def _nice_ceiling(value: float) -> float:
    for step in (1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600):
        if value <= step:
            return float(step)
    return float(int(value) + 1)


def show_day_tooltip(
    widget: QWidget, e: QEvent, strip: Strip, day_at: Callable[[QPoint], int | None]
) -> bool:
    """Answer a tooltip event with the day under the pointer (True), or let the widget handle ``e``."""
    if e.type() != QEvent.Type.ToolTip or not isinstance(e, QHelpEvent):
        return False
    i = day_at(e.pos())
    if i is None:
        QToolTip.hideText()
    else:
        QToolTip.showText(e.globalPos(), day_tooltip(strip.day(i)), widget)
    return True


class StripWidget(QWidget):
    """A larger heartbeat strip with a tooltip per day."""

    def __init__(self, strip: Strip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = strip
        self.setMinimumHeight(30)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(len(self.strip.dates) * 13 + 90, 30)

    def _layout(self) -> StripLayout:
        return StripLayout(
            self.rect(), len(self.strip.dates), self.fontMetrics().horizontalAdvance(self._figure())
        )

    def _figure(self) -> str:
        return figure_text(self.strip)

    def paintEvent(self, _event: QPaintEvent) -> None:
        none_guard.ensure()
        p = QPainter(self)
        paint_strip(p, self.rect(), self.strip, self.palette(), self._figure())
        p.end()

    def event(self, e: QEvent) -> bool:
        return show_day_tooltip(self, e, self.strip, self._layout().day_at) or super().event(e)


class Legend(QWidget):
    """Each outcome's cell and its name, so the shapes can be learnt without hovering."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        for outcome in LEGEND:
            swatch = _Swatch(outcome)
            label = QLabel(outcome_label(outcome))
            pair = QHBoxLayout()
            pair.setSpacing(4)
            pair.addWidget(swatch)
            pair.addWidget(label)
            row.addLayout(pair)
        row.addStretch(1)


class _Swatch(QWidget):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__()
        self.outcome = outcome
        self.setFixedSize(10, 16)

    def paintEvent(self, _event: QPaintEvent) -> None:
        none_guard.ensure()
        p = QPainter(self)
        paint_cell(p, QRect(0, 1, 9, 14), self.outcome, self.palette())
        p.end()


class ReplyChart(QWidget):
    """Reply time per day over ``len(strip.dates)`` days; failed days marked on the baseline."""

    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 10, 10, 22

    def __init__(self, strip: Strip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = strip
        latencies = [d.reply_latency for d in strip.days if d.reply_latency is not None]
        self.has_replies = bool(latencies)
        self.has_history = any(d.attempts for d in strip.days)
        self.y_max = _nice_ceiling(max(latencies)) if latencies else 1.0
        self.setMinimumSize(360, 150)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(560, 180)

    def plot_rect(self) -> QRectF:
        r = QRectF(self.rect())
        return r.adjusted(self.MARGIN_LEFT, self.MARGIN_TOP, -self.MARGIN_RIGHT, -self.MARGIN_BOTTOM)

    def x_of(self, i: int) -> float:
        r = self.plot_rect()
        n = max(1, len(self.strip.dates) - 1)
        return r.left() + r.width() * i / n

    def y_of(self, seconds: float) -> float:
        r = self.plot_rect()
        return r.bottom() - r.height() * min(seconds, self.y_max) / self.y_max

    def paintEvent(self, _event: QPaintEvent) -> None:
        none_guard.ensure()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        r = self.plot_rect()
        fm = p.fontMetrics()
        # Grid and y labels: 0, half, max.
        for frac in (0.0, 0.5, 1.0):
            y = r.bottom() - r.height() * frac
            p.setPen(QPen(grid, 1, Qt.PenStyle.SolidLine if frac == 0 else Qt.PenStyle.DotLine))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(text)
            label = tr("{0:g} s").format(self.y_max * frac)
            p.drawText(
                QRectF(0, y - fm.height() / 2, self.MARGIN_LEFT - 6, fm.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        # x labels: the first day, the middle one, today.
        days = self.strip.days
        if days:
            p.setPen(text)
            for i, align in (
                (0, Qt.AlignmentFlag.AlignLeft),
                (len(days) // 2, Qt.AlignmentFlag.AlignHCenter),
                (len(days) - 1, Qt.AlignmentFlag.AlignRight),
            ):
                label = tr("today") if i == len(days) - 1 else days[i].day.strftime("%m-%d")
                w = fm.horizontalAdvance(label) + 4
                x = self.x_of(i)
                left = (
                    x
                    if align == Qt.AlignmentFlag.AlignLeft
                    else x - w
                    if align == Qt.AlignmentFlag.AlignRight
                    else x - w / 2
                )
                p.drawText(QRectF(left, r.bottom() + 3, w, fm.height()), int(align), label)
        # The reply-time line, broken where a day has no reply.
        line = QColor(OUTCOME_COLORS[Outcome.REPLIED])
        path = QPainterPath()
        pen_down = False
        points: list[QPointF] = []
        for i, d in enumerate(days):
            if d.reply_latency is None:
                pen_down = False
                continue
            pt = QPointF(self.x_of(i), self.y_of(d.reply_latency))
            points.append(pt)
            if pen_down:
                path.lineTo(pt)
            else:
                path.moveTo(pt)
                pen_down = True
        p.setPen(QPen(line, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setBrush(line)
        p.setPen(Qt.PenStyle.NoPen)
        for pt in points:
            p.drawEllipse(pt, 2.5, 2.5)
        # Failed and missing days on the baseline, in the strip's own shapes.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for i, d in enumerate(days):
            if d.outcome in (Outcome.FAILED, Outcome.MISSING):
                x = int(self.x_of(i))
                paint_cell(p, QRect(x - 4, int(r.bottom()) - 12, 9, 12), d.outcome, pal)
        if not self.has_replies:
            p.setPen(text)
            msg = (
                tr("No reply times in the last {0} days.").format(len(days))
                if self.has_history
                else tr("No history for this channel yet.")
            )
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), msg)
        p.end()

    def day_at(self, pos: QPoint) -> int | None:
        r = self.plot_rect()
        if not self.strip.dates or not (r.left() - 6 <= pos.x() <= r.right() + 6):
            return None
        n = max(1, len(self.strip.dates) - 1)
        i = round((pos.x() - r.left()) / r.width() * n)
        return min(max(i, 0), len(self.strip.dates) - 1)

    def event(self, e: QEvent) -> bool:
        return show_day_tooltip(self, e, self.strip, self.day_at) or super().event(e)


class ChannelDetailDialog(QDialog):
    """Opened from the channels table (double-click or the context menu) for one ``service.ChannelRow``."""

    def __init__(self, service: Any, row: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.row = row
        t = row.target
        self.setWindowTitle(tr("Channel details \u2014 {0}").format(shown(t.label_message())))
        self.resize(760, 760)

        s = service.config.settings
        zone = s.zone()
        today = local_today(service.clock.now(), zone)
        self.results = [
            r
            for r in service.history.day_rows(
                first_day(today, CHART_DAYS).isoformat(), t.uid, sent_times=True
            )
            if r.state
        ]
        self.strip90 = build_strips(
            [t], self.results, today=today, days=CHART_DAYS, at=s.time_of_day, zone=zone
        )[t.uid]
        self.strip30 = self.strip90.last(STRIP_DAYS)

        outer = QVBoxLayout(self)

        # What the channel is and what state it is in, explained.
        head = QGroupBox(tr("Current state"))
        grid = QGridLayout(head)
        self.state_icon = QLabel()
        self.state_icon.setPixmap(icons.state_icon(row.state).pixmap(24, 24))
        grid.addWidget(self.state_icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.state_label = QLabel(f"<b>{state_name(row.state)}</b>")
        grid.addWidget(self.state_label, 0, 1)
        self.explanation = QLabel(state_explanation(row.state, detail_of(row)))
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.explanation, 1, 1)
        facts = [
            tr("Channel ID: {0}").format(t.channel_id or "\u2014"),
            tr("Server ID: {0}").format(t.guild_id),
            tr("Last success: {0}").format(fmt_time(row.last_success)),
        ]
        if row.last_error:
            facts.append(tr("Last error: {0} {1}").format(fmt_time(row.last_error_at), error_text(row)))
        self.facts = QLabel("\n".join(facts))
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.facts, 2, 1)
        grid.setColumnStretch(1, 1)
        outer.addWidget(head)

        days_box = QGroupBox(tr("Last {0} days").format(STRIP_DAYS))
        dl = QVBoxLayout(days_box)
        self.strip_widget = StripWidget(self.strip30)
        dl.addWidget(self.strip_widget)
        dl.addWidget(Legend())
        outer.addWidget(days_box)

        chart_box = QGroupBox(tr("Reply time, last {0} days").format(CHART_DAYS))
        cl = QVBoxLayout(chart_box)
        self.chart = ReplyChart(self.strip90)
        cl.addWidget(self.chart)
        outer.addWidget(chart_box)

        runs_box = QGroupBox(tr("Runs of this channel"))
        rl = QVBoxLayout(runs_box)
        self.runs = self._runs_table()
        rl.addWidget(self.runs)
        outer.addWidget(runs_box, 1)
        self.runs.setMinimumHeight(140)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        outer.addWidget(buttons)

    def _runs_table(self) -> QTableWidget:
        headers = [tr("Day"), tr("Recorded"), tr("Result"), tr("Reply"), tr("Details")]
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setShowGrid(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        results = list(reversed(self.results))  # newest first
        table.setRowCount(len(results))
        for n, r in enumerate(results):
            state = r.state or ""
            # The state's own words are the Result column's tooltip: show only what a result adds.
            note = r.explanation()
            details = shown(note) if r.has_detail else ""
            if r.message_id is not None and not details:
                details = tr("Message ID: {0}").format(r.message_id)
            cells = [
                r.slot_key,
                fmt_time(datetime.fromisoformat(r.at) if r.at else None),
                state_name(state),
                "\u2014" if r.reply_latency is None else tr("{0:.1f} s").format(r.reply_latency),
                details,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setIcon(icons.state_icon(state))
                    item.setToolTip(state_explanation(state, note))
                table.setItem(n, col, item)
        if not results:
            table.setRowCount(1)
            empty = QTableWidgetItem(
                tr("No runs recorded for this channel in the last {0} days.").format(CHART_DAYS)
            )
            table.setItem(0, 0, empty)
            table.setSpan(0, 0, 1, len(headers))
        return table

    def day(self, index: int) -> Day:
        return self.strip90.day(index)
