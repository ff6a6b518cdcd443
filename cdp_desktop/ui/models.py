"""Qt models for the channels table and the run log, plus the state badge delegate.

The models hold plain row objects from the service and format lazily in ``data()``; the run log only ever
holds ``service.recent_runs(limit)``, so a long history costs nothing at startup.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ..core.errors import EXPLANATIONS, QT_TRANSLATE_NOOP, STATE_NAMES, State
from ..core.events import counts_message
from ..core.messages import Message, Template, template
from . import icons, none_guard
from .texts import shown

if TYPE_CHECKING:
    from ..service.rows import ChannelRow

Index = QModelIndex | QPersistentModelIndex
StateRole = Qt.ItemDataRole.UserRole + 1
UidRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3
HeartbeatRole = Qt.ItemDataRole.UserRole + 4  # core.heartbeat.Strip of the row (ui/heartbeat.py draws it)

# Lower-case state names for counts inside a sentence ("3 replied, 1 missing").
_S = "StateName"
_COUNT_NAMES: dict[State, Template] = {
    State.OK: template(_S, "state.count_name.ok", "sent"),
    State.SENT: template(_S, "state.count_name.sent", "sent, reply unknown"),
    State.REPLIED: template(_S, "state.count_name.replied", "replied"),
    State.NO_REPLY: template(_S, "state.count_name.no_reply", "no reply"),
    State.MISSING: template(_S, "state.count_name.missing", "missing"),
    State.NO_ACCESS: template(_S, "state.count_name.no_access", "no access"),
    State.RATE_LIMITED: template(_S, "state.count_name.rate_limited", "rate limited"),
    State.DISCORD_UNAVAILABLE: template(_S, "state.count_name.discord_unavailable", "Discord down"),
    State.NETWORK: template(_S, "state.count_name.network", "network"),
    State.TOKEN_INVALID: template(_S, "state.count_name.token_invalid", "token invalid"),
    State.INTENTS_MISSING: template(_S, "state.count_name.intents_missing", "intents missing"),
    State.SKIPPED_DISABLED: template(_S, "state.count_name.skipped_disabled", "disabled"),
    State.PENDING: template(_S, "state.count_name.pending", "pending"),
    State.SENT_ELSEWHERE: template(_S, "state.count_name.sent_elsewhere", "other machine"),
}


def detail_of(row: ChannelRow) -> Message | str | None:
    """A channel row's detail: its message when the service gave one, else its (English) text."""
    return row.detail_note or row.detail


def error_text(row: ChannelRow) -> str:
    """A channel row's last error in the window's language."""
    return shown(row.last_error_note or row.last_error)


def state_name(state: State | str) -> str:
    """Short translated label of a state."""
    try:
        state = State(state)
    except ValueError:
        return str(state)
    return shown(STATE_NAMES[state])


def state_explanation(state: State | str, detail: Message | str | None = None) -> str:
    """Translated one-line explanation, the fixing action, and the service's detail when there is one."""
    try:
        exp = EXPLANATIONS[State(state)]
    except (ValueError, KeyError):
        return shown(detail) or str(state)
    parts = [shown(exp.what)]
    if exp.fix is not None:
        parts.append(shown(exp.fix))
    if isinstance(detail, Message):
        if detail != exp.what:
            parts.append(shown(detail))
    elif detail and detail not in exp.summary:
        parts.append(detail)
    return "\n".join(parts)


def fmt_time(value: datetime | None) -> str:
    """Local date and time, with the date left out when it is today."""
    if value is None:
        return "\u2014"
    local = value.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")


def when_text(value: datetime, zone: Any = None, now: datetime | None = None) -> str:
    """ "today at 00:01", "tomorrow at 00:00", "yesterday at 23:00" or "Nov 28 at 00:00", in ``zone`` (the
    schedule's zone; the system's when None)."""
    local = value.astimezone(zone)
    today = (now or datetime.now(local.tzinfo)).astimezone(local.tzinfo).date()
    at = local.strftime("%H:%M")
    days = (local.date() - today).days
    translate = QCoreApplication.translate
    if days == 0:
        return translate("Due", "today at {0}").format(at)
    if days == 1:
        return translate("Due", "tomorrow at {0}").format(at)
    if days == -1:
        return translate("Due", "yesterday at {0}").format(at)
    return translate("Due", "{date} at {time}").format(date=local.strftime("%Y-%m-%d"), time=at)


