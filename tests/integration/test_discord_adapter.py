"""The Discord adapter against the in-repo sandbox with the real discord.py client (no mocks)."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from cdp_desktop.core.errors import DiscordFailure, State
from cdp_desktop.discord_client import DeleteRefusedError, DiscordClient, Endpoints, check_token
from cdp_desktop.sandbox import Sandbox
from tests.helpers.logs import (
    CONNECTION_LOST,
    DELETE_REFUSED,
    DISCORD_RATE_LIMITED,
    INTENTS_REFUSED,
    TOKEN_REJECTED,
)
from tests.integration.harness import TOKEN, eventually, harness, run

# This module provokes failures on purpose: the warnings they log are expected.
pytestmark = pytest.mark.expect_log(
    DELETE_REFUSED, CONNECTION_LOST, TOKEN_REJECTED, INTENTS_REFUSED, DISCORD_RATE_LIMITED
)

MSG_PATH = "/channels/*/messages"


async def _expect_failure(coro: object) -> DiscordFailure:
    with pytest.raises(DiscordFailure) as info:
        await coro  # type: ignore[misc]
    return info.value


# --- connection ------------------------------------------------------------------------------------------


def test_login_reports_connected_with_bot_name() -> None:
    async def main() -> None:
        async with harness() as h:
            assert h.client.is_connected
            status = h.client.status
            assert status.state == "connected"
            assert status.bot_name == "CDP Sandbox Bot"
            assert status.bot_id == h.sb.bot_user_id
            assert status.proxy is None
            assert h.states()[0] == "connecting"
            assert h.states()[-1] == "connected"
            # the gateway was discovered with GET {api}/gateway, as Discord documents it
            assert h.requests("GET", "/gateway")
        assert h.client.status.state == "offline"
        assert not h.client.is_connected

    run(main())


def test_bad_token_is_token_invalid_without_retry() -> None:
    async def main() -> None:
        sb = Sandbox(token="the-real-token", rate_limits=False)
        await sb.start()
        seen: list[str] = []
        client = DiscordClient(
            TOKEN,
            endpoints=Endpoints(api_base=sb.api_base),
            is_owned=lambda _: False,
            configured_ids=set,
            on_status=lambda s: seen.append(s.state),
            reconnect_backoff=(0.2, 2.0),
            identify_pause=0.0,
        )
        try:
            await client.start()
            assert not await client.wait_ready(5)
            assert client.status.state == "token_invalid"
            await asyncio.sleep(0.6)  # several fast backoff periods: a retry loop would show here
            logins = [r for r in sb.requests if r["path"] == "/users/@me"]
            assert len(logins) == 1 and logins[0]["status"] == 401
            failure = await _expect_failure(client.send_message(sb.text_channel_ids[0], "hi"))
            assert failure.state is State.TOKEN_INVALID
        finally:
            await client.close()
            await sb.stop()
        assert seen[-1] == "token_invalid"

    run(main())


def test_token_revoked_mid_session_stops_with_token_invalid() -> None:
    async def main() -> None:
        async with harness() as h:
            h.sb.revoke_token()
            failure = await _expect_failure(h.client.send_message(h.sb.text_channel_ids[0], "hi"))
            assert failure.state is State.TOKEN_INVALID
            await eventually(lambda: h.client.status.state == "token_invalid")
            identifies = len([e for e in h.sb.hub.log if e.get("op") in (2, 6)])
            await asyncio.sleep(0.6)
            assert len([e for e in h.sb.hub.log if e.get("op") in (2, 6)]) == identifies  # no retry loop
            assert len(h.requests("GET", "/users/@me")) == 1
            assert not await h.client.wait_ready(0.1)

    run(main())


def test_gateway_close_4000_resumes() -> None:
    async def main() -> None:
        async with harness() as h:
            assert h.sb.close_gateways(4000) >= 1
            await eventually(lambda: "reconnecting" in h.states())
            await eventually(lambda: h.client.is_connected and h.states()[-1] == "connected")
            assert any(e.get("op") == 6 for e in h.sb.hub.log), "expected a RESUME"
            assert len([e for e in h.sb.hub.log if e.get("op") == 2]) == 1, "no second IDENTIFY"
            sent = await h.client.send_message(h.sb.text_channel_ids[1], "after resume")
            assert sent.id > 0

    run(main())


def test_op7_reconnect_resumes_and_op9_false_reidentifies_quickly() -> None:
    async def main() -> None:
        async with harness() as h:
            assert h.sb.send_reconnect() >= 1
            await eventually(lambda: len([e for e in h.sb.hub.log if e.get("op") == 6]) == 1)
            await eventually(lambda: h.client.is_connected)
            # a session Discord forgot: IDENTIFY again, without the 5 s identify pause (identify_pause=0)
            t0 = time.monotonic()
            assert h.sb.invalidate_sessions(resumable=False) >= 1
            await eventually(lambda: len([e for e in h.sb.hub.log if e.get("op") == 2]) == 2, timeout=4)
            await eventually(lambda: h.client.is_connected and h.states()[-1] == "connected")
            assert time.monotonic() - t0 < 3
            await h.client.send_message(h.sb.text_channel_ids[0], "still here")

    run(main())


def test_privileged_intents_refused_falls_back_to_minimal() -> None:
    async def main() -> None:
        async with harness(sandbox={"privileged_intents": False}, presence_intents=True) as h:
            status = h.client.status
            assert status.state == "connected"
            assert not status.presence_available
            assert status.presence_reason and "4014" in status.presence_reason
            closes = [e for e in h.sb.hub.log if e.get("kind") == "close" and e.get("code") == 4014]
            assert len(closes) == 1
            await h.client.fetch_channel(h.sb.text_channel_ids[0])

    run(main())


def test_presence_intents_granted() -> None:
    async def main() -> None:
        async with harness(sandbox={"privileged_intents": True}, presence_intents=True) as h:
            assert h.client.status.presence_available
            assert not [e for e in h.sb.hub.log if e.get("code") == 4014]

    run(main())


def test_outage_backs_off_then_connects() -> None:
    async def main() -> None:
        async with harness(ready=False, before_start=lambda sb: sb.go_offline()) as h:
            await eventually(lambda: h.client.status.state == "reconnecting", timeout=5)
            assert not h.client.is_connected
            failure = await _expect_failure(h.client.fetch_channel(h.sb.text_channel_ids[0]))
            assert failure.state is State.NETWORK
            await h.sb.go_online()
            assert await h.client.wait_ready(10)

    run(main())


def test_close_cuts_the_backoff_short() -> None:
    async def main() -> None:
        async with harness(ready=False, before_start=lambda sb: sb.go_offline()) as h:
            await eventually(lambda: len([s for s in h.states() if s == "reconnecting"]) >= 3, timeout=5)
            t0 = time.monotonic()
            await h.client.close()
            assert time.monotonic() - t0 < 0.5
            assert h.client.status.state == "offline"

    run(main())


def test_connection_refused_mid_session_is_network_then_recovers() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            await h.sb.go_offline()
            failure = await _expect_failure(h.client.send_message(cid, "hi"))
            assert failure.state is State.NETWORK
            await eventually(lambda: not h.client.is_connected)
            await h.sb.go_online()
            await eventually(lambda: h.client.is_connected, timeout=10)
            await h.client.send_message(cid, "back")

    run(main())


def test_after_a_long_outage_the_supervisors_capped_backoff_brings_it_back(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """discord.py's own reconnect loop backs off up to 1024 s, logging an ERROR with a traceback each time;
    the supervisor's backoff (capped at 2 s in this harness, 300 s in the app) is the one that decides."""

    async def main() -> float:
        async with harness() as h:
            await h.sb.go_offline()
            await eventually(lambda: not h.client.is_connected)
            await asyncio.sleep(10)  # several failed reconnects
            await h.sb.go_online()
            t0 = time.monotonic()
            await eventually(lambda: h.client.is_connected, timeout=15)
            return time.monotonic() - t0

    with caplog.at_level(logging.INFO):
        back_after = run(main())
    attempts = [r for r in caplog.records if "reconnecting in" in r.getMessage()]
    assert len(attempts) >= 3 and all(r.levelno == logging.INFO for r in attempts), attempts
    assert not [r for r in caplog.records if r.name == "discord.client" and r.levelno >= logging.WARNING]
    assert back_after < 2.0 + 3.0  # the cap, and room for a loaded machine


