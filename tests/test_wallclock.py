"""The scheduler's wall-clock wake-up on Linux: a real timerfd, real kernel clock-change events, a real D-Bus.

A clock change is delivered as the kernel delivers it: ``bench.clockstep`` steps the real wall clock by one
nanosecond (the smallest step that raises the kernel's "clock was set" event; needs CAP_SYS_TIME or
passwordless sudo), while the scheduler's own clock is an offset clock the test moves (the "jump"). logind's
resume signal comes from a fake ``org.freedesktop.login1`` on a private bus daemon standing in for the
system bus. Each clock change and each resume must lead to exactly one recomputation of the schedule.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench import clockstep
from cdp_desktop.core.engine import Engine
from cdp_desktop.core.history import History
from cdp_desktop.scheduler import RunStarted, Scheduler, SchedulerEvent, WokeUp
from cdp_desktop.sleepwatch import LOGIND, LOGIND_MANAGER, LOGIND_PATH, watch_resume
from cdp_desktop.wallclock import CLOCK_CHANGED, DUE, kernel_realtime, make_alarm
from tests.desktop_session import on_ci
from tests.test_scheduler import C1, C2, FakePort, OffsetClock, World

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="timerfd is Linux only")


def need_clock_step() -> None:
    why = clockstep.how_to_step()
    if why is not None:
        if on_ci():
            pytest.fail(f"CI=true but the test {why}", pytrace=False)
        pytest.skip(why)


# --------------------------------------------------------------------------- the alarm itself


def test_alarm_fires_at_its_wall_clock_instant() -> None:
    alarm = make_alarm()
    assert alarm is not None

    async def main() -> tuple[str, float]:
        at = kernel_realtime() + 0.3
        result = await asyncio.wait_for(alarm.wait_until(at), 10)
        return result, kernel_realtime() - at

    try:
        result, after = asyncio.run(main())
    finally:
        alarm.close()
    assert result == DUE and after >= 0  # never before the instant


def test_a_clock_change_cancels_the_alarm() -> None:
    need_clock_step()
    alarm = make_alarm()
    assert alarm is not None

    async def main() -> str:
        loop = asyncio.get_running_loop()
        stepper = loop.run_in_executor(None, clockstep.announce_clock_change)
        try:
            return await asyncio.wait_for(alarm.wait_until(kernel_realtime() + 120), 60)
        finally:
            await stepper

    try:
        assert asyncio.run(main()) == CLOCK_CHANGED
    finally:
        alarm.close()


def test_a_clock_change_between_two_waits_is_reported_by_the_next_wait() -> None:
    """The clock changes while nobody waits (the scheduler is busy with a run): re-arming reports it.

    The kernel answers the next ``timerfd_settime`` with ECANCELED; that is the clock change, not a broken
    alarm (CI once saw the scheduler give up the alarm for a tick here), and it is reported once."""
    need_clock_step()
    alarm = make_alarm()
    assert alarm is not None

    async def main() -> tuple[str, str]:
        first = await asyncio.wait_for(alarm.wait_until(kernel_realtime() + 0.05), 10)
        clockstep.announce_clock_change()
        second = await asyncio.wait_for(alarm.wait_until(kernel_realtime() + 120), 10)
        third = await asyncio.wait_for(alarm.wait_until(kernel_realtime() + 0.05), 10)
        return first, second + "," + third

    try:
        first, rest = asyncio.run(main())
    finally:
        alarm.close()
    assert first == DUE
    assert rest == f"{CLOCK_CHANGED},{DUE}"


# --------------------------------------------------------------------------- the scheduler on the alarm


class Harness:
    """A scheduler on the real alarm with an offset clock; the slot is ``ahead`` away on that clock."""

    def __init__(self, tmp_path: Path, ahead: timedelta) -> None:
        slot = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(days=3)
        self.slot = slot
        self.clock = OffsetClock(slot - ahead)
        self.world = World(
            tmp_path,
            slot,
            added=slot - timedelta(hours=2),
            schedule_time=slot.strftime("%H:%M"),
            timezone="UTC",
        )
        self.history = History(tmp_path / "alarm.sqlite3")
        self.port = FakePort(self.clock)  # type: ignore[arg-type]
        self.events: list[SchedulerEvent] = []
        self.scheduler = Scheduler(
            get_config=lambda: self.world.config,
            history=self.history,
            engine=Engine(self.port, self.history, self.clock, max_attempts=1),
            clock=self.clock,
            reachable=self.world.reachable,
            on_event=self.events.append,
        )

    def woke(self) -> list[str]:
        return [e.reason for e in self.events if isinstance(e, WokeUp)]

    def runs(self) -> int:
        return sum(isinstance(e, RunStarted) for e in self.events)


async def until(predicate: Callable[[], Any], timeout: float, what: str) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def settled(h: Harness) -> int:
    """Wait for the first look at the schedule, give the loop a moment; the evaluation count then."""
    await until(lambda: h.scheduler.evaluations >= 1, 10, "the first evaluation")
    await asyncio.sleep(0.3)
    return h.scheduler.evaluations


def test_idle_scheduler_does_not_wake_until_the_slot(tmp_path: Path) -> None:
    h = Harness(tmp_path, ahead=timedelta(hours=5))

    async def main() -> tuple[int, int]:
        stop = asyncio.Event()
        task = asyncio.ensure_future(h.scheduler.run(stop))
        first = await settled(h)
        await asyncio.sleep(2.0)  # a tick-based loop would look again here under a short tick; this never
        later = h.scheduler.evaluations
        stop.set()
        await asyncio.wait_for(task, 5)
        return first, later

    first, later = asyncio.run(main())
    assert first == later == 1
    h.history.close()


def test_a_clock_change_leads_to_exactly_one_recomputation(tmp_path: Path) -> None:
    need_clock_step()
    h = Harness(tmp_path, ahead=timedelta(hours=5))

    async def main() -> tuple[int, int]:
        stop = asyncio.Event()
        task = asyncio.ensure_future(h.scheduler.run(stop))
        before = await settled(h)
        await asyncio.get_running_loop().run_in_executor(None, clockstep.announce_clock_change)
        await until(lambda: h.woke(), 10, "the scheduler to notice the clock change")
        await asyncio.sleep(1.0)  # a second recomputation would come now
        after = h.scheduler.evaluations
        stop.set()
        await asyncio.wait_for(task, 5)
        return before, after

    before, after = asyncio.run(main())
    assert after - before == 1
    assert h.woke() == ["clock_change"]
    assert h.port.sent == []  # nothing owed: a clock change alone sends nothing
    h.history.close()


def test_a_wall_clock_jump_past_the_slot_runs_it_at_once(tmp_path: Path) -> None:
    """The jump moves the scheduler's clock past the slot; the kernel's clock-was-set event wakes it."""
    need_clock_step()
    h = Harness(tmp_path, ahead=timedelta(hours=1))

    async def main() -> float:
        stop = asyncio.Event()
        task = asyncio.ensure_future(h.scheduler.run(stop))
        await settled(h)
        loop = asyncio.get_running_loop()
        h.clock.offset += timedelta(hours=1, seconds=5)  # now 5 s past the slot
        jumped = loop.time()
        await loop.run_in_executor(None, clockstep.announce_clock_change)
        await until(lambda: h.port.sent, 20, "the slot's keep-alive after the jump")
        late = loop.time() - jumped
        stop.set()
        await asyncio.wait_for(task, 5)
        return late

    late = asyncio.run(main())
    assert h.port.count(C1) == 1 and h.port.count(C2) == 1
    assert h.woke() == ["clock_change"] and h.runs() == 1
    print(f"\nslot ran {late:.3f} s after the wall-clock jump (the benchmark holds the figure)")
    h.history.close()


# --------------------------------------------------------------------------- resume through logind


@pytest.fixture
def fake_system_bus(tmp_path: Path) -> Iterator[str]:
    """A private dbus-daemon standing in for the system bus; its address."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        if on_ci():
            pytest.fail("CI=true but the test needs dbus-daemon", pytrace=False)
        pytest.skip("needs dbus-daemon")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    assert address.startswith("unix:"), address
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(5)


