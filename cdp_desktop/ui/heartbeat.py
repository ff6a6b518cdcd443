"""The heartbeat strip: a channel's last 30 days as small cells, drawn with QPainter in a table delegate.

Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies) and every
outcome also has its own shape, so nothing depends on colour alone: a delivered day is a full bar (with a
notch when the target bot did not reply, a dot when another machine sent it), a failed day carries a cross,
a missing channel is hatched, a day the app did not run is an empty outline, a day not run for this channel
is a stub. Greys and outlines follow the palette, so the strip reads on a dark theme too.
"""

from __future__ import annotations

import functools
import weakref
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from ..core.errors import QT_TRANSLATE_NOOP
from ..core.heartbeat import Day, Outcome, Strip
from . import none_guard
from .models import HeartbeatRole, state_explanation, state_name

Index = QModelIndex | QPersistentModelIndex
DAYS = 30
_C = "Heartbeat"

# Okabe-Ito colours.
OUTCOME_COLORS: dict[Outcome, str] = {
    Outcome.REPLIED: "#009E73",  # bluish green
    Outcome.SENT: "#E69F00",  # orange
    Outcome.ELSEWHERE: "#0072B2",  # blue
    Outcome.FAILED: "#D55E00",  # vermillion
    Outcome.MISSING: "#CC79A7",  # reddish purple
}

_LABELS: dict[Outcome, str] = {
    Outcome.REPLIED: QT_TRANSLATE_NOOP(_C, "Replied"),
    Outcome.SENT: QT_TRANSLATE_NOOP(_C, "Sent, no reply"),
    Outcome.ELSEWHERE: QT_TRANSLATE_NOOP(_C, "Sent by another machine"),
    Outcome.FAILED: QT_TRANSLATE_NOOP(_C, "Failed"),
    Outcome.MISSING: QT_TRANSLATE_NOOP(_C, "Channel missing"),
    Outcome.NOT_RUN: QT_TRANSLATE_NOOP(_C, "Not run for this channel"),
    Outcome.APP_OFF: QT_TRANSLATE_NOOP(_C, "App not running"),
    Outcome.UPCOMING: QT_TRANSLATE_NOOP(_C, "Not run yet today"),
    Outcome.BEFORE: QT_TRANSLATE_NOOP(_C, "Channel not added yet"),
}

# The order of the legend (the dialog shows it; the strip's tooltips name each day).
LEGEND = (
    Outcome.REPLIED,
    Outcome.SENT,
    Outcome.ELSEWHERE,
    Outcome.FAILED,
    Outcome.MISSING,
    Outcome.NOT_RUN,
    Outcome.APP_OFF,
)


def tr(text: str) -> str:
    """Module-level ``tr("…")``: lupdate files these literals under the empty context."""
    return QCoreApplication.translate("", text)


def outcome_label(outcome: Outcome | str) -> str:
    try:
        return QCoreApplication.translate(_C, _LABELS[Outcome(outcome)])
    except (ValueError, KeyError):
        return str(outcome)


def figure_text(strip: Strip) -> str:
    """ "29/30 days": days delivered of the days that counted (today only once it has a result)."""
    return tr("{0}/{1} days").format(strip.delivered, strip.counted)


def figure_tooltip(strip: Strip) -> str:
    return tr("Keep-alive delivered on {0} of the last {1} days.").format(strip.delivered, strip.counted)


def day_tooltip(day: Day) -> str:
    """Date, outcome, sent time, reply time and the error in words (translated)."""
    weekday = QLocale().dayName(day.day.isoweekday(), QLocale.FormatType.ShortFormat)  # in the UI language
    lines = [f"{day.day.isoformat()} \u00b7 {weekday}", outcome_label(day.outcome)]
    if day.state and day.outcome in (Outcome.SENT, Outcome.FAILED) and day.state != day.outcome.value:
        lines[-1] += f" ({state_name(day.state)})"
    if day.sent_at is not None:
        lines.append(tr("Sent at {0}").format(day.sent_at.astimezone().strftime("%H:%M:%S")))
    if day.reply_latency is not None:
        lines.append(tr("Reply after {0:.1f} s").format(day.reply_latency))
    if day.message_id is not None:
        lines.append(tr("Message ID: {0}").format(day.message_id))
    if day.error_state:
        if day.delivered:
            lines.append(tr("Earlier that day: {0}").format(state_name(day.error_state)))
        words = state_explanation(day.error_state, day.error_note or day.error_message or None)
        lines.append(words)
        if day.error_code:
            lines.append(tr("Discord error code {0}").format(day.error_code))
    if day.attempts > 1:
        lines.append(tr("{0} attempts that day").format(day.attempts))
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- drawing


