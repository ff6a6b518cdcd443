"""Helpers for the adapter's integration tests: an in-process sandbox and a DiscordClient on the same loop.

There is no pytest-asyncio: every test drives its coroutine with :func:`run`, which puts a hard timeout on it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from cdp_desktop.core.ports import ConnectionStatus
from cdp_desktop.discord_client import DiscordClient, Endpoints
from cdp_desktop.sandbox import Sandbox

T = TypeVar("T")

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.integration-test-token-do-not-leak"


def run(coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
    """Run ``coro`` in a fresh event loop with a hard timeout (tests never hang)."""

    async def bounded() -> T:
        return await asyncio.wait_for(coro, timeout)

    return asyncio.run(bounded())


@dataclass
class Harness:
    sb: Sandbox
    client: DiscordClient
    statuses: list[ConnectionStatus] = field(default_factory=list)
    owned: set[int] = field(default_factory=set)
    configured: set[int] = field(default_factory=set)

    def requests(self, method: str | None = None, path: str | None = None) -> list[dict[str, Any]]:
        return [
            r
            for r in self.sb.requests
            if (method is None or r["method"] == method) and (path is None or r["path"] == path)
        ]

    def states(self) -> list[str]:
        return [s.state for s in self.statuses]


async def eventually(check: Callable[[], bool], timeout: float = 5.0, step: float = 0.02) -> None:
    """Wait until ``check()`` is true, or fail."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(step)


@contextlib.asynccontextmanager
async def harness(
    *,
    sandbox: dict[str, Any] | None = None,
    ready: bool = True,
    endpoints: Callable[[Sandbox], Endpoints] | None = None,
    before_start: Callable[[Sandbox], Awaitable[None] | None] | None = None,
    **client_options: Any,
) -> AsyncIterator[Harness]:
    """A started sandbox (rate limits off unless asked) and a DiscordClient on it (ready unless asked)."""
    sb_opts: dict[str, Any] = {"token": TOKEN, "rate_limits": False}
    sb_opts.update(sandbox or {})
    sb = Sandbox(**sb_opts)
    await sb.start()
    statuses: list[ConnectionStatus] = []
    owned: set[int] = set()
    configured: set[int] = set()
    options: dict[str, Any] = {
        "reconnect_backoff": (0.2, 2.0),
        "identify_pause": 0.0,
        "guild_ready_timeout": 0.1,
        "request_timeout": 10.0,
        "on_status": lambda s: statuses.append(ConnectionStatus(**vars(s))),
        "is_owned": lambda cid: cid in owned,
        "configured_ids": lambda: set(configured),
    }
    options.update(client_options)
    eps = endpoints(sb) if endpoints else Endpoints(api_base=sb.api_base)
    client = DiscordClient(TOKEN, endpoints=eps, **options)
    h = Harness(sb, client, statuses, owned, configured)
    try:
        if before_start is not None:
            result = before_start(sb)
            if result is not None:
                await result
        await client.start()
        if ready:
            assert await client.wait_ready(10), f"not ready: {client.status}"
        yield h
    finally:
        await asyncio.wait_for(client.close(), 10)
        await asyncio.wait_for(sb.stop(), 10)
