"""The channel-rows presenter: one :class:`ChannelRow` per configured target, from config, history and the
live connection (what the window's table, the tray and ``cdp-desktop status`` show)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..core.config import Config, Target
from ..core.errors import EXPLANATIONS, QT_TRANSLATE_NOOP, State
from ..core.history import ChannelResult, History
from ..core.messages import Message
from ..core.ports import ConnectionStatus

if TYPE_CHECKING:
    from ..discord_client import DiscordClient

log = logging.getLogger("cdp_desktop.service")

_P = "Presence"
PRESENCE_NOT_CONNECTED = QT_TRANSLATE_NOOP(_P, "not connected to Discord")
PRESENCE_NOT_REPORTED = QT_TRANSLATE_NOOP(_P, "Discord has not reported this bot in the server")


@dataclass
class ChannelRow:
    """One line of the channels table."""

    target: Target
    state: State
    detail: str
    guild_name: str | None
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    reply_latency: float | None
    mention_name: str | None = None  # the target bot's name, once Discord told it
    # "online" / "idle" / "dnd" / "offline" from the gateway (needs the presence intents); None: unknown, and
    # presence_reason says why (a QT_TRANSLATE_NOOP text, context "Presence"). Informational only: a target
    # bot shown offline is no failure, the reply check decides.
    mention_presence: str | None = None
    presence_reason: str | None = None
    # When the next keep-alive is due and why, for the words in the row: "sent" (done for the current slot,
    # at ``sent_at``), "due" (owed the current slot since ``due_at``), "added" (added after the current slot:
    # first owed the next one, ``due_at``), "disabled", "paused". ``next_at``: the next slot's time.
    due: str = "due"
    due_at: datetime | None = None
    sent_at: datetime | None = None
    next_at: datetime | None = None
    # The current slot's message was sent by another machine or process (found in the channel): when.
    sent_by_other_at: datetime | None = None
    # ``detail`` and ``last_error`` as messages, rendered in the window's language (the strings are English).
    detail_note: Message | None = None
    last_error_note: Message | None = None


@dataclass(frozen=True)
class LiveFacts:
    """What the running process knows beyond config and history."""

    client: DiscordClient | None
    connection: ConnectionStatus
    deleted_live: Set[int]  # configured channels the gateway saw deleted
    mention_names: Mapping[int, str | None]  # target bot ID → name (None: no such user)
    guild_names: Mapping[int, str]  # guild ID → name, as Discord last listed the bot's servers


class BotNames:
    """Target bot ID → display name (None: Discord knows no such user). Looked up once per ID per process,
    and only once something shows rows (a one-shot CLI command never pays for it)."""

    def __init__(self, on_named: Callable[[], None]) -> None:
        self.names: dict[int, str | None] = {}
        self.wanted = False
        self.task: asyncio.Future[None] | None = None
        self._failed = False  # a lookup failed on this connection: wait for the next one
        self._on_named = on_named

    def connected(self) -> None:
        self._failed = False

    def resolve(self, client: DiscordClient | None, targets: Iterable[Target]) -> None:
        """Start looking up the names not known yet; ``on_named`` when some arrive."""
        if not self.wanted or self._failed or client is None or not client.is_connected:
            return
        if self.task is not None and not self.task.done():
            return  # its on_named refreshes the rows, which picks up IDs added meanwhile
        wanted = {t.mention_id for t in targets if t.mention_id} - self.names.keys()
        if not wanted:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # rows asked for outside the loop (a synchronous caller): names wait
            return
        self.task = loop.create_task(self._fetch(client, sorted(wanted)))

    async def _fetch(self, client: DiscordClient, ids: list[int]) -> None:
        named = False
        try:
            for user_id in ids:
                name = await asyncio.wait_for(client.describe_user(user_id), 15)
                self.names[user_id] = name
                named = named or name is not None
        except Exception:  # not remembered: tried again after the next connect
            self._failed = True
            log.info("could not look up target bot names", exc_info=True)
        if named:  # not after a cancel: stop() is under way
            self._on_named()


def presence_of(
    t: Target, client: DiscordClient | None, connection: ConnectionStatus
) -> tuple[str | None, str | None]:
    """(presence, why it is unknown) of a target's bot."""
    if not t.mention_id:
        return None, None
    if client is None or not client.is_connected:
        return None, PRESENCE_NOT_CONNECTED
    presence = client.presence_of(t.guild_id, t.mention_id)
    if presence is not None:
        return presence, None
    if not connection.presence_available:
        return None, connection.presence_reason or PRESENCE_NOT_CONNECTED
    return None, PRESENCE_NOT_REPORTED


