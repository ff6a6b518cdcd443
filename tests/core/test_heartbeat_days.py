"""One outcome per channel and local day (core/heartbeat.py) and the query behind it (History.day_rows)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cdp_desktop.core.config import Settings, Target
from cdp_desktop.core.errors import SUCCESS_STATES, State
from cdp_desktop.core.heartbeat import ELSEWHERE_STATES, Outcome, build_strips, load_strips, outcome_of_state
from cdp_desktop.core.history import SCHEMA_VERSION, ChannelResult, DayRow, History
from cdp_desktop.core.schedule import slot_for_date


def test_every_state_maps_to_a_day_outcome() -> None:
    assert outcome_of_state("replied") == Outcome.REPLIED
    assert outcome_of_state("ok") == outcome_of_state("no_reply") == Outcome.SENT
    # Every state that counts as delivered is a delivered day (replied, sent, or sent elsewhere).
    for s in SUCCESS_STATES:
        assert outcome_of_state(s.value) in {Outcome.REPLIED, Outcome.SENT, Outcome.ELSEWHERE}, s
    assert outcome_of_state("missing") == Outcome.MISSING
    for s in (
        "no_access",
        "rate_limited",
        "discord_unavailable",
        "network",
        "token_invalid",
        "intents_missing",
    ):
        assert outcome_of_state(s) == Outcome.FAILED, s
    assert outcome_of_state("skipped_disabled") == outcome_of_state("pending") == Outcome.NOT_RUN
    for s in ELSEWHERE_STATES:
        assert outcome_of_state(s) == Outcome.ELSEWHERE
    assert outcome_of_state("something_new") == Outcome.FAILED  # never passes for a delivered day
    assert {outcome_of_state(s.value) for s in State} <= set(Outcome)


def _row(key: str, uid: str, state: str, run: int = 1, **kw: object) -> DayRow:
    return DayRow(slot_key=key, run_id=run, target_uid=uid, state=state, **kw)  # type: ignore[arg-type]


def test_best_result_of_the_day_decides_and_the_failure_is_kept() -> None:
    added = datetime(2025, 1, 1, tzinfo=UTC)
    t = Target(1, 2, name="a", added_at=added, enabled_at=added)
    rows = [
        _row("2025-03-02", t.uid, "network", run=1, message="down"),
        _row("2025-03-02", t.uid, "no_reply", run=2),
        _row("2025-03-03", t.uid, "no_reply", run=3),
        _row("2025-03-03", t.uid, "replied", run=4, reply_latency=2.0),
        _row("2025-03-04", t.uid, "missing", run=5, code=10003),
        _row("2025-03-04", t.uid, "network", run=6),
        DayRow("2025-03-05", 7, None),  # a run with no result: the app ran
    ]
    strip = build_strips(
        [t], rows, today=date(2025, 3, 6), days=5, at=time(0, 0), zone=ZoneInfo("Europe/Berlin")
    )[t.uid]
    d = {x.day.isoformat(): x for x in strip.days}
    assert d["2025-03-02"].outcome == Outcome.SENT and d["2025-03-02"].error_state == "network"
    assert d["2025-03-02"].error_message == "down" and d["2025-03-02"].attempts == 2
    assert d["2025-03-03"].outcome == Outcome.REPLIED and d["2025-03-03"].reply_latency == 2.0
    assert d["2025-03-04"].outcome == Outcome.MISSING and d["2025-03-04"].error_state == "network"
    assert d["2025-03-05"].outcome == Outcome.NOT_RUN
    assert d["2025-03-06"].outcome == Outcome.UPCOMING
    assert (strip.delivered, strip.counted) == (2, 4)


def test_days_are_calendar_days_across_dst(tmp_path: Path) -> None:
    """Atlantic/Azores 2025-10-26: 01:00 exists twice (fold). Every local date appears once, the DST day
    holds its own result, and a slot at 00:30 local is filed under its local date, not the UTC one."""
    zone = ZoneInfo("Atlantic/Azores")
    at = time(0, 30)
    added = datetime(2025, 10, 1, tzinfo=UTC)
    t = Target(1, 2, name="a", added_at=added, enabled_at=added)
    with History(tmp_path / "h.sqlite") as h:
        for day in (date(2025, 10, 25), date(2025, 10, 26), date(2025, 10, 27)):
            slot = slot_for_date(day, at, zone)
            assert slot.at.date() == day - timedelta(days=1) or slot.at.date() == day
            run = h.start_run(slot.key, slot.at, "scheduled", slot.at)
            h.add_result(
                run, ChannelResult(run, t.uid, 2, "#a", State.REPLIED, reply_latency=1.0, at=slot.at)
            )
        settings = Settings(timezone="Atlantic/Azores", schedule_time="00:30")
        now = datetime(2025, 10, 28, 12, 0, tzinfo=UTC)
        strip = load_strips([t], settings, h, now, 5)[t.uid]
        assert strip.day(2).reply_latency == 1.0  # the DST day's own result, read when looked at
    assert list(strip.dates) == [date(2025, 10, 24) + timedelta(days=i) for i in range(5)]
    assert list(strip.outcomes) == [
        Outcome.APP_OFF,
        Outcome.REPLIED,
        Outcome.REPLIED,
        Outcome.REPLIED,
        Outcome.UPCOMING,
    ]


def test_channel_added_after_the_slot_does_not_count_that_day() -> None:
    zone = ZoneInfo("Europe/Berlin")
    added = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)
    t = Target(1, 2, name="a", added_at=added, enabled_at=added)
    strip = build_strips([t], [], today=date(2025, 3, 5), days=4, at=time(9, 0), zone=zone)[t.uid]
    assert [d.outcome for d in strip.days] == [
        Outcome.BEFORE,
        Outcome.BEFORE,
        Outcome.APP_OFF,
        Outcome.UPCOMING,
    ]
    assert (strip.delivered, strip.counted) == (0, 1)


def test_one_indexed_query_for_all_channels(tmp_path: Path) -> None:
    """The strip of 200 channels costs one SELECT, and it walks the slot-date index."""
    added = datetime(2025, 1, 1, tzinfo=UTC)
    targets = [Target(1, 100 + i, name=f"c{i}", added_at=added, enabled_at=added) for i in range(200)]
    zone = ZoneInfo("UTC")
    with History(tmp_path / "h.sqlite") as h:
        for back in range(40):
            slot = slot_for_date(date(2025, 3, 1) - timedelta(days=back), time(0, 0), zone)
            run = h.start_run(slot.key, slot.at, "scheduled", slot.at)
            for t in targets:
                h.add_result(run, ChannelResult(run, t.uid, t.channel_id, t.label, State.REPLIED, at=slot.at))
        statements: list[str] = []
        h._db.set_trace_callback(statements.append)
        strips = load_strips(targets, Settings(timezone="UTC"), h, datetime(2025, 3, 1, 12, tzinfo=UTC), 30)
        h._db.set_trace_callback(None)
        # A day's details (the tooltip) are read for that day alone, when asked for.
        day = strips[targets[0].uid].day(29)
        plan = h._db.execute("EXPLAIN QUERY PLAN " + statements[0].replace("'2025-01-31'", "?"), ("x", "x"))
        plan = plan.fetchall()
    assert len(strips) == 200 and all((s.delivered, s.counted) == (30, 30) for s in strips.values())
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == statements
    assert len(statements) == 1
    assert any("runs_slot" in str(step) for step in plan), plan
    assert any("results_run" in str(step) for step in plan), plan
    assert day.outcome == Outcome.REPLIED and day.attempts == 1


def test_last_delivered_and_last_success_read_an_index_not_the_table(tmp_path: Path) -> None:
    """The channels table's two "last" columns: an index per channel, not a table lookup per row (65 ms of
    the window's opening at 500 channels and 15,000 rows before the version 5 indexes)."""
    with History(tmp_path / "h.sqlite") as h:
        statements: list[str] = []
        h._db.set_trace_callback(statements.append)
        h.last_delivered()
        h.last_success()
        h._db.set_trace_callback(None)
        plans = [" ".join(str(step) for step in h._db.execute("EXPLAIN QUERY PLAN " + q)) for q in statements]
    assert len(plans) == 2
    assert "sends_delivered" in plans[0], plans[0]
    assert "COVERING INDEX results_target_state_at" in plans[1], plans[1]


