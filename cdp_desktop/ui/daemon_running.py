"""The window cannot open because a headless instance (``cdp-desktop daemon``) holds the home's lock.

Started from a menu or at login, a line on stderr is seen by nobody: say it in a dialog, say how to stop the
daemon, and offer to stop it (SIGTERM: the daemon finishes cleanly) and open the window after all.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)
STOP_TIMEOUT = 15.0  # the daemon closes its Discord connection within about 5 s


def ask_to_stop(data_dir: Path, pid: int | None) -> bool:
    """Show the dialog; True when the user chose to stop the background instance."""
    how = (
        QCoreApplication.translate(
            "DaemonRunning",
            "To open the window, stop it first: click \u201cStop it and open the window\u201d, or run "
            "\u201csystemctl --user stop cdp-desktop\u201d if it runs as a service, "
            "or \u201ckill {pid}\u201d.",
        ).replace("{pid}", str(pid))
        if pid
        else QCoreApplication.translate(
            "DaemonRunning",
            "To open the window, stop it first: run \u201csystemctl --user stop cdp-desktop\u201d if it runs "
            "as a service, or end the \u201ccdp-desktop daemon\u201d process.",
        )
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("DaemonRunning", "CDP Desktop is already running"),
        QCoreApplication.translate(
            "DaemonRunning",
            "CDP Desktop is already running in the background, without a window (cdp-desktop daemon{pid}), "
            "for {folder}. Only one of them can send the keep-alives.",
        )
        .replace("{pid}", f", PID {pid}" if pid else "")
        .replace("{folder}", str(data_dir)),
    )
    box.setInformativeText(how)
    stop = (
        box.addButton(
            QCoreApplication.translate("DaemonRunning", "&Stop it and open the window"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        if pid
        else None
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.setObjectName("daemon_running")
    box.exec()  # no asyncio loop runs yet: a nested Qt loop is safe here
    return stop is not None and box.clickedButton() is stop


def stop_and_take_over(pid: int, lock: Any, timeout: float = STOP_TIMEOUT) -> bool:
    """SIGTERM the holder of ``lock`` and wait until the lock is ours; False when it did not let go."""
    log.info("stopping the background instance (pid %d) at the user's request", pid)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.acquire():
            return True
        QApplication.processEvents()
        time.sleep(0.1)
    return False


def could_not_stop(pid: int) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("DaemonRunning", "CDP Desktop is already running"),
        QCoreApplication.translate(
            "DaemonRunning",
            "The background instance (PID {pid}) did not stop. "
            "Stop it by hand, then start CDP Desktop again.",
        ).replace("{pid}", str(pid)),
    )
    box.exec()
