"""Inter-process file locks, and private (0700/0600) files and folders.

Several processes share one home: the tray app or the daemon, and any number of CLI commands. Each
read-modify-write of ``config.json`` happens under :class:`FileLock` on ``config.json.lock`` beside it, and a
re-add of missing channels under one on ``readd.lock``, so that no process overwrites another's edit.

The lock is an advisory OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on an open file, released
by the operating system when its holder exits or is killed. Within one process the lock is shared: the
process holds the OS lock while any of its users does. Users inside one process are one event loop's
coroutines and callbacks; what they must not interleave is guarded by the caller (the owned-channel ledger
and the service's run lock), and a nested use must not wait for itself.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from .errors import MessageError
from .messages import Template, template

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_POLL = 0.02  # seconds between attempts while another process holds the lock


_C = "Lock"
# What waiting too long says: one whole sentence per kind of lock ({seconds}: the wait, {path}: the file).
HELD = template(
    _C,
    "lock.held",
    "another cdp-desktop process has held the lock {path} for more than {seconds} s; "
    "wait for it to finish and try again",
)
CHANGING_CONFIG = template(
    _C,
    "lock.changing_config",
    "another cdp-desktop process has been changing the configuration for more than {seconds} s "
    "(lock {path}); wait for it to finish and try again",
)
READDING = template(
    _C,
    "lock.readding",
    "another cdp-desktop process has been re-adding missing channels for more than {seconds} s "
    "(lock {path}); wait for it to finish and try again",
)


class LockTimeout(MessageError):
    """Another process held the lock for longer than we were willing to wait; ``message`` says so in the
    reader's language (``str(exc)``: in English)."""


def make_private_dir(path: Path) -> None:
    """Create ``path`` and every missing parent with mode 0700 (``mkdir(parents=True)`` uses the umask's
    default for the parents, which left a new ``--home`` readable by every local user)."""
    path = Path(path)
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it a moment ago
            directory.mkdir(mode=PRIVATE_DIR_MODE)
        with contextlib.suppress(OSError):  # mkdir's mode is masked by the umask; this one is not
            os.chmod(directory, PRIVATE_DIR_MODE)


def make_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist (before SQLite or a lock opens it, so that
    the file and the ``-wal``/``-shm`` files SQLite derives from it are never readable by others)."""
    path = Path(path)
    make_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 1


_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


class FileLock:
    """An exclusive lock on ``path`` shared by every user in this process, exclusive between processes."""

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 30.0, what: Template = HELD) -> None:
        """``what``: the sentence a timeout says (``HELD``, ``CHANGING_CONFIG``, ``READDING``)."""
        self.path = Path(path)
        self.timeout = timeout
        self.what = what

    def _key(self) -> str:
        return os.path.abspath(self.path)

    def _try(self) -> bool:
        """One attempt without waiting; True when this process now holds (one more reference to) it."""
        key = self._key()
        with _held_guard:
            held = _held.get(key)
            if held is not None:
                held.count += 1
                return True
            make_private_dir(self.path.parent)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
            if not try_lock_fd(fd):
                os.close(fd)
                return False
            _held[key] = _Held(fd)
            return True

    def _timeout_error(self, waited: float) -> LockTimeout:
        return LockTimeout(self.what(seconds=f"{waited:g}", path=str(self.path)))

    def acquire(self, timeout: float | None = None) -> None:
        wait = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + wait
        while not self._try():
            if time.monotonic() >= deadline:
                raise self._timeout_error(wait)
            time.sleep(_POLL)

    async def acquire_async(self, timeout: float | None = None) -> None:
        """Like :meth:`acquire`, without blocking the event loop while another process holds the lock."""
        import asyncio  # here: the GUI imports this module (through logs) before its first paint

        wait = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + wait
        while not self._try():
            if time.monotonic() >= deadline:
                raise self._timeout_error(wait)
            await asyncio.sleep(_POLL)

    def release(self) -> None:
        key = self._key()
        with _held_guard:
            held = _held.get(key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _held[key]
            try:
                unlock_fd(held.fd)
            finally:
                os.close(held.fd)

    @contextlib.contextmanager
    def hold(self, timeout: float | None = None) -> Iterator[None]:
        self.acquire(timeout)
        try:
            yield
        finally:
            self.release()

    @contextlib.asynccontextmanager
    async def hold_async(self, timeout: float | None = None) -> AsyncIterator[None]:
        await self.acquire_async(timeout)
        try:
            yield
        finally:
            self.release()


# The OS lock on an open file, shared with instance.py. Windows locks byte ranges, and a locked range
# cannot be read by others: a lock file that also holds text locks a byte past it (``offset``).
if sys.platform == "win32":
    import msvcrt

    def try_lock_fd(fd: int, offset: int = 0) -> bool:
        """Take the exclusive OS lock on ``fd`` without waiting; False while someone else holds it."""
        os.lseek(fd, offset, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock_fd(fd: int, offset: int = 0) -> None:
        os.lseek(fd, offset, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock_fd(fd: int, offset: int = 0) -> bool:
        """Take the exclusive OS lock on ``fd`` without waiting; False while someone else holds it (another
        process, or another open file description of the same file in this process)."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock_fd(fd: int, offset: int = 0) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
