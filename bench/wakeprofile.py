"""Which sources wake the app's main thread: every event Qt dispatches there, by source, with a timestamp.

Installed by ``bench.child_app`` when ``BENCH_WAKE_PROFILE`` names a file (the idle benchmark sets it): an
application-wide event filter sees each timer event (Qt's own timers and qasync's, which carry an asyncio
callback), each socket notifier activation (asyncio readers: the gateway socket, D-Bus, the instance server)
and each posted event. At exit it writes one JSON line per event: ``[monotonic, kind, source]``; the idle
benchmark keeps those inside its window and counts them by source. Wake-ups that dispatch no event (the
event dispatcher's own housekeeping) show up only as the difference to the thread's context switches.
"""

from __future__ import annotations

import atexit
import json
import os
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier

_IGNORED = {
    QEvent.Type.ChildAdded,
    QEvent.Type.ChildRemoved,
    QEvent.Type.ChildPolished,
    QEvent.Type.DeferredDelete,
}


def _callback_name(handle: Any) -> str:
    callback = getattr(handle, "_callback", None)
    if callback is None:
        return repr(handle)
    name = getattr(callback, "__qualname__", None) or type(callback).__name__
    owner = getattr(callback, "__self__", None)
    if owner is not None and name in ("Future.set_result", "Task.task_wakeup", "Task.__step"):
        return f"{name} ({getattr(owner, 'get_coro', lambda: owner)()!r:.80})"
    return str(name)


def _describe(obj: QObject) -> str:
    """The C++ class (Python wrappers of Qt-internal objects only know their base class), name, parent."""
    name = obj.metaObject().className()
    if obj.objectName():
        name += f" {obj.objectName()!r}"
    parent = obj.parent()
    if parent is not None:
        name += f" in {parent.metaObject().className()}"
    return name


def _fd_target(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return "?"


class WakeProfile(QObject):
    def __init__(self, app: QCoreApplication, path: str) -> None:
        super().__init__()
        self.path = path
        self.events: list[tuple[float, str, str]] = []
        app.installEventFilter(self)
        atexit.register(self.dump)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _IGNORED:
            return False
        now = time.monotonic()
        if kind == QEvent.Type.Timer:
            handles = getattr(obj, "_handles", None)  # qasync's timer object (bench-visible attribute)
            timer_id = event.timerId()  # type: ignore[attr-defined]
            if isinstance(handles, dict) and timer_id in handles:
                source = f"asyncio timer: {_callback_name(handles[timer_id])}"
            else:
                source = f"Qt timer: {_describe(obj)}"
            self.events.append((now, "timer", source))
        elif kind == QEvent.Type.SockAct and isinstance(obj, QSocketNotifier):
            fd = int(obj.socket())
            self.events.append((now, "socket", f"fd {fd} -> {_fd_target(fd)} ({obj.type().name})"))
        else:
            self.events.append((now, "event", f"{kind.name} -> {_describe(obj)}"))
        return False

    def dump(self) -> None:
        with open(self.path, "w", encoding="utf-8") as f:
            for item in self.events:
                f.write(json.dumps(item) + "\n")


def by_source(path: str, start: float, end: float) -> dict[str, int]:
    """Events per source between two ``time.monotonic()`` instants (the same clock in every process)."""
    counts: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                at, _kind, source = json.loads(line)
                if start <= at <= end:
                    counts[source] = counts.get(source, 0) + 1
    except OSError:
        return {}
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))
