"""The one drawing of a roadmap layout, in QtGui only (no widgets).

The timeline pane and the exported picture both paint through these functions,
so what a stakeholder gets in the PRD is what the PM sees on screen. The drawing
has three parts that the pane scrolls separately: the header (time axis,
release bands, milestones) above, the gutter (lane names) on the left and the
body (lanes, bars, arrows, lines) in between. Each part paints in its own
coordinates; the picture puts them side by side.

Everything here is cheap on purpose: solid fills, cached elided labels and
culling by the exposed rectangle keep a 2,000-bar roadmap smooth.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from pmdesk.core.roadmap.layout import Arrow, Bar
from pmdesk.core.roadmap.timescale import Unit
from pmdesk.export import roadmap_style as style
from pmdesk.export.roadmap_geometry import (
    LANE_PAD,
    MILESTONE_LINE,
    ROW_HEIGHT,
    TIER_HEIGHT,
    Colors,
    Geometry,
)
from pmdesk.export.roadmap_style import LIGHT, Palette, RoadmapTexts

DASH_PERIOD = 6.0  # Qt.DashLine at 1 px: 4 px dash, 2 px gap


# -- body ------------------------------------------------------------------------
LANE_TINT = 0.14  # how much of a lane's own colour shows in its rows


def lane_fill(palette: Palette, index: int, colour: str | None) -> QColor:
    """The ground of lane `index`: the palette's alternating fill, tinted by the
    lane's colour when it has one (faintly, so bars keep their contrast)."""
    ground = QColor(palette.lane_fills[index % 2])
    if not colour:
        return ground
    tint = QColor(colour)
    mix = LANE_TINT
    return QColor.fromRgbF(
        ground.redF() * (1 - mix) + tint.redF() * mix,
        ground.greenF() * (1 - mix) + tint.greenF() * mix,
        ground.blueF() * (1 - mix) + tint.blueF() * mix,
    )


def paint_body(
    p: QPainter,
    geo: Geometry,
    exposed: QRectF,
    colors: Colors,
    *,
    selected: str | None = None,
    hidden: str | None = None,
    detail: bool = True,
    palette: Palette = LIGHT,
    shown: Collection[str] | None = None,
) -> None:
    """Lanes, grid, milestone and today lines, arrows and bars within `exposed`;
    with `shown` (the app's filter), only those bars and the arrows between them."""
    layout = geo.layout
    left, right = max(exposed.left(), 0.0), min(exposed.right(), geo.width)
    for i in range(len(layout.lanes)):
        top, bottom = geo.lane_tops[i], geo.lane_tops[i + 1]
        if bottom < exposed.top() or top > exposed.bottom():
            continue
        fill = lane_fill(palette, i, layout.lanes[i].colour)
        p.fillRect(QRectF(left, top, right - left, bottom - top), fill)
    _paint_grid(p, geo, exposed, palette)
    pen = QPen(QColor(palette.grid_strong), 1)
    p.setPen(pen)
    for y in geo.lane_tops[1:-1]:
        if exposed.top() - 1 <= y <= exposed.bottom() + 1:
            p.drawLine(QLineF(left, y, right, y))
    _paint_milestone_lines(p, geo, exposed, palette)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _paint_arrows(p, geo, exposed, palette, shown)
    _paint_bars(p, geo, exposed, colors, selected, hidden, detail, palette, shown)
    if layout.today is not None:
        x = geo.x(layout.today + 0.5)
        if left - 2 <= x <= right + 2:
            p.setPen(QPen(QColor(palette.today), 2))
            p.drawLine(QLineF(x, max(exposed.top(), 0.0), x, min(exposed.bottom(), geo.height)))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _paint_grid(p: QPainter, geo: Geometry, exposed: QRectF, palette: Palette) -> None:
    top, bottom = max(exposed.top(), 0.0), min(exposed.bottom(), geo.height)
    for unit, color in ((geo.unit, palette.grid), (geo.upper, palette.grid_strong)):
        if unit is None:
            continue
        p.setPen(QPen(QColor(color), 1))
        for _tick, x in geo.visible_ticks(unit, exposed.left() - 1, exposed.right() + 1):
            if x > 0:
                p.drawLine(QLineF(x, top, x, bottom))


