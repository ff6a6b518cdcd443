"""One outcome per channel and local day: the heartbeat strip, the channel detail and ``history`` share it.

A day is a slot's local date in the configured zone (the slot key), so a day with a DST change is still one
day and the strip never skips or repeats a date. The table's strips come from ``History.day_states`` (one
statement for every channel, states only); a day's details, the detail dialog and the ``history`` command read
``History.day_rows``. The day's outcome is the best thing that happened that day: a later retry that delivered
turns an earlier failure of the same day into a delivered day (the failure stays in ``error_state``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from .errors import FAILURE_STATES, State
from .messages import Message

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
_WITHOUT_RESULTS = frozenset({Outcome.APP_OFF, Outcome.UPCOMING, Outcome.BEFORE})
UNCOUNTED = frozenset({Outcome.UPCOMING, Outcome.BEFORE})

# "This day's keep-alive was sent by another machine (or process)": the cross-machine check records the
# channel as done with the other machine's message under this state. Named by value, so history written by a
# version that has the state reads right here too.
ELSEWHERE_STATES = frozenset({"sent_elsewhere"})

# Best first: which of a day's results decides the day (the ranks are distinct).
_RANK = {
    Outcome.REPLIED: 0,
    Outcome.ELSEWHERE: 1,
    Outcome.SENT: 2,
    Outcome.MISSING: 3,
    Outcome.FAILED: 4,
    Outcome.NOT_RUN: 5,
}
_BY_RANK = {rank: outcome for outcome, rank in _RANK.items()}


def _outcome_of(state: str) -> Outcome:
    if state in ELSEWHERE_STATES:
        return Outcome.ELSEWHERE
    try:
        s = State(state)
    except ValueError:
        return Outcome.FAILED  # an unknown state never passes for a delivered day
    if s == State.REPLIED:
        return Outcome.REPLIED
    if s in (State.OK, State.SENT, State.NO_REPLY):
        return Outcome.SENT
    if s == State.MISSING:
        return Outcome.MISSING
    if s in FAILURE_STATES:
        return Outcome.FAILED
    return Outcome.NOT_RUN  # skipped_disabled, pending


# Looked up once per result row (15,000 for 500 channels): a dict, not an enum construction each time.
_BY_STATE: dict[str, Outcome] = {s: _outcome_of(s) for s in [*(x.value for x in State), *ELSEWHERE_STATES]}


def outcome_of_state(state: str) -> Outcome:
    """The day outcome one result state stands for."""
    found = _BY_STATE.get(state)
    return found if found is not None else _outcome_of(state)


# The rank each state's outcome has, looked up once per result row by load_strips.
_RANK_BY_STATE: dict[str, int] = {s: _RANK[o] for s, o in _BY_STATE.items()}


def _rank(state: str | None) -> int:
    found = _RANK_BY_STATE.get(state or "")
    return found if found is not None else _RANK[outcome_of_state(state or "")]


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
    error_message: str = ""  # English (``history --json``)
    attempts: int = 0  # results recorded that day
    # The failure in the reader's language, when it says more than its state.
    error_note: Message | None = field(default=None, hash=False)

    @property
    def delivered(self) -> bool:
        return self.outcome in DELIVERED

    @property
    def counted(self) -> bool:
        return self.outcome not in UNCOUNTED


class Strip:
    """The last N days of one channel, oldest first (today last).

    ``outcomes`` is all the table's delegate paints; a ``Day`` (times parsed, the failure picked out) is
    built from the day's rows only when asked for (a tooltip, the detail dialog, the CLI)."""

    __slots__ = ("__weakref__", "_days", "_loader", "_rows", "counted", "dates", "delivered", "outcomes")

    def __init__(
        self,
        dates: Sequence[date],
        outcomes: Sequence[Outcome],
        rows: dict[int, list[DayRow]] | None = None,
        loader: Callable[[date], list[DayRow]] | None = None,
    ) -> None:
        """``rows``: each day's results where known; ``loader``: reads one day's results for the days whose
        outcome came from results (``load_strips`` fetches only states for the table)."""
        self.dates = tuple(dates)
        self.outcomes = tuple(outcomes)
        self._rows = rows or {}
        self._loader = loader
        self._days: tuple[Day, ...] | None = None
        self.delivered = sum(map(DELIVERED.__contains__, self.outcomes))
        self.counted = len(self.outcomes) - sum(map(UNCOUNTED.__contains__, self.outcomes))

    @classmethod
    def of_days(cls, days: Sequence[Day]) -> Strip:
        strip = cls([d.day for d in days], [d.outcome for d in days])
        strip._days = tuple(days)
        return strip

    def day(self, i: int) -> Day:
        if self._days is not None:
            return self._days[i]
        rows = self._rows.get(i)
        if rows is None and self._loader is not None and self.outcomes[i] not in _WITHOUT_RESULTS:
            rows = self._rows[i] = self._loader(self.dates[i])
        return _decide(self.dates[i], rows) if rows else Day(self.dates[i], self.outcomes[i])

    @property
    def days(self) -> tuple[Day, ...]:
        if self._days is None:
            self._days = tuple(self.day(i) for i in range(len(self.dates)))
        return self._days

    def last(self, n: int) -> Strip:
        """The last ``n`` days (the detail dialog's 30 out of its 90)."""
        start = max(0, len(self.dates) - n)
        rows = {i - start: r for i, r in self._rows.items() if i >= start}
        return Strip(self.dates[start:], self.outcomes[start:], rows, self._loader)


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
            pair = (r.target_uid, r.slot_key)
            found = by_target.get(pair)
            if found is None:
                by_target[pair] = [r]
            else:
                found.append(r)
    dates = _days(today, days)
    keys = [d.isoformat() for d in dates]
    slot_at = [slot_for_date(d, at, zone).at for d in dates]
    last = len(dates) - 1
    strips: dict[str, Strip] = {}
    for t in targets:
        outcomes: list[Outcome] = []
        kept: dict[int, list[DayRow]] = {}
        for i, key in enumerate(keys):
            results = by_target.get((t.uid, key))
            if results:
                kept[i] = results
                if len(results) == 1:
                    outcomes.append(outcome_of_state(results[0].state or ""))
                else:
                    outcomes.append(outcome_of_state(_best(results).state or ""))
            elif i == last:
                outcomes.append(Outcome.UPCOMING)
            elif slot_at[i] <= t.added_at:
                outcomes.append(Outcome.BEFORE)
            elif key in run_days:
                outcomes.append(Outcome.NOT_RUN)
            else:
                outcomes.append(Outcome.APP_OFF)
        strips[t.uid] = Strip(dates, outcomes, kept)
    return strips


