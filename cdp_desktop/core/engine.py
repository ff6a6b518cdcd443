"""One keep-alive run: for every target, verify the channel, send the message once per slot, wait for the
target bot's reply and classify the outcome.

Exactly once per (target, slot), whoever sends:

* one home, several processes: each (target, slot) is claimed in the history database (``core.claims``, one
  ``BEGIN IMMEDIATE`` transaction) before any network call; the history records the intent before
  ``send_message`` and the message ID after it;
* several machines (or a lost history): the channel is the shared ledger. Before sending, the channel is
  checked for this slot's marker from this bot, for free when its ``last_message_id`` shows no message since
  the slot began; found → the slot is done, "sent by another machine", nothing is sent;
* two machines that sent at once: after sending, the slot's marker messages from this bot are compared and
  the smallest snowflake wins; a machine whose own message is not the smallest withdraws it (a message it
  has just sent, through the adapter's delete guard) and follows the winner for the reply check.

A pending intent (crash between send and record, or a network failure during the send) is resolved by the
same channel check. Channels are processed concurrently under a bound; the reply wait happens outside it,
so silent target bots do not serialise the run.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from zoneinfo import ZoneInfo

from . import run_texts as say
from .claims import Claim, ClaimState, claim_sends, record_found, release_claim
from .config import Config, Settings, Target
from .errors import DiscordFailure, State, explain
from .events import (
    STATE_WORDS,
    TRIGGER_NAMES,
    ChannelStateChanged,
    EngineEvent,
    LogEmitted,
    RunFinished,
    RunReport,
    RunStarted,
    Trigger,
)
from .history import ChannelResult, History
from .message import compose_message, slot_floor, slot_marker
from .messages import Message, Param
from .ports import ChannelInfo, Clock, DiscordPort, SentMessage, SlotScan
from .readd import ReaddEntry, ReaddReport, readd_missing
from .retry import CREATE_RETRY, STOP_STATES, RetryPolicy, Sleep
from .schedule import Slot

__all__ = [
    "ChannelStateChanged",
    "Engine",
    "EngineEvent",
    "LogEmitted",
    "ReaddEntry",
    "ReaddReport",
    "RunFinished",
    "RunReport",
    "RunStarted",
    "Trigger",
    "apply_refreshed",
    "temporary_channel_name",
]

log = logging.getLogger("cdp_desktop.engine")
_C = "Engine"


def temporary_channel_name(slot: Slot) -> str:
    return f"cdp-keepalive-{slot.key}"


def apply_refreshed(config: Config, report: RunReport) -> bool:
    """Copy refreshed channel details into the config's targets; True when something changed (then save)."""
    changed = False
    for target in config.targets:
        info = report.refreshed.get(target.uid)
        if info is None or target.channel_id != info.id:
            continue
        new = (info.name, info.category_id, info.topic, info.position)
        if (target.name, target.category_id, target.topic, target.position) != new:
            target.name, target.category_id, target.topic, target.position = new
            changed = True
    return changed


# --------------------------------------------------------------------------- internals


@dataclass
class _Run:
    run_id: int
    slot: Slot
    trigger: Trigger
    settings: Settings
    zone: ZoneInfo
    force: bool
    sem: asyncio.Semaphore
    stop: DiscordFailure | None = None  # set by an account-wide failure (bad token): no more calls
    claims: dict[str, Claim] = field(default_factory=dict)

    def check(self) -> None:
        if self.stop is not None:
            raise DiscordFailure(
                self.stop.state,
                say.NOT_ATTEMPTED(reason=self.stop.explain()),
                self.stop.code,
                self.stop.status,
            )


@dataclass
class _Delivery:
    message: SentMessage
    recovered: bool  # found in the channel from an earlier attempt rather than sent now
    elsewhere: bool = False  # the slot's message is another machine's (found before sending, or it won)
    withdrawn: int | None = None  # our duplicate, deleted in favour of ``message``
    settle: SlotScan | None = None  # sent after this channel check: look for a simultaneous send


@dataclass
class _Outcome:
    """Per-target working state, filled in as the steps succeed."""

    info: ChannelInfo | None = None
    temp: ChannelInfo | None = None
    unsure: bool = False  # a send failed in a way that may hide a delivered message
    sending: bool = False  # a send is under way (cancelled or crashed now: it may have been delivered)


