"""Proxy settings turned into what aiohttp and discord.py need.

HTTP(S) proxies go through discord.py's own ``proxy=``/``proxy_auth=`` options (aiohttp passes them to
every request and to the gateway's ``ws_connect``). SOCKS5 needs an ``aiohttp_socks.ProxyConnector`` as the
session's connector. Both forms resolve host names on the proxy side (``rdns``): users behind Clash and
similar tools have poisoned local DNS, so ``socks5://`` behaves like ``socks5h://``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import aiohttp

from .core.config import ConfigError, parse_proxy_url

SOCKS_SCHEMES = frozenset({"socks5", "socks5h"})


@dataclass(frozen=True)
class ProxySpec:
    scheme: str
    host: str
    port: int
    username: str | None = None
    password: str | None = None

    @property
    def is_socks(self) -> bool:
        return self.scheme in SOCKS_SCHEMES

    @property
    def display(self) -> str:
        """The proxy as shown to the user: never includes the password."""
        user = f"{self.username}@" if self.username else ""
        return f"{self.scheme}://{user}{_host_for_url(self.host)}:{self.port}"


def _host_for_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def parse_proxy(url: str | None) -> ProxySpec | None:
    """``http://[user:pass@]host:port`` or ``socks5[h]://…`` as its parts; ``None``/empty means no proxy.

    Validated by the settings' own parser (``parse_proxy_url``), so a URL from the environment is held to
    the same rules as one in the settings; a bad one raises ``ConfigError``.
    """
    text = parse_proxy_url(url)
    if text is None:
        return None
    parts = urlsplit(text)
    if parts.hostname is None or parts.port is None:  # parse_proxy_url has refused these already
        raise ConfigError("proxy_url", f"{text!r} needs a host and a port")
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    return ProxySpec(parts.scheme.lower(), parts.hostname, parts.port, username, password)


def redact_proxy(url: str | None) -> str | None:
    """The proxy URL without its password (for status lines and logs)."""
    try:
        spec = parse_proxy(url)
    except ConfigError:
        return "<invalid proxy>"
    return spec.display if spec else None


def make_connector(spec: ProxySpec | None) -> aiohttp.BaseConnector:
    """A fresh connector for one client session; must be called inside a running event loop."""
    if spec is not None and spec.is_socks:
        from aiohttp_socks import ProxyConnector, ProxyType

        return ProxyConnector(
            host=spec.host,
            port=spec.port,
            proxy_type=ProxyType.SOCKS5,
            username=spec.username,
            password=spec.password,
            rdns=True,
            limit=0,
        )
    return aiohttp.TCPConnector(limit=0)


def request_options(spec: ProxySpec | None) -> dict[str, Any]:
    """The ``proxy`` keyword argument for discord.py's Client or an aiohttp request (HTTP proxies only).

    Credentials travel inside the URL: aiohttp turns them into ``Proxy-Authorization`` itself, while its
    ``proxy_auth=BasicAuth(...)`` is deprecated since aiohttp 3.13.
    """
    if spec is None or spec.is_socks:
        return {}
    auth = ""
    if spec.username is not None:
        auth = f"{quote(spec.username, safe='')}:{quote(spec.password or '', safe='')}@"
    return {"proxy": f"{spec.scheme}://{auth}{_host_for_url(spec.host)}:{spec.port}"}


def secrets_of(spec: ProxySpec | None) -> list[str]:
    """The proxy password in the forms it could show up in an error message (to scrub it)."""
    if spec is None or not spec.password:
        return []
    return list({spec.password, quote(spec.password, safe="")})
