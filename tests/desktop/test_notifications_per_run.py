"""Notifications are per run and per kind, in human words, on the real desktop (SNI host + dunst).

With 20 channels and the server unreachable, one run used to raise 20 popups, each with aiohttp's
``ClientConnectorError: Cannot connect to host …``; the recovery raised 20 more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop.core.config import Target
from cdp_desktop.core.errors import State
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.notifications import Notifications
from cdp_desktop.ui.tray import Tray
from tests.desktop_session import NOTIFY_RULE, SNI_REGISTER_RULE, BusMonitor, Service, dunst_history
from tests.gui.dialog_support import connect, make_service
from tests.helpers.logs import RUN_FAILURES

pytestmark = pytest.mark.desktop
CHANNELS = 20
RAW_WORDS = ("ClientConnector", "Cannot connect", "Errno", "Traceback", "aiohttp", "host")


@pytest.fixture
def twenty(
    qtbot: Any,
    isolated_home: Path,
    sandbox: SandboxThread,
    wait_for: Callable[..., Any],
    tray_host: Service,
    notification_daemon: Service,
) -> Iterator[tuple[AppService, MainWindow, Notifications, BusMonitor]]:
    service = make_service(isolated_home, sandbox)
    service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 0))
    connect(service, sandbox, wait_for, presence=False)
    earlier = datetime.now(UTC) - timedelta(days=2)
    ids = sandbox.add_channels(CHANNELS, prefix="ka")

    def add_all(c: Any) -> None:
        for i, channel_id in enumerate(ids):
            c.add_target(
                Target(
                    guild_id=sandbox.guild_id,
                    channel_id=channel_id,
                    mention_id=sandbox.target_bot_id,
                    name=f"ka-{i}",
                    added_at=earlier,
                    enabled_at=earlier,
                )
            )

    service.update_config(add_all)
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    tray = Tray(window)
    notes = Notifications(window, tray)
    bridge.attach(service)
    with BusMonitor([SNI_REGISTER_RULE, NOTIFY_RULE]) as mon:
        assert tray.start()
        window.set_tray_available(True)
        mon.wait_for_call("RegisterStatusNotifierItem")
        yield service, window, notes, mon
        tray.hide()
    bridge.detach()
    wait_for(service.stop(), timeout=10)


def run_and_wait(qtbot: Any, window: MainWindow) -> None:
    window.run_now()
    qtbot.waitUntil(lambda: "run_now" not in window.bridge.busy, timeout=60_000)
    qtbot.wait(500)  # let Qt send the D-Bus call, if there is one


@pytest.mark.expect_log(*RUN_FAILURES)
def test_an_outage_over_20_channels_is_one_notification_and_recovery_is_one_more(
    qtbot: Any, twenty: Any, sandbox: SandboxThread
) -> None:
    service, window, notes, mon = twenty
    before = {h.get("id") for h in dunst_history()}
    sandbox.go_offline()
    qtbot.waitUntil(lambda: service.connection.state != "connected", timeout=15_000)

    run_and_wait(qtbot, window)
    states = {r.state for r in window.channels_model.rows()}
    assert states <= {State.NETWORK, State.DISCORD_UNAVAILABLE}, states
    assert len(mon.calls("Notify")) == 1
    new = [h for h in dunst_history() if h.get("id") not in before]
    assert len(new) == 1, new
    summary, body = new[0]["summary"], new[0]["body"]
    assert summary == "Discord unreachable"
    assert f"{CHANNELS} channels" in body, body
    for word in RAW_WORDS:
        assert word not in body, body
    # The exception text is still there for whoever looks: in the run's details.
    window.refresh_runs(newest=True)
    assert any(w in window.run_detail.toPlainText() for w in ("Cannot connect", "connect", "refused"))

    run_and_wait(qtbot, window)  # the same failure again today: quiet
    assert len(mon.calls("Notify")) == 1

    sandbox.go_online()
    qtbot.waitUntil(lambda: service.connection.state == "connected", timeout=30_000)
    run_and_wait(qtbot, window)
    assert {r.state for r in window.channels_model.rows()} <= {State.OK, State.NO_REPLY, State.REPLIED}
    assert len(mon.calls("Notify")) == 2
    recovered = [h for h in dunst_history() if h.get("id") not in before]
    assert len(recovered) == 2, recovered
    assert {h["summary"] for h in recovered} == {"Discord unreachable", "Keep-alive working again"}
    desktop = [n for n in notes.shown if n[0] == "desktop"]
    assert len(desktop) == 2, notes.shown
