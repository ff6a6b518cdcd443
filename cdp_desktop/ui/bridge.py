"""The service's events as Qt signals, and a safe way to run coroutines from slots.

``AppService`` calls its listeners on the asyncio loop thread, which under qasync is the GUI thread; Qt's
automatic connections queue across threads, so a listener called from another thread is still safe.

``spawn()`` replaces ``qasync.asyncSlot``: it keeps a strong reference to the task (qasync 0.28 keeps only
weak ones) and sends any exception to the log and to the window's error banner instead of ``sys.excepthook``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core.ports import ConnectionStatus
from ..service.events import Notice, RunFinished, RunStarted, ScheduleChanged, ServiceEvent
from .service_api import ServiceApi
from .texts import error_text

if TYPE_CHECKING:
    import asyncio

    from .history_watch import HistoryWatcher

log = logging.getLogger(__name__)
T = TypeVar("T")


class ServiceBridge(QObject):
    connectionChanged = Signal(ConnectionStatus)
    scheduleChanged = Signal(ScheduleChanged)
    runStarted = Signal(RunStarted)
    runFinished = Signal(RunFinished)
    channelsChanged = Signal()
    notice = Signal(Notice)
    error = Signal(str)  # a message for the error banner
    serviceReady = Signal(ServiceApi)  # the service just attached
    busyChanged = Signal()
    historyChanged = Signal()  # the history database changed on disk (any process: run-now, the daemon)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service: ServiceApi | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.busy: set[str] = set()  # names of running user actions ("run_now", "readd")
        self._history_watch: HistoryWatcher | None = None

    # -- service ---------------------------------------------------------------------------------------
    def attach(self, service: ServiceApi) -> None:
        self.detach()
        self.service = service
        self._unsubscribe = service.subscribe(self._on_event)
        from .history_watch import HistoryWatcher

        self._history_watch = HistoryWatcher(service.paths.history_file, self)
        self._history_watch.changed.connect(self._on_history_changed)
        self.serviceReady.emit(service)

    def _on_history_changed(self) -> None:
        # Runs and results written by anyone: the table, the run log, the tray and the header all follow.
        self.historyChanged.emit()
        self.channelsChanged.emit()

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._history_watch is not None:
            self._history_watch.stop()
            self._history_watch.deleteLater()
            self._history_watch = None

    def _on_event(self, event: ServiceEvent) -> None:
        from ..service import events

        match event:
            case events.ConnectionChanged(status=status):
                self.connectionChanged.emit(status)
            case events.ScheduleChanged():
                self.scheduleChanged.emit(event)
            case events.RunStarted():
                self.runStarted.emit(event)
            case events.RunFinished():
                self.runFinished.emit(event)
            case events.ChannelsChanged():
                self.channelsChanged.emit()
            case events.Notice():
                self.notice.emit(event)

    # -- tasks -----------------------------------------------------------------------------------------
    def spawn(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        what: str = "",
        busy: str | None = None,
        on_done: Callable[[T], None] | None = None,
    ) -> asyncio.Task[T]:
        """Run ``coro`` in the background. Errors go to the log and the error banner; ``on_done`` gets the
        result. ``busy`` names the action while it runs (to disable buttons; see ``busyChanged``)."""
        import asyncio  # not at module level: the window is built and painted before asyncio is loaded

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        if busy:
            self.busy.add(busy)
            self.busyChanged.emit()

        def done(t: asyncio.Task[T]) -> None:
            self._tasks.discard(t)
            if busy:
                self.busy.discard(busy)
                self.busyChanged.emit()
            if t.cancelled():
                return
            exc = t.exception()
            if exc is not None:
                self.report_exception(exc, what)
                return
            if on_done is not None:
                try:
                    on_done(t.result())
                except Exception as cb_exc:  # a bug in a UI callback must not vanish
                    self.report_exception(cb_exc, what)

        task.add_done_callback(done)
        return task

    def report_exception(self, exc: BaseException, what: str = "") -> None:
        log.error("%s failed", what or "background task", exc_info=(type(exc), exc, exc.__traceback__))
        text = error_text(exc)  # a message it carries in the window's language, else its own words
        if what:
            text = QCoreApplication.translate("ServiceBridge", "{action} failed: {error}").format(
                action=what, error=text
            )
        self.error.emit(text)

    async def cancel_all(self, timeout: float = 2.0) -> None:
        import asyncio

        tasks = [t for t in self._tasks if not t.done()]
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
