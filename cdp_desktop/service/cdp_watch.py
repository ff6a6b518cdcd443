"""coze-discord-proxy's own API (``GET {cdp_url}/v1/models``), checked after each run when cdp_url is set:
recorded (so ``status`` and the window show the last state), logged in the run, a notice when it goes down
and when it comes back."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from pathlib import Path

from ..core.cdp_endpoint import ENDPOINT_TEXT, EndpointCheck, EndpointLedger, EndpointState
from ..core.config import Config
from ..core.history import History
from ..core.messages import Message
from ..core.ports import Clock
from .events import CdpEndpointChanged, ChannelsChanged, ServiceEvent
from .notices import NoticePolicy

log = logging.getLogger("cdp_desktop.service")


class CdpEndpointWatch:
    def __init__(
        self,
        data_dir: Path,
        *,
        config: Callable[[], Config],
        env: Callable[[], Mapping[str, str]],
        clock: Clock,
        history: History,
        notices: NoticePolicy,
        emit: Callable[[ServiceEvent], None],
    ) -> None:
        self._ledger = EndpointLedger(data_dir)
        self.last: EndpointCheck | None = self._ledger.last()
        self.task: asyncio.Future[EndpointCheck | None] | None = None
        self._config, self._env, self._clock = config, env, clock
        self._history, self._notices, self._emit = history, notices, emit

    def start(self, run_id: int | None = None) -> asyncio.Future[EndpointCheck | None] | None:
        """Check in the background (one check at a time); the task, or None outside a loop."""
        if self.task is not None and not self.task.done():
            return self.task
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return None
        self.task = asyncio.ensure_future(self.check(run_id))
        return self.task

    async def check(self, run_id: int | None = None) -> EndpointCheck | None:
        """``GET {cdp_url}/v1/models`` with the proxy secret; record it, tell the UI, notify on down/up."""
        settings = self._config().settings
        url = settings.cdp_url
        if not url:
            return None
        from ..cdp_check import check_endpoint, timeout_from_env
        from ..cdp_secret import SECRET_ENV, CdpSecretStore
        from ..discord_client import resolve_endpoints
        from ..logs import register_secret

        env = self._env()  # the service's environment as it is now
        secret = env.get(SECRET_ENV, "").strip() or (await CdpSecretStore(timeout=5).aget()).token
        register_secret(secret)
        proxy = resolve_endpoints(settings, env).proxy
        check = await check_endpoint(
            url, secret, proxy=proxy, timeout=timeout_from_env(dict(env)), now=self._clock.now
        )
        try:
            previous = self._ledger.record(check)
        except OSError:
            log.warning("could not save the CDP endpoint state", exc_info=True)
            previous = self.last
        self.last = check
        level = "info" if check.state is EndpointState.UP else "warning"
        log.info("%s", check.summary())
        with contextlib.suppress(Exception):  # history full or locked: the check itself still counts
            self._history.add_log(run_id, check.checked_at, level, check.summary_message())
        was_down = previous is not None and previous.state.is_down
        if check.state.is_down and not was_down:
            self._notices.cdp_endpoint("cdp_down", url, _endpoint_text(check.state), "error")
        elif check.state is EndpointState.UP and was_down:
            self._notices.cdp_endpoint("cdp_recovered", url, _endpoint_text(check.state), "info")
        self._emit(CdpEndpointChanged(check))
        self._emit(ChannelsChanged())
        return check


def _endpoint_text(state: EndpointState) -> Message | str:
    """The endpoint state's explanation: a message where the core gives one (else its English text)."""
    text: object = ENDPOINT_TEXT[state]
    return text if isinstance(text, Message) else str(text)
