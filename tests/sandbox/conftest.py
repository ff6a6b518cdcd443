"""Every sandbox test points discord.py at a local server; put its endpoints back afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import discord.gateway
import discord.http
import pytest


@pytest.fixture(autouse=True)
def discord_endpoints() -> Iterator[None]:
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    yield
    discord.http.Route.BASE = base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
