"""A crash during the reply wait (issue 18 item 9): the keep-alive was delivered and recorded, the process is
SIGKILLed while it waits for the target bot. ``status`` must then say the channel is ``sent`` (reply
unknown) with its last success — consistent with ``run-now``, which finds the slot done — not ``pending``.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.sandbox import SandboxThread
from tests.e2e.support import OUTPUTS, TOKEN, bot_messages, cli_env, run_json, safe_schedule_time
from tests.helpers.cli import REPO


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    st = SandboxThread(token=TOKEN, rate_limits=False)
    st.start()
    try:
        yield st
    finally:
        st.stop()


def _recorded_sends(history: Path) -> int:
    """Sends with a message ID in the history (read-only: the test must not take the writer's lock)."""
    if not history.exists():
        return 0
    db = sqlite3.connect(f"file:{history}?mode=ro", uri=True, timeout=5)
    try:
        return int(db.execute("SELECT COUNT(*) FROM sends WHERE message_id IS NOT NULL").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        db.close()


def test_sigkill_during_reply_wait_shows_sent_with_last_success(home: Path, sandbox: SandboxThread) -> None:
    channel = sandbox.text_channel_ids[0]
    settings = Settings(
        timezone="UTC", schedule_time=safe_schedule_time(), jitter_seconds=0, reply_timeout_seconds=300
    )
    target = Target(guild_id=sandbox.guild_id, channel_id=channel, mention_id=sandbox.target_bot_id)
    ConfigStore(home).save(Config(settings=settings, targets=[target]))
    sandbox.set_target_silent(True)  # the reply wait lasts the full 300 s unless something ends it

    run = subprocess.Popen(
        [sys.executable, "-m", "cdp_desktop", "--home", str(home), "run-now", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=cli_env(sandbox.api_base),
    )
    try:
        deadline = time.monotonic() + 60
        while _recorded_sends(home / "history.sqlite3") < 1 or not bot_messages(sandbox.messages(channel)):
            assert run.poll() is None, run.communicate()
            assert time.monotonic() < deadline, "the keep-alive was never sent"
            time.sleep(0.1)
        time.sleep(0.5)  # well inside the 300 s reply wait
        assert run.poll() is None
        run.send_signal(signal.SIGKILL)
        out, err = run.communicate(timeout=10)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(10)
    OUTPUTS.extend([out, err])
    assert run.returncode == -signal.SIGKILL and out == ""
    (message,) = bot_messages(sandbox.messages(channel))

    status = run_json(home, "status", api_base=sandbox.api_base, expect=0)
    (row,) = status["channels"]
    assert row["state"] == "sent", row
    assert "unknown" in row["explanation"]
    assert row["last_success"] is not None
    sent_at = datetime.fromisoformat(row["last_success"])
    assert abs((sent_at - datetime.fromisoformat(message["timestamp"])).total_seconds()) < 60

    # run-now agrees: the slot is done for this channel, nothing is sent again.
    sandbox.set_target_silent(False)
    report = run_json(home, "run-now", api_base=sandbox.api_base, expect=0)
    assert report["results"] == [] and report["skipped_done"] == [target.uid]
    assert len(bot_messages(sandbox.messages(channel))) == 1
    again = run_json(home, "status", api_base=sandbox.api_base, expect=0)
    assert again["channels"][0]["state"] == "sent"
