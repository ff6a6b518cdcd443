"""coze-discord-proxy's ``PROXY_SECRET`` in the keyring, beside the bot token and handled the same way.

Same service (``cdp-desktop``), its own user name, the same off-thread calls with a timeout and the same
states: the :class:`~cdp_desktop.token_store.TokenStore` with another :class:`StoredSecret`.
``CDP_DESKTOP_CDP_SECRET`` overrides it for one process and is never written anywhere.
"""

from __future__ import annotations

from .core.errors import CdpError
from .core.messages import template
from .token_store import StoredSecret, TokenStore

SECRET_USER = "cdp-proxy-secret"
SECRET_ENV = "CDP_DESKTOP_CDP_SECRET"
MAX_SECRET_LENGTH = 500

_C = "TokenStore"
SECRET_EMPTY = template(_C, "proxy_secret.empty", "The proxy secret is empty; give CDP's PROXY_SECRET value.")
SECRET_BAD_SHAPE = template(
    _C, "proxy_secret.bad_shape", "That is not a proxy secret (one line, at most 500 characters)."
)


class SecretShapeError(CdpError):
    """Empty or absurdly long secret (``args[0]`` is the message saying so)."""


def checked_secret(raw: str) -> str:
    value = raw.strip()
    if value.lower().startswith("bearer "):  # people paste the whole Authorization header value
        value = value[7:].strip()
    if not value:
        raise SecretShapeError(SECRET_EMPTY())
    if len(value) > MAX_SECRET_LENGTH or any(c in value for c in "\r\n"):
        raise SecretShapeError(SECRET_BAD_SHAPE())
    return value


PROXY_SECRET = StoredSecret(
    user=SECRET_USER,
    env=SECRET_ENV,
    checked=checked_secret,
    from_env=str.strip,
    missing=template(_C, "proxy_secret.missing", "No proxy secret is stored (cdp-desktop cdp-secret set)."),
    read=template(_C, "proxy_secret.read", "Proxy secret read from {backend}."),
    not_kept=template(_C, "proxy_secret.not_kept", "The keyring ({backend}) did not keep the proxy secret."),
    saved=template(_C, "proxy_secret.saved", "Proxy secret saved in {backend}."),
    saved_env_wins=template(
        _C,
        "proxy_secret.saved_env_wins",
        "Proxy secret saved in {backend}. {env} is set and still takes precedence in this process.",
    ),
    removed=template(_C, "proxy_secret.removed", "Proxy secret removed from {backend}."),
    none_stored=template(_C, "proxy_secret.none_stored", "No proxy secret was stored."),
    taken_from_env=template(_C, "proxy_secret.from_env", "Proxy secret taken from {env}."),
)


class CdpSecretStore(TokenStore):
    """``get`` / ``set`` / ``clear`` (and the ``a…`` async forms) for the proxy secret."""

    secret = PROXY_SECRET
