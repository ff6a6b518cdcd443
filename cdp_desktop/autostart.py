"""Start at login, one interface for three systems.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/io.github.cdp_desktop.CdpDesktop.desktop``
  (the packaged desktop ID, so a copied menu entry and the in-app switch are the same file). An entry with
  ``Hidden=true`` or ``X-GNOME-Autostart-enabled=false`` is off; a system-wide entry in
  ``$XDG_CONFIG_DIRS`` is switched off by a user entry with ``Hidden=true`` (Desktop Application Autostart
  spec).
- Windows: the value ``io.github.cdp_desktop.CdpDesktop`` under ``HKCU\\...\\CurrentVersion\\Run`` holding the
  quoted executable; Task Manager's "Disabled" (``...\\Explorer\\StartupApproved\\Run``) counts as off.
- macOS: a LaunchAgent ``~/Library/LaunchAgents/io.github.cdp_desktop.CdpDesktop.plist`` with ``RunAtLoad``.

Each backend takes its file system roots or registry as arguments, so all three are tested on any system.
The command written is :class:`cdp_desktop.launcher.Installation`'s, right for a bundle, a venv/pipx script
or ``python -m``.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from . import APP_ID, DESKTOP_ID
from .desktop_file import EntryOptions, is_true, parse_exec, read_group, render_entry
from .launcher import Command, Installation

ENTRY_NAME = f"{DESKTOP_ID}.desktop"
LEGACY_ENTRY_NAMES = (f"{APP_ID}.desktop",)  # written by version 0.1.0's settings dialog


@dataclass(frozen=True)
class AutostartStatus:
    system: str  # "xdg", "windows" or "macos"
    enabled: bool
    location: str  # the file or registry value that holds (or would hold) the entry
    command: list[str] | None = None  # what the entry starts, as an argument vector
    current: bool = False  # the entry starts this installation (not an older or other copy)
    note: str = ""  # why it is off although an entry exists, and the like

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class Autostart(Protocol):
    system: str

    def status(self) -> AutostartStatus: ...

    def enable(self, command: Command) -> AutostartStatus: ...

    def disable(self) -> AutostartStatus: ...


class AutostartError(OSError):
    """The entry could not be written or removed (the message says which file or key)."""


# ------------------------------------------------------------------------------------------------- XDG
def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise AutostartError(f"{path}: {exc.strerror or exc}") from exc


class XdgAutostart:
    system = "xdg"

    def __init__(self, config_home: Path, config_dirs: tuple[Path, ...] = (), *, this: Command | None = None):
        self.dir = config_home / "autostart"
        self.system_dirs = tuple(d / "autostart" for d in config_dirs)
        self.this = this

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, *, this: Command | None = None) -> XdgAutostart:
        env = dict(os.environ if env is None else env)
        home = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
        dirs = [Path(d) for d in (env.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":") if d]
        return cls(Path(home), tuple(dirs), this=this)

    @property
    def path(self) -> Path:
        return self.dir / ENTRY_NAME

    def _system_entry(self) -> Path | None:
        for folder in self.system_dirs:
            if (folder / ENTRY_NAME).is_file():
                return folder / ENTRY_NAME
        return None

    def status(self) -> AutostartStatus:
        path = self.path if self.path.is_file() else self._system_entry()
        if path is None:
            return AutostartStatus(self.system, False, str(self.path))
        try:
            keys = read_group(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            return AutostartStatus(self.system, False, str(path), note=f"unreadable: {exc}")
        try:
            argv = parse_exec(keys["Exec"]) if "Exec" in keys else None
        except ValueError:
            argv = None
        note = ""
        if is_true(keys.get("Hidden")):
            note = "Hidden=true"
        elif keys.get("X-GNOME-Autostart-enabled", "").strip() == "false":
            note = "X-GNOME-Autostart-enabled=false"
        return AutostartStatus(self.system, not note, str(path), argv, _same(argv, self.this), note)

    def enable(self, command: Command) -> AutostartStatus:
        text = render_entry(
            EntryOptions(
                argv=command.argv,
                workdir=str(command.workdir) if command.workdir else None,
                menu=False,
                autostart=True,
            )
        )
        self._write(text)
        self._drop_legacy()
        return self.status()

    def disable(self) -> AutostartStatus:
        _remove(self.path)
        self._drop_legacy()
        if self._system_entry() is not None:  # a system-wide entry is overridden, not deleted
            self._write(f"[Desktop Entry]\nType=Application\nName={DESKTOP_ID}\nHidden=true\n")
        return self.status()

    def _write(self, text: str) -> None:
        tmp = self.path.with_name(f".{ENTRY_NAME}.tmp")
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise AutostartError(f"{self.path}: {exc.strerror or exc}") from exc

    def _drop_legacy(self) -> None:
        for name in LEGACY_ENTRY_NAMES:
            (self.dir / name).unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------- Windows
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
REG_SZ = 1  # winreg.REG_SZ, here so the backend is testable without winreg


class Registry(Protocol):
    """The few HKEY_CURRENT_USER operations the Run key needs."""

    def get(self, key: str, name: str) -> tuple[Any, int] | None: ...

    def set(self, key: str, name: str, value: str, kind: int) -> None: ...

    def delete(self, key: str, name: str) -> None: ...


class WinRegistry:
    """:class:`Registry` on the real HKEY_CURRENT_USER (Windows only)."""

    def __init__(self) -> None:
        import winreg  # type: ignore[import-not-found, unused-ignore]

        self.winreg: Any = winreg

    def get(self, key: str, name: str) -> tuple[Any, int] | None:
        w = self.winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, key) as k:
                value, kind = w.QueryValueEx(k, name)
        except FileNotFoundError:
            return None
        return value, kind

    def set(self, key: str, name: str, value: str, kind: int) -> None:
        w = self.winreg
        with w.CreateKeyEx(w.HKEY_CURRENT_USER, key, 0, w.KEY_SET_VALUE) as k:
            w.SetValueEx(k, name, 0, kind, value)

    def delete(self, key: str, name: str) -> None:
        w = self.winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, key, 0, w.KEY_SET_VALUE) as k:
                w.DeleteValue(k, name)
        except FileNotFoundError:
            pass


def windows_command_line(argv: list[str] | tuple[str, ...]) -> str:
    """The executable always in double quotes (a path with spaces must not be split at the first space),
    the arguments as the C runtime parses them."""
    return f'"{argv[0]}"' + "".join(" " + subprocess.list2cmdline([a]) for a in argv[1:])


def parse_windows_command_line(line: str) -> list[str]:
    """Split a command line as Windows programs do (CommandLineToArgvW): the program up to its closing quote,
    then arguments where ``2n`` backslashes before a quote are ``n`` backslashes and the quote toggles
    quoting,
    ``2n+1`` are ``n`` backslashes and a literal quote."""
    line = line.lstrip()
    if line.startswith('"'):
        end = line.find('"', 1)
        end = len(line) if end < 0 else end
        program, rest = line[1:end], line[end + 1 :]
    else:
        program, _sep, rest = line.partition(" ")
    args: list[str] = []
    current: list[str] = []
    in_arg = quoted = False
    i = 0
    while i < len(rest):
        c = rest[i]
        if c == "\\":
            n = len(rest[i:]) - len(rest[i:].lstrip("\\"))
            if i + n < len(rest) and rest[i + n] == '"':
                current.append("\\" * (n // 2))
                if n % 2:
                    current.append('"')
                    i += n + 1
                else:
                    i += n
                in_arg = True
                continue
            current.append("\\" * n)
            in_arg = True
            i += n
            continue
        if c == '"':
            quoted, in_arg = not quoted, True
        elif c in " \t" and not quoted:
            if in_arg:
                args.append("".join(current))
                current, in_arg = [], False
        else:
            current.append(c)
            in_arg = True
        i += 1
    if in_arg:
        args.append("".join(current))
    return [program, *args]


class WindowsAutostart:
    system = "windows"
    value_name = DESKTOP_ID

    def __init__(self, registry: Registry, *, this: Command | None = None) -> None:
        self.registry = registry
        self.this = this

    @property
    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{self.value_name}"

    def status(self) -> AutostartStatus:
        found = self.registry.get(RUN_KEY, self.value_name)
        if found is None:
            return AutostartStatus(self.system, False, self.location)
        argv = parse_windows_command_line(str(found[0]))
        approved = self.registry.get(APPROVED_KEY, self.value_name)
        # Task Manager's switch: the first byte is even (2) when enabled, odd (3) when disabled.
        off = approved is not None and bool(bytes(approved[0])[:1]) and bytes(approved[0])[0] % 2 == 1
        note = "disabled in Task Manager (Startup apps)" if off else ""
        return AutostartStatus(self.system, not off, self.location, argv, _same(argv, self.this), note)

    def enable(self, command: Command) -> AutostartStatus:
        # The Run key has no working directory: a checkout that is not installed cannot be started from it.
        if command.workdir is not None:
            raise AutostartError(
                "this copy of CDP Desktop is not installed (it runs from its source folder only); "
                "install it with pip or pipx first"
            )
        self.registry.set(RUN_KEY, self.value_name, windows_command_line(command.argv), REG_SZ)
        self.registry.delete(
            APPROVED_KEY, self.value_name
        )  # an explicit "on" also clears Task Manager's "off"
        return self.status()

    def disable(self) -> AutostartStatus:
        self.registry.delete(RUN_KEY, self.value_name)
        self.registry.delete(APPROVED_KEY, self.value_name)
        return self.status()


# ----------------------------------------------------------------------------------------------- macOS
class MacLaunchAgent:
    system = "macos"

    def __init__(self, home: Path, *, this: Command | None = None) -> None:
        self.path = home / "Library" / "LaunchAgents" / f"{DESKTOP_ID}.plist"
        self.this = this

    @staticmethod
    def plist(command: Command) -> dict[str, Any]:
        data: dict[str, Any] = {
            "Label": DESKTOP_ID,
            "ProgramArguments": list(command.argv),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",  # the logged-in GUI session, not ssh logins
        }
        if command.workdir is not None:
            data["WorkingDirectory"] = str(command.workdir)
        return data

    def status(self) -> AutostartStatus:
        if not self.path.is_file():
            return AutostartStatus(self.system, False, str(self.path))
        try:
            data = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError) as exc:
            return AutostartStatus(self.system, False, str(self.path), note=f"unreadable: {exc}")
        argv = [str(a) for a in data.get("ProgramArguments", [])] or None
        note = "Disabled=true" if data.get("Disabled") is True else ""
        if not note and data.get("RunAtLoad") is not True:
            note = "RunAtLoad is not true"
        return AutostartStatus(self.system, not note, str(self.path), argv, _same(argv, self.this), note)

    def enable(self, command: Command) -> AutostartStatus:
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(plistlib.dumps(self.plist(command), sort_keys=True))
            os.replace(tmp, self.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise AutostartError(f"{self.path}: {exc.strerror or exc}") from exc
        return self.status()

    def disable(self) -> AutostartStatus:
        _remove(self.path)
        return self.status()


# ---------------------------------------------------------------------------------------------- choice
def _same(argv: list[str] | None, this: Command | None) -> bool:
    return argv is not None and this is not None and list(this.argv) == argv


def for_platform(
    platform: str | None = None, *, this: Command | None = None, registry: Registry | None = None
) -> Autostart | None:
    """The backend for ``platform`` (default: this system), or None where none exists."""
    platform = platform or sys.platform
    if platform == "win32":
        return WindowsAutostart(registry or WinRegistry(), this=this)
    if platform == "darwin":
        return MacLaunchAgent(Path.home(), this=this)
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")):
        return XdgAutostart.from_env(this=this)
    return None


def current() -> tuple[Autostart | None, Command]:
    """This system's backend and the command that starts this installation's GUI."""
    command = Installation.current().gui()
    return for_platform(this=command), command
