"""Logging: the token (and anything shaped like one) never reaches the log file or stderr."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from cdp_desktop import logs
from cdp_desktop.logs import (
    FILE_ONLY,
    REDACTED,
    RedactingFilter,
    forget_secrets,
    install_redaction,
    log_file_path,
    redact,
    register_secret,
    setup_logging,
)
from cdp_desktop.paths import AppPaths

# This module tests logging itself: its tests log warnings and errors on purpose.
pytestmark = pytest.mark.expect_log(r"")

TOKEN = base64.urlsafe_b64encode(b"234567890123456789").decode().rstrip("=") + ".Gx9Kq2.Zk3_mW-" + "aB7" * 10
OTHER_TOKEN = base64.urlsafe_b64encode(b"98765432109876543").decode().rstrip("=") + ".YbCdEf." + "q" * 27


@pytest.fixture
def paths(tmp_path: Path) -> Iterator[AppPaths]:
    root = logging.getLogger()
    level = root.level
    yield AppPaths.resolve(tmp_path / "home")
    for handler in [h for h in root.handlers if getattr(h, "cdp_handler", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    forget_secrets()


def _log_text(paths: AppPaths) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return paths.log_file.read_text(encoding="utf-8")


def test_token_never_reaches_the_log_file(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    log_file = setup_logging(paths, stderr=True, verbose=0)
    assert log_file == paths.log_file
    log = logging.getLogger("discord.http")  # a library logger: propagates to the root handlers

    log.info("token as an argument: %s", TOKEN)
    log.info("GET https://discord.com/api/v10/webhooks/1/%s?wait=true", TOKEN)
    log.info("headers: %r", {"Authorization": f"Bot {TOKEN}", "User-Agent": "DiscordBot"})
    log.info("Authorization: Bot %s", TOKEN)
    log.warning("proxy socks5h://alice:s3cr%%40t@127.0.0.1:1080 refused")
    try:
        try:
            raise ValueError(f"login failed for token {TOKEN}")
        except ValueError as inner:
            raise RuntimeError(f"gateway said: Bot {TOKEN}") from inner
    except RuntimeError:
        log.exception("connection failed")
    log.error("chained with traceback", exc_info=RuntimeError(f"https://u:{TOKEN}@proxy:8080"))
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "stack", None, None, sinfo=f"Stack: {TOKEN}")
    logging.getLogger().handle(record)

    text = _log_text(paths)
    assert TOKEN not in text
    assert TOKEN.split(".")[2] not in text  # not even the secret part on its own
    assert "s3cr%40t" not in text and "alice" not in text
    assert "login failed for token" in text and "Traceback (most recent call last)" in text
    assert "gateway said: Bot " + REDACTED in text
    assert "socks5h://" + REDACTED + "@127.0.0.1:1080" in text
    assert "webhooks/1/" + REDACTED + "?wait=true" in text
    assert "Stack: " + REDACTED in text
    assert text.count(REDACTED) >= 9
    err = capsys.readouterr().err
    assert TOKEN not in err and "s3cr%40t" not in err
    assert "cdp-desktop: warning: proxy socks5h://[REDACTED]@127.0.0.1:1080 refused" in err
    assert "Traceback" not in err  # stderr stays one line per record without -vv


def test_registered_secret_redacted_even_if_not_token_shaped(paths: AppPaths) -> None:
    setup_logging(paths, stderr=False)
    register_secret("hunter2-but-longer")
    register_secret("short")  # too short to redact safely: ignored
    logging.getLogger("cdp_desktop.x").info("password hunter2-but-longer and a short word")
    text = _log_text(paths)
    assert "hunter2-but-longer" not in text and "a short word" in text


def test_other_handlers_get_the_filter_too(paths: AppPaths) -> None:
    setup_logging(paths, stderr=False)
    seen: list[str] = []

    class ListHandler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(self.format(record))

    handler = install_redaction(ListHandler())
    install_redaction(handler)  # idempotent
    assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    logger = logging.getLogger("cdp_desktop.gui")
    logger.addHandler(handler)
    try:
        try:
            raise OSError(f"bad {OTHER_TOKEN}")
        except OSError:
            logger.exception("oops %s", OTHER_TOKEN)
    finally:
        logger.removeHandler(handler)
    assert seen and all(OTHER_TOKEN not in line for line in seen)
    assert "OSError: bad " + REDACTED in seen[0]


def test_bad_format_arguments_are_redacted_not_lost(paths: AppPaths) -> None:
    setup_logging(paths, stderr=False)
    (ours,) = [h for h in logging.getLogger().handlers if getattr(h, "cdp_handler", False)]
    # wrong arity; handed to our handler directly (pytest's own capture handler would raise on it)
    ours.handle(logging.LogRecord("x", logging.INFO, __file__, 1, "two placeholders %s %s", (TOKEN,), None))
    text = _log_text(paths)
    assert "two placeholders" in text and TOKEN not in text


def test_redact_leaves_ordinary_text_alone() -> None:
    for text in (
        "cdp_desktop.core.config loaded",
        "discord.py 2.7.1, Python 3.11.9",
        "Bot online in #general",
        "http://127.0.0.1:8123/api/v10/channels/234567890123456789/messages",
        "mail me@example.com",
    ):
        assert redact(text) == text
    assert redact("http://user:p@ss@host:1/x") == f"http://{REDACTED}@host:1/x"
    assert redact("Bearer abcdefghijklmnop") == f"Bearer {REDACTED}"


def test_redact_hides_the_secrets_at_hand_whatever_their_shape() -> None:
    """A token or proxy password given to ``redact`` goes even when it looks like an ordinary word."""
    text = "proxy refused user pw-2 for socks5h://127.0.0.1:1080 with hunter2"
    assert redact(text, "hunter2", "pw-2", None, "") == (
        f"proxy refused user {REDACTED} for socks5h://127.0.0.1:1080 with {REDACTED}"
    )
    assert redact(text) == text  # nothing registered, nothing shaped like a credential


def test_stderr_levels_and_file_only(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(paths, stderr=True, verbose=0)
    log = logging.getLogger("cdp_desktop.t")
    log.info("quiet info")
    log.warning("loud warning")
    log.error("traceback for the file only", extra=FILE_ONLY)
    err = capsys.readouterr().err
    assert err == "cdp-desktop: warning: loud warning\n"
    text = _log_text(paths)
    assert "quiet info" in text and "traceback for the file only" in text

    setup_logging(paths, stderr=True, verbose=2)  # reconfigure: no duplicate handlers
    assert sum(getattr(h, "cdp_handler", False) for h in logging.getLogger().handlers) == 2
    log.debug("debug now")
    assert "cdp-desktop: debug: debug now" in capsys.readouterr().err


def test_log_file_is_private_and_rotates(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "LOG_MAX_BYTES", 2_000)
    setup_logging(paths, stderr=False)
    assert log_file_path() == paths.log_file
    log = logging.getLogger("cdp_desktop.t")
    for i in range(200):
        log.info("line %d %s", i, "x" * 50)
    files = sorted(p.name for p in paths.log_dir.iterdir())
    assert files[0] == "cdp-desktop.log" and "cdp-desktop.log.5" in files and len(files) == 6
    for name in files:
        assert (paths.log_dir / name).stat().st_mode & 0o777 == 0o600
    assert paths.log_dir.stat().st_mode & 0o777 == 0o700


def test_unwritable_log_folder_falls_back_to_stderr(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    broken = AppPaths(config_dir=tmp_path, data_dir=tmp_path, log_dir=blocker / "logs")
    assert setup_logging(broken, stderr=False) is None
    assert "cannot write the log file" in capsys.readouterr().err


def test_messages_stay_messages_with_redacted_params_for_the_terminal() -> None:
    """The terminal renders a Message argument in the user's language (the zh_CN CLI acceptance test), so the
    filter keeps it a Message; its text parameters are redacted, and the log file gets the English."""
    from cdp_desktop.core.cdp_files import DOES_NOT_EXIST
    from cdp_desktop.core.messages import Message
    from cdp_desktop.discord_client.supervisor import RECONNECTING

    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"
    said = RECONNECTING(reason=DOES_NOT_EXIST(), seconds=f"1 {token}")
    record = logging.LogRecord("t", logging.WARNING, __file__, 1, "%s", (said,), None)
    RedactingFilter().filter(record)
    assert isinstance(record.args, tuple) and isinstance(record.args[0], Message)
    assert record.args[0].key == said.key and token not in str(record.args[0])
    english = logging.Formatter("%(message)s").format(record)  # what the log file writes
    assert english.startswith("Discord connection lost (the file does not exist; check the path.)")
    assert token not in english and "[REDACTED]" in english
