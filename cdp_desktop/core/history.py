"""The history store: runs, per-channel results, the exactly-once send ledger, owned temporary channels,
re-add mappings and the notification throttle.

SQLite (stdlib) in WAL mode with ``synchronous=NORMAL``: every committed write survives a crash of the app
(the exactly-once ledger relies on that), readers never block the writer. The schema is versioned with
``PRAGMA user_version`` and upgraded by the ordered migrations of ``core.history_schema``, in one exclusive
transaction that re-reads the version once it holds the lock: several processes may open a new home at the
same moment.
A lock held by another process is waited for up to ``busy_timeout`` seconds, then reported.

Every SQLite failure leaves this module as a :class:`HistoryError` with a message fit for the user: busy,
disk full, unwritable, damaged (moved aside as ``<name>.corrupt-<time>`` when ``recover`` is set; its
``-wal``/``-shm`` go with it, so that SQLite never replays an old journal into the new file) or written by
a newer version (never moved nor changed). Timestamps are stored as UTC
ISO 8601 text with a fixed width, so they compare correctly as strings. Discord IDs are stored as text because
snowflakes may exceed SQLite's signed 64-bit integers.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import history_errors as _say
from .errors import FAILURE_STATES, SUCCESS_STATES, State
from .history_errors import HistoryBusy, HistoryDamaged, HistoryError, HistoryNewer
from .history_errors import classify as _classify
from .history_records import (
    ChannelResult,
    DayRow,
    LogLine,
    OwnedChannel,
    Rebind,
    RunRecord,
    SendRecord,
)
from .history_schema import MIGRATIONS as _MIGRATIONS
from .history_schema import SCHEMA_VERSION
from .history_schema import statements as _statements
from .locking import make_private_file
from .messages import Message, message_from_json, message_to_json

__all__ = [
    "SCHEMA_VERSION",
    "ChannelResult",
    "DayRow",
    "History",
    "HistoryBusy",
    "HistoryDamaged",
    "HistoryError",
    "HistoryNewer",
    "LogLine",
    "OwnedChannel",
    "Rebind",
    "RunRecord",
    "SendRecord",
]


# --------------------------------------------------------------------------- conversions


def _ts(value: datetime) -> str:
    """Fixed-width UTC text; naive datetimes are taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _opt_dt(text: str | None) -> datetime | None:
    return None if text is None else _dt(text)


def _id(value: int | None) -> str | None:
    return None if value is None else str(value)


def _opt_int(text: str | None) -> int | None:
    return None if text is None else int(text)


_SUCCESS = tuple(s.value for s in SUCCESS_STATES)
_FAILURE = tuple(s.value for s in FAILURE_STATES)
_RESULT_COLUMNS = (
    "run_id, target_uid, channel_id, label, state, code, message, message_id, reply_latency, at, message_json"
)


SEND_COLUMNS = (
    "target_uid, slot_key, channel_id, marker, intent_at, message_id, sent_at, owner, origin, withdrawn_id"
)


def send_record_from_row(row: Any) -> SendRecord:
    return SendRecord(
        row[0],
        row[1],
        int(row[2]),
        row[3],
        _dt(row[4]),
        _opt_int(row[5]),
        _opt_dt(row[6]),
        row[7],
        row[8],
        _opt_int(row[9]),
    )


def _in(values: tuple[str, ...]) -> str:
    return "(" + ",".join("?" * len(values)) + ")"


