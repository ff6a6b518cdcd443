"""Property: two machines working on the same slot end with exactly one keep-alive per channel, whatever the
interleaving of their steps.

Two real Engine + DiscordClient + History stacks (two homes: two machines) share one sandbox. Every step that
matters across machines — checking the channel, sending, looking for a simultaneous send, withdrawing — waits
at a gate; hypothesis draws which machine takes the next step whenever both are waiting. Afterwards:

- the channel holds exactly one message of our bot;
- a withdrawn message was later (larger snowflake) than the one that stayed, and was the withdrawer's own;
- both histories record the slot as done with the message that stayed;
- nothing but messages was ever deleted.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdp_desktop.core.config import Config, Settings, Target
from cdp_desktop.core.engine import Engine, Trigger
from cdp_desktop.core.errors import State
from cdp_desktop.core.history import History
from cdp_desktop.core.ports import SystemClock
from cdp_desktop.discord_client import DiscordClient, Endpoints
from cdp_desktop.sandbox import Sandbox
from tests.e2e.stack import SLOT
from tests.e2e.support import TOKEN, arun, bot_messages

GATED = ("scan_for_marker", "send_message", "markers_since", "delete_own_message")


@dataclass
class Gate:
    """Parks a machine before each gated step until the scheduler lets exactly that step go."""

    name: str
    parked: str | None = None
    done: bool = False
    steps: list[str] = field(default_factory=list)
    _go: asyncio.Event = field(default_factory=asyncio.Event)

    async def wait(self, step: str) -> None:
        self.parked = step
        await self._go.wait()
        self._go.clear()
        self.parked = None
        self.steps.append(step)

    def release(self) -> None:
        self._go.set()


class GatedPort:
    """The real DiscordClient, with the cross-machine steps going through a gate."""

    def __init__(self, client: DiscordClient, gate: Gate) -> None:
        self._client = client
        self._gate = gate

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if name not in GATED:
            return attr

        async def gated(*args: Any, **kwargs: Any) -> Any:
            await self._gate.wait(name)
            return await attr(*args, **kwargs)

        return gated


async def schedule(gates: list[Gate], order: list[int]) -> None:
    """Whenever every unfinished machine is parked (or finished), let one of them take its step: the next
    choice of ``order`` (or the other machine when that one cannot move; the first when it runs out)."""
    choices = iter(order)
    loop = asyncio.get_running_loop()
    while not all(g.done for g in gates):
        deadline = loop.time() + 20
        while not all(g.done or g.parked for g in gates):
            assert loop.time() < deadline, [(g.name, g.parked, g.steps) for g in gates]
            await asyncio.sleep(0.002)
        ready = [g for g in gates if g.parked]
        if not ready:
            break
        pick = next(choices, 0)
        gate = gates[pick] if gates[pick] in ready else ready[0]
        gate.release()
        while gate.parked is not None and gate._go.is_set():
            await asyncio.sleep(0)  # let it leave the gate before looking again


@contextlib.asynccontextmanager
async def machines(tmp: Path, sb: Sandbox, channel: int) -> AsyncIterator[list[tuple[Engine, History, Gate]]]:
    out = []
    clients = []
    try:
        for name in ("laptop", "desktop"):
            home = tmp / name
            home.mkdir()
            history = History(home / "history.sqlite3")
            config_ids = {channel}
            client = DiscordClient(
                TOKEN,
                endpoints=Endpoints(api_base=sb.api_base),
                is_owned=history.is_owned,
                configured_ids=lambda ids=config_ids: ids,  # type: ignore[misc]
                reconnect_backoff=(0.2, 2.0),
                identify_pause=0.0,
                guild_ready_timeout=0.1,
                request_timeout=5.0,
            )
            clients.append(client)
            await client.start()
            assert await client.wait_ready(10), client.status
            gate = Gate(name)
            engine = Engine(
                GatedPort(client, gate), history, SystemClock(), max_attempts=2, backoff_base=0.02
            )  # type: ignore[arg-type]
            out.append((engine, history, gate))
        yield out
    finally:
        for client in clients:
            await client.close()
        for _, history, _ in out:
            history.close()


async def one_slot(tmp: Path, order: list[int]) -> int:
    """Both machines run the slot in the drawn interleaving; returns how many messages were withdrawn."""
    sb = Sandbox(token=TOKEN, rate_limits=False)
    await sb.start()
    try:
        channel = sb.text_channel_ids[1]
        settings_ = Settings(timezone="UTC", jitter_seconds=0, reply_timeout_seconds=2)
        config = Config(
            settings=settings_,
            targets=[Target(guild_id=sb.guild_id, channel_id=channel, mention_id=sb.target_bot_id)],
        )
        async with machines(tmp, sb, channel) as pair:

            async def run(engine: Engine, gate: Gate) -> Any:
                try:
                    return await engine.run(config, SLOT, Trigger.SCHEDULED)
                finally:
                    gate.done = True

            tasks = [asyncio.ensure_future(run(e, g)) for e, _, g in pair]
            await schedule([g for _, _, g in pair], order)
            reports = await asyncio.gather(*tasks)

            (kept,) = bot_messages(sb.messages(channel))
            kept_id = int(kept["id"])
            deletes = [r for r in sb.requests if r["method"] == "DELETE"]
            assert all(r["path"].startswith(f"/channels/{channel}/messages/") for r in deletes), deletes
            for r in deletes:
                assert int(r["path"].rsplit("/", 1)[1]) > kept_id, "the earlier message must stay"
            for report, (_, history, gate) in zip(reports, pair, strict=True):
                (result,) = report.results
                assert result.state.is_success, (gate.steps, result)
                assert result.message_id == kept_id
                record = history.send_record(config.targets[0].uid, SLOT.key)
                assert record is not None and record.message_id == kept_id
                if "delete_own_message" in gate.steps:
                    assert result.state is State.SENT_ELSEWHERE and record.withdrawn_id is not None
            assert sum(1 for _, _, g in pair if "send_message" in g.steps) == 1 + len(deletes)
            return len(deletes)
    finally:
        await sb.stop()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.lists(st.integers(0, 1), max_size=10))
def test_any_interleaving_of_two_machines_leaves_one_message(tmp_path_factory: Any, order: list[int]) -> None:
    arun(one_slot(tmp_path_factory.mktemp("slot"), order), timeout=60)


def test_both_check_before_either_sends() -> None:
    """The interleaving that forces a withdrawal: both check, both send, then both settle."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        assert arun(one_slot(Path(tmp), [0, 1, 0, 1, 0, 1, 0, 1]), timeout=60) == 1
