"""The whole keep-alive stack in one event loop: a Sandbox, the real DiscordClient (discord.py) on it, a
History on disk and the Engine, as the service wires them (fast reconnects, short retries)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cdp_desktop.core.config import Config, ConfigStore, Settings, Target
from cdp_desktop.core.engine import Engine, EngineEvent, RunReport, Trigger
from cdp_desktop.core.history import History
from cdp_desktop.core.ports import SystemClock
from cdp_desktop.core.schedule import Slot
from cdp_desktop.discord_client import DiscordClient, Endpoints
from cdp_desktop.sandbox import Sandbox
from tests.e2e.support import TOKEN, bot_messages

SLOT = Slot(date(2025, 3, 1), datetime(2025, 3, 1, 0, 0, tzinfo=UTC))


@dataclass
class Stack:
    sb: Sandbox
    client: DiscordClient
    history: History
    engine: Engine
    config: Config
    store: ConfigStore | None = None  # with on_disk=True: config.json in the home, as the service keeps it
    events: list[EngineEvent] = field(default_factory=list)
    hooks: list[Callable[[EngineEvent], None]] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def on_event(self, event: EngineEvent) -> None:
        self.events.append(event)
        for hook in list(self.hooks):
            hook(event)

    async def run(self, *, force: bool = False, slot: Slot = SLOT) -> RunReport:
        return await self.engine.run(self.config, slot, Trigger.MANUAL, force=force)

    def sent(self, channel_id: int) -> list[dict[str, Any]]:
        """Messages our bot wrote in the channel (as the server stored them)."""
        return bot_messages(self.sb.messages(channel_id))

    def deletes(self) -> list[int]:
        return [int(r["path"].split("/")[-1]) for r in self.sb.requests if r["method"] == "DELETE"]


def target(sb: Sandbox, channel_id: int | None, **kw: Any) -> Target:
    return Target(guild_id=sb.guild_id, channel_id=channel_id, mention_id=sb.target_bot_id, **kw)


@contextlib.asynccontextmanager
async def stack(
    home: Path,
    *,
    sandbox: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
    targets: Callable[[Sandbox], list[Target]] | None = None,
    max_attempts: int = 3,
    on_disk: bool = False,
    **client_options: Any,
) -> AsyncIterator[Stack]:
    """``on_disk``: the delete guard reads ``config.json`` in ``home`` under its lock as the service wires it
    (other processes may edit that file; ``Stack.store`` saves and reloads it)."""
    opts: dict[str, Any] = {"token": TOKEN, "rate_limits": False}
    opts.update(sandbox or {})
    sb = Sandbox(**opts)
    await sb.start()
    history = History(home / "history.sqlite3")
    config = Config(settings=Settings(timezone="UTC", jitter_seconds=0, **(settings or {})))
    config.targets = targets(sb) if targets else [target(sb, c) for c in sb.text_channel_ids[:2]]
    holder: list[Stack] = []
    store = ConfigStore(home) if on_disk else None
    options: dict[str, Any] = {
        "reconnect_backoff": (0.2, 2.0),
        "identify_pause": 0.0,
        "guild_ready_timeout": 0.1,
        "request_timeout": 5.0,
        "is_owned": history.is_owned,
        "configured_ids": config.configured_channel_ids,
    }
    if store is not None:
        options["configured_ids"] = lambda: (
            holder[0].config.configured_channel_ids() | store.configured_ids_on_disk()
        )
        options["guard_lock"] = lambda: store.lock.hold_async(10)
    options.update(client_options)
    client = DiscordClient(TOKEN, endpoints=Endpoints(api_base=sb.api_base), **options)
    engine = Engine(
        client,
        history,
        SystemClock(),
        max_attempts=max_attempts,
        backoff_base=0.02,
        backoff_cap=1.0,
        on_event=lambda e: holder[0].on_event(e),
    )
    st = Stack(sb, client, history, engine, config, store)
    holder.append(st)
    try:
        await client.start()
        assert await client.wait_ready(10), f"not ready: {client.status}"
        yield st
    finally:
        try:
            await client.close()
        finally:
            history.close()
            await sb.stop()
