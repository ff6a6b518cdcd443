"""Make the kernel announce a wall-clock change without really moving the clock (for tests and benchmarks).

A clock change (NTP step, ``date -s``, resume from suspend) reaches a program as the kernel's "clock was set"
event: every ``timerfd`` armed with ``TFD_TIMER_CANCEL_ON_SET`` is cancelled. This steps ``CLOCK_REALTIME``
by ``adjtimex(ADJ_SETOFFSET)`` by one nanosecond, the smallest change that raises that event (the kernel
ignores a zero step), so that a test can shift its process's own view of time (an offset clock or
libfaketime) and then deliver the event a real change would bring, without disturbing anything else on the
machine. Stepping needs ``CAP_SYS_TIME``: in-process when we have it, else through ``sudo -n``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys

ADJ_SETOFFSET = 0x0100
ADJ_NANO = 0x2000
CAP_SYS_TIME = 25


class _Timeval(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_usec", ctypes.c_long)]


class _Timex(ctypes.Structure):
    """struct timex of <sys/timex.h> (glibc, 64-bit and 32-bit alike through c_long)."""

    _fields_ = [
        ("modes", ctypes.c_uint),
        ("offset", ctypes.c_long),
        ("freq", ctypes.c_long),
        ("maxerror", ctypes.c_long),
        ("esterror", ctypes.c_long),
        ("status", ctypes.c_int),
        ("constant", ctypes.c_long),
        ("precision", ctypes.c_long),
        ("tolerance", ctypes.c_long),
        ("time", _Timeval),
        ("tick", ctypes.c_long),
        ("ppsfreq", ctypes.c_long),
        ("jitter", ctypes.c_long),
        ("shift", ctypes.c_int),
        ("stabil", ctypes.c_long),
        ("jitcnt", ctypes.c_long),
        ("calcnt", ctypes.c_long),
        ("errcnt", ctypes.c_long),
        ("stbcnt", ctypes.c_long),
        ("tai", ctypes.c_int),
        ("_reserved", ctypes.c_int * 11),
    ]


def has_cap_sys_time() -> bool:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("CapEff:"):
                    return bool(int(line.split()[1], 16) >> CAP_SYS_TIME & 1)
    except OSError:
        pass
    return False


def _step_here(nanoseconds: int) -> None:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    tx = _Timex()
    tx.modes = ADJ_SETOFFSET | ADJ_NANO
    # a negative step is written as (-1 s, 1e9 - n ns): tv_usec (nanoseconds here) must be in [0, 1e9)
    seconds, nanos = divmod(nanoseconds, 1_000_000_000)
    tx.time.tv_sec, tx.time.tv_usec = seconds, nanos
    if libc.adjtimex(ctypes.byref(tx)) < 0:
        code = ctypes.get_errno()
        raise OSError(code, f"adjtimex(ADJ_SETOFFSET): {os.strerror(code)}")


def how_to_step() -> str | None:
    """None when :func:`announce_clock_change` can work here, else why not."""
    if not sys.platform.startswith("linux"):
        return "needs Linux"
    if has_cap_sys_time():
        return None
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        return None
    return "needs CAP_SYS_TIME (root) or passwordless sudo to step the clock by 1 ns"


def announce_clock_change(nanoseconds: int = 1) -> None:
    """Step the real wall clock by ``nanoseconds`` (default 1): the kernel's clock-was-set event."""
    if has_cap_sys_time():
        _step_here(nanoseconds)
        return
    subprocess.run(
        ["sudo", "-n", sys.executable, "-c", f"import bench.clockstep as c; c._step_here({nanoseconds})"],
        check=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
