"""The command line: issue 2's acceptance commands as real subprocesses, the rest in-process (faster)."""

from __future__ import annotations

import base64
import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop import __version__, cli
from cdp_desktop.cli import main
from cdp_desktop.core.config import SCHEMA_VERSION
from tests.desktop_session import Service
from tests.helpers.cli import REPO, cli_env, run_cli

GUILD, CHANNEL, BOT = "123456789012345678", "234567890123456789", "345678901234567890"
TOKEN = base64.urlsafe_b64encode(b"345678901234567890").decode().rstrip("=") + ".Hq7rTw." + "Cli_tk-" * 5


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """main() installs root handlers bound to this test's captured stderr; drop them afterwards."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if getattr(h, "cdp_handler", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cdp-desktop: error: ")
    assert "Traceback" not in stderr
    return lines[0]


def files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


# --------------------------------------------------------------------------- acceptance (subprocesses)


def test_acceptance_channels_add_list_and_errors(tmp_path: Path) -> None:
    home = tmp_path / "D"
    added = run_cli(home, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--mention", BOT)
    assert added.returncode == 0, added.stderr
    # No token in this home: the only remark is that the channel could not be verified with Discord.
    assert (
        added.stderr
        == "cdp-desktop: note: no bot token is set, so the channel was not verified with Discord\n"
    )

    listed = run_cli(home, "channels", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (target,) = json.loads(listed.stdout)["channels"]
    assert (target["guild_id"], target["channel_id"], target["mention_id"]) == (GUILD, CHANNEL, BOT)
    assert target["enabled"] is True and target["temporary"] is False

    bad = run_cli(home, "channels", "add", "--guild", "abc", "--channel", "234567890123456780")
    assert bad.returncode == 2
    line = one_error_line(bad.stderr)
    assert line.startswith("cdp-desktop: error: guild: 'abc' is not a Discord ID")

    twice = run_cli(home, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-mention")
    assert twice.returncode == 2
    assert f"channel {CHANNEL} is already configured" in one_error_line(twice.stderr)
    assert len(json.loads(run_cli(home, "channels", "list", "--json").stdout)["channels"]) == 1


def test_acceptance_truncated_config_is_moved_aside(tmp_path: Path) -> None:
    home = tmp_path / "D"
    assert (
        run_cli(home, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-mention").returncode
        == 0
    )
    config = home / "config.json"
    truncated = config.read_bytes()[:40]
    config.write_bytes(truncated)

    proc = run_cli(home, "channels", "list")
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    (aside,) = home.glob("config.json.corrupt-*")
    assert aside.read_bytes() == truncated
    assert proc.stderr.startswith("cdp-desktop: warning: ")
    assert str(aside) in proc.stderr
    assert "No channels configured" in proc.stdout


def test_acceptance_token_set_stores_in_secret_service(tmp_path: Path, secret_service: Service) -> None:
    home = tmp_path / "D"
    proc = run_cli(home, "-v", "token", "set", stdin=TOKEN)  # -v: the log gets INFO lines, too
    assert proc.returncode == 0, proc.stderr
    assert "SecretService" in proc.stdout
    try:
        lookup = subprocess.run(
            ["secret-tool", "lookup", "service", "cdp-desktop", "username", "bot-token"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        assert lookup.stdout == TOKEN
        check = run_cli(home, "token", "check", "--offline")
        assert check.returncode == 0, check.stderr
        assert "shaped like a bot token" in check.stdout
        assert TOKEN not in check.stdout + check.stderr + proc.stdout + proc.stderr
        assert home.is_dir() and files_containing(home, TOKEN) == []
        assert files_containing(home, TOKEN.split(".")[2]) == []
    finally:
        cleared = run_cli(home, "token", "clear")
    assert cleared.returncode == 0 and "removed" in cleared.stdout
    missing = run_cli(home, "token", "check")
    assert missing.returncode == 2 and "No bot token is stored" in one_error_line(missing.stderr)


def test_acceptance_token_set_without_backend_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "D"
    xdg = tmp_path / "xdg"
    proc = run_cli(
        home,
        "token",
        "set",
        stdin=TOKEN,
        env=cli_env(
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            HOME=str(tmp_path / "userhome"),
            XDG_DATA_HOME=str(xdg / "data"),
            XDG_CONFIG_HOME=str(xdg / "config"),
        ),
    )
    assert proc.returncode == 2
    line = one_error_line(proc.stderr)
    for option in ("Secret Service", "GNOME Keyring", "KWallet", "CDP_DESKTOP_TOKEN"):
        assert option in line
    assert files_containing(tmp_path, TOKEN) == []
    assert files_containing(tmp_path, TOKEN.split(".")[2]) == []
    assert not (home / "config.json").exists()


def test_version_and_help_exit_zero(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "--version")
    assert (proc.returncode, proc.stdout.strip()) == (0, f"cdp-desktop {__version__}")
    helped = run_cli(tmp_path, "channels", "add", "--help")
    assert helped.returncode == 0 and "--mention" in helped.stdout


# --------------------------------------------------------------------------- in-process


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def home(isolated_home: Path) -> Path:
    return isolated_home


def test_channels_lifecycle(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "channels",
        "add",
        "--guild",
        GUILD,
        "--channel",
        CHANNEL,
        "--name",
        "#general",
        "--no-mention",
    )
    assert code == 0 and "error" not in err and "#general" in out
    code, out, _ = run(
        capsys,
        "channels",
        "add",
        "--guild",
        GUILD,
        "--temporary",
        "--category",
        BOT,
        "--json",
        "--no-mention",
    )
    temp = json.loads(out)
    assert (
        code == 0 and temp["temporary"] is True and temp["channel_id"] is None and temp["category_id"] == BOT
    )

    assert run(capsys, "channels", "disable", CHANNEL)[0] == 0
    code, out, _ = run(capsys, "status", "--json")
    status = json.loads(out)
    assert [c["enabled"] for c in status["channels"]] == [False, True]
    assert status["channels"][0]["name"] == "general"
    assert run(capsys, "channels", "enable", CHANNEL)[0] == 0
    code, out, _ = run(capsys, "channels", "remove", temp["uid"])
    assert code == 0 and "nothing was deleted on Discord" in out
    code, out, _ = run(capsys, "channels", "list")
    assert code == 0 and out.startswith("on ") and CHANNEL in out and "temporary" not in out

    code, _, err = run(capsys, "channels", "remove", "111111111111111111")
    assert code == 2 and "is not a configured channel; see `channels list`" in one_error_line(err)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("channels", "add", "--guild", GUILD, "--channel", "12"), "channel: '12' is not a Discord ID"),
        (("channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--mention", "@bot"), "mention: '@bot'"),
        (("channels", "add", "--guild", GUILD, "--temporary", "--category", "x"), "category: 'x'"),
        (("channels", "add", "--guild", GUILD), "one of the arguments --channel --temporary is required"),
        (("channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--temporary"), "not allowed with"),
        (("channels",), "the following arguments are required: ACTION"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("config", "set", "schedule_time", "25:00"), "schedule_time: '25:00' is not a time of day"),
        (("config", "set", "timezone", "Mars/Base"), "timezone: 'Mars/Base' is not a known time zone"),
        (("config", "set", "proxy_url", "ftp://x:1"), "use http://, https://, socks5:// or socks5h://"),
        (("config", "set", "api_base_url", "discord.com"), "is not an http(s) URL"),
        (("config", "set", "volume", "11"), "volume: unknown setting; known settings are"),
        (("config", "get", "volume"), "volume: unknown setting"),
        (("config", "set", "schedule_time"), "the following arguments are required: VALUE"),
    ],
)
def test_invalid_input_is_one_line_exit_2(
    home: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert expected in one_error_line(err)
    assert not (home / "config.json").exists()  # nothing saved after a rejected command


def test_config_get_set_list(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "config", "set", "schedule_time", "7:30") == (0, "schedule_time = 07:30\n", "")
    assert run(capsys, "config", "get", "schedule_time")[1] == "07:30\n"
    assert run(capsys, "config", "set", "catch_up", "off")[1] == "catch_up = false\n"
    assert run(capsys, "config", "set", "proxy_url", "socks5://127.0.0.1:1080")[0] == 0
    assert run(capsys, "config", "set", "proxy_url", "")[1] == "proxy_url = \n"
    assert run(capsys, "config", "get", "timezone")[1] == "\n"
    code, out, _ = run(capsys, "config", "list", "--json")
    data = json.loads(out)
    assert code == 0 and data["schedule_time"] == "07:30" and data["catch_up"] is False
    assert data["proxy_url"] is None and set(data) >= {"timezone", "jitter_seconds", "message_template"}
    code, out, _ = run(capsys, "config", "list")
    assert "timezone = (system: " in out and "schedule_time = 07:30" in out
    assert oct((home / "config.json").stat().st_mode & 0o777) == "0o600"


def test_status_json_is_one_document_with_stable_keys(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--mention", BOT)
    code, out, err = run(capsys, "status", "--json")
    assert code == 0 and err == ""
    data: dict[str, Any] = json.loads(out)
    assert {
        "version",
        "config_file",
        "paused",
        "timezone_effective",
        "settings",
        "channels",
        "warnings",
        "next_run",
        "catch_up_due",
    } <= set(data)
    assert all(key == key.lower() and " " not in key for key in data)
    assert data["channels"][0]["channel_id"] == CHANNEL and data["channels"][0]["mention_id"] == BOT
    code, out, _ = run(capsys, "status")
    assert code == 0 and "Channels: 1 configured, 1 enabled" in out and "every day at 00:00" in out


def test_global_options_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "elsewhere"
    assert (
        run(
            capsys,
            "channels",
            "add",
            "--guild",
            GUILD,
            "--channel",
            CHANNEL,
            "--no-mention",
            "--home",
            str(other),
        )[0]
        == 0
    )
    assert (other / "config.json").exists()
    code, out, _ = run(capsys, "--home", str(other), "channels", "list", "-v")
    assert code == 0 and CHANNEL in out


@pytest.mark.expect_log(r"^cdp_desktop\.cli_context: .+ was written by a newer version")
def test_newer_config_is_not_overwritten(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = json.dumps({"schema_version": SCHEMA_VERSION + 1, "settings": {}, "targets": []}).encode()
    (home / "config.json").write_bytes(raw)
    code, _, err = run(capsys, "config", "set", "schedule_time", "01:00")
    assert code == 2
    lines = err.strip().splitlines()
    assert lines[0].startswith("cdp-desktop: warning: ") and "newer version" in lines[0]
    assert lines[1].startswith("cdp-desktop: error: config: ") and "not overwritten" in lines[1]
    assert (home / "config.json").read_bytes() == raw


@pytest.mark.expect_log(r"^cdp_desktop\.cli: unexpected error in status$")
def test_unexpected_error_is_one_line_with_log_path(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: cli.Context) -> int:
        raise KeyError(f"deep inside {TOKEN}")

    monkeypatch.setattr(cli, "cmd_status", broken)
    code, _, err = run(capsys, "status")
    assert code == 1
    line = err.strip()
    assert "\n" not in line and "unexpected KeyError" in line and "Traceback" not in line
    log_file = home / "logs" / "cdp-desktop.log"
    assert str(log_file) in line and TOKEN not in line
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text()
    assert "Traceback (most recent call last)" in text and "broken" in text and TOKEN not in text


# --------------------------------------------------------------------------- token commands in-process


def test_token_check_with_env_token(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CDP_DESKTOP_TOKEN", TOKEN)
    code, out, err = run(capsys, "token", "check", "--offline")
    assert code == 0 and "CDP_DESKTOP_TOKEN" in out and TOKEN not in out + err
    monkeypatch.setenv("CDP_DESKTOP_TOKEN", "not.a-token")
    code, out, err = run(capsys, "token", "check", "--offline")
    assert "error: CDP_DESKTOP_TOKEN: A bot token has three parts" in one_error_line(err) and code == 2


def test_token_set_rejects_bad_shape_from_stdin(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("hello world\n"))
    code, _, err = run(capsys, "token", "set")
    assert code == 2 and "three parts separated by dots" in one_error_line(err)


def test_token_commands_without_backend(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring.core
    from keyring.backends import fail

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"Bot {TOKEN}\n"))
    for args in (("token", "set"), ("token", "check"), ("token", "clear")):
        code, out, err = run(capsys, *args)
        assert code == 2 and out == ""
        assert "No keyring is available" in one_error_line(err)
    assert files_containing(home, TOKEN) == []


# --------------------------------------------------------------------------- startup cost and translation


def test_cli_imports_no_keyring_discord_or_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from cdp_desktop.cli import main\n"
        f"assert main(['--home', {str(tmp_path)!r}, 'status', '--json']) == 0\n"
        "loaded = {m.split('.')[0] for m in sys.modules}\n"
        "heavy = sorted(loaded & {'keyring', 'discord', 'aiohttp', 'PySide6'})\n"
        "print('heavy:', heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60, env=_plain_env()
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("heavy: []")


def _plain_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "CDP_DESKTOP_"))}
    return {**env, **extra}


def test_cli_strings_translate_through_qt(tmp_path: Path) -> None:
    """lupdate (with the documented alias) finds the ``_()`` strings; the CLI uses a compiled translation."""
    import shutil

    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if not (lupdate and lrelease):
        pytest.skip("pyside6-lupdate/lrelease not installed next to this Python")
    ts = tmp_path / "cdp_desktop_zh_CN.ts"
    subprocess.run(
        [lupdate, "-tr-function-alias", "tr+=_", str(REPO / "cdp_desktop" / "cli.py"), "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    source = "Channels: {total} configured, {enabled} enabled"
    translated = "频道：已配置 {total} 个，启用 {enabled} 个"
    text = ts.read_text(encoding="utf-8")
    marker = f'<source>{source}</source>\n        <translation type="unfinished"></translation>'
    assert marker in text
    ts.write_text(
        text.replace(
            marker,
            f"<source>{source}</source>\n        <translation>{translated}</translation>",
        ),
        encoding="utf-8",
    )
    subprocess.run([lrelease, str(ts)], check=True, capture_output=True, timeout=60)
    assert (tmp_path / "cdp_desktop_zh_CN.qm").is_file()

    home = tmp_path / "home"
    script = (
        "from pathlib import Path\n"
        "import cdp_desktop.i18n as i18n\n"
        f"i18n.translations_dir = lambda: Path({str(tmp_path)!r})\n"
        "from cdp_desktop.cli import main\n"
        f"main(['--home', {str(home)!r}, 'config', 'set', 'language', 'zh_CN'])\n"
        f"raise SystemExit(main(['--home', {str(home)!r}, 'status']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env=_plain_env(QT_QPA_PLATFORM="offscreen"),
    )
    assert proc.returncode == 0, proc.stderr
    assert "频道：已配置 0 个，启用 0 个" in proc.stdout


def test_language_from_environment() -> None:
    from cdp_desktop import i18n

    assert i18n.language_from_env({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert i18n.language_from_env({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) is None
    assert i18n.language_from_env({"LC_MESSAGES": "de_DE@euro"}) == "de_DE"
    assert i18n.language_from_env({}) is None
    assert i18n.activate("en_US") is False and i18n._("x") == "x"
    assert i18n.activate("xx_YY") is False  # no translation file: stays English, Qt not needed


def test_channels_add_without_a_target_bot_says_so_unless_no_mention_is_given(tmp_path: Path) -> None:
    OTHER = "456789012345678901"
    # --mention stays optional (the documented contract), but leaving it out is never silent.
    home = tmp_path / "h"
    warned = run_cli(home, "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-verify")
    assert warned.returncode == 0, warned.stderr
    assert "warning" in warned.stderr and "--mention BOT" in warned.stderr and "--no-mention" in warned.stderr
    assert "Traceback" not in warned.stderr
    assert json.loads((home / "config.json").read_text())["targets"][0]["mention_id"] is None
    both = run_cli(
        home, "channels", "add", "--guild", GUILD, "--channel", OTHER, "--mention", BOT, "--no-mention"
    )
    assert both.returncode == 2 and "not allowed with" in both.stderr
    quiet = run_cli(
        home, "channels", "add", "--guild", GUILD, "--channel", OTHER, "--no-mention", "--no-verify"
    )
    assert quiet.returncode == 0, quiet.stderr
    assert "warning" not in quiet.stderr
    assert run_cli(tmp_path / "zh", "config", "set", "language", "zh_CN").returncode == 0
    zh = run_cli(tmp_path / "zh", "channels", "add", "--guild", GUILD, "--channel", CHANNEL, "--no-verify")
    assert zh.returncode == 0 and "未指定目标机器人" in zh.stderr


def test_config_set_refuses_a_template_without_mention(tmp_path: Path) -> None:
    proc = run_cli(tmp_path / "h", "config", "set", "message_template", "keep-alive {date}")
    assert proc.returncode == 2
    assert "no {mention}" in one_error_line(proc.stderr)


def test_cli_modules_do_not_import_the_entry_point() -> None:
    """cli.py imports the command modules; they share cli_context and never import cli back (no circle)."""
    import ast

    for path in sorted((REPO / "cdp_desktop").glob("cli_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                assert node.module != "cli", path.name
                assert not (node.module is None and any(a.name == "cli" for a in node.names)), path.name


def test_cli_follows_lang_and_the_language_setting_wins(tmp_path: Path) -> None:
    home = tmp_path / "h"
    zh = run_cli(home, "status", env=cli_env(LANG="zh_CN.UTF-8"))
    assert zh.returncode == 0, zh.stderr
    assert "频道：已配置 0 个，已启用 0 个" in zh.stdout
    helped = run_cli(home, "channels", "--help", env=cli_env(LC_ALL="zh_CN.UTF-8"))
    assert helped.stdout.startswith("用法：cdp-desktop channels") and "显示此帮助信息并退出" in helped.stdout
    assert "位置参数：" in helped.stdout and "选项：" in helped.stdout
    bad = run_cli(home, "channels", "add", "--channel", CHANNEL, env=cli_env(LANG="zh_CN.UTF-8"))
    assert one_error_line(bad.stderr.replace("cdp-desktop：错误：", "cdp-desktop: error: ")).endswith(
        "缺少以下必需参数：--guild（参见 `cdp-desktop channels add --help`）"
    )
    assert run_cli(home, "config", "set", "language", "en", env=cli_env(LANG="zh_CN.UTF-8")).returncode == 0
    english = run_cli(home, "channels", "--help", env=cli_env(LANG="zh_CN.UTF-8"))
    assert (
        english.stdout.startswith("usage: cdp-desktop channels")
        and "show this help message" in english.stdout
    )
    assert run_cli(tmp_path / "c", "--help", env=cli_env(LANG="C.UTF-8")).stdout.startswith("usage: ")


def test_default_keep_alive_text_follows_the_first_run_language(tmp_path: Path) -> None:
    from cdp_desktop import i18n
    from cdp_desktop.core.config import DEFAULT_TEMPLATE

    assert i18n.DEFAULT_TEMPLATE == DEFAULT_TEMPLATE  # the marked copy is the default itself

    def template(home: Path) -> str:
        return str(
            json.loads((home / "config.json").read_text(encoding="utf-8"))["settings"]["message_template"]
        )

    zh, en = tmp_path / "zh", tmp_path / "en"
    assert run_cli(zh, "config", "set", "timezone", "UTC", env=cli_env(LANG="zh_CN.UTF-8")).returncode == 0
    assert template(zh) == "{mention} 每日保活 · {date} {time}"
    assert run_cli(en, "config", "set", "timezone", "UTC", env=cli_env(LANG="en_US.UTF-8")).returncode == 0
    assert template(en) == DEFAULT_TEMPLATE
    # Later runs in another language leave the text alone: it was chosen at the first run.
    assert (
        run_cli(en, "config", "set", "jitter_seconds", "5", env=cli_env(LANG="zh_CN.UTF-8")).returncode == 0
    )
    assert template(en) == DEFAULT_TEMPLATE
    # The user's own text is theirs in every language.
    assert (
        run_cli(
            zh, "config", "set", "message_template", "{mention} hi", env=cli_env(LANG="zh_CN.UTF-8")
        ).returncode
        == 0
    )
    assert template(zh) == "{mention} hi"
