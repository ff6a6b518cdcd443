"""The scheduler driver against an injected clock: real Engine and History, a small in-memory Discord port.

The fake clock's ``sleep`` advances wall and monotonic time together and returns at once, so a simulated day
runs in well under a second; ``suspend`` moves only the wall clock (monotonic clocks stop while asleep), and
``jump`` models a clock change. Every test counts the messages each channel received.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cdp_desktop.core.config import Config, Settings, Target
from cdp_desktop.core.engine import Engine, Trigger
from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.history import History
from cdp_desktop.core.message import slot_marker
from cdp_desktop.core.ports import ChannelInfo, GuildInfo, Reply, SentMessage, SlotScan, SystemClock
from cdp_desktop.scheduler import (
    NextRunChanged,
    RunFinished,
    RunStarted,
    Scheduler,
    SchedulerEvent,
    StateChanged,
    WokeUp,
)
from tests.helpers.clock import FakeClock
from tests.helpers.logs import RUN_FAILURES

# This module provokes failures on purpose: the warnings they log are expected.
pytestmark = pytest.mark.expect_log(*RUN_FAILURES)

BERLIN = ZoneInfo("Europe/Berlin")
GUILD = 100000000000000001
C1 = 200000000000000001
C2 = 200000000000000002
TICK = 30.0


def berlin(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)


class FakePort:
    """Just enough of DiscordPort for the engine: channels exist; sends can be made to fail."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.sent: list[tuple[int, str, datetime]] = []
        self.attempts: dict[int, int] = {}
        self.fail: dict[int, State] = {}
        self.block: asyncio.Event | None = None
        self._next_id = 300000000000000000

    async def fetch_channel(self, channel_id: int) -> ChannelInfo:
        return ChannelInfo(channel_id, GUILD, f"chan-{channel_id % 100}")

    async def send_message(self, channel_id: int, content: str) -> SentMessage:
        self.attempts[channel_id] = self.attempts.get(channel_id, 0) + 1
        if self.block is not None:
            await self.block.wait()
        if channel_id in self.fail:
            raise DiscordFailure(self.fail[channel_id])
        self._next_id += 1
        self.sent.append((channel_id, content, self.clock.now()))
        return SentMessage(self._next_id, channel_id, self.clock.now())

    async def wait_for_reply(
        self, channel_id: int, author_id: int, after: SentMessage, timeout: float
    ) -> Reply | None:
        return None

    async def scan_for_marker(self, channel_id: int, marker: str, after: int) -> SlotScan:
        return SlotScan((), after)  # sends that raised were not delivered; nobody else sends

    async def markers_since(
        self, channel_id: int, marker: str, scan: SlotScan, sent: SentMessage
    ) -> list[SentMessage]:
        return [sent]

    async def delete_own_message(self, channel_id: int, message_id: int) -> None:
        raise AssertionError("not used")

    async def create_text_channel(self, *args: object, **kwargs: object) -> ChannelInfo:
        raise AssertionError("not used")

    async def delete_owned_channel(self, channel_id: int) -> None:
        raise AssertionError("not used")

    async def category_exists(self, guild_id: int, category_id: int) -> bool:
        return True

    async def list_guilds(self) -> list[GuildInfo]:
        return []

    def count(self, channel_id: int, slot_key: str | None = None) -> int:
        return sum(
            1
            for c, content, _ in self.sent
            if c == channel_id and (slot_key is None or slot_marker(slot_key) in content)
        )

    def times(self, channel_id: int) -> list[datetime]:
        return [at for c, _, at in self.sent if c == channel_id]


LONG_AGO = datetime(2025, 1, 1, tzinfo=UTC)


