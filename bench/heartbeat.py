"""The heartbeat strip at size: 500 channels × 30 days (15,000 result rows).

Two measures, each against the same window without the strip, in the same run (bench/child_heartbeat.py,
a fresh process per launch, modes interleaved):

* window open (AppService loaded → first paint pass, as in the memory section) with the strip's column and
  its one history query, against the window with the strip taken out ("today's figure" before the strip);
* paint time per frame while scrolling the channels table a page at a time (a synchronous repaint of the
  viewport: every visible row and its delegates).

About a tenth of the days are failures or missing channels, so the strip draws its crosses and hatching.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from cdp_desktop.paths import AppPaths

from .common import PY, Children, Section, child_env, log, median
from .history_gen import make_home

CHANNELS, DAYS = 500, 30


def prepare(home: Path) -> dict[str, Any]:
    base = 300000000000000000
    info = make_home(home, base, [base + 1 + i for i in range(CHANNELS)], base + 999, DAYS)
    db = sqlite3.connect(AppPaths.resolve(home).history_file)
    with db:
        db.execute(
            "UPDATE results SET state='network', reply_latency=NULL, message_id=NULL WHERE id % 11 = 0"
        )
        db.execute(
            "UPDATE results SET state='missing', reply_latency=NULL, message_id=NULL WHERE id % 29 = 0"
        )
        db.execute("UPDATE results SET state='no_reply', reply_latency=NULL WHERE id % 13 = 0")
    db.close()
    return info


def _once(ch: Children, home: Path, mode: str) -> dict[str, Any]:
    proc = ch.spawn(
        [PY, "-m", "bench.child_heartbeat", str(home), mode],
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        ch.stop(proc)
        return {"error": "timeout"}
    for line in out.splitlines():
        if line.startswith("result "):
            return dict(json.loads(line[len("result ") :]))
    return {"error": err[-2000:]}


def run(quick: bool, ch: Children) -> Section:
    launches = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="cdp-bench-strip-") as tmp:
        home = Path(tmp) / "home"
        info = prepare(home)
        _once(ch, home, "strip")  # warm-up (page cache, .pyc)
        strip: list[dict[str, Any]] = []
        plain: list[dict[str, Any]] = []
        for _ in range(launches):
            strip.append(_once(ch, home, "strip"))
            plain.append(_once(ch, home, "plain"))
    errors = [r["error"] for r in strip + plain if "error" in r]
    opened = {m: [r.get("window_open") for r in rs] for m, rs in (("strip", strip), ("plain", plain))}
    log(f"window open: {opened}")

    def med(rs: list[dict[str, Any]], key: str) -> float | None:
        return median([r[key] for r in rs if key in r])

    open_strip, open_plain = med(strip, "window_open"), med(plain, "window_open")
    keys = [
        "window_open",
        "window_open_cpu",
        "construct_and_attach",
        "frame_cold_median",
        "frame_cold_p95",
        "frame_warm_median",
        "frame_warm_p95",
    ]
    return Section(
        name="heartbeat",
        value=open_strip,
        baseline=open_plain,
        unit="s",
        what=(
            "window open with 500 channels, 15,000 result rows and the 30-day strip "
            "(baseline: the same window without the strip)"
        ),
        details={
            "history": info,
            "launches": launches,
            **{f"{k}_seconds": med(strip, k) for k in keys},
            **{f"{k}_plain_seconds": med(plain, k) for k in keys},
            "strip_query_seconds": med(strip, "strip_query"),
            "visible_rows": med(strip, "visible_rows"),
            "frames": {"cold": med(strip, "frames_cold"), "warm": med(strip, "frames_warm")},
            "load_average": os.getloadavg(),
            "runs": {"strip": strip, "plain": plain},
        },
        notes=[f"child error: {e}" for e in errors[:2]],
    )


def markdown(doc: dict[str, Any]) -> list[str]:
    s = doc.get("heartbeat")
    if not s or s["value"] is None:
        return []
    d = s["details"]

    def ms(x: Any) -> str:
        return "—" if x is None else f"{x * 1000:.1f} ms"

    def ratio(a: Any, b: Any) -> str:
        return "—" if not a or not b else f"{a / b:.2f}"

    h = d["history"]
    rows = [
        ("window open, wall clock (service loaded → first paint)", "window_open"),
        ("window open, CPU time of the process", "window_open_cpu"),
        ("building the window and filling the models", "construct_and_attach"),
        ("paint per frame, scrolling onto new rows, median (CPU)", "frame_cold_median"),
        ("paint per frame, scrolling onto new rows, p95 (CPU)", "frame_cold_p95"),
        ("paint per frame, scrolling back over painted rows, median (CPU)", "frame_warm_median"),
        ("paint per frame, scrolling back over painted rows, p95 (CPU)", "frame_warm_p95"),
    ]
    rows = [(what, f"{k}_seconds", f"{k}_plain_seconds") for what, k in rows]
    table = [f"| {what} | {ms(d[a])} | {ms(d[b])} | {ratio(d[a], d[b])} |" for what, a, b in rows]
    return [
        "## Heartbeat strip",
        "",
        f"{h['channels']} channels × {h['days']} days = {h['result_rows']} result rows (about a tenth "
        f"failed or missing); window 1280×800, {d['visible_rows']} rows visible; fresh process per launch, "
        f"median of {d['launches']} launches each, interleaved. Baseline: the same window with the strip "
        "taken out (no history query for it, column hidden). Load average during the run: "
        f"{', '.join(f'{x:.1f}' for x in d['load_average'])} (2 cores).",
        "",
        "| measure | with the strip | without | ratio |",
        "|---|---|---|---|",
        *table,
        "",
        f"The strip's data for all {h['channels']} channels is one history query: "
        f"{ms(d['strip_query_seconds'])} (History.day_states on the runs_slot index: one row per channel, "
        "one pass in Python).",
        "",
    ]
