"""The settings dialog's view of start at login (the backends are in :mod:`cdp_desktop.autostart`)."""

from __future__ import annotations

from ..autostart import Autostart, current, for_platform


def _backend() -> Autostart | None:
    return for_platform()  # no command needed to read the state (working it out may start a Python)


def supported() -> bool:
    return _backend() is not None


def is_enabled() -> bool:
    backend = _backend()
    return backend is not None and backend.status().enabled


def set_enabled(enabled: bool) -> None:
    """Write or remove the entry for this installation (raises OSError with the file or key it could not
    change)."""
    backend, command = current()
    if backend is None:
        return
    if enabled:
        backend.enable(command)
    else:
        backend.disable()
