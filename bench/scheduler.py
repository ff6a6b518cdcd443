"""Scheduler accuracy: how late a slot runs after the wall clock jumps past it (suspend/resume, clock change).

The real ``cdp_desktop.runtime.Scheduler`` runs with its default tick on a clock whose wall time can jump
while monotonic time goes on. The slot is about an hour ahead; after a first tick, at a chosen phase of the
tick, the wall clock jumps past the slot (by the distance + 5 s). Lateness is the real (monotonic) time from
the jump to the engine's ``run`` being called. Several phases run side by side, each with its own scheduler.

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


async def _trial(phase: float, workdir: Path) -> dict[str, Any]:
    from cdp_desktop.core.config import Config, Settings, Target
    from cdp_desktop.core.history import History
    from cdp_desktop.core.schedule import next_slot
    from cdp_desktop.runtime import NextRunChanged, Scheduler

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
    try:
        while not ticks:
            await asyncio.sleep(0.01)
        await asyncio.sleep(max(0.0, ticks[0] + phase - time.monotonic()))
        remaining = (slot.fire_at - clock.now()).total_seconds()
        clock.offset += timedelta(seconds=remaining + 5)
        jumped = time.monotonic()
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
    }


async def _all(phases: list[float], workdir: Path) -> list[dict[str, Any]]:
    return list(await asyncio.gather(*(_trial(p, workdir) for p in phases)))


def run(quick: bool) -> Section:
    phases = [1.0, 15.0, 28.0] if quick else [1.0, 8.0, 15.0, 22.0, 28.0]
    with tempfile.TemporaryDirectory(prefix="cdp-bench-sched-") as tmp:
        trials = asyncio.run(_all(phases, Path(tmp)))
    for t in trials:
        log(f"scheduler: jump {t['phase']:.0f} s after a tick -> run {t['lateness']} s later")
    late = [t["lateness"] for t in trials if t["lateness"] is not None]
    naive = [t["naive_lateness"] for t in trials]
    worst = max(late) if late else None
    return Section(
        name="scheduler",
        value=worst,
        baseline=max(naive) if naive else None,
        unit="s",
        what="worst lateness of a slot after the wall clock jumped past it, default tick "
        "(baseline: one monotonic sleep until the slot, computed)",
        details={
            "tick_seconds": trials[0].get("tick_seconds"),
            "median_lateness": median(late),
            "trials": trials,
            "scenario": f"slot {SLOT_AHEAD} ahead; wall clock jumps past it at several phases of the tick",
        },
        notes=[
            "baseline computed: the rest of a single sleep-until-slot, "
            "which a wall-clock jump does not cut short"
        ],
    )