class World:
    def __init__(self, tmp_path: Path, start: datetime, *, added: datetime = LONG_AGO, **settings: object):
        self.clock = FakeClock(start)
        self.history_path = tmp_path / "history.sqlite3"
        self.history = History(self.history_path)
        self.port = FakePort(self.clock)
        s = Settings(timezone="Europe/Berlin", jitter_seconds=0)
        for key, value in settings.items():
            setattr(s, key, value)
        self.config = Config(
            settings=s,
            targets=[
                Target(GUILD, C1, name="one", added_at=added, enabled_at=added, uid="t1"),
                Target(GUILD, C2, name="two", added_at=added, enabled_at=added, uid="t2"),
            ],
        )
        self.net_up = True
        self.reach_checks = 0
        self.events: list[SchedulerEvent] = []

    async def reachable(self) -> bool:
        self.reach_checks += 1
        return self.net_up

    def scheduler(self, **kw: object) -> Scheduler:
        engine = Engine(self.port, self.history, self.clock, max_attempts=1, sleep=self.clock.sleep)
        options: dict[str, object] = {"tick_seconds": TICK, "sleep": self.clock.sleep}
        options.update(kw)
        return Scheduler(
            get_config=lambda: self.config,
            history=self.history,
            engine=engine,
            clock=self.clock,
            reachable=self.reachable,
            on_event=self.events.append,
            **options,  # type: ignore[arg-type]
        )

    def real_time_scheduler(self) -> Scheduler:
        """On the system clock with real sleeps, for the tests that time how quickly stopping works."""
        clock = SystemClock()
        return Scheduler(
            get_config=lambda: self.config,
            history=self.history,
            engine=Engine(self.port, self.history, clock, max_attempts=1),
            clock=clock,
            reachable=self.reachable,
        )

    def run_until(self, scheduler: Scheduler, end: datetime) -> None:
        async def main() -> None:
            stop = asyncio.Event()
            self.clock.at(end, stop.set)
            await asyncio.wait_for(scheduler.run(stop), 20)

        asyncio.run(main())
        assert self.clock.longest_sleep <= TICK  # never one long sleep

    def triggers(self) -> list[tuple[str, Trigger]]:
        return [(e.slot.key, e.trigger) for e in self.events if isinstance(e, RunStarted)]

    def states(self) -> list[str]:
        return [e.state for e in self.events if isinstance(e, StateChanged)]


# --------------------------------------------------------------------------- the scenarios of issue 5


