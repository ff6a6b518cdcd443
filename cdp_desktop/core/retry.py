"""Retrying transient Discord failures within a run: capped exponential backoff, jitter, ``retry_after``."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .errors import DiscordFailure, State

T = TypeVar("T")

Sleep = Callable[[float], Awaitable[None]]
OnRetry = Callable[[DiscordFailure, int, float], None]


def backoff_delay(attempt: int, *, base: float, cap: float, rng: random.Random | None = None) -> float:
    """The wait before retry ``attempt`` (1 = the first): ``base`` doubled per attempt, at most ``cap``; with
    ``rng`` jittered to between half and all of it, so clients that failed together do not return together.

    The one backoff of the app (retries within a run, gateway reconnects, the scheduler's retries). Not
    discord.py's ``ExponentialBackoff``: the core does not import discord.py, and that one jitters from zero
    and resets itself on a timer, where the reconnect loop resets when a connection got as far as READY.
    """
    ceiling = min(cap, base * 2.0 ** (attempt - 1))
    return ceiling * rng.uniform(0.5, 1.0) if rng is not None else ceiling


@dataclass
class RetryPolicy:
    """``max_attempts`` counts the first try. A rate limit longer than ``cap`` is not waited out within the
    run (it surfaces as ``rate_limited`` and the scheduler retries later): one long 429 cannot stall a run.
    """

    max_attempts: int = 4
    base: float = 1.0
    cap: float = 30.0
    sleep: Sleep = asyncio.sleep
    rng: random.Random = field(default_factory=random.Random)

    def should_retry(self, failure: DiscordFailure, attempt: int) -> bool:
        """``attempt`` is the number of tries made so far (1 after the first)."""
        if not failure.state.is_transient or attempt >= self.max_attempts:
            return False
        return failure.retry_after is None or failure.retry_after <= self.cap

    def delay(self, failure: DiscordFailure, attempt: int) -> float:
        if failure.retry_after is not None:
            # Honour the server's figure; a little jitter keeps concurrent retries from landing together.
            return float(failure.retry_after) * (1.0 + self.rng.uniform(0.0, 0.1))
        return backoff_delay(attempt, base=self.base, cap=self.cap, rng=self.rng)

    async def call(
        self,
        op: Callable[[], Awaitable[T]],
        *,
        check: Callable[[], None] | None = None,
        on_retry: OnRetry | None = None,
        only: frozenset[State] | None = None,
    ) -> T:
        """Await ``op()``, retrying transient failures (only those in ``only`` when given); ``check`` runs
        (and may raise) before each try."""
        attempt = 0
        while True:
            if check is not None:
                check()
            attempt += 1
            try:
                return await op()
            except DiscordFailure as failure:
                excluded = only is not None and failure.state not in only
                if excluded or not self.should_retry(failure, attempt):
                    raise
                wait = self.delay(failure, attempt)
                if on_retry is not None:
                    on_retry(failure, attempt, wait)
                await self.sleep(wait)


# A create call is retried only after a rate limit, which proves nothing was created: any other failure may
# hide a created channel, and a retry could leave an unrecorded duplicate behind.
CREATE_RETRY = frozenset({State.RATE_LIMITED})

STOP_STATES = frozenset({State.TOKEN_INVALID, State.INTENTS_MISSING})
"""Failures that concern the whole account: after one of them a run stops calling Discord."""
