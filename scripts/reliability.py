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
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cdp_desktop.sandbox import SandboxThread  # noqa: E402
from tests.e2e import shared_home as sh  # noqa: E402


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


TRIALS: list[Callable[[Env], Row]] = [race_cli_add, race_writer, adds, set_and_add, readd, secrets, modes]


# --------------------------------------------------------------------------- main


def _names() -> str:
    return ", ".join(t.__name__ for t in TRIALS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--budget", type=float, default=600.0, help="stop starting trials after this (s)")
    parser.add_argument("--only", nargs="*", metavar="TRIAL", help=f"run only these: {_names()}")
    args = parser.parse_args()
    trials = [t for t in TRIALS if not args.only or t.__name__ in args.only]
    started = time.monotonic()
    rows: list[Row] = []
    sandbox = sh.start_sandbox()
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
