"""``--demo``: the whole app against the built-in sandbox, with a throw-away home and a demo token.

The sandbox runs in-process on the same event loop. The schedule is set a minute or so ahead so that a
scheduled run happens in front of the user; :class:`DemoControls` lets the Demo menu simulate faults.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .core.config import Target
from .paths import AppPaths

if TYPE_CHECKING:
    from .sandbox import Sandbox
    from .service import AppService

log = logging.getLogger(__name__)


@dataclass
class DemoControls:
    """What the Demo menu can do to the sandbox, to show how the app reacts."""

    sandbox: Sandbox

    def delete_channel(self) -> int | None:
        """Delete the first configured demo channel that still exists, on the server side."""
        existing = set(self._channel_ids())
        for channel_id in self.sandbox.text_channel_ids:
            if channel_id in existing:
                self.sandbox.delete_channel(channel_id)
                return channel_id
        return None

    def _channel_ids(self) -> list[int]:
        return [int(c["id"]) for c in self.sandbox.channels(self.sandbox.guild_id)]

    def silence_target(self, silent: bool) -> None:
        self.sandbox.set_target_silent(silent)

    def revoke_token(self) -> None:
        self.sandbox.revoke_token()

    def restore_token(self) -> None:
        self.sandbox.restore_token()

    def go_offline(self) -> None:
        self.sandbox.go_offline()

    def go_online(self) -> None:
        self.sandbox.go_online()

    def cdp_fail(self, status: int | None = 502) -> None:
        """Make the coze-discord-proxy look-alike answer with ``status`` (None: answer normally again)."""
        self.sandbox.cdp.configure(fail_status=status)


async def start_demo(home: str | Path | None = None) -> tuple[AppService, Sandbox]:
    """Start the sandbox and an AppService wired to it. The caller owns both (stop service, then sandbox)."""
    from .sandbox import Sandbox
    from .service import LOOPBACK_TIMING, AppService

    sandbox = Sandbox(rate_limits=True, seed=True, reply_delay=1.5)  # with the sandbox's DEMO_TOKEN
    await sandbox.start()
    root = Path(home) if home else Path(tempfile.mkdtemp(prefix="cdp-desktop-demo-"))
    paths = AppPaths(config_dir=root, data_dir=root, log_dir=root / "logs")
    from .sandbox.cdp import DEMO_SECRET

    # The sandbox also plays coze-discord-proxy (GET /v1/models), so the endpoint check shows "up" too.
    env = {"CDP_DESKTOP_TOKEN": sandbox.token, "CDP_DESKTOP_CDP_SECRET": DEMO_SECRET}
    service = AppService(paths, env=env, timing=LOOPBACK_TIMING)
    prepare_demo_config(service, sandbox)
    service.demo = DemoControls(sandbox)
    await service.start(token=sandbox.token)
    log.info("demo: sandbox at %s, home %s", sandbox.api_base, root)
    return service, sandbox


def prepare_demo_config(service: AppService, sandbox: Sandbox) -> None:
    """Demo channels with the replying demo bot, and a schedule 15–75 s ahead (no jitter): the first whole
    minute that leaves time to connect, so the scheduled run happens within 90 s of the start."""
    zone = service.config.settings.zone()
    now = service.clock.now().astimezone(zone)
    slot = (now + timedelta(seconds=15 + 60)).replace(second=0, microsecond=0)  # ceil(now + 15 s) to a minute
    created = service.clock.now() - timedelta(seconds=1)

    def mutate(config: object) -> None:
        from .core.config import Config

        assert isinstance(config, Config)
        from . import i18n

        i18n.localize_default_template(config.settings)  # a fresh home: the text in the window's language
        config.settings.api_base_url = sandbox.api_base
        config.settings.schedule_time = f"{slot.hour:02d}:{slot.minute:02d}"
        config.settings.jitter_seconds = 0
        config.settings.reply_timeout_seconds = 20
        config.settings.cdp_url = sandbox.cdp_url
        known = config.configured_channel_ids()
        for channel in sandbox.channels(sandbox.guild_id):
            channel_id = int(channel["id"])
            if channel.get("type") != 0 or channel_id in known:
                continue
            config.add_target(
                Target(
                    guild_id=sandbox.guild_id,
                    channel_id=channel_id,
                    mention_id=sandbox.target_bot_id,
                    name=str(channel.get("name") or ""),
                    category_id=int(channel["parent_id"]) if channel.get("parent_id") else None,
                    topic=channel.get("topic"),
                    position=channel.get("position"),
                    added_at=created,
                    enabled_at=created,
                )
            )

    service.update_config(mutate, quiet=True)
