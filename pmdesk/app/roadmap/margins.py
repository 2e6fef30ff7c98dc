"""What the timeline's margins do under the mouse: the axis above (release bands
and milestones) and the lane names on the left.

A release band is dragged to move the release or by an end to change one date;
a milestone is dragged to another day; a lane name is dragged up or down to put
the lane elsewhere. Dates snap as bars do (the view's snap setting); while a drag
goes on, a ghost shows where it would land with its dates, and Esc (the view's
key) cancels it. Each finished drag is reported once, as a signal the pane turns
into one operation. A right-click asks for a menu of what was hit; a double-click
on the axis asks for a new milestone there. In a read-only window nothing drags.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Protocol

from PySide6.QtCore import QEvent, QLineF, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QScrollBar

from pmdesk.app.roadmap.items import Strip
from pmdesk.app.roadmap.keys import Direction, Snap, nudged, snap_date
from pmdesk.core.roadmap.layout import Band, Diamond
from pmdesk.core.roadmap.timescale import date_at
from pmdesk.export import roadmap_paint as paint
from pmdesk.export.roadmap_geometry import Geometry
from pmdesk.export.roadmap_style import NO_RELEASE_COLOR, Palette

EDGE_PX = 6.0  # how close to a band's end a press changes that date
TargetKind = Literal["release", "milestone", "lane", "axis"]


class TimelineView(Protocol):
    """What the margins use of the timeline (`view.RoadmapView`)."""

    header: Strip
    gutter: Strip
    geo: Geometry | None
    snap: Snap
    read_only: bool
    chart_palette: Palette
    release_colors: dict[str, str]

    def horizontalScrollBar(self) -> QScrollBar: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def setFocus(self, reason: Qt.FocusReason) -> None: ...


@dataclass
class _BandDrag:
    band: Band
    mode: Literal["move", "start", "end"]
    press: float  # body x of the press
    started: bool = False
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class _MilestoneDrag:
    index: int
    diamond: Diamond
    press: float
    started: bool = False
    date: dt.date | None = None


@dataclass
class _LaneDrag:
    index: int
    uid: str
    press: float  # body y of the press
    started: bool = False
    to: int = 0  # the lane boundary it would land on (0: above the first lane)


class Margins(QObject):
    """The header's and gutter's mouse handling and the ghosts they paint."""

    release_changed = Signal(str, object, object)  # uid, new start, new end (dates)
    milestone_moved = Signal(str, object)  # uid, new date
    lane_moved = Signal(str, int)  # uid, new index among the lanes
    menu_requested = Signal(str, object, object, QPoint)  # kind, uid | None, date, global pos
    milestone_requested = Signal(object)  # a date: the axis was double-clicked there
    release_activated = Signal(str)  # a band was double-clicked (edit it)
    milestone_activated = Signal(str)  # a milestone was double-clicked (edit it)
    release_selected = Signal(str)  # a band was clicked
    release_delete_requested = Signal(str)  # Delete on a selected band

    def __init__(self, view: TimelineView, parent: QObject) -> None:
        super().__init__(parent)
        self.view = view
        self.selected: str | None = None  # the release band selected (keys act on it)
        self.caption = ""  # a dragged band's or milestone's dates, beside its ghost
        self._band: _BandDrag | None = None
        self._milestone: _MilestoneDrag | None = None
        self._lane: _LaneDrag | None = None
        for strip in (view.header, view.gutter):
            strip.installEventFilter(self)
            strip.setMouseTracking(True)

    # -- coordinates -----------------------------------------------------------------
    def body_x(self, header_x: float) -> float:
        geo = self.view.geo
        gutter = geo.gutter if geo is not None else 0.0
        return header_x - gutter + self.view.horizontalScrollBar().value()

    def body_y(self, gutter_y: float) -> float:
        return gutter_y + self.view.verticalScrollBar().value()

    def date_at_x(self, body_x: float) -> dt.date | None:
        geo = self.view.geo
        if geo is None:
            return None
        return snap_date(date_at(geo.layout.origin, geo.day_at(body_x)), self.view.snap)

    @property
    def dragging(self) -> bool:
        return any(d is not None for d in (self._band, self._milestone, self._lane))

    # -- events ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.view.geo is None:
            return False
        header = watched is self.view.header
        kind = event.type()
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self.cancel()
            self._menu_at(header, QPointF(event.pos()), event.globalPos())
            return True
        if not isinstance(event, QMouseEvent):
            return False
        point = event.position()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self.view.setFocus(Qt.FocusReason.MouseFocusReason)
            self._press(header, point)
            return True
        if kind == QEvent.Type.MouseMove:
            self._move(header, point)
            return True
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self._release()
            return True
        if kind == QEvent.Type.MouseButtonDblClick and header:
            self._double_click(point)
            return True
        return False

    def _press(self, header: bool, pos: QPointF) -> None:
        geo = self.view.geo
        assert geo is not None
        if header:
            x = self.body_x(pos.x())
            found = geo.milestone_at(x, pos.y())
            if found is not None:
                if not self.view.read_only:
                    self._milestone = _MilestoneDrag(found, geo.layout.milestones[found], x)
                return
            band = geo.band_at(x, pos.y())
            if band is not None:
                self.select(band.uid)
                self.release_selected.emit(band.uid)
                if not self.view.read_only:
                    self._band = _BandDrag(band, self._band_mode(band, x), x)
            return
        y = self.body_y(pos.y())
        lane = geo.lane_at(y)
        uid = geo.layout.lanes[lane].uid if geo.layout.lanes else None
        if uid is not None and not self.view.read_only and geo.lane_tops[-1] > y:
            self._lane = _LaneDrag(lane, uid, y, to=lane)

    def _band_mode(self, band: Band, x: float) -> Literal["move", "start", "end"]:
        geo = self.view.geo
        assert geo is not None
        rect = geo.band_rect(band)
        if rect.width() >= 3 * EDGE_PX:
            if abs(x - rect.left()) <= EDGE_PX:
                return "start"
            if abs(x - rect.right()) <= EDGE_PX:
                return "end"
        return "move"

    def _move(self, header: bool, pos: QPointF) -> None:
        geo = self.view.geo
        assert geo is not None
        if self._band is not None:
            self._drag_band(self._band, self.body_x(pos.x()))
        elif self._milestone is not None:
            self._drag_milestone(self._milestone, self.body_x(pos.x()))
        elif self._lane is not None:
            self._drag_lane(self._lane, self.body_y(pos.y()))
        elif header:  # the cursor says what a press would do
            x = self.body_x(pos.x())
            shape = Qt.CursorShape.ArrowCursor
            if not self.view.read_only:
                band = geo.band_at(x, pos.y())
                if geo.milestone_at(x, pos.y()) is not None:
                    shape = Qt.CursorShape.OpenHandCursor
                elif band is not None:
                    mode = self._band_mode(band, x)
                    shape = (
                        Qt.CursorShape.OpenHandCursor
                        if mode == "move"
                        else Qt.CursorShape.SizeHorCursor
                    )
            self.view.header.setCursor(shape)
        else:  # a lane's name can be dragged up or down
            y = self.body_y(pos.y())
            lanes = geo.layout.lanes
            named = bool(lanes) and y < geo.lane_tops[-1] and lanes[geo.lane_at(y)].uid is not None
            movable = named and not self.view.read_only
            self.view.gutter.setCursor(
                Qt.CursorShape.SizeVerCursor if movable else Qt.CursorShape.ArrowCursor
            )

    def _started(self, distance: float, started: bool) -> bool:
        return started or abs(distance) >= QApplication.startDragDistance()

    def _drag_band(self, drag: _BandDrag, x: float) -> None:
        geo = self.view.geo
        assert geo is not None
        drag.started = self._started(x - drag.press, drag.started)
        if not drag.started:
            return
        band, snap = drag.band, self.view.snap
        shift = dt.timedelta(days=round(geo.day_at(x - drag.press)))
        start, end = band.start, band.end
        if drag.mode == "move":
            start = snap_date(band.start + shift, snap)
            end = start + (band.end - band.start)
        elif drag.mode == "start":
            start = min(snap_date(band.start + shift, snap), band.end)
        else:
            end = max(snap_date(band.end + shift, snap, end=True), band.start)
        drag.start, drag.end = start, end
        self.caption = f"{band.name}: {start.isoformat()} – {end.isoformat()}"
        self.view.header.update()

    def _drag_milestone(self, drag: _MilestoneDrag, x: float) -> None:
        geo = self.view.geo
        assert geo is not None
        drag.started = self._started(x - drag.press, drag.started)
        if not drag.started:
            return
        shift = dt.timedelta(days=round(geo.day_at(x - drag.press)))
        drag.date = snap_date(drag.diamond.date + shift, self.view.snap)
        self.caption = f"{drag.diamond.name}: {drag.date.isoformat()}"
        self.view.header.update()

    def _drag_lane(self, drag: _LaneDrag, y: float) -> None:
        geo = self.view.geo
        assert geo is not None
        drag.started = self._started(y - drag.press, drag.started)
        if not drag.started:
            return
        lanes = [i for i, lane in enumerate(geo.layout.lanes) if lane.uid is not None]
        # The nearest boundary between named lanes (Unassigned stays last).
        bounds = range(len(lanes) + 1)
        drag.to = min(bounds, key=lambda b: abs(geo.lane_tops[b] - y))
        self.view.gutter.update()

    def _release(self) -> None:
        band, milestone, lane = self._band, self._milestone, self._lane
        self.cancel()
        if band is not None and band.started and band.start is not None and band.end is not None:
            if (band.start, band.end) != (band.band.start, band.band.end):
                self.release_changed.emit(band.band.uid, band.start, band.end)
        elif milestone is not None and milestone.started and milestone.date is not None:
            if milestone.date != milestone.diamond.date:
                self.milestone_moved.emit(milestone.diamond.uid, milestone.date)
        elif lane is not None and lane.started:
            index = lane.to if lane.to <= lane.index else lane.to - 1
            if index != lane.index:
                self.lane_moved.emit(lane.uid, index)

    def _double_click(self, pos: QPointF) -> None:
        geo = self.view.geo
        assert geo is not None
        self.cancel()
        x = self.body_x(pos.x())
        band = geo.band_at(x, pos.y())
        found = geo.milestone_at(x, pos.y())
        if found is not None:
            self.milestone_activated.emit(geo.layout.milestones[found].uid)
        elif band is not None:
            self.release_activated.emit(band.uid)
        elif (day := self.date_at_x(x)) is not None:
            self.milestone_requested.emit(day)

    def _menu_at(self, header: bool, pos: QPointF, global_pos: QPoint) -> None:
        geo = self.view.geo
        assert geo is not None
        if not header:
            y = self.body_y(pos.y())
            lane = geo.layout.lanes[geo.lane_at(y)] if geo.layout.lanes else None
            uid = lane.uid if lane is not None and y < geo.lane_tops[-1] else None
            self.menu_requested.emit("lane", uid, None, global_pos)
            return
        x = self.body_x(pos.x())
        day = self.date_at_x(x)
        found = geo.milestone_at(x, pos.y())
        if found is not None:
            uid = geo.layout.milestones[found].uid
            self.menu_requested.emit("milestone", uid, day, global_pos)
            return
        band = geo.band_at(x, pos.y())
        if band is not None:
            self.select(band.uid)
            self.menu_requested.emit("release", band.uid, day, global_pos)
            return
        self.menu_requested.emit("axis", None, day, global_pos)

    # -- keys ------------------------------------------------------------------------
    def key(self, key: int, mods: Qt.KeyboardModifier) -> bool:
        """A key for the selected band: Left/Right select the band beside it,
        Alt+Left/Right move it by a snap unit, Alt+Shift+Left/Right move its end,
        Enter edits it, Delete deletes it, the menu key (Shift+F10) opens its menu.
        False when no band is selected or the key means nothing to it."""
        geo = self.view.geo
        band = next((b for b in geo.layout.bands if b.uid == self.selected), None) if geo else None
        if band is None or geo is None:
            return False
        alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
        none = Qt.KeyboardModifier.NoModifier
        sideways = key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
        direction: Direction = 1 if key == Qt.Key.Key_Right else -1
        if sideways and mods == none:
            bands = list(geo.layout.bands)
            i = min(max(bands.index(band) + direction, 0), len(bands) - 1)
            self.select(bands[i].uid)
            self.release_selected.emit(bands[i].uid)
        elif sideways and mods in (alt, alt | shift):
            if self.view.read_only:
                return True
            new = band_nudged(band, self.view.snap, direction, resize=mods == alt | shift)
            if new is not None:
                self.release_changed.emit(band.uid, *new)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == none:
            self.release_activated.emit(band.uid)
        elif key == Qt.Key.Key_Delete and mods == none:
            self.release_delete_requested.emit(band.uid)
        elif (key == Qt.Key.Key_Menu and mods == none) or (key == Qt.Key.Key_F10 and mods == shift):
            rect = geo.band_rect(band)
            x = rect.left() + 8 + geo.gutter - self.view.horizontalScrollBar().value()
            where = self.view.header.mapToGlobal(QPoint(round(x), round(rect.bottom())))
            self.menu_requested.emit("release", band.uid, band.start, where)
        else:
            return False
        return True

    # -- state -----------------------------------------------------------------------
    def select(self, uid: str | None) -> None:
        if uid != self.selected:
            self.selected = uid
            self.view.header.update()

    def cancel(self) -> None:
        """End a drag (released or Esc): no ghost, no tooltip."""
        was = self.dragging
        self._band = self._milestone = self._lane = None
        self.caption = ""
        if was:
            self.view.header.update()
            self.view.gutter.update()

    # -- painting --------------------------------------------------------------------
    def paint_header(self, p: QPainter, left: float) -> None:
        """The selected band's outline and a dragged band's or milestone's ghost, on
        the header painter translated to body x - `left`."""
        geo = self.view.geo
        if geo is None:
            return
        p.save()
        p.translate(-left, 0)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.view.chart_palette
        x = 0.0  # where the caption goes: at the ghost
        selected = next((b for b in geo.layout.bands if b.uid == self.selected), None)
        if selected is not None:
            p.setPen(QPen(QColor(palette.selection), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(geo.band_rect(selected).adjusted(-1, -1, 1, 1), 5, 5)
        drag = self._band
        if drag is not None and drag.started and drag.start and drag.end:
            origin = geo.layout.origin
            rect = geo.band_rect(
                drag.band, (drag.start - origin).days, (drag.end - origin).days + 1
            )
            veil = QColor(palette.background)  # the band where it was, faded
            veil.setAlphaF(0.6)
            p.fillRect(geo.band_rect(drag.band).adjusted(-1, -1, 1, 1), veil)
            color = QColor(self.view.release_colors.get(drag.band.uid, NO_RELEASE_COLOR))
            color.setAlphaF(0.55)
            p.setBrush(color)
            p.setPen(QPen(QColor(palette.ink), 1, Qt.PenStyle.DashLine))
            p.drawRoundedRect(rect, 4, 4)
            x = rect.left()
        moving = self._milestone
        if moving is not None and moving.started and moving.date is not None:
            day = (moving.date - geo.layout.origin).days
            center = geo.milestone_center(moving.index, day)
            p.setPen(QPen(QColor(palette.ink), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(paint.diamond(center, 6.5))
            x = center.x()
        if self.caption:
            p.setFont(geo.small_font)
            width = geo.small_metrics.horizontalAdvance(self.caption) + 12
            box = QRectF(x + 4, geo.axis_height - 17, width, 16)
            p.setPen(QPen(QColor(palette.grid_strong), 1))
            p.setBrush(QColor(palette.background))
            p.drawRoundedRect(box, 3, 3)
            p.setPen(QColor(palette.ink))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.caption)
        p.restore()

    def paint_gutter(self, p: QPainter, top: float) -> None:
        """Where a dragged lane would land: a line between two lanes."""
        geo, drag = self.view.geo, self._lane
        if geo is None or drag is None or not drag.started:
            return
        y = geo.lane_tops[drag.to] - top
        p.setPen(QPen(QColor(self.view.chart_palette.selection), 3))
        p.drawLine(QLineF(0, y, geo.gutter, y))
        source = QRectF(0, geo.lane_tops[drag.index] - top, geo.gutter, 0)
        source.setBottom(geo.lane_tops[drag.index + 1] - top)
        p.fillRect(source, QColor(self.view.chart_palette.drop_target))


def band_nudged(
    band: Band, snap: Snap, direction: Direction, *, resize: bool
) -> tuple[dt.date, dt.date] | None:
    """A band's dates moved by one snap unit by a key (or its end, with `resize`)."""
    return nudged(band.start, band.end, snap, direction, resize=resize)
