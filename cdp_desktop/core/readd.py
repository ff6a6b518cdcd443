"""Re-add missing channels: recreate configured channels deleted on Discord and rebind the config.

Order of effects, so that a crash at any point leaves something the next call can finish: the rebind is
recorded in history from the create call's ``on_created`` callback (before the call returns), then the
config is saved. A later call that finds the target still bound to the deleted channel reuses the channel
recorded in that rebind instead of creating another one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from .config import Config, Target
from .errors import EXPLANATIONS, QT_TRANSLATE_NOOP, DiscordFailure, State
from .history import History
from .ports import ChannelInfo, Clock, DiscordPort
from .retry import STOP_STATES, RetryPolicy

_C = "Readd"
FALLBACK_NAME = "keep-alive"

# Discord JSON error codes that creating a channel commonly meets, with what to do about them.
CREATE_ERRORS: dict[int, str] = {
    30013: QT_TRANSLATE_NOOP(
        _C, "The server already has 500 channels, Discord's maximum. Delete a channel there and try again."
    ),
    50013: QT_TRANSLATE_NOOP(
        _C, "The bot lacks the Manage Channels permission in this server. Grant it and try again."
    ),
    50001: QT_TRANSLATE_NOOP(
        _C, "The bot cannot access this server or category. Check its roles and try again."
    ),
    10004: QT_TRANSLATE_NOOP(
        _C, "Unknown server: the bot is no longer a member of it. Invite the bot again or remove the channel."
    ),
}


@dataclass(frozen=True)
class ReaddEntry:
    target_uid: str
    label: str
    old_channel_id: int
    new_channel_id: int | None
    ok: bool
    state: State | None  # the failure's state; None when ok
    message: str
    reused: bool = False  # bound to a channel an earlier re-add had already created


@dataclass
class ReaddReport:
    entries: list[ReaddEntry] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(not e.ok for e in self.entries)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    @property
    def recreated(self) -> list[ReaddEntry]:
        return [e for e in self.entries if e.ok]

    @property
    def summary(self) -> str:
        if not self.entries:
            return "No configured channel is missing."
        bad = len(self.entries) - len(self.recreated)
        return f"{len(self.recreated)} channel(s) recreated, {bad} failed."


def _explain(failure: DiscordFailure) -> str:
    if failure.code in CREATE_ERRORS:
        return CREATE_ERRORS[failure.code]
    return str(failure) or EXPLANATIONS[failure.state].summary


LogFn = Callable[[int, str], None]


async def readd_missing(
    port: DiscordPort,
    history: History,
    clock: Clock,
    retry: RetryPolicy,
    config: Config,
    save: Callable[[Config], None],
    log: LogFn,
) -> ReaddReport:
    """Recreate every configured (enabled or disabled, non-temporary) target whose channel is missing."""
    report = ReaddReport()
    stop: DiscordFailure | None = None
    for target in list(config.targets):
        if target.channel_id is None:
            continue
        old = target.channel_id

        def fail(failure: DiscordFailure, prefix: str = "", t: Target = target, old_id: int = old) -> None:
            report.entries.append(
                ReaddEntry(t.uid, t.label, old_id, None, False, failure.state, prefix + _explain(failure))
            )

        if stop is not None:
            fail(stop, QT_TRANSLATE_NOOP(_C, "Not attempted: "))
            continue
        try:
            await retry.call(partial(port.fetch_channel, old))
            continue  # it exists: nothing to do
        except DiscordFailure as failure:
            if failure.state is not State.MISSING:
                if failure.state in STOP_STATES:
                    stop = failure
                fail(failure, QT_TRANSLATE_NOOP(_C, "Could not check the channel: "))
                continue
        try:
            info, reused = await _recreate(port, history, clock, retry, config, target)
        except DiscordFailure as failure:
            if failure.state in STOP_STATES:
                stop = failure
            fail(failure)
            log(logging.WARNING, f"{target.label}: not recreated: {_explain(failure)}")
            continue
        target.channel_id = info.id
        target.name = info.name or target.name
        target.category_id = info.category_id
        if info.topic is not None:
            target.topic = info.topic
        if info.position is not None:
            target.position = info.position
        try:
            save(config)
        except Exception as exc:
            report.entries.append(
                ReaddEntry(
                    target.uid,
                    target.label,
                    old,
                    info.id,
                    False,
                    None,
                    f"Recreated as {info.id}, but the configuration could not be saved ({exc}); "
                    "run re-add again to bind it.",
                    reused,
                )
            )
            continue
        verb = "rebound to the channel recreated earlier" if reused else "recreated"
        log(logging.INFO, f"{target.label}: {verb} ({old} \u2192 {info.id}).")
        report.entries.append(
            ReaddEntry(target.uid, target.label, old, info.id, True, None, f"{verb.capitalize()}.", reused)
        )
    return report


async def _recreate(
    port: DiscordPort, history: History, clock: Clock, retry: RetryPolicy, config: Config, target: Target
) -> tuple[ChannelInfo, bool]:
    assert target.channel_id is not None
    old = target.channel_id
    bound = config.configured_channel_ids()
    # A channel this app already recreated for this one (config save lost, or a crash): reuse it.
    for rebind in reversed(history.rebinds()):
        if rebind.old_channel_id != old or rebind.new_channel_id in bound:
            continue
        try:
            return await retry.call(partial(port.fetch_channel, rebind.new_channel_id)), True
        except DiscordFailure as failure:
            if failure.state is not State.MISSING:
                raise
    category = target.category_id
    if category is not None and not await retry.call(
        partial(port.category_exists, target.guild_id, category)
    ):
        category = None  # the category is gone too: recreate at the top level

    async def record(channel: ChannelInfo) -> None:
        history.add_rebind(target.uid, old, channel.id, clock.now())

    # Only a rate limit proves nothing was created; other failures are not retried (no unrecorded duplicates).
    attempt = 0
    while True:
        attempt += 1
        try:
            info = await port.create_text_channel(
                target.guild_id,
                target.name or FALLBACK_NAME,
                category_id=category,
                topic=target.topic,
                position=target.position,
                on_created=record,
            )
            break
        except DiscordFailure as failure:
            if failure.state is not State.RATE_LIMITED or not retry.should_retry(failure, attempt):
                raise
            await retry.sleep(retry.delay(failure, attempt))
    if not any(r.new_channel_id == info.id for r in history.rebinds()):
        await record(info)
    return info, False
