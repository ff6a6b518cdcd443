"""What a keep-alive run reports while it goes and when it ends: the events (one definition, used by the
engine, the scheduler and the service) and the run's report, with its summary as a message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from .errors import State
from .messages import Message, template

if TYPE_CHECKING:  # the window reads these events before its first paint: no SQLite nor zoneinfo for them
    from .history import ChannelResult
    from .ports import ChannelInfo
    from .schedule import Slot

_C = "Engine"


class Trigger(StrEnum):
    SCHEDULED = "scheduled"
    CATCH_UP = "catch_up"
    MANUAL = "manual"
    RETRY = "retry"


TRIGGER_NAMES: dict[Trigger, Message] = {
    Trigger.SCHEDULED: template(_C, "trigger.scheduled", "scheduled")(),
    Trigger.CATCH_UP: template(_C, "trigger.catch_up", "catch-up")(),
    Trigger.MANUAL: template(_C, "trigger.manual", "manual")(),
    Trigger.RETRY: template(_C, "trigger.retry", "retry")(),
}

# The states as a run's counts and log lines name them: in English the stable identifier (log files and
# scripts read "3 replied, 1 missing"), in other languages a word.
_S = "State"
STATE_WORDS: dict[State, Message] = {
    State.OK: template(_S, "state.word.ok", "ok")(),
    State.SENT: template(_S, "state.word.sent", "sent")(),
    State.REPLIED: template(_S, "state.word.replied", "replied")(),
    State.NO_REPLY: template(_S, "state.word.no_reply", "no_reply")(),
    State.MISSING: template(_S, "state.word.missing", "missing")(),
    State.NO_ACCESS: template(_S, "state.word.no_access", "no_access")(),
    State.RATE_LIMITED: template(_S, "state.word.rate_limited", "rate_limited")(),
    State.DISCORD_UNAVAILABLE: template(_S, "state.word.discord_unavailable", "discord_unavailable")(),
    State.NETWORK: template(_S, "state.word.network", "network")(),
    State.TOKEN_INVALID: template(_S, "state.word.token_invalid", "token_invalid")(),
    State.INTENTS_MISSING: template(_S, "state.word.intents_missing", "intents_missing")(),
    State.SKIPPED_DISABLED: template(_S, "state.word.skipped_disabled", "skipped_disabled")(),
    State.PENDING: template(_S, "state.word.pending", "pending")(),
    State.SENT_ELSEWHERE: template(_S, "state.word.sent_elsewhere", "sent_elsewhere")(),
}

_COUNT = template(_C, "run.count", "{count} {state}")
_LIST = template(_C, "list.more", "{first}, {rest}")
_ALREADY_DONE = template(_C, "run.count.already_done", "{count} already done")
_NOTHING = template(_C, "run.nothing_to_do", "nothing to do")
_SUMMARY = template(_C, "run.summary", "Run {run} ({trigger}, slot {slot}): {counts}.")


def listing(items: list[Message]) -> Message | None:
    """``a, b, c`` as one message: each language writes its own separator (Chinese "，")."""
    if not items:
        return None
    head = items[-1]
    for item in reversed(items[:-1]):
        head = _LIST(first=item, rest=head)
    return head


def counts_message(
    counts: Mapping[State, int], already_done: int = 0, *, names: Mapping[State, Message] = STATE_WORDS
) -> Message:
    """ "2 replied, 1 missing, 1 already done" (Chinese: "已回复 2，缺失 1，已完成 1"): the most frequent
    state first. ``names``: how the states are called (the window uses its lower-case state names)."""
    items = [
        _COUNT(count=n, state=names[state])
        for state, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].value))
        if n
    ]
    if already_done:
        items.append(_ALREADY_DONE(count=already_done))
    return listing(items) or _NOTHING()


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class RunStarted:
    """A run begins. ``run_id`` None: announced by the scheduler before the engine has recorded it."""

    run_id: int | None
    slot: Slot
    trigger: Trigger
    target_uids: tuple[str, ...] = ()  # the scheduler's choice; empty for every enabled target

    @property
    def slot_key(self) -> str:
        return self.slot.key


@dataclass(frozen=True)
class ChannelStateChanged:
    target_uid: str
    state: State
    detail: str  # English
    run_id: int | None = None
    note: Message | None = None  # ``detail`` as a message, rendered in the reader's language


@dataclass(frozen=True)
class LogEmitted:
    run_id: int | None
    level: str
    message: Message

    @property
    def text(self) -> str:
        """English (log files)."""
        return str(self.message)


@dataclass
class RunReport:
    run_id: int
    slot: Slot
    trigger: Trigger
    results: list[ChannelResult]
    started_at: datetime
    finished_at: datetime
    refreshed: dict[str, ChannelInfo] = field(default_factory=dict)
    """Targets whose channel differs from what the config remembers (apply with ``apply_refreshed``)."""
    skipped_done: list[str] = field(default_factory=list)
    """Targets not sent to because the slot was already done for them (or another run is sending it)."""

    @property
    def failed(self) -> bool:
        return any(r.state.is_failure for r in self.results)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    @property
    def counts(self) -> dict[State, int]:
        counts: dict[State, int] = {}
        for r in self.results:
            counts[r.state] = counts.get(r.state, 0) + 1
        return counts

    @property
    def outcome(self) -> str:
        if self.failed:
            return "failed"
        if any(r.state is State.NO_REPLY for r in self.results):
            return "warning"
        return "ok"

    def summary_message(self) -> Message:
        """ "Run 2 (manual, slot 2026-11-28): 2 replied, 1 missing." in the reader's language."""
        return _SUMMARY(
            run=self.run_id,
            trigger=TRIGGER_NAMES[Trigger(self.trigger)],
            slot=self.slot.key,
            counts=counts_message(self.counts, len(self.skipped_done)),
        )

    @property
    def summary(self) -> str:
        """The summary in English (log files, the command line without a translation)."""
        return str(self.summary_message())


@dataclass(frozen=True)
class RunFinished:
    report: RunReport


EngineEvent = RunStarted | ChannelStateChanged | RunFinished | LogEmitted