class History:
    """The SQLite history store. One connection, guarded by a lock so any thread may call it."""

    def __init__(self, path: str | Path, *, busy_timeout: float = 10.0, recover: bool = False) -> None:
        """Open (and create or upgrade) the store. ``recover``: a damaged file is moved aside and a new one
        started (``moved_aside`` and ``damage`` say so); otherwise HistoryDamaged is raised."""
        self.path = str(path)
        self.busy_timeout = busy_timeout
        self.moved_aside: Path | None = None
        self.damage: Message | None = None  # what was wrong with a file moved aside
        self.journal_mode = ""
        self._lock = threading.RLock()
        try:
            self._db = self._open()
        except HistoryDamaged as exc:
            if not recover or self.path == ":memory:":
                raise
            self.damage = exc.damage
            self.moved_aside = self._move_aside()
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            target = Path(self.path)
            if target.is_dir():
                raise HistoryDamaged(_say.IS_FOLDER(path=self.path))
            try:
                make_private_file(target)  # 0600: SQLite gives its -wal and -shm files the same mode
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise HistoryError(_say.CANNOT_CREATE(path=str(target), reason=reason)) from None
        try:
            # isolation_level=None: autocommit; multi-statement changes use _tx() explicitly.
            db = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=self.busy_timeout
            )
        except sqlite3.Error as exc:
            raise _classify(exc, self.path) from None
        try:
            db.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
            self.journal_mode = str(db.execute("PRAGMA journal_mode=WAL").fetchone()[0]).lower()
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db)
            problems = [r[0] for r in db.execute("PRAGMA quick_check(3)").fetchall()]
            if problems != ["ok"]:
                found = " ".join(" ".join(problems).replace("*** in database main ***", "").split())
                raise HistoryDamaged(_say.DAMAGED(path=self.path, reason=found[:200]))
        except HistoryError:
            db.close()
            raise
        except sqlite3.Error as exc:
            db.close()
            raise _classify(exc, self.path) from None
        return db

    def _move_aside(self) -> Path:
        """Keep the damaged file (and its journal) as ``<name>.corrupt-<time>``; returns the new name."""
        main = Path(self.path)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        suffix, n = f".corrupt-{stamp}", 1
        while main.with_name(main.name + suffix).exists():
            suffix, n = f".corrupt-{stamp}-{n}", n + 1
        aside = main.with_name(main.name + suffix)
        try:
            for extra in ("-wal", "-shm"):
                journal = main.with_name(main.name + extra)
                if journal.exists():
                    os.replace(journal, main.with_name(main.name + extra + suffix))
            os.replace(main, aside)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise HistoryError(_say.CANNOT_MOVE_ASIDE(path=self.path, reason=reason)) from None
        return aside

    def moved_aside_message(self) -> Message | None:
        """What to tell the user when opening kept a damaged file aside (None when it did not)."""
        if self.moved_aside is None or self.damage is None:
            return None
        return _say.MOVED_ASIDE(damage=self.damage, aside=str(self.moved_aside))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._one("PRAGMA user_version")[0])

    def _newer(self, version: int) -> HistoryNewer:
        return HistoryNewer(_say.NEWER(path=self.path, version=version))

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise self._newer(version)
        # Another process may be creating the same file right now: take the write lock, then look again.
        db.execute("BEGIN EXCLUSIVE")
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise self._newer(version)
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(_MIGRATIONS[number]):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Hold the connection lock; a SQLite failure leaves as a HistoryError saying what to do."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise _classify(exc, self.path) from None

    def immediate(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` transaction: the write lock is taken before the first read, so a decision
        made from what the transaction reads holds against every other process (used by ``core.claims``)."""
        return self._tx()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _exec(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._guard():
            return self._db.execute(sql, params)

    def _all(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._guard():
            return self._db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        with self._guard():
            return self._db.execute(sql, params).fetchone()

    # ----------------------------------------------------------------------- exactly-once ledger

    def record_intent(
        self, target_uid: str, slot_key: str, channel_id: int, marker: str, at: datetime
    ) -> None:
        """About to send. An entry that already has a delivered message stays as it is (a forced re-send
        that fails must not make the slot look undone); ``record_sent`` then stores the newer message."""
        self._exec(
            "INSERT INTO sends(target_uid, slot_key, channel_id, marker, intent_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(target_uid, slot_key) DO UPDATE SET channel_id=excluded.channel_id,"
            " marker=excluded.marker, intent_at=excluded.intent_at WHERE sends.message_id IS NULL",
            (target_uid, slot_key, str(channel_id), marker, _ts(at)),
        )

    def record_sent(self, target_uid: str, slot_key: str, message_id: int, at: datetime) -> None:
        cur = self._exec(
            "UPDATE sends SET message_id=?, sent_at=?, origin='self', withdrawn_id=NULL"
            " WHERE target_uid=? AND slot_key=?",
            (str(message_id), _ts(at), target_uid, slot_key),
        )
        if cur.rowcount == 0:
            raise HistoryError(_say.NO_SEND_INTENT(target=target_uid, slot=slot_key))

    def send_record(self, target_uid: str, slot_key: str) -> SendRecord | None:
        row = self._one(
            f"SELECT {SEND_COLUMNS} FROM sends WHERE target_uid=? AND slot_key=?", (target_uid, slot_key)
        )
        return None if row is None else send_record_from_row(row)

    def slot_records(self, slot_key: str) -> dict[str, SendRecord]:
        """Every ledger row of a slot by target uid: by whom (``origin``) and when its message was sent."""
        rows = self._all(f"SELECT {SEND_COLUMNS} FROM sends WHERE slot_key=?", (slot_key,))
        return {r[0]: send_record_from_row(r) for r in rows}

    def clear_intent(self, target_uid: str, slot_key: str) -> None:
        """The send certainly did not happen: forget the intent (a delivered message is never forgotten)."""
        self._exec(
            "DELETE FROM sends WHERE target_uid=? AND slot_key=? AND message_id IS NULL",
            (target_uid, slot_key),
        )

    def done_uids(self, slot_key: str) -> set[str]:
        rows = self._all(
            "SELECT target_uid FROM sends WHERE slot_key=? AND message_id IS NOT NULL", (slot_key,)
        )
        return {r[0] for r in rows}

    def last_delivered(self) -> dict[str, datetime]:
        """target_uid -> the newest recorded send, whether or not its run lived to record a result."""
        rows = self._all(
            "SELECT target_uid, MAX(sent_at) FROM sends WHERE message_id IS NOT NULL GROUP BY target_uid"
        )
        return {r[0]: _dt(r[1]) for r in rows}

    def pending_intents(self) -> list[SendRecord]:
        """Intents without a recorded message (crash between send and record, or an unsure failure)."""
        rows = self._all(f"SELECT {SEND_COLUMNS} FROM sends WHERE message_id IS NULL ORDER BY intent_at")
        return [send_record_from_row(r) for r in rows]

    # ----------------------------------------------------------------------- runs and results

    def start_run(self, slot_key: str, slot_at: datetime, trigger: str, started_at: datetime) -> int:
        cur = self._exec(
            "INSERT INTO runs(slot_key, slot_at, trigger, started_at) VALUES (?,?,?,?)",
            (slot_key, _ts(slot_at), str(trigger), _ts(started_at)),
        )
        assert cur.lastrowid is not None
        return int(cur.lastrowid)

    def add_result(self, run_id: int, result: ChannelResult) -> None:
        self._exec(
            f"INSERT INTO results({_RESULT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                run_id,
                result.target_uid,
                _id(result.channel_id),
                result.label,
                State(result.state).value,
                result.code,
                result.message,
                _id(result.message_id),
                result.reply_latency,
                _ts(result.at),
                message_to_json(result.note),
            ),
        )

    def finish_run(self, run_id: int, finished_at: datetime, outcome: str) -> None:
        self._exec("UPDATE runs SET finished_at=?, outcome=? WHERE id=?", (_ts(finished_at), outcome, run_id))

    def abort_unfinished_runs(self, at: datetime) -> int:
        """Close runs a killed process left open (its sends are covered by the intent ledger)."""
        cur = self._exec(
            "UPDATE runs SET finished_at=?, outcome='aborted' WHERE finished_at IS NULL", (_ts(at),)
        )
        return int(cur.rowcount)

    @staticmethod
    def _result(row: Any) -> ChannelResult:
        return ChannelResult(
            run_id=int(row[0]),
            target_uid=row[1],
            channel_id=_opt_int(row[2]),
            label=row[3],
            state=State(row[4]),
            code=row[5],
            message=row[6],
            message_id=_opt_int(row[7]),
            reply_latency=row[8],
            at=_dt(row[9]),
            note=message_from_json(row[10]),
        )

    def results_for_run(self, run_id: int) -> list[ChannelResult]:
        rows = self._all(f"SELECT {_RESULT_COLUMNS} FROM results WHERE run_id=? ORDER BY id", (run_id,))
        return [self._result(r) for r in rows]

    def get_run(self, run_id: int) -> RunRecord | None:
        runs = self._runs("WHERE id=?", (run_id,), 1)
        return runs[0] if runs else None

    def recent_runs(self, limit: int = 50) -> list[RunRecord]:
        """Newest first, each with its result counts per state."""
        return self._runs("", (), limit)

    def _runs(self, where: str, params: tuple[Any, ...], limit: int) -> list[RunRecord]:
        with self._guard():
            rows = self._db.execute(
                "SELECT id, slot_key, slot_at, trigger, started_at, finished_at, outcome FROM runs"
                f" {where} ORDER BY id DESC LIMIT ?",
                (*params, limit),
            ).fetchall()
            if not rows:
                return []
            ids = [r[0] for r in rows]
            count_rows = self._db.execute(
                f"SELECT run_id, state, COUNT(*) FROM results WHERE run_id IN ({','.join('?' * len(ids))})"
                " GROUP BY run_id, state",
                ids,
            ).fetchall()
        counts: dict[int, dict[State, int]] = {i: {} for i in ids}
        for run_id, state, n in count_rows:
            counts[run_id][State(state)] = n
        return [
            RunRecord(r[0], r[1], _dt(r[2]), r[3], _dt(r[4]), _opt_dt(r[5]), r[6], counts[r[0]]) for r in rows
        ]

    def latest_results(self) -> dict[str, ChannelResult]:
        """target_uid -> newest result (one query over the (target_uid, id) index)."""
        rows = self._all(
            f"SELECT {_RESULT_COLUMNS} FROM results"
            " WHERE id IN (SELECT MAX(id) FROM results GROUP BY target_uid)"
        )
        return {r[1]: self._result(r) for r in rows}

    def last_success(self) -> dict[str, datetime]:
        """target_uid -> time of the newest result that delivered a message."""
        rows = self._all(
            f"SELECT target_uid, MAX(at) FROM results WHERE state IN {_in(_SUCCESS)} GROUP BY target_uid",
            _SUCCESS,
        )
        return {r[0]: _dt(r[1]) for r in rows}

    def last_error(self) -> dict[str, ChannelResult]:
        """target_uid -> newest result in a failure state (whether or not a success followed)."""
        rows = self._all(
            f"SELECT {_RESULT_COLUMNS} FROM results WHERE id IN"
            f" (SELECT MAX(id) FROM results WHERE state IN {_in(_FAILURE)} GROUP BY target_uid)",
            _FAILURE,
        )
        return {r[1]: self._result(r) for r in rows}

    def day_states(self, since_key: str) -> tuple[list[str], dict[str, list[str]]]:
        """What the heartbeat strip paints, for every channel at once, in one statement: the slot dates
        from ``since_key`` on that have a run (the app was running), and per target ``"YYYY-MM-DD state"``
        for each of its results on those dates. SQLite concatenates per target, so 500 channels × 30 days
        come back as 500 strings, not 15,000 rows (``runs_slot`` index, then ``results_run``)."""
        rows = self._all(
            "SELECT NULL, group_concat(DISTINCT slot_key) FROM runs WHERE slot_key >= ?"
            " UNION ALL SELECT r.target_uid, group_concat(runs.slot_key || ' ' || r.state)"
            # CROSS JOIN keeps runs (by the slot index) outside: grouping by target must not scan results.
            " FROM runs CROSS JOIN results r ON r.run_id = runs.id WHERE runs.slot_key >= ?"
            " GROUP BY r.target_uid",
            (since_key, since_key),
        )
        run_days: list[str] = []
        per_target: dict[str, list[str]] = {}
        for uid, joined in rows:
            if uid is None:
                run_days = joined.split(",") if joined else []
            else:
                per_target[uid] = joined.split(",")
        return run_days, per_target

    def day_rows(
        self,
        since_key: str,
        target_uid: str | None = None,
        *,
        until_key: str | None = None,
        sent_times: bool = False,
    ) -> list[DayRow]:
        """Every result of the runs whose slot date is ``since_key`` or later (up to ``until_key``), in
        slot, run and result order, in one query (``runs_slot`` index, then ``results_run``); runs without
        any result come back once with ``target_uid`` None. ``target_uid`` narrows it to one channel (its
        runs still mark the days); ``sent_times`` adds the send ledger's time (a key lookup per row)."""
        on = "r.run_id = runs.id" + (" AND r.target_uid = ?" if target_uid is not None else "")
        params: tuple[Any, ...] = (target_uid, since_key) if target_uid is not None else (since_key,)
        until = ""
        if until_key is not None:
            until = " AND runs.slot_key <= ?"
            params = (*params, until_key)
        sent = (
            ("s.sent_at", " LEFT JOIN sends s ON s.target_uid = r.target_uid AND s.slot_key = runs.slot_key")
            if sent_times
            else ("NULL", "")
        )
        rows = self._all(
            "SELECT runs.slot_key, runs.id, r.target_uid, r.channel_id, r.state, r.code, r.message,"
            f" r.message_id, r.reply_latency, r.at, {sent[0]}, r.message_json"
            f" FROM runs LEFT JOIN results r ON {on}{sent[1]}"
            f" WHERE runs.slot_key >= ?{until} ORDER BY runs.slot_key, runs.id, r.id",
            params,
        )
        return list(map(DayRow._make, rows))

    # ----------------------------------------------------------------------- log lines

    def add_log(self, run_id: int | None, at: datetime, level: str, text: str | Message) -> None:
        """Store a log line: a message (rendered in the reader's language later) or plain text."""
        body = text if isinstance(text, Message) else None
        self._exec(
            "INSERT INTO logs(run_id, at, level, text, message_json) VALUES (?,?,?,?,?)",
            (run_id, _ts(at), level, str(text), message_to_json(body)),
        )

    def run_log(self, run_id: int) -> list[LogLine]:
        rows = self._all(
            "SELECT run_id, at, level, text, message_json FROM logs WHERE run_id=? ORDER BY id", (run_id,)
        )
        return [LogLine(r[0], _dt(r[1]), r[2], r[3], message_from_json(r[4])) for r in rows]

    # ----------------------------------------------------------------------- owned temporary channels

    def add_owned_channel(
        self, channel_id: int, guild_id: int, created_at: datetime, run_id: int | None
    ) -> None:
        self._exec(
            "INSERT OR IGNORE INTO owned_channels(channel_id, guild_id, created_at, run_id) VALUES (?,?,?,?)",
            (str(channel_id), str(guild_id), _ts(created_at), run_id),
        )

    def mark_owned_deleted(self, channel_id: int, at: datetime) -> None:
        self._exec(
            "UPDATE owned_channels SET deleted_at=? WHERE channel_id=? AND deleted_at IS NULL",
            (_ts(at), str(channel_id)),
        )

    def owned_channels(self, include_deleted: bool = False) -> list[OwnedChannel]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        rows = self._all(
            f"SELECT channel_id, guild_id, created_at, run_id, deleted_at FROM owned_channels {where}"
            " ORDER BY created_at"
        )
        return [OwnedChannel(int(r[0]), int(r[1]), _dt(r[2]), r[3], _opt_dt(r[4])) for r in rows]

    def is_owned(self, channel_id: int) -> bool:
        row = self._one(
            "SELECT 1 FROM owned_channels WHERE channel_id=? AND deleted_at IS NULL", (str(channel_id),)
        )
        return row is not None

    # ----------------------------------------------------------------------- re-add mappings

    def add_rebind(self, target_uid: str, old_channel_id: int, new_channel_id: int, at: datetime) -> None:
        self._exec(
            "INSERT INTO rebinds(target_uid, old_channel_id, new_channel_id, at) VALUES (?,?,?,?)",
            (target_uid, str(old_channel_id), str(new_channel_id), _ts(at)),
        )

    def rebinds(self) -> list[Rebind]:
        """Oldest first."""
        rows = self._all("SELECT target_uid, old_channel_id, new_channel_id, at FROM rebinds ORDER BY id")
        return [Rebind(r[0], int(r[1]), int(r[2]), _dt(r[3])) for r in rows]

    # ----------------------------------------------------------------------- notification throttle

    def claim_notification(self, kind: str, target_uid: str | None, day: str) -> bool:
        """True the first time for (kind, target, day): one notification of a kind per target per day."""
        cur = self._exec(
            "INSERT OR IGNORE INTO notifications(kind, target_uid, day) VALUES (?,?,?)",
            (kind, target_uid or "", day),
        )
        return cur.rowcount == 1

    # ----------------------------------------------------------------------- pruning

    def prune(self, older_than: datetime) -> int:
        """Delete history older than ``older_than``; returns the number of rows removed.

        The newest success of every target is kept (with its run), so "last success" survives pruning;
        so are intents without a message (they may still decide a re-send) and owned channels not yet deleted.
        """
        cut = _ts(older_than)
        removed = 0
        with self._tx() as db:
            keep = f"SELECT MAX(id) FROM results WHERE state IN {_in(_SUCCESS)} GROUP BY target_uid"
            removed += db.execute(
                f"DELETE FROM results WHERE at < ? AND id NOT IN ({keep})", (cut, *_SUCCESS)
            ).rowcount
            removed += db.execute(
                "DELETE FROM runs WHERE started_at < ? AND id NOT IN (SELECT DISTINCT run_id FROM results)",
                (cut,),
            ).rowcount
            removed += db.execute("DELETE FROM logs WHERE at < ?", (cut,)).rowcount
            removed += db.execute(
                "DELETE FROM sends WHERE sent_at IS NOT NULL AND sent_at < ?", (cut,)
            ).rowcount
            removed += db.execute(
                "DELETE FROM owned_channels WHERE deleted_at IS NOT NULL AND deleted_at < ?", (cut,)
            ).rowcount
            removed += db.execute("DELETE FROM notifications WHERE day < ?", (cut[:10],)).rowcount
        return removed
