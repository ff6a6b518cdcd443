"""The records the history store reads and writes: one result, one ledger entry, one run, one day's row, one
log line, one owned channel, one re-add mapping. A result and a log line keep what was said as a message
(``core.messages``), with the English text for older readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from .errors import EXPLANATIONS, State
from .messages import Message, message_from_json, verbatim


@dataclass(frozen=True)
class ChannelResult:
    """What happened to one target in one run."""

    run_id: int
    target_uid: str
    channel_id: int | None
    label: str
    state: State
    code: int | None = None
    message: str = ""  # English (``--json``, old readers)
    message_id: int | None = None
    reply_latency: float | None = None
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    note: Message | None = None  # what ``message`` says, when it says more than the state's explanation

    def explanation(self) -> Message:
        """What to show for this result in the reader's language (old rows: their English text)."""
        return _explanation(self.state, self.note, self.message)

    @property
    def has_detail(self) -> bool:
        """Whether the result says more than its state's own explanation."""
        return _has_detail(self.state, self.note, self.message)


def _explanation(state: State | str, note: Message | None, message: str | None) -> Message:
    if note is not None:
        return note
    try:
        known = EXPLANATIONS[State(state)]
    except (ValueError, KeyError):
        return verbatim(message or str(state))
    return verbatim(message) if message and message != known.summary else known.what


def _has_detail(state: State | str, note: Message | None, message: str | None) -> bool:
    try:
        known = EXPLANATIONS[State(state)]
    except (ValueError, KeyError):
        return bool(message)
    if note is not None:
        return note != known.what
    return bool(message) and message != known.summary


@dataclass(frozen=True)
class SendRecord:
    """The exactly-once ledger entry of one (target, slot). ``message_id`` None: intent only."""

    target_uid: str
    slot_key: str
    channel_id: int
    marker: str
    intent_at: datetime
    message_id: int | None
    sent_at: datetime | None
    owner: str | None = None
    origin: str = "self"
    withdrawn_id: int | None = None

    @property
    def by_other(self) -> bool:
        """The slot's message was sent by another machine or process (found in the channel)."""
        return self.origin == "other"


@dataclass(frozen=True)
class RunRecord:
    id: int
    slot_key: str
    slot_at: datetime
    trigger: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str | None
    counts: dict[State, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class DayRow(NamedTuple):
    """One result of a run with the slot (local date) it belongs to, as SQLite holds it (IDs and times as
    text: the strip of 500 channels reads 15,000 of these, and converts only the days someone looks at).
    ``target_uid`` None: a run without any result (it still proves the app was running that day)."""

    slot_key: str
    run_id: int
    target_uid: str | None
    channel_id: str | None = None
    state: str | None = None  # a state this version does not know is still shown
    code: int | None = None
    message: str | None = None
    message_id: str | None = None
    reply_latency: float | None = None
    at: str | None = None  # fixed-width UTC ISO text
    sent_at: str | None = None  # from the send ledger (only when asked for): when the message went out
    message_json: str | None = None  # the structured ``message`` (rows written before schema 4: None)

    def explanation(self) -> Message:
        """What to show for this result in the reader's language (old rows: their English text)."""
        return _explanation(self.state or "", message_from_json(self.message_json), self.message)

    @property
    def has_detail(self) -> bool:
        """Whether the result says more than its state's own explanation."""
        return _has_detail(self.state or "", message_from_json(self.message_json), self.message)


@dataclass(frozen=True)
class LogLine:
    run_id: int | None
    at: datetime
    level: str
    text: str  # English (log files, ``--json``, old readers)
    body: Message | None = None  # the structured line (lines written before schema 4: None)

    def message(self) -> Message:
        """The line in the reader's language: its message, or its English text for older lines."""
        return self.body if self.body is not None else verbatim(self.text)


@dataclass(frozen=True)
class OwnedChannel:
    channel_id: int
    guild_id: int
    created_at: datetime
    run_id: int | None
    deleted_at: datetime | None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class Rebind:
    target_uid: str
    old_channel_id: int
    new_channel_id: int
    at: datetime