def test_close_is_clean_and_quick(caplog: pytest.LogCaptureFixture) -> None:
    async def main() -> float:
        async with harness() as h:
            t0 = time.monotonic()
            await h.client.close()
            return time.monotonic() - t0

    assert run(main()) < 3
    assert "Unclosed" not in caplog.text


# --- verify ----------------------------------------------------------------------------------------------


def test_fetch_channel_from_cache_costs_no_request() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            before = len(h.sb.requests)
            info = await h.client.fetch_channel(cid)
            assert (info.id, info.guild_id, info.name) == (cid, h.sb.guild_id, "general")
            assert info.category_id == h.sb.category_id and info.topic == "Talk to the Coze bot"
            assert len(h.sb.requests) == before

    run(main())


def test_server_side_delete_is_missing_from_cache() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[1]
            await h.client.fetch_channel(cid)
            h.sb.delete_channel(cid)
            await eventually(
                lambda: h.client._conn.client is not None and h.client._conn.client.get_channel(cid) is None
            )
            before = len(h.sb.requests)
            failure = await _expect_failure(h.client.fetch_channel(cid))
            assert failure.state is State.MISSING and failure.code == 10003
            assert len(h.sb.requests) == before
            # a send to it (the engine's race) is MISSING too
            failure = await _expect_failure(h.client.send_message(cid, "hi"))
            assert failure.state is State.MISSING and failure.code == 10003

    run(main())


