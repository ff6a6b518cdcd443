"""Slot arithmetic: DST gaps and folds, jitter, current/next slot, what is owed and due."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cdp_desktop.core.config import Settings, Target
from cdp_desktop.core.schedule import (
    Slot,
    current_slot,
    jitter_for,
    next_slot,
    owed_targets,
    plan,
    slot_for_date,
)

GUILD = 111111111111111111
CHANNEL = 222222222222222222


def local(slot: Slot, zone: str) -> str:
    return slot.at.astimezone(ZoneInfo(zone)).isoformat()


# (zone, date, time, expected local instant). Which midnights are missing or doubled was checked with
# zoneinfo: fold=0 and fold=1 give different offsets and the round trip through UTC does (gap) or does
# not (fold) move the wall time.
CASES = [
    # 00:00 does not exist: the clocks jump from 24:00 to 01:00
    ("America/Santiago", "2025-09-07", "00:00", "2025-09-07T01:00:00-03:00"),
    ("Asia/Beirut", "2025-03-30", "00:00", "2025-03-30T01:00:00+03:00"),
    ("America/Havana", "2025-03-09", "00:00", "2025-03-09T01:00:00-04:00"),
    ("Atlantic/Azores", "2025-03-30", "00:00", "2025-03-30T01:00:00+00:00"),
    # 00:00 happens twice (clocks go back from 01:00 to 00:00): the first occurrence
    ("America/Havana", "2025-11-02", "00:00", "2025-11-02T00:00:00-04:00"),
    ("Atlantic/Azores", "2025-10-26", "00:00", "2025-10-26T00:00:00+00:00"),
    # 02:30 is inside the 02:00 -> 03:00 gap: the first instant after the gap
    ("Europe/Berlin", "2025-03-30", "02:30", "2025-03-30T03:00:00+02:00"),
    # 01:30 twice in London on 2025-10-26: the first (BST) one
    ("Europe/London", "2025-10-26", "01:30", "2025-10-26T01:30:00+01:00"),
    # the day before and after a transition and ordinary zones
    ("America/Santiago", "2025-09-06", "00:00", "2025-09-06T00:00:00-04:00"),
    ("America/Santiago", "2025-09-08", "00:00", "2025-09-08T00:00:00-03:00"),
    ("Europe/Berlin", "2025-03-30", "00:00", "2025-03-30T00:00:00+01:00"),
    ("UTC", "2025-06-01", "00:00", "2025-06-01T00:00:00+00:00"),
    ("Asia/Shanghai", "2025-06-01", "00:00", "2025-06-01T00:00:00+08:00"),
    ("Asia/Shanghai", "2025-01-01", "09:15", "2025-01-01T09:15:00+08:00"),
    ("Europe/London", "2025-06-01", "23:59", "2025-06-01T23:59:00+01:00"),
    ("Europe/London", "2025-01-15", "00:00", "2025-01-15T00:00:00+00:00"),
]


@pytest.mark.parametrize(("zone", "day", "at", "expected"), CASES)
def test_slot_for_date(zone: str, day: str, at: str, expected: str) -> None:
    slot = slot_for_date(date.fromisoformat(day), time.fromisoformat(at), ZoneInfo(zone))
    assert local(slot, zone) == expected
    assert slot.at.utcoffset() == timedelta(0)
    assert slot.key == day
    assert slot.fire_at == slot.at


@pytest.mark.parametrize(
    ("zone", "now", "expected"),
    [
        ("America/Santiago", "2025-09-06T23:00:00-04:00", "2025-09-07T01:00:00-03:00"),
        ("Asia/Beirut", "2025-03-29T23:30:00+02:00", "2025-03-30T01:00:00+03:00"),
        ("America/Havana", "2025-03-08T22:00:00-05:00", "2025-03-09T01:00:00-04:00"),
        ("Atlantic/Azores", "2025-03-29T12:00:00-01:00", "2025-03-30T01:00:00+00:00"),
        # after the first midnight of the doubled hour: the second 00:00 is not a new slot
        ("America/Havana", "2025-11-02T00:30:00-04:00", "2025-11-03T00:00:00-05:00"),
        ("Atlantic/Azores", "2025-10-26T00:00:01+00:00", "2025-10-27T00:00:00-01:00"),
        ("UTC", "2025-06-01T00:00:00+00:00", "2025-06-02T00:00:00+00:00"),  # fire_at == now is not "after"
        ("Asia/Shanghai", "2025-06-01T23:59:59+08:00", "2025-06-02T00:00:00+08:00"),
    ],
)
def test_next_slot(zone: str, now: str, expected: str) -> None:
    slot = next_slot(datetime.fromisoformat(now), time(0), ZoneInfo(zone))
    assert local(slot, zone) == expected


def test_next_slot_acceptance_santiago() -> None:
    zone = ZoneInfo("America/Santiago")
    now = datetime(2025, 9, 6, 23, 0, tzinfo=zone)
    assert (
        next_slot(now, time(0), zone, 0).fire_at.astimezone(zone).isoformat() == "2025-09-07T01:00:00-03:00"
    )


def test_current_slot_is_latest_at_or_before_now() -> None:
    zone = ZoneInfo("Europe/Berlin")
    at = time(9, 0)
    slot_day = slot_for_date(date(2025, 5, 10), at, zone)
    assert current_slot(slot_day.at, at, zone) == slot_day
    assert current_slot(slot_day.at - timedelta(seconds=1), at, zone).key == "2025-05-09"
    assert current_slot(slot_day.at + timedelta(hours=23), at, zone) == slot_day
    assert next_slot(slot_day.at - timedelta(seconds=1), at, zone) == slot_day


def test_doubled_midnight_is_one_slot() -> None:
    zone = ZoneInfo("America/Havana")
    first = datetime(2025, 11, 2, 4, 0, tzinfo=UTC)  # 00:00 -04:00
    second = datetime(2025, 11, 2, 5, 0, tzinfo=UTC)  # 00:00 -05:00 (the repeat)
    assert current_slot(first, time(0), zone).at == first
    assert current_slot(second, time(0), zone).at == first


def test_jitter_is_deterministic_and_bounded() -> None:
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(200)]
    values = [jitter_for(d, 120) for d in days]
    assert values == [jitter_for(d, 120) for d in days]  # same after a "restart"
    assert all(timedelta(0) <= v <= timedelta(seconds=120) for v in values)
    assert len(set(values)) > 20  # spread, not a constant
    assert jitter_for(date(2025, 1, 1), 0) == timedelta(0)
    slot = slot_for_date(date(2025, 1, 1), time(0), ZoneInfo("UTC"), 120)
    assert slot.fire_at == slot.at + jitter_for(date(2025, 1, 1), 120)


def test_current_and_next_slot_respect_jitter() -> None:
    zone = ZoneInfo("UTC")
    slot = slot_for_date(date(2025, 3, 3), time(0), zone, 3600)
    assume_jitter = slot.jitter
    assert assume_jitter > timedelta(0)
    between = slot.at + assume_jitter / 2  # past the slot time, before its fire time
    assert current_slot(between, time(0), zone, 3600).key == "2025-03-02"
    assert next_slot(between, time(0), zone, 3600) == slot


def test_skipped_calendar_day_has_no_separate_slot() -> None:
    # Samoa skipped 2011-12-30 entirely; its slot would coincide with 12-31's, so there is one slot, not two.
    zone = ZoneInfo("Pacific/Apia")
    before = datetime(2011, 12, 29, 12, 0, tzinfo=zone)
    nxt = next_slot(before, time(0), zone)
    assert nxt.key == "2011-12-31"
    after = next_slot(nxt.fire_at, time(0), zone)
    assert after.key == "2012-01-01"


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError):
        next_slot(datetime(2025, 1, 1), time(0), ZoneInfo("UTC"))


# --------------------------------------------------------------------------- property test

ZONES = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    zone_name=st.sampled_from(ZONES),
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2037, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    jitter=st.sampled_from([0, 60, 3600]),
)
def test_slot_properties(zone_name: str, day: date, hour: int, minute: int, jitter: int) -> None:
    zone = ZoneInfo(zone_name)
    at = time(hour, minute)
    slots = [slot_for_date(day + timedelta(days=n), at, zone, jitter) for n in range(3)]
    # a whole calendar day skipped (Samoa 2011) is the only case where two dates share an instant
    assume(all(a.at < b.at for a, b in itertools.pairwise(slots)))
    for n, slot in enumerate(slots):
        wall = slot.at.astimezone(zone).replace(tzinfo=None)
        configured = datetime.combine(day + timedelta(days=n), at)
        assert wall >= configured  # never early; later only by a DST gap
        assert wall - configured < timedelta(hours=25)
        # round trip: the instant shows the configured wall time unless that time does not exist
        if wall != configured:
            earlier = slot.at - timedelta(seconds=1)
            assert earlier.astimezone(zone).replace(tzinfo=None) < configured  # the first instant after a gap
    # current/next agree with slot_for_date
    mid = slots[1]
    assert current_slot(mid.fire_at, at, zone, jitter) == mid
    assert next_slot(mid.fire_at - timedelta(seconds=1), at, zone, jitter) == mid
    assert next_slot(mid.fire_at, at, zone, jitter) == slots[2]


# --------------------------------------------------------------------------- owed and due


def target(added: datetime, *, enabled: bool = True, uid: str | None = None) -> Target:
    t = Target(guild_id=GUILD, channel_id=CHANNEL, enabled=enabled, added_at=added, enabled_at=added)
    if uid:
        t.uid = uid
    return t


def utc_settings(**kw: object) -> Settings:
    s = Settings(timezone="UTC", jitter_seconds=0)
    for k, v in kw.items():
        setattr(s, k, v)
    return s


DAY = datetime(2025, 6, 10, tzinfo=UTC)
SLOT = Slot(local_date=DAY.date(), at=DAY)


def test_owed_targets() -> None:
    old = target(DAY - timedelta(days=3), uid="old")
    done = target(DAY - timedelta(days=3), uid="done")
    disabled = target(DAY - timedelta(days=3), enabled=False, uid="off")
    added_after = target(DAY + timedelta(hours=15), uid="new")
    reenabled = target(DAY - timedelta(days=3), uid="re")
    reenabled.enabled_at = DAY + timedelta(hours=1)
    at_slot = target(DAY, uid="exact")  # added exactly at the slot instant: not owed that slot
    owed = owed_targets([old, done, disabled, added_after, reenabled, at_slot], SLOT, {"done"})
    assert [t.uid for t in owed] == ["old"]


def test_plan_scheduled_when_watched_within_grace() -> None:
    t = target(DAY - timedelta(days=1))
    due = plan(
        DAY + timedelta(seconds=5),
        utc_settings(),
        [t],
        set(),
        last_fire_seen=DAY - timedelta(seconds=25),
        grace=timedelta(minutes=5),
    )
    assert due is not None and not due.catch_up and due.slot.key == "2025-06-10" and due.targets == [t]


@pytest.mark.parametrize(
    "last_seen",
    [None, DAY - timedelta(hours=8), DAY + timedelta(minutes=1)],
    ids=["not-watching", "asleep-across-slot", "already-past"],
)
def test_plan_catch_up(last_seen: datetime | None) -> None:
    t = target(DAY - timedelta(days=1))
    now = DAY + timedelta(hours=9)
    due = plan(now, utc_settings(), [t], set(), last_fire_seen=last_seen, grace=timedelta(minutes=5))
    assert due is not None and due.catch_up and due.slot.key == "2025-06-10"
    assert (
        plan(
            now,
            utc_settings(catch_up=False),
            [t],
            set(),
            last_fire_seen=last_seen,
            grace=timedelta(minutes=5),
        )
        is None
    )


def test_plan_coalesces_missed_days_and_respects_done() -> None:
    t = target(DAY - timedelta(days=30))
    now = DAY + timedelta(days=3, hours=2)  # away for three days: one catch-up for today's slot only
    due = plan(now, utc_settings(), [t], set(), last_fire_seen=None, grace=timedelta(minutes=5))
    assert due is not None and due.slot.key == "2025-06-13"
    assert plan(now, utc_settings(), [t], {t.uid}, last_fire_seen=None, grace=timedelta(minutes=5)) is None


def test_plan_nothing_for_target_added_after_slot() -> None:
    t = target(DAY + timedelta(hours=15))
    now = DAY + timedelta(hours=16)
    assert plan(now, utc_settings(), [t], set(), last_fire_seen=None, grace=timedelta(minutes=5)) is None
    nxt = DAY + timedelta(days=1, seconds=1)
    due = plan(
        nxt,
        utc_settings(),
        [t],
        set(),
        last_fire_seen=nxt - timedelta(seconds=30),
        grace=timedelta(minutes=5),
    )
    assert due is not None and not due.catch_up
