"""The timeline: a QGraphicsView over one roadmap layout, with zoom, pan and drags.

The scene holds a single item that paints every bar, arrow and line of the body
through `export.roadmap_paint` (culled to what is exposed), so building the scene
for thousands of requirements is instant and the screen matches the picture.
The time axis above and the lane names on the left are strips in the view's
margins that follow the scroll bars, so they never scroll out of sight.

Zoom changes pixels per day only: rows and text keep their size. A drag moves a
bar (dates, and lane when it ends in another lane) or one of its ends, snapped
to days or weeks, and reports the new values once, on release. While a bar is
moved, an empty "Unassigned" lane waits below the others (unless there is one),
the lane it would land in is tinted, and the view scrolls when the pointer
nears an edge. Keys select and nudge bars (`roadmap_keys`). The margins (release
bands and milestones on the axis, lane names) have their own mouse handling and
ghosts (`margins`); right-clicking the body off the bars asks for the axis's menu.

Colours come from a `Palette` that follows the app's theme.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from pmdesk.app.roadmap.items import BodyItem, GhostItem, Strip
from pmdesk.app.roadmap.keys import Direction, Snap, Way, neighbour, nudged, snap_date
from pmdesk.app.roadmap.margins import Margins
from pmdesk.core.roadmap.layout import Bar, RoadmapLayout, with_unassigned
from pmdesk.export import roadmap_paint as paint
from pmdesk.export.roadmap_geometry import Colors, Geometry
from pmdesk.export.roadmap_style import LIGHT, Palette, RoadmapTexts

__all__ = ["RoadmapView", "snap_date"]

DragMode = Literal["move", "start", "end"]
EDGE_PX = 6.0  # how close to a bar's end a press resizes instead of moving
MIN_PPD, MAX_PPD = 0.08, 48.0  # pixels per day: years at a glance … single days
ZOOM_STEP = 1.25
PINNED_LABEL_PX = 160  # the axis's left end, repainted on every scroll (pinned label)
AUTOSCROLL_PX = 28  # a drag this close to an edge of the view scrolls it
AUTOSCROLL_MS = 30
# Around a bar redrawn in place: its selection ring (2.5 px out, 2.5 px pen) and
# antialiased edges.
REPAINT_MARGIN = (-6.0, -6.0, 6.0, 6.0)
ARROWS: dict[int, Way] = {
    Qt.Key.Key_Left.value: "left",
    Qt.Key.Key_Right.value: "right",
    Qt.Key.Key_Up.value: "up",
    Qt.Key.Key_Down.value: "down",
}


@dataclass
class _Drag:
    bar: Bar
    mode: DragMode
    press: QPointF  # scene position of the press
    started: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    lane: int = 0


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
        self.over_capacity: frozenset[str] = frozenset()  # releases marked on their band
        self.snap: Snap = "day"
        self.chart_palette: Palette = LIGHT
        self.read_only = False  # a read-only project: bars are selected, never dragged
        # Dates of bars nudged by keys whose new layout has not arrived yet, so a
        # second key press goes on from the first; False while the layout shown is
        # behind the project for another reason (an undo, an edit elsewhere).
        self._pending: dict[str, tuple[dt.date, dt.date]] = {}
        self._nudged: str | None = None
        self.current = True
        self._drag: _Drag | None = None
        self._undragged: Geometry | None = None  # the geometry before a drop lane was added
        self._pan: QPoint | None = None
        self._fitted = False
        self._pointer = QPoint()  # the last pointer position of a drag (viewport)
        self._autoscroll = QTimer(self, interval=AUTOSCROLL_MS)
        self._autoscroll.timeout.connect(self._scroll_drag)

        self.setScene(QGraphicsScene(self))
        self.body = BodyItem()
        self.ghost = GhostItem()
        self.ghost.hide()
        self.drop_lane = QGraphicsRectItem()
        self.drop_lane.setPen(Qt.PenStyle.NoPen)
        self.drop_lane.setZValue(5)
        self.drop_lane.hide()
        self.scene().addItem(self.body)
        self.scene().addItem(self.drop_lane)
        self.scene().addItem(self.ghost)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.header = Strip(self, self._paint_header, lambda: self.chart_palette.background)
        self.gutter = Strip(self, self._paint_gutter, lambda: self.chart_palette.background)
        self._header_x = 0
        self.horizontalScrollBar().valueChanged.connect(self._scroll_header)
        self.verticalScrollBar().valueChanged.connect(self.gutter.update)
        self.margins = Margins(self, self)  # what the axis and the lane names do under the mouse
        self.margins.release_selected.connect(lambda _uid: self.select(None))
        self.set_chart_palette(LIGHT)

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
        self._pending.clear()
        self.current = True
        self._set_geometry(Geometry(layout, self.geo.ppd if self.geo else 4.0, texts))
        if self._undragged is not None:  # a bar is being moved: keep its drop lane
            self._undragged = None
            self._offer_drop_lane()
        moved, self._nudged = self._nudged, None
        if not self._fitted and self.viewport().width() > 50:
            self.fit_all()
        self.horizontalScrollBar().setValue(h)
        self.verticalScrollBar().setValue(v)
        if moved is not None and moved == self.body.selected:
            self.reveal_selected()  # a bar moved by keys stays in sight

    def _set_geometry(self, geo: Geometry) -> None:
        self.geo = geo
        self.body.set_geometry(geo)
        self.scene().setSceneRect(QRectF(0, 0, geo.width, geo.height))
        self.setViewportMargins(int(geo.gutter), int(geo.header_height), 0, 0)
        self._place_strips()
        self.viewport().update()
        self.header.update()
        self.gutter.update()

    def restyle(self, layout: RoadmapLayout, uids: Collection[str]) -> bool:
        """Show `layout`, the one shown with the bars of `uids` saying something else
        and maybe releases renamed (`roadmap_layout.restyled`) in their places; False
        while a drag holds on to the geometry shown (then show a new layout)."""
        geo = self.geo
        if geo is None or self._drag is not None or self._undragged is not None:
            return False
        renamed = geo.layout.bands != layout.bands  # a release renamed: its band
        geo.restyle(layout, uids)
        # Only where those bars are: a whole-body repaint costs a frame on a big roadmap.
        for uid in uids:
            bar = layout.bar(uid)
            if bar is not None:
                self.body.update(geo.bar_rect(bar).adjusted(*REPAINT_MARGIN))
        if renamed:
            self.header.update()
        return True

    def repack(self, layout: RoadmapLayout, moved: Collection[str]) -> bool:
        """Show `layout`, the one shown with the bars of `moved` come, gone or moved
        within lanes that kept their number of rows (`RoadmapState.updated`): only those
        bars and the arrows that changed are repainted. False when rows came or went
        (everything below moves) or a drag holds on to the geometry shown."""
        geo = self.geo
        if geo is None or self._drag is not None or self._undragged is not None:
            return False
        old = geo.layout
        if old.lanes != layout.lanes:
            return False
        geo.restyle(layout, ())  # the rows stay; a label depends on its bar only
        # One rectangle around them all: the body paints the bounding rectangle of what
        # is exposed anyway, and hundreds of small updates cost Qt more than they save.
        dirty = QRectF()
        for shown in (old, layout):
            for uid in moved:
                if (bar := shown.bar(uid)) is not None:
                    dirty = dirty.united(geo.bar_rect(bar).adjusted(*REPAINT_MARGIN))
        reach = paint.ARROW_REACH
        # An arrow is drawn from its two bars only: those that changed touch a bar moved
        # (no hashing of every arrow of a big roadmap).
        changed = {
            arrow
            for shown in (old, layout)
            for arrow in shown.arrows
            if arrow.before in moved or arrow.after in moved
        }
        for arrow in changed:
            xs, ys = zip(*paint.arrow_points(geo, arrow), strict=True)
            dirty = dirty.united(
                QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
                    -reach, -reach, reach, reach
                )
            )
        if not dirty.isEmpty():
            self.body.update(dirty)
        if old.bands != layout.bands:  # a release renamed in the same edit
            self.header.update()
        return True

    def set_shown(self, uids: Collection[str] | None) -> None:
        """Draw only the bars of `uids` (the tree's filter); None: all of them."""
        shown = None if uids is None else frozenset(uids)
        if shown != self.body.shown:
            self.body.shown = shown
            self.body.update()

    def shown_bars(self) -> list[Bar]:
        """The bars drawn (the filter's), in layout order."""
        layout, shown = self.layout_shown, self.body.shown
        if layout is None:
            return []
        return [b for b in layout.bars if shown is None or b.uid in shown]

    def set_colors(self, colors: Colors, release_colors: dict[str, str]) -> None:
        self.body.colors, self.release_colors = colors, release_colors
        self.viewport().update()
        self.header.update()

    def set_chart_palette(self, palette: Palette) -> None:
        """Paint with `palette` from now on (the app's theme changed)."""
        self.chart_palette = self.body.palette = self.ghost.palette = palette
        self.setBackgroundBrush(QColor(palette.background))
        self.drop_lane.setBrush(QBrush(QColor(palette.drop_target)))
        self.viewport().update()
        self.header.update()
        self.gutter.update()

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
        if uid is not None:
            self.margins.select(None)  # a bar or a release band is selected, not both
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
        if self.body.shown is not None and bar.uid not in self.body.shown:
            return None  # filtered out: not drawn, not grabbed
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
                if not self.read_only:
                    self._drag = _Drag(bar, mode, self.mapToScene(pos))
                self._pointer = pos
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
            self._pointer = pos
            self._drag_to(self.mapToScene(pos))
            if self._drag is not None and self._drag.started and self._edge_push() != (0, 0):
                self._autoscroll.start()
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
        drag = self._drag
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        values = self._changes(drag) if drag.started and self.geo is not None else {}
        self._cancel_drag()
        if values:
            self.bar_dragged.emit(drag.bar.uid, values)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.bar_at(event.position().toPoint())
        if hit is not None:
            self._cancel_drag()
            self.bar_activated.emit(hit[0].uid)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Off the bars, the body offers what the axis does (new release or milestone)."""
        if self.geo is None or self.bar_at(event.pos()) is not None:
            return
        day = self.margins.date_at_x(self.mapToScene(event.pos()).x())
        self.margins.menu_requested.emit("axis", None, day, event.globalPos())
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    # -- keys ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()  # an int: typed text (一, é) has codes Qt.Key does not name
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._cancel_drag()
        elif key == Qt.Key.Key_Escape and self.margins.dragging:
            self.margins.cancel()
        elif self.body.selected is None and self.margins.key(key, mods):
            pass  # a key for the selected release band
        elif key in ARROWS and mods == Qt.KeyboardModifier.NoModifier:
            self._select_next(ARROWS[key])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods in (alt, alt | shift):
            self.nudge(1 if key == Qt.Key.Key_Right else -1, resize=mods == alt | shift)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_bar() is not None:
            self.bar_activated.emit(self.body.selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def selected_bar(self) -> Bar | None:
        uid, layout = self.body.selected, self.layout_shown
        return layout.bar(uid) if layout is not None and uid is not None else None

    def _select_next(self, direction: Way) -> None:
        layout, bar = self.layout_shown, self.selected_bar()
        if layout is None or not layout.bars:
            return
        found = neighbour(layout, bar, direction) if bar is not None else self._first_in_sight()
        if found.uid != self.body.selected:
            self.select(found.uid)
            self.bar_clicked.emit(found.uid)

    def _first_in_sight(self) -> Bar:
        """The top-left bar in sight, else the first of all (nothing was selected)."""
        assert self.geo is not None
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        layout = self.geo.layout
        for row in self.geo.rows_between(seen.top(), seen.bottom()):
            for bar in layout.bars_in_row(row):
                if self.geo.bar_rect(bar).intersects(seen):
                    return bar
        return layout.bars[0]

    def nudge(self, direction: Direction, *, resize: bool) -> None:
        """Move the selected bar by one snap unit, or with `resize` its end; the
        change is reported like a drag's (one undo step)."""
        bar = self.selected_bar()
        if bar is None or not self.current or self._drag is not None:
            return
        start, end = self._pending.get(bar.uid, (bar.start, bar.end))
        new = nudged(start, end, self.snap, direction, resize=resize)
        if new is None:
            return
        values = {}
        if new[0] != start:
            values["start"] = new[0].isoformat()
        if new[1] != end:
            values["end"] = new[1].isoformat()
        self._nudged = bar.uid
        self.bar_dragged.emit(bar.uid, values)

    def note_nudged(self, uid: str, start: dt.date, end: dt.date) -> None:
        """The project now has these dates for `uid`; the layout will follow."""
        self._pending[uid] = (start, end)

    def reveal_selected(self) -> None:
        bar = self.selected_bar()
        if bar is not None and self.geo is not None:
            self.ensureVisible(self.geo.bar_rect(bar), 40, 20)

    # -- dragging ----------------------------------------------------------------------
    def _drag_to(self, scene: QPointF) -> None:
        drag, geo = self._drag, self.geo
        if drag is None or geo is None:
            return
        distance = (scene - drag.press).manhattanLength()
        if not drag.started and distance < QApplication.startDragDistance():
            return
        if not drag.started:
            drag.started = True
            if drag.mode == "move":
                self._offer_drop_lane()
                geo = self.geo or geo
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
        if drag.mode == "move":
            self._tint_drop_lane(drag.lane, geo.layout.lane_of_row(bar.row))
            if drag.lane != geo.layout.lane_of_row(bar.row):
                lane = geo.layout.lanes[drag.lane]
                caption += f"  → {lane.name or (self.texts.unassigned if self.texts else '')}"
        self.body.hidden = bar.uid
        self.ghost.show_at(geo, bar, rect, self.body.colors(bar), caption)
        self.viewport().update()

    def _offer_drop_lane(self) -> None:
        """An empty "Unassigned" lane below the others while a bar is moved, so a
        bar can leave its lane (the layout has that group only when it is used)."""
        geo = self.geo
        if geo is None or self.texts is None:
            return
        extended = with_unassigned(geo.layout)
        if extended is geo.layout:
            return
        self._undragged = geo
        h, v = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        self._set_geometry(Geometry(extended, geo.ppd, self.texts))
        self.horizontalScrollBar().setValue(h)
        self.verticalScrollBar().setValue(v)

    def _tint_drop_lane(self, lane: int, home: int) -> None:
        geo = self.geo
        if geo is None or lane == home:
            self.drop_lane.hide()
            self.gutter.update()
            return
        top, bottom = geo.lane_tops[lane], geo.lane_tops[lane + 1]
        self.drop_lane.setRect(QRectF(0, top, geo.width, bottom - top))
        self.drop_lane.show()
        self.gutter.update()

    def _cancel_drag(self) -> None:
        """End a drag (released, cancelled or outdated): no ghost, no drop lane."""
        self._drag = None
        self._autoscroll.stop()
        self.ghost.hide()
        self.drop_lane.hide()
        self.body.hidden = None
        if self._undragged is not None:
            geo, self._undragged = self._undragged, None
            h, v = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
            self._set_geometry(geo)
            self.horizontalScrollBar().setValue(h)
            self.verticalScrollBar().setValue(v)
        self.gutter.update()
        self.viewport().update()

    def _edge_push(self) -> tuple[int, int]:
        """Pixels to scroll per tick while a drag is near an edge (faster nearer)."""
        rect, pos = self.viewport().rect(), self._pointer

        def push(low: int, high: int, at: int) -> int:
            if at < low + AUTOSCROLL_PX:
                return -max(2, (low + AUTOSCROLL_PX - at) // 2)
            if at > high - AUTOSCROLL_PX:
                return max(2, (at - high + AUTOSCROLL_PX) // 2)
            return 0

        return push(rect.left(), rect.right(), pos.x()), push(rect.top(), rect.bottom(), pos.y())

    def _scroll_drag(self) -> None:
        dx, dy = self._edge_push()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        before = (h.value(), v.value())
        h.setValue(h.value() + dx)
        v.setValue(v.value() + dy)
        if self._drag is None or (h.value(), v.value()) == before:
            self._autoscroll.stop()
            return
        self._drag_to(self.mapToScene(self._pointer))

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
            color = self.chart_palette.conflict
            lines.append(f'<span style="color:{color}">⚠ {html.escape(texts.problem)}</span>')
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
        width = self.viewport().width()
        paint.paint_header(
            p,
            self.geo,
            left,
            width,
            self.release_colors,
            self.chart_palette,
            over_capacity=self.over_capacity,
        )
        self.margins.paint_header(p, left)

    def _paint_gutter(self, p: QPainter) -> None:
        if self.geo is not None:
            top = self.verticalScrollBar().value()
            paint.paint_gutter(p, self.geo, top, self.viewport().height(), self.chart_palette)
            self.margins.paint_gutter(p, top)
            if self.drop_lane.isVisible():  # the lane a moved bar would land in
                lane = self.drop_lane.rect()
                tint = QRectF(0, lane.top() - top, self.geo.gutter, lane.height())
                p.fillRect(tint, QColor(self.chart_palette.drop_target))
