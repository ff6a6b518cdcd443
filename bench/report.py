"""The markdown report (bench/RESULTS.md) and the issue's targets, checked (reported, not asserted)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _f(x: Any, digits: int = 3, unit: str = "") -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:.{digits}f}{unit}"
    return f"{x}{unit}"


def _ms(x: Any) -> str:
    return "—" if x is None else f"{x * 1000:.0f} ms"


@dataclass
class Target:
    name: str
    text: str
    measured: Callable[[dict[str, Any]], tuple[float | None, str]]  # (value, how it is shown)
    limit: float | Callable[[dict[str, Any]], float]
    why: Callable[[dict[str, Any]], str]  # the reason, when missed

    def limit_for(self, doc: dict[str, Any]) -> float:
        return self.limit(doc) if callable(self.limit) else self.limit


def _sec(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return doc.get(name) or {}


def _det(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return _sec(doc, name).get("details") or {}


def _keepalive_row(doc: dict[str, Any]) -> dict[str, Any] | None:
    rows = _det(doc, "keepalive").get("rows") or []
    return rows[-1] if rows else None


def _ka(doc: dict[str, Any]) -> tuple[float | None, str]:
    row = _keepalive_row(doc)
    if row is None:
        return None, "—"
    note = "" if row["channels"] == 500 else f" (at {row['channels']} channels; the target is for 500)"
    return row["ratio_to_floor"], f"{row['ratio_to_floor']:.2f}× floor{note}"


def _ratio(name: str) -> Callable[[dict[str, Any]], tuple[float | None, str]]:
    def get(doc: dict[str, Any]) -> tuple[float | None, str]:
        r = _sec(doc, name).get("ratio")
        return r, "—" if r is None else f"{r:.2f}×"

    return get


def _wakeups(doc: dict[str, Any]) -> tuple[float | None, str]:
    d = _det(doc, "idle")
    v = d.get("app_own_timer_wakeups_per_minute")
    return v, "—" if v is None else f"{v:.1f}/min"


def _wakeup_limit(doc: dict[str, Any]) -> float:
    """Issue 17: at most 0.2/min over a 300 s window; the default 60 s window allows one (its quantum)."""
    window = _det(doc, "idle").get("window_seconds") or 60
    return 0.2 if window >= 300 else 1.0


def _idle_qt_ratio(doc: dict[str, Any]) -> tuple[float | None, str]:
    r = _det(doc, "idle").get("cpu_ratio_to_bare_qt_discord")
    return r, "—" if r is None else f"{r:.2f}×"


def _lateness(doc: dict[str, Any]) -> tuple[float | None, str]:
    v = _sec(doc, "scheduler").get("value")
    return v, "—" if v is None else f"{v:.2f} s"


def _window(doc: dict[str, Any]) -> tuple[float | None, str]:
    v = _det(doc, "memory").get("window_open_seconds")
    return v, _ms(v)


def _why_keepalive(doc: dict[str, Any]) -> str:
    row = _keepalive_row(doc) or {}
    why = (
        f"{row.get('engine_429s', '?')} responses were 429s; the engine paces requests evenly at 50/s "
        "(a request "
        "every 20 ms) and the run ends only when the last target bot reply is in."
    )
    busy = _det(doc, "keepalive").get("busy")
    if busy:
        why += (
            f" The channel check is not what costs: the same engine with the check off took "
            f"{busy['quiet_check_off_seconds']:.2f} s ({busy['quiet_check_off_ratio_to_floor']:.2f}× floor) "
            f"in the same run, check on/off {busy['quiet_check_on_vs_off']:.2f}; naive loop "
            f"{row.get('naive_ratio_to_floor', '?')}× floor."
        )
    return why


def _why_startup(doc: dict[str, Any]) -> str:
    s = _sec(doc, "startup")
    d = _det(doc, "startup")
    diff = (s.get("value") or 0) - (s.get("baseline") or 0)
    imports = d.get("app_imports_before_show")
    steps = sorted((d.get("app_import_steps") or {}).items(), key=lambda kv: -kv[1])[:4]
    cmd = d.get("command") or {}
    complete = d.get("window_complete") or {}
    return (
        f"the app needs {_ms(diff)} more than a bare window before its first paint. Its first frame is the "
        "window's frame (title, menu bar, \"Starting…\" in the status bar), painted before the window's "
        "parts, asyncio, qasync, QtNetwork and the service are imported (ui/app.py); what is left is the log "
        "file, "
        "the instance lock, the translator and the frame's own modules. The whole window (header, buttons, "
        f"both tables, the run log) has painted at {_ms(complete.get('app'))} "
        f"({_f(complete.get('ratio'), 2)}× the bare window's first paint). The imports "
        f"the bare window does not have take {_ms(imports)} on their own (fresh process), the largest: "
        + ", ".join(f"{k} {_ms(v)}" for k, v in steps)
        + f". Through the command a user types (python -m cdp_desktop --demo, with the CLI's own imports) "
        f"first paint is {_ms(cmd.get('first_paint'))} ({_f(cmd.get('ratio'), 2)}×). The tray is created "
        f"right after the first paint: {_ms((d.get('tray_registered') or {}).get('app'))} "
        f"vs {_ms((d.get('tray_registered') or {}).get('bare'))}."
    )


def _why_idle(doc: dict[str, Any]) -> str:
    d = _det(doc, "idle")
    cpu = {k: (v or 0) * 1000 for k, v in (d.get("cpu_seconds") or {}).items()}
    window = d.get("window_seconds") or 60
    app, bare, qt = cpu.get("app", 0), cpu.get("bare_discord", 0), cpu.get("bare_qt_discord", 0)
    text = (
        f"the absolute figures are tiny: {app:.1f} ms of CPU in {window:.0f} s for the app, "
        f"{qt:.1f} ms for a bare Qt+qasync+discord.py process ({bare:.1f} ms for a bare discord.py "
        "client), so a few milliseconds decide the ratio. Between slots the app's scheduler sleeps on its "
        "wall-clock alarm and does nothing; what the app's main thread dispatched in the window is listed "
        "by source below (heartbeats like the baseline's, and the tail of start-up: the REST connection "
        "closed 15 s after its last request, Qt's pixmap cache flushing the icons drawn at start). "
        "Every recomputation of the schedule (a clock change, a config edit) costs a few milliseconds "
        "with 500 channels, and a machine shared with other work makes each of these figures noisier."
    )
    if window < 60:
        text += f" A {window:.0f} s window is mostly start-up tail, so this quick figure is mostly noise."
    return text


def _why_wakeups(doc: dict[str, Any]) -> str:
    d = _det(doc, "idle")
    return (
        "the difference in context switches is not explained by events the app dispatches (see the "
        "table of sources: apart from start-up tails, the app and the bare process both handle only the "
        "gateway heartbeat); switches without an event are the thread waiting for the interpreter lock "
        "or Qt's own housekeeping. "
        f"Main-thread wake-ups per minute: {d.get('main_thread_wakeups_per_minute')}. A short window "
        f"quantises this ({d.get('window_seconds')} s: one wake-up = "
        f"{60 / (d.get('window_seconds') or 60):.1f}/min)."
    )


def _why_memory(doc: dict[str, Any]) -> str:
    d = _det(doc, "memory")
    return (
        f"the app holds the 500-target config, models for 500 rows and 50 runs, its UI modules and SQLite; "
        f"idle RSS (MiB): {d.get('idle_rss_mib')}."
    )


def _why_window(doc: dict[str, Any]) -> str:
    d = _det(doc, "memory")
    return f"window open parts (s): {d.get('window_open_parts')}"


def _why_lateness(doc: dict[str, Any]) -> str:
    d = _det(doc, "scheduler")
    if not d.get("announced"):
        return (
            f"the clock change could not be announced here ({d.get('why_not_announced')}), so the jump was "
            f"seen only by the {d.get('wake')} wake-up."
        )
    return f"wake-up: {d.get('wake')}."


def _why_heartbeat(doc: dict[str, Any]) -> str:
    d = _det(doc, "heartbeat")
    load = d.get("load_average") or [0.0]
    cpu, cpu_plain = d.get("window_open_cpu_seconds"), d.get("window_open_cpu_plain_seconds")
    ratio = f"{cpu / cpu_plain:.2f}×" if cpu and cpu_plain else "—"
    return (
        f"the window without the strip took {_ms(d.get('window_open_plain_seconds'))} in the same run "
        f"(load average {load[0]:.1f} on this machine's cores while it ran); in the process's own CPU time "
        f"the strip costs {ratio} ({_ms(cpu)} against {_ms(cpu_plain)}): the strip's query "
        f"{_ms(d.get('strip_query_seconds'))}, its column and pixmaps the rest."
    )


TARGETS = [
    Target("keepalive", "keep-alive ≤ 1.2× the rate-limit floor at 500 channels", _ka, 1.2, _why_keepalive),
    Target(
        "keepalive",
        "keep-alive with the channel check on ≤ 1.1× the floor at 500 quiet channels (issue 14)",
        _ka,
        1.1,
        _why_keepalive,
    ),
    Target("startup", "first paint ≤ 1.3× a bare PySide6 window", _ratio("startup"), 1.3, _why_startup),
    Target("idle", "idle CPU ≤ 1.2× a bare Qt+qasync+discord.py process", _idle_qt_ratio, 1.2, _why_idle),
    Target(
        "idle",
        "own main-thread wake-ups ≤ 0.2/min over a 300 s window (≤ 1/min over 60 s)",
        _wakeups,
        _wakeup_limit,
        _why_wakeups,
    ),
    Target("scheduler", "slot lateness after a wall-clock jump ≤ 1 s", _lateness, 1.0, _why_lateness),
    Target("memory", "idle RSS ≤ 1.3× the bare baseline", _ratio("memory"), 1.3, _why_memory),
    Target("memory", "window opens with 15,000 history rows in < 300 ms", _window, 0.3, _why_window),
    Target(
        "heartbeat",
        "window opens with 500 channels, 30 days and the strip in < 300 ms (issue 16)",
        lambda doc: (_sec(doc, "heartbeat").get("value"), _ms(_sec(doc, "heartbeat").get("value"))),
        0.3,
        lambda doc: _why_heartbeat(doc),
    ),
]


def check_targets(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for t in TARGETS:
        value, shown = t.measured(doc)
        limit = t.limit_for(doc)
        met = None if value is None else value <= limit
        entry = {"target": t.text, "measured": shown, "met": met}
        if met is False:
            entry["missed_by"] = f"{(value / limit - 1) * 100:.0f}%"
            entry["why"] = t.why(doc)
        out.append(entry)
    return out


# ------------------------------------------------------------------------------------------- markdown


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return [*lines, ""]


def markdown(doc: dict[str, Any]) -> str:
    m = doc["machine"]
    out = [
        "# Benchmark results",
        "",
        f"- Date: {doc['date']}",
        f"- Command: `{doc['command']}` (took {doc['duration_seconds']} s)",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM; {m['os']}",
        f"- Python {m['python']}, Qt {m['qt']} (PySide6 {m['pyside6']}), discord.py {m['discord.py']}, "
        f"qasync {m['qasync']}, aiohttp {m['aiohttp']}",
        "",
        "Benchmarks, not tests: every figure is reported, nothing is asserted. Baselines run in the same "
        "invocation. Regenerate with `python -m bench [--quick] [--json]`.",
        "",
        "## Summary",
        "",
    ]
    rows = []
    for name in ("keepalive", "startup", "idle", "memory", "scheduler", "heartbeat"):
        s = doc.get(name)
        if s is None:
            continue
        unit = s.get("unit", "")
        rows.append(
            [
                name,
                s["what"],
                _f(s["value"], 4, " " + unit),
                _f(s["baseline"], 4, " " + unit),
                _f(s["ratio"], 3),
            ]
        )
    out += _table(["section", "measure", "value", "baseline", "ratio"], rows)

    out += ["## Targets (issues 7, 14, 16 and 17)", ""]
    checks = check_targets(doc)
    out += _table(
        ["target", "measured", "met"],
        [[c["target"], c["measured"], {True: "yes", False: "**no**", None: "—"}[c["met"]]] for c in checks],
    )

    out += _keepalive_md(doc) + _startup_md(doc) + _idle_md(doc) + _memory_md(doc) + _scheduler_md(doc)
    from . import heartbeat

    out += heartbeat.markdown(doc)

    out += ["## Closing note", ""]
    missed = [c for c in checks if c["met"] is False]
    unknown = [c for c in checks if c["met"] is None]
    if not missed:
        out.append("Every target that was measured is met.")
    for c in missed:
        out.append(f"- **{c['target']}**: missed by {c['missed_by']} ({c['measured']}). Why: {c['why']}")
    for c in unknown:
        out.append(f"- {c['target']}: not measured in this run.")
    if doc.get("quick"):
        out.append(
            "- This is a `--quick` run: the keep-alive target is for 500 channels but the largest run here "
            "is 200, and the 15 s idle window is mostly start-up tail, so the idle CPU ratio and the "
            "wake-up estimate are mostly noise. Run `python -m bench` (60 s window, 500 channels; "
            "`--idle-window 300` for issue 17's figure) for those."
        )
    failures = [
        (n, doc[n]["notes"][0])
        for n in doc
        if isinstance(doc.get(n), dict) and doc[n].get("value") is None and doc[n].get("notes")
    ]
    for name, note in failures:
        out.append(f"- Section {name}: {note}")
    out.append("")
    return "\n".join(out)


def _notes(s: dict[str, Any]) -> list[str]:
    return [f"- {n}" for n in s.get("notes", []) if n and not n.startswith("Traceback")] + (
        [""] if s.get("notes") else []
    )


def _keepalive_md(doc: dict[str, Any]) -> list[str]:
    s = doc.get("keepalive")
    if not s or not s["details"].get("rows"):
        return []
    d = s["details"]
    out = [
        "## Keep-alive throughput",
        "",
        f"Engine + DiscordClient against the sandbox (rate limits on). Floor = {d['floor']}; round trip "
        f"{_ms(d['round_trip_seconds'])}. coze-discord-proxy: {_f(d['coze_per_channel_seconds'], 3)} s per "
        f"channel measured on {d['coze_measured_channels']} channels, larger N computed.",
        "",
    ]
    out += _table(
        [
            "channels",
            "engine",
            "floor",
            "engine/floor",
            "engine 429s",
            "naive loop",
            "naive/floor",
            "naive 429s",
            "coze (computed)",
            "coze/floor",
        ],
        [
            [
                r["channels"],
                f"{r['engine_seconds']:.2f} s",
                f"{r['floor_seconds']:.2f} s",
                f"{r['ratio_to_floor']:.2f}",
                r["engine_429s"],
                f"{r['naive_seconds']:.2f} s",
                f"{r['naive_ratio_to_floor']:.2f}",
                r["naive_429s"],
                f"{r['coze_seconds_computed']:.0f} s",
                f"{r['coze_ratio_to_floor']:.0f}",
            ]
            for r in d["rows"]
        ],
    )
    busy = d.get("busy")
    if busy:
        quiet = d["rows"][-1]
        out += [
            "",
            "Channel check before sending (exactly once across machines): quiet channels have no message "
            "since the slot began, so their `last_message_id` settles it without a request; busy channels "
            f"had {busy['messages_since_slot_per_channel']} messages by others since the slot began, and "
            "cost one `after=` read each. Check off: the same engine told that nothing is there, on other "
            "channels of the same kind, run right after (the baseline that prices the check). Floor: one "
            "request per channel at 50/s plus one round trip.",
            "",
        ]
        out += _table(
            ["channels", "channel check", "engine", "reads", "engine/floor", "check on/off"],
            [
                [
                    f"{quiet['channels']} quiet",
                    "on",
                    f"{quiet['engine_seconds']:.2f} s",
                    quiet.get("engine_reads", "—"),
                    f"{quiet['ratio_to_floor']:.2f}",
                    f"{busy['quiet_check_on_vs_off']:.2f}",
                ],
                [
                    f"{quiet['channels']} quiet",
                    "off",
                    f"{busy['quiet_check_off_seconds']:.2f} s",
                    0,
                    f"{busy['quiet_check_off_ratio_to_floor']:.2f}",
                    "",
                ],
                [
                    f"{busy['channels']} busy",
                    "on",
                    f"{busy['engine_seconds']:.2f} s",
                    busy["engine_reads"],
                    f"{busy['ratio_to_floor']:.2f} ({busy['ratio_to_floor_with_reads']:.2f} to the "
                    f"{busy['floor_with_reads_seconds']:.2f} s floor of 2 requests each)",
                    f"{busy['check_on_vs_off']:.2f}",
                ],
                [
                    f"{busy['channels']} busy",
                    "off",
                    f"{busy['check_off_seconds']:.2f} s",
                    0,
                    f"{busy['check_off_ratio_to_floor']:.2f}",
                    "",
                ],
            ],
        )
    return out + _notes(s)


def _startup_md(doc: dict[str, Any]) -> list[str]:
    s = doc.get("startup")
    if not s or s["value"] is None:
        return []
    d = s["details"]
    fp, tr = d["first_paint"], d["tray_registered"]
    out = [
        "## Startup",
        "",
        f"Median of {d['runs_each']} launches each, interleaved; app mode: {d['app_mode']}; tray host: "
        f"{d.get('tray_host')}; probe: {d['probe']}.",
        "",
    ]
    out += _table(
        ["", "app", "bare PySide6", "ratio"],
        [
            ["process start → first paint", _ms(fp["app"]), _ms(fp["bare"]), _f(s["ratio"], 2)],
            [
                "process start → whole window painted",
                _ms((d.get("window_complete") or {}).get("app")),
                "",
                _f((d.get("window_complete") or {}).get("ratio"), 2),
            ],
            ["process start → tray item registered", _ms(tr["app"]), _ms(tr["bare"]), _f(tr["ratio"], 2)],
        ],
    )
    cmd = d.get("command") or {}
    if cmd.get("first_paint") is not None:
        out += [
            f"Through the command (`{cmd.get('argv')}`): first paint {_ms(cmd.get('first_paint'))} "
            f"({_f(cmd.get('ratio'), 2)}× the bare window), whole window {_ms(cmd.get('window_complete'))}, "
            f"tray item {_ms(cmd.get('tray_registered'))}.",
            "",
        ]
    out += [
        f"Imports the app does before its first paint, beyond PySide6.QtWidgets (fresh process, median): "
        f"{_ms(d.get('app_imports_before_show'))}; by step: "
        + ", ".join(f"{k} {_ms(v)}" for k, v in (d.get("app_import_steps") or {}).items())
        + ".",
        "",
    ]
    return out + _notes(s)


# The processes the idle and memory sections compare, as (key in the details, label).
_PROCESSES = (
    ("app", "app"),
    ("bare_discord", "bare discord.py"),
    ("bare_qt_discord", "bare Qt+qasync+discord.py"),
)


def _idle_md(doc: dict[str, Any]) -> list[str]:
    s = doc.get("idle")
    if not s or s["value"] is None:
        return []
    d = s["details"]
    out = [
        "## Idle cost",
        "",
        f"{d['window_seconds']:.0f} s window, all three connected to one sandbox process; "
        f"app home: {d['app_home']}; "
        f"keep-alive sends during the window: {d['keepalive_sends_during_window']}. CPU: {d['cpu_source']}. "
        f"Wake-ups: {d['wakeup_source']}.",
        "",
    ]
    out += _table(
        ["process", "CPU s", "utime+stime s", "wake-ups/min (all threads)", "main thread wake-ups/min"],
        [
            [
                label,
                _f(d["cpu_seconds"][n], 4),
                _f(d["cpu_seconds_utime_stime"][n], 2),
                d["wakeups_per_minute"][n],
                d["main_thread_wakeups_per_minute"][n],
            ]
            for n, label in _PROCESSES
        ],
    )
    out.append(
        f"App's own timers (app − bare Qt+qasync+discord.py, main thread): "
        f"{d['app_own_timer_wakeups_per_minute']}/min; app − bare discord.py (all threads): "
        f"{d['app_minus_bare_discord_wakeups_per_minute']}/min."
    )
    out.append("")
    sources = d.get("app_main_thread_events_by_source")
    if sources is not None:
        per_min = 60.0 / (d.get("window_seconds") or 60)
        out += [
            "What the app's main thread dispatched in the window, by source (an application-wide event "
            "filter, bench/wakeprofile.py; one wake-up may dispatch several events, and wake-ups that "
            "dispatch none, such as the X connection's, are not listed):",
            "",
        ]
        bare = d.get("bare_qt_discord_main_thread_events_by_source") or {}
        if sources or bare:
            keys = list(dict.fromkeys([*sources, *bare]))[:16]
            out += _table(
                ["source", "app events", "app per minute", "bare Qt+qasync+discord.py events"],
                [[k, sources.get(k, 0), f"{sources.get(k, 0) * per_min:.2f}", bare.get(k, 0)] for k in keys],
            )
        else:
            out += ["No event at all.", ""]
    return out + _notes(s)


def _memory_md(doc: dict[str, Any]) -> list[str]:
    s = doc.get("memory")
    if not s or s["value"] is None:
        return []
    d = s["details"]
    out = [
        "## Memory",
        "",
        f"History: {d['history']['channels']} channels × {d['history']['days']} days = "
        f"{d['history']['result_rows']} result rows.",
        "",
    ]
    out += _table(
        ["process", "idle RSS", "peak RSS (VmHWM)"],
        [[label, f"{d['idle_rss_mib'][n]} MiB", f"{d['peak_rss_mib'][n]} MiB"] for n, label in _PROCESSES],
    )
    parts = d.get("window_open_parts") or {}
    out += [
        f"Window open with that history (fresh process each, median): {_ms(d['window_open_seconds'])} "
        f"(bare QMainWindow: {_ms(d['window_open_bare_seconds'])}); MainWindow construction "
        f"{_ms(parts.get('app_construct'))}, attaching the service (models filled) "
        f"{_ms(parts.get('app_attach'))}, "
        f"show → first paint {_ms(parts.get('app_show_to_paint'))}; AppService load before it "
        f"{_ms(parts.get('app_service_load'))}; rows shown: {d.get('window_rows_shown')}.",
        "",
    ]
    return out + _notes(s)


def _scheduler_md(doc: dict[str, Any]) -> list[str]:
    s = doc.get("scheduler")
    if not s or s["value"] is None:
        return []
    d = s["details"]
    wake = d.get("wake") or f"tick {d['tick_seconds']} s"
    out = ["## Scheduler accuracy", "", f"{d['scenario']}; wake-up: {wake}.", ""]
    out += _table(
        [
            "jump at (s after the first look)",
            "run started after the jump",
            "wall time past the slot",
            "trigger",
            "single sleep (computed)",
        ],
        [
            [
                f"{t['phase']:.0f}",
                _f(t.get("lateness"), 2, " s"),
                _f(t.get("wall_after_slot"), 1, " s"),
                t.get("trigger", "—"),
                f"{t['naive_lateness']:.0f} s",
            ]
            for t in d["trials"]
        ],
    )
    return out + _notes(s)
