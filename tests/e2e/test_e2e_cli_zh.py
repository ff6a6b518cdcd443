"""Issue 11's command-line acceptance: with ``LANG=zh_CN.UTF-8`` (and no ``language`` setting) every command's
human output, its errors and every ``--help`` are Chinese: no English word outside proper names and
identifiers. The same commands in English stay English. Real subprocesses against a standalone sandbox.

The commands run once per language (module fixtures, the sandbox is slow to start); each command's output is
then its own test, so that a case still English because of another module's texts is marked precisely.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cdp_desktop.core.config import SETTING_KEYS
from tests.e2e import support
from tests.e2e.support import TOKEN, WRONG_TOKEN, cli_env, safe_schedule_time
from tests.helpers.cli import run_cli
from tests.helpers.no_english import english_words
from tests.helpers.sandbox_process import SandboxProcess

# The commands run once per language, inside the first test's setup: about two minutes each on a busy machine.
pytestmark = pytest.mark.timeout(900)

CJK = re.compile(r"[\u4e00-\u9fff]")
# Names the sandbox gives its server, channels and bots (proper names, shown as they are).
SANDBOX_NAMES = {
    "CDP Sandbox",
    "keepalive-1",
    "keepalive-2",
    "keepalive-3",
    "CDP Sandbox Bot",
    "Coze Target Bot",
    "general",
}
# What the test types that the output quotes back (a person's own input is not translated), and Discord's
# own words quoted in an error as they came ("HTTP 401 (error 0: 401: Unauthorized)").
TYPED = {"no-such-command", "many", "soon", "abc"}
DISCORD_WORDS = {"Unauthorized", "Unknown Channel"}


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand of the parser (``()`` is the program itself)."""
    import argparse

    from cdp_desktop.cli import build_parser

    paths: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]) -> None:
        paths.append(prefix)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk(child, (*prefix, name))

    walk(build_parser(), ())
    return paths


def identifiers() -> set[str]:
    """What the command line shows as typed: command names, option metavars, setting keys and values."""
    import argparse

    from cdp_desktop.cli import build_parser

    names: set[str] = set(SETTING_KEYS) | {"cdp-desktop", "true", "false", "system", "en", "zh_CN", "uid"}
    names |= {"channel", "guild", "mention", "category"}  # the target fields an error names (like --channel)

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if action.metavar and isinstance(action.metavar, str):
                names.add(action.metavar)
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    names.add(name)
                    walk(child)

    walk(build_parser())
    return names


@dataclass
class Output:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


class Runner:
    """Runs the CLI in one language against one sandbox and remembers every output by a scenario name."""

    def __init__(self, home: Path, sb: SandboxProcess, lang: str) -> None:
        self.home, self.sb, self.lang = home, sb, lang
        self.outputs: dict[str, Output] = {}

    def env(self, **extra: str) -> dict[str, str]:
        env = cli_env(self.sb.api_base, TOKEN, LANG=self.lang, **extra)
        for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            env.pop(var, None)
        env["COLUMNS"] = "100"
        return env

    def __call__(self, name: str, *args: str, stdin: str | None = None, **extra: str) -> Output:
        proc = run_cli(self.home, *args, env=self.env(**extra), stdin=stdin, timeout=120)
        support.OUTPUTS.extend([proc.stdout, proc.stderr])  # the module's token scan reads them
        assert "Traceback" not in proc.stderr, proc.stderr
        out = Output(args, proc.returncode, proc.stdout, proc.stderr)
        self.outputs[name] = out
        return out


def run_everything(run: Runner, tmp: Path) -> None:
    sb = run.sb
    guild, target = sb.info["guild_id"], sb.info["target_bot_id"]
    channels = sb.info["text_channel_ids"].split()
    for path in command_paths():
        run("help " + " ".join(path), *path, "--help")
    run("no command line error", "no-such-command")
    run("missing argument", "channels", "add", "--channel", channels[0])
    run("excluded options", "channels", "add", "--guild", guild, "--channel", channels[0], "--temporary")
    run("bad number", "sandbox", "--port", "many")

    for key, value in {
        "timezone": "UTC",
        "schedule_time": safe_schedule_time(),
        "jitter_seconds": "0",
        "reply_timeout_seconds": "10",
    }.items():
        run(f"config set {key}", "config", "set", key, value)
    run("config set invalid", "config", "set", "jitter_seconds", "soon")
    run("config set template without mention", "config", "set", "message_template", "hi {date}")
    run("config get", "config", "get", "schedule_time")
    run("config list", "config", "list")
    for channel in channels:
        run(
            f"channels add {channel}",
            "channels",
            "add",
            "--guild",
            guild,
            "--channel",
            channel,
            "--mention",
            target,
        )
    run("channels add without a bot", "channels", "add", "--guild", guild, "--temporary")
    run(
        "channels add a duplicate",
        "channels",
        "add",
        "--guild",
        guild,
        "--channel",
        channels[0],
        "--no-mention",
    )
    run("channels add a bad ID", "channels", "add", "--guild", "abc", "--channel", channels[0])
    run("channels list", "channels", "list")
    run("channels disable", "channels", "disable", channels[0])
    run("channels enable", "channels", "enable", channels[0])
    run("channels remove unknown", "channels", "remove", "999999999999999999")
    run("status before a run", "status")
    run("token check offline", "token", "check", "--offline")
    run("token check", "token", "check")
    run("token check wrong token", "token", "check", CDP_DESKTOP_TOKEN=WRONG_TOKEN)

    sb.control("DELETE", f"/channels/{channels[2]}")  # a channel deleted on Discord
    run("run-now with a missing channel", "run-now")
    run("run-now again", "run-now")
    run("status after a run", "status")
    run("history", "history", "--days", "3")
    run("history bad days", "history", "--days", "0")
    run("readd-missing", "readd-missing")
    run("channels remove", "channels", "remove", channels[1])
    run("run-now offline server", "run-now", "--force", CDP_DESKTOP_API_BASE="http://127.0.0.1:9/api/v10")
    run("autostart status", "autostart", "status", XDG_CONFIG_HOME=str(tmp / "xdg-config"))
    run("install-desktop-entry", "install-desktop-entry", XDG_DATA_HOME=str(tmp / "xdg-data"))
    run("import-cdp missing file", "import-cdp", str(tmp / "no-such.env"))


