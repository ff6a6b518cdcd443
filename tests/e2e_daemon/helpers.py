"""Helpers for the daemon and ``status --json``: the real CLI and the real sandbox, as subprocesses.

Every process gets its own ``--home`` and an environment built here, so a developer's token, home, keyring
backend, API base or time zone never leaks in. Processes are stopped by their own handle only.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.desktop_session import on_ci
from tests.helpers import cli

# Nothing here may talk to a keyring: the daemon gets its token from the environment, status needs none.
NO_KEYRING = "keyring.backends.fail.Keyring"


def cli_env(**extra: str | None) -> dict[str, str]:
    """:func:`tests.helpers.cli.cli_env` without a keyring or a time zone, with unbuffered output."""
    return cli.cli_env(**{"TZ": None, "PYTHON_KEYRING_BACKEND": NO_KEYRING, "PYTHONUNBUFFERED": "1", **extra})


def run_cli(
    home: Path,
    *args: str,
    env: dict[str, str] | None = None,
    program: Sequence[str] | None = None,
    timeout: float = 30,
) -> subprocess.CompletedProcess[str]:
    """:func:`tests.helpers.cli.run_cli` with this module's :func:`cli_env` and a 30 s timeout."""
    return cli.run_cli(home, *args, env=cli_env() if env is None else env, program=program, timeout=timeout)


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def require_tool(name: str) -> str:
    """The path of ``name``; a missing tool skips the test, except on CI where it fails."""
    path = shutil.which(name)
    if path is None:
        why = f"needs the `{name}` command"
        if on_ci():
            pytest.fail(f"CI=true but the test {why}", pytrace=False)
        pytest.skip(why)
    return path


# --------------------------------------------------------------------------- the sandbox subprocess


@dataclass
class SandboxProc:
    proc: subprocess.Popen[str]
    api_base: str
    info: dict[str, str]
    root: str = field(init=False)

    def __post_init__(self) -> None:
        self.root = self.api_base.removesuffix("/api/v10")

    @property
    def token(self) -> str:
        return self.info["token"]

    @property
    def guild_id(self) -> str:
        return self.info["guild_id"]

    @property
    def target_bot_id(self) -> str:
        return self.info["target_bot_id"]

    @property
    def bot_user_id(self) -> str:
        return self.info["bot_user_id"]

    @property
    def text_channel_ids(self) -> list[str]:
        return self.info["text_channel_ids"].split()

    def control(self, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.root}/_sandbox{path}",
            data=data,
            method="GET" if body is None else "POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())

    def messages(self, channel_id: str) -> list[dict[str, Any]]:
        return list(self.control(f"/channels/{channel_id}/messages"))

    def bot_messages(self, channel_id: str) -> list[dict[str, Any]]:
        """Messages our bot posted (the target bot's replies are left out)."""
        return [m for m in self.messages(channel_id) if m["author"]["id"] == self.bot_user_id]

    def env(self, **extra: str) -> dict[str, str]:
        return cli_env(CDP_DESKTOP_API_BASE=self.api_base, CDP_DESKTOP_TOKEN=self.token, **extra)


def stop_process(proc: subprocess.Popen[Any], grace: float = 5) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@dataclass
class Daemon:
    proc: subprocess.Popen[str]
    stdout: Path
    stderr: Path

    def wait(self, timeout: float) -> int:
        return self.proc.wait(timeout)

    def stderr_text(self) -> str:
        return self.stderr.read_text(errors="replace")
