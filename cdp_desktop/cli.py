"""Command line: ``cdp-desktop [--home DIR] [-v] COMMAND …`` (also ``python -m cdp_desktop``).

Each command is one small function ``cmd_*(ctx) -> int`` registered in ``build_parser``. Exit codes: 0 ok,
2 invalid input or setup error (one line on stderr saying what is wrong and how to fix it), 1 an unexpected
error (one line plus the log file; the traceback goes to the log only). ``--json`` prints one JSON document.

Startup stays fast: keyring, discord.py and Qt are imported inside the commands that need them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from . import APP_NAME, __version__
from .core.config import (
    SECRET_SETTINGS,
    SETTING_KEYS,
    Config,
    ConfigError,
    ConfigStore,
    LoadResult,
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
from .logs import FILE_ONLY, redact, register_secret, setup_logging
from .paths import HOME_ENV, AppPaths

PROG = "cdp-desktop"
READ_ONLY_COMMANDS = frozenset({"status", "config get", "config list", "channels list", "history"})
EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2

log = logging.getLogger(__name__)
T = TypeVar("T")


class UsageError(CdpError):
    """Bad command-line syntax (argparse's complaint, as one line)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(_("{problem} (see `{prog} --help`)").format(problem=message, prog=self.prog))


# --------------------------------------------------------------------------- context and output


@dataclass
class Context:
    args: argparse.Namespace
    paths: AppPaths
    log_file: Path | None
    warnings: list[str] = field(default_factory=list)
    _store: ConfigStore | None = None

    @property
    def store(self) -> ConfigStore:
        if self._store is None:
            self._store = ConfigStore(self.paths.config_dir)
        return self._store

    def load(self) -> Config:
        """The configuration; file problems (moved aside, newer version) are warned about on stderr."""
        return self._loaded(self.store.load())

    def _loaded(self, result: LoadResult) -> Config:
        for warning in result.warnings:
            if warning not in self.warnings:
                self.warnings.append(warning)
                log.warning("%s", warning)
        if result.config.settings.language:
            from . import i18n

            i18n.activate(result.config.settings.language)
        return result.config

    def update(self, mutate: Callable[[Config], T]) -> tuple[Config, T]:
        """Change the configuration as it is on disk now, under the inter-process lock (no lost edits)."""
        result, value = self.store.update(mutate, on_load=self._loaded)
        return result.config, value

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def out_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False), file=sys.stdout)


def err(message: str, *, kind: str = "error") -> None:
    """One line on stderr: ``cdp-desktop: error: …`` (``kind="note"`` for a remark that is not a failure)."""
    line = " ".join(redact(message).split())
    print(f"{PROG}: {_(kind)}: {line}", file=sys.stderr)


