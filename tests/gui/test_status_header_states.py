"""Every connection state has a name a person reads in the header, in both languages (the state
"intents_missing" used to show as that raw word)."""

from __future__ import annotations

from typing import Any

import pytest

from cdp_desktop.core.ports import ConnectionState, ConnectionStatus
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.status_header import StatusHeader
from tests.helpers.translation import cjk, ui_language


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_each_connection_state_has_a_readable_name(qtbot: Any, qapp: Any, language: str) -> None:
    with ui_language(qapp, language):
        header = StatusHeader(ServiceBridge())
        qtbot.addWidget(header)
        shown = set()
        for state in ConnectionState:
            header.show_connection(ConnectionStatus(state=state))
            text = header.conn_label.text()
            assert text and text != state.value and "_" not in text, (state, text)
            assert cjk(text) == (language == "zh_CN"), (state, text)
            shown.add(text)
        assert len(shown) == len(ConnectionState)  # no two states read the same
