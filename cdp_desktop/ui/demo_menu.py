"""The Demo menu (``--demo`` only): faults to inject into the in-process sandbox, to show how the app reacts.

The window's menu bar and the tray's submenu are filled by the same :class:`DemoMenu`, so both show the same
state (a silenced bot offers "Let the target bot reply" in both).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ..demo import DemoControls
    from .main_window import MainWindow


@dataclass(frozen=True)
class _Item:
    name: str  # the action's object name: "demo_" + this
    text: str
    run: Callable[[DemoControls], Any]  # may return an awaitable
    flag: str | None = None  # the on/off state this item flips


class DemoMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.faults = {"silent": False, "revoked": False, "offline": False}  # what is injected now

    def intro(self) -> str:
        """What the demo is, for the window's first banner."""
        return self.tr(
            "This is the demo: a local Discord sandbox with its own channels and a target bot "
            "that replies; nothing reaches Discord and its files are removed on Quit. Try Run now, "
            "then the Demo menu: delete a channel, silence the bot, take the server offline, revoke "
            "the token."
        )

    def _items(self) -> list[_Item]:
        f = self.faults
        silent = not f["silent"]  # what the silence item sets

        def silence(d: DemoControls) -> None:
            d.silence_target(silent)

        return [
            _Item("delete_channel", self.tr("Delete a channel on the server"), lambda d: d.delete_channel()),
            _Item(
                "silence_target",
                self.tr("Let the target bot reply") if f["silent"] else self.tr("Silence the target bot"),
                silence,
                "silent",
            ),
            _Item("restore_token", self.tr("Restore the token"), self._restore_token, "revoked")
            if f["revoked"]
            else _Item("revoke_token", self.tr("Revoke the token"), lambda d: d.revoke_token(), "revoked"),
            _Item("go_online", self.tr("Bring the server back"), lambda d: d.go_online(), "offline")
            if f["offline"]
            else _Item("go_offline", self.tr("Take the server offline"), lambda d: d.go_offline(), "offline"),
        ]

    def fill(self, menu: QMenu) -> None:
        """(Re)build ``menu`` for the current state."""
        menu.clear()
        enabled = self._controls() is not None
        for item in self._items():
            action = menu.addAction(item.text)
            action.setEnabled(enabled)
            action.setObjectName(f"demo_{item.name}")
            action.triggered.connect(lambda _checked=False, it=item: self.trigger(it))

    def _controls(self) -> DemoControls | None:
        service = self.window.service
        return service.demo if service is not None else None

    def trigger(self, item: _Item) -> None:
        controls = self._controls()
        if controls is None:
            return
        bridge = self.window.bridge
        try:
            result = item.run(controls)
        except Exception as exc:
            bridge.report_exception(exc, item.text)
            return
        if item.flag is not None:
            self.faults[item.flag] = not self.faults[item.flag]
        if inspect.isawaitable(result):
            bridge.spawn(_wait(result), what=item.text, on_done=lambda r: self._done(item, r))
        else:
            self._done(item, result)

    def _restore_token(self, controls: DemoControls) -> None:
        controls.restore_token()
        service = self.window.service
        if service is not None:
            # The client stopped for good when Discord rejected the token: log in again with the restored one.
            self.window.bridge.spawn(service.reconnect(), what=self.tr("Restore the token"))

    def _done(self, item: _Item, result: object) -> None:
        if item.name == "delete_channel":
            text = (
                self.tr(
                    "Demo: channel {0} was deleted on the server. Run now to see the app notice it."
                ).format(result)
                if result
                else self.tr("Demo: no configured channel is left to delete.")
            )
            self.window.statusBar().showMessage(text, 10000)
        self.window.refresh_channels()


async def _wait(awaitable: Awaitable[Any]) -> Any:
    return await awaitable
