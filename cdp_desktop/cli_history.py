"""``cdp-desktop history [--channel C] [--days N] [--json | --csv]``: one row per channel and local day.

Reads config and history only (no token, no network, no Qt unless a translation is active). The columns are a
contract for spreadsheets and scripts (README, "History export"): ``COLUMNS`` only ever gains columns at the
end; outcome values are ``core.heartbeat.Outcome``'s.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .cli_context import EXIT_OK, Context, UsageError, out, out_json, state_name, text
from .i18n import _

if TYPE_CHECKING:
    from .core.config import Config
    from .core.heartbeat import Day, Strip

DEFAULT_DAYS = 30
MAX_DAYS = 3660  # ten years: more than any history keeps, small enough to stay a sane grid

COLUMNS = (
    "date",  # the slot's local date in the configured zone, YYYY-MM-DD
    "channel_uid",  # the target's stable id in config.json
    "channel_id",
    "channel_name",
    "guild_id",
    "outcome",  # replied, sent, sent_elsewhere, failed, missing, not_run, app_not_running, upcoming, ...
    "state",  # the deciding result's state (ok, replied, no_reply, missing, network, ...); empty: none
    "sent_at",  # ISO 8601 UTC instant the message went out; empty when nothing was delivered
    "reply_latency_seconds",
    "message_id",
    "error_id",  # the day's last failure state (even if a retry delivered later); empty: none
    "error_code",  # Discord's JSON error code of that failure, when it had one
    "attempts",  # results recorded for the channel that day
)


def outcome_name(outcome: str) -> str:
    """The human output's word for a day outcome (``core.heartbeat.Outcome`` values)."""
    names = {
        "replied": _("replied"),
        "sent": _("sent, no reply"),
        "sent_elsewhere": _("sent by another machine"),
        "failed": _("failed"),
        "missing": _("channel missing"),
        "not_run": _("not run"),
        "app_not_running": _("app not running"),
        "upcoming": _("not yet"),
        "not_configured": _("not configured yet"),
    }
    return names.get(outcome, outcome)


def days_value(text: str) -> int:
    """``--days``: a whole number of days from 1 to MAX_DAYS. Checked once the configuration (and with it the
    user's language) is loaded, so the message is in that language; ``UsageError`` is exit 2."""

    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DAYS:
        raise UsageError(
            _("--days must be a whole number of days from 1 to {max}, not {value!r}; e.g. --days 30").format(
                max=MAX_DAYS, value=text
            )
        )
    return value


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    """Add the ``history`` command to the CLI's subparsers."""
    text = _("one row per channel and day: outcome, sent time, reply time, message ID, error")
    parser: argparse.ArgumentParser = sub.add_parser(
        "history", help=text, description=text, parents=list(parents)
    )
    parser.set_defaults(func=cmd_history)
    parser.add_argument("--channel", metavar="C", help=_("only this channel (channel ID or uid)"))
    parser.add_argument(
        "--days",
        default=str(DEFAULT_DAYS),
        metavar="N",
        help=_("the last N days, today included (default {n})").format(n=DEFAULT_DAYS),
    )
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=_("print one JSON document"))
    fmt.add_argument("--csv", action="store_true", help=_("print CSV with a header row"))


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def history_rows(config: Config, strips: dict[str, Strip]) -> list[dict[str, str | None]]:
    """Channels in config order, each day oldest first; every value a string or None."""
    rows = []
    for t in config.targets:
        strip = strips.get(t.uid)
        if strip is None:
            continue
        for d in strip.days:
            rows.append(_row(t, d))
    return rows


def _row(t: Any, d: Day) -> dict[str, str | None]:
    values: dict[str, object] = {
        "date": d.day.isoformat(),
        "channel_uid": t.uid,
        "channel_id": d.channel_id if d.channel_id is not None else t.channel_id,
        "channel_name": t.name or None,
        "guild_id": t.guild_id,
        "outcome": d.outcome.value,
        "state": d.state,
        "sent_at": d.sent_at,
        "reply_latency_seconds": d.reply_latency,
        "message_id": d.message_id,
        "error_id": d.error_state,
        "error_code": d.error_code,
        "attempts": d.attempts,
    }
    return {k: _cell(values[k]) for k in COLUMNS}


def cmd_history(ctx: Context) -> int:
    import csv

    from .core.config import system_zone_name
    from .core.heartbeat import first_day, load_full_strips, local_today
    from .core.history import History
    from .core.ports import SystemClock

    args = ctx.args
    config = ctx.load()
    days = days_value(args.days)
    targets = config.targets
    uid = None
    if args.channel is not None:
        uid = config.find(args.channel).uid  # ConfigError (exit 2) names the problem
    # A read-only look: a home without history yet is shown as such, not given a new database file.
    path = ctx.paths.history_file
    now = SystemClock().now()
    with History(path if path.exists() else ":memory:") as history:
        strips = load_full_strips(targets, config.settings, history, now, days, uid)
    rows = history_rows(config, strips)
    if args.json:
        today = local_today(now, config.settings.zone())
        out_json(
            {
                "days": days,
                "from": first_day(today, days).isoformat(),
                "to": today.isoformat(),
                "timezone": config.settings.timezone or system_zone_name(),
                "columns": list(COLUMNS),
                "rows": rows,
            }
        )
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow(["" if r[c] is None else r[c] for c in COLUMNS])
    else:
        _human(config, strips)
    return EXIT_OK


def _human(config: Config, strips: dict[str, Strip]) -> None:

    if not strips:
        out(_("No channels configured."))
        return
    for t in config.targets:
        strip = strips.get(t.uid)
        if strip is None:
            continue
        label = text(t.label_message())
        out(
            _("{channel}: {ok}/{total} days delivered").format(
                channel=label, ok=strip.delivered, total=strip.counted
            )
        )
        for d in strip.days:
            parts = [d.day.isoformat(), outcome_name(d.outcome)]
            if d.sent_at is not None:
                parts.append(_("sent {time}").format(time=d.sent_at.astimezone().strftime("%H:%M:%S")))
            if d.reply_latency is not None:
                parts.append(_("reply {seconds:.1f} s").format(seconds=d.reply_latency))
            if d.error_state:
                parts.append(_("error {error}").format(error=state_name(d.error_state)))
            out("  " + "  ".join(parts))
