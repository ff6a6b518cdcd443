"""The command line as a real subprocess: ``python -m cdp_desktop --home HOME ARGS`` in a clean environment.

A developer's app settings (``CDP_DESKTOP_*``: token, home, API base, ...), forced keyring backend and
``faketime`` variables never reach the process unless a test passes them on purpose.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLI: tuple[str, ...] = (sys.executable, "-m", "cdp_desktop")


def _leaks(name: str) -> bool:
    return name.startswith(("CDP_DESKTOP_", "FAKETIME")) or name == "PYTHON_KEYRING_BACKEND"


def cli_env(**overrides: str | None) -> dict[str, str]:
    """This process's environment without the variables above, then ``overrides`` (``None`` removes one)."""
    env = {k: v for k, v in os.environ.items() if not _leaks(k)}
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def cli_argv(home: Path, *args: str, program: Sequence[str] | None = None) -> list[str]:
    """``PROGRAM --home HOME ARGS``; the program is the CLI module unless a test runs a wrapper of it."""
    return [*(CLI if program is None else program), "--home", str(home), *args]


def run_cli(
    home: Path,
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
    program: Sequence[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the CLI to the end and capture its output as text; ``env`` defaults to :func:`cli_env`."""
    return subprocess.run(
        cli_argv(home, *args, program=program),
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=cli_env() if env is None else env,
        timeout=timeout,
    )
