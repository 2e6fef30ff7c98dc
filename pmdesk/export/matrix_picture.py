"""The value vs effort picture: one dot per requirement, effort across (person-
months, from 0), value up (0–10), split into the four quadrants of
core.analysis.value_effort: quick wins (top left), big bets (top right),
fill-ins (bottom left), time sinks (bottom right).

One painter for the matrix window (app/analysis) and the documents (a PRD's
`matrix` block): QtGui only. Always the light palette: the picture goes on
paper too. Dots at (nearly) the same place are spread around it, so every
key stays readable; the window hit-tests the spread places.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from pmdesk.core.analysis.value_effort import (
    VALUE_MAX,
    VALUE_SPLIT,
    MatrixPoint,
    ValueEffortMatrix,
)
from pmdesk.core.domain.vocabulary import QUADRANT_TERMS, QUADRANTS
from pmdesk.export.png import painted_png

MARGIN_LEFT = 64.0  # room for the value axis' numbers and name
MARGIN_BOTTOM = 60.0
MARGIN_TOP = 16.0
MARGIN_RIGHT = 20.0
DOT = 5.0  # radius
MAX_LABELLED = 400  # more dots than this are drawn without their keys

TINTS = {"quick_win": "#eaf4ea", "big_bet": "#e8f0fb", "fill_in": "#f3f3f3", "time_sink": "#fbeeee"}
DOTS = {"quick_win": "#2e7d32", "big_bet": "#1565c0", "fill_in": "#616161", "time_sink": "#c62828"}
INK = "#222222"
GRID = "#b0b0b0"
CURRENT = "#f9a825"  # the ring around the requirement the window is on


@dataclass(frozen=True)
class PictureTexts:
    """What the picture says, in one language; `split` holds `{effort}`."""

    x_axis: str
    y_axis: str
    quadrants: Mapping[str, str]  # quadrant → name
    split: str


def picture_texts(language: str) -> PictureTexts:
    """The picture's words in a document language ("zh" or "en")."""
    names = {q: QUADRANT_TERMS[q].in_document(language) for q in QUADRANTS}
    if language == "zh":
        return PictureTexts("投入（人月）", "价值（0–10）", names, "中位数 {effort}")
    return PictureTexts("Effort (person-months)", "Value (0–10)", names, "median {effort}")


def effort_axis_max(matrix: ValueEffortMatrix) -> float:
    """How far the effort axis reaches: a round number past the largest effort
    (and at least twice the split, so the line is not at the right edge)."""
    largest = max((p.effort or 0.0 for p in matrix.points), default=0.0)
    need = max(largest * 1.08, matrix.split * 2, 1.0)
    for step in _steps():
        top = math.ceil(need / step) * step
        if top / step <= 6:
            return float(top)
    return need


def _steps() -> list[float]:
    return [m * 10.0**e for e in range(-1, 4) for m in (1.0, 2.0, 2.5, 5.0)]


def effort_ticks(top: float) -> list[float]:
    """The effort axis' numbers: 0 to `top` in at most six round steps."""
    step = next((s for s in _steps() if top / s <= 6 + 1e-9), top)
    count = round(top / step)
    return [round(n * step, 6) for n in range(count + 1)]


def number(value: float) -> str:
    return f"{value:g}"


