"""A read-only home and a full disk (issue 18 item 6), on a real file system: a small tmpfs mounted in a
private mount namespace (``unshare``; as root directly, otherwise in a user namespace). The CLI runs as
subprocesses against it (see ``tests/mounted_home.py``); each command must end with one line saying what is
wrong and what to do, exit 2, no traceback, and nothing written before may be damaged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.desktop_session import on_ci
from tests.helpers.cli import REPO


def _unshare_prefix(probe_dir: Path) -> list[str]:
    """The ``unshare`` command line that may mount a tmpfs here; skips (fails on CI) when none can."""
    tool = shutil.which("unshare")
    candidates = []
    if tool and os.geteuid() == 0:
        candidates.append([tool, "--mount", "--propagation", "private"])
    if tool:
        candidates.append([tool, "--user", "--map-root-user", "--mount", "--propagation", "private"])
    probe_dir.mkdir(exist_ok=True)
    for prefix in candidates:
        probe = subprocess.run(
            [*prefix, "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe_dir)],
            capture_output=True,
            timeout=30,
        )
        if probe.returncode == 0:
            return prefix
    why = "needs `unshare` able to mount a tmpfs in a private mount namespace"
    if on_ci():
        pytest.fail(f"CI=true but the test {why}", pytrace=False)
    pytest.skip(why)


def scenario(tmp_path: Path, name: str) -> dict[str, Any]:
    prefix = _unshare_prefix(tmp_path / "probe")
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "tests.mounted_home", name, str(tmp_path / "home")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    report: dict[str, Any] = json.loads(proc.stdout)
    for step in report["prepared"]:
        assert step["rc"] == 0, step
    return report


def last_error(result: dict[str, Any]) -> str:
    """Exit 2, no traceback, and the command's last line is its one error line."""
    stderr = result["stderr"]
    assert result["rc"] == 2, result
    assert "Traceback" not in stderr and "unexpected" not in stderr and "Logging error" not in stderr, result
    lines = stderr.strip().splitlines()
    assert lines[-1].startswith("cdp-desktop: error: "), result
    assert all(line.startswith("cdp-desktop: warning: ") for line in lines[:-1]), result
    return str(lines[-1])


def test_read_only_home(tmp_path: Path) -> None:
    """Commands that change something say the folder is not writable (one line, exit 2); ``status`` still
    answers from what it can read (it works offline and exits 0), with a warning about the log file."""
    report = scenario(tmp_path, "readonly")
    status, status_json, *writes = report["results"]
    for result in writes:
        line = last_error(result)
        assert len(result["stderr"].strip().splitlines()) == 1, result
        assert "is not writable" in line and "--home" in line, result
    for result in (status, status_json):
        assert result["rc"] == 0 and "Traceback" not in result["stderr"], result
        assert all(line.startswith("cdp-desktop: warning: ") for line in result["stderr"].splitlines())
    assert json.loads(status_json["stdout"])["channels"][0]["channel_id"] == "234567890123456789"
    assert report["config_same"]
    assert report["rows_after"] == report["rows_before"]


def test_full_disk(tmp_path: Path) -> None:
    """The file system is filled to the last byte before each command. A command may still succeed when the
    app itself gives space back (SQLite removes its 32 KiB -shm file on close); otherwise it must fail on one
    line. Either way nothing written before is damaged and no half-written file is left."""
    report = scenario(tmp_path, "full")
    config_set, add, disable, status = report["results"]
    line = last_error(config_set)
    assert "disk is full" in line and "config.json" in line and "free some space" in line, config_set
    for result in (config_set, add, disable):
        if result["rc"] != 0:
            line = last_error(result)
            assert "disk is full" in line, result
        # the log file cannot grow either: said at most once, never as a traceback per record
        assert result["stderr"].count("cannot write the log file") <= 1, result
    assert status["rc"] == 0 and "Traceback" not in status["stderr"], status  # status still answers
    assert json.loads(status["stdout"])["channels"][0]["channel_id"] == "234567890123456789"
    # What was written before the disk filled up is whole; no half-written file was left behind.
    config = json.loads(report["config_after"])
    assert config["settings"]["jitter_seconds"] == 60  # the refused `config set`
    assert "234567890123456789" in [t["channel_id"] for t in config["targets"]]
    assert report["rows_after"]["integrity"] == "ok"
    assert report["rows_after"] == report["rows_before"]
    assert not [name for name in report["files"] if name.endswith(".tmp")], report["files"]
