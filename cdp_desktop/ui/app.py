"""The GUI entry point: QApplication + qasync loop, single instance, startup order, clean shutdown.

Order: Qt application → single-instance check → translator → the window's frame shown and painted → the
rest of the window built → tray → only then asyncio, qasync and the service (which imports discord.py) → wait
for Quit → stop the service within 5 s → return. The first paint happens in a short Qt event loop of its own
before asyncio is even imported, and shows the frame (title, menu bar, "Starting…"): only what that frame
needs is loaded before it is on screen; the tables, the header and the bridge to the service follow at once.

Quit never calls ``app.quit()``: it sets an asyncio Event and ``main()`` returns, so the Discord client is
closed while the loop still runs. The session ending (``commitDataRequest``) and Qt ending its loop by itself
(``aboutToQuit``: X server gone) take the same path.

``CDP_DESKTOP_BENCH_MARKERS=1`` prints ``first_paint <time.monotonic()>`` (then ``window_complete`` once the
built window has painted, and ``tray_shown``) to stderr, for the benchmarks (bench/startup.py).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QWidget

from .. import APP_ID, APP_NAME, DESKTOP_ID
from ..paths import AppPaths

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)
STOP_TIMEOUT = 5.0
FIRST_PAINT_TIMEOUT_MS = 1000  # never wait longer for the window's first paint before going on
SERVER_WAIT_MS = 2000  # a second launch waits this long for the first one's socket (opened after its paint)
MARKERS_ENV = "CDP_DESKTOP_BENCH_MARKERS"
_keep: list[Any] = []  # translators must outlive their installation


def bench_mark(name: str) -> None:
    """``name <time.monotonic()>`` on stderr when the benchmarks ask for it (CDP_DESKTOP_BENCH_MARKERS=1)."""
    if os.environ.get(MARKERS_ENV) == "1":
        print(f"{name} {time.monotonic():.6f}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------- first paint
class _FirstPaint(QObject):
    """One-shot event filter on a window: calls ``done`` once its first paint pass is over."""

    def __init__(self, window: QWidget, done: Any) -> None:
        super().__init__(window)
        self.window = window
        self.done = done
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.done)  # back in the event loop: the backing store has been flushed
        return False


def show_and_wait_for_paint(
    window: QWidget, timeout_ms: int = FIRST_PAINT_TIMEOUT_MS, marker: str = "first_paint"
) -> bool:
    """Show ``window`` and run a short Qt event loop until it has painted (at most ``timeout_ms``); on a
    window already shown, until its next paint (after its contents changed).

    User input stays queued (it is delivered once the real loop runs). True when the paint was seen."""
    loop = QEventLoop()
    painted: list[bool] = []

    def done() -> None:
        painted.append(True)
        bench_mark(marker)
        loop.quit()

    probe = _FirstPaint(window, done)
    timer = QTimer(loop)
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    window.show()
    timer.start(timeout_ms)
    if not painted:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    timer.stop()
    window.removeEventFilter(probe)
    probe.deleteLater()
    return bool(painted)


# ------------------------------------------------------------------------------------- single instance
def server_name(paths: AppPaths) -> str:
    """A local socket name per user and home: two homes may run side by side, one home only once."""
    import hashlib

    digest = hashlib.sha1(str(paths.data_dir.resolve()).encode("utf-8")).hexdigest()[:12]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return f"{APP_ID}-{uid}-{digest}"


def send_to_running(name: str, message: str, timeout_ms: int = 1500, wait_for_server_ms: int = 0) -> bool:
    """Send ``message`` ("show" or "quit") to the instance listening on ``name``; True when delivered.

    ``wait_for_server_ms``: keep trying that long while nobody listens yet (a first instance that holds the
    lock opens its socket only after its window has painted)."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtNetwork import QLocalSocket

    not_yet = (
        QLocalSocket.LocalSocketError.ServerNotFoundError,
        QLocalSocket.LocalSocketError.ConnectionRefusedError,
    )
    deadline = time.monotonic() + wait_for_server_ms / 1000
    while True:
        sock = QLocalSocket()
        sock.connectToServer(name)
        if sock.waitForConnected(timeout_ms):
            break
        if sock.error() not in not_yet or time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
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
        from PySide6.QtNetwork import QLocalServer  # imported here: the window does not need QtNetwork

        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        # We hold the instance lock, so a socket file left by a crashed instance is stale.
        type(self.server).removeServer(self.name)
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
        self._quit_early = False

    def request_quit(self) -> None:
        if self.quit_event is None:
            if not self._quit_early:
                log.info("quit requested (before the event loop ran)")
            self._quit_early = True
        elif not self.quit_event.is_set():
            log.info("quit requested")
            self.quit_event.set()

    def _session_ending(self, _manager: object) -> None:
        log.info("the desktop session is ending")
        self.request_quit()

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
            import traceback

            traceback.print_exception(etype, value, tb)
        self._show_error(str(value) or etype.__name__)

    def _show_error(self, text: str) -> None:
        if self.window is None or not self.window.built or self._reporting:
            return
        self._reporting = True
        try:
            msg = QApplication.translate("GuiApp", "Unexpected error: {0}. Details are in the log.").format(
                text
            )
            self.window.banners.show_message(msg, "error")
        finally:
            self._reporting = False

    def install_early_signal_handlers(self) -> None:
        """Until the asyncio loop runs (the window is already on screen by then): SIGTERM / SIGINT only note
        the quit, and ``main()`` acts on it first thing, so the shutdown is as clean as later on."""
        import signal

        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(ValueError):  # not the main thread (embedded use)
                signal.signal(sig, lambda *_: self.request_quit())

    def _install_signal_handlers(self, loop: asyncio.AbstractEventLoop) -> None:
        """SIGTERM / SIGINT quit cleanly (a KeyboardInterrupt inside a Qt slot would abort the process)."""
        import signal

        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.request_quit)
            except (NotImplementedError, RuntimeError, ValueError):  # Windows / not the main thread
                signal.signal(sig, lambda *_: loop.call_soon_threadsafe(self.request_quit))

    # -- lifecycle -----------------------------------------------------------------------------------------
    def show_ui(self) -> None:
        """Build the window and the tray before the asyncio loop exists. A window that is to be seen at start
        has its frame shown and painted first; the rest of the window and then the tray come right after."""
        from PySide6.QtWidgets import QSystemTrayIcon

        from .main_window import MainWindow

        sys.excepthook = self._excepthook
        ui_settings = QSettings(str(self.paths.config_dir / "ui.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(demo=self.demo, ui_settings=ui_settings)  # the frame
        self.window.quitRequested.connect(self.request_quit)
        # The session ends (logout, shutdown; Windows sends no SIGTERM) or Qt ends its loop by itself (the
        # X server went away): the same orderly stop as Quit. ui/qloop.py keeps asyncio running for it.
        self.app.aboutToQuit.connect(self.request_quit)
        self.app.commitDataRequest.connect(self._session_ending)
        if self.instance is not None:
            self.attach_instance(self.instance)
        shown_at_start = self.demo or not QSystemTrayIcon.isSystemTrayAvailable()
        if shown_at_start:
            show_and_wait_for_paint(self.window)
        from .bridge import ServiceBridge

        self.bridge = ServiceBridge()
        self.window.build(self.bridge)
        if shown_at_start and self.window.isVisible():  # (not closed meanwhile)
            # The whole window on screen before the tray registers (a D-Bus round trip).
            show_and_wait_for_paint(self.window, marker="window_complete")

        from .notifications import Notifications
        from .tray import Tray

        self.tray = Tray(self.window, demo=self.demo)
        self.notifications = Notifications(self.window, self.tray)
        has_tray = self.tray.start()
        bench_mark("tray_shown")
        self.window.set_tray_available(has_tray)
        self.tray.availabilityChanged.connect(self.window.set_tray_available)
        if not has_tray:
            log.info("no system tray (yet): the window stays open")
        if (self.demo or not has_tray) and not self.window.isVisible():
            self.window.show()

    def attach_instance(self, instance: InstanceServer) -> None:
        """Later launches of the same home show the window or quit this instance."""
        self.instance = instance
        instance.showRequested.connect(self.window.show_and_raise)
        instance.quitRequested.connect(self.request_quit)

    async def main(self) -> int:
        """Runs on the qasync loop after ``show_ui()``: starts the service, waits for Quit, shuts down."""
        import asyncio

        loop = asyncio.get_running_loop()
        loop.set_exception_handler(self._loop_exception)
        self.quit_event = asyncio.Event()
        if self._quit_early:  # Quit (or Ctrl+C) came while the window was painting, before the loop ran
            self.quit_event.set()
        self._install_signal_handlers(loop)
        if self.window is None:
            self.show_ui()

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
        return 0

    async def _start_service(self) -> None:
        if self.demo:
            from ..demo import start_demo

            self.service, self.sandbox = await start_demo(self.paths.data_dir)
            self.bridge.attach(self.service)
            return
        from ..core.ports import ConnectionState
        from ..service import AppService

        self.service = AppService(self.paths)
        self.bridge.attach(self.service)
        await self.service.start()
        if self.service.connection.state == ConnectionState.NO_TOKEN:
            self.window.open_first_run()

    async def _shutdown(self) -> None:
        import asyncio

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


def _remove_demo_home(folder: Any) -> None:
    """The demo's throw-away home goes when the demo ends (it was left in /tmp before)."""
    import shutil

    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        root.removeHandler(handler)  # the log file lives in it
        handler.close()
    shutil.rmtree(folder, ignore_errors=True)


def _demo_home(home: str | None) -> str:
    if home:
        return home
    import tempfile

    return tempfile.mkdtemp(prefix="cdp-desktop-demo-")


def run_gui(argv: list[str], *, home: str | None = None, demo: bool = False) -> int:
    """Start the tray app; returns the process exit code. A second launch for the same home shows the first
    instance's window and returns 0."""
    from .. import i18n, logs
    from ..instance import InstanceLock

    paths = AppPaths.resolve(_demo_home(home) if demo else home)
    paths.ensure()
    logs.setup_logging(paths, stderr=True)

    # One desktop identity: X11 WM_CLASS is (-name, applicationName), Wayland's app_id and the
    # _GTK_APPLICATION_ID / _KDE_NET_WM_DESKTOP_FILE hints come from desktopFileName: all DESKTOP_ID, the name
    # of the menu and autostart entries, so docks tie the window to them. Titles use the display name.
    qt_argv = [argv[0] if argv else APP_ID, "-name", DESKTOP_ID, *argv[1:]]
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        # the command line's translation host (i18n.activate, before parsing): the window needs a QApplication
        existing.shutdown()
    app = QApplication.instance() or QApplication(qt_argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(DESKTOP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_ID)
    app.setQuitOnLastWindowClosed(False)
    from .gc_guard import GuiThreadGarbageCollector

    # Automatic GC off from here; collecting starts after the first paint. Parented to the app.
    collector = GuiThreadGarbageCollector(app, start=False)

    lock = InstanceLock(paths.lock_file)
    translated = False
    if not lock.acquire():
        if send_to_running(server_name(paths), "show", wait_for_server_ms=SERVER_WAIT_MS):
            log.info("already running for %s: showed its window", paths.data_dir)
            return 0
        print(
            f"cdp-desktop: CDP Desktop is already running for {paths.data_dir} without a window "
            "(the daemon?); stop it first.",
            file=sys.stderr,
        )
        from . import daemon_running  # a dialog: from a menu or at login nobody reads stderr

        install_translators(app, i18n.configured_language(paths.config_file))
        translated = True
        pid = lock.holder_pid()
        if not daemon_running.ask_to_stop(paths.data_dir, pid):
            return 1
        assert pid is not None
        if not daemon_running.stop_and_take_over(pid, lock):
            daemon_running.could_not_stop(pid)
            return 1
    instance: InstanceServer | None = None
    old_hook = sys.excepthook
    try:
        if not translated:
            install_translators(app, i18n.configured_language(paths.config_file))
        gui = GuiApp(app, paths, demo=demo, instance=None)
        gui.install_early_signal_handlers()
        gui.show_ui()  # on screen before QtNetwork, asyncio, qasync and the service are imported
        from . import icons

        app.setWindowIcon(icons.app_icon())
        collector.start()
        instance = InstanceServer(server_name(paths))
        instance.listen()
        gui.attach_instance(instance)
        import asyncio

        from .qloop import QEventLoop  # qasync's loop; cancelled timers do not wake the thread

        with asyncio.Runner(loop_factory=lambda: QEventLoop(app)) as runner:
            return runner.run(gui.main())
    finally:
        sys.excepthook = old_hook
        if instance is not None:
            instance.close()
        lock.release()
        if demo and home is None:
            _remove_demo_home(paths.data_dir)


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
