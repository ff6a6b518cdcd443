"""End-to-end fixtures: isolated homes that are remembered for the final token scan, a standalone sandbox
subprocess, discord.py endpoints put back after each test, and a token-leak / unclean-shutdown watch."""

from __future__ import annotations

import gc
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e import support
from tests.e2e.support import TOKEN, TOKEN_SECRET, files_containing
from tests.helpers.sandbox_process import SandboxProcess
from tests.sandbox.helpers import endpoints_restored

_UNCLEAN = ("Unclosed client session", "Unclosed connector", "Task was destroyed but it is pending")


@pytest.fixture(scope="session", autouse=True)
def _token_scan_after_the_last_test() -> Iterator[None]:
    """Once every end-to-end test has run, whatever their order: the token is in no file under any home
    they used and in none of the output they captured (a failure shows as an error of the last test)."""
    yield
    for h in support.HOMES:
        for needle in (TOKEN, TOKEN_SECRET):
            assert not h.is_dir() or files_containing(h, needle) == [], f"the token is in a file under {h}"
    for text in support.OUTPUTS:
        assert TOKEN_SECRET not in text, "the token leaked into captured output"


@pytest.fixture(autouse=True)
def _discord_endpoints() -> Iterator[None]:
    """The adapter points discord.py's class attributes at the sandbox; later tests get the originals."""
    with endpoints_restored():
        yield


@pytest.fixture(autouse=True)
def _no_token_leak(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> Iterator[None]:
    """Everything logged (discord.py's debug logs too) and printed, in this process and by the CLI
    subprocesses the test ran, must be free of the token; no aiohttp session may be left unclosed."""
    caplog.set_level(logging.DEBUG)
    outputs_before = len(support.OUTPUTS)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        yield
        gc.collect()
    out, err = capfd.readouterr()
    support.OUTPUTS.extend([out, err])
    records = [r for when in ("setup", "call") for r in caplog.get_records(when)]
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in records)
    support.OUTPUTS.append(logged)
    texts = [logged, caplog.text, out, err, *(str(w.message) for w in caught)]
    texts += support.OUTPUTS[outputs_before:]
    for text in texts:
        assert TOKEN_SECRET not in text, "the bot token leaked into logs or output"
        for marker in _UNCLEAN:
            assert marker not in text, f"unclean shutdown: {marker}"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty app home, remembered for the token scan at the end of the module."""
    return support.register_home(tmp_path / "home")


@pytest.fixture
def sandbox_proc() -> Iterator[SandboxProcess]:
    """A standalone sandbox (``python -m cdp_desktop.sandbox --port 0``) accepting :data:`TOKEN`."""
    sb = SandboxProcess.start(token=TOKEN)
    try:
        yield sb
    finally:
        sb.stop()