def _show(value: object) -> str:
    """A setting as one would type it into ``config set``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _shown_setting(key: str, value: object) -> object:
    """A setting as printed: a proxy or relay password becomes ``***`` (it is kept in the file only)."""
    return redact_url(value) if key in SECRET_SETTINGS else value


# --------------------------------------------------------------------------- channels


def _id(value: str | None, field_name: str) -> int | None:
    return None if value is None else parse_snowflake(value, field_name)


def target_json(t: Target) -> dict[str, Any]:
    return {**target_to_dict(t), "temporary": t.is_temporary}


def _target_line(t: Target) -> str:
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
        if history.moved_aside is not None:
            log.warning(
                "%s It was moved to %s; a new history was started.", history.damage, history.moved_aside
            )
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
        out(_("Added: {line}").format(line=_target_line(target)))
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
        out(_target_line(t))
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
    return {key: _shown_setting(key, config.get_setting(key)) for key in SETTING_KEYS}


def cmd_config_get(ctx: Context) -> int:
    config = ctx.load()
    key = ctx.args.key
    out(_show(_shown_setting(key, config.get_setting(key))))
    return EXIT_OK


def cmd_config_set(ctx: Context) -> int:
    key = ctx.args.key

    def set_checked(c: Config) -> object:
        value = c.set_setting(key, ctx.args.value)
        if key == "message_template":  # new templates must mention the target bot
            require_mention(str(value), key)
        return value

    value = ctx.update(set_checked)[1]
    out(f"{key} = {_show(_shown_setting(key, value))}")
    return EXIT_OK


def cmd_config_list(ctx: Context) -> int:
    config = ctx.load()
    values = settings_json(config)
    if ctx.json:
        out_json(values)
        return EXIT_OK
    for key, value in values.items():
        shown = _show(value)
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
    from .secrets import TokenShapeError, TokenStore, check_token_shape, normalize_token

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
    from .secrets import TOKEN_ENV, TokenStore, check_token_shape

    result = TokenStore().get()
    register_secret(result.token)
    if not result.ok or result.token is None:
        err(result.message)
        return EXIT_INVALID
    problem = check_token_shape(result.token)
    if problem:
        err(f"{TOKEN_ENV}: {problem}" if result.source == "env" else problem)
        return EXIT_INVALID
    if getattr(ctx.args, "offline", False):
        where = _("from {env}").format(env=TOKEN_ENV) if result.source == "env" else result.backend
        out(_("A token is set ({where}) and is shaped like a bot token.").format(where=where))
        return EXIT_OK
    from .cli_runtime import check_token_login

    return check_token_login(ctx, result.token)


def cmd_token_clear(ctx: Context) -> int:
    from .secrets import TokenState, TokenStore

    result = TokenStore().clear()
    if result.state is not TokenState.MISSING:
        err(result.message)
        return EXIT_INVALID
    out(result.message)
    return EXIT_OK


# --------------------------------------------------------------------------- status and default


def status_json(ctx: Context, config: Config) -> dict[str, Any]:
    """Configuration part of ``status --json`` (the runtime adds next_run, channel states, …)."""
    settings = settings_json(config)
    return {
        "version": __version__,
        "config_file": str(ctx.paths.config_file),
        "config_read_only": ctx.store.read_only,
        "log_file": str(ctx.log_file) if ctx.log_file else None,
        "paused": config.paused,
        "timezone_effective": config.settings.timezone or system_zone_name(),
        "settings": settings,
        "channels": [
            {
                "uid": t.uid,
                "guild_id": str(t.guild_id),
                "channel_id": str(t.channel_id) if t.channel_id is not None else None,
                "temporary": t.is_temporary,
                "name": clean_name(t.name),
                "mention_id": str(t.mention_id) if t.mention_id is not None else None,
                "enabled": t.enabled,
                "note": t.note,
            }
            for t in config.targets
        ],
        "warnings": list(ctx.warnings),
    }


def cmd_status(ctx: Context) -> int:
    from .cli_runtime import runtime_status

    config = ctx.load()
    data = status_json(ctx, config)
    runtime = runtime_status(ctx)
    states = runtime.pop("states")
    data["warnings"].extend(runtime.pop("history_warnings"))
    data.update(runtime)
    for channel in data["channels"]:
        channel.update(states.get(channel["uid"], {}))
    from .cli_cdp import cdp_endpoint_json, cdp_endpoint_line

    data["cdp_endpoint"] = cdp_endpoint_json(ctx, config.settings.cdp_url)
    if ctx.json:
        out_json(data)
        return EXIT_OK
    s = config.settings
    out(f"{APP_NAME} {__version__}")
    out(_("Configuration: {path}").format(path=data["config_file"]))
    out(
        _(
            "Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up {catch_up}"
        ).format(
            time=s.schedule_time,
            zone=data["timezone_effective"],
            jitter=s.jitter_seconds,
            catch_up=_("on") if s.catch_up else _("off"),
        )
    )
    if config.paused:
        out(_("Paused: no keep-alive messages are sent until you resume."))
    out(_("Next run: {when}").format(when=data["next_run"] or "-"))
    if data["catch_up_due"]:
        out(_("A missed keep-alive is due and runs as soon as the app or daemon is running."))
    enabled = len(config.enabled_targets())
    out(
        _("Channels: {total} configured, {enabled} enabled").format(
            total=len(config.targets), enabled=enabled
        )
    )
    for t in config.targets:
        state = states.get(t.uid, {}).get("state", "")
        out(f"  {state:<18} " + _target_line(t))
        other = states.get(t.uid, {}).get("sent_by_other_at")
        if other:
            at = datetime.fromisoformat(other).astimezone(s.zone()).strftime("%H:%M:%S")
            out("  " + " " * 18 + " " + _("sent by another machine at {time}").format(time=at))
    if data["cdp_endpoint"] is not None:
        out(cdp_endpoint_line(data["cdp_endpoint"]))
    return EXIT_OK


def cmd_default(ctx: Context) -> int:
    """No command: the tray app (``--demo``: against the built-in sandbox).

    Not through cli_runtime: that module loads asyncio, which the window does not need before its first
    paint (ui/app.py loads it right after)."""
    from .core.errors import SetupError

    try:
        from .ui.app import run_gui
    except ImportError as exc:  # e.g. Qt's xcb plugin libraries missing
        raise SetupError(
            _(
                "the desktop interface cannot start ({problem}); "
                "use the command line, e.g. `cdp-desktop status`"
            ).format(problem=exc)
        ) from exc
    return run_gui(
        sys.argv[:1], home=getattr(ctx.args, "home", None), demo=bool(getattr(ctx.args, "demo", False))
    )


def _runtime(name: str) -> Callable[[Context], int]:
    """A command implemented in cli_runtime, imported only when it runs."""

    def call(ctx: Context) -> int:
        from . import cli_runtime

        func: Callable[[Context], int] = getattr(cli_runtime, name)
        return func(ctx)

    return call


def _desktop(name: str) -> Callable[[Context], int]:
    """A command implemented in cli_desktop (start at login, menu entry), imported only when it runs."""

    def call(ctx: Context) -> int:
        from . import cli_desktop

        func: Callable[[Context], int] = getattr(cli_desktop, name)
        return func(ctx)

    return call


# --------------------------------------------------------------------------- parser


def _common() -> argparse.ArgumentParser:
    """Global options, accepted before and after the command (SUPPRESS keeps the outer value)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("keep configuration, history and logs in DIR (env {env})").format(env=HOME_ENV),
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=argparse.SUPPRESS,
        help=_("more output on stderr (-vv: debug)"),
    )
    return common


