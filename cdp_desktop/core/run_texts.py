"""What a keep-alive run writes to its log and results: one template per sentence (``core.messages``),
rendered in the reader's language when shown and in English in the log files."""

from __future__ import annotations

from .messages import Message, template

_C = "Engine"

RUN_STARTED = template(
    _C, "run.started", "Run {run} started: slot {slot}, {trigger}, %n channel(s)", plural="count"
)
RUN_STARTED_FORCED = template(
    _C,
    "run.started_forced",
    "Run {run} started: slot {slot}, {trigger}, %n channel(s), forced",
    plural="count",
)
STEP_VERIFY = template(_C, "step.verify", "verify")
STEP_CHECK = template(_C, "step.channel_check", "channel check")
STEP_SEND = template(_C, "step.send", "send")
RETRYING = template(_C, "run.retrying", "{label}: {step}: {state} ({reason}); retry {attempt} in {seconds} s")
NOT_ATTEMPTED = template(_C, "run.not_attempted", "Not attempted: {reason}")
STOPPING = template(_C, "run.stopping", "{reason}: stopping this run.")
OTHER_RUN = template(_C, "run.other_run_sending", "{label}: another run is sending slot {slot} now.")
OTHER_PROCESS = template(
    _C, "run.other_process_sending", "{label}: another process of this home is sending slot {slot} now."
)
UNEXPECTED = template(_C, "run.unexpected_error", "Unexpected error: {error}")
ALREADY_DELIVERED = template(
    _C, "run.already_delivered", "{label}: slot {slot} was already delivered; not sending again."
)
FOUND_ELSEWHERE = template(
    _C,
    "run.found_elsewhere",
    "{label}: slot {slot} was sent by another machine at {time} (message {message}); not sending.",
)
SETTLE_FAILED = template(
    _C,
    "run.settle_failed",
    "{label}: could not look for a simultaneous send by another machine ({reason}).",
)
WITHDRAW_FAILED = template(
    _C,
    "run.withdraw_failed",
    "{label}: another machine sent slot {slot} first, and our duplicate {message} could not be withdrawn"
    " ({reason}).",
)
WITHDRAWN = template(
    _C,
    "run.withdrawn",
    "{label}: another machine sent slot {slot} at {time} (message {winner}), just before us;"
    " duplicate {message} withdrawn.",
)
SENT_ELSEWHERE_NOTE = template(
    _C, "result.sent_elsewhere", "Sent by another machine at {time}; nothing sent from here."
)
EARLIER_ATTEMPT = template(
    _C, "result.earlier_attempt", "Delivered by an earlier attempt; reply not checked."
)
WITHDRAWN_NOTE = template(
    _C, "result.withdrawn", "Sent by another machine at {time}; our duplicate was withdrawn. {note}"
)
REPLIED_IN = template(_C, "result.replied_in", "The target bot replied in {seconds} s.")
REPLY_CHECK_FAILED = template(_C, "result.reply_check_failed", "Reply check failed: {reason}")
NO_REPLY_WITHIN = template(_C, "result.no_reply_within", "No reply within {seconds} s.")
RESULT_LINE = template(_C, "run.result", "{label}: {state} \u2014 {note}")
RESULT_LINE_LATENCY = template(_C, "run.result_latency", "{label}: {state} in {seconds} s \u2014 {note}")
TEMP_LATE = template(_C, "temp.recorded_late", "Temporary channel {channel} was recorded late.")
TEMP_NOT_DELETED = template(
    _C,
    "temp.not_deleted",
    "Temporary channel #{name} could not be deleted ({reason}); it is removed at the next start.",
)
TEMP_DELETE_ERROR = template(_C, "temp.delete_error", "Temporary channel #{name} not deleted: {error}")
ORPHANS_STOPPED = template(_C, "orphans.stopped", "Orphan cleanup stopped: {reason}")
ORPHAN_NOT_DELETED = template(_C, "orphans.not_deleted", "Temporary channel {channel} not deleted: {reason}")
ORPHAN_REMOVED = template(_C, "orphans.removed", "Removed temporary channel {channel} left by run {run}.")


# How a target without a name or channel is called; its context is the configuration's, where it was born.
TEMPORARY_LABEL = template("ConfigError", "target.temporary", "temporary channel")


def shown_label(label: str) -> Message | str:
    """A label as results store it (English) as a sentence parameter: "temporary channel" becomes its message
    again, so it reads in the reader's language; ``#name`` and IDs stay as they are."""
    return TEMPORARY_LABEL() if label == str(TEMPORARY_LABEL()) else label
