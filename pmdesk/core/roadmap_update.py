"""A shown roadmap brought up to date from an edit's effects, without reading the
project or laying out the whole roadmap again (issue 12; pure Python, no Qt).

`RoadmapState` keeps what the roadmap was read from (every requirement that could
have a place in time, rejected ones included, so a requirement taken back from
rejected has its dates at hand) and its layout. `updated(effects)` gives:

- the same layout with the bars saying what the effects set (title, status, …),
  when nothing moves (`roadmap_layout.restyled`);
- when a status goes to or from rejected, which hides or shows one bar: that
  lane packed again, the lanes below it moved by the rows it gained or lost, the
  arrows and scheduling problems checked again; the result equals a full layout;
- None when the edit could move anything else (dates, lanes, releases, links, a
  bar at the very start or end of the time axis, the "Unassigned" group coming or
  going): then read and lay out the whole roadmap as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pmdesk.core.ops.base import Effect
from pmdesk.core.queries_roadmap import RoadmapData, RoadmapItem, RoadmapRelease
from pmdesk.core.roadmap_layout import (
    BAR_SHOWS,
    UNPLACED,
    Arrow,
    Bar,
    Conflict,
    LaneRows,
    RoadmapLayout,
    _bar,
    _outside_release,
    _pack,
    _place,
    _Placed,
    layout_roadmap,
    restyled,
)
from pmdesk.core.timescale import next_period

HIDDEN = "rejected"  # a status the roadmap does not draw (`layout_roadmap`)


@dataclass(frozen=True)
class RoadmapState:
    """A roadmap's data (rejected requirements included) and its layout."""

    data: RoadmapData
    layout: RoadmapLayout
    # Set by `updated`: a bar was shown or hidden, so bars moved (else they stayed).
    repacked: bool = field(default=False, compare=False)
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self._index:
            self._index.update((item.uid, i) for i, item in enumerate(self.data.items))

    @classmethod
    def laid_out(cls, data: RoadmapData, today: dt.date | None) -> RoadmapState:
        return cls(data, layout_roadmap(data, today))

    def updated(self, effects: Iterable[Effect]) -> RoadmapState | None:
        """This roadmap after `effects`; None when it has to be laid out afresh."""
        effects = tuple(effects)
        changes: dict[str, dict[str, Any]] = {}
        for e in effects:
            if e.entity != "requirement" or e.action != "updated" or not set(e.fields) <= UNPLACED:
                return None
            if not set(e.fields) <= set(e.values):
                return None  # an effect without its values: read it
            if e.uid in self._index:  # else: no dates and no release, never on the roadmap
                shown = {name: e.values[name] for name in BAR_SHOWS if name in e.fields}
                if shown:
                    changes.setdefault(e.uid, {}).update(shown)
        if not changes:
            return self
        items = list(self.data.items)
        toggled: list[str] = []
        for uid, values in changes.items():
            old = items[self._index[uid]]
            new = replace(old, **values)
            items[self._index[uid]] = new
            if (old.status == HIDDEN) != (new.status == HIDDEN):
                toggled.append(uid)
        data = replace(self.data, items=tuple(items))
        # The bars that stay: restyled in place (an item without a bar only changes data).
        quiet = [e for e in effects if e.uid not in toggled and self.layout.bar(e.uid)]
        layout = restyled(self.layout, quiet) if quiet else self.layout
        if layout is None:
            return None
        before = layout
        if toggled:
            layout = _shown_or_hidden(layout, data, self._index, toggled)
            if layout is None:
                return None
        return RoadmapState(data, layout, layout is not before, self._index)


