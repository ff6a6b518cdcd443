"""Many processes, one home: the CLI as concurrent subprocesses, the sandbox as Discord (issue 18).

- a temporary channel made a configured channel while ``run-now`` waits for the reply is never deleted:
  ``channels add`` refuses it, and a config written by any other process is read by the delete guard;
- concurrent config writers lose nothing; concurrent re-adds create each missing channel once;
- a proxy password is never printed; a home the app creates is private (0700 folders, 0600 files).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cdp_desktop.sandbox import SandboxThread
from tests.e2e import shared_home
from tests.e2e.support import TOKEN
from tests.helpers.sandbox_thread import sandbox_thread


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    sb = sandbox_thread(token=TOKEN)
    try:
        yield sb
    finally:
        sb.stop()


def test_channels_add_refuses_the_temporary_channel_a_run_is_waiting_in(
    home: Path, sandbox: SandboxThread
) -> None:
    race = shared_home.deletion_race(sandbox, home, "cli_add")
    assert race.temporary is not None and race.raced, race
    assert race.edit_exit == 2, race
    assert "temporary channel CDP Desktop created" in race.edit_error
    assert race.edit_error.count("\n") == 0 and "Traceback" not in race.edit_error
    assert race.temporary not in race.configured_after
    assert race.deleted == [race.temporary], "the run still removes its own temporary channel"
    assert race.run_exit == 0


def test_delete_guard_reads_the_config_on_disk_at_the_moment_of_the_delete(
    home: Path, sandbox: SandboxThread
) -> None:
    """Another writer (not the CLI's refusal) configures the temporary channel while the run waits: the
    guard, reading the file under the config lock, refuses the DELETE; the channel stays on Discord."""
    race = shared_home.deletion_race(sandbox, home, "writer")
    assert race.temporary is not None and race.raced, race
    assert race.edit_exit == 0, race
    assert race.temporary in race.configured_after
    assert race.deleted == [], f"DELETE sent for configured channel(s) {race.deleted}"
    assert any(c["id"] == str(race.temporary) for c in sandbox.channels(sandbox.guild_id))


def test_twenty_concurrent_channels_add_keep_all_twenty(home: Path) -> None:
    result = shared_home.concurrent_adds(home, 20)
    assert result.errors == []
    assert (result.exit_ok, result.present) == (20, 20), result


def test_config_set_beside_channels_add_loses_nothing(home: Path) -> None:
    result = shared_home.set_beside_add(home, pairs=6)
    assert (result.lost_settings, result.lost_channels, result.failed_commands) == (0, 0, 0), result


def test_concurrent_readd_missing_creates_each_channel_once(home: Path, sandbox: SandboxThread) -> None:
    result = shared_home.concurrent_readd(sandbox, home, missing=5, processes=3)
    assert result.exit_codes == [0, 0, 0], result
    assert result.creates == 5, f"{result.creates} creates for 5 missing channels"
    assert (result.orphans, result.bound_missing) == (0, 0), result


def test_proxy_password_is_never_printed(home: Path) -> None:
    result = shared_home.secret_output(home)
    assert result.leaked == [], f"password printed by {result.leaked}"
    assert result.unmasked == [], f"no alice:***@ in {result.unmasked}"
    assert result.kept_in_file


def test_a_home_the_app_creates_is_private(tmp_path: Path, sandbox: SandboxThread) -> None:
    result = shared_home.file_modes(sandbox, tmp_path)
    names = {Path(w.split()[0]).name for w in result.wrong}
    assert result.wrong == [], result.wrong
    assert result.paths >= 6, names  # home, logs, config, history (+ -wal/-shm), log file, lock files


def test_a_channel_name_from_discord_reaches_neither_file_nor_terminal_raw(
    home: Path, sandbox: SandboxThread
) -> None:
    """`channels add` looks the channel up on Discord and remembers its name: ESC and newlines are dropped."""
    channel = sandbox.add_text_channel(sandbox.guild_id, "ops\x1b[2J\x1b[31m\nrm -rf")
    add = shared_home.finish(
        [
            shared_home.spawn(
                home,
                "channels",
                "add",
                "--guild",
                str(sandbox.guild_id),
                "--channel",
                str(channel),
                "--no-mention",
                api_base=sandbox.api_base,
            )
        ]
    )[0]
    assert add[0] == 0, add
    assert "\x1b" not in add[1] and add[1].count("\n") == 1
    (stored,) = shared_home.config_on_disk(home)["targets"]
    assert stored["name"] == "ops[2J[31mrm -rf"
    listed = shared_home.finish([shared_home.spawn(home, "status", token=None)])[0]
    assert listed[0] == 0 and "\x1b" not in listed[1] and "#ops[2J[31mrm -rf" in listed[1]
