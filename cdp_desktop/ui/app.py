"""The GUI entry point: QApplication + qasync loop, single instance, startup order, clean shutdown.

Order: Qt application → single-instance check → translator → window and tray shown → only then the
service (which imports discord.py) → wait for Quit → stop the service within 5 s → return. Quit never calls
``app.quit()``: it sets an asyncio Event and ``main()`` returns, so the Discord client is closed while the
loop still runs (reference/pitfalls.md §1.3).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import signal
import sys
import tempfile
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QByteArray, QLibraryInfo, QLocale, QObject, QSettings, QTranslator, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

from .. import APP_ID, APP_NAME
from ..paths import AppPaths

log = logging.getLogger(__name__)
STOP_TIMEOUT = 5.0
_keep: list[Any] = []  # translators must outlive their installation


# ------------------------------------------------------------------------------------- single instance
def server_name(paths: AppPaths) -> str:
    """A local socket name per user and home: two homes may run side by side, one home only once."""
    digest = hashlib.sha1(str(paths.data_dir.resolve()).encode("utf-8")).hexdigest()[:12]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return f"{APP_ID}-{uid}-{digest}"


def send_to_running(name: str, message: str, timeout_ms: int = 1500) -> bool:
    """Send ``message`` ("show" or "quit") to the instance listening on ``name``; True when delivered."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(QByteArray(message.encode("ascii") + b"\n"))
    ok = sock.waitForBytesWritten(timeout_ms)
    sock.disconnectFromServer()
    return ok


class InstanceServer(QObject):
    """Listens for "show" / "quit" from later launches of the same home."""

    showRequested = Signal()
    quitRequested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        # We hold the instance lock, so a socket file left by a crashed instance is stale.
        QLocalServer.removeServer(self.name)
        ok = self.server.listen(self.name)
        if not ok:
            log.warning("single-instance socket %s: %s", self.name, self.server.errorString())
        return ok

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                self._read(sock)

    def _read(self, sock: QLocalSocket) -> None:
        while sock.canReadLine():
            cmd = bytes(sock.readLine().data()).decode("ascii", "replace").strip()
            log.info("instance message: %s", cmd)
            if cmd == "show":
                self.showRequested.emit()
            elif cmd == "quit":
                self.quitRequested.emit()

    def close(self) -> None:
        self.server.close()


# -------------------------------------------------------------------------------------------- language
def configured_language(paths: AppPaths) -> str | None:
    """``settings.language`` read straight from the file (the service loads the config later)."""
    try:
        data = json.loads(paths.config_file.read_text(encoding="utf-8"))
        lang = data.get("settings", {}).get("language")
        return str(lang) if lang else None
    except (OSError, ValueError, AttributeError):
        return None


def install_translators(app: QApplication, language: str | None) -> str:
    """Install the app's and Qt's own translations; returns the language used ("en" when none applies)."""
    from .. import i18n

    lang = language or i18n.language_from_env() or QLocale.system().name()
    if i18n.is_english(lang):
        return "en"
    if lang.startswith("zh"):
        lang = "zh_CN"
    i18n.activate(lang)  # the app's .qm (all contexts, also the CLI's)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir):
        QApplication.installTranslator(qt)
        _keep.append(qt)
    QLocale.setDefault(QLocale(lang))
    return lang


