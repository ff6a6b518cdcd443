"""Integration-test fixtures: every test here is watched for token leaks and unclean shutdowns."""

from __future__ import annotations

import gc
import logging
import warnings
from collections.abc import Iterator

import pytest

from tests.integration.harness import TOKEN

_UNCLEAN = ("Unclosed client session", "Unclosed connector", "Task was destroyed but it is pending")


@pytest.fixture(autouse=True)
def _no_token_leak_no_unclean_shutdown(
    caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> Iterator[None]:
    """Capture everything (discord.py's debug logs included); afterwards the token must appear nowhere,
    and aiohttp/asyncio must not have complained about sessions or tasks left behind."""
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        yield
        gc.collect()  # unclosed sessions/connectors complain from their finalisers
    out, err = capfd.readouterr()
    # caplog.text only holds the current phase (teardown): collect the records of every phase
    records = [r for when in ("setup", "call") for r in caplog.get_records(when)]
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in records)
    texts = [logged, caplog.text, out, err, *(str(w.message) for w in caught)]
    for text in texts:
        assert TOKEN not in text, "the bot token leaked into logs or output"
        for marker in _UNCLEAN:
            assert marker not in text, f"unclean shutdown: {marker}"
    # the token's secret part alone must not leak either (e.g. a header dump)
    secret = TOKEN.rsplit(".", 1)[-1]
    assert all(secret not in text for text in texts)
