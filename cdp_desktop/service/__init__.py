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

from .app import LOOPBACK_TIMING, AppService, ClientTiming
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
from .rows import ChannelRow

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
