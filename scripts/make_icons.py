"""Render the PNG icons from the SVG sources with QtSvg, so they can be rebuilt exactly.

    python scripts/make_icons.py           # (re)write every PNG
    python scripts/make_icons.py --check   # exit 1 if a PNG is missing or differs from a fresh render

Outputs (under resources/icons/):
    hicolor/<N>x<N>/apps/cdp-desktop.png   N in 16 24 32 48 64 128 256  (freedesktop icon theme layout)
    tray/tray-<state>-<N>.png              N in 22 32 64                (for platforms without SVG trays)
    cdp-desktop.ico                        16-256 px, PNG-compressed    (Windows executables, PyInstaller)
    cdp-desktop.icns                       16-1024 px, PNG entries      (macOS app bundle, PyInstaller)
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


ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types that hold PNG data, by pixel size (the @2x types reuse the larger renders).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise SystemExit("could not encode a PNG")
    buf.close()
    return bytes(data.data())


def make_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO of PNG-compressed images (Windows Vista and later read these at every size)."""
    import struct

    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for n in sizes:
        data = pngs[n]
        dim = 0 if n >= 256 else n  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def read_ico(data: bytes) -> dict[int, bytes]:
    import struct

    _reserved, _kind, count = struct.unpack_from("<HHH", data)
    out = {}
    for i in range(count):
        w, _h, _c, _r, _p, _b, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        out[w or 256] = data[offset : offset + size]
    return out


def make_icns(pngs: dict[int, bytes]) -> bytes:
    import struct

    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[n])) + pngs[n] for kind, n in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def read_icns(data: bytes) -> dict[bytes, bytes]:
    import struct

    out, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        out[kind] = data[pos + 8 : pos + length]
        pos += length
    return out


def platform_icons(check: bool) -> list[Path]:
    """Write (or with ``check`` compare) the .ico and .icns; returns the stale files."""
    from PySide6.QtGui import QImage

    svg = ICONS / "cdp-desktop.svg"
    renders = {n: render(svg, n) for n in sorted({*ICO_SIZES, *(n for _k, n in ICNS_TYPES)})}
    ico, icns = ICONS / "cdp-desktop.ico", ICONS / "cdp-desktop.icns"
    if not check:
        pngs = {n: png_bytes(img) for n, img in renders.items()}
        ico.write_bytes(make_ico({n: pngs[n] for n in ICO_SIZES}))
        icns.write_bytes(make_icns(pngs))
        return []
    stale = []
    try:
        got = read_ico(ico.read_bytes())
        if sorted(got) != list(ICO_SIZES) or not all(
            same(renders[n], QImage.fromData(got[n])) for n in ICO_SIZES
        ):
            stale.append(ico)
    except (OSError, ValueError, KeyError):
        stale.append(ico)
    try:
        entries = read_icns(icns.read_bytes())
        if [k for k, _n in ICNS_TYPES] != list(entries) or not all(
            same(renders[n], QImage.fromData(entries[k])) for k, n in ICNS_TYPES
        ):
            stale.append(icns)
    except (OSError, ValueError, KeyError):
        stale.append(icns)
    return stale


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
    stale += platform_icons(args.check)
    if stale:
        for p in stale:
            print(f"out of date: {p.relative_to(ICONS.parent.parent)}", file=sys.stderr)
        print("run: python scripts/make_icons.py", file=sys.stderr)
        return 1
    if not args.check:
        print(f"wrote {len(targets())} PNGs, the .ico and the .icns under {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
