"""Notice when another process replaces or writes a file, without polling: inotify on Linux.

The directory is watched, not the file: config and history are saved by writing a temporary file and renaming
it over the old one, which would leave a watch on the old inode blind after the first save. Events are read
by the running asyncio loop (``add_reader``, which the plain loop and qasync both provide), so nothing wakes
up while nothing changes. A burst of events becomes one callback on the next loop iteration.

Where inotify is missing (macOS, Windows, unusual kernels) :meth:`FileWatch.start` returns False and the
caller relies on its cheap ``stat`` check before each slot instead.

Why not ``QFileSystemWatcher``, which the window uses for the history database (``ui/history_watch.py``):
the service runs in the daemon too, which has no Qt at all; the window's watcher may use Qt, which covers
macOS and Windows where this one does not.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import logging
import os
import struct
import sys
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

# <sys/inotify.h>
IN_MODIFY = 0x002
IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_Q_OVERFLOW = 0x4000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000
_MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of NUL-padded name


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.inotify_init1.argtypes = [ctypes.c_int]
        libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        return libc
    except (OSError, AttributeError):
        return None


def parse_names(data: bytes) -> list[tuple[int, str]]:
    """(mask, name) of each inotify event in one read."""
    events = []
    offset = 0
    while offset + _EVENT.size <= len(data):
        _wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
        offset += _EVENT.size
        name = data[offset : offset + length].split(b"\0", 1)[0].decode(errors="replace")
        offset += length
        events.append((mask, name))
    return events


class FileWatch:
    """Calls ``on_change()`` (on the loop's thread) after ``path`` was created, written, replaced or removed.

    Also fires for this process's own writes: the callback should compare what it holds with the file
    (e.g. by modification time and size) before it acts.
    """

    def __init__(self, path: Path, on_change: Callable[[], None]) -> None:
        self.path = Path(path)
        self.on_change = on_change
        self._fd: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._scheduled: asyncio.Handle | None = None

    @property
    def active(self) -> bool:
        return self._fd is not None

    def start(self) -> bool:
        """Start watching (needs a running loop); False where file watching is not available."""
        if self._fd is not None:
            return True
        libc = _libc()
        if libc is None:
            return False
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            log.info("inotify unavailable (%s); config edits are picked up before each slot", _errno())
            return False
        if libc.inotify_add_watch(fd, os.fsencode(self.path.parent), _MASK) < 0:
            log.info("cannot watch %s (%s)", self.path.parent, _errno())
            os.close(fd)
            return False
        loop = asyncio.get_running_loop()
        try:
            loop.add_reader(fd, self._readable)
        except NotImplementedError:  # e.g. the Windows proactor loop
            os.close(fd)
            return False
        self._fd, self._loop = fd, loop
        return True

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if self._scheduled is not None:
            self._scheduled.cancel()
            self._scheduled = None
        if fd is not None:
            if self._loop is not None and not self._loop.is_closed():
                self._loop.remove_reader(fd)
            os.close(fd)

    def _readable(self) -> None:
        if self._fd is None:
            return
        try:
            data = os.read(self._fd, 64 * 1024)
        except BlockingIOError:
            return
        except OSError:
            log.warning("reading file events failed; stopped watching %s", self.path, exc_info=True)
            self.close()
            return
        name = self.path.name
        relevant = any(n == name or mask & IN_Q_OVERFLOW for mask, n in parse_names(data))
        if relevant and self._scheduled is None and self._loop is not None:
            self._scheduled = self._loop.call_soon(self._fire)

    def _fire(self) -> None:
        self._scheduled = None
        try:
            self.on_change()
        except Exception:  # a failing listener must not stop the watch
            log.exception("file change handler failed for %s", self.path)


def _errno() -> str:
    return os.strerror(ctypes.get_errno())
