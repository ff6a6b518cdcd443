"""Dialogs grow with their text: nothing cut, nothing drawn over something else, in English and Chinese,
at the default size. Seen before: the editor's second error line cut, "Placeholders" under the text box,
Settings' presence-intents text and placeholder error cut."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cdp_desktop.ui.channel_editor import ChannelEditor
from cdp_desktop.ui.settings_dialog import SettingsDialog
from tests.gui.dialog_support import make_service, opened


@pytest.fixture
def offline(isolated_home: Path, wait_for: Callable[..., Any]) -> Iterator[Any]:
    service = make_service(isolated_home, None)
    yield service
    wait_for(service.stop(), timeout=10)


def global_rect(w: QWidget) -> QRect:
    return QRect(w.mapTo(w.window(), w.rect().topLeft()), w.size())


def check_layout(qtbot: Any, dialog: QWidget) -> None:
    qtbot.wait(300)  # deferred fits run (a message claims its height, then the window grows)
    QApplication.processEvents()
    shown = [w for w in dialog.findChildren(QWidget) if w.isVisible() and w.window() is dialog]
    labels = [w for w in shown if isinstance(w, QLabel) and w.text()]
    for label in labels:
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            assert label.height() >= need, f"{label.text()!r} is cut: {label.height()} < {need}"
        else:
            assert label.width() >= label.minimumSizeHint().width(), f"{label.text()!r} is cut"
        assert dialog.rect().contains(global_rect(label)), f"{label.text()!r} is outside the dialog"
    # Visible leaf labels never overlap another visible leaf widget of the dialog.
    leaves = [w for w in shown if not [c for c in w.findChildren(QWidget) if c.isVisible()]]
    for label in labels:
        r = global_rect(label)
        for other in leaves:
            if other is label or label.isAncestorOf(other) or other.isAncestorOf(label):
                continue
            inter = r.intersected(global_rect(other))
            assert inter.isEmpty() or inter.height() <= 1, (label.text(), type(other).__name__, inter)


def test_channel_editor_grows_with_its_messages(qtbot: Any, language: str, offline: Any) -> None:
    editor = opened(qtbot, ChannelEditor(offline))
    qtbot.waitUntil(lambda: editor.loaded, timeout=10_000)
    check_layout(qtbot, editor)
    editor.guild_edit.setText("12")  # not an ID: a long error under the field
    editor.channel_edit.setText("x" * 30)
    editor.template_group.setChecked(True)
    editor.template_edit.setPlainText("{nope} " + "long words " * 20)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    check_layout(qtbot, editor)
    editor.guild_edit.setText("1100000000000000001")  # valid again: the message goes, no gap is left
    check_layout(qtbot, editor)


def test_settings_grow_with_their_messages(qtbot: Any, language: str, offline: Any) -> None:
    dialog = opened(qtbot, SettingsDialog(offline))
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        check_layout(qtbot, dialog)
    dialog.template_edit.setText("{nope} and more")
    dialog.proxy_edit.setText("ftp://example")
    assert not dialog.save()
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        check_layout(qtbot, dialog)
