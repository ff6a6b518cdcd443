"""Desktop integration commands: ``autostart enable|disable|status`` and ``install-desktop-entry``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .cli_context import Context, out, out_json
from .core.errors import SetupError
from .i18n import _

if TYPE_CHECKING:
    from .autostart import Autostart, AutostartStatus


def _backend() -> tuple[Autostart, object]:
    from .autostart import current

    backend, command = current()
    if backend is None:
        raise SetupError(
            _("start at login is not available on this system ({system})").format(system=sys.platform)
        )
    return backend, command


def _print_status(ctx: Context, status: AutostartStatus) -> None:

    if ctx.json:
        out_json(status.as_json())
        return
    if status.enabled:
        out(_("Start at login: on ({location})").format(location=status.location))
    elif status.note:
        out(_("Start at login: off ({location}: {note})").format(location=status.location, note=status.note))
    else:
        out(_("Start at login: off"))
    if status.command:
        out(_("Starts: {command}").format(command=" ".join(status.command)))
        if not status.current:
            out(_("Note: this is not the installation you are running now; `enable` points it here."))


def cmd_autostart_status(ctx: Context) -> int:
    backend, _command = _backend()
    _print_status(ctx, backend.status())
    return 0


def _change(ctx: Context, enable: bool) -> int:
    from .autostart import AutostartError
    from .launcher import Command

    backend, command = _backend()
    assert isinstance(command, Command)
    try:
        status = backend.enable(command) if enable else backend.disable()
    except AutostartError as exc:
        raise SetupError(_("cannot change start at login: {problem}").format(problem=exc)) from exc
    _print_status(ctx, status)
    return 0


def cmd_autostart_enable(ctx: Context) -> int:
    return _change(ctx, True)


def cmd_autostart_disable(ctx: Context) -> int:
    return _change(ctx, False)


def cmd_install_desktop_entry(ctx: Context) -> int:
    from .desktop_install import Dirs, install, uninstall
    from .launcher import Installation

    if sys.platform in ("win32", "darwin"):
        raise SetupError(
            _("menu entries are written for Linux desktops only; {system} finds the app by itself").format(
                system="Windows" if sys.platform == "win32" else "macOS"
            )
        )
    dirs = Dirs.from_env()
    try:
        if ctx.args.uninstall:
            result = uninstall(dirs)
        else:
            inst = Installation.current()
            result = install(dirs, inst.gui(), inst.cli("daemon") if ctx.args.daemon else None)
    except OSError as exc:
        where = getattr(exc, "filename", None) or dirs.data_home
        raise SetupError(
            _("cannot write the desktop entry: {problem} ({path})").format(
                problem=exc.strerror or exc, path=where
            )
        ) from exc
    if ctx.json:
        out_json({"written": [str(p) for p in result.written], "removed": [str(p) for p in result.removed]})
        return 0
    if ctx.args.uninstall:
        out(
            _("Removed {count} file(s): menu entry, icons and the systemd unit this command wrote.").format(
                count=len(result.removed)
            )
        )
        return 0
    out(_("Menu entry: {path}").format(path=dirs.entry))
    out(_("Icons: {path}").format(path=dirs.icon_root))
    if ctx.args.daemon:
        out(_("systemd user unit: {path}").format(path=dirs.unit))
        out(_("Start it with: systemctl --user daemon-reload && systemctl --user enable --now cdp-desktop"))
    return 0
