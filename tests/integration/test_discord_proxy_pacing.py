"""Proxies (HTTP with auth, SOCKS5 with auth) carry REST and gateway traffic; pacing keeps a big run under
Discord's global limit with zero 429s."""

from __future__ import annotations

import asyncio
import re
import time

import pytest

from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.core.messages import Message
from cdp_desktop.discord_client import Endpoints, check_token
from tests.helpers.logs import CONNECTION_LOST
from tests.integration.harness import TOKEN, harness, run
from tests.integration.proxies import HttpProxy, Socks5Proxy

GATEWAY_UPGRADE = re.compile(r"^GET /gateway(/resume)?\?v=10&encoding=json")


def _make_proxy(kind: str, password: str = "s3cret") -> HttpProxy | Socks5Proxy:
    cls = HttpProxy if kind == "http" else Socks5Proxy
    return cls(hosts={"sandbox.test": "127.0.0.1"}, username="cdp", password=password)


@pytest.mark.parametrize("kind", ["http", "socks5"])
def test_rest_and_gateway_go_through_the_proxy(kind: str) -> None:
    async def main() -> None:
        proxy = _make_proxy(kind)
        await proxy.start()
        try:
            # "sandbox.test" resolves only inside the proxy: bypassing it could not even find the host
            def endpoints(sb: object) -> Endpoints:
                return Endpoints(api_base=f"http://sandbox.test:{sb.port}/api/v10", proxy=proxy.url)  # type: ignore[attr-defined]

            async with harness(endpoints=endpoints) as h:
                status = h.client.status
                assert status.state == "connected"
                assert status.proxy == f"{kind}://cdp@127.0.0.1:{proxy.port}"  # never the password
                await h.client.send_message(h.sb.text_channel_ids[0], "through the proxy")
                assert await h.client.check_reachable(5)
                check = await check_token(TOKEN, endpoints=h.client.endpoints, timeout=5)
                assert check.state is State.OK and check.bot_name == "CDP Sandbox Bot"

                lines = proxy.first_lines()
                assert "GET /api/v10/gateway HTTP/1.1" in lines  # discovery
                assert "GET /api/v10/users/@me HTTP/1.1" in lines  # login (REST)
                assert any(GATEWAY_UPGRADE.match(line) for line in lines), lines  # the gateway websocket
                assert proxy.refused_auth == 0
                # the websocket went to the sandbox through the proxy, and the sandbox saw it
                assert h.sb.hub.connections
        finally:
            await proxy.stop()

    run(main())


@pytest.mark.parametrize("kind", ["http", "socks5"])
@pytest.mark.expect_log(CONNECTION_LOST)
def test_wrong_proxy_password_is_network(kind: str) -> None:
    async def main() -> None:
        proxy = _make_proxy(kind)
        await proxy.start()
        try:
            wrong = proxy.url.replace("s3cret", "wrong")

            def endpoints(sb: object) -> Endpoints:
                return Endpoints(api_base=f"http://sandbox.test:{sb.port}/api/v10", proxy=wrong)  # type: ignore[attr-defined]

            async with harness(endpoints=endpoints, ready=False) as h:
                assert not await h.client.wait_ready(1.0)
                assert h.client.status.state == "reconnecting"
                detail = h.client.status.detail
                assert isinstance(detail, Message)  # rendered in the reader's language by the window and CLI
                assert "wrong" not in str(detail) + (h.client.status.proxy or "")
                assert "wrong" not in repr(detail.to_json())
                assert not await h.client.check_reachable(3)
                check = await check_token(TOKEN, endpoints=h.client.endpoints, timeout=3)
                assert check.state is State.NETWORK
                assert proxy.refused_auth >= 2
                with pytest.raises(DiscordFailure) as info:
                    await h.client.fetch_channel(h.sb.text_channel_ids[0])
                assert info.value.state is State.NETWORK
                assert not h.sb.requests  # nothing got past the proxy
        finally:
            await proxy.stop()

    run(main())


def test_pacing_200_sends_without_a_single_429(capfd: pytest.CaptureFixture[str]) -> None:
    """200 concurrent sends to 200 channels, Discord's limits on: paced at 50/s, none refused."""
    n = 200

    async def main() -> float:
        async def seed(sb: object) -> None:
            sb.add_channels(n)  # type: ignore[attr-defined]

        async with harness(sandbox={"rate_limits": True}, before_start=seed, request_timeout=30) as h:
            ids = [c.id for c in (await h.client.list_guilds())[0].channels if c.name.startswith("bench-")]
            assert len(ids) == n
            h.sb.clear_requests()
            t0 = time.monotonic()
            sent = await asyncio.gather(*(h.client.send_message(cid, "keep-alive") for cid in ids))
            elapsed = time.monotonic() - t0
            assert len({s.id for s in sent}) == n
            log = h.sb.requests
            assert [r for r in log if r["status"] == 429] == []
            assert len([r for r in log if r["method"] == "POST"]) == n
            # no 1 s window on the server ever held more than 50 requests
            monos = sorted(r["mono"] for r in log)
            assert max(sum(1 for m in monos[i:] if m < start + 1.0) for i, start in enumerate(monos)) <= 50
            return elapsed

    elapsed = run(main(), timeout=60)
    with capfd.disabled():
        print(
            f"\npacing: {n} sends in {elapsed:.2f} s (floor {n / 50:.1f} s, ratio {elapsed / (n / 50):.2f})"
        )
    assert elapsed >= (n - 50) / 50  # it was paced, not burst (how close to the floor: bench, keepalive)
