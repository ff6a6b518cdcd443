"""Baseline processes: ``python -m bench.child_bare MODE``.

Nothing but what a mode needs is imported (asyncio only in the discord modes), so the startup baseline
pays for no module it does not use.

* ``window``: a bare PySide6 process: QApplication, a tray icon and a QMainWindow shown (startup baseline);
* ``discord``: a bare discord.py client on plain asyncio, connected to the sandbox (idle baseline);
* ``qt-discord``: QApplication + qasync + a hidden QMainWindow + tray icon + the same discord.py client
  (memory baseline: the bare stack the app is built from, doing nothing else).

The sandbox comes from BENCH_API_BASE, BENCH_GATEWAY and BENCH_TOKEN. Intents are the app's defaults
(guilds + guild messages). Prints ``ready <t>`` on stderr once the gateway is READY.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from . import probe

if TYPE_CHECKING:
    import asyncio


def _tray_icon(app: Any) -> Any:
    from PySide6.QtGui import QColor, QIcon, QPixmap
    from PySide6.QtWidgets import QSystemTrayIcon

    pix = QPixmap(32, 32)
    pix.fill(QColor("#3070b0"))
    icon = QSystemTrayIcon(QIcon(pix), app)
    icon.setToolTip("bare")
    return icon


def window() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    tray = _tray_icon(app)
    win = QMainWindow()
    win.setWindowTitle("Bare PySide6 window")
    win.resize(880, 600)
    tray.show()  # same order as the app: tray first, then the window
    win.show()
    return app.exec()  # SIGTERM's default action ends it: nothing to clean up


def _discord_client() -> Any:
    import discord
    import discord.gateway
    import discord.http
    import yarl

    discord.http.Route.BASE = os.environ["BENCH_API_BASE"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["BENCH_GATEWAY"])
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True

    class Client(discord.Client):
        async def on_ready(self) -> None:
            probe.mark("ready")

    return Client(intents=intents)


async def _run_client(stop: asyncio.Event) -> None:
    import asyncio

    client = _discord_client()
    async with client:
        task = asyncio.ensure_future(client.start(os.environ["BENCH_TOKEN"]))
        await asyncio.wait({task, asyncio.ensure_future(stop.wait())}, return_when=asyncio.FIRST_COMPLETED)
        await client.close()
        await asyncio.wait({task}, timeout=5)


def bare_discord() -> int:
    import asyncio
    import signal

    async def main() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await _run_client(stop)

    asyncio.run(main())
    return 0


def qt_discord() -> int:
    import asyncio
    import signal

    import qasync
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    profile = os.environ.get("BENCH_WAKE_PROFILE")
    if profile:  # the same event filter as the app's (bench/wakeprofile.py)
        from .wakeprofile import WakeProfile

        keep = WakeProfile(app, profile)  # noqa: F841 - alive until exit
    tray = _tray_icon(app)
    win = QMainWindow()
    win.setWindowTitle("Bare Qt + discord.py")
    tray.show()

    async def main() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await _run_client(stop)

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(main())
    del win
    return 0


def main() -> int:
    mode = sys.argv[1]
    probe.mark("python_started")
    if mode == "window":
        probe.install()
        return window()
    if mode == "discord":
        return bare_discord()
    if mode == "qt-discord":
        return qt_discord()
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    raise SystemExit(main())
