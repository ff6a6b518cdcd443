"""Shared pieces of the benchmarks: section results, /proc sampling, child processes, the sandbox process.

Everything here reports; nothing asserts. Child processes are started through :class:`Children` so that a
``finally`` can stop every one of them by its own handle.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")


@dataclass
class Section:
    """One section of the report: the headline value, the same measure of a baseline, and details."""

    name: str
    value: float | None
    baseline: float | None
    unit: str
    what: str  # one line: what value and baseline are
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    ratio_override: float | None = None  # keepalive: ratio to the floor, not to the baseline

    @property
    def ratio(self) -> float | None:
        if self.ratio_override is not None:
            return self.ratio_override
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    def to_json(self) -> dict[str, Any]:
        return {
            "value": _round(self.value),
            "baseline": _round(self.baseline),
            "ratio": _round(self.ratio),
            "unit": self.unit,
            "what": self.what,
            "details": self.details,
            "notes": self.notes,
        }


def _round(x: float | None, digits: int = 4) -> float | None:
    return None if x is None else round(float(x), digits)


def median(xs: Sequence[float]) -> float | None:
    return statistics.median(xs) if xs else None


def log(msg: str) -> None:
    """Progress goes to stderr so that ``--json`` keeps stdout to one document."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------- /proc


def cpu_seconds(pid: int) -> float:
    """utime + stime of the whole process (all threads), from /proc/<pid>/stat."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def _status(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        key, _, value = line.partition(":")
        out[key] = value.strip()
    return out


def rss_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) in KiB."""
    st = _status(Path(f"/proc/{pid}/status"))
    return int(st["VmRSS"].split()[0]), int(st["VmHWM"].split()[0])


@dataclass
class ThreadSwitches:
    tid: int
    name: str
    voluntary: int
    involuntary: int


def thread_switches(pid: int) -> dict[int, ThreadSwitches]:
    """Context switches per thread. /proc/<pid>/status only counts the main thread, so read every task."""
    out: dict[int, ThreadSwitches] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError, KeyError, ValueError):
            st = _status(task / "status")
            tid = int(task.name)
            out[tid] = ThreadSwitches(
                tid,
                (task / "comm").read_text().strip(),
                int(st["voluntary_ctxt_switches"]),
                int(st["nonvoluntary_ctxt_switches"]),
            )
    return out


def run_seconds(pid: int) -> float:
    """Time on CPU summed over the live threads, from /proc/<pid>/task/*/schedstat (nanoseconds, so precise
    even for a process that runs a few milliseconds a minute; stat's utime/stime tick in 10 ms steps)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int((task / "schedstat").read_text().split()[0])
    return total / 1e9


@dataclass
class ProcSample:
    at: float
    cpu: float  # utime + stime (10 ms ticks)
    run: float  # schedstat on-CPU time (ns resolution)
    threads: dict[int, ThreadSwitches]
    rss_kib: int
    hwm_kib: int


def sample(pid: int) -> ProcSample:
    rss, hwm = rss_kib(pid)
    return ProcSample(time.monotonic(), cpu_seconds(pid), run_seconds(pid), thread_switches(pid), rss, hwm)


def wakeups_between(a: ProcSample, b: ProcSample, main_tid: int) -> dict[str, Any]:
    """Voluntary switches (a thread going to sleep, i.e. one wake-up each) between two samples."""
    per_name: dict[str, int] = {}
    total = 0
    main = 0
    for tid, t in b.threads.items():
        before = a.threads.get(tid)
        n = t.voluntary - (before.voluntary if before else 0)
        total += n
        if tid == main_tid:
            main = n
        key = "main" if tid == main_tid else t.name
        per_name[key] = per_name.get(key, 0) + n
    return {"total": total, "main_thread": main, "per_thread": dict(sorted(per_name.items()))}


# ------------------------------------------------------------------------------------- processes


class Children:
    """Child processes of one section; ``stop_all`` ends each by its own handle (TERM, then KILL)."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[Any]] = []

    def spawn(
        self, argv: Sequence[str], *, env: dict[str, str] | None = None, **kw: Any
    ) -> subprocess.Popen[Any]:
        proc = subprocess.Popen(list(argv), env=env, cwd=str(REPO), **kw)
        self.procs.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen[Any], timeout: float = 6.0) -> None:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        for stream in (proc.stdout, proc.stderr, proc.stdin):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            self.stop(proc)
        self.procs.clear()


