"""``cdp-desktop daemon`` end to end: real subprocesses against the real sandbox subprocess.

One lifecycle covers issue 5's daemon acceptance: the schedule set to the coming minute sends exactly one
message per enabled channel (none to a disabled one), a second daemon on the same home exits 2, SIGKILL and a
restart send nothing more for the slot, and SIGTERM stops the daemon within 5 s with the history consistent.
Alongside, on the same slot, a second home against a second sandbox whose target bot stays silent gets
SIGTERM while its run waits for the reply: the hardest moment to stop cleanly.
"""

from __future__ import annotations

import json
import signal
import sqlite3
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

# Not the machine's zone, and a half-hour offset: HH:MM must be read in the configured zone.
ZONE = "Asia/Kolkata"
MIN_LEAD = 10.0  # seconds between choosing the slot and the slot: time for the daemon to connect


def pick_slot(zone: ZoneInfo) -> datetime:
    """The next whole minute at least MIN_LEAD s away (so the wait is between 10 and 70 s)."""
    now = datetime.now(zone)
    return (now + timedelta(seconds=MIN_LEAD, minutes=1)).replace(second=0, microsecond=0)


def status(home: Path, sb: SandboxProcess) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(run_cli(home, "status", "--json", env=sb.env())))
    return data


def connected_count(home: Path) -> int:
    log = home / "logs" / "cdp-desktop.log"
    return log.read_text(errors="replace").count("Discord: connected") if log.exists() else 0


