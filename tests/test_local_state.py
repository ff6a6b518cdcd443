"""Bad local state is a clear error, never an internal bug (issue 18, items 5 and 6).

Every case is the real CLI as a subprocess on a home prepared by hand: invalid zones and URLs, hand-edited
and absurdly nested config files, damaged and newer histories, a home that is a file, concurrent commands
creating one history, a history locked by another process. What is asserted is what a user sees: the exit
code, one line on stderr saying what is wrong and what to do, no traceback, and the files left behind.
Read-only homes and a full disk need a mount: they are in ``test_local_state_mounts.py``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cdp_desktop.core.history import SCHEMA_VERSION, History
from tests.e2e_daemon.helpers import cli_env, run_cli
from tests.helpers.cli import REPO, cli_argv
from tests.helpers.no_english import english_words

GUILD, CHANNEL, OTHER = "123456789012345678", "234567890123456789", "234567890123456790"


def error_line(proc: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The one ``cdp-desktop: error: …`` line of a refused command."""
    assert proc.returncode == code, f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("cdp-desktop: error: "), proc.stderr
    return lines[0]


def zh_env(**extra: str) -> dict[str, str]:
    """The CLI's environment on a Chinese desktop (no ``language`` setting: the locale decides)."""
    return cli_env(LANG="zh_CN.UTF-8", LC_ALL=None, LC_MESSAGES=None, LANGUAGE=None, **extra)


def chinese(text: str, *quoted: str) -> str:
    """``text`` (stderr lines) is Chinese, full-width colon after the program name, with no English word but
    the program's and its commands' names and what is ``quoted`` as it came (SQLite's own words)."""
    for line in text.strip().splitlines():
        assert line.startswith("cdp-desktop："), text
        assert english_words(line, {"cdp-desktop status", "cdp-desktop", *quoted}) == [], text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in line), text  # not only punctuation
    return text


def answered(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr, proc.stderr
    return proc.stdout


def configured_home(home: Path, **settings: object) -> Path:
    """A home with one channel (added offline) and the given settings written into config.json by hand."""
    answered(
        run_cli(
            home, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-verify", "--no-mention"
        )
    )
    if settings:
        path = home / "config.json"
        data = json.loads(path.read_text())
        data["settings"].update(settings)
        path.write_text(json.dumps(data))
    return home


# --------------------------------------------------------------------------- item 6: settings from the CLI


@pytest.mark.parametrize(
    "zone",
    [
        "America",  # a folder of the zone database (IsADirectoryError before the fix)
        "Europe",
        "Etc",
        "America/",
        "zone.tab",  # a data file of the zone database, not a zone
        "../../etc/passwd",
        "/etc/localtime",
        "Mars/Olympus_Mons",
    ],
)
def test_config_set_invalid_zone_is_refused(tmp_path: Path, zone: str) -> None:
    home = configured_home(tmp_path / "home")
    before = (home / "config.json").read_bytes()
    line = error_line(run_cli(home, "config", "set", "timezone", zone))
    assert "timezone" in line and "IANA name" in line
    assert (home / "config.json").read_bytes() == before


@pytest.mark.parametrize("key", ["proxy_url", "api_base_url"])
@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("http://[::1", "not a valid URL"),
        ("http://127.0.0.1:0", "port 0"),
        ("http://127.0.0.1:65536", "invalid port"),
        ("http://127.0.0.1:99999", "invalid port"),
        ("http://exa mple.com:8080", "spaces or control characters"),
    ],
)
def test_config_set_invalid_url_is_refused(tmp_path: Path, key: str, value: str, says: str) -> None:
    home = configured_home(tmp_path / "home")
    line = error_line(run_cli(home, "config", "set", key, value))
    assert key in line and says in line
    assert json.loads((home / "config.json").read_text())["settings"][key] is None


