"""The heartbeat strip in the channels table and the channel detail dialog, on a prepared history.

The strip is checked the way a user sees it: the pixels the delegate painted in each day's cell (colour and
shape), the tooltip Qt shows for a day, the figure beside the strip. The history (heartbeat_history.py) has
every outcome, a day the app was not running, a day with nothing due, a retry that delivered and the
America/Santiago DST day whose midnight does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QGroupBox, QStyleOptionViewItem, QToolTip

from cdp_desktop.core.heartbeat import Outcome
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.channel_detail import ChannelDetailDialog
from cdp_desktop.ui.heartbeat import OUTCOME_COLORS, StripLayout, figure_text
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.models import ChannelsModel, HeartbeatRole
from tests.gui.heartbeat_history import (
    APP_OFF,
    DAILY,
    DST_DAY,
    FIRST,
    LATE_FAILED,
    NOTHING_DUE,
    NOW,
    ZONE,
    Prepared,
    prepare,
)
from tests.helpers.translation import cjk

TODAY = date(2025, 9, 20)
EXPECTED_DAILY = {
    date(2025, 9, 1): Outcome.SENT,
    date(2025, 9, 2): Outcome.FAILED,
    date(2025, 9, 3): Outcome.MISSING,
    APP_OFF: Outcome.APP_OFF,
    NOTHING_DUE: Outcome.NOT_RUN,
    date(2025, 9, 6): Outcome.REPLIED,  # a network error, then the retry delivered
    DST_DAY: Outcome.REPLIED,
    date(2025, 9, 8): Outcome.FAILED,
    TODAY: Outcome.UPCOMING,
}


class Win:
    def __init__(self, prepared: Prepared, window: MainWindow) -> None:
        self.prepared, self.window = prepared, window
        self.model: ChannelsModel = window.channels_model
        self.table = window.table

    def row_of(self, uid: str) -> int:
        return next(i for i, r in enumerate(self.model.rows()) if r.target.uid == uid)

    def index(self, uid: str) -> Any:
        return self.model.index(self.row_of(uid), ChannelsModel.COL_DAYS)

    def layout(self, uid: str) -> StripLayout:
        idx = self.index(uid)
        strip = idx.data(HeartbeatRole)
        rect = self.table.visualRect(idx)
        return StripLayout(
            rect, len(strip.days), self.table.fontMetrics().horizontalAdvance(figure_text(strip))
        )

    def image(self) -> QImage:
        return self.table.viewport().grab().toImage()

    def tooltip_at(self, pos: QPoint) -> str:
        QToolTip.hideText()
        vp = self.table.viewport()
        QApplication.sendEvent(vp, QHelpEvent(QEvent.Type.ToolTip, pos, vp.mapToGlobal(pos)))
        return QToolTip.text()


def opened_window(qtbot: Any, home: Path) -> Iterator[Win]:
    prepared = prepare(home)
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    bridge.attach(prepared.service)
    window.resize(1300, 420)
    window.table.setColumnWidth(ChannelsModel.COL_DAYS, 330)
    window.show()
    qtbot.waitExposed(window)
    window.table.clearSelection()
    yield Win(prepared, window)
    bridge.detach()
    prepared.service.history.close()


@pytest.fixture
def win(qtbot: Any, isolated_home: Path) -> Iterator[Win]:
    yield from opened_window(qtbot, isolated_home)


def test_strip_days_are_thirty_calendar_days_through_the_dst_day(win: Win) -> None:
    strips = win.prepared.service.heartbeat()
    days = [d.day for d in strips[win.prepared.daily.uid].days]
    assert days == [FIRST + timedelta(days=i) for i in range(30)]
    assert days[-1] == TODAY == NOW.astimezone(ZoneInfo(ZONE)).date()
    assert days.count(DST_DAY) == 1


def test_strip_has_the_right_outcome_for_each_day(win: Win) -> None:
    daily = win.index(win.prepared.daily.uid).data(HeartbeatRole)
    by_day = {d.day: d for d in daily.days}
    for day, expected in EXPECTED_DAILY.items():
        assert by_day[day].outcome == expected, day
    others = [d for d in daily.days if d.day not in EXPECTED_DAILY]
    assert others and all(d.outcome == Outcome.REPLIED for d in others)
    assert by_day[date(2025, 9, 6)].error_state == "network" and by_day[date(2025, 9, 6)].attempts == 2
    assert by_day[DST_DAY].reply_latency == 2.5

    late = {d.day: d.outcome for d in win.index(win.prepared.late.uid).data(HeartbeatRole).days}
    assert late[date(2025, 9, 10)] == Outcome.BEFORE  # its slot came before the channel was added
    assert late[LATE_FAILED] == Outcome.FAILED
    assert late[date(2025, 9, 11)] == Outcome.REPLIED
    assert late[FIRST] == Outcome.BEFORE
    fresh = win.index(win.prepared.fresh.uid).data(HeartbeatRole).days
    assert [d.outcome for d in fresh[:-1]] == [Outcome.BEFORE] * 29 and fresh[-1].outcome == Outcome.UPCOMING


def test_figure_beside_the_strip(win: Win) -> None:
    # 30 days, today not counted yet: 29; not delivered: 09-02, 09-03, 09-04 (app off), 09-05, 09-08.
    assert win.index(win.prepared.daily.uid).data() == "24/29 days"
    assert win.index(win.prepared.late.uid).data() == "8/9 days"  # 09-11 .. 09-19, one failed
    assert win.index(win.prepared.fresh.uid).data() == "0/0 days"
    assert win.model.headerData(ChannelsModel.COL_DAYS, Qt.Orientation.Horizontal, 0) == "Last 30 days"


def _colors(img: QImage, r: Any) -> list[list[str]]:
    return [
        [img.pixelColor(x, y).name() for x in range(r.left(), r.right() + 1)]
        for y in range(r.top(), r.bottom() + 1)
    ]


def test_painted_cells_differ_in_colour_and_shape(win: Win) -> None:
    uid = win.prepared.daily.uid
    layout = win.layout(uid)
    img = win.image()
    pal = win.table.palette()
    mid = pal.color(QPalette.ColorRole.Mid).name()
    text = pal.color(QPalette.ColorRole.Text).name()
    cells = {FIRST + timedelta(days=i): _colors(img, layout.cell_rect(i)) for i in range(30)}

    def flat(rows: list[list[str]]) -> set[str]:
        return {c for row in rows for c in row}

    green = OUTCOME_COLORS[Outcome.REPLIED].lower()
    assert flat(cells[DST_DAY]) == {green}  # replied: a full solid bar
    assert flat(cells[date(2025, 9, 6)]) == {green}
    sent = cells[date(2025, 9, 1)]  # sent, no reply: outlined, filled two thirds up
    orange = OUTCOME_COLORS[Outcome.SENT].lower()
    assert set(sent[-1]) == {orange} and set(sent[0]) == {orange}
    assert any(c != orange for c in sent[2][1:-1])  # hollow top
    failed = flat(cells[date(2025, 9, 2)])  # failed: vermillion with a white cross
    assert OUTCOME_COLORS[Outcome.FAILED].lower() in failed and "#ffffff" in failed
    assert flat(cells[date(2025, 9, 8)]) == failed
    missing = cells[date(2025, 9, 3)]  # missing: outlined and hatched, no cross
    purple = OUTCOME_COLORS[Outcome.MISSING].lower()
    inner = flat([row[1:-1] for row in missing[1:-1]])
    assert (
        set(missing[0]) == {purple}
        and purple in inner
        and len(inner) > 1
        and OUTCOME_COLORS[Outcome.FAILED].lower() not in flat(missing)
    )
    off = cells[APP_OFF]  # app not running: an empty outline
    assert set(off[0]) == {mid} and set(off[-1]) == {mid} and mid not in flat([r[1:-1] for r in off[1:-1]])
    stub = cells[NOTHING_DUE]  # not run for this channel: a low stub
    assert set(stub[-1]) == {mid} and mid not in set(stub[0])
    today = flat(cells[TODAY])  # today, not run yet: a dotted outline
    assert text in today
    # No two outcomes look the same.
    looks = {
        o: str(cells[d]) for d, o in EXPECTED_DAILY.items() if d not in (date(2025, 9, 8), date(2025, 9, 6))
    }
    assert len(set(looks.values())) == len(looks)


def test_a_selected_row_is_highlighted_under_its_badge_and_strip(win: Win) -> None:
    """The badge and strip delegates let Qt draw the cell (background, selection) without its text."""
    uid = win.prepared.daily.uid
    row = win.row_of(uid)
    highlight = win.table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight).name()
    state_rect = win.table.visualRect(win.model.index(row, ChannelsModel.COL_STATE))
    strip_rect = win.table.visualRect(win.index(uid))
    gap = win.layout(uid).cell_rect(0).left() - 1  # left of the first day: background only

    def background(img: QImage) -> tuple[str, str]:
        return (
            img.pixelColor(state_rect.right() - 2, state_rect.top() + 1).name(),
            img.pixelColor(gap, strip_rect.top() + 1).name(),
        )

    win.table.activateWindow()
    win.table.setFocus()
    assert highlight not in background(win.image())
    win.table.selectRow(row)
    QApplication.processEvents()
    selected = win.image()
    assert background(selected) == (highlight, highlight)
    # The figure is drawn once, by the strip beside its days, in the highlighted text colour; Qt draws no
    # copy of it at the cell's left, under the days: the gaps between the days stay the highlight.
    layout = win.layout(uid)
    cells = [layout.cell_rect(i) for i in range(layout.count)]
    gaps = {
        selected.pixelColor(x, y).name()
        for y in range(layout.top, layout.top + layout.height)
        for x in range(strip_rect.left() + 1, layout.right)
        if not any(c.left() <= x <= c.right() for c in cells)
    }
    assert gaps == {highlight}
    figure = selected.copy(layout.figure)
    text = win.table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText).name()
    colours = {figure.pixelColor(x, y).name() for x in range(figure.width()) for y in range(figure.height())}
    assert text in colours
    # The badge is its own text and icon: Qt is given neither to draw under the translucent pill.
    state_index = win.model.index(row, ChannelsModel.COL_STATE)
    option = QStyleOptionViewItem()
    win.table.itemDelegateForColumn(ChannelsModel.COL_STATE).initStyleOption(option, state_index)
    assert option.text == "" and option.icon.isNull() and state_index.data()


def test_tooltip_per_day(win: Win) -> None:
    uid = win.prepared.daily.uid
    layout = win.layout(uid)

    def tip(day: date) -> str:
        return win.tooltip_at(layout.cell_rect((day - FIRST).days).center())

    t = tip(date(2025, 9, 2))
    assert t.startswith("2025-09-02") and "Failed (Network)" in t
    assert "Discord could not be reached." in t and "Cannot connect to host" in t
    t = tip(date(2025, 9, 3))
    assert "Channel missing" in t and "The channel no longer exists on Discord." in t
    assert "Discord error code 10003" in t
    t = tip(DST_DAY)
    assert t.startswith("2025-09-07") and "Replied" in t and "Reply after 2.5 s" in t and "Sent at" in t
    t = tip(date(2025, 9, 6))
    assert "Replied" in t and "Earlier that day: Network" in t and "2 attempts that day" in t
    assert "App not running" in tip(APP_OFF)
    assert "Not run for this channel" in tip(NOTHING_DUE)
    assert "Sent, no reply" in tip(date(2025, 9, 1))
    assert "Not run yet today" in tip(TODAY)
    figure = layout.figure.center()
    assert win.tooltip_at(figure) == "Keep-alive delivered on 24 of the last 29 days."


def _open_detail(qtbot: Any, win: Win, uid: str) -> ChannelDetailDialog:
    row = win.row_of(uid)
    rect = win.table.visualRect(win.model.index(row, ChannelsModel.COL_NAME))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(win.window._dialogs.get("detail"), ChannelDetailDialog))
    dlg = win.window._dialogs["detail"]
    assert isinstance(dlg, ChannelDetailDialog)
    qtbot.waitExposed(dlg)
    return dlg


def test_detail_opens_by_double_click_with_chart_and_runs(qtbot: Any, win: Win) -> None:
    dlg = _open_detail(qtbot, win, win.prepared.daily.uid)
    assert dlg.windowTitle() == "Channel details \u2014 #daily"
    chart = dlg.chart
    assert len(chart.strip.days) == 90 and chart.has_replies
    assert chart.y_max == 5.0  # latencies up to 5 s
    marked = [d.day for d in chart.strip.days if d.outcome in (Outcome.FAILED, Outcome.MISSING)]
    assert marked == [date(2025, 9, 2), date(2025, 9, 3), date(2025, 9, 8)]
    # A failed day is drawn on the chart's baseline in the strip's own colour.
    img = chart.grab().toImage()
    x = round(chart.x_of(90 - (TODAY - date(2025, 9, 2)).days - 1))
    y = int(chart.plot_rect().bottom()) - 6
    near = {img.pixelColor(x + dx, y + dy).name() for dx in range(-3, 4) for dy in range(-4, 5)}
    assert OUTCOME_COLORS[Outcome.FAILED].lower() in near
    # Its runs, newest first: every attempt recorded for this channel.
    n = sum(len(DAILY.get(FIRST + timedelta(days=i), [None])) for i in range(29)) - 2  # app off, nothing due
    assert dlg.runs.rowCount() == n
    assert dlg.runs.item(0, 0).text() == "2025-09-19"
    states = {dlg.runs.item(i, 2).text() for i in range(n)}
    assert {"Replied", "No reply", "Network", "Missing", "No access"} <= states
    assert dlg.state_label.text() == "<b>Pending</b>"
    assert "Not run yet for the current day." in dlg.explanation.text()
    assert "Last error: " in dlg.facts.text() and "Missing Access" in dlg.facts.text()
    assert dlg.strip_widget.strip.days[-1].day == TODAY and len(dlg.strip_widget.strip.days) == 30
    dlg.reject()
    qtbot.waitUntil(lambda: not dlg.isVisible())
    # Open it again, from the context menu's action this time.
    win.table.selectRow(win.row_of(win.prepared.late.uid))
    win.window.act_detail.trigger()
    again = win.window._dialogs["detail"]
    assert isinstance(again, ChannelDetailDialog) and again is not dlg
    assert again.windowTitle().endswith("#late")
    again.reject()


def test_detail_for_a_channel_without_history(qtbot: Any, win: Win) -> None:
    dlg = _open_detail(qtbot, win, win.prepared.fresh.uid)
    assert not dlg.chart.has_history and not dlg.chart.has_replies
    dlg.chart.grab()  # paints the empty chart (its message) without failing
    assert dlg.runs.rowCount() == 1
    assert dlg.runs.item(0, 0).text() == "No runs recorded for this channel in the last 90 days."
    dlg.reject()


def test_context_menu_offers_the_detail(qtbot: Any, win: Win) -> None:
    row = win.row_of(win.prepared.daily.uid)
    pos = win.table.visualRect(win.model.index(row, 0)).center()
    win.table.selectRow(row)
    win.window._channel_menu(pos)
    menu = win.window._dialogs["channel_menu"]
    qtbot.waitUntil(menu.isVisible)
    assert menu.actions()[0].text() == "Channel &details\u2026"
    menu.close()


def test_strip_and_detail_in_chinese(qtbot: Any, isolated_home: Path, chinese: None) -> None:
    for w in opened_window(qtbot, isolated_home):
        header = w.model.headerData(ChannelsModel.COL_DAYS, Qt.Orientation.Horizontal, 0)
        assert cjk(header) and "30" in header
        figure = w.index(w.prepared.daily.uid).data()
        assert figure.startswith("24/29") and cjk(figure)
        layout = w.layout(w.prepared.daily.uid)
        tip = w.tooltip_at(layout.cell_rect((date(2025, 9, 3) - FIRST).days).center())
        assert cjk(tip) and "Channel missing" not in tip and "no longer exists" not in tip
        dlg = _open_detail(qtbot, w, w.prepared.fresh.uid)
        assert cjk(dlg.windowTitle())
        assert cjk(dlg.runs.item(0, 0).text())
        texts = [b.title() for b in dlg.findChildren(QGroupBox)]
        assert texts and all(cjk(t) for t in texts), texts
        dlg.reject()


def test_dark_palette_keeps_outcomes_apart_from_the_background(win: Win) -> None:
    """Okabe-Ito colours against a dark base stay visible: contrast above 3:1 (WCAG for graphics)."""

    def luminance(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    dark = QColor("#1e1e1e")
    for outcome, color in OUTCOME_COLORS.items():
        lighter, darker = sorted((luminance(QColor(color)), luminance(dark)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 3.0, outcome


def test_sent_by_another_machine_has_its_own_cell_and_tooltip(qapp: Any) -> None:
    """The cross-machine check's state (``sent_elsewhere``) as the strip paints it and names it."""
    from datetime import datetime

    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter

    from cdp_desktop.core.config import Target
    from cdp_desktop.core.heartbeat import Strip, build_strips
    from cdp_desktop.core.history import DayRow
    from cdp_desktop.ui.heartbeat import day_tooltip, paint_strip

    added = datetime(2025, 1, 1, tzinfo=UTC)
    t = Target(1, 2, name="a", added_at=added, enabled_at=added)
    rows = [
        DayRow(
            "2025-03-01", 1, t.uid, "2", "sent_elsewhere", None, "", "77", None, "2025-03-01T00:00:41+00:00"
        ),
        DayRow("2025-03-02", 2, t.uid, "2", "replied", None, "", "78", 1.0, "2025-03-02T00:00:03+00:00"),
    ]
    zone = ZoneInfo("UTC")
    strip: Strip = build_strips([t], rows, today=date(2025, 3, 3), days=3, at=time(0, 0), zone=zone)[t.uid]
    assert strip.outcomes == (Outcome.ELSEWHERE, Outcome.REPLIED, Outcome.UPCOMING)
    assert (strip.delivered, strip.counted) == (2, 2)
    tip = day_tooltip(strip.day(0))
    assert "Sent by another machine" in tip and "Message ID: 77" in tip and "Sent at" in tip
    img = QImage(200, 30, QImage.Format.Format_ARGB32)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    layout = paint_strip(p, QRect(0, 0, 200, 30), strip, QApplication.palette(), None)
    p.end()
    elsewhere = {
        img.pixelColor(x, y).name()
        for r in [layout.cell_rect(0)]
        for x in range(r.left(), r.right() + 1)
        for y in range(r.top(), r.bottom() + 1)
    }
    replied = {
        img.pixelColor(x, y).name()
        for r in [layout.cell_rect(1)]
        for x in range(r.left(), r.right() + 1)
        for y in range(r.top(), r.bottom() + 1)
    }
    assert elsewhere == {OUTCOME_COLORS[Outcome.ELSEWHERE].lower(), "#ffffff"}  # blue with a white dot
    assert replied == {OUTCOME_COLORS[Outcome.REPLIED].lower()}
