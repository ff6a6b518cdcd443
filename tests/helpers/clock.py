"""A fake clock for the core: wall and monotonic time that move only when the test (or the code) says so."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


class FakeClock:
    """Wall + monotonic time; ``sleep`` advances both, then runs the actions that have come due.

    ``suspend`` moves only the wall clock (monotonic clocks stop while a machine sleeps), ``jump`` models a
    clock change. With ``step``, every ``now()`` first moves both clocks by that much, so successive
    readings differ (the order of records stays visible in their times).
    """

    def __init__(self, start: datetime, *, step: timedelta = timedelta(0)) -> None:
        self.wall = start.astimezone(UTC)
        self.mono = 1000.0
        self.step = step
        self.actions: list[tuple[datetime, Callable[[], None]]] = []
        self.longest_sleep = 0.0

    def now(self) -> datetime:
        if self.step:
            self.wall += self.step
            self.mono += self.step.total_seconds()
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def at(self, when: datetime, action: Callable[[], None]) -> None:
        self.actions.append((when, action))

    def suspend(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)  # the monotonic clock stops during suspend

    def jump(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)

    async def sleep(self, seconds: float) -> None:
        self.longest_sleep = max(self.longest_sleep, seconds)
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds
        for item in [a for a in self.actions if a[0] <= self.wall]:
            self.actions.remove(item)
            item[1]()
        await asyncio.sleep(0)
