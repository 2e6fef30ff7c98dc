"""The Better–Worse picture of a Kano survey: one dot per requirement, at x =
|Worse| (how dissatisfied users are without it) and y = Better (how satisfied
they are with it), on a square 0–1 × 0–1 split at 0.5 into the four
quadrants: Attractive (top left), One-dimensional (top right), Must-be
(bottom right), Indifferent (bottom left).

One painter for the Kano window (app/analysis) and the documents (a PRD's
`kano` block): QtGui only, so it paints into a widget, a QImage off the GUI
thread, or a PNG for an export. Always the light palette: the picture goes on
paper too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from pmdesk.core.analysis.kano import KanoResult
from pmdesk.core.domain.vocabulary import KANO_CATEGORY_TERMS
from pmdesk.export.png import painted_png

SPLIT = 0.5  # the quadrant lines, on both axes
MARGIN_LEFT = 64.0  # room for the Better axis' numbers and name
MARGIN_BOTTOM = 52.0
MARGIN_TOP = 16.0
MARGIN_RIGHT = 20.0
DOT = 5.0  # radius

# The quadrant a dot is in → its category letter (x high: dissatisfies without it).
QUADRANTS: dict[tuple[bool, bool], str] = {
    (False, True): "A",  # (|Worse| ≥ 0.5, Better ≥ 0.5)
    (True, True): "O",
    (True, False): "M",
    (False, False): "I",
}
# Quadrant tints and dot colours, by category letter (light, print-friendly).
TINTS = {"A": "#eaf4ea", "O": "#e8f0fb", "M": "#fbeeee", "I": "#f3f3f3"}
DOTS = {"A": "#2e7d32", "O": "#1565c0", "M": "#c62828", "I": "#616161"}
INK = "#222222"
GRID = "#b0b0b0"


@dataclass(frozen=True)
class KanoPoint:
    """One requirement on the picture: its key (the dot's label), title (the
    window's hover text), and coefficients (Worse is ≤ 0)."""

    key: str
    title: str
    better: float
    worse: float

    @property
    def quadrant(self) -> str:
        """The category letter of the quadrant the dot is in (A, O, M or I)."""
        return QUADRANTS[(abs(self.worse) >= SPLIT, self.better >= SPLIT)]


@dataclass(frozen=True)
class PictureTexts:
    """What the picture says, in one language."""

    x_axis: str
    y_axis: str
    quadrants: dict[str, str]  # letter → name


def picture_texts(language: str) -> PictureTexts:
    """The picture's words in a document language ("zh" or "en")."""
    names = {c: KANO_CATEGORY_TERMS[c].in_document(language) for c in "AOMI"}
    if language == "zh":
        return PictureTexts("不满意系数 |Worse|", "满意系数 Better", names)
    return PictureTexts("Dissatisfaction |Worse|", "Satisfaction (Better)", names)


def points_of(results: Iterable[KanoResult], titles: Mapping[str, str]) -> list[KanoPoint]:
    """The dots of evaluated requirements; one without an A, O, M or I answer
    (no coefficients) has no place."""
    return [
        KanoPoint(r.key, titles.get(r.key, ""), r.better, r.worse)
        for r in results
        if r.better is not None and r.worse is not None
    ]


class KanoPlot:
    """The picture laid out in a rectangle: where each value goes."""

    def __init__(self, rect: QRectF) -> None:
        self.rect = rect
        side = min(
            rect.width() - MARGIN_LEFT - MARGIN_RIGHT, rect.height() - MARGIN_TOP - MARGIN_BOTTOM
        )
        side = max(side, 40.0)
        # The plot is square (the two coefficients share a scale), centred.
        left = rect.left() + MARGIN_LEFT + (rect.width() - MARGIN_LEFT - MARGIN_RIGHT - side) / 2
        top = rect.top() + MARGIN_TOP
        self.plot = QRectF(left, top, side, side)

    def position(self, point: KanoPoint) -> QPointF:
        """Where a dot's centre is: x = |Worse|, y = Better (up), both 0–1."""
        return self.at(abs(point.worse), point.better)

    def at(self, x: float, y: float) -> QPointF:
        x, y = min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)
        return QPointF(
            self.plot.left() + x * self.plot.width(), self.plot.bottom() - y * self.plot.height()
        )

    def point_at(self, where: QPointF, points: Sequence[KanoPoint]) -> KanoPoint | None:
        """The dot under `where` (a hover), the nearest when dots overlap."""
        near = [
            (
                (self.position(p).x() - where.x()) ** 2 + (self.position(p).y() - where.y()) ** 2,
                p,
            )
            for p in points
        ]
        near = [(d, p) for d, p in near if d <= (DOT + 3) ** 2]
        return min(near, key=lambda item: item[0])[1] if near else None


