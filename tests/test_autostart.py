"""Start at login on the three systems, through injected file systems and registries; the Linux entry also end
to end (desktop-file-validate, then the Exec line it holds started as a desktop would)."""

from __future__ import annotations

import json
import os
import plistlib
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cdp_desktop import DESKTOP_ID
from cdp_desktop.autostart import (
    APPROVED_KEY,
    REG_SZ,
    RUN_KEY,
    MacLaunchAgent,
    WindowsAutostart,
    XdgAutostart,
    for_platform,
    parse_windows_command_line,
    windows_command_line,
)
from cdp_desktop.desktop_file import exec_value, parse_exec, read_group
from cdp_desktop.launcher import Command, Installation
from tests.desktop_session import on_ci

REPO = Path(__file__).resolve().parents[1]
ENTRY = f"{DESKTOP_ID}.desktop"
LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG backend of this system")


def validate(path: Path) -> None:
    """desktop-file-validate must print nothing at all (no error, no warning, no hint)."""
    tool = shutil.which("desktop-file-validate")
    if tool is None and not sys.platform.startswith("linux"):
        pytest.skip("desktop-file-validate is a Linux tool")
    if tool is None:
        if on_ci():
            pytest.fail("CI=true but desktop-file-validate is missing (desktop-file-utils)")
        pytest.skip("needs desktop-file-validate")
    proc = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0 and not proc.stdout.strip() and not proc.stderr.strip(), proc.stdout


# ------------------------------------------------------------------------------------------------ launcher
def files(*paths: str) -> Any:
    have = {Path(p) for p in paths}
    return lambda p: p in have


def test_a_bundle_starts_its_gui_executable_not_python_dash_m() -> None:
    inst = Installation(
        Path("/opt/CDP Desktop/cdp-desktop"),
        frozen=True,
        windows=False,
        is_file=files("/opt/CDP Desktop/cdp-desktop-gui"),
    )
    assert inst.gui() == Command(("/opt/CDP Desktop/cdp-desktop-gui",), "bundle")
    assert inst.cli("daemon") == Command(("/opt/CDP Desktop/cdp-desktop", "daemon"), "bundle")
    win = Installation(
        Path("C:/CDP/cdp-desktop.exe"), frozen=True, windows=True, is_file=files("C:/CDP/cdp-desktop-gui.exe")
    )
    assert win.gui().argv == (str(Path("C:/CDP/cdp-desktop-gui.exe")),)


def test_a_venv_or_pipx_install_starts_its_own_console_script() -> None:
    bin_dir = Path("/home/u/.local/pipx/venvs/cdp-desktop/bin")
    inst = Installation(
        bin_dir / "python",
        frozen=False,
        windows=False,
        script_dirs=(bin_dir,),
        is_file=files(str(bin_dir / "cdp-desktop-gui"), str(bin_dir / "cdp-desktop")),
    )
    assert inst.gui() == Command((str(bin_dir / "cdp-desktop-gui"),), "script")
    assert inst.cli("daemon").argv == (str(bin_dir / "cdp-desktop"), "daemon")


def test_python_dash_m_uses_this_interpreter_and_the_checkout_folder_when_not_installed() -> None:
    scripts = Path("/usr/local/bin")  # someone else's cdp-desktop-gui: not this copy, not used
    inst = Installation(
        Path("/usr/bin/python3"),
        frozen=False,
        windows=False,
        script_dirs=(scripts,),
        package_root=Path("/src/cdp desktop"),
        importable=False,
        is_file=files("/usr/local/bin/cdp-desktop-gui"),
    )
    assert inst.gui() == Command(
        ("/usr/bin/python3", "-m", "cdp_desktop"), "module", Path("/src/cdp desktop")
    )
    win = Installation(
        Path("C:/Py/python.exe"),
        frozen=False,
        windows=True,
        importable=True,
        is_file=files("C:/Py/pythonw.exe"),
    )
    assert win.gui().argv == (str(Path("C:/Py/pythonw.exe")), "-m", "cdp_desktop")
    assert win.cli("daemon").argv == (str(Path("C:/Py/python.exe")), "-m", "cdp_desktop", "daemon")


