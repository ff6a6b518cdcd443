"""``status --json`` under libfaketime: the process clock set to 23:00 the evening before a day whose local
midnight is missing or repeated, and ``next_run`` must be that day's slot with its local offset.

The expected value is computed here independently of ``core/schedule.py``: for a 00:00 schedule the slot of
day D is the first instant whose local date is D (the end of a gap at midnight, or the first of two
midnights), found by walking UTC minute by minute from the fake "now".
"""

from __future__ import annotations

import json
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.e2e_daemon.helpers import cli_env, ok, require_tool, run_cli
from tests.helpers.cli import CLI

# (zone, day D): 23:00 on D-1 is "now"; D's midnight is missing (gap) or repeated (fold), or ordinary.
CASES = [
    ("America/Santiago", date(2025, 9, 7)),  # 00:00 -> 01:00
    ("Asia/Beirut", date(2025, 3, 30)),  # 00:00 -> 01:00
    ("America/Havana", date(2025, 3, 9)),  # 00:00 -> 01:00
    ("America/Havana", date(2025, 11, 2)),  # 01:00 -> 00:00: midnight twice
    ("Atlantic/Azores", date(2025, 3, 30)),  # 00:00 -> 01:00
    ("Atlantic/Azores", date(2025, 10, 26)),  # 01:00 -> 00:00: midnight twice
    ("Europe/London", date(2025, 6, 15)),  # ordinary
    ("Asia/Kolkata", date(2025, 12, 31)),  # ordinary, half-hour offset, across a year end
]
OFFLINE_API = "http://127.0.0.1:9/api/v10"  # nothing listens on port 9: any network use would fail


def fake_now(zone: str, day: date) -> datetime:
    return datetime.combine(day - timedelta(days=1), datetime.min.time().replace(hour=23), ZoneInfo(zone))


def expected_next_run(zone: str, day: date) -> str:
    tz = ZoneInfo(zone)
    t = fake_now(zone, day).astimezone(UTC)
    for _ in range(3 * 60):
        t += timedelta(minutes=1)
        local = t.astimezone(tz)
        if local.date() == day:
            return local.isoformat()
    raise AssertionError(f"no instant of {day} within 3 hours after 23:00 in {zone}")


def faked(now: datetime) -> tuple[str, ...]:
    """The ``faketime`` prefix that starts the process clock at ``now`` (given in UTC: no TZ ambiguity)."""
    stamp = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    return (require_tool("faketime"), f"{stamp} UTC")


def status(home: Path, now: datetime, tz: str) -> dict[str, Any]:
    # Python's monotonic clock stays real (asyncio and timeouts need it); only the wall clock is faked.
    env = cli_env(TZ=tz, FAKETIME_DONT_FAKE_MONOTONIC="1", CDP_DESKTOP_API_BASE=OFFLINE_API)
    assert "CDP_DESKTOP_TOKEN" not in env
    started = time.monotonic()
    proc = run_cli(home, "status", "--json", env=env, program=[*faked(now), *CLI])
    data: dict[str, Any] = json.loads(ok(proc))
    assert time.monotonic() - started < 15, "status must not wait for a network or a keyring"
    assert proc.stderr == "", proc.stderr
    return data


def test_expected_values_match_the_issue() -> None:
    """The independent computation agrees with the value written in issue 5's acceptance."""
    assert expected_next_run("America/Santiago", date(2025, 9, 7)) == "2025-09-07T01:00:00-03:00"
    assert expected_next_run("Atlantic/Azores", date(2025, 10, 26)) == "2025-10-26T00:00:00+00:00"
    assert expected_next_run("America/Havana", date(2025, 11, 2)) == "2025-11-02T00:00:00-04:00"


@pytest.mark.parametrize(("zone", "day"), CASES, ids=[f"{z}-{d}" for z, d in CASES])
def test_status_next_run_with_faked_clock(tmp_path: Path, zone: str, day: date) -> None:
    now, expected = fake_now(zone, day), expected_next_run(zone, day)
    home = tmp_path / "home"
    ok(run_cli(home, "config", "set", "jitter_seconds", "0"))

    # 1. The zone comes from the system (TZ, read by tzlocal); no timezone is configured.
    data = status(home, now, tz=zone)
    assert data["settings"]["timezone"] is None
    assert data["timezone_effective"] == zone
    assert data["next_run"] == expected
    assert data["current_slot"] == (day - timedelta(days=1)).isoformat()
    assert data["catch_up_due"] is False  # no channels: nothing is owed
    assert data["paused"] is False

    # 2. The zone comes from `config set timezone`; the process itself runs in another zone.
    ok(run_cli(home, "config", "set", "timezone", zone))
    data = status(home, now, tz="Pacific/Kiritimati")  # UTC+14: far from every case
    assert data["settings"]["timezone"] == zone
    assert data["timezone_effective"] == zone
    assert data["next_run"] == expected
    assert {"catch_up_due", "paused"} <= data.keys()


def test_status_reports_a_missed_slot_as_catch_up_due(tmp_path: Path) -> None:
    """A channel added (under the fake clock) two days before: at 23:00 that day's 00:00 slot was missed."""
    zone, day = "America/Santiago", date(2025, 9, 7)
    home = tmp_path / "home"
    ok(run_cli(home, "config", "set", "jitter_seconds", "0"))
    ok(run_cli(home, "config", "set", "timezone", zone))
    added_at = fake_now(zone, day) - timedelta(days=2)
    add = run_cli(
        home,
        "channels",
        "add",
        "--guild",
        "123456789012345678",
        "--channel",
        "234567890123456789",
        "--no-verify",
        "--no-mention",
        env=cli_env(FAKETIME_DONT_FAKE_MONOTONIC="1"),
        program=[*faked(added_at), *CLI],
    )
    ok(add)

    data = status(home, fake_now(zone, day), tz="UTC")
    assert data["catch_up_due"] is True
    assert data["next_run"] == "2025-09-07T01:00:00-03:00"
    (channel,) = data["channels"]
    assert channel["enabled"] is True

    # Disabled: nothing is owed any more.
    ok(run_cli(home, "channels", "disable", "234567890123456789"))
    assert status(home, fake_now(zone, day), tz="UTC")["catch_up_due"] is False