def paint_kano(
    painter: QPainter, rect: QRectF, points: Sequence[KanoPoint], texts: PictureTexts
) -> KanoPlot:
    """Paint the picture into `rect`; returns its layout (where the dots went)."""
    layout = KanoPlot(rect)
    plot = layout.plot
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    middle = layout.at(SPLIT, SPLIT)
    names: list[QRectF] = []  # where the quadrants' names went: dot labels keep off them
    for (right, up), letter in QUADRANTS.items():
        x0 = middle.x() if right else plot.left()
        y0 = plot.top() if up else middle.y()
        quadrant = QRectF(x0, y0, plot.width() / 2, plot.height() / 2)
        painter.fillRect(quadrant, QColor(TINTS[letter]))
        painter.setPen(QColor(DOTS[letter]))
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        names.append(
            painter.drawText(
                quadrant.adjusted(6, 4, -6, -4),
                int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter),
                texts.quadrants[letter],
            )
        )
        font.setBold(False)
        painter.setFont(font)
    painter.setPen(QPen(QColor(GRID), 1.0, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(middle.x(), plot.top()), QPointF(middle.x(), plot.bottom()))
    painter.drawLine(QPointF(plot.left(), middle.y()), QPointF(plot.right(), middle.y()))
    painter.setPen(QPen(QColor(INK), 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    _paint_axes(painter, layout, texts)
    _paint_dots(painter, layout, points, names)
    painter.restore()
    return layout


def _paint_axes(painter: QPainter, layout: KanoPlot, texts: PictureTexts) -> None:
    plot = layout.plot
    metrics = QFontMetricsF(painter.font())
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        label = f"{tick:.2f}"
        x = layout.at(tick, 0).x()
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
        width = metrics.horizontalAdvance(label)
        painter.drawText(QPointF(x - width / 2, plot.bottom() + 6 + metrics.ascent()), label)
        y = layout.at(0, tick).y()
        painter.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y))
        painter.drawText(QPointF(plot.left() - 8 - width, y + metrics.ascent() / 2 - 1), label)
    x_name = QRectF(plot.left(), plot.bottom() + 8 + metrics.height(), plot.width(), 24)
    painter.drawText(x_name, int(Qt.AlignmentFlag.AlignHCenter), texts.x_axis)
    painter.save()
    painter.translate(plot.left() - 12 - metrics.horizontalAdvance("0.00"), plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, -metrics.height(), plot.height(), metrics.height()),
        int(Qt.AlignmentFlag.AlignHCenter),
        texts.y_axis,
    )
    painter.restore()


def _paint_dots(
    painter: QPainter, layout: KanoPlot, points: Sequence[KanoPoint], names: list[QRectF]
) -> None:
    metrics = QFontMetricsF(painter.font())
    taken = list(names)  # labels already placed (and the quadrants' names): try other sides
    for point in points:
        centre = layout.position(point)
        colour = QColor(DOTS[point.quadrant])
        painter.setPen(QPen(QColor("white"), 1.2))
        painter.setBrush(colour)
        painter.drawEllipse(centre, DOT, DOT)
        width, height = metrics.horizontalAdvance(point.key), metrics.height()
        candidates = [
            QRectF(centre.x() + DOT + 3, centre.y() - height / 2, width, height),
            QRectF(centre.x() - DOT - 3 - width, centre.y() - height / 2, width, height),
            QRectF(centre.x() - width / 2, centre.y() - DOT - 2 - height, width, height),
            QRectF(centre.x() - width / 2, centre.y() + DOT + 2, width, height),
        ]
        # Inside the plot if it can be (not across its frame), else inside the picture.
        inside = (
            [c for c in candidates if layout.plot.contains(c)]
            or [c for c in candidates if layout.rect.contains(c)]
            or candidates
        )
        label = next((c for c in inside if not any(c.intersects(t) for t in taken)), inside[0])
        taken.append(label)
        painter.setPen(QColor(INK))
        painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), point.key)


def kano_png(
    points: Sequence[KanoPoint], language: str, width: int = 720, scale: float = 2.0
) -> tuple[bytes, int, int]:
    """The picture as PNG bytes and the size it is laid out at (`width` wide),
    its pixels `scale` times that, sharp in print. Needs a QGuiApplication
    (export.roadmap_picture.ensure_gui)."""
    # Tall enough for a square plot the full width: no blank sides.
    height = int(width - MARGIN_LEFT - MARGIN_RIGHT + MARGIN_TOP + MARGIN_BOTTOM)

    def paint(painter: QPainter) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(9.0)
        painter.setFont(font)
        paint_kano(painter, QRectF(0, 0, width, height), points, picture_texts(language))

    return (
        painted_png(width, height, scale, QColor("white"), paint, "The Kano picture"),
        width,
        height,
    )