class FakeLogind:
    """Owns ``org.freedesktop.login1`` on the bus and emits ``PrepareForSleep``."""

    def __init__(self, address: str) -> None:
        from jeepney import message_bus
        from jeepney.io.blocking import open_dbus_connection

        self.conn = open_dbus_connection(bus=address)
        reply = self.conn.send_and_get_reply(message_bus.RequestName(LOGIND))
        assert reply.body == (1,), reply.body  # primary owner

    def prepare_for_sleep(self, going: bool) -> None:
        from jeepney import DBusAddress, new_signal

        self.conn.send(
            new_signal(DBusAddress(LOGIND_PATH, interface=LOGIND_MANAGER), "PrepareForSleep", "b", (going,))
        )

    def close(self) -> None:
        self.conn.close()


@pytest.mark.parametrize("kernel_cancels", [False, True], ids=["signal-only", "alarm-cancelled-too"])
def test_a_resume_leads_to_exactly_one_recomputation(
    tmp_path: Path, fake_system_bus: str, kernel_cancels: bool
) -> None:
    """Suspend and resume as logind reports them; with ``kernel_cancels`` the kernel's resume also cancels
    the alarm (as Linux does) between the two signals: still one recomputation, reported as the resume."""
    if kernel_cancels:
        need_clock_step()
    h = Harness(tmp_path, ahead=timedelta(hours=5))
    logind = FakeLogind(fake_system_bus)

    async def main() -> tuple[int, int]:
        listening = asyncio.Event()
        stop = asyncio.Event()
        task = asyncio.ensure_future(h.scheduler.run(stop))
        watcher = asyncio.ensure_future(
            watch_resume(
                h.scheduler.resumed,
                h.scheduler.going_to_sleep,
                bus=fake_system_bus,
                on_listening=listening.set,
            )
        )
        await asyncio.wait_for(listening.wait(), 10)
        before = await settled(h)
        logind.prepare_for_sleep(True)
        await until(lambda: h.scheduler._before_sleep, 10, "the sleep signal")
        if kernel_cancels:
            await asyncio.get_running_loop().run_in_executor(None, clockstep.announce_clock_change)
            await until(lambda: h.woke(), 10, "the alarm's cancel on resume")
        logind.prepare_for_sleep(False)
        await until(lambda: h.woke() and not h.scheduler._resume_counted, 10, "the resume signal")
        await asyncio.sleep(1.0)  # a second recomputation would come now
        after = h.scheduler.evaluations
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        stop.set()
        await asyncio.wait_for(task, 5)
        return before, after

    try:
        before, after = asyncio.run(main())
    finally:
        logind.close()
        h.history.close()
    assert after - before == 1
    assert h.woke() == ["resume"]


def test_without_a_system_bus_the_resume_watch_ends_quietly(tmp_path: Path) -> None:
    async def main() -> None:
        await asyncio.wait_for(watch_resume(lambda: None, bus=f"unix:path={tmp_path}/no-such-bus"), 10)

    asyncio.run(main())  # returns instead of raising or retrying in a loop
