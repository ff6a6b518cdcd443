"""One scheduling process per home: an OS file lock shared by the GUI and the daemon.

The lock is an advisory OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) held on an open file, so
the operating system releases it when the holder exits or crashes: a file left behind by a dead process is
simply taken over. The holder's PID is written into the file only so that messages can name it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

# Windows locks byte ranges and a locked range cannot be read by others, so the lock sits past the PID text.
_WIN_LOCK_OFFSET = 1 << 20


class AlreadyRunning(RuntimeError):
    """Another process holds the lock; ``pid`` is its PID when known."""

    def __init__(self, path: Path, pid: int | None) -> None:
        who = f"process {pid}" if pid else "another process"
        super().__init__(f"CDP Desktop is already running for this home ({who} holds {path}).")
        self.pid = pid


class InstanceLock:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False while another process (or another lock object) holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)  # the file stays (unlinking a lock file races with the next opener)
            _unlock(fd)
        finally:
            os.close(fd)

    def holder_pid(self) -> int | None:
        """PID of the process holding the lock, or None when nobody holds it (a stale file is ignored)."""
        if self._fd is not None:
            return os.getpid()
        try:
            fd = os.open(self.path, os.O_RDWR)
        except FileNotFoundError:
            return None
        try:
            if _try_lock(fd):  # free: whatever PID the file names is stale
                _unlock(fd)
                return None
            os.lseek(fd, 0, os.SEEK_SET)
            text = os.read(fd, 32).decode("ascii", "replace").strip()
        finally:
            os.close(fd)
        return int(text) if text.isdigit() else None

    def __enter__(self) -> InstanceLock:
        if not self.acquire():
            raise AlreadyRunning(self.path, self.holder_pid())
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