def _best(results: list[DayRow]) -> DayRow:
    """The best-ranked result of a day; among equals the latest."""
    return min(enumerate(results), key=lambda ir: (_rank(ir[1].state), -ir[0]))[1]


def load_strips(
    targets: Sequence[Target], settings: Settings, history: History, now: datetime, days: int
) -> dict[str, Strip]:
    """The table's strips for every target from one ``History.day_states`` statement; a day's details
    (times, errors) are read for that day alone when someone looks at it."""
    zone = settings.zone()
    today = local_today(now, zone)
    since = first_day(today, days)
    run_days, per_target = history.day_states(since.isoformat())
    dates = _days(today, days)
    keys = [d.isoformat() for d in dates]
    slot_at = [_slot_at(d, settings.time_of_day, zone) for d in dates]
    ran = set(run_days)
    last = len(dates) - 1
    strips: dict[str, Strip] = {}
    for t in targets:
        best: dict[str, int] = {}
        for entry in per_target.get(t.uid, ()):
            key, _, state = entry.partition(" ")
            rank = _RANK_BY_STATE.get(state)
            if rank is None:
                rank = _rank(state)
            if rank < best.get(key, 99):
                best[key] = rank
        outcomes = []
        for i, key in enumerate(keys):
            found = best.get(key)
            if found is not None:
                outcomes.append(_BY_RANK[found])
            elif i == last:
                outcomes.append(Outcome.UPCOMING)
            elif slot_at[i] <= t.added_at:
                outcomes.append(Outcome.BEFORE)
            else:
                outcomes.append(Outcome.NOT_RUN if key in ran else Outcome.APP_OFF)

        def loader(day: date, uid: str = t.uid) -> list[DayRow]:
            key = day.isoformat()
            found = history.day_rows(key, uid, until_key=key, sent_times=True)
            return [r for r in found if r.state is not None]

        strips[t.uid] = Strip(dates, outcomes, None, loader)
    return strips


def load_full_strips(
    targets: Sequence[Target],
    settings: Settings,
    history: History,
    now: datetime,
    days: int,
    target_uid: str | None = None,
) -> dict[str, Strip]:
    """Strips with every result and the send ledger's times read at once (the ``history`` command)."""
    zone = settings.zone()
    today = local_today(now, zone)
    rows = history.day_rows(first_day(today, days).isoformat(), target_uid, sent_times=True)
    chosen = [t for t in targets if target_uid is None or t.uid == target_uid]
    return build_strips(chosen, rows, today=today, days=days, at=settings.time_of_day, zone=zone)


def _slot_at(day: date, at: time, zone: ZoneInfo) -> datetime:
    from .schedule import slot_for_date

    return slot_for_date(day, at, zone).at


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _decide(day: date, results: list[DayRow]) -> Day:
    """The best result of the day decides; the last failure of the day is kept for the tooltip."""
    best = _best(results)
    outcome = outcome_of_state(best.state or "")
    failures = [r for r in results if outcome_of_state(r.state or "") in (Outcome.FAILED, Outcome.MISSING)]
    err = failures[-1] if failures else None
    delivered = outcome in DELIVERED
    return Day(
        day=day,
        outcome=outcome,
        state=best.state,
        at=_time(best.at),
        sent_at=_time(best.sent_at or best.at) if delivered else None,
        reply_latency=best.reply_latency,
        message_id=_int(best.message_id),
        channel_id=_int(best.channel_id),
        error_state=err.state if err else None,
        error_code=err.code if err else None,
        error_message=(err.message or "") if err else "",
        attempts=len(results),
        error_note=err.explanation() if err is not None and err.has_detail else None,
    )
