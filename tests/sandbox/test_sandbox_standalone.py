"""The sandbox as a separate process, in a background thread, and on loopback only."""

from __future__ import annotations

import asyncio
import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import discord
import pytest

from cdp_desktop.sandbox import run_in_thread
from tests.sandbox.helpers import FastClient, connected, point_at, run, sandbox

ROOT = Path(__file__).resolve().parents[2]


def _listeners(port: int) -> list[tuple[str, str]]:
    """(table, local address hex) of every LISTEN socket on ``port`` (Linux /proc)."""
    found = []
    for table in ("tcp", "tcp6"):
        path = Path("/proc/net") / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] == "0A" and int(port_hex, 16) == port:
                found.append((table, address))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux /proc/net")
def test_listens_on_127_0_0_1_only() -> None:
    async def scenario() -> None:
        async with sandbox() as sb:
            assert _listeners(sb.port) == [("tcp", "0100007F")]  # 127.0.0.1, and no IPv6 socket
            await sb.go_offline()
            assert _listeners(sb.port) == []
            await sb.go_online()
            assert _listeners(sb.port) == [("tcp", "0100007F")]

    run(scenario())


def test_sandbox_thread_serves_a_client_on_another_loop() -> None:
    with run_in_thread(token="thread-token", rate_limits=False) as st:
        assert st.api_base.startswith("http://127.0.0.1:") and st.token == "thread-token"
        cid = st.text_channel_ids[0]

        async def scenario() -> None:
            async with connected(st.sandbox, token="thread-token") as client:
                channel = client.get_channel(cid)
                assert isinstance(channel, discord.TextChannel)
                await channel.send("from another thread")
                assert [m["content"] for m in st.messages(cid)] == ["from another thread"]
                st.fail_next("GET", "/channels/*", 403, 50001)
                with pytest.raises(discord.Forbidden):
                    await client.fetch_channel(cid)
                deleted = asyncio.ensure_future(client.wait_for("guild_channel_delete", timeout=5))
                await asyncio.sleep(0)
                assert st.call(st.sandbox.delete_channel, cid) is True
                assert (await deleted).id == cid

        run(scenario())
        assert st.call(lambda: st.sandbox.messages(cid)) == []  # deleted with the channel
        assert [r["status"] for r in st.requests if r["path"] == f"/channels/{cid}"] == [403]
        port = st.port
    assert _listeners(port) == [] or not Path("/proc/net/tcp").exists()


@pytest.fixture
def sandbox_process() -> Iterator[tuple[subprocess.Popen[str], str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        # the documented command, `cdp-desktop sandbox --port P --token T`
        [sys.executable, "-m", "cdp_desktop", "sandbox", "--port", "0", "--token", "proc-token"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        assert ready, "the sandbox printed nothing within 15 s"
        yield proc, proc.stdout.readline().strip()
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM semantics")
def test_subprocess_acceptance_script(sandbox_process: tuple[subprocess.Popen[str], str]) -> None:
    """What an independent discord.py script does: only Route.BASE and DEFAULT_GATEWAY are set."""
    proc, api = sandbox_process
    assert api.startswith("http://127.0.0.1:") and api.endswith("/api/v10")
    port = int(api.split(":")[2].split("/")[0])
    assert _listeners(port) == [("tcp", "0100007F")] or not Path("/proc/net/tcp").exists()

    async def scenario() -> None:
        async with aiohttp.ClientSession() as http, http.get(f"{api}/gateway") as resp:
            gateway = (await resp.json())["url"]
        point_at(api, gateway)
        client = FastClient()
        ready = asyncio.Event()
        client.ready_event = ready
        task = asyncio.create_task(client.start("proc-token"))
        try:
            await asyncio.wait_for(ready.wait(), 10)
            guild = client.guilds[0]
            assert len(guild.text_channels) >= 2
            channel = guild.text_channels[0]
            sent = await channel.send("acceptance")
            history = [m async for m in channel.history(limit=5)]
            assert history[0].id == sent.id and history[0].content == "acceptance"
            with pytest.raises(discord.NotFound) as exc:
                await client.fetch_channel(1)
            assert exc.value.code == 10003
        finally:
            await asyncio.wait_for(client.close(), 5)
            await asyncio.wait_for(task, 5)

        bad = FastClient()
        with pytest.raises(discord.LoginFailure):
            await bad.login("wrong-token")
        await bad.close()

    run(scenario())
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(10) == 0
    assert proc.stdout is not None
    rest = proc.stdout.read()
    assert "token: proc-token" in rest and "target_bot_id:" in rest
