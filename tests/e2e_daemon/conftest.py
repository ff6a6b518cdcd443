"""Fixtures for the daemon end-to-end tests: the real sandbox and ``cdp-desktop daemon`` as subprocesses.

Whatever a test started is stopped at the end by its own process handle, never by name.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e_daemon.helpers import Daemon, SandboxProc, cli_env, stop_process
from tests.helpers.cli import REPO, cli_argv


@pytest.fixture
def start_sandbox(tmp_path: Path) -> Iterator[Callable[[], SandboxProc]]:
    """``start_sandbox()``: a ``python -m cdp_desktop.sandbox --port 0`` subprocess (API base on the first
    line, then ``key: value`` lines); each is stopped at the end by its own handle."""
    procs: list[subprocess.Popen[str]] = []

    def start() -> SandboxProc:
        with (tmp_path / f"sandbox{len(procs)}.stderr").open("w") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "cdp_desktop.sandbox", "--port", "0"],
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                cwd=REPO,
                env=cli_env(),
            )
        procs.append(proc)
        assert proc.stdout is not None
        api_base = proc.stdout.readline().strip()
        assert api_base.startswith("http://127.0.0.1:") and api_base.endswith("/api/v10"), api_base
        info: dict[str, str] = {}
        while "text_channel_ids" not in info:
            line = proc.stdout.readline()
            assert line, "the sandbox stopped before printing its channels"
            key, _, value = line.partition(":")
            info[key.strip()] = value.strip()
        return SandboxProc(proc, api_base, info)

    yield start
    for proc in procs:
        stop_process(proc)


@pytest.fixture
def sandbox(start_sandbox: Callable[[], SandboxProc]) -> SandboxProc:
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
