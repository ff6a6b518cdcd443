"""The target bot's presence in the channels table: real AppService and discord.py, the sandbox's gateway."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from tests.gui.dialog_support import connect, make_service
from tests.helpers.logs import INTENTS_REFUSED
from tests.helpers.window import add_sandbox_targets

TIP = Qt.ItemDataRole.ToolTipRole
DOT = Qt.ItemDataRole.DecorationRole


@pytest.fixture
def window_for(
    qtbot: Any, isolated_home: Path, wait_for: Callable[..., Any]
) -> Iterator[Callable[[SandboxThread, bool], MainWindow]]:
    """``window_for(sandbox, presence)``: a shown main window on a service connected with or without the
    presence intents, with two targets mentioning the sandbox's target bot."""
    services: list[tuple[AppService, ServiceBridge]] = []

    def make(sandbox: SandboxThread, presence: bool) -> MainWindow:
        service = make_service(isolated_home, sandbox)
        connect(service, sandbox, wait_for, presence=presence)
        add_sandbox_targets(service, sandbox)
        bridge = ServiceBridge()
        window = MainWindow(bridge)
        qtbot.addWidget(window)
        bridge.attach(service)
        services.append((service, bridge))
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for service, bridge in services:
        bridge.detach()
        wait_for(service.stop(), timeout=10)


def bot_cell(window: MainWindow, row: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    m = window.channels_model
    return m.data(m.index(row, m.COL_BOT), role)


def test_target_bot_shows_online_then_offline_without_a_run(
    qtbot: Any, sandbox: SandboxThread, window_for: Callable[[SandboxThread, bool], MainWindow]
) -> None:
    w = window_for(sandbox, True)
    qtbot.waitUntil(lambda: bot_cell(w, 0) == "@Coze Target Bot \u00b7 online", timeout=10_000)
    assert bot_cell(w, 1) == "@Coze Target Bot \u00b7 online"
    assert bot_cell(w, 0, DOT) is not None  # the coloured dot
    tip = bot_cell(w, 0, TIP)
    assert tip.startswith(f"Bot ID: {sandbox.target_bot_id}\n") and "Discord shows it online." in tip
    posts_before = [r for r in sandbox.requests if r["method"] == "POST"]

    sandbox.set_target_online(False)  # a real PRESENCE_UPDATE over the gateway
    qtbot.waitUntil(lambda: bot_cell(w, 0) == "@Coze Target Bot \u00b7 offline", timeout=5_000)
    assert bot_cell(w, 1) == "@Coze Target Bot \u00b7 offline"
    assert "Discord shows it offline." in bot_cell(w, 0, TIP)
    assert [r for r in sandbox.requests if r["method"] == "POST"] == posts_before  # no run was needed
    # offline is no failure: the state column still says what the (not yet run) keep-alive did
    assert {r.state.value for r in w.channels_model.rows()} == {"pending"}

    sandbox.set_target_online(True)
    qtbot.waitUntil(lambda: bot_cell(w, 0) == "@Coze Target Bot \u00b7 online", timeout=5_000)


def test_without_presence_intents_the_tooltip_says_why(
    qtbot: Any, sandbox: SandboxThread, window_for: Callable[[SandboxThread, bool], MainWindow]
) -> None:
    w = window_for(sandbox, False)
    qtbot.waitUntil(lambda: bot_cell(w, 0) == "@Coze Target Bot", timeout=10_000)  # named, no presence
    assert bot_cell(w, 0, DOT) is None
    tip = bot_cell(w, 0, TIP)
    assert "Online status unknown: presence intents are off in the settings." in tip
    assert "reply check" in tip
    sandbox.set_target_online(False)
    qtbot.wait(200)
    assert bot_cell(w, 0) == "@Coze Target Bot"


@pytest.fixture
def refusing_sandbox() -> Iterator[SandboxThread]:
    """A sandbox whose Discord refuses the privileged intents (gateway close 4014)."""
    st = SandboxThread(rate_limits=False, reply_delay=0.05, privileged_intents=False).start()
    yield st
    st.stop()


@pytest.mark.expect_log(INTENTS_REFUSED)
def test_refused_intents_the_tooltip_explains_4014(
    qtbot: Any,
    refusing_sandbox: SandboxThread,
    window_for: Callable[[SandboxThread, bool], MainWindow],  # after the sandbox: torn down before it
) -> None:
    w = window_for(refusing_sandbox, True)
    qtbot.waitUntil(lambda: bot_cell(w, 0) == "@Coze Target Bot", timeout=10_000)
    tip = bot_cell(w, 0, TIP)
    assert "Online status unknown: Discord refused" in tip and "4014" in tip
    assert "reply check" in tip
