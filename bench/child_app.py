"""The measured app process: ``python -m bench.child_app [--demo] --home DIR``.

Runs the real GUI entry point (``cdp_desktop.ui.app.run_gui``) with the app's own startup markers switched on
(``CDP_DESKTOP_BENCH_MARKERS=1``: ``first_paint`` once the window's first paint pass is over, ``tray_shown``
once the tray icon is shown), so nothing in the app is wrapped or patched. With ``BENCH_WAKE_PROFILE=FILE``
an application-wide event filter records what wakes the main thread (bench/wakeprofile.py). SIGTERM quits it
cleanly (the app's own handler).
"""

from __future__ import annotations

import os
import sys

from . import probe


def main() -> int:
    probe.mark("python_started")
    args = sys.argv[1:]  # [--demo] --home DIR (no argparse: the bare baseline does not load it either)
    demo = "--demo" in args
    home = args[args.index("--home") + 1]
    os.environ["CDP_DESKTOP_BENCH_MARKERS"] = "1"
    profile = os.environ.get("BENCH_WAKE_PROFILE")
    if profile:  # the idle benchmark: count what wakes the main thread (an event filter, nothing patched)
        from PySide6.QtWidgets import QApplication

        from .wakeprofile import WakeProfile

        app = QApplication([sys.argv[0]])
        keep = WakeProfile(app, profile)  # noqa: F841 - alive until exit
    from cdp_desktop.ui.app import run_gui

    return run_gui([sys.argv[0]], home=home, demo=demo)


if __name__ == "__main__":
    raise SystemExit(main())
