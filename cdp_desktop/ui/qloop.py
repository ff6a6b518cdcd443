"""qasync's event loop, except that a cancelled asyncio timer no longer wakes the GUI thread.

qasync 0.28 arms a Qt timer for every asyncio timer (``call_later``, ``call_at``; ``call_soon`` is a 0 ms
one) and leaves it armed when the asyncio handle is cancelled: the Qt timer still fires at its deadline,
only to find a cancelled handle. Every finished request's timeout and every re-armed gateway read timeout
is then one more wake-up of an idle app (bench/RESULTS.md, idle). Here cancelling a handle kills its Qt
timer at once; everything else is qasync's.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import inspect
import logging
import time
from collections.abc import Callable
from typing import Any

import qasync
from PySide6.QtCore import QEventLoop as QEventLoop_
from PySide6.QtCore import QObject, QTimerEvent

log = logging.getLogger(__name__)


class _Handle(asyncio.Handle):
    """A handle that stops its Qt timer when cancelled."""

    __slots__ = ("_timer_id", "_timers")

    def __init__(
        self,
        callback: Callable[..., object],
        args: tuple[Any, ...],
        loop: asyncio.AbstractEventLoop,
        context: contextvars.Context | None = None,
    ) -> None:
        super().__init__(callback, args, loop, context=context)
        self._timers: _Timers | None = None
        self._timer_id = 0

    def cancel(self) -> None:
        timers, self._timers = self._timers, None
        if timers is not None and not self._cancelled:
            timers.forget(self._timer_id, self)
        super().cancel()


class _Timers(QObject):
    """One single-shot Qt timer per pending handle (the part of qasync's ``_SimpleTimer`` the loop uses:
    ``add_callback``, ``stop``, ``set_debug``), plus ``forget`` for cancelled handles."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._loop = loop
        self._handles: dict[int, asyncio.Handle] = {}
        self._stopped = False
        self._debug = False

    def add_callback(self, handle: asyncio.Handle, delay: float = 0) -> asyncio.Handle:
        timer_id = self.startTimer(int(max(0.0, delay) * 1000))  # the same rounding as qasync
        self._handles[timer_id] = handle
        if isinstance(handle, _Handle):
            handle._timers, handle._timer_id = self, timer_id
        return handle

    def forget(self, timer_id: int, handle: asyncio.Handle) -> None:
        if self._handles.get(timer_id) is handle:
            del self._handles[timer_id]
            self.killTimer(timer_id)

    def timerEvent(self, event: QTimerEvent) -> None:
        timer_id = event.timerId()
        self.killTimer(timer_id)
        handle = self._handles.pop(timer_id, None)
        if handle is None or self._stopped or handle.cancelled():
            return
        if isinstance(handle, _Handle):
            handle._timers = None  # running now: a cancel() from its own callback has nothing to stop
        if not self._debug:
            handle._run()
            return
        started = time.monotonic()
        handle._run()
        took = time.monotonic() - started
        if took >= self._loop.slow_callback_duration:
            log.warning("Executing %s took %.3f seconds", handle, took)

    def pending(self) -> int:
        return len(self._handles)

    def stop(self) -> None:
        self._stopped = True

    def set_debug(self, enabled: bool) -> None:
        self._debug = enabled


class QEventLoop(qasync.QEventLoop):  # type: ignore[misc]  # qasync has no type hints: its class is Any
    # qasync's private state, read and set by run_forever below (name-mangled in qasync's class)
    _QEventLoop__is_running: bool
    _QEventLoop__app: Any

    def __init__(self, app: Any = None, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._timer = _Timers(self)
        self.qt_exit_code: int | None = None  # set when Qt ended its loop by itself

    def run_forever(self) -> int:
        """qasync's, except when Qt ends its event loop by itself, without ``stop()``: the X server went away
        (Qt calls ``exit(1)`` and every later ``exec()`` returns at once), or the session ended. qasync then
        returns with the app's futures unfinished ("Event loop stopped before Future completed", a shutdown
        coroutine never awaited). Here asyncio keeps running on Qt's event dispatcher (timers and sockets
        still work without a display) until ``stop()``, so the app shuts down as after Quit; the app learns
        of it through ``aboutToQuit``."""
        if self._QEventLoop__is_running:
            raise RuntimeError("Event loop already running")
        app = self._QEventLoop__app
        self._QEventLoop__is_running = True
        self._before_run_forever()
        try:
            asyncio.events._set_running_loop(self)
            result: int = app.exec()
            if self._QEventLoop__is_running:
                self.qt_exit_code = result
                log.info("the Qt event loop ended by itself (code %s); finishing the asyncio work", result)
                dispatcher = app.eventDispatcher()
                flags = QEventLoop_.ProcessEventsFlag.WaitForMoreEvents
                while self._QEventLoop__is_running:
                    dispatcher.processEvents(flags)
            return result
        finally:
            asyncio.events._set_running_loop(None)
            self._after_run_forever()
            self._QEventLoop__is_running = False

    def detach(self) -> None:
        """Leave a loop made with ``already_running=True`` on a Qt event loop that someone else runs (the
        tests' ``qtbot`` waits) so that it can be closed. Not ``stop()``: that calls ``QApplication.exit()``,
        which outside ``exec()`` leaves Qt's quit flag set and makes every later wait return at once."""
        app = self._QEventLoop__app
        if app is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # not connected: the loop was not "running"
                app.aboutToQuit.disconnect(self._after_run_forever)
        if self._QEventLoop__is_running:
            self._QEventLoop__is_running = False
            self._after_run_forever()
        asyncio.events._set_running_loop(None)

    def call_later(
        self,
        delay: float,
        callback: Callable[..., object],
        *args: Any,
        context: contextvars.Context | None = None,
    ) -> asyncio.Handle:
        if inspect.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with call_later")
        if not callable(callback):
            raise TypeError(f"callback must be callable: {type(callback).__name__}")
        handle = _Handle(callback, args, self, context=context)
        self._timer.add_callback(handle, delay)
        return handle
