"""One outcome per channel and local day: the heartbeat strip, the channel detail and ``history`` share it.

A day is a slot's local date in the configured zone (the slot key), so a day with a DST change is still one
day and the strip never skips or repeats a date. The days come from ``History.day_rows`` (one query for every
channel); the day's outcome is the best thing that happened that day: a later retry that delivered turns an
earlier failure of the same day into a delivered day (the failure stays in ``error_state`` for the tooltip).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from .errors import FAILURE_STATES, State

if TYPE_CHECKING:  # the window's strip delegate imports this module before its first paint: keep it light
    from zoneinfo import ZoneInfo

    from .config import Settings, Target
    from .history import DayRow, History


class Outcome(StrEnum):
    """A channel's day, as the strip draws it (also the stable ``history --json`` vocabulary)."""

    REPLIED = "replied"  # delivered and the target bot answered
    SENT = "sent"  # delivered, no reply (none asked for, or none in time)
    ELSEWHERE = "sent_elsewhere"  # another machine (or process) delivered this day's keep-alive
    FAILED = "failed"  # tried, nothing delivered
    MISSING = "missing"  # the channel did not exist on Discord
    NOT_RUN = "not_run"  # the app ran that day but not for this channel (disabled, nothing owed)
    APP_OFF = "app_not_running"  # no run at all is recorded for that day
    UPCOMING = "upcoming"  # today, nothing recorded yet
    BEFORE = "not_configured"  # before the channel was added: not counted


DELIVERED = frozenset({Outcome.REPLIED, Outcome.SENT, Outcome.ELSEWHERE})
UNCOUNTED = frozenset({Outcome.UPCOMING, Outcome.BEFORE})

# States that mean "this day's keep-alive was sent by another machine": the cross-machine check records the
# channel as done with the other machine's message. Named here by value so that this module also reads
# history written by a version that has them before this one knows them as State members.
ELSEWHERE_STATES = frozenset({"sent_elsewhere", "sent_by_other", "other_machine", "duplicate_withdrawn"})

# Best first: which of a day's results decides the day.
_RANK = {
    Outcome.REPLIED: 0,
    Outcome.ELSEWHERE: 1,
    Outcome.SENT: 2,
    Outcome.MISSING: 3,
    Outcome.FAILED: 4,
    Outcome.NOT_RUN: 5,
}


def outcome_of_state(state: str) -> Outcome:
    """The day outcome one result state stands for."""
    if state in ELSEWHERE_STATES:
        return Outcome.ELSEWHERE
    try:
        s = State(state)
    except ValueError:
        return Outcome.FAILED  # an unknown state never passes for a delivered day
    if s == State.REPLIED:
        return Outcome.REPLIED
    if s in (State.OK, State.NO_REPLY):
        return Outcome.SENT
    if s == State.MISSING:
        return Outcome.MISSING
    if s in FAILURE_STATES:
        return Outcome.FAILED
    return Outcome.NOT_RUN  # skipped_disabled, pending


@dataclass(frozen=True)
class Day:
    """One channel on one local date."""

    day: date
    outcome: Outcome
    state: str | None = None  # the deciding result's state
    at: datetime | None = None  # when the deciding result was recorded (UTC)
    sent_at: datetime | None = None  # when the day's message went out (send ledger), if one did
    reply_latency: float | None = None
    message_id: int | None = None
    channel_id: int | None = None
    error_state: str | None = None  # the day's last failure, even when a retry delivered afterwards
    error_code: int | None = None
    error_message: str = ""
    attempts: int = 0  # results recorded that day

    @property
    def delivered(self) -> bool:
        return self.outcome in DELIVERED

    @property
    def counted(self) -> bool:
        return self.outcome not in UNCOUNTED


@dataclass(frozen=True)
class Strip:
    """The last N days of one channel, oldest first (today last)."""

    days: tuple[Day, ...]

    @property
    def delivered(self) -> int:
        return sum(1 for d in self.days if d.delivered)

    @property
    def counted(self) -> int:
        return sum(1 for d in self.days if d.counted)


def local_today(now: datetime, zone: ZoneInfo) -> date:
    return now.astimezone(zone).date()


def first_day(today: date, days: int) -> date:
    """Calendar arithmetic on dates (never on instants), so DST days are whole days."""
    return today - timedelta(days=days - 1)


def _days(today: date, days: int) -> list[date]:
    start = first_day(today, days)
    return [start + timedelta(days=i) for i in range(days)]


def build_strips(
    targets: Sequence[Target],
    rows: Iterable[DayRow],
    *,
    today: date,
    days: int,
    at: time,
    zone: ZoneInfo,
) -> dict[str, Strip]:
    """target uid → its strip over the ``days`` dates ending with ``today``, from ``History.day_rows``."""
    from .schedule import slot_for_date

    by_target: dict[tuple[str, str], list[DayRow]] = {}
    run_days: set[str] = set()
    for r in rows:
        run_days.add(r.slot_key)
        if r.target_uid is not None and r.state is not None:
            by_target.setdefault((r.target_uid, r.slot_key), []).append(r)
    dates = _days(today, days)
    slot_at = {d: slot_for_date(d, at, zone).at for d in dates}
    strips: dict[str, Strip] = {}
    for t in targets:
        cells = []
        for d in dates:
            key = d.isoformat()
            results = by_target.get((t.uid, key))
            if results:
                cells.append(_decide(d, results))
            elif d == today:
                cells.append(Day(d, Outcome.UPCOMING))
            elif slot_at[d] <= t.added_at:
                cells.append(Day(d, Outcome.BEFORE))
            elif key in run_days:
                cells.append(Day(d, Outcome.NOT_RUN))
            else:
                cells.append(Day(d, Outcome.APP_OFF))
        strips[t.uid] = Strip(tuple(cells))
    return strips


def load_strips(
    targets: Sequence[Target],
    settings: Settings,
    history: History,
    now: datetime,
    days: int,
    target_uid: str | None = None,
) -> dict[str, Strip]:
    """The strips of ``targets`` (or of the one ``target_uid``) from one ``day_rows`` query."""
    zone = settings.zone()
    today = local_today(now, zone)
    rows = history.day_rows(first_day(today, days).isoformat(), target_uid)
    chosen = [t for t in targets if target_uid is None or t.uid == target_uid]
    return build_strips(chosen, rows, today=today, days=days, at=settings.time_of_day, zone=zone)


def _decide(day: date, results: list[DayRow]) -> Day:
    """The best result of the day decides; the last failure of the day is kept for the tooltip."""
    # best rank; among equals the latest result
    _, best = min(enumerate(results), key=lambda ir: (_RANK[outcome_of_state(ir[1].state or "")], -ir[0]))
    failures = [r for r in results if outcome_of_state(r.state or "") in (Outcome.FAILED, Outcome.MISSING)]
    err = failures[-1] if failures else None
    return Day(
        day=day,
        outcome=outcome_of_state(best.state or ""),
        state=best.state,
        at=best.at,
        sent_at=(best.sent_at or best.at) if outcome_of_state(best.state or "") in DELIVERED else None,
        reply_latency=best.reply_latency,
        message_id=best.message_id,
        channel_id=best.channel_id,
        error_state=err.state if err else None,
        error_code=err.code if err else None,
        error_message=err.message if err else "",
        attempts=len(results),
    )
