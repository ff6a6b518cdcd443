"""A run recorded while English was active reads in Chinese after the language is switched: the history
stores what the engine said as message keys and parameters, and the window renders them when shown."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop.core.errors import State
from cdp_desktop.core.history import History
from cdp_desktop.ui.models import state_explanation
from cdp_desktop.ui.texts import shown
from tests.core.test_engine import SILENT_BOT, World
from tests.helpers.translation import cjk, ui_language

# Words of the engine's English sentences; none of them may survive in the Chinese rendering.
ENGLISH = re.compile(r"\b(Run|started|slot|scheduled|channel|replied|reply|within|sent|ok|no_reply)\b")


@pytest.fixture
def switch_to_chinese(qapp: Any) -> Iterator[Callable[[], str]]:
    """Call it to switch the running application to Chinese (undone after the test)."""
    with ExitStack() as stack:
        yield lambda: stack.enter_context(ui_language(qapp, "zh_CN"))


def record_english_run(path: Path) -> int:
    """A real engine run (one channel whose bot replies, one whose bot is silent), recorded in English."""
    w = World(path)
    w.discord.time_scale = 0.05  # the 2 s reply timeout takes 0.1 s
    w.channel("talk"), w.channel("silent", mention=SILENT_BOT)
    report = w.run()
    w.history.add_log(report.run_id, datetime.now(UTC), "INFO", "an older line, stored as plain text")
    w.history.close()
    return int(report.run_id)


def test_a_run_recorded_in_english_reads_in_chinese_after_the_switch(
    tmp_path: Path, switch_to_chinese: Any
) -> None:
    run_id = record_english_run(tmp_path / "history.sqlite")
    with History(tmp_path / "history.sqlite") as history:
        lines, results = history.run_log(run_id), history.results_for_run(run_id)
    english = [shown(line.message()) for line in lines]
    assert english[0].startswith(f"Run {run_id} started: slot 2025-03-01, scheduled, 2 channel")
    assert any(t.startswith("#talk: replied in ") for t in english), english
    assert [shown(line.message()) for line in lines] == [line.text for line in lines]  # as the log file says
    silent = next(r for r in results if r.state is State.NO_REPLY)
    assert shown(silent.explanation()) == "No reply within 2 s."

    switch_to_chinese()
    chinese = [shown(line.message()) for line in lines]
    engine_lines = chinese[:-1]
    assert all(cjk(t) and not ENGLISH.search(t) for t in engine_lines), engine_lines
    assert chinese[0].startswith(f"第 {run_id} 次运行开始：时段 2025-03-01，计划，2 个频道")
    talk = next(t for t in chinese if t.startswith("#talk"))
    assert re.fullmatch(r"#talk：已回复（\d+\.\d 秒）——.+", talk), talk  # full-width, seconds in Chinese
    assert chinese[-1] == "an older line, stored as plain text"  # a row without a message: its own text
    assert shown(silent.explanation()) == "2 秒内没有回复。"
    tooltip = state_explanation(silent.state, silent.explanation())
    assert cjk(tooltip) and "2 秒内没有回复。" in tooltip and not ENGLISH.search(tooltip), tooltip
    summary = chinese[-2]
    assert summary == f"第 {run_id} 次运行（计划，时段 2025-03-01）：未回复 1，已回复 1。", summary
    assert "。 " not in "".join(chinese)
