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
from .logs import redact

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "cdp-desktop"
USERNAME = "bot-token"
TOKEN_ENV = "CDP_DESKTOP_TOKEN"
DEFAULT_TIMEOUT = 5.0
MAX_TOKEN_LENGTH = 200  # real tokens are ~70 characters; Windows Credential Manager caps blobs at 2560 bytes

UNAVAILABLE_MESSAGE = (
    "No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your "
    "desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set "
    f"{TOKEN_ENV} for this process. The token is never stored in a plain file."
)


class TokenState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class TokenResult:
    """The state of the stored token after an operation (``clear`` that worked → ``missing``)."""

    state: TokenState
    token: str | None = field(default=None, repr=False)  # never in a repr that could reach a log
    message: str = ""
    source: Literal["env", "keyring"] | None = None
    backend: str | None = None  # display name of the keyring backend, when one was used

    @property
    def ok(self) -> bool:
        return self.state is TokenState.OK


class TokenShapeError(CdpError):
    """The text is not shaped like a Discord bot token."""


# --------------------------------------------------------------------------- shape


_PART = re.compile(r"^[A-Za-z0-9_-]+$")


def normalize_token(raw: str) -> str:
    """Strip whitespace and a leading ``Bot `` (people paste the Authorization header value)."""
    text = raw.strip()
    if text[:4].lower() == "bot ":
        text = text[4:].strip()
    return text