class Engine:
    def __init__(
        self,
        port: DiscordPort,
        history: History,
        clock: Clock,
        *,
        concurrency: int = 16,
        max_attempts: int = 4,
        backoff_base: float = 1.0,
        backoff_cap: float = 30.0,
        on_event: Callable[[EngineEvent], None] | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.port = port
        self.history = history
        self.clock = clock
        self.concurrency = concurrency
        self.on_event = on_event
        self.retry = RetryPolicy(max_attempts, backoff_base, backoff_cap, sleep, rng or random.Random())
        self._active_runs: set[int] = set()
        # (target uid, slot key) pairs being worked on by a run of this engine: an overlapping run
        # (Run now during the scheduled run) must not send them a second time.
        self._in_flight: set[tuple[str, str]] = set()

    # ----------------------------------------------------------------------- events and logging

    def _emit(self, event: EngineEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # a broken listener must not break a run
            log.exception("engine event listener failed")

    def _log(self, run_id: int | None, level: int, message: Message) -> None:
        log.log(level, "%s", message)  # the log file is English
        name = logging.getLevelName(level)
        try:
            self.history.add_log(run_id, self.clock.now(), name, message)
        except Exception:
            log.exception("could not store a log line")
        self._emit(LogEmitted(run_id, name, message))

    def _retry_logger(
        self, run_id: int | None, target: Target, step: Message
    ) -> Callable[[DiscordFailure, int, float], None]:
        def on_retry(failure: DiscordFailure, attempt: int, wait: float) -> None:
            self._log(
                run_id,
                logging.INFO,
                say.RETRYING(
                    label=_label(target),
                    step=step,
                    state=STATE_WORDS[failure.state],
                    reason=failure.explain(),
                    attempt=attempt,
                    seconds=float(wait),
                ),
            )

        return on_retry

    # ----------------------------------------------------------------------- a run

    async def run(
        self,
        config: Config,
        slot: Slot,
        trigger: Trigger,
        *,
        targets: list[Target] | None = None,
        force: bool = False,
    ) -> RunReport:
        """Run the keep-alive for ``slot``. ``targets`` None means every enabled target of ``config``."""
        trigger = Trigger(trigger)
        settings = config.settings
        zone = settings.zone()
        started = self.clock.now()
        run_id = self.history.start_run(slot.key, slot.at, trigger.value, started)
        self._active_runs.add(run_id)
        ctx = _Run(run_id, slot, trigger, settings, zone, force, asyncio.Semaphore(self.concurrency))
        self._emit(RunStarted(run_id, slot, trigger))
        chosen = config.enabled_targets() if targets is None else list(targets)
        self._log(
            run_id,
            logging.INFO,
            (say.RUN_STARTED_FORCED if force else say.RUN_STARTED)(
                run=run_id, slot=slot.key, trigger=TRIGGER_NAMES[trigger], count=len(chosen)
            ),
        )
        by_uid: dict[str, ChannelResult] = {}
        refreshed: dict[str, ChannelInfo] = {}
        skipped: list[str] = []
        candidates: list[Target] = []
        for target in chosen:
            if not target.enabled:
                by_uid[target.uid] = self._record(ctx, target, target.channel_id, State.SKIPPED_DISABLED)
            elif (target.uid, slot.key) in self._in_flight:
                skipped.append(target.uid)
                self._log(run_id, logging.INFO, say.OTHER_RUN(label=_label(target), slot=slot.key))
            else:
                candidates.append(target)
        work: list[Target] = []
        if force:
            work = candidates
        else:
            # Before any network call: no other process of this home can pass this point for these targets.
            marker = slot_marker(slot.key)
            ctx.claims = claim_sends(
                self.history, slot.key, [(t.uid, t.channel_id, marker) for t in candidates], started
            )
            for target in candidates:
                claim = ctx.claims[target.uid]
                if claim.state is ClaimState.CLAIMED:
                    work.append(target)
                    continue
                skipped.append(target.uid)
                if claim.state is ClaimState.BUSY:
                    self._log(
                        run_id,
                        logging.INFO,
                        say.OTHER_PROCESS(label=_label(target), slot=slot.key),
                    )
        claimed = {(t.uid, slot.key) for t in work}
        self._in_flight |= claimed
        outcome = "aborted"
        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(self._target(ctx, t)) for t in work]
            for target, task in zip(work, tasks, strict=True):
                result, info = task.result()
                by_uid[target.uid] = result
                if info is not None and result.state.is_success and _differs(target, info):
                    refreshed[target.uid] = info
            report = RunReport(
                run_id,
                slot,
                trigger,
                [by_uid[t.uid] for t in chosen if t.uid in by_uid],
                started,
                self.clock.now(),
                refreshed,
                skipped,
            )
            outcome = report.outcome
        finally:
            self._in_flight -= claimed
            self._active_runs.discard(run_id)
            self.history.finish_run(run_id, self.clock.now(), outcome)
        self._log(run_id, logging.WARNING if report.failed else logging.INFO, report.summary_message())
        self._emit(RunFinished(report))
        return report

    async def _target(self, ctx: _Run, target: Target) -> tuple[ChannelResult, ChannelInfo | None]:
        """One target end to end; never raises except on cancellation."""
        work = _Outcome()
        self._emit(ChannelStateChanged(target.uid, State.PENDING, "", ctx.run_id))
        try:
            try:
                result = await self._keepalive(ctx, target, work)
            except Exception as exc:  # a bug or an unclassified adapter error: report it, keep the run going
                log.exception("keep-alive for %s failed unexpectedly", target.label)
                channel_id = work.info.id if work.info else target.channel_id
                result = self._record(
                    ctx, target, channel_id, State.NETWORK, note=say.UNEXPECTED(error=repr(exc))
                )
        finally:
            if target.uid in ctx.claims:
                # Ended without a recorded message: let the next run (of any process) take it over. An
                # unsure send stays as an intent, so that the channel is checked before sending again.
                keep = work.unsure or work.sending
                release_claim(self.history, target.uid, ctx.slot.key, keep_intent=keep)
        if work.temp is not None:
            await self._delete_temp(ctx, work.temp)
        return result, work.info

    async def _keepalive(self, ctx: _Run, target: Target, work: _Outcome) -> ChannelResult:
        async with ctx.sem:
            try:
                ctx.check()
                if target.is_temporary:
                    work.temp = await self._create_temp(ctx, target)
                    work.info = work.temp
                else:
                    assert target.channel_id is not None
                    work.info = await self.retry.call(
                        partial(self.port.fetch_channel, target.channel_id),
                        check=ctx.check,
                        on_retry=self._retry_logger(ctx.run_id, target, say.STEP_VERIFY()),
                    )
                delivery = await self._deliver(ctx, target, work.info, work)
            except DiscordFailure as failure:
                if failure.state in STOP_STATES and ctx.stop is None:
                    ctx.stop = failure
                    self._log(ctx.run_id, logging.ERROR, say.STOPPING(reason=failure.explain()))
                channel_id = work.info.id if work.info else target.channel_id
                return self._record(
                    ctx, target, channel_id, failure.state, code=failure.code, note=failure.explain()
                )
        # The concurrency slot is released: waiting for the gateway's echo of our send (to compare it with a
        # simultaneous one) and for a reply costs no request.
        if delivery.settle is not None:
            marker = slot_marker(ctx.slot.key)
            scan, sent = delivery.settle, delivery.message
            delivery = await self._settle(ctx, target, work.info.id, marker, scan, sent)
        state, latency, note = await self._reply(ctx, target, work.info, delivery)
        return self._record(
            ctx,
            target,
            work.info.id,
            state,
            note=note,
            message_id=delivery.message.id,
            reply_latency=latency,
        )

    async def _deliver(self, ctx: _Run, target: Target, info: ChannelInfo, work: _Outcome) -> _Delivery:
        """Send the slot's message unless it is already in the channel; keeps the ledger exactly-once."""
        key = ctx.slot.key
        marker = slot_marker(key)
        channel_id = info.id
        record = self.history.send_record(target.uid, key)
        if record is not None and record.message_id is not None and not ctx.force:
            # Another run delivered it since this run started.
            sent_at = record.sent_at or record.intent_at
            return _Delivery(SentMessage(record.message_id, record.channel_id, sent_at), recovered=True)
        # An intent left by an earlier attempt for this very channel may have been delivered.
        claim = ctx.claims.get(target.uid)
        earlier = claim.record if claim is not None else None
        unsure = earlier is not None and earlier.message_id is None and earlier.channel_id == channel_id
        # The channel is the ledger across machines (and across a lost history): look before sending. A
        # temporary channel is new, so there is nothing to look at; a forced run sends anyway.
        scan: SlotScan | None = None
        if not ctx.force and not target.is_temporary:
            scan = await self.retry.call(
                partial(self.port.scan_for_marker, channel_id, marker, slot_floor(ctx.slot)),
                check=ctx.check,
                on_retry=self._retry_logger(ctx.run_id, target, say.STEP_CHECK()),
            )
            if scan.found:
                return self._found(ctx, target, channel_id, scan.found[0], ours=unsure)
            unsure = False  # checked: not delivered
        content = compose_message(
            target.template or ctx.settings.message_template,
            mention_id=target.mention_id,
            slot=ctx.slot,
            zone=ctx.zone,
            channel_name=info.name,
        )
        attempt = 0
        while True:
            sending = False
            try:
                ctx.check()
                attempt += 1
                if unsure:
                    rescan = await self.port.scan_for_marker(
                        channel_id, marker, scan.horizon if scan is not None else slot_floor(ctx.slot)
                    )
                    if rescan.found:
                        return self._found(ctx, target, channel_id, rescan.found[0], ours=True)
                    if scan is not None:
                        scan = rescan
                    unsure = work.unsure = False
                self.history.record_intent(target.uid, key, channel_id, marker, self.clock.now())
                sending = work.sending = True
                sent = await self.port.send_message(channel_id, content)
                self.history.record_sent(target.uid, key, sent.id, self.clock.now())
                work.sending = False
                break
            except DiscordFailure as failure:
                work.sending = False
                # A network error or a 5xx during the send may hide a delivered message.
                if sending and failure.state in (State.NETWORK, State.DISCORD_UNAVAILABLE):
                    unsure = work.unsure = True
                if not self.retry.should_retry(failure, attempt):
                    if not unsure:
                        self.history.clear_intent(target.uid, key)
                    raise
                wait = self.retry.delay(failure, attempt)
                self._retry_logger(ctx.run_id, target, say.STEP_SEND())(failure, attempt, wait)
                await self.retry.sleep(wait)
        return _Delivery(sent, recovered=False, settle=scan)

    def _found(
        self, ctx: _Run, target: Target, channel_id: int, message: SentMessage, *, ours: bool
    ) -> _Delivery:
        """The slot's message is already in the channel: record it, send nothing."""
        key = ctx.slot.key
        marker = slot_marker(key)
        if ours:  # our own earlier attempt (a crash or a lost response) was delivered after all
            self.history.record_intent(target.uid, key, channel_id, marker, self.clock.now())
            self.history.record_sent(target.uid, key, message.id, self.clock.now())
            self._log(
                ctx.run_id,
                logging.INFO,
                say.ALREADY_DELIVERED(label=_label(target), slot=key),
            )
            return _Delivery(message, recovered=True)
        record_found(self.history, target.uid, key, channel_id, marker, message.id, message.created_at)
        self._log(
            ctx.run_id,
            logging.INFO,
            say.FOUND_ELSEWHERE(
                label=_label(target), slot=key, time=_clock(message, ctx.zone), message=str(message.id)
            ),
        )
        return _Delivery(message, recovered=True, elsewhere=True)

    async def _settle(
        self, ctx: _Run, target: Target, channel_id: int, marker: str, scan: SlotScan, sent: SentMessage
    ) -> _Delivery:
        """Two machines that both found nothing and both sent: the smallest snowflake wins, the others
        withdraw their own message. Deterministic, so every machine reaches the same verdict alone."""
        try:
            mine = await self.port.markers_since(channel_id, marker, scan, sent)
        except DiscordFailure as failure:
            self._log(
                ctx.run_id,
                logging.INFO,
                say.SETTLE_FAILED(label=_label(target), reason=failure.explain()),
            )
            return _Delivery(sent, recovered=False)
        winner = min([*mine, sent], key=lambda m: m.id)
        if winner.id == sent.id:
            return _Delivery(sent, recovered=False)
        try:
            await self.retry.call(partial(self.port.delete_own_message, channel_id, sent.id))
        except DiscordFailure as failure:
            self._log(
                ctx.run_id,
                logging.WARNING,
                say.WITHDRAW_FAILED(
                    label=_label(target), slot=ctx.slot.key, message=str(sent.id), reason=failure.explain()
                ),
            )
            return _Delivery(sent, recovered=False)
        record_found(
            self.history,
            target.uid,
            ctx.slot.key,
            channel_id,
            marker,
            winner.id,
            winner.created_at,
            withdrawn_id=sent.id,
        )
        self._log(
            ctx.run_id,
            logging.INFO,
            say.WITHDRAWN(
                label=_label(target),
                slot=ctx.slot.key,
                time=_clock(winner, ctx.zone),
                winner=str(winner.id),
                message=str(sent.id),
            ),
        )
        return _Delivery(winner, recovered=False, elsewhere=True, withdrawn=sent.id)

    async def _reply(
        self, ctx: _Run, target: Target, info: ChannelInfo, delivery: _Delivery
    ) -> tuple[State, float | None, Message | None]:
        if delivery.recovered and delivery.elsewhere:
            at = _clock(delivery.message, ctx.zone)
            return State.SENT_ELSEWHERE, None, say.SENT_ELSEWHERE_NOTE(time=at)
        if delivery.recovered:
            return State.OK, None, say.EARLIER_ATTEMPT()
        state, latency, note = await self._reply_check(ctx, target, info, delivery)
        if delivery.elsewhere:  # our duplicate was withdrawn; the reply check followed the winner
            at = _clock(delivery.message, ctx.zone)
            if state is State.REPLIED and latency is not None:
                note = say.REPLIED_IN(seconds=float(latency))
            return State.SENT_ELSEWHERE, latency, say.WITHDRAWN_NOTE(time=at, note=note or explain(state))
        return state, latency, note

    async def _reply_check(
        self, ctx: _Run, target: Target, info: ChannelInfo, delivery: _Delivery
    ) -> tuple[State, float | None, Message | None]:
        timeout = ctx.settings.reply_timeout_seconds
        if target.mention_id is None or timeout <= 0:
            return State.OK, None, None
        self._emit(ChannelStateChanged(target.uid, State.PENDING, "waiting for reply", ctx.run_id))
        try:
            reply = await asyncio.wait_for(
                self.port.wait_for_reply(info.id, target.mention_id, delivery.message, float(timeout)),
                timeout + 10.0,  # the port honours the timeout; this only guards against a hang
            )
        except (DiscordFailure, TimeoutError) as exc:
            reason = exc.explain() if isinstance(exc, DiscordFailure) else str(exc) or type(exc).__name__
            return State.NO_REPLY, None, say.REPLY_CHECK_FAILED(reason=reason)
        if reply is None:
            return State.NO_REPLY, None, say.NO_REPLY_WITHIN(seconds=timeout)
        return State.REPLIED, reply.latency_seconds, None

    # ----------------------------------------------------------------------- temporary channels

    async def _create_temp(self, ctx: _Run, target: Target) -> ChannelInfo:
        """Create the run's temporary channel; it is in the owned ledger before the create call returns."""

        async def record(channel: ChannelInfo) -> None:
            self.history.add_owned_channel(channel.id, channel.guild_id, self.clock.now(), ctx.run_id)

        info = await self.retry.call(
            partial(
                self.port.create_text_channel,
                target.guild_id,
                temporary_channel_name(ctx.slot),
                category_id=target.category_id,
                on_created=record,
            ),
            check=ctx.check,
            only=CREATE_RETRY,
        )
        if not self.history.is_owned(info.id):
            self._log(ctx.run_id, logging.WARNING, say.TEMP_LATE(channel=str(info.id)))
            await record(info)
        return info

    async def _delete_temp(self, ctx: _Run, channel: ChannelInfo) -> None:
        async with ctx.sem:
            try:
                await self.retry.call(partial(self.port.delete_owned_channel, channel.id))
            except DiscordFailure as failure:
                if failure.state is not State.MISSING:
                    self._log(
                        ctx.run_id,
                        logging.WARNING,
                        say.TEMP_NOT_DELETED(name=channel.name, reason=failure.explain()),
                    )
                    return
            except Exception as exc:
                self._log(
                    ctx.run_id, logging.WARNING, say.TEMP_DELETE_ERROR(name=channel.name, error=repr(exc))
                )
                return
            self.history.mark_owned_deleted(channel.id, self.clock.now())

    async def cleanup_orphans(self) -> int:
        """Delete temporary channels left behind by a crashed run; returns how many are now gone."""
        cleaned = 0
        for owned in self.history.owned_channels():
            if owned.run_id in self._active_runs:
                continue
            try:
                await self.retry.call(partial(self.port.delete_owned_channel, owned.channel_id))
            except DiscordFailure as failure:
                if failure.state in STOP_STATES:
                    self._log(None, logging.WARNING, say.ORPHANS_STOPPED(reason=failure.explain()))
                    break
                if failure.state is not State.MISSING:
                    self._log(
                        None,
                        logging.WARNING,
                        say.ORPHAN_NOT_DELETED(channel=str(owned.channel_id), reason=failure.explain()),
                    )
                    continue
            except Exception as exc:  # an unclassified adapter error: keep the entry for the next start
                self._log(
                    None,
                    logging.WARNING,
                    say.ORPHAN_NOT_DELETED(channel=str(owned.channel_id), reason=repr(exc)),
                )
                continue
            self.history.mark_owned_deleted(owned.channel_id, self.clock.now())
            self._log(
                None,
                logging.INFO,
                say.ORPHAN_REMOVED(channel=str(owned.channel_id), run=str(owned.run_id)),
            )
            cleaned += 1
        return cleaned

    # ----------------------------------------------------------------------- results

    def _record(
        self,
        ctx: _Run,
        target: Target,
        channel_id: int | None,
        state: State,
        *,
        code: int | None = None,
        note: Message | None = None,
        message_id: int | None = None,
        reply_latency: float | None = None,
    ) -> ChannelResult:
        result = ChannelResult(
            run_id=ctx.run_id,
            target_uid=target.uid,
            channel_id=channel_id,
            label=target.label,
            state=state,
            code=code,
            message=str(note or explain(state)),
            message_id=message_id,
            reply_latency=reply_latency,
            at=self.clock.now(),
            note=note,
        )
        self.history.add_result(ctx.run_id, result)
        level = logging.WARNING if state.is_failure else logging.INFO
        said = result.explanation()
        line = (
            say.RESULT_LINE(label=_label(target), state=STATE_WORDS[state], note=said)
            if reply_latency is None
            else say.RESULT_LINE_LATENCY(
                label=_label(target), state=STATE_WORDS[state], seconds=float(reply_latency), note=said
            )
        )
        self._log(ctx.run_id, level, line)
        self._emit(ChannelStateChanged(target.uid, state, result.message, ctx.run_id, said))
        return result

    # ----------------------------------------------------------------------- re-add

    async def readd_missing(self, config: Config, save: Callable[[Config], None]) -> ReaddReport:
        """Recreate configured channels that no longer exist and rebind the config (see ``core.readd``)."""
        return await readd_missing(
            self.port,
            self.history,
            self.clock,
            self.retry,
            config,
            save,
            lambda lvl, message: self._log(None, lvl, message),
        )


def _label(target: Target) -> Param:
    """How a target is named in a sentence: its channel name or ID, or "temporary channel" translated."""
    return target.label_message()


def _clock(message: SentMessage, zone: ZoneInfo) -> str:
    """When a message was sent, as the window shows it: local wall-clock time to the second."""
    return message.created_at.astimezone(zone).strftime("%H:%M:%S")


def _differs(target: Target, info: ChannelInfo) -> bool:
    if target.channel_id != info.id:
        return False
    return (target.name, target.category_id, target.topic, target.position) != (
        info.name,
        info.category_id,
        info.topic,
        info.position,
    )
