"""Helpers for the daemon and ``status --json``: the real CLI as a subprocess (the sandbox beside it is
``tests.helpers.sandbox_process``).

Every process gets its own ``--home`` and an environment built here, so a developer's token, home, keyring
backend, API base or time zone never leaks in. Processes are stopped by their own handle only.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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


@dataclass
class Daemon:
    proc: subprocess.Popen[str]
    stdout: Path
    stderr: Path

    def wait(self, timeout: float) -> int:
        return self.proc.wait(timeout)

    def stderr_text(self) -> str:
        return self.stderr.read_text(errors="replace")
