"""Catch-up before login (issue 18 item 10): a daemon started with a missed keep-alive due must wait for the
Discord client to be ready before the run starts. With a slow login (the sandbox answers ``GET /users/@me``
only after 8 s) the run used to start at once, fail every channel with "not connected to Discord", raise a
"Keep-alive failed" notice and retry a minute later. Now the one run waits and succeeds.
"""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from tests.e2e_daemon.helpers import Daemon
from tests.helpers.sandbox_process import SandboxProcess
from tests.helpers.wait import wait_until

LOGIN_DELAY = 8.0


def results(home: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(f"file:{home / 'history.sqlite3'}?mode=ro", uri=True) as db:
        return list(db.execute("SELECT state, message FROM results ORDER BY id"))


def test_due_catch_up_waits_for_a_slow_login(
    tmp_path: Path, sandbox: SandboxProcess, start_daemon: Callable[..., Daemon]
) -> None:
    home = tmp_path / "home"
    channels = sandbox.text_channel_ids[:2]
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    slot = (datetime.now(UTC) - timedelta(hours=6)).strftime("%H:%M")  # today's slot passed: a catch-up
    targets = [
        Target(
            guild_id=int(sandbox.guild_id),
            channel_id=int(c),
            mention_id=int(sandbox.target_bot_id),
            added_at=two_days_ago,
            enabled_at=two_days_ago,
        )
        for c in channels
    ]
    settings = Settings(schedule_time=slot, timezone="UTC", jitter_seconds=0, reply_timeout_seconds=20)
    ConfigStore(home).save(Config(settings=settings, targets=targets))

    sandbox.control("POST", "/delay_next", {"method": "GET", "path": "/users/@me", "seconds": LOGIN_DELAY})
    daemon = start_daemon(home, sandbox.env())

    def delivered() -> bool:
        return all(sandbox.bot_messages(c) for c in channels)

    wait_until(delivered, 90, "the catch-up keep-alive in every channel")
    wait_until(lambda: len(results(home)) == len(channels), 60, "the run's results in the history")
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.wait(15) == 0
    stderr = daemon.stderr_text()
    log = (home / "logs" / "cdp-desktop.log").read_text(errors="replace")

    # The login really was slow, and the run waited for it instead of failing.
    requests: list[dict[str, Any]] = sandbox.requests()
    logins = [r for r in requests if r["method"] == "GET" and r["path"] == "/users/@me"]
    posts = [r for r in requests if r["method"] == "POST" and r["path"].endswith("/messages")]
    assert logins and posts and posts[0]["mono"] >= logins[0]["mono"] + LOGIN_DELAY
    assert [state for state, _ in results(home)] in (["replied"] * 2, ["ok"] * 2), results(home)
    for text in (stderr, log):
        assert "not connected" not in text, text
        assert "Keep-alive failed" not in text, text
        assert "retrying" not in text, text
    assert all(len(sandbox.bot_messages(c)) == 1 for c in channels)
