"""Smoke test of a PyInstaller bundle (dist/cdp-desktop/) as a user would run it on Linux.

    dbus-run-session -- xvfb-run -a python scripts/bundle_smoke.py dist/cdp-desktop

Checks: ``--version``; ``status --json``; ``--demo`` with a real StatusNotifierItem host (window shown, tray
item registered, SIGTERM → exit 0, nothing unclean on stderr); start at login written from the bundle
(desktop-file-validate clean, Exec is the bundle's GUI executable) and its Exec line started as the session
would (the first-run window opens; SIGTERM → exit 0). Needs DISPLAY and a session bus; one line per check.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from cdp_desktop import DESKTOP_ID, __version__  # noqa: E402
from cdp_desktop.desktop_file import parse_exec, read_group  # noqa: E402

BAD = ("Traceback", "was never awaited", "Event loop is closed", "Unclosed client session")
WATCHER = ("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher")


def fail(message: str) -> None:
    print(f"bundle smoke test: FAILED: {message}", file=sys.stderr)
    raise SystemExit(1)


def ok(message: str) -> None:
    print(f"bundle smoke test: ok: {message}", flush=True)


def run(argv: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=timeout)


def registered_items() -> list[str]:
    out = subprocess.run(
        [
            "gdbus",
            "call",
            "--session",
            "--dest",
            WATCHER[0],
            "--object-path",
            WATCHER[1],
            "--method",
            "org.freedesktop.DBus.Properties.Get",
            WATCHER[0],
            "RegisteredStatusNotifierItems",
        ],
        capture_output=True,
        text=True,
        timeout=10,
    )
    return [] if out.returncode else [w for w in out.stdout.replace("'", " ").split() if w.startswith(":")]


def visible_window(pid: int, name: str) -> bool:
    out = subprocess.run(
        ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", name],
        capture_output=True,
        text=True,
        timeout=10,
    )
    return bool(out.stdout.split())


def wait(check: object, what: str, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            fail(f"{what}: the app exited early ({proc.returncode}):\n{proc.communicate()[1]}")
        if check():  # type: ignore[operator]
            return
        time.sleep(0.25)
    proc.kill()
    fail(f"{what}: not within {timeout:.0f} s:\n{proc.communicate()[1]}")


def stop(proc: subprocess.Popen[str], what: str) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail(f"{what}: still running 20 s after SIGTERM")
    if proc.returncode != 0:
        fail(f"{what}: exit status {proc.returncode} after SIGTERM:\n{err}")
    for word in BAD:
        if word in err:
            fail(f"{what}: {word!r} on stderr:\n{err}")


def main(bundle: Path) -> int:
    cli, gui = bundle / "cdp-desktop", bundle / "cdp-desktop-gui"
    for exe in (cli, gui):
        if not os.access(exe, os.X_OK):
            fail(f"{exe} is missing or not executable")
    if not (os.environ.get("DISPLAY") and os.environ.get("DBUS_SESSION_BUS_ADDRESS")):
        fail("needs DISPLAY and a session bus (run it under dbus-run-session and xvfb-run)")
    tmp = Path(tempfile.mkdtemp(prefix="cdp-bundle-smoke-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CDP_DESKTOP_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"), QT_QPA_PLATFORM="xcb")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the user's keyring
    host = None
    try:
        out = run([str(cli), "--version"], env)
        if out.returncode != 0 or out.stdout.strip() != f"cdp-desktop {__version__}":
            fail(f"--version: {out.returncode} {out.stdout!r} {out.stderr!r}")
        ok(out.stdout.strip())

        out = run([str(cli), "--home", str(tmp / "home"), "status", "--json"], env)
        if out.returncode != 0:
            fail(f"status --json exited {out.returncode}: {out.stderr}")
        status = json.loads(out.stdout)
        if status.get("version") != __version__ or "next_run" not in status:
            fail(f"status --json: unexpected document {status}")
        ok("status --json")

        host = subprocess.Popen(
            ["gtk-sni-tray-standalone", "--watcher", "--bottom"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while (
            subprocess.run(
                ["gdbus", "introspect", "--session", "--dest", WATCHER[0], "--object-path", WATCHER[1]],
                capture_output=True,
                timeout=10,
            ).returncode
            != 0
        ):
            if time.monotonic() > deadline:
                fail("the StatusNotifierItem host did not come up")
            time.sleep(0.2)
        before = set(registered_items())
        demo = subprocess.Popen(
            [str(gui), "--demo", "--home", str(tmp / "demo")],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait(lambda: visible_window(demo.pid, "CDP Desktop$"), "demo window shown", demo)
        wait(lambda: set(registered_items()) - before, "tray item registered", demo)
        log = tmp / "demo" / "logs" / "cdp-desktop.log"
        wait(
            lambda: log.exists() and "demo: sandbox at" in log.read_text(errors="replace"),
            "demo started",
            demo,
        )
        stop(demo, "--demo")
        ok("--demo: window shown, tray item registered, SIGTERM -> exit 0")

        out = run([str(cli), "autostart", "enable"], env)
        entry = tmp / "config" / "autostart" / f"{DESKTOP_ID}.desktop"
        if out.returncode != 0 or not entry.is_file():
            fail(f"autostart enable: {out.returncode} {out.stderr}")
        check = run(["desktop-file-validate", str(entry)], env)
        if check.returncode != 0 or check.stdout.strip():
            fail(f"desktop-file-validate: {check.stdout}")
        argv = parse_exec(read_group(entry.read_text(encoding="utf-8"))["Exec"])
        if argv != [str(gui)]:
            fail(f"autostart Exec is {argv}, not the bundle's GUI executable {gui}")
        login_env = dict(env, CDP_DESKTOP_HOME=str(tmp / "login"))
        login = subprocess.Popen(
            argv, env=login_env, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        wait(lambda: visible_window(login.pid, "CDP Desktop"), "autostart entry starts the app", login)
        stop(login, "autostart entry")
        ok(f"autostart entry valid, its Exec line starts the app ({gui.name})")
    finally:
        if host is not None:
            host.terminate()
            host.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1]).resolve()))
