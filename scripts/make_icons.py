"""Render the PNG icons from the SVG sources with QtSvg, so they can be rebuilt exactly.

    python scripts/make_icons.py           # (re)write every PNG
    python scripts/make_icons.py --check   # exit 1 if a PNG is missing or differs from a fresh render

Outputs (under resources/icons/):
    hicolor/<N>x<N>/apps/cdp-desktop.png   N in 16 24 32 48 64 128 256  (freedesktop icon theme layout)
    tray/tray-<state>-<N>.png              N in 22 32 64                (for platforms without SVG trays)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)
TRAY_SIZES = (22, 32, 64)
TRAY_STATES = ("ok", "warning", "error", "offline", "paused")
# A re-render may differ by rounding on another Qt build; more than this per channel is a real change.
TOLERANCE = 8


def targets() -> list[tuple[Path, Path, int]]:
    out = [(ICONS / "cdp-desktop.svg", ICONS / f"hicolor/{n}x{n}/apps/cdp-desktop.png", n) for n in APP_SIZES]
    for state in TRAY_STATES:
        svg = ICONS / f"tray-{state}.svg"
        out += [(svg, ICONS / f"tray/tray-{state}-{n}.png", n) for n in TRAY_SIZES]
    return out


def render(svg: Path, size: int) -> QImage:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def same(a: QImage, b: QImage) -> bool:
    if a.size() != b.size():
        return False
    a = a.convertToFormat(a.Format.Format_ARGB32)
    b = b.convertToFormat(b.Format.Format_ARGB32)
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    return all(abs(x - y) <= TOLERANCE for x, y in zip(pa, pb, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage  # after QT_QPA_PLATFORM is set

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    stale: list[Path] = []
    for svg, png, size in targets():
        image = render(svg, size)
        if args.check:
            if not png.exists() or not same(image, QImage(str(png))):
                stale.append(png)
            continue
        png.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(png), "PNG"):
            raise SystemExit(f"could not write {png}")
    if stale:
        for p in stale:
            print(f"out of date: {p.relative_to(ICONS.parent.parent)}", file=sys.stderr)
        print("run: python scripts/make_icons.py", file=sys.stderr)
        return 1
    if not args.check:
        print(f"wrote {len(targets())} PNGs under {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
