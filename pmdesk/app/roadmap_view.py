"""The timeline: a QGraphicsView over one roadmap layout, with zoom, pan and drags.

The scene holds a single item that paints every bar, arrow and line of the body
through `export.roadmap_paint` (culled to what is exposed), so building the scene
for thousands of requirements is instant and the screen matches the picture.
The time axis above and the lane names on the left are strips in the view's
margins that follow the scroll bars, so they never scroll out of sight.

Zoom changes pixels per day only: rows and text keep their size. A drag moves a
bar (dates, and lane when it ends in another lane) or one of its ends, snapped
to days or weeks, and reports the new values once, on release.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from pmdesk.core.roadmap_layout import Bar, RoadmapLayout
from pmdesk.export import roadmap_paint as paint
from pmdesk.export.roadmap_geometry import LABEL_MIN_PX, ROW_HEIGHT, Colors, Geometry
from pmdesk.export.roadmap_style import RoadmapTexts

Snap = Literal["day", "week"]
DragMode = Literal["move", "start", "end"]
EDGE_PX = 6.0  # how close to a bar's end a press resizes instead of moving
MIN_PPD, MAX_PPD = 0.08, 48.0  # pixels per day: years at a glance … single days
ZOOM_STEP = 1.25
PINNED_LABEL_PX = 160  # the axis's left end, repainted on every scroll (pinned label)


class BodyItem(QGraphicsItem):
    """Paints the body of the roadmap; the exposed rectangle limits the work."""

    def __init__(self) -> None:
        super().__init__()
        self.geo: Geometry | None = None
        self.colors: Colors = lambda _bar: "#888888"
        self.selected: str | None = None
        self.hidden: str | None = None
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
        paint.paint_bar(painter, self.geo, self.bar, self.rect, self.color, selected=True)
        painter.setFont(self.geo.small_font)
        painter.setPen(QColor("#1F2328"))
        painter.drawText(
            QRectF(self.rect.left(), self.rect.top() - 20, 220, 16),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.caption,
        )


class _Strip(QWidget):
    """A margin of the view (time axis or lane names) painted by a function."""

    def __init__(self, view: RoadmapView, draw: Callable[[QPainter], None]) -> None:
        super().__init__(view)
        self._draw = draw
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        self._draw(p)
        p.end()


@dataclass
class _Drag:
    bar: Bar
    mode: DragMode
    press: QPointF  # scene position of the press
    started: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    lane: int = 0


def snap_date(day: dt.date, snap: Snap, *, end: bool = False) -> dt.date:
    """`day` itself, or the nearest week boundary: a Monday, or for an end a Sunday."""
    if snap == "day":
        return day
    edge = day + dt.timedelta(days=1) if end else day  # an end is included: its boundary is after
    monday = edge - dt.timedelta(days=edge.weekday())
    if edge.weekday() >= 4:  # Friday to Sunday are nearer the next Monday
        monday += dt.timedelta(days=7)
    return monday - dt.timedelta(days=1) if end else monday


class RoadmapView(QGraphicsView):
    bar_clicked = Signal(str)
    bar_activated = Signal(str)  # double-click: show the requirement's details
    bar_dragged = Signal(str, object)  # uid, {"start": iso, "end": iso, "lane": uid | None}
    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roadmapView")
        self.geo: Geometry | None = None
        self.texts: RoadmapTexts | None = None
        self.release_colors: dict[str, str] = {}
        self.snap: Snap = "day"
        self._drag: _Drag | None = None
        self._pan: QPoint | None = None
        self._fitted = False

        self.setScene(QGraphicsScene(self))
        self.body = BodyItem()
        self.ghost = GhostItem()
        self.ghost.hide()
        self.scene().addItem(self.body)
        self.scene().addItem(self.ghost)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.setMouseTracking(True)
        self.header = _Strip(self, self._paint_header)
        self.gutter = _Strip(self, self._paint_gutter)
        self._header_x = 0
        self.horizontalScrollBar().valueChanged.connect(self._scroll_header)
        self.verticalScrollBar().valueChanged.connect(self.gutter.update)

    # -- content -------------------------------------------------------------------
    def show_layout(
        self,
        layout: RoadmapLayout,
        texts: RoadmapTexts,
        colors: Colors,
        release_colors: dict[str, str],
    ) -> None:
        """Show a new layout at the current zoom, keeping the scroll position."""
        h, v = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        self.texts, self.release_colors = texts, release_colors
        self.body.colors = colors
        self._set_geometry(Geometry(layout, self.geo.ppd if self.geo else 4.0, texts))
        if not self._fitted and self.viewport().width() > 50:
            self.fit_all()
        self.horizontalScrollBar().setValue(h)
        self.verticalScrollBar().setValue(v)

    def _set_geometry(self, geo: Geometry) -> None:
        self.geo = geo
        self.body.set_geometry(geo)
        self.scene().setSceneRect(QRectF(0, 0, geo.width, geo.height))
        self.setViewportMargins(int(geo.gutter), int(geo.header_height), 0, 0)
        self._place_strips()
        self.viewport().update()
        self.header.update()
        self.gutter.update()

    def set_colors(self, colors: Colors, release_colors: dict[str, str]) -> None:
        self.body.colors, self.release_colors = colors, release_colors
        self.viewport().update()
        self.header.update()

    @property
    def layout_shown(self) -> RoadmapLayout | None:
        return self.geo.layout if self.geo else None

    # -- zoom ------------------------------------------------------------------------
    def zoom_by(self, factor: float, anchor: float | None = None) -> None:
        """Scale time by `factor`, keeping the day under viewport x `anchor` in place."""
        if self.geo is None or self.texts is None:
            return
        ppd = min(max(self.geo.ppd * factor, MIN_PPD), MAX_PPD)
        x = self.viewport().width() / 2 if anchor is None else anchor
        day = self.geo.day_at(self.horizontalScrollBar().value() + x)
        self._set_geometry(Geometry(self.geo.layout, ppd, self.texts))
        self.horizontalScrollBar().setValue(round(day * ppd - x))
        self.zoomed.emit()

    def set_zoom(self, px_per_day: float) -> None:
        if self.geo is not None:
            self.zoom_by(px_per_day / self.geo.ppd)

    def fit_all(self) -> None:
        """The whole time span across the visible width."""
        if self.geo is None or self.texts is None:
            return
        width = max(self.viewport().width() - 2, 50)
        ppd = min(max(width / max(self.geo.layout.days, 1), MIN_PPD), MAX_PPD)
        self._set_geometry(Geometry(self.geo.layout, ppd, self.texts))
        self._fitted = True
        self.zoomed.emit()

    def scroll_to_day(self, day: float) -> None:
        if self.geo is not None:
            x = self.geo.x(day) - self.viewport().width() / 3
            self.horizontalScrollBar().setValue(round(x))

    # -- selection -------------------------------------------------------------------
    def select(self, uid: str | None, *, reveal: bool = True) -> None:
        if self.body.selected == uid:
            return
        self.body.selected = uid
        self.viewport().update()
        bar = self.geo.layout.bar(uid) if self.geo and uid else None
        if bar is not None and reveal and self.geo is not None:
            self.ensureVisible(self.geo.bar_rect(bar), 40, 20)

    def bar_at(self, view_pos: QPoint) -> tuple[Bar, DragMode] | None:
        if self.geo is None:
            return None
        scene = self.mapToScene(view_pos)
        row = self.geo.row_at(scene.y())
        if row is None:
            return None
        layout = self.geo.layout
        tolerance = self.geo.day_at(EDGE_PX)
        bar = layout.bar_at(row, self.geo.day_at(scene.x()))
        if bar is None:  # just outside a thin bar's end still grabs it
            bar = layout.bar_at(row, self.geo.day_at(scene.x()) - tolerance) or layout.bar_at(
                row, self.geo.day_at(scene.x()) + tolerance
            )
            if bar is None:
                return None
        rect = self.geo.bar_rect(bar)
        if rect.width() >= 3 * EDGE_PX:
            if abs(scene.x() - rect.left()) <= EDGE_PX:
                return bar, "start"
            if abs(scene.x() - rect.right()) <= EDGE_PX:
                return bar, "end"
        return bar, "move"

    # -- mouse -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.bar_at(pos)
            if hit is not None:
                bar, mode = hit
                self._drag = _Drag(bar, mode, self.mapToScene(pos))
                self.select(bar.uid, reveal=False)
                self.bar_clicked.emit(bar.uid)
                event.accept()
                return
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            self._pan = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan is not None:
            delta = pos - self._pan
            self._pan = pos
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - delta.x())
            v.setValue(v.value() - delta.y())
            return
        if self._drag is not None:
            self._drag_to(self.mapToScene(pos))
            return
        hit = self.bar_at(pos)
        shape = Qt.CursorShape.ArrowCursor
        if hit is not None:
            shape = (
                Qt.CursorShape.SizeHorCursor if hit[1] != "move" else Qt.CursorShape.OpenHandCursor
            )
        self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None:
            self._pan = None
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        drag, self._drag = self._drag, None
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        self._end_drag()
        if drag.started and self.geo is not None:
            values = self._changes(drag)
            if values:
                self.bar_dragged.emit(drag.bar.uid, values)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.bar_at(event.position().toPoint())
        if hit is not None:
            self._drag = None
            self.bar_activated.emit(hit[0].uid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self._end_drag()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    # -- dragging ----------------------------------------------------------------------
    def _drag_to(self, scene: QPointF) -> None:
        drag, geo = self._drag, self.geo
        if drag is None or geo is None:
            return
        distance = (scene - drag.press).manhattanLength()
        if not drag.started and distance < QApplication.startDragDistance():
            return
        drag.started = True
        bar = drag.bar
        shift = dt.timedelta(days=round(geo.day_at(scene.x() - drag.press.x())))
        start, end = bar.start, bar.end
        if drag.mode == "move":
            start = snap_date(bar.start + shift, self.snap)
            end = start + (bar.end - bar.start)
            drag.lane = geo.lane_at(scene.y())
        elif drag.mode == "start":
            start = min(snap_date(bar.start + shift, self.snap), bar.end)
        else:
            end = max(snap_date(bar.end + shift, self.snap, end=True), bar.start)
        drag.start, drag.end = start, end
        origin = geo.layout.origin
        rect = geo.bar_rect(bar, (start - origin).days, (end - origin).days + 1)
        if drag.mode == "move":
            rect.moveTop(rect.top() + scene.y() - drag.press.y())
        caption = f"{start.isoformat()} – {end.isoformat()}"
        if drag.mode == "move" and drag.lane != geo.layout.lane_of_row(bar.row):
            lane = geo.layout.lanes[drag.lane]
            caption += f"  → {lane.name or (self.texts.unassigned if self.texts else '')}"
        self.body.hidden = bar.uid
        self.ghost.show_at(geo, bar, rect, self.body.colors(bar), caption)
        self.viewport().update()

    def _end_drag(self) -> None:
        self.ghost.hide()
        self.body.hidden = None
        self.viewport().update()

    def _changes(self, drag: _Drag) -> dict[str, Any]:
        """The fields a finished drag changes. A bar drawn over its release's dates
        gets dates of its own for what the drag changed."""
        assert self.geo is not None
        bar = drag.bar
        values: dict[str, str | None] = {}
        start, end = drag.start or bar.start, drag.end or bar.end
        if start != bar.start:
            values["start"] = start.isoformat()
        if end != bar.end:
            values["end"] = end.isoformat()
        if drag.mode == "move":
            lane = self.geo.layout.lanes[drag.lane].uid
            if lane != bar.lane_uid:
                values["lane"] = lane
        return values

    # -- tooltips and margins ------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.bar_at(event.pos())
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(hit[0]), self.viewport())
            return True
        return super().viewportEvent(event)

    def tooltip(self, bar: Bar) -> str:
        texts = self.texts
        status = texts.status.get(bar.status, bar.status) if texts else bar.status
        lines = [
            f"<b>{html.escape(bar.key)}</b> {html.escape(bar.title)}",
            f"{bar.start.isoformat()} – {bar.end.isoformat()}",
            html.escape(status),
        ]
        if bar.from_release and texts is not None:
            lines.append(f"<i>{html.escape(texts.from_release)}</i>")
        if bar.conflicted and texts is not None:
            lines.append(f'<span style="color:#D93025">⚠ {html.escape(texts.conflict)}</span>')
        return "<br>".join(lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_strips()
        if not self._fitted and self.geo is not None and self.viewport().width() > 50:
            self.fit_all()

    def _scroll_header(self, x: int) -> None:
        """Move the axis with the body: shift its pixels and paint only what comes
        into view, plus the left end, where the year or month label stays pinned."""
        dx, self._header_x = self._header_x - x, x
        if self.geo is None or abs(dx) >= self.viewport().width():
            self.header.update()
            return
        gutter = int(self.geo.gutter)
        band = QRect(gutter, 0, self.viewport().width(), self.header.height())
        self.header.scroll(dx, 0, band)
        self.header.update(QRect(gutter, 0, PINNED_LABEL_PX, self.header.height()))

    def _place_strips(self) -> None:
        if self.geo is None:
            self.header.hide()
            self.gutter.hide()
            return
        frame = self.frameWidth()
        gutter, header = int(self.geo.gutter), int(self.geo.header_height)
        self.header.setGeometry(frame, frame, gutter + self.viewport().width(), header)
        self.gutter.setGeometry(frame, frame + header, gutter, self.viewport().height())
        self.header.show()
        self.gutter.show()

    def _paint_header(self, p: QPainter) -> None:
        if self.geo is None:
            return
        gutter = self.geo.gutter
        p.translate(gutter, 0)
        p.setClipRect(QRectF(0, 0, self.viewport().width(), self.geo.header_height))
        left = self.horizontalScrollBar().value()
        paint.paint_header(p, self.geo, left, self.viewport().width(), self.release_colors)

    def _paint_gutter(self, p: QPainter) -> None:
        if self.geo is not None:
            top = self.verticalScrollBar().value()
            paint.paint_gutter(p, self.geo, top, self.viewport().height())
