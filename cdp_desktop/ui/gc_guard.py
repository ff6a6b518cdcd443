"""Run Python's cyclic garbage collector on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed: a keyring
worker, discord.py's heartbeat thread. If it frees a Qt object there, Qt destroys it off the GUI thread
and the process can crash. So automatic collection is switched off and the GUI thread collects the
generations whose thresholds were passed (the approach qutebrowser takes too).

It does so each time its event loop is about to sleep (``QAbstractEventDispatcher.aboutToBlock``), not
from a timer of its own: the check costs a microsecond while the thread is awake anyway, and an idle
app is not woken up just to collect. Garbage made while the GUI thread sleeps waits for its next wake-up
(at the latest discord.py's gateway heartbeat, about every 41 s; the scheduler has no tick any more).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QAbstractEventDispatcher, QObject


class GuiThreadGarbageCollector(QObject):
    """Construct on the GUI thread (after the QApplication): switches automatic collection off at once.
    ``start()`` begins collecting; until then nothing is collected (the app starts it after its first
    paint, so start-up does not pay for collections)."""

    def __init__(self, parent: QObject | None = None, *, start: bool = True) -> None:
        super().__init__(parent)
        gc.disable()
        self._dispatcher: QAbstractEventDispatcher | None = None
        if start:
            self.start()

    def start(self) -> None:
        if self._dispatcher is not None:
            return
        dispatcher = QAbstractEventDispatcher.instance()  # this (the GUI) thread's dispatcher
        if dispatcher is None:
            raise RuntimeError("GuiThreadGarbageCollector needs the GUI thread's event dispatcher")
        dispatcher.aboutToBlock.connect(self.collect)  # a bound slot: disconnected when self goes away
        self._dispatcher = dispatcher

    def stop(self) -> None:
        if self._dispatcher is not None:
            self._dispatcher.aboutToBlock.disconnect(self.collect)
            self._dispatcher = None

    def collect(self) -> int:
        """Collect the oldest generation whose threshold was passed; returns the objects freed."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0
