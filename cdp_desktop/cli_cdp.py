"""The coze-discord-proxy commands: ``import-cdp PATH`` and ``cdp-secret set|clear``.

Registered into the main parser by :func:`register` (one line in ``cli.build_parser``), so that this file and
``cli.py`` change independently.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .cli_argparse import Parser
from .cli_context import EXIT_INVALID, EXIT_OK, Context, err, out, out_json, text
from .core.cdp_files import CdpFileError, Text
from .core.cdp_import import ImportPlan, apply_plan, compare, read_cdp
from .core.config import config_from_dict, config_to_dict, parse_snowflake
from .core.errors import CdpError
from .i18n import _, render, translate
from .logs import register_secret

CONTEXT = "CdpImport"


def stay_active_advice() -> str:
    return _(
        "Set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy's environment and restart it: CDP Desktop "
        "keeps the bots alive now, and two keep-alives a day are noise."
    )


def user_auth_note(where: object) -> str:
    return _(
        "USER_AUTHORIZATION ({where}) was not read and is not stored: it is a Discord user-account token, "
        "and sending messages as a user is against Discord's terms. CDP Desktop posts with the bot token."
    ).format(where=where)


def _tr(text: Text) -> str:
    return render(text)


def _error(exc: CdpFileError) -> CdpError:
    return CdpError(render(exc.message))


def _ask(question: str) -> bool:
    """y/N on the terminal; False when there is none to ask on."""
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "j", "是")


# --------------------------------------------------------------------------- import-cdp


def cmd_import_cdp(ctx: Context) -> int:

    a = ctx.args
    guild = parse_snowflake(a.guild, "guild") if a.guild else None
    config = ctx.load()
    interactive = not a.dry_run and not ctx.json and sys.stdin is not None and sys.stdin.isatty()
    try:
        plan = read_cdp(a.path, read_token=a.token, read_secret=a.secret, guild=guild)
        want_token = a.token or (
            interactive
            and plan.token_at is not None
            and _ask(
                _("Store the bot token found in {where} in the system keyring?").format(where=plan.token_at)
            )
        )
        want_secret = a.secret or (
            interactive
            and plan.secret_at is not None
            and _ask(
                _(
                    "Store the proxy secret found in {where} in the system keyring (for the endpoint check)?"
                ).format(where=plan.secret_at)
            )
        )
        if (want_token and plan.token is None) or (want_secret and plan.secret is None):
            plan = read_cdp(a.path, read_token=want_token, read_secret=want_secret, guild=guild)
    except CdpFileError as exc:
        raise _error(exc) from None
    register_secret(plan.token)
    register_secret(plan.secret)
    compare(plan, config)
    candidate = config.copy()
    added, changed = apply_plan(candidate, plan)
    config_from_dict(
        config_to_dict(candidate)
    )  # the same validation every save gets, before anything is written
    if plan.token is not None:
        from .token_store import check_token_shape

        problem = check_token_shape(plan.token)
        if problem:
            raise CdpError(f"{plan.token_at}: BOT_TOKEN: {text(problem)}")
    if added and not a.dry_run and not a.no_verify:
        _verify(candidate, plan, added)
    stored: dict[str, bool] = {"token": False, "secret": False}
    if not a.dry_run:
        # Keyring first: if it refuses, the configuration is not touched either.
        if plan.token is not None:
            _store(ctx, "token", plan.token)
            stored["token"] = True
        if plan.secret is not None:
            _store(ctx, "secret", plan.secret)
            stored["secret"] = True
        if added or changed:
            _save(ctx, plan, added, changed)
    if ctx.json:
        out_json(import_json(plan, added_count=len(added), changed=changed, dry_run=a.dry_run, stored=stored))
        return EXIT_OK
    for line in import_lines(plan, dry_run=a.dry_run, stored=stored, translate_fn=_tr):
        out(line)
    return EXIT_OK


def _verify(candidate: Any, plan: ImportPlan, added: list[Any]) -> None:
    """Check each new channel with Discord like ``channels add`` does (when a token is at hand), and keep
    what it looks like (name, category, topic) so it can be recreated as it was. A channel Discord does not
    know, or one in another server, stops the whole import with the file and line it came from; Discord out
    of reach is one note, and the channels are imported as read."""
    import asyncio

    from .core.errors import DiscordFailure, State
    from .discord_client import describe_channel_rest, resolve_endpoints
    from .token_store import TokenStore

    token = plan.token or TokenStore(timeout=3).get().token
    if not token:
        err(_("no bot token is set, so the channels were not verified with Discord"), kind="note")
        return
    register_secret(token)
    endpoints = resolve_endpoints(candidate.settings)
    where = {t.channel_id: t.where for t in plan.targets}

    async def check_all() -> None:
        for target in added:
            try:
                info = await describe_channel_rest(token, target.channel_id, endpoints=endpoints)
            except DiscordFailure as exc:
                if exc.state is not State.MISSING:
                    raise
                raise CdpError(
                    _("{where}: Discord says channel {id} does not exist; check the ID.").format(
                        where=where[target.channel_id], id=target.channel_id
                    )
                ) from None
            if info.guild_id != target.guild_id:
                raise CdpError(
                    _("{where}: channel {channel} belongs to server {actual}, not {given}.").format(
                        where=where[target.channel_id],
                        channel=target.channel_id,
                        actual=info.guild_id,
                        given=target.guild_id,
                    )
                )
            target.name, target.category_id = info.name, info.category_id
            target.topic, target.position = info.topic, info.position

    try:
        asyncio.run(check_all())
    except DiscordFailure as exc:
        err(
            _("could not verify the channels with Discord ({problem}); they are imported as read").format(
                problem=exc
            ),
            kind="note",
        )


def _save(ctx: Context, plan: ImportPlan, added: list[Any], changed: list[str]) -> None:
    """One read-modify-write under the configuration's inter-process lock: an edit another process made
    meanwhile is kept, and a channel it added in the meantime is not added twice."""
    found = plan.settings()

    def mutate(config: Any) -> None:
        have = config.configured_channel_ids()
        for target in added:
            if target.channel_id not in have:
                config.add_target(target)
        for key in changed:
            config.set_setting(key, found[key].value)

    ctx.update(mutate)


def _store(ctx: Context, what: str, value: str) -> None:
    if what == "token":
        from .token_store import TokenStore

        result = TokenStore().set(value)
    else:
        from .cdp_secret import CdpSecretStore

        result = CdpSecretStore().set(value)
    if not result.ok:
        raise CdpError(result.message)


def import_json(
    plan: ImportPlan, *, added_count: int, changed: Sequence[str], dry_run: bool, stored: dict[str, bool]
) -> dict[str, Any]:
    def where(w: Any) -> dict[str, Any] | None:
        return None if w is None else {"file": str(w.path), "line": w.line}

    return {
        "dry_run": dry_run,
        "sources": [str(p) for p in plan.sources],
        "channels": [
            {
                "guild_id": str(t.guild_id),
                "channel_id": str(t.channel_id),
                "mention_id": str(t.mention_id) if t.mention_id is not None else None,
                "note": t.note,
                "models": list(t.models),
                "other_bots": [str(b) for b in t.other_bots],
                "status": "configured" if t.configured else ("would_add" if dry_run else "added"),
                "source": where(t.where),
            }
            for t in plan.targets
        ],
        "settings": {
            key: {
                "value": found.value,
                "previous": plan.setting_changes[key][0] if key in plan.setting_changes else found.value,
                "status": ("would_set" if dry_run else "set") if key in plan.setting_changes else "unchanged",
                "source": where(found.where),
            }
            for key, found in plan.settings().items()
        },
        "added": 0 if dry_run else added_count,
        "changed_settings": [] if dry_run else list(changed),
        "bot_token": {"found": where(plan.token_at), "stored_in_keyring": stored["token"]},
        "proxy_secret": {"found": where(plan.secret_at), "stored_in_keyring": stored["secret"]},
        "user_authorization": {"found": where(plan.user_auth_at), "imported": False},
        "coze_bot_stay_active_enable": None if plan.stay_active is None else plan.stay_active.value,
        "notes": [str(n) for n in plan.notes],
        "advice": [stay_active_advice()],
    }


def import_lines(
    plan: ImportPlan, *, dry_run: bool, stored: dict[str, bool], translate_fn: Callable[[Text], str]
) -> list[str]:
    lines = [_("Read: {files}").format(files=", ".join(str(p) for p in plan.sources))]
    if not plan.targets:
        lines.append(_("No channels found."))
    for t in plan.targets:
        mark = "=" if t.configured else "+"
        parts = [f"  {mark} {t.channel_id}", _("guild {guild}").format(guild=t.guild_id)]
        if t.mention_id:
            parts.append(_("mentions <@{bot}>").format(bot=t.mention_id))
        if t.note:
            parts.append(f"({t.note})")
        if t.configured:
            parts.append(_("already configured"))
        lines.append("  ".join(parts))
    for key, found in plan.settings().items():
        if key in plan.setting_changes:
            lines.append(
                _("  {key} = {value}  (was: {old})").format(
                    key=key, value=found.value, old=plan.setting_changes[key][0] or "-"
                )
            )
        else:
            lines.append(_("  {key} = {value}  (unchanged)").format(key=key, value=found.value))
    if plan.user_auth_at is not None:
        lines.append(user_auth_note(plan.user_auth_at))
    if plan.token_at is not None:
        if stored["token"]:
            lines.append(
                _("The bot token from {where} is stored in the system keyring.").format(where=plan.token_at)
            )
        elif not dry_run:
            lines.append(
                _(
                    "BOT_TOKEN ({where}) was not read; run again with --token to store it in the "
                    "system keyring."
                ).format(where=plan.token_at)
            )
    if plan.secret_at is not None:
        if stored["secret"]:
            lines.append(
                _("The proxy secret from {where} is stored in the system keyring.").format(
                    where=plan.secret_at
                )
            )
        elif not dry_run:
            lines.append(
                _(
                    "PROXY_SECRET ({where}) was not read; run again with --secret (or use "
                    "`cdp-desktop cdp-secret set`) for the CDP endpoint check."
                ).format(where=plan.secret_at)
            )
    for note in plan.notes:
        lines.append(_("note: {text}").format(text=translate_fn(note)))
    new = len(plan.new_targets)
    changes = ", ".join(plan.setting_changes) or "-"
    if dry_run:
        lines.append(
            _(
                "Dry run: nothing was changed. An import would add {count} channel(s) and set: {settings}."
            ).format(count=new, settings=changes)
        )
    else:
        lines.append(
            _("Imported: {count} channel(s) added; settings set: {settings}.").format(
                count=new, settings=changes
            )
        )
    lines.append(stay_active_advice())
    return lines


# --------------------------------------------------------------------------- status


def cdp_endpoint_json(ctx: Context, cdp_url: str | None) -> dict[str, Any] | None:
    """``status --json``'s ``cdp_endpoint``: the last check of the configured URL (None: no cdp_url)."""
    from .core.cdp_endpoint import EndpointLedger

    if not cdp_url:
        return None
    last = EndpointLedger(ctx.paths.data_dir).last()
    if last is None or last.url != cdp_url:
        return {"url": cdp_url, "state": "unknown", "checked_at": None, "latency_ms": None, "models": []}
    return last.to_json()


