"""The error taxonomy users see, and the exception the adapters raise into the core.

Every state has a one-line explanation and, where one exists, the action that fixes it. The texts are
marked with ``QT_TRANSLATE_NOOP`` (a no-op here, so the core stays free of Qt) and translated by the
shell with ``QCoreApplication.translate("State", text)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


@dataclass(frozen=True)
class Explanation:
    summary: str
    action: str | None


EXPLANATIONS: dict[State, Explanation] = {
    State.OK: Explanation(QT_TRANSLATE_NOOP("State", "Keep-alive message sent."), None),
    State.SENT: Explanation(
        QT_TRANSLATE_NOOP(
            "State",
            "Keep-alive sent; the reply check did not finish, so whether the target bot replied is unknown.",
        ),
        None,
    ),
    State.REPLIED: Explanation(
        QT_TRANSLATE_NOOP("State", "Keep-alive sent and the target bot replied."), None
    ),
    State.NO_REPLY: Explanation(
        QT_TRANSLATE_NOOP("State", "Keep-alive sent, but the target bot did not reply in time."),
        QT_TRANSLATE_NOOP(
            "State",
            "Check that the target bot is online and answers mentions from other bots (Coze may ignore bots).",  # noqa: E501
        ),
    ),
    State.MISSING: Explanation(
        QT_TRANSLATE_NOOP("State", "The channel no longer exists on Discord."),
        QT_TRANSLATE_NOOP("State", "Use \u201cRe-add missing channels\u201d to recreate it."),
    ),
    State.NO_ACCESS: Explanation(
        QT_TRANSLATE_NOOP("State", "The bot cannot see or write to this channel."),
        QT_TRANSLATE_NOOP("State", "Give the bot View Channel and Send Messages in this channel."),
    ),
    State.RATE_LIMITED: Explanation(
        QT_TRANSLATE_NOOP("State", "Discord is rate limiting the bot."),
        QT_TRANSLATE_NOOP("State", "Nothing to do: the app retries later today."),
    ),
    State.DISCORD_UNAVAILABLE: Explanation(
        QT_TRANSLATE_NOOP("State", "Discord returned a server error."),
        QT_TRANSLATE_NOOP("State", "Nothing to do: the app retries later today."),
    ),
    State.NETWORK: Explanation(
        QT_TRANSLATE_NOOP("State", "Discord could not be reached."),
        QT_TRANSLATE_NOOP("State", "Check the network connection and the proxy setting; the app retries."),
    ),
    State.TOKEN_INVALID: Explanation(
        QT_TRANSLATE_NOOP("State", "Discord rejected the bot token."),
        QT_TRANSLATE_NOOP("State", "Enter a new token from the Discord Developer Portal."),
    ),
    State.INTENTS_MISSING: Explanation(
        QT_TRANSLATE_NOOP("State", "Discord refused the privileged intents the app asked for."),
        QT_TRANSLATE_NOOP("State", "Enable the Server Members and Presence intents in the Developer Portal."),
    ),
    State.SKIPPED_DISABLED: Explanation(QT_TRANSLATE_NOOP("State", "The channel is disabled."), None),
    State.PENDING: Explanation(QT_TRANSLATE_NOOP("State", "Not run yet for the current day."), None),
    State.SENT_ELSEWHERE: Explanation(
        QT_TRANSLATE_NOOP(
            "State",
            "Sent by another machine or process for this day (found in the channel); nothing more was sent.",
        ),
        None,
    ),
}


class CdpError(Exception):
    """Base of the app's own errors; ``str(exc)`` is a message fit for the user."""


class SetupError(CdpError):
    """The run cannot start at all (no token, unreachable API, invalid configuration)."""

    def __init__(self, message: str, state: State | None = None) -> None:
        super().__init__(message)
        self.state = state


@dataclass
class DiscordFailure(CdpError):
    """A classified failure of a Discord call, raised by the Discord adapter into the core."""

    state: State
    message: str = ""
    code: int | None = None
    status: int | None = None
    retry_after: float | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message or self.state.value)

    def __str__(self) -> str:
        return self.message or EXPLANATIONS[self.state].summary
