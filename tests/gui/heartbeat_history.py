"""A prepared history for the heartbeat strip and the channel detail: every day outcome, a day the app did
not run, a day nothing was due, a retry that delivered, and America/Santiago's DST day (2025-09-07: local
midnight does not exist, the 00:00 slot falls at 01:00)."""

from __future__ import annotations

import time as _time
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cdp_desktop.core.config import Target
from cdp_desktop.core.errors import State
from cdp_desktop.core.history import ChannelResult, History
from cdp_desktop.core.message import slot_marker
from cdp_desktop.core.schedule import slot_for_date
from cdp_desktop.paths import AppPaths
from cdp_desktop.service import LOOPBACK_TIMING, AppService
from tests.gui.dialog_support import no_keyring

ZONE = "America/Santiago"
NOW = datetime(2025, 9, 20, 15, 0, tzinfo=UTC)  # 12:00 local; today's cell is 2025-09-20
FIRST = date(2025, 8, 22)  # the strip's first day (30 days ending today)
DST_DAY = date(2025, 9, 7)
GUILD, BOT = 400000000000000000, 400000000000000099

# Channel "daily": replied every day except these (state, latency, message, code per attempt).
DAILY: dict[date, list[tuple[str, float | None, str, int | None]]] = {
    date(2025, 9, 1): [("no_reply", None, "", None)],
    date(2025, 9, 2): [("network", None, "Cannot connect to host discord.com:443", None)],
    date(2025, 9, 3): [("missing", None, "Unknown Channel", 10003)],
    date(2025, 9, 6): [("network", None, "Server disconnected", None), ("replied", 3.0, "", None)],
    DST_DAY: [("replied", 2.5, "", None)],
    date(2025, 9, 8): [("no_access", None, "Missing Access", 50001)],
}
APP_OFF = date(2025, 9, 4)  # no run at all
NOTHING_DUE = date(2025, 9, 5)  # a run with no result for anyone
LATE_ADDED = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)  # "late" joins after that day's slot
LATE_FAILED = date(2025, 9, 15)


class FixedClock:
    def now(self) -> datetime:
        return NOW

    def monotonic(self) -> float:
        return _time.monotonic()


@dataclass
class Prepared:
    service: AppService
    daily: Target
    late: Target
    fresh: Target  # added today, no history at all


def prepare(home: Path) -> Prepared:
    service = AppService(
        AppPaths.resolve(home), env={}, timing=LOOPBACK_TIMING, token_store=no_keyring(), clock=FixedClock()
    )

    def settings(c: object) -> None:
        s = c.settings  # type: ignore[attr-defined]
        s.timezone, s.schedule_time, s.jitter_seconds = ZONE, "00:00", 0

    service.update_config(settings)
    early = datetime(2025, 8, 1, tzinfo=UTC)
    daily = Target(GUILD, GUILD + 1, BOT, name="daily", added_at=early, enabled_at=early)
    late = Target(GUILD, GUILD + 2, BOT, name="late", added_at=LATE_ADDED, enabled_at=LATE_ADDED)
    fresh = Target(GUILD, GUILD + 3, BOT, name="fresh", added_at=NOW, enabled_at=NOW)
    for t in (daily, late, fresh):
        service.add_target(t)
    write_history(service.history, daily, late)
    return Prepared(service, daily, late, fresh)


def write_history(history: History, daily: Target, late: Target) -> None:
    zone = ZoneInfo(ZONE)
    message_id = 1 << 41
    day = FIRST
    while day < NOW.astimezone(zone).date():
        if day != APP_OFF:
            slot = slot_for_date(day, time(0, 0), zone)
            plan: list[tuple[Target, tuple[str, float | None, str, int | None]]] = []
            if day != NOTHING_DUE:
                n = (day - FIRST).days
                for attempt in DAILY.get(day, [("replied", 1.0 + n % 5, "", None)]):
                    plan.append((daily, attempt))
                if slot.at > late.added_at:
                    state = "rate_limited" if day == LATE_FAILED else "replied"
                    plan.append((late, (state, 1.2 if state == "replied" else None, "", None)))
            started = slot.at + timedelta(seconds=1)
            for k, (target, (state, latency, message, code)) in enumerate(plan):
                run_id = history.start_run(slot.key, slot.at, "scheduled", started)
                at = started + timedelta(minutes=10 * k, seconds=2)
                assert target.channel_id is not None
                delivered = State(state).is_success
                if delivered:
                    message_id += 1
                    history.record_intent(target.uid, slot.key, target.channel_id, slot_marker(slot.key), at)
                    history.record_sent(target.uid, slot.key, message_id, at)
                history.add_result(
                    run_id,
                    ChannelResult(
                        run_id=run_id,
                        target_uid=target.uid,
                        channel_id=target.channel_id,
                        label=target.label,
                        state=State(state),
                        code=code,
                        message=message,
                        message_id=message_id if delivered else None,
                        reply_latency=latency,
                        at=at + timedelta(seconds=latency or 0),
                    ),
                )
                history.finish_run(run_id, at, "ok" if delivered else "failed")
            if not plan:
                run_id = history.start_run(slot.key, slot.at, "scheduled", started)
                history.finish_run(run_id, started, "ok")
        day += timedelta(days=1)
