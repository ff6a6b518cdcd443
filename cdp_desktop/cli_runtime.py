"""The CLI commands that talk to Discord or run for a long time: run-now, readd-missing, daemon, sandbox,
the login check of ``token check`` and the runtime part of ``status`` (the GUI entry is cli.cmd_default).

Kept apart from ``cli.py`` so that the quick commands never import discord.py, aiohttp or Qt.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .cli_context import EXIT_INVALID, EXIT_OK, Context, err, out, out_json, pad, state_name, text
from .core.errors import EXPLANATIONS, State
from .core.run_texts import shown_label
from .i18n import _

if TYPE_CHECKING:
    from .core.config import Config, Target
    from .core.engine import RunReport
    from .core.readd import ReaddReport
    from .service import AppService

log = logging.getLogger(__name__)
T = TypeVar("T")


def _service(ctx: Context, **options: Any) -> AppService:
    from .service import AppService

    return AppService(ctx.paths, **options)


async def _connected(ctx: Context, work: Callable[[AppService], Awaitable[T]]) -> T:
    """Start the service without the scheduler, wait for Discord, do ``work``, always stop cleanly."""
    service = _service(ctx)
    try:
        await service.start(schedule_runs=False)
        await service.wait_connected(timeout=45)
        return await work(service)
    finally:
        await service.stop()


# --------------------------------------------------------------------------- run-now / readd-missing


def run_report_json(report: RunReport) -> dict[str, Any]:
    return {
        "run_id": report.run_id,
        "slot": report.slot.key,
        "slot_at": report.slot.fire_at.isoformat(),
        "trigger": report.trigger.value,
        "outcome": report.outcome,
        "exit_code": report.exit_code,
        "started_at": report.started_at.isoformat(),
        "finished_at": report.finished_at.isoformat(),
        "skipped_done": list(report.skipped_done),
        "results": [
            {
                "uid": r.target_uid,
                "channel_id": str(r.channel_id) if r.channel_id is not None else None,
                "name": r.label,
                "state": r.state.value,
                "code": r.code,
                "message": r.message,
                "message_id": str(r.message_id) if r.message_id is not None else None,
                "reply_latency_seconds": r.reply_latency,
            }
            for r in report.results
        ],
    }


class RunProgress:
    """One self-rewriting line on a terminal while ``run-now`` works: connecting, channels done / total,
    how many wait for the target bot's reply (that wait can last a minute). Nothing when not a terminal."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.total = 0
        self.done: set[str] = set()
        self.waiting: set[str] = set()
        self.shown = False

    def show(self, text: str) -> None:
        self.stream.write("\r\033[K" + text)
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False

    def on_engine_event(self, event: object) -> None:
        from .core.engine import ChannelStateChanged

        if isinstance(event, ChannelStateChanged):
            if event.state == State.PENDING:
                if event.detail == "waiting for reply":
                    self.waiting.add(event.target_uid)
            else:
                self.waiting.discard(event.target_uid)
                self.done.add(event.target_uid)
        self.update()

    def update(self) -> None:
        if self.waiting:
            line = _("{done}/{total} channels done, {n} waiting for the target bot's reply\u2026")
        else:
            line = _("{done}/{total} channels done\u2026")
        self.show(line.format(done=len(self.done), total=self.total, n=len(self.waiting)))

    async def run(self, service: AppService, force: bool) -> RunReport:
        self.total = len(service.config.enabled_targets())
        engine = service.engine
        if engine is not None:
            chained = engine.on_event

            def both(event: object) -> None:
                if chained is not None:
                    chained(event)  # type: ignore[arg-type]
                self.on_engine_event(event)

            engine.on_event = both
        self.update()
        try:
            return await service.run_now(force=force)
        finally:
            self.clear()


async def _run_now_with_progress(ctx: Context, force: bool, progress: RunProgress) -> RunReport:
    service = _service(ctx)
    try:
        progress.show(_("Connecting to Discord\u2026"))
        await service.start(schedule_runs=False)
        await service.wait_connected(timeout=45)
        return await progress.run(service, force)
    finally:
        progress.clear()
        await service.stop()


def _shown(label: str) -> str:
    """Reports name a temporary channel by its English label (stored so): say it in the user's language."""
    return text(shown_label(label))


