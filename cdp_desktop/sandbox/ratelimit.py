"""Discord-like rate limits: a global per-token limit and per-route buckets.

The global limit is a sliding 1 s window: a client that never sends more than ``limit`` requests in
any second is never refused, and the request log can verify that no second ever held more. A refused
request is told to wait until the whole window has drained, so a burst of refused requests comes back
together and is admitted in batches of ``limit`` instead of racing for single freed slots (discord.py
gives a request only 5 tries).

Route buckets are fixed windows that open at the first request, as Discord's do; their state is
reported in the ``X-RateLimit-*`` headers that discord.py uses to pace itself.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class BucketRule:
    name: str
    limit: int
    per: float
    # "route": keyed by the route's major parameter (what discord.py expects);
    # "shared": one window for every resource of a guild, refused with scope "shared".
    scope: str = "route"


MESSAGES = BucketRule("messages", 5, 5.0)
CHANNEL_CREATE = BucketRule("channel_create", 5, 10.0)
CHANNEL_DELETE = BucketRule("channel_delete", 5, 10.0, scope="shared")
DEFAULT = BucketRule("default", 20, 1.0)

# (method, route template below /api/v10) -> rule
ROUTE_RULES: dict[tuple[str, str], BucketRule] = {
    ("POST", "/channels/{channel_id}/messages"): MESSAGES,
    ("POST", "/guilds/{guild_id}/channels"): CHANNEL_CREATE,
    ("DELETE", "/channels/{channel_id}"): CHANNEL_DELETE,
}


@dataclass
class Verdict:
    """Outcome of a rate-limit check: headers to send, and a 429 if ``retry_after`` is set."""

    headers: dict[str, str]
    retry_after: float | None = None
    scope: str = "user"
    is_global: bool = False


def _ceil_ms(seconds: float) -> float:
    # Rounded up so a client sleeping exactly this long never comes back a hair too early.
    return max(0.001, math.ceil(seconds * 1000) / 1000)


def bucket_hash(name: str) -> str:
    return hashlib.sha1(f"sandbox:{name}".encode()).hexdigest()[:32]


class GlobalLimiter:
    def __init__(self, limit: int = 50, window: float = 1.0) -> None:
        self.limit = limit
        self.window = window
        self._admitted: dict[str, deque[float]] = {}

    def check(self, token: str, now: float) -> float | None:
        """Admit (return None) or return the seconds to wait."""
        times = self._admitted.setdefault(token, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            return None
        return _ceil_ms(times[-1] + self.window - now)


class _Window:
    __slots__ = ("count", "reset_at")

    def __init__(self) -> None:
        self.count = 0
        self.reset_at = 0.0


class RouteLimiter:
    def __init__(self, rules: dict[tuple[str, str], BucketRule] | None = None) -> None:
        self.rules = dict(ROUTE_RULES if rules is None else rules)
        self._windows: dict[tuple[str, str, str], _Window] = {}

    def rule_for(self, method: str, template: str) -> BucketRule:
        return self.rules.get((method, template), DEFAULT)

    def check(
        self, token: str, method: str, template: str, major: str, guild_key: str, now: float
    ) -> Verdict:
        rule = self.rule_for(method, template)
        key_part = guild_key if rule.scope == "shared" else f"{method} {template}:{major}"
        window = self._windows.setdefault((token, rule.name, key_part), _Window())
        if now >= window.reset_at:
            window.count = 0
            window.reset_at = now + rule.per
        reset_after = _ceil_ms(window.reset_at - now)
        if window.count >= rule.limit:
            return Verdict(self._headers(rule, 0, reset_after), retry_after=reset_after, scope=rule.scope)
        window.count += 1
        return Verdict(self._headers(rule, rule.limit - window.count, reset_after))

    @staticmethod
    def _headers(rule: BucketRule, remaining: int, reset_after: float) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(rule.limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": bucket_hash(rule.name),
        }

    def reset(self) -> None:
        self._windows.clear()