def test_unknown_channel_falls_back_to_rest_404() -> None:
    async def main() -> None:
        async with harness() as h:
            failure = await _expect_failure(h.client.fetch_channel(123456789012345678))
            assert failure.state is State.MISSING and failure.code == 10003 and failure.status == 404
            assert h.requests("GET", "/channels/123456789012345678")

    run(main())


def test_unknown_channel_in_a_cached_guild_is_missing_without_request() -> None:
    async def main() -> None:
        async with harness() as h:
            before = len(h.sb.requests)
            failure = await _expect_failure(
                h.client.fetch_channel(123456789012345678, guild_id=h.sb.guild_id)
            )
            assert failure.state is State.MISSING
            assert len(h.sb.requests) == before

    run(main())


@pytest.mark.parametrize("code", [50001, 50013])
def test_forbidden_channel_is_no_access(code: int) -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            h.sb.forbid_channel(cid, code)
            await asyncio.sleep(0.1)  # CHANNEL_UPDATE with the new overwrite
            failure = await _expect_failure(h.client.fetch_channel(cid))
            assert failure.state is State.NO_ACCESS and failure.code == code
            failure = await _expect_failure(h.client.send_message(cid, "hi"))
            assert failure.state is State.NO_ACCESS and failure.code == code and failure.status == 403

    run(main())


def test_rest_verify_when_not_connected() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[2]
            h.client._conn.gateway_ready = False  # as during a gateway reconnect: the cache cannot tell
            info = await h.client.fetch_channel(cid)
            assert info.id == cid and info.name == "keepalive-2"
            assert h.requests("GET", f"/channels/{cid}")

    run(main())


# --- REST fault matrix -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "state"),
    [
        (403, 50001, State.NO_ACCESS),
        (403, 50013, State.NO_ACCESS),
        (404, 10003, State.MISSING),
        (503, 0, State.DISCORD_UNAVAILABLE),
        (401, 0, State.TOKEN_INVALID),
    ],
)
def test_send_fault_matrix(status: int, code: int, state: State) -> None:
    async def main() -> None:
        async with harness() as h:
            h.sb.fail_next("POST", MSG_PATH, status, code)
            failure = await _expect_failure(h.client.send_message(h.sb.text_channel_ids[0], "hi"))
            assert (failure.state, failure.status) == (state, status)
            assert failure.code == (code or None)
            assert len(h.requests("POST")) == 1  # none of these is retried

    run(main())


@pytest.mark.parametrize("status", [500, 502])
def test_5xx_then_success(status: int) -> None:
    async def main() -> None:
        async with harness() as h:
            h.sb.fail_next("POST", MSG_PATH, status)
            sent = await h.client.send_message(h.sb.text_channel_ids[0], "hi")
            assert sent.id > 0
            assert [r["status"] for r in h.requests("POST")] == [status, 200]

    run(main())


@pytest.mark.parametrize("global_", [False, True])
def test_short_429_is_transparent(global_: bool) -> None:
    async def main() -> None:
        async with harness() as h:
            h.sb.rate_limit(MSG_PATH, 0.3, global_=global_)
            t0 = time.monotonic()
            await h.client.send_message(h.sb.text_channel_ids[0], "hi")
            assert time.monotonic() - t0 >= 0.3
            assert [r["status"] for r in h.requests("POST")] == [429, 200]

    run(main())


