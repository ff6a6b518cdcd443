"""Gateway faults with the real discord.py client: resume, op 7, op 9, 4004, outage."""

from __future__ import annotations

import asyncio

import aiohttp
import discord
import pytest

from tests.helpers.logs import DISCORD_RECONNECT
from tests.sandbox.helpers import (
    Stopwatch,
    expect,
    gateway_ops,
    run,
    sandbox,
    start_client,
    stop_client,
    text_channel,
)


def test_close_4000_resumes_and_replays_missed_events() -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            client, task = await start_client(sb)
            try:
                cid = sb.text_channel_ids[0]

                def drop_and_post() -> None:
                    sb.close_gateways(4000)
                    sb.post_message(cid, "while you were away")  # goes to the backlog only

                missed = await expect(
                    client, "message", drop_and_post, check=lambda m: m.content == "while you were away"
                )
                assert missed.channel.id == cid
                await asyncio.wait_for(_until(lambda: gateway_ops(sb, 6) == 1), 5)
                assert gateway_ops(sb, 2) == 1  # resumed, not identified again
                assert any(e["kind"] == "open" and e["path"] == "/gateway/resume" for e in sb.hub.log)
                assert (await text_channel(client, cid).send("after resume")).content == "after resume"
            finally:
                await stop_client(client, task)

    run(scenario())


def test_op7_reconnect_resumes() -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            client, task = await start_client(sb)
            try:
                await expect(client, "resumed", sb.send_reconnect)
                assert gateway_ops(sb, 6) == 1 and gateway_ops(sb, 2) == 1
                echoed = await expect(
                    client, "message", lambda: sb.post_message(sb.text_channel_ids[1], "still here")
                )
                assert echoed.content == "still here"
            finally:
                await stop_client(client, task)

    run(scenario())


@pytest.mark.parametrize("resumable", [True, False])
def test_op9_invalid_session(resumable: bool) -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            client, task = await start_client(sb)
            try:
                if resumable:
                    await expect(client, "resumed", lambda: sb.invalidate_sessions(True))
                    assert gateway_ops(sb, 6) == 1 and gateway_ops(sb, 2) == 1
                else:
                    client.ready_event.clear()
                    sb.invalidate_sessions(False)
                    await asyncio.wait_for(client.ready_event.wait(), 5)
                    assert gateway_ops(sb, 2) == 2 and client.ready_count == 2  # a fresh IDENTIFY and READY
                    assert len(sb.hub.sessions) == 1
                assert client.get_guild(sb.guild_id) is not None
            finally:
                await stop_client(client, task)

    run(scenario())


@pytest.mark.expect_log(r"^discord\.gateway: Shard ID \S+ has stopped responding to the gateway")
def test_unanswered_heartbeats_make_the_client_reconnect() -> None:
    async def scenario() -> None:
        async with sandbox(heartbeat_interval=150) as sb:
            client, task = await start_client(sb, heartbeat_timeout=0.4)
            try:
                resumed = asyncio.ensure_future(client.wait_for("resumed", timeout=5))
                await expect(client, "disconnect", sb.stall_heartbeat_acks)
                sb.stall_heartbeat_acks(False)  # the new connection gets its ACKs again
                await resumed
                assert gateway_ops(sb, 6) == 1
            finally:
                await stop_client(client, task)

    run(scenario())


def test_resume_of_forgotten_session_falls_back_to_identify() -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            client, task = await start_client(sb)
            try:
                client.ready_event.clear()
                sb.hub.sessions.clear()  # as after a server restart
                sb.close_gateways(4000)
                await asyncio.wait_for(client.ready_event.wait(), 5)
                assert gateway_ops(sb, 6) == 1 and gateway_ops(sb, 2) == 2
            finally:
                await stop_client(client, task)

    run(scenario())


def test_revoked_token_closes_4004_and_rest_answers_401() -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            client, task = await start_client(sb)
            try:
                channel = text_channel(client, sb.text_channel_ids[0])
                sb.revoke_token()
                with pytest.raises(discord.ConnectionClosed) as closed:
                    await asyncio.wait_for(task, 5)
                assert closed.value.code == 4004
                assert not sb.hub.sessions  # a revoked token's sessions cannot be resumed
            finally:
                await stop_client(client, task)
            async with aiohttp.ClientSession() as http:
                headers = {"Authorization": f"Bot {sb.token}"}
                async with http.get(f"{sb.api_base}/channels/{channel.id}", headers=headers) as resp:
                    assert resp.status == 401 and (await resp.json())["code"] == 0
            with pytest.raises(discord.LoginFailure):
                await start_client(sb)
            sb.restore_token()
            client, task = await start_client(sb)
            await stop_client(client, task)

    run(scenario())


@pytest.mark.expect_log(DISCORD_RECONNECT)
def test_outage_refuses_connections_then_client_resumes() -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            client, task = await start_client(sb)
            try:
                disconnected = asyncio.ensure_future(client.wait_for("disconnect", timeout=5))
                resumed = asyncio.ensure_future(client.wait_for("resumed", timeout=15))
                await asyncio.sleep(0)
                await sb.go_offline()
                await disconnected
                with pytest.raises(aiohttp.ClientConnectorError):
                    async with aiohttp.ClientSession() as http:
                        await http.get(sb.api_base + "/gateway")
                back = Stopwatch()
                await sb.go_online()
                await resumed
                print(f"resumed {back.elapsed:.2f} s after the sandbox came back")
                assert (await text_channel(client, sb.text_channel_ids[0]).send("back")).content == "back"
            finally:
                await stop_client(client, task)

    run(scenario())


async def _until(predicate: object) -> None:
    assert callable(predicate)
    while not predicate():
        await asyncio.sleep(0.01)