def due_text(row: ChannelRow, zone: Any = None, now: datetime | None = None) -> str:
    """When a channel's keep-alive is next due, and why, in words."""
    translate = QCoreApplication.translate
    due, due_at = row.due, row.due_at
    if due == "disabled":
        return translate("Due", "disabled \u2014 no keep-alive")
    if due == "paused":
        return translate("Due", "schedule paused")
    if due_at is None:
        return "\u2014"
    when = when_text(due_at, zone, now)
    if due == "sent":
        other = row.sent_by_other_at
        if other is not None:  # found in the channel: another machine (or process) sent it
            at = other.astimezone(zone).strftime("%H:%M:%S")
            return translate("Due", "sent by another machine at {0} \u2014 next {1}").format(at, when)
        sent = row.sent_at
        if sent is None:
            return translate("Due", "sent \u2014 next {0}").format(when)
        return translate("Due", "sent {0} \u2014 next {1}").format(when_text(sent, zone, now), when)
    if due == "added":
        added = row.target.active_since
        return translate("Due", "added {0} \u2014 first keep-alive {1}").format(
            _day_text(added, zone, now), when
        )
    return translate("Due", "due since {0} \u2014 Run now sends it").format(when)


def _day_text(value: datetime, zone: Any = None, now: datetime | None = None) -> str:
    local = value.astimezone(zone)
    today = (now or datetime.now(local.tzinfo)).astimezone(local.tzinfo).date()
    days = (local.date() - today).days
    translate = QCoreApplication.translate
    if days == 0:
        return translate("Due", "today")
    if days == -1:
        return translate("Due", "yesterday")
    return local.strftime("%Y-%m-%d")


def short_mention(user_id: int) -> str:
    """``<@…1234>``: a mention whose name is not known yet, short enough for a table cell (the full ID is in
    the tooltip)."""
    return f"<@\u2026{str(user_id)[-4:]}>"


def tr(text: str) -> str:
    return QCoreApplication.translate("ChannelsModel", text)


# A target bot's presence (service.ChannelRow.mention_presence): label and dot colour.
_PRESENCE_LABELS = {
    "online": QT_TRANSLATE_NOOP("ChannelsModel", "online"),
    "idle": QT_TRANSLATE_NOOP("ChannelsModel", "idle"),
    "dnd": QT_TRANSLATE_NOOP("ChannelsModel", "do not disturb"),
    "offline": QT_TRANSLATE_NOOP("ChannelsModel", "offline"),
}
_PRESENCE_COLORS = {"online": "ok", "idle": "warning", "dnd": "error", "offline": "offline"}


def presence_label(presence: str) -> str:
    """Translated "online" / "idle" / "do not disturb" / "offline"."""
    return tr(_PRESENCE_LABELS.get(presence, presence))


@functools.cache
def presence_dot(presence: str) -> QIcon:
    """A small filled circle in the presence's colour (green online, grey offline, ...)."""
    pm = QPixmap(12, 12)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(icons.COLORS[_PRESENCE_COLORS.get(presence, "offline")]))
    p.drawEllipse(QRectF(2, 2, 8, 8))
    p.end()
    return QIcon(pm)


def bot_tooltip(row: Any) -> str:
    """The target bot cell's tooltip: its ID, then what Discord says about its presence, or why nothing."""
    translate = QCoreApplication.translate
    lines = [translate("ChannelsModel", "Bot ID: {0}").format(row.target.mention_id)]
    presence, reason = row.mention_presence, row.presence_reason
    if presence is not None:
        lines.append(translate("ChannelsModel", "Discord shows it {0}.").format(presence_label(presence)))
        lines.append(
            translate(
                "ChannelsModel",
                "Not a failure in itself: the reply check decides whether the keep-alive worked.",
            )
        )
    elif reason:
        why = translate("Presence", reason)
        lines.append(translate("ChannelsModel", "Online status unknown: {0}.").format(why))
        lines.append(translate("ChannelsModel", "The reply check (does the bot answer?) is used instead."))
    return "\n".join(lines)


