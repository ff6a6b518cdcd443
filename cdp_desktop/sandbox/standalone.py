"""Standalone sandbox: ``python -m cdp_desktop.sandbox`` and ``cdp-desktop sandbox``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import signal
import sys
from typing import Any, TextIO

from .server import Sandbox


def describe(sb: Sandbox) -> list[str]:
    """What the standalone server prints: the API base URL first and alone on its line."""
    lines = [
        sb.api_base,
        f"gateway: {sb.gateway_url}",
        f"control: http://127.0.0.1:{sb.port}/_sandbox/state",
        f"token: {sb.token}",
        f"bot_user_id: {sb.bot_user_id}",
        f"target_bot_id: {sb.target_bot_id}",
        f"owner_id: {sb.owner_id}",
    ]
    if sb.text_channel_ids:
        lines += [
            f"guild_id: {sb.guild_id}",
            f"category_id: {sb.category_id}",
            "text_channel_ids: " + " ".join(str(c) for c in sb.text_channel_ids),
        ]
    return lines


async def serve(
    port: int = 0,
    token: str | None = None,
    *,
    stop: asyncio.Event | None = None,
    out: TextIO | None = None,
    **options: Any,
) -> None:
    """Run a sandbox until SIGINT/SIGTERM (or ``stop`` is set), printing its address first."""
    sb = Sandbox(token, **options)
    await sb.start(port)
    stream = out or sys.stdout
    for line in describe(sb):
        print(line, file=stream)
    stream.flush()
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # Windows or not the main thread: Ctrl+C still raises KeyboardInterrupt
    try:
        await stop.wait()
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
        await sb.stop()


def _without_full_collections() -> None:
    """Discord's limiter counts a request when it arrives; the sandbox's counts it when its handler runs. A
    full garbage collection (about 100 ms once a benchmark had filled the sandbox with thousands of channels
    and messages) held the requests that arrived meanwhile, then stamped them together, so a client's even
    50 per second read as 51 within one second: a 429 Discord would not have sent. Young generations are
    still collected; the full pass, whose cost grows with everything the sandbox keeps, does not run in this
    process (it lives as long as a test session or a benchmark)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1_000_000)


def main(port: int = 0, token: str | None = None, **options: Any) -> int:
    _without_full_collections()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(port, token, **options))
    return 0


def cli(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cdp_desktop.sandbox", description="Local Discord sandbox."
    )
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--token", default=None, help="bot token to accept (default: the demo token)")
    parser.add_argument("--no-rate-limits", action="store_true", help="switch Discord's rate limits off")
    parser.add_argument(
        "--no-privileged-intents", action="store_true", help="refuse privileged intents (4014)"
    )
    parser.add_argument(
        "--reply-delay", type=float, default=0.05, help="seconds before the target bot replies"
    )
    args = parser.parse_args(argv)
    return main(
        args.port,
        args.token,
        rate_limits=not args.no_rate_limits,
        privileged_intents=not args.no_privileged_intents,
        reply_delay=args.reply_delay,
    )
