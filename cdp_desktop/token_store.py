"""The bot token in the operating system's keyring, with explicit states and never a plaintext fallback.

Every keyring call runs in its own daemon thread and is given up after a timeout: a locked collection or an
unlock prompt nobody answers can block a keyring call forever (a known keyring behaviour), and neither the GUI
thread nor interpreter shutdown may wait for it. Executor threads (``run_in_executor``) are joined at exit, so
they are not used here. A call that is still stuck makes later calls report ``locked`` instead of piling up
more blocked threads.

``CDP_DESKTOP_TOKEN`` overrides the keyring for reading; it is never written anywhere.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from .core.errors import CdpError
from .core.messages import Message, Template, template
from .logs import redact

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "cdp-desktop"
USERNAME = "bot-token"
TOKEN_ENV = "CDP_DESKTOP_TOKEN"
DEFAULT_TIMEOUT = 5.0
MAX_TOKEN_LENGTH = 200  # real tokens are ~70 characters; Windows Credential Manager caps blobs at 2560 bytes

_C = "TokenStore"
_S = "TokenShape"
KEYRING_UNAVAILABLE = template(
    _C,
    "keyring.unavailable",
    "No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your "
    "desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set {env} for "
    "this process. The token is never stored in a plain file.",
)
KEYRING_TIMED_OUT = template(
    _C,
    "keyring.timed_out",
    "The keyring did not answer within {seconds} s; it is probably locked or waiting for an unlock prompt. "
    "Unlock it and try again, or set {env} for this process.",
)
KEYRING_CRASHED = template(_C, "keyring.crashed", "The keyring failed: {detail}")
KEYRING_LOCKED = template(
    _C,
    "keyring.locked",
    "The keyring is locked or could not be opened ({detail}). Unlock it (for example by logging in to the "
    "desktop session) and try again, or set {env} for this process.",
)
KEYRING_FAILED = template(
    _C, "keyring.failed", "The keyring ({backend}) failed: {detail}. Set {env} to use a token without it."
)

TOKEN_MISSING = template(
    _C, "token.missing", "No bot token is stored yet; enter one (cdp-desktop token set)."
)
TOKEN_READ = template(_C, "token.read", "Token read from {backend}.")
TOKEN_NOT_KEPT = template(
    _C,
    "token.not_kept",
    "The keyring ({backend}) did not keep the token. No keyring is available to store the bot token. Run "
    "a Secret Service (GNOME Keyring or KWallet) in your desktop session (macOS Keychain and Windows "
    "Credential Manager work out of the box), or set {env} for this process. The token is never stored in "
    "a plain file.",
)
TOKEN_SAVED = template(_C, "token.saved", "Token saved in {backend}.")
TOKEN_SAVED_ENV_WINS = template(
    _C,
    "token.saved_env_wins",
    "Token saved in {backend}. {env} is set and still takes precedence in this process.",
)
TOKEN_REMOVED = template(_C, "token.removed", "Token removed from {backend}.")
TOKEN_REMOVED_ENV_SET = template(
    _C, "token.removed_env_set", "Token removed from {backend}. {env} is still set for this process."
)
TOKEN_NONE_STORED = template(_C, "token.none_stored", "No token was stored.")
TOKEN_NONE_STORED_ENV_SET = template(
    _C, "token.none_stored_env_set", "No token was stored. {env} is still set for this process."
)
TOKEN_FROM_ENV = template(_C, "token.from_env", "Token taken from {env}.")

# Each problem is one whole text with where to get a good token (translated as a whole, not in pieces).
SHAPE_EMPTY = template(
    _S,
    "token_shape.empty",
    "The token is empty. Copy it again from the Discord Developer Portal "
    "(Applications \u2192 your app \u2192 Bot \u2192 Reset Token).",
)
SHAPE_TOO_LONG = template(
    _S,
    "token_shape.too_long",
    "The token is too long ({length} characters; bot tokens have about 70). Copy it again from the Discord "
    "Developer Portal (Applications \u2192 your app \u2192 Bot \u2192 Reset Token).",
)
SHAPE_PARTS = template(
    _S,
    "token_shape.parts",
    "A bot token has three parts separated by dots; this text has {parts}. Copy it again from the Discord "
    "Developer Portal (Applications \u2192 your app \u2192 Bot \u2192 Reset Token).",
)
SHAPE_CHARACTERS = template(
    _S,
    "token_shape.characters",
    "The token contains characters a bot token cannot have (only letters, digits, - and _ between the dots). "
    "Copy it again from the Discord Developer Portal (Applications \u2192 your app \u2192 Bot \u2192 "
    "Reset Token).",
)
SHAPE_NOT_USER_ID = template(
    _S,
    "token_shape.not_user_id",
    "The first part of a bot token encodes the bot's user ID, and this one does not; it may be the client "
    "secret or the public key instead. Copy it again from the Discord Developer Portal "
    "(Applications \u2192 your app \u2192 Bot \u2192 Reset Token).",
)


class TokenState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class TokenResult:
    """The state of the stored secret after an operation (``clear`` that worked → ``missing``); ``message``
    says so for a person (rendered in their language when shown)."""

    state: TokenState
    message: Message
    token: str | None = field(default=None, repr=False)  # never in a repr that could reach a log
    source: Literal["env", "keyring"] | None = None
    backend: str | None = None  # display name of the keyring backend, when one was used

    @property
    def ok(self) -> bool:
        return self.state is TokenState.OK


class TokenShapeError(CdpError):
    """The text is not shaped like a Discord bot token (``args[0]`` is the :class:`Message` saying why)."""


# --------------------------------------------------------------------------- shape


_PART = re.compile(r"^[A-Za-z0-9_-]+$")


def normalize_token(raw: str) -> str:
    """Strip whitespace and a leading ``Bot `` (people paste the Authorization header value)."""
    text = raw.strip()
    if text[:4].lower() == "bot ":
        text = text[4:].strip()
    return text


def check_token_shape(token: str) -> Message | None:
    """``None`` when ``token`` looks like a bot token, else a message saying what is wrong and where to get
    a good one."""
    text = normalize_token(token)
    if not text:
        return SHAPE_EMPTY()
    if len(text) > MAX_TOKEN_LENGTH:
        return SHAPE_TOO_LONG(length=len(text))
    parts = text.split(".")
    if len(parts) != 3:
        return SHAPE_PARTS(parts=len(parts))
    if not all(_PART.match(p) for p in parts):
        return SHAPE_CHARACTERS()
    first = parts[0]
    try:
        user_id = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        user_id = ""
    if not re.fullmatch(r"[0-9]{17,20}", user_id):
        return SHAPE_NOT_USER_ID()
    return None


# --------------------------------------------------------------------------- what is stored


@dataclass(frozen=True)
class StoredSecret:
    """One secret the app keeps in the keyring (service ``cdp-desktop``): its keyring user name, the
    environment variable that overrides it for one process (never written anywhere), how a value is
    checked, and what a person is told about it."""

    user: str
    env: str
    checked: Callable[[str], str]  # the value to store, or raises a CdpError saying what is wrong
    from_env: Callable[[str], str]  # the environment's value as used
    missing: Template
    read: Template  # {backend}
    not_kept: Template  # {backend}, {env}
    saved: Template  # {backend}
    saved_env_wins: Template  # {backend}, {env}
    removed: Template  # {backend}
    none_stored: Template
    taken_from_env: Template  # {env}
    removed_env_set: Template | None = None  # {backend}, {env}: said when clearing while the variable is set
    none_stored_env_set: Template | None = None  # {env}


def _checked_token(token: str) -> str:
    problem = check_token_shape(token)
    if problem:
        raise TokenShapeError(problem)
    return normalize_token(token)


BOT_TOKEN = StoredSecret(
    user=USERNAME,
    env=TOKEN_ENV,
    checked=_checked_token,
    from_env=normalize_token,
    missing=TOKEN_MISSING,
    read=TOKEN_READ,
    not_kept=TOKEN_NOT_KEPT,
    saved=TOKEN_SAVED,
    saved_env_wins=TOKEN_SAVED_ENV_WINS,
    removed=TOKEN_REMOVED,
    none_stored=TOKEN_NONE_STORED,
    taken_from_env=TOKEN_FROM_ENV,
    removed_env_set=TOKEN_REMOVED_ENV_SET,
    none_stored_env_set=TOKEN_NONE_STORED_ENV_SET,
)


# --------------------------------------------------------------------------- backends


class _Unavailable(Exception):
    pass


def _is_refused(backend: KeyringBackend) -> bool:
    """Backends that store nothing (fail, null) or store in a file we would not call safe (keyrings.alt)."""
    from keyring.backends import fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    module = type(backend).__module__
    return module.startswith("keyrings.alt") or hasattr(type(backend), "file_path")


def _backend_name(backend: KeyringBackend) -> str:
    name = getattr(type(backend), "name", None)
    return str(name) if name else type(backend).__name__


# --------------------------------------------------------------------------- the store


class TokenStore:
    """A secret in the keyring (by default the bot token: service ``cdp-desktop``, user ``bot-token``).

    ``backend`` pins a keyring backend (tests); by default keyring's own choice is used, minus refused ones.
    A subclass keeps another secret the same way by setting ``secret``.
    """

    secret: StoredSecret = BOT_TOKEN

    def __init__(self, *, backend: KeyringBackend | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._backend = backend
        self.timeout = timeout
        self._lock = threading.Lock()
        self._inflight: threading.Event | None = None  # set when the latest worker finished

    # -- public sync API ---------------------------------------------------------------------------
    def get(self, timeout: float | None = None) -> TokenResult:
        env = self._from_env()
        if env is not None:
            return env
        return self._run(self._op_get, timeout)

    def set(self, token: str, timeout: float | None = None) -> TokenResult:
        value = self.secret.checked(token)
        return self._run(lambda: self._op_set(value), timeout)

    def clear(self, timeout: float | None = None) -> TokenResult:
        return self._run(self._op_clear, timeout)

    # -- public async API (for the GUI: the event loop keeps turning while the keyring thinks) -----------
    async def aget(self, timeout: float | None = None) -> TokenResult:
        env = self._from_env()
        if env is not None:
            return env
        return await self._arun(self._op_get, timeout)

    async def aset(self, token: str, timeout: float | None = None) -> TokenResult:
        value = self.secret.checked(token)
        return await self._arun(lambda: self._op_set(value), timeout)

    async def aclear(self, timeout: float | None = None) -> TokenResult:
        return await self._arun(self._op_clear, timeout)

    # -- threads -----------------------------------------------------------------------------------
    def _timeout(self, timeout: float | None) -> float:
        return self.timeout if timeout is None else timeout

    def _timed_out(self, timeout: float) -> TokenResult:
        return TokenResult(
            TokenState.LOCKED, message=KEYRING_TIMED_OUT(seconds=f"{timeout:g}", env=self.secret.env)
        )

    def _start(
        self, op: Callable[[], TokenResult], deliver: Callable[[TokenResult], None]
    ) -> threading.Event:
        done = threading.Event()

        def work() -> None:
            try:
                result = op()
            except BaseException as exc:  # a worker must always deliver something
                result = TokenResult(TokenState.UNAVAILABLE, message=KEYRING_CRASHED(detail=repr(exc)))
            try:
                deliver(result)
            finally:
                done.set()

        with self._lock:
            self._inflight = done
        threading.Thread(target=work, name="cdp-keyring", daemon=True).start()
        return done

    def _previous_stuck(self) -> threading.Event | None:
        with self._lock:
            prev = self._inflight
        return prev if prev is not None and not prev.is_set() else None

    def _run(self, op: Callable[[], TokenResult], timeout: float | None) -> TokenResult:
        limit = self._timeout(timeout)
        deadline = time.monotonic() + limit
        prev = self._previous_stuck()
        if prev is not None and not prev.wait(limit):
            return self._timed_out(limit)
        box: list[TokenResult] = []
        done = self._start(op, box.append)
        if not done.wait(max(0.0, deadline - time.monotonic())) or not box:
            return self._timed_out(limit)
        return box[0]

    async def _arun(self, op: Callable[[], TokenResult], timeout: float | None) -> TokenResult:
        limit = self._timeout(timeout)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        while self._previous_stuck() is not None:
            if loop.time() >= deadline:
                return self._timed_out(limit)
            await asyncio.sleep(0.05)
        fut: asyncio.Future[TokenResult] = loop.create_future()

        def deliver(result: TokenResult) -> None:
            def settle() -> None:
                if not fut.done():
                    fut.set_result(result)

            with contextlib.suppress(RuntimeError):  # the loop closed while the keyring was busy
                loop.call_soon_threadsafe(settle)

        self._start(op, deliver)
        try:
            return await asyncio.wait_for(fut, max(0.0, deadline - loop.time()))
        except TimeoutError:
            return self._timed_out(limit)

    # -- operations (run in the worker thread) -------------------------------------------------------
    def _resolve(self) -> KeyringBackend:
        if self._backend is not None:
            candidates = [self._backend]
        else:
            import keyring
            from keyring.backends.chainer import ChainerBackend

            chosen = keyring.get_keyring()
            # A chainer writes to the first backend that accepts: choose it ourselves, minus refused ones.
            candidates = list(chosen.backends) if isinstance(chosen, ChainerBackend) else [chosen]
        usable = [b for b in candidates if not _is_refused(b)]
        if not usable:
            raise _Unavailable
        return usable[0]

    def _fail(self, exc: BaseException, backend: str | None, token: str | None = None) -> TokenResult:
        from keyring import errors

        detail = redact(str(exc) or type(exc).__name__, token)
        env = self.secret.env
        if isinstance(exc, errors.NoKeyringError):
            return TokenResult(TokenState.UNAVAILABLE, message=KEYRING_UNAVAILABLE(env=env), backend=backend)
        if isinstance(exc, errors.InitError | errors.KeyringLocked):
            return TokenResult(
                TokenState.LOCKED, message=KEYRING_LOCKED(detail=detail, env=env), backend=backend
            )
        return TokenResult(
            TokenState.UNAVAILABLE,
            message=KEYRING_FAILED(backend=str(backend), detail=detail, env=env),
            backend=backend,
        )

    def _with_backend(
        self, act: Callable[[KeyringBackend, str], TokenResult], token: str | None = None
    ) -> TokenResult:
        """``act(backend, name)`` on the chosen backend; what the keyring raises becomes a result."""
        try:
            backend = self._resolve()
        except _Unavailable:
            return TokenResult(TokenState.UNAVAILABLE, message=KEYRING_UNAVAILABLE(env=self.secret.env))
        name = _backend_name(backend)
        try:
            return act(backend, name)
        except Exception as exc:  # KeyringError is the documented umbrella; D-Bus libraries leak others
            return self._fail(exc, name, token)

    def _op_get(self) -> TokenResult:
        return self._with_backend(self._get)

    def _op_set(self, token: str) -> TokenResult:
        return self._with_backend(lambda backend, name: self._set(backend, name, token), token)

    def _op_clear(self) -> TokenResult:
        return self._with_backend(self._clear)

    # -- what each operation does with the keyring (in the worker thread) ---------------------------
    def _get(self, backend: KeyringBackend, name: str) -> TokenResult:
        value = backend.get_password(SERVICE, self.secret.user)
        if not value:
            return TokenResult(TokenState.MISSING, message=self.secret.missing(), backend=name)
        return TokenResult(TokenState.OK, self.secret.read(backend=name), value, "keyring", name)

    def _set(self, backend: KeyringBackend, name: str, value: str) -> TokenResult:
        kind = self.secret
        backend.set_password(SERVICE, kind.user, value)
        if backend.get_password(SERVICE, kind.user) != value:  # some backends accept and drop silently
            return TokenResult(
                TokenState.UNAVAILABLE, message=kind.not_kept(backend=name, env=kind.env), backend=name
            )
        if os.environ.get(kind.env):
            message = kind.saved_env_wins(backend=name, env=kind.env)
        else:
            message = kind.saved(backend=name)
        return TokenResult(TokenState.OK, message, value, "keyring", name)

    def _clear(self, backend: KeyringBackend, name: str) -> TokenResult:
        from keyring import errors

        kind = self.secret
        env_set = bool(os.environ.get(kind.env))
        try:
            backend.delete_password(SERVICE, kind.user)
        except errors.PasswordDeleteError:
            if env_set and kind.none_stored_env_set is not None:
                message = kind.none_stored_env_set(env=kind.env)
            else:
                message = kind.none_stored()
        else:
            if env_set and kind.removed_env_set is not None:
                message = kind.removed_env_set(backend=name, env=kind.env)
            else:
                message = kind.removed(backend=name)
        return TokenResult(TokenState.MISSING, message=message, backend=name)

    def _from_env(self) -> TokenResult | None:
        kind = self.secret
        raw = os.environ.get(kind.env, "")
        if not raw.strip():
            return None
        return TokenResult(TokenState.OK, kind.taken_from_env(env=kind.env), kind.from_env(raw), "env")
