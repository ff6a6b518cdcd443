"""Single instance per home: an OS file lock, shared by real processes, released when the holder dies."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cdp_desktop.instance import AlreadyRunning, InstanceLock

HOLDER = textwrap.dedent(
    """
    import sys, time
    from cdp_desktop.instance import InstanceLock
    lock = InstanceLock(sys.argv[1])
    print("acquired" if lock.acquire() else "busy", flush=True)
    if sys.argv[2] == "hold":
        sys.stdin.readline()  # hold until the test closes stdin or kills us
    """
)


def spawn(path: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )


def first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def try_in_other_process(path: Path) -> str:
    proc = spawn(path, "try")
    out, _ = proc.communicate(timeout=20)
    return out.strip()


def test_second_process_cannot_acquire_while_first_holds(tmp_path: Path) -> None:
    path = tmp_path / "home" / "instance.lock"
    holder = spawn(path, "hold")
    try:
        assert first_line(holder) == "acquired"
        assert try_in_other_process(path) == "busy"
        lock = InstanceLock(path)
        assert not lock.acquire()
        assert lock.holder_pid() == holder.pid
        with pytest.raises(AlreadyRunning) as info, lock:
            pass
        assert info.value.pid == holder.pid and str(holder.pid) in str(info.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=20)
    # released on a clean exit
    assert try_in_other_process(path) == "acquired"


def test_crashed_holder_lock_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "instance.lock"
    holder = spawn(path, "hold")
    try:
        assert first_line(holder) == "acquired"
    finally:
        holder.kill()  # SIGKILL: no cleanup, the file still names the dead PID
        holder.wait(timeout=20)
    assert path.read_text().strip() == str(holder.pid)
    lock = InstanceLock(path)
    assert lock.holder_pid() is None  # stale content is not reported as a holder
    assert lock.acquire()
    try:
        assert path.read_text().strip() == str(os.getpid())
        assert lock.holder_pid() == os.getpid()
        assert try_in_other_process(path) == "busy"
    finally:
        lock.release()
    assert not lock.held and lock.holder_pid() is None


def test_same_process_second_lock_and_reacquire(tmp_path: Path) -> None:
    path = tmp_path / "instance.lock"
    with InstanceLock(path) as first:
        assert first.held
        assert first.acquire()  # idempotent for the holder
        other = InstanceLock(path)
        assert not other.acquire()
        assert other.holder_pid() == os.getpid()
    again = InstanceLock(path)
    assert again.acquire()
    again.release()
    again.release()  # harmless twice