class MatrixPlot:
    """The picture laid out in a rectangle: where each value goes and where
    each dot was drawn (spread out where dots would hide each other)."""

    def __init__(self, rect: QRectF, matrix: ValueEffortMatrix, axis_max: float | None = None):
        self.rect = rect
        self.matrix = matrix
        self.axis_max = axis_max if axis_max is not None else effort_axis_max(matrix)
        width = max(rect.width() - MARGIN_LEFT - MARGIN_RIGHT, 40.0)
        height = max(rect.height() - MARGIN_TOP - MARGIN_BOTTOM, 40.0)
        self.plot = QRectF(rect.left() + MARGIN_LEFT, rect.top() + MARGIN_TOP, width, height)
        self.places = self._spread(matrix.points)

    def at(self, effort: float, value: float) -> QPointF:
        effort = min(max(effort, 0.0), self.axis_max)
        value = min(max(value, 0.0), VALUE_MAX)
        return QPointF(
            self.plot.left() + effort / self.axis_max * self.plot.width(),
            self.plot.bottom() - value / VALUE_MAX * self.plot.height(),
        )

    def values_at(self, where: QPointF) -> tuple[float, float]:
        """The (effort, value) a place stands for, kept inside the axes."""
        x = (where.x() - self.plot.left()) / self.plot.width()
        y = (self.plot.bottom() - where.y()) / self.plot.height()
        x, y = min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)
        return x * self.axis_max, y * VALUE_MAX

    def _spread(self, points: Sequence[MatrixPoint]) -> dict[str, QPointF]:
        """Each dot's centre: dots that would overlap are set around their
        group's place, far enough apart to tell them (and click them) apart."""
        groups: list[tuple[QPointF, list[MatrixPoint]]] = []
        for point in points:
            assert point.effort is not None
            assert point.value is not None
            centre = self.at(point.effort, point.value)
            for place, members in groups:
                if _distance(place, centre) < DOT * 1.6:
                    members.append(point)
                    break
            else:
                groups.append((centre, [point]))
        places: dict[str, QPointF] = {}
        for place, members in groups:
            n = len(members)
            if n == 1:
                places[members[0].uid] = place
                continue
            radius = DOT * 1.15 / math.sin(math.pi / n)
            place = self._within(place, radius)  # a crowd at an edge spreads inwards
            for i, member in enumerate(members):
                angle = -math.pi / 2 + 2 * math.pi * i / n
                spot = QPointF(
                    place.x() + radius * math.cos(angle), place.y() + radius * math.sin(angle)
                )
                places[member.uid] = self._within(spot, 0.0)
        return places

    def _within(self, spot: QPointF, radius: float) -> QPointF:
        """`spot` moved inside the plot far enough for a ring of `radius` around
        it (and a dot on the ring) to stay on it, as far as the plot allows."""
        room = radius + DOT
        x = min(max(spot.x(), self.plot.left() + room), self.plot.right() - room)
        y = min(max(spot.y(), self.plot.top() + room), self.plot.bottom() - room)
        return QPointF(x, y)

    def point_at(self, where: QPointF) -> MatrixPoint | None:
        """The dot under `where` (a hover, a click), the nearest when several are."""
        near = [
            (_distance(self.places[p.uid], where), p)
            for p in self.matrix.points
            if _distance(self.places[p.uid], where) <= DOT + 3
        ]
        return min(near, key=lambda item: item[0])[1] if near else None


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def paint_matrix(
    painter: QPainter,
    rect: QRectF,
    matrix: ValueEffortMatrix,
    texts: PictureTexts,
    *,
    axis_max: float | None = None,
    current: str | None = None,
    layout: MatrixPlot | None = None,
) -> MatrixPlot:
    """Paint the picture into `rect`; returns its layout (where the dots went).
    `current` (a uid) gets a ring; `layout` given (a window keeps it between
    paints) is drawn as it is."""
    layout = layout or MatrixPlot(rect, matrix, axis_max)
    plot = layout.plot
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    middle = layout.at(matrix.split, VALUE_SPLIT)
    names = _paint_quadrants(painter, layout, middle, texts)
    painter.setPen(QPen(QColor(GRID), 1.0, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(middle.x(), plot.top()), QPointF(middle.x(), plot.bottom()))
    painter.drawLine(QPointF(plot.left(), middle.y()), QPointF(plot.right(), middle.y()))
    painter.setPen(QPen(QColor(INK), 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    _paint_axes(painter, layout, texts, middle)
    _paint_dots(painter, layout, names, current)
    _paint_names(painter, names, texts)
    painter.restore()
    return layout


def _paint_quadrants(
    painter: QPainter, layout: MatrixPlot, middle: QPointF, texts: PictureTexts
) -> list[QRectF]:
    """The tints; returns where each quadrant's name goes (its outer corner,
    where dots are fewest), for the labels to keep off and `_paint_names`."""
    plot = layout.plot
    align = Qt.AlignmentFlag
    corners = {
        "quick_win": (QRectF(plot.topLeft(), middle), align.AlignTop | align.AlignLeft),
        "big_bet": (
            QRectF(QPointF(middle.x(), plot.top()), QPointF(plot.right(), middle.y())),
            align.AlignTop | align.AlignRight,
        ),
        "fill_in": (
            QRectF(QPointF(plot.left(), middle.y()), QPointF(middle.x(), plot.bottom())),
            align.AlignBottom | align.AlignLeft,
        ),
        "time_sink": (QRectF(middle, plot.bottomRight()), align.AlignBottom | align.AlignRight),
    }
    font = QFont(painter.font())
    font.setBold(True)
    names: list[QRectF] = []
    for name, (area, _flags) in corners.items():
        painter.fillRect(area, QColor(TINTS[name]))
    painter.save()
    painter.setFont(font)
    for name, (area, flags) in corners.items():
        painter.setPen(QColor(DOTS[name]))
        # Inside the whole plot from the quadrant's corner: a narrow quadrant's
        # name runs on over its neighbour rather than wrapping letter by letter.
        if flags & align.AlignLeft:
            box = QRectF(area.left() + 6, area.top() + 4, plot.width() - 12, area.height() - 8)
        else:
            box = QRectF(plot.left() + 6, area.top() + 4, area.right() - plot.left() - 12,
                         area.height() - 8)  # fmt: skip
        names.append(painter.boundingRect(box, int(flags), texts.quadrants[name]))
    painter.restore()
    return names


def _paint_names(painter: QPainter, names: list[QRectF], texts: PictureTexts) -> None:
    """The quadrants' names over the dots, on their tint: a crowd does not hide them."""
    painter.save()
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    for name, box in zip(QUADRANTS, names, strict=True):
        tint = QColor(TINTS[name])
        tint.setAlpha(225)
        painter.fillRect(box.adjusted(-3, -1, 3, 1), tint)
        painter.setPen(QColor(DOTS[name]))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), texts.quadrants[name])
    painter.restore()


def _paint_axes(
    painter: QPainter, layout: MatrixPlot, texts: PictureTexts, middle: QPointF
) -> None:
    plot = layout.plot
    metrics = QFontMetricsF(painter.font())
    for tick in effort_ticks(layout.axis_max):
        label = number(tick)
        x = layout.at(tick, 0).x()
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
        width = metrics.horizontalAdvance(label)
        painter.drawText(QPointF(x - width / 2, plot.bottom() + 6 + metrics.ascent()), label)
    for tick in range(0, int(VALUE_MAX) + 1, 2):
        label = str(tick)
        y = layout.at(0, tick).y()
        width = metrics.horizontalAdvance(label)
        painter.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y))
        painter.drawText(QPointF(plot.left() - 8 - width, y + metrics.ascent() / 2 - 1), label)
    # The effort line's place, just above the plot's frame on its dashed line.
    split = texts.split.format(effort=number(round(layout.matrix.split, 2)))
    painter.save()
    painter.setPen(QColor("#555555"))
    width = metrics.horizontalAdvance(split)
    left = min(max(middle.x() - width / 2, plot.left()), plot.right() - width)
    painter.drawText(QPointF(left, plot.bottom() + 6 + metrics.ascent() + metrics.height()), split)
    painter.restore()
    x_name = QRectF(plot.left(), plot.bottom() + 8 + 2 * metrics.height(), plot.width(), 24)
    painter.drawText(x_name, int(Qt.AlignmentFlag.AlignHCenter), texts.x_axis)
    painter.save()
    painter.translate(plot.left() - 14 - metrics.horizontalAdvance("10"), plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, -metrics.height(), plot.height(), metrics.height()),
        int(Qt.AlignmentFlag.AlignHCenter),
        texts.y_axis,
    )
    painter.restore()


