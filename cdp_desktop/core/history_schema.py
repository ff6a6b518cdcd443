"""The history database's schema: the ordered migrations (``PRAGMA user_version`` is how many have run) and
the splitting of a migration script into statements."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: initial schema
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        slot_key TEXT NOT NULL,
        slot_at TEXT NOT NULL,
        trigger TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT
    );
    CREATE INDEX runs_started ON runs(started_at);

    CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL,
        target_uid TEXT NOT NULL,
        channel_id TEXT,
        label TEXT NOT NULL,
        state TEXT NOT NULL,
        code INTEGER,
        message TEXT NOT NULL,
        message_id TEXT,
        reply_latency REAL,
        at TEXT NOT NULL
    );
    CREATE INDEX results_target ON results(target_uid, id);
    CREATE INDEX results_target_state ON results(target_uid, state, id);
    CREATE INDEX results_run ON results(run_id);

    CREATE TABLE sends (
        target_uid TEXT NOT NULL,
        slot_key TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        marker TEXT NOT NULL,
        intent_at TEXT NOT NULL,
        message_id TEXT,
        sent_at TEXT,
        PRIMARY KEY (target_uid, slot_key)
    );
    CREATE INDEX sends_slot ON sends(slot_key);

    CREATE TABLE logs (
        id INTEGER PRIMARY KEY,
        run_id INTEGER,
        at TEXT NOT NULL,
        level TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX logs_run ON logs(run_id, id);

    CREATE TABLE owned_channels (
        channel_id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        run_id INTEGER,
        deleted_at TEXT
    );

    CREATE TABLE rebinds (
        id INTEGER PRIMARY KEY,
        target_uid TEXT NOT NULL,
        old_channel_id TEXT NOT NULL,
        new_channel_id TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX rebinds_old ON rebinds(old_channel_id);

    CREATE TABLE notifications (
        kind TEXT NOT NULL,
        target_uid TEXT NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (kind, target_uid, day)
    );
    """,
    # 2: the per-day views (heartbeat strip, channel detail, `history`) read runs by slot date
    """
    CREATE INDEX runs_slot ON runs(slot_key);
    """,
    # 3: the (target, slot) claim across processes (core/claims.py) and sends found in the channel
    #    owner: the process working on an intent ("pid:nonce"); origin: 'self', or 'other' when the slot's
    #    message was sent by another machine or process; withdrawn_id: our duplicate deleted in its favour.
    """
    ALTER TABLE sends ADD COLUMN owner TEXT;
    ALTER TABLE sends ADD COLUMN origin TEXT NOT NULL DEFAULT 'self';
    ALTER TABLE sends ADD COLUMN withdrawn_id TEXT;
    """,
    # 4: results and log lines as messages (key + parameters, core/messages.py), rendered in the reader's
    #    language; the English text columns stay for older readers and --json.
    """
    ALTER TABLE results ADD COLUMN message_json TEXT;
    ALTER TABLE logs ADD COLUMN message_json TEXT;
    """,
    # 5: covering indexes for the channels table's "last delivered" and "last success" columns; without them
    #    both scanned every row with a table lookup each (65 ms of the window's opening at 15,000 rows).
    """
    CREATE INDEX IF NOT EXISTS sends_delivered ON sends(target_uid, sent_at) WHERE message_id IS NOT NULL;
    CREATE INDEX IF NOT EXISTS results_target_state_at ON results(target_uid, state, at);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """A migration script as single statements (``executescript`` would commit the open transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
