"""The Discord sandbox in a background thread of the test process, for tests that need Discord quickly."""

from __future__ import annotations

from typing import Any

from cdp_desktop.sandbox.thread import SandboxThread


def sandbox_thread(**options: Any) -> SandboxThread:
    """A started :class:`SandboxThread` with Discord's rate limits off; ``options`` go to the sandbox
    (``token=``, ``reply_delay=``, ...). The caller stops it with ``stop()``."""
    return SandboxThread(**{"rate_limits": False, **options}).start()
