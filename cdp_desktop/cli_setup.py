"""The commands that set the app up: ``channels …``, ``config …`` and ``token …`` (quick: no discord.py
unless a channel is verified or a token checked, which ``cli_runtime`` does).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from .cli_context import EXIT_INVALID, EXIT_OK, PROG, Context, err, out, out_json, text
from .core.config import (
    SECRET_SETTINGS,
    SETTING_KEYS,
    Config,
    ConfigError,
    Target,
    clean_name,
    parse_snowflake,
    printable,
    redact_url,
    require_mention,
    system_zone_name,
    target_to_dict,
)
from .core.errors import CdpError
from .i18n import _
from .logs import register_secret

log = logging.getLogger(__name__)


def show_value(value: object) -> str:
    """A setting as one would type it into ``config set``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def shown_setting(key: str, value: object) -> object:
    """A setting as printed: a proxy or relay password becomes ``***`` (it is kept in the file only)."""
    return redact_url(value) if key in SECRET_SETTINGS else value


# --------------------------------------------------------------------------- channels


def _id(value: str | None, field_name: str) -> int | None:
    return None if value is None else parse_snowflake(value, field_name)


def target_json(t: Target) -> dict[str, Any]:
    return {**target_to_dict(t), "temporary": t.is_temporary}


def target_line(t: Target) -> str:
    state = _("on ") if t.enabled else _("off")
    where = str(t.channel_id) if t.channel_id is not None else _("temporary channel")
    parts = [state, where]
    if t.name:
        parts.append(f"#{printable(t.name)}")
    parts.append(_("guild {guild}").format(guild=t.guild_id))
    if t.category_id:
        parts.append(_("category {category}").format(category=t.category_id))
    if t.mention_id:
        parts.append(_("mentions <@{bot}>").format(bot=t.mention_id))
    if t.note:
        parts.append(f"({t.note})")
    return "  ".join(parts)


def _refuse_owned_temporary(ctx: Context, channel_id: int | None) -> None:
    """A temporary channel this app created (and will delete when its run ends) cannot become a target."""
    if channel_id is None or not ctx.paths.history_file.exists():
        return
    from .core.history import History

    with History(ctx.paths.history_file, recover=True) as history:  # a damaged one is kept aside
        owned = history.is_owned(channel_id)
        moved = history.moved_aside_message()
        if moved is not None:
            log.warning("%s", moved)  # the terminal in the user's language, the log file in English
    if owned:
        raise ConfigError(
            "channel",
            _(
                "{id} is a temporary channel CDP Desktop created for a keep-alive run and deletes when "
                "the run ends; choose another channel"
            ).format(id=channel_id),
        )


def cmd_channels_add(ctx: Context) -> int:
    a = ctx.args
    guild = parse_snowflake(a.guild, "guild")
    target = Target(
        guild_id=guild,
        channel_id=_id(a.channel, "channel"),
        mention_id=_id(a.mention, "mention"),
        name=clean_name((a.name or "").strip().lstrip("#")),
        category_id=_id(a.category, "category"),
    )
    # The documented contract keeps --mention optional (scripts rely on it); leaving it out is still
    # never silent: the warning says what it means, and --no-mention says plainly that it is intended.
    warn_no_mention = not a.mention and not getattr(a, "no_mention", False)
    config = ctx.load()
    config.add_target(target)  # duplicates and invalid IDs are refused before anything is asked of Discord
    _refuse_owned_temporary(ctx, target.channel_id)
    if target.channel_id is not None and not getattr(a, "no_verify", False):
        from .cli_runtime import remember_channel

        remember_channel(ctx, config, target)  # a network call: not under the configuration lock

    def add(current: Config) -> None:
        # The check again, under the lock that the delete guard holds from its check until the DELETE:
        # a channel is never configured while a run is deleting it.
        _refuse_owned_temporary(ctx, target.channel_id)
        current.add_target(target)

    ctx.update(add)
    if warn_no_mention:
        err(
            _(
                "no target bot given: this channel's keep-alive pings no bot, so it keeps none active. "
                "Add one with --mention BOT, or pass --no-mention to say this is intended."
            ),
            kind="warning",
        )
    if ctx.json:
        out_json(target_json(target))
    else:
        out(_("Added: {line}").format(line=target_line(target)))
    return EXIT_OK