def cmd_run_now(ctx: Context) -> int:
    from .core.config import printable

    force = bool(getattr(ctx.args, "force", False))
    ctx.load()  # config warnings first, on stderr
    if not ctx.json and sys.stdout.isatty():
        report = asyncio.run(_run_now_with_progress(ctx, force, RunProgress(sys.stdout)))
    else:
        report = asyncio.run(_connected(ctx, lambda s: s.run_now(force=force)))
    if ctx.json:
        out_json(run_report_json(report))
    else:
        for r in report.results:
            line = _("{channel}: {message}").format(channel=_shown(r.label), message=text(r.explanation()))
            out(f"{pad(state_name(r.state.value), 20)} {printable(line)}")
        if not report.results:
            out(
                _(
                    "Nothing to do: every enabled channel is done for {slot} (use --force to send again)."
                ).format(slot=report.slot.key)
            )
        out(report.summary_message())
    return report.exit_code


def readd_report_json(report: ReaddReport) -> dict[str, Any]:
    return {
        "exit_code": report.exit_code,
        "entries": [
            {
                "uid": e.target_uid,
                "name": e.label,
                "old_channel_id": str(e.old_channel_id),
                "new_channel_id": str(e.new_channel_id) if e.new_channel_id is not None else None,
                "ok": e.ok,
                "state": e.state.value if e.state is not None else None,
                "reused": e.reused,
                "message": e.message,
            }
            for e in report.entries
        ],
    }


def cmd_readd_missing(ctx: Context) -> int:
    from .core.config import printable

    ctx.load()
    report = asyncio.run(_connected(ctx, lambda s: s.readd_missing()))
    if ctx.json:
        out_json(readd_report_json(report))
    else:
        for e in report.entries:
            result = _("recreated") if e.ok else _("failed")
            line = _("{channel}: {message}").format(channel=_shown(e.label), message=text(e.note))
            out(f"{pad(result, 9)} {printable(line)}")
        out(report.summary_message())
    return report.exit_code


# --------------------------------------------------------------------------- channels add


def remember_channel(ctx: Context, config: Config, target: Target) -> None:
    """Verify a new target with Discord when a token is at hand, and remember what the channel looks like
    (name, category, topic, position) so that it can be recreated as it was even if it is deleted before
    its first run. Offline or without a token the target is kept as typed, with a note."""
    from .core.channel_check import checked_target
    from .core.errors import DiscordFailure
    from .core.ports import ChannelInfo
    from .discord_client import describe_channel_rest, resolve_endpoints
    from .logs import register_secret
    from .token_store import TokenStore

    assert target.channel_id is not None
    token = TokenStore(timeout=3).get().token
    if not token:
        err(_("no bot token is set, so the channel was not verified with Discord"), kind="note")
        return
    register_secret(token)
    endpoints = resolve_endpoints(config.settings)
    try:
        info: ChannelInfo | None = asyncio.run(
            describe_channel_rest(token, target.channel_id, endpoints=endpoints)
        )
    except DiscordFailure as exc:
        if exc.state is not State.MISSING:
            err(
                _("note: could not verify the channel with Discord ({problem}); added as typed").format(
                    problem=text(exc.explain())
                )
            )
            return
        info = None
    checked = checked_target(target, info)  # ConfigError: the bot cannot see it, or another server's
    target.name, target.category_id = checked.name, checked.category_id
    target.topic, target.position = checked.topic, checked.position


# --------------------------------------------------------------------------- token check (login)


def check_token_login(ctx: Context, token: str) -> int:
    from .discord_client import check_token, resolve_endpoints

    config = ctx.load()
    result = asyncio.run(check_token(token, endpoints=resolve_endpoints(config.settings)))
    if result.state is State.OK:
        out(_("Token OK: logged in as {name} ({id}).").format(name=result.bot_name, id=result.bot_id))
        return EXIT_OK
    err(_("{state}: {message}").format(state=result.state.value, message=text(result.message)))
    return EXIT_INVALID


# --------------------------------------------------------------------------- status (runtime part)


