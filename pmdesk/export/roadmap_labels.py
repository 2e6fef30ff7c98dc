"""Roadmap rows for a printed picture: every bar's whole label readable.

On screen a bar too short for its label shows it elided ("CRM-6 …") and the
reader hovers or zooms; on paper nobody can. A document picture therefore writes
a short bar's label beside it, to its right, and packs each lane's rows again so
that no label runs into the next bar: a bar takes the row from its start to the
end of its bar or of its label, whichever is later (first fit by start, as the
window's layout packs).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import replace

from pmdesk.core.roadmap.layout import Bar, LaneRows, RoadmapLayout

LABEL_GAP_PX = 16.0  # the label's distance from its bar, and air before the next bar


def repack_for_labels(
    layout: RoadmapLayout, px_per_day: float, label_px: Callable[[Bar], float]
) -> RoadmapLayout:
    """`layout` with each lane's rows packed again so labels beside bars fit.

    `label_px(bar)` is the width of a bar's label; a label that fits inside its bar
    takes no room beyond it."""
    ends: dict[str, int] = {}
    for bar in layout.bars:
        width = (bar.x1 - bar.x0) * px_per_day
        need = label_px(bar) + 12  # the inside padding
        extra = 0 if need <= width else math.ceil((label_px(bar) + LABEL_GAP_PX) / px_per_day)
        ends[bar.uid] = bar.x1 + extra
    order = {b.uid: i for i, b in enumerate(layout.bars)}
    rows: dict[str, int] = {}
    lanes: list[LaneRows] = []
    first_row = 0
    for lane in layout.lanes:
        members = [b for b in layout.bars if lane.first_row <= b.row < lane.first_row + lane.rows]
        busy: list[tuple[int, int]] = []  # (first free day, row)
        free: list[int] = []
        count = 0
        for bar in sorted(members, key=lambda b: (b.x0, b.x1, order[b.uid])):
            while busy and busy[0][0] <= bar.x0:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                row = heapq.heappop(free)
            else:
                row, count = count, count + 1
            heapq.heappush(busy, (ends[bar.uid], row))
            rows[bar.uid] = first_row + row
        count = max(count, 1)  # an empty lane keeps its row, as in the window
        lanes.append(replace(lane, first_row=first_row, rows=count))
        first_row += count
    bars = tuple(b._replace(row=rows.get(b.uid, b.row)) for b in layout.bars)
    arrows = tuple(
        replace(a, row0=rows.get(a.before, a.row0), row1=rows.get(a.after, a.row1))
        for a in layout.arrows
    )
    return RoadmapLayout(
        origin=layout.origin,
        days=layout.days,
        lanes=tuple(lanes),
        bars=bars,
        bands=layout.bands,
        milestones=layout.milestones,
        arrows=arrows,
        conflicts=layout.conflicts,
        rows=first_row,
        today=layout.today,
    )
