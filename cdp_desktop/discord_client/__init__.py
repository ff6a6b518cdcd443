"""The Discord adapter: the core's :class:`~cdp_desktop.core.ports.DiscordPort` on discord.py, and the
REST-only probes the CLI and the dialogs use without a gateway connection.

* :mod:`.endpoints`: where Discord is (REST root, gateway URL, proxy) and pointing discord.py at it;
* :mod:`.failures`: error classification into the app's states;
* :mod:`.pacer`: the request pacer under Discord's global rate limit;
* :mod:`.probes`: REST-only probes (gateway discovery, token check, channel look-up);
* :mod:`.supervisor`: the connection supervisor (one discord.py client at a time, backoff, status);
* :mod:`.port`: :class:`DiscordClient`, the port itself, with the delete guard.
"""

from .endpoints import (
    DEFAULT_API_BASE,
    DEFAULT_GATEWAY,
    ENV_API_BASE,
    ENV_GATEWAY,
    ENV_PROXY,
    Endpoints,
    configure_endpoint,
    resolve_endpoints,
)
from .failures import classify_exception
from .pacer import Pacer
from .port import DeleteRefusedError, DiscordClient
from .probes import TokenCheck, check_token, describe_channel_rest, discover_gateway, probe_route
from .supervisor import PRESENCE_OFF_REASON, PRESENCE_REFUSED_REASON

__all__ = [
    "DEFAULT_API_BASE",
    "DEFAULT_GATEWAY",
    "ENV_API_BASE",
    "ENV_GATEWAY",
    "ENV_PROXY",
    "PRESENCE_OFF_REASON",
    "PRESENCE_REFUSED_REASON",
    "DeleteRefusedError",
    "DiscordClient",
    "Endpoints",
    "Pacer",
    "TokenCheck",
    "check_token",
    "classify_exception",
    "configure_endpoint",
    "describe_channel_rest",
    "discover_gateway",
    "probe_route",
    "resolve_endpoints",
]
