"""Logging: a rotating file in the log folder, stderr for the CLI, and redaction on every handler.

Redaction sits on each handler (a logger filter would miss records propagated from child loggers such as
``discord.http``) and works on the rendered text: the message with its arguments, the exception traceback and
the stack. It removes the registered token, anything shaped like a Discord token, ``Bot``/``Bearer``
credentials, Authorization header values and ``user:pass@`` in URLs (proxy credentials). The formatters
redact their final output once more, for handlers that render the record in some other way.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import threading
from io import TextIOWrapper
from pathlib import Path

from .core.locking import make_private_dir
from .core.messages import Message, Param
from .paths import AppPaths

LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
REDACTED = "[REDACTED]"
FILE_ONLY = {"cdp_file_only": True}  # ``extra=FILE_ONLY``: keep a record (e.g. a traceback) out of stderr
FILE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

# A bot token is base64(user ID) . base64(timestamp) . HMAC; the lengths are generous on purpose.
_TOKEN_RE = re.compile(
    r"(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]{20,40}\.[A-Za-z0-9_-]{4,12}\.[A-Za-z0-9_-]{20,}|mfa\.[A-Za-z0-9_-]{20,})"
)
_SCHEME_CRED_RE = re.compile(r"\b(Bot|Bearer|Basic)\s+[A-Za-z0-9+/=_.\-]{8,}")
_AUTH_HEADER_RE = re.compile(
    r"""(authorization['"]?\s*[:=]\s*['"]?)(?:(?:Bot|Bearer|Basic)\s+)?[^'"\s,;}]+""", re.IGNORECASE
)
# userinfo runs to the last "@" of the authority (passwords may contain "@")
_URL_CRED_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*://)[^\s/?#]*@")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_current_log_file: Path | None = None


def register_secret(secret: str | None) -> None:
    """Redact this exact text (the configured token) from every log line from now on."""
    if secret and len(secret.strip()) >= 8:  # short strings would redact ordinary words
        with _secrets_lock:
            _secrets.add(secret.strip())


def forget_secrets() -> None:
    with _secrets_lock:
        _secrets.clear()


def redact(text: str, *secrets: str | None) -> str:
    """``text`` without credentials: the registered secrets, the exact ``secrets`` given (a token or proxy
    password at hand), and anything shaped like one. The one redaction of the app (logs, status lines,
    messages for users), with one placeholder."""
    with _secrets_lock:
        known = sorted(_secrets | {s for s in secrets if s}, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    text = _URL_CRED_RE.sub(lambda m: m.group(1) + REDACTED + "@", text)
    text = _AUTH_HEADER_RE.sub(lambda m: m.group(1) + REDACTED, text)
    text = _SCHEME_CRED_RE.sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    return _TOKEN_RE.sub(REDACTED, text)


_plain = logging.Formatter()


class RedactingFilter(logging.Filter):
    """Renders message, arguments, traceback and stack into text and redacts them in place on the record.

    A record that says a core Message keeps it (with its text parameters redacted): the CLI's terminal
    formatter renders it in the user's language, the log file writes its English ``str()``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _keep_messages(record):
            try:
                message = record.getMessage()
            except Exception:  # a bad format string must not lose the record (or leak raw args unredacted)
                message = f"{record.msg!r} % {record.args!r}"
            record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = _plain.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _redacted(value: Param) -> Param:
    if isinstance(value, Message):
        return Message(value.key, {k: _redacted(v) for k, v in value.params.items()})
    return redact(value) if isinstance(value, str) else value


def _keep_messages(record: logging.LogRecord) -> bool:
    """Redact a record that says a core :class:`Message` (as the message or a ``%s`` argument) while keeping
    the Messages: the terminal renders them in the user's language, the log file's ``str()`` is English.
    False when there is none (or the arguments do not fit the format): then the record is flattened."""
    if isinstance(record.msg, Message) and not record.args:
        record.msg = _redacted(record.msg)
        return True
    args = record.args
    if not (isinstance(record.msg, str) and isinstance(args, tuple)):
        return False
    if not any(isinstance(a, Message) for a in args):
        return False
    kept = tuple(
        _redacted(a) if isinstance(a, (Message, str, int, float, bool)) else redact(str(a)) for a in args
    )
    try:
        record.msg % kept
    except Exception:
        return False
    record.msg, record.args = redact(record.msg), kept
    return True


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _StderrFormatter(RedactingFormatter):
    """``cdp-desktop: warning: …`` — one line per record; tracebacks only with -vv."""

    def __init__(self, tracebacks: bool) -> None:
        super().__init__("cdp-desktop: %(levelname)s: %(message)s")
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        if not self.tracebacks and (record.exc_info or record.exc_text or record.stack_info):
            record = logging.makeLogRecord(record.__dict__)
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        record.levelname = record.levelname.lower()
        try:
            return super().format(record)
        finally:
            record.levelname = record.levelname.upper()


