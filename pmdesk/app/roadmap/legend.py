"""The roadmap pane's legend: what the bar colours mean, in the pane's tool row.

Its own widget, apart from the pane (one widget per module): painted by the same
function as the exported picture's legend (`export.roadmap_paint.paint_legend`),
so the screen and the PRD agree.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from pmdesk.export import roadmap_paint as paint
from pmdesk.export.roadmap_geometry import Geometry
from pmdesk.export.roadmap_style import LIGHT, Palette


class LegendBar(QWidget):
    """The legend, painted by the same function as the picture's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.geo: Geometry | None = None
        self.entries: list[tuple[str, str]] = []
        self.chart_palette: Palette = LIGHT
        self.setFixedHeight(int(paint.LEGEND_HEIGHT))

    def show_entries(self, geo: Geometry, entries: list[tuple[str, str]]) -> None:
        self.geo, self.entries = geo, entries
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, int(paint.LEGEND_HEIGHT))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.geo is not None:
            p = QPainter(self)
            paint.paint_legend(p, self.geo, self.entries, QPointF(8, 0), self.chart_palette)
            p.end()
