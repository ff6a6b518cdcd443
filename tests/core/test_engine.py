"""The keep-alive engine against an in-memory DiscordPort: exactly-once, retries, stop on a bad token,
reply check, temporary channels, orphan cleanup, re-add, concurrency."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from cdp_desktop.core.config import Config, Target
from cdp_desktop.core.engine import (
    ChannelStateChanged,
    Engine,
    EngineEvent,
    LogEmitted,
    RunFinished,
    RunStarted,
    Trigger,
    apply_refreshed,
)
from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.history import History
from cdp_desktop.core.message import compose_message, slot_marker
from cdp_desktop.core.schedule import Slot
from tests.core.fake_discord import BOT_ID, DeliveredThenFail, FakeDiscord
from tests.helpers.clock import FakeClock
from tests.helpers.logs import NOT_RECREATED, RUN_FAILURES, RUN_STOPPED, TEMP_CHANNEL_KEPT

# This module provokes failures on purpose: the warnings they log are expected.
pytestmark = pytest.mark.expect_log(*RUN_FAILURES, RUN_STOPPED, NOT_RECREATED, TEMP_CHANNEL_KEPT)

T = TypeVar("T")

GUILD = 400000000000000001
CATEGORY = 400000000000000002
TARGET_BOT = 500000000000000001
SILENT_BOT = 500000000000000002
SLOT = Slot(date(2025, 3, 1), datetime(2025, 3, 1, 0, 0, tzinfo=UTC))
NEXT_SLOT = Slot(date(2025, 3, 2), datetime(2025, 3, 2, 0, 0, tzinfo=UTC))


def arun(coro: Coroutine[Any, Any, T], timeout: float = 20.0) -> T:
    return asyncio.run(asyncio.wait_for(coro, timeout))


def fake_clock() -> FakeClock:
    """Each reading a millisecond after the last, so the records of a run keep their order in time."""
    return FakeClock(datetime(2025, 3, 1, 0, 1, tzinfo=UTC), step=timedelta(milliseconds=1))


class World:
    """A fake Discord, a history, a config and an engine wired together."""

    def __init__(self, history_path: str | Path = ":memory:", **engine_kw: Any) -> None:
        self.history = History(history_path)
        self.config = Config()
        self.config.settings.timezone = "UTC"
        self.config.settings.reply_timeout_seconds = 2
        self.discord = FakeDiscord(
            is_owned=self.history.is_owned, configured_ids=self.config.configured_channel_ids
        )
        self.discord.add_guild(GUILD, categories=(CATEGORY,))
        self.discord.reply_delays[TARGET_BOT] = 0.01
        self.events: list[EngineEvent] = []
        self.sleeps: list[float] = []
        engine_kw.setdefault("sleep", self._sleep)
        self.engine = Engine(
            self.discord, self.history, fake_clock(), on_event=self.events.append, **engine_kw
        )

    async def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def channel(
        self, name: str, *, mention: int | None = TARGET_BOT, enabled: bool = True, **kw: Any
    ) -> Target:
        info = self.discord.add_channel(GUILD, name, **kw)
        target = Target(
            GUILD,
            info.id,
            mention_id=mention,
            name=name,
            category_id=info.category_id,
            topic=info.topic,
            position=info.position,
            enabled=enabled,
        )
        return self.config.add_target(target)

    def run(self, slot: Slot = SLOT, trigger: Trigger = Trigger.SCHEDULED, **kw: Any) -> Any:
        return arun(self.engine.run(self.config, slot, trigger, **kw))


def states(report: Any) -> dict[str, State]:
    return {r.target_uid: r.state for r in report.results}


# --------------------------------------------------------------------------- the plain path


def test_run_sends_once_per_channel_with_mention_and_marker() -> None:
    w = World()
    a, b = w.channel("general"), w.channel("bots", mention=None)
    report = w.run()
    assert states(report) == {a.uid: State.REPLIED, b.uid: State.OK}
    assert report.exit_code == 0 and not report.failed and report.outcome == "ok"
    [msg_a] = w.discord.sent_to(a.channel_id or 0)
    [msg_b] = w.discord.sent_to(b.channel_id or 0)
    assert f"<@{TARGET_BOT}>" in msg_a.content and "<@" not in msg_b.content
    assert msg_a.content.endswith(f"\n-# {slot_marker(SLOT.key)}")
    assert w.history.done_uids(SLOT.key) == {a.uid, b.uid}
    stored = {r.target_uid: r for r in w.history.results_for_run(report.run_id)}
    assert {uid: r.state for uid, r in stored.items()} == states(report)
    assert stored[a.uid].message_id == msg_a.id and stored[a.uid].reply_latency is not None
    run = w.history.recent_runs()[0]
    assert run.outcome == "ok" and run.finished_at is not None and run.trigger == "scheduled"
    assert run.counts == {State.REPLIED: 1, State.OK: 1}
    assert any("#general: replied" in line.text for line in w.history.run_log(report.run_id))
    kinds = [type(e) for e in w.events]
    assert kinds[0] is RunStarted and kinds[-1] is RunFinished
    assert ChannelStateChanged in kinds and LogEmitted in kinds
    assert "1 ok" in report.summary and "1 replied" in report.summary


def test_second_run_same_slot_sends_nothing_and_force_sends_again() -> None:
    w = World()
    a = w.channel("general")
    w.run()
    again = w.run(trigger=Trigger.MANUAL)
    assert again.results == [] and again.skipped_done == [a.uid] and again.exit_code == 0
    assert "already done" in again.summary
    assert len(w.discord.sent_to(a.channel_id or 0)) == 1
    forced = w.run(trigger=Trigger.MANUAL, force=True)
    assert states(forced) == {a.uid: State.REPLIED}
    assert len(w.discord.sent_to(a.channel_id or 0)) == 2
    record = w.history.send_record(a.uid, SLOT.key)
    assert record is not None and record.message_id == w.discord.sent_to(a.channel_id or 0)[-1].id
    # the next day's slot is a new slot
    assert states(w.run(NEXT_SLOT)) == {a.uid: State.REPLIED}


def test_a_failed_forced_send_keeps_the_slot_done() -> None:
    w = World()
    a = w.channel("general")
    w.run()
    w.discord.fail("send_message", DiscordFailure(State.NO_ACCESS, "Missing Permissions", code=50013))
    assert states(w.run(force=True)) == {a.uid: State.NO_ACCESS}
    assert w.history.done_uids(SLOT.key) == {a.uid}
    assert w.run().skipped_done == [a.uid]
    assert len(w.discord.sent_to(a.channel_id or 0)) == 1


def test_overlapping_runs_of_one_slot_send_once() -> None:
    w = World()
    w.discord.latency = 0.01
    targets = [w.channel(f"c{i}") for i in range(5)]

    async def both() -> list[Any]:
        first = asyncio.create_task(w.engine.run(w.config, SLOT, Trigger.SCHEDULED))
        await asyncio.sleep(0.005)
        second = await w.engine.run(w.config, SLOT, Trigger.MANUAL)
        return [await first, second]

    first, second = arun(both())
    assert len(first.results) == 5 and second.results == []
    assert sorted(second.skipped_done) == sorted(t.uid for t in targets)
    assert all(len(w.discord.sent_to(t.channel_id or 0)) == 1 for t in targets)


def test_disabled_targets_never_receive_anything() -> None:
    w = World()
    on, off = w.channel("on"), w.channel("off", enabled=False)
    report = w.run()
    assert states(report) == {on.uid: State.REPLIED}
    explicit = w.run(targets=[off], force=True)
    assert states(explicit) == {off.uid: State.SKIPPED_DISABLED}
    assert w.discord.sent_to(off.channel_id or 0) == []
    assert ("fetch_channel", off.channel_id) not in w.discord.calls


def test_missing_and_no_access_are_reported_without_sending() -> None:
    w = World()
    gone, locked, fine = w.channel("gone"), w.channel("locked"), w.channel("fine")
    w.discord.delete_externally(gone.channel_id or 0)
    w.discord.no_access.add(locked.channel_id or 0)
    report = w.run()
    assert states(report) == {gone.uid: State.MISSING, locked.uid: State.NO_ACCESS, fine.uid: State.REPLIED}
    assert report.exit_code == 1 and report.outcome == "failed"
    assert w.discord.count("send_message") == 1
    by_uid = {r.target_uid: r for r in report.results}
    assert by_uid[gone.uid].code == 10003 and by_uid[locked.uid].code == 50001
    assert w.history.send_record(gone.uid, SLOT.key) is None
    assert set(w.history.last_error()) == {gone.uid, locked.uid}


# --------------------------------------------------------------------------- retries


def test_transient_failures_are_retried_honouring_retry_after() -> None:
    w = World(backoff_base=0.5, backoff_cap=30.0)
    a = w.channel("general")
    cid = a.channel_id
    w.discord.fail(
        "fetch_channel", DiscordFailure(State.DISCORD_UNAVAILABLE, "502", status=502), channel_id=cid
    )
    w.discord.fail(
        "send_message", DiscordFailure(State.RATE_LIMITED, "429", status=429, retry_after=2.5), channel_id=cid
    )
    report = w.run()
    assert states(report) == {a.uid: State.REPLIED}
    assert w.discord.count("fetch_channel") == 2 and w.discord.count("send_message") == 2
    assert len(w.discord.sent_to(cid or 0)) == 1
    assert len(w.sleeps) == 2
    assert 0.25 <= w.sleeps[0] <= 0.5  # first backoff: base with jitter
    assert 2.5 <= w.sleeps[1] <= 2.75  # the server's retry_after, plus at most 10 %


def test_backoff_is_capped_and_attempts_bounded() -> None:
    w = World(max_attempts=4, backoff_base=10.0, backoff_cap=15.0)
    a = w.channel("general")
    w.discord.fail("fetch_channel", *[DiscordFailure(State.NETWORK, "down")] * 10, channel_id=a.channel_id)
    report = w.run()
    assert states(report) == {a.uid: State.NETWORK}
    assert w.discord.count("fetch_channel") == 4 and len(w.sleeps) == 3
    assert all(s <= 15.0 for s in w.sleeps)


@pytest.mark.parametrize(
    ("failure", "state"),
    [
        (DiscordFailure(State.NO_ACCESS, "Missing Permissions", code=50013, status=403), State.NO_ACCESS),
        (DiscordFailure(State.MISSING, "Unknown Channel", code=10003, status=404), State.MISSING),
        # a rate limit longer than the cap surfaces instead of stalling the run
        (DiscordFailure(State.RATE_LIMITED, "429", status=429, retry_after=600.0), State.RATE_LIMITED),
    ],
)
def test_permanent_failures_are_not_retried_and_clear_the_intent(
    failure: DiscordFailure, state: State
) -> None:
    w = World()
    a = w.channel("general")
    w.discord.fail("send_message", failure, channel_id=a.channel_id)
    report = w.run()
    assert states(report) == {a.uid: state}
    assert w.discord.count("send_message") == 1 and w.sleeps == []
    # the send certainly did not happen: no pending intent is left to look up next time
    assert w.history.send_record(a.uid, SLOT.key) is None
    assert states(w.run(trigger=Trigger.RETRY)) == {a.uid: State.REPLIED}
    assert w.discord.count("scan_for_marker") == 0


def test_token_invalid_stops_the_run() -> None:
    w = World(concurrency=2)
    targets = [w.channel(f"c{i}") for i in range(20)]
    w.discord.fail("fetch_channel", DiscordFailure(State.TOKEN_INVALID, "401 Unauthorized", status=401))
    report = w.run()
    assert set(states(report).values()) == {State.TOKEN_INVALID}
    assert len(report.results) == len(targets)
    # only the calls already under way when the token was rejected reach Discord
    assert len(w.discord.calls) <= 2 and w.discord.count("send_message") <= 1
    assert sum("Not attempted" in r.message for r in report.results) >= 18


# --------------------------------------------------------------------------- exactly once


class CrashAfterSend(BaseException):
    """Stands in for the process dying between send_message and record_sent."""


class CrashingHistory(History):
    def record_sent(self, target_uid: str, slot_key: str, message_id: int, at: datetime) -> None:
        raise CrashAfterSend


def test_exactly_once_across_a_crash_between_send_and_record(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    w = World()
    a = w.channel("general")
    crashed = CrashingHistory(db)
    w.discord.is_owned = crashed.is_owned
    w.engine.history = crashed
    with pytest.raises(BaseExceptionGroup) as info:
        w.run()
    assert info.group_contains(CrashAfterSend)
    crashed.close()
    assert len(w.discord.sent_to(a.channel_id or 0)) == 1

    # "restart": a new history on the same file, a new engine
    history = History(db)
    record = history.send_record(a.uid, SLOT.key)
    assert record is not None and record.message_id is None and record.marker == slot_marker(SLOT.key)
    engine = Engine(w.discord, history, fake_clock())
    report = arun(engine.run(w.config, SLOT, Trigger.CATCH_UP))
    assert states(report) == {a.uid: State.OK}
    assert "earlier attempt" in report.results[0].message
    sent = w.discord.sent_to(a.channel_id or 0)
    assert len(sent) == 1 and w.discord.count("send_message") == 1
    assert history.done_uids(SLOT.key) == {a.uid}
    assert history.send_record(a.uid, SLOT.key).message_id == sent[0].id  # type: ignore[union-attr]
    # and the slot is done from now on
    assert arun(engine.run(w.config, SLOT, Trigger.MANUAL)).skipped_done == [a.uid]
    history.close()


def test_pending_intent_without_a_message_sends_once() -> None:
    """The crash came before the request left: the channel check finds nothing (for free: no message since
    the slot began) and the message is sent."""
    w = World()
    a = w.channel("general")
    w.history.record_intent(a.uid, SLOT.key, a.channel_id or 0, slot_marker(SLOT.key), SLOT.at)
    report = w.run()
    assert states(report) == {a.uid: State.REPLIED}
    assert w.discord.count("scan_for_marker") == 0
    assert len(w.discord.sent_to(a.channel_id or 0)) == 1


def test_lost_response_is_not_sent_twice() -> None:
    """A network error after Discord accepted the message: the retry looks for it instead of re-sending."""
    w = World()
    a = w.channel("general")
    w.discord.fail(
        "send_message", DeliveredThenFail(DiscordFailure(State.NETWORK, "reset")), channel_id=a.channel_id
    )
    report = w.run()
    assert states(report) == {a.uid: State.OK}
    assert len(w.discord.sent_to(a.channel_id or 0)) == 1
    assert w.history.done_uids(SLOT.key) == {a.uid}


def test_unsure_failure_keeps_the_intent_for_the_next_run() -> None:
    w = World(max_attempts=2)
    a = w.channel("general")
    w.discord.fail(
        "send_message",
        DeliveredThenFail(DiscordFailure(State.DISCORD_UNAVAILABLE, "500", status=500)),
        channel_id=a.channel_id,
    )
    w.discord.fail("scan_for_marker", DiscordFailure(State.NETWORK, "down"), channel_id=a.channel_id)
    report = w.run()
    assert states(report) == {a.uid: State.NETWORK}
    record = w.history.send_record(a.uid, SLOT.key)
    assert record is not None and record.message_id is None  # unsure: kept for the marker lookup
    assert states(w.run(trigger=Trigger.RETRY)) == {a.uid: State.OK}
    assert len(w.discord.sent_to(a.channel_id or 0)) == 1


# --------------------------------------------------------------------------- reply check and concurrency


def test_replied_versus_no_reply() -> None:
    w = World()
    w.discord.time_scale = 0.05  # a 2 s reply timeout takes 0.1 s
    talk, silent = w.channel("talk"), w.channel("silent", mention=SILENT_BOT)
    report = w.run()
    assert states(report) == {talk.uid: State.REPLIED, silent.uid: State.NO_REPLY}
    assert report.exit_code == 0 and report.outcome == "warning"  # no_reply is a warning
    by_uid = {r.target_uid: r for r in report.results}
    assert by_uid[talk.uid].reply_latency == pytest.approx(0.01)
    assert by_uid[silent.uid].reply_latency is None and "2 s" in by_uid[silent.uid].message


def test_reply_wait_does_not_hold_the_concurrency_bound() -> None:
    """500 silent channels must not serialise their reply waits (a buffered reply would hide that: silent)."""
    w = World(concurrency=16)
    w.discord.time_scale = 0.1  # the 2 s reply timeout takes 0.2 s
    w.discord.latency = 0.001
    targets = [w.channel(f"c{i:03d}", mention=SILENT_BOT) for i in range(200)]
    report = w.run()
    assert len(report.results) == 200 and set(states(report).values()) == {State.NO_REPLY}
    assert w.discord.max_in_flight <= 16
    # holding the bound during the wait would allow 16 waits at a time at most
    assert w.discord.max_waiting_replies > 16, w.discord.max_waiting_replies
    assert [r.target_uid for r in report.results] == [t.uid for t in targets]  # config order


def test_refreshed_channel_details_are_reported_and_applied() -> None:
    w = World()
    a, b = w.channel("old-name", topic="t"), w.channel("same")
    w.discord.channels[a.channel_id or 0] = w.discord.channels[a.channel_id or 0].__class__(
        a.channel_id or 0, GUILD, "new-name", CATEGORY, "new topic", 3
    )
    report = w.run()
    assert set(report.refreshed) == {a.uid}
    assert apply_refreshed(w.config, report) is True
    assert (a.name, a.category_id, a.topic, a.position) == ("new-name", CATEGORY, "new topic", 3)
    assert b.name == "same" and apply_refreshed(w.config, report) is False


def test_template_rendering() -> None:
    w = World()
    w.config.settings.message_template = "hi {mention} in {channel} on {date} at {time}"
    w.config.settings.schedule_time = "09:30"
    a = w.channel("general")
    custom = w.channel("custom", mention=None)
    custom.template = "{mention} plain"
    slot = Slot(date(2025, 3, 1), datetime(2025, 3, 1, 9, 30, tzinfo=UTC))
    w.run(slot)
    [msg] = w.discord.sent_to(a.channel_id or 0)
    assert msg.content == f"hi <@{TARGET_BOT}> in general on 2025-03-01 at 09:30\n-# cdp-keepalive 2025-03-01"
    [plain] = w.discord.sent_to(custom.channel_id or 0)
    assert plain.content == "plain\n-# cdp-keepalive 2025-03-01"
    from zoneinfo import ZoneInfo

    long = compose_message("x" * 5000, mention_id=None, slot=slot, zone=ZoneInfo("UTC"), channel_name="c")
    assert len(long) <= 2000


# --------------------------------------------------------------------------- temporary channels


def test_temporary_channel_is_recorded_before_use_and_deleted_after() -> None:
    w = World()
    temp = w.config.add_target(Target(GUILD, None, mention_id=TARGET_BOT, category_id=CATEGORY))
    real = w.channel("real")
    ledger_at_creation: list[bool] = []
    w.discord.after_created = lambda info: ledger_at_creation.append(w.history.is_owned(info.id))
    report = w.run()
    assert states(report) == {temp.uid: State.REPLIED, real.uid: State.REPLIED}
    [created] = w.discord.created
    assert created.name == "cdp-keepalive-2025-03-01" and created.category_id == CATEGORY
    assert ledger_at_creation == [True]
    assert w.discord.deleted == [created.id] and w.discord.refused == []
    assert created.id not in w.discord.channels and real.channel_id in w.discord.channels
    [owned] = w.history.owned_channels(include_deleted=True)
    assert owned.channel_id == created.id and owned.deleted and owned.run_id == report.run_id
    assert not w.history.is_owned(created.id)
    assert temp.channel_id is None  # the config is untouched


def test_temporary_channel_is_deleted_even_when_the_send_fails() -> None:
    w = World()
    temp = w.config.add_target(Target(GUILD, None, mention_id=TARGET_BOT))
    w.discord.fail("send_message", DiscordFailure(State.NO_ACCESS, "Missing Permissions", code=50013))
    report = w.run()
    assert states(report) == {temp.uid: State.NO_ACCESS}
    assert len(w.discord.deleted) == 1 and w.history.owned_channels() == []


def test_orphan_cleanup_deletes_only_owned_channels() -> None:
    w = World()
    configured = w.channel("configured")
    orphan = w.discord.add_channel(GUILD, "cdp-keepalive-2025-02-28")
    w.history.add_owned_channel(orphan.id, GUILD, SLOT.at, run_id=7)
    w.history.add_owned_channel(999999999999999999, GUILD, SLOT.at, run_id=7)  # already gone on Discord
    # a ledger entry that names a configured channel (corruption): the guard refuses, nothing is deleted
    w.history.add_owned_channel(configured.channel_id or 0, GUILD, SLOT.at, run_id=7)
    cleaned = arun(w.engine.cleanup_orphans())
    assert cleaned == 2
    assert w.discord.deleted == [orphan.id]
    assert w.discord.refused == [configured.channel_id]
    assert configured.channel_id in w.discord.channels
    assert [o.channel_id for o in w.history.owned_channels()] == [configured.channel_id]
    assert arun(w.engine.cleanup_orphans()) == 0


# --------------------------------------------------------------------------- re-add missing channels


class Saver:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.saved: list[list[int | None]] = []

    def __call__(self, config: Config) -> None:
        if self.fail:
            raise OSError("disk full")
        self.saved.append([t.channel_id for t in config.targets])


def test_readd_recreates_rebinds_and_is_idempotent() -> None:
    w = World()
    gone = w.channel("gone", category_id=CATEGORY, topic="keep me", position=4)
    off = w.channel("off", enabled=False)
    fine = w.channel("fine")
    old_gone, old_off = gone.channel_id, off.channel_id
    w.discord.delete_externally(old_gone or 0)
    w.discord.delete_externally(old_off or 0)
    save = Saver()
    report = arun(w.engine.readd_missing(w.config, save))
    assert report.exit_code == 0 and len(report.recreated) == 2 and "2 channel(s) recreated" in report.summary
    new = {c.name: c for c in w.discord.created}
    assert (new["gone"].category_id, new["gone"].topic, new["gone"].position) == (CATEGORY, "keep me", 4)
    assert gone.channel_id == new["gone"].id and off.channel_id == new["off"].id and not off.enabled
    assert fine.channel_id not in (new["gone"].id, new["off"].id)
    assert save.saved[-1] == [new["gone"].id, new["off"].id, fine.channel_id]
    assert {(r.old_channel_id, r.new_channel_id) for r in w.history.rebinds()} == {
        (old_gone, new["gone"].id),
        (old_off, new["off"].id),
    }
    again = arun(w.engine.readd_missing(w.config, save))
    assert again.entries == [] and len(w.discord.created) == 2
    # the next run sends to the new ID
    report = w.run()
    assert states(report) == {gone.uid: State.REPLIED, fine.uid: State.REPLIED}
    assert len(w.discord.sent_to(new["gone"].id)) == 1
    assert w.discord.deleted == [] and w.discord.refused == []


def test_readd_reuses_a_channel_recreated_before_a_lost_save() -> None:
    w = World()
    gone = w.channel("gone")
    old = gone.channel_id
    w.discord.delete_externally(old or 0)
    on_disk = w.config.copy()  # what the config file still says after the failed save
    report = arun(w.engine.readd_missing(w.config, Saver(fail=True)))
    assert report.exit_code == 1 and "could not be saved" in report.entries[0].message
    assert len(w.discord.created) == 1
    save = Saver()
    retry = arun(w.engine.readd_missing(on_disk, save))
    [entry] = retry.entries
    assert entry.ok and entry.reused and entry.new_channel_id == w.discord.created[0].id
    assert len(w.discord.created) == 1 and on_disk.targets[0].channel_id == entry.new_channel_id
    assert save.saved == [[entry.new_channel_id]]


def test_readd_falls_back_to_top_level_when_the_category_is_gone() -> None:
    w = World()
    gone = w.channel("gone", category_id=CATEGORY)
    w.discord.delete_externally(gone.channel_id or 0)
    w.discord.guilds[GUILD].categories.clear()
    report = arun(w.engine.readd_missing(w.config, Saver()))
    assert report.exit_code == 0 and w.discord.created[0].category_id is None and gone.category_id is None


@pytest.mark.parametrize(
    ("setup", "code", "text"),
    [
        ("limit", 30013, "500 channels"),
        ("perm", 50013, "Manage Channels"),
        ("guild", 10004, "Unknown server"),
    ],
)
def test_readd_errors_are_explained(setup: str, code: int, text: str) -> None:
    w = World()
    gone = w.channel("gone")
    old = gone.channel_id
    w.discord.delete_externally(old or 0)
    if setup == "limit":
        w.discord.guilds[GUILD].channel_limit = 0
    elif setup == "perm":
        w.discord.guilds[GUILD].can_manage_channels = False
    else:
        del w.discord.guilds[GUILD]
    save = Saver()
    report = arun(w.engine.readd_missing(w.config, save))
    [entry] = report.entries
    assert not entry.ok and entry.new_channel_id is None and text in entry.message
    assert report.exit_code == 1 and save.saved == [] and gone.channel_id == old
    assert w.history.rebinds() == []
    del code


def test_readd_stops_on_a_bad_token() -> None:
    w = World()
    for i in range(3):
        w.channel(f"c{i}")
    w.discord.fail("fetch_channel", DiscordFailure(State.TOKEN_INVALID, "401", status=401))
    report = arun(w.engine.readd_missing(w.config, Saver()))
    assert [e.state for e in report.entries] == [State.TOKEN_INVALID] * 3
    assert w.discord.count("fetch_channel") == 1 and w.discord.created == []


def test_fake_port_is_a_discord_port() -> None:
    from cdp_desktop.core.ports import DiscordPort

    assert isinstance(FakeDiscord(), DiscordPort)
    assert BOT_ID
