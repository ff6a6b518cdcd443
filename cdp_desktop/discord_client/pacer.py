"""The request pacer: keeps every HTTP request of a session under Discord's global limit."""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

import aiohttp


class Pacer:
    """Spaces requests at ``rate`` per second, and never lets more than ``rate`` start within one window.

    Evenly spaced rather than bursty: the server sees the requests in the order and spacing they were sent, so
    a sliding-window limit like Discord's global 50/s is never crossed. The small margin absorbs jitter
    between the moment a request starts here and the moment the server counts it. (A token-bucket limiter
    such as aiolimiter allows a burst of ``rate`` at once, which a sliding window on the server may count
    against the next second; hence this small spacer.)
    """

    def __init__(self, rate: float, *, window: float = 1.0, margin: float = 0.05) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._window = window
        self._margin = margin
        # When the last ``rate`` requests really started (not when they were planned to: a loop that stalls
        # under load would otherwise let planned-apart requests start together and cross the server's window).
        self._recent: deque[float] = deque(maxlen=max(1, int(rate * window)))
        self._lock = asyncio.Lock()  # fair (FIFO): callers go out in arrival order
        self._next = 0.0  # the planned start of the next request (planned, so timer lateness never adds up)

    async def wait(self) -> None:
        if not self._interval:
            return
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:
                now = loop.time()
                slot = max(now, self._next)
                if len(self._recent) == self._recent.maxlen:
                    slot = max(slot, self._recent[0] + self._window + self._margin)
                if slot <= now:
                    break
                await asyncio.sleep(slot - now)
            self._next = slot + self._interval
            self._recent.append(loop.time())

    def trace_config(self) -> aiohttp.TraceConfig:
        """Hooks the pacer into every HTTP request a session makes, including discord.py's own retries."""
        trace = aiohttp.TraceConfig()

        async def on_request_start(*_: Any) -> None:
            await self.wait()

        trace.on_request_start.append(on_request_start)
        return trace
