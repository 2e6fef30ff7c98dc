"""A persona's avatar: its photo in a circle, or its initials in a coloured circle.

One painter for the personas window, the details pane and the documents (the
PRD's persona cards): QtGui only, so it paints into a widget's pixmap or a PNG
for an export, on any thread.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath

from pmdesk.export.png import png_bytes

# Calm, print-friendly colours that white initials read well on.
PALETTE = (
    "#4c78a8",
    "#f58518",
    "#54a24b",
    "#b279a2",
    "#e45756",
    "#72b7b2",
    "#9d755d",
    "#5d6d7e",
)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def initials(name: str) -> str:
    """What the circle shows without a photo: "Ann Lee" → "AL", "Bob" → "B",
    a Chinese name by its last two characters ("王小明" → "小明"), as Chinese
    chat and office apps do."""
    text = " ".join(name.split())
    if not text:
        return "?"
    cjk = [c for c in text if _is_cjk(c)]
    if cjk and len(cjk) >= len([c for c in text if c.isalpha()]) / 2:
        return "".join(cjk[-2:])
    words = [w for w in text.replace("-", " ").split() if w[0].isalnum()]
    letters = "".join(w[0] for w in words[:2]) or text[0]
    return letters.upper()


def avatar_colour(uid: str) -> str:
    """The circle's colour: fixed by the persona's uid, so a rename keeps it."""
    return PALETTE[zlib.crc32(uid.encode("utf-8")) % len(PALETTE)]


def avatar_image(name: str, uid: str, photo: bytes | None, size: int) -> QImage:
    """A `size` × `size` picture with a transparent background: the photo cut to a
    circle (centred, filling it), or the initials in a coloured circle. Makes a
    Qt GUI application first when there is none (the command line's export)."""
    from pmdesk.export.roadmap_picture import ensure_gui

    ensure_gui()
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, size, size))
    picture = QImage.fromData(photo) if photo else QImage()
    if not picture.isNull():
        painter.setClipPath(circle)
        scaled = picture.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    else:
        painter.fillPath(circle, QBrush(QColor(avatar_colour(uid))))
        text = initials(name)
        if size < 24:  # an icon: one letter reads, two do not
            text = text[:1]
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(size * (0.34 if len(text) > 1 else 0.42))))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def avatar_png(name: str, uid: str, photo: bytes | None, size: int, width: int = 0) -> bytes:
    """`avatar_image` as PNG bytes (for a document); with `width`, at the left end
    of a transparent strip that wide: documents centre a picture, and a card's
    avatar belongs above the start of its name."""
    image = avatar_image(name, uid, photo, size)
    if width > size:
        strip = QImage(width, size, QImage.Format.Format_ARGB32_Premultiplied)
        strip.fill(Qt.GlobalColor.transparent)
        painter = QPainter(strip)
        painter.drawImage(0, 0, image)
        painter.end()
        image = strip
    return png_bytes(image, "The avatar")