def test_this_process_is_an_install_with_its_own_scripts() -> None:
    cmd = Installation.current().gui()
    assert cmd.kind == "script", cmd
    assert Path(cmd.program).parent == Path(sysconfig.get_path("scripts"))
    assert Path(cmd.program).stem == "cdp-desktop-gui"


# --------------------------------------------------------------------------------------------- Exec quoting
@given(
    st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12), min_size=1, max_size=4)
)
def test_exec_quoting_round_trips(argv: list[str]) -> None:
    assert parse_exec(exec_value(argv)) == argv


def test_exec_quoting_follows_the_spec() -> None:
    assert exec_value(["/opt/My Apps/run"]) == '"/opt/My Apps/run"'
    assert exec_value(["/a/b", "50%", 'say "hi"', "C:\\x", "$HOME"]) == (
        '/a/b 50%% "say \\\\"hi\\\\"" "C:\\\\\\\\x" "\\\\$HOME"'
    )
    assert "'" not in exec_value(["/it's here/run"]).replace("it's", "")  # no shell single quotes


# ------------------------------------------------------------------------------------------------------ XDG
def test_xdg_entry_is_valid_and_starts_the_given_command(tmp_path: Path) -> None:
    gui = Command(("/home/u/My Apps/venv/bin/cdp-desktop-gui",), "script")
    backend = XdgAutostart(tmp_path / "config", this=gui)
    status = backend.enable(gui)
    path = tmp_path / "config" / "autostart" / ENTRY
    assert status.enabled and status.current and status.location == str(path)
    text = path.read_text(encoding="utf-8")
    keys = read_group(text)
    assert keys["Exec"] == '"/home/u/My Apps/venv/bin/cdp-desktop-gui"'
    assert keys["TryExec"] == "/home/u/My Apps/venv/bin/cdp-desktop-gui"
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert keys["StartupWMClass"] == keys["Icon"] == DESKTOP_ID
    assert "Path" not in keys
    validate(path)

    module = Command(("/usr/bin/python3", "-m", "cdp_desktop"), "module", Path("/src/cdp desktop"))
    backend.enable(module)
    keys = read_group(path.read_text(encoding="utf-8"))
    assert keys["Exec"] == "/usr/bin/python3 -m cdp_desktop" and keys["Path"] == "/src/cdp desktop"
    assert not backend.status().current  # it no longer starts the installation called `gui`
    validate(path)

    assert not backend.disable().enabled
    assert not path.exists()


@pytest.mark.parametrize("line", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_xdg_hidden_or_gnome_disabled_entries_count_as_off(tmp_path: Path, line: str) -> None:
    folder = tmp_path / "config" / "autostart"
    folder.mkdir(parents=True)
    (folder / ENTRY).write_text(f"[Desktop Entry]\nType=Application\nName=x\nExec=/bin/x\n{line}\n")
    status = XdgAutostart(tmp_path / "config").status()
    assert not status.enabled and status.note == line and status.command == ["/bin/x"]
    on = XdgAutostart(tmp_path / "config").enable(Command(("/bin/x",), "script"))
    assert on.enabled and "Hidden" not in (folder / ENTRY).read_text()


def test_xdg_system_wide_entry_is_switched_off_by_a_hidden_user_entry(tmp_path: Path) -> None:
    system = tmp_path / "etc-xdg" / "autostart"
    system.mkdir(parents=True)
    (system / ENTRY).write_text("[Desktop Entry]\nType=Application\nName=x\nExec=cdp-desktop-gui\n")
    backend = XdgAutostart(tmp_path / "config", (tmp_path / "etc-xdg",))
    assert backend.status().enabled and backend.status().location == str(system / ENTRY)
    off = backend.disable()
    assert not off.enabled and off.note == "Hidden=true"
    assert (system / ENTRY).exists()  # never touched
    validate(tmp_path / "config" / "autostart" / ENTRY)


def test_xdg_enable_replaces_the_old_cdp_desktop_entry(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "autostart"
    folder.mkdir(parents=True)
    (folder / "cdp-desktop.desktop").write_text("[Desktop Entry]\nType=Application\nName=x\nExec='/a b/c'\n")
    XdgAutostart(tmp_path / "config").enable(Command(("/bin/x",), "script"))
    assert sorted(p.name for p in folder.iterdir()) == [ENTRY]


def test_xdg_backend_reads_the_environment(tmp_path: Path) -> None:
    backend = XdgAutostart.from_env({"HOME": str(tmp_path), "XDG_CONFIG_DIRS": "/a:/b"})
    assert backend.path == tmp_path / ".config" / "autostart" / ENTRY
    assert backend.system_dirs == (Path("/a/autostart"), Path("/b/autostart"))


# -------------------------------------------------------------------------------------------------- Windows
class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], tuple[Any, int]] = {}

    def get(self, key: str, name: str) -> tuple[Any, int] | None:
        return self.values.get((key, name))

    def set(self, key: str, name: str, value: str, kind: int) -> None:
        self.values[(key, name)] = (value, kind)

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