def _paint_dots(
    painter: QPainter, layout: MatrixPlot, names: list[QRectF], current: str | None
) -> None:
    """The dots, then their keys: a key goes where it covers no other key, dot or
    quadrant name, and is left out where there is no such place (a crowd: the
    window's hover and the document's table name every one); the ringed dot's
    key always shows."""
    metrics = QFontMetricsF(painter.font())
    points = layout.matrix.points
    for point in points:
        centre = layout.places[point.uid]
        if point.uid == current:
            painter.setPen(QPen(QColor(CURRENT), 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, DOT + 3, DOT + 3)
        painter.setPen(QPen(QColor("white"), 1.2))
        painter.setBrush(QColor(DOTS[layout.matrix.quadrant(point)]))
        painter.drawEllipse(centre, DOT, DOT)
    if len(points) > MAX_LABELLED:
        return  # too many to look for room: dots only (a label search is quadratic)
    dots = [
        QRectF(c.x() - DOT, c.y() - DOT, 2 * DOT, 2 * DOT)
        for c in (layout.places[p.uid] for p in points)
    ]
    taken = list(names)
    ordered = sorted(points, key=lambda p: p.uid != current)  # the ringed one first
    for point in ordered:
        centre = layout.places[point.uid]
        label = _label_place(layout, centre, metrics, point.key, taken, dots, point.uid == current)
        if label is None:
            continue
        taken.append(label)
        if _distance(label.center(), centre) > DOT + 3 + metrics.height() + label.width() / 2:
            painter.setPen(QPen(QColor(GRID), 0.8))  # a label set further out points home
            painter.drawLine(centre, _nearest_edge(label, centre))
        painter.setPen(QColor(INK))
        painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), point.key)


