"""The fault matrix at engine level: the real Engine + DiscordClient (discord.py) + History against the
sandbox. Every fault ends in its documented state without a crash, with at most one message per channel
(counted on the server), a result in History for every target, and no DELETE request at all."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cdp_desktop.core.engine import ChannelStateChanged, RunReport
from cdp_desktop.core.errors import State
from tests.e2e.stack import SLOT, Stack, stack
from tests.e2e.support import arun
from tests.helpers.logs import (
    DISCORD_RATE_LIMITED,
    INTENTS_REFUSED,
    RUN_FAILURES,
    RUN_STOPPED,
    TOKEN_REJECTED,
)

# This module provokes failures on purpose: the warnings they log are expected.
pytestmark = pytest.mark.expect_log(
    *RUN_FAILURES, RUN_STOPPED, TOKEN_REJECTED, INTENTS_REFUSED, DISCORD_RATE_LIMITED
)

MSGS = "/channels/{c}/messages"
R = State.REPLIED

Setup = Callable[[Stack, list[int]], Awaitable[None] | None]


@dataclass
class Case:
    setup: Setup
    states: tuple[State, State]
    codes: tuple[int | None, int | None] = (None, None)
    recover: bool = False  # after clearing the fault, a second run completes the slot with no duplicate
    sandbox: dict[str, Any] = field(default_factory=dict)
    client: dict[str, Any] = field(default_factory=dict)
    saw_status: int | None = None  # the server must have answered this status at least once


def _fail_send(status: int, code: int = 0, count: int = 1) -> Setup:
    def setup(st: Stack, ids: list[int]) -> None:
        st.sb.fail_next("POST", MSGS.format(c=ids[0]), status, code, count)

    return setup


def _rate_limit(retry_after: float, *, route: bool, count: int = 1) -> Setup:
    def setup(st: Stack, ids: list[int]) -> None:
        path = MSGS.format(c=ids[0]) if route else None
        st.sb.rate_limit(path, retry_after, count, global_=not route)

    return setup


async def _offline(st: Stack, ids: list[int]) -> None:
    await st.sb.go_offline()


def _close_gateway_mid_run(code: int) -> Setup:
    def setup(st: Stack, ids: list[int]) -> None:
        closed: list[int] = []

        def hook(event: object) -> None:
            # the first channel has started: the gateway drops while the run is under way
            if isinstance(event, ChannelStateChanged) and event.state is State.PENDING and not closed:
                closed.append(st.sb.close_gateways(code))

        st.hooks.append(hook)
        st.notes["closed"] = closed

    return setup


CASES: dict[str, Case] = {
    "token_revoked_401": Case(
        lambda st, ids: st.sb.revoke_token(), (State.TOKEN_INVALID, State.TOKEN_INVALID)
    ),
    "missing_access_403_50001": Case(_fail_send(403, 50001), (State.NO_ACCESS, R), (50001, None)),
    "missing_permissions_403_50013": Case(_fail_send(403, 50013), (State.NO_ACCESS, R), (50013, None)),
    "overwrite_hides_channel_50001": Case(
        lambda st, ids: st.sb.forbid_channel(ids[0], 50001), (State.NO_ACCESS, R), (50001, None)
    ),
    "overwrite_denies_send_50013": Case(
        lambda st, ids: st.sb.forbid_channel(ids[0], 50013), (State.NO_ACCESS, R), (50013, None)
    ),
    "unknown_channel_404_10003": Case(_fail_send(404, 10003), (State.MISSING, R), (10003, None)),
    "deleted_server_side": Case(
        lambda st, ids: st.sb.delete_channel(ids[0]), (State.MISSING, R), (10003, None)
    ),
    "429_route_short": Case(_rate_limit(0.3, route=True), (R, R), saw_status=429),
    "429_global_short": Case(_rate_limit(0.3, route=False), (R, R), saw_status=429),
    "429_route_beyond_max_ratelimit_timeout": Case(
        _rate_limit(60.0, route=True), (State.RATE_LIMITED, R), recover=True, saw_status=429
    ),
    "429_global_beyond_max_ratelimit_timeout": Case(
        _rate_limit(60.0, route=False, count=2),
        (State.RATE_LIMITED, State.RATE_LIMITED),
        recover=True,
        saw_status=429,
    ),
    "500_then_success": Case(_fail_send(500), (R, R), saw_status=500),
    "502_then_success": Case(_fail_send(502), (R, R), saw_status=502),
    "503_once_then_success": Case(_fail_send(503), (R, R), saw_status=503),
    "503_persistent": Case(
        _fail_send(503, count=100), (State.DISCORD_UNAVAILABLE, R), recover=True, saw_status=503
    ),
    "connection_refused": Case(_offline, (State.NETWORK, State.NETWORK), recover=True),
    "gateway_close_4000_mid_run": Case(_close_gateway_mid_run(4000), (R, R)),
    "privileged_intents_refused_4014": Case(
        lambda st, ids: None,
        (R, R),
        sandbox={"privileged_intents": False},
        client={"presence_intents": True},
    ),
}


def _check_run(
    st: Stack, report: RunReport, ids: list[int], states: tuple[State, ...], done: tuple[str, ...] = ()
) -> None:
    """Documented states, a stored result for every target not already ``done`` for the slot, delivered
    ones recorded in History with the message the server stored."""
    pairs = [(t.uid, c) for t, c in zip(st.config.targets, ids, strict=True) if t.uid not in done]
    uids = [u for u, _ in pairs]
    ids = [c for _, c in pairs]
    got = {r.target_uid: r for r in report.results}
    assert set(got) == set(uids), "a target has no result"
    assert sorted(report.skipped_done) == sorted(done)
    assert [got[u].state for u in uids] == list(states), [got[u].message for u in uids]
    stored = {r.target_uid: r.state for r in st.history.results_for_run(report.run_id)}
    assert stored == {u: got[u].state for u in uids}, "History lost a result"
    run = st.history.get_run(report.run_id)
    assert run is not None and run.finished_at is not None
    for uid, channel in zip(uids, ids, strict=True):
        record = st.history.send_record(uid, SLOT.key)
        if got[uid].state.is_success:
            (message,) = st.sent(channel)
            assert record is not None and record.message_id == int(message["id"])
            assert got[uid].message_id == int(message["id"])


@pytest.mark.parametrize("name", list(CASES))
def test_fault_ends_in_its_documented_state(name: str, home: Path) -> None:
    case = CASES[name]

    async def main() -> None:
        async with stack(
            home, sandbox=case.sandbox, settings={"reply_timeout_seconds": 5}, **case.client
        ) as st:
            ids = [t.channel_id for t in st.config.targets]
            assert all(i is not None for i in ids)
            channels: list[int] = [i for i in ids if i is not None]
            result = case.setup(st, channels)
            if inspect.isawaitable(result):
                await result
            report = await st.run()
            _check_run(st, report, channels, case.states)
            for state, code, r in zip(case.states, case.codes, report.results, strict=True):
                if code is not None:
                    assert r.code == code, r
                if not state.is_success and st.sb.channel(r.channel_id or 0) is not None:
                    assert st.sent(r.channel_id or 0) == [], f"{state} but a message was delivered"
            if case.saw_status is not None:
                assert case.saw_status in {r["status"] for r in st.sb.requests}, "the fault never fired"
            if name == "privileged_intents_refused_4014":
                reason = st.client.status.presence_reason or ""
                assert "4014" in reason and not st.client.status.presence_available
            if name == "gateway_close_4000_mid_run":
                assert st.notes["closed"] == [1], "the gateway was not closed mid-run"
                assert any(e.get("op") == 6 for e in st.sb.hub.log), "expected a RESUME after 4000"
            if case.recover:
                st.sb.reset_faults()
                if st.sb.offline:
                    await st.sb.go_online()
                    assert await st.client.wait_ready(10)
                done = tuple(r.target_uid for r in report.results if r.state.is_success)
                again = await st.run()
                assert again.results and all(r.state.is_success for r in again.results), again.summary
                _check_run(st, again, channels, tuple(r.state for r in again.results), done)
                for channel in channels:
                    assert len(st.sent(channel)) == 1, "a channel received a duplicate"
            assert st.deletes() == []
            assert st.sb.errors == []

    arun(main(), timeout=40)


def test_retries_do_not_outlive_the_run(home: Path) -> None:
    """A run with every target failing transiently still ends (bounded attempts), and quickly."""

    async def main() -> float:
        async with stack(home, settings={"reply_timeout_seconds": 0}) as st:
            for c in st.sb.text_channel_ids[:2]:
                st.sb.fail_next("POST", MSGS.format(c=c), 503, 0, 100)
            loop = asyncio.get_running_loop()
            t0 = loop.time()
            report = await st.run()
            assert [r.state for r in report.results] == [State.DISCORD_UNAVAILABLE] * 2
            posts = [r for r in st.sb.requests if r["method"] == "POST"]
            assert len(posts) == 2 * 3  # max_attempts=3 per channel, no more
            return loop.time() - t0

    assert arun(main()) < 5


def test_wait_ready_after_a_drop_waits_for_the_reconnect(home: Path) -> None:
    """``DiscordClient.wait_ready`` promises to wait until READY (or a final failure, or the timeout). After
    the connection dropped once it used to answer False at once, while the client was reconnecting — so a
    caller (``AppService.wait_connected``) would report "could not connect" for a blip."""

    async def main() -> None:
        async with stack(home) as st:
            await st.sb.go_offline()
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 5
            while st.client.is_connected and loop.time() < deadline:
                await asyncio.sleep(0.02)
            assert not st.client.is_connected
            loop.call_later(0.3, st.sb.go_online)
            t0 = loop.time()
            assert await st.client.wait_ready(10), f"gave up after {loop.time() - t0:.2f} s"
            assert st.client.is_connected
            report = await st.run()
            assert [r.state for r in report.results] == [State.REPLIED, State.REPLIED]

    arun(main())
