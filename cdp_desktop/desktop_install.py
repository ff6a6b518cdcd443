"""``cdp-desktop install-desktop-entry``: the menu entry, icons and (``--daemon``) systemd user unit of this
installation, for the current user. A ``pipx install`` has no checkout to copy files from; this writes them
with absolute paths to the installation that runs it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import DESKTOP_ID
from .desktop_file import EntryOptions, render_entry
from .launcher import Command

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
UNIT_NAME = "cdp-desktop.service"
UNIT_MARK = "# Written by `cdp-desktop install-desktop-entry --daemon`"
# Exit status 75 (EX_TEMPFAIL) would be a temporary failure; the daemon itself waits for a locked keyring, so
# only setup errors (2) and a missing program (127, e.g. an uninstalled venv) must not restart forever.
NO_RESTART = "2 127"


@dataclass(frozen=True)
class Dirs:
    data_home: Path  # $XDG_DATA_HOME (~/.local/share)
    config_home: Path  # $XDG_CONFIG_HOME (~/.config)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Dirs:
        env = dict(os.environ if env is None else env)
        home = Path(env.get("HOME") or Path.home())
        return cls(
            Path(env.get("XDG_DATA_HOME") or home / ".local" / "share"),
            Path(env.get("XDG_CONFIG_HOME") or home / ".config"),
        )

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{DESKTOP_ID}.desktop"

    @property
    def icon_root(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    def icons(self) -> list[Path]:
        out = [self.icon_root / f"{n}x{n}" / "apps" / f"{DESKTOP_ID}.png" for n in ICON_SIZES]
        return [*out, self.icon_root / "scalable" / "apps" / f"{DESKTOP_ID}.svg"]

    @property
    def unit(self) -> Path:
        return self.config_home / "systemd" / "user" / UNIT_NAME


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def systemd_quote(arg: str) -> str:
    """One ExecStart argument: double quotes with C escapes when needed; ``%`` and ``$`` doubled (specifiers
    and variable expansion)."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if arg and not any(c in arg for c in " \t\n\"'\\;"):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def render_unit(argv: Sequence[str], *, path_env: str | None = None, mark: bool = False) -> str:
    """The systemd user unit that runs ``argv`` (the daemon command). One template for the file shipped in
    packaging/ (``/usr/bin/env`` and a ``PATH`` with ``%h`` paths) and the one this command writes (the
    absolute path of this installation)."""
    head = (
        [UNIT_MARK]
        if mark
        else [
            "# systemd user unit: the keep-alive scheduler without a GUI (servers, always-on machines).",
            "# `cdp-desktop install-desktop-entry --daemon` writes this unit with the absolute path of the",
            "# installation that runs it (venv, pipx, bundle); this copy looks for `cdp-desktop` on PATH.",
        ]
    )
    service = ["Type=simple"]
    if path_env:
        service.append(f"Environment=PATH={path_env}")
    service += [
        "ExecStart=" + " ".join(systemd_quote(a) for a in argv),
        "Restart=on-failure",
        "RestartSec=30",
        "# 2: a setup error (no token, bad config); 127: the program is gone. A restart cannot fix either.",
        "# A keyring that is still locked at login is not an exit: the daemon waits, longer each time.",
        f"RestartPreventExitStatus={NO_RESTART}",
        "# Optional: CDP_DESKTOP_TOKEN=... and/or CDP_DESKTOP_HOME=... (chmod 600 this file).",
        "EnvironmentFile=-%h/.config/cdp-desktop/daemon.env",
        "NoNewPrivileges=yes",
    ]
    lines = [
        *head,
        "[Unit]",
        "Description=CDP Desktop keep-alive daemon (Discord bots)",
        "Documentation=https://github.com/cdp-desktop/cdp-desktop",
        "# In a user manager this ordering is best effort (network-online.target is a system unit); the",
        "# daemon waits for the network itself and catches up missed runs.",
        "Wants=network-online.target",
        "After=network-online.target",
        "",
        "[Service]",
        *service,
        "",
        "[Install]",
        "WantedBy=default.target",
    ]
    return "\n".join(lines) + "\n"


PACKAGED_UNIT_PATH = "%h/.local/bin:/usr/local/bin:/usr/bin:/bin"


def packaged_unit() -> str:
    return render_unit(("/usr/bin/env", "cdp-desktop", "daemon"), path_env=PACKAGED_UNIT_PATH)


def _icon_sources() -> list[bytes]:
    icons = resources.files("cdp_desktop.resources") / "icons"
    out = [(icons / "hicolor" / f"{n}x{n}" / "apps" / "cdp-desktop.png").read_bytes() for n in ICON_SIZES]
    return [*out, (icons / "cdp-desktop.svg").read_bytes()]


def _write(path: Path, data: bytes, result: Result) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    result.written.append(path)


def install(dirs: Dirs, gui: Command, daemon: Command | None = None) -> Result:
    result = Result()
    entry = render_entry(
        EntryOptions(argv=gui.argv, workdir=str(gui.workdir) if gui.workdir else None, menu=True)
    )
    for path, data in zip(dirs.icons(), _icon_sources(), strict=True):
        _write(path, data, result)
    _write(dirs.entry, entry.encode("utf-8"), result)
    if daemon is not None:
        unit = render_unit(daemon.argv, mark=True)
        if daemon.workdir is not None:
            unit = unit.replace("[Service]\n", f"[Service]\nWorkingDirectory={daemon.workdir}\n")
        _write(dirs.unit, unit.encode("utf-8"), result)
    _refresh_caches(dirs)
    return result


def uninstall(dirs: Dirs) -> Result:
    result = Result()
    targets = [dirs.entry, *dirs.icons()]
    if dirs.unit.is_file() and dirs.unit.read_text(encoding="utf-8", errors="replace").startswith(UNIT_MARK):
        targets.append(dirs.unit)  # only a unit this command wrote
    for path in targets:
        if path.exists():
            path.unlink()
            result.removed.append(path)
    _refresh_caches(dirs)
    return result


def _refresh_caches(dirs: Dirs) -> None:
    """Menus and icon themes notice new files by themselves on most desktops; these only speed it up."""
    for argv in (
        ["update-desktop-database", "-q", str(dirs.entry.parent)],
        ["gtk-update-icon-cache", "-q", "-f", "-t", str(dirs.icon_root)],
    ):
        if shutil.which(argv[0]) and Path(argv[-1]).is_dir():
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                subprocess.run(argv, capture_output=True, timeout=30, check=False)
