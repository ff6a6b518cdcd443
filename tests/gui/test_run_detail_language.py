"""The run details are rendered when shown: a run recorded in English reads in Chinese in a Chinese window."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from cdp_desktop.core.errors import State
from cdp_desktop.core.history import ChannelResult, LogLine, RunRecord
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service.notices import NOTICE_BODIES
from cdp_desktop.ui.run_detail import RunDetailView
from tests.helpers.translation import cjk, ui_language
from tests.helpers.window import window_on_sandbox


def test_a_run_reads_in_the_language_of_the_window_that_shows_it(
    qtbot: Any, qapp: Any, isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]
) -> None:
    with window_on_sandbox(qtbot, isolated_home, sandbox, wait_for, reply_timeout_seconds=5) as ui:
        w = ui.window
        qtbot.mouseClick(w.btn_run, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "run_now" not in w.bridge.busy, timeout=20_000)
        english = w.run_detail.toPlainText()
        assert "Replied" in english and " s)" in english, english
        with ui_language(qapp, "zh_CN"):
            w.refresh_runs()
            chinese = w.run_detail.toPlainText()
        assert cjk(chinese) and "\u5df2\u56de\u590d\uff080." in chinese, chinese  # 已回复（0.x 秒）
        assert "Replied" not in chinese and " s)" not in chinese, chinese


def test_log_lines_and_notes_render_their_messages_and_old_lines_their_text(qtbot: Any, chinese: str) -> None:
    """A line stored with a message reads in the window's language; one stored before messages existed
    keeps its English words; a result's note says what went wrong in the window's language."""
    view = RunDetailView()
    qtbot.addWidget(view)
    at = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    run = RunRecord(1, "2026-11-28", at, "manual", at, at, "error", {State.NO_ACCESS: 1})
    noted = ChannelResult(1, "a", 5, "#a", State.NO_ACCESS, note=NOTICE_BODIES["no_access"][0](channel="#a"))
    lines = [
        LogLine(1, at, "ERROR", "#a could not be reached.", NOTICE_BODIES["unreachable"][0](channel="#a")),
        LogLine(1, at, "INFO", "an old line in English"),
    ]
    view.show_run(run, "manual", UTC, [noted], lines)
    text = view.toPlainText()
    shown = [line for line in text.splitlines() if re.match(r"\d\d:\d\d:\d\d ", line)]
    assert len(shown) == 2 and cjk(shown[0]) and "#a" in shown[0] and "could not" not in shown[0], text
    assert shown[1].endswith(" an old line in English"), text
    assert "\u673a\u5668\u4eba\u65e0\u6cd5\u67e5\u770b #a" in text, text  # 机器人无法查看 #a


def test_a_temporary_channel_is_named_in_the_windows_language(qtbot: Any, chinese: str) -> None:
    """Results store the English label of a run's temporary channel; the window says it in Chinese."""
    view = RunDetailView()
    qtbot.addWidget(view)
    at = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    run = RunRecord(1, "2026-11-28", at, "manual", at, at, "ok", {State.REPLIED: 2})
    results = [
        ChannelResult(1, "t", 5, "temporary channel", State.REPLIED, reply_latency=0.4),
        ChannelResult(1, "a", 6, "#temporary channel", State.REPLIED, reply_latency=0.5),  # a real name
    ]
    view.show_run(run, "manual", UTC, results, [])
    text = view.toPlainText()
    assert "\u4e34\u65f6\u9891\u9053" in text, text  # 临时频道
    assert "#temporary channel" in text and text.count("temporary channel") == 1, text
