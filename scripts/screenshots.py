#!/usr/bin/env python3
"""README screenshots: the real widgets against the demo sandbox, in English and Chinese.

Writes ``docs/screenshots/<name>_<lang>.png`` for: ``main`` (all channels fine), ``main_missing`` (a channel
deleted on the server, the Re-add button standing out), ``tray_menu``, ``channel_editor``, ``settings``,
``heartbeat`` (the channels table with its 30-day strips) and ``channel_detail``. For the last two the demo's
channels get 30 days of made-up history first (``seed_history``): mostly replied, a day without a reply, a
failed day, a missing channel, a day the app was not running.

Without a display it re-executes itself under ``xvfb-run``. Chinese needs a CJK font (Debian/Ubuntu:
``fonts-wqy-microhei``). Each language runs in its own process, so the translators are installed before any
widget exists.

Usage: ``python scripts/screenshots.py [--lang en|zh_CN ...] [--out DIR]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_OUT = ROOT / "docs" / "screenshots"
LANGUAGES = ("en", "zh_CN")
SIZE = (900, 560)


def main() -> int:
    parser = argparse.ArgumentParser(description="Render the README screenshots.")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="only this language (repeatable)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return render(args.lang[0], args.out)
    if not os.environ.get("DISPLAY") and not os.environ.get("CDP_SCREENSHOTS_UNDER_XVFB"):
        if not shutil.which("xvfb-run"):
            sys.exit("no DISPLAY and no xvfb-run: install xvfb (and fonts-wqy-microhei for Chinese)")
        env = {**os.environ, "CDP_SCREENSHOTS_UNDER_XVFB": "1"}
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp", sys.executable, *sys.argv]
        return subprocess.run(cmd, env=env, check=False).returncode
    status = 0
    for lang in args.lang or LANGUAGES:
        env = {
            **os.environ,
            "LANG": "zh_CN.UTF-8" if lang == "zh_CN" else "en_US.UTF-8",
            "LC_ALL": "",
            "LC_MESSAGES": "",
            "QT_QPA_PLATFORM": "xcb",
            "CDP_DESKTOP_TOKEN": "",
        }
        cmd = [sys.executable, __file__, "--child", "--lang", lang, "--out", str(args.out)]
        result = subprocess.run(cmd, env=env, check=False, timeout=180)
        status = status or result.returncode
    for png in sorted(args.out.glob("*.png")):
        print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
    return status


def render(lang: str, out: Path) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    from cdp_desktop import APP_NAME
    from cdp_desktop.ui.app import install_translators

    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setStyle("Fusion")  # the same look on every machine that renders them
    app.setQuitOnLastWindowClosed(False)
    install_translators(app, lang)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(shoot(app, lang, out))


async def settle(app: Any, seconds: float = 0.4) -> None:
    """Let the loop run (network events, repaints) for a moment: qasync processes Qt events while we sleep.

    Never ``processEvents()`` here: it would step other tasks inside this one (re-entrancy).
    """
    await asyncio.sleep(seconds)


async def wait_until(app: Any, check: Any, timeout: float = 20.0) -> None:
    end = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > end:
            raise TimeoutError("the demo did not reach the expected state")
        await settle(app, 0.1)


def save(widget: Any, out: Path, name: str, lang: str, rect: Any = None) -> None:
    path = out / f"{name}_{lang}.png"
    image = widget.grab() if rect is None else widget.grab(rect)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"  {path.name}")


def seed_history(service: Any, days: int = 30) -> None:
    """Made-up past days for the demo's channels (added 40 days ago), written through the history API."""
    import math
    from datetime import UTC, datetime, timedelta

    from cdp_desktop.core.errors import State
    from cdp_desktop.core.history import ChannelResult
    from cdp_desktop.core.message import slot_marker
    from cdp_desktop.core.schedule import slot_for_date

    added = datetime.now(UTC) - timedelta(days=days + 10)

    def backdate(config: Any) -> None:
        for t in config.targets:
            t.added_at = t.enabled_at = added

    service.update_config(backdate)
    s = service.config.settings
    zone = s.zone()
    today = datetime.now(UTC).astimezone(zone).date()
    # (days back, target index) -> states of that day's attempts; every other day: replied.
    special = {
        (12, 0): [State.NETWORK, State.REPLIED],
        (7, 1): [State.NO_REPLY],
        (3, 1): [State.RATE_LIMITED],
        (9, 2): [State.MISSING],
        (8, 2): [State.MISSING],
    }
    app_off = {18}
    h = service.history
    message_id = 1 << 50
    for back in range(days - 1, 0, -1):
        if back in app_off:
            continue
        slot = slot_for_date(today - timedelta(days=back), s.time_of_day, zone)
        for attempt in range(2):
            run_id = None
            for n, t in enumerate(service.config.targets):
                states = special.get((back, n), [State.REPLIED])
                if attempt >= len(states):
                    continue
                if run_id is None:
                    run_id = h.start_run(slot.key, slot.at, "scheduled" if attempt == 0 else "retry", slot.at)
                state = states[attempt]
                at = slot.at + timedelta(minutes=30 * attempt, seconds=2 + n)
                wave = math.sin(back / 2.5 + n) + 0.4 * math.sin(back * 1.7)
                latency = round(2.2 + 0.9 * wave + 0.3 * n, 1) if state is State.REPLIED else None
                message_id += 1
                if state.is_success:
                    h.record_intent(t.uid, slot.key, t.channel_id or 0, slot_marker(slot.key), at)
                    h.record_sent(t.uid, slot.key, message_id, at)
                h.add_result(
                    run_id,
                    ChannelResult(
                        run_id,
                        t.uid,
                        t.channel_id,
                        t.label,
                        state,
                        message_id=message_id if state.is_success else None,
                        reply_latency=latency,
                        at=at + timedelta(seconds=latency or 0),
                    ),
                )
            if run_id is not None:
                h.finish_run(run_id, slot.at + timedelta(minutes=1), "ok")


