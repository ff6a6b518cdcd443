"""One absolute wall-clock wake-up at a time, for the scheduler (Linux: a ``timerfd``).

asyncio's and Qt's timers count on the monotonic clock, which stops while the machine is suspended and knows
nothing of clock changes, so a timer set for "in 9 hours" is late by however long the lid was closed. A
``timerfd`` on ``CLOCK_REALTIME`` armed with ``TFD_TIMER_ABSTIME`` fires when the wall clock reaches the
instant, suspend or not; with ``TFD_TIMER_CANCEL_ON_SET`` every discontinuous change of the wall clock (NTP
step, ``date -s``, and resume from suspend, which the kernel treats alike) cancels it, and the read fails with
``ECANCELED``, so the caller can recompute at once. Between two slots the process does not wake up at all.

Python 3.13 has ``os.timerfd_create``; on 3.11/3.12 a ctypes binding to the same libc calls is used. Where
neither exists (macOS, Windows) :func:`make_alarm` returns None and the scheduler keeps its bounded tick.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import errno
import logging
import os
import platform
import sys
import time
from typing import Protocol

log = logging.getLogger(__name__)

CLOCK_REALTIME = 0
TFD_TIMER_ABSTIME = 1
TFD_TIMER_CANCEL_ON_SET = 2
TFD_CLOEXEC = 0o2000000
TFD_NONBLOCK = 0o4000

DUE = "due"
CLOCK_CHANGED = "clock_changed"


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class _TimerFd(Protocol):
    def create(self) -> int: ...
    def arm(self, fd: int, epoch_seconds: float) -> None: ...


class _OsTimerFd:
    """Python 3.13+: the os module's own binding."""

    def create(self) -> int:
        fd: int = os.timerfd_create(  # type: ignore[attr-defined,unused-ignore]
            time.CLOCK_REALTIME,
            flags=os.TFD_NONBLOCK | os.TFD_CLOEXEC,  # type: ignore[attr-defined,unused-ignore]
        )
        return fd

    def arm(self, fd: int, epoch_seconds: float) -> None:
        os.timerfd_settime(  # type: ignore[attr-defined,unused-ignore]
            fd,
            flags=os.TFD_TIMER_ABSTIME | os.TFD_TIMER_CANCEL_ON_SET,  # type: ignore[attr-defined,unused-ignore]
            initial=max(epoch_seconds, 1e-9),  # 0 would disarm
        )


class _CtypesTimerFd:
    """Python 3.11/3.12: timerfd_create/timerfd_settime from libc."""

    def __init__(self, libc: ctypes.CDLL) -> None:
        self._create = libc.timerfd_create
        self._create.argtypes = [ctypes.c_int, ctypes.c_int]
        self._create.restype = ctypes.c_int
        self._settime = libc.timerfd_settime
        self._settime.argtypes = [
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(_Itimerspec),
            ctypes.POINTER(_Itimerspec),
        ]
        self._settime.restype = ctypes.c_int

    def create(self) -> int:
        fd = int(self._create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC))
        if fd < 0:
            raise _oserror()
        return fd

    def arm(self, fd: int, epoch_seconds: float) -> None:
        whole = int(max(epoch_seconds, 0.0))
        nanos = round((max(epoch_seconds, 0.0) - whole) * 1e9)
        if nanos >= 1_000_000_000:
            whole, nanos = whole + 1, nanos - 1_000_000_000
        if whole == 0 and nanos == 0:
            nanos = 1  # an all-zero value would disarm the timer
        spec = _Itimerspec(_Timespec(0, 0), _Timespec(whole, nanos))
        if self._settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, ctypes.byref(spec), None) < 0:
            raise _oserror()


def _oserror() -> OSError:
    code = ctypes.get_errno()
    return OSError(code, os.strerror(code))


# clock_gettime(2) as a raw system call: the kernel's own wall clock, which the timerfd counts in, even where
# a preloaded library (libfaketime in tests) shifts what the process's clock_gettime returns.
_SYS_CLOCK_GETTIME = {"x86_64": 228, "aarch64": 113}.get(platform.machine())


def kernel_realtime() -> float:
    """Seconds since the epoch on the kernel's ``CLOCK_REALTIME`` (``time.time()`` where no raw call)."""
    if _SYS_CLOCK_GETTIME is not None and _LIBC is not None:
        ts = _Timespec()
        if _LIBC.syscall(_SYS_CLOCK_GETTIME, CLOCK_REALTIME, ctypes.byref(ts)) == 0:
            seconds: float = ts.tv_sec + ts.tv_nsec / 1e9  # ctypes fields are untyped
            return seconds
    return time.time()


def _load_libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc()


def _binding() -> _TimerFd | None:
    if not sys.platform.startswith("linux"):
        return None
    if hasattr(os, "timerfd_create") and hasattr(os, "TFD_TIMER_CANCEL_ON_SET"):
        return _OsTimerFd()
    if _LIBC is None:
        return None
    try:
        return _CtypesTimerFd(_LIBC)
    except AttributeError:
        return None


class WallClockAlarm:
    """``await alarm.wait_until(epoch_seconds)`` gives ``DUE`` or ``CLOCK_CHANGED``; one fd per scheduler run.

    The fd is watched with the running loop's ``add_reader`` only while a wait is in progress.
    """

    def __init__(self, binding: _TimerFd) -> None:
        self._binding = binding
        self._fd = binding.create()

    @property
    def fd(self) -> int:
        return self._fd

    async def wait_until(self, epoch_seconds: float) -> str:
        if self._fd < 0:
            raise RuntimeError("alarm closed")
        loop = asyncio.get_running_loop()
        done: asyncio.Future[str] = loop.create_future()
        fd = self._fd

        def readable() -> None:
            try:
                os.read(fd, 8)  # the expiration count; its value does not matter
            except BlockingIOError:
                return  # spurious: nothing expired
            except OSError as exc:
                if exc.errno != errno.ECANCELED:
                    if not done.done():
                        done.set_exception(exc)
                    return
                if not done.done():
                    done.set_result(CLOCK_CHANGED)
                return
            if not done.done():
                done.set_result(DUE)

        try:
            self._binding.arm(fd, epoch_seconds)
        except OSError as exc:
            # A clock change since the last wait that nobody read yet: timerfd_settime reports it (and
            # consumes it) with ECANCELED, just as read would. The caller recomputes and waits again.
            if exc.errno == errno.ECANCELED:
                return CLOCK_CHANGED
            raise
        loop.add_reader(fd, readable)
        try:
            return await done
        finally:
            loop.remove_reader(fd)

    def close(self) -> None:
        fd, self._fd = self._fd, -1
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)


def make_alarm() -> WallClockAlarm | None:
    """A wall-clock alarm for this system, or None where only a tick can stand in for it."""
    binding = _binding()
    if binding is None:
        return None
    try:
        return WallClockAlarm(binding)
    except OSError as exc:
        log.info("no timerfd (%s); the scheduler falls back to a tick", exc)
        return None
