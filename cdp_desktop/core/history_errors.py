"""What the history store says when its database cannot be used: busy, disk full, unwritable, damaged or
written by a newer version. Each error carries a :class:`Message` (``exc.message``) that the window and the
command line render in the reader's language; ``str(exc)`` is its English sentence (log files, ``--json``).
SQLite's and the operating system's own words are passed as they are (``{reason}``)."""

from __future__ import annotations

import sqlite3

from .errors import MessageError
from .messages import Message, template

_C = "History"

BUSY = template(_C, "history.busy", "another cdp-desktop process is writing {path}; try again in a moment.")
DISK_FULL = template(
    _C,
    "history.disk_full",
    "the disk is full: {path} could not be written; free some space and try again.",
)
DAMAGED = template(_C, "history.damaged", "{path} is damaged ({reason}).")
IS_FOLDER = template(_C, "history.is_folder", "{path} is a folder, not a history database.")
READ_ONLY = template(
    _C, "history.read_only", "{path} is read-only ({reason}); make it and its folder writable."
)
CANNOT_OPEN = template(
    _C,
    "history.cannot_open",
    "{path} cannot be opened ({reason}); check that its folder exists and is writable.",
)
IO_ERROR = template(
    _C,
    "history.io_error",
    "{path} could not be read or written ({reason}); check the disk and its free space.",
)
UNUSABLE = template(_C, "history.unusable", "{path} could not be used ({reason}).")
CANNOT_CREATE = template(
    _C,
    "history.cannot_create",
    "cannot create {path} ({reason}); check that its folder is writable, or pass --home DIR.",
)
CANNOT_MOVE_ASIDE = template(
    _C,
    "history.cannot_move_aside",
    "{path} is damaged and could not be moved aside ({reason}); move it away by hand.",
)
NEWER = template(
    _C,
    "history.newer",
    "{path} was written by a newer version of CDP Desktop (history schema {version}); "
    "upgrade CDP Desktop, or move the file away to start a new history.",
)
NO_SEND_INTENT = template(_C, "history.no_send_intent", "no send intent recorded for {target} / {slot}")
# A damaged file met by a command that does not move it aside: what is wrong, then what to do.
DAMAGED_WHAT_TO_DO = template(
    _C,
    "history.damaged_what_to_do",
    "{damage} Run `cdp-desktop status` (or start the app) to keep it aside and start a new history.",
)
# What a command or the app says after opening: a damaged file kept aside, or a history left out.
MOVED_ASIDE = template(
    _C, "history.moved_aside", "{damage} It was moved to {aside}; a new history was started."
)
LEFT_OUT = template(_C, "history.left_out", "{problem} Channel states and past runs are not shown.")


class HistoryError(MessageError):
    """The history database cannot be used; ``message`` says why and what to do (``str(exc)`` in English)."""


class HistoryBusy(HistoryError):
    """Another process held the database lock for longer than the busy timeout."""


class HistoryDamaged(HistoryError):
    """The file is not a usable SQLite database (garbage, zeros, truncated, a folder).

    ``damage`` says what is wrong (``detail``: its English words); the message adds what to do (opened with
    ``recover`` it is moved aside)."""

    def __init__(self, damage: Message) -> None:
        super().__init__(DAMAGED_WHAT_TO_DO(damage=damage))
        self.damage = damage
        self.detail = str(damage)


class HistoryNewer(HistoryError):
    """Written by a newer version of the app: never changed nor moved by this one."""


def classify(exc: sqlite3.Error, path: str) -> HistoryError:
    """A SQLite failure as a one-line message saying what is wrong and what to do."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary result code
    text = str(exc)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return HistoryBusy(BUSY(path=path))
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return HistoryError(DISK_FULL(path=path))
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT) or "malformed" in text:
        return HistoryDamaged(DAMAGED(path=path, reason=text))
    if code == sqlite3.SQLITE_READONLY:
        return HistoryError(READ_ONLY(path=path, reason=text))
    if code == sqlite3.SQLITE_CANTOPEN:
        return HistoryError(CANNOT_OPEN(path=path, reason=text))
    if code == sqlite3.SQLITE_IOERR:
        return HistoryError(IO_ERROR(path=path, reason=text))
    return HistoryError(UNUSABLE(path=path, reason=text))
