"""One model of what is due, in words on each row, and Run now / Send again now that agree with it.

Before: after a re-add a row said *Pending* while Run now said nothing was due; a manual run before today's
slot was labelled with yesterday's date only; Run now with a rejected token answered nothing; the window
could not send again today.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cdp_desktop.core.config import Target
from cdp_desktop.core.errors import State
from cdp_desktop.sandbox.thread import SandboxThread
from tests.helpers.logs import TOKEN_REJECTED
from tests.helpers.window import Ui, window_on_sandbox


@pytest.fixture
def ui(qtbot: Any, isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]) -> Iterator[Ui]:
    with window_on_sandbox(
        qtbot, isolated_home, sandbox, wait_for, reply_timeout_seconds=2, jitter_seconds=0
    ) as ui:
        yield ui


def words(ui: Ui) -> list[str]:
    m = ui.window.channels_model
    return [m.data(m.index(i, m.COL_SUCCESS)) for i in range(m.rowCount())]


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def run_and_wait(qtbot: Any, ui: Ui) -> None:
    click(qtbot, ui.window.btn_run)
    qtbot.waitUntil(lambda: "run_now" not in ui.window.bridge.busy, timeout=20_000)


def sent_count(sandbox: SandboxThread, channel_id: int) -> int:
    return sum(
        1 for m in sandbox.messages(channel_id) if str(m["author"]["id"]) != str(sandbox.target_bot_id)
    )


def test_rows_say_when_they_are_due_and_run_now_then_send_again(
    qtbot: Any, ui: Ui, sandbox: SandboxThread
) -> None:
    w = ui.window
    assert all(text.startswith("due since today at 00:00") for text in words(ui)), words(ui)
    new = Target(
        guild_id=sandbox.guild_id,
        channel_id=sandbox.text_channel_ids[2],
        mention_id=sandbox.target_bot_id,
        name="fresh",
    )
    ui.service.add_target(new)
    assert words(ui)[2] == "added today \u2014 first keep-alive tomorrow at 00:00"

    run_and_wait(qtbot, ui)
    assert "Run finished" in w.statusBar().currentMessage()
    assert all(text.startswith("sent today at ") and "next tomorrow at 00:00" in text for text in words(ui))
    first = ui.service.config.targets[0].channel_id
    assert sent_count(sandbox, first) == 1

    # Everything is done: the click still answers, and offers to send again.
    run_and_wait(qtbot, ui)
    box = w._dialogs["send_again"]
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "All 3 channel(s) already got the keep-alive for today at 00:00" in box.text()
    again = next(b for b in box.buttons() if b.text() == "Send again now")
    click(qtbot, again)
    qtbot.waitUntil(lambda: "run_now" not in w.bridge.busy, timeout=20_000)
    qtbot.waitUntil(lambda: sent_count(sandbox, first) == 2, timeout=5000)

    # One channel again, from the Channels menu.
    w.table.selectRow(1)
    assert w.act_again.isEnabled()
    w.act_again.trigger()
    qtbot.waitUntil(lambda: "run_now" not in w.bridge.busy, timeout=20_000)
    second = ui.service.config.targets[1].channel_id
    qtbot.waitUntil(lambda: sent_count(sandbox, second) == 3, timeout=5000)
    assert sent_count(sandbox, first) == 2


def test_after_a_re_add_the_row_and_run_now_agree(qtbot: Any, ui: Ui, sandbox: SandboxThread) -> None:
    w = ui.window
    run_and_wait(qtbot, ui)
    gone = ui.service.config.targets[0]
    sandbox.delete_channel(gone.channel_id)
    qtbot.waitUntil(lambda: ui.states()[gone.uid] == State.MISSING, timeout=10_000)
    click(qtbot, w.btn_readd)
    qtbot.waitUntil(lambda: "readd" not in w.bridge.busy, timeout=15_000)
    assert ui.states()[gone.uid] != State.PENDING
    assert words(ui)[0].startswith("sent today at "), words(ui)
    run_and_wait(qtbot, ui)  # consistent: nothing due, and the window says so
    assert w._dialogs["send_again"].isVisible()


def test_a_manual_run_before_todays_slot_says_which_keep_alive_it_was(
    qtbot: Any, ui: Ui, sandbox: SandboxThread
) -> None:
    now = datetime.now().astimezone()
    if now.hour == 23:
        pytest.skip("needs a slot later today")  # pragma: no cover - only in the last hour of the day
    later = (now + timedelta(hours=1)).strftime("%H:%M")
    ui.service.update_config(lambda c: c.set_setting("schedule_time", later))
    run_and_wait(qtbot, ui)
    heading = ui.window.run_detail.toPlainText().splitlines()[0]
    assert heading.startswith("Manual run today at "), heading
    assert heading.endswith(f"for the keep-alive due yesterday at {later}"), heading


@pytest.mark.expect_log(TOKEN_REJECTED)
def test_run_now_with_a_rejected_token_says_so(qtbot: Any, ui: Ui, sandbox: SandboxThread) -> None:
    sandbox.revoke_token()
    sandbox.close_gateways(4004, "Authentication failed")
    qtbot.waitUntil(lambda: ui.service.connection.state == "token_invalid", timeout=20_000)
    ui.window.banners.clear()
    click(qtbot, ui.window.btn_run)
    qtbot.waitUntil(lambda: "run_now" not in ui.window.bridge.busy, timeout=20_000)
    texts = [t for lvl, t in ui.window.banners.messages() if lvl == "error"]
    assert any("rejected the bot token" in t for t in texts), ui.window.banners.messages()
    assert "rejected the bot token" in ui.window.statusBar().currentMessage()
