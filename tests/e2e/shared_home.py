"""Trials of several processes on one home, shared by the tests (small counts, asserted) and by
``scripts/reliability.py`` (larger counts, figures printed for ``docs/reliability.md``).

Every trial runs the real CLI as concurrent subprocesses (``python -m cdp_desktop --home H …``) and, where
Discord is involved, the built-in sandbox on 127.0.0.1 as Discord. Each returns plain figures; the caller
decides what they must be.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.core.history import History
from cdp_desktop.sandbox import SandboxThread
from tests.e2e.support import OUTPUTS, TOKEN, cli_env, safe_schedule_time
from tests.helpers.cli import REPO, cli_argv

PASSWORD = "S3cretPw"  # a proxy password that must never be printed

# Adds a target for CHANNEL to the config of HOME as any other writer might (an older version, a script):
# load, add, save, without the CLI's refusal of the app's temporary channels. The delete guard alone must
# then keep the channel.
_WRITER = """
import sys
from pathlib import Path
from cdp_desktop.core.config import ConfigStore, Target
home, guild, channel = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
store = ConfigStore(home)
config = store.load().config
config.add_target(Target(guild_id=guild, channel_id=channel))
store.save(config)
print("written")
"""


def spawn(
    home: Path, *args: str, api_base: str | None = None, token: str | None = TOKEN
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cli_argv(home, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=cli_env(api_base, token),
    )


def finish(procs: Sequence[subprocess.Popen[str]], timeout: float = 120) -> list[tuple[int, str, str]]:
    """Wait for every process; (exit code, stdout, stderr) each, in order."""
    deadline = time.monotonic() + timeout
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        OUTPUTS.extend([out, err])
        results.append((proc.returncode, out, err))
    return results


def config_on_disk(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "config.json").read_text("utf-8"))
    return data


def configured_ids(home: Path) -> set[int]:
    return {int(t["channel_id"]) for t in config_on_disk(home)["targets"] if t.get("channel_id")}


def _fake_id(n: int) -> int:
    return 900_000_000_000_000_000 + n


# --------------------------------------------------------------------------- 1. the deletion race


@dataclass
class DeletionRace:
    editor: str  # "cli_add": `channels add` of the temporary channel; "writer": another config writer
    raced: bool  # the edit finished while the run was still waiting for the reply
    edit_exit: int
    edit_error: str
    temporary: int | None
    deleted: list[int]
    configured_after: set[int]
    run_exit: int

    @property
    def configured_deleted(self) -> set[int]:
        return set(self.deleted) & self.configured_after


def deletion_race(sb: SandboxThread, home: Path, editor: str, reply_wait: int = 8) -> DeletionRace:
    """A temporary target, a silent target bot and a long reply wait; while ``run-now`` waits for the reply,
    the run's temporary channel is made a configured channel by another process."""
    sb.set_target_silent(True)
    settings = Settings(
        timezone="UTC", schedule_time=safe_schedule_time(), jitter_seconds=0, reply_timeout_seconds=reply_wait
    )
    target = Target(guild_id=sb.guild_id, channel_id=None, mention_id=sb.target_bot_id)
    ConfigStore(home).save(Config(settings=settings, targets=[target]))
    start = len(sb.requests)
    run = spawn(home, "run-now", "--json", api_base=sb.api_base)
    temporary = None
    deadline = time.monotonic() + 60
    while temporary is None and time.monotonic() < deadline and run.poll() is None:
        for r in sb.requests[start:]:
            if (
                r["method"] == "POST"
                and r["path"].startswith("/channels/")
                and r["path"].endswith("/messages")
            ):
                temporary = int(r["path"].split("/")[2])  # the keep-alive is sent: the reply wait begins
        time.sleep(0.05)
    edit_exit, edit_error, raced = -1, "", False
    if temporary is not None:
        if editor == "cli_add":
            edit = spawn(
                home,
                "channels",
                "add",
                "--guild",
                str(sb.guild_id),
                "--channel",
                str(temporary),
                "--mention",
                str(sb.target_bot_id),
                api_base=sb.api_base,
            )
        else:
            edit = subprocess.Popen(
                [sys.executable, "-c", _WRITER, str(home), str(sb.guild_id), str(temporary)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=REPO,
                env=cli_env(None, None),
            )
        ((edit_exit, _, edit_error),) = finish([edit])
        raced = run.poll() is None
    ((run_exit, _, _),) = finish([run])
    sb.set_target_silent(False)
    deleted = [int(r["path"].split("/")[-1]) for r in sb.requests[start:] if r["method"] == "DELETE"]
    return DeletionRace(
        editor, raced, edit_exit, edit_error.strip(), temporary, deleted, configured_ids(home), run_exit
    )


# --------------------------------------------------------------------------- 3. concurrent writers


@dataclass
class ConcurrentAdds:
    started: int
    exit_ok: int
    present: int
    errors: list[str] = field(default_factory=list)


def concurrent_adds(home: Path, n: int = 20, guild: int = 800_000_000_000_000_001) -> ConcurrentAdds:
    """``n`` ``channels add`` at once on one home (offline: ``--no-verify``)."""
    ids = [_fake_id(i) for i in range(n)]
    procs = [
        spawn(
            home,
            "channels",
            "add",
            "--guild",
            str(guild),
            "--channel",
            str(c),
            "--no-verify",
            "--no-mention",
            token=None,
        )
        for c in ids
    ]
    results = finish(procs)
    present = configured_ids(home) & set(ids) if (home / "config.json").exists() else set()
    errors = [err.strip() for code, _, err in results if code != 0]
    return ConcurrentAdds(n, sum(1 for code, _, _ in results if code == 0), len(present), errors)


@dataclass
class SetBesideAdd:
    pairs: int
    lost_settings: int
    lost_channels: int
    failed_commands: int


def set_beside_add(home: Path, pairs: int = 5, guild: int = 800_000_000_000_000_001) -> SetBesideAdd:
    """``config set jitter_seconds V`` and ``channels add`` started together, ``pairs`` times."""
    lost_settings = lost_channels = failed = 0
    for i in range(pairs):
        value, channel = 100 + i, _fake_id(1000 + i)
        procs = [
            spawn(home, "config", "set", "jitter_seconds", str(value), token=None),
            spawn(
                home,
                "channels",
                "add",
                "--guild",
                str(guild),
                "--channel",
                str(channel),
                "--no-verify",
                "--no-mention",
                token=None,
            ),
        ]
        failed += sum(1 for code, _, _ in finish(procs) if code != 0)
        data = config_on_disk(home)
        lost_settings += data["settings"]["jitter_seconds"] != value
        lost_channels += channel not in configured_ids(home)
    return SetBesideAdd(pairs, lost_settings, lost_channels, failed)


# --------------------------------------------------------------------------- 4. concurrent re-adds


@dataclass
class ConcurrentReadd:
    missing: int
    creates: int
    orphans: int  # channels created during the trial that no target is bound to
    bound_missing: int  # targets still bound to a channel that does not exist
    exit_codes: list[int]


def concurrent_readd(sb: SandboxThread, home: Path, missing: int = 5, processes: int = 2) -> ConcurrentReadd:
    """``missing`` configured channels deleted on Discord, then ``processes`` ``readd-missing`` at once."""
    names = [f"readd-{os.getpid()}-{time.monotonic_ns() % 10**8}-{i}" for i in range(missing)]
    channels = [sb.add_text_channel(sb.guild_id, name) for name in names]
    targets = [
        Target(guild_id=sb.guild_id, channel_id=c, name=n) for c, n in zip(channels, names, strict=True)
    ]
    settings = Settings(timezone="UTC", schedule_time=safe_schedule_time(), jitter_seconds=0)
    ConfigStore(home).save(Config(settings=settings, targets=targets))
    History(home / "history.sqlite3").close()  # a home in use (creating a history at once is another trial)
    for c in channels:
        sb.delete_channel(c)
    start = len(sb.requests)
    results = finish([spawn(home, "readd-missing", "--json", api_base=sb.api_base) for _ in range(processes)])
    creates = [r for r in sb.requests[start:] if r["method"] == "POST" and r["path"].endswith("/channels")]
    existing = {int(c["id"]): c["name"] for c in sb.channels(sb.guild_id)}
    bound = configured_ids(home)
    ours = {cid for cid, name in existing.items() if name in names}
    return ConcurrentReadd(
        missing,
        len(creates),
        len(ours - bound),
        sum(1 for c in bound if c not in existing),
        [code for code, _, _ in results],
    )


# --------------------------------------------------------------------------- 7. secrets in output


@dataclass
class SecretOutput:
    commands: int
    leaked: list[str]  # commands whose output held the password
    unmasked: list[str]  # commands that did not show the masked form
    kept_in_file: bool  # the file still holds the real value (the app needs it)


def secret_output(home: Path) -> SecretOutput:
    values = {
        "proxy_url": f"http://alice:{PASSWORD}@127.0.0.1:7890",
        "api_base_url": f"https://alice:{PASSWORD}@relay.example.org/api/v10",
    }
    leaked: list[str] = []
    unmasked: list[str] = []
    commands = 0

    def check(label: str, *args: str, masked: bool = True) -> None:
        nonlocal commands
        commands += 1
        ((code, out, err),) = finish([spawn(home, *args, token=None)])
        if PASSWORD in out or PASSWORD in err:
            leaked.append(label)
        if masked and (code != 0 or "alice:***@" not in out):
            unmasked.append(label)

    for key, value in [*values.items(), ("proxy_url", f"socks5://alice:{PASSWORD}@127.0.0.1:1080")]:
        check(f"config set {key}", "config", "set", key, value)
        check(f"config get {key}", "config", "get", key)
    check("config list", "config", "list")
    check("config list --json", "config", "list", "--json")
    check("status --json", "status", "--json")
    check("status", "status", masked=False)
    kept = PASSWORD in (home / "config.json").read_text("utf-8")
    return SecretOutput(commands, leaked, unmasked, kept)


# --------------------------------------------------------------------------- 8. file modes


@dataclass
class FileModes:
    paths: int
    wrong: list[str]  # "path mode" of every folder not 0700 and every file not 0600


def file_modes(sb: SandboxThread, parent: Path) -> FileModes:
    """A home the app creates itself (under a 0755 folder, umask 022), used by the common commands."""
    home = parent / "new" / "home"
    old = os.umask(0o022)
    try:
        api = sb.api_base
        for args in (
            ("config", "set", "schedule_time", safe_schedule_time()),
            ("config", "set", "timezone", "UTC"),
            ("config", "set", "reply_timeout_seconds", "0"),
            (
                "channels",
                "add",
                "--guild",
                str(sb.guild_id),
                "--channel",
                str(sb.text_channel_ids[0]),
                "--no-mention",
            ),
            ("status", "--json"),
            ("run-now", "--json"),
            ("readd-missing", "--json"),
        ):
            finish([spawn(home, *args, api_base=api)])
        # The history as a running app holds it: SQLite's -wal and -shm files exist while it is open.
        history = History(home / "history.sqlite3")
        history.add_log(None, datetime.now(UTC), "INFO", "modes trial")
    finally:
        os.umask(old)
    wrong = []
    try:
        paths = [parent / "new", home, *sorted(home.rglob("*"))]
        for path in paths:
            mode = stat.S_IMODE(path.lstat().st_mode)
            want = 0o700 if path.is_dir() else 0o600
            if mode != want:
                wrong.append(f"{path.relative_to(parent)} {mode:o}")
    finally:
        history.close()
    return FileModes(len(paths), wrong)
