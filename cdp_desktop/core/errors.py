"""The error taxonomy users see, and the exception the adapters raise into the core.

Every state has a one-line explanation and, where one exists, the action that fixes it, as messages
(``core.messages``) rendered in the reader's language by the window and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .messages import Message, template, verbatim


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name is what pyside6-lupdate looks for
    """Mark ``text`` for translation in ``context`` without translating it (translation happens in the UI)."""
    return text


class State(StrEnum):
    """Outcome of a keep-alive for one channel (also the stable ``--json`` vocabulary)."""

    OK = "ok"
    SENT = "sent"  # delivered; no reply check finished (killed during the wait, or still waiting)
    REPLIED = "replied"
    NO_REPLY = "no_reply"
    MISSING = "missing"
    NO_ACCESS = "no_access"
    RATE_LIMITED = "rate_limited"
    DISCORD_UNAVAILABLE = "discord_unavailable"
    NETWORK = "network"
    TOKEN_INVALID = "token_invalid"
    INTENTS_MISSING = "intents_missing"
    SKIPPED_DISABLED = "skipped_disabled"
    PENDING = "pending"
    SENT_ELSEWHERE = "sent_elsewhere"  # the slot's message was found in the channel, sent by another machine

    @property
    def is_success(self) -> bool:
        """The keep-alive message was delivered (a missing reply is only a warning)."""
        return self in SUCCESS_STATES

    @property
    def is_failure(self) -> bool:
        return self in FAILURE_STATES

    @property
    def is_transient(self) -> bool:
        """Worth retrying later in the same day."""
        return self in TRANSIENT_STATES


SUCCESS_STATES = frozenset({State.OK, State.SENT, State.REPLIED, State.NO_REPLY, State.SENT_ELSEWHERE})
TRANSIENT_STATES = frozenset({State.RATE_LIMITED, State.DISCORD_UNAVAILABLE, State.NETWORK})
PERMANENT_STATES = frozenset({State.MISSING, State.NO_ACCESS, State.TOKEN_INVALID, State.INTENTS_MISSING})
FAILURE_STATES = TRANSIENT_STATES | PERMANENT_STATES
WARNING_STATES = frozenset({State.NO_REPLY})


_S = "State"


@dataclass(frozen=True)
class Explanation:
    """What a state means (``what``) and the action that fixes it (``fix``), as messages the UI and the
    command line render in their language; ``summary``/``action`` are the English words (``--json``, logs)."""

    what: Message
    fix: Message | None = None

    @property
    def summary(self) -> str:
        return str(self.what)

    @property
    def action(self) -> str | None:
        return None if self.fix is None else str(self.fix)

    def message(self) -> Message:
        """The explanation and its fix as one text (each language joins its sentences its own way)."""
        return self.what if self.fix is None else _WITH_FIX(what=self.what, fix=self.fix)


_WITH_FIX = template(_S, "state.with_fix", "{what} {fix}")
_RETRIES_LATER = template(_S, "state.fix.retries_later", "Nothing to do: the app retries later today.")

EXPLANATIONS: dict[State, Explanation] = {
    State.OK: Explanation(template(_S, "state.ok", "Keep-alive message sent.")()),
    State.SENT: Explanation(
        template(
            _S,
            "state.sent",
            "Keep-alive sent; the reply check did not finish, so whether the target bot replied is unknown.",
        )()
    ),
    State.REPLIED: Explanation(
        template(_S, "state.replied", "Keep-alive sent and the target bot replied.")()
    ),
    State.NO_REPLY: Explanation(
        template(_S, "state.no_reply", "Keep-alive sent, but the target bot did not reply in time.")(),
        template(
            _S,
            "state.fix.no_reply",
            "Check that the target bot is online and answers mentions from other bots (Coze may ignore bots).",  # noqa: E501
        )(),
    ),
    State.MISSING: Explanation(
        template(_S, "state.missing", "The channel no longer exists on Discord.")(),
        template(_S, "state.fix.missing", "Use \u201cRe-add missing channels\u201d to recreate it.")(),
    ),
    State.NO_ACCESS: Explanation(
        template(_S, "state.no_access", "The bot cannot see or write to this channel.")(),
        template(_S, "state.fix.no_access", "Give the bot View Channel and Send Messages in this channel.")(),
    ),
    State.RATE_LIMITED: Explanation(
        template(_S, "state.rate_limited", "Discord is rate limiting the bot.")(), _RETRIES_LATER()
    ),
    State.DISCORD_UNAVAILABLE: Explanation(
        template(_S, "state.discord_unavailable", "Discord returned a server error.")(), _RETRIES_LATER()
    ),
    State.NETWORK: Explanation(
        template(_S, "state.network", "Discord could not be reached.")(),
        template(
            _S, "state.fix.network", "Check the network connection and the proxy setting; the app retries."
        )(),
    ),
    State.TOKEN_INVALID: Explanation(
        template(_S, "state.token_invalid", "Discord rejected the bot token.")(),
        template(_S, "state.fix.token_invalid", "Enter a new token from the Discord Developer Portal.")(),
    ),
    State.INTENTS_MISSING: Explanation(
        template(_S, "state.intents_missing", "Discord refused the privileged intents the app asked for.")(),
        template(
            _S,
            "state.fix.intents_missing",
            "Enable the Server Members and Presence intents in the Developer Portal.",
        )(),
    ),
    State.SKIPPED_DISABLED: Explanation(template(_S, "state.skipped_disabled", "The channel is disabled.")()),
    State.PENDING: Explanation(template(_S, "state.pending", "Not run yet for the current day.")()),
    State.SENT_ELSEWHERE: Explanation(
        template(
            _S,
            "state.sent_elsewhere",
            "Sent by another machine or process for this day (found in the channel); nothing more was sent.",
        )()
    ),
}

# Short names of the states, as badges and run summaries show them.
STATE_NAMES: dict[State, Message] = {
    State.OK: template(_S, "state.name.ok", "Sent")(),
    State.SENT: template(_S, "state.name.sent", "Sent, reply unknown")(),
    State.REPLIED: template(_S, "state.name.replied", "Replied")(),
    State.NO_REPLY: template(_S, "state.name.no_reply", "No reply")(),
    State.MISSING: template(_S, "state.name.missing", "Missing")(),
    State.NO_ACCESS: template(_S, "state.name.no_access", "No access")(),
    State.RATE_LIMITED: template(_S, "state.name.rate_limited", "Rate limited")(),
    State.DISCORD_UNAVAILABLE: template(_S, "state.name.discord_unavailable", "Discord down")(),
    State.NETWORK: template(_S, "state.name.network", "Network")(),
    State.TOKEN_INVALID: template(_S, "state.name.token_invalid", "Token invalid")(),
    State.INTENTS_MISSING: template(_S, "state.name.intents_missing", "Intents missing")(),
    State.SKIPPED_DISABLED: template(_S, "state.name.skipped_disabled", "Disabled")(),
    State.PENDING: template(_S, "state.name.pending", "Pending")(),
    State.SENT_ELSEWHERE: template(_S, "state.name.sent_elsewhere", "Other machine")(),
}


def explain(state: State) -> Message:
    """The one-line explanation of ``state``."""
    return EXPLANATIONS[state].what


class CdpError(Exception):
    """Base of the app's own errors; ``str(exc)`` is a message fit for the user."""


class MessageError(CdpError):
    """An error that says what is wrong as a :class:`Message` (``message``), rendered in the reader's
    language; ``str(exc)`` is its English sentence (log files, ``--json``)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class SetupError(CdpError):
    """The run cannot start at all (no token, unreachable API, invalid configuration)."""

    def __init__(self, message: str | Message, state: State | None = None) -> None:
        super().__init__(message)
        self.state = state


@dataclass
class DiscordFailure(CdpError):
    """A classified failure of a Discord call, raised by the Discord adapter into the core.

    ``message`` says what went wrong when it is more than the state's explanation: a :class:`Message`, or
    plain text (Discord's own words). ``str(failure)`` is English; ``explain()`` is the message to render."""

    state: State
    message: str | Message = ""
    code: int | None = None
    status: int | None = None
    retry_after: float | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self.message) or self.state.value)

    def __str__(self) -> str:
        return str(self.message) or EXPLANATIONS[self.state].summary

    def explain(self) -> Message:
        if isinstance(self.message, Message):
            return self.message
        return verbatim(self.message) if self.message else EXPLANATIONS[self.state].what
