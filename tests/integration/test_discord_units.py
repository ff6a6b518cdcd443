"""Pieces of the adapter that need no server: endpoint resolution, classification, proxy parsing, pacing."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import discord
import discord.gateway
import discord.http
import pytest
import python_socks
import yarl

from cdp_desktop.core.config import ConfigError, Settings
from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.discord_client import (
    DEFAULT_API_BASE,
    Endpoints,
    Pacer,
    check_token,
    classify_exception,
    configure_endpoint,
    resolve_endpoints,
)
from cdp_desktop.proxy import parse_proxy, redact_proxy, request_options
from tests.integration.harness import TOKEN, run
from tests.sandbox.helpers import endpoints_restored


def test_configure_endpoint_sets_both_discord_attributes() -> None:
    with endpoints_restored():
        configure_endpoint("http://127.0.0.1:9/api/v10/", "ws://127.0.0.1:9/gateway")
        assert discord.http.Route.BASE == "http://127.0.0.1:9/api/v10"
        assert yarl.URL("ws://127.0.0.1:9/gateway") == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        assert discord.http.Route("GET", "/users/@me").url == "http://127.0.0.1:9/api/v10/users/@me"
        configure_endpoint(None)
        assert discord.http.Route.BASE == DEFAULT_API_BASE
        assert yarl.URL("wss://gateway.discord.gg/") == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY


def test_resolve_endpoints_precedence() -> None:
    settings = Settings(api_base_url="https://relay.example/api/v10", proxy_url="http://127.0.0.1:7890")
    assert resolve_endpoints(Settings(), {}) == Endpoints(DEFAULT_API_BASE, None, None)
    assert resolve_endpoints(settings, {}) == Endpoints(
        "https://relay.example/api/v10", None, "http://127.0.0.1:7890"
    )
    env = {
        "CDP_DESKTOP_API_BASE": "http://127.0.0.1:8123/api/v10/",
        "CDP_DESKTOP_GATEWAY_URL": "ws://127.0.0.1:8123/gateway",
        "CDP_DESKTOP_PROXY": "socks5h://u:p@127.0.0.1:1080",
    }
    assert resolve_endpoints(settings, env) == Endpoints(
        "http://127.0.0.1:8123/api/v10", "ws://127.0.0.1:8123/gateway", "socks5h://u:p@127.0.0.1:1080"
    )


class _Socket:
    """Just what discord.ConnectionClosed reads from a websocket."""

    close_code = None


@pytest.mark.parametrize(
    ("exc", "state", "code"),
    [
        (discord.LoginFailure("bad"), State.TOKEN_INVALID, None),
        (discord.ConnectionClosed(_Socket(), shard_id=None, code=4004), State.TOKEN_INVALID, 4004),  # type: ignore[arg-type]
        (discord.ConnectionClosed(_Socket(), shard_id=None, code=4014), State.INTENTS_MISSING, 4014),  # type: ignore[arg-type]
        (discord.ConnectionClosed(_Socket(), shard_id=None, code=4000), State.NETWORK, 4000),  # type: ignore[arg-type]
        (discord.PrivilegedIntentsRequired(None), State.INTENTS_MISSING, 4014),
        (discord.GatewayNotFound(), State.DISCORD_UNAVAILABLE, None),
        (TimeoutError(), State.NETWORK, None),
        (ConnectionRefusedError(111, "refused"), State.NETWORK, None),
        (aiohttp.ServerDisconnectedError(), State.NETWORK, None),
        (python_socks.ProxyError("auth failed"), State.NETWORK, None),
        (KeyError("user"), State.DISCORD_UNAVAILABLE, None),
    ],
)
def test_classify_exception(exc: BaseException, state: State, code: int | None) -> None:
    failure = classify_exception(exc)
    assert isinstance(failure, DiscordFailure)
    assert (failure.state, failure.code) == (state, code)
    assert failure.message


def test_classify_rate_limited_keeps_retry_after() -> None:
    failure = classify_exception(discord.RateLimited(60.0))
    assert failure.state is State.RATE_LIMITED and failure.retry_after == 60.0 and failure.status == 429


def test_proxy_parsing_and_redaction() -> None:
    spec = parse_proxy("socks5h://user:p%40ss@127.0.0.1:1080")
    assert spec is not None and spec.is_socks and (spec.username, spec.password) == ("user", "p@ss")
    assert redact_proxy("http://user:secret@127.0.0.1:7890") == "http://user@127.0.0.1:7890"
    assert request_options(parse_proxy("http://user:p@ss@127.0.0.1:7890")) == {
        "proxy": "http://user:p%40ss@127.0.0.1:7890"
    }
    assert request_options(spec) == {}  # SOCKS goes through the connector instead
    assert parse_proxy("") is None
    for bad in ("ftp://127.0.0.1:21", "http://127.0.0.1", "http://127.0.0.1:99999", "socks5://[::1:1080"):
        with pytest.raises(ConfigError) as info:  # the settings' own parser: the same rules and messages
            parse_proxy(bad)
        assert info.value.field == "proxy_url"
    assert redact_proxy("http://127.0.0.1") == "<invalid proxy>"


def test_pacer_spaces_and_caps_requests_per_window() -> None:
    async def main() -> list[float]:
        pacer = Pacer(50)
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        times: list[float] = []

        async def one() -> None:
            await pacer.wait()
            times.append(loop.time() - t0)

        await asyncio.gather(*(one() for _ in range(60)))
        return times

    times = run(main(), 10)
    assert times == sorted(times)
    eps = 0.003  # asyncio may wake a timer up to its clock resolution early
    # each start is at or after its slot (wake-ups may be late, never early): 20 ms apart ...
    assert all(t >= k * 0.02 - eps for k, t in enumerate(times[:50]))
    # ... and the 51st waits for the first one's window (plus the jitter margin) to pass
    assert all(t >= 1.05 + (k - 50) * 0.02 - eps for k, t in enumerate(times[50:], start=50))
    assert times[-1] < 2.0


def test_check_token_connection_refused_is_network() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before use: nothing listens there
    result = run(
        check_token(TOKEN, endpoints=Endpoints(api_base=f"http://127.0.0.1:{port}/api/v10"), timeout=5)
    )
    assert result.state is State.NETWORK and result.bot_name is None
    assert TOKEN not in str(result.message)