@functools.cache
def _brush(name: str, pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern) -> QBrush:
    return QBrush(QColor(name), pattern)


@functools.cache
def _pen(name: str, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(name), width, style)
    pen.setCosmetic(True)
    return pen


def paint_cell(p: QPainter, r: QRect, outcome: Outcome, palette: QPalette) -> None:
    """One day in ``r`` (integer pixels, no antialiasing: crisp at 6-10 px and cheap to scroll)."""
    color = OUTCOME_COLORS.get(outcome)
    if outcome in (Outcome.REPLIED, Outcome.ELSEWHERE):
        assert color is not None
        p.fillRect(r, _brush(color))
        if outcome == Outcome.ELSEWHERE and r.width() >= 4:  # a dot in the middle
            c = r.center()
            p.fillRect(QRect(c.x() - 1, c.y() - 1, 2 + r.width() % 2, 3), _brush("#ffffff"))
    elif outcome == Outcome.SENT:
        assert color is not None
        # An outlined bar filled two thirds up: "delivered, but nobody answered".
        fill = max(2, r.height() * 2 // 3)
        p.fillRect(QRect(r.left(), r.bottom() - fill + 1, r.width(), fill), _brush(color))
        p.setPen(_pen(color))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(0, 0, -1, -1))
    elif outcome == Outcome.FAILED:
        assert color is not None
        p.fillRect(r, _brush(color))
        p.setPen(_pen("#ffffff", 1.0))
        mid = r.center().y()
        half = max(1, min(r.width(), r.height()) // 2 - 1)
        cx = r.center().x()
        p.drawLine(cx - half + 1, mid - half, cx + half, mid + half - 1)
        p.drawLine(cx - half + 1, mid + half - 1, cx + half, mid - half)
    elif outcome == Outcome.MISSING:
        assert color is not None
        p.fillRect(r, _brush(color, Qt.BrushStyle.BDiagPattern))
        p.setPen(_pen(color))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(0, 0, -1, -1))
    elif outcome == Outcome.NOT_RUN:
        stub = max(2, r.height() // 4)
        p.fillRect(
            QRect(r.left(), r.bottom() - stub + 1, r.width(), stub), palette.color(QPalette.ColorRole.Mid)
        )
    elif outcome == Outcome.APP_OFF:
        p.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(0, 0, -1, -1))
    elif outcome == Outcome.UPCOMING:
        p.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(0, 0, -1, -1))
    else:  # BEFORE: a faint baseline, the channel did not exist in the app yet
        p.fillRect(QRect(r.left(), r.bottom(), r.width(), 1), palette.color(QPalette.ColorRole.Midlight))


