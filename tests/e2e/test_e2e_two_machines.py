"""Exactly once across machines and processes: real ``cdp-desktop run-now`` processes against one sandbox.

Two homes with the same token and channels stand for two machines (separate config and history). The channel
itself is the only thing they share. What the sandbox stored is counted: one keep-alive per channel, whoever
sent; a duplicate that had to be withdrawn was the later one; no channel is ever deleted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.core.history import History
from cdp_desktop.sandbox import SandboxThread
from tests.e2e import barrier_cli
from tests.e2e.support import (
    OUTPUTS,
    TOKEN,
    bot_messages,
    cli_env,
    register_home,
    run_json,
    safe_schedule_time,
)
from tests.helpers import cli
from tests.helpers.cli import REPO

CHANNELS = 6


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    st = SandboxThread(token=TOKEN, rate_limits=False)
    st.start()
    try:
        st.add_channels(CHANNELS - len(st.text_channel_ids), prefix="shared")
        yield st
    finally:
        st.stop()


def _home(root: Path, name: str, sandbox: SandboxThread, schedule_time: str) -> Path:
    home = register_home(root / name)
    settings = Settings(
        timezone="UTC", schedule_time=schedule_time, jitter_seconds=0, reply_timeout_seconds=5
    )
    targets = [
        Target(guild_id=sandbox.guild_id, channel_id=c, mention_id=sandbox.target_bot_id)
        for c in sandbox.text_channel_ids[:CHANNELS]
    ]
    ConfigStore(home).save(Config(settings=settings, targets=targets))
    return home


@pytest.fixture
def machines(tmp_path: Path, sandbox: SandboxThread) -> tuple[Path, Path]:
    when = safe_schedule_time()
    return _home(tmp_path, "laptop", sandbox, when), _home(tmp_path, "desktop", sandbox, when)


def _start(home: Path, api: str, barrier: Path | None = None, at: str = "send", parties: int = 2) -> Any:
    env = cli_env(api)
    program = [sys.executable, "-m", "cdp_desktop"]
    if barrier is not None:
        program = [sys.executable, "-m", "tests.e2e.barrier_cli"]
        env.update(
            {
                barrier_cli.DIR_ENV: str(barrier),
                barrier_cli.AT_ENV: at,
                barrier_cli.PARTIES_ENV: str(parties),
            }
        )
    return subprocess.Popen(
        [*program, "--home", str(home), "-v", "run-now", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )


def _finish(proc: Any) -> dict[str, Any]:
    out, err = proc.communicate(timeout=90)
    OUTPUTS.extend([out, err])
    assert "Traceback" not in err, err
    assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err}"
    data: dict[str, Any] = json.loads(out)
    return data


def _channels(sandbox: SandboxThread) -> list[int]:
    return list(sandbox.text_channel_ids[:CHANNELS])


def _assert_one_each(sandbox: SandboxThread) -> dict[int, dict[str, Any]]:
    """One keep-alive of our bot per channel; no channel deleted; every delete was a message withdrawal."""
    kept = {}
    for channel in _channels(sandbox):
        msgs = bot_messages(sandbox.messages(channel))
        assert len(msgs) == 1, f"channel {channel}: {len(msgs)} keep-alive messages"
        kept[channel] = msgs[0]
    deletes = [r for r in sandbox.requests if r["method"] == "DELETE"]
    assert all("/messages/" in r["path"] for r in deletes), deletes  # never a channel
    assert set(sandbox.text_channel_ids) >= set(_channels(sandbox))
    return kept


def _withdrawn(sandbox: SandboxThread) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for r in sandbox.requests:
        if r["method"] == "DELETE" and r["status"] == 204:
            parts = r["path"].split("/")  # /channels/{c}/messages/{m}
            out.setdefault(int(parts[2]), []).append(int(parts[4]))
    return out


def _status(home: Path, api: str) -> dict[str, Any]:
    return run_json(home, "status", api_base=api, expect=0)


def test_second_machine_sends_nothing_and_says_who_sent(
    machines: tuple[Path, Path], sandbox: SandboxThread
) -> None:
    laptop, desktop = machines
    api = sandbox.api_base
    first = run_json(laptop, "run-now", api_base=api, expect=0)
    assert {r["state"] for r in first["results"]} == {"replied"}
    posts_before = sum(1 for r in sandbox.requests if r["method"] == "POST")

    second = run_json(desktop, "run-now", api_base=api, expect=0)
    assert second["slot"] == first["slot"]
    assert {r["state"] for r in second["results"]} == {"sent_elsewhere"}
    sent_ids = {r["channel_id"]: r["message_id"] for r in first["results"]}
    for r in second["results"]:
        assert r["message_id"] == sent_ids[r["channel_id"]]  # the first machine's message, recorded
        assert "Sent by another machine at" in r["message"]
    assert sum(1 for r in sandbox.requests if r["method"] == "POST") == posts_before  # nothing sent
    _assert_one_each(sandbox)

    status = _status(desktop, api)
    for channel in status["channels"]:
        assert channel["state"] == "sent_elsewhere"
        assert channel["sent_by_other_at"] is not None
        assert "another machine" in channel["explanation"]
    human = cli.run_cli(desktop, "status", env=cli_env(api), timeout=60)
    assert human.returncode == 0 and "sent by another machine at " in human.stdout
    # The first machine still shows its own send, with no "other machine" note.
    assert {c["state"] for c in _status(laptop, api)["channels"]} == {"replied"}
    # And a third run on either machine sends nothing either.
    assert run_json(desktop, "run-now", api_base=api, expect=0)["results"] == []
    _assert_one_each(sandbox)


def test_two_machines_that_both_found_nothing_keep_the_earlier_message(
    machines: tuple[Path, Path], sandbox: SandboxThread, tmp_path: Path
) -> None:
    """Forced interleaving: both processes check every channel and find nothing before either sends (a
    barrier just before each send). Both send; the later message of each channel is withdrawn by its owner."""
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    api = sandbox.api_base
    procs = [_start(home, api, barrier, "send") for home in machines]
    reports = [_finish(p) for p in procs]
    kept = _assert_one_each(sandbox)
    withdrawn = _withdrawn(sandbox)
    assert set(withdrawn) == set(_channels(sandbox)), "both sent to every channel: one withdrawal each"
    for channel, ids in withdrawn.items():
        assert len(ids) == 1 and ids[0] > int(kept[channel]["id"]), (
            "the later message must be the one withdrawn"
        )
    # Per channel one machine recorded its own send, the other "sent by another machine" with the winner.
    for channel in _channels(sandbox):
        results = [r for rep in reports for r in rep["results"] if int(r["channel_id"]) == channel]
        assert sorted(r["state"] for r in results)[1] == "sent_elsewhere", results
        assert {r["message_id"] for r in results} == {kept[channel]["id"]}
        loser = next(r for r in results if r["state"] == "sent_elsewhere")
        assert "duplicate was withdrawn" in loser["message"]
    for home in machines:
        with History(home / "history.sqlite3") as history:
            assert history.pending_intents() == []


def test_two_machines_started_at_the_same_instant(
    machines: tuple[Path, Path], sandbox: SandboxThread
) -> None:
    api = sandbox.api_base
    procs = [_start(home, api) for home in machines]
    for p in procs:
        _finish(p)
    kept = _assert_one_each(sandbox)
    for channel, ids in _withdrawn(sandbox).items():
        assert all(i > int(kept[channel]["id"]) for i in ids)


@pytest.mark.parametrize("barrier_at", [None, "claim"])
def test_one_home_two_processes_started_together(
    machines: tuple[Path, Path], sandbox: SandboxThread, tmp_path: Path, barrier_at: str | None
) -> None:
    """The CLI beside the daemon or the tray app: one home, two processes at once. The history claim lets
    exactly one of them work on each channel; the other skips it."""
    home = machines[0]
    History(home / "history.sqlite3").close()  # a home in use (creating it concurrently is another matter)
    api = sandbox.api_base
    barrier = None
    if barrier_at is not None:
        barrier = tmp_path / "barrier"
        barrier.mkdir()
    procs = [_start(home, api, barrier, barrier_at or "send") for _ in range(2)]
    reports = [_finish(p) for p in procs]
    _assert_one_each(sandbox)
    assert _withdrawn(sandbox) == {}, "the claim, not a withdrawal, must have kept them apart"
    for channel in _channels(sandbox):
        worked = [r for rep in reports for r in rep["results"] if int(r["channel_id"]) == channel]
        assert len(worked) == 1, worked  # the other process skipped it
    status = _status(home, api)
    assert {c["state"] for c in status["channels"]} == {"replied"}


def test_an_emptied_history_does_not_send_the_day_again(
    machines: tuple[Path, Path], sandbox: SandboxThread
) -> None:
    """A history file emptied (or recreated) on the same machine: the channel shows the slot is done."""
    home = machines[0]
    api = sandbox.api_base
    run_json(home, "run-now", api_base=api, expect=0)
    for name in ("history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm"):
        path = home / name
        if path.exists():
            path.write_bytes(b"")
    posts_before = sum(1 for r in sandbox.requests if r["method"] == "POST")
    again = run_json(home, "run-now", api_base=api, expect=0)
    assert {r["state"] for r in again["results"]} == {"sent_elsewhere"}
    assert sum(1 for r in sandbox.requests if r["method"] == "POST") == posts_before
    _assert_one_each(sandbox)
