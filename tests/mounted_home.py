"""Test-only driver: ``python -m tests.mounted_home SCENARIO HOME`` inside a private mount namespace.

Mounts a small tmpfs on HOME, prepares a home there with the real CLI (a channel, a history with a run), then
makes the file system read-only (``readonly``) or fills it to the last byte (``full``), runs CLI commands
against it and prints one JSON document: each command's exit code and output, and whether what was written
before is intact (config.json byte for byte, the history's rows and integrity). Run by
``tests/test_local_state_mounts.py`` through ``unshare``, so the mount is gone when this process ends.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

GUILD, CHANNEL, OTHER = "123456789012345678", "234567890123456789", "234567890123456790"
TOKEN = "x" * 24 + ".abcdef." + "y" * 27  # shaped like a token; no Discord is reached in these scenarios


def cli(home: Path, *args: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CDP_DESKTOP_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", CDP_DESKTOP_TOKEN=TOKEN)
    env["CDP_DESKTOP_API_BASE"] = "http://127.0.0.1:9/api/v10"  # nothing listens: never reached
    proc = subprocess.run(
        [sys.executable, "-m", "cdp_desktop", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return {"args": list(args), "rc": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}


def history_rows(path: Path) -> dict[str, Any]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return {
            "integrity": db.execute("PRAGMA integrity_check").fetchone()[0],
            "runs": db.execute("SELECT id, slot_key, outcome FROM runs ORDER BY id").fetchall(),
            "results": db.execute("SELECT COUNT(*) FROM results").fetchone()[0],
        }


def fill(folder: Path, n: int) -> int:
    """Write a file until the file system has no byte left; returns the bytes written."""
    written = 0
    with (folder / f"filler-{n}").open("wb", buffering=0) as fh:
        for size in (1 << 16, 1 << 12, 1 << 8, 1):
            while True:
                try:
                    written += fh.write(b"\0" * size)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    return written


def main() -> int:
    scenario, home = sys.argv[1], Path(sys.argv[2])
    home.mkdir(mode=0o700, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(home)], check=True)
    prepared = [
        cli(home, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-verify", "--no-mention")
    ]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from datetime import UTC, datetime

    from cdp_desktop.core.history import History

    with History(home / "history.sqlite3") as history:
        now = datetime.now(UTC)
        run = history.start_run("2025-01-01", now, "manual", now)
        history.finish_run(run, now, "ok")
    prepared.append(cli(home, "status"))
    config_before = (home / "config.json").read_bytes()
    rows_before = history_rows(home / "history.sqlite3")

    if scenario == "readonly":
        subprocess.run(["mount", "-o", "remount,ro", str(home)], check=True)
        commands = [
            ["status"],
            ["status", "--json"],
            ["config", "set", "timezone", "UTC"],
            ["channels", "add", "--guild", GUILD, "--channel", OTHER, "--no-verify", "--no-mention"],
            ["run-now"],
        ]
    else:
        commands = [
            ["config", "set", "jitter_seconds", "7"],
            ["channels", "add", "--guild", GUILD, "--channel", OTHER, "--no-verify", "--no-mention"],
            ["channels", "disable", CHANNEL],
            ["status", "--json"],
        ]
    results = []
    for n, command in enumerate(commands):
        if scenario == "full":
            fill(home, n)  # again before each command: a failed write gives back what it had taken
        results.append(cli(home, *command))
    if scenario == "full":
        for filler in home.glob("filler-*"):
            filler.unlink()  # room again: what was written before must still be whole
    report = {
        "prepared": prepared,
        "results": results,
        "config_same": (home / "config.json").read_bytes() == config_before,
        "config_after": (home / "config.json").read_text(),
        "rows_before": rows_before,
        "rows_after": history_rows(home / "history.sqlite3"),
        "files": sorted(p.name for p in home.iterdir() if not p.name.startswith("filler-")),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
