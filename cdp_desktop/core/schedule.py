"""Slot arithmetic: the daily keep-alive slot of a local date, DST rules, jitter, what is due.

(Stub by the lead: the signatures are the contract; the schedule helper implements the bodies.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True, order=True)
class Slot:
    """The keep-alive slot of one local calendar date.

    ``at`` is the UTC instant of the configured local time (after DST rules), without jitter;
    ``fire_at`` adds the per-slot jitter. ``key`` (the ISO local date) identifies the slot in history.
    """

    local_date: date
    at: datetime  # aware, UTC
    jitter: timedelta = timedelta(0)

    @property
    def fire_at(self) -> datetime:
        return self.at + self.jitter

    @property
    def key(self) -> str:
        return self.local_date.isoformat()


def slot_for_date(day: date, at: time, zone: ZoneInfo, jitter_seconds: int = 0) -> Slot:
    raise NotImplementedError


def current_slot(now: datetime, at: time, zone: ZoneInfo, jitter_seconds: int = 0) -> Slot:
    """The latest slot whose fire time is at or before ``now``."""
    raise NotImplementedError


def next_slot(now: datetime, at: time, zone: ZoneInfo, jitter_seconds: int = 0) -> Slot:
    """The first slot whose fire time is after ``now``."""
    raise NotImplementedError
