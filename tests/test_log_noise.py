"""An outage is calm in the log and on the terminal: one INFO line per reconnect, no traceback, no
``cdp-desktop: error: Attempting a reconnect in 0.54s``; and the sandbox's instant heartbeat ACKs no longer
make discord.py report "Can't keep up, shard ID None websocket is 12.0s behind"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox.thread import SandboxThread

REPO = Path(__file__).resolve().parents[1]


def test_a_daemon_through_an_outage_logs_reconnects_as_one_info_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # 12 s heartbeats: two beats fit in the test, and a beat measured against the previous one is > 10 s.
    with SandboxThread(rate_limits=False, heartbeat_interval=12_000) as sb:
        env = dict(os.environ)
        env.update(CDP_DESKTOP_HOME=str(home), CDP_DESKTOP_TOKEN=sb.token, CDP_DESKTOP_API_BASE=sb.api_base)
        daemon = subprocess.Popen(
            [sys.executable, "-m", "cdp_desktop", "daemon"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        log = AppPaths.resolve(home).log_file

        def log_text() -> str:
            return log.read_text(errors="replace") if log.exists() else ""

        def wait(check: str, count: int, timeout: float) -> None:
            deadline = time.monotonic() + timeout
            while log_text().count(check) < count:
                assert daemon.poll() is None, daemon.communicate()
                assert time.monotonic() < deadline, log_text()[-3000:]
                time.sleep(0.2)

        try:
            wait("Discord: connected", 1, 30)
            time.sleep(26)  # two heartbeats and their ACKs
            sb.outage(4.0)
            wait("reconnecting in", 1, 30)
            wait("Discord: connected", 2, 60)
        finally:
            daemon.send_signal(signal.SIGTERM)
            _out, err = daemon.communicate(timeout=30)
    text = log_text()
    assert "Traceback" not in text, text[-4000:]
    assert "Can't keep up" not in text
    assert "ERROR" not in text, [line for line in text.splitlines() if "ERROR" in line]
    reconnects = [line for line in text.splitlines() if "reconnecting in" in line]
    assert reconnects and all(" INFO " in line for line in reconnects), reconnects
    assert "Attempting a reconnect" not in err and "error:" not in err, err
    assert daemon.returncode == 0
