"""Property: whatever the user edits, whatever Discord does, the app never deletes a configured channel and
never writes to a disabled one.

Hypothesis drives random sequences of config edits (add / remove / enable / disable, temporary-channel
targets included, and even a left-over temporary channel adopted as a configured target), runs (forced or
not, over two slots), server-side deletions, re-adds, orphan clean-ups and injected faults through the real
Engine + DiscordClient + History against the sandbox. A second process edits the configuration while a run
is in flight: a real ``cdp-desktop channels add/remove/disable`` subprocess on the same home, started while
the run waits for the target bot's reply in its temporary channel — adding that very temporary channel
among others. After every step the sandbox's request log and message store are checked:

- every DELETE request is for a channel in the app's owned-temporary-channel ledger that was configured
  neither before nor after the step (so none at all for configured channels, and none for anything else);
- a channel's count of our bot's messages grows only for enabled targets (or a temporary channel of the
  run) — never for a disabled or removed target;
- a non-forced run never writes again to a target already done for the slot (exactly once);
- every run records a result for every enabled target that was not already done.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cdp_desktop.core.config import ConfigError, Target
from cdp_desktop.core.engine import temporary_channel_name
from cdp_desktop.core.schedule import Slot
from tests.e2e.stack import SLOT, Stack, stack
from tests.e2e.support import OUTPUTS, arun, bot_messages, cli_env
from tests.helpers.cli import REPO
from tests.helpers.logs import FAULT_INJECTION

NEXT_SLOT = Slot(date(2025, 3, 2), datetime(2025, 3, 2, 0, 0, tzinfo=UTC))

# (method, path glob, status, code, count): faults that cost no sleep inside discord.py (no 500/502).
FAULTS: list[tuple[str, str, int, int, int]] = [
    ("POST", "/channels/*/messages", 503, 0, 2),
    ("POST", "/channels/*/messages", 503, 0, 5),
    ("POST", "/channels/*/messages", 403, 50013, 1),
    ("POST", "/channels/*/messages", 404, 10003, 1),
    ("DELETE", "/channels/*", 503, 0, 3),  # a temporary channel cannot be deleted: an orphan
    ("POST", "/guilds/*/channels", 503, 0, 1),  # temporary channel or re-add: create fails
    ("GET", "/channels/*", 503, 0, 2),
    ("*", "*", 429, 0, 1),  # a short rate limit on whatever comes next
]

Op = tuple[str, Any]
EDITS = ("add_temporary_channel", "add", "remove", "disable")
ops = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 7)),
    st.tuples(st.just("add_temporary"), st.booleans()),  # in the category / at the top level
    st.tuples(st.just("remove"), st.integers(0, 7)),
    st.tuples(st.just("enable"), st.integers(0, 7)),
    st.tuples(st.just("disable"), st.integers(0, 7)),
    st.tuples(st.just("run"), st.booleans()),  # forced or not
    st.tuples(st.just("run"), st.just(False)),
    st.tuples(st.just("delete_on_server"), st.integers(0, 7)),
    st.tuples(st.just("readd"), st.none()),
    st.tuples(st.just("cleanup_orphans"), st.none()),
    st.tuples(st.just("fault"), st.sampled_from(range(len(FAULTS)))),
    st.tuples(st.just("gateway_close"), st.none()),
    st.tuples(st.just("next_slot"), st.none()),
    # another process edits config.json while a run waits for replies
    st.tuples(st.just("edit_during_run"), st.tuples(st.sampled_from(EDITS), st.integers(0, 7))),
)

_examples = itertools.count()


@dataclass
class Snapshot:
    configured: set[int]
    disabled: set[int]
    enabled_uids: set[str]
    counts: dict[int, int]
    requests: int


def _text_channels(s: Stack) -> list[Any]:
    guild = s.sb.guild(s.sb.guild_id)
    assert guild is not None
    return sorted((c for c in guild.channels.values() if c.type == 0), key=lambda c: c.id)


def _snapshot(s: Stack) -> Snapshot:
    return Snapshot(
        configured=s.config.configured_channel_ids(),
        disabled={t.channel_id for t in s.config.targets if not t.enabled and t.channel_id is not None},
        enabled_uids={t.uid for t in s.config.targets if t.enabled},
        counts={c.id: len(bot_messages(s.sb.messages(c.id))) for c in _text_channels(s)},
        requests=len(s.sb.requests),
    )


def _pick(s: Stack, index: int) -> Target | None:
    return s.config.targets[index % len(s.config.targets)] if s.config.targets else None


async def _apply(s: Stack, op: Op, slot: list[Slot]) -> None:
    kind, arg = op
    sb = s.sb
    if kind == "add":
        channels = _text_channels(s)  # left-over temporary channels included: a user may adopt one
        if channels:
            c = channels[arg % len(channels)]
            t = Target(sb.guild_id, c.id, sb.target_bot_id, c.name, c.parent_id, c.topic, c.position)
            with contextlib.suppress(ConfigError):  # already configured
                s.config.add_target(t)
    elif kind == "add_temporary":
        with contextlib.suppress(ConfigError):
            s.config.add_target(
                Target(sb.guild_id, None, sb.target_bot_id, category_id=sb.category_id if arg else None)
            )
    elif kind in ("remove", "enable", "disable"):
        t = _pick(s, arg)
        if t is not None:
            if kind == "remove":
                s.config.remove_target(t.uid)
            else:
                s.config.set_enabled(t.uid, kind == "enable")
    elif kind == "run":
        before_done = s.history.done_uids(slot[0].key)
        report = await s.run(force=arg, slot=slot[0])
        expected = {t.uid for t in s.config.enabled_targets()}
        if not arg:
            expected -= before_done
        assert {r.target_uid for r in report.results} == expected, "a target has no result"
        stored = {r.target_uid for r in s.history.results_for_run(report.run_id)}
        assert stored == expected, "History lost a result"
    elif kind == "delete_on_server":
        channels = _text_channels(s)
        if channels:
            sb.delete_channel(channels[arg % len(channels)].id)
    elif kind == "readd":
        await s.engine.readd_missing(s.config, lambda c: None)
    elif kind == "cleanup_orphans":
        await s.engine.cleanup_orphans()
    elif kind == "fault":
        method, path, status, code, count = FAULTS[arg]
        if status == 429:
            sb.rate_limit(None, 0.05, count)
        else:
            sb.fail_next(method, path, status, code, count)
    elif kind == "gateway_close":
        sb.close_gateways(4000)
    elif kind == "next_slot":
        slot[0] = NEXT_SLOT
    elif kind == "edit_during_run":
        await _edit_during_run(s, arg[0], arg[1], slot[0])


async def _edit_during_run(s: Stack, edit: str, index: int, slot: Slot) -> None:
    """A forced run with a temporary target and a silent target bot; once the run's temporary channel holds
    its keep-alive (the reply wait has begun), ``cdp-desktop channels …`` runs as a separate process on the
    same home; then the target bot answers and the run ends (deleting its temporary channel if allowed)."""
    sb = s.sb
    assert s.store is not None
    if not any(t.is_temporary and t.enabled for t in s.config.targets):
        with contextlib.suppress(ConfigError):
            s.config.add_target(Target(sb.guild_id, None, sb.target_bot_id))
        for t in s.config.targets:
            if t.is_temporary:
                t.enabled = True
    s.store.save(s.config)  # the file the other process edits is the current configuration
    owned_before = {o.channel_id for o in s.history.owned_channels(include_deleted=True)}
    sb.set_target_silent(True)
    s.config.settings.reply_timeout_seconds = 30
    run = asyncio.ensure_future(s.run(force=True, slot=slot))
    try:
        temp = None
        deadline = time.monotonic() + 15
        while temp is None and not run.done() and time.monotonic() < deadline:
            fresh = [o.channel_id for o in s.history.owned_channels() if o.channel_id not in owned_before]
            temp = next((c for c in fresh if bot_messages(sb.messages(c))), None)
            await asyncio.sleep(0.05)
        if edit == "add_temporary_channel" and temp is not None:
            args = ["add", "--guild", str(sb.guild_id), "--channel", str(temp), "--no-verify", "--no-mention"]
        elif edit == "add":
            channels = _text_channels(s)
            args = ["add", "--guild", str(sb.guild_id), "--channel", str(channels[index % len(channels)].id)]
            args += ["--no-verify", "--no-mention"]
        else:
            fixed = [t for t in s.config.targets if t.channel_id is not None]
            if not fixed:
                args = []
            else:
                args = [
                    "remove" if edit == "remove" else "disable",
                    str(fixed[index % len(fixed)].channel_id),
                ]
        if args:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "cdp_desktop",
                "--home",
                str(s.store.directory),
                "channels",
                *args,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                cwd=REPO,
                env=cli_env(None, None),
            )
            out, err = await asyncio.wait_for(proc.communicate(), 60)
            OUTPUTS.extend([out.decode(), err.decode()])
            assert b"Traceback" not in err, err
            if edit == "add_temporary_channel":
                assert proc.returncode == 2 and b"temporary channel" in err, (proc.returncode, err)
    finally:
        # The target bot answers every keep-alive still waiting, and answers new ones from now on.
        sb.set_target_silent(False)
        while not run.done():
            for c in _text_channels(s):
                msgs = sb.messages(c.id)
                if msgs and int(msgs[-1]["author"]["id"]) != sb.target_bot_id and bot_messages(msgs[-1:]):
                    sb.post_message(c.id, "pong", sb.target_bot_id)
            await asyncio.wait({run}, timeout=0.2)
        await run
        s.config.settings.reply_timeout_seconds = 0
    loaded = s.store.load()
    assert loaded.warnings == []
    loaded.config.settings.reply_timeout_seconds = 0
    s.config = loaded.config  # the other process's edit is the configuration now


def _check(s: Stack, op: Op, before: Snapshot, slot: Slot) -> None:
    after = _snapshot(s)
    owned = {o.channel_id for o in s.history.owned_channels(include_deleted=True)}
    for r in s.sb.requests[before.requests :]:
        if r["method"] != "DELETE":
            continue
        cid = int(r["path"].split("/")[-1])
        assert r["path"] == f"/channels/{cid}", r
        assert cid not in before.configured and cid not in after.configured, f"{op}: deleted configured {cid}"
        assert cid in owned, f"{op}: deleted {cid}, which is not a temporary channel the app created"
    grew = {c for c, n in after.counts.items() if n > before.counts.get(c, 0)}
    if op[0] not in ("run", "edit_during_run"):
        assert not grew, f"{op} sent messages"
        return
    temp_names = {temporary_channel_name(slot)}
    guild = s.sb.guild(s.sb.guild_id)
    assert guild is not None
    for cid in grew:
        channel = guild.channels[cid]
        # A channel counted before the run belongs to the user (or was adopted as a target): it may only be
        # written to as an enabled target's channel.
        if cid in before.counts or cid in before.configured:
            assert cid in before.configured and cid not in before.disabled, f"{op}: wrote to {channel.name}"
        else:
            assert cid in owned and channel.name in temp_names, f"{op}: wrote to unknown {channel.name}"
    for cid in before.disabled:
        assert after.counts.get(cid, 0) == before.counts.get(cid, 0), f"{op}: disabled {cid} got a message"


@pytest.mark.timeout(300)  # a second process per edit_during_run step
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(ops, min_size=1, max_size=14))
# A left-over temporary channel (its DELETE failed) adopted as a target: the clean-up must not delete it
# while it is configured, and may once it is removed again.
@example(
    steps=[
        ("add_temporary", True),
        ("fault", 4),
        ("run", False),
        ("add", 3),
        ("cleanup_orphans", None),
        ("run", True),
        ("remove", 3),
        ("cleanup_orphans", None),
    ]
)
# A disabled channel deleted on the server and re-added; faults on send; a forced run; the next slot.
@example(
    steps=[
        ("delete_on_server", 1),
        ("readd", None),
        ("run", False),
        ("enable", 1),
        ("fault", 0),
        ("run", False),
        ("run", True),
        ("next_slot", None),
        ("disable", 0),
        ("run", False),
    ]
)
# The gateway drops, a configured channel disappears, re-adding fails once and then succeeds.
@example(
    steps=[
        ("gateway_close", None),
        ("delete_on_server", 0),
        ("run", False),
        ("fault", 5),
        ("readd", None),
        ("readd", None),
        ("add_temporary", False),
        ("fault", 7),
        ("run", False),
    ]
)
# Issue 18: while a run waits in its temporary channel, another process makes that channel a configured one.
@example(steps=[("edit_during_run", ("add_temporary_channel", 0)), ("run", False)])
@example(steps=[("add_temporary", True), ("edit_during_run", ("remove", 0)), ("edit_during_run", ("add", 2))])
@pytest.mark.expect_log(*FAULT_INJECTION)
def test_never_deletes_a_configured_channel_never_writes_to_a_disabled_one(
    home: Path, steps: list[Op]
) -> None:
    example_home = home / f"example-{next(_examples)}"
    example_home.mkdir()

    async def main() -> None:
        # One enabled and one disabled channel to begin with, so that every sequence has something to check.
        def initial(sb: Any) -> list[Target]:
            first, second = sb.text_channel_ids[:2]
            return [
                Target(sb.guild_id, first, sb.target_bot_id, "general", sb.category_id),
                Target(sb.guild_id, second, sb.target_bot_id, "keepalive-1", sb.category_id, enabled=False),
            ]

        async with stack(
            example_home, settings={"reply_timeout_seconds": 0}, targets=initial, max_attempts=2, on_disk=True
        ) as s:
            slot = [SLOT]
            for op in [*steps, ("run", False)]:
                before = _snapshot(s)
                await _apply(s, op, slot)
                _check(s, op, before, slot[0])
            assert s.sb.errors == []

    arun(main(), timeout=90)
