"""The Discord sandbox as a subprocess (``python -m cdp_desktop.sandbox --port 0``): what it printed on its
stdout, its HTTP control routes under ``/_sandbox``, and the environment a CLI or daemon needs to use it.
Stopped by its own process handle only.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from queue import Empty, Queue
from typing import Any

from tests.helpers.cli import REPO, cli_env


@dataclass
class SandboxProcess:
    """A running standalone sandbox. ``info`` holds the ``key: value`` lines it printed after its API base
    (``token``, ``bot_user_id``, ``guild_id``, ``text_channel_ids``, ...)."""

    proc: subprocess.Popen[str]
    api_base: str
    info: dict[str, str]
    base_env: dict[str, str]
    reader: threading.Thread | None = None

    @classmethod
    def start(
        cls,
        *extra: str,
        token: str | None = None,
        stderr: Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float | None = 15.0,
    ) -> SandboxProcess:
        """Start one and wait (up to ``timeout`` s; ``None``: no limit) until it has printed its channels.

        ``extra``: more command-line options; ``token``: the bot token it accepts (default: its demo
        token); ``stderr``: a file for its error output (default: discarded); ``env``: its environment
        (default: :func:`tests.helpers.cli.cli_env`), also the base of :meth:`env`.
        """
        argv = [sys.executable, "-m", "cdp_desktop.sandbox", "--port", "0"]
        if token is not None:
            argv += ["--token", token]
        env = cli_env() if env is None else env
        with contextlib.nullcontext(subprocess.DEVNULL) if stderr is None else stderr.open("w") as err:
            proc = subprocess.Popen(
                [*argv, *extra], stdout=subprocess.PIPE, stderr=err, text=True, cwd=REPO, env=env
            )
        assert proc.stdout is not None
        # A reader thread, not select(): the text wrapper may buffer several lines from one read.
        queue: Queue[str | None] = Queue()
        stream = proc.stdout

        def pump() -> None:
            for raw in stream:
                queue.put(raw.strip())
            queue.put(None)

        reader = threading.Thread(target=pump, name="sandbox-stdout", daemon=True)
        reader.start()
        lines: list[str] = []
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            while not any(line.startswith("text_channel_ids:") for line in lines):
                try:
                    line = queue.get(
                        timeout=None if deadline is None else max(0.01, deadline - time.monotonic())
                    )
                except Empty:
                    raise TimeoutError(f"sandbox did not print its address; got {lines!r}") from None
                if line is None:
                    raise RuntimeError(f"sandbox exited ({proc.wait(5)}); printed {lines!r}")
                lines.append(line)
            api_base = lines[0]
            assert api_base.startswith("http://127.0.0.1:") and api_base.endswith("/api/v10"), api_base
        except BaseException:
            proc.kill()
            proc.wait(5)
            raise
        info = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        return cls(proc, api_base, info, env, reader)

    # ----- what it printed

    @property
    def token(self) -> str:
        return self.info["token"]

    @property
    def guild_id(self) -> str:
        return self.info["guild_id"]

    @property
    def target_bot_id(self) -> str:
        return self.info["target_bot_id"]

    @property
    def bot_user_id(self) -> str:
        return self.info["bot_user_id"]

    @property
    def text_channel_ids(self) -> list[str]:
        return self.info["text_channel_ids"].split()

    def env(self, **extra: str) -> dict[str, str]:
        """The environment it was started with, pointed at it with its token: for a CLI or a daemon."""
        return {
            **self.base_env,
            "CDP_DESKTOP_API_BASE": self.api_base,
            "CDP_DESKTOP_TOKEN": self.token,
            **extra,
        }

    # ----- the control routes

    @property
    def root(self) -> str:
        """The base URL of the control routes (``…/_sandbox``)."""
        return self.api_base.rsplit("/api/", 1)[0] + "/_sandbox"

    def control(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """``METHOD /_sandbox{path}`` with ``body`` as JSON; the decoded answer (``None`` if empty)."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.root + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read() or b"null")

    def requests(self) -> list[dict[str, Any]]:
        """Every Discord API request it received, oldest first."""
        result: list[dict[str, Any]] = self.control("GET", "/requests")
        return result

    def messages(self, channel_id: int | str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.control("GET", f"/channels/{channel_id}/messages")
        return result

    def bot_messages(self, channel_id: int | str) -> list[dict[str, Any]]:
        """Messages our bot posted (the target bot's replies are left out)."""
        return [m for m in self.messages(channel_id) if m["author"]["id"] == self.bot_user_id]

    def channels(self, guild_id: int | str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.control("GET", f"/guilds/{guild_id}/channels")
        return result

    # ----- the end

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 5 s; the stdout reader ends at EOF."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.reader is not None:
            self.reader.join(5)  # it ends at EOF; closing the pipe under it would raise in the thread
        if self.proc.stdout is not None:
            self.proc.stdout.close()
