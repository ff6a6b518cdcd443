"""The daemon after a wall-clock jump past its slot (libfaketime): the slot runs at once, not a tick late.

The daemon subprocess runs with libfaketime preloaded, its clock read from a file (re-read on every call), at
first equal to the real one; its slot is an hour away. The test then moves that clock 5 s past the slot, and
makes the kernel announce a clock change as a real one would (``bench.clockstep``: the real clock stepped by
1 ns; needs CAP_SYS_TIME or passwordless sudo). The daemon's wall-clock alarm is cancelled by that
announcement, it looks at its (faked) clock, finds the slot just passed and sends, exactly once, after exactly
one recomputation. With the old 30 s tick this took up to 30 s; with an alarm that nothing cancels, an hour.
"""

from __future__ import annotations

import glob
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench import clockstep
from tests.desktop_session import on_ci
from tests.e2e_daemon.helpers import Daemon, ok, run_cli
from tests.helpers.sandbox_process import SandboxProcess
from tests.helpers.wait import wait_until


def libfaketime() -> str:
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1")) + sorted(
        glob.glob("/usr/lib/faketime/libfaketime.so.1")
    )
    why = None if found else "needs libfaketime (apt package libfaketime)"
    why = why or clockstep.how_to_step()
    if why:
        if on_ci():
            pytest.fail(f"CI=true but the test {why}", pytrace=False)
        pytest.skip(why)
    return found[0]


def daemon_log(home: Path) -> str:
    log = home / "logs" / "cdp-desktop.log"
    return log.read_text(errors="replace") if log.exists() else ""


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_a_jump_past_the_slot_runs_it_at_once(
    tmp_path: Path, sandbox: SandboxProcess, start_daemon: Callable[..., Daemon]
) -> None:
    preload = libfaketime()
    home, sb = tmp_path / "home", sandbox
    env = sb.env()
    (channel,) = sb.text_channel_ids[:1]
    add = ["channels", "add", "--guild", sb.guild_id, "--channel", channel, "--mention", sb.target_bot_id]
    ok(run_cli(home, *add, env=env))
    ok(run_cli(home, "config", "set", "jitter_seconds", "0", env=env))
    ok(run_cli(home, "config", "set", "timezone", "UTC", env=env))
    # an hour ahead: the channel, added just now, is owed this slot and nothing earlier
    slot = (datetime.now(UTC) + timedelta(hours=1)).replace(second=0, microsecond=0)
    ok(run_cli(home, "config", "set", "schedule_time", slot.strftime("%H:%M"), env=env))

    offset = tmp_path / "faketime"
    offset.write_text("+0\n")
    faked = {
        **env,
        "LD_PRELOAD": preload,
        "FAKETIME_TIMESTAMP_FILE": str(offset),
        "FAKETIME_NO_CACHE": "1",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }
    daemon = start_daemon(home, faked, "-v")
    wait_until(lambda: "daemon running; next keep-alive at" in daemon_log(home), 60, "the daemon to start")
    assert f"next keep-alive at {slot.isoformat()}" in daemon_log(home), daemon_log(home)[-2000:]
    # Connected first: the connection's own wake-up landing on the jump would be a second, racing cause
    wait_until(lambda: "Discord: connected" in daemon_log(home), 60, "the daemon to connect")
    time.sleep(2)  # idle on its alarm
    assert sb.bot_messages(channel) == []

    # ---- the jump: the daemon's clock 5 s past the slot, announced by the kernel
    past = (slot - datetime.now(UTC)).total_seconds() + 5
    offset.write_text(f"+{past:.0f}\n")
    jumped = time.monotonic()
    clockstep.announce_clock_change()
    wait_until(lambda: sb.bot_messages(channel), 20, "the slot's keep-alive after the jump", interval=0.05)
    late = time.monotonic() - jumped
    time.sleep(3)  # a second send would show up now

    assert len(sb.bot_messages(channel)) == 1
    log = daemon_log(home)
    assert log.count("wake-up (clock_change)") == 1, log[-3000:]
    assert "alarm failed" not in log and "ticking instead" not in log, log[-3000:]
    assert f"running slot {slot.date().isoformat()} (scheduled)" in log, log[-3000:]
    assert daemon.proc.poll() is None, daemon.stderr_text()
    assert "Traceback" not in daemon.stderr_text()
    print(f"\nsent {late:.2f} s after the wall-clock jump past the slot")
