"""Helpers for the dialog tests: a real AppService against the sandbox running in a background thread."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog

from cdp_desktop.paths import AppPaths
from cdp_desktop.sandbox.thread import SandboxThread
from cdp_desktop.service import LOOPBACK_TIMING, AppService
from cdp_desktop.token_store import TokenStore
from tests.helpers.sandbox_thread import sandbox_thread

D = TypeVar("D", bound=QDialog)


def no_keyring() -> TokenStore:
    """keyring's own "no backend" backend: every operation reports ``unavailable``."""
    from keyring.backends.fail import Keyring

    return TokenStore(backend=Keyring())


def start_sandbox() -> SandboxThread:
    """The sandbox of tests/conftest.py's ``sandbox`` fixture: quick replies (50 ms)."""
    return sandbox_thread(reply_delay=0.05)


def make_service(
    home: Path, sandbox: SandboxThread | None, token_store: TokenStore | None = None
) -> AppService:
    env = {"CDP_DESKTOP_API_BASE": sandbox.api_base} if sandbox is not None else {}
    return AppService(
        AppPaths.resolve(home), env=env, timing=LOOPBACK_TIMING, token_store=token_store or no_keyring()
    )


def connect(
    service: AppService, sandbox: SandboxThread, wait_for: Callable[..., Any], *, presence: bool = True
) -> None:
    """Log in; ``presence`` asks for the members intent, without which Discord lists no bot members."""
    service.update_config(lambda c: setattr(c.settings, "presence_intents", presence))
    wait_for(service.start(token=sandbox.token, schedule_runs=False), timeout=15)
    wait_for(service.wait_connected(10), timeout=15)


def saved_config(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "config.json").read_text(encoding="utf-8"))
    return data


def opened(qtbot: Any, dialog: D) -> D:
    """Hand ``dialog`` to qtbot (closed after the test) and open it; qtbot holds widgets weakly, so the
    caller keeps the returned reference."""
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog
