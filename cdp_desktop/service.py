"""The application service: config + history + Discord client + engine + scheduler, wired together.

This is the one object the shells (CLI, daemon, Qt UI) talk to. It has no Qt in it: the UI wraps its
events in Qt signals (``ui/bridge.py``). Everything that can fail in a user-visible way ends up as a
state or a :class:`Notice` event, never as an exception escaping into the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from .core.config import Target
from .core.errors import State
from .core.ports import ConnectionStatus

# ----------------------------------------------------------------------------------------- events


@dataclass(frozen=True)
class ConnectionChanged:
    status: ConnectionStatus


@dataclass(frozen=True)
class ScheduleChanged:
    next_run: datetime | None
    paused: bool
    state: str  # "idle" | "running" | "waiting_for_network" | "paused" | "retry_scheduled"


@dataclass(frozen=True)
class RunStarted:
    run_id: int
    trigger: str
    slot_key: str


@dataclass(frozen=True)
class RunFinished:
    report: object  # core.engine.RunReport


@dataclass(frozen=True)
class ChannelsChanged:
    """Config or results changed: rows need a refresh."""


@dataclass(frozen=True)
class Notice:
    """Something the user should hear about (the UI turns it into a notification or a banner)."""

    kind: str  # "run_failed" | "missing" | "no_access" | "token_invalid" | "no_reply" | "recovered" | "error"
    title: str
    body: str
    target_uid: str | None = None
    level: str = "error"  # "info" | "warning" | "error"


ServiceEvent = ConnectionChanged | ScheduleChanged | RunStarted | RunFinished | ChannelsChanged | Notice
Listener = Callable[[ServiceEvent], None]


@dataclass
class ChannelRow:
    """One line of the channels table."""

    target: Target
    state: State
    detail: str
    guild_name: str | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    reply_latency: float | None