def test_suspend_across_the_slot_gives_one_catch_up_after_wake(tmp_path: Path) -> None:
    # targets added after the 06-10 slot: the first slot they are owed is 06-11 00:00
    w = World(tmp_path, berlin("2025-06-10T22:00"), added=berlin("2025-06-10T21:00"))
    w.clock.at(berlin("2025-06-10T23:50"), lambda: w.clock.suspend(9 * 3600))  # lid closed until ~08:50
    s = w.scheduler()
    w.run_until(s, berlin("2025-06-11T12:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1
    assert w.port.count(C1, "2025-06-11") == 1
    assert all(t >= berlin("2025-06-11T08:50") for t in w.port.times(C1))
    assert w.triggers() == [("2025-06-11", Trigger.CATCH_UP)]
    assert any(isinstance(e, WokeUp) and e.reason == "clock_jump" for e in w.events)
    assert w.reach_checks >= 1  # asked before the catch-up


def test_started_at_nine_after_missing_midnight_catches_up_once(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-11T09:00"))
    s = w.scheduler()
    assert s.catch_up_due()
    w.run_until(s, berlin("2025-06-11T13:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1
    assert w.port.times(C1) == [berlin("2025-06-11T09:00")]  # at once, not after a tick
    assert w.triggers() == [("2025-06-11", Trigger.CATCH_UP)]
    assert not s.catch_up_due()


def test_catch_up_disabled_waits_for_the_next_slot(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-11T09:00"), catch_up=False)
    s = w.scheduler()
    assert not s.catch_up_due()
    w.run_until(s, berlin("2025-06-12T00:30"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1
    assert w.port.count(C1, "2025-06-12") == 1
    assert w.port.times(C1) == [berlin("2025-06-12T00:00")]  # woken exactly at the slot
    assert w.triggers() == [("2025-06-12", Trigger.SCHEDULED)]


def test_network_down_at_the_slot_sends_once_when_back(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:00"), added=berlin("2025-06-10T21:00"))
    w.net_up = False
    w.clock.at(berlin("2025-06-11T02:00"), lambda: setattr(w, "net_up", True))
    s = w.scheduler()
    w.run_until(s, berlin("2025-06-11T05:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1
    sent_at = w.port.times(C1)[0]
    assert berlin("2025-06-11T02:00") <= sent_at <= berlin("2025-06-11T02:00:30")
    assert "waiting_for_network" in w.states()
    assert w.triggers() == [("2025-06-11", Trigger.SCHEDULED)]  # decided on time, sent when back
    assert w.reach_checks > 100  # re-checked every tick while down, not a failure


def test_network_down_with_catch_up_disabled_still_sends_the_on_time_slot(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:00"), added=berlin("2025-06-10T21:00"), catch_up=False)
    w.net_up = False
    w.clock.at(berlin("2025-06-11T02:00"), lambda: setattr(w, "net_up", True))
    w.run_until(w.scheduler(), berlin("2025-06-11T03:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1


def test_transient_failure_then_recovery_is_retried_to_one_delivery(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:50"), added=berlin("2025-06-10T21:00"))
    w.port.fail[C1] = State.DISCORD_UNAVAILABLE
    w.port.fail[C2] = State.NO_ACCESS  # permanent: tried once, never retried automatically
    w.clock.at(berlin("2025-06-11T00:20"), lambda: w.port.fail.pop(C1))
    s = w.scheduler(retry_base=60.0, retry_cap=1800.0)
    w.run_until(s, berlin("2025-06-11T06:00"))
    assert w.port.count(C1) == 1
    assert w.port.count(C2) == 0 and w.port.attempts[C2] == 1
    # attempts at 00:00, +1, +2, +4, +8 min fail; +16 min (00:31) is after the fix and delivers
    assert w.port.attempts[C1] == 6
    assert w.port.times(C1) == [berlin("2025-06-11T00:31")]
    assert [t for _, t in w.triggers()] == [Trigger.SCHEDULED] + [Trigger.RETRY] * 5
    assert s.state == "idle"


def test_permanent_failure_is_not_retried_after_a_restart(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:55"), added=berlin("2025-06-10T21:00"))
    w.port.fail[C2] = State.MISSING
    w.run_until(w.scheduler(), berlin("2025-06-11T00:05"))
    assert w.port.attempts[C2] == 1
    w.clock.jump(3600)  # restarted an hour later: the history says C2 failed permanently for this slot
    w.run_until(w.scheduler(), berlin("2025-06-11T03:00"))
    assert w.port.attempts[C2] == 1 and w.port.count(C1) == 1


def test_a_re_added_channel_gets_the_same_days_keep_alive_once(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:55"), added=berlin("2025-06-10T21:00"))
    w.port.fail[C2] = State.MISSING  # deleted on Discord before the slot
    s = w.scheduler()
    c2_new = 200000000000000099

    def readd() -> None:  # what AppService.readd_missing does: rebind, then let the scheduler try again
        w.config.targets[1].channel_id = c2_new
        s.forget_attempts({"t2"})

    w.clock.at(berlin("2025-06-11T02:00"), readd)
    w.run_until(s, berlin("2025-06-11T06:00"))
    assert w.port.attempts[C2] == 1 and w.port.count(C2) == 0  # the missing channel: tried once
    assert w.port.count(c2_new, "2025-06-11") == 1  # the recreated one: today's keep-alive, once
    assert w.port.times(c2_new)[0] < berlin("2025-06-11T02:01")
    assert w.port.count(C1) == 1


def test_wake_up_retries_failed_channels_at_once(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:55"), added=berlin("2025-06-10T21:00"))
    w.port.fail[C1] = State.NETWORK

    def sleep_and_fix() -> None:  # suspended at 00:05 with a dead link, woke at 00:15 on a working one
        w.clock.suspend(600)
        w.port.fail.clear()

    w.clock.at(berlin("2025-06-11T00:05"), sleep_and_fix)
    w.run_until(w.scheduler(retry_base=1800.0), berlin("2025-06-11T02:00"))
    assert w.port.count(C1) == 1
    assert w.port.times(C1)[0] < berlin("2025-06-11T00:16")  # not at the 00:30 backoff


def test_retries_stop_at_the_next_slot(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:50"), added=berlin("2025-06-10T21:00"))
    w.port.fail[C1] = State.NETWORK
    w.clock.at(berlin("2025-06-11T23:00"), lambda: w.port.fail.pop(C1))
    s = w.scheduler(retry_base=60.0, retry_cap=1800.0)
    w.run_until(s, berlin("2025-06-12T00:10"))
    assert w.port.count(C1, "2025-06-11") == 1  # a retry after the fix, before midnight
    assert w.port.count(C1, "2025-06-12") == 1
    assert w.port.count(C2) == 2
    assert s._retry_uids == set()  # internal: nothing carried into the new slot


def test_backwards_clock_jump_after_a_send_does_not_send_again(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:55"), added=berlin("2025-06-10T21:00"))
    w.clock.at(
        berlin("2025-06-11T00:10"), lambda: w.clock.jump(-30 * 60)
    )  # back to 23:40, crosses midnight again
    s = w.scheduler()
    w.run_until(s, berlin("2025-06-11T01:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1
    assert any(isinstance(e, WokeUp) for e in w.events)


def test_restart_after_the_slot_was_done_sends_nothing(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:55"), added=berlin("2025-06-10T21:00"))
    w.run_until(w.scheduler(), berlin("2025-06-11T00:05"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1
    w.history.close()
    w.history = History(w.history_path)  # a new process: new History, Engine and Scheduler
    w.clock.jump(9 * 3600)  # restarted at ~09:05
    again = w.scheduler()
    assert not again.catch_up_due()
    w.run_until(again, berlin("2025-06-11T12:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1


def test_target_added_after_the_slot_is_not_owed_it(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-11T09:00"))
    late = Target(GUILD, 200000000000000003, name="late", added_at=berlin("2025-06-11T08:00"), uid="t3")
    late.enabled_at = late.added_at
    w.config.targets.append(late)
    w.run_until(w.scheduler(), berlin("2025-06-12T00:30"))
    assert w.port.count(C1, "2025-06-11") == 1  # old target: caught up today
    assert w.port.count(late.channel_id or 0, "2025-06-11") == 0  # not owed today's slot
    assert w.port.count(late.channel_id or 0, "2025-06-12") == 1  # owed from the next slot
    assert w.port.count(C1, "2025-06-12") == 1


def test_pause_runs_nothing_and_resume_runs_the_due_slot(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:00"), added=berlin("2025-06-10T21:00"))
    w.config.paused = True
    s = w.scheduler()
    assert s.paused and s.state == "paused"
    w.run_until(s, berlin("2025-06-11T01:00"))
    assert w.port.sent == []
    assert s.next_run() == berlin("2025-06-12T00:00")  # still reported while paused
    w.clock.at(berlin("2025-06-11T01:30"), s.resume)
    w.run_until(s, berlin("2025-06-11T02:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1
    assert w.triggers() == [("2025-06-11", Trigger.CATCH_UP)]  # missed while paused
    assert not s.paused and s.state == "idle"


def test_pause_midway_through_retries_holds_them(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:55"), added=berlin("2025-06-10T21:00"))
    w.port.fail[C1] = State.NETWORK
    s = w.scheduler()
    w.clock.at(berlin("2025-06-11T00:00:30"), s.pause)
    w.run_until(s, berlin("2025-06-11T03:00"))
    assert w.port.attempts[C1] == 1 and s.state == "paused"


# --------------------------------------------------------------------------- timing, DST, API


def test_precise_wake_up_at_a_jittered_dst_slot(tmp_path: Path) -> None:
    santiago = ZoneInfo("America/Santiago")
    start = datetime(2025, 9, 6, 23, 0, tzinfo=santiago)
    w = World(
        tmp_path, start, added=datetime(2025, 9, 6, 12, 0, tzinfo=santiago), timezone="America/Santiago"
    )
    s = w.scheduler()
    first = s.next_run()
    assert first is not None and first.isoformat() == "2025-09-07T01:00:00-03:00"
    w.config.settings.jitter_seconds = 900
    fire = s.next_run()
    assert fire is not None and fire > datetime(2025, 9, 7, 1, 0, tzinfo=santiago)
    w.run_until(s, datetime(2025, 9, 7, 3, 0, tzinfo=santiago))
    assert w.port.times(C1) == [fire]  # exactly at the jittered fire time, not a tick later
    assert w.triggers() == [("2025-09-07", Trigger.SCHEDULED)]
    assert any(isinstance(e, NextRunChanged) and e.when == fire for e in w.events)


def test_a_late_tick_counts_as_a_wake_up(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-10T23:50"), added=berlin("2025-06-10T21:00"))

    def blocked() -> None:  # the loop was stuck for 20 minutes (monotonic and wall both advanced)
        w.clock.mono += 1200
        w.clock.wall += timedelta(seconds=1200)

    w.clock.at(berlin("2025-06-10T23:55"), blocked)
    w.run_until(w.scheduler(), berlin("2025-06-11T01:00"))
    assert any(isinstance(e, WokeUp) and e.reason == "late_tick" for e in w.events)
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1


def test_run_now_manual_force_and_events(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-11T15:00"), added=berlin("2025-06-11T14:00"))
    s = w.scheduler()
    assert not s.catch_up_due()  # added after today's slot: nothing owed

    async def main() -> None:
        first = await asyncio.wait_for(s.run_now(), 5)
        assert first.trigger is Trigger.MANUAL and first.slot.key == "2025-06-11"
        assert {r.state for r in first.results} == {State.OK}
        again = await asyncio.wait_for(s.run_now(), 5)
        assert again.results == [] and sorted(again.skipped_done) == ["t1", "t2"]
        await asyncio.wait_for(s.run_now(force=True), 5)

    asyncio.run(main())
    assert w.port.count(C1) == 2 and w.port.count(C2) == 2
    assert sum(isinstance(e, RunFinished) for e in w.events) == 3
    # the scheduler then has nothing to do for this slot
    w.run_until(s, berlin("2025-06-11T18:00"))
    assert w.port.count(C1) == 2


def test_run_now_transient_failure_joins_the_retries(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-11T15:00"), added=berlin("2025-06-11T14:00"))
    w.port.fail[C1] = State.NETWORK
    s = w.scheduler()
    asyncio.run(asyncio.wait_for(s.run_now(), 5))
    assert s.state == "retry_scheduled"
    w.port.fail.clear()
    w.run_until(s, berlin("2025-06-11T16:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 1


def test_disabled_target_is_not_run(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-11T09:00"))
    w.config.targets[1].enabled = False
    w.run_until(w.scheduler(), berlin("2025-06-11T10:00"))
    assert w.port.count(C1) == 1 and w.port.count(C2) == 0


def test_tick_seconds_is_bounded(tmp_path: Path) -> None:
    w = World(tmp_path, berlin("2025-06-11T09:00"))
    with pytest.raises(ValueError):
        w.scheduler(tick_seconds=60.0)


# --------------------------------------------------------------------------- stopping (real time)


def test_stop_ends_run_within_a_second(tmp_path: Path) -> None:
    w = World(tmp_path, datetime.now(UTC))
    w.config.paused = True
    s = w.real_time_scheduler()

    async def main() -> None:
        stop = asyncio.Event()
        task = asyncio.ensure_future(s.run(stop))
        await asyncio.sleep(0.1)
        assert not task.done()
        stop.set()
        await asyncio.wait_for(task, 1.0)  # TimeoutError unless the run ends within a second

    asyncio.run(main())


def test_stop_during_a_run_cancels_it_promptly(tmp_path: Path) -> None:
    w = World(tmp_path, datetime.now(UTC))
    s = w.real_time_scheduler()

    async def main() -> None:
        w.port.block = asyncio.Event()  # the send hangs
        stop = asyncio.Event()
        task = asyncio.ensure_future(s.run(stop))
        for _ in range(100):
            if w.port.attempts:
                break
            await asyncio.sleep(0.01)
        assert w.port.attempts and s.state == "running"
        stop.set()
        await asyncio.wait_for(task, 1.0)

    asyncio.run(main())
    assert w.port.sent == []


# --------------------------------------------------------------------------- under qasync (real timers)


class OffsetClock:
    """Real time shifted so that a chosen instant is a moment away; monotonic time is the real one."""

    def __init__(self, now: datetime) -> None:
        self.offset = now - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def monotonic(self) -> float:
        return SystemClock().monotonic()


@pytest.mark.skipif(
    not (os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM")),
    reason="needs a Qt platform (run through scripts/test, or set QT_QPA_PLATFORM=offscreen)",
)
def test_under_qasync_fires_at_the_slot_and_stops(
    tmp_path: Path, qloop: asyncio.AbstractEventLoop, wait_for: Callable[..., Any]
) -> None:
    clock = OffsetClock(berlin("2025-06-10T23:59:59.400"))
    history = History(tmp_path / "h.sqlite3")
    port = FakePort(clock)  # type: ignore[arg-type]
    w = World(tmp_path / "w", berlin("2025-06-10T23:00"), added=berlin("2025-06-10T21:00"))
    s = Scheduler(
        get_config=lambda: w.config,
        history=history,
        engine=Engine(port, history, clock, max_attempts=1),
        clock=clock,
        reachable=w.reachable,
        tick_seconds=TICK,
    )

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.ensure_future(s.run(stop))
        for _ in range(300):
            if port.sent:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(task, 1.0)

    wait_for(scenario(), timeout=5.0)  # stopping is prompt: the scenario waits 1 s at most for the task
    assert port.count(C1, "2025-06-11") == 1 and port.count(C2, "2025-06-11") == 1
    # woken by the precise timer at the slot (qasync's coarse timers allow some slack), not by a 30 s tick
    assert port.times(C1)[0] - berlin("2025-06-11T00:00") < timedelta(seconds=1)
    history.close()
