"""Notices become banners (no tray here), rendered when shown; the record of what was shown stays bounded."""

from __future__ import annotations

from typing import Any

from cdp_desktop.service import Notice
from cdp_desktop.service.notices import NOTICE_BODIES, NOTICE_TITLES
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from cdp_desktop.ui.notifications import SHOWN_KEPT, Notifications


def missing(label: str) -> Notice:
    return Notice("missing", NOTICE_TITLES["missing"](), NOTICE_BODIES["missing"][0](channel=label), label)


def test_a_notice_is_a_banner_with_its_title_and_body(qtbot: Any) -> None:
    window = MainWindow(ServiceBridge())
    qtbot.addWidget(window)
    notes = Notifications(window, None)
    window.bridge.notice.emit(missing("#general"))
    body = "#general no longer exists on Discord. Use \u201cRe-add missing channels\u201d."
    assert ("error", f"Channel missing on Discord: {body}") in window.banners.messages()
    assert list(notes.shown) == [("banner", "Channel missing on Discord", body)]


def test_what_was_shown_is_bounded_to_the_newest(qtbot: Any) -> None:
    window = MainWindow(ServiceBridge())
    qtbot.addWidget(window)
    notes = Notifications(window, None)
    for i in range(SHOWN_KEPT + 25):
        window.bridge.notice.emit(missing(f"#c{i}"))
    assert len(notes.shown) == SHOWN_KEPT
    assert notes.shown[0][2].startswith("#c25 ") and notes.shown[-1][2].startswith(f"#c{SHOWN_KEPT + 24} ")
