"""English texts from the core (run summary, re-add results, notices) show in Chinese in a Chinese UI."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cdp_desktop import i18n
from cdp_desktop.core import readd
from cdp_desktop.core.config import ConfigStore
from cdp_desktop.core.engine import RunReport, Trigger
from cdp_desktop.core.errors import EXPLANATIONS, State
from cdp_desktop.core.events import RunFinished
from cdp_desktop.core.history import ChannelResult
from cdp_desktop.core.messages import Message
from cdp_desktop.core.readd import ReaddEntry, ReaddReport
from cdp_desktop.core.schedule import Slot
from cdp_desktop.service import Notice
from cdp_desktop.service.notices import NOTICE_BODIES, NOTICE_TITLES, labels_message
from cdp_desktop.ui import texts
from cdp_desktop.ui.bridge import ServiceBridge
from cdp_desktop.ui.main_window import MainWindow
from tests.helpers.translation import cjk


def report() -> RunReport:
    now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    results = [
        ChannelResult(2, "a", 1, "#a", State.REPLIED),
        ChannelResult(2, "b", 2, "#b", State.REPLIED),
        ChannelResult(2, "c", 3, "#c", State.MISSING, message=EXPLANATIONS[State.MISSING].summary),
    ]
    return RunReport(2, Slot(date(2026, 11, 28), now), Trigger.MANUAL, results, now, now, skipped_done=["d"])


def test_english_ui_keeps_the_cores_wording() -> None:
    r = report()
    assert texts.run_summary(r) == "Run 2 (manual, slot 2026-11-28): 2 replied, 1 missing, 1 already done."
    assert r.summary.startswith("Run 2 (manual, slot 2026-11-28)")  # the CLI's text is untouched


def test_run_finished_status_bar_is_chinese(qtbot: Any, chinese: None) -> None:
    window = MainWindow(ServiceBridge())
    qtbot.addWidget(window)
    window.bridge.runFinished.emit(RunFinished(report()))
    message = window.statusBar().currentMessage()
    assert cjk(message), message
    assert "replied" not in message and "Run finished" not in message and "manual" not in message
    assert "2026-11-28" in message
    # One whole-sentence pattern: the state before its number, full-width commas, no ASCII ", ".
    assert "已回复 2，缺失 1，已完成 1" in message and ", " not in message, message


def test_readd_texts_are_chinese(chinese: None) -> None:
    rr = ReaddReport(
        [
            ReaddEntry("a", "#a", 1, 5, True, None, readd.RECREATED()),
            ReaddEntry(
                "b",
                "#b",
                2,
                None,
                False,
                State.NO_ACCESS,
                readd.NOT_ATTEMPTED(reason=EXPLANATIONS[State.RATE_LIMITED].what),
            ),
        ]
    )
    assert cjk(texts.readd_summary(rr)) and "recreated" not in texts.readd_summary(rr)
    assert cjk(texts.readd_entry_message(rr.entries[0]))
    failed = texts.readd_entry_message(rr.entries[1])
    assert "Not attempted" not in failed and "rate limiting" not in failed, failed


def test_notices_render_in_chinese_when_shown(chinese: None) -> None:
    deleted = Notice("missing", NOTICE_TITLES["missing"](), NOTICE_BODIES["missing"][0](channel="#general"))
    title, text = deleted.title.render(i18n.qt_translate), deleted.body.render(i18n.qt_translate)
    assert cjk(title) and cjk(text) and "#general" in text, (title, text)
    assert deleted.text == "#general no longer exists on Discord. Use \u201cRe-add missing channels\u201d."


def test_a_run_summary_notice_is_chinese_with_its_numbers(chinese: None) -> None:
    several_retry = NOTICE_BODIES["unreachable"][3]
    notice = Notice("unreachable", NOTICE_TITLES["unreachable"](), several_retry(count=20, retry="00:05"))
    title, text = notice.title.render(i18n.qt_translate), notice.body.render(i18n.qt_translate)
    assert cjk(title) and cjk(text) and "20" in text and "00:05" in text, (title, text)
    assert "{" not in text and "\u3002 " not in text  # no space after a Chinese full stop
    assert notice.text == "20 channels could not be reached. Retrying at 00:05."


def test_a_list_of_channels_uses_the_languages_list_comma(chinese: None) -> None:
    several = labels_message(["#a", "#b", "#c", "#d"])
    assert isinstance(several, Message)
    assert several.render() == "#a, #b, #c, \u2026"
    chinese_list = several.render(i18n.qt_translate)
    assert "#a" in chinese_list and "#b" in chinese_list and "," not in chinese_list, chinese_list


def test_config_file_warnings_are_chinese_with_the_path_and_the_setting(
    tmp_path: Path, chinese: None
) -> None:
    """A hand-edited bad setting: the warning (banner and terminal) is one Chinese sentence that keeps the
    file's path, the value and the command that fixes it; its English words stay for the log file."""
    store = ConfigStore(tmp_path)
    store.path.write_text(
        json.dumps({"schema_version": 1, "settings": {"timezone": "Europe"}, "targets": []})
    )
    (warning,) = store.load().warnings
    shown = texts.shown(warning)
    assert cjk(shown) and str(store.path) in shown and "'Europe'" in shown, shown
    assert "config set timezone" in shown and "The default is used" not in shown and "。 " not in shown
    assert str(warning).startswith(f"{store.path}: timezone: 'Europe' is not a known time zone")