def _paint_milestone_lines(p: QPainter, geo: Geometry, exposed: QRectF, palette: Palette) -> None:
    pen = QPen(QColor(palette.milestone_line), 1, Qt.PenStyle.DashLine)
    p.setPen(pen)
    # Each line starts on a whole dash period (4 px dash + 2 px gap) from the top, so
    # a repaint of a strip draws the same dashes as a paint of the whole body.
    top = max(exposed.top() - DASH_PERIOD, 0.0) // DASH_PERIOD * DASH_PERIOD
    bottom = min(exposed.bottom(), geo.height)
    for m in geo.layout.milestones:
        x = geo.x(m.x + 0.5)
        if exposed.left() - 1 <= x <= exposed.right() + 1:
            p.drawLine(QLineF(x, top, x, bottom))


def arrow_points(geo: Geometry, arrow: Arrow) -> list[tuple[float, float]]:
    """The corners of an elbow from the end of the earlier bar to the start of the
    later one; when the later one starts too soon it doubles back between the rows."""
    y0 = geo.row_top(arrow.row0) + ROW_HEIGHT / 2
    y1 = geo.row_top(arrow.row1) + ROW_HEIGHT / 2
    x0, x1 = geo.x(arrow.x0), geo.x(arrow.x1)
    out, into = x0 + 6, x1 - 6
    if into >= out:
        return [(x0, y0), (out, y0), (out, y1), (x1 - 1, y1)]
    between = geo.row_top(arrow.row1) if arrow.row1 > arrow.row0 else geo.row_top(arrow.row0)
    if arrow.row1 == arrow.row0:
        between = y0 + ROW_HEIGHT / 2 - 1
    return [(x0, y0), (out, y0), (out, between), (into, between), (into, y1), (x1 - 1, y1)]