@contextlib.contextmanager
def children() -> Iterator[Children]:
    ch = Children()
    try:
        yield ch
    finally:
        ch.stop_all()


class LineReader:
    """Reads a child's text stream on a thread, stamping each line with time.monotonic() on arrival."""

    def __init__(self, stream: Any) -> None:
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.all: list[tuple[float, str]] = []
        self._thread = threading.Thread(target=self._run, args=(stream,), daemon=True)
        self._thread.start()

    def _run(self, stream: Any) -> None:
        for line in iter(stream.readline, ""):
            item = (time.monotonic(), line.rstrip("\n"))
            self.all.append(item)
            self.lines.put(item)

    def wait_for(self, prefix: str, timeout: float) -> tuple[float, str]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no line starting with {prefix!r} within {timeout} s")
            try:
                at, line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line.startswith(prefix):
                return at, line

    def tail(self, n: int = 30) -> str:
        return "\n".join(line for _, line in self.all[-n:])


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CDP_DESKTOP_HOME", None)
    env.pop("CDP_DESKTOP_TOKEN", None)
    env.pop("CDP_DESKTOP_API_BASE", None)
    env.pop("CDP_DESKTOP_GATEWAY_URL", None)
    env.pop("CDP_DESKTOP_PROXY", None)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["NO_AT_BRIDGE"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    # Measure the app as installed: pip compiles bytecode at install time. A developer shell's
    # PYTHONDONTWRITEBYTECODE=1 would make every launch compile the app's modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def compile_bytecode() -> None:
    """Byte-compile the app and the benchmark children once, as ``pip install`` does for the app."""
    import compileall

    for package in ("cdp_desktop", "bench"):
        compileall.compile_dir(str(REPO / package), quiet=1)


# ------------------------------------------------------------------------------------ the sandbox


class SandboxProcess:
    """``python -m cdp_desktop.sandbox --port 0`` in its own process, driven over its control API."""

    def __init__(self, ch: Children, *, reply_delay: float = 0.05, rate_limits: bool = True) -> None:
        argv = [PY, "-m", "cdp_desktop.sandbox", "--port", "0", "--reply-delay", str(reply_delay)]
        if not rate_limits:
            argv.append("--no-rate-limits")
        self.proc = ch.spawn(
            argv, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        self.reader = LineReader(self.proc.stdout)
        _, self.api_base = self.reader.wait_for("http://", 20)
        info: dict[str, str] = {}
        for key in ("token", "bot_user_id", "target_bot_id", "guild_id"):
            _, line = self.reader.wait_for(f"{key}:", 10)
            info[key] = line.split(":", 1)[1].strip()
        self.token = info["token"]
        self.bot_user_id = int(info["bot_user_id"])
        self.target_bot_id = int(info["target_bot_id"])
        self.guild_id = int(info["guild_id"])
        self.control = self.api_base.rsplit("/api/", 1)[0] + "/_sandbox"
        self.gateway_url = self.api_base.rsplit("/api/", 1)[0].replace("http://", "ws://") + "/gateway"

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            self.control + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def add_channels(self, n: int, prefix: str) -> list[int]:
        return [
            int(self.call("POST", f"/guilds/{self.guild_id}/channels", {"name": f"{prefix}-{i}"})["id"])
            for i in range(n)
        ]

    def requests(self) -> list[dict[str, Any]]:
        return list(self.call("GET", "/requests") or [])

    def clear_requests(self) -> None:
        self.call("DELETE", "/requests")

    def state(self) -> dict[str, Any]:
        return dict(self.call("GET", "/state"))
