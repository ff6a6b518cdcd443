"""Rate limits and server errors as discord.py experiences them."""

from __future__ import annotations

import asyncio

import discord
import pytest

from cdp_desktop.sandbox.ratelimit import BucketRule, GlobalLimiter, RouteLimiter
from tests.helpers.logs import DISCORD_RATE_LIMITED
from tests.sandbox.helpers import FastClient, Stopwatch, connected, point_at, run, sandbox, text_channel

# This module provokes failures on purpose: the warnings they log are expected.
pytestmark = pytest.mark.expect_log(DISCORD_RATE_LIMITED)


def test_injected_429_is_retried_transparently() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            channel = text_channel(client, sb.text_channel_ids[0])
            sb.rate_limit("/channels/*/messages", 0.3)
            watch = Stopwatch()
            assert (await channel.send("after a 429")).content == "after a 429"
            assert watch.elapsed >= 0.3
            posts = [(r["status"], r["rate_limited"]) for r in sb.requests if r["method"] == "POST"]
            assert posts == [(429, "injected"), (200, None)]

            sb.rate_limit(None, 0.2, global_=True)
            watch = Stopwatch()
            fetched = await client.fetch_channel(channel.id)
            assert fetched.id == channel.id and watch.elapsed >= 0.2

    run(scenario())


def test_long_429_surfaces_as_rate_limited() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb, max_ratelimit_timeout=30) as client:
            sb.rate_limit("/channels/*", 45.0)
            with pytest.raises(discord.RateLimited) as exc:
                await client.fetch_channel(sb.text_channel_ids[0])
            assert exc.value.retry_after == 45.0

    run(scenario())


def test_500_and_502_are_retried_503_is_not() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            cid = sb.text_channel_ids[0]
            sb.fail_next("GET", "/channels/*", 500)
            sb.fail_next("GET", "/channels/*", 502)
            watch = Stopwatch()
            assert (await client.fetch_channel(cid)).id == cid  # discord.py slept 1 s, then 3 s
            assert 3.9 <= watch.elapsed < 6
            gets = [r["status"] for r in sb.requests if r["path"] == f"/channels/{cid}"]
            assert gets == [500, 502, 200]

            sb.fail_next("POST", "/channels/*/messages", 503, message="Service Unavailable")
            watch = Stopwatch()
            with pytest.raises(discord.DiscordServerError) as exc:
                await text_channel(client, cid).send("x")
            assert exc.value.status == 503 and watch.elapsed < 0.5
            assert sb.messages(cid) == []

    run(scenario())


def test_route_bucket_headers_pace_the_client_without_429s() -> None:
    rules = {("POST", "/channels/{channel_id}/messages"): BucketRule("messages", 2, 0.4)}

    async def scenario() -> None:
        async with sandbox(rate_limits=True, bucket_rules=rules) as sb, connected(sb) as client:
            channel = text_channel(client, sb.text_channel_ids[0])
            watch = Stopwatch()
            for i in range(5):
                await channel.send(f"m{i}")
            assert watch.elapsed >= 0.75  # windows of 2 sends per 0.4 s: three windows at least
            posts = [r for r in sb.requests if r["method"] == "POST"]
            assert [r["status"] for r in posts] == [200] * 5
            assert len(sb.messages(channel.id)) == 5

    run(scenario())


def test_message_bucket_refuses_a_sixth_message_within_five_seconds() -> None:
    limiter = RouteLimiter()
    template = "/channels/{channel_id}/messages"
    verdicts = [limiter.check("t", "POST", template, "1", "g", 100.0) for _ in range(6)]
    assert [v.retry_after is None for v in verdicts] == [True] * 5 + [False]
    assert verdicts[4].headers["X-RateLimit-Remaining"] == "0"
    assert verdicts[5].retry_after == 5.0 and verdicts[5].headers["X-RateLimit-Reset-After"] == "5.000"
    assert limiter.check("t", "POST", template, "2", "g", 100.0).retry_after is None  # per channel
    assert limiter.check("t", "POST", template, "1", "g", 105.0).retry_after is None  # next window


def test_global_window_is_sliding_and_sends_refused_requests_back_together() -> None:
    limiter = GlobalLimiter(limit=3, window=1.0)
    assert [limiter.check("t", at) for at in (0.0, 0.2, 0.4)] == [None, None, None]
    assert limiter.check("t", 0.5) == pytest.approx(0.9)  # until the newest admitted one expires
    assert limiter.check("t", 0.9) == pytest.approx(0.5)
    assert limiter.check("t", 1.01) is None  # the first slot has slid out
    assert limiter.check("other-token", 1.01) is None


def test_global_limit_holds_for_200_requests_at_once() -> None:
    async def scenario() -> None:
        async with sandbox(rate_limits=True) as sb:
            ids = sb.add_channels(200)
            point_at(sb.api_base, sb.gateway_url)
            client = FastClient()
            await client.login(sb.token)  # REST only: no gateway needed
            try:
                watch = Stopwatch()
                channels = await asyncio.gather(*(client.fetch_channel(cid) for cid in ids))
                took = watch.elapsed
            finally:
                await client.close()
            assert [c.id for c in channels] == ids
            counted = sorted(r["mono"] for r in sb.requests if r["counted"])
            assert len(counted) == 202  # 2 login calls + 200 fetches, every one admitted exactly once
            busiest = max(sum(1 for u in counted if t - 1.0 < u <= t) for t in counted)
            assert busiest == 50  # the limit is reached, never exceeded, in any 1 s window
            refused = [r for r in sb.requests if r["rate_limited"] == "global"]
            assert refused and all(r["status"] == 429 for r in refused)
            assert took >= 3.0  # 200 requests at 50 per second
            print(f"200 requests: {took:.2f} s, {len(refused)} global 429s, busiest second {busiest}")

    run(scenario(), timeout=30)
