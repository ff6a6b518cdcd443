"""``cdp-desktop history``: one row per channel and day, as CSV, JSON or text; bad ``--days`` exit 2."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cdp_desktop.cli import main
from cdp_desktop.cli_history import COLUMNS
from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.core.errors import State
from cdp_desktop.core.history import ChannelResult, History
from cdp_desktop.core.schedule import slot_for_date
from cdp_desktop.paths import AppPaths

REPO = Path(__file__).resolve().parent.parent
ZONE = "Europe/Berlin"
STABLE_JSON_KEYS = ["days", "from", "to", "timezone", "columns", "rows"]
STABLE_COLUMNS = [
    "date",
    "channel_uid",
    "channel_id",
    "channel_name",
    "guild_id",
    "outcome",
    "state",
    "sent_at",
    "reply_latency_seconds",
    "message_id",
    "error_id",
    "error_code",
    "attempts",
]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if getattr(h, "cdp_handler", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _today() -> date:
    return datetime.now(UTC).astimezone(ZoneInfo(ZONE)).date()


def make_home(home: Path) -> tuple[Target, Target]:
    """Two channels; "a" replied three days ago (a message with a comma and quotes), failed two days ago
    (a network error, no retry), was missing yesterday; "b" has a name with a comma and no history."""
    paths = AppPaths.resolve(home)
    paths.ensure()
    added = datetime.now(UTC) - timedelta(days=10)
    a = Target(10**17, 10**17 + 1, 10**17 + 9, name="alpha", added_at=added, enabled_at=added)
    b = Target(10**17, 10**17 + 2, None, name='b,"quoted"', added_at=added, enabled_at=added)
    ConfigStore(paths.config_dir).save(
        Config(settings=Settings(timezone=ZONE, schedule_time="00:00", jitter_seconds=0), targets=[a, b])
    )
    zone = ZoneInfo(ZONE)
    with History(paths.history_file) as h:
        for back, state, message, code in (
            (3, State.REPLIED, "", None),
            (2, State.NETWORK, 'Cannot connect, "host" down', None),
            (1, State.MISSING, "Unknown Channel", 10003),
        ):
            slot = slot_for_date(_today() - timedelta(days=back), time(0, 0), zone)
            run = h.start_run(slot.key, slot.at, "scheduled", slot.at)
            delivered = state.is_success
            at = slot.at + timedelta(seconds=5)
            if delivered:
                h.record_intent(a.uid, slot.key, 10**17 + 1, "m", slot.at)
                h.record_sent(a.uid, slot.key, 1234567890123456789, slot.at + timedelta(seconds=1))
            h.add_result(
                run,
                ChannelResult(
                    run,
                    a.uid,
                    a.channel_id,
                    a.label,
                    state,
                    code=code,
                    message=message,
                    message_id=1234567890123456789 if delivered else None,
                    reply_latency=4.25 if delivered else None,
                    at=at,
                ),
            )
            h.finish_run(run, at, "ok")
    return a, b


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_csv_round_trips_through_the_csv_module(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = make_home(isolated_home)
    code, out, err = run(capsys, "--home", str(isolated_home), "history", "--days", "5", "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0].keys()) == STABLE_COLUMNS
    assert len(rows) == 2 * 5  # one row per channel and day
    today = _today()
    by = {(r["channel_uid"], r["date"]): r for r in rows}
    replied = by[(a.uid, (today - timedelta(days=3)).isoformat())]
    assert replied["outcome"] == "replied" and replied["state"] == "replied"
    assert replied["message_id"] == "1234567890123456789"  # snowflakes stay exact text
    assert replied["reply_latency_seconds"] == "4.250"
    assert datetime.fromisoformat(replied["sent_at"]).tzinfo is not None
    failed = by[(a.uid, (today - timedelta(days=2)).isoformat())]
    assert failed["outcome"] == "failed" and failed["error_id"] == "network" and failed["sent_at"] == ""
    missing = by[(a.uid, (today - timedelta(days=1)).isoformat())]
    assert missing["outcome"] == "missing" and missing["error_code"] == "10003"
    assert by[(a.uid, today.isoformat())]["outcome"] == "upcoming"
    assert by[(a.uid, (today - timedelta(days=4)).isoformat())]["outcome"] == "app_not_running"
    assert by[(b.uid, (today - timedelta(days=3)).isoformat())]["outcome"] == "not_run"
    assert {r["channel_name"] for r in rows} == {"alpha", 'b,"quoted"'}  # quoting survives
    # Writing the parsed rows back gives the same text: a true round trip.
    again = io.StringIO()
    writer = csv.DictWriter(again, fieldnames=STABLE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    assert again.getvalue() == out


def test_json_keys_are_stable(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _b = make_home(isolated_home)
    code, out, _err = run(
        capsys, "--home", str(isolated_home), "history", "--json", "--channel", str(a.channel_id)
    )
    assert code == 0
    data = json.loads(out)
    assert list(data) == STABLE_JSON_KEYS
    assert data["columns"] == STABLE_COLUMNS == list(COLUMNS)
    assert data["days"] == 30 and data["timezone"] == ZONE
    assert data["to"] == _today().isoformat()
    assert len(data["rows"]) == 30 and {r["channel_uid"] for r in data["rows"]} == {a.uid}
    assert all(list(r) == STABLE_COLUMNS for r in data["rows"])
    assert [r["date"] for r in data["rows"]] == sorted(r["date"] for r in data["rows"])
    last_missing = data["rows"][-2]
    assert last_missing["outcome"] == "missing" and last_missing["error_id"] == "missing"
    assert last_missing["message_id"] is None and last_missing["attempts"] == "1"


def test_text_output(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_home(isolated_home)
    code, out, _err = run(capsys, "--home", str(isolated_home), "history", "--days", "4")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "#alpha: 1/3 days delivered"
    assert "replied" in lines[1] and "reply 4.2 s" in lines[1]
    assert "failed" in lines[2] and "error Network" in lines[2]  # the state name a person reads


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5", "", "100000"])
def test_bad_days_exit_2_with_a_message(
    isolated_home: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    make_home(isolated_home)
    code, out, err = run(capsys, "--home", str(isolated_home), "history", "--days", value)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cdp-desktop: error: --days must be a whole number")
    assert repr(value) in lines[0] and "Traceback" not in err


def test_unknown_channel_and_both_formats_exit_2(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_home(isolated_home)
    code, _out, err = run(capsys, "--home", str(isolated_home), "history", "--channel", "42")
    assert code == 2 and "42 is not a configured channel" in err
    code, _out, err = run(capsys, "--home", str(isolated_home), "history", "--json", "--csv")
    assert code == 2 and "not allowed with" in err


def test_without_history_file_nothing_is_created(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--home", str(isolated_home), "history", "--json")
    assert code == 0 and json.loads(out)["rows"] == []
    assert not AppPaths.resolve(isolated_home).history_file.exists()


def test_history_as_a_subprocess_in_chinese(tmp_path: Path) -> None:
    """The command a user types: exit codes and a translated message."""
    make_home(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "CDP_DESKTOP_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    cli = [sys.executable, "-m", "cdp_desktop", "--home", str(tmp_path)]
    subprocess.run([*cli, "config", "set", "language", "zh_CN"], check=True, cwd=REPO, env=env, timeout=60)
    proc = subprocess.run(
        [*cli, "history", "--days", "3"], capture_output=True, text=True, cwd=REPO, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "#alpha：0/2 天已送达"
    assert "失败" in proc.stdout and "频道缺失" in proc.stdout
    bad = subprocess.run(
        [*cli, "history", "--days", "0"], capture_output=True, text=True, cwd=REPO, env=env, timeout=60
    )
    assert bad.returncode == 2 and bad.stdout == ""
    assert (
        bad.stderr.count("\n") == 1
        and "--days" in bad.stderr
        and "--days 必须是 1 到 3660 之间的整数天数" in bad.stderr
    )


def test_readme_documents_every_column_in_order() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### History export", 1)[1].split("\n#", 1)[0]
    documented = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert documented == STABLE_COLUMNS
