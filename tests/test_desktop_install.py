"""``cdp-desktop install-desktop-entry``: menu entry, icons and systemd unit of this installation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cdp_desktop import DESKTOP_ID
from cdp_desktop.desktop_file import parse_exec, read_group
from cdp_desktop.desktop_install import ICON_SIZES, packaged_unit, systemd_quote
from tests.test_autostart import validate

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="menu entries are for Linux")


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CDP_DESKTOP_TOKEN", "PYTHON_KEYRING_BACKEND")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["CDP_DESKTOP_HOME"] = str(tmp_path / "home")
    script = Path(sys.executable).with_name("cdp-desktop")
    return subprocess.run(
        [str(script), "install-desktop-entry", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_install_and_uninstall_menu_entry_icons_and_unit(tmp_path: Path) -> None:
    done = run(tmp_path, "--daemon")
    assert done.returncode == 0, done.stderr
    entry = tmp_path / "data" / "applications" / f"{DESKTOP_ID}.desktop"
    keys = read_group(entry.read_text(encoding="utf-8"))
    gui = str(Path(sys.executable).with_name("cdp-desktop-gui"))
    assert parse_exec(keys["Exec"]) == [gui] and keys["TryExec"] == gui
    assert keys["Icon"] == keys["StartupWMClass"] == DESKTOP_ID
    validate(entry)
    icons = tmp_path / "data" / "icons" / "hicolor"
    for n in ICON_SIZES:
        png = icons / f"{n}x{n}" / "apps" / f"{DESKTOP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (icons / "scalable" / "apps" / f"{DESKTOP_ID}.svg").read_text().lstrip().startswith("<")
    unit = tmp_path / "config" / "systemd" / "user" / "cdp-desktop.service"
    text = unit.read_text(encoding="utf-8")
    assert f"ExecStart={Path(sys.executable).with_name('cdp-desktop')} daemon\n" in text
    assert "RestartPreventExitStatus=2 127\n" in text
    verify_unit(unit)

    gone = run(tmp_path, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not entry.exists() and not unit.exists()
    assert not list(icons.rglob(f"{DESKTOP_ID}.*"))


def test_a_unit_written_by_hand_is_not_removed(tmp_path: Path) -> None:
    unit = tmp_path / "config" / "systemd" / "user" / "cdp-desktop.service"
    unit.parent.mkdir(parents=True)
    unit.write_text(packaged_unit())
    assert run(tmp_path, "--uninstall").returncode == 0
    assert unit.exists()


def test_systemd_quoting() -> None:
    assert systemd_quote("/opt/cdp/cdp-desktop") == "/opt/cdp/cdp-desktop"
    assert systemd_quote("/home/a b/100%/$x") == '"/home/a b/100%%/$$x"'


def test_packaged_unit_is_the_template() -> None:
    assert (REPO / "packaging" / "cdp-desktop.service").read_text(encoding="utf-8") == packaged_unit()


def verify_unit(unit: Path) -> None:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("needs systemd-analyze")
    proc = subprocess.run([tool, "verify", str(unit)], capture_output=True, text=True, timeout=30)
    if "Failed to initialize manager" in proc.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {proc.stderr.strip()}")
    assert unit.name not in proc.stderr, proc.stderr
