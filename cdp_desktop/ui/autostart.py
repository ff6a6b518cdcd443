"""Start at login on Linux desktops: an XDG autostart entry in ``$XDG_CONFIG_HOME/autostart``.

Other platforms are not supported yet; :func:`supported` says so and the settings dialog disables the option.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from .. import APP_ID, APP_NAME

FILE_NAME = f"{APP_ID}.desktop"


def supported() -> bool:
    return sys.platform.startswith("linux")


def autostart_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart"


def entry_path() -> Path:
    return autostart_dir() / FILE_NAME


def is_enabled() -> bool:
    return entry_path().is_file()


def command() -> str:
    """The command the session starts: the installed GUI launcher, else this interpreter with ``-m``."""
    launcher = shutil.which("cdp-desktop-gui") or shutil.which("cdp-desktop")
    if launcher:
        return shlex.quote(launcher)
    return f"{shlex.quote(sys.executable)} -m cdp_desktop"


def set_enabled(enabled: bool) -> None:
    path = entry_path()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Daily keep-alive for Discord bots\n"
        f"Exec={command()}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n",
        encoding="utf-8",
    )
