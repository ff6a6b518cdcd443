"""The notification policy: which results deserve a notice, grouped how, and how often.

A run raises at most one notice per kind (a summary over its channels), and only when some channel in it was
not notified of that kind today: each channel is claimed per kind and day in the history, so a repeating
failure stays quiet and a channel that starts failing later in the day is still heard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from ..core.errors import State
from ..core.history import ChannelResult, History
from ..core.messages import Message, Param, Template, template
from ..core.ports import Clock
from ..core.run_texts import shown_label
from .events import Notice

if TYPE_CHECKING:
    from ..core.engine import RunReport

log = logging.getLogger("cdp_desktop.service")

_N = "Notice"
# Which result states deserve a notification, under which kind.
_NOTICE_KIND = {
    State.MISSING: "missing",
    State.NO_ACCESS: "no_access",
    State.TOKEN_INVALID: "token_invalid",
    State.INTENTS_MISSING: "run_failed",
    State.RATE_LIMITED: "run_failed",
    State.DISCORD_UNAVAILABLE: "unreachable",
    State.NETWORK: "unreachable",
    State.NO_REPLY: "no_reply",
}
NOTICE_TITLES = {
    "missing": template(_N, "notice.title.missing", "Channel missing on Discord"),
    "no_access": template(_N, "notice.title.no_access", "Lost access to a channel"),
    "token_invalid": template(_N, "notice.title.token_invalid", "Bot token rejected"),
    "unreachable": template(_N, "notice.title.unreachable", "Discord unreachable"),
    "run_failed": template(_N, "notice.title.run_failed", "Keep-alive failed"),
    "no_reply": template(_N, "notice.title.no_reply", "Target bot did not reply"),
    "recovered": template(_N, "notice.title.recovered", "Keep-alive working again"),
    "cdp_down": template(_N, "notice.title.cdp_down", "CDP endpoint down"),
    "cdp_recovered": template(_N, "notice.title.cdp_recovered", "CDP endpoint up again"),
    "scheduler_stopped": template(_N, "notice.title.scheduler_stopped", "Scheduler stopped"),
}
# Bodies per kind, each a whole sentence (a language orders its parts its own way): for one channel
# ({channel} is its label) and for several ({count} of them, {channels} a few labels), with the next retry's
# local time ({retry}) where a retry follows. Human words only: Discord's and aiohttp's own error texts stay
# in the log and the run details.
_ONE, _SEVERAL, _ONE_RETRY, _SEVERAL_RETRY = range(4)
NOTICE_BODIES: dict[str, tuple[Template, ...]] = {
    "missing": (
        template(
            _N,
            "notice.missing.one",
            "{channel} no longer exists on Discord. Use \u201cRe-add missing channels\u201d.",
        ),
        template(
            _N,
            "notice.missing.several",
            "{count} channels no longer exist on Discord ({channels}). "
            "Use \u201cRe-add missing channels\u201d.",
        ),
    ),
    "no_access": (
        template(_N, "notice.no_access.one", "The bot cannot see or write to {channel}."),
        template(
            _N, "notice.no_access.several", "The bot cannot see or write to {count} channels ({channels})."
        ),
    ),
    "unreachable": (
        template(_N, "notice.unreachable.one", "{channel} could not be reached."),
        template(_N, "notice.unreachable.several", "{count} channels could not be reached."),
        template(_N, "notice.unreachable.one_retry", "{channel} could not be reached. Retrying at {retry}."),
        template(
            _N,
            "notice.unreachable.several_retry",
            "{count} channels could not be reached. Retrying at {retry}.",
        ),
    ),
    "run_failed": (
        template(_N, "notice.run_failed.one", "The keep-alive for {channel} did not go out."),
        template(_N, "notice.run_failed.several", "The keep-alive for {count} channels did not go out."),
        template(
            _N,
            "notice.run_failed.one_retry",
            "The keep-alive for {channel} did not go out. Retrying at {retry}.",
        ),
        template(
            _N,
            "notice.run_failed.several_retry",
            "The keep-alive for {count} channels did not go out. Retrying at {retry}.",
        ),
    ),
    "no_reply": (
        template(_N, "notice.no_reply.one", "The target bot did not answer in {channel}."),
        template(
            _N,
            "notice.no_reply.several",
            "The target bots did not answer in {count} channels ({channels}).",
        ),
    ),
    "recovered": (
        template(_N, "notice.recovered.one", "{channel} is working again."),
        template(_N, "notice.recovered.several", "{count} channels are working again."),
    ),
}
NOTICE_TOKEN = template(_N, "notice.token_invalid", "Enter a new token from the Discord Developer Portal.")
SCHEDULER_STOPPED = template(
    _N, "notice.scheduler_stopped", "The scheduler stopped unexpectedly; see the log."
)
CDP_ENDPOINT = template(_N, "notice.cdp_endpoint", "{url}: {state}")
# A few channel labels in a summary: "#a, #b, …" (each language has its own list comma).
_LABELS = template(_N, "notice.labels", "{first}, {rest}")
_LABELS_MORE = template(_N, "notice.labels.more", "{first}, \u2026")
MAX_LABELS = 3  # labels named in a summary before "…"


def labels_message(labels: Sequence[Param]) -> Param:
    """Up to :data:`MAX_LABELS` labels as one list in the reader's language, "…" when there are more."""
    if len(labels) == 1:
        return labels[0]
    if len(labels) > MAX_LABELS:
        shown: Param = _LABELS_MORE(first=labels[MAX_LABELS - 1])
        labels = labels[: MAX_LABELS - 1]
    else:
        shown = labels[-1]
        labels = labels[:-1]
    for label in reversed(labels):
        shown = _LABELS(first=label, rest=shown)
    return shown