def cmd_channels_list(ctx: Context) -> int:
    config = ctx.load()
    if ctx.json:
        out_json({"channels": [target_json(t) for t in config.targets]})
        return EXIT_OK
    if not config.targets:
        out(
            _("No channels configured. Add one with: {prog} channels add --guild G --channel C").format(
                prog=PROG
            )
        )
    for t in config.targets:
        out(target_line(t))
    return EXIT_OK


def cmd_channels_remove(ctx: Context) -> int:
    target = ctx.update(lambda c: c.remove_target(ctx.args.channel))[1]
    out(
        _("Removed {label} from the configuration (nothing was deleted on Discord).").format(
            label=printable(target.label)
        )
    )
    return EXIT_OK


def _set_enabled(ctx: Context, enabled: bool) -> int:
    target = ctx.update(lambda c: c.set_enabled(ctx.args.channel, enabled))[1]
    text = _("Enabled {label}.") if enabled else _("Disabled {label}.")
    out(text.format(label=printable(target.label)))
    return EXIT_OK


def cmd_channels_enable(ctx: Context) -> int:
    return _set_enabled(ctx, True)


def cmd_channels_disable(ctx: Context) -> int:
    return _set_enabled(ctx, False)


# --------------------------------------------------------------------------- config


def settings_json(config: Config) -> dict[str, Any]:
    """The settings as printed (passwords in URLs shown as ``***``)."""
    return {key: shown_setting(key, config.get_setting(key)) for key in SETTING_KEYS}


def cmd_config_get(ctx: Context) -> int:
    config = ctx.load()
    key = ctx.args.key
    out(show_value(shown_setting(key, config.get_setting(key))))
    return EXIT_OK


def cmd_config_set(ctx: Context) -> int:
    key = ctx.args.key

    def set_checked(c: Config) -> object:
        value = c.set_setting(key, ctx.args.value)
        if key == "message_template":  # new templates must mention the target bot
            require_mention(str(value), key)
        return value

    value = ctx.update(set_checked)[1]
    out(f"{key} = {show_value(shown_setting(key, value))}")
    return EXIT_OK


def cmd_config_list(ctx: Context) -> int:
    config = ctx.load()
    values = settings_json(config)
    if ctx.json:
        out_json(values)
        return EXIT_OK
    for key, value in values.items():
        shown = show_value(value)
        if key == "timezone" and value is None:
            shown = _("(system: {zone})").format(zone=system_zone_name())
        out(f"{key} = {shown}")
    return EXIT_OK


# --------------------------------------------------------------------------- token


def _read_token() -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(_("Bot token (input is hidden): "))
    if sys.stdin is None:
        raise CdpError(
            _("no token given; pipe it to `{prog} token set` or run it in a terminal").format(prog=PROG)
        )
    return sys.stdin.read(4096)


def cmd_token_set(ctx: Context) -> int:
    from .token_store import TokenShapeError, TokenStore, check_token_shape, normalize_token

    raw = _read_token()
    register_secret(normalize_token(raw))
    problem = check_token_shape(raw)
    if problem:
        raise TokenShapeError(problem)
    result = TokenStore().set(raw)
    if not result.ok:
        err(result.message)
        return EXIT_INVALID
    out(result.message)
    return EXIT_OK


def cmd_token_check(ctx: Context) -> int:
    from .token_store import TOKEN_ENV, TokenStore, check_token_shape

    result = TokenStore().get()
    register_secret(result.token)
    if not result.ok or result.token is None:
        err(result.message)
        return EXIT_INVALID
    problem = check_token_shape(result.token)
    if problem:
        if result.source == "env":
            err(_("{variable}: {problem}").format(variable=TOKEN_ENV, problem=text(problem)))
        else:
            err(problem)
        return EXIT_INVALID
    if getattr(ctx.args, "offline", False):
        if result.source == "env":
            line = _("A token is set (from {env}) and is shaped like a bot token.").format(env=TOKEN_ENV)
        else:
            line = _("A token is set ({backend}) and is shaped like a bot token.")
            line = line.format(backend=result.backend)
        out(line)
        return EXIT_OK
    from .cli_runtime import check_token_login

    return check_token_login(ctx, result.token)


def cmd_token_clear(ctx: Context) -> int:
    from .token_store import TokenState, TokenStore

    result = TokenStore().clear()
    if result.state is not TokenState.MISSING:
        err(result.message)
        return EXIT_INVALID
    out(result.message)
    return EXIT_OK
