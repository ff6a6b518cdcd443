"""The (target, slot) claim: on one home, one process at a time works on a channel's keep-alive.

The tray app, the daemon and the CLI may run side by side on one home. Before any network call a run claims
each (target, slot) in one ``BEGIN IMMEDIATE`` transaction of the history database: the row of the send
ledger is read and written under SQLite's write lock, so two processes can never both see "not done" and
both go on to send. The claim is the ledger's intent row with an ``owner`` (this process). It ends when the
message is recorded, or is released when the target ends without a delivery.

A claim whose owner has died (killed, crashed) is taken over: the new owner checks the channel for the
slot's marker before sending, as after any crash. A claim older than :data:`LEASE` is taken over even if its
owner still seems alive (a reused PID, a process suspended for hours); the channel check and the withdrawal
of a later duplicate keep that safe.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .history import SEND_COLUMNS, History, SendRecord, _ts, send_record_from_row

__all__ = [
    "LEASE",
    "OWNER",
    "Claim",
    "ClaimState",
    "claim_sends",
    "process_alive",
    "record_found",
    "release_claim",
]

OWNER = f"{os.getpid()}:{secrets.token_hex(4)}"
"""This process, as written into the claims it holds (the nonce tells a reused PID apart)."""
LEASE = timedelta(minutes=30)


class ClaimState(StrEnum):
    CLAIMED = "claimed"  # this process works on it now
    DONE = "done"  # a message is recorded for the slot
    BUSY = "busy"  # another live process of this home is working on it


@dataclass(frozen=True)
class Claim:
    state: ClaimState
    record: SendRecord | None
    """The ledger row as it was before the claim: the delivered message (DONE), the other process's intent
    (BUSY), or an intent left by a dead owner that may have been delivered (CLAIMED; None: nothing)."""


def claim_sends(
    history: History,
    slot_key: str,
    targets: Iterable[tuple[str, int | None, str]],
    at: datetime,
    *,
    owner: str = OWNER,
) -> dict[str, Claim]:
    """Claim (target uid, channel ID or None for a channel not created yet, marker) for ``slot_key``."""
    claims: dict[str, Claim] = {}
    with history.immediate() as db:
        for uid, channel_id, marker in targets:
            row = db.execute(
                f"SELECT {SEND_COLUMNS} FROM sends WHERE target_uid=? AND slot_key=?", (uid, slot_key)
            ).fetchone()
            record = None if row is None else send_record_from_row(row)
            if record is not None and record.message_id is not None:
                claims[uid] = Claim(ClaimState.DONE, record)
                continue
            if record is not None and _held_by_other(record, owner, at):
                claims[uid] = Claim(ClaimState.BUSY, record)
                continue
            if record is None:
                db.execute(
                    "INSERT INTO sends(target_uid, slot_key, channel_id, marker, intent_at, owner)"
                    " VALUES (?,?,?,?,?,?)",
                    (uid, slot_key, str(channel_id or 0), marker, _ts(at), owner),
                )
            else:  # an intent of a dead process, an expired one, or one of ours from an earlier run
                db.execute(
                    "UPDATE sends SET owner=?, intent_at=? WHERE target_uid=? AND slot_key=?",
                    (owner, _ts(at), uid, slot_key),
                )
            claims[uid] = Claim(ClaimState.CLAIMED, record)
    return claims


def _held_by_other(record: SendRecord, owner: str, at: datetime) -> bool:
    if record.owner is None or record.owner == owner:
        return False
    if at - record.intent_at > LEASE:
        return False
    pid = record.owner.split(":", 1)[0]
    return pid.isdigit() and process_alive(int(pid))


def release_claim(
    history: History, target_uid: str, slot_key: str, *, keep_intent: bool, owner: str = OWNER
) -> None:
    """The target ended without a recorded message. ``keep_intent``: a send may have been delivered, so the
    intent stays for the next run to check (owned by nobody, so any process may do that)."""
    if keep_intent:
        sql = (
            "UPDATE sends SET owner=NULL WHERE target_uid=? AND slot_key=? AND message_id IS NULL AND owner=?"
        )
    else:
        sql = "DELETE FROM sends WHERE target_uid=? AND slot_key=? AND message_id IS NULL AND owner=?"
    with history.immediate() as db:
        db.execute(sql, (target_uid, slot_key, owner))


def record_found(
    history: History,
    target_uid: str,
    slot_key: str,
    channel_id: int,
    marker: str,
    message_id: int,
    sent_at: datetime,
    *,
    withdrawn_id: int | None = None,
) -> None:
    """The slot's message is one sent by another machine or process (found in the channel, or the winner
    over our withdrawn duplicate ``withdrawn_id``): the slot is done, and the ledger says by whom."""
    with history.immediate() as db:
        db.execute(
            "INSERT INTO sends(target_uid, slot_key, channel_id, marker, intent_at, message_id, sent_at,"
            " owner, origin, withdrawn_id) VALUES (?,?,?,?,?,?,?,NULL,'other',?)"
            " ON CONFLICT(target_uid, slot_key) DO UPDATE SET channel_id=excluded.channel_id,"
            " message_id=excluded.message_id, sent_at=excluded.sent_at, owner=NULL, origin='other',"
            " withdrawn_id=excluded.withdrawn_id",
            (
                target_uid,
                slot_key,
                str(channel_id),
                marker,
                _ts(sent_at),
                str(message_id),
                _ts(sent_at),
                None if withdrawn_id is None else str(withdrawn_id),
            ),
        )


# --------------------------------------------------------------------------- process liveness

if sys.platform == "win32":
    import ctypes

    def process_alive(pid: int) -> bool:
        """Whether a process with this PID exists (Windows: OpenProcess + GetExitCodeProcess)."""
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

else:

    def process_alive(pid: int) -> bool:
        """Whether a process with this PID exists (signal 0 checks without sending anything)."""
        if pid <= 0:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # another user's process
            return True
        except OSError:
            return False
        return True
