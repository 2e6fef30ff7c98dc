"""The body of the roadmap painted in pieces is the body painted whole: the view
repaints only what changed (a bar restyled in place, a strip scrolled into view),
so culling (arrows looked up by row, dashed lines started on whole periods) must
never change a pixel."""

from __future__ import annotations

import datetime as dt
import random

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from sqlalchemy import Connection

from pmdesk.core.queries.roadmap import roadmap_data
from pmdesk.core.roadmap.layout import layout_roadmap
from pmdesk.export import roadmap_paint as paint
from pmdesk.export.roadmap_geometry import Geometry
from pmdesk.export.roadmap_picture import ensure_gui
from pmdesk.export.roadmap_style import bar_colors, texts_for

TODAY = dt.date(2027, 2, 17)


def painted(geo: Geometry, pieces: list[QRectF]) -> QImage:
    colors = bar_colors(geo.layout, "status")
    image = QImage(int(geo.width) + 1, int(geo.height) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    p = QPainter(image)
    for piece in pieces:
        p.save()
        p.setClipRect(piece)
        paint.paint_body(p, geo, piece, colors, detail=True)
        p.restore()
    p.end()
    return image


def test_the_body_painted_in_pieces_equals_the_body_painted_whole(
    sample_conn: Connection,
) -> None:
    ensure_gui()
    layout = layout_roadmap(roadmap_data(sample_conn), TODAY)
    assert layout.arrows and layout.milestones  # both kinds of culled drawing are there
    geo = Geometry(layout, 5.0, texts_for("en"))
    everything = QRectF(0, 0, int(geo.width) + 1, int(geo.height) + 1)  # the whole image
    whole = painted(geo, [everything])
    rng = random.Random(3)
    pieces = []
    for _ in range(60):  # whole-pixel rectangles, as Qt exposes them
        w, h = rng.randint(5, 160), rng.randint(5, 120)
        x, y = rng.randint(0, int(geo.width) - w), rng.randint(0, int(geo.height) - h)
        pieces.append(QRectF(x, y, w, h))
    assert painted(geo, [everything, *pieces]) == whole
    # Bars alone, as a restyled bar repaints itself (with the view's margin).
    bars = [geo.bar_rect(b).adjusted(-6, -6, 6, 6).toAlignedRect() for b in layout.bars]
    assert painted(geo, [everything, *map(QRectF, bars)]) == whole


def test_arrows_looked_up_by_rows_are_those_that_reach_them(sample_conn: Connection) -> None:
    layout = layout_roadmap(roadmap_data(sample_conn), TODAY)
    for first in range(-1, layout.rows + 1):
        for last in range(first, min(first + 5, layout.rows + 2)):
            expected = [
                a
                for a in layout.arrows
                if min(a.row0, a.row1) <= last and max(a.row0, a.row1) >= first
            ]
            found = layout.arrows_in_rows(first, last)
            assert set(expected) <= set(found)  # never one less (a bucket may give more)
            assert found == [a for a in layout.arrows if a in set(found)]  # in drawing order
