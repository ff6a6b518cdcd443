"""The notification policy: which results deserve a notice, grouped how, and how often.

A run raises at most one notice per kind (a summary over its channels), and only when some channel in it was
not notified of that kind today: each channel is claimed per kind and day in the history, so a repeating
failure stays quiet and a channel that starts failing later in the day is still heard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from ..core.errors import QT_TRANSLATE_NOOP, State
from ..core.history import ChannelResult, History
from ..core.ports import Clock
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
    "missing": QT_TRANSLATE_NOOP(_N, "Channel missing on Discord"),
    "no_access": QT_TRANSLATE_NOOP(_N, "Lost access to a channel"),
    "token_invalid": QT_TRANSLATE_NOOP(_N, "Bot token rejected"),
    "unreachable": QT_TRANSLATE_NOOP(_N, "Discord unreachable"),
    "run_failed": QT_TRANSLATE_NOOP(_N, "Keep-alive failed"),
    "no_reply": QT_TRANSLATE_NOOP(_N, "Target bot did not reply"),
    "recovered": QT_TRANSLATE_NOOP(_N, "Keep-alive working again"),
    "cdp_down": QT_TRANSLATE_NOOP(_N, "CDP endpoint down"),
    "cdp_recovered": QT_TRANSLATE_NOOP(_N, "CDP endpoint up again"),
}
# (one channel, several channels) bodies per kind: {channel} is a label, {count} a number, {channels} a few
# labels, {retry} the local time of the next retry. Human words only: Discord's and aiohttp's own error
# texts stay in the log and the run details.
NOTICE_BODIES = {
    "missing": (
        QT_TRANSLATE_NOOP(
            _N, "{channel} no longer exists on Discord. Use \u201cRe-add missing channels\u201d."
        ),
        QT_TRANSLATE_NOOP(
            _N,
            "{count} channels no longer exist on Discord ({channels}). "
            "Use \u201cRe-add missing channels\u201d.",
        ),
    ),
    "no_access": (
        QT_TRANSLATE_NOOP(_N, "The bot cannot see or write to {channel}."),
        QT_TRANSLATE_NOOP(_N, "The bot cannot see or write to {count} channels ({channels})."),
    ),
    "unreachable": (
        QT_TRANSLATE_NOOP(_N, "{channel} could not be reached."),
        QT_TRANSLATE_NOOP(_N, "{count} channels could not be reached."),
    ),
    "run_failed": (
        QT_TRANSLATE_NOOP(_N, "The keep-alive for {channel} did not go out."),
        QT_TRANSLATE_NOOP(_N, "The keep-alive for {count} channels did not go out."),
    ),
    "no_reply": (
        QT_TRANSLATE_NOOP(_N, "The target bot did not answer in {channel}."),
        QT_TRANSLATE_NOOP(_N, "The target bots did not answer in {count} channels ({channels})."),
    ),
    "recovered": (
        QT_TRANSLATE_NOOP(_N, "{channel} is working again."),
        QT_TRANSLATE_NOOP(_N, "{count} channels are working again."),
    ),
}
NOTICE_RETRY = QT_TRANSLATE_NOOP(_N, "Retrying at {retry}.")
NOTICE_TOKEN = QT_TRANSLATE_NOOP(_N, "Enter a new token from the Discord Developer Portal.")
SCHEDULER_STOPPED_TITLE = QT_TRANSLATE_NOOP(_N, "Scheduler stopped")
SCHEDULER_STOPPED_BODY = QT_TRANSLATE_NOOP(_N, "The scheduler stopped unexpectedly; see the log.")
MAX_LABELS = 3  # labels named in a summary before "…"


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

    def notice(
        self,
        kind: str,
        body: str,
        target_uid: str | None = None,
        level: str = "error",
        params: Mapping[str, object] | None = None,
    ) -> None:
        """One notice of ``kind`` about ``target_uid`` (or the whole app), at most once a day."""
        if not self._history.claim_notification(kind, target_uid, self._today()):
            return
        self.raise_notice(Notice(kind, NOTICE_TITLES.get(kind, kind), body, target_uid, level, params or {}))

    def raise_notice(self, notice: Notice) -> None:
        """Unthrottled (e.g. the scheduler stopped: every time)."""
        log.info("notice: %s: %s", notice.title, notice.text)
        self._emit(notice)

    def channel_deleted(self, target_uid: str, label: str) -> None:
        self.notice("missing", NOTICE_BODIES["missing"][0], target_uid, params={"channel": label})

    def token_rejected(self) -> None:
        self.notice("token_invalid", NOTICE_TOKEN)

    def scheduler_stopped(self) -> None:
        self.raise_notice(Notice("error", SCHEDULER_STOPPED_TITLE, SCHEDULER_STOPPED_BODY))

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
                self.raise_notice(Notice(kind, NOTICE_TITLES[kind], NOTICE_TOKEN, None, "error"))
            return
        fresh = [r for r in results if self._history.claim_notification(kind, r.target_uid, day)]
        if not fresh:
            return
        one, several = NOTICE_BODIES[kind]
        labels = [r.label for r in results]
        shown = ", ".join(labels[:MAX_LABELS]) + (", \u2026" if len(labels) > MAX_LABELS else "")
        params: dict[str, object] = {"channel": labels[0], "count": len(labels), "channels": shown}
        parts = [one if len(results) == 1 else several]
        if retry_at is not None and kind in ("unreachable", "run_failed"):
            parts.append(NOTICE_RETRY)
            params["retry"] = retry_at.astimezone(self._zone()).strftime("%H:%M")
        level = {"recovered": "info", "no_reply": "warning"}.get(kind, "error")
        uid = results[0].target_uid if len(results) == 1 else None
        self.raise_notice(
            Notice(kind, NOTICE_TITLES[kind], " ".join(parts), uid, level, params, tuple(parts))
        )

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
