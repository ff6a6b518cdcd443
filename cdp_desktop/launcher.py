"""The command that starts this installation of CDP Desktop again, for entries the desktop runs later.

An autostart entry, a menu entry or a systemd unit is run by the session, not from the shell the user typed
in: no activated venv, no ``PATH`` of theirs, another working directory. So the command is built from what
this process knows about itself, in this order:

1. a frozen bundle (PyInstaller, ``sys.frozen``): the ``cdp-desktop-gui`` / ``cdp-desktop`` executables
   next to ``sys.executable`` (``sys.executable`` is the bundle's own program, never a Python);
2. pip / pipx console scripts of *this* interpreter (its venv's ``bin``/``Scripts``, or the user scheme), used
   only when that interpreter imports this very copy of the package;
3. ``python -m cdp_desktop`` with this interpreter, plus the working directory it needs when the package is
   only importable from a source checkout.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GUI_NAME = "cdp-desktop-gui"
CLI_NAME = "cdp-desktop"


@dataclass(frozen=True)
class Command:
    """A program and its arguments, and the working directory it needs (None: any)."""

    argv: tuple[str, ...]
    kind: str  # "bundle", "script" or "module": how this installation is run
    workdir: Path | None = None

    @property
    def program(self) -> str:
        return self.argv[0]


@dataclass(frozen=True)
class Installation:
    """What a command is built from; ``current()`` reads it from this process, tests pass their own."""

    executable: Path
    frozen: bool
    windows: bool
    script_dirs: tuple[Path, ...] = ()
    package_root: Path | None = None  # the folder that holds the cdp_desktop package
    importable: bool = True  # this interpreter imports this copy of cdp_desktop from any working directory
    is_file: Callable[[Path], bool] = field(default=Path.is_file, compare=False, repr=False)

    @classmethod
    @functools.cache
    def current(cls) -> Installation:
        import cdp_desktop

        frozen = bool(getattr(sys, "frozen", False))
        root = Path(cdp_desktop.__file__).resolve().parent.parent
        return cls(
            executable=Path(sys.executable),
            frozen=frozen,
            windows=sys.platform == "win32",
            script_dirs=() if frozen else _script_dirs(),
            package_root=root,
            importable=True if frozen else _imports_this_copy(Path(sys.executable), root),
        )

    def _exe(self, name: str) -> str:
        return f"{name}.exe" if self.windows else name

    # ------------------------------------------------------------------------------------------ commands
    def gui(self) -> Command:
        """The windowed app (no console window on Windows)."""
        return self._command(GUI_NAME, ())

    def cli(self, *args: str) -> Command:
        """The console command with ``args`` (e.g. ``daemon``)."""
        return self._command(CLI_NAME, args)

    def _command(self, name: str, args: tuple[str, ...]) -> Command:
        if self.frozen:
            bundle = self.executable.parent
            candidate = bundle / self._exe(name)
            program = candidate if self.is_file(candidate) else self.executable
            return Command((str(program), *args), "bundle")
        if self.importable:
            for folder in self.script_dirs:
                script = folder / self._exe(name)
                if self.is_file(script):
                    return Command((str(script), *args), "script")
        python = self.executable
        if name == GUI_NAME and self.windows:
            pythonw = python.with_name("pythonw.exe")
            python = pythonw if self.is_file(pythonw) else python
        workdir = None if self.importable else self.package_root
        return Command((str(python), "-m", "cdp_desktop", *args), "module", workdir)


def _script_dirs() -> tuple[Path, ...]:
    """Where pip puts console scripts for this interpreter: its (venv) scheme, then the user scheme."""
    dirs: list[Path] = []
    for scheme in (None, _user_scheme()):
        try:
            path = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
        except KeyError:
            continue
        if path and Path(path) not in dirs:
            dirs.append(Path(path))
    return tuple(dirs)


def _user_scheme() -> str | None:
    try:
        return sysconfig.get_preferred_scheme("user")
    except KeyError:
        return None


def _imports_this_copy(python: Path, root: Path) -> bool:
    """True when ``python``, started elsewhere and without PYTHONPATH, imports the package from ``root``.

    A checkout run as ``python -m cdp_desktop`` from its own folder is not importable from anywhere else; a
    pip, pipx or editable install is."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    code = "import cdp_desktop, sys; sys.stdout.write(cdp_desktop.__file__)"
    try:
        out = subprocess.run(
            [str(python), "-c", code],
            cwd=tempfile.gettempdir(),
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    if out.returncode != 0 or not out.stdout:
        return False
    return Path(out.stdout).resolve().parent.parent == root
