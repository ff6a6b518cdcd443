"""Scripted REST faults: "the next N requests matching METHOD PATH answer STATUS/CODE" (or "are answered
only after S seconds": a slow login, a slow route)."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

API_PREFIX = "/api/v10"


def normalise_pattern(pattern: str) -> str:
    """Patterns are globs on the path below ``/api/v10``; a full path with the prefix also works."""
    if pattern.startswith(API_PREFIX):
        pattern = pattern[len(API_PREFIX) :]
    return pattern if pattern.startswith(("/", "*")) else "/" + pattern


@dataclass
class Fault:
    method: str  # "*" = any
    pattern: str  # glob on the path below /api/v10, "*" = any
    status: int
    code: int = 0
    remaining: int = 1
    message: str | None = None
    retry_after: float | None = None  # set: a 429 rate limit
    is_global: bool = False
    delay: float | None = None  # set: the request waits this long, then is answered normally

    def matches(self, method: str, path: str) -> bool:
        return (self.method == "*" or self.method == method.upper()) and fnmatch.fnmatchcase(
            path, self.pattern
        )


class FaultPlan:
    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        fault.method = fault.method.upper() if fault.method else "*"
        fault.pattern = normalise_pattern(fault.pattern) if fault.pattern not in ("", "*") else "*"
        self.faults.append(fault)

    def take(self, method: str, path: str) -> Fault | None:
        """The first matching fault, consumed once (removed when it has no uses left)."""
        for fault in self.faults:
            if fault.matches(method, path):
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    def clear(self) -> None:
        self.faults.clear()
