"""What the service tells its listeners (the Qt bridge, the daemon's log, the CLI's progress lines).

Plain frozen dataclasses: no Qt, no discord.py, so every shell can import them cheaply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from ..core.events import RunFinished as RunFinished  # re-exported: part of ServiceEvent
from ..core.events import RunStarted as RunStarted
from ..core.messages import Message, template
from ..core.ports import ConnectionStatus

if TYPE_CHECKING:
    from ..core.cdp_endpoint import EndpointCheck


class SchedulerState(StrEnum):
    """What the scheduler is doing (the scheduler's own state words, as one type)."""

    IDLE = "idle"
    RUNNING = "running"
    WAITING_FOR_NETWORK = "waiting_for_network"
    PAUSED = "paused"
    RETRY_SCHEDULED = "retry_scheduled"


class OverallState(StrEnum):
    """The one word for the tray icon and the window: the worst of connection and channel states."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    OFFLINE = "offline"
    PAUSED = "paused"


@dataclass(frozen=True)
class ConnectionChanged:
    status: ConnectionStatus


@dataclass(frozen=True)
class ScheduleChanged:
    next_run: datetime | None
    paused: bool
    state: SchedulerState


@dataclass(frozen=True)
class CdpEndpointChanged:
    check: EndpointCheck


@dataclass(frozen=True)
class ChannelsChanged:
    """Config or results changed: rows need a refresh."""


@dataclass(frozen=True)
class Notice:
    """Something the user should hear about (the UI turns it into a notification or a banner).

    ``title`` and ``body`` are messages, rendered in the reader's language when shown; :attr:`text` is the
    English body for the log."""

    kind: str  # "unreachable" | "run_failed" | "missing" | "no_access" | "token_invalid" | "no_reply" | ...
    title: Message
    body: Message
    target_uid: str | None = None
    level: str = "error"  # "info" | "warning" | "error"

    @property
    def text(self) -> str:
        return str(self.body)

    @property
    def line(self) -> Message:
        """Title and body as one line (the daemon's terminal and log), joined as the language joins them."""
        return NOTICE_LINE(title=self.title, body=self.body)


NOTICE_LINE = template("Notice", "notice.line", "{title}: {body}")


ServiceEvent = (
    ConnectionChanged
    | ScheduleChanged
    | RunStarted
    | RunFinished
    | ChannelsChanged
    | Notice
    | CdpEndpointChanged
)
Listener = Callable[[ServiceEvent], None]
