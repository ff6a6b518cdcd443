"""The daemon started before the keyring is unlocked (boot, then login): it waits, with a growing pause,
and connects once the keyring opens — instead of exiting 2, which its systemd unit would never restart."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

from tests.e2e_daemon.helpers import Daemon, cli_env
from tests.helpers.sandbox_process import SandboxProcess
from tests.helpers.wait import wait_until


def test_daemon_waits_for_a_locked_keyring_then_connects(
    tmp_path: Path, sandbox: SandboxProcess, start_daemon: Callable[..., Daemon]
) -> None:
    home = tmp_path / "home"
    unlocked = tmp_path / "unlocked"
    env = cli_env(
        CDP_DESKTOP_API_BASE=sandbox.api_base,
        PYTHON_KEYRING_BACKEND="tests.e2e_daemon.locked_keyring.LockedUntilFile",
        CDP_TEST_UNLOCKED_FILE=str(unlocked),
        CDP_TEST_KEYRING_TOKEN=sandbox.token,
        CDP_DESKTOP_KEYRING_RETRY="0.5",
    )
    daemon = start_daemon(home, env)
    log = home / "logs" / "cdp-desktop.log"

    def waits() -> int:
        return (
            log.read_text(errors="replace").count("the keyring is locked; trying again")
            if log.exists()
            else 0
        )

    wait_until(lambda: waits() >= 3, 30, "three retries while the keyring is locked")
    assert daemon.proc.poll() is None, daemon.stderr_text()
    text = log.read_text(errors="replace")
    assert "trying again in 0.5 s" in text and "trying again in 1 s" in text and "trying again in 2 s" in text
    unlocked.touch()  # the user logs in
    wait_until(lambda: "Discord: connected" in log.read_text(errors="replace"), 30, "connected after unlock")
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.wait(10) == 0, daemon.stderr_text()
    assert "Traceback" not in daemon.stderr_text()