def test_version_1_database_gains_the_index(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite"
    with History(path) as h:
        run = h.start_run("2025-03-01", datetime(2025, 3, 1, tzinfo=UTC), "scheduled", datetime.now(UTC))
        h.add_result(run, ChannelResult(run, "u", 2, "#a", State.REPLIED))
    db = sqlite3.connect(path)  # as version 1 wrote it: no slot index
    db.execute("DROP INDEX runs_slot")
    for index in ("sends_delivered", "results_target_state_at"):  # added by version 5
        db.execute(f"DROP INDEX {index}")
    for column in ("owner", "origin", "withdrawn_id"):  # added by version 3
        db.execute(f"ALTER TABLE sends DROP COLUMN {column}")
    for table in ("results", "logs"):  # added by version 4
        db.execute(f"ALTER TABLE {table} DROP COLUMN message_json")
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    with History(path) as h:
        assert h.schema_version == SCHEMA_VERSION >= 2
        names = {r[0] for r in h._all("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"runs_slot", "sends_delivered", "results_target_state_at"} <= names
        rows = h.day_rows("2025-03-01")
    assert [(r.slot_key, r.target_uid, r.state) for r in rows] == [("2025-03-01", "u", "replied")]


def test_day_rows_for_one_channel_carry_the_sent_time(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite") as h:
        at = datetime(2025, 3, 1, 0, 0, 5, tzinfo=UTC)
        run = h.start_run("2025-03-01", at, "scheduled", at)
        h.record_intent("u", "2025-03-01", 2, "m", at)
        h.record_sent("u", "2025-03-01", 99, at)
        h.add_result(
            run, ChannelResult(run, "u", 2, "#a", State.REPLIED, message_id=99, at=at + timedelta(seconds=3))
        )
        h.add_result(run, ChannelResult(run, "v", 3, "#b", State.NETWORK))
        rows = h.day_rows("2025-03-01", "u", sent_times=True)
        plain = h.day_rows("2025-03-01", "u")
        empty = h.day_rows("2025-03-02")
    assert len(rows) == 1 and rows[0].message_id == "99" and rows[0].state == "replied"
    assert rows[0].sent_at is not None and datetime.fromisoformat(rows[0].sent_at) == at
    assert plain[0].sent_at is None  # the strip's query does not read the send ledger
    assert empty == []
