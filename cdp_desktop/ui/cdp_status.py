"""The *CDP endpoint* line of the window header: coze-discord-proxy's API as last checked, and a button
to check it now. Hidden while no ``cdp_url`` is set."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ..core.cdp_endpoint import STATE_TEXT, EndpointCheck, EndpointState
from ..i18n import qt_translate

# As in widgets.py, which cannot be imported here: it loads asyncio, and this is built before the first paint.
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"
INFO_STYLE = "color: palette(placeholder-text);"


def endpoint_text(check: EndpointCheck | None, url: str) -> tuple[str, str]:
    """(text, style) for the header, in the UI language."""
    if check is None or check.url != url:
        return QCoreApplication.translate("CdpStatus", "CDP endpoint: not checked yet"), INFO_STYLE
    state = QCoreApplication.translate("CdpEndpoint", STATE_TEXT[check.state])
    if check.state is EndpointState.UP:
        detail = QCoreApplication.translate("CdpStatus", "models: {0}, {1} ms").format(
            ", ".join(check.models) or "-", check.latency_ms
        )
        return QCoreApplication.translate("CdpStatus", "CDP endpoint: {0} ({1})").format(
            state, detail
        ), OK_STYLE
    reason = check.reason.render(qt_translate) if check.reason is not None else check.detail
    if reason:
        return QCoreApplication.translate("CdpStatus", "CDP endpoint: {0} ({1})").format(
            state, reason
        ), ERROR_STYLE
    return QCoreApplication.translate("CdpStatus", "CDP endpoint: {0}").format(state), ERROR_STYLE


class CdpEndpointStatus(QWidget):
    def __init__(self, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QToolButton(self)
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(
            self.tr("Ask coze-discord-proxy for its model list now (GET /v1/models)")
        )
        self.check_button.clicked.connect(self.check_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.check_button)
        layout.addStretch(1)
        bridge.serviceReady.connect(lambda _s: self.refresh())
        bridge.channelsChanged.connect(self.refresh)
        bridge.busyChanged.connect(self._busy_changed)
        self.hide()

    def refresh(self) -> None:
        service = self.bridge.service
        url = service.config.settings.cdp_url if service is not None else None
        if not url:
            self.hide()
            return
        text, style = endpoint_text(service.cdp_endpoint, url)
        self.label.setText(text)
        self.label.setStyleSheet(style)
        self.label.setToolTip(url)
        self.show()

    def check_now(self) -> None:
        service = self.bridge.service
        if service is None or "cdp_check" in self.bridge.busy:
            return
        self.bridge.spawn(
            service.check_cdp_endpoint(),
            what=self.tr("CDP endpoint check"),
            busy="cdp_check",
        )

    def _busy_changed(self) -> None:
        self.check_button.setEnabled("cdp_check" not in self.bridge.busy)
