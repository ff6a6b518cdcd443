"""Run a Sandbox on its own event loop in a background thread.

GUI tests (qasync owns the main thread's loop) and CLI-subprocess tests use this. Every call into
the sandbox goes through :meth:`SandboxThread.call`, which runs it on the sandbox's loop and returns
the result; attribute access on the wrapper does the same, so ``st.fail_next(...)`` and
``st.guild_id`` just work from any thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import threading
from collections.abc import Callable, Iterator
from typing import Any

from .server import Sandbox


class SandboxThread:
    def __init__(self, port: int = 0, **options: Any) -> None:
        self._port = port
        self._options = options
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._sandbox: Sandbox | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stop: asyncio.Event | None = None

    # ----- lifecycle -------------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> SandboxThread:
        self._thread = threading.Thread(target=self._run, name="cdp-sandbox", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("sandbox thread did not start")
        if self._error is not None:
            raise RuntimeError("sandbox failed to start") from self._error
        return self

    def _run(self) -> None:
        # asyncio.run's ending: a request handler still running (one whose client gave up) is cancelled
        # and awaited before the loop closes, not destroyed pending.
        with asyncio.Runner() as runner:
            self._loop = runner.get_loop()
            runner.run(self._main())

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        try:
            self._sandbox = Sandbox(**self._options)
            await self._sandbox.start(self._port)
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await self._sandbox.stop()

    def stop(self, timeout: float = 10.0) -> None:
        if self._loop is None or self._thread is None or self._stop is None:
            return
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(timeout)
        self._thread = None

    def __enter__(self) -> SandboxThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----- calls into the sandbox --------------------------------------------------------------------

    @property
    def sandbox(self) -> Sandbox:
        """The Sandbox object itself: read plain attributes only; mutate through call()."""
        assert self._sandbox is not None, "not started"
        return self._sandbox

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        assert self._loop is not None, "not started"
        return self._loop

    def call(self, fn: Callable[..., Any], *args: Any, timeout: float = 10.0, **kwargs: Any) -> Any:
        """Run ``fn(*args, **kwargs)`` on the sandbox loop (awaiting it if it returns an awaitable)."""

        async def run() -> Any:
            result = fn(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    def __getattr__(self, name: str) -> Any:
        # Only reached for names SandboxThread lacks: forward to the Sandbox, on its loop.
        if name.startswith("_"):
            raise AttributeError(name)
        sandbox = self.sandbox
        attr = self.call(getattr, sandbox, name)
        if callable(attr):
            return lambda *a, **kw: self.call(attr, *a, **kw)
        return attr


@contextlib.contextmanager
def run_in_thread(port: int = 0, **options: Any) -> Iterator[SandboxThread]:
    """``with run_in_thread(token="t", rate_limits=False) as st: ... st.api_base ...``"""
    st = SandboxThread(port, **options)
    st.start()
    try:
        yield st
    finally:
        st.stop()
