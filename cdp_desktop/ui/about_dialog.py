"""Help → About: what this is, which version, where its files are, where to read more."""

from __future__ import annotations

import html
import platform
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import APP_NAME, __version__

if TYPE_CHECKING:
    from .service_api import ServiceApi

DEVELOPER_PORTAL = "https://discord.com/developers/applications"
CDP_PROJECT = "https://github.com/deanxv/coze-discord-proxy"


class AboutDialog(QDialog):
    def __init__(self, service: ServiceApi | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About CDP Desktop"))
        log_dir = service.paths.log_dir if service is not None else None
        config_dir = service.paths.config_dir if service is not None else None

        def folder_link(path: Any) -> str:
            if path is None:
                return "\u2014"
            url = QUrl.fromLocalFile(str(path)).toString()
            return f"<a href='{html.escape(url)}'>{html.escape(str(path))}</a>"

        self.title = QLabel(f"<h3>{html.escape(APP_NAME)} {html.escape(__version__)}</h3>")
        self.text = QLabel(
            self.tr(
                "Posts a daily keep-alive message that mentions your Discord bot, so that bots such as Coze "
                "bots behind coze-discord-proxy stay active."
            )
        )
        self.text.setWordWrap(True)
        rows = [
            (self.tr("Version"), html.escape(__version__)),
            (
                self.tr("Built with"),
                html.escape(f"Python {platform.python_version()}, PySide6 {pyside_version}"),
            ),
            (self.tr("Log folder"), folder_link(log_dir)),
            (self.tr("Settings folder"), folder_link(config_dir)),
            (
                self.tr("Links"),
                f"<a href='{DEVELOPER_PORTAL}'>{html.escape(self.tr('Discord Developer Portal'))}</a>"
                f" \u00b7 <a href='{CDP_PROJECT}'>coze-discord-proxy</a>",
            ),
        ]
        table = "".join(
            f"<tr><td style='padding-right:10px'><b>{html.escape(k)}</b></td><td>{v}</td></tr>"
            for k, v in rows
        )
        self.details = QLabel(f"<table>{table}</table>")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.setOpenExternalLinks(False)
        self.details.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