def channel_rows(config: Config, history: History, now: datetime, live: LiveFacts) -> list[ChannelRow]:
    latest = history.latest_results()
    successes = history.last_success()
    errors = history.last_error()
    s = config.settings
    current = s.current_slot(now)
    upcoming = s.next_slot(now)
    records = history.slot_records(current.key)
    done = {uid for uid, r in records.items() if r.message_id is not None}
    delivered = {  # when each target's message for this slot was recorded as sent
        uid: r.sent_at for uid, r in records.items() if r.message_id is not None and r.sent_at is not None
    }
    deliveries = history.last_delivered()
    rows = []
    for t in config.targets:
        presence, presence_reason = presence_of(t, live.client, live.connection)
        result = _for_channel(latest.get(t.uid), t)
        error = _for_channel(errors.get(t.uid), t)
        if not t.enabled:
            state = State.SKIPPED_DISABLED
        elif t.channel_id is not None and t.channel_id in live.deleted_live:
            state = State.MISSING
        elif t.uid in delivered and _no_result_since(latest.get(t.uid), delivered[t.uid]):
            state = State.SENT  # no reply check finished: a run killed during the wait (or still waiting)
        elif result is not None and (t.uid in done or result.state.is_failure):
            state = result.state  # today's outcome, or a failure that still stands
        elif t.uid in done:
            state = State.OK  # sent for this slot, to the channel a re-add replaced since
        else:
            state = State.PENDING
        same = result is not None and result.state == state
        detail = result.message if result is not None and same else ""
        last_success = _newest(successes.get(t.uid), deliveries.get(t.uid))
        if not t.enabled:
            due, due_at = "disabled", None
        elif config.paused:
            due, due_at = "paused", None
        elif t.uid in done:
            due, due_at = "sent", upcoming.fire_at
        elif t.active_since >= current.at:
            due, due_at = "added", upcoming.fire_at
        else:
            due, due_at = "due", current.fire_at
        record = records.get(t.uid)
        by_other = record.sent_at if record is not None and record.by_other and t.uid in done else None
        rows.append(
            ChannelRow(
                target=t,
                state=state,
                detail=detail or EXPLANATIONS[state].summary,
                guild_name=live.guild_names.get(t.guild_id),
                last_success=last_success,
                last_error=error.message if error else None,
                last_error_at=error.at if error else None,
                reply_latency=result.reply_latency if result is not None else None,
                mention_name=live.mention_names.get(t.mention_id) if t.mention_id else None,
                mention_presence=presence,
                presence_reason=presence_reason,
                due=due,
                due_at=due_at,
                sent_at=last_success if t.uid in done else None,
                next_at=upcoming.fire_at,
                sent_by_other_at=by_other,
                detail_note=result.explanation() if result is not None and same else None,
                last_error_note=error.explanation() if error else None,
            )
        )
    return rows


def _no_result_since(result: ChannelResult | None, sent_at: datetime) -> bool:
    """No result was recorded after this send: its run ended before the reply wait did."""
    return result is None or result.at < sent_at


def _newest(*times: datetime | None) -> datetime | None:
    known = [t for t in times if t is not None]
    return max(known) if known else None


def _for_channel(result: ChannelResult | None, target: Target) -> ChannelResult | None:
    """A result only describes the target's current channel: after a re-add the old channel's is history."""
    if result is None or target.is_temporary or result.channel_id in (None, target.channel_id):
        return result
    return None
