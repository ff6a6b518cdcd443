"""The measured app process: ``python -m bench.child_app [--demo] --home DIR``.

Runs the real GUI entry point (``cdp_desktop.ui.app.run_gui``) with the paint probe installed first.
SIGTERM quits it cleanly (the app's own handler).
"""

from __future__ import annotations

import argparse
import sys

from . import probe


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", required=True)
    parser.add_argument("--demo", action="store_true")
    args = parser.parse_args()
    probe.mark("python_started")
    probe.install()
    from cdp_desktop.ui.app import run_gui

    return run_gui([sys.argv[0]], home=args.home, demo=args.demo)


if __name__ == "__main__":
    raise SystemExit(main())
