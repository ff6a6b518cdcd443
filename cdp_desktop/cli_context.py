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
from .logs import FILE_ONLY, redact
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
            english = str(warning)  # --json and the log file; the terminal gets the user's language
            if english not in self.warnings:
                self.warnings.append(english)
                log.warning("%s", english, extra=FILE_ONLY)
                err(warning, kind="warning")
        if result.config.settings.language:
            i18n.activate(result.config.settings.language)
        return result.config

    def update(self, mutate: Callable[[Config], T]) -> tuple[Config, T]:
        """Change the configuration as it is on disk now, under the inter-process lock (no lost edits).

        The first write creates the file: its keep-alive text is then the default in the active language
        (the language of the first run), which the user edits like any other setting."""
        first_run = not self.paths.config_file.exists()

        def change(config: Config) -> T:
            if first_run:
                i18n.localize_default_template(config.settings)
            return mutate(config)

        result, value = self.store.update(change, on_load=self._loaded)
        return result.config, value

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))


def state_name(value: str) -> str:
    """A channel state's short name in the active language (``--json`` keeps the stable value)."""
    from .core.errors import STATE_NAMES, State

    try:
        return i18n.render(STATE_NAMES[State(value)])
    except (ValueError, KeyError):  # a state written by a newer version: its stable name
        return value


def pad(cell: str, width: int) -> str:
    """``cell`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell)
    return cell + " " * max(0, width - used)


def out(line: str | Message = "") -> None:
    print(text(line), file=sys.stdout)


def out_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False), file=sys.stdout)


def err(message: str | Message, *, kind: str = "error") -> None:
    """One line on stderr: ``cdp-desktop: error: …`` (``kind="note"`` for a remark that is not a failure)."""
    line = " ".join(redact(text(message)).split())
    if kind == "warning":
        pattern = _("{prog}: warning: {message}")
    elif kind == "note":
        pattern = _("{prog}: note: {message}")
    else:
        pattern = _("{prog}: error: {message}")
    print(pattern.format(prog=PROG, message=line), file=sys.stderr)


def _line_pattern(level: int) -> str:
    if level >= logging.ERROR:
        return _("{prog}: error: {message}")
    if level >= logging.WARNING:
        return _("{prog}: warning: {message}")
    if level >= logging.INFO:
        return _("{prog}: info: {message}")
    return _("{prog}: debug: {message}")


class TerminalFormatter(logging.Formatter):
    """Log records on the terminal read like the command's own lines (``cdp-desktop: warning: …``) in the
    user's language: a record whose message is a core :class:`Message` is rendered (the log file keeps the
    English). Tracebacks only with ``-vv``; secrets are redacted like everywhere."""

    def __init__(self, tracebacks: bool) -> None:
        super().__init__()
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        said = self._said(record)
        line = _line_pattern(record.levelno).format(prog=PROG, message=said)
        if self.tracebacks and record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        if self.tracebacks and record.stack_info:
            line += "\n" + self.formatStack(record.stack_info)
        return redact(line)

    @staticmethod
    def _said(record: logging.LogRecord) -> str:
        """The record's text with its core messages (as the message or as ``%s`` arguments) rendered."""
        if isinstance(record.msg, Message):
            return text(record.msg)
        args = record.args
        if isinstance(args, tuple) and any(isinstance(a, Message) for a in args):
            try:
                return str(record.msg) % tuple(text(a) if isinstance(a, Message) else a for a in args)
            except (TypeError, ValueError):
                pass
        return record.getMessage()


def use_terminal_formatter(verbose: int) -> None:
    """Give the stderr handler that ``logs.setup_logging`` installed a :class:`TerminalFormatter`."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "cdp_handler", False) and type(handler) is logging.StreamHandler:
            handler.setFormatter(TerminalFormatter(tracebacks=verbose >= 2))


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