@pytest.mark.parametrize("global_", [False, True])
def test_long_429_is_rate_limited_not_a_freeze(global_: bool) -> None:
    async def main() -> None:
        async with harness() as h:
            h.sb.rate_limit(MSG_PATH, 60, global_=global_)
            t0 = time.monotonic()
            failure = await _expect_failure(h.client.send_message(h.sb.text_channel_ids[0], "hi"))
            assert time.monotonic() - t0 < 5
            assert failure.state is State.RATE_LIMITED
            assert failure.retry_after is not None and failure.retry_after >= 59

    run(main())


def test_request_timeout_is_network() -> None:
    async def main() -> None:
        async with harness(request_timeout=0.3) as h:
            h.sb.set_latency(2)
            t0 = time.monotonic()
            failure = await _expect_failure(h.client.send_message(h.sb.text_channel_ids[0], "hi"))
            assert failure.state is State.NETWORK and "timed out" in str(failure)
            assert time.monotonic() - t0 < 1.5
            h.sb.set_latency(0)

    run(main())


# --- send, reply, history --------------------------------------------------------------------------------


def test_wait_for_reply_gets_the_target_bots_reply() -> None:
    async def main() -> None:
        async with harness(sandbox={"reply_delay": 0.05}) as h:
            cid = h.sb.text_channel_ids[0]
            target = h.sb.target_bot_id
            sent = await h.client.send_message(cid, f"<@{target}> keep-alive")
            assert sent.channel_id == cid
            await asyncio.sleep(0.3)  # the reply arrives before the wait starts: it still counts
            reply = await h.client.wait_for_reply(cid, target, sent, timeout=5)
            assert reply is not None and reply.author_id == target and reply.message_id > sent.id
            assert 0 <= reply.latency_seconds < 2
            # our own echoed message never counts as a reply, and a silent target gives None
            h.sb.set_target_silent(True)
            sent2 = await h.client.send_message(cid, f"<@{target}> again")
            t0 = time.monotonic()
            assert await h.client.wait_for_reply(cid, target, sent2, timeout=0.4) is None
            assert 0.35 < time.monotonic() - t0 < 2
            assert await h.client.wait_for_reply(cid, h.sb.bot_user_id, sent2, timeout=0.2) is None

    run(main())


def test_send_allows_user_mentions_only() -> None:
    async def main() -> None:
        async with harness() as h:
            await h.client.send_message(h.sb.text_channel_ids[0], "@everyone hi")
            body = h.requests("POST")[-1]["json"]
            assert body["allowed_mentions"]["parse"] == ["users"]

    run(main())


def test_find_message_containing() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            h.sb.post_message(cid, "someone else says [cdp:2026-01-01]")
            sent = await h.client.send_message(cid, "keep-alive [cdp:2026-01-02]")
            assert await h.client.find_message_containing(cid, "[cdp:2026-01-02]") == sent.id
            assert await h.client.find_message_containing(cid, "[cdp:2026-01-01]") is None  # not ours
            assert await h.client.find_message_containing(cid, "[cdp:1999-01-01]") is None

    run(main())


# --- channels ---------------------------------------------------------------------------------------------


def test_create_channel_calls_on_created_before_returning() -> None:
    async def main() -> None:
        async with harness() as h:
            recorded: list[int] = []

            async def on_created(info: object) -> None:
                recorded.append(info.id)  # type: ignore[attr-defined]
                assert not [r for r in h.sb.requests if r["method"] == "DELETE"]

            info = await h.client.create_text_channel(
                h.sb.guild_id,
                "cdp-keepalive-2026-01-01",
                category_id=h.sb.category_id,
                topic="t",
                position=7,
                on_created=on_created,
            )
            assert recorded == [info.id]
            assert (info.name, info.category_id, info.topic) == (
                "cdp-keepalive-2026-01-01",
                h.sb.category_id,
                "t",
            )
            await eventually(
                lambda: (
                    h.client._conn.client is not None
                    and h.client._conn.client.get_channel(info.id) is not None
                )
            )
            before = len(h.sb.requests)
            assert (await h.client.fetch_channel(info.id)).id == info.id
            assert len(h.sb.requests) == before

    run(main())


