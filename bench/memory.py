"""Memory: idle and peak RSS of the app with 500 channels and 30 days of history, and the time to open its
window on that history.

RSS comes from the idle section's processes (VmRSS at the end of the idle window, VmHWM for the peak). The
baseline is the bare Qt + qasync + tray icon + discord.py process connected to the same sandbox: the stack the
app is built from (the asyncio-only discord.py client is in the details too). The window-open time is measured
in a fresh process per launch (bench/child_window.py): AppService load, MainWindow construction, attaching the
service (models filled from the history), show, first paint pass.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from .common import PY, Children, Section, child_env, log, median
from .idle import IdleRun


def _window_once(ch: Children, arg: str) -> dict[str, Any]:
    proc = ch.spawn(
        [PY, "-m", "bench.child_window", arg],
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        ch.stop(proc)
        return {"error": "timeout"}
    for line in out.splitlines():
        if line.startswith("result "):
            return dict(json.loads(line[len("result ") :]))
    return {"error": err[-2000:]}


def window_open(quick: bool, ch: Children, home: Path) -> dict[str, Any]:
    runs = 3 if quick else 7
    app: list[dict[str, Any]] = []
    bare: list[dict[str, Any]] = []
    _window_once(ch, str(home))  # warm-up
    for _ in range(runs):
        app.append(_window_once(ch, str(home)))
        bare.append(_window_once(ch, "--bare"))
    log(
        f"window open: app {[r.get('window_open') for r in app]}, bare {[r.get('window_open') for r in bare]}"
    )

    def med(rs: list[dict[str, Any]], key: str) -> float | None:
        return median([r[key] for r in rs if key in r])

    return {
        "app_window_open": med(app, "window_open"),
        "bare_window_open": med(bare, "window_open"),
        "app_service_load": med(app, "service_load"),
        "app_construct": med(app, "construct"),
        "app_attach": med(app, "attach"),
        "app_show_to_paint": med(app, "show_to_paint"),
        "rows_shown": med(app, "rows"),
        "runs": {"app": app, "bare": bare},
    }


def section(run: IdleRun, window: dict[str, Any]) -> Section:
    mib = {n: round(m.after.rss_kib / 1024, 1) for n, m in run.procs.items()}
    peak = {n: round(m.after.hwm_kib / 1024, 1) for n, m in run.procs.items()}
    app_open = window.get("app_window_open")
    return Section(
        name="memory",
        value=mib["app"],
        baseline=mib["bare_qt_discord"],
        unit="MiB",
        what="idle RSS with 500 channels and 15,000 history rows (baseline: bare Qt + qasync + discord.py)",
        details={
            "idle_rss_mib": mib,
            "peak_rss_mib": peak,
            "peak_ratio": round(peak["app"] / peak["bare_qt_discord"], 3)
            if peak["bare_qt_discord"]
            else None,
            "ratio_to_bare_discord": round(mib["app"] / mib["bare_discord"], 3)
            if mib["bare_discord"]
            else None,
            "window_open_seconds": app_open,
            "window_open_bare_seconds": window.get("bare_window_open"),
            "window_open_parts": {
                k: window.get(k)
                for k in ("app_construct", "app_attach", "app_show_to_paint", "app_service_load")
            },
            "window_rows_shown": window.get("rows_shown"),
            "window_runs": window.get("runs"),
            "history": run.home_info,
        },
    )
