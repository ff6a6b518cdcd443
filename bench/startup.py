"""Startup: process start to the main window's first paint and to the tray item being registered.

The app runs ``cdp_desktop.ui.app.run_gui`` directly (bench/child_app.py) as ``--demo`` (the mode that opens
its window at start; with a tray and a real home it starts hidden in the tray) with a fresh home each time;
the command a user types (``python -m cdp_desktop --demo``, through the CLI) is measured beside it. The
baseline is a bare PySide6 process (QApplication, a tray icon, a QMainWindow shown) measured the same way in
the same run, launches interleaved. "Process start" is the parent's clock just before spawning the
interpreter; first paint comes from the app's own marker (``CDP_DESKTOP_BENCH_MARKERS=1``, ui/app.py) and,
in the bare window, from the same event filter installed by the probe (bench/probe.py); the tray
registration is the RegisterStatusNotifierItem call seen by a bus monitor.

The app's first frame is the window's frame (title, menu bar, "Starting…"); the rest of the window is built
right after that paint. ``window_complete`` (the app's marker once the built window has painted) is
reported beside first paint, so the whole window's cost stays in view.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import tempfile
import time
from typing import Any

from .common import PY, Children, LineReader, Section, child_env, log, median
from .desktop import TrayMonitor


def _launch(ch: Children, mon: TrayMonitor, kind: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cdp-bench-start-") as home:
        env = child_env()
        if kind == "app":
            argv = [PY, "-m", "bench.child_app", "--demo", "--home", home]
        elif kind == "command":  # what a user runs: the CLI entry, then run_gui
            argv = [PY, "-m", "cdp_desktop", "--home", home, "--demo"]
            env = child_env(CDP_DESKTOP_BENCH_MARKERS="1")
        else:
            argv = [PY, "-m", "bench.child_bare", "window"]
        t0 = time.monotonic()
        proc = ch.spawn(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        reader = LineReader(proc.stderr)
        out: dict[str, Any] = {"kind": kind}
        try:
            if kind != "command":
                _, line = reader.wait_for("python_started", 30)
                out["interpreter"] = float(line.split()[1]) - t0
            _, line = reader.wait_for("first_paint", 30)
            out["first_paint"] = float(line.split()[1]) - t0
            if kind != "bare":
                _, line = reader.wait_for("window_complete", 30)
                out["window_complete"] = float(line.split()[1]) - t0
            deadline = time.monotonic() + 15
            tray = mon.first_after(t0)
            while tray is None and time.monotonic() < deadline:
                time.sleep(0.01)
                tray = mon.first_after(t0)
            out["tray_registered"] = None if tray is None else tray - t0
        except TimeoutError as exc:
            out["error"] = f"{exc}\n{reader.tail()}"
        finally:
            ch.stop(proc)
            ch.procs.remove(proc)
    return out


# What the app imports before its window's first paint, beyond PySide6.QtWidgets (which the baseline imports
# too). In the order run_gui imports them; each step's time is what it adds to the ones before. The window's
# parts (ui/window_layout.py and what it imports), the bridge, the tray, asyncio and qasync come after the
# first paint (ui/app.py) and are not in this list.
_MODULES = [
    "cdp_desktop.ui.app",
    "cdp_desktop.logs",
    "cdp_desktop.instance",
    "cdp_desktop.ui.gc_guard",
    "cdp_desktop.ui.main_window",
]
_IMPORTS = f"""
import importlib, json, time
import PySide6.QtWidgets
out = {{}}
for name in {_MODULES!r}:
    t = time.perf_counter()
    importlib.import_module(name)
    out[name] = time.perf_counter() - t
print(json.dumps(out))
"""


def _import_cost(ch: Children, runs: int) -> dict[str, float]:
    """Median per-step import time (s) in fresh processes, and the "total"."""
    samples: list[dict[str, float]] = []
    for _ in range(runs):
        proc = ch.spawn(
            [PY, "-c", _IMPORTS], env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        out, _ = proc.communicate(timeout=60)
        ch.procs.remove(proc)
        with contextlib.suppress(ValueError):
            samples.append(json.loads(out))
    if not samples:
        return {}
    steps = {name: median([s[name] for s in samples]) or 0.0 for name in _MODULES}
    steps["total"] = median([sum(s.values()) for s in samples]) or 0.0
    return steps


def run(quick: bool, ch: Children) -> Section:
    runs = 5 if quick else 9
    results: list[dict[str, Any]] = []
    with TrayMonitor() as mon:
        for kind in ("app", "bare", "command"):  # warm-up launches (disk cache, fontconfig), not counted
            _launch(ch, mon, kind)
        for i in range(runs):
            order = ("app", "bare", "command") if i % 2 == 0 else ("bare", "command", "app")
            for kind in order:
                r = _launch(ch, mon, kind)
                results.append(r)
                log(f"startup {kind}: paint {r.get('first_paint')}, tray {r.get('tray_registered')}")

    def med(kind: str, key: str) -> float | None:
        return median([r[key] for r in results if r["kind"] == kind and r.get(key) is not None])

    app_paint, bare_paint = med("app", "first_paint"), med("bare", "first_paint")
    app_complete, cmd_complete = med("app", "window_complete"), med("command", "window_complete")
    app_tray, bare_tray = med("app", "tray_registered"), med("bare", "tray_registered")
    cmd_paint, cmd_tray = med("command", "first_paint"), med("command", "tray_registered")
    errors = [r["error"] for r in results if "error" in r]
    imports = _import_cost(ch, 3)
    return Section(
        name="startup",
        value=app_paint,
        baseline=bare_paint,
        unit="s",
        what="process start to the main window's first paint, median (baseline: bare PySide6 window process)",
        details={
            "runs_each": runs,
            "first_paint": {"app": app_paint, "bare": bare_paint},
            "window_complete": {
                "app": app_complete,
                "ratio": (app_complete / bare_paint) if app_complete and bare_paint else None,
            },
            "tray_registered": {
                "app": app_tray,
                "bare": bare_tray,
                "ratio": (app_tray / bare_tray) if app_tray and bare_tray else None,
            },
            "command": {
                "argv": "python -m cdp_desktop --home DIR --demo",
                "first_paint": cmd_paint,
                "window_complete": cmd_complete,
                "tray_registered": cmd_tray,
                "ratio": (cmd_paint / bare_paint) if cmd_paint and bare_paint else None,
            },
            "app_imports_before_show": imports.get("total"),
            "app_import_steps": {k: round(v, 4) for k, v in imports.items() if k != "total"},
            "interpreter_start": {"app": med("app", "interpreter"), "bare": med("bare", "interpreter")},
            "runs": results,
            "errors": errors,
            "app_mode": "--demo, fresh home per launch",
            "probe": "app: its own first_paint marker (CDP_DESKTOP_BENCH_MARKERS=1: a one-shot event filter "
            "on the window, marker once the event loop is back after the first QPaintEvent); bare window: "
            "the same filter, installed by wrapping QMainWindow.show (bench/probe.py)",
        },
    )
