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
from .errors import DiscordFailure, State
from .history import History
from .messages import Message, template
from .ports import ChannelInfo, Clock, DiscordPort
from .retry import CREATE_RETRY, STOP_STATES, RetryPolicy

_C = "Readd"
FALLBACK_NAME = "keep-alive"

# Discord JSON error codes that creating a channel commonly meets, with what to do about them.
CREATE_ERRORS: dict[int, Message] = {
    30013: template(
        _C,
        "readd.too_many_channels",
        "The server already has 500 channels, Discord's maximum. Delete a channel there and try again.",
    )(),
    50013: template(
        _C,
        "readd.manage_channels",
        "The bot lacks the Manage Channels permission in this server. Grant it and try again.",
    )(),
    50001: template(
        _C, "readd.no_access", "The bot cannot access this server or category. Check its roles and try again."
    )(),
    10004: template(
        _C,
        "readd.unknown_server",
        "Unknown server: the bot is no longer a member of it. Invite the bot again or remove the channel.",
    )(),
}
NOT_ATTEMPTED = template(_C, "readd.not_attempted", "Not attempted: {reason}")
CHECK_FAILED = template(_C, "readd.check_failed", "Could not check the channel: {reason}")
NOT_RECREATED = template(_C, "readd.not_recreated", "{label}: not recreated: {reason}")
NOT_SAVED = template(
    _C,
    "readd.not_saved",
    "Recreated as {channel}, but the configuration could not be saved ({error});"
    " run re-add again to bind it.",
)
RECREATED = template(_C, "readd.recreated", "Recreated.")
REBOUND = template(_C, "readd.rebound", "Rebound to the channel recreated earlier.")
RECREATED_LOG = template(_C, "readd.recreated_log", "{label}: recreated ({old} \u2192 {new}).")
REBOUND_LOG = template(
    _C, "readd.rebound_log", "{label}: rebound to the channel recreated earlier ({old} \u2192 {new})."
)
NOTHING_MISSING = template(_C, "readd.nothing_missing", "No configured channel is missing.")
SUMMARY = template(_C, "readd.summary", "%n channel(s) recreated, {failed} failed.", plural="count")


@dataclass(frozen=True)
class ReaddEntry:
    target_uid: str
    label: str
    old_channel_id: int
    new_channel_id: int | None
    ok: bool
    state: State | None  # the failure's state; None when ok
    note: Message  # what happened, in the reader's language when rendered
    reused: bool = False  # bound to a channel an earlier re-add had already created

    @property
    def message(self) -> str:
        """What happened, in English (``--json``, log files)."""
        return str(self.note)


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

    def summary_message(self) -> Message:
        if not self.entries:
            return NOTHING_MISSING()
        bad = len(self.entries) - len(self.recreated)
        return SUMMARY(count=len(self.recreated), failed=bad)

    @property
    def summary(self) -> str:
        """The summary in English (log files, the command line without a translation)."""
        return str(self.summary_message())


def _explain(failure: DiscordFailure) -> Message:
    if failure.code is not None and failure.code in CREATE_ERRORS:
        return CREATE_ERRORS[failure.code]
    return failure.explain()


LogFn = Callable[[int, Message], None]


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

        def fail(
            failure: DiscordFailure,
            frame: Callable[[Message], Message] | None = None,
            t: Target = target,
            old_id: int = old,
        ) -> None:
            why = _explain(failure)
            note = frame(why) if frame is not None else why
            report.entries.append(ReaddEntry(t.uid, t.label, old_id, None, False, failure.state, note))

        if stop is not None:
            fail(stop, lambda why: NOT_ATTEMPTED(reason=why))
            continue
        try:
            await retry.call(partial(port.fetch_channel, old))
            continue  # it exists: nothing to do
        except DiscordFailure as failure:
            if failure.state is not State.MISSING:
                if failure.state in STOP_STATES:
                    stop = failure
                fail(failure, lambda why: CHECK_FAILED(reason=why))
                continue
        try:
            info, reused = await _recreate(port, history, clock, retry, config, target)
        except DiscordFailure as failure:
            if failure.state in STOP_STATES:
                stop = failure
            fail(failure)
            log(logging.WARNING, NOT_RECREATED(label=target.label_message(), reason=_explain(failure)))
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
                    NOT_SAVED(channel=str(info.id), error=str(exc)),
                    reused,
                )
            )
            continue
        said = (REBOUND_LOG if reused else RECREATED_LOG)(
            label=target.label_message(), old=str(old), new=str(info.id)
        )
        log(logging.INFO, said)
        done = (REBOUND if reused else RECREATED)()
        report.entries.append(ReaddEntry(target.uid, target.label, old, info.id, True, None, done, reused))
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

    info = await retry.call(
        partial(
            port.create_text_channel,
            target.guild_id,
            target.name or FALLBACK_NAME,
            category_id=category,
            topic=target.topic,
            position=target.position,
            on_created=record,
        ),
        only=CREATE_RETRY,
    )
    if not any(r.new_channel_id == info.id for r in history.rebinds()):
        await record(info)
    return info, False
