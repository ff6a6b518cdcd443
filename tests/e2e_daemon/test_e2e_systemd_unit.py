"""The systemd user unit in packaging/ starts ``cdp-desktop daemon`` the way the daemon expects."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.e2e_daemon.helpers import cli_env, ok, run_cli
from tests.helpers.cli import REPO

UNIT = REPO / "packaging" / "cdp-desktop.service"


def parse_unit(text: str) -> dict[str, dict[str, list[str]]]:
    """systemd's INI dialect: ``#``/``;`` comments, ``\\`` continuations, repeatable keys (kept in order)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    pending = ""
    for raw in text.splitlines():
        line = pending + raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"key outside a section: {line!r}"
        key, sep, value = line.partition("=")
        assert sep, f"not a key=value line: {line!r}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def test_unit_runs_the_daemon_command(tmp_path: Path) -> None:
    unit = parse_unit(UNIT.read_text())
    service = unit["Service"]
    (exec_start,) = service["ExecStart"]
    argv = shlex.split(exec_start.lstrip("-@:+!"))
    if argv[0] == "/usr/bin/env":
        argv = argv[1:]
    assert argv[0].rsplit("/", 1)[-1] == "cdp-desktop"
    assert argv[1:] == ["daemon"]

    # The command is a console script of this project, and `daemon` is one of its subcommands.
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["cdp-desktop"] == "cdp_desktop.cli:main"
    assert "daemon" in ok(run_cli(tmp_path / "home", "daemon", "--help", env=cli_env()))

    # The daemon stays in the foreground and stops on SIGTERM (systemd's default stop signal) within 5 s.
    assert service.get("Type", ["simple"]) == ["simple"]
    assert service.get("KillSignal", ["SIGTERM"]) == ["SIGTERM"]
    for timeout in service.get("TimeoutStopSec", []):
        assert float(timeout.rstrip("s")) >= 5
    # Exit 2 is a setup error (no token, another instance): restarting cannot help.
    assert "2" in " ".join(service.get("RestartPreventExitStatus", [])).split()
    assert unit["Install"]["WantedBy"] == ["default.target"]  # a user unit: started with the user manager


def test_unit_passes_systemd_analyze_verify() -> None:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("needs systemd-analyze")
    proc = subprocess.run([tool, "verify", str(UNIT)], capture_output=True, text=True, timeout=30)
    if "Failed to initialize manager" in proc.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {proc.stderr.strip()}")
    assert proc.returncode == 0, proc.stderr
    assert UNIT.name not in proc.stderr, proc.stderr  # no warnings about the unit itself
