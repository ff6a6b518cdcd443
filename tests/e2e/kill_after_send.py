"""Test-only entry point: ``python -m tests.e2e.kill_after_send --home D run-now``.

The real CLI, except that with ``CDP_E2E_SIGKILL_AFTER_SEND=1`` the process SIGKILLs itself the moment the
engine tries to record a sent message — after Discord accepted the send, before History knows its ID.
Nothing is flushed or cleaned up: the same as a power cut or the OOM killer at the worst moment.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from cdp_desktop import cli
from cdp_desktop.core.history import History

KILL_ENV = "CDP_E2E_SIGKILL_AFTER_SEND"


def _die(self: History, *args: Any, **kwargs: Any) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> int:
    if os.environ.get(KILL_ENV) == "1":
        History.record_sent = _die  # type: ignore[method-assign]
    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
