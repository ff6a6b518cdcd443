"""Scheduler accuracy: how late a slot runs after the wall clock jumps past it (suspend/resume, clock change).

The real ``cdp_desktop.scheduler.Scheduler`` runs as the app runs it (on Linux: waiting on its wall-clock
alarm, a timerfd) on a clock whose wall time can jump while monotonic time goes on. The slot is about an hour
ahead; after the first look at the schedule, at a chosen delay (the phase of the old 30 s tick), the wall
clock jumps past the slot (by the distance + 5 s). A real clock change also makes the kernel announce it;
this run delivers that announcement by stepping the real clock by 1 ns (``bench/clockstep.py``, needs
CAP_SYS_TIME or passwordless sudo; without it the trials show what a jump nobody announces costs). Lateness
is the real (monotonic) time from the jump to the engine's ``run`` being called. The phases run one after
the other (each step wakes every scheduler on the machine).

Baseline (computed, not waited for): coze-discord-proxy's single ``time.Sleep(until next slot)`` is a
monotonic sleep; after the jump it still sleeps for the rest of its original delay.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from . import clockstep
from .common import Section, log, median

SLOT_AHEAD = timedelta(hours=1)


class JumpClock:
    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def monotonic(self) -> float:
        return time.monotonic()


class StubEngine:
    """Records when a run starts; the run itself is not what is measured here."""

    def __init__(self) -> None:
        self.started: list[tuple[float, datetime, str]] = []
        self.clock: JumpClock | None = None

    async def run(
        self, config: Any, slot: Any, trigger: Any, *, targets: Any = None, force: bool = False
    ) -> Any:
        assert self.clock is not None
        self.started.append((time.monotonic(), self.clock.now(), str(trigger)))
        return SimpleNamespace(results=[])


async def _trial(phase: float, workdir: Path, announce: bool) -> dict[str, Any]:
    from cdp_desktop.core.config import Config, Settings, Target
    from cdp_desktop.core.history import History
    from cdp_desktop.core.schedule import next_slot
    from cdp_desktop.scheduler import NextRunChanged, Scheduler

    clock = JumpClock()
    now = clock.now()
    at = now + SLOT_AHEAD
    settings = Settings(schedule_time=f"{at.hour:02d}:{at.minute:02d}", timezone="UTC", jitter_seconds=0)
    added = now - timedelta(minutes=30)  # after the previous slot: nothing is owed until the next one
    target = Target(guild_id=10**17, channel_id=10**17 + 1, name="bench", added_at=added, enabled_at=added)
    config = Config(settings=settings, targets=[target])
    slot = next_slot(now, settings.time_of_day, settings.zone(), 0)
    engine = StubEngine()
    engine.clock = clock
    ticks: list[float] = []

    def on_event(event: object) -> None:
        if isinstance(event, NextRunChanged):
            ticks.append(time.monotonic())

    async def reachable() -> bool:
        return True

    history = History(workdir / f"sched-{phase}.sqlite")
    sched = Scheduler(
        get_config=lambda: config,
        history=history,
        engine=engine,  # type: ignore[arg-type]
        clock=clock,
        reachable=reachable,
        on_event=on_event,
    )
    stop = asyncio.Event()
    task = asyncio.ensure_future(sched.run(stop))
    alarm_used = False
    try:
        while not ticks:
            await asyncio.sleep(0.01)
        alarm_used = sched._alarm is not None  # internal: which wake-up the scheduler chose
        await asyncio.sleep(max(0.0, ticks[0] + phase - time.monotonic()))
        remaining = (slot.fire_at - clock.now()).total_seconds()
        clock.offset += timedelta(seconds=remaining + 5)
        jumped = time.monotonic()
        if announce:
            await asyncio.get_running_loop().run_in_executor(None, clockstep.announce_clock_change)
        deadline = jumped + sched.tick_seconds + 15
        while not engine.started and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
    finally:
        stop.set()
        await asyncio.wait({task}, timeout=5)
        history.close()
    if not engine.started:
        return {"phase": phase, "lateness": None, "naive_lateness": remaining}
    started, wall, trigger = engine.started[0]
    return {
        "phase": phase,
        "lateness": started - jumped,
        "wall_after_slot": (wall - slot.fire_at).total_seconds(),
        "trigger": trigger,
        "naive_lateness": remaining,
        "tick_seconds": sched.tick_seconds,
        "wake": "wall-clock alarm (timerfd)" if alarm_used else f"tick ({sched.tick_seconds:.0f} s)",
        "announced": announce,
    }


async def _all(phases: list[float], workdir: Path, announce: bool) -> list[dict[str, Any]]:
    return [await _trial(p, workdir, announce) for p in phases]


def run(quick: bool) -> Section:
    phases = [1.0, 15.0, 28.0] if quick else [1.0, 8.0, 15.0, 22.0, 28.0]
    why_not = clockstep.how_to_step()
    announce = why_not is None
    if why_not:
        log(f"scheduler: cannot announce the clock change ({why_not}); the jump goes unannounced")
    with tempfile.TemporaryDirectory(prefix="cdp-bench-sched-") as tmp:
        trials = asyncio.run(_all(phases, Path(tmp), announce))
    for t in trials:
        log(f"scheduler: jump {t['phase']:.0f} s after the first look -> run {t['lateness']} s later")
    late = [t["lateness"] for t in trials if t["lateness"] is not None]
    naive = [t["naive_lateness"] for t in trials]
    worst = max(late) if late else None
    return Section(
        name="scheduler",
        value=worst,
        baseline=max(naive) if naive else None,
        unit="s",
        what="worst lateness of a slot after the wall clock jumped past it, as the app runs "
        "(baseline: one monotonic sleep until the slot, computed)",
        details={
            "tick_seconds": trials[0].get("tick_seconds"),
            "wake": trials[0].get("wake"),
            "announced": announce,
            "why_not_announced": why_not,
            "median_lateness": median(late),
            "trials": trials,
            "scenario": f"slot {SLOT_AHEAD} ahead; the wall clock jumps past it at several delays after "
            "the scheduler's first look"
            + ("; the kernel's clock-change event delivered by a 1 ns real step" if announce else ""),
        },
        notes=[
            "baseline computed: the rest of a single sleep-until-slot, "
            "which a wall-clock jump does not cut short"
        ],
    )
