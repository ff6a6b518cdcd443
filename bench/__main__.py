"""``python -m bench [--quick] [--json] [--only SECTION ...] [--idle-window S]``: write bench/RESULTS.md.

Benchmarks report; they never assert. Without a display or session bus the run re-executes itself inside
``dbus-run-session -- xvfb-run -a`` with private XDG folders (the GUI sections need X, D-Bus and a tray).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import desktop, machine, report
from .common import Children, Section, children, compile_bytecode, log

SECTIONS = ("keepalive", "startup", "idle", "memory", "scheduler", "heartbeat")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def _failed(name: str, exc: BaseException) -> Section:
    log(f"{name} failed: {exc!r}")
    return Section(
        name=name,
        value=None,
        baseline=None,
        unit="",
        what="(not measured)",
        notes=[f"failed: {type(exc).__name__}: {exc}", traceback.format_exc(limit=6)],
    )


def _guard(name: str, fn: Callable[[], Section]) -> Section:
    try:
        return fn()
    except Exception as exc:  # a broken section is reported, the others still run
        return _failed(name, exc)


def run_all(quick: bool, only: set[str], gui: bool, idle_window: float | None = None) -> dict[str, Section]:
    from . import keepalive, scheduler, startup

    out: dict[str, Section] = {}
    compile_bytecode()
    with children() as ch, tempfile.TemporaryDirectory(prefix="cdp-bench-") as tmp:
        workdir = Path(tmp)
        tray = desktop.ensure_tray_host(ch, workdir) if gui else "none (no display)"
        log(f"tray host: {tray}")
        if "keepalive" in only:
            out["keepalive"] = _guard("keepalive", lambda: keepalive.run(quick))
        if "startup" in only:
            out["startup"] = _guard("startup", lambda: _need_gui(gui) or startup.run(quick, ch))
        if "idle" in only or "memory" in only:
            _idle_and_memory(quick, ch, workdir, gui, out, idle_window)
        if "scheduler" in only:
            out["scheduler"] = _guard("scheduler", lambda: scheduler.run(quick))
        if "heartbeat" in only:
            from . import heartbeat

            out["heartbeat"] = _guard("heartbeat", lambda: _need_gui(gui) or heartbeat.run(quick, ch))
        for name in ("startup", "idle"):
            if name in out:
                out[name].details.setdefault("tray_host", tray)
    return {name: out[name] for name in SECTIONS if name in out}


def _need_gui(gui: bool) -> None:
    if not gui:
        raise RuntimeError("needs an X display and a D-Bus session bus")


def _idle_and_memory(
    quick: bool, ch: Children, workdir: Path, gui: bool, out: dict[str, Section], window: float | None
) -> None:
    from . import idle, memory

    try:
        _need_gui(gui)
        run = idle.measure(quick, ch, workdir, window)
    except Exception as exc:
        out["idle"] = _failed("idle", exc)
        out["memory"] = _failed("memory", exc)
        return
    out["idle"] = _guard("idle", lambda: idle.section(run))
    out["memory"] = _guard("memory", lambda: memory.section(run, memory.window_open(quick, ch, run.home)))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and shorter windows (< 4 min)")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument(
        "--idle-window",
        type=float,
        metavar="SECONDS",
        help="length of the idle sampling window (default 60, 15 with --quick; issue 17 uses 300)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="markdown report (default: %(default)s)")
    args = parser.parse_args()

    if not desktop.have_session() and not os.environ.get(desktop.INNER):
        rc = desktop.rerun_in_private_session(sys.argv[1:])
        if rc >= 0:
            return rc
    gui = desktop.have_session()

    started = time.monotonic()
    command = "python -m bench" + "".join(f" {a}" for a in sys.argv[1:])
    sections = run_all(args.quick, set(args.only or SECTIONS), gui, args.idle_window)
    doc: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "quick": args.quick,
        "duration_seconds": round(time.monotonic() - started, 1),
        "machine": machine.info(),
    }
    doc.update({name: s.to_json() for name, s in sections.items()})
    text = report.markdown(doc)
    args.output.write_text(text, encoding="utf-8")
    log(f"wrote {args.output} ({doc['duration_seconds']} s)")
    if args.json:
        print(json.dumps(doc, indent=2))
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