def _label_place(
    layout: MatrixPlot,
    centre: QPointF,
    metrics: QFontMetricsF,
    key: str,
    taken: list[QRectF],
    dots: list[QRectF],
    needed: bool = False,
) -> QRectF | None:
    """Beside the dot where no other label, name or dot is: right, left,
    above, below, then the diagonals, then the same a line further out (a
    crowd of dots); inside the plot if it can be. None: no room (`needed`:
    the best place anyway)."""
    width, height = metrics.horizontalAdvance(key) + 2, metrics.height()
    x, y = centre.x(), centre.y()
    candidates: list[QRectF] = []
    for ring in range(3):
        gap = DOT + 3 + ring * height
        candidates += [
            QRectF(x + gap, y - height / 2, width, height),
            QRectF(x - gap - width, y - height / 2, width, height),
            QRectF(x - width / 2, y - gap - height, width, height),
            QRectF(x - width / 2, y + gap, width, height),
            QRectF(x + gap, y - gap - height, width, height),
            QRectF(x - gap - width, y - gap - height, width, height),
            QRectF(x + gap, y + gap, width, height),
            QRectF(x - gap - width, y + gap, width, height),
        ]
    inside = (
        [c for c in candidates if layout.plot.contains(c)]
        or [c for c in candidates if layout.rect.contains(c)]
        or candidates
    )
    free = [c for c in inside if not any(c.intersects(t) for t in taken)]
    clear = [c for c in free if not any(c.intersects(d) for d in dots)]
    if clear:
        return clear[0]
    return (free or inside)[0] if needed else None


def _nearest_edge(box: QRectF, towards: QPointF) -> QPointF:
    return QPointF(
        min(max(towards.x(), box.left()), box.right()),
        min(max(towards.y(), box.top()), box.bottom()),
    )


def matrix_png(
    matrix: ValueEffortMatrix, language: str, width: int = 640, scale: float = 2.0
) -> tuple[bytes, int, int]:
    """The picture as PNG bytes and the size it is laid out at (`width` wide),
    its pixels `scale` times that. Needs a QGuiApplication
    (export.roadmap_picture.ensure_gui)."""
    height = int(width * 0.72)

    def paint(painter: QPainter) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(9.0)
        painter.setFont(font)
        paint_matrix(painter, QRectF(0, 0, width, height), matrix, picture_texts(language))

    white = QColor("white")
    return (
        painted_png(width, height, scale, white, paint, "The value vs effort picture"),
        width,
        height,
    )