def cdp_endpoint_line(data: dict[str, Any]) -> str:
    from .core.cdp_endpoint import STATE_TEXT, EndpointState

    state = data["state"]
    if state == "unknown":
        return _("CDP endpoint: {url} not checked yet (it is checked after each keep-alive run)").format(
            url=data["url"]
        )
    name = translate("CdpEndpoint", STATE_TEXT[EndpointState(state)])
    if state == "up":
        detail = _("models: {models}, {ms} ms").format(
            models=", ".join(data["models"]) or "-", ms=data["latency_ms"]
        )
    else:
        detail = data.get("detail") or ""
    return _("CDP endpoint: {state} ({detail}), checked {when}").format(
        state=name, detail=detail, when=data["checked_at"]
    )


# --------------------------------------------------------------------------- cdp-secret


def _read_secret() -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(_("coze-discord-proxy PROXY_SECRET (input is hidden): "))
    if sys.stdin is None:
        raise CdpError(_("no secret given; pipe it to `cdp-desktop cdp-secret set` or run it in a terminal"))
    return sys.stdin.read(4096)


def cmd_cdp_secret_set(ctx: Context) -> int:
    from .cdp_secret import CdpSecretStore, checked_secret

    value = checked_secret(_read_secret())
    register_secret(value)
    result = CdpSecretStore().set(value)
    if not result.ok:
        err(result.message)
        return EXIT_INVALID
    out(result.message)
    return EXIT_OK


