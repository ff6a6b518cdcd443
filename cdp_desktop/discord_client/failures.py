"""Error classification: what discord.py, aiohttp, the proxy libraries and Discord's HTTP answers raise or
return, mapped to the app's :class:`~cdp_desktop.core.errors.State` taxonomy (code, status, ``retry_after``
and Discord's own text kept in the failure)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import aiohttp
import discord

from cdp_desktop.core.errors import DiscordFailure, State


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


def http_failure(status: int, body: Any, what: str) -> DiscordFailure:
    """A failure from an HTTP status and Discord's JSON error body (code, message, ``retry_after``)."""
    code = int(body.get("code", 0) or 0) if isinstance(body, dict) else 0
    text = str(body.get("message", "")) if isinstance(body, dict) else ""
    retry_after = body.get("retry_after") if isinstance(body, dict) else None
    return DiscordFailure(
        state_for_status(status),
        f"{what}: HTTP {status}" + (f" ({code}: {text})" if code or text else ""),
        code=code or None,
        status=status,
        retry_after=float(retry_after) if isinstance(retry_after, int | float) else None,
    )


def classify_exception(exc: BaseException) -> DiscordFailure:
    """Map a discord.py / aiohttp / OS exception to the app's taxonomy, keeping code, status and message."""
    if isinstance(exc, DiscordFailure):
        return exc
    if isinstance(exc, discord.RateLimited):
        return DiscordFailure(
            State.RATE_LIMITED,
            f"rate limited; retry in {exc.retry_after:.0f} s",
            status=429,
            retry_after=exc.retry_after,
        )
    if isinstance(exc, discord.LoginFailure):
        return DiscordFailure(State.TOKEN_INVALID, "Discord rejected the bot token (401)", status=401)
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return DiscordFailure(
            State.INTENTS_MISSING, "Discord refused the privileged intents (gateway close 4014)", code=4014
        )
    if isinstance(exc, discord.ConnectionClosed):
        return _gateway_closed(exc.code)
    if isinstance(exc, discord.GatewayNotFound):
        return DiscordFailure(State.DISCORD_UNAVAILABLE, "the Discord gateway could not be found")
    if isinstance(exc, discord.HTTPException):
        return _http_exception(exc)
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return DiscordFailure(State.NETWORK, "the request to Discord timed out")
    if isinstance(exc, aiohttp.ClientError | OSError) or _is_socks_error(exc):
        return DiscordFailure(State.NETWORK, f"Discord could not be reached ({type(exc).__name__}: {exc})")
    return DiscordFailure(
        State.DISCORD_UNAVAILABLE, f"unexpected error talking to Discord ({type(exc).__name__})"
    )


def _gateway_closed(code: int) -> DiscordFailure:
    if code == 4004:
        return DiscordFailure(
            State.TOKEN_INVALID, "Discord rejected the bot token (gateway close 4004)", code=4004
        )
    if code == 4014:
        return DiscordFailure(
            State.INTENTS_MISSING, "Discord refused the privileged intents (gateway close 4014)", code=4014
        )
    return DiscordFailure(State.NETWORK, f"gateway connection closed with code {code}", code=code)


def _http_exception(exc: discord.HTTPException) -> DiscordFailure:
    status = exc.status
    code = exc.code or None
    text = (exc.text or "").splitlines()[0] if exc.text else ""
    retry_after = None
    if status == 429 and exc.response is not None:
        with contextlib.suppress(TypeError, ValueError):
            retry_after = float(exc.response.headers.get("Retry-After", ""))
    message = f"HTTP {status}" + (f" ({exc.code}: {text})" if code or text else "")
    return DiscordFailure(
        state_for_status(status), message, code=code, status=status, retry_after=retry_after
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
