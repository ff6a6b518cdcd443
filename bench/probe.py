"""Runs inside the measured child processes (app and baselines alike): prints startup markers to stderr.

``install()`` wraps ``QMainWindow.show`` so that the first window shown gets an event filter (on that window
only, so the probe costs nothing per event elsewhere). Markers, with ``time.monotonic()`` (system-wide
CLOCK_MONOTONIC, comparable with the parent's clock):

* ``paint_event <t> <title>``: the window's first QPaintEvent is delivered;
* ``first_paint <t> <title>``: the event loop is back after that paint pass (the backing store is flushed).

The app has no built-in hook for this; a ``CDP_DESKTOP_BENCH_MARKERS=1`` switch in ``ui/app.py`` printing the
same lines would make the wrapper unnecessary.
"""

from __future__ import annotations

import sys
import time
from typing import Any

_state: dict[str, Any] = {}


def mark(name: str, extra: str = "") -> None:
    print(f"{name} {time.monotonic():.6f} {extra}".rstrip(), file=sys.stderr, flush=True)


def _painted(title: str) -> None:
    _state["first_paint"] = time.monotonic()
    mark("first_paint", title)
    callback = _state.get("on_paint")
    if callback is not None:
        callback()


def install(on_paint: Any = None) -> None:
    """Arm the probe; ``on_paint`` (optional) is called once the first paint pass is done."""
    _state["on_paint"] = on_paint
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    class PaintProbe(QObject):
        def __init__(self, window: QWidget) -> None:
            super().__init__(window)
            self.window = window

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and obj is self.window:
                title = self.window.windowTitle()
                mark("paint_event", title)
                self.window.removeEventFilter(self)
                QTimer.singleShot(0, lambda: _painted(title))
            return False

    original = QWidget.show

    def show(self: QWidget) -> None:
        if not _state.get("armed"):
            _state["armed"] = True
            _state["probe"] = PaintProbe(self)
            self.installEventFilter(_state["probe"])
            _state["show_called"] = time.monotonic()
            mark("show_called", self.windowTitle())
        original(self)

    QMainWindow.show = show  # type: ignore[method-assign]
