"""The adapter's side of "the channel is the ledger": the channel check (free when ``last_message_id`` shows
no activity since the slot began, else paged ``after=`` reads), the look for a simultaneous send (from the
gateway's events, no request), and the message-delete guard (only a message this process has just sent)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest

from cdp_desktop.discord_client import DeleteRefusedError, DiscordClient, Endpoints
from tests.helpers.logs import DELETE_REFUSED
from tests.integration.harness import TOKEN, Harness, eventually, harness, run

MARKER = "cdp-keepalive 2026-01-02"


def _reads(h: Harness, channel: int) -> int:
    return len(h.requests("GET", f"/channels/{channel}/messages"))


@contextlib.asynccontextmanager
async def other_machine(h: Harness) -> AsyncIterator[DiscordClient]:
    """A second DiscordClient with the same token: the same bot on another machine."""
    client = DiscordClient(
        TOKEN,
        endpoints=Endpoints(api_base=h.sb.api_base),
        is_owned=lambda _c: False,
        configured_ids=set,
        reconnect_backoff=(0.2, 2.0),
        identify_pause=0.0,
        guild_ready_timeout=0.1,
    )
    await client.start()
    try:
        assert await client.wait_ready(10)
        yield client
    finally:
        await client.close()


def test_scan_costs_nothing_without_activity_since_the_slot() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            old = h.sb.post_message(cid, f"yesterday\n-# {MARKER}", author_id=h.sb.target_bot_id)
            await eventually(lambda: h.client._conn.client.get_channel(cid).last_message_id == int(old["id"]))  # type: ignore[union-attr]
            scan = await h.client.scan_for_marker(cid, MARKER, int(old["id"]))
            assert scan.found == () and scan.requests == 0 and _reads(h, cid) == 0
            fresh = h.sb.text_channel_ids[1]  # never had a message: last_message_id is null
            assert (await h.client.scan_for_marker(fresh, MARKER, 0)).requests == 0
            assert _reads(h, fresh) == 0

    run(main())


def test_scan_reads_after_the_slot_and_finds_only_this_bots_marker() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            floor = int(h.sb.post_message(cid, "before the slot", author_id=h.sb.owner_id)["id"])
            h.sb.post_message(cid, f"quoting\n-# {MARKER}", author_id=h.sb.owner_id)  # not our bot
            for i in range(230):
                h.sb.post_message(cid, f"chatter {i}", author_id=h.sb.owner_id)
            sent = await h.client.send_message(cid, f"<@{h.sb.target_bot_id}> keep-alive\n-# {MARKER}")
            await eventually(lambda: h.client._conn.client.get_channel(cid).last_message_id >= sent.id)  # type: ignore[union-attr]
            scan = await h.client.scan_for_marker(cid, MARKER, floor)
            assert [m.id for m in scan.found] == [sent.id]
            assert scan.requests == 3 and _reads(h, cid) == 3 and scan.complete  # 100 + 100 + 33
            assert scan.horizon >= sent.id
            queries = [r["query"] for r in h.requests("GET", f"/channels/{cid}/messages")]
            assert queries[0] == {"limit": "100", "after": str(floor)}
            assert (await h.client.scan_for_marker(cid, "cdp-keepalive 2026-01-03", floor)).found == ()

    run(main())


def test_scan_is_bounded_in_a_very_busy_channel() -> None:
    async def main() -> None:
        async with harness() as h:
            cid = h.sb.text_channel_ids[0]
            for i in range(1050):
                last = h.sb.post_message(cid, f"busy {i}", author_id=h.sb.owner_id)
            await eventually(
                lambda: h.client._conn.client.get_channel(cid).last_message_id == int(last["id"])
            )  # type: ignore[union-attr]
            scan = await h.client.scan_for_marker(cid, MARKER, 0)
            assert scan.requests == 10 and not scan.complete and scan.found == ()

    run(main(), timeout=60)


def test_simultaneous_sends_are_seen_on_the_gateway_without_a_request() -> None:
    async def main() -> None:
        async with harness() as h, other_machine(h) as other:
            cid = h.sb.text_channel_ids[0]
            floor = 0
            mine_scan = await h.client.scan_for_marker(cid, MARKER, floor)
            their_scan = await other.scan_for_marker(cid, MARKER, floor)
            assert mine_scan.found == their_scan.found == ()
            first = await other.send_message(cid, f"keep-alive\n-# {MARKER}")
            second = await h.client.send_message(cid, f"keep-alive\n-# {MARKER}")
            reads = _reads(h, cid)
            seen = await h.client.markers_since(cid, MARKER, mine_scan, second)
            assert [m.id for m in seen] == [first.id, second.id]
            theirs = await other.markers_since(cid, MARKER, their_scan, first)
            assert theirs[0].id == first.id  # the other machine keeps its message
            assert _reads(h, cid) == reads, "answered from the gateway's events"

    run(main())


def test_markers_since_reads_the_channel_when_the_session_changed() -> None:
    async def main() -> None:
        async with harness() as h, other_machine(h) as other:
            cid = h.sb.text_channel_ids[0]
            scan = await h.client.scan_for_marker(cid, MARKER, 0)
            first = await other.send_message(cid, f"keep-alive\n-# {MARKER}")
            h.sb.invalidate_sessions(resumable=False)  # a fresh session: events may have been missed
            await eventually(lambda: h.client._conn.session > scan.watch)  # type: ignore[operator]
            assert await h.client.wait_ready(10)
            second = await h.client.send_message(cid, f"keep-alive\n-# {MARKER}")
            seen = await h.client.markers_since(cid, MARKER, scan, second)
            assert [m.id for m in seen] == [first.id, second.id]
            assert _reads(h, cid) == 1

    run(main())


@pytest.mark.expect_log(DELETE_REFUSED)
def test_message_delete_guard_allows_only_a_message_this_process_just_sent() -> None:
    async def main() -> None:
        async with harness() as h, other_machine(h) as other:
            cid, elsewhere = h.sb.text_channel_ids[0], h.sb.text_channel_ids[1]
            mine = await h.client.send_message(cid, "mine")
            theirs = await other.send_message(cid, "same bot, other machine")
            target = h.sb.post_message(cid, "the target bot", author_id=h.sb.target_bot_id)
            for channel, message in (
                (cid, theirs.id),  # our bot's, but not sent by this process
                (cid, int(target["id"])),  # someone else's
                (elsewhere, mine.id),  # ours, but not in that channel
                (cid, cid),  # a channel ID is never a message to delete
            ):
                with pytest.raises(DeleteRefusedError):
                    await h.client.delete_own_message(channel, message)
            assert h.requests("DELETE") == []
            await h.client.delete_own_message(cid, mine.id)
            assert [r["path"] for r in h.requests("DELETE")] == [f"/channels/{cid}/messages/{mine.id}"]
            assert [m["content"] for m in h.sb.messages(cid)] == ["same bot, other machine", "the target bot"]
            assert h.sb.channel(cid) is not None
            with pytest.raises(DeleteRefusedError):  # withdrawn once: never again
                await h.client.delete_own_message(cid, mine.id)

    run(main())
