"""``GET {cdp_url}/v1/models`` with the proxy secret, through the configured proxy: is CDP's API up?

Never anything else on CDP (a chat call would spend the user's Coze quota). A loopback ``cdp_url`` is asked
directly: a proxy elsewhere cannot reach this machine's 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlsplit

import aiohttp

from . import network_errors
from .core.cdp_endpoint import EndpointCheck, EndpointState, models_from_body
from .core.messages import Message, template
from .logs import redact
from .proxy import make_connector, parse_proxy, request_options, secrets_of

NOT_A_MODEL_LIST = template(
    "CdpEndpoint", "cdp.not_a_model_list", "the answer is not an OpenAI-style model list"
)
DEFAULT_TIMEOUT = 10.0
TIMEOUT_ENV = "CDP_DESKTOP_CDP_TIMEOUT"  # seconds; tests and slow links


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def check_endpoint(
    url: str,
    secret: str | None,
    *,
    proxy: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> EndpointCheck:
    spec = None if _is_loopback(url) else parse_proxy(proxy)
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    started = time.monotonic()
    checked_at = now()

    def result(
        state: EndpointState,
        detail: str,
        status: int | None = None,
        models: tuple[str, ...] = (),
        reason: Message | None = None,
    ) -> EndpointCheck:
        latency = round((time.monotonic() - started) * 1000)
        detail = redact(detail, secret, *secrets_of(spec))
        return EndpointCheck(state, url, checked_at, latency, models, status, detail, reason)

    session = aiohttp.ClientSession(
        connector=make_connector(spec),
        timeout=aiohttp.ClientTimeout(total=timeout),
        cookie_jar=aiohttp.DummyCookieJar(),
    )
    try:
        async with session.get(
            f"{url.rstrip('/')}/v1/models", headers=headers, **request_options(spec)
        ) as resp:
            status = resp.status
            if status in (401, 403):
                return result(EndpointState.UNAUTHORIZED, f"HTTP {status}", status)
            if status >= 400:
                return result(EndpointState.ERROR, f"HTTP {status}", status)
            try:
                body = await resp.json(content_type=None)
            except ValueError:
                body = None
            models = models_from_body(body)
            if models is None:
                return result(EndpointState.ERROR, str(NOT_A_MODEL_LIST()), status, reason=NOT_A_MODEL_LIST())
            return result(EndpointState.UP, "", status, models)
    except TimeoutError:
        address = urlsplit(url).netloc.rsplit("@", 1)[-1] or url
        return result(
            EndpointState.UNREACHABLE,
            f"no answer within {timeout:g} s",
            reason=network_errors.TIMED_OUT(address=address),
        )
    except aiohttp.ClientConnectorError as exc:
        # "Connect call failed (…)" says less than the errno: "connection refused", "no route to host"
        code = exc.os_error.errno if exc.os_error is not None else None
        detail = os.strerror(code) if code else str(exc)
        return result(EndpointState.UNREACHABLE, detail.lower(), reason=network_errors.describe(exc))
    except Exception as exc:  # aiohttp's and aiohttp_socks' (proxy) errors, OSError: all "not reached"
        return result(
            EndpointState.UNREACHABLE,
            str(exc) or type(exc).__name__,
            reason=network_errors.describe(exc),
        )
    finally:
        await session.close()


def timeout_from_env(env: dict[str, str] | None = None) -> float:
    raw = (env or os.environ).get(TIMEOUT_ENV, "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT
