"""``cdp-desktop import-cdp``: every fixture in tests/fixtures/cdp imports exactly what it holds, once.

Subprocess tests run the real command line on copies of the fixtures (so relative paths, ``env_file`` and
``.env`` lookups work as they would in a user's CDP folder); the unit tests below pin the parsers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop.core.cdp_files import CdpFileError, interpolate, load_jsonc, parse_env, strip_json_comments
from cdp_desktop.core.cdp_import import apply_plan, compare, read_cdp
from cdp_desktop.core.config import Config
from tests.desktop_session import Service
from tests.helpers.cli import REPO, cli_argv, cli_env, run_cli
from tests.test_cli import files_containing, one_error_line

FIXTURES = Path(__file__).parent / "fixtures" / "cdp"

# fixture (path inside tests/fixtures/cdp) → channels {channel: (guild, mention, note)}, settings
EXPECTED: dict[str, tuple[dict[str, tuple[str, str | None, str]], dict[str, str | None]]] = {
    "readme": (
        {
            "1310000000000000300": ("1310000000000000100", "1310000000000000200", "dall-e-3"),
            "1310000000000000301": ("1310000000000000100", "1310000000000000201", "gpt-3.5, gpt-3.5-16k"),
            "1310000000000000302": ("1310000000000000100", "1310000000000000202", "gpt-4, gpt-4-16k"),
        },
        {
            "proxy_url": "http://127.0.0.1:10801",
            "timezone": "Asia/Shanghai",
            "cdp_url": "http://127.0.0.1:7077",
        },
    ),
    "readme/docker-compose.yml": (
        {
            "1310000000000000300": ("1310000000000000100", "1310000000000000200", "dall-e-3"),
            "1310000000000000301": ("1310000000000000100", "1310000000000000201", "gpt-3.5, gpt-3.5-16k"),
            "1310000000000000302": ("1310000000000000100", "1310000000000000202", "gpt-4, gpt-4-16k"),
        },
        {
            "proxy_url": "http://127.0.0.1:10801",
            "timezone": "Asia/Shanghai",
            "cdp_url": "http://127.0.0.1:7077",
        },
    ),
    "env-file": (
        {"1320000000000000300": ("1320000000000000100", "1320000000000000200", "")},
        {
            "proxy_url": "http://127.0.0.1:7890",
            "timezone": "Europe/Berlin",
            "cdp_url": "http://127.0.0.1:17077",
        },
    ),
    "binary-crlf-bom/.env": (
        {"1330000000000000300": ("1330000000000000100", "1330000000000000200", "")},
        {"proxy_url": "socks5://127.0.0.1:1080", "timezone": "Asia/Shanghai", "cdp_url": None},
    ),
    "compose-v2": (
        {"1340000000000000300": ("1340000000000000100", "1340000000000000200", "")},
        {"proxy_url": None, "timezone": "America/New_York", "cdp_url": "http://127.0.0.1:8080"},
    ),
    "layout/data/config/bot_config.json": (
        {
            "1350000000000000300": ("1350000000000000100", "1350000000000000200", ""),
            "1350000000000000301": ("1350000000000000100", "1350000000000000201", "gpt-4o"),
            "1350000000000000302": (
                "1350000000000000100",
                "1350000000000000202",
                "claude-3 // not a comment",
            ),
        },
        {"proxy_url": None, "timezone": None, "cdp_url": None},
    ),
}

# malformed fixture → (file name, line) the error must name
MALFORMED = {
    "bad-yaml": ("docker-compose.yml", 6),
    "no-cozebotid": ("bot_config.json", 8),
    "bad-json": ("bot_config.json", 5),
    "bad-snowflake-bot": ("docker-compose.yml", 7),
    "env-syntax": (".env", 3),
    "not-utf8": (".env", 2),
    "missing-env-file": ("docker-compose.yml", 5),
    "bad-tz": (".env", 3),
}

SECRETS = (
    "fixture-bot-token-not-real",  # the BOT_TOKEN values' last parts
    "sk-fixture-secret",
    "never-read-this",  # USER_AUTHORIZATION
)


@pytest.fixture
def cdp(tmp_path: Path) -> Path:
    """A private copy of the fixtures (a test may not change the repository's files)."""
    copy = tmp_path / "cdp"
    shutil.copytree(FIXTURES, copy)
    return copy


def channels(home: Path) -> dict[str, tuple[str, str | None, str]]:
    listed = run_cli(home, "channels", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {
        c["channel_id"]: (c["guild_id"], c["mention_id"], c["note"])
        for c in json.loads(listed.stdout)["channels"]
    }


def settings(home: Path) -> dict[str, Any]:
    listed = run_cli(home, "config", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    data: dict[str, Any] = json.loads(listed.stdout)
    return data


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_fixture_imports_exactly_its_targets_proxy_and_zone_once(
    cdp: Path, tmp_path: Path, fixture: str
) -> None:
    home = tmp_path / "home"
    want_channels, want_settings = EXPECTED[fixture]

    dry = run_cli(home, "import-cdp", str(cdp / fixture), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    planned = json.loads(dry.stdout)
    assert {c["channel_id"] for c in planned["channels"]} == set(want_channels)
    assert {c["status"] for c in planned["channels"]} == {"would_add"}
    assert not (home / "config.json").exists()  # --dry-run changes nothing

    first = run_cli(home, "import-cdp", str(cdp / fixture))
    assert first.returncode == 0, first.stderr
    assert "COZE_BOT_STAY_ACTIVE_ENABLE=0" in first.stdout
    assert channels(home) == want_channels
    current = settings(home)
    assert {key: current[key] for key in want_settings} == want_settings

    config_before = (home / "config.json").read_bytes()
    second = run_cli(home, "import-cdp", str(cdp / fixture), "--json")
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)
    assert again["added"] == 0 and again["changed_settings"] == []
    assert {c["status"] for c in again["channels"]} == {"configured"}
    assert (home / "config.json").read_bytes() == config_before  # a second import adds nothing

    for secret in SECRETS:
        assert files_containing(home, secret) == [], secret
        assert secret not in first.stdout + first.stderr + second.stdout


def test_dry_run_on_a_configured_home_changes_nothing(cdp: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_cli(home, "config", "set", "timezone", "Europe/Paris").returncode == 0
    before = (home / "config.json").read_bytes()
    dry = run_cli(home, "import-cdp", str(cdp / "readme"), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Dry run: nothing was changed" in dry.stdout
    assert "timezone = Asia/Shanghai  (was: Europe/Paris)" in dry.stdout
    assert (home / "config.json").read_bytes() == before


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_fixture_exit_2_names_file_and_line_config_unchanged(
    cdp: Path, tmp_path: Path, name: str
) -> None:
    home = tmp_path / "home"
    assert run_cli(home, "config", "set", "schedule_time", "09:30").returncode == 0
    before = (home / "config.json").read_bytes()
    file_name, line = MALFORMED[name]
    proc = run_cli(home, "import-cdp", str(cdp / "malformed" / name))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    message = one_error_line(proc.stderr)
    assert f"{cdp / 'malformed' / name / file_name}:{line}: " in message
    assert (home / "config.json").read_bytes() == before
    assert proc.stdout == ""


def test_user_authorization_is_never_imported_and_the_user_is_told_why(cdp: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = run_cli(home, "import-cdp", str(cdp / "compose-v2"))
    assert proc.returncode == 0, proc.stderr
    assert f"USER_AUTHORIZATION ({cdp / 'compose-v2' / 'docker-compose.yml'}:16) was not read" in proc.stdout
    assert "against Discord's terms" in proc.stdout
    assert "never-read-this" not in proc.stdout + proc.stderr
    assert files_containing(home, "never-read-this") == []
    # and without --token the bot token is not read either
    assert "BOT_TOKEN" in proc.stdout and "--token" in proc.stdout


def test_token_without_a_keyring_fails_whole_import(cdp: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = run_cli(
        home,
        "import-cdp",
        str(cdp / "readme"),
        "--token",
        "--no-verify",  # straight to the keyring (verification has its own test)
        env=cli_env(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"),
    )
    assert proc.returncode == 2
    assert "keyring" in one_error_line(proc.stderr).lower()
    assert not (home / "config.json").exists()  # nothing half-imported
    assert files_containing(tmp_path, "fixture-bot-token-not-real-0001") == [
        cdp / "readme" / "docker-compose.yml"
    ]


def test_token_and_secret_go_to_the_keyring_only(cdp: Path, tmp_path: Path, secret_service: Service) -> None:
    home = tmp_path / "home"
    proc = run_cli(home, "import-cdp", str(cdp / "readme"), "--token", "--secret")
    try:
        assert proc.returncode == 0, proc.stderr
        assert "stored in the system keyring" in proc.stdout

        def lookup(user: str) -> str:
            return subprocess.run(
                ["secret-tool", "lookup", "service", "cdp-desktop", "username", user],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout

        assert lookup("bot-token") == "MTMxMDAwMDAwMDAwMDAwMDAwMQ.Gfixtr.fixture-bot-token-not-real-0001"
        assert lookup("cdp-proxy-secret") == "sk-fixture-secret-1"  # the first of CDP's comma-separated list
        for secret in SECRETS:
            assert files_containing(home, secret) == [], secret
            assert secret not in proc.stdout + proc.stderr
    finally:
        run_cli(home, "token", "clear")
        run_cli(home, "cdp-secret", "clear")


def test_cdp_secret_set_and_clear(tmp_path: Path, secret_service: Service) -> None:
    home = tmp_path / "home"
    proc = run_cli(home, "cdp-secret", "set", stdin="sk-typed-secret-123\n")
    assert proc.returncode == 0, proc.stderr
    assert "sk-typed-secret-123" not in proc.stdout + proc.stderr
    assert files_containing(home, "sk-typed-secret-123") == []
    cleared = run_cli(home, "cdp-secret", "clear")
    assert cleared.returncode == 0 and "removed" in cleared.stdout
    empty = run_cli(home, "cdp-secret", "set", stdin="\n")
    assert empty.returncode == 2 and "empty" in one_error_line(empty.stderr)


def test_bot_config_alone_without_guild_asks_for_it(tmp_path: Path) -> None:
    lone = tmp_path / "bot_config.json"
    lone.write_text('[{"cozeBotId": "1360000000000000201", "channelId": "1360000000000000301", "model": []}]')
    home = tmp_path / "home"
    proc = run_cli(home, "import-cdp", str(lone))
    assert proc.returncode == 2
    assert f"{lone}:1: GUILD_ID" in one_error_line(proc.stderr) and "--guild" in proc.stderr
    ok = run_cli(home, "import-cdp", str(lone), "--guild", "1360000000000000100")
    assert ok.returncode == 0, ok.stderr
    assert channels(home) == {"1360000000000000301": ("1360000000000000100", "1360000000000000201", "")}


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    empty = tmp_path / "empty"
    empty.mkdir()
    for path, text in ((tmp_path / "nope", "no such file or folder"), (empty, "no coze-discord-proxy files")):
        proc = run_cli(home, "import-cdp", str(path))
        assert proc.returncode == 2
        assert str(path) in one_error_line(proc.stderr) and text in proc.stderr


# --------------------------------------------------------------------------- parsers


def test_interpolation_like_docker_compose() -> None:
    env = {"A": "1", "EMPTY": ""}.get
    assert interpolate("${A}-$A-$$A-${B:-x}-${EMPTY:-d}-${EMPTY-d}-${A:+y}-${B:+y}", env) == (
        "1-1-$A-x-d--y-",
        [],
    )
    assert interpolate("${MISSING}", env) == ("", ["MISSING"])


def test_env_parser_quotes_export_comments_and_references(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(
        "# comment\n"
        "export A=one # trailing comment\n"
        'B="two words # not a comment"\n'
        "C='${A} stays'\n"
        'D="${A}-${NOPE:-dflt}"\n'
        "E=x#y\n"
        'F="multi\nline"\n'
    )
    values = {k: (v.value, v.where.line) for k, v in parse_env(path).items()}
    assert values == {
        "A": ("one", 2),
        "B": ("two words # not a comment", 3),
        "C": ("${A} stays", 4),
        "D": ("one-dflt", 5),
        "E": ("x#y", 6),
        "F": ("multi\nline", 7),
    }


def test_json_comments_are_stripped_outside_strings_only(tmp_path: Path) -> None:
    text = '{"url": "http://x//y", "c": "/* no */", // yes\n "n": 1, /* a\n b */ "t": [1,2,],}\n'
    stripped = strip_json_comments(text)
    assert stripped.count("\n") == text.count("\n")
    assert json.loads(stripped) == {"url": "http://x//y", "c": "/* no */", "n": 1, "t": [1, 2]}
    path = tmp_path / "c.json"
    path.write_text(text)
    data = load_jsonc(path)
    assert data.key_lines["t"] == 3 and data.line == 1


def test_plan_applies_only_ticked_items_and_never_twice() -> None:
    plan = read_cdp(FIXTURES / "readme")
    config = Config()
    added, changed = apply_plan(config, plan, channels=[1310000000000000301], settings=["timezone"])
    assert [t.channel_id for t in added] == [1310000000000000301] and changed == ["timezone"]
    compare(plan, config)
    assert [t.channel_id for t in plan.new_targets] == [1310000000000000300, 1310000000000000302]
    added, changed = apply_plan(config, plan)
    assert len(added) == 2 and changed == ["proxy_url", "cdp_url"]
    assert apply_plan(config, plan) == ([], [])


def test_secrets_are_kept_only_when_asked() -> None:
    plan = read_cdp(FIXTURES / "readme")
    assert plan.token is None and plan.secret is None and plan.token_at is not None
    assert "fixture-bot-token" not in repr(plan)
    asked = read_cdp(FIXTURES / "readme", read_token=True, read_secret=True)
    assert asked.token and asked.secret == "sk-fixture-secret-1"
    assert "fixture-bot-token" not in repr(asked) and "sk-fixture" not in repr(asked)
    assert asked.user_auth_at is not None and "never-read-this" not in repr(asked)


def test_a_shared_channel_mentions_one_bot_and_says_so(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("GUILD_ID=1370000000000000100\nCHANNEL_ID=1370000000000000300\n")
    (tmp_path / "bot_config.json").write_text(
        '[{"cozeBotId": "1370000000000000201", "model": ["a"]},\n'
        ' {"cozeBotId": "1370000000000000202", "model": ["b"]}]\n'
    )
    plan = read_cdp(tmp_path)
    (target,) = plan.targets
    assert target.mention_id == 1370000000000000201 and target.other_bots == [1370000000000000202]
    assert target.note == "a, b"
    assert any("1370000000000000202" in str(n) for n in plan.notes)


def test_error_is_a_cdp_file_error_with_line() -> None:
    with pytest.raises(CdpFileError) as info:
        read_cdp(FIXTURES / "malformed" / "no-cozebotid")
    assert info.value.where.line == 8 and info.value.where.path.name == "bot_config.json"


def test_channels_are_verified_with_discord_like_channels_add(tmp_path: Path, sandbox: Any) -> None:
    """With a token at hand each new channel is looked up: a channel Discord does not know stops the import
    (file and line, nothing saved); a known one keeps its name, so it can be recreated as it was."""
    home = tmp_path / "home"
    env = {"CDP_DESKTOP_TOKEN": sandbox.token, "CDP_DESKTOP_API_BASE": sandbox.api_base}
    channel = sandbox.text_channel_ids[0]
    name = next(c["name"] for c in sandbox.channels(sandbox.guild_id) if int(c["id"]) == channel)
    cdp = tmp_path / "cdp"
    cdp.mkdir()
    (cdp / ".env").write_text(f"GUILD_ID={sandbox.guild_id}\nCHANNEL_ID=1390000000000000999\n")
    missing = run_cli(home, "import-cdp", str(cdp), env=cli_env(**env))
    assert missing.returncode == 2
    assert f"{cdp / '.env'}:2: " in one_error_line(missing.stderr) and "does not exist" in missing.stderr
    assert not (home / "config.json").exists()

    (cdp / ".env").write_text(f"GUILD_ID={sandbox.guild_id}\nCHANNEL_ID={channel}\n")
    ok = run_cli(home, "import-cdp", str(cdp), env=cli_env(**env))
    assert ok.returncode == 0, ok.stderr
    listed = json.loads(run_cli(home, "channels", "list", "--json").stdout)["channels"]
    assert [(c["channel_id"], c["name"]) for c in listed] == [(str(channel), name)]


def test_concurrent_imports_keep_each_others_channels(cdp: Path, tmp_path: Path) -> None:
    """Two imports into the same home at once (real processes): both sets of channels end up configured."""
    home = tmp_path / "home"
    procs = [
        subprocess.Popen(
            cli_argv(home, "import-cdp", str(cdp / name), "--no-verify"),
            cwd=REPO,
            env=cli_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("readme", "layout/data/config/bot_config.json", "env-file", "compose-v2")
    ]
    for proc in procs:
        _out, error = proc.communicate(timeout=60)
        assert proc.returncode == 0, error
    expected = {}
    for name in ("readme", "layout/data/config/bot_config.json", "env-file", "compose-v2"):
        expected.update(EXPECTED[name][0])
    assert channels(home) == expected


def test_utf16_file_and_a_bot_without_models(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(
        "# 记事本保存为 Unicode\r\nGUILD_ID=1380000000000000100\r\nCHANNEL_ID=1380000000000000300\r\n".encode(
            "utf-16"
        )
    )
    (tmp_path / "bot_config.json").write_text(
        '[{"cozeBotId": "1380000000000000201", "channelId": "1380000000000000301"}]'
    )
    plan = read_cdp(tmp_path)
    assert [(t.channel_id, t.mention_id, t.note) for t in plan.targets] == [
        (1380000000000000300, None, ""),
        (1380000000000000301, 1380000000000000201, ""),
    ]
