"""Configuration updates: every change to config.json goes through here (the window, the CLI, a re-add,
another process editing the file), validated, saved atomically under the inter-process lock, then applied
to the running scheduler and client."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..core.config import Config, ConfigError, ConfigStore, Target
from ..core.history import History
from ..core.ports import Clock
from .events import ChannelsChanged, ScheduleChanged, ServiceEvent

if TYPE_CHECKING:
    from ..discord_client import DiscordClient
    from ..filewatch import FileWatch
    from ..scheduler import Scheduler

log = logging.getLogger("cdp_desktop.service")


def endpoint_key(config: Config) -> tuple[object, ...]:
    """The settings the Discord client is built with: a change means a new client."""
    s = config.settings
    return (s.api_base_url, s.proxy_url, s.presence_intents)


class ConfigUpdates:
    """The configuration half of :class:`~cdp_desktop.service.AppService` (a mixin: it shares the service's
    state — the config in memory, the scheduler to wake, the client to restart)."""

    config: Config
    history: History
    clock: Clock
    client: DiscordClient | None
    scheduler: Scheduler | None
    _store: ConfigStore
    _token: str | None
    _restart_task: asyncio.Future[None] | None
    _config_watch: FileWatch | None

    # provided by the service
    def _emit(self, event: ServiceEvent) -> None:
        raise NotImplementedError

    def _schedule_changed(self) -> ScheduleChanged:
        raise NotImplementedError

    async def _restart_client(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------------------- following the file
    def _watch_config(self) -> None:
        """Follow edits other processes make (``cdp-desktop channels add`` beside the daemon or window)."""
        if self._config_watch is None:
            from ..filewatch import FileWatch

            self._config_watch = FileWatch(self._store.path, lambda: self._follow_quietly())
            if not self._config_watch.start():
                log.info("no file watching here; config edits are picked up before each slot")

    def _follow_quietly(self) -> None:
        self.follow_config_file()

    def _fresh_config(self) -> Config:
        """The config as on disk now: a ``stat`` before the scheduler looks at slots (the fallback when file
        events are missing or late), a reload only when the file changed."""
        self.follow_config_file()
        return self.config

    def follow_config_file(self) -> bool:
        """Take in the file when another process changed it; reschedule at once. True when it was reloaded.

        A file that cannot be used (damaged, newer schema) keeps the config in memory running, with a warning
        in the log, as at start."""
        if not self._store.changed_on_disk():
            return False
        previous = self.config
        self.reload_config()
        if self.config is previous:
            return False
        log.info("config.json changed on disk; rescheduling")
        scheduler = self.scheduler
        if scheduler is not None:
            if self.config.paused and not scheduler.paused:
                scheduler.pause()
            elif not self.config.paused and scheduler.paused:
                scheduler.resume()
            scheduler.wake()
        self._emit(ChannelsChanged())
        self._emit(self._schedule_changed())
        if endpoint_key(self.config) != endpoint_key(previous) and self._token and self.client is not None:
            self._restart_task = asyncio.ensure_future(self._restart_client())
        return True

    def reload_config(self) -> None:
        """Take the file as it is now (another process may have changed it); problems keep what we have."""
        loaded = self._store.load()
        for warning in loaded.warnings:
            log.warning("%s", warning)
        if not loaded.warnings:
            self.config = loaded.config

    # ------------------------------------------------------------------------------- changing it
    def update_config(self, mutate: Callable[[Config], object], *, quiet: bool = False) -> None:
        """Apply ``mutate`` to a copy, validate by round trip, save atomically, then swap it in.

        The file is read again under the inter-process config lock, so that an edit made by another process
        (``cdp-desktop channels add`` while the window is open) is kept rather than overwritten."""
        from ..core.config import config_from_dict, config_to_dict

        with self._store.locked():
            self.reload_config()
            candidate = self.config.copy()
            mutate(candidate)
            validated = config_from_dict(config_to_dict(candidate))  # raises ConfigError on invalid input
            self._refuse_owned_temporary(
                validated.configured_channel_ids() - self.config.configured_channel_ids()
            )
            endpoint_changed = endpoint_key(validated) != endpoint_key(self.config)
            self._store.save(validated)
            self.config = validated
        if not quiet:
            self._emit(ChannelsChanged())
            self._emit(self._schedule_changed())
        if self.scheduler is not None:
            self.scheduler.wake()
        if endpoint_changed and self._token and self.client is not None:
            self._restart_task = asyncio.ensure_future(self._restart_client())

    def _refuse_owned_temporary(self, new_ids: set[int]) -> None:
        """A temporary channel of a run (deleted when the run ends) cannot become a configured target."""
        for channel_id in sorted(new_ids):
            if self.history.is_owned(channel_id):
                raise ConfigError(
                    "channel",
                    f"{channel_id} is a temporary channel CDP Desktop created for a keep-alive run and "
                    "deletes when the run ends; choose another channel",
                )

    def add_target(self, target: Target) -> None:
        self.update_config(lambda c: c.add_target(target))

    def remove_target(self, uid: str) -> None:
        self.update_config(lambda c: c.remove_target(uid))

    def set_enabled(self, uid: str, enabled: bool) -> None:
        now = self.clock.now()
        self.update_config(lambda c: c.set_enabled(uid, enabled, now))

    def replace_target(self, uid: str, target: Target) -> None:
        def mutate(c: Config) -> None:
            old = c.find(uid)
            index = c.targets.index(old)
            c.targets.pop(index)
            new = replace(target, uid=old.uid, added_at=old.added_at)
            c.add_target(new)
            c.targets.insert(index, c.targets.pop())

        self.update_config(mutate)

    def _save_rebinds(self, working: Config) -> None:
        """Save the channels a re-add rebound into the file as it is now (not over other processes' edits)."""

        def rebind(current: Config) -> None:
            for done in working.targets:
                target = next((t for t in current.targets if t.uid == done.uid), None)
                if target is None or target.channel_id == done.channel_id:
                    continue
                target.channel_id, target.name = done.channel_id, done.name
                target.category_id, target.topic, target.position = (
                    done.category_id,
                    done.topic,
                    done.position,
                )

        self.update_config(rebind)

    # ------------------------------------------------------------------------------- pausing
    @property
    def paused(self) -> bool:
        return self.config.paused

    def pause(self) -> None:
        self.update_config(lambda c: setattr(c, "paused", True))
        if self.scheduler is not None:
            self.scheduler.pause()
        self._emit(self._schedule_changed())

    def resume(self) -> None:
        self.update_config(lambda c: setattr(c, "paused", False))
        if self.scheduler is not None:
            self.scheduler.resume()
        self._emit(self._schedule_changed())
