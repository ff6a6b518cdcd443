"""The tray menu as the real StatusNotifierItem host receives it (com.canonical.dbusmenu), in both languages.

The host lays the menu out from this export: every item must be there with its text, none may carry an icon
next to its text (the Re-add icon was drawn over its first letter), and a channel going missing changes texts,
not the set of items (a layout that changed while the menu opened came up clipped with a scroll arrow).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, HeaderFields, new_method_call

from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.tray import Tray
from tests.desktop_session import SNI_REGISTER_RULE, BusMonitor, Service, bus, get_property
from tests.gui.dialog_support import connect, make_service
from tests.helpers.logs import RUN_FAILURES
from tests.helpers.translation import ui_language
from tests.helpers.window import add_sandbox_targets

pytestmark = pytest.mark.desktop


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    with ui_language(qapp, request.param) as language:
        yield language


def in_thread(qtbot: Any, fn: Callable[[], Any]) -> Any:
    """Call the app's own D-Bus objects from another thread while Qt keeps answering on this one."""
    out: list[Any] = []
    t = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    t.start()
    qtbot.waitUntil(lambda: not t.is_alive(), timeout=10_000)
    return out[0]


def layout(sender: str) -> list[dict[str, Any]]:
    """The exported menu's top-level items: their properties (label, visible, enabled, icon-name ...)."""
    with bus() as conn:
        item = DBusAddress("/StatusNotifierItem", bus_name=sender, interface="org.kde.StatusNotifierItem")
        menu_path = get_property(conn, item, "Menu")
        menu = DBusAddress(menu_path, bus_name=sender, interface="com.canonical.dbusmenu")
        reply = conn.send_and_get_reply(new_method_call(menu, "GetLayout", "iias", (0, 1, [])), timeout=5)
    _revision, (_id, _props, children) = reply.body
    return [dict((k, v[1]) for k, v in child[1][1].items()) for child in children]


@pytest.mark.expect_log(*RUN_FAILURES)
def test_every_item_is_exported_with_text_and_no_icon(
    qtbot: Any,
    language: str,
    isolated_home: Path,
    sandbox: SandboxThread,
    wait_for: Callable[..., Any],
    tray_host: Service,
) -> None:
    service = make_service(isolated_home, sandbox)
    connect(service, sandbox, wait_for, presence=False)
    add_sandbox_targets(service, sandbox, count=3)
    bridge = ServiceBridge()
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    tray = Tray(window)
    bridge.attach(service)
    try:
        with BusMonitor([SNI_REGISTER_RULE]) as mon:
            assert tray.start()
            register = mon.wait_for_call("RegisterStatusNotifierItem")
        sender = register.header.fields[HeaderFields.sender]
        expected = [a.text() for a in tray.menu.actions() if not a.isSeparator()]

        def check() -> list[dict[str, Any]]:
            items = [i for i in in_thread(qtbot, lambda: layout(sender)) if i.get("type") != "separator"]
            labels = [i.get("label", "") for i in items]
            assert labels == [a.text() for a in tray.menu.actions() if not a.isSeparator()], labels
            for i in items:
                assert i.get("visible", True), i
                assert not i.get("icon-name") and not i.get("icon-data"), i
            return items

        first = check()
        assert len(first) == len(expected)
        gone = service.config.targets[0]
        sandbox.delete_channel(gone.channel_id)
        window.run_now()
        qtbot.waitUntil(lambda: "run_now" not in bridge.busy, timeout=20_000)
        qtbot.waitUntil(lambda: tray.missing == 1, timeout=5000)
        after = check()
        assert len(after) == len(first)
        readd = next(i for i in after if "1" in i.get("label", "") and i.get("enabled", True))
        assert readd
        if language == "zh_CN":
            assert all(any("\u4e00" <= ch <= "\u9fff" for ch in i["label"]) for i in after), after
    finally:
        tray.hide()
        bridge.detach()
        wait_for(service.stop(), timeout=10)
