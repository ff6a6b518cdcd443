"""A private desktop for the GUI measurements: X server, session bus, StatusNotifierItem tray host.

``python -m bench`` re-runs itself under ``dbus-run-session -- xvfb-run -a`` when there is no display or no
session bus, with private XDG folders so nothing touches the user's desktop or keyring. D-Bus is spoken with
jeepney (already a keyring dependency).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .common import Children, log

INNER = "CDP_BENCH_INNER"
WATCHER_NAME = "org.kde.StatusNotifierWatcher"
SNI_REGISTER_RULE = (
    "type='method_call',interface='org.kde.StatusNotifierWatcher',member='RegisterStatusNotifierItem'"
)


def have_session() -> bool:
    return bool(os.environ.get("DISPLAY")) and bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))


def rerun_in_private_session(argv: list[str]) -> int:
    """Run ``python -m bench ARGV`` inside dbus-run-session + Xvfb and return its exit code."""
    missing = [t for t in ("dbus-run-session", "xvfb-run") if shutil.which(t) is None]
    if missing:
        log(f"no display/session bus and {', '.join(missing)} missing: GUI sections will be skipped")
        return -1
    with tempfile.TemporaryDirectory(prefix="cdp-bench-session-") as tmp:
        env = dict(os.environ)
        for name in ("data", "config", "cache", "run"):
            d = Path(tmp) / name
            d.mkdir(mode=0o700)
            env[f"XDG_{'RUNTIME_DIR' if name == 'run' else name.upper() + '_HOME'}"] = str(d)
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND"):
            env.pop(var, None)
        env.update({INNER: "1", "QT_QPA_PLATFORM": "xcb", "NO_AT_BRIDGE": "1"})
        cmd = [
            "dbus-run-session",
            "--",
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24 -nolisten tcp",
            sys.executable,
            "-m",
            "bench",
            *argv,
        ]
        return subprocess.call(cmd, env=env)


def _bus() -> Any:
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus="SESSION")


def _watcher_ready() -> bool:
    from jeepney import DBusAddress, MessageType, Properties
    from jeepney.bus_messages import message_bus

    with _bus() as conn:
        if not conn.send_and_get_reply(message_bus.NameHasOwner(WATCHER_NAME), timeout=5).body[0]:
            return False
        addr = DBusAddress("/StatusNotifierWatcher", bus_name=WATCHER_NAME, interface=WATCHER_NAME)
        reply = conn.send_and_get_reply(Properties(addr).get("IsStatusNotifierHostRegistered"), timeout=5)
        return reply.header.message_type is not MessageType.error and bool(reply.body[0][1])


def ensure_tray_host(ch: Children, workdir: Path) -> str:
    """Start gtk-sni-tray-standalone (watcher + host) unless a tray host is already registered."""
    try:
        if _watcher_ready():
            return "existing StatusNotifierWatcher"
    except Exception:  # no bus or no watcher yet
        pass
    if shutil.which("gtk-sni-tray-standalone") is None:
        return "none (gtk-sni-tray-standalone missing)"
    with (workdir / "sni-tray.log").open("wb") as logf:
        ch.spawn(
            ["gtk-sni-tray-standalone", "--watcher", "--bottom", "--end", "-s", "32", "-c", "#3070b0"],
            stdout=logf,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_AT_BRIDGE": "1"},
        )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if _watcher_ready():
                return "gtk-sni-tray-standalone --watcher"
        except Exception:
            pass
        time.sleep(0.05)
    return "none (tray host did not come up)"


class TrayMonitor:
    """Timestamps every RegisterStatusNotifierItem call on the session bus (time.monotonic on receipt)."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._conn: Any = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> TrayMonitor:
        from jeepney import HeaderFields, MessageType
        from jeepney.bus_messages import Monitoring

        self._fields = HeaderFields
        self._conn = _bus()
        reply = self._conn.send_and_get_reply(Monitoring().BecomeMonitor([SNI_REGISTER_RULE]), timeout=5)
        if reply.header.message_type is MessageType.error:
            self._conn.close()
            raise RuntimeError(f"BecomeMonitor failed: {reply.body}")
        self._thread = threading.Thread(target=self._run, name="tray-monitor", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.1)
            except TimeoutError:
                continue
            except Exception:
                return
            at = time.monotonic()
            if msg.header.fields.get(self._fields.member) == "RegisterStatusNotifierItem":
                with self._lock:
                    self.calls.append((at, str(msg.header.fields.get(self._fields.sender, ""))))

    def first_after(self, t0: float) -> float | None:
        with self._lock:
            times = [at for at, _ in self.calls if at >= t0]
        return min(times) if times else None

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._conn is not None:
            self._conn.close()
