#!/usr/bin/env python3
"""Rerun the reliability trials of docs/reliability.md and print their figures as a Markdown table.

    .venv/bin/python scripts/reliability.py            # every trial (a few minutes)
    .venv/bin/python scripts/reliability.py --quick    # fewer repetitions (about a minute)

Every trial runs the real CLI as concurrent subprocesses on a throw-away home and, where Discord is
involved, the built-in sandbox on 127.0.0.1: nothing leaves the machine and no real token is used. The exit
code is 0 when every figure is what the table promises, 1 otherwise. A time budget (``--budget``, seconds)
bounds the whole run: trials that would start after it are listed as not run.

To add a trial: write a function returning a :class:`Row` and append it to ``TRIALS``.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cdp_desktop.sandbox import SandboxThread  # noqa: E402
from tests.e2e import shared_home as sh  # noqa: E402
from tests.e2e.support import TOKEN  # noqa: E402
from tests.e2e_daemon.helpers import cli_env, run_cli  # noqa: E402
from tests.helpers.cli import cli_argv  # noqa: E402
from tests.helpers.sandbox_thread import sandbox_thread  # noqa: E402


@dataclass
class Row:
    scenario: str
    trials: int
    result: str
    ok: bool


@dataclass
class Env:
    sandbox: SandboxThread
    scratch: Path
    quick: bool
    _count: int = 0

    def home(self) -> Path:
        self._count += 1
        path = self.scratch / f"home-{self._count}"
        path.mkdir(mode=0o700)
        return path

    def n(self, full: int, quick: int) -> int:
        return quick if self.quick else full


# --------------------------------------------------------------------------- the trials


def deletion_race(env: Env, editor: str, label: str) -> Row:
    # The reply wait must outlast the other process's start-up on a busy machine (a race not hit is shown)
    runs = [sh.deletion_race(env.sandbox, env.home(), editor, reply_wait=10) for _ in range(env.n(4, 1))]
    hit = [r for r in runs if r.raced]
    deleted = sum(len(r.configured_deleted) for r in runs)
    refused = sum(1 for r in hit if r.edit_exit == 2)
    if editor == "cli_add":
        result = (
            f"{len(hit)} races hit; `channels add` refused {refused}; configured channels deleted: {deleted}"
        )
        ok = deleted == 0 and refused == len(hit) and bool(hit)
    else:
        kept = sum(1 for r in hit if r.temporary in r.configured_after and not r.deleted)
        result = (
            f"{len(hit)} races hit; DELETE refused (channel kept) {kept}; "
            f"configured channels deleted: {deleted}"
        )
        ok = deleted == 0 and kept == len(hit) and bool(hit)
    return Row(label, len(runs), result, ok)


def race_cli_add(env: Env) -> Row:
    return deletion_race(
        env, "cli_add", "`channels add` of the temporary channel while `run-now` waits for the reply"
    )


def race_writer(env: Env) -> Row:
    return deletion_race(
        env, "writer", "another process writes that channel into config.json while `run-now` waits"
    )


def adds(env: Env) -> Row:
    rounds = [sh.concurrent_adds(env.home(), 20) for _ in range(env.n(3, 1))]
    kept = [r.present for r in rounds]
    ok = all(r.exit_ok == r.present == 20 for r in rounds)
    return Row(
        "20 `channels add` at once on one home", len(rounds), f"channels kept per round: {kept} of 20", ok
    )


def set_and_add(env: Env) -> Row:
    r = sh.set_beside_add(env.home(), pairs=env.n(10, 4))
    lost = r.lost_settings + r.lost_channels
    return Row(
        "`config set` and `channels add` started together",
        r.pairs,
        f"changes lost: {lost} (settings {r.lost_settings}, channels {r.lost_channels}); "
        f"commands failed: {r.failed_commands}",
        lost == 0 and r.failed_commands == 0,
    )


def readd(env: Env) -> Row:
    runs = [sh.concurrent_readd(env.sandbox, env.home(), missing=5, processes=3) for _ in range(env.n(5, 2))]
    creates = [r.creates for r in runs]
    orphans = sum(r.orphans for r in runs)
    failed = sum(1 for r in runs for code in r.exit_codes if code != 0)
    return Row(
        "3 `readd-missing` at once, 5 channels missing",
        len(runs),
        f"creates per trial: {creates} (5 expected); orphans: {orphans}; commands failed: {failed}",
        all(c == 5 for c in creates) and orphans == 0 and failed == 0,
    )


def secrets(env: Env) -> Row:
    r = sh.secret_output(env.home())
    return Row(
        "proxy / relay password (http, socks5, api_base_url) in "
        "`config set/get/list [--json]`, `status [--json]`",
        r.commands,
        f"outputs with the password: {len(r.leaked)}; outputs without `alice:***@`: {len(r.unmasked)}",
        not r.leaked and not r.unmasked and r.kept_in_file,
    )


def modes(env: Env) -> Row:
    r = sh.file_modes(env.sandbox, env.home())
    return Row(
        "modes in a home the app creates (umask 022; config set, channels add, status, run-now, "
        "readd-missing, then the history held open)",
        r.paths,
        f"paths checked: {r.paths}; not 0700/0600: {len(r.wrong)}"
        + (f" ({', '.join(r.wrong)})" if r.wrong else ""),
        not r.wrong,
    )


# --------------------------------------------------------------------------- bad local state (no Discord)


def _one_line(proc: subprocess.CompletedProcess[str], code: int) -> bool:
    lines = proc.stderr.strip().splitlines()
    return (
        proc.returncode == code
        and len(lines) == 1
        and lines[0].startswith("cdp-desktop: error: ")
        and "Traceback" not in proc.stderr
        and "unexpected" not in proc.stderr
    )


def _clean(proc: subprocess.CompletedProcess[str]) -> bool:
    return proc.returncode == 0 and "Traceback" not in proc.stderr and "unexpected" not in proc.stderr


def _with_channel(home: Path) -> Path:
    cli(
        home,
        "channels",
        "add",
        "--guild",
        "123456789012345678",
        "--channel",
        "234567890123456789",
        "--no-verify",
        "--no-mention",
    )
    return home


def history_race(env: Env) -> Row:
    """Fresh homes, four commands started together (three `status --json` and a `daemon`)."""
    trials, failed = env.n(12, 4), 0
    for _ in range(trials):
        home = env.home() / "fresh"
        procs = [cli_start(home, "status", "--json") for _ in range(3)] + [cli_start(home, "daemon")]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            expected = 2 if proc.args[-1] == "daemon" else 0  # the daemon stops at the missing token
            failed += proc.returncode != expected or "Traceback" in err or "history" in err
    return Row(
        "4 commands started together on a fresh home (history creation)",
        trials,
        f"commands failed: {failed} of {4 * trials}",
        failed == 0,
    )


BAD_ZONES = ("America", "Europe", "Etc", "America/", "zone.tab", "../../etc/passwd", "Mars/Base")


def bad_zones(env: Env) -> Row:
    refused = sum(
        _one_line(cli(_with_channel(env.home()), "config", "set", "timezone", zone), 2) for zone in BAD_ZONES
    )
    # The same zones written into config.json by hand: every command still answers, `config set` fixes it.
    answered = fixed = 0
    for zone in BAD_ZONES[:3]:
        home = _with_channel(env.home())
        data = json.loads((home / "config.json").read_text())
        data["settings"]["timezone"] = zone
        (home / "config.json").write_text(json.dumps(data))
        status = cli(home, "status", "--json")
        answered += _clean(status) and len(json.loads(status.stdout)["channels"]) == 1
        fixed += _clean(cli(home, "config", "set", "timezone", "UTC")) and cli(home, "status").stderr == ""
    return Row(
        f"`config set timezone` with {len(BAD_ZONES)} invalid zones (folders of the zone database, "
        "data files, "
        "paths); the first 3 also hand-edited into config.json",
        len(BAD_ZONES) + 3,
        f"refused on one line, exit 2: {refused} of {len(BAD_ZONES)}; hand-edited: status answered with the "
        f"channels kept {answered} of 3, fixed by `config set` {fixed} of 3",
        refused == len(BAD_ZONES) and answered == fixed == 3,
    )


BAD_URLS = ("http://[::1", "http://127.0.0.1:0", "http://127.0.0.1:65536", "http://127.0.0.1:99999")


def bad_urls(env: Env) -> Row:
    home = env.home()
    tried = [(key, url) for key in ("proxy_url", "api_base_url") for url in BAD_URLS]
    refused = sum(_one_line(cli(home, "config", "set", key, url), 2) for key, url in tried)
    deep = env.home()
    (deep / "config.json").write_text("[" * 100_000 + "]" * 100_000)
    moved = _clean(cli(deep, "status")) and len(list(deep.glob("config.json.corrupt-*"))) == 1
    return Row(
        "`proxy_url` / `api_base_url` set to `http://[::1`, ports 0, 65536, 99999; a 100k-deep config.json",
        len(tried) + 1,
        f"URLs refused on one line, exit 2: {refused} of {len(tried)}; deep JSON moved aside, status "
        f"answered: {'yes' if moved else 'no'}",
        refused == len(tried) and moved,
    )


def _damage(kind: str, path: Path) -> None:
    from cdp_desktop.core.history import SCHEMA_VERSION, History

    if kind == "folder":
        path.mkdir()
        return
    if kind in ("random", "zeros"):
        path.write_bytes(os.urandom(65536) if kind == "random" else bytes(65536))
        return
    with History(path) as history:
        for n in range(200):
            history.add_log(None, datetime.now(UTC), "info", f"line {n} " + "x" * 200)
    if kind == "newer":
        with sqlite3.connect(path) as db:
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
        return
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 3 * 4096):
        data[offset : offset + 4096] = os.urandom(4096)
    path.write_bytes(bytes(data))


HISTORY_DAMAGE = ("random", "zeros", "folder", "damaged pages", "newer")


def corrupt_histories(env: Env) -> Row:
    answered = moved = refused = 0
    for kind in HISTORY_DAMAGE:
        home = _with_channel(env.home())
        for extra in ("", "-wal", "-shm"):
            (home / f"history.sqlite3{extra}").unlink(missing_ok=True)
        _damage(kind, home / "history.sqlite3")
        status = cli(home, "status", "--json")
        answered += _clean(status) and len(json.loads(status.stdout)["channels"]) == 1
        aside = list(home.glob("history.sqlite3.corrupt-*"))
        if kind == "newer":
            run = cli(home, "run-now", CDP_DESKTOP_TOKEN="x" * 24 + ".abcdef." + "y" * 27)
            refused += _one_line(run, 2) and "newer version" in run.stderr and not aside
        else:
            moved += len(aside) == 1
    return Row(
        "history.sqlite3 random, zero-filled, a folder, with damaged pages, or from a newer version",
        len(HISTORY_DAMAGE),
        f"`status` answered (exit 0, channels shown): {answered} of {len(HISTORY_DAMAGE)}; moved aside as "
        f".corrupt-<time>: {moved} of {len(HISTORY_DAMAGE) - 1}; "
        f"newer one kept, `run-now` refused: {refused} of 1",
        answered == len(HISTORY_DAMAGE) and moved == len(HISTORY_DAMAGE) - 1 and refused == 1,
    )


def broken_homes(env: Env) -> Row:
    file_home = env.home() / "file"
    file_home.write_text("not a folder")
    commands = (["status"], ["config", "set", "timezone", "UTC"], ["channels", "list"], ["run-now"])
    refused = sum(_one_line(cli(file_home, *c), 2) for c in commands)
    full = env.home()
    (full / "logs").mkdir()
    (full / "logs" / "cdp-desktop.log").symlink_to("/dev/full")  # every write: ENOSPC
    logged = cli(full, "-vv", "config", "set", "jitter_seconds", "abc")
    quiet = "Traceback" not in logged.stderr and logged.stderr.count("cannot write the log file") == 1
    return Row(
        "a home that is a file (status, config set, channels list, run-now); the log file on a full device",
        len(commands) + 1,
        f"refused on one line, exit 2: {refused} of {len(commands)}; full log device: "
        f"{'one warning line, no traceback' if quiet else 'traceback or repeated warnings'}",
        refused == len(commands) and quiet,
    )


def _mounted(env: Env, name: str) -> dict[str, Any] | None:
    """``tests/mounted_home.py`` in a private mount namespace (None: this machine cannot mount a tmpfs)."""
    prefixes = [["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"]]
    if os.geteuid() == 0:
        prefixes.insert(0, ["unshare", "--mount", "--propagation", "private"])
    for prefix in prefixes:
        proc = subprocess.run(
            [*prefix, sys.executable, "-m", "tests.mounted_home", name, str(env.home() / "home")],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=600,
        )
        if proc.returncode == 0:
            report: dict[str, Any] = json.loads(proc.stdout)
            return report
    return None


def _refused_or_done(result: dict[str, Any], says: str) -> bool:
    lines = result["stderr"].strip().splitlines()
    if result["rc"] == 0:
        return "Traceback" not in result["stderr"]
    return (
        result["rc"] == 2
        and bool(lines)
        and lines[-1].startswith("cdp-desktop: error: ")
        and says in lines[-1]
        and all(line.startswith("cdp-desktop: warning: ") for line in lines[:-1])
    )


def mounts(env: Env) -> Row:
    readonly, full = _mounted(env, "readonly"), _mounted(env, "full")
    if readonly is None or full is None:
        return Row("read-only home, full disk (tmpfs)", 0, "not run: cannot mount a tmpfs here", False)
    ro_status, ro_writes = readonly["results"][:2], readonly["results"][2:]
    ro_ok = sum(
        r["rc"] == 2 and len(r["stderr"].strip().splitlines()) == 1 and "not writable" in r["stderr"]
        for r in ro_writes
    ) + sum(r["rc"] == 0 and "Traceback" not in r["stderr"] for r in ro_status)
    writes = full["results"][:-1]
    full_ok = sum(_refused_or_done(r, "disk is full") for r in writes)
    refused = sum(r["rc"] == 2 for r in writes)
    intact = (
        readonly["config_same"]
        and readonly["rows_after"] == readonly["rows_before"]
        and full["rows_after"] == full["rows_before"]
        and full["rows_after"]["integrity"] == "ok"
        and not [f for f in full["files"] if f.endswith(".tmp")]
    )
    status_ok = full["results"][-1]["rc"] == 0
    n_ro, n_full = len(readonly["results"]), len(writes)
    return Row(
        "a read-only home (tmpfs remounted ro): status [--json], config set, channels add, run-now; "
        "a full disk "
        "(tmpfs filled before each command): config set, channels add, channels disable, status",
        n_ro + n_full + 1,
        f"read-only: status answered, changes refused on one line: {ro_ok} of {n_ro}; "
        "full: refused on one line or done whole "
        f"{full_ok} of {n_full} (refused {refused}), status answered: {'yes' if status_ok else 'no'}; "
        "files written "
        f"before intact: {'yes' if intact else 'NO'}",
        ro_ok == n_ro and full_ok == n_full and refused >= 1 and status_ok and intact,
    )


def cli(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, env=cli_env(**env), timeout=120)


def cli_start(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cli_argv(home, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=cli_env(),
    )


TRIALS: list[Callable[[Env], Row]] = [
    race_cli_add,
    race_writer,
    adds,
    set_and_add,
    readd,
    secrets,
    modes,
    history_race,
    bad_zones,
    bad_urls,
    corrupt_histories,
    broken_homes,
    mounts,
]


# --------------------------------------------------------------------------- main


def _names() -> str:
    return ", ".join(t.__name__ for t in TRIALS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--budget", type=float, default=1200.0, help="stop starting trials after this (s)")
    parser.add_argument("--only", nargs="*", metavar="TRIAL", help=f"run only these: {_names()}")
    args = parser.parse_args()
    trials = [t for t in TRIALS if not args.only or t.__name__ in args.only]
    started = time.monotonic()
    rows: list[Row] = []
    sandbox = sandbox_thread(token=TOKEN)
    try:
        with tempfile.TemporaryDirectory(prefix="cdp-reliability-") as scratch:
            env = Env(sandbox, Path(scratch), args.quick)
            for trial in trials:
                if time.monotonic() - started > args.budget:
                    rows.append(Row(trial.__name__, 0, "not run: time budget used up", False))
                    continue
                t0 = time.monotonic()
                row = trial(env)
                print(f"{row.scenario}: {row.result} ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
                rows.append(row)
    finally:
        sandbox.stop()
    print("| scenario | trials | result | as promised |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row.scenario} | {row.trials} | {row.result} | {'yes' if row.ok else 'NO'} |")
    print(f"\n{len(rows)} scenarios in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
