"""The Chinese translation: complete, compiled, loadable, and consistent with the sources."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from cdp_desktop import i18n
from cdp_desktop.core.errors import EXPLANATIONS, State

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "cdp_desktop_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d")


def messages(path: Path) -> Iterator[tuple[str, str, ET.Element]]:
    for ctx in ET.parse(path).getroot().findall("context"):
        for message in ctx.findall("message"):
            yield ctx.findtext("name") or "", message.findtext("source") or "", message


def translated(message: ET.Element) -> list[str]:
    """The translation's text, or each of its plural forms (``%n`` messages)."""
    translation = message.find("translation")
    if translation is None:
        return []
    forms = [f.text or "" for f in translation.findall("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


@pytest.fixture
def zh_cn(qapp: Any) -> Iterator[QTranslator]:
    qm = i18n.find_translation("zh_CN")
    assert qm is not None, "resources/translations/cdp_desktop_zh_CN.qm is missing"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_zh_cn_qm_translates_known_strings(zh_cn: QTranslator) -> None:
    tr = QCoreApplication.translate
    assert tr("MainWindow", "Demo") == "演示"  # the demo window is titled "演示 — CDP Desktop"
    assert tr("RunsPanel", "Recent runs") == "最近的运行"
    assert tr("State", EXPLANATIONS[State.MISSING].summary) == "该频道在 Discord 上已不存在。"
    assert tr("Tray", "Run keep-alive now") == "立即运行保活"
    assert tr("ChannelEditor", "Add channel") == "添加频道"
    assert tr(i18n.CONTEXT, "show the configured channels") == "显示已配置的频道"  # the CLI's _()
    # An unknown text falls back to English rather than to nothing.
    assert tr("MainWindow", "no such text") == "no such text"


def test_every_state_text_is_translated(zh_cn: QTranslator) -> None:
    for explanation in EXPLANATIONS.values():
        for text in filter(None, (explanation.summary, explanation.action)):
            translated = QCoreApplication.translate("State", text)
            assert translated != text and re.search(r"[\u4e00-\u9fff]", translated), text


def test_no_message_is_unfinished_or_empty() -> None:
    bad = [
        (ctx, source)
        for ctx, source, message in messages(TS)
        if message.find("translation") is None
        or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not all(text.strip() for text in translated(message) or [""])
    ]
    assert bad == []
    assert sum(1 for _ in messages(TS)) > 300


def test_placeholders_and_accelerators_survive_translation() -> None:
    for ctx, source, message in messages(TS):
        for translation in translated(message):
            found = sorted(PLACEHOLDER.findall(translation))
            assert sorted(PLACEHOLDER.findall(source)) == found, (ctx, source)
            assert ("%n" in source) == ("%n" in translation), (ctx, source)
            if re.search(r"&\w", source):
                assert re.search(r"&\w", translation), (ctx, source)


def test_translation_files_are_up_to_date() -> None:
    """Fails when a string was added or changed without running scripts/update_translations.py."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.expect_log(
    r"^cdp_desktop\.service: .+ is damaged \(file is not a database\)\. It was moved to ",
    r"^cdp_desktop\.service: .+ was written by a newer version .+ Channel states and past runs",
)
def test_history_and_lock_errors_and_service_warnings_read_in_chinese(
    zh_cn: QTranslator, tmp_path: Path
) -> None:
    """What the window shows (``texts.shown`` for the banners, ``texts.error_text`` for a failed start or
    action) when the history is damaged, written by a newer version or busy, or a lock is held too long:
    Chinese sentences, SQLite's own words kept as they came; ``str()`` stays English for the log file."""
    import sqlite3

    from cdp_desktop.core.history import SCHEMA_VERSION, History, HistoryBusy, HistoryNewer
    from cdp_desktop.core.history_errors import BUSY
    from cdp_desktop.core.locking import READDING, LockTimeout
    from cdp_desktop.paths import AppPaths
    from cdp_desktop.service import AppService
    from cdp_desktop.ui import texts
    from tests.helpers.no_english import english_words

    def chinese(text: str, *quoted: str) -> None:
        assert re.search(r"[\u4e00-\u9fff]", text) and not english_words(text, quoted), text

    home = tmp_path / "home"
    home.mkdir()
    (home / "history.sqlite3").write_bytes(b"\0" * 8192)  # zeros: not a database
    service = AppService(AppPaths.resolve(home), history_optional=True)
    try:
        (moved,) = service.load_warnings
        assert str(moved).endswith("; a new history was started.")  # the log file's English
        chinese(texts.shown(moved), "file is not a database")
    finally:
        service.history.close()

    db = sqlite3.connect(home / "history.sqlite3")
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    service = AppService(AppPaths.resolve(home), history_optional=True)
    try:
        (left_out,) = service.load_warnings
        assert "newer version" in str(left_out)
        chinese(texts.shown(left_out))
    finally:
        service.history.close()
    with pytest.raises(HistoryNewer) as newer:
        History(home / "history.sqlite3")
    chinese(texts.error_text(newer.value))

    busy = HistoryBusy(BUSY(path=str(home / "history.sqlite3")))
    assert str(busy).startswith("another cdp-desktop process is writing ")
    chinese(texts.error_text(busy), "cdp-desktop")

    readd = LockTimeout(READDING(seconds="120", path=str(home / "readd.lock")))  # a re-add waited too long
    assert str(readd).startswith("another cdp-desktop process has been re-adding missing channels for more")
    chinese(texts.error_text(readd), "cdp-desktop")
    assert "120 秒" in texts.error_text(readd)


def test_a_daemon_notice_line_is_one_chinese_sentence(
    zh_cn: QTranslator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The daemon logs a notice as "title: body": on a Chinese terminal the two parts are joined by a
    full-width colon (one translated pattern, not an ASCII colon between Chinese parts); the log file keeps
    the English."""
    import logging

    from cdp_desktop.cli_context import TerminalFormatter
    from cdp_desktop.logs import RedactingFilter
    from cdp_desktop.service.events import Notice
    from cdp_desktop.service.notices import NOTICE_TITLES

    monkeypatch.setattr(
        i18n, "_active", True
    )  # the command line's language is Chinese (the .qm is installed)
    notice = Notice("token_invalid", NOTICE_TITLES["token_invalid"](), EXPLANATIONS[State.TOKEN_INVALID].what)
    record = logging.LogRecord(
        "cdp_desktop.cli_runtime", logging.WARNING, __file__, 1, "%s", (notice.line,), None
    )
    RedactingFilter().filter(record)
    assert (
        logging.Formatter("%(message)s").format(record)
        == "Bot token rejected: Discord rejected the bot token."
    )
    line = TerminalFormatter(tracebacks=False).format(record)
    assert line.startswith("cdp-desktop：警告：机器人令牌被拒绝：Discord "), line
    assert ": " not in line and re.search(r"[\u4e00-\u9fff]$|。$", line), line
