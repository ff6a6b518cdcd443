"""Where Discord is: the REST root, the first gateway URL and the proxy, from the environment or the settings.

discord.py reads its REST root and first gateway URL from two class attributes; :func:`configure_endpoint`
is the one place that sets them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import discord.gateway
import discord.http
import yarl

from cdp_desktop.core.config import Settings
from cdp_desktop.proxy import ProxySpec, parse_proxy, redact_proxy

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY = "wss://gateway.discord.gg/"
ENV_API_BASE = "CDP_DESKTOP_API_BASE"
ENV_GATEWAY = "CDP_DESKTOP_GATEWAY_URL"
ENV_PROXY = "CDP_DESKTOP_PROXY"


@dataclass(frozen=True)
class Endpoints:
    """Where Discord is: REST root, optional explicit gateway URL, optional proxy URL."""

    api_base: str = DEFAULT_API_BASE
    gateway_url: str | None = None
    proxy: str | None = None

    @property
    def proxy_spec(self) -> ProxySpec | None:
        return parse_proxy(self.proxy)

    @property
    def proxy_display(self) -> str | None:
        return redact_proxy(self.proxy)


def resolve_endpoints(settings: Settings, env: Mapping[str, str] = os.environ) -> Endpoints:
    """Environment overrides first, then the settings, then Discord itself."""
    api_base = (env.get(ENV_API_BASE) or settings.api_base_url or DEFAULT_API_BASE).strip().rstrip("/")
    gateway = (env.get(ENV_GATEWAY) or "").strip() or None
    proxy = (env.get(ENV_PROXY) or settings.proxy_url or "").strip() or None
    return Endpoints(api_base=api_base, gateway_url=gateway, proxy=proxy)


def configure_endpoint(api_base: str | None, gateway_url: str | None = None) -> None:
    """Point discord.py (process-wide) at a REST root and first gateway URL; ``None``: Discord's own."""
    discord.http.Route.BASE = (api_base or DEFAULT_API_BASE).rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url or DEFAULT_GATEWAY)
