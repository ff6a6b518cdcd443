"""The inter-process file lock and private files, with real processes (the lock is about processes)."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cdp_desktop.core.locking import (
    CHANGING_CONFIG,
    FileLock,
    LockTimeout,
    make_private_dir,
    make_private_file,
)

REPO = Path(__file__).resolve().parents[2]
HOLD = (
    "import sys, time\nfrom cdp_desktop.core.locking import FileLock\n"
    "FileLock(sys.argv[1]).acquire()\nprint('held', flush=True)\ntime.sleep(60)"
)


def _holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_another_process_holding_the_lock_makes_us_wait_then_time_out(tmp_path: Path) -> None:
    path = tmp_path / "config.json.lock"
    holder = _holder(path)
    try:
        lock = FileLock(path, timeout=0.3, what=CHANGING_CONFIG)
        with pytest.raises(
            LockTimeout, match="another cdp-desktop process has been changing the configuration"
        ):
            lock.acquire()
        with pytest.raises(LockTimeout):
            asyncio.run(lock.acquire_async())
    finally:
        holder.kill()  # SIGKILL: the operating system releases the lock of a dead holder
        holder.wait()
    with FileLock(path).hold(timeout=5):
        pass


def test_waiters_get_the_lock_when_the_holder_releases(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    lock = FileLock(path)
    lock.acquire()
    waiter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom cdp_desktop.core.locking import FileLock\n"
            "FileLock(sys.argv[1]).acquire(timeout=30)\nprint('got it')",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    time.sleep(0.5)
    assert waiter.poll() is None, "the waiter must wait while we hold the lock"
    lock.release()
    out, _ = waiter.communicate(timeout=30)
    assert (waiter.returncode, out.strip()) == (0, "got it")


def test_the_lock_is_shared_within_a_process(tmp_path: Path) -> None:
    """Nested users in one process (the delete guard and a config edit of the same app) do not wait for
    each other; the OS lock is released when the last one releases."""
    path = tmp_path / "x.lock"
    outer, inner = FileLock(path), FileLock(path, timeout=0.1)
    with outer.hold(), inner.hold():
        pass
    holder = _holder(path)  # free again: another process can take it
    holder.kill()
    holder.wait()


def test_private_dirs_and_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        make_private_file(tmp_path / "a" / "b" / "history.sqlite3")
    finally:
        os.umask(old)
    for path, mode in (
        (tmp_path / "a", 0o700),
        (tmp_path / "a" / "b", 0o700),
        (tmp_path / "a" / "b" / "history.sqlite3", 0o600),
    ):
        assert stat.S_IMODE(path.stat().st_mode) == mode, path
    (tmp_path / "c").mkdir(mode=0o755)
    os.chmod(tmp_path / "c", 0o755)
    make_private_dir(tmp_path / "c")  # an existing folder is the user's: left as it is
    assert stat.S_IMODE((tmp_path / "c").stat().st_mode) == 0o755