def _path(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for x, y in points[1:]:
        path.lineTo(x, y)
    return path


ARROW_REACH = 8.0  # how far an arrow's pen and head reach beyond its line


def _arrow_meets(points: list[tuple[float, float]], exposed: QRectF) -> bool:
    """Whether a line through `points` (and its head at the end) comes near `exposed`."""
    left, top = exposed.left() - ARROW_REACH, exposed.top() - ARROW_REACH
    right, bottom = exposed.right() + ARROW_REACH, exposed.bottom() + ARROW_REACH
    return any(
        min(xa, xb) <= right
        and max(xa, xb) >= left
        and min(ya, yb) <= bottom
        and max(ya, yb) >= top
        for (xa, ya), (xb, yb) in itertools.pairwise(points)
    )


def _paint_arrows(
    p: QPainter,
    geo: Geometry,
    exposed: QRectF,
    palette: Palette,
    shown: Collection[str] | None = None,
) -> None:
    p.setBrush(Qt.BrushStyle.NoBrush)
    rows = geo.rows_between(exposed.top() - ROW_HEIGHT, exposed.bottom() + ROW_HEIGHT)
    for arrow in geo.layout.arrows_in_rows(rows.start - 1, rows.stop + 1):
        if shown is not None and (arrow.before not in shown or arrow.after not in shown):
            continue
        points = arrow_points(geo, arrow)
        if not _arrow_meets(points, exposed):
            continue  # every segment of it is elsewhere: nothing of it in this repaint
        color = QColor(palette.conflict if arrow.violated else palette.arrow)
        p.setPen(QPen(color, 1.6 if arrow.violated else 1.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(_path(points))
        tip = QPointF(geo.x(arrow.x1), geo.row_top(arrow.row1) + ROW_HEIGHT / 2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawPolygon(
            QPolygonF(
                [tip, QPointF(tip.x() - 6, tip.y() - 3.5), QPointF(tip.x() - 6, tip.y() + 3.5)]
            )
        )


def _is_light(color: QColor) -> bool:
    return color.lightnessF() > 0.72


def _paint_bars(
    p: QPainter,
    geo: Geometry,
    exposed: QRectF,
    colors: Colors,
    selected: str | None,
    hidden: str | None,
    detail: bool,
    palette: Palette,
    shown: Collection[str] | None = None,
) -> None:
    layout = geo.layout
    p.setFont(geo.bar_font)
    for row in geo.rows_between(exposed.top() - ROW_HEIGHT, exposed.bottom()):
        for bar in layout.bars_in_row(row):
            if bar.uid == hidden or (shown is not None and bar.uid not in shown):
                continue
            rect = geo.bar_rect(bar)
            if rect.right() < exposed.left() or rect.left() > exposed.right():
                continue
            paint_bar(p, geo, bar, rect, colors(bar), bar.uid == selected, detail, palette)


def paint_bar(
    p: QPainter,
    geo: Geometry,
    bar: Bar,
    rect: QRectF,
    color: str,
    selected: bool = False,
    detail: bool = True,
    palette: Palette = LIGHT,
) -> None:
    """One bar: solid fill (faded, dashed edge when its dates are its release's),
    a red edge when it is in conflict, a blue ring when selected, and its label."""
    brush, edge, ink = bar_style(color, bar.from_release, bar.conflicted, palette)
    radius = min(4.0, rect.width() / 2)
    p.setBrush(brush)
    p.setPen(edge)
    p.drawRoundedRect(rect, radius, radius)
    if selected:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(_selection_pen(palette))
        p.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), radius + 2, radius + 2)
    if detail and geo.labels_beside and geo.label_width(bar) > rect.width() - 12:
        p.setPen(QColor(palette.ink))  # beside the bar, on the lane's light ground
        label = geo.label(bar, geo.label_width(bar) + 4)
        if label is not None:
            top = rect.top() + (rect.height() - label.size().height()) / 2
            p.drawStaticText(QPointF(rect.right() + 5, top), label)
    elif detail and rect.width() > 24:
        label = geo.label(bar, rect.width() - 10)
        if label is not None:
            p.setPen(ink)
            top = rect.top() + (rect.height() - label.size().height()) / 2
            p.drawStaticText(QPointF(rect.left() + 6, top), label)


@cache
def _selection_pen(palette: Palette) -> QPen:
    return QPen(QColor(palette.selection), 2.5)


@cache
def bar_style(
    color: str, from_release: bool, conflicted: bool, palette: Palette = LIGHT
) -> tuple[QBrush, QPen, QPen]:
    """Brush, edge and text pen of a bar (made once per combination, not per paint)."""
    base = QColor(color)
    if from_release:
        ground = QColor(palette.fade_towards)
        fill = QColor.fromRgbF(
            base.redF() * 0.35 + ground.redF() * 0.65,
            base.greenF() * 0.35 + ground.greenF() * 0.65,
            base.blueF() * 0.35 + ground.blueF() * 0.65,
        )
        edge = QPen(base, 1.2, Qt.PenStyle.DashLine)
    else:
        fill = base
        edge = QPen(base.darker(115), 1)
    if conflicted:
        edge = QPen(QColor(palette.conflict), 2)
    light = _is_light(fill)
    ink = QPen(QColor(LIGHT.ink if light else palette.on_fill_ink))
    return QBrush(fill), edge, ink


# -- header ----------------------------------------------------------------------
def paint_header(
    p: QPainter,
    geo: Geometry,
    left: float,
    width: float,
    release_colors: dict[str, str],
    palette: Palette = LIGHT,
    over_capacity: Collection[str] = (),
) -> None:
    """The time axis, release bands and milestones for body x in [left, left + width),
    painted at header x = body x - left; a release in `over_capacity` (its Musts
    alone exceed its capacity) carries a warning mark."""
    texts = geo.texts
    p.save()
    p.translate(-left, 0)
    visible = QRectF(left, 0, width, geo.header_height)
    p.fillRect(visible, QColor(palette.background))
    y = 0.0
    tiers: Sequence[tuple[Unit, bool]] = (
        ((geo.upper, True), (geo.unit, False)) if geo.upper else ((geo.unit, False),)
    )
    for unit, upper in tiers:
        _paint_tier(p, geo, unit, upper, y, visible, texts, palette)
        y += TIER_HEIGHT
    p.setPen(QPen(QColor(palette.grid_strong), 1))
    p.drawLine(QLineF(left, y - 0.5, left + width, y - 0.5))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if geo.release_height:
        _paint_releases(p, geo, visible, release_colors, palette, over_capacity)
        y += geo.release_height
    if geo.milestone_height:
        _paint_milestones(p, geo, visible, release_colors, palette)
    if geo.layout.today is not None:
        x = geo.x(geo.layout.today + 0.5)
        if visible.left() - 40 <= x <= visible.right() + 40:
            p.setPen(QPen(QColor(palette.today), 2))
            p.drawLine(QLineF(x, geo.axis_height, x, geo.header_height))
            p.setFont(geo.small_font)
            tag = QRectF(x + 3, geo.header_height - 15, 60, 14)
            p.drawText(tag, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, texts.today)
    p.setPen(QPen(QColor(palette.grid_strong), 1))
    p.drawLine(QLineF(left, geo.header_height - 0.5, left + width, geo.header_height - 0.5))
    p.restore()


def _paint_tier(
    p: QPainter,
    geo: Geometry,
    unit: Unit,
    upper: bool,
    y: float,
    visible: QRectF,
    texts: RoadmapTexts,
    palette: Palette,
) -> None:
    p.setFont(geo.upper_font if upper else geo.small_font)
    metrics = geo.upper_metrics if upper else geo.small_metrics
    origin = geo.layout.origin
    for tick, x0 in geo.visible_ticks(unit, visible.left(), visible.right()):
        x1 = geo.x((tick.end - origin).days)
        p.setPen(QPen(QColor(palette.grid_strong if upper else palette.grid), 1))
        if x0 > 0:
            p.drawLine(QLineF(x0, y + (0 if upper else 6), x0, y + TIER_HEIGHT))
        label = texts.tick(tick, upper)
        p.setPen(QColor(palette.ink if upper else palette.muted_ink))
        room = QRectF(max(x0, 0.0) + 5, y, x1 - max(x0, 0.0) - 8, TIER_HEIGHT)
        if upper:
            # The year or month stays readable at the left edge while its period scrolls.
            room.setLeft(max(room.left(), visible.left() + 5))
            room.setRight(max(room.right(), room.left()))
        if metrics.horizontalAdvance(label) <= room.width() + 1:
            align = Qt.AlignmentFlag.AlignLeft if upper else Qt.AlignmentFlag.AlignHCenter
            p.drawText(room, align | Qt.AlignmentFlag.AlignVCenter, label)


def _paint_releases(
    p: QPainter,
    geo: Geometry,
    visible: QRectF,
    colors: dict[str, str],
    palette: Palette,
    over_capacity: Collection[str] = (),
) -> None:
    p.setFont(geo.release_font)
    metrics = geo.release_metrics
    for band in geo.layout.bands:
        rect = geo.band_rect(band)
        if rect.right() < visible.left() or rect.left() > visible.right():
            continue
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colors.get(band.uid, style.NO_RELEASE_COLOR)))
        p.drawRoundedRect(rect, 4, 4)
        mark = band.uid in over_capacity and rect.width() > 24
        room = rect.width() - (30 if mark else 12)
        text = metrics.elidedText(band.name, Qt.TextElideMode.ElideRight, room)
        p.setPen(QColor(palette.on_fill_ink))
        p.drawText(
            rect.adjusted(8, 0, -4, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        if mark:
            _paint_over_capacity(p, rect, palette)


def _paint_over_capacity(p: QPainter, band: QRectF, palette: Palette) -> None:
    """A warning triangle at the band's right end: its Musts exceed its capacity."""
    h = min(band.height() - 4, 14.0)
    right, mid = band.right() - 5, band.center().y()
    triangle = QPolygonF(
        [
            QPointF(right - h / 2, mid - h / 2),
            QPointF(right, mid + h / 2),
            QPointF(right - h, mid + h / 2),
        ]
    )
    p.setPen(QPen(QColor(palette.background), 1))
    p.setBrush(QColor(palette.conflict))
    p.drawPolygon(triangle)
    p.setPen(QColor("#ffffff"))
    p.drawText(QRectF(right - h, mid - h / 2 + 2, h, h), Qt.AlignmentFlag.AlignCenter, "!")


def _paint_milestones(
    p: QPainter, geo: Geometry, visible: QRectF, colors: dict[str, str], palette: Palette
) -> None:
    """Diamonds with their names; one linked to a release in that release's colour."""
    p.setFont(geo.small_font)
    for i, m in enumerate(geo.layout.milestones):
        center = geo.milestone_center(i)
        x, cy = center.x(), center.y()
        if x + 300 < visible.left() or x - 10 > visible.right():
            continue
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colors.get(m.release_uid or "", palette.milestone)))
        p.drawPolygon(diamond(QPointF(x, cy), 5.5))
        p.setPen(QColor(palette.ink))
        left = geo.label_left(m)
        p.drawText(
            QRectF(x - 409 if left else x + 9, cy - MILESTONE_LINE / 2, 400, MILESTONE_LINE),
            (Qt.AlignmentFlag.AlignRight if left else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignVCenter,
            m.name,
        )


def diamond(center: QPointF, r: float) -> QPolygonF:
    x, y = center.x(), center.y()
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


# -- gutter ----------------------------------------------------------------------
def paint_gutter(
    p: QPainter, geo: Geometry, top: float, height: float, palette: Palette = LIGHT
) -> None:
    """Lane names for body y in [top, top + height), painted at y = body y - top."""
    p.save()
    p.translate(0, -top)
    p.fillRect(QRectF(0, top, geo.gutter, height), QColor(palette.background))
    p.setFont(geo.lane_font)
    metrics = QFontMetricsF(geo.lane_font)
    for i, lane in enumerate(geo.layout.lanes):
        y0, y1 = geo.lane_tops[i], geo.lane_tops[i + 1]
        if y1 < top or y0 > top + height:
            continue
        p.fillRect(QRectF(0, y0, geo.gutter, y1 - y0), lane_fill(palette, i, lane.colour))
        if lane.colour:  # the lane's own colour, full strength, along its name
            p.fillRect(QRectF(0, y0 + 1, LANE_STRIPE, y1 - y0 - 1), QColor(lane.colour))
        name = lane.name or geo.texts.unassigned
        p.setPen(QColor(palette.ink if lane.uid is not None else palette.muted_ink))
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, geo.gutter - 20)
        # Long lanes keep their name in sight while they scroll.
        name_top = min(max(y0, top), y1 - ROW_HEIGHT - 2 * LANE_PAD)
        p.drawText(
            QRectF(12, name_top + LANE_PAD, geo.gutter - 16, ROW_HEIGHT),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        p.setPen(QPen(QColor(palette.grid_strong), 1))
        if i:
            p.drawLine(QLineF(0, y0, geo.gutter, y0))
    p.setPen(QPen(QColor(palette.grid_strong), 1))
    p.drawLine(QLineF(geo.gutter - 0.5, top, geo.gutter - 0.5, top + height))
    p.restore()


LANE_STRIPE = 5.0  # px: the width of a lane's colour by its name

# -- legend ----------------------------------------------------------------------
LEGEND_HEIGHT = 30.0


def paint_legend(
    p: QPainter,
    geo: Geometry,
    entries: Sequence[tuple[str, str]],
    origin: QPointF,
    palette: Palette = LIGHT,
) -> None:
    """Colour chips for the values shown, then the symbols that occur."""
    texts = geo.texts
    p.save()
    p.translate(origin)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(geo.small_font)
    metrics = QFontMetricsF(geo.small_font)
    x = 0.0
    cy = LEGEND_HEIGHT / 2

    def caption(text: str) -> None:
        nonlocal x
        p.setPen(QColor(palette.ink))
        w = metrics.horizontalAdvance(text)
        p.drawText(QRectF(x, 0, w + 2, LEGEND_HEIGHT), Qt.AlignmentFlag.AlignVCenter, text)
        x += w + 18

    for label, color in entries:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(color))
        p.drawRoundedRect(QRectF(x, cy - 6, 22, 12), 3, 3)
        x += 28
        caption(label)
    layout = geo.layout
    if any(b.from_release for b in layout.bars):
        brush, edge, _ink = bar_style(style.NO_RELEASE_COLOR, True, False, palette)
        p.setBrush(brush)
        p.setPen(edge)
        p.drawRoundedRect(QRectF(x, cy - 6, 22, 12), 3, 3)
        x += 28
        caption(texts.from_release)
    if layout.conflicts or any(a.violated for a in layout.arrows):
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(palette.conflict), 2))
        p.drawRoundedRect(QRectF(x, cy - 6, 22, 12), 3, 3)
        x += 28
        caption(texts.problem)
    if layout.milestones:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(palette.milestone))
        p.drawPolygon(diamond(QPointF(x + 6, cy), 5.5))
        x += 18
        caption(texts.milestone)
    if layout.today is not None:
        p.setPen(QPen(QColor(palette.today), 2))
        p.drawLine(QLineF(x + 4, cy - 7, x + 4, cy + 7))
        x += 12
        caption(texts.today)
    p.restore()
