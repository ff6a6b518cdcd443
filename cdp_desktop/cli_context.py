"""What every CLI command shares: the exit codes, the per-command :class:`Context` and the output helpers.

``cli.py`` (parser and entry point) and the command modules (``cli_runtime``, ``cli_history``, ``cli_cdp``,
``cli_desktop``) all import from here and never from each other's top level, so there is no import circle.

Exit codes: 0 ok, 1 an unexpected error or a run that failed, 2 invalid input or a setup problem, 130
interrupted. Human output goes through :func:`out` / :func:`err` in the active language (``i18n``); ``--json``
documents keep stable English keys and state values.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import i18n
from .core.config import Config, ConfigStore, LoadResult
from .core.errors import CdpError
from .core.messages import Message
from .i18n import _
from .logs import redact
from .paths import AppPaths

PROG = "cdp-desktop"
EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_INTERRUPTED = 0, 1, 2, 130

log = logging.getLogger(__name__)
T = TypeVar("T")


class UsageError(CdpError):
    """Bad command-line syntax (argparse's complaint, as one line)."""


def text(value: object) -> str:
    """What to show for ``value``: a core :class:`Message` in the active language, anything else as is."""
    return i18n.render(value) if isinstance(value, Message) else str(value)


def error_text(exc: BaseException) -> str:
    """The user's line for an error: its message rendered when it carries one, else its own words."""
    for candidate in (getattr(exc, "message", None), *exc.args[:1]):
        if isinstance(candidate, Message):
            return i18n.render(candidate)
    return str(exc)


@dataclass
class Context:
    """One command's arguments, the app folder, the log file and the configuration (loaded on demand)."""

    args: argparse.Namespace
    paths: AppPaths
    log_file: Path | None
    warnings: list[str] = field(default_factory=list)
    _store: ConfigStore | None = None

    @property
    def store(self) -> ConfigStore:
        if self._store is None:
            self._store = ConfigStore(self.paths.config_dir)
        return self._store

    def load(self) -> Config:
        """The configuration; file problems (moved aside, newer version) are warned about on stderr."""
        return self._loaded(self.store.load())

    def _loaded(self, result: LoadResult) -> Config:
        for warning in result.warnings:
            shown = text(warning)
            if shown not in self.warnings:
                self.warnings.append(shown)
                log.warning("%s", shown)
        if result.config.settings.language:
            i18n.activate(result.config.settings.language)
        return result.config

    def update(self, mutate: Callable[[Config], T]) -> tuple[Config, T]:
        """Change the configuration as it is on disk now, under the inter-process lock (no lost edits)."""
        result, value = self.store.update(mutate, on_load=self._loaded)
        return result.config, value

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))


def out(line: str | Message = "") -> None:
    print(text(line), file=sys.stdout)


def out_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False), file=sys.stdout)


def err(message: str | Message, *, kind: str = "error") -> None:
    """One line on stderr: ``cdp-desktop: error: …`` (``kind="note"`` for a remark that is not a failure)."""
    line = " ".join(redact(text(message)).split())
    print(f"{PROG}: {_(kind)}: {line}", file=sys.stderr)


def describe_os_error(exc: OSError) -> str:
    """One line for a failed file operation: what failed and what to do about it."""
    import errno

    where = exc.filename or _("a file")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full: {path} could not be written; free some space and try again").format(
            path=where
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _("{path} is not writable ({problem}); fix its permissions or pass --home DIR").format(
            path=where, problem=exc.strerror
        )
    return _("{path}: {problem}; check the file and its folder, or pass --home DIR").format(
        path=where, problem=exc.strerror or exc
    )
