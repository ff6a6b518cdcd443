"""Helpers for the end-to-end tests: the whole stack (CLI or Engine + DiscordClient + History) against the
sandbox (the standalone one is ``tests.helpers.sandbox_process``), and a registry of every home directory
and every piece of output the tests produced, so that the last test can look for the token in all of them.
"""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from cdp_desktop.sandbox import BOT_ID
from tests.helpers import cli

T = TypeVar("T")

# Shaped like a real bot token for the sandbox's bot (the CLI checks the shape before logging in).
TOKEN_SECRET = "e2e_Only-Secret-part-never-written-anywhere-7Qx"
TOKEN = base64.b64encode(str(BOT_ID).encode()).decode().rstrip("=") + ".E2eTkn." + TOKEN_SECRET
WRONG_TOKEN = base64.b64encode(str(BOT_ID).encode()).decode().rstrip("=") + ".E2eBad.not-the-right-one-xyz"

# Everything the tests wrote or printed: checked for the token after each test and after the whole module.
HOMES: list[Path] = []
OUTPUTS: list[str] = []


def register_home(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    HOMES.append(path)
    return path


def files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def arun(coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
    """Run ``coro`` in a fresh event loop with a hard timeout (tests never hang)."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro, timeout)

    return asyncio.run(bounded())


def safe_schedule_time(now: datetime | None = None) -> str:
    """A UTC schedule time six hours ago: the current slot cannot change while a test runs."""
    return ((now or datetime.now(UTC)) - timedelta(hours=6)).strftime("%H:%M")


# --------------------------------------------------------------------------- CLI as a subprocess


def cli_env(api_base: str | None, token: str | None = TOKEN, **extra: str) -> dict[str, str]:
    """:func:`tests.helpers.cli.cli_env` pointed at ``api_base`` with ``token`` (``None``: not set); ``extra``
    comes last and may replace either."""
    return cli.cli_env(**{"CDP_DESKTOP_API_BASE": api_base, "CDP_DESKTOP_TOKEN": token, **extra})


def run_cli(
    home: Path,
    *args: str,
    api_base: str | None,
    token: str | None = TOKEN,
    program: list[str] | None = None,
    timeout: float = 60,
    **extra_env: str,
) -> subprocess.CompletedProcess[str]:
    """``python -m cdp_desktop --home HOME -v ARGS`` (``-v``: more log lines to leak a token into); the
    output is kept in :data:`OUTPUTS` for the token scan."""
    proc = cli.run_cli(
        home, "-v", *args, env=cli_env(api_base, token, **extra_env), program=program, timeout=timeout
    )
    OUTPUTS.extend([proc.stdout, proc.stderr])
    return proc


def run_json(home: Path, *args: str, api_base: str | None, expect: int | None = None) -> dict[str, Any]:
    proc = run_cli(home, *args, "--json", api_base=api_base)
    if expect is not None:
        assert proc.returncode == expect, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


# --------------------------------------------------------------------------- message counting


def bot_messages(messages: list[dict[str, Any]], bot_id: int = BOT_ID) -> list[dict[str, Any]]:
    """The messages our bot wrote (the sandbox's target bot replies in the same channels)."""
    return [m for m in messages if int(m["author"]["id"]) == bot_id]
