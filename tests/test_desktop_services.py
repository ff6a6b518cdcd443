"""The shared desktop fixtures work with the real components (tray host, dunst, gnome-keyring)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from jeepney import HeaderFields

from tests.desktop_session import (
    NOTIFY_RULE,
    SNI_REGISTER_RULE,
    WATCHER,
    BusMonitor,
    Service,
    bus,
    dunst_close_all,
    dunst_count,
    dunst_history,
    get_property,
)

pytestmark = pytest.mark.desktop


def _icon() -> Any:
    from PySide6.QtGui import QColor, QIcon, QPixmap

    pm = QPixmap(32, 32)
    pm.fill(QColor("#2e7d32"))
    return QIcon(pm)


def test_tray_icon_registers_and_message_reaches_dunst(
    qapp: Any, qtbot: Any, tray_host: Service, notification_daemon: Service
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    assert QSystemTrayIcon.isSystemTrayAvailable()
    dunst_close_all()
    assert dunst_count("displayed") == 0
    tray = QSystemTrayIcon(_icon())
    try:
        with BusMonitor([SNI_REGISTER_RULE, NOTIFY_RULE]) as mon:
            tray.show()
            register = mon.wait_for_call("RegisterStatusNotifierItem")
            with bus() as conn:
                items = get_property(conn, WATCHER, "RegisteredStatusNotifierItems")
            sender = register.header.fields[HeaderFields.sender]
            assert any(item.startswith(sender) or item == register.body[0] for item in items), items

            summary = f"keep-alive {uuid.uuid4().hex[:8]}"
            tray.showMessage(summary, "body text 保活", _icon(), 5000)
            notify = mon.wait_for_call("Notify")
        # Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, timeout i)
        assert notify.header.fields[HeaderFields.signature] == "susssasa{sv}i"
        assert notify.body[3] == summary
        assert notify.body[4] == "body text 保活"

        qtbot.waitUntil(lambda: dunst_count("displayed") == 1, timeout=5000)
        history = dunst_history()
        mine = [h for h in history if h["summary"] == summary]
        assert len(mine) == 1, history
        assert mine[0]["body"] == "body text 保活"
    finally:
        tray.hide()
        tray.deleteLater()


def test_keyring_round_trip_on_gnome_keyring(secret_service: Service) -> None:
    import keyring
    from keyring.backends import SecretService
    from keyring.errors import PasswordDeleteError

    kr = keyring.get_keyring()
    backends = getattr(kr, "backends", [kr])  # ChainerBackend wraps the real one
    assert any(isinstance(b, SecretService.Keyring) for b in backends), backends

    service, user = f"cdp-desktop-test-{uuid.uuid4().hex[:8]}", "bot"
    secret = "MTIz.NDU2.Nzg5-ß-令牌"
    assert keyring.get_password(service, user) is None
    keyring.set_password(service, user, secret)
    try:
        assert keyring.get_password(service, user) == secret
    finally:
        keyring.delete_password(service, user)
    assert keyring.get_password(service, user) is None
    with pytest.raises(PasswordDeleteError):
        keyring.delete_password(service, user)


@pytest.mark.parametrize("round_", [1, 2])  # the second round proves qloop's teardown left Qt waits working
def test_qloop_runs_async_slots_and_wait_for(qtbot: Any, qloop: Any, wait_for: Any, round_: int) -> None:
    import asyncio

    import qasync
    from PySide6.QtCore import QObject, QTimer, Signal

    class Worker(QObject):
        done = Signal(int)

        @qasync.asyncSlot()
        async def work(self) -> None:
            await asyncio.sleep(0.01)
            self.done.emit(round_)

    w = Worker()
    with qtbot.waitSignal(w.done, timeout=3000) as blocker:
        QTimer.singleShot(0, w.work)
    assert blocker.args == [round_]
    assert wait_for(asyncio.sleep(0.01, result=round_), timeout=2) == round_

    from pytestqt.exceptions import TimeoutError as QtTimeoutError

    never = asyncio.Event()
    with pytest.raises(QtTimeoutError):
        wait_for(never.wait(), timeout=0.1)
    qtbot.wait(20)  # still a real wait afterwards, not an instant return
