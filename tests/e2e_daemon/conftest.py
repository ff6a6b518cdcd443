"""Fixtures for the daemon end-to-end tests: the real sandbox and ``cdp-desktop daemon`` as subprocesses.

Whatever a test started is stopped at the end by its own process handle, never by name.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e_daemon.helpers import Daemon, cli_env
from tests.helpers.cli import REPO, cli_argv
from tests.helpers.sandbox_process import SandboxProcess


@pytest.fixture
def start_sandbox(tmp_path: Path) -> Iterator[Callable[[], SandboxProcess]]:
    """``start_sandbox()``: a :class:`SandboxProcess` (its demo token, this suite's :func:`cli_env`, its
    stderr in ``sandbox<N>.stderr``); each is stopped at the end by its own handle."""
    started: list[SandboxProcess] = []

    def start() -> SandboxProcess:
        err = tmp_path / f"sandbox{len(started)}.stderr"
        sb = SandboxProcess.start(stderr=err, env=cli_env(), timeout=None)  # bounded by the test's timeout
        started.append(sb)
        return sb

    yield start
    for sb in started:
        sb.stop()


@pytest.fixture
def sandbox(start_sandbox: Callable[[], SandboxProcess]) -> SandboxProcess:
    return start_sandbox()


# --------------------------------------------------------------------------- daemons


@pytest.fixture
def start_daemon(tmp_path: Path) -> Iterator[Callable[..., Daemon]]:
    """``start_daemon(home, env, *extra_args)``: a ``cdp-desktop daemon`` subprocess, output in files (a full
    pipe must never block it). Whatever is still running at the end is stopped by its own handle."""
    started: list[Daemon] = []

    def start(home: Path, env: dict[str, str], *extra: str) -> Daemon:
        n = len(started)
        out, err = tmp_path / f"daemon{n}.stdout", tmp_path / f"daemon{n}.stderr"
        with out.open("w") as fo, err.open("w") as fe:
            proc = subprocess.Popen(
                cli_argv(home, *extra, "daemon"), stdout=fo, stderr=fe, text=True, cwd=REPO, env=env
            )
        daemon = Daemon(proc, out, err)
        started.append(daemon)
        return daemon

    yield start
    for daemon in started:
        if daemon.proc.poll() is None:
            daemon.proc.kill()
            daemon.proc.wait(5)
