"""Window open and scrolling with and without the strip: ``python -m bench.child_heartbeat HOME MODE``.

MODE ``strip``: the window as shipped (the "Last 30 days" column, one history query for the strips).
MODE ``plain``: the same window with the strip taken out (no query, column hidden): the window as it was
before the strip existed, the baseline measured in the same run.

Measures, after the imports: AppService load → MainWindow → attach (models filled) → show → first paint
pass ("window_open"); the strip query alone; then scrolls the channels table one page at a time and times
each synchronous repaint of its viewport ("paint time per frame"). Prints one ``result {json}`` line.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

from . import probe


def main() -> int:
    home, mode = sys.argv[1], sys.argv[2]
    import qasync
    from PySide6.QtWidgets import QApplication

    from cdp_desktop.paths import AppPaths
    from cdp_desktop.service import AppService
    from cdp_desktop.ui.bridge import ServiceBridge
    from cdp_desktop.ui.main_window import MainWindow
    from cdp_desktop.ui.models import ChannelsModel
    from cdp_desktop.ui.window_layout import lay_out  # noqa: F401 - before the clock

    if mode == "plain":  # the strip taken out: no history query for it, nothing to paint
        AppService.heartbeat = lambda self, *a, **k: {}  # type: ignore[method-assign]

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    result: dict[str, object] = {"mode": mode}

    async def run() -> None:
        done = asyncio.Event()
        cpu: dict[str, float] = {}

        def painted() -> None:
            cpu["first_paint"] = time.process_time()
            done.set()

        probe.install(on_paint=painted)
        t0 = time.monotonic()
        service = AppService(AppPaths.resolve(home), env={})
        t1 = time.monotonic()
        cpu["t1"] = time.process_time()
        bridge = ServiceBridge()
        win = MainWindow(bridge)
        if mode == "plain":
            win.table.setColumnHidden(ChannelsModel.COL_DAYS, True)
        win.resize(1280, 800)
        bridge.attach(service)
        t2 = time.monotonic()
        win.show()
        await asyncio.wait_for(done.wait(), 30)
        result["service_load"] = t1 - t0
        result["construct_and_attach"] = t2 - t1
        result["window_open"] = probe._state["first_paint"] - t1
        result["window_open_cpu"] = cpu["first_paint"] - cpu["t1"]  # less disturbed by other load
        result["rows"] = win.channels_model.rowCount()

        if mode == "strip":
            q = []
            for _ in range(5):
                s = time.perf_counter()
                strips = service.heartbeat()
                q.append(time.perf_counter() - s)
            result["strip_query"] = min(q)
            result["strip_days"] = sum(len(s.days) for s in strips.values())

        # Scrolling: one page per frame to the end ("cold": rows painted for the first time), then back up
        # over the same rows ("warm"); each synchronous repaint of the viewport (every visible row, every
        # delegate) timed in this thread's CPU time, which other processes' load disturbs less than wall time.
        table = win.table
        bar = table.verticalScrollBar()
        page = max(1, bar.pageStep())
        frames: dict[str, list[float]] = {"cold": [], "warm": []}
        for phase, values in (
            ("cold", range(page, bar.maximum() + page, page)),
            ("warm", range(bar.maximum() - page, -1, -page)),
        ):
            for value in values:
                bar.setValue(min(value, bar.maximum()))
                app.processEvents()
                s = time.thread_time()
                table.viewport().repaint()
                frames[phase].append(time.thread_time() - s)
        result["visible_rows"] = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
        for phase, times in frames.items():
            times.sort()
            result[f"frame_{phase}_median"] = statistics.median(times)
            result[f"frame_{phase}_p95"] = times[max(0, int(len(times) * 0.95) - 1)]
            result[f"frames_{phase}"] = len(times)
        service.history.close()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run())
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