class StripLayout:
    """Where each day's cell and the figure go inside a table cell."""

    GAP = 2
    MAX_CELL = 9
    MIN_CELL = 3
    PAD = 4

    def __init__(self, rect: QRect, count: int, figure_width: int) -> None:
        self.count = count
        avail = max(0, rect.width() - 2 * self.PAD - figure_width - 6)
        n = max(1, count)
        self.gap = self.GAP
        cell = (avail - self.gap * (n - 1)) // n
        if cell < 6 and (avail - (n - 1)) // n > cell:  # narrow column: thinner gaps before smaller cells
            self.gap = 1
            cell = (avail - (n - 1)) // n
        self.cell = max(self.MIN_CELL, min(self.MAX_CELL, cell))
        self.height = max(6, min(rect.height() - 10, 16))
        self.left = rect.left() + self.PAD
        self.top = rect.top() + (rect.height() - self.height) // 2
        self.right = self.left + count * self.cell + (count - 1) * self.gap
        self.figure = QRect(self.right + 6, rect.top(), max(0, rect.right() - self.right - 6), rect.height())

    def cell_rect(self, i: int) -> QRect:
        return QRect(self.left + i * (self.cell + self.gap), self.top, self.cell, self.height)

    def day_at(self, pos: QPoint) -> int | None:
        if not (self.top - 3 <= pos.y() <= self.top + self.height + 3):
            return None
        i = (pos.x() - self.left + self.gap // 2) // (self.cell + self.gap)
        return i if 0 <= i < self.count and pos.x() >= self.left - 1 else None


def paint_strip(
    p: QPainter,
    rect: QRect,
    strip: Strip,
    palette: QPalette,
    figure: str | None,
    text_role: QPalette.ColorRole = QPalette.ColorRole.Text,
) -> StripLayout:
    """The cells, today at the right, and the figure beside them."""
    fm = p.fontMetrics()
    layout = StripLayout(rect, len(strip.dates), fm.horizontalAdvance(figure) if figure else 0)
    for i, outcome in enumerate(strip.outcomes):
        paint_cell(p, layout.cell_rect(i), outcome, palette)
    if figure:
        p.setPen(palette.color(text_role))
        p.drawText(layout.figure, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), figure)
    return layout


class HeartbeatDelegate(QStyledItemDelegate):
    """The strip column: reads the row's ``Strip`` from ``HeartbeatRole``; a tooltip per day.

    Each strip is drawn once into a pixmap and blitted afterwards (scrolling repaints every visible row
    on every frame); a refresh brings new ``Strip`` objects, so their pixmaps are made anew."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pixmaps: weakref.WeakKeyDictionary[Strip, tuple[tuple[Any, ...], QPixmap]] = (
            weakref.WeakKeyDictionary()
        )

    def _pixmap(self, strip: Strip, option: QStyleOptionViewItem, selected: bool, ratio: float) -> QPixmap:
        size = option.rect.size()
        key = (size.width(), size.height(), selected, ratio, option.palette.cacheKey(), option.font.key())
        cached = self._pixmaps.get(strip)
        if cached is not None and cached[0] == key:
            return cached[1]
        pm = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
        pm.setDevicePixelRatio(ratio)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setFont(option.font)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        paint_strip(p, QRect(QPoint(0, 0), size), strip, option.palette, figure_text(strip), role)
        p.end()
        self._pixmaps[strip] = (key, pm)
        return pm

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        none_guard.ensure()
        strip = index.data(HeartbeatRole)
        if strip is None:
            super().paint(painter, option, index)
            return
        # Selection and alternating background, drawn by Qt without the text (initStyleOption below). Not
        # through widget.style() or QStyle: their Python types cost ~14 ms to create on the first paint.
        super().paint(painter, option, index)
        view = option.widget
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index)
        painter.save()
        ratio = painter.device().devicePixelRatioF()
        painter.drawPixmap(option.rect.topLeft(), self._pixmap(strip, option, selected, ratio))
        painter.restore()

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(HeartbeatRole) is not None:  # the figure is drawn into the strip's pixmap
            option.text = ""

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        strip = index.data(HeartbeatRole)
        if strip is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        layout = StripLayout(
            option.rect, len(strip.dates), option.fontMetrics.horizontalAdvance(figure_text(strip))
        )
        i = layout.day_at(event.pos())
        text = day_tooltip(strip.day(i)) if i is not None else figure_tooltip(strip)
        QToolTip.showText(event.globalPos(), text, view)
        return True

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> Any:
        size = super().sizeHint(option, index)
        strip = index.data(HeartbeatRole)
        count = len(strip.dates) if strip is not None else DAYS
        width = 2 * StripLayout.PAD + count * 6 + (count - 1) + 6
        width += option.fontMetrics.horizontalAdvance(tr("{0}/{1} days").format(30, 30))
        size.setWidth(max(size.width(), width))
        return size