def test_windows_run_value_holds_the_quoted_executable() -> None:
    reg = FakeRegistry()
    gui = Command((r"C:\Program Files\CDP Desktop\cdp-desktop-gui.exe",), "bundle")
    backend = WindowsAutostart(reg, this=gui)
    assert not backend.status().enabled
    status = backend.enable(gui)
    assert reg.values == {
        (RUN_KEY, DESKTOP_ID): ('"C:\\Program Files\\CDP Desktop\\cdp-desktop-gui.exe"', REG_SZ),
    }
    assert status.enabled and status.current
    assert status.location == f"HKEY_CURRENT_USER\\{RUN_KEY}\\{DESKTOP_ID}"
    assert status.command == [gui.program]

    module = Command((r"C:\Users\Ann Lee\venv\Scripts\pythonw.exe", "-m", "cdp_desktop"), "module")
    backend.enable(module)
    assert reg.values[(RUN_KEY, DESKTOP_ID)] == (
        '"C:\\Users\\Ann Lee\\venv\\Scripts\\pythonw.exe" -m cdp_desktop',
        REG_SZ,
    )
    assert not backend.disable().enabled and reg.values == {}


def test_windows_task_manager_disabled_counts_as_off_and_enable_clears_it() -> None:
    reg = FakeRegistry()
    backend = WindowsAutostart(reg)
    backend.enable(Command(("C:\\a\\b.exe",), "bundle"))
    reg.values[(APPROVED_KEY, DESKTOP_ID)] = (b"\x03" + bytes(11), 3)
    status = backend.status()
    assert not status.enabled and "Task Manager" in status.note
    reg.values[(APPROVED_KEY, DESKTOP_ID)] = (b"\x02" + bytes(11), 3)
    assert backend.status().enabled
    reg.values[(APPROVED_KEY, DESKTOP_ID)] = (b"\x03" + bytes(11), 3)
    assert backend.enable(Command(("C:\\a\\b.exe",), "bundle")).enabled
    assert (APPROVED_KEY, DESKTOP_ID) not in reg.values


def test_windows_refuses_a_checkout_that_needs_a_working_directory() -> None:
    backend = WindowsAutostart(FakeRegistry())
    with pytest.raises(OSError, match="not installed"):
        backend.enable(Command(("python.exe", "-m", "cdp_desktop"), "module", Path("C:/src")))


@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"'), min_size=1),
        min_size=1,
        max_size=4,
    )
)
def test_windows_command_line_round_trips(argv: list[str]) -> None:
    assert parse_windows_command_line(windows_command_line(argv)) == argv


# ---------------------------------------------------------------------------------------------------- macOS
def test_macos_launch_agent_plist(tmp_path: Path) -> None:
    app = Command(("/Applications/CDP Desktop.app/Contents/MacOS/cdp-desktop-gui",), "bundle")
    backend = MacLaunchAgent(tmp_path, this=app)
    status = backend.enable(app)
    path = tmp_path / "Library" / "LaunchAgents" / f"{DESKTOP_ID}.plist"
    assert status.enabled and status.current and status.location == str(path)
    assert path.read_text(encoding="utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n'
        "<dict>\n"
        "\t<key>Label</key>\n"
        "\t<string>io.github.cdp_desktop.CdpDesktop</string>\n"
        "\t<key>LimitLoadToSessionType</key>\n"
        "\t<string>Aqua</string>\n"
        "\t<key>ProcessType</key>\n"
        "\t<string>Interactive</string>\n"
        "\t<key>ProgramArguments</key>\n"
        "\t<array>\n"
        "\t\t<string>/Applications/CDP Desktop.app/Contents/MacOS/cdp-desktop-gui</string>\n"
        "\t</array>\n"
        "\t<key>RunAtLoad</key>\n"
        "\t<true/>\n"
        "</dict>\n"
        "</plist>\n"
    )
    module = Command(("/usr/local/bin/python3", "-m", "cdp_desktop"), "module", Path("/Users/a/src"))
    backend.enable(module)
    data = plistlib.loads(path.read_bytes())
    assert data["ProgramArguments"] == ["/usr/local/bin/python3", "-m", "cdp_desktop"]
    assert data["WorkingDirectory"] == "/Users/a/src"
    data["Disabled"] = True
    path.write_bytes(plistlib.dumps(data))
    assert backend.status().note == "Disabled=true" and not backend.status().enabled
    assert not backend.disable().enabled and not path.exists()