def cmd_cdp_secret_clear(ctx: Context) -> int:
    from .cdp_secret import CdpSecretStore
    from .token_store import TokenState

    result = CdpSecretStore().clear()
    if result.state is not TokenState.MISSING:
        err(result.message)
        return EXIT_INVALID
    out(result.message)
    return EXIT_OK


# --------------------------------------------------------------------------- registration


def register(sub: Any, parents: Sequence[argparse.ArgumentParser], command: Callable[..., Any]) -> None:
    """Add ``import-cdp`` and ``cdp-secret`` to the main parser's subcommands."""

    imp = command(
        sub,
        "import-cdp",
        cmd_import_cdp,
        _("import channels, proxy and time zone from a coze-discord-proxy setup"),
        parents,
    )
    imp.add_argument(
        "path", metavar="PATH", help=_("CDP folder, docker-compose.yml, .env or bot_config.json")
    )
    imp.add_argument("--dry-run", action="store_true", help=_("show what would be imported; change nothing"))
    imp.add_argument(
        "--token", action="store_true", help=_("also store BOT_TOKEN in the system keyring (never in a file)")
    )
    imp.add_argument(
        "--secret",
        action="store_true",
        help=_("also store PROXY_SECRET in the system keyring, for the CDP endpoint check"),
    )
    imp.add_argument("--guild", metavar="G", help=_("server ID, when the files do not give GUILD_ID"))
    imp.add_argument(
        "--no-verify", action="store_true", help=_("do not look the channels up on Discord (offline use)")
    )
    imp.add_argument("--json", action="store_true", help=_("print one JSON document"))

    secret = sub.add_parser("cdp-secret", help=_("coze-discord-proxy's PROXY_SECRET in the system keyring"))
    actions = secret.add_subparsers(
        dest="cdp_secret_command", metavar=_("ACTION"), required=True, parser_class=Parser
    )
    command(
        actions,
        "set",
        cmd_cdp_secret_set,
        _("store the proxy secret (read from stdin, or asked for)"),
        parents,
    )
    command(actions, "clear", cmd_cdp_secret_clear, _("remove the proxy secret from the keyring"), parents)