def runtime_status(ctx: Context) -> dict[str, Any]:
    """next_run, catch_up_due and per-channel state from config + history; no network, no token.

    A history that cannot be read is moved aside or left out, with a warning: status still answers."""
    service = _service(ctx, history_optional=True)
    try:
        next_run = service.next_run()
        rows = service.channel_rows()
        last = service.last_run()
        return {
            "history_warnings": [str(w) for w in service.history_warnings],  # English, like --json
            "next_run": next_run.isoformat() if next_run else None,
            "catch_up_due": service.catch_up_due(),
            "paused": service.paused,
            "current_slot": service.current_slot_key(),
            "last_run": None
            if last is None
            else {
                "id": last.id,
                "slot": last.slot_key,
                "trigger": last.trigger,
                "outcome": last.outcome,
                "finished_at": last.finished_at.isoformat() if last.finished_at else None,
            },
            "states": {
                row.target.uid: {
                    "state": row.state.value,
                    "explanation": EXPLANATIONS[row.state].summary,
                    "action": EXPLANATIONS[row.state].action,
                    "last_success": row.last_success.isoformat() if row.last_success else None,
                    "last_error": row.last_error,
                    "reply_latency_seconds": row.reply_latency,
                    "sent_by_other_at": row.sent_by_other_at.isoformat() if row.sent_by_other_at else None,
                }
                for row in rows
            },
        }
    finally:
        service.history.close()


# --------------------------------------------------------------------------- daemon


def cmd_daemon(ctx: Context) -> int:
    from .instance import InstanceLock

    ctx.load()
    lock = InstanceLock(ctx.paths.lock_file)
    if not lock.acquire():
        pid = lock.holder_pid()
        if pid:
            line = _(
                "another CDP Desktop is already running for this home (process {pid}); stop it first, "
                "or give this one its own --home"
            )
        else:
            line = _(
                "another CDP Desktop is already running for this home; stop it first, "
                "or give this one its own --home"
            )
        err(line.format(pid=pid))
        return EXIT_INVALID
    try:
        return asyncio.run(_daemon(ctx))
    finally:
        lock.release()


KEYRING_RETRY_ENV = "CDP_DESKTOP_KEYRING_RETRY"  # first pause in seconds (default 15)
KEYRING_RETRY_MAX = 600.0


async def _wait_for_keyring(service: Any, stop: asyncio.Event) -> bool:
    """A keyring still locked when the daemon starts (a boot before the login that unlocks it) is waited
    for, with a pause that doubles up to 10 minutes, instead of exiting: systemd would not restart a setup
    error. Returns True when told to stop meanwhile."""
    from .token_store import TokenState

    try:
        pause = float(os.environ.get(KEYRING_RETRY_ENV, "") or 15.0)
    except ValueError:
        pause = 15.0
    while service.client is None:
        state = service.token_state
        if state is None or state.state is not TokenState.LOCKED:
            return False
        log.warning("the keyring is locked; trying again in %g s (unlock it or set CDP_DESKTOP_TOKEN)", pause)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)
        if stop.is_set():
            return True
        if await service.reload_token():
            log.info("the keyring is open: token read")
            return False
        pause = min(pause * 2, KEYRING_RETRY_MAX)
    return False


async def _daemon(ctx: Context) -> int:
    from .service import ConnectionChanged, Notice, RunFinished, ScheduleChanged

    service = _service(ctx)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Windows has no add_signal_handler; Ctrl+C still raises KeyboardInterrupt there.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)

    def on_event(event: object) -> None:
        if isinstance(event, RunFinished):
            log.info(event.report.summary_message())  # the terminal renders it, the log file in English
        elif isinstance(event, Notice):
            log.warning("%s", event.line)  # the terminal in the user's language, the log file in English
        elif isinstance(event, ConnectionChanged):
            log.info(
                "Discord: %s%s",
                event.status.state,
                f" ({event.status.detail})" if event.status.detail else "",
            )
        elif isinstance(event, ScheduleChanged) and event.next_run is not None:
            log.debug("next run %s (%s)", event.next_run.isoformat(), event.state)

    service.subscribe(on_event)
    try:
        await service.start()
        if service.client is None and await _wait_for_keyring(service, stop):
            return EXIT_OK  # stopped while waiting
        if service.client is None:
            err(service.connection.detail or _("no bot token is set; run `cdp-desktop token set`"))
            return EXIT_INVALID
        next_run = service.next_run()
        log.info("daemon running; next keep-alive at %s", next_run.isoformat() if next_run else "-")
        await stop.wait()
        log.info("stopping")
        return EXIT_OK
    finally:
        await service.stop()


# --------------------------------------------------------------------------- sandbox


def cmd_sandbox(ctx: Context) -> int:
    from .sandbox.standalone import main as sandbox_main

    return sandbox_main(port=ctx.args.port, token=ctx.args.token)
