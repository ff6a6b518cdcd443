"""In Chinese, nothing a person sees is English: every window, dialog, the tray menu, notifications, the run
detail and banners, through a normal run, a missing channel, a silent bot, a rejected token and an offline
server, against the demo sandbox on the app's own loop (what ``--demo`` runs).

Visible text is collected the way a person reads it: labels, buttons, menus, table cells and their tooltips,
the run detail, window titles, notifications and banners. Any ASCII word outside proper names and identifiers
fails the test, with the widget it was found in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.helpers.logs import RUN_FAILURES, RUN_STOPPED, TOKEN_REJECTED
from tests.helpers.no_english import english_words

# Beyond the shared proper names: what the window shows as it is in every language (keys, the Developer
# Portal's English-only labels, HTTP methods in request details, technical acronyms, the demo's names).
GUI_ALLOWED = {
    "Ctrl", "Esc", "Shift", "Alt", "Enter", "Tab", "Del", "Space", "PgUp", "PgDown", "Home", "End",
    "Backspace", "Applications", "Reset Token", "Bot", "GET", "POST", "PUT", "PATCH", "DELETE", "HH", "MM",
    "SOCKS", "OAuth2", "DNS", "TLS", "OpenAI", "Linguist", "Secret Service", "KWallet", "Keychain",
    "Credential Manager", "Demo", "localhost", "Presence", "Server Members", "Message Content",
}  # fmt: skip
# Lower-case names with dashes or dots: model names (coze-gpt-4o), the slot marker (cdp-keepalive).
_MARKUP = re.compile(r"<(?![@#&]!?\d)[^>]+>")  # rich text tags, not mentions
_URL = re.compile(r"[a-z][a-z0-9+.-]*://[^\s（），。：]+")
_DASHED = re.compile(r"(?<![\w-])[a-z0-9]+(?:[-_.][a-z0-9]+)+(?![\w-])")
# Discord's own error text after its code is quoted as it came ("（错误 10003：Unknown Channel）").
_DISCORD_TEXT = re.compile(r"(?:\(|（错误 )\d{5}[:：] ?[^)）]*[)）]")
_UNIT = re.compile(r"(?<=\d) ?(?:s|ms|min|h)\b")  # "1.4 s": units are words too ("1.4 秒")


def _zone_pattern() -> re.Pattern[str]:
    """IANA time zone names (the time zone chooser and the countdown show them as they are), compiled once."""
    import zoneinfo

    zones = sorted(zoneinfo.available_timezones() | {"localtime"}, key=len, reverse=True)
    return re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, zones)) + r")(?![\w/-])")


_ZONES = _zone_pattern()


def english_in(text: str, names: set[str]) -> list[str]:
    plain = _URL.sub(" ", _MARKUP.sub(" ", text))  # first: a URL holds dotted names
    plain = _DASHED.sub(" ", _ZONES.sub(" ", _DISCORD_TEXT.sub(" ", plain)))
    return english_words(plain, names | GUI_ALLOWED) + _UNIT.findall(plain)


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),):
        for section in range(count):
            header = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if header:
                yield str(header)
            tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield str(tip)
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield value


def _menu_texts(menu: QMenu) -> Iterator[str]:
    menu.aboutToShow.emit()  # menus fill themselves when shown
    yield menu.title()
    for action in menu.actions():
        yield from _action_texts(action)


def _action_texts(action: QAction) -> Iterator[str]:
    if action.isSeparator() or not action.isVisible():
        return
    yield action.text().replace("&", "")
    if action.toolTip() and action.toolTip() != action.text():
        yield action.toolTip()
    if action.menu() is not None:
        yield from _menu_texts(action.menu())


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person can read in ``root`` and its visible children."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        where = f"{type(root).__name__}/{type(w).__name__}:{w.objectName()}"
        texts: list[str] = []
        if w.isWindow():
            texts.append(w.windowTitle())
        if w.toolTip():
            texts.append(w.toolTip())
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text().replace("&", ""))
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText() if not w.text() else "")
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            texts.append(w.toPlainText())
        elif isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and not isinstance(w.parent(), QComboBox):
            texts.extend(_model_texts(w))
        for action in w.actions():
            texts.extend(_action_texts(action))
        for text in texts:
            if text:
                yield where, text


class Leaks:
    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.found: dict[str, set[str]] = {}

    def check(self, where: str, text: str) -> None:
        words = english_in(text, self.names)
        if words:
            self.found.setdefault(f"{where}: {text[:160]!r}", set()).update(words)

    def check_widget(self, widget: QWidget, scene: str) -> None:
        for where, text in visible_texts(widget):
            self.check(f"[{scene}] {where}", text)

    def report(self) -> str:
        return "\n".join(f"{where} -> {sorted(words)}" for where, words in sorted(self.found.items()))


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


@pytest.mark.expect_log(*RUN_FAILURES, RUN_STOPPED, TOKEN_REJECTED)
def test_nothing_english_in_the_chinese_ui(
    qtbot: Any, tmp_path: Path, wait_for: Callable[..., Any], chinese: str
) -> None:
    from cdp_desktop.demo import start_demo
    from cdp_desktop.ui.bridge import ServiceBridge
    from cdp_desktop.ui.main_window import MainWindow
    from cdp_desktop.ui.notifications import Notifications
    from cdp_desktop.ui.tray import Tray

    service, sandbox = wait_for(start_demo(tmp_path / "demo"), timeout=30)
    service.update_config(lambda c: setattr(c.settings, "reply_timeout_seconds", 3), quiet=True)
    names = {c.get("name") or "" for c in sandbox.channels(sandbox.guild_id)}
    names |= {t.label for t in service.config.targets} | {t.name or "" for t in service.config.targets}
    names |= {str(g.get("name") or "") for g in sandbox.guilds()}
    names |= {"CDP Sandbox", "CDP Sandbox Bot", "Coze Target Bot"}  # the sandbox's guild and bot names
    bridge = ServiceBridge()
    window = MainWindow(bridge, demo=True)
    qtbot.addWidget(window)
    tray = Tray(window, demo=True)
    notifications = Notifications(window, tray)
    bridge.attach(service)
    leaks = Leaks(names)
    try:
        window.show()
        qtbot.waitExposed(window)
        wait_for(service.wait_connected(10), timeout=15)

        def run(scene: str, force: bool = True) -> None:
            wait_for(service.run_now(force=force), timeout=60)
            qtbot.wait(300)  # the window follows the finished run
            window.refresh_runs(newest=True)
            leaks.check_widget(window, scene)

        run("normal run")
        demo = service.demo
        demo.delete_channel()
        run("missing channel")
        wait_for(service.readd_missing(), timeout=30)
        qtbot.wait(300)
        leaks.check_widget(window, "after re-add")
        demo.silence_target(True)
        run("silent bot")
        demo.silence_target(False)

        # Every dialog, opened from the window as a person does, read, then closed.
        for opener in (
            "open_settings",
            "open_token",
            "open_import_cdp",
            "open_first_run",
            "open_about",
            "add_channel",
            "edit_channel",
            "show_channel_detail",
        ):
            if opener in ("edit_channel", "show_channel_detail"):
                window.select_uid(service.config.targets[0].uid)
            getattr(window, opener)()
            qtbot.waitUntil(lambda: bool(_open_dialogs()), timeout=5000)
            for dlg in _open_dialogs():
                leaks.check_widget(dlg, opener)
                dlg.reject()
            qtbot.waitUntil(lambda: not _open_dialogs(), timeout=5000)

        tray.menu.aboutToShow.emit()
        for action in tray.menu.actions():
            for text in _action_texts(action):
                leaks.check("[tray] menu", text)

        # What a person sees while typing: a bad channel ID, a proxy that does not answer, a bad proxy URL.
        window.add_channel()
        qtbot.waitUntil(lambda: bool(_open_dialogs()), timeout=5000)
        [editor] = _open_dialogs()
        editor.channel_edit.setText("12ab")
        editor.guild_edit.setText("1")
        qtbot.wait(300)
        leaks.check_widget(editor, "editor with bad input")
        editor.reject()
        qtbot.waitUntil(lambda: not _open_dialogs(), timeout=5000)
        for proxy in ("http://127.0.0.1:9", "ftp//nonsense"):
            window.open_settings()
            qtbot.waitUntil(lambda: bool(_open_dialogs()), timeout=5000)
            [settings] = _open_dialogs()
            settings.proxy_edit.setText(proxy)
            if settings.test_button.isEnabled():
                settings.test_button.click()
                qtbot.waitUntil(lambda s=settings: s.test_button.isEnabled(), timeout=20000)
            qtbot.wait(300)
            leaks.check_widget(settings, f"settings, proxy {proxy}")
            settings.reject()
            qtbot.waitUntil(lambda: not _open_dialogs(), timeout=5000)

        demo.go_offline()
        qtbot.wait(4000)
        leaks.check_widget(window, "offline")
        run("offline run")
        demo.go_online()
        wait_for(service.wait_connected(20), timeout=25)

        demo.revoke_token()
        run("rejected token")
        demo.restore_token()

        for entry in notifications.shown:
            for text in entry[1:]:
                leaks.check("[notification]", text)
        for _level, text in window.banners.messages():
            leaks.check("[banner]", text)
    finally:
        bridge.detach()
        wait_for(service.stop(), timeout=10)
        wait_for(sandbox.stop(), timeout=10)
    assert not leaks.found, "English in the Chinese UI:\n" + leaks.report()
