"""Render pmdesk's icons from their SVG sources (resources/icons) into what the desktops
want, under packaging/icons:

- `pmdesk-N.png` and `application-x-pmdesk-N.png` at the freedesktop sizes (the
  install script puts them in the hicolor theme);
- `pmdesk.ico` (Windows: PNG images inside an ICO, 16-256 px);
- `pmdesk.icns` and `application-x-pmdesk.icns` (macOS: PNG images in an ICNS).

Run after changing an SVG: `python packaging/make_icons.py` (offscreen is fine).
The outputs are committed, so a build needs no Qt drawing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "icons"
OUT = ROOT / "packaging" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types share sizes).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512))
NAMES = ("pmdesk", "application-x-pmdesk")


def render(svg: Path, size: int) -> bytes:
    """PNG bytes of `svg` drawn at `size` × `size` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file of PNG images (read by Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file of PNG elements (macOS 10.7 and later read PNG in every type)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv)
    OUT.mkdir(exist_ok=True)
    for name in NAMES:
        svg = SOURCES / f"{name}.svg"
        pngs = {size: render(svg, size) for size in SIZES}
        for size, png in pngs.items():
            (OUT / f"{name}-{size}.png").write_bytes(png)
        (OUT / f"{name}.icns").write_bytes(icns(pngs))
        if name == "pmdesk":
            (OUT / "pmdesk.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    print(f"icons written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