def test_config_set_valid_urls_still_accepted(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert (
        answered(run_cli(home, "config", "set", "proxy_url", "http://[::1]:7890"))
        .strip()
        .endswith("http://[::1]:7890")
    )
    answered(run_cli(home, "config", "set", "api_base_url", "https://discord.com/api/v10"))
    answered(run_cli(home, "config", "set", "timezone", "America/Santiago"))


# --------------------------------------------------------------------------- item 6: hand-edited config.json


@pytest.mark.parametrize("zone", ["Europe", "America", "Nowhere/Special"])
def test_hand_edited_bad_zone_keeps_the_channels_and_config_set_fixes_it(tmp_path: Path, zone: str) -> None:
    home = configured_home(tmp_path / "home", timezone=zone, jitter_seconds=7)
    status = run_cli(home, "status", "--json")
    data = json.loads(answered(status))
    # The bad field is named with what to do; everything else in the file still counts.
    (warning,) = [w for w in data["warnings"] if "timezone" in w]
    assert repr(zone) in warning and "config set timezone" in warning
    assert "timezone" in status.stderr and "Traceback" not in status.stderr
    assert [c["channel_id"] for c in data["channels"]] == [CHANNEL]
    assert data["settings"]["jitter_seconds"] == 7
    assert not list(home.glob("config.json.corrupt-*"))
    # Every command works, the one that fixes the file too.
    answered(run_cli(home, "channels", "list"))
    fixed = run_cli(home, "config", "set", "timezone", "Asia/Shanghai")
    assert answered(fixed).strip() == "timezone = Asia/Shanghai"
    clean = run_cli(home, "status", "--json")
    assert json.loads(answered(clean))["warnings"] == [] and clean.stderr == ""
    assert json.loads((home / "config.json").read_text())["settings"]["timezone"] == "Asia/Shanghai"


def test_hundred_thousand_deep_json_config_is_moved_aside(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    deep = "[" * 100_000 + "]" * 100_000
    (home / "config.json").write_text(deep)
    status = run_cli(home, "status")
    answered(status)
    (aside,) = home.glob("config.json.corrupt-*")
    assert aside.read_text() == deep  # kept with its original bytes
    assert "moved to" in status.stderr and len(status.stderr.strip().splitlines()) == 1
    # The next command starts clean; config set works.
    answered(run_cli(home, "config", "set", "schedule_time", "06:30"))
    assert json.loads((home / "config.json").read_text())["settings"]["schedule_time"] == "06:30"


def test_daemon_starts_despite_a_hand_edited_bad_zone(tmp_path: Path) -> None:
    """Under systemd a daemon that exits on every start restarts forever: with a bad zone in the file it
    warns and runs (here it stops at the missing token, exit 2, which the unit does not restart)."""
    home = configured_home(tmp_path / "home", timezone="Europe")
    proc = run_cli(home, "daemon")
    line = error_line_after_warnings(proc)
    assert "token" in line


def error_line_after_warnings(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert all(line.startswith("cdp-desktop: warning: ") for line in lines[:-1]), proc.stderr
    assert lines[-1].startswith("cdp-desktop: error: ")
    return lines[-1]


# --------------------------------------------------------------------------- item 6: damaged histories


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _zeros(path: Path) -> None:
    path.write_bytes(bytes(64 * 1024))


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "something").write_text("a folder where the history should be")


def _damaged_pages(path: Path) -> None:
    """A real history whose inner pages were overwritten (a disk or copy error): the header is intact."""
    with History(path) as history:
        for n in range(200):
            history.add_log(None, datetime_utc(), "info", f"line {n} " + "x" * 200)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, 3 * page):
        data[offset : offset + page] = os.urandom(page)
    path.write_bytes(bytes(data))


def _truncated_header(path: Path) -> None:
    with History(path):
        pass
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(50))


def datetime_utc() -> object:
    from datetime import UTC, datetime

    return datetime.now(UTC)


