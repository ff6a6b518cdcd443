"""coze-discord-proxy's ``PROXY_SECRET`` in the keyring, beside the bot token and handled the same way.

Same service (``cdp-desktop``), its own user name, the same off-thread calls with a timeout and the same
states. ``CDP_DESKTOP_CDP_SECRET`` overrides it for one process and is never written anywhere.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .core.errors import CdpError
from .token_store import SERVICE, TokenResult, TokenState, TokenStore

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SECRET_USER = "cdp-proxy-secret"
SECRET_ENV = "CDP_DESKTOP_CDP_SECRET"
MAX_SECRET_LENGTH = 500


class SecretShapeError(CdpError):
    """Empty or absurdly long secret."""


def checked_secret(raw: str) -> str:
    value = raw.strip()
    if value.lower().startswith("bearer "):  # people paste the whole Authorization header value
        value = value[7:].strip()
    if not value:
        raise SecretShapeError("the proxy secret is empty; give CDP's PROXY_SECRET value.")
    if len(value) > MAX_SECRET_LENGTH or any(c in value for c in "\r\n"):
        raise SecretShapeError("that is not a proxy secret (one line, at most 500 characters).")
    return value


class CdpSecretStore(TokenStore):
    """``get`` / ``set`` / ``clear`` (and the ``a…`` async forms) for the proxy secret."""

    def get(self, timeout: float | None = None) -> TokenResult:
        return _env_secret() or self._run(lambda: self._with_backend(_get), timeout)

    def set(self, token: str, timeout: float | None = None) -> TokenResult:
        value = checked_secret(token)
        return self._run(lambda: self._with_backend(lambda b, n: _set(b, n, value), value), timeout)

    def clear(self, timeout: float | None = None) -> TokenResult:
        return self._run(lambda: self._with_backend(_clear), timeout)

    async def aget(self, timeout: float | None = None) -> TokenResult:
        return _env_secret() or await self._arun(lambda: self._with_backend(_get), timeout)

    async def aset(self, token: str, timeout: float | None = None) -> TokenResult:
        value = checked_secret(token)
        return await self._arun(lambda: self._with_backend(lambda b, n: _set(b, n, value), value), timeout)

    async def aclear(self, timeout: float | None = None) -> TokenResult:
        return await self._arun(lambda: self._with_backend(_clear), timeout)


def _env_secret() -> TokenResult | None:
    raw = os.environ.get(SECRET_ENV, "").strip()
    if not raw:
        return None
    return TokenResult(TokenState.OK, raw, f"Proxy secret taken from {SECRET_ENV}.", "env")


def _get(backend: KeyringBackend, name: str) -> TokenResult:
    value = backend.get_password(SERVICE, SECRET_USER)
    if not value:
        return TokenResult(
            TokenState.MISSING,
            message="No proxy secret is stored (cdp-desktop cdp-secret set).",
            backend=name,
        )
    return TokenResult(TokenState.OK, value, f"Proxy secret read from {name}.", "keyring", name)


def _set(backend: KeyringBackend, name: str, secret: str) -> TokenResult:
    backend.set_password(SERVICE, SECRET_USER, secret)
    if backend.get_password(SERVICE, SECRET_USER) != secret:
        return TokenResult(
            TokenState.UNAVAILABLE,
            message=f"The keyring ({name}) did not keep the proxy secret.",
            backend=name,
        )
    note = (
        f" {SECRET_ENV} is set and still takes precedence in this process."
        if os.environ.get(SECRET_ENV)
        else ""
    )
    return TokenResult(TokenState.OK, secret, f"Proxy secret saved in {name}.{note}", "keyring", name)


def _clear(backend: KeyringBackend, name: str) -> TokenResult:
    from keyring import errors

    try:
        backend.delete_password(SERVICE, SECRET_USER)
        message = f"Proxy secret removed from {name}."
    except errors.PasswordDeleteError:
        message = "No proxy secret was stored."
    return TokenResult(TokenState.MISSING, message=message, backend=name)