class _ListModel(QAbstractTableModel):
    """A flat table over a list of row objects, with fixed column headers set by the subclass."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._headers = headers

    def _all_changed(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class ChannelsModel(_ListModel):
    """Rows are ``service.ChannelRow`` objects."""

    COL_NAME, COL_GUILD, COL_BOT, COL_STATE, COL_SUCCESS, COL_ERROR, COL_LATENCY, COL_DAYS = range(8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Channel"),
                self.tr("Guild"),
                self.tr("Target bot"),
                self.tr("State"),
                self.tr("Keep-alive"),
                self.tr("Last error"),
                self.tr("Reply"),
                self.tr("Last 30 days"),
            ],
            parent,
        )
        self.names: dict[int, str] = {}  # guild and bot IDs → names, from what the bot can see
        self.zone: Any = None  # the schedule's time zone, for the due words
        self.strips: dict[str, Any] = {}  # target uid → core.heartbeat.Strip

    def set_strips(self, strips: dict[str, Any]) -> None:
        self.strips = strips
        if self._items:
            last = len(self._items) - 1
            self.dataChanged.emit(self.index(0, self.COL_DAYS), self.index(last, self.COL_DAYS))

    # -- data ------------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows; keeps the view's selection stable when the set of targets is unchanged."""
        new = list(rows)
        if [r.target.uid for r in new] == [r.target.uid for r in self._items]:
            self._items = new
            self._all_changed()
            return
        self.beginResetModel()
        self._items = new
        self.endResetModel()

    def set_names(self, names: dict[int, str]) -> None:
        self.names = dict(names)
        self._all_changed()

    def row_at(self, row: int) -> Any:
        return self._items[row]

    def rows(self) -> list[Any]:
        return list(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._items[index.row()]
        t = r.target
        col = index.column()
        if role == StateRole:
            return r.state
        if role == UidRole:
            return t.uid
        if role == RowRole:
            return r
        if col == self.COL_DAYS:
            return self._days_data(t.uid, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NAME:
                label = shown(t.label_message())
                return f"{label} \u00b7 {t.note}" if t.note else label  # e.g. a Coze bot's models
            if col == self.COL_GUILD:
                return r.guild_name or self.names.get(t.guild_id) or str(t.guild_id)
            if col == self.COL_BOT:
                if not t.mention_id:
                    return "\u2014"
                name = r.mention_name or self.names.get(t.mention_id)
                text = f"@{name}" if name else short_mention(t.mention_id)
                presence = r.mention_presence
                return f"{text} \u00b7 {presence_label(presence)}" if presence else text
            if col == self.COL_STATE:
                return state_name(r.state)
            if col == self.COL_SUCCESS:
                return due_text(r, self.zone)
            if col == self.COL_ERROR:
                if not r.last_error:
                    return "\u2014"
                when = fmt_time(r.last_error_at) if r.last_error_at else ""
                return f"{when} {error_text(r)}".strip()
            if col == self.COL_LATENCY:
                return "\u2014" if r.reply_latency is None else self.tr("{0:.1f} s").format(r.reply_latency)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_STATE:  # with when the next keep-alive is due, whatever column is in view
                return state_explanation(r.state, detail_of(r)) + "\n" + due_text(r, self.zone)
            if col == self.COL_NAME:
                return self.tr("Channel ID: {0}").format(t.channel_id or "\u2014")
            if col == self.COL_BOT and t.mention_id:
                return bot_tooltip(r)
            if col == self.COL_GUILD:
                return self.tr("Guild ID: {0}").format(t.guild_id)
            if col == self.COL_ERROR and r.last_error:
                return error_text(r)
            if col == self.COL_SUCCESS and r.sent_by_other_at is not None:
                return self.tr("Sent by another machine at {0}").format(fmt_time(r.sent_by_other_at))
            if col == self.COL_SUCCESS:
                return self.tr("Last success: {0}").format(fmt_time(r.last_success))
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_STATE:
            return icons.state_icon(r.state)
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_BOT and t.mention_id:
            return presence_dot(r.mention_presence) if r.mention_presence else None
        if role == Qt.ItemDataRole.ForegroundRole and not t.enabled:
            return QColor(icons.COLORS["offline"])
        if role == Qt.ItemDataRole.FontRole and col == self.COL_NAME:
            f = QFont()
            f.setBold(t.enabled)
            f.setItalic(not t.enabled)
            return f
        return None

    def _days_data(self, uid: str, role: int) -> Any:
        strip = self.strips.get(uid)
        if strip is None:
            return None
        if role == HeartbeatRole:
            return strip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            from .heartbeat import figure_text, figure_tooltip

            return figure_text(strip) if role == Qt.ItemDataRole.DisplayRole else figure_tooltip(strip)
        return None


class StateBadgeDelegate(QStyledItemDelegate):
    """Draws the state column as a coloured pill: icon, short text, tinted background."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        none_guard.ensure()  # PySide6 6.12 on Python 3.11: see none_guard.py
        state = index.data(StateRole)
        if state is None:
            super().paint(painter, option, index)
            return
        # The cell's background and selection, drawn by Qt without text or icon (initStyleOption below).
        # Not through widget.style() here: the style's Python type costs ~14 ms to create on first use.
        super().paint(painter, option, index)
        painter.save()
        cat = icons.state_category(state)
        base = icons.color(cat)
        text = state_name(state)
        fm = option.fontMetrics
        h = min(option.rect.height() - 6, fm.height() + 6)
        w = min(option.rect.width() - 8, fm.horizontalAdvance(text) + h + 14)
        rect = QRectF(option.rect.left() + 4, option.rect.center().y() - h / 2 + 0.5, w, h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(base)
        fill.setAlpha(36)
        painter.setBrush(fill)
        painter.setPen(QPen(base, 1))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        isz = int(h - 6)
        icons.state_icon(state).paint(painter, int(rect.left()) + 5, int(rect.top()) + 3, isz, isz)
        painter.setPen(base.darker(135))
        text_rect = rect.adjusted(isz + 9, 0, -6, 0)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(StateRole) is not None:  # the pill is the text and the icon
            option.text = ""
            option.icon = QIcon()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        fm = option.fontMetrics
        text = state_name(index.data(StateRole) or "")
        return QSize(max(size.width(), fm.horizontalAdvance(text) + fm.height() + 30), max(size.height(), 26))


def counts_text(counts: dict[Any, int]) -> str:
    """ "3 replied, 1 missing" from a state → count mapping (Chinese: "已回复 3，缺失 1")."""
    known = {State(s): n for s, n in counts.items() if n and s in State.__members__.values()}
    if not known:
        return "\u2014"
    return shown(counts_message(known, names={s: t() for s, t in _COUNT_NAMES.items()}))


# The outcomes a run records (core.engine: ok, warning, failed; aborted when the run was cut short).
_OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("RunsModel", "OK"),
    "warning": QT_TRANSLATE_NOOP("RunsModel", "Warning"),
    "failed": QT_TRANSLATE_NOOP("RunsModel", "Failed"),
    "aborted": QT_TRANSLATE_NOOP("RunsModel", "Aborted"),
}


def outcome_category(outcome: str | None) -> str:
    if outcome is None:
        return "pending"
    o = outcome.lower()
    if o == "ok":
        return "ok"
    if o == "warning":
        return "warning"
    return "error"


class RunsModel(_ListModel):
    """Recent runs, newest first (``service.RunRecord`` objects)."""

    COL_STARTED, COL_TRIGGER, COL_OUTCOME, COL_CHANNELS = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [self.tr("Started"), self.tr("Trigger"), self.tr("Outcome"), self.tr("Channels")], parent
        )
        self.zone: Any = None

    def set_runs(self, runs: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(runs)
        self.endResetModel()

    def run_at(self, row: int) -> Any:
        return self._items[row]

    def row_of(self, run_id: int) -> int | None:
        for i, r in enumerate(self._items):
            if r.id == run_id:
                return i
        return None

    def trigger_name(self, trigger: str) -> str:
        names = {
            "scheduled": self.tr("Scheduled"),
            "catch_up": self.tr("Catch-up"),
            "manual": self.tr("Manual"),
            "retry": self.tr("Retry"),
            "readd": self.tr("Re-add"),
        }
        return names.get(trigger, trigger)

    def outcome_name(self, outcome: str | None) -> str:
        if outcome is None:
            return self.tr("Running")
        label = _OUTCOMES.get(outcome.lower())
        return QCoreApplication.translate("RunsModel", label) if label else outcome

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_STARTED:
                return fmt_time(r.started_at)
            if col == self.COL_TRIGGER:
                return self.trigger_name(r.trigger)
            if col == self.COL_OUTCOME:
                return self.outcome_name(r.outcome)
            if col == self.COL_CHANNELS:
                return counts_text(r.counts) if r.counts else self.tr("nothing was due")
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_OUTCOME:
            return icons.painted_icon(outcome_category(r.outcome), sizes=(12, 16))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("For the keep-alive due {0}").format(when_text(r.slot_at, self.zone))
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
