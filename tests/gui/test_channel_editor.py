"""The channel editor on real widgets, with the real AppService against the sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cdp_desktop.core.config import Target
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.ui.channel_editor import ChannelEditor
from tests.gui.dialog_support import connect, make_service, opened, saved_config


@pytest.fixture
def online(isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]) -> Iterator[AppService]:
    service = make_service(isolated_home, sandbox)
    connect(service, sandbox, wait_for)
    yield service
    wait_for(service.stop(), timeout=10)


@pytest.fixture
def online_minimal(
    isolated_home: Path, sandbox: SandboxThread, wait_for: Callable[..., Any]
) -> Iterator[AppService]:
    service = make_service(isolated_home, sandbox)
    connect(service, sandbox, wait_for, presence=False)
    yield service
    wait_for(service.stop(), timeout=10)


@pytest.fixture
def offline(isolated_home: Path, wait_for: Callable[..., Any]) -> Iterator[AppService]:
    service = make_service(isolated_home, None)  # never started: no client, list_guilds() is []
    yield service
    wait_for(service.stop(), timeout=10)


def open_editor(qtbot: Any, service: AppService, target: Target | None = None) -> ChannelEditor:
    editor = opened(qtbot, ChannelEditor(service, target=target))
    qtbot.waitUntil(lambda: editor.loaded, timeout=10_000)
    return editor


def save(qtbot: Any, editor: ChannelEditor) -> None:
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def click_save_and_wait_for_error(qtbot: Any, editor: ChannelEditor) -> str:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.error.kind == "error" and editor.save_button.isEnabled(), timeout=10_000)
    return editor.error.text()


def test_add_channel_with_the_picker(qtbot: Any, online: AppService, sandbox: SandboxThread) -> None:
    editor = open_editor(qtbot, online)
    assert editor.pick_radio.isChecked() and editor.pick_radio.isEnabled()
    editor.guild_combo.setCurrentIndex(editor.guild_combo.findData(sandbox.guild_id))
    channel_id = sandbox.text_channel_ids[2]  # keepalive-2
    editor.channel_combo.setCurrentIndex(editor.channel_combo.findData(channel_id))
    assert editor.bot_combo.currentData() == sandbox.target_bot_id
    assert editor.name_edit.text() == "keepalive-2"
    assert "@" in editor.preview.text()

    save(qtbot, editor)

    assert not editor.isVisible()
    [target] = online.config.targets
    assert (target.guild_id, target.channel_id, target.mention_id) == (
        sandbox.guild_id,
        channel_id,
        sandbox.target_bot_id,
    )
    assert target.name == "keepalive-2" and target.category_id == sandbox.category_id
    on_disk = saved_config(online.paths.config_dir)["targets"]
    assert [t["channel_id"] for t in on_disk] == [str(channel_id)]


def test_without_members_intent_the_bot_id_is_pasted(
    qtbot: Any, online_minimal: AppService, sandbox: SandboxThread
) -> None:
    editor = open_editor(qtbot, online_minimal)
    assert editor.pick_radio.isChecked() and "Server Members intent" in editor.bot_message.text()
    editor.channel_combo.setCurrentIndex(editor.channel_combo.findData(sandbox.text_channel_ids[0]))
    editor.bot_combo.setEditText("not-an-id")
    assert "not a Discord ID" in editor.bot_message.text()
    editor.bot_combo.setEditText(f"<@{sandbox.target_bot_id}>")
    assert editor.bot_message.kind != "error"

    save(qtbot, editor)

    assert online_minimal.config.targets[0].mention_id == sandbox.target_bot_id


def test_add_channel_with_typed_ids_is_verified(
    qtbot: Any, online: AppService, sandbox: SandboxThread
) -> None:
    editor = open_editor(qtbot, online)
    editor.manual_radio.setChecked(True)
    channel_id = sandbox.text_channel_ids[1]  # keepalive-1, topic "Daily keep-alive"
    qtbot.keyClicks(editor.guild_edit.edit, str(sandbox.guild_id))
    qtbot.keyClicks(editor.channel_edit.edit, str(channel_id))
    qtbot.keyClicks(editor.mention_edit.edit, f"<@{sandbox.target_bot_id}>")
    assert editor.name_edit.text() == ""

    save(qtbot, editor)

    [target] = online.config.targets
    assert target.channel_id == channel_id and target.mention_id == sandbox.target_bot_id
    # Remembered from Discord so that a deleted channel can be recreated as it was.
    assert (target.name, target.topic, target.category_id) == (
        "keepalive-1",
        "Daily keep-alive",
        sandbox.category_id,
    )


def test_inline_message_for_a_non_numeric_id(qtbot: Any, online: AppService) -> None:
    editor = open_editor(qtbot, online)
    editor.manual_radio.setChecked(True)
    qtbot.keyClicks(editor.channel_edit.edit, "general")
    assert editor.channel_edit.message.isVisible()
    assert "not a Discord ID" in editor.channel_edit.message.text()
    assert not editor.channel_edit.is_valid()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and online.config.targets == []
    assert editor.guild_edit.message.text()  # the empty required field is reported too
    editor.channel_edit.edit.clear()
    assert not editor.channel_edit.message.isVisible()


def test_duplicate_channel_is_refused_and_the_dialog_stays_open(
    qtbot: Any, online: AppService, sandbox: SandboxThread
) -> None:
    channel_id = sandbox.text_channel_ids[0]
    online.add_target(Target(guild_id=sandbox.guild_id, channel_id=channel_id, name="general"))
    editor = open_editor(qtbot, online)
    editor.manual_radio.setChecked(True)
    editor.guild_edit.setText(str(sandbox.guild_id))
    editor.channel_edit.setText(str(channel_id))
    editor.mention_edit.setText(str(sandbox.target_bot_id))

    text = click_save_and_wait_for_error(qtbot, editor)

    assert f"Channel {channel_id} is already configured" in text
    assert editor.channel_edit.message.text() == text
    assert editor.isVisible() and len(online.config.targets) == 1


def test_unknown_channel_is_refused_when_online(
    qtbot: Any, online: AppService, sandbox: SandboxThread
) -> None:
    editor = open_editor(qtbot, online)
    editor.manual_radio.setChecked(True)
    editor.guild_edit.setText(str(sandbox.guild_id))
    editor.channel_edit.setText("123456789012345678")
    editor.mention_edit.setText(str(sandbox.target_bot_id))

    text = click_save_and_wait_for_error(qtbot, editor)

    assert "cannot see channel 123456789012345678" in text
    assert online.config.targets == []


def test_offline_typed_ids_are_saved_with_a_note(qtbot: Any, offline: AppService) -> None:
    editor = open_editor(qtbot, offline)
    assert "cannot be verified" in editor.note.text()
    assert not editor.pick_radio.isEnabled() and editor.manual_radio.isChecked()
    editor.guild_edit.setText("1100000000000000001")
    editor.channel_edit.setText("1100000000000000002")
    editor.name_edit.setText("keep-alive-here")
    editor.no_bot_check.setChecked(True)  # the explicit choice

    save(qtbot, editor)

    [target] = offline.config.targets
    assert (target.channel_id, target.name, target.mention_id) == (
        1100000000000000002,
        "keep-alive-here",
        None,
    )


def test_temporary_channel_in_a_category(qtbot: Any, online: AppService, sandbox: SandboxThread) -> None:
    editor = open_editor(qtbot, online)
    editor.temporary_check.setChecked(True)
    assert editor.category_combo.isVisible() and not editor.channel_combo.isVisible()
    editor.category_combo.setCurrentIndex(editor.category_combo.findData(sandbox.category_id))

    save(qtbot, editor)

    [target] = online.config.targets
    assert target.is_temporary and target.category_id == sandbox.category_id and target.name == "keep-alive"


def test_template_override_preview_and_validation(qtbot: Any, offline: AppService) -> None:
    editor = open_editor(qtbot, offline)
    editor.template_group.setChecked(True)
    editor.mention_edit.setText("1100000000000000009")
    editor.name_edit.setText("bots")
    editor.template_edit.setPlainText("{mention} wake up in #{channel}")
    # What the engine sends: the same function renders it, marker line included.
    first_line, marker = editor.preview.text().split("\n")
    assert first_line == "<@1100000000000000009> wake up in #bots"
    assert marker.startswith("-# cdp-keepalive ")

    editor.template_edit.setPlainText("hello {nobody}")
    assert "Unknown placeholder {nobody}" in editor.template_message.text()
    editor.guild_edit.setText("1100000000000000001")
    editor.channel_edit.setText("1100000000000000002")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and offline.config.targets == []

    editor.template_edit.setPlainText("{mention} ping")
    save(qtbot, editor)
    assert offline.config.targets[0].template == "{mention} ping"


def test_edit_keeps_uid_and_disables(qtbot: Any, offline: AppService) -> None:
    original = Target(guild_id=1100000000000000001, channel_id=1100000000000000002, name="old")
    offline.add_target(original)
    editor = open_editor(qtbot, offline, target=offline.config.targets[0])
    assert editor.channel_edit.text() == "1100000000000000002"
    editor.name_edit.setText("renamed")
    editor.enabled_check.setChecked(False)

    save(qtbot, editor)

    [target] = offline.config.targets
    assert (target.uid, target.name, target.enabled) == (original.uid, "renamed", False)


def test_the_target_bot_is_required_unless_explicitly_left_out(
    qtbot: Any, online_minimal: AppService, sandbox: SandboxThread
) -> None:
    editor = open_editor(qtbot, online_minimal)
    assert all("nobody" not in editor.bot_combo.itemText(i) for i in range(editor.bot_combo.count()))
    editor.channel_combo.setCurrentIndex(editor.channel_combo.findData(sandbox.text_channel_ids[0]))
    editor.bot_combo.setEditText("")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Choose the target bot" in editor.bot_message.text()
    assert editor.isVisible() and online_minimal.config.targets == []

    editor.no_bot_check.setChecked(True)  # the explicit choice, which says what it means
    assert "no bot is pinged" in editor.no_bot_check.text()
    assert not editor.bot_combo.isEnabled()
    save(qtbot, editor)
    assert online_minimal.config.targets[0].mention_id is None


def test_typed_ids_need_the_bot_too_and_templates_need_mention(qtbot: Any, offline: AppService) -> None:
    editor = open_editor(qtbot, offline)
    editor.guild_edit.setText("1100000000000000001")
    editor.channel_edit.setText("1100000000000000002")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Choose the target bot" in editor.mention_edit.message.text()
    editor.mention_edit.setText("1100000000000000009")
    editor.template_group.setChecked(True)
    editor.template_edit.setPlainText("good morning {channel}")
    assert "has no {mention}" in editor.template_message.text()
    assert editor.preview.text() == ""
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and offline.config.targets == []
    editor.template_edit.setPlainText("{mention} good morning")
    save(qtbot, editor)
    assert offline.config.targets[0].template == "{mention} good morning"


def test_preview_is_the_engines_message(qtbot: Any, offline: AppService) -> None:
    from datetime import datetime

    from cdp_desktop.core import schedule
    from cdp_desktop.core.message import compose_message

    editor = open_editor(qtbot, offline)
    editor.mention_edit.setText("1100000000000000009")
    editor.name_edit.setText("general")
    s = offline.config.settings
    slot = schedule.next_slot(datetime.now(s.zone()), s.time_of_day, s.zone(), s.jitter_seconds)
    expected = compose_message(
        s.message_template, mention_id=1100000000000000009, slot=slot, zone=s.zone(), channel_name="general"
    )
    assert editor.preview.text() == expected
