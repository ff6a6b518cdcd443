"""Error classification: what discord.py, aiohttp, the proxy libraries and Discord's HTTP answers raise or
return, mapped to the app's :class:`~cdp_desktop.core.errors.State` taxonomy (code, status, ``retry_after``
and Discord's own text kept in the failure).

What a failure says is a :class:`~cdp_desktop.core.messages.Message` (rendered in the reader's language;
``str()`` is the English for the log files). Discord's own error text and an exception's words are passed
as they are (they have no translation).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import aiohttp
import discord

from cdp_desktop import network_errors
from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.messages import Message, template

log = logging.getLogger(__name__)

_C = "DiscordFailure"
RATE_LIMITED = template(_C, "discord.rate_limited", "Discord is rate limiting the bot; retry in {seconds} s.")
TOKEN_REJECTED = template(_C, "discord.token_rejected", "Discord rejected the bot token (HTTP 401).")
TOKEN_REJECTED_GATEWAY = template(
    _C, "discord.token_rejected_gateway", "Discord rejected the bot token (gateway close {code})."
)
INTENTS_REFUSED = template(
    _C, "discord.intents_refused", "Discord refused the privileged intents (gateway close 4014)."
)
GATEWAY_CLOSED = template(_C, "discord.gateway_closed", "The gateway connection closed with code {code}.")
GATEWAY_NOT_FOUND = template(_C, "discord.gateway_not_found", "The Discord gateway could not be found.")
GATEWAY_NO_URL = template(_C, "discord.gateway_no_url", "Discord's answer named no gateway URL.")
HTTP_STATUS = template(_C, "discord.http", "Discord answered HTTP {status}.")
HTTP_STATUS_DETAIL = template(
    _C, "discord.http_detail", "Discord answered HTTP {status} (error {code}: {text})."
)
PROXY_AUTH = template(_C, "discord.proxy_auth", "The proxy refused the user name or password (HTTP 407).")
TIMED_OUT = template(_C, "discord.timed_out", "The request to Discord timed out.")
UNREACHABLE = template(_C, "discord.unreachable", "Discord could not be reached ({error}).")
UNEXPECTED = template(_C, "discord.unexpected", "Unexpected error talking to Discord ({error}).")
NOT_CONNECTED = template(_C, "discord.not_connected", "Not connected to Discord.")


def state_for_status(status: int) -> State:
    if status == 401:
        return State.TOKEN_INVALID
    if status == 407:  # the proxy refused our credentials: a network setting, not Discord
        return State.NETWORK
    if status == 404:
        return State.MISSING
    if status == 429:
        return State.RATE_LIMITED
    if status >= 500:
        return State.DISCORD_UNAVAILABLE
    # 403 (50001 Missing Access, 50013 Missing Permissions) and the other 4xx (e.g. 30013, too many channels):
    # permanent for this channel, so never retried blindly. The code and Discord's text stay in the failure.
    return State.NO_ACCESS


def http_failure(status: int, body: Any) -> DiscordFailure:
    """A failure from an HTTP status and Discord's JSON error body (code, message, ``retry_after``)."""
    code = int(body.get("code", 0) or 0) if isinstance(body, dict) else 0
    text = str(body.get("message", "")) if isinstance(body, dict) else ""
    retry_after = body.get("retry_after") if isinstance(body, dict) else None
    return DiscordFailure(
        state_for_status(status),
        _http_message(status, code or None, text),
        code=code or None,
        status=status,
        retry_after=float(retry_after) if isinstance(retry_after, int | float) else None,
    )


def _http_message(status: int, code: int | None, text: str) -> Message:
    if status == 407:
        return PROXY_AUTH()
    if code or text:
        return HTTP_STATUS_DETAIL(status=status, code=code or 0, text=text)
    return HTTP_STATUS(status=status)


def classify_exception(exc: BaseException) -> DiscordFailure:
    """Map a discord.py / aiohttp / OS exception to the app's taxonomy, keeping code, status and message."""
    if isinstance(exc, DiscordFailure):
        return exc
    if isinstance(exc, discord.RateLimited):
        return DiscordFailure(
            State.RATE_LIMITED,
            RATE_LIMITED(seconds=f"{exc.retry_after:.0f}"),
            status=429,
            retry_after=exc.retry_after,
        )
    if isinstance(exc, discord.LoginFailure):
        return DiscordFailure(State.TOKEN_INVALID, TOKEN_REJECTED(), status=401)
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return DiscordFailure(State.INTENTS_MISSING, INTENTS_REFUSED(), code=4014)
    if isinstance(exc, discord.ConnectionClosed):
        return _gateway_closed(exc.code)
    if isinstance(exc, discord.GatewayNotFound):
        return DiscordFailure(State.DISCORD_UNAVAILABLE, GATEWAY_NOT_FOUND())
    if isinstance(exc, discord.HTTPException):
        return _http_exception(exc)
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return DiscordFailure(State.NETWORK, TIMED_OUT())
    if isinstance(exc, aiohttp.ClientError | OSError) or _is_socks_error(exc):
        log.debug("network failure: %s", network_errors.detail(exc))  # its own words, for bug reports
        return DiscordFailure(State.NETWORK, UNREACHABLE(error=network_errors.describe(exc)))
    return DiscordFailure(State.DISCORD_UNAVAILABLE, UNEXPECTED(error=type(exc).__name__))


def _gateway_closed(code: int) -> DiscordFailure:
    if code == 4004:
        return DiscordFailure(State.TOKEN_INVALID, TOKEN_REJECTED_GATEWAY(code=4004), code=4004)
    if code == 4014:
        return DiscordFailure(State.INTENTS_MISSING, INTENTS_REFUSED(), code=4014)
    return DiscordFailure(State.NETWORK, GATEWAY_CLOSED(code=code), code=code)


def _http_exception(exc: discord.HTTPException) -> DiscordFailure:
    status = exc.status
    code = exc.code or None
    text = (exc.text or "").splitlines()[0] if exc.text else ""
    retry_after = None
    if status == 429 and exc.response is not None:
        with contextlib.suppress(TypeError, ValueError):
            retry_after = float(exc.response.headers.get("Retry-After", ""))
    message = _http_message(status, code, text)
    return DiscordFailure(
        state_for_status(status), message, code=code, status=status, retry_after=retry_after
    )


def redacted(failure: DiscordFailure, redact: Callable[[str], str]) -> DiscordFailure:
    """The same failure with ``redact`` applied to every word it carries (an exception's text may hold a
    proxy URL with its password)."""
    message = failure.message
    if isinstance(message, Message):
        message = Message(
            message.key, {k: redact(v) if isinstance(v, str) else v for k, v in message.params.items()}
        )
    else:
        message = redact(message)
    return DiscordFailure(
        failure.state, message, code=failure.code, status=failure.status, retry_after=failure.retry_after
    )


def _is_socks_error(exc: BaseException) -> bool:
    try:
        import aiohttp_socks
        import python_socks
    except ImportError:  # aiohttp-socks is a dependency, but the HTTP-proxy path does not need it
        return False
    return isinstance(
        exc,
        python_socks.ProxyError
        | python_socks.ProxyConnectionError
        | python_socks.ProxyTimeoutError
        | aiohttp_socks.ProxyError
        | aiohttp_socks.ProxyConnectionError
        | aiohttp_socks.ProxyTimeoutError,
    )