def _shown_or_hidden(
    layout: RoadmapLayout, data: RoadmapData, index: dict[str, int], toggled: Sequence[str]
) -> RoadmapLayout | None:
    """`layout` with the bars of `toggled` (their status went to or from rejected)
    added or removed: their lanes packed again; None when more than that moves."""
    releases = {r.uid: r for r in data.releases}
    known_lanes = {lane.uid for lane in data.lanes}
    group_of = {lane.uid: i for i, lane in enumerate(layout.lanes)}
    first_month_end = next_period(layout.origin, "month")
    last_month = layout.end - dt.timedelta(days=1)
    last_month = last_month.replace(day=1)
    affected: dict[int, list[RoadmapItem]] = {}  # lane → its items shown again
    for uid in toggled:
        item = data.items[index[uid]]
        placed = _place(item, releases, index[uid])
        if placed is None:
            continue  # its release has no dates: never drawn
        # The time axis stays only if the bar is not what holds its first or last month.
        if placed.start < first_month_end or placed.end >= last_month:
            return None
        lane_uid = item.lane_uid if item.lane_uid in known_lanes else None
        if lane_uid not in group_of:
            return None  # the "Unassigned" group would appear
        shown = affected.setdefault(group_of[lane_uid], [])
        if item.status != HIDDEN:
            shown.append(item)
    if not affected:
        return layout
    bars: list[Bar] = []
    lanes: list[LaneRows] = []
    row = 0
    by_lane = _bars_by_lane(layout)
    for i, lane in enumerate(layout.lanes):
        old = by_lane[i]
        if i in affected:
            members = _members(old, affected[i], data, index, releases)
            if lane.uid is None and not members:
                return None  # the "Unassigned" group would go
            packed, count = _pack(members, layout.origin)
            rows = max(count, 1)
            bars.extend(_bar(p, lane.uid, layout.origin, row + sub) for p, sub in packed)
        else:
            rows, shift = lane.rows, row - lane.first_row
            bars.extend([b._replace(row=b.row + shift) for b in old] if shift else old)
        lanes.append(LaneRows(lane.uid, lane.name, row, rows))
        row += rows
    checked, arrows, conflicts = _checked(bars, layout, data, index, releases)
    return replace(
        layout,
        lanes=tuple(lanes),
        bars=tuple(checked),
        arrows=tuple(arrows),
        conflicts=tuple(conflicts),
        rows=row,
        _by_uid={},
        _by_row={},
    )


def _bars_by_lane(layout: RoadmapLayout) -> list[list[Bar]]:
    """The bars of each lane, in the layout's order (lanes follow one another)."""
    out: list[list[Bar]] = [[] for _ in layout.lanes]
    bounds = [lane.first_row + lane.rows for lane in layout.lanes]
    i = 0
    for bar in layout.bars:
        while bar.row >= bounds[i]:
            i += 1
        out[i].append(bar)
    return out


def _members(
    old: list[Bar],
    shown: list[RoadmapItem],
    data: RoadmapData,
    index: dict[str, int],
    releases: dict[str, RoadmapRelease],
) -> list[_Placed]:
    """What a lane holds now: its bars still shown and `shown`, its items shown again."""
    members = [
        _Placed(item, bar.start, bar.end, bar.from_release, index[bar.uid])
        for bar in old
        if (item := data.items[index[bar.uid]]).status != HIDDEN
    ]
    for item in shown:
        placed = _place(item, releases, index[item.uid])
        if placed is not None:
            members.append(placed)
    return members


def _checked(
    bars: list[Bar],
    layout: RoadmapLayout,
    data: RoadmapData,
    index: dict[str, int],
    releases: dict[str, RoadmapRelease],
) -> tuple[list[Bar], list[Arrow], list[Conflict]]:
    """`roadmap_layout._check` for bars most of which were checked before: a bar's
    own dates against its release do not change with a status, so that flag is
    taken from the layout before and worked out only for a bar new to it."""
    by_uid = {b.uid: b for b in bars}
    arrows: list[Arrow] = []
    late: dict[str, list[Bar]] = {}
    seen: set[tuple[str, str]] = set()
    for link in data.links:
        before_uid, after_uid = (
            (link.to_uid, link.from_uid)
            if link.type == "depends_on"
            else (link.from_uid, link.to_uid)
        )
        before, after = by_uid.get(before_uid), by_uid.get(after_uid)
        if before is None or after is None or (before_uid, after_uid) in seen:
            continue
        seen.add((before_uid, after_uid))
        violated = after.start <= before.end
        arrows.append(
            Arrow(before_uid, after_uid, before.x1, before.row, after.x0, after.row, violated)
        )
        if violated:
            late.setdefault(after_uid, []).append(before)
    items = data.items
    conflicts: list[Conflict] = []
    checked: list[Bar] = []
    for bar in bars:
        was = layout.bar(bar.uid)
        if was is not None:
            outside = releases.get(bar.release_uid or "") if was.outside_release else None
        else:
            item = items[index[bar.uid]]
            outside = _outside_release(item, releases.get(bar.release_uid or ""))
        waits = late.get(bar.uid, ())
        for before in waits:
            conflicts.append(Conflict("dependency", bar.uid, bar.key, before.uid, before.key))
        if outside is not None:
            conflicts.append(Conflict("release", bar.uid, bar.key, outside.uid, outside.name))
        flags = (bool(waits), outside is not None)
        if (bar.late, bar.outside_release) != flags:
            bar = bar._replace(late=flags[0], outside_release=flags[1])
        checked.append(bar)
    return checked, arrows, conflicts
