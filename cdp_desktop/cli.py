"""Command line: ``cdp-desktop [--home DIR] [-v] COMMAND …`` (also ``python -m cdp_desktop``).

Each command is one small function ``cmd_*(ctx) -> int`` registered in ``build_parser``. Exit codes: 0 ok,
2 invalid input or setup error (one line on stderr saying what is wrong and how to fix it), 1 an unexpected
error (one line plus the log file; the traceback goes to the log only). ``--json`` prints one JSON document.

Startup stays fast: keyring, discord.py and Qt are imported inside the commands that need them.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from . import APP_NAME, __version__, i18n
from .cli_argparse import Parser, argparse_text, route_argparse_texts
from .cli_context import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    PROG,
    Context,
    UsageError,
    describe_os_error,
    err,
    error_text,
    out,
    out_json,
    pad,
    state_name,
    use_terminal_formatter,
)
from .cli_setup import (
    cmd_channels_add,
    cmd_channels_disable,
    cmd_channels_enable,
    cmd_channels_list,
    cmd_channels_remove,
    cmd_config_get,
    cmd_config_list,
    cmd_config_set,
    cmd_token_check,
    cmd_token_clear,
    cmd_token_set,
    settings_json,
    target_line,
)
from .core.config import (
    SETTING_KEYS,
    Config,
    clean_name,
    system_zone_name,
)
from .core.errors import CdpError
from .i18n import _
from .logs import FILE_ONLY, redact, setup_logging
from .paths import HOME_ENV, AppPaths

READ_ONLY_COMMANDS = frozenset({"status", "config get", "config list", "channels list", "history"})

log = logging.getLogger(__name__)


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
    if s.catch_up:
        schedule = _("Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up on")
    else:
        schedule = _("Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up off")
    out(schedule.format(time=s.schedule_time, zone=data["timezone_effective"], jitter=s.jitter_seconds))
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
        out(f"  {pad(state_name(state) if state else '', 18)} " + target_line(t))
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


def _port(value: str) -> int:
    """``--port``: a TCP port number (argparse's own complaint would name the Python type ``int``)."""
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a port number from 0 to 65535").format(value=value)
        )
    return port


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = Parser(
        prog=PROG,
        description=_("Keeps Discord bots alive with a verified daily message, from the system tray."),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=argparse_text("show program's version number and exit"),  # 3.11 does not translate it
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("start the app against the built-in Discord sandbox (no account needed)"),
    )
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    p = [common]

    channels = sub.add_parser("channels", help=_("list and edit the channels that get keep-alive messages"))
    ch = channels.add_subparsers(
        dest="channels_command", metavar=_("ACTION"), required=True, parser_class=Parser
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
    cf = config.add_subparsers(dest="config_command", metavar=_("ACTION"), required=True, parser_class=Parser)
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
    tk = token.add_subparsers(dest="token_command", metavar=_("ACTION"), required=True, parser_class=Parser)
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
        "--port", type=_port, default=0, metavar="P", help=_("port on 127.0.0.1 (default: any)")
    )
    sandbox.add_argument(
        "--token", metavar="T", help=_("bot token the sandbox accepts (default: a demo token)")
    )

    autostart = sub.add_parser("autostart", help=_("start the app when you log in (on, off, status)"))
    au = autostart.add_subparsers(
        dest="autostart_command", metavar=_("ACTION"), required=True, parser_class=Parser
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


def _language(argv: Sequence[str]) -> str | None:
    """The ``language`` setting of the home the command line names (before parsing: --help needs it)."""
    home = None
    for i, arg in enumerate(argv):
        if arg == "--home" and i + 1 < len(argv):
            home = argv[i + 1]
        elif arg.startswith("--home="):
            home = arg.partition("=")[2]
    try:
        return i18n.configured_language(AppPaths.resolve(home).config_file)
    except (OSError, RuntimeError):
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    route_argparse_texts()
    i18n.activate(_language(args_list))  # the setting, else LANG / LC_ALL / LC_MESSAGES
    try:
        args = build_parser().parse_args(args_list)
    except UsageError as exc:
        err(error_text(exc))
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
    use_terminal_formatter(verbose)
    ctx = Context(args=args, paths=paths, log_file=log_file)
    func: Callable[[Context], int] = getattr(args, "func", cmd_default)
    log.debug("command %s, home %s", command, paths.config_dir)
    try:
        return func(ctx)
    except CdpError as exc:
        log.info("%s failed: %s", command, exc, extra=FILE_ONLY)
        err(error_text(exc))
        _json_error(ctx, exc, EXIT_INVALID)
        return EXIT_INVALID
    except KeyboardInterrupt:
        err(_("interrupted"))
        return EXIT_INTERRUPTED
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
    """Entry point of the ``cdp-desktop-gui`` launcher: a gui-script (no console window on Windows) with the
    same commands as ``cdp-desktop``; without one it opens the window."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
