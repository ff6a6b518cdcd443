"""Slot arithmetic: the daily keep-alive slot of a local date, DST rules, jitter, what is due.

A slot is computed per *calendar date* (never "previous slot + 24 h", which drifts across DST):

- a local time that does not exist that day (DST gap) resolves to the first instant after the gap;
- a local time that exists twice (fold) resolves to its first occurrence.

Both are detected by round-tripping through UTC with ``fold=0`` and ``fold=1``, so no offsets are hard-coded
and the rules hold for any zone in the tz database.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # the configuration's settings compute their slots with this module
    from .config import Settings, Target


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


def _exists(local: datetime, zone: ZoneInfo) -> bool:
    """Whether the naive wall time ``local`` occurs in ``zone`` (False inside a DST gap)."""
    aware = local.replace(tzinfo=zone, fold=0)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == local


def resolve_local(local: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant of the naive wall time ``local`` in ``zone`` under the gap and fold rules."""
    first = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second = local.replace(tzinfo=zone, fold=1).astimezone(UTC)
    if _exists(local, zone):
        # In a fold fold=0 is the first occurrence; elsewhere both folds give the same instant.
        return min(first, second)
    # In a gap the two folds straddle the transition: fold=1 applies the later offset (an instant before
    # the transition), fold=0 the earlier one (an instant after it). The transition is the first instant
    # whose wall time lies after the gap; find it by bisection on whole seconds (transitions are whole).
    lo, hi = min(first, second), max(first, second)  # lo is before the gap, hi after it
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) // 2
        mid = mid.replace(microsecond=0)
        if mid.astimezone(zone).replace(tzinfo=None) > local:
            hi = mid
        else:
            lo = mid
    return hi


def jitter_for(day: date, jitter_seconds: int) -> timedelta:
    """A delay in [0, jitter_seconds] derived from the date only, so it is the same after every restart."""
    if jitter_seconds <= 0:
        return timedelta(0)
    digest = hashlib.sha256(day.isoformat().encode("ascii")).digest()
    return timedelta(seconds=int.from_bytes(digest[:8], "big") % (jitter_seconds + 1))


def slot_for_date(day: date, at: time, zone: ZoneInfo, jitter_seconds: int = 0) -> Slot:
    instant = resolve_local(datetime.combine(day, at.replace(tzinfo=None, fold=0)), zone)
    return Slot(local_date=day, at=instant, jitter=jitter_for(day, jitter_seconds))


def _slots_around(now: datetime, at: time, zone: ZoneInfo, jitter_seconds: int) -> list[Slot]:
    """Slots of the dates around ``now``'s local date, in increasing order.

    A date whose slot coincides with the next date's (a calendar day skipped entirely, as Samoa did in 2011)
    is left out so that every instant belongs to one slot.
    """
    today = now.astimezone(zone).date()
    days = [today + timedelta(days=n) for n in range(-3, 4)]
    slots = [slot_for_date(d, at, zone, jitter_seconds) for d in days]
    return [s for s, nxt in itertools.pairwise(slots) if s.at < nxt.at]


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")


def current_slot(now: datetime, at: time, zone: ZoneInfo, jitter_seconds: int = 0) -> Slot:
    """The latest slot whose fire time is at or before ``now``."""
    _require_aware(now)
    return [s for s in _slots_around(now, at, zone, jitter_seconds) if s.fire_at <= now][-1]


def next_slot(now: datetime, at: time, zone: ZoneInfo, jitter_seconds: int = 0) -> Slot:
    """The first slot whose fire time is after ``now``."""
    _require_aware(now)
    return next(s for s in _slots_around(now, at, zone, jitter_seconds) if s.fire_at > now)


# --------------------------------------------------------------------------- what is due


def owed_targets(targets: Iterable[Target], slot: Slot, done_uids: set[str] | frozenset[str]) -> list[Target]:
    """Targets a scheduled or catch-up run owes ``slot``: enabled, not delivered, active before the slot.

    A target added or enabled after the slot's time is first owed the next slot.
    """
    return [t for t in targets if t.enabled and t.uid not in done_uids and t.active_since < slot.at]


@dataclass(frozen=True)
class Due:
    """The current slot is owed to ``targets`` now; ``catch_up`` says whether its fire time was missed."""

    slot: Slot
    catch_up: bool
    targets: list[Target] = field(default_factory=list)


def plan(
    now: datetime,
    settings: Settings,
    targets: Iterable[Target],
    done_uids: set[str] | frozenset[str],
    *,
    last_fire_seen: datetime | None,
    grace: timedelta,
) -> Due | None:
    """What to run now, if anything. Older missed slots are coalesced: only the current slot matters.

    ``last_fire_seen`` is the wall time at which the caller last looked (its previous tick), or None when it
    was not watching (just started, or the clock jumped). A slot whose fire time passed between that look and
    ``now``, no more than ``grace`` ago, is a scheduled run; any other owed slot is a catch-up, which is
    skipped entirely when ``settings.catch_up`` is off.
    """
    _require_aware(now)
    slot = settings.current_slot(now)
    owed = owed_targets(targets, slot, done_uids)
    if not owed:
        return None
    watched = last_fire_seen is not None and last_fire_seen < slot.fire_at
    on_time = watched and now - slot.fire_at <= grace
    if not on_time and not settings.catch_up:
        return None
    return Due(slot=slot, catch_up=not on_time, targets=owed)
