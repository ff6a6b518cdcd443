"""Helpers for driving the real discord.py client against the sandbox (no pytest-asyncio here)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any, TypeVar

import aiohttp
import discord
import discord.gateway
import discord.http
import yarl
from aiohttp.abc import AbstractResolver, ResolveResult

from cdp_desktop.sandbox import Sandbox

T = TypeVar("T")

FULL_INTENTS = discord.Intents.default()
FULL_INTENTS.members = True
FULL_INTENTS.presences = True
FULL_INTENTS.message_content = True


def run(coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
    """Run a test coroutine on a fresh loop, never longer than ``timeout``."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


def point_at(api_base: str, gateway_url: str) -> None:
    discord.http.Route.BASE = api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


@contextlib.contextmanager
def endpoints_restored() -> Iterator[None]:
    """discord.py's REST root and gateway URL are class attributes that ``point_at`` and the adapter's
    ``configure_endpoint`` change for the whole process; put them back afterwards."""
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield
    finally:
        discord.http.Route.BASE = base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway


def text_channel(client: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = client.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


class GuardResolver(AbstractResolver):
    """Refuses every host name, so nothing can leak to the real Discord (IP literals skip resolving)."""

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[ResolveResult]:
        raise OSError(f"sandbox tests must not resolve {host!r}")

    async def close(self) -> None:
        return None


class FastClient(discord.Client):
    """discord.Client without the 5 s sleep before re-IDENTIFY, with a ready event."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("intents", FULL_INTENTS)
        options.setdefault("guild_ready_timeout", 0.1)
        super().__init__(connector=aiohttp.TCPConnector(limit=0, resolver=GuardResolver()), **options)
        self.ready_event = asyncio.Event()
        self.ready_count = 0

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None

    async def on_ready(self) -> None:
        self.ready_count += 1
        self.ready_event.set()


async def start_client(
    sb: Sandbox, token: str | None = None, **options: Any
) -> tuple[FastClient, asyncio.Task[None]]:
    """Start a client against ``sb`` and wait for on_ready; re-raise what ``start()`` raised instead."""
    point_at(sb.api_base, sb.gateway_url)
    client = FastClient(**options)
    task = asyncio.create_task(client.start(token or sb.token))
    ready = asyncio.create_task(client.ready_event.wait())
    await asyncio.wait({task, ready}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    if not ready.done():
        ready.cancel()
        try:
            if task.done():
                task.result()
            raise TimeoutError("client did not become ready")
        finally:
            await stop_client(client, task)
    return client, task


async def stop_client(client: discord.Client, task: asyncio.Task[None]) -> None:
    await asyncio.wait_for(client.close(), 5)
    with contextlib.suppress(Exception, asyncio.CancelledError):
        await asyncio.wait_for(task, 5)


@contextlib.asynccontextmanager
async def connected(sb: Sandbox, **options: Any) -> AsyncIterator[FastClient]:
    client, task = await start_client(sb, **options)
    try:
        yield client
    finally:
        await stop_client(client, task)


@contextlib.asynccontextmanager
async def sandbox(**options: Any) -> AsyncIterator[Sandbox]:
    options.setdefault("token", "sandbox-test-token")
    options.setdefault("rate_limits", False)
    sb = Sandbox(**options)
    await sb.start()
    try:
        yield sb
    finally:
        await sb.stop()
    assert sb.errors == [], "sandbox handlers crashed"


async def expect(
    client: discord.Client, event: str, trigger: Any = None, timeout: float = 5.0, **kw: Any
) -> Any:
    """Wait for a discord.py event that ``trigger()`` (called after the waiter is armed) causes."""
    waiter = asyncio.ensure_future(client.wait_for(event, timeout=timeout, **kw))
    await asyncio.sleep(0)
    if trigger is not None:
        result = trigger()
        if asyncio.iscoroutine(result):
            await result
    return await waiter


def gateway_ops(sb: Sandbox, op: int) -> int:
    return sum(1 for e in sb.hub.log if e["kind"] == "op" and e["op"] == op)


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start
