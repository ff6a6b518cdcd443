"""The application service: config + history + Discord client + engine + scheduler, wired together.

This is the one object the shells (CLI, daemon, Qt UI) talk to. It has no Qt in it: the UI wraps its
events in Qt signals (``ui/bridge.py``). Everything that can fail in a user-visible way ends up as a
state or a :class:`Notice` event, never as an exception escaping into the event loop.

- ``app``: :class:`AppService`, the lifecycle wiring (client, engine, scheduler, watchers) and actions;
- ``config_updates``: every change to the configuration, validated and saved under the lock;
- ``notices``: the notification policy (which results are news, grouped how, how often);
- ``rows``: the channel-rows presenter (the table's lines from config, history and the connection);
- ``events``: what listeners receive.
"""

from typing import TYPE_CHECKING, Any

from .events import (
    CdpEndpointChanged,
    ChannelsChanged,
    ConnectionChanged,
    Listener,
    Notice,
    OverallState,
    RunFinished,
    RunStarted,
    ScheduleChanged,
    SchedulerState,
    ServiceEvent,
)

if TYPE_CHECKING:
    from .app import LOOPBACK_TIMING, AppService, ClientTiming
    from .rows import ChannelRow

# The service itself loads asyncio and the engine: imported when first asked for, so that the window can
# use the event and state types before its first paint without paying for them.
_LAZY = {"AppService": "app", "ClientTiming": "app", "LOOPBACK_TIMING": "app", "ChannelRow": "rows"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)


__all__ = [
    "LOOPBACK_TIMING",
    "AppService",
    "CdpEndpointChanged",
    "ChannelRow",
    "ChannelsChanged",
    "ClientTiming",
    "ConnectionChanged",
    "Listener",
    "Notice",
    "OverallState",
    "RunFinished",
    "RunStarted",
    "ScheduleChanged",
    "SchedulerState",
    "ServiceEvent",
]
