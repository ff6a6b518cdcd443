"""Real desktop services for tests: Secret Service, StatusNotifierItem tray host, notification daemon.

Everything here talks to the session bus that ``scripts/test`` created (``dbus-run-session`` + ``xvfb-run``);
nothing touches the user's real desktop. D-Bus is spoken with jeepney (a keyring dependency), not QtDBus:
QtDBus cannot send ``uint32`` from Python and would hide signature bugs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, HeaderFields, Message, MessageType, Properties
from jeepney.bus_messages import Monitoring, message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.helpers.wait import wait_until

SECRETS_NAME = "org.freedesktop.secrets"
NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
WATCHER_NAME = "org.kde.StatusNotifierWatcher"
WATCHER = DBusAddress("/StatusNotifierWatcher", bus_name=WATCHER_NAME, interface=WATCHER_NAME)

# Match rules for BusMonitor.
NOTIFY_RULE = "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"
SNI_REGISTER_RULE = (
    "type='method_call',interface='org.kde.StatusNotifierWatcher',member='RegisterStatusNotifierItem'"
)

STARTUP_TIMEOUT = 10.0


# ----------------------------------------------------------------------------------------------------
# "Is there a desktop?" — skip locally, fail loudly on CI.


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_desktop(*programs: str) -> None:
    """Skip the calling test when there is no X display / session bus (or a needed program is missing).

    On CI (``CI=true``) the same situation is a failure: desktop tests must never skip silently there.
    """
    missing = [v for v in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS") if not os.environ.get(v)]
    missing += [p for p in programs if shutil.which(p) is None]
    if not missing:
        return
    why = f"desktop test needs {', '.join(missing)} (run it through scripts/test)"
    if on_ci():
        pytest.fail(f"CI=true but {why}", pytrace=False)
    pytest.skip(why)


# ----------------------------------------------------------------------------------------------------
# Small synchronous D-Bus helpers.


def bus() -> DBusConnection:
    """A new blocking connection to the session bus; close it (or use ``with``)."""
    return open_dbus_connection(bus="SESSION")


def name_has_owner(conn: DBusConnection, name: str) -> bool:
    reply = conn.send_and_get_reply(message_bus.NameHasOwner(name), timeout=5)
    return bool(reply.body[0])


def get_property(conn: DBusConnection, address: DBusAddress, prop: str) -> Any:
    reply = conn.send_and_get_reply(Properties(address).get(prop), timeout=5)
    if reply.header.message_type is MessageType.error:
        raise RuntimeError(f"{address.interface}.{prop}: {reply.body}")
    return reply.body[0][1]  # (signature, value)


# ----------------------------------------------------------------------------------------------------
# Services. Each one is a Popen we own and stop by handle.


@dataclass
class Service:
    name: str
    proc: subprocess.Popen[bytes]
    log_path: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def _spawn(name: str, argv: Sequence[str], workdir: Path, stdin_data: bytes | None = None) -> Service:
    log_path = workdir / f"{name}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_AT_BRIDGE": "1"},
        )
    if stdin_data is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin_data)
        proc.stdin.close()  # gnome-keyring reads the unlock password up to EOF
    return Service(name, proc, log_path)


def _wait_ready(svc: Service, check: Callable[[], Any], what: str) -> None:
    """Poll ``check`` until the service is up; RuntimeError if it exits first, TimeoutError after
    ``STARTUP_TIMEOUT`` (both with the end of its log). Bus errors meanwhile mean "not up yet"."""
    wait_until(
        check,
        STARTUP_TIMEOUT,
        what,
        interval=0.02,
        proc=svc.proc,
        log=svc.log_path,
        ignore=(OSError, RuntimeError, ConnectionError),
    )


def _refuse_foreign_owner(name: str) -> None:
    with bus() as conn:
        if name_has_owner(conn, name):
            raise RuntimeError(
                f"{name} is already owned by a process the test session did not start; "
                "run the tests through scripts/test (private bus)"
            )


def start_secret_service(workdir: Path, password: str = "ci-unlock-pass") -> Service:
    """gnome-keyring-daemon with only the secrets component, its login keyring unlocked.

    The password must be non-empty: an empty one creates no ``login`` collection and keyring then needs an
    interactive prompt. ``XDG_DATA_HOME`` must already point at a private folder (the keyring file lands
    there).
    """
    if not password:
        raise ValueError("gnome-keyring needs a non-empty unlock password")
    _refuse_foreign_owner(SECRETS_NAME)
    svc = _spawn(
        "gnome-keyring",
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        workdir,
        stdin_data=password.encode(),
    )
    try:
        with bus() as conn:
            _wait_ready(svc, lambda: name_has_owner(conn, SECRETS_NAME), SECRETS_NAME)
    except BaseException:
        svc.stop()
        raise
    return svc


def start_tray_host(workdir: Path, attempts: int = 3) -> Service:
    """gtk-sni-tray-standalone, which is also the StatusNotifierWatcher; ready once a host is registered.

    The tray host sometimes exits 1 right at its start (a race inside it: it asks its own watcher object
    before exporting it, "Pattern match failure … UnknownObject"); a new start then works, so it gets
    ``attempts`` tries before the session fails.
    """
    _refuse_foreign_owner(WATCHER_NAME)

    def ready() -> bool:
        with bus() as conn:
            return name_has_owner(conn, WATCHER_NAME) and bool(
                get_property(conn, WATCHER, "IsStatusNotifierHostRegistered")
            )

    for attempt in range(1, attempts + 1):
        svc = _spawn(
            "sni-tray",
            ["gtk-sni-tray-standalone", "--watcher", "--bottom", "--end", "-s", "32", "-c", "#3070b0"],
            workdir,
        )
        try:
            _wait_ready(svc, ready, "StatusNotifierWatcher host")
            return svc
        except RuntimeError:  # it exited at start: the race above
            svc.stop()
            if attempt == attempts:
                raise
            time.sleep(0.5)
        except BaseException:
            svc.stop()
            raise
    raise AssertionError("unreachable")


DUNSTRC = """\
[global]
    font = WenQuanYi Micro Hei 9
    geometry = "300x5-10+10"
    width = 300
    origin = top-right
    offset = 10x10
    idle_threshold = 0
    show_indicators = no
    sticky_history = yes
    history_length = 100