def stamp(message: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(message["timestamp"])


def add_channels(home: Path, sb: SandboxProcess, enabled: list[str], disabled: list[str]) -> None:
    env = sb.env()
    for channel in (*enabled, *disabled):
        add = ["channels", "add", "--guild", sb.guild_id, "--channel", channel, "--mention", sb.target_bot_id]
        ok(run_cli(home, *add, env=env))
    for channel in disabled:
        ok(run_cli(home, "channels", "disable", channel, env=env))
    ok(run_cli(home, "config", "set", "jitter_seconds", "0", env=env))
    ok(run_cli(home, "config", "set", "timezone", ZONE, env=env))


def history_runs(home: Path) -> list[tuple[str, str | None, str | None]]:
    """(slot_key, finished_at, outcome) of every run, read-only, after checking the file's integrity."""
    with sqlite3.connect(f"file:{home / 'history.sqlite3'}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return list(db.execute("SELECT slot_key, finished_at, outcome FROM runs ORDER BY id"))


def sigterm(daemon: Daemon) -> float:
    """SIGTERM; the seconds until the process has exited with 0."""
    t0 = time.monotonic()
    daemon.proc.send_signal(signal.SIGTERM)
    code = daemon.wait(10)
    seconds = time.monotonic() - t0
    assert code == 0, daemon.stderr_text()
    assert "Traceback" not in daemon.stderr_text()
    return seconds


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_daemon_sends_once_per_slot_survives_sigkill_and_stops_on_sigterm(
    tmp_path: Path,
    sandbox: SandboxProcess,
    start_sandbox: Callable[[], SandboxProcess],
    start_daemon: Callable[..., Daemon],
) -> None:
    home, sb = tmp_path / "home", sandbox
    env = sb.env()
    on_a, on_b, off = sb.text_channel_ids[:3]
    # The second home: its own sandbox, whose target bot never answers (the run waits reply_timeout, 60 s).
    home2, sb2 = tmp_path / "home2", start_sandbox()
    sb2.control("POST", "/target", {"silent": True})
    (quiet,) = sb2.text_channel_ids[:1]

    # Channels first (verified with the sandbox), then the schedule: all are active before the slot.
    add_channels(home, sb, [on_a, on_b], [off])
    add_channels(home2, sb2, [quiet], [])
    slot = pick_slot(ZoneInfo(ZONE))
    for h, box in ((home, sb), (home2, sb2)):
        ok(run_cli(h, "config", "set", "schedule_time", slot.strftime("%H:%M"), env=box.env()))
    interrupted = start_daemon(home2, sb2.env())

    # ---- the first daemon connects and waits for the slot
    first = start_daemon(home, env, "-v")
    wait_until(lambda: connected_count(home) >= 1, 30, "the daemon to connect to the sandbox")
    wait_until(lambda: connected_count(home2) >= 1, 30, "the second home's daemon to connect")
    assert first.proc.poll() is None, first.stderr_text()

    # ---- a second daemon on the same home refuses with exit 2 and one clear line
    second = start_daemon(home, env)
    assert second.wait(30) == 2
    lines = second.stderr_text().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("cdp-desktop: error: another CDP Desktop is already running for this home")
    assert f"(process {first.proc.pid})" in lines[0]
    assert first.proc.poll() is None, "the refused second daemon must not disturb the first"

    before = status(home, sb)
    assert before["next_run"] == slot.isoformat()  # "2025-…T…:00+05:30": the configured zone, no jitter
    assert before["last_run"] is None
    assert time.time() < slot.timestamp(), (
        "setup took longer than MIN_LEAD; nothing was tested before the slot"
    )

    # ---- the slot: one keep-alive per enabled channel
    wait_until(
        lambda: sb.bot_messages(on_a) and sb.bot_messages(on_b),
        slot.timestamp() - time.time() + 30,
        "a keep-alive in every enabled channel",
        interval=0.2,
    )

    # ---- SIGTERM while a run waits for the silent bot's reply: stopped within 5 s, the run closed
    wait_until(lambda: sb2.bot_messages(quiet), 10, "the keep-alive of the second home")
    assert [finished for _, finished, _ in history_runs(home2)] == [None], "the run should still wait"
    stop_mid_run = sigterm(interrupted)
    assert stop_mid_run < 5, f"SIGTERM during a run took {stop_mid_run:.2f} s"
    ((slot_key, finished, outcome),) = history_runs(home2)
    assert slot_key == slot.date().isoformat() and finished is not None, (finished, outcome)
    assert status(home2, sb2)["catch_up_due"] is False  # the message went out: a restart must not resend
    assert len(sb2.bot_messages(quiet)) == 1
    wait_until(
        lambda: sb2.control("GET", "/state")["gateway_connections"] == 0, 5, "the second gateway to close"
    )

    # The run is recorded as finished (read by another process while the daemon runs), then a crash.
    def finished_run() -> dict[str, Any] | None:
        last: dict[str, Any] | None = status(home, sb)["last_run"]
        return last if last and last["finished_at"] else None

    run = wait_until(
        finished_run,
        15,
        "the run to be recorded as finished",
        interval=0.3,
    )
    first.proc.send_signal(signal.SIGKILL)
    assert first.wait(5) == -signal.SIGKILL

    sent = {c: sb.bot_messages(c) for c in (on_a, on_b)}
    for channel, messages in sent.items():
        assert len(messages) == 1, (channel, messages)
        assert f"<@{sb.target_bot_id}>" in messages[0]["content"]
    lateness = [(stamp(m[0]) - slot).total_seconds() for m in sent.values()]
    assert all(0 <= late < 5 for late in lateness), f"sent {lateness} s after the slot"
    assert sb.messages(off) == []
    assert run["slot"] == slot.date().isoformat() and run["trigger"] == "scheduled" and run["outcome"] == "ok"

    # ---- restart after SIGKILL: the stale lock is taken over, nothing more is sent for the slot
    restarted = start_daemon(home, env, "-v")
    wait_until(lambda: connected_count(home) >= 2, 30, "the restarted daemon to connect")
    time.sleep(10)
    assert restarted.proc.poll() is None, restarted.stderr_text()
    assert {c: sb.bot_messages(c) for c in (on_a, on_b)} == sent
    assert sb.messages(off) == []

    # ---- SIGTERM: stopped within 5 s, exit 0, Discord connection closed
    stop_seconds = sigterm(restarted)
    assert stop_seconds < 5, f"SIGTERM took {stop_seconds:.2f} s"
    err = restarted.stderr_text()
    assert "daemon running; next keep-alive at" in err and "stopping" in err, err  # logs reach stderr
    wait_until(
        lambda: sb.control("GET", "/state")["gateway_connections"] == 0, 5, "the gateway connection to close"
    )

    # ---- the history afterwards: one finished run for the slot, both channels done, nothing owed
    after = status(home, sb)
    assert after["last_run"] == run
    assert after["catch_up_due"] is False
    assert after["next_run"] == (slot + timedelta(days=1)).isoformat()
    states = {c["channel_id"]: c["state"] for c in after["channels"]}
    assert states[on_a] == states[on_b] == "replied", states
    runs = history_runs(home)
    assert len(runs) == 1 and runs[0][1] is not None and runs[0][2] == "ok", runs

    print(
        f"\nslot {slot.isoformat()}: sent {', '.join(f'{x:.3f}' for x in lateness)} s late; "
        f"SIGTERM stop {stop_seconds:.2f} s idle, {stop_mid_run:.2f} s mid-run (outcome {outcome})"
    )
