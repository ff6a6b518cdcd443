"""A running daemon follows the config edits the CLI makes beside it (issue 18, item 2).

Real subprocesses on one home against the sandbox subprocess: the daemon is started with channels A, B, C
and a slot about a minute ahead; while it waits, the CLI removes A, disables B, adds D and moves the schedule
one minute later. Nothing may be sent at the old time; at the new time C and D get their keep-alive, A and B
nothing. The daemon learns of the edits from the file itself (inotify, or a stat before each slot): nothing
tells it otherwise.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.e2e_daemon.helpers import Daemon, ok, run_cli
from tests.helpers.sandbox_process import SandboxProcess
from tests.helpers.wait import wait_until

ZONE = "Asia/Kolkata"
LEAD = 45.0  # seconds from choosing the old slot to it: the daemon connects and the edits are made


def whole_minute_after(seconds: float) -> datetime:
    now = datetime.now(ZoneInfo(ZONE))
    return (now + timedelta(seconds=seconds, minutes=1)).replace(second=0, microsecond=0)


def status(home: Path, sb: SandboxProcess) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(run_cli(home, "status", "--json", env=sb.env())))
    return data


def daemon_log(home: Path) -> str:
    log = home / "logs" / "cdp-desktop.log"
    return log.read_text(errors="replace") if log.exists() else ""


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_daemon_follows_channel_and_schedule_edits_from_the_cli(
    tmp_path: Path, sandbox: SandboxProcess, start_daemon: Callable[..., Daemon]
) -> None:
    home, sb = tmp_path / "home", sandbox
    env = sb.env()
    a, b, c = sb.text_channel_ids[:3]
    d = str(sb.control("POST", f"/guilds/{sb.guild_id}/channels", {"name": "d-added-later"})["id"])
    for channel in (a, b, c):
        add = ["channels", "add", "--guild", sb.guild_id, "--channel", channel, "--mention", sb.target_bot_id]
        ok(run_cli(home, *add, env=env))
    ok(run_cli(home, "config", "set", "jitter_seconds", "0", env=env))
    ok(run_cli(home, "config", "set", "timezone", ZONE, env=env))
    old = whole_minute_after(LEAD)
    new = old + timedelta(minutes=1)
    ok(run_cli(home, "config", "set", "schedule_time", old.strftime("%H:%M"), env=env))

    daemon = start_daemon(home, env, "-v")
    wait_until(lambda: "daemon running; next keep-alive at" in daemon_log(home), 40, "the daemon to start")
    assert status(home, sb)["next_run"] == old.isoformat()

    # ---- the edits, each by its own CLI process while the daemon runs
    ok(run_cli(home, "channels", "remove", a, env=env))
    ok(run_cli(home, "channels", "disable", b, env=env))
    add_d = ["channels", "add", "--guild", sb.guild_id, "--channel", d, "--mention", sb.target_bot_id]
    ok(run_cli(home, *add_d, env=env))
    ok(run_cli(home, "config", "set", "schedule_time", new.strftime("%H:%M"), env=env))
    assert time.time() < old.timestamp() - 2, "the edits took longer than LEAD; the old slot was not tested"
    assert status(home, sb)["next_run"] == new.isoformat()
    # ---- the old time passes: nothing is sent to anyone
    time.sleep(max(0.0, old.timestamp() - time.time()) + 8)
    assert daemon.proc.poll() is None, daemon.stderr_text()
    assert {ch: sb.bot_messages(ch) for ch in (a, b, c, d)} == {a: [], b: [], c: [], d: []}

    # ---- the new time: C and D once each, A (removed) and B (disabled) nothing
    wait_until(
        lambda: sb.bot_messages(c) and sb.bot_messages(d),
        new.timestamp() - time.time() + 30,
        "the keep-alive at the new time in C and D",
        interval=0.2,
    )
    time.sleep(3)  # a wrong extra send would show up now
    assert len(sb.bot_messages(c)) == 1 and len(sb.bot_messages(d)) == 1
    assert sb.bot_messages(a) == [] and sb.bot_messages(b) == []
    for channel in (c, d):
        sent_at = datetime.fromisoformat(sb.bot_messages(channel)[0]["timestamp"])
        assert sent_at >= new, f"{channel} sent at {sent_at}, before the new slot {new}"
    assert daemon.proc.poll() is None, daemon.stderr_text()
    assert "Traceback" not in daemon.stderr_text()
    # it rescheduled on the file's change (the file watch), not only when it looked at the next slot
    assert "config.json changed on disk; rescheduling" in daemon_log(home)
