"""What the timeline's keys do, as plain functions of the layout: which bar the
arrows go to, and where a bar's dates land when it is nudged by one snap unit.

Snap units: a day, or a week, whose grid is Mondays for starts and Sundays for
ends (an end date is included, so a week-aligned bar ends on a Sunday).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pmdesk.core.roadmap.layout import Bar, RoadmapLayout

Snap = Literal["day", "week"]
Direction = Literal[-1, 1]
Way = Literal["left", "right", "up", "down"]


def snap_date(day: dt.date, snap: Snap, *, end: bool = False) -> dt.date:
    """`day` itself, or the nearest week boundary: a Monday, or for an end a Sunday."""
    if snap == "day":
        return day
    edge = day + dt.timedelta(days=1) if end else day  # an end is included: its boundary is after
    monday = edge - dt.timedelta(days=edge.weekday())
    if edge.weekday() >= 4:  # Friday to Sunday are nearer the next Monday
        monday += dt.timedelta(days=7)
    return monday - dt.timedelta(days=1) if end else monday


def step_date(day: dt.date, snap: Snap, direction: Direction, *, end: bool = False) -> dt.date:
    """The next grid date after `day` (or before it, for -1): a day on, or the next
    Monday (Sunday for an end), a whole week on when `day` is one already."""
    if snap == "day":
        return day + dt.timedelta(days=direction)
    grid = 6 if end else 0
    ahead = (grid - day.weekday()) % 7 or 7
    behind = (day.weekday() - grid) % 7 or 7
    return day + dt.timedelta(days=ahead if direction > 0 else -behind)


def nudged(
    start: dt.date, end: dt.date, snap: Snap, direction: Direction, *, resize: bool
) -> tuple[dt.date, dt.date] | None:
    """New (start, end) for a bar moved by one snap unit, or with its end moved
    (`resize`); None when nothing changes (an end cannot pass the start)."""
    if resize:
        new_end = max(step_date(end, snap, direction, end=True), start)
        return (start, new_end) if new_end != end else None
    new_start = step_date(start, snap, direction)
    return new_start, end + (new_start - start)


def neighbour(layout: RoadmapLayout, bar: Bar, key: Way) -> Bar:
    """The bar beside `bar` in its row (left, right), or the nearest in time in the
    next row above or below that has bars; `bar` itself at an edge."""
    if key in ("left", "right"):
        beside = list(layout.bars_in_row(bar.row))
        i = beside.index(bar) + (1 if key == "right" else -1)
        return beside[i] if 0 <= i < len(beside) else bar
    step = 1 if key == "down" else -1
    middle = (bar.x0 + bar.x1) / 2
    row = bar.row + step
    while 0 <= row < layout.rows:
        bars = layout.bars_in_row(row)
        if bars:
            return min(bars, key=lambda b: _distance(b, middle))
        row += step
    return bar


def _distance(bar: Bar, x: float) -> float:
    """How far day `x` is from `bar` (0 when the bar spans it)."""
    if bar.x0 <= x < bar.x1:
        return 0.0
    return min(abs(bar.x0 - x), abs(bar.x1 - x))
