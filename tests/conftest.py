"""Shared fixtures: real desktop services, qasync loop for pytest-qt, an isolated app home.

Desktop fixtures (``secret_service``, ``tray_host``, ``notification_daemon``) start real programs inside
the private D-Bus session and X server that ``scripts/test`` creates. Without them a test skips — except on
CI (``CI=true``), where it fails. Assertion helpers (``BusMonitor``, ``dunst_history``, ...) live in
``tests/desktop_session.py``.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import re
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests import desktop_session as ds
from tests.desktop_session import require_desktop
from tests.helpers.logs import MACHINE_LOAD

__all__ = ["require_desktop"]

T = TypeVar("T")


def pytest_configure(config: pytest.Config) -> None:
    # As in the app (ui/gc_guard.py): the cyclic GC must not run in the sandbox's, keyring's or discord.py's
    # threads, where freeing a Qt object crashes the process. Collect on the main thread between tests.
    gc.disable()


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("desktop") is not None:
        require_desktop()


# ----------------------------------------------------------------------------------------------------
# A warning or error the test did not expect fails it.


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _no_unexpected_log_records(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test during which anything in this process logged a warning or an error (sandbox and discord.py
    threads included) that it did not declare with ``@pytest.mark.expect_log("regex", ...)``; the regexes
    are searched in ``"logger.name: message"``. Qt's own warnings fail through ``qt_log_level_fail``."""
    handler = _Records()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        # The cyclic GC is off (see pytest_configure): collect here, after the test's other fixtures have
        # stopped their loops and servers, so that what they left pending is reported for this test.
        gc.collect()
        root.removeHandler(handler)
    marked = [p for mark in request.node.iter_markers("expect_log") for p in mark.args]
    expected = [re.compile(p) for p in (*marked, *MACHINE_LOAD)]
    lines = [f"{r.name}: {r.getMessage()}" for r in handler.records]
    unexpected = [line for line in lines if not any(p.search(line) for p in expected)]
    if unexpected:
        shown = "\n".join(f"  {line[:300]}" for line in unexpected[:10])
        pytest.fail(
            f"{len(unexpected)} unexpected log record(s) at WARNING or above (declare expected ones with"
            f" @pytest.mark.expect_log):\n{shown}",
            pytrace=False,
        )


# ----------------------------------------------------------------------------------------------------
# Real desktop services (session-wide, stopped by handle at the end).


@pytest.fixture(scope="session")
def desktop_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Logs and config files of the desktop services."""
    return tmp_path_factory.mktemp("desktop")


@pytest.fixture(scope="session")
def secret_service(desktop_workdir: Path) -> Iterator[ds.Service]:
    """A pre-unlocked gnome-keyring Secret Service (``org.freedesktop.secrets``) on the test bus."""
    require_desktop("gnome-keyring-daemon")
    data_home = desktop_workdir / "xdg-data"
    data_home.mkdir(mode=0o700)
    old = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(data_home)  # the login keyring file lands here, never in ~/.local/share
    svc = ds.start_secret_service(desktop_workdir)
    try:
        yield svc
    finally:
        svc.stop()
        if old is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = old


@pytest.fixture(scope="session")
def tray_host(desktop_workdir: Path) -> Iterator[ds.Service]:
    """A StatusNotifierItem watcher + host (gtk-sni-tray-standalone) with ``IsStatusNotifierHostRegistered``.

    Started first thing in every session that has a display (``_early_desktop``), so any QSystemTrayIcon a
    test creates uses the SNI tray and ``showMessage`` sends a real ``Notify``.
    """
    require_desktop("gtk-sni-tray-standalone")
    svc = ds.start_tray_host(desktop_workdir)
    yield svc
    svc.stop()


@pytest.fixture(scope="session")
def notification_daemon(desktop_workdir: Path) -> Iterator[ds.Service]:
    """dunst on ``org.freedesktop.Notifications``; check it with ``dunst_count()`` / ``dunst_history()``."""
    require_desktop("dunst", "dunstctl")
    svc = ds.start_notification_daemon(desktop_workdir)
    yield svc
    svc.stop()


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """The Discord sandbox (no rate limits, quick replies) in its own thread, for tests on the Qt loop."""
    from tests.gui.dialog_support import start_sandbox

    st = start_sandbox()
    yield st
    st.stop()


@pytest.fixture(scope="session", autouse=True)
def _early_desktop(request: pytest.FixtureRequest) -> None:
    """Start the tray host, dunst and the Secret Service before any test when a desktop session is there.

    Order independence: a tray icon created while no host is registered gets no SNI tray, and a ``Notify``
    sent with no daemon running would D-Bus-activate an unmanaged dunst that ``notification_daemon`` then
    collides with. Without a display this does nothing (tests that need the services still skip or, on CI,
    fail through their own fixtures).
    """
    if os.environ.get("DISPLAY") and os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        request.getfixturevalue("tray_host")
        request.getfixturevalue("notification_daemon")
        # Any keyring lookup (the CLI, the GUI) would otherwise D-Bus-activate an unmanaged, locked
        # gnome-keyring that the ``secret_service`` fixture then collides with.
        request.getfixturevalue("secret_service")


# ----------------------------------------------------------------------------------------------------
# qasync with pytest-qt: synchronous tests, loop marked "already running".


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """The app's own event loop (``ui/qloop.py``), "running" for the duration of the test: each pass of the
    Qt event loop (``qtbot.waitSignal``/``waitUntil``/``wait``) also runs asyncio callbacks, and
    ``@asyncSlot`` works."""
    from cdp_desktop.ui.qloop import QEventLoop

    loop = QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # Cancel until nothing is left: cancelling a task can schedule new ones (discord.py dispatches
        # on_disconnect), and a task that never ran warns "coroutine … was never awaited" when collected.
        end = time.monotonic() + 2
        while time.monotonic() < end:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            if not pending:
                break
            for t in pending:
                t.cancel()
            qapp.processEvents()
        loop.detach()
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def wait_for(qtbot: Any, qloop: asyncio.AbstractEventLoop) -> Callable[..., Any]:
    """``wait_for(awaitable, timeout=5.0)``: run a coroutine on the qasync loop from a sync test, return its
    result (or raise its exception). On timeout the task is cancelled and pytest-qt's TimeoutError raised."""

    def _wait(aw: Awaitable[T], timeout: float = 5.0) -> T:
        fut = asyncio.ensure_future(aw, loop=qloop)
        try:
            qtbot.waitUntil(fut.done, timeout=int(timeout * 1000))
        except BaseException:
            fut.cancel()
            raise
        return fut.result()

    return _wait


# ----------------------------------------------------------------------------------------------------
# App home.


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty app home (``--home DIR`` / ``CDP_DESKTOP_HOME``).

    A developer's token or forced keyring backend in the environment must not leak into tests; the keyring
    itself is the private test session's one, never the user's."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("CDP_DESKTOP_HOME", str(home))
    monkeypatch.delenv("CDP_DESKTOP_TOKEN", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    return home