def test_backend_per_platform() -> None:
    reg = FakeRegistry()
    assert isinstance(for_platform("win32", registry=reg), WindowsAutostart)
    assert isinstance(for_platform("darwin"), MacLaunchAgent)
    assert isinstance(for_platform("linux"), XdgAutostart)
    assert for_platform("emscripten") is None


# ------------------------------------------------------------------------------------------------ end to end
def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("cdp-desktop")
    return subprocess.run([str(script), *args], capture_output=True, text=True, env=env, timeout=60)


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CDP_DESKTOP_TOKEN", "PYTHON_KEYRING_BACKEND")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    env["CDP_DESKTOP_HOME"] = str(tmp_path / "home")
    return env


@LINUX
def test_cli_autostart_enable_status_disable(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    entry = tmp_path / "xdg-config" / "autostart" / ENTRY
    off = cli(env, "autostart", "status", "--json")
    assert off.returncode == 0, off.stderr
    assert json.loads(off.stdout) == {
        "system": "xdg",
        "enabled": False,
        "location": str(entry),
        "command": None,
        "current": False,
        "note": "",
    }
    on = cli(env, "autostart", "enable")
    assert on.returncode == 0, on.stderr
    assert on.stdout.splitlines()[0] == f"Start at login: on ({entry})"
    status = json.loads(cli(env, "autostart", "status", "--json").stdout)
    assert status["enabled"] and status["current"]
    assert status["command"] == [str(Path(sys.executable).with_name("cdp-desktop-gui"))]
    validate(entry)
    gone = cli(env, "autostart", "disable")
    assert gone.returncode == 0 and gone.stdout.strip() == "Start at login: off"
    assert not entry.exists()
    bad = cli(env, "autostart", "maybe")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


@pytest.mark.desktop
def test_the_written_exec_line_starts_the_app(tmp_path: Path, tray_host: Any) -> None:
    """As the session would at login: the Exec line of the entry, parsed per spec, with the entry's
    environment; the app's window comes up (first run: no token) and SIGTERM ends it cleanly."""
    env = clean_env(tmp_path)
    assert cli(env, "autostart", "enable").returncode == 0
    keys = read_group((tmp_path / "xdg-config" / "autostart" / ENTRY).read_text(encoding="utf-8"))
    argv = parse_exec(keys["Exec"])
    assert Path(argv[0]).is_file() and os.access(argv[0], os.X_OK)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # no token: the first-run window opens
    proc = subprocess.Popen(
        argv,
        cwd=keys.get("Path") or tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_window(proc)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def wait_for_window(proc: subprocess.Popen[str], timeout: float = 40) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        # --all: this process's window; without it xdotool matches any visible "CDP Desktop" window (one an
        # earlier GUI test left), and the SIGTERM came before the app had even installed its handlers.
        found = subprocess.run(
            ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(proc.pid), "--name", "CDP Desktop"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        if found.stdout.split():
            return
        time.sleep(0.3)
    pytest.fail("no window of the app appeared")


# -------------------------------------------------------------------------------------------------- packaging
def test_packaged_desktop_file_is_the_template_and_valid() -> None:
    from cdp_desktop.desktop_file import EntryOptions, render_entry

    path = REPO / "packaging" / ENTRY
    assert path.read_text(encoding="utf-8") == render_entry(EntryOptions(argv=["cdp-desktop-gui"]))
    validate(path)
