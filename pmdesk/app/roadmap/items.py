"""The timeline's scene items and margins: the body that paints every bar of the
roadmap through `export.roadmap_paint`, the ghost of a dragged bar, and the strips
beside the view (time axis, lane names)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from pmdesk.core.roadmap.layout import Bar
from pmdesk.export import roadmap_paint as paint
from pmdesk.export.roadmap_geometry import LABEL_MIN_PX, ROW_HEIGHT, Colors, Geometry
from pmdesk.export.roadmap_style import LIGHT, Palette


class BodyItem(QGraphicsItem):
    """Paints the body of the roadmap; the exposed rectangle limits the work."""

    def __init__(self) -> None:
        super().__init__()
        self.geo: Geometry | None = None
        self.colors: Colors = lambda _bar: "#888888"
        self.selected: str | None = None
        self.hidden: str | None = None
        self.shown: frozenset[str] | None = None  # the tree's filter: only these bars
        self.palette: Palette = LIGHT
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_geometry(self, geo: Geometry) -> None:
        self.prepareGeometryChange()
        self.geo = geo

    def boundingRect(self) -> QRectF:
        if self.geo is None:
            return QRectF()
        return QRectF(0, 0, self.geo.width, self.geo.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.geo is None:
            return
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        paint.paint_body(
            painter,
            self.geo,
            option.exposedRect,
            self.colors,
            selected=self.selected,
            hidden=self.hidden,
            detail=scale * ROW_HEIGHT >= LABEL_MIN_PX,
            palette=self.palette,
            shown=self.shown,
        )


class GhostItem(QGraphicsItem):
    """The bar being dragged, where it would land, with its new dates."""

    def __init__(self) -> None:
        super().__init__()
        self.geo: Geometry | None = None
        self.bar: Bar | None = None
        self.rect = QRectF()
        self.color = "#888888"
        self.caption = ""
        self.palette: Palette = LIGHT
        self.setZValue(10)
        self.setOpacity(0.9)

    def show_at(self, geo: Geometry, bar: Bar, rect: QRectF, color: str, caption: str) -> None:
        self.prepareGeometryChange()
        self.geo, self.bar, self.rect, self.color, self.caption = (
            geo,
            bar,
            rect,
            color,
            caption,
        )
        self.show()

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-4, -22, 220, 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.geo is None or self.bar is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.geo.bar_font)
        paint.paint_bar(
            painter, self.geo, self.bar, self.rect, self.color, True, True, self.palette
        )
        painter.setFont(self.geo.small_font)
        painter.setPen(QColor(self.palette.ink))
        painter.drawText(
            QRectF(self.rect.left(), self.rect.top() - 20, 220, 16),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.caption,
        )


class Strip(QWidget):
    """A margin of a view (time axis or lane names) painted by a function on the
    ground colour that `ground` names (the palette's, which follows the theme)."""

    def __init__(
        self, parent: QWidget, draw: Callable[[QPainter], None], ground: Callable[[], str]
    ) -> None:
        super().__init__(parent)
        self._draw = draw
        self._ground = ground
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.fillRect(self.rect(), QColor(self._ground()))
        self._draw(p)
        p.end()
