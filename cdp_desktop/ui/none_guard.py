"""Keep ``None`` alive on Python 3.11 under PySide6 6.12.

PySide6 6.12 drops one reference to ``None`` on every call of a QPainter method that returns nothing
(``fillRect``, ``drawLine``, ``setPen``, ``QIcon.paint`` ...). Python 3.12 and later make ``None``
immortal, so this costs nothing there; on 3.11 ``None`` starts with a few thousand references and the
process aborts with "none_dealloc: deallocating None" once painting has used them up: a few repaints of
the channels table with its strip and state badges. Giving ``None`` a reference count it cannot run out
of (what 3.12 does for all immortal objects) makes the painting code safe on 3.11.

The delegates call ``ensure()`` when they paint; the bump itself (it needs ``ctypes``, a few milliseconds
to import) runs once the event loop is back, so the first paint does not pay for it.
"""

from __future__ import annotations

import sys

_state = {"done": sys.version_info >= (3, 12), "scheduled": False}
HEADROOM = 1 << 60


def pin_now() -> None:
    """Give ``None`` ``HEADROOM`` more references (3.11 only; a no-op on immortal ``None``)."""
    if _state["done"]:
        return
    import ctypes

    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    refcnt.value += HEADROOM
    _state["done"] = True


def ensure() -> None:
    """Called from paint code: schedules ``pin_now`` on the event loop the first time."""
    if _state["done"] or _state["scheduled"]:
        return
    _state["scheduled"] = True
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, pin_now)
