"""Resume from suspend, as logind announces it on the system bus (Linux).

logind sends ``PrepareForSleep(true)`` before the machine sleeps and ``PrepareForSleep(false)`` after it
woke up. The scheduler's wall-clock alarm fires after a suspend anyway when the slot passed meanwhile; this
signal also lets it retry failed channels and re-check the network at once. Where there is no system bus or
no logind (containers, macOS, Windows) the watch ends quietly and costs nothing.

jeepney (already installed with keyring on Linux) speaks D-Bus over the running asyncio loop, so this works
under plain asyncio and under qasync alike.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"


async def watch_resume(
    on_resume: Callable[[], None],
    on_sleep: Callable[[], None] | None = None,
    bus: str = "SYSTEM",
    on_listening: Callable[[], None] | None = None,
) -> None:
    """Call ``on_sleep()`` before each suspend and ``on_resume()`` after it, until cancelled; returns at once
    where logind is unreachable."""
    if not sys.platform.startswith("linux"):
        return
    try:
        from jeepney import MatchRule, message_bus
        from jeepney.io.asyncio import Proxy, open_dbus_router
    except ImportError:  # pragma: no cover - jeepney comes with keyring on Linux
        return
    # The bus delivers only logind's signal (sender checked by the bus against the name's owner); the
    # local filter cannot see well-known names, so it matches the rest of the signature only.
    local = MatchRule(type="signal", interface=LOGIND_MANAGER, member="PrepareForSleep", path=LOGIND_PATH)
    on_bus = MatchRule(
        type="signal", sender=LOGIND, interface=LOGIND_MANAGER, member="PrepareForSleep", path=LOGIND_PATH
    )
    try:
        async with open_dbus_router(bus=bus) as router:
            await Proxy(message_bus, router).AddMatch(on_bus)
            with router.filter(local, bufsize=8) as queue:
                log.debug("listening for logind's PrepareForSleep")
                if on_listening is not None:
                    on_listening()
                while True:
                    message = await queue.get()
                    going_to_sleep = bool(message.body[0]) if message.body else True
                    if going_to_sleep:
                        log.info("the system is going to sleep")
                        if on_sleep is not None:
                            on_sleep()
                    else:
                        log.info("resumed from suspend")
                        on_resume()
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # no system bus, no permission, bus gone: resume is still seen by the alarm
        log.debug("no logind sleep signal (%s)", exc)
