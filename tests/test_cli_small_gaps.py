"""Smaller gaps of issue 18 item 11, through the CLI in-process: control characters in channel names,
``"message_template": null``, ``channels remove "<#id>"`` and ``--json`` errors; plus the lock's message."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cdp_desktop.cli import main
from cdp_desktop.core.config import DEFAULT_TEMPLATE, ConfigStore
from cdp_desktop.core.locking import FileLock
from tests.helpers.cli import cli_env
from tests.helpers.no_english import english_words

GUILD, CHANNEL = "123456789012345678", "234567890123456789"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if getattr(h, "cdp_handler", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_control_characters_in_a_typed_name_are_removed(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "evil\x1b[2J\x1b]0;pwned\x07\nFAKE LINE\u202eabc"
    code, out, err = run(
        capsys,
        "channels",
        "add",
        "--guild",
        GUILD,
        "--channel",
        CHANNEL,
        "--name",
        name,
        "--no-verify",
        "--no-mention",
    )
    assert code == 0, err
    assert "\x1b" not in out and out.count("\n") == 1
    stored = json.loads((isolated_home / "config.json").read_text())["targets"][0]["name"]
    assert stored == "evil[2J]0;pwnedFAKE LINEabc"
    code, out, _ = run(capsys, "channels", "list")
    assert out.splitlines() == [out.strip()] and "\x1b" not in out and "#evil[2J]0;pwnedFAKE LINEabc" in out


def test_a_hand_edited_name_with_control_characters_is_not_printed_raw(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = {"guild_id": GUILD, "channel_id": CHANNEL, "name": "a\x1b[31mred\r\nb"}
    (isolated_home / "config.json").write_text(json.dumps({"schema_version": 1, "targets": [target]}))
    for args in (("channels", "list"), ("status",)):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert "\x1b" not in out and "\r" not in out
        assert "#a[31mredb" in out
    code, out, _ = run(capsys, "channels", "list", "--json")
    assert json.loads(out)["channels"][0]["name"] == "a[31mredb"


def test_null_message_template_is_the_default(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (isolated_home / "config.json").write_text(
        json.dumps({"schema_version": 1, "settings": {"message_template": None, "jitter_seconds": None}})
    )
    code, out, err = run(capsys, "config", "get", "message_template")
    assert (code, out.strip(), err) == (0, DEFAULT_TEMPLATE, "")
    assert not list(isolated_home.glob("config.json.corrupt-*"))
    code, out, _ = run(capsys, "config", "list", "--json")
    assert json.loads(out)["message_template"] == DEFAULT_TEMPLATE
    assert json.loads(out)["jitter_seconds"] == 60
    # and an explicitly empty one is still refused, on one line
    code, _, err = run(capsys, "config", "set", "message_template", " ")
    assert code == 2 and "message template is empty" in err and err.count("\n") == 1


def test_channels_remove_enable_disable_accept_the_channel_mention_form(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            capsys,
            "channels",
            "add",
            "--guild",
            GUILD,
            "--channel",
            f"<#{CHANNEL}>",
            "--no-verify",
            "--no-mention",
        )[0]
        == 0
    )
    assert run(capsys, "channels", "disable", f"<#{CHANNEL}>")[0] == 0
    assert run(capsys, "channels", "enable", f" <#{CHANNEL}> ")[0] == 0
    code, out, err = run(capsys, "channels", "remove", f"<#{CHANNEL}>")
    assert code == 0, err
    assert "Removed" in out
    assert ConfigStore(isolated_home).load().config.targets == []


def test_run_now_json_prints_an_error_document_when_setup_fails(
    isolated_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # no token anywhere
    run(capsys, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-verify", "--no-mention")
    code, out, err = run(capsys, "run-now", "--json")
    assert code == 2
    error = json.loads(out)["error"]
    assert error["exit_code"] == 2 and error["message"] and error["state"] == "token_invalid"
    assert err.startswith("cdp-desktop: error: ") and "Traceback" not in err
    code, out, _ = run(capsys, "config", "set", "jitter_seconds", "x")  # no --json: stdout stays empty
    assert code == 2 and out == ""


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_held_config_lock_is_a_one_line_error_exit_2(isolated_home: Path, language: str) -> None:
    """Another process holding the config lock past the timeout: `config set` says so and exits 2, in the
    user's language (one whole sentence: Chinese says the seconds as 秒)."""
    lang = {"en": "C.UTF-8", "zh_CN": "zh_CN.UTF-8"}[language]
    env = cli_env(LANG=lang, LC_ALL=None, LC_MESSAGES=None, LANGUAGE=None)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom cdp_desktop.core.locking import FileLock\n"
            "FileLock(sys.argv[1]).acquire()\nprint('held', flush=True)\ntime.sleep(60)",
            str(isolated_home / "config.json.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys\nfrom cdp_desktop.core import config\nconfig.LOCK_TIMEOUT = 0.5\n"
                "from cdp_desktop import cli\nraise SystemExit(cli.main(sys.argv[1:]))",
                "--home",
                str(isolated_home),
                "config",
                "set",
                "jitter_seconds",
                "5",
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    if language == "en":
        assert (
            "another cdp-desktop process has been changing the configuration for more than 0.5 s" in lines[0]
        )
        assert "try again" in lines[0]
    else:
        prefix = "cdp-desktop：错误：config："  # the setting at fault names it as typed
        assert lines[0].startswith(prefix) and "修改配置已超过 0.5 秒（锁文件 " in lines[0], lines[0]
        assert english_words(lines[0].removeprefix(prefix), {"cdp-desktop"}) == [], lines[0]
    assert not (isolated_home / "config.json").exists()
    lock = FileLock(isolated_home / "config.json.lock")
    lock.acquire(timeout=5)  # free again once the holder is gone
    lock.release()