def check_token_shape(token: str) -> str | None:
    """``None`` when ``token`` looks like a bot token, else a message saying what is wrong."""
    text = normalize_token(token)
    where = "Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token)."
    if not text:
        return f"The token is empty. {where}"
    if len(text) > MAX_TOKEN_LENGTH:
        return f"The token is too long ({len(text)} characters; bot tokens have about 70). {where}"
    parts = text.split(".")
    if len(parts) != 3:
        return f"A bot token has three parts separated by dots; this text has {len(parts)}. {where}"
    if not all(_PART.match(p) for p in parts):
        return (
            "The token contains characters a bot token cannot have (only letters, digits, - and _ "
            f"between the dots). {where}"
        )
    first = parts[0]
    try:
        user_id = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        user_id = ""
    if not re.fullmatch(r"[0-9]{17,20}", user_id):
        return (
            "The first part of a bot token encodes the bot's user ID, and this one does not; it may be the "
            f"client secret or the public key instead. {where}"
        )
    return None


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
    """The bot token under service ``cdp-desktop``, user ``bot-token``.

    ``backend`` pins a keyring backend (tests); by default keyring's own choice is used, minus refused ones.
    """

    def __init__(self, *, backend: KeyringBackend | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._backend = backend
        self.timeout = timeout
        self._lock = threading.Lock()
        self._inflight: threading.Event | None = None  # set when the latest worker finished

    # -- public sync API ---------------------------------------------------------------------------
    def get(self, timeout: float | None = None) -> TokenResult:
        env = _env_token()
        if env is not None:
            return env
        return self._run(self._op_get, timeout)

    def set(self, token: str, timeout: float | None = None) -> TokenResult:
        value = _checked(token)
        return self._run(lambda: self._op_set(value), timeout)

    def clear(self, timeout: float | None = None) -> TokenResult:
        return self._run(self._op_clear, timeout)

    # -- public async API (for the GUI: the event loop keeps turning while the keyring thinks) -----------
    async def aget(self, timeout: float | None = None) -> TokenResult:
        env = _env_token()
        if env is not None:
            return env
        return await self._arun(self._op_get, timeout)

    async def aset(self, token: str, timeout: float | None = None) -> TokenResult:
        value = _checked(token)
        return await self._arun(lambda: self._op_set(value), timeout)

    async def aclear(self, timeout: float | None = None) -> TokenResult:
        return await self._arun(self._op_clear, timeout)

    # -- threads -----------------------------------------------------------------------------------
    def _timeout(self, timeout: float | None) -> float:
        return self.timeout if timeout is None else timeout

    def _timed_out(self, timeout: float) -> TokenResult:
        return TokenResult(
            TokenState.LOCKED,
            message=(
                f"The keyring did not answer within {timeout:g} s; it is probably locked or waiting for an "
                f"unlock prompt. Unlock it and try again, or set {TOKEN_ENV} for this process."
            ),
        )

    def _start(
        self, op: Callable[[], TokenResult], deliver: Callable[[TokenResult], None]
    ) -> threading.Event:
        done = threading.Event()

        def work() -> None:
            try:
                result = op()
            except BaseException as exc:  # a worker must always deliver something
                result = TokenResult(TokenState.UNAVAILABLE, message=f"The keyring failed: {exc!r}")
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
        if isinstance(exc, errors.NoKeyringError):
            return TokenResult(TokenState.UNAVAILABLE, message=UNAVAILABLE_MESSAGE, backend=backend)
        if isinstance(exc, errors.InitError | errors.KeyringLocked):
            return TokenResult(
                TokenState.LOCKED,
                message=(
                    f"The keyring is locked or could not be opened ({detail}). Unlock it (for example by "
                    f"logging in to the desktop session) and try again, or set {TOKEN_ENV} for this process."
                ),
                backend=backend,
            )
        return TokenResult(
            TokenState.UNAVAILABLE,
            message=f"The keyring ({backend}) failed: {detail}. Set {TOKEN_ENV} to use a token without it.",
            backend=backend,
        )

    def _with_backend(
        self, act: Callable[[KeyringBackend, str], TokenResult], token: str | None = None
    ) -> TokenResult:
        """``act(backend, name)`` on the chosen backend; what the keyring raises becomes a result."""
        try:
            backend = self._resolve()
        except _Unavailable:
            return TokenResult(TokenState.UNAVAILABLE, message=UNAVAILABLE_MESSAGE)
        name = _backend_name(backend)
        try:
            return act(backend, name)
        except Exception as exc:  # KeyringError is the documented umbrella; D-Bus libraries leak others
            return self._fail(exc, name, token)

    def _op_get(self) -> TokenResult:
        return self._with_backend(_get)

    def _op_set(self, token: str) -> TokenResult:
        return self._with_backend(lambda backend, name: _set(backend, name, token), token)

    def _op_clear(self) -> TokenResult:
        return self._with_backend(_clear)


def _get(backend: KeyringBackend, name: str) -> TokenResult:
    value = backend.get_password(SERVICE, USERNAME)
    if not value:
        return TokenResult(
            TokenState.MISSING,
            message="No bot token is stored yet; enter one (cdp-desktop token set).",
            backend=name,
        )
    return TokenResult(TokenState.OK, value, f"Token read from {name}.", "keyring", name)


def _set(backend: KeyringBackend, name: str, token: str) -> TokenResult:
    backend.set_password(SERVICE, USERNAME, token)
    stored = backend.get_password(SERVICE, USERNAME)  # some backends accept and drop silently
    if stored != token:
        return TokenResult(
            TokenState.UNAVAILABLE,
            message=f"The keyring ({name}) did not keep the token. {UNAVAILABLE_MESSAGE}",
            backend=name,
        )
    note = (
        f" {TOKEN_ENV} is set and still takes precedence in this process."
        if os.environ.get(TOKEN_ENV)
        else ""
    )
    return TokenResult(TokenState.OK, token, f"Token saved in {name}.{note}", "keyring", name)


def _clear(backend: KeyringBackend, name: str) -> TokenResult:
    from keyring import errors

    try:
        backend.delete_password(SERVICE, USERNAME)
        message = f"Token removed from {name}."
    except errors.PasswordDeleteError:
        message = "No token was stored."
    if os.environ.get(TOKEN_ENV):
        message += f" {TOKEN_ENV} is still set for this process."
    return TokenResult(TokenState.MISSING, message=message, backend=name)


def _env_token() -> TokenResult | None:
    raw = os.environ.get(TOKEN_ENV, "")
    if not raw.strip():
        return None
    return TokenResult(TokenState.OK, normalize_token(raw), f"Token taken from {TOKEN_ENV}.", "env")


def _checked(token: str) -> str:
    problem = check_token_shape(token)
    if problem:
        raise TokenShapeError(problem)
    return normalize_token(token)
