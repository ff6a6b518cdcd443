"""The real discord.py client against an in-process sandbox: login, cache, send, errors, events."""

from __future__ import annotations

import asyncio
import time

import discord
import pytest

from tests.sandbox.helpers import (
    FULL_INTENTS,
    Stopwatch,
    connected,
    expect,
    run,
    sandbox,
    start_client,
    text_channel,
)


def test_login_reaches_on_ready_with_guild_and_channels_cached() -> None:
    async def scenario() -> float:
        async with sandbox() as sb:
            started = time.perf_counter()
            async with connected(sb) as client:
                took = time.perf_counter() - started
                assert client.user is not None and client.user.id == sb.bot_user_id
                guild = client.get_guild(sb.guild_id)
                assert guild is not None and guild.name == "CDP Sandbox"
                assert [c.id for c in guild.text_channels] == sb.text_channel_ids
                assert len(sb.text_channel_ids) >= 3
                assert all(c.category_id == sb.category_id for c in guild.text_channels)
                assert guild.me is not None and guild.me.guild_permissions.manage_channels
                target = guild.get_member(sb.target_bot_id)
                assert target is not None and target.bot and target.status is discord.Status.online
                assert guild.owner_id == sb.owner_id
                return took

    took = run(scenario())
    print(f"login -> on_ready: {took * 1000:.0f} ms")
    assert took < 2.0  # the reported figure is well under 0.5 s; this only guards against a 5 s stall


def test_send_is_echoed_and_read_back_from_history() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            channel = client.get_channel(sb.text_channel_ids[0])
            assert isinstance(channel, discord.TextChannel)
            echoed = await expect(
                client,
                "message",
                lambda: channel.send("keep-alive 1"),
                check=lambda m: m.content == "keep-alive 1",
            )
            assert echoed.author.id == sb.bot_user_id
            history = [m async for m in channel.history(limit=10)]
            assert [m.content for m in history] == ["keep-alive 1"]
            assert history[0].id == echoed.id
            stored = sb.messages(channel.id)
            assert [m["content"] for m in stored] == ["keep-alive 1"]
            assert sb.requests[-1]["method"] == "GET"
            posts = [r for r in sb.requests if r["method"] == "POST"]
            assert posts[0]["json"]["content"] == "keep-alive 1" and posts[0]["status"] == 200

    run(scenario())


def test_history_pagination_newest_first() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            cid = sb.text_channel_ids[1]
            for i in range(7):
                sb.post_message(cid, f"m{i}", author_id=sb.owner_id)
            channel = client.get_channel(cid)
            assert isinstance(channel, discord.TextChannel)
            newest = [m.content async for m in channel.history(limit=3)]
            assert newest == ["m6", "m5", "m4"]
            everything = [m.content async for m in channel.history(limit=None)]
            assert everything == [f"m{i}" for i in range(6, -1, -1)]
            first = await channel.fetch_message(int(sb.messages(cid)[0]["id"]))
            after = [m.content async for m in channel.history(limit=2, after=first, oldest_first=True)]
            assert after == ["m1", "m2"]

    run(scenario())


def test_unknown_channel_is_not_found_10003() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            with pytest.raises(discord.NotFound) as fetched:
                await client.fetch_channel(123)
            assert (fetched.value.status, fetched.value.code) == (404, 10003)
            with pytest.raises(discord.NotFound) as sent:
                await client.get_partial_messageable(123).send("hello")
            assert sent.value.code == 10003
            with pytest.raises(discord.NotFound) as member:
                await client.get_guild(sb.guild_id).fetch_member(42)  # type: ignore[union-attr]
            assert member.value.code == 10007

    run(scenario())


@pytest.mark.parametrize("code", [50001, 50013])
def test_forbidden_channel_raises_forbidden_with_code(code: int) -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            cid = sb.text_channel_ids[0]
            channel = client.get_channel(cid)
            assert isinstance(channel, discord.TextChannel)
            await expect(client, "guild_channel_update", lambda: sb.forbid_channel(cid, code))
            channel = client.get_channel(cid)
            assert isinstance(channel, discord.TextChannel)
            perms = channel.permissions_for(channel.guild.me)
            assert perms.view_channel is (code != 50001) and not perms.send_messages
            with pytest.raises(discord.Forbidden) as exc:
                await channel.send("hi")
            assert (exc.value.status, exc.value.code) == (403, code)
            if code == 50001:
                with pytest.raises(discord.Forbidden):
                    await client.fetch_channel(cid)
            else:
                assert (await client.fetch_channel(cid)).id == cid
            sb.allow_channel(cid)
            assert (await channel.send("back")).content == "back"

    run(scenario())