class NoticePolicy:
    """Turns run results and state changes into :class:`Notice` events, throttled through the history."""

    def __init__(
        self,
        history: History,
        clock: Clock,
        zone: Callable[[], tzinfo],
        emit: Callable[[Notice], None],
    ) -> None:
        self._history = history
        self._clock = clock
        self._zone = zone  # the configured time zone, read when needed (settings change)
        self._emit = emit

    def _today(self) -> str:
        return self._clock.now().astimezone(self._zone()).date().isoformat()

    def notice(self, kind: str, body: Message, target_uid: str | None = None, level: str = "error") -> None:
        """One notice of ``kind`` about ``target_uid`` (or the whole app), at most once a day."""
        if not self._history.claim_notification(kind, target_uid, self._today()):
            return
        self.raise_notice(Notice(kind, NOTICE_TITLES[kind](), body, target_uid, level))

    def raise_notice(self, notice: Notice) -> None:
        """Unthrottled (e.g. the scheduler stopped: every time)."""
        log.info("notice: %s: %s", notice.title, notice.text)
        self._emit(notice)

    def channel_deleted(self, target_uid: str, label: str) -> None:
        self.notice("missing", NOTICE_BODIES["missing"][_ONE](channel=label), target_uid)

    def token_rejected(self) -> None:
        self.notice("token_invalid", NOTICE_TOKEN())

    def scheduler_stopped(self) -> None:
        self.raise_notice(Notice("error", NOTICE_TITLES["scheduler_stopped"](), SCHEDULER_STOPPED()))

    def cdp_endpoint(self, kind: str, url: str, state: Message | str, level: str) -> None:
        """The CDP endpoint went down (``cdp_down``) or came back (``cdp_recovered``)."""
        self.notice(kind, CDP_ENDPOINT(url=url, state=state), None, level)

    def run_finished(self, report: RunReport, retry_at: datetime | None) -> None:
        """The notices a finished run deserves: failures by kind, and channels working again."""
        groups: dict[str, list[ChannelResult]] = {}
        previous: dict[str, State] | None = None  # read once, only when some channel succeeded
        for result in report.results:
            kind = _NOTICE_KIND.get(result.state)
            if kind is None and result.state.is_success:
                if previous is None:
                    previous = self._previous_states(report.run_id)
                prior = previous.get(result.target_uid)
                kind = "recovered" if prior is not None and prior.is_failure else None
            if kind is not None:
                groups.setdefault(kind, []).append(result)
        for kind, results in groups.items():
            self._group(kind, results, retry_at)

    def _group(self, kind: str, results: list[ChannelResult], retry_at: datetime | None = None) -> None:
        """One notice for the channels of one run that share ``kind``, if any of them is news today."""
        day = self._today()
        if kind == "token_invalid":  # about the bot, not about channels: once a day
            if self._history.claim_notification(kind, None, day):
                self.raise_notice(Notice(kind, NOTICE_TITLES[kind](), NOTICE_TOKEN(), None, "error"))
            return
        fresh = [r for r in results if self._history.claim_notification(kind, r.target_uid, day)]
        if not fresh:
            return
        bodies = NOTICE_BODIES[kind]
        labels = [shown_label(r.label) for r in results]
        retry = retry_at is not None and len(bodies) > _ONE_RETRY
        body = bodies[(_ONE if len(results) == 1 else _SEVERAL) + (_ONE_RETRY if retry else 0)]
        params: dict[str, Param] = {"channel": labels[0]} if len(results) == 1 else {}
        if len(results) > 1:
            params.update(count=len(labels), channels=labels_message(labels))
        if retry and retry_at is not None:
            params["retry"] = retry_at.astimezone(self._zone()).strftime("%H:%M")
        level = {"recovered": "info", "no_reply": "warning"}.get(kind, "error")
        uid = results[0].target_uid if len(results) == 1 else None
        self.raise_notice(Notice(kind, NOTICE_TITLES[kind](), body(**params), uid, level))

    def _previous_states(self, current_run: int) -> dict[str, State]:
        """Each target's state in the latest earlier run that included it (among the last few runs).

        One pass for the whole report: asking per channel read the same runs once per channel."""
        previous: dict[str, State] = {}
        for run in self._history.recent_runs(5):
            if run.id == current_run:
                continue
            for r in self._history.results_for_run(run.id):
                previous.setdefault(r.target_uid, r.state)
        return previous
