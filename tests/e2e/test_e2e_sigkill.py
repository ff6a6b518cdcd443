"""Exactly once across a crash: the CLI process is SIGKILLed after Discord accepted a keep-alive and before
History recorded it; the next run (a new process, same home) finds the slot's marker in the channel, sends
nothing, and records the slot as done."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.core.history import History
from cdp_desktop.sandbox import SandboxThread
from tests.e2e.kill_after_send import KILL_ENV
from tests.e2e.support import TOKEN, bot_messages, run_cli, run_json, safe_schedule_time


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    st = SandboxThread(token=TOKEN, rate_limits=False)
    st.start()
    try:
        yield st
    finally:
        st.stop()


def _posts(requests: list[dict[str, Any]], channel: int) -> list[dict[str, Any]]:
    return [r for r in requests if r["method"] == "POST" and r["path"] == f"/channels/{channel}/messages"]


def test_sigkill_between_send_and_record_does_not_send_twice(home: Path, sandbox: SandboxThread) -> None:
    channels: list[int] = sandbox.text_channel_ids[:2]
    settings = Settings(
        timezone="UTC", schedule_time=safe_schedule_time(), jitter_seconds=0, reply_timeout_seconds=5
    )
    targets = [
        Target(guild_id=sandbox.guild_id, channel_id=c, mention_id=sandbox.target_bot_id) for c in channels
    ]
    ConfigStore(home).save(Config(settings=settings, targets=targets))
    api = sandbox.api_base

    killed = run_cli(
        home,
        "run-now",
        "--json",
        api_base=api,
        program=[sys.executable, "-m", "tests.e2e.kill_after_send"],
        **{KILL_ENV: "1"},
    )
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stderr)
    assert killed.stdout == ""  # it died before it could report anything
    before = {c: bot_messages(sandbox.messages(c)) for c in channels}
    delivered = {c for c, msgs in before.items() if msgs}
    assert delivered, "the hook should fire only after Discord accepted a message"
    assert all(len(msgs) <= 1 for msgs in before.values())
    with History(home / "history.sqlite3") as history:
        pending = {p.channel_id for p in history.pending_intents()}
        assert delivered <= pending, "the intent must be on disk before the send"
        slot_key = history.pending_intents()[0].slot_key
        assert history.done_uids(slot_key) == set()
    log_start = len(sandbox.requests)

    # A new process, same home: the marker lookup finds the delivered messages; nothing is sent twice.
    report = run_json(home, "run-now", api_base=api, expect=0)
    assert report["slot"] == slot_key
    results = {int(r["channel_id"]): r for r in report["results"]}
    requests = sandbox.requests[log_start:]
    for channel in channels:
        (message,) = bot_messages(sandbox.messages(channel))
        assert results[channel]["message_id"] == message["id"]
        if channel in delivered:
            assert message["id"] == before[channel][0]["id"]
            assert _posts(requests, channel) == [], "sent again after the crash"
            assert results[channel]["state"] == "ok"
            assert "earlier attempt" in results[channel]["message"]
        else:
            assert len(_posts(requests, channel)) == 1
    with History(home / "history.sqlite3") as history:
        assert history.pending_intents() == []
        assert history.done_uids(slot_key) == {t.uid for t in targets}
        for t in targets:
            record = history.send_record(t.uid, slot_key)
            assert record is not None and record.message_id is not None

    # And the slot is done: a third run sends nothing.
    third = run_json(home, "run-now", api_base=api, expect=0)
    assert third["results"] == [] and len(third["skipped_done"]) == 2
    assert all(len(bot_messages(sandbox.messages(c))) == 1 for c in channels)
