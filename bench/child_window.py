"""Time to open the main window on a home with a large history: ``python -m bench.child_window HOME|--bare``.

Qt, the UI modules and the service are imported first (process start-up is the startup section's business);
then it measures: loading the AppService on that home (config + history, no network), and constructing the
MainWindow, attaching the service (models filled from the history), showing it and the first paint pass.
``--bare`` measures a bare QMainWindow the same way. Prints one ``result {json}`` line on stdout.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from . import probe


def main() -> int:
    bare = sys.argv[1] == "--bare"
    import qasync
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    done: asyncio.Event | None = None  # created on the loop below
    result: dict[str, float] = {}

    if not bare:
        from cdp_desktop.paths import AppPaths
        from cdp_desktop.service import AppService
        from cdp_desktop.ui.bridge import ServiceBridge
        from cdp_desktop.ui.main_window import MainWindow
        from cdp_desktop.ui.window_layout import lay_out  # noqa: F401 - before the clock

    async def run() -> None:
        nonlocal done
        done = asyncio.Event()
        probe.install(on_paint=done.set)
        keep: list[object] = []
        if bare:
            t1 = time.monotonic()
            win = QMainWindow()
            win.setWindowTitle("Bare window")
            win.resize(880, 600)
            win.show()
            keep.append(win)
        else:
            t0 = time.monotonic()
            service = AppService(AppPaths.resolve(sys.argv[1]), env={})
            t1 = time.monotonic()
            result["service_load"] = t1 - t0
            bridge = ServiceBridge()
            win = MainWindow(bridge)
            t2 = time.monotonic()
            bridge.attach(service)
            t3 = time.monotonic()
            win.show()
            result["construct"] = t2 - t1
            result["attach"] = t3 - t2
            result["rows"] = win.channels_model.rowCount()
            keep += [service, bridge, win]
        await asyncio.wait_for(done.wait(), 30)
        result["window_open"] = probe._state["first_paint"] - t1
        result["show_to_paint"] = probe._state["first_paint"] - probe._state["show_called"]
        if not bare:
            service.history.close()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run())
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
