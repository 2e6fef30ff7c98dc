"""Pictures the documents embed, painted by QtGui and encoded as PNG.

Every chart of the PRD (Kano, value vs effort, Now / Next / Later, avatars) is
painted at `scale` times its laid-out size, so it stays sharp in print, then
encoded here. Needs a QGuiApplication (export.roadmap_picture.ensure_gui).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter


def png_bytes(image: QImage, what: str = "The picture") -> bytes:
    """`image` encoded as PNG; OSError naming `what` if Qt cannot."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"png")).write(image):
        raise OSError(f"{what} could not be encoded as PNG.")
    buffer.close()
    return bytes(data.data())


def painted_png(
    width: int,
    height: int,
    scale: float,
    background: QColor,
    paint: Callable[[QPainter], None],
    what: str,
) -> bytes:
    """PNG of `paint` on a `width`×`height` canvas (in laid-out units) filled
    with `background`, its pixels `scale` times that."""
    image = QImage(
        int(width * scale), int(height * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(background)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        paint(painter)
    finally:
        painter.end()
    return png_bytes(image, what)