# --------------------------------------------------------------------------------------------- the app
class GuiApp:
    def __init__(
        self, app: QApplication, paths: AppPaths, *, demo: bool, instance: InstanceServer | None
    ) -> None:
        self.app = app
        self.paths = paths
        self.demo = demo
        self.instance = instance
        self.quit_event: asyncio.Event | None = None
        self.window: Any = None
        self.bridge: Any = None
        self.tray: Any = None
        self.service: Any = None
        self.sandbox: Any = None
        self._reporting = False

    def request_quit(self) -> None:
        if self.quit_event is not None and not self.quit_event.is_set():
            log.info("quit requested")
            self.quit_event.set()

    # -- errors --------------------------------------------------------------------------------------------
    def _loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = context.get("message", "")
        if exc is not None:
            log.error("event loop: %s", message, exc_info=(type(exc), exc, exc.__traceback__))
        else:
            log.error("event loop: %s", message)
        self._show_error(str(exc) if exc else message)

    def _excepthook(self, etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(etype, KeyboardInterrupt):
            self.request_quit()
            return
        log.error("unhandled exception", exc_info=(etype, value, tb))
        if not log.isEnabledFor(logging.ERROR):
            traceback.print_exception(etype, value, tb)
        self._show_error(str(value) or etype.__name__)

    def _show_error(self, text: str) -> None:
        if self.window is None or self._reporting:
            return
        self._reporting = True
        try:
            msg = QApplication.translate("GuiApp", "Unexpected error: {0}. Details are in the log.").format(
                text
            )
            self.window.banners.show_message(msg, "error")
        finally:
            self._reporting = False

    def _install_signal_handlers(self, loop: asyncio.AbstractEventLoop) -> None:
        """SIGTERM / SIGINT quit cleanly (a KeyboardInterrupt inside a Qt slot would abort the process)."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.request_quit)
            except (NotImplementedError, RuntimeError, ValueError):  # Windows / not the main thread
                signal.signal(sig, lambda *_: loop.call_soon_threadsafe(self.request_quit))

    # -- lifecycle -----------------------------------------------------------------------------------------
    async def main(self) -> int:
        from .bridge import ServiceBridge
        from .main_window import MainWindow
        from .notifications import Notifications
        from .tray import Tray

        loop = asyncio.get_running_loop()
        loop.set_exception_handler(self._loop_exception)
        self.quit_event = asyncio.Event()
        self._install_signal_handlers(loop)
        old_hook = sys.excepthook
        sys.excepthook = self._excepthook

        ui_settings = QSettings(str(self.paths.config_dir / "ui.ini"), QSettings.Format.IniFormat)
        self.bridge = ServiceBridge()
        self.window = MainWindow(self.bridge, demo=self.demo, ui_settings=ui_settings)
        self.tray = Tray(self.window, demo=self.demo)
        self.notifications = Notifications(self.window, self.tray)
        self.window.quitRequested.connect(self.request_quit)
        self.app.aboutToQuit.connect(self.request_quit)  # OS logout: best effort
        if self.instance is not None:
            self.instance.showRequested.connect(self.window.show_and_raise)
            self.instance.quitRequested.connect(self.request_quit)

        has_tray = self.tray.start()
        self.window.set_tray_available(has_tray)
        self.tray.availabilityChanged.connect(self.window.set_tray_available)
        if not has_tray:
            log.info("no system tray (yet): the window stays open")
        if self.demo or not has_tray:
            self.window.show()
        await asyncio.sleep(0.02)  # let the window paint before the heavy imports below

        try:
            starting = asyncio.ensure_future(self._start_service())
            quitting = asyncio.ensure_future(self.quit_event.wait())
            await asyncio.wait({starting, quitting}, return_when=asyncio.FIRST_COMPLETED)
            if not starting.done():
                starting.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await starting
            elif starting.exception() is not None:
                self.bridge.report_exception(starting.exception(), QApplication.translate("GuiApp", "Start"))
            await self.quit_event.wait()
            quitting.cancel()
        finally:
            await self._shutdown()
            sys.excepthook = old_hook
        return 0

    async def _start_service(self) -> None:
        if self.demo:
            from ..demo import start_demo

            self.service, self.sandbox = await start_demo(self.paths.data_dir)
            self.bridge.attach(self.service)
            return
        from ..service import AppService

        self.service = AppService(self.paths)
        self.bridge.attach(self.service)
        await self.service.start()
        if getattr(self.service.connection, "state", "") == "no_token":
            self.window.open_first_run()

    async def _shutdown(self) -> None:
        log.info("shutting down")
        if self.tray is not None:
            self.tray.hide()
        if self.window is not None:
            self.window.hide()
        if self.bridge is not None:
            await self.bridge.cancel_all()
            self.bridge.detach()
        if self.service is not None:
            try:
                await asyncio.wait_for(self.service.stop(), STOP_TIMEOUT)
            except TimeoutError:
                log.warning("the service did not stop within %.0f s", STOP_TIMEOUT)
            except Exception:
                log.exception("stopping the service failed")
        if self.sandbox is not None:
            try:
                await asyncio.wait_for(self.sandbox.stop(), 2.0)
            except Exception:
                log.exception("stopping the demo sandbox failed")
        if self.instance is not None:
            self.instance.close()


def _demo_home(home: str | None) -> str:
    return home or tempfile.mkdtemp(prefix="cdp-desktop-demo-")


def run_gui(argv: list[str], *, home: str | None = None, demo: bool = False) -> int:
    """Start the tray app; returns the process exit code. A second launch for the same home shows the first
    instance's window and returns 0."""
    import qasync

    from .. import logs
    from ..instance import InstanceLock
    from . import icons

    paths = AppPaths.resolve(_demo_home(home) if demo else home)
    paths.ensure()
    logs.setup_logging(paths, stderr=True)

    app = QApplication.instance() or QApplication([argv[0] if argv else APP_ID, *argv[1:]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)
    from .gc_guard import GuiThreadGarbageCollector

    collector = GuiThreadGarbageCollector(app)  # noqa: F841 - parented to the app, kept for its lifetime

    lock = InstanceLock(paths.lock_file)
    name = server_name(paths)
    if not lock.acquire():
        if send_to_running(name, "show"):
            log.info("already running for %s: showed its window", paths.data_dir)
            return 0
        print(
            f"cdp-desktop: CDP Desktop is already running for {paths.data_dir} without a window "
            "(the daemon?); stop it first.",
            file=sys.stderr,
        )
        return 1
    instance = InstanceServer(name)
    instance.listen()
    try:
        install_translators(app, configured_language(paths))
        app.setWindowIcon(icons.app_icon())
        gui = GuiApp(app, paths, demo=demo, instance=instance)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(gui.main())
    finally:
        instance.close()
        lock.release()


def main() -> int:  # ``python -m cdp_desktop.ui.app`` for development
    import argparse

    parser = argparse.ArgumentParser(prog="cdp-desktop-gui")
    parser.add_argument("--home")
    parser.add_argument("--demo", action="store_true")
    args, rest = parser.parse_known_args()
    return run_gui([sys.argv[0], *rest], home=args.home, demo=args.demo)


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["GuiApp", "InstanceServer", "run_gui", "send_to_running", "server_name"]
