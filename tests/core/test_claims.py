"""The (target, slot) claim in the history database: one process of a home at a time per channel and slot."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cdp_desktop.core.claims import (
    LEASE,
    OWNER,
    ClaimState,
    claim_sends,
    process_alive,
    record_found,
    release_claim,
)
from cdp_desktop.core.history import SCHEMA_VERSION, History

T0 = datetime(2025, 3, 1, 0, 0, 5, tzinfo=UTC)
SLOT = "2025-03-01"
MARK = "cdp-keepalive 2025-03-01"
ALIVE = f"{os.getppid()}:other"  # a live process that is not this one (the test runner's parent)


def _dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(proc.stdout)


def test_claim_then_done(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as h:
        claims = claim_sends(h, SLOT, [("a", 11, MARK), ("t", None, MARK)], T0)
        assert {uid: c.state for uid, c in claims.items()} == {
            "a": ClaimState.CLAIMED,
            "t": ClaimState.CLAIMED,
        }
        assert claims["a"].record is None
        rec = h.send_record("a", SLOT)
        assert rec is not None and rec.owner == OWNER and rec.message_id is None and rec.channel_id == 11
        h.record_sent("a", SLOT, 99, T0)
        again = claim_sends(h, SLOT, [("a", 11, MARK)], T0)
        assert again["a"].state is ClaimState.DONE and again["a"].record.message_id == 99  # type: ignore[union-attr]


def test_a_live_other_process_holds_its_claim_until_it_dies_or_the_lease_ends(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as h:
        claim_sends(h, SLOT, [("a", 11, MARK)], T0, owner=ALIVE)
        busy = claim_sends(h, SLOT, [("a", 11, MARK)], T0 + timedelta(seconds=5))
        assert busy["a"].state is ClaimState.BUSY
        # Expired: taken over even though the owner still runs (a reused PID, a suspended process).
        late = claim_sends(h, SLOT, [("a", 11, MARK)], T0 + LEASE + timedelta(seconds=1))
        assert late["a"].state is ClaimState.CLAIMED and late["a"].record.owner == ALIVE  # type: ignore[union-attr]
        # A dead owner's claim is taken over at once; the old intent tells the engine to check the channel.
        h.record_intent("b", SLOT, 12, MARK, T0)
        claim_sends(h, SLOT, [("b", 12, MARK)], T0, owner=f"{_dead_pid()}:gone")
        taken = claim_sends(h, SLOT, [("b", 12, MARK)], T0 + timedelta(seconds=1))
        assert taken["b"].state is ClaimState.CLAIMED and taken["b"].record.channel_id == 12  # type: ignore[union-attr]
        assert h.send_record("b", SLOT).owner == OWNER  # type: ignore[union-attr]


def test_release_keeps_or_drops_only_its_own_intent(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as h:
        claim_sends(h, SLOT, [("a", 11, MARK), ("b", 12, MARK)], T0)
        release_claim(h, "a", SLOT, keep_intent=False)
        assert h.send_record("a", SLOT) is None
        release_claim(h, "b", SLOT, keep_intent=True)  # unsure: kept, owned by nobody
        kept = h.send_record("b", SLOT)
        assert kept is not None and kept.owner is None and kept.message_id is None
        claim_sends(h, SLOT, [("c", 13, MARK)], T0, owner=ALIVE)
        release_claim(h, "c", SLOT, keep_intent=False)  # not ours: untouched
        assert h.send_record("c", SLOT) is not None


def test_record_found_marks_the_slot_done_by_another_machine(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as h:
        claim_sends(h, SLOT, [("a", 11, MARK), ("b", 12, MARK)], T0)
        record_found(h, "a", SLOT, 11, MARK, 500, T0 + timedelta(seconds=41))
        h.record_sent("b", SLOT, 600, T0)
        record_found(h, "b", SLOT, 12, MARK, 550, T0 + timedelta(seconds=40), withdrawn_id=600)
        records = h.slot_records(SLOT)
        assert records["a"].by_other and records["a"].message_id == 500 and records["a"].owner is None
        assert records["a"].sent_at == T0 + timedelta(seconds=41)
        assert records["b"].by_other and records["b"].withdrawn_id == 600 and records["b"].message_id == 550
        assert h.done_uids(SLOT) == {"a", "b"}
        h.record_sent("a", SLOT, 700, T0)  # a forced re-send of our own: ours again
        assert not h.send_record("a", SLOT).by_other  # type: ignore[union-attr]


def test_process_alive() -> None:
    assert process_alive(os.getpid()) and process_alive(os.getppid())
    assert not process_alive(_dead_pid())


def test_version_1_history_is_upgraded_with_its_sends(tmp_path: Path) -> None:
    import cdp_desktop.core.history as history_module

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(history_module._MIGRATIONS[0] + "; PRAGMA user_version=1;")
    db.execute(
        "INSERT INTO sends VALUES (?,?,?,?,?,?,?)",
        ("a", SLOT, "11", MARK, T0.isoformat(), "99", T0.isoformat()),
    )
    db.commit()
    db.close()
    with History(path) as h:
        assert h.schema_version == SCHEMA_VERSION >= 3
        rec = h.send_record("a", SLOT)
        assert rec is not None and rec.message_id == 99 and rec.origin == "self" and not rec.by_other