class _NotFileOnly(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "cdp_file_only", False)


class PrivateRotatingFileHandler(logging.FileHandler):
    """Log files are created with mode 0600: they describe the user's servers and channels.

    Rotated by size: when a record would take the file past ``maxBytes``, ``log`` becomes ``log.1``, ``log.1``
    becomes ``log.2`` and so on up to ``backupCount``. Built on logging's core FileHandler rather than
    ``logging.handlers``, whose imports (socket, selectors, pickle, queue) would come before the first paint.
    """

    def __init__(
        self, filename: str | os.PathLike[str], maxBytes: int, backupCount: int, encoding: str
    ) -> None:
        self.maxBytes = maxBytes
        self.backupCount = backupCount
        super().__init__(filename, mode="a", encoding=encoding)

    _write_failed = False

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # always append

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_with(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full_with(self, record: logging.LogRecord) -> bool:
        if self.maxBytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        size = len((self.format(record) + self.terminator).encode(self.encoding or "utf-8", "replace"))
        self.stream.seek(0, os.SEEK_END)
        return bool(self.stream.tell() + size > self.maxBytes and self.stream.tell() > 0)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for n in range(self.backupCount - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if self.backupCount > 0 and os.path.exists(base):
            os.replace(base, f"{base}.1")
        elif self.backupCount <= 0:
            open(base, "w").close()  # no backups: start the file over
        self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A full disk or a vanished log folder: one line on stderr, once, instead of logging's traceback
        for every record (the command's own messages still reach the user)."""
        if self._write_failed:
            return
        self._write_failed = True
        problem = sys.exc_info()[1]
        reason = getattr(problem, "strerror", None) or problem or "unknown error"
        with contextlib.suppress(Exception):
            sys.stderr.write(
                f"cdp-desktop: warning: cannot write the log file {self.baseFilename} ({reason}); "
                "log lines are lost until it can be written again.\n"
            )


def install_redaction(handler: logging.Handler) -> logging.Handler:
    """Attach the redacting filter to a handler; call it for every handler added elsewhere (the GUI's)."""
    if not any(isinstance(f, RedactingFilter) for f in handler.filters):
        handler.addFilter(RedactingFilter())
    return handler


def setup_logging(paths: AppPaths, *, stderr: bool, verbose: int = 0) -> Path | None:
    """(Re)configure the root logger; returns the log file, or None when it could not be opened.

    ``verbose``: 0 → file INFO, stderr WARNING; 1 → stderr INFO; 2+ → DEBUG everywhere, tracebacks on stderr.
    """
    global _current_log_file
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "cdp_handler", False)]:
        root.removeHandler(old)
        old.close()
    level = logging.DEBUG if verbose >= 2 else logging.INFO
    root.setLevel(level)

    handlers: list[logging.Handler] = []
    log_file: Path | None = paths.log_file
    problem = ""
    try:
        make_private_dir(paths.log_dir)  # and a new --home above it: 0700, not the umask's 0755
        file_handler = PrivateRotatingFileHandler(
            paths.log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        file_handler.setLevel(level)
        file_handler.setFormatter(RedactingFormatter(FILE_FORMAT))
        handlers.append(file_handler)
    except OSError as exc:
        log_file = None
        problem = f"cannot write the log file {paths.log_file} ({exc.strerror}); logging to stderr only."
    if stderr or log_file is None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.DEBUG if verbose >= 2 else logging.INFO if verbose == 1 else logging.WARNING)
        stream.setFormatter(_StderrFormatter(tracebacks=verbose >= 2))
        stream.addFilter(_NotFileOnly())
        handlers.append(stream)
    for handler in handlers:
        handler.cdp_handler = True  # type: ignore[attr-defined]
        install_redaction(handler)
        root.addHandler(handler)
    _current_log_file = log_file
    if problem:
        logging.getLogger(__name__).warning(problem)
    return log_file


def log_file_path(paths: AppPaths | None = None) -> Path:
    """The current log file (for "Open log folder" and error messages)."""
    if paths is not None:
        return paths.log_file
    return _current_log_file or AppPaths.resolve().log_file