async def shoot(app: Any, lang: str, out: Path) -> int:
    from PySide6.QtCore import QPoint, QRect

    from cdp_desktop.core.errors import State
    from cdp_desktop.demo import start_demo
    from cdp_desktop.ui.bridge import ServiceBridge
    from cdp_desktop.ui.channel_detail import ChannelDetailDialog
    from cdp_desktop.ui.channel_editor import ChannelEditor
    from cdp_desktop.ui.main_window import MainWindow
    from cdp_desktop.ui.settings_dialog import SettingsDialog
    from cdp_desktop.ui.tray import Tray

    print(f"{lang}:")
    home = Path(tempfile.mkdtemp(prefix="cdp-desktop-shots-"))
    service, sandbox = await start_demo(home)
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    tray = Tray(window)
    try:
        window.resize(*SIZE)
        bridge.attach(service)
        window.show()
        await service.run_now()
        await wait_until(app, lambda: all(r.state is State.REPLIED for r in service.channel_rows()))
        window.refresh_channels()
        await settle(app, 1.0)
        save(window, out, "main", lang)

        tray.rebuild_menu()
        tray.menu.popup(QPoint(40, 40))
        await settle(app)
        save(tray.menu, out, "tray_menu", lang)
        tray.menu.hide()

        # A channel the demo has not configured yet, so the editor shows what adding one looks like.
        new_id = sandbox.add_text_channel(sandbox.guild_id, "coze-support", sandbox.category_id)
        await settle(app, 0.5)  # CHANNEL_CREATE reaches the client's cache
        editor = ChannelEditor(service, window)
        editor.open()
        await wait_until(app, lambda: editor.loaded)
        editor.channel_combo.setCurrentIndex(max(0, editor.channel_combo.findData(new_id)))
        if editor.bot_combo.findData(sandbox.target_bot_id) < 0:  # no members intent: the ID is pasted
            editor.bot_combo.setEditText(f"<@{sandbox.target_bot_id}>")
        editor.template_group.setChecked(True)
        editor.template_edit.setPlainText("{mention} ping \u00b7 {date} {time} \u00b7 {channel}")
        await settle(app)
        save(editor, out, "channel_editor", lang)
        editor.reject()

        settings = SettingsDialog(service, window)
        settings.open()
        await settle(app)
        save(settings, out, "settings", lang)
        settings.reject()

        # The last 30 days: the strip in the channels table, then one channel's detail.
        seed_history(service)
        window.resize(1240, SIZE[1])
        window.refresh_channels()
        await settle(app, 1.0)
        table = window.table
        rows_height = table.horizontalHeader().height() + table.verticalHeader().length() + 6
        save(table, out, "heartbeat", lang, QRect(0, 0, table.width(), rows_height))
        detail = ChannelDetailDialog(service, window.channels_model.row_at(1), window)
        detail.open()
        await settle(app, 0.5)
        save(detail, out, "channel_detail", lang)
        detail.reject()
        window.resize(*SIZE)

        victim = service.config.targets[-1]
        assert victim.channel_id is not None
        sandbox.delete_channel(victim.channel_id)
        await service.run_now(force=True)
        await wait_until(app, lambda: service.missing_count() > 0)
        window.refresh_channels()
        await settle(app, 1.0)
        save(window, out, "main_missing", lang)
    finally:
        tray.hide()
        window.hide()
        bridge.detach()
        await service.stop()
        await sandbox.stop()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
