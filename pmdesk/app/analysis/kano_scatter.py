"""The Kano window's Better–Worse picture: export.kano_picture's drawing in a
widget, a dot's requirement title shown on hover."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from pmdesk.app.analysis.kano_words import picture_texts
from pmdesk.export.kano_picture import KanoPlot, KanoPoint, paint_kano


class KanoScatter(QWidget):
    def __init__(self, points: Sequence[KanoPoint], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = list(points)
        self._texts = picture_texts()
        self.setMouseTracking(True)
        self.setMinimumSize(360, 320)
        self.setAccessibleName(self.tr("Better–Worse picture"))

    def sizeHint(self) -> QSize:
        return QSize(520, 460)

    def plot(self) -> KanoPlot:
        """Where the picture is drawn now (dots, quadrant lines): a widget's size decides."""
        return KanoPlot(QRectF(self.rect()))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            # Always on white: the quadrant tints and dot colours are for paper.
            painter.fillRect(self.rect(), QColor("white"))
            paint_kano(painter, QRectF(self.rect()), self.points, self._texts)
        finally:
            painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        if point is None:
            QToolTip.hideText()
            return
        text = f"{point.key}  {point.title}\nBetter {point.better:.2f}   Worse {point.worse:.2f}"
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def point_at(self, where: QPointF) -> KanoPoint | None:
        return self.plot().point_at(where, self.points)
