"""Icons: the SVGs in ``resources/icons`` when present, otherwise painted state circles.

The tray icon must show the state by its drawing (a glyph and a colour), not only its tooltip, so the painted
fallback draws a distinct glyph per state as well.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ..core.errors import FAILURE_STATES, TRANSIENT_STATES, State

OVERALL_STATES = ("ok", "warning", "error", "offline", "paused")

# One palette for the tray, the badges and the banner (readable on light and dark backgrounds).
COLORS: dict[str, str] = {
    "ok": "#2e7d32",
    "warning": "#e08a00",
    "error": "#c62828",
    "offline": "#757575",
    "paused": "#4a6fa5",
    "pending": "#8a8f98",
    "info": "#1f6fb2",
}


@functools.cache
def _icons_dir() -> Path | None:
    """``cdp_desktop/resources/icons`` when installed; the repository's ``resources/icons`` in a checkout.

    Plain paths first (as i18n.translations_dir does): importlib.resources costs milliseconds of imports
    before the first paint and is only needed for unusual layouts."""
    here = Path(__file__).resolve()
    for path in (here.parents[1] / "resources" / "icons", here.parents[2] / "resources" / "icons"):
        if path.is_dir():
            return path
    from importlib import resources

    try:
        path = Path(str(resources.files("cdp_desktop.resources"))) / "icons"
    except (ModuleNotFoundError, TypeError):
        return None
    return path if path.is_dir() else None


def resource_icon(name: str) -> QIcon | None:
    """``resources/icons/<name>`` as a QIcon, or None when the file is not there (yet)."""
    folder = _icons_dir()
    if folder is None or not (folder / name).is_file():
        return None
    icon = QIcon(str(folder / name))
    return None if icon.isNull() else icon


def state_category(state: State | str) -> str:
    """Map a channel state to a colour family: ok / warning / error / offline / pending."""
    if isinstance(state, str) and not isinstance(state, State):
        try:
            state = State(state)
        except ValueError:
            return state if state in COLORS else "pending"
    if state in (State.OK, State.SENT, State.REPLIED, State.SENT_ELSEWHERE):
        return "ok"
    if state is State.NO_REPLY or state in TRANSIENT_STATES:
        return "warning"
    if state in FAILURE_STATES:
        return "error"
    if state is State.SKIPPED_DISABLED:
        return "offline"
    return "pending"


def color(name: str) -> QColor:
    return QColor(COLORS.get(name, COLORS["pending"]))


def _glyph(p: QPainter, kind: str, r: QRectF) -> None:
    """Draw a white glyph inside ``r``: check, exclamation, cross, dash, pause bars or a dot."""
    w = r.width()
    pen = QPen(QColor("white"), max(1.5, w * 0.13), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    c = r.center()
    x, y = r.left(), r.top()
    if kind == "ok":
        path = QPainterPath(QPointF(x + w * 0.28, y + w * 0.52))
        path.lineTo(QPointF(x + w * 0.44, y + w * 0.68))
        path.lineTo(QPointF(x + w * 0.73, y + w * 0.35))
        p.drawPath(path)
    elif kind == "warning":
        p.drawLine(QPointF(c.x(), y + w * 0.25), QPointF(c.x(), y + w * 0.58))
        p.drawPoint(QPointF(c.x(), y + w * 0.75))
    elif kind == "error":
        d = w * 0.2
        p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
        p.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d))
    elif kind == "offline":
        p.drawLine(QPointF(x + w * 0.3, c.y()), QPointF(x + w * 0.7, c.y()))
    elif kind == "paused":
        p.drawLine(QPointF(c.x() - w * 0.11, y + w * 0.32), QPointF(c.x() - w * 0.11, y + w * 0.68))
        p.drawLine(QPointF(c.x() + w * 0.11, y + w * 0.32), QPointF(c.x() + w * 0.11, y + w * 0.68))
    else:  # pending / info: a small dot
        p.setBrush(QColor("white"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(c, w * 0.1, w * 0.1)


def painted_icon(kind: str, sizes: tuple[int, ...] = (16, 22, 24, 32, 48, 64)) -> QIcon:
    """A filled circle in the state's colour with the state's glyph, at several sizes."""
    icon = QIcon()
    for size in sizes:
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color(kind))
        m = size * 0.06
        rect = QRectF(m, m, size - 2 * m, size - 2 * m)
        p.drawEllipse(rect)
        _glyph(p, kind, rect)
        p.end()
        icon.addPixmap(pm)
    return icon


@functools.cache
def tray_icon(state: str) -> QIcon:
    """The tray icon for an overall state (``ok``, ``warning``, ``error``, ``offline``, ``paused``)."""
    if state not in OVERALL_STATES:
        state = "offline"
    return resource_icon(f"tray-{state}.svg") or painted_icon(state)


@functools.cache
def state_icon(state: State | str) -> QIcon:
    """A small badge icon for a channel state."""
    return painted_icon(state_category(state), sizes=(12, 16, 24))


@functools.cache
def app_icon() -> QIcon:
    return resource_icon("cdp-desktop.svg") or painted_icon("ok")


def clear_cache() -> None:
    """Forget loaded icons (after the SVGs appear, or in tests)."""
    tray_icon.cache_clear()
    state_icon.cache_clear()
    app_icon.cache_clear()
    _icons_dir.cache_clear()
