"""The window's header: the connection (bot name, state, reason) on the left, the schedule on the right."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import APP_NAME, i18n
from ..core.messages import Message
from ..core.ports import ConnectionState
from . import icons
from .cdp_status import CdpEndpointStatus
from .models import counts_text, fmt_time

if TYPE_CHECKING:
    from ..core.history import RunRecord
    from ..core.ports import ConnectionStatus
    from .bridge import ServiceBridge

_ICON_KIND = {
    ConnectionState.CONNECTED: "ok",
    ConnectionState.CONNECTING: "paused",
    ConnectionState.RECONNECTING: "warning",
    ConnectionState.OFFLINE: "offline",
}


def format_countdown(seconds: float) -> str:
    """Always H:MM:SS ("0:04:59", "23:59:59"): one format, whether or not a whole hour is left."""
    s = max(0, int(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}"


def shown(text: Message | str | None) -> str:
    """A message from the core or an adapter in the window's language (plain text as it is)."""
    if isinstance(text, Message):
        return text.render(i18n.qt_translate)
    return text or ""


class StatusHeader(QFrame):
    def __init__(self, bridge: ServiceBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setStyleSheet("#header { border: 1px solid palette(mid); border-radius: 6px; }")
        h = QHBoxLayout(self)
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
        self.cdp_status = CdpEndpointStatus(bridge, self)  # hidden while no cdp_url is set
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

    def show_connection(self, status: ConnectionStatus) -> None:
        names = {
            ConnectionState.CONNECTING: self.tr("Connecting\u2026"),
            ConnectionState.CONNECTED: self.tr("Connected"),
            ConnectionState.RECONNECTING: self.tr("Reconnecting\u2026"),
            ConnectionState.OFFLINE: self.tr("Offline"),
            ConnectionState.TOKEN_INVALID: self.tr("Token rejected by Discord"),
            ConnectionState.INTENTS_MISSING: self.tr("Privileged intents not enabled"),
            ConnectionState.NO_TOKEN: self.tr("No bot token"),
        }
        state = status.state
        kind = _ICON_KIND.get(state, "error")
        self.conn_icon.setPixmap(icons.painted_icon(kind, sizes=(24,)).pixmap(24, 24))
        self.bot_label.setText(status.bot_name or APP_NAME)
        name = names[state]
        detail = shown(status.detail)
        if status.proxy and detail and state != ConnectionState.CONNECTED:
            text = self.tr("{state} \u00b7 via proxy {proxy} \u00b7 {reason}").format(
                state=name, proxy=status.proxy, reason=detail
            )
        elif status.proxy:
            text = self.tr("{state} \u00b7 via proxy {proxy}").format(state=name, proxy=status.proxy)
        elif detail and state != ConnectionState.CONNECTED:
            text = self.tr("{state} \u00b7 {reason}").format(state=name, reason=detail)
        else:
            text = name
        self.conn_label.setText(text)
        self.conn_label.setToolTip(detail)

    def show_last_run(self, last: RunRecord | None) -> None:
        if last is None:
            self.last_label.setText(self.tr("No runs yet"))
            return
        when = fmt_time(last.finished_at or last.started_at)
        summary = counts_text(last.counts) if last.counts else self.tr("nothing was due")
        self.last_label.setText(self.tr("Last run {when}: {summary}").format(when=when, summary=summary))

    def show_next_run(
        self, *, paused: bool, running: bool, waiting: bool, next_run: datetime | None, zone: tzinfo
    ) -> None:
        """``running``: a run is going; ``waiting``: the scheduler waits for the network."""
        if paused:
            self.next_label.setText(self.tr("Paused"))
        elif running:
            self.next_label.setText(self.tr("Running\u2026"))
        elif waiting:
            self.next_label.setText(self.tr("Waiting for the network"))
        elif next_run is None:
            self.next_label.setText(self.tr("No run scheduled"))
        else:
            left = (next_run - datetime.now(next_run.tzinfo)).total_seconds()
            # The zone is named: it may differ from the system's.
            at = f"{next_run.astimezone(zone).strftime('%H:%M')} {getattr(zone, 'key', '')}".rstrip()
            if left <= 0:
                self.next_label.setText(self.tr("Next run due now ({0})").format(at))
            else:
                self.next_label.setText(
                    self.tr("Next run in {countdown} (at {time})").format(
                        countdown=format_countdown(left), time=at
                    )
                )