@pytest.mark.parametrize(
    "damage", [_garbage, _zeros, _folder, _damaged_pages, _truncated_header], ids=lambda f: f.__name__[1:]
)
def test_damaged_history_is_moved_aside_and_status_answers(tmp_path: Path, damage: object) -> None:
    home = configured_home(tmp_path / "home")
    history = home / "history.sqlite3"
    for extra in ("", "-wal", "-shm"):
        (home / f"history.sqlite3{extra}").unlink(missing_ok=True)
    damage(history)  # type: ignore[operator]
    original = history.read_bytes() if history.is_file() else None

    status = run_cli(home, "status", "--json")
    data = json.loads(answered(status))
    assert [c["channel_id"] for c in data["channels"]] == [CHANNEL]
    assert data["channels"][0]["state"] == "pending"
    (aside,) = home.glob("history.sqlite3.corrupt-*")
    if original is not None:
        assert aside.read_bytes() == original  # kept as it was, for whoever wants to look at it
    else:
        assert (aside / "something").is_file()
    (warning,) = [w for w in data["warnings"] if "history" in w]
    assert str(aside) in warning and "new history" in warning
    assert len(status.stderr.strip().splitlines()) == 1 and status.stderr.startswith("cdp-desktop: warning:")
    # A fresh, working history took its place: the next command is quiet.
    again = run_cli(home, "status")
    assert answered(again) and again.stderr == ""
    with History(history) as fresh:
        assert fresh.schema_version == SCHEMA_VERSION


def test_newer_history_is_refused_not_destroyed(tmp_path: Path) -> None:
    home = configured_home(tmp_path / "home")
    history = home / "history.sqlite3"
    with History(history):
        pass
    db = sqlite3.connect(history)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    db.execute("CREATE TABLE from_the_future (x)")
    db.commit()
    db.close()
    before = history.read_bytes()

    status = run_cli(home, "status", "--json")
    data = json.loads(answered(status))  # status works offline: it answers from the configuration
    assert [c["channel_id"] for c in data["channels"]] == [CHANNEL]
    assert any("newer version" in w for w in data["warnings"])
    # Commands that need the history refuse, with what to do.
    env = cli_env(
        CDP_DESKTOP_TOKEN="x" * 24 + ".abcdef." + "y" * 27, CDP_DESKTOP_API_BASE="http://127.0.0.1:9/api/v10"
    )
    for command in (["run-now"], ["daemon"]):
        line = error_line(run_cli(home, *command, env=env))
        assert "newer version" in line and "upgrade CDP Desktop" in line
    assert history.read_bytes() == before and not list(home.glob("history.sqlite3.corrupt-*"))


def test_history_problems_are_said_in_chinese(tmp_path: Path) -> None:
    """On a Chinese desktop what a damaged or newer history makes the commands say is Chinese: the error of
    a command that needs it, and the warning of one that goes on without it (SQLite's own words are kept)."""
    home = configured_home(tmp_path / "home")
    history = home / "history.sqlite3"
    _garbage(history)
    refused = run_cli(home, "history", env=zh_env())
    assert refused.returncode == 2, refused.stderr
    assert "`cdp-desktop status`" in chinese(refused.stderr, "file is not a database")
    status = run_cli(home, "status", env=zh_env())
    assert answered(status) and len(status.stderr.strip().splitlines()) == 1
    (aside,) = home.glob("history.sqlite3.corrupt-*")
    assert str(aside) in chinese(status.stderr, "file is not a database")

    db = sqlite3.connect(history)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    assert "CDP Desktop" in chinese(run_cli(home, "status", env=zh_env()).stderr)
    token = "x" * 24 + ".abcdef." + "y" * 27
    run_now = run_cli(
        home,
        "run-now",
        env=zh_env(CDP_DESKTOP_TOKEN=token, CDP_DESKTOP_API_BASE="http://127.0.0.1:9/api/v10"),
    )
    assert run_now.returncode == 2 and f"{SCHEMA_VERSION + 5}" in chinese(run_now.stderr), run_now.stderr


# --------------------------------------------------------------------------- item 6: broken homes


