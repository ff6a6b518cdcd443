"""Idle cost (and the samples the memory section uses): three processes connected to one sandbox process.

* the app: the real GUI entry point on a home with 500 channels and 30 days of history, in the tray
  (window hidden, as it starts with a tray), token and API base from the environment;
* a bare discord.py client (asyncio only) with the app's intents: the idle baseline;
* a bare Qt + qasync + tray icon + discord.py process: the stack the app is built from, doing nothing else.

They run side by side over the same window, so machine noise hits all three alike. CPU is utime + stime
from /proc/<pid>/stat; wake-ups are voluntary context switches summed over every thread of the process
(/proc/<pid>/task/*/status): each one is a thread going to sleep, i.e. one wake-up.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import (
    PY,
    Children,
    LineReader,
    ProcSample,
    SandboxProcess,
    Section,
    child_env,
    log,
    median,
    sample,
    wakeups_between,
)
from .history_gen import make_home
from .wakeprofile import by_source

CHANNELS = 500
DAYS = 30


@dataclass
class Measured:
    pid: int
    before: ProcSample
    after: ProcSample
    ready_at: float | None
    stderr_tail: str = ""

    @property
    def cpu(self) -> float:
        """On-CPU seconds over the window (schedstat, all threads)."""
        return self.after.run - self.before.run

    @property
    def cpu_ticks(self) -> float:
        """utime + stime over the window (10 ms resolution)."""
        return self.after.cpu - self.before.cpu

    @property
    def seconds(self) -> float:
        return self.after.at - self.before.at

    def wakeups(self) -> dict[str, Any]:
        return wakeups_between(self.before, self.after, self.pid)


@dataclass
class IdleRun:
    window: float
    procs: dict[str, Measured]
    home_info: dict[str, Any]
    home: Path
    sends_during_window: int
    requests_during_window: int
    app_sources: dict[str, int] = field(default_factory=dict)  # what woke the app's main thread, by source
    bare_qt_sources: dict[str, int] = field(default_factory=dict)  # the same for bare Qt+qasync+discord.py


def _latest_results_cost(home: Path) -> float | None:
    """CPU ms of one History.latest_results() on this home: the scheduler calls it per look at the slot."""
    from cdp_desktop.core.history import History
    from cdp_desktop.paths import AppPaths

    times = []
    with History(AppPaths.resolve(home).history_file) as history:
        for _ in range(5):
            t = time.process_time()
            history.latest_results()
            times.append((time.process_time() - t) * 1000)
    return median(times)


def _wait_sessions(sbp: SandboxProcess, n: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if int(sbp.state().get("sessions", 0)) >= n:
            return True
        time.sleep(0.2)
    return False


def measure(quick: bool, ch: Children, workdir: Path, window: float | None = None) -> IdleRun:
    """Start everything, wait until connected and settled, sample over the window, stop them again.

    ``window``: seconds of idle sampled (default 60, 15 with ``quick``)."""
    window = window or (15.0 if quick else 60.0)
    settle = 5.0 if quick else 10.0
    sbp = SandboxProcess(ch, reply_delay=0.05, rate_limits=True)
    ids = sbp.add_channels(CHANNELS, "idle")
    home = Path(tempfile.mkdtemp(prefix="cdp-bench-home-", dir=workdir))
    info = make_home(home, sbp.guild_id, ids, sbp.target_bot_id, DAYS)
    info["latest_results_cpu_ms"] = _latest_results_cost(home)
    log(
        f"idle: home with {info['channels']} channels, {info['result_rows']} result rows "
        f"in {info['seconds']:.1f} s"
    )

    profile = workdir / "app-wakeups.jsonl"
    app_env = child_env(
        CDP_DESKTOP_TOKEN=sbp.token, CDP_DESKTOP_API_BASE=sbp.api_base, BENCH_WAKE_PROFILE=str(profile)
    )
    bare_env = child_env(BENCH_API_BASE=sbp.api_base, BENCH_GATEWAY=sbp.gateway_url, BENCH_TOKEN=sbp.token)
    bare_profile = workdir / "bare-qt-wakeups.jsonl"
    specs = {
        "app": ([PY, "-m", "bench.child_app", "--home", str(home)], app_env),
        "bare_discord": ([PY, "-m", "bench.child_bare", "discord"], bare_env),
        "bare_qt_discord": (
            [PY, "-m", "bench.child_bare", "qt-discord"],
            {**bare_env, "BENCH_WAKE_PROFILE": str(bare_profile)},
        ),
    }
    procs: dict[str, subprocess.Popen[Any]] = {}
    readers: dict[str, LineReader] = {}
    for name, (argv, env) in specs.items():
        procs[name] = ch.spawn(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        readers[name] = LineReader(procs[name].stderr)
    if not _wait_sessions(sbp, 3, 60):
        tails = {n: r.tail(10) for n, r in readers.items()}
        raise RuntimeError(f"not all three clients connected to the sandbox: {tails}")
    ready_at = time.monotonic()
    time.sleep(settle)
    sbp.clear_requests()
    before = {n: sample(p.pid) for n, p in procs.items()}
    started = time.monotonic()
    log(f"idle: all connected; sampling for {window:.0f} s")
    time.sleep(window)
    after = {n: sample(p.pid) for n, p in procs.items()}
    ended = time.monotonic()
    reqs = sbp.requests()
    sends = sum(1 for r in reqs if r.get("method") == "POST" and str(r.get("path", "")).endswith("/messages"))
    run = IdleRun(
        window=window,
        procs={
            n: Measured(p.pid, before[n], after[n], ready_at, readers[n].tail(5)) for n, p in procs.items()
        },
        home_info=info,
        home=home,
        sends_during_window=sends,
        requests_during_window=len(reqs),
    )
    for p in procs.values():
        ch.stop(p)
    ch.stop(sbp.proc)
    run.app_sources = by_source(str(profile), started, ended)
    run.bare_qt_sources = by_source(str(bare_profile), started, ended)
    return run


def section(run: IdleRun) -> Section:
    per_min = 60.0 / run.window
    app, bare, qt = run.procs["app"], run.procs["bare_discord"], run.procs["bare_qt_discord"]
    wk = {n: m.wakeups() for n, m in run.procs.items()}
    own_timers = (wk["app"]["main_thread"] - wk["bare_qt_discord"]["main_thread"]) * per_min
    details = {
        "window_seconds": run.window,
        "cpu_seconds": {n: round(m.cpu, 4) for n, m in run.procs.items()},
        "cpu_seconds_utime_stime": {n: round(m.cpu_ticks, 2) for n, m in run.procs.items()},
        "cpu_source": "on-CPU time from /proc/<pid>/task/*/schedstat (ns); utime+stime shown for reference",
        "cpu_ratio_to_bare_qt_discord": round(app.cpu / qt.cpu, 3) if qt.cpu else None,
        "wakeups_per_minute": {n: round(w["total"] * per_min, 1) for n, w in wk.items()},
        "main_thread_wakeups_per_minute": {n: round(w["main_thread"] * per_min, 1) for n, w in wk.items()},
        "per_thread_wakeups": {n: w["per_thread"] for n, w in wk.items()},
        "app_own_timer_wakeups_per_minute": round(own_timers, 1),
        "app_minus_bare_discord_wakeups_per_minute": round(
            (wk["app"]["total"] - wk["bare_discord"]["total"]) * per_min, 1
        ),
        "wakeup_source": "voluntary context switches, all threads, /proc/<pid>/task/*/status",
        "app_home": f"{run.home_info['channels']} channels, {run.home_info['result_rows']} result rows",
        "history_latest_results_cpu_ms": run.home_info.get("latest_results_cpu_ms"),
        "app_main_thread_events_by_source": run.app_sources,
        "bare_qt_discord_main_thread_events_by_source": run.bare_qt_sources,
        "app_events_per_minute": round(sum(run.app_sources.values()) * per_min, 2),
        "keepalive_sends_during_window": run.sends_during_window,
        "requests_during_window": run.requests_during_window,
    }
    return Section(
        name="idle",
        value=app.cpu,
        baseline=bare.cpu,
        unit="CPU s",
        what=f"CPU seconds over {run.window:.0f} s idle and connected (baseline: bare discord.py client)",
        details=details,
        notes=[
            "app's own timers estimated as app minus bare Qt+qasync+discord.py, main (event loop) thread only"
        ],
    )
