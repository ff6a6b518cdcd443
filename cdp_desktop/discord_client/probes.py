"""REST-only probes: short requests without a gateway connection (gateway discovery, reachability, the token
check of the Token dialog and ``token set``, and the channel look-up of ``channels add``)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp

from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.messages import Message, template
from cdp_desktop.core.ports import ChannelInfo
from cdp_desktop.logs import redact
from cdp_desktop.proxy import (
    ProxySpec,
    make_connector,
    parse_proxy,
    redact_proxy,
    request_options,
    secrets_of,
)

from .endpoints import Endpoints
from .failures import GATEWAY_NO_URL, classify_exception, http_failure, redacted
from .payloads import info_from_payload

log = logging.getLogger(__name__)

USER_AGENT = "DiscordBot (cdp-desktop)"


@contextlib.asynccontextmanager
async def plain_session(spec: ProxySpec | None, timeout: float) -> AsyncIterator[aiohttp.ClientSession]:
    """A short-lived aiohttp session through the proxy (for discovery, reachability and token checks)."""
    session = aiohttp.ClientSession(
        connector=make_connector(spec),
        timeout=aiohttp.ClientTimeout(total=timeout),
        cookie_jar=aiohttp.DummyCookieJar(),
    )
    try:
        yield session
    finally:
        await session.close()


async def json_or_none(resp: aiohttp.ClientResponse) -> Any:
    try:
        return await resp.json(content_type=None)
    except (ValueError, aiohttp.ClientError):
        return None


async def discover_gateway(api_base: str, *, proxy: str | None, timeout: float) -> str:
    """``GET {api}/gateway`` (as Discord documents it) and return its ``url``."""
    spec = parse_proxy(proxy)
    async with (
        plain_session(spec, timeout) as session,
        session.get(f"{api_base.rstrip('/')}/gateway", **request_options(spec)) as resp,
    ):
        if resp.status >= 400:
            raise http_failure(resp.status, await json_or_none(resp))
        data = await resp.json(content_type=None)
    url = data.get("url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url:
        raise DiscordFailure(State.DISCORD_UNAVAILABLE, GATEWAY_NO_URL())
    return url


_P = "ProxyTest"
ROUTE_REACHED = template(_P, "proxy_test.reached", "Reached {api}.")
ROUTE_REACHED_VIA = template(_P, "proxy_test.reached_via", "Reached {api} through {proxy}.")
ROUTE_FAILED = template(_P, "proxy_test.failed", "{api}: {reason}")


async def probe_route(api_base: str, proxy: str | None, *, timeout: float = 10) -> tuple[bool, Message]:
    """Whether ``GET {api}/gateway`` answers through ``proxy`` (the Settings dialog's Test button), and a
    message saying so; the proxy is named without its password."""
    try:
        await discover_gateway(api_base, proxy=proxy, timeout=timeout)
    except Exception as exc:  # every failure is the answer
        failure = redacted(
            classify_exception(exc), lambda text: redact(text, *secrets_of(parse_proxy(proxy)))
        )
        return False, ROUTE_FAILED(api=api_base, reason=failure.explain())
    if proxy:
        return True, ROUTE_REACHED_VIA(api=api_base, proxy=redact_proxy(proxy) or "")
    return True, ROUTE_REACHED(api=api_base)


async def _bot_get(token: str, path: str, *, endpoints: Endpoints, timeout: float) -> Any:
    """One ``GET {api}{path}`` as the bot: the JSON body, or a classified ``DiscordFailure`` whose text
    carries neither the token nor the proxy password (nothing else escapes)."""
    spec = endpoints.proxy_spec
    headers = {"Authorization": f"Bot {token}", "User-Agent": USER_AGENT}
    try:
        async with (
            plain_session(spec, timeout) as session,
            session.get(f"{endpoints.api_base}{path}", headers=headers, **request_options(spec)) as resp,
        ):
            body = await json_or_none(resp)
            if resp.status >= 400:
                raise http_failure(resp.status, body)
            return body
    except Exception as exc:  # the original is not chained: its request info carries the headers
        failure = redacted(classify_exception(exc), lambda text: redact(text, token, *secrets_of(spec)))
        log.info("GET %s: %s", path, failure)
        raise failure from None


_C = "DiscordFailure"
LOGGED_IN_AS = template(_C, "discord.logged_in_as", "Logged in as {name}.")
NO_USER = template(_C, "discord.no_user", "Discord's answer named no bot user.")
NOT_A_SERVER_CHANNEL = template(
    _C, "discord.not_a_server_channel", "Channel {channel} is not a server channel."
)


@dataclass(frozen=True)
class TokenCheck:
    state: State
    bot_name: str | None
    bot_id: int | None
    message: Message  # what to tell a person (rendered in their language)


async def check_token(token: str, *, endpoints: Endpoints, timeout: float = 20) -> TokenCheck:
    """Log in over REST only (``GET users/@me``) and report the bot's name, or why not."""
    try:
        body = await _bot_get(token, "/users/@me", endpoints=endpoints, timeout=timeout)
    except DiscordFailure as failure:  # every failure becomes a state
        return TokenCheck(failure.state, None, None, failure.explain())
    if not isinstance(body, dict) or "id" not in body:
        return TokenCheck(State.DISCORD_UNAVAILABLE, None, None, NO_USER())
    name = str(body.get("global_name") or body.get("username") or "")
    return TokenCheck(State.OK, name, int(body["id"]), LOGGED_IN_AS(name=name))


async def describe_channel_rest(
    token: str, channel_id: int, *, endpoints: Endpoints, timeout: float = 15
) -> ChannelInfo:
    """One ``GET /channels/{id}`` without a gateway connection (``channels add`` remembers the channel's
    name, category, topic and position this way). Raises a classified ``DiscordFailure``."""
    body = await _bot_get(token, f"/channels/{channel_id}", endpoints=endpoints, timeout=timeout)
    if not isinstance(body, dict) or "id" not in body or "guild_id" not in body:
        raise DiscordFailure(
            State.MISSING, NOT_A_SERVER_CHANNEL(channel=str(channel_id)), code=10003, status=404
        )
    return info_from_payload(body)
