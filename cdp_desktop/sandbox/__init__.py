"""A local Discord-compatible server (REST v10 + Gateway v10) for demo mode, tests and benchmarks.

It binds 127.0.0.1 only. Point discord.py at it with ``discord.http.Route.BASE = sandbox.api_base``
and ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sandbox.gateway_url)``.
"""

from .server import BOT_ID, DEMO_TOKEN, HOST, OWNER_ID, TARGET_ID, TARGET_REPLY, Sandbox
from .standalone import describe, main, serve
from .thread import SandboxThread, run_in_thread

__all__ = [
    "BOT_ID",
    "DEMO_TOKEN",
    "HOST",
    "OWNER_ID",
    "TARGET_ID",
    "TARGET_REPLY",
    "Sandbox",
    "SandboxThread",
    "describe",
    "main",
    "run_in_thread",
    "serve",
]