def _command(
    sub: Any,
    name: str,
    func: Callable[[Context], int],
    help_text: str,
    parents: Sequence[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=help_text, parents=list(parents)
    )
    parser.set_defaults(func=func)
    return parser


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print one JSON document"))


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog=PROG,
        description=_("Keeps Discord bots alive with a verified daily message, from the system tray."),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("start the app against the built-in Discord sandbox (no account needed)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    p = [common]

    channels = sub.add_parser("channels", help=_("list and edit the channels that get keep-alive messages"))
    ch = channels.add_subparsers(
        dest="channels_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    add = _command(ch, "add", cmd_channels_add, _("add a channel"), p)
    add.add_argument("--guild", required=True, metavar="G", help=_("server (guild) ID"))
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--channel", metavar="C", help=_("channel ID"))
    where.add_argument(
        "--temporary", action="store_true", help=_("create a temporary channel for each run instead")
    )
    bot = add.add_mutually_exclusive_group()
    bot.add_argument(
        "--mention", metavar="BOT", help=_("user ID of the target bot to mention (and expect a reply from)")
    )
    bot.add_argument(
        "--no-mention",
        action="store_true",
        help=_("send without mentioning a bot (no bot is pinged, so none is kept active)"),
    )
    add.add_argument("--name", metavar="N", help=_("channel name (used to recreate it if it is deleted)"))
    add.add_argument("--category", metavar="CAT", help=_("category ID"))
    add.add_argument(
        "--no-verify", action="store_true", help=_("do not look the channel up on Discord (offline use)")
    )
    _json_flag(add)
    _json_flag(_command(ch, "list", cmd_channels_list, _("show the configured channels"), p))
    for name, func, text in (
        (
            "remove",
            cmd_channels_remove,
            _("remove a channel from the configuration (never deletes it on Discord)"),
        ),
        ("enable", cmd_channels_enable, _("send keep-alive messages to a channel again")),
        ("disable", cmd_channels_disable, _("stop sending keep-alive messages to a channel")),
    ):
        _command(ch, name, func, text, p).add_argument("channel", metavar="C", help=_("channel ID"))

    config = sub.add_parser("config", help=_("show and change settings"))
    cf = config.add_subparsers(dest="config_command", metavar="ACTION", required=True, parser_class=_Parser)
    keys = ", ".join(SETTING_KEYS)
    _command(cf, "get", cmd_config_get, _("print one setting"), p).add_argument(
        "key", metavar="KEY", help=keys
    )
    setp = _command(
        cf, "set", cmd_config_set, _("change one setting (an empty VALUE resets optional ones)"), p
    )
    setp.add_argument("key", metavar="KEY", help=keys)
    setp.add_argument("value", metavar="VALUE")
    _json_flag(_command(cf, "list", cmd_config_list, _("print all settings"), p))

    token = sub.add_parser("token", help=_("the bot token in the system keyring"))
    tk = token.add_subparsers(dest="token_command", metavar="ACTION", required=True, parser_class=_Parser)
    _command(
        tk, "set", cmd_token_set, _("store the bot token (read from stdin, or asked for without echo)"), p
    )
    check = _command(tk, "check", cmd_token_check, _("check the stored token by logging in to Discord"), p)
    check.add_argument(
        "--offline", action="store_true", help=_("only check that a token is stored and shaped right")
    )
    _command(tk, "clear", cmd_token_clear, _("remove the token from the keyring"), p)

    _json_flag(_command(sub, "status", cmd_status, _("show the schedule, the channels and their states"), p))

    run_now = _command(sub, "run-now", _runtime("cmd_run_now"), _("send the keep-alive now"), p)
    run_now.add_argument("--force", action="store_true", help=_("send even to channels already done today"))
    _json_flag(run_now)
    readd = _command(
        sub,
        "readd-missing",
        _runtime("cmd_readd_missing"),
        _("recreate configured channels deleted on Discord"),
        p,
    )
    _json_flag(readd)
    _command(sub, "daemon", _runtime("cmd_daemon"), _("run the scheduler without a window (servers)"), p)
    sandbox = _command(
        sub, "sandbox", _runtime("cmd_sandbox"), _("run the local Discord sandbox and print its API base"), p
    )
    sandbox.add_argument(
        "--port", type=int, default=0, metavar="P", help=_("port on 127.0.0.1 (default: any)")
    )
    sandbox.add_argument(
        "--token", metavar="T", help=_("bot token the sandbox accepts (default: a demo token)")
    )

    autostart = sub.add_parser("autostart", help=_("start the app when you log in (on, off, status)"))
    au = autostart.add_subparsers(
        dest="autostart_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    for name, text in (
        ("enable", _("start this installation of the app when you log in")),
        ("disable", _("do not start the app when you log in")),
        ("status", _("say whether the app starts at login, and from which file or registry value")),
    ):
        _json_flag(_command(au, name, _desktop(f"cmd_autostart_{name}"), text, p))
    entry = _command(
        sub,
        "install-desktop-entry",
        _desktop("cmd_install_desktop_entry"),
        _("add the app to your applications menu (Linux: desktop entry and icons for this user)"),
        p,
    )
    entry.add_argument("--uninstall", action="store_true", help=_("remove what this command installed"))
    entry.add_argument(
        "--daemon", action="store_true", help=_("also write a systemd user unit for `cdp-desktop daemon`")
    )
    _json_flag(entry)

    from .cli_history import register as register_history

    register_history(sub, p)

    from .cli_cdp import register as register_cdp_commands

    register_cdp_commands(sub, p, _command)
    return parser


# --------------------------------------------------------------------------- entry points


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
    except UsageError as exc:
        err(str(exc))
        return EXIT_INVALID
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    home = getattr(args, "home", None)
    verbose = getattr(args, "verbose", None) or 0
    try:
        paths = AppPaths.resolve(home)
    except (OSError, RuntimeError) as exc:  # e.g. no home directory to expand ~ against
        err(_("cannot use the app folder: {problem}; pass --home DIR").format(problem=exc))
        return EXIT_INVALID
    command = " ".join(a for a in (args.command, *_subcommands(args)) if a) or "(default)"
    # Commands that only read may answer from a read-only home (status works wherever it can read).
    writing = command not in READ_ONLY_COMMANDS
    problem = None if command == "sandbox" else paths.problem(writing=writing)
    if problem:  # before logging: a log file that cannot be opened would add a second line
        err(problem)
        return EXIT_INVALID
    log_file = setup_logging(paths, stderr=True, verbose=verbose)
    ctx = Context(args=args, paths=paths, log_file=log_file)
    func: Callable[[Context], int] = getattr(args, "func", cmd_default)
    log.debug("command %s, home %s", command, paths.config_dir)
    try:
        return func(ctx)
    except CdpError as exc:
        log.info("%s failed: %s", command, exc, extra=FILE_ONLY)
        err(str(exc))
        _json_error(ctx, exc, EXIT_INVALID)
        return EXIT_INVALID
    except KeyboardInterrupt:
        err(_("interrupted"))
        return 130
    except BrokenPipeError:  # `cdp-desktop status --json | head`: the reader left; say nothing more
        _silence_stdout()
        return EXIT_FAILED
    except OSError as exc:  # a local file could not be written or read: a setup problem, not a bug
        log.info("%s failed", command, exc_info=True, extra=FILE_ONLY)
        line = describe_os_error(exc)
        err(line)
        _json_error(ctx, CdpError(line), EXIT_INVALID)
        return EXIT_INVALID
    except Exception as exc:
        log.error("unexpected error in %s", command, exc_info=True, extra=FILE_ONLY)
        where = str(log_file) if log_file else _("the log (not writable)")
        err(
            _("unexpected {kind}: {problem}. Details are in {log}; please report it.").format(
                kind=type(exc).__name__, problem=exc, log=where
            )
        )
        _json_error(ctx, exc, EXIT_FAILED)
        return EXIT_FAILED


def _json_error(ctx: Context, exc: Exception, exit_code: int) -> None:
    """With ``--json`` a failed command still prints one JSON document: ``{"error": {...}}``."""
    if not ctx.json:
        return
    state = getattr(exc, "state", None)
    with contextlib.suppress(OSError, ValueError):  # stdout closed: the line on stderr has said it
        out_json(
            {
                "error": {
                    "message": " ".join(redact(str(exc)).split()),
                    "kind": "invalid" if isinstance(exc, CdpError) else "unexpected",
                    "state": str(getattr(state, "value", state)) if state is not None else None,
                    "field": getattr(exc, "field", None),
                    "exit_code": exit_code,
                }
            }
        )


def describe_os_error(exc: OSError) -> str:
    """One line for a failed file operation: what failed and what to do about it."""
    import errno

    where = exc.filename or _("a file")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full: {path} could not be written; free some space and try again").format(
            path=where
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _("{path} is not writable ({problem}); fix its permissions or pass --home DIR").format(
            path=where, problem=exc.strerror
        )
    return _("{path}: {problem}; check the file and its folder, or pass --home DIR").format(
        path=where, problem=exc.strerror or exc
    )


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor (tests, embedding)
        pass


def _subcommands(args: argparse.Namespace) -> list[str]:
    names = ("channels_command", "config_command", "token_command", "autostart_command", "cdp_secret_command")
    return [getattr(args, a, None) or "" for a in names]


def gui_main() -> int:
    """Entry point of the ``cdp-desktop-gui`` launcher (until the GUI lands: prints the status)."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
