"""Notices when the history database changes on disk, whoever wrote it (this process, `cdp-desktop run-now`,
the daemon on another login).

SQLite in WAL mode appends to ``history.sqlite3-wal`` on every commit and touches the main file on
checkpoints; both are watched with the OS's file notifications (inotify, kqueue, ReadDirectoryChangesW), so
an idle app is not woken by a polling timer. The folder is watched too: the ``-wal`` file comes and goes,
and an atomic replace gives the file a new inode that a plain file watch would lose.

The service's config watch (``filewatch.py``) is a separate, Qt-free inotify reader because it also runs in
the daemon; this one is only ever in the window, and Qt's watcher works on every desktop system.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 150  # a run commits several times in a row: one refresh after the burst


class HistoryWatcher(QObject):
    changed = Signal()

    def __init__(self, db_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_file = db_file
        self.files = [db_file, db_file.with_name(db_file.name + "-wal")]
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_change)
        self.watcher.directoryChanged.connect(self._on_dir_change)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        if db_file.parent.is_dir():
            self.watcher.addPath(str(db_file.parent))
        self._watch_files()

    def _watch_files(self) -> None:
        watched = set(self.watcher.files())
        for f in self.files:
            if str(f) not in watched and f.exists():
                self.watcher.addPath(str(f))

    def _on_dir_change(self, _path: str) -> None:
        before = set(self.watcher.files())
        self._watch_files()
        if set(self.watcher.files()) != before:
            self._on_change("")

    def _on_change(self, _path: str) -> None:
        self._watch_files()  # a replaced file drops out of the watch list
        self._settle.start()

    def stop(self) -> None:
        self._settle.stop()
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
