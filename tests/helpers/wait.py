"""Polling for a condition with a deadline: the one ``wait_until`` of the test suite."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def wait_until(
    predicate: Callable[[], Any],
    timeout: float,
    what: str,
    *,
    interval: float = 0.1,
    proc: subprocess.Popen[Any] | None = None,
    log: Path | None = None,
    ignore: tuple[type[BaseException], ...] = (),
) -> Any:
    """Poll ``predicate`` every ``interval`` s until it returns something truthy, and return that.

    ``ignore``: exceptions of the predicate that mean "not yet" (a service still coming up); any other
    propagates at once. ``proc``: the process the wait is for; if it exits first, RuntimeError (a caller can
    start it again). After ``timeout`` s, TimeoutError naming ``what``. Both errors end with the last part of
    ``log`` (the process's output file), if there is one.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except ignore:
            value = None
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what}: process exited with {proc.returncode}{_tail(log)}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:g} s waiting for {what}{_tail(log)}")
        time.sleep(interval)


def _tail(log: Path | None) -> str:
    if log is None or not log.exists():
        return ""
    return "\n" + log.read_text(errors="replace")[-4000:]