def test_category_exists_and_list_guilds() -> None:
    async def main() -> None:
        async with harness() as h:
            assert await h.client.category_exists(h.sb.guild_id, h.sb.category_id)
            assert not await h.client.category_exists(h.sb.guild_id, h.sb.text_channel_ids[0])
            guilds = await h.client.list_guilds()
            assert [g.id for g in guilds] == [h.sb.guild_id]
            assert {c.id for c in guilds[0].channels} >= set(h.sb.text_channel_ids)
            assert [c.id for c in guilds[0].categories] == [h.sb.category_id]
            # REST path (gateway not ready)
            h.client._conn.gateway_ready = False
            assert not await h.client.category_exists(h.sb.guild_id, 123456789012345678)
            rest_guilds = await h.client.list_guilds()
            assert {c.id for c in rest_guilds[0].channels} == {c.id for c in guilds[0].channels}

    run(main())


def test_describe_user_over_rest_and_unknown_user_is_none() -> None:
    async def main() -> None:
        async with harness() as h:  # no members intent: the target bot is not in the cache
            bot = h.sb.target_bot_id
            assert await h.client.describe_user(bot) == "Coze Target Bot"
            assert h.requests("GET", f"/users/{bot}")
            assert await h.client.describe_user(123456789012345678) is None  # 404, 10013 Unknown User
            assert h.requests("GET", "/users/123456789012345678")

    run(main())


def test_describe_user_from_the_member_cache_costs_no_request() -> None:
    async def main() -> None:
        async with harness(sandbox={"privileged_intents": True}, presence_intents=True) as h:
            bot = h.sb.target_bot_id
            await eventually(
                lambda: h.client._conn.client is not None and h.client._conn.client.get_user(bot) is not None
            )
            before = len(h.sb.requests)
            assert await h.client.describe_user(bot) == "Coze Target Bot"
            assert len(h.sb.requests) == before

    run(main())


def test_describe_user_failure_other_than_missing_is_raised() -> None:
    async def main() -> None:
        async with harness() as h:
            h.sb.fail_next("GET", "/users/*", 503, 0)
            failure = await _expect_failure(h.client.describe_user(h.sb.target_bot_id))
            assert failure.state is State.DISCORD_UNAVAILABLE

    run(main())


# --- the delete guard -------------------------------------------------------------------------------------


def test_delete_guard_refuses_configured_and_unowned(caplog: pytest.LogCaptureFixture) -> None:
    async def main() -> None:
        async with harness() as h:
            configured, unowned = h.sb.text_channel_ids[0], h.sb.text_channel_ids[1]
            h.configured.add(configured)
            h.owned.add(configured)  # even if the ledger somehow lists a configured channel
            for cid in (configured, unowned):
                with pytest.raises(DeleteRefusedError):
                    await h.client.delete_owned_channel(cid)
            assert not h.requests("DELETE")
            assert h.sb.channel(configured) is not None and h.sb.channel(unowned) is not None

            # an owned temporary channel is deleted, once
            temp = await h.client.create_text_channel(h.sb.guild_id, "cdp-keepalive-x")
            h.owned.add(temp.id)
            await h.client.delete_owned_channel(temp.id)
            assert [r["path"] for r in h.requests("DELETE")] == [f"/channels/{temp.id}"]
            await eventually(
                lambda: (
                    h.client._conn.client is not None and h.client._conn.client.get_channel(temp.id) is None
                )
            )
            failure = await _expect_failure(h.client.fetch_channel(temp.id))
            assert failure.state is State.MISSING

    with caplog.at_level(logging.ERROR, logger="cdp_desktop.discord_client"):
        run(main())
    refusals = [r for r in caplog.records if r.levelno == logging.ERROR and "Refused to delete" in r.message]
    assert len(refusals) == 2


def test_delete_guard_fails_closed_when_the_ledger_breaks() -> None:
    def broken(_: int) -> bool:
        raise RuntimeError("ledger unreadable")

    async def main() -> None:
        async with harness(is_owned=broken) as h:
            with pytest.raises(DeleteRefusedError):
                await h.client.delete_owned_channel(h.sb.text_channel_ids[2])
            assert not h.requests("DELETE")

    run(main())


def test_check_token_over_rest() -> None:
    async def main() -> None:
        sb = Sandbox(token=TOKEN, rate_limits=False)
        await sb.start()
        try:
            ok = await check_token(TOKEN, endpoints=Endpoints(api_base=sb.api_base), timeout=5)
            assert (ok.state, ok.bot_name, ok.bot_id) == (State.OK, "CDP Sandbox Bot", sb.bot_user_id)
            bad = await check_token(TOKEN + "x", endpoints=Endpoints(api_base=sb.api_base), timeout=5)
            assert bad.state is State.TOKEN_INVALID and bad.bot_name is None
            assert not sb.hub.connections  # REST only: no gateway session
        finally:
            await sb.stop()

    run(main())
