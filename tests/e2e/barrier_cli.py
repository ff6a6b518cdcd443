"""Test-only entry point: ``python -m tests.e2e.barrier_cli --home D run-now``: the real CLI, with a
cross-process barrier that forces an interleaving between several processes.

``CDP_E2E_BARRIER_DIR`` (a directory shared by the processes), ``CDP_E2E_BARRIER_PARTIES`` (how many) and
``CDP_E2E_BARRIER_AT``:

* ``send``: every process waits, per channel, just before its keep-alive request leaves, until all of them
  have got that far: each has checked the channel and found nothing, and then they all send;
* ``claim``: every process waits just before it claims its targets in the history database, so that they
  reach the claim together.

A process that does not reach the barrier for a channel (it found the message, or the claim went to the other
one) simply never arrives; the others stop waiting after ``CDP_E2E_BARRIER_TIMEOUT`` seconds (default 6).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

from cdp_desktop import cli
from cdp_desktop.core import engine as engine_module
from cdp_desktop.discord_client import DiscordClient

DIR_ENV = "CDP_E2E_BARRIER_DIR"
PARTIES_ENV = "CDP_E2E_BARRIER_PARTIES"
AT_ENV = "CDP_E2E_BARRIER_AT"
TIMEOUT_ENV = "CDP_E2E_BARRIER_TIMEOUT"


async def _arrive(name: str) -> None:
    folder = Path(os.environ[DIR_ENV])
    parties = int(os.environ.get(PARTIES_ENV, "2"))
    timeout = float(os.environ.get(TIMEOUT_ENV, "6"))
    (folder / f"{name}.{os.getpid()}").write_text("")
    deadline = time.monotonic() + timeout
    while len(list(folder.glob(f"{name}.*"))) < parties and time.monotonic() < deadline:
        await asyncio.sleep(0.01)


def _install() -> None:
    at = os.environ.get(AT_ENV)
    if at == "send":
        original_send = DiscordClient.send_message

        async def send_message(self: DiscordClient, channel_id: int, content: str) -> Any:
            await _arrive(f"send-{channel_id}")
            return await original_send(self, channel_id, content)

        DiscordClient.send_message = send_message  # type: ignore[method-assign]
    elif at == "claim":
        original_claim = engine_module.claim_sends

        def claim_sends(*args: Any, **kwargs: Any) -> Any:
            folder = Path(os.environ[DIR_ENV])
            parties = int(os.environ.get(PARTIES_ENV, "2"))
            (folder / f"claim.{os.getpid()}").write_text("")
            deadline = time.monotonic() + float(os.environ.get(TIMEOUT_ENV, "6"))
            while len(list(folder.glob("claim.*"))) < parties and time.monotonic() < deadline:
                time.sleep(0.005)  # the claim is synchronous: block this process's loop, as the claim does
            return original_claim(*args, **kwargs)

        engine_module.claim_sends = claim_sends  # type: ignore[assignment]


def main() -> int:
    _install()
    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