[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""


def start_notification_daemon(workdir: Path) -> Service:
    """dunst with a tiny config: notifications never expire, so tests can count what is displayed."""
    _refuse_foreign_owner(NOTIFICATIONS_NAME)
    rc = workdir / "dunstrc"
    rc.write_text(DUNSTRC)
    svc = _spawn("dunst", ["dunst", "-config", str(rc)], workdir)
    try:
        with bus() as conn:
            _wait_ready(svc, lambda: name_has_owner(conn, NOTIFICATIONS_NAME), NOTIFICATIONS_NAME)
    except BaseException:
        svc.stop()
        raise
    return svc


# ----------------------------------------------------------------------------------------------------
# Observing: dunst's own view, and a bus monitor.


def dunstctl(*args: str) -> str:
    out = subprocess.run(["dunstctl", *args], capture_output=True, text=True, timeout=10)
    if out.returncode != 0:
        raise RuntimeError(f"dunstctl {' '.join(args)} failed ({out.returncode}): {out.stderr.strip()}")
    return out.stdout.strip()


def dunst_count(which: str = "displayed") -> int:
    """``which`` is ``displayed``, ``waiting`` or ``history``."""
    return int(dunstctl("count", which))


def dunst_history(close_all: bool = True) -> list[dict[str, Any]]:
    """Notifications dunst has seen, newest first, as plain dicts (``summary``, ``body``, ``appname``, ...).

    dunst only lists *closed* notifications in its history, so by default everything on screen is closed
    first.
    """
    if close_all:
        dunstctl("close-all")
    raw = json.loads(dunstctl("history"))
    items: Iterable[dict[str, Any]] = raw["data"][0] if raw.get("data") else []
    return [{key: field.get("data") for key, field in item.items()} for item in items]


def dunst_close_all() -> None:
    """Close what is on screen (dunst 1.9 cannot clear its history: tell notifications apart by summary)."""
    dunstctl("close-all")


class BusMonitor:
    """Captures messages on the session bus that match ``rules`` (D-Bus match rules), on a background thread.

    Use as a context manager; it is listening when ``__enter__`` returns::

        with BusMonitor([NOTIFY_RULE]) as mon:
            tray.showMessage(...)
            call = mon.wait_for_call("Notify")
        call.body  # ('app', 0, 'icon', 'summary', 'body', [], {...}, 3000)
    """

    def __init__(self, rules: Sequence[str]) -> None:
        self.rules = list(rules)
        self.messages: list[Message] = []
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._conn: DBusConnection | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def __enter__(self) -> BusMonitor:
        self._conn = bus()
        reply = self._conn.send_and_get_reply(Monitoring().BecomeMonitor(self.rules), timeout=5)
        if reply.header.message_type is MessageType.error:
            self._conn.close()
            raise RuntimeError(f"BecomeMonitor failed: {reply.body}")
        self._thread = threading.Thread(target=self._run, name="BusMonitor", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._conn is not None:
            self._conn.close()

    def _run(self) -> None:
        assert self._conn is not None
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.1)
            except TimeoutError:
                continue
            except Exception as e:  # connection closed under us, etc.
                self._error = e
                return
            with self._cond:
                self.messages.append(msg)
                self._cond.notify_all()

    def calls(self, member: str) -> list[Message]:
        with self._cond:
            return [
                m
                for m in self.messages
                if m.header.message_type is MessageType.method_call
                and m.header.fields.get(HeaderFields.member) == member
            ]

    def wait_for_call(self, member: str, timeout: float = 5.0, count: int = 1) -> Message:
        """Wait until ``count`` calls of ``member`` were seen; return the last one.

        Keeps a running QApplication's event loop turning meanwhile, so Qt can actually send its calls.
        """
        deadline = time.monotonic() + timeout
        while True:
            found = self.calls(member)
            if len(found) >= count:
                return found[count - 1]
            if self._error is not None:
                raise RuntimeError(f"bus monitor stopped: {self._error!r}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {member} call within {timeout} s (saw {len(found)})")
            _pump_qt(0.02)


def _pump_qt(seconds: float) -> None:
    try:
        from PySide6.QtCore import QCoreApplication, QEventLoop
    except ImportError:
        time.sleep(seconds)
        return
    app = QCoreApplication.instance()
    if app is None:
        time.sleep(seconds)
        return
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, int(seconds * 1000))
    time.sleep(seconds / 2)


def screenshot(path: Path) -> Path:
    """Save the whole X screen (ImageMagick ``import``), handy as a test artefact."""
    subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=10, capture_output=True)
    return path