@pytest.fixture(scope="module")
def zh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    yield from _run_all(tmp_path_factory, "zh_CN.UTF-8")


@pytest.fixture(scope="module")
def en(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    yield from _run_all(tmp_path_factory, "en_US.UTF-8")


def _run_all(factory: pytest.TempPathFactory, lang: str) -> Iterator[Runner]:
    tmp = factory.mktemp(lang.split(".")[0])
    sb = SandboxProcess.start(token=TOKEN)
    try:
        runner = Runner(support.register_home(tmp / "home"), sb, lang)
        run_everything(runner, tmp)
        yield runner
    finally:
        sb.stop()


def scenarios() -> list[str]:
    """The scenario names of :func:`run_everything`, in order (for parametrize)."""
    names = ["help " + " ".join(path) for path in command_paths()]
    names += ["no command line error", "missing argument", "excluded options", "bad number"]
    names += [
        f"config set {k}" for k in ("timezone", "schedule_time", "jitter_seconds", "reply_timeout_seconds")
    ]
    names += ["config set invalid", "config set template without mention", "config get", "config list"]
    names += [
        "channels add",
        "channels add without a bot",
        "channels add a duplicate",
        "channels add a bad ID",
    ]
    names += ["channels list", "channels disable", "channels enable", "channels remove unknown"]
    names += ["status before a run", "token check offline", "token check", "token check wrong token"]
    names += ["run-now with a missing channel", "run-now again", "status after a run", "history"]
    names += ["history bad days", "readd-missing", "channels remove", "run-now offline server"]
    names += ["autostart status", "install-desktop-entry", "import-cdp missing file"]
    return names


def _outputs(runner: Runner, name: str) -> list[Output]:
    if name == "channels add":
        return [o for n, o in runner.outputs.items() if n.startswith("channels add ") and n[13:].isdigit()]
    return [runner.outputs[name]]


@pytest.mark.parametrize("name", scenarios())
def test_chinese_output_has_no_english_word(zh: Runner, name: str) -> None:
    allowed = identifiers() | SANDBOX_NAMES | TYPED | DISCORD_WORDS
    for output in _outputs(zh, name):
        assert output.text.strip(), f"{name}: no output at all"
        found = english_words(output.text, allowed)
        assert not found, (
            f"{name}: English words {found}\n--- stdout\n{output.stdout}\n--- stderr\n{output.stderr}"
        )
        assert CJK.search(output.text) or not _human(output), f"{name}: nothing Chinese\n{output.text}"


def _human(output: Output) -> bool:
    """Output meant to be read as sentences (``config get``/``set`` print ``key = value`` only)."""
    return output.args[:2] not in (("config", "get"), ("config", "set")) or output.code != 0


@pytest.mark.parametrize("name", scenarios())
def test_english_output_stays_english(en: Runner, name: str) -> None:
    for output in _outputs(en, name):
        assert output.text.strip(), f"{name}: no output at all"
        assert not CJK.search(output.text), f"{name}: Chinese in the English run\n{output.text}"


def test_same_exit_codes_in_both_languages(zh: Runner, en: Runner) -> None:
    assert {n: o.code for n, o in zh.outputs.items()} == {n: o.code for n, o in en.outputs.items()}


def test_english_wording_is_the_documented_one(en: Runner) -> None:
    """A few sentences scripts and the README quote, unchanged by the translation machinery."""
    out = en.outputs
    assert out["help "].stdout.startswith("usage: cdp-desktop")
    assert "show this help message and exit" in out["help "].stdout
    assert "positional arguments:" in out["help "].stdout and "options:" in out["help "].stdout
    assert out["no command line error"].stderr.startswith(
        "cdp-desktop: error: argument COMMAND: invalid choice"
    )
    assert "the following arguments are required: --guild" in out["missing argument"].stderr
    assert "token_invalid" in out["token check wrong token"].stderr
    assert "Token OK: logged in as CDP Sandbox Bot" in out["token check"].stdout