@pytest.mark.parametrize(
    "args", [["status"], ["status", "--json"], ["config", "set", "timezone", "UTC"], ["channels", "list"]]
)
def test_home_that_is_a_file(tmp_path: Path, args: list[str]) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder")
    line = error_line(run_cli(home, *args))
    assert "is a file, not a folder" in line and "--home" in line
    assert home.read_text() == "not a folder"


def test_home_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    line = error_line(run_cli(tmp_path / "file" / "home", "status"))
    assert "is a file, not a folder" in line


def test_full_disk_log_file_warns_once_without_traceback(tmp_path: Path) -> None:
    """The log file on a device that is full (``/dev/full``: every write fails with ENOSPC): logging's own
    error handler printed a 20-line traceback per record; now one line says so, and the command answers."""
    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True)
    (home / "logs" / "cdp-desktop.log").symlink_to("/dev/full")
    proc = run_cli(home, "-vv", "config", "set", "jitter_seconds", "abc")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "Logging error" not in proc.stderr, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "cannot write the log file" in line]
    assert len(warnings) == 1 and "No space left on device" in warnings[0]
    assert proc.stderr.strip().splitlines()[-1].startswith("cdp-desktop: error: jitter_seconds:")


# --------------------------------------------------------------------------- item 5: history creation race


def _start(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cli_argv(home, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=cli_env(),
    )


def test_concurrent_commands_on_a_fresh_home(tmp_path: Path) -> None:
    """Before the fix 1 to 3 pairs in 12 failed with "table runs already exists" or "database is locked".
    Here 12 trials of four commands started together on a fresh home: every one answers."""
    failures: list[str] = []
    for trial in range(12):
        home = tmp_path / f"home{trial}"
        procs = [_start(home, "status", "--json") for _ in range(3)] + [_start(home, "daemon")]
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            expected = 2 if proc.args[-1] == "daemon" else 0  # the daemon stops at the missing token
            if proc.returncode != expected or "Traceback" in err or "unexpected" in err or "history" in err:
                failures.append(f"trial {trial}: {proc.args[-2:]} exit {proc.returncode}: {err.strip()}")
            elif expected == 0:
                json.loads(out)
        with History(home / "history.sqlite3") as history:
            assert history.schema_version == SCHEMA_VERSION
    assert failures == []


LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


def test_history_locked_by_another_process_waits_then_says_so(tmp_path: Path) -> None:
    """A history being created by another process that keeps its write lock: the command waits (bounded,
    10 s) and then says another process is writing, exit 2 — not "unexpected … please report it"."""
    home = tmp_path / "home"
    home.mkdir()
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(home / "history.sqlite3")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        started = time.monotonic()
        proc = run_cli(home, "status")
        waited = time.monotonic() - started
        line = error_line(proc)
        assert "another cdp-desktop process is writing" in line and "try again" in line
        assert waited >= 5  # it waited for the lock rather than failing at once
        zh = run_cli(home, "status", env=zh_env())
        assert zh.returncode == 2 and len(zh.stderr.strip().splitlines()) == 1, zh.stderr
        assert "另一个 cdp-desktop 进程正在写入" in chinese(zh.stderr)
    finally:
        assert locker.stdin is not None
        locker.stdin.close()
        locker.wait(10)
    # Once the lock is gone the same command works.
    answered(run_cli(home, "status"))


def test_damaged_history_seen_by_channels_add_and_history(tmp_path: Path) -> None:
    """Commands other than status meet the damaged file too: ``channels add`` keeps it aside with a warning
    and goes on; the read-only ``history`` command says what is wrong and what to do."""
    home = tmp_path / "home"
    home.mkdir()
    _garbage(home / "history.sqlite3")
    line = error_line(run_cli(home, "history"))
    assert "is damaged" in line and "cdp-desktop status" in line
    add = run_cli(
        home, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-verify", "--no-mention"
    )
    assert answered(add).startswith("Added")
    assert "moved to" in add.stderr and len(add.stderr.strip().splitlines()) == 1
    assert len(list(home.glob("history.sqlite3.corrupt-*"))) == 1
