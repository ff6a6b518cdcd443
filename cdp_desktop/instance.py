"""One scheduling process per home: an OS file lock shared by the GUI and the daemon.

The same advisory OS lock as `core.locking` (``flock`` on POSIX, ``msvcrt.locking`` on Windows),
released by the operating system when the holder exits or crashes: a file left behind by a dead process is
simply taken over. Unlike ``FileLock`` it is never waited for and never shared within a process (a second
``InstanceLock`` on the same file fails), and the holder writes its PID into the file so that messages can
name it.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from .core.locking import PRIVATE_FILE_MODE, make_private_dir, try_lock_fd, unlock_fd

# On Windows the locked byte sits past the PID text, which other processes read to name the holder.
_LOCK_OFFSET = 1 << 20


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
        make_private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        if not try_lock_fd(fd, _LOCK_OFFSET):
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
            unlock_fd(fd, _LOCK_OFFSET)
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
            if try_lock_fd(fd, _LOCK_OFFSET):  # free: whatever PID the file names is stale
                unlock_fd(fd, _LOCK_OFFSET)
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