def test_create_and_delete_channel_fire_events() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            guild = client.get_guild(sb.guild_id)
            assert guild is not None
            category = guild.get_channel(sb.category_id)
            assert isinstance(category, discord.CategoryChannel)
            created = asyncio.ensure_future(client.wait_for("guild_channel_create", timeout=5))
            await asyncio.sleep(0)
            channel = await guild.create_text_channel("Re Created", category=category, topic="t", position=5)
            event = await created
            assert event.id == channel.id
            assert (channel.name, channel.category_id, channel.topic, channel.position) == (
                "re-created",
                sb.category_id,
                "t",
                5,
            )
            body = next(
                r["json"] for r in sb.requests if r["method"] == "POST" and r["path"].endswith("/channels")
            )
            assert body["parent_id"] == sb.category_id  # discord.py sends an int snowflake
            assert channel.id in [c.id for c in await guild.fetch_channels()]

            deleted = await expect(client, "guild_channel_delete", lambda: channel.delete(reason="temp"))
            assert deleted.id == channel.id and guild.get_channel(channel.id) is None
            assert sb.requests[-1]["reason"] == "temp"

            # Deleted on Discord's side, by someone else.
            gone = sb.text_channel_ids[2]
            deleted = await expect(client, "guild_channel_delete", lambda: sb.delete_channel(gone))
            assert deleted.id == gone and guild.get_channel(gone) is None
            with pytest.raises(discord.NotFound):
                await client.fetch_channel(gone)

    run(scenario())


def test_invalid_channel_body_is_50035_with_nested_errors() -> None:
    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            guild = client.get_guild(sb.guild_id)
            assert guild is not None
            with pytest.raises(discord.HTTPException) as exc:
                await guild.create_text_channel("x" * 101)
            assert (exc.value.status, exc.value.code) == (400, 50035)
            assert "In name" in exc.value.text

    run(scenario())


def test_target_bot_replies_to_mentions_unless_silent_or_offline() -> None:
    async def scenario() -> None:
        async with sandbox(reply_delay=0.05) as sb, connected(sb) as client:
            channel = client.get_channel(sb.text_channel_ids[0])
            assert isinstance(channel, discord.TextChannel)
            sent_at = Stopwatch()

            def from_target(m: discord.Message) -> bool:
                return m.author.id == sb.target_bot_id

            reply = await expect(
                client,
                "message",
                lambda: channel.send(f"<@{sb.target_bot_id}> keep-alive"),
                check=from_target,
            )
            assert sent_at.elapsed >= 0.05
            assert reply.author.bot and f"<@{sb.bot_user_id}>" in reply.content
            assert reply.reference is not None and reply.channel.id == channel.id
            assert [m.author.id async for m in channel.history(limit=5)] == [sb.target_bot_id, sb.bot_user_id]

            # Without a mention there is no reply.
            await channel.send("no mention")
            sb.set_target_silent(True)
            await channel.send(f"<@{sb.target_bot_id}> anyone?")
            with pytest.raises(asyncio.TimeoutError):
                await client.wait_for("message", check=from_target, timeout=0.3)
            sb.set_target_silent(False)

            member = channel.guild.get_member(sb.target_bot_id)
            assert member is not None and member.status is discord.Status.online
            before, after = await expect(client, "presence_update", lambda: sb.set_target_online(False))
            assert before.status is discord.Status.online and after.status is discord.Status.offline
            await channel.send(f"<@{sb.target_bot_id}> are you there?")
            with pytest.raises(asyncio.TimeoutError):
                await client.wait_for("message", check=from_target, timeout=0.3)
            await expect(client, "presence_update", lambda: sb.set_target_online(True))
            assert channel.guild.get_member(sb.target_bot_id).status is discord.Status.online  # type: ignore[union-attr]

    run(scenario())


