"""The settings dialog: validated like `config set`, saved to config.json, proxy Test against the sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime

from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import AppService
from cdp_desktop.ui import autostart
from cdp_desktop.ui.settings_dialog import SettingsDialog
from tests.gui.dialog_support import make_service, opened, saved_config


@pytest.fixture
def service(isolated_home: Path, wait_for: Callable[..., Any]) -> Iterator[AppService]:
    svc = make_service(isolated_home, None)  # settings work offline and without a token
    yield svc
    wait_for(svc.stop(), timeout=10)


def test_bad_proxy_scheme_is_shown_and_nothing_is_saved(qtbot: Any, service: AppService) -> None:
    dialog = opened(qtbot, SettingsDialog(service))
    dialog.time_edit.setTime(QTime(6, 15))
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.proxy_edit, "ftp://127.0.0.1:21")
    assert "no supported scheme" in dialog.messages["proxy_url"].text()
    dialog.tabs.setCurrentIndex(0)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1  # the offending field is brought into view
    assert "Not saved" in dialog.error.text()
    assert not (service.paths.config_dir / "config.json").exists()
    assert service.config.settings.schedule_time == "00:00" and service.config.settings.proxy_url is None


def test_unknown_time_zone_is_refused(qtbot: Any, service: AppService) -> None:
    dialog = opened(qtbot, SettingsDialog(service))
    dialog.zone_combo.setEditText("Mars/Olympus_Mons")
    assert "not a known time zone" in dialog.messages["timezone"].text()
    assert not dialog.save()
    assert service.config.settings.timezone is None


def test_valid_changes_are_saved_to_config_json(qtbot: Any, service: AppService) -> None:
    dialog = opened(qtbot, SettingsDialog(service))
    dialog.time_edit.setTime(QTime(7, 30))
    dialog.zone_combo.setEditText("Asia/Shanghai")
    dialog.jitter_spin.setValue(15)
    dialog.catch_up_check.setChecked(False)
    dialog.reply_spin.setValue(90)
    dialog.proxy_edit.setText("socks5://127.0.0.1:1080")
    dialog.notify_check.setChecked(False)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.intents_check.setChecked(True)

    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    settings = saved_config(service.paths.config_dir)["settings"]
    assert settings["schedule_time"] == "07:30" and settings["timezone"] == "Asia/Shanghai"
    assert (settings["jitter_seconds"], settings["catch_up"], settings["reply_timeout_seconds"]) == (
        15,
        False,
        90,
    )
    assert settings["proxy_url"] == "socks5://127.0.0.1:1080" and settings["notifications"] is False
    assert settings["language"] == "zh_CN" and settings["presence_intents"] is True

    # Opened again, the dialog shows what was saved; "System" stays "system" (None).
    again = opened(qtbot, SettingsDialog(service))
    assert again.time_edit.time() == QTime(7, 30) and again.zone_combo.raw_value() == "Asia/Shanghai"
    again.zone_combo.setEditText(again.zone_combo.system_text)
    again.proxy_edit.clear()
    assert again.save()
    settings = saved_config(service.paths.config_dir)["settings"]
    assert settings["timezone"] is None and settings["proxy_url"] is None


def test_proxy_test_button_reports_success_and_failure(
    qtbot: Any, service: AppService, sandbox: SandboxThread
) -> None:
    dialog = opened(qtbot, SettingsDialog(service))
    dialog.api_edit.setText(sandbox.api_base)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_result.kind == "ok", timeout=10_000)
    assert sandbox.api_base in dialog.test_result.text()

    dialog.proxy_edit.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_result.kind == "error", timeout=15_000)
    assert dialog.test_result.text().startswith("Failed")
    assert dialog.test_button.isEnabled()
    assert not (service.paths.config_dir / "config.json").exists()  # testing saves nothing


def test_start_at_login_writes_an_xdg_autostart_entry(
    qtbot: Any, service: AppService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not autostart.supported():
        pytest.skip("XDG autostart is Linux only")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    dialog = opened(qtbot, SettingsDialog(service))
    assert dialog.autostart_check.isEnabled() and not dialog.autostart_check.isChecked()
    dialog.autostart_check.setChecked(True)
    assert dialog.save()
    entry = tmp_path / "xdg-config" / "autostart" / "io.github.cdp_desktop.CdpDesktop.desktop"
    assert "Exec=" in entry.read_text(encoding="utf-8")
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]

    again = opened(qtbot, SettingsDialog(service))
    assert again.autostart_check.isChecked()
    again.autostart_check.setChecked(False)
    assert again.save()
    assert not entry.exists()


def test_a_global_template_without_mention_is_refused(qtbot: Any, service: AppService) -> None:
    dialog = opened(qtbot, SettingsDialog(service))
    dialog.template_edit.setText("good morning {channel}")
    assert "has no {mention}" in dialog.messages["message_template"].text()
    assert not dialog.save()
    assert "{mention}" in service.config.settings.message_template


def test_the_proxy_test_result_is_rendered_in_the_dialogs_language(
    qtbot: Any, service: AppService, sandbox: SandboxThread, chinese: str
) -> None:
    dialog = opened(qtbot, SettingsDialog(service))
    dialog.api_edit.setText(sandbox.api_base)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_result.kind == "ok", timeout=10_000)
    text = dialog.test_result.text()
    assert sandbox.api_base in text and "已连接到" in text and "Reached" not in text, text
