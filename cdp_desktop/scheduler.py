"""The asyncio side of the scheduler: the wall-clock wake-up, wake-up detection, network wait, retries.

asyncio's and Qt's timers run on a monotonic clock that stops during suspend, so there is never one long
monotonic sleep to the slot. On Linux the loop waits on one absolute wall-clock alarm (a ``timerfd``, see
:mod:`cdp_desktop.wallclock`) armed for the next thing owed, the next slot or a retry, and nothing else: it
fires at the slot after a suspend too, and a clock change or a resume cancels it so that the schedule is
recomputed at once (logind's resume signal, :mod:`cdp_desktop.sleepwatch`, arrives through :meth:`resumed`).
Elsewhere, or when a test injects ``sleep``, the loop sleeps at most ``tick_seconds`` (and exactly until the
slot when it is nearer) and re-evaluates from the wall clock; a wall-clock jump or a late tick is a wake-up.
While a due run waits for the network the loop looks again every ``tick_seconds``: that timer exists only
while something is owed. Only plain asyncio is used, so the same code runs under qasync.

Decisions (pure) live in :mod:`cdp_desktop.core.schedule`; this module adds the memory a running process
has: what it already attempted for the current slot, which channels wait for a retry, and a decided run
that waits for the network.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .core.config import Config
from .core.engine import Engine, RunReport, Trigger
from .core.events import RunFinished as RunFinished  # re-exported: part of SchedulerEvent
from .core.events import RunStarted as RunStarted
from .core.history import History
from .core.ports import Clock
from .core.retry import backoff_delay
from .core.schedule import Slot, plan
from .wallclock import CLOCK_CHANGED, DUE, WallClockAlarm, kernel_realtime, make_alarm

log = logging.getLogger("cdp_desktop.scheduler")

IDLE = "idle"
RUNNING = "running"
WAITING_FOR_NETWORK = "waiting_for_network"
PAUSED = "paused"
RETRY_SCHEDULED = "retry_scheduled"


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class NextRunChanged:
    when: datetime | None  # aware, in the configured zone


@dataclass(frozen=True)
class StateChanged:
    state: str


@dataclass(frozen=True)
class WokeUp:
    """The wall clock jumped or a tick came late (suspend, clock change, blocked loop), the wall-clock alarm
    was cancelled by a clock change, or the system said it resumed from suspend."""

    reason: str  # "clock_jump" | "late_tick" | "clock_change" | "resume"
    wall_delta: float
    monotonic_delta: float


@dataclass(frozen=True)
class RetryScheduled:
    at: datetime
    target_uids: tuple[str, ...]
    attempt: int


SchedulerEvent = NextRunChanged | StateChanged | RunStarted | RunFinished | WokeUp | RetryScheduled


@dataclass(frozen=True)
class _Job:
    slot: Slot
    trigger: Trigger
    uids: frozenset[str]


class Scheduler:
    """Runs the keep-alive for each slot once per channel: on time, as a catch-up, or as a retry.

    ``paused`` starts from ``get_config().paused``; :meth:`pause`/:meth:`resume` change it (the caller
    persists it). Manual runs (:meth:`run_now`) work while paused.

    ``alarm``: "auto" uses the system's wall-clock alarm (:func:`cdp_desktop.wallclock.make_alarm`) unless
    ``sleep`` is injected, None forces the ``tick_seconds`` tick, or pass a :class:`WallClockAlarm`.
    ``evaluations`` counts the looks at the schedule (one per wake-up, whatever woke it).
    """

    def __init__(
        self,
        *,
        get_config: Callable[[], Config],
        history: History,
        engine: Engine,
        clock: Clock,
        reachable: Callable[[], Awaitable[bool]],
        on_event: Callable[[SchedulerEvent], None] | None = None,
        tick_seconds: float = 30.0,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        retry_base: float = 60.0,
        retry_cap: float = 1800.0,
        reachable_timeout: float = 30.0,
        alarm: WallClockAlarm | str | None = "auto",
    ) -> None:
        if not 0 < tick_seconds <= 30:
            raise ValueError("tick_seconds must be in (0, 30]")
        self.get_config = get_config
        self.history = history
        self.engine = engine  # replaced by the caller when the Discord client is recreated
        self.clock = clock
        self.reachable = reachable
        self.on_event = on_event
        self.tick_seconds = tick_seconds
        self.retry_base = retry_base
        self.retry_cap = retry_cap
        self.reachable_timeout = reachable_timeout
        # A slot whose fire time passed less than this ago, while we were watching, is "on time".
        self.grace = timedelta(seconds=max(300.0, 3 * tick_seconds))
        # Wall time may drift from monotonic time by this much per tick before it counts as a jump.
        self.jump_tolerance = 10.0
        self._sleep = sleep or asyncio.sleep
        # "auto": a wall-clock alarm where the system has one, unless a test drives time through ``sleep``.
        self._alarm_choice = alarm if alarm != "auto" else (None if sleep is not None else "auto")
        self._alarm: WallClockAlarm | None = None
        self._wake_reason: str | None = None  # why the next look happens, when a wake source told us
        self._before_sleep = False  # logind said the system is about to sleep; no resume seen since
        self._resume_counted = False  # an alarm cancel after that was taken as the resume
        self.evaluations = 0  # looks at the schedule so far (tests count recomputations)
        self._early_alarms = 0  # consecutive alarms that fired well before their instant
        self.paused = get_config().paused
        self.state = PAUSED if self.paused else IDLE
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._slot_key: str | None = None  # the slot the memory below belongs to
        self._attempted: set[str] = set()  # automatic attempts made for that slot by this process
        self._pending: _Job | None = None  # decided, waiting for the network
        self._retry_uids: set[str] = set()
        self._retry_at: datetime | None = None
        self._retry_attempt = 0
        self._last_wall: datetime | None = None  # wall time of the previous look at the schedule
        self._probe: tuple[datetime, float] | None = None  # (wall, monotonic) at the previous tick
        self._sleep_started = 0.0
        self._expected_sleep = 0.0
        self._next_run: datetime | None = None
        self._given_up_memo: tuple[str, set[str]] | None = None  # (slot key, uids) until the next run

    # ----------------------------------------------------------------------- public API

    def wake(self) -> None:
        """Re-evaluate now (config changed, resumed, network back)."""
        self._wake.set()

    def going_to_sleep(self) -> None:
        """The system is about to suspend (logind's PrepareForSleep(true))."""
        self._before_sleep = True
        self._resume_counted = False

    def resumed(self) -> None:
        """The system resumed from suspend (logind's PrepareForSleep(false)): recompute now, and retry failed
        channels at once.

        The kernel cancels the wall-clock alarm on resume as well, usually before logind's signal arrives;
        that cancel is then taken as the resume, and this signal adds no second recomputation."""
        if self._resume_counted:
            self._resume_counted = False
            return
        self._before_sleep = False
        self._wake_reason = "resume"
        self.wake()

    def forget_attempts(self, uids: set[str]) -> None:
        """Let these targets be tried again for the current slot (e.g. their channel was just re-added)."""
        self._attempted -= uids
        self._given_up_memo = None
        self.wake()

    def pause(self) -> None:
        self.paused = True
        self._set_state(PAUSED)
        self.wake()

    def resume(self) -> None:
        self.paused = False
        self._set_state(RETRY_SCHEDULED if self._retry_uids else IDLE)
        self.wake()

    def next_run(self) -> datetime | None:
        """Fire time (jitter included) of the first slot after now, in the configured zone.

        Returned even while paused or without enabled targets; ``paused`` tells whether it will run.
        """
        settings = self.get_config().settings
        zone = settings.zone()
        slot = settings.next_slot(self.clock.now())
        return slot.fire_at.astimezone(zone)

    def catch_up_due(self) -> bool:
        """A missed slot is owed and would run as a catch-up now (False while paused)."""
        if self.paused:
            return False
        if self._pending is not None:
            return self._pending.trigger is Trigger.CATCH_UP
        job = self._plan(self.get_config(), self.clock.now())
        return job is not None and job.trigger is Trigger.CATCH_UP

    async def run_now(self, force: bool = False) -> RunReport:
        """Every enabled target for the current slot, skipping done pairs unless ``force``.

        Serialised with automatic runs. Channels ending in a transient failure join the retry schedule.
        """
        config = self.get_config()
        settings = config.settings
        now = self.clock.now()
        slot = settings.current_slot(now)
        uids = frozenset(t.uid for t in config.enabled_targets())
        async with self._lock:
            self._track_slot(slot)
            previous = self.state
            self._set_state(RUNNING)
            self._emit(RunStarted(None, slot, Trigger.MANUAL, ()))
            try:
                report = await self.engine.run(config, slot, Trigger.MANUAL, force=force)
            except BaseException:
                self._set_state(previous)
                raise
            self._attempted |= uids
            self._after_run(_Job(slot, Trigger.MANUAL, uids), report)
            self._emit(RunFinished(report))
        self.wake()
        return report

    async def run(self, stop: asyncio.Event) -> None:
        """The driver loop. Returns promptly when ``stop`` is set, cancelling a run in progress."""
        stopper: asyncio.Future[Any] = asyncio.ensure_future(stop.wait())
        owned = make_alarm() if self._alarm_choice == "auto" else None
        self._alarm = owned or (
            self._alarm_choice if isinstance(self._alarm_choice, WallClockAlarm) else None
        )
        try:
            while not stop.is_set():
                tick: asyncio.Future[Any] = asyncio.ensure_future(self._tick())
                await asyncio.wait({tick, stopper}, return_when=asyncio.FIRST_COMPLETED)
                if not tick.done():
                    tick.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await tick
                    break
                if tick.cancelled():
                    break
                if (error := tick.exception()) is not None:
                    log.error("scheduler tick failed", exc_info=error)
                if stop.is_set():
                    break
                await self._wait(self._delay(), stopper)
        finally:
            stopper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await stopper
            if owned is not None:
                owned.close()
            self._alarm = None

    # ----------------------------------------------------------------------- the loop

    async def _wait(self, delay: float, stopper: asyncio.Future[Any]) -> None:
        deadline = self._deadline()
        if self._alarm is not None and deadline is not None:
            delay = max((deadline - self.clock.now()).total_seconds(), 0.0)
        self._expected_sleep = delay
        self._sleep_started = self.clock.monotonic()
        if self._alarm is not None and deadline is not None:
            alarm = self._alarm.wait_until(self._epoch(deadline))
            sleeper: asyncio.Future[Any] = asyncio.ensure_future(alarm)
        else:
            sleeper = asyncio.ensure_future(self._sleep(delay))
        waker: asyncio.Future[Any] = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                task.cancel()
            results = await asyncio.gather(sleeper, waker, return_exceptions=True)
        if results[0] == CLOCK_CHANGED and self._wake_reason is None:
            self._wake_reason = "clock_change"
        elif results[0] == DUE and deadline is not None:
            early = (deadline - self.clock.now()).total_seconds()
            self._early_alarms = self._early_alarms + 1 if early > 1.0 else 0
            if self._early_alarms >= 3:  # the alarm and our clock disagree: never spin on it
                log.warning("the wall-clock alarm fires %.0f s early; ticking instead", early)
                self._alarm = None
        elif isinstance(results[0], OSError):
            log.warning("the wall-clock alarm failed (%s); ticking instead", results[0])
            self._alarm = None

    def _deadline(self) -> datetime | None:
        """With the wall-clock alarm: the next instant something is owed (the slot or a retry); None while
        a due run waits for the network (that wait keeps its tick, and ends early when Discord connects)."""
        if self.state == WAITING_FOR_NETWORK:
            return None
        deadline = self._next_run
        if self._retry_at is not None and not self.paused:
            deadline = self._retry_at if deadline is None else min(deadline, self._retry_at)
        return deadline

    def _epoch(self, when: datetime) -> float:
        """``when`` (on the scheduler's clock) as seconds since the epoch on the kernel's wall clock.

        The same instant for the system clock; an injected or shifted clock is carried over by its offset."""
        return kernel_realtime() + (when - self.clock.now()).total_seconds()

    def _delay(self) -> float:
        """Seconds until the next look: at most a tick, exactly until the slot or a retry when nearer."""
        if self.state == WAITING_FOR_NETWORK:
            return self.tick_seconds
        now = self.clock.now()
        delay = self.tick_seconds
        if self._next_run is not None:
            delay = min(delay, (self._next_run - now).total_seconds())
        if self._retry_at is not None and not self.paused:
            delay = min(delay, (self._retry_at - now).total_seconds())
        return max(delay, 0.05)

    async def _tick(self) -> None:
        self._wake.clear()  # a wake() from here on asks for another look
        self.evaluations += 1
        now = self.clock.now()
        woke = self._woken_by_source(now) or self._detect_wake(now, self.clock.monotonic())
        config = self.get_config()
        settings = config.settings
        zone = settings.zone()
        slot = settings.current_slot(now)
        self._track_slot(slot)
        self._set_next_run(settings.next_slot(now).fire_at.astimezone(zone))
        if self.paused:
            self._last_wall = now
            self._set_state(PAUSED)
            return
        if woke and self._retry_uids:
            self._retry_at = now  # the network may have changed: try the failed channels again now
        job = self._pending or self._due_retry(now) or self._plan(config, now)
        self._last_wall = now
        if job is None:
            self._set_state(RETRY_SCHEDULED if self._retry_uids else IDLE)
            return
        if not await self._is_reachable():
            if self._pending is None:
                log.info("slot %s is due (%s); waiting for the network", job.slot.key, job.trigger.value)
            self._pending = job
            self._set_state(WAITING_FOR_NETWORK)
            return
        self._pending = None
        await self._execute(job)

    def _woken_by_source(self, now: datetime) -> bool:
        """A wake source (alarm cancelled by a clock change, logind's resume) asked for this look."""
        reason, self._wake_reason = self._wake_reason, None
        if reason is None:
            return False
        if reason == "clock_change" and self._before_sleep:
            # the kernel cancels the alarm on resume too: this is the resume; logind's signal follows
            reason, self._before_sleep, self._resume_counted = "resume", False, True
        mono = self.clock.monotonic()
        probe, self._probe = self._probe, (now, mono)
        wall_delta = (now - probe[0]).total_seconds() if probe else 0.0
        mono_delta = mono - probe[1] if probe else 0.0
        log.info("wake-up (%s): wall %+.0f s, monotonic %+.0f s", reason, wall_delta, mono_delta)
        self._emit(WokeUp(reason, wall_delta, mono_delta))
        return True

    def _detect_wake(self, now: datetime, mono: float) -> bool:
        """Wall time moved unlike monotonic time since the last tick, or the last sleep overran."""
        probe, self._probe = self._probe, (now, mono)
        if probe is None:
            return False
        wall_delta = (now - probe[0]).total_seconds()
        mono_delta = mono - probe[1]
        slept = mono - self._sleep_started
        if abs(wall_delta - mono_delta) > self.jump_tolerance:
            reason = "clock_jump"
        elif slept > self._expected_sleep + max(5.0, self.tick_seconds):
            reason = "late_tick"
        else:
            return False
        log.info("wake-up (%s): wall %+.0f s, monotonic %+.0f s", reason, wall_delta, mono_delta)
        self._emit(WokeUp(reason, wall_delta, mono_delta))
        return True

    def _track_slot(self, slot: Slot) -> None:
        """Forget the previous slot's attempts and retries when the current slot changes (coalescing)."""
        if slot.key == self._slot_key:
            return
        self._slot_key = slot.key
        self._attempted.clear()
        self._clear_retries()
        if self._pending is not None and self._pending.slot.key != slot.key:
            self._pending = None

    def _plan(self, config: Config, now: datetime) -> _Job | None:
        settings = config.settings
        slot = settings.current_slot(now)
        skip = self.history.done_uids(slot.key)
        if slot.key == self._slot_key:
            skip |= self._attempted
        due = plan(now, settings, config.targets, skip, last_fire_seen=self._last_wall, grace=self.grace)
        if due is None:
            return None
        uids = frozenset(t.uid for t in due.targets) - self._given_up(due.slot)
        if not uids:
            return None
        return _Job(due.slot, Trigger.CATCH_UP if due.catch_up else Trigger.SCHEDULED, uids)

    def _given_up(self, slot: Slot) -> set[str]:
        """Targets whose latest result for this slot is a permanent failure: not retried automatically.

        Memoised per slot until the next run finishes: results only change through runs, and an idle app
        should not read its whole history on every tick."""
        if self._given_up_memo is not None and self._given_up_memo[0] == slot.key:
            return self._given_up_memo[1]
        channel_of = {t.uid: t.channel_id for t in self.get_config().targets}
        given_up = {
            uid
            for uid, result in self.history.latest_results().items()
            if result.at >= slot.at
            and result.state.is_failure
            and not result.state.is_transient
            # a re-added channel is a new channel: the old one's failure does not count against it
            and result.channel_id in (None, channel_of.get(uid))
        }
        self._given_up_memo = (slot.key, given_up)
        return given_up

    def _due_retry(self, now: datetime) -> _Job | None:
        if not self._retry_uids or self._retry_at is None or self._retry_at > now or self._slot_key is None:
            return None
        config = self.get_config()
        settings = config.settings
        slot = settings.current_slot(now)
        return _Job(slot, Trigger.RETRY, frozenset(self._retry_uids))

    async def _is_reachable(self) -> bool:
        try:
            return bool(await asyncio.wait_for(self.reachable(), self.reachable_timeout))
        except asyncio.CancelledError:
            raise
        except Exception:
            log.info("reachability check failed", exc_info=True)
            return False

    async def _execute(self, job: _Job) -> None:
        async with self._lock:
            config = self.get_config()
            done = self.history.done_uids(job.slot.key)
            targets = [t for t in config.targets if t.enabled and t.uid in job.uids and t.uid not in done]
            self._retry_uids -= job.uids - {t.uid for t in targets}
            if not targets:
                if not self._retry_uids:
                    self._clear_retries()
                self._set_state(RETRY_SCHEDULED if self._retry_uids else IDLE)
                return
            uids = frozenset(t.uid for t in targets)
            self._attempted |= uids
            self._set_state(RUNNING)
            self._emit(RunStarted(None, job.slot, job.trigger, tuple(sorted(uids))))
            log.info("running slot %s (%s) for %d channel(s)", job.slot.key, job.trigger.value, len(uids))
            report: RunReport | None = None
            try:
                report = await self.engine.run(config, job.slot, job.trigger, targets=targets)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("keep-alive run for slot %s failed", job.slot.key)
            self._after_run(_Job(job.slot, job.trigger, uids), report)
            if report is not None:
                self._emit(RunFinished(report))

    def _after_run(self, job: _Job, report: RunReport | None) -> None:
        """Schedule the channels that failed transiently (or all, when the run itself broke) for a retry."""
        self._given_up_memo = None
        if job.slot.key != self._slot_key:
            return
        if report is None:
            failed = set(job.uids)
        else:
            failed = {r.target_uid for r in report.results if r.state.is_transient}
        self._retry_uids = (self._retry_uids - job.uids) | failed
        if not self._retry_uids:
            self._clear_retries()
            self._set_state(PAUSED if self.paused else IDLE)
            return
        self._retry_attempt += 1
        delay = backoff_delay(self._retry_attempt, base=self.retry_base, cap=self.retry_cap)
        self._retry_at = self.clock.now() + timedelta(seconds=delay)
        log.info("retrying %d channel(s) in %.0f s", len(self._retry_uids), delay)
        self._emit(RetryScheduled(self._retry_at, tuple(sorted(self._retry_uids)), self._retry_attempt))
        self._set_state(PAUSED if self.paused else RETRY_SCHEDULED)

    def _clear_retries(self) -> None:
        self._retry_uids = set()
        self._retry_at = None
        self._retry_attempt = 0

    # ----------------------------------------------------------------------- events

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self._emit(StateChanged(state))

    def _set_next_run(self, when: datetime) -> None:
        if when != self._next_run:
            self._next_run = when
            self._emit(NextRunChanged(when))

    def _emit(self, event: SchedulerEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # a broken listener must not stop the schedule
            log.exception("scheduler event listener failed")