def test_content_is_blank_without_message_content_intent_unless_mentioned() -> None:
    async def scenario() -> None:
        intents = discord.Intents.default()
        async with sandbox() as sb, connected(sb, intents=intents) as client:
            cid = sb.text_channel_ids[0]
            plain = await expect(client, "message", lambda: sb.post_message(cid, "secret"))
            assert plain.content == ""
            mention = await expect(client, "message", lambda: sb.post_message(cid, f"<@{sb.bot_user_id}> hi"))
            assert mention.content == f"<@{sb.bot_user_id}> hi"
            channel = client.get_channel(cid)
            assert isinstance(channel, discord.TextChannel)
            own = await expect(client, "message", lambda: channel.send("mine"))
            assert own.content == "mine"

    run(scenario())


def test_members_intent_without_presences_is_answered_with_a_member_chunk() -> None:
    async def scenario() -> None:
        intents = discord.Intents.default()
        intents.members = True
        async with sandbox() as sb:
            watch = Stopwatch()
            async with connected(sb, intents=intents) as client:
                assert watch.elapsed < 2.0  # an unanswered op 8 stalls on_ready for 5 s
                guild = client.get_guild(sb.guild_id)
                assert guild is not None and guild.get_member(sb.target_bot_id) is not None
                assert any(e["kind"] == "op" and e["op"] == 8 for e in sb.hub.log)

    run(scenario())


def test_wrong_token_is_login_failure() -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            with pytest.raises(discord.LoginFailure):
                await start_client(sb, token="not-the-token")

    run(scenario())


def test_disallowed_privileged_intents_close_4014() -> None:
    async def scenario() -> None:
        async with sandbox(privileged_intents=False) as sb:
            with pytest.raises(discord.PrivilegedIntentsRequired):
                await start_client(sb, intents=FULL_INTENTS)
            async with connected(sb, intents=discord.Intents.default()) as client:
                assert client.get_guild(sb.guild_id) is not None

    run(scenario())


def test_last_message_id_and_after_pages_as_discord_does() -> None:
    """What the cross-machine channel check relies on: ``last_message_id`` in GUILD_CREATE, kept current by
    MESSAGE_CREATE and in ``GET /channels/{id}``; ``after=`` answers the oldest page after the ID, newest
    first."""

    async def scenario() -> None:
        async with sandbox() as sb:
            cid = sb.text_channel_ids[1]
            first = sb.post_message(cid, "before login", author_id=sb.owner_id)
            async with connected(sb) as client:
                channel = text_channel(client, cid)
                assert channel.last_message_id == int(first["id"])  # from GUILD_CREATE
                later = await expect(
                    client, "message", lambda: sb.post_message(cid, "m", author_id=sb.owner_id)
                )
                assert channel.last_message_id == later.id  # MESSAGE_CREATE
                fetched = await client.fetch_channel(cid)
                assert isinstance(fetched, discord.TextChannel) and fetched.last_message_id == later.id
                for i in range(150):
                    sb.post_message(cid, f"n{i}", author_id=sb.owner_id)
                page = await client.http.logs_from(cid, 100, after=later.id)
                assert [m["content"] for m in page] == [f"n{i}" for i in range(99, -1, -1)]
                rest = await client.http.logs_from(cid, 100, after=int(page[0]["id"]))
                assert [m["content"] for m in rest] == [f"n{i}" for i in range(149, 99, -1)]

    run(scenario())


def test_own_message_delete_like_discord() -> None:
    """A bot deletes its own message (204, MESSAGE_DELETE; ``last_message_id`` unchanged, as on Discord);
    someone else's is 403/50013; an unknown one 404/10008. The channel stays."""

    async def scenario() -> None:
        async with sandbox() as sb, connected(sb) as client:
            cid = sb.text_channel_ids[0]
            channel = text_channel(client, cid)
            mine = await channel.send("withdraw me")
            theirs = sb.post_message(cid, "not yours", author_id=sb.owner_id)
            deleted = await expect(client, "raw_message_delete", lambda: mine.delete())
            assert deleted.message_id == mine.id and deleted.channel_id == cid
            assert [m["content"] for m in sb.messages(cid)] == ["not yours"]
            assert sb.channel(cid) is not None and sb.channel(cid).last_message_id == int(theirs["id"])  # type: ignore[union-attr]
            with pytest.raises(discord.Forbidden) as forbidden:
                await client.http.delete_message(cid, int(theirs["id"]))
            assert forbidden.value.code == 50013
            with pytest.raises(discord.NotFound) as gone:
                await client.http.delete_message(cid, mine.id)
            assert gone.value.code == 10008

    run(scenario())
