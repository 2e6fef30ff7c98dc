"""Colours, icons and fonts shared by the panes (drawn, so they scale and theme)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

KIND_STYLE = {  # letter on a rounded tile, colour by level of the hierarchy
    "epic": ("E", "#7B4FD6"),
    "feature": ("F", "#2D7FF9"),
    "story": ("S", "#1E9E6A"),
    "requirement": ("R", "#6B7785"),
    "nfr": ("N", "#E07B24"),
}
STATUS_COLOR = {
    "idea": "#8A94A6",
    "draft": "#6B7785",
    "review": "#C98A00",
    "approved": "#1E9E6A",
    "in_progress": "#2D7FF9",
    "done": "#3A8F3A",
    "rejected": "#C0392B",
}


def _drawn_icon(
    sizes: tuple[int, ...], fill: QColor, draw: Callable[[QPainter, int], None]
) -> QIcon:
    """An icon drawn at each size on a transparent square: `draw(painter, size)`."""
    icon = QIcon()
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(fill)
        painter.setPen(Qt.PenStyle.NoPen)
        draw(painter, size)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def kind_icon(kind: str) -> QIcon:
    letter, color = KIND_STYLE.get(kind, ("?", "#6B7785"))

    def tile(painter: QPainter, size: int) -> None:
        painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size / 5, size / 5)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.62))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)

    return _drawn_icon((16, 24, 32), QColor(color), tile)


SUSPECT_COLOR = "#D9822B"  # amber: a link needs review (its target's text changed)


@cache
def suspect_icon() -> QIcon:
    """A small amber triangle with "!": a link, or a requirement with a link, that needs review."""

    def triangle(painter: QPainter, size: int) -> None:
        s = float(size)
        painter.drawPolygon(
            [QPointF(s / 2, s * 0.08), QPointF(s * 0.96, s * 0.9), QPointF(s * 0.04, s * 0.9)]
        )
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(s * 0.6))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, s * 0.2, s, s * 0.7), Qt.AlignmentFlag.AlignCenter, "!")

    return _drawn_icon((16, 24, 32), QColor(SUSPECT_COLOR), triangle)


@cache
def status_dot(status: str) -> QIcon:
    def dot(painter: QPainter, size: int) -> None:
        d = size * 0.5
        painter.drawEllipse(QRectF((size - d) / 2, (size - d) / 2, d, d))

    return _drawn_icon((16, 24), status_color(status), dot)


def status_color(status: str) -> QColor:
    return QColor(STATUS_COLOR.get(status, "#6B7785"))


@cache
def struck_font() -> QFont:
    font = QFont()
    font.setStrikeOut(True)
    return font
