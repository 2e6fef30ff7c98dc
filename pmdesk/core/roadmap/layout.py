"""The roadmap's layout in time units and rows (pure Python, no Qt).

The screen and the exported picture draw this same layout, so they agree. X is
whole days from `origin` (a bar covers [x0, x1), its end date included); Y is
a row index counted over all lanes, top to bottom.

- One row group per lane, in lane order; requirements without a (known) lane
  go to a last group, "Unassigned" (`LaneRows.uid` None), shown only when used.
- Within a lane, bars are packed first-fit by start date into sub-rows, so no
  two bars of a row overlap (interval partitioning: as few rows as possible).
- A requirement without dates takes its release's; one missing date takes the
  release's, else the other date (a one-day bar).
- Dependencies: `A depends_on B` and `B blocks A` both mean B must end before A
  starts; the arrow runs from B's end to A's start and is violated when A
  starts on or before B's last day.
- A requirement with its own dates outside its release's dates is flagged.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

from pmdesk.core.ops.base import Effect
from pmdesk.core.queries.roadmap import RoadmapData, RoadmapItem, RoadmapRelease
from pmdesk.core.roadmap.timescale import next_period, offset, parse_date, period_start

ConflictKind = Literal["dependency", "release"]


class Bar(NamedTuple):
    """A requirement's bar (a named tuple: a big roadmap makes 100,000 of them, and a
    tuple is made several times faster than a frozen dataclass)."""

    uid: str
    key: str
    title: str
    kind: str
    status: str
    priority: str | None  # None: not assessed
    release_uid: str | None
    lane_uid: str | None  # the lane it is drawn in (None: Unassigned)
    start: dt.date
    end: dt.date  # included
    x0: int
    x1: int  # exclusive: x0 + number of days
    row: int
    from_release: bool  # some of its dates are its release's
    late: bool = False  # starts before something it depends on ends
    outside_release: bool = False

    @property
    def conflicted(self) -> bool:
        return self.late or self.outside_release


@dataclass(frozen=True)
class LaneRows:
    uid: str | None
    name: str | None  # None: the "Unassigned" group, named by the painter
    first_row: int
    rows: int
    colour: str | None = None  # "#rrggbb" tinting its name and rows


@dataclass(frozen=True)
class Band:
    """A release along the top."""

    uid: str
    name: str
    start: dt.date
    end: dt.date
    x0: int
    x1: int


@dataclass(frozen=True)
class Diamond:
    """A milestone."""

    uid: str
    name: str
    date: dt.date
    x: int  # the start of its day
    release_uid: str | None = None  # drawn in that release's colour


@dataclass(frozen=True)
class Arrow:
    """From the end of `before` to the start of `after`, which depends on it."""

    before: str
    after: str
    x0: int
    row0: int
    x1: int
    row1: int
    violated: bool


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    uid: str  # the requirement flagged
    key: str
    other: str  # "dependency": the requirement it waits for; "release": the release uid
    other_name: str  # that requirement's key or the release's name


ARROW_BUCKET = 32  # rows per entry of a layout's index of arrows by row


@dataclass(frozen=True)
class RoadmapLayout:
    origin: dt.date
    days: int  # the axis covers origin .. origin + days (whole months)
    lanes: tuple[LaneRows, ...]
    bars: tuple[Bar, ...]
    bands: tuple[Band, ...]
    milestones: tuple[Diamond, ...]
    arrows: tuple[Arrow, ...]
    conflicts: tuple[Conflict, ...]
    rows: int
    today: int | None  # offset of today, None when off the axis
    _by_uid: dict[str, Bar] = field(default_factory=dict, compare=False, repr=False)
    _by_row: dict[int, list[Bar]] = field(default_factory=dict, compare=False, repr=False)
    # Arrows by rows (`arrows_in_rows`): pass a new dict to `replace` when arrows change.
    _arrow_index: dict[int, list[int]] = field(default_factory=dict, compare=False, repr=False)
    # Each bar's place in `bars`, made on first use; shared like `_arrow_index`.
    _positions: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self._by_uid:
            return  # indexes given along (`restyled`)
        for bar in self.bars:
            self._by_uid[bar.uid] = bar
            self._by_row.setdefault(bar.row, []).append(bar)
        for row in self._by_row.values():
            row.sort(key=lambda b: b.x0)

    @property
    def empty(self) -> bool:
        return not (self.bars or self.bands or self.milestones)

    @property
    def end(self) -> dt.date:
        return self.origin + dt.timedelta(days=self.days)

    def position(self, uid: str) -> int:
        """Where the bar of `uid` is in `bars` (KeyError: none)."""
        if not self._positions:
            self._positions.update((b.uid, i) for i, b in enumerate(self.bars))
        return self._positions[uid]

    def bar(self, uid: str) -> Bar | None:
        return self._by_uid.get(uid)

    def bars_in_row(self, row: int) -> Sequence[Bar]:
        """The bars of one row, left to right (for hit tests and culled painting)."""
        return self._by_row.get(row, ())

    def arrows_in_rows(self, first: int, last: int) -> list[Arrow]:
        """The arrows whose rows (from one end's to the other's) meet rows `first` to
        `last`, in drawing order: a repaint of a few rows looks at those only."""
        index = self._arrow_index
        if not index:  # made on first use; layouts `replace`d from this one share it
            index[-1] = []  # made (a roadmap without arrows has nothing else)
            for i, a in enumerate(self.arrows):
                low, high = sorted((a.row0, a.row1))
                for bucket in range(low // ARROW_BUCKET, high // ARROW_BUCKET + 1):
                    index.setdefault(bucket, []).append(i)
        found: set[int] = set()
        for bucket in range(max(first, 0) // ARROW_BUCKET, max(last, 0) // ARROW_BUCKET + 1):
            found.update(index.get(bucket, ()))
        return [self.arrows[i] for i in sorted(found)]

    def bar_at(self, row: int, x: float) -> Bar | None:
        bars = self.bars_in_row(row)
        i = bisect.bisect_right([b.x0 for b in bars], x) - 1
        return bars[i] if i >= 0 and x < bars[i].x1 else None

    def lane_of_row(self, row: int) -> int:
        for i, lane in enumerate(self.lanes):
            if lane.first_row <= row < lane.first_row + lane.rows:
                return i
        return len(self.lanes) - 1


def with_unassigned(layout: RoadmapLayout) -> RoadmapLayout:
    """`layout` with an empty "Unassigned" group below the lanes when it has none,
    so a bar can be dragged out of its lane; the bars keep their rows."""
    if any(lane.uid is None for lane in layout.lanes):
        return layout
    extra = LaneRows(None, None, layout.rows, 1)
    # The indexes are rebuilt by __post_init__; passing the old ones would double them.
    return replace(
        layout, lanes=(*layout.lanes, extra), rows=layout.rows + 1, _by_uid={}, _by_row={}
    )


# What a bar shows of its requirement besides its place: an edit of these (or of a
# field the roadmap does not show) moves nothing, so the layout can stay.
BAR_SHOWS = ("title", "kind", "status", "priority")
UNPLACED = frozenset(
    {*BAR_SHOWS, "description", "acceptance", "kano", "owner", "tags", "source"}
    | {"rice", "ice", "wsjf", "scores"}  # scores: a bar shows none
)
# A release's fields that move nothing on the roadmap: its band shows only its name.
RELEASE_UNPLACED = frozenset({"name", "goal", "status", "capacity"})  # rank: its colour


def restyled(layout: RoadmapLayout, effects: Iterable[Effect]) -> RoadmapLayout | None:
    """`layout` with the bars showing what `effects` set (titles, statuses, …) and the
    release bands their new names, when they move, add and remove nothing; None when
    they might: then lay out again.

    Rejected requirements are not on the roadmap (`roadmap_data`), so a status set
    to rejected on a bar, or away from rejected where there is no bar, is a new layout.
    """
    changes: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}  # releases renamed
    for e in effects:
        if e.entity == "release" and e.action == "updated" and set(e.fields) <= RELEASE_UNPLACED:
            if "name" in e.fields:
                if "name" not in e.values:
                    return None
                names[e.uid] = str(e.values["name"])
            continue
        if e.entity != "requirement" or e.action != "updated" or not set(e.fields) <= UNPLACED:
            return None
        if not set(e.fields) <= set(e.values):
            return None  # an effect without its values: read it
        bar = layout.bar(e.uid)
        if "status" in e.fields and (e.values["status"] == "rejected") == (bar is not None):
            return None
        if bar is not None:
            changes.setdefault(e.uid, {}).update(
                {name: e.values[name] for name in BAR_SHOWS if name in e.fields}
            )
    if names:
        bands = tuple(replace(b, name=names[b.uid]) if b.uid in names else b for b in layout.bands)
        conflicts = tuple(  # "… outside the dates of release <name>"
            replace(c, other_name=names[c.other]) if c.kind == "release" and c.other in names else c
            for c in layout.conflicts
        )
        if bands != layout.bands or conflicts != layout.conflicts:
            layout = replace(
                layout,
                bands=bands,
                conflicts=conflicts,
                _by_uid=layout._by_uid,
                _by_row=layout._by_row,
            )
    return restyled_bars(layout, changes)


def restyled_bars(layout: RoadmapLayout, changes: Mapping[str, Mapping[str, Any]]) -> RoadmapLayout:
    """`layout` with the bars of `changes` (uid: values of BAR_SHOWS, each uid with a
    bar) showing them, in place: nothing moves."""
    changed = {
        uid: new
        for uid, values in changes.items()
        if (new := _bar_with(layout._by_uid[uid], values)) != layout._by_uid[uid]
    }
    if not changed:
        return layout
    bars = list(layout.bars)
    by_uid = dict(layout._by_uid)
    by_row = dict(layout._by_row)
    copied: set[int] = set()  # rows copied already (several bars of one row changed)
    for uid, new in changed.items():
        old = by_uid[uid]
        bars[layout.position(uid)] = by_uid[uid] = new
        if old.row not in copied:
            copied.add(old.row)
            by_row[old.row] = list(by_row[old.row])
        row = by_row[old.row]
        row[_place_in_row(row, old)] = new
    return replace(layout, bars=tuple(bars), _by_uid=by_uid, _by_row=by_row)


def _bar_with(bar: Bar, values: Mapping[str, Any]) -> Bar:
    """`bar` showing `values` (of BAR_SHOWS; texts but the priority, None: not assessed)."""
    shown: dict[str, Any] = {
        name: value if name == "priority" else str(value) for name, value in values.items()
    }
    return bar._replace(**shown)


_x0 = operator.attrgetter("x0")


def _place_in_row(row: list[Bar], bar: Bar) -> int:
    """Where `bar` (itself) is in its row, left to right by x0: a search, not a
    comparison of whole bars with each one (a thousand bars restyled at once)."""
    at = bisect.bisect_left(row, bar.x0, key=_x0)
    for i in range(at, len(row)):
        if row[i] is bar:
            return i
        if row[i].x0 != bar.x0:
            break
    return row.index(bar)


class _Placed(NamedTuple):  # a tuple: made for every bar, several times faster
    item: RoadmapItem
    start: dt.date
    end: dt.date
    from_release: bool
    order: int


def layout_roadmap(data: RoadmapData, today: dt.date | None = None) -> RoadmapLayout:
    """Lay out `data`; `today` places the today line (None: no line). Rejected
    requirements are left out (`roadmap_data(conn, rejected=True)` reads them too)."""
    releases = {r.uid: r for r in data.releases}
    placed = [
        p
        for i, item in enumerate(data.items)
        if item.status != "rejected" and (p := _place(item, releases, i))
    ]
    known_lanes = {lane.uid for lane in data.lanes}
    bands = _bands(data.releases)
    diamonds = [
        (m.uid, m.name, d, m.release_uid if m.release_uid in releases else None)
        for m in data.milestones
        if (d := parse_date(m.date)) is not None
    ]
    dates = [d for p in placed for d in (p.start, p.end)]
    dates += [d for b in bands for d in (b[2], b[3])]
    dates += [d for _, _, d, _ in diamonds]
    if not dates:
        today_origin = today or dt.date(2000, 1, 1)
        origin = period_start(today_origin, "month")
        return RoadmapLayout(
            origin, (next_period(origin, "month") - origin).days, (), (), (), (), (), (), 0, None
        )
    origin = period_start(min(dates), "month")
    days = offset(origin, next_period(period_start(max(dates), "month"), "month"))

    groups: list[tuple[str | None, str | None, list[_Placed]]] = [
        (lane.uid, lane.name, []) for lane in data.lanes
    ]
    colours = {lane.uid: lane.colour for lane in data.lanes}
    unassigned: list[_Placed] = []
    index = {lane.uid: i for i, lane in enumerate(data.lanes)}
    for p in placed:
        lane_uid = p.item.lane_uid
        if lane_uid in known_lanes:
            groups[index[lane_uid]][2].append(p)
        else:
            unassigned.append(p)
    if unassigned:
        groups.append((None, None, unassigned))

    bars: list[Bar] = []
    lanes: list[LaneRows] = []
    row = 0
    for uid, name, members in groups:
        packed, count = _pack(members, origin)
        bars.extend(_bar(p, uid, origin, row + sub) for p, sub in packed)
        lanes.append(LaneRows(uid, name, row, max(count, 1), colours.get(uid or "")))
        row += max(count, 1)

    bars, arrows, conflicts = _check(bars, data, releases)
    today_x = offset(origin, today) if today is not None else None
    if today_x is not None and not 0 <= today_x < days:
        today_x = None
    return RoadmapLayout(
        origin=origin,
        days=days,
        lanes=tuple(lanes),
        bars=tuple(bars),
        bands=tuple(
            Band(uid, name, s, e, offset(origin, s), offset(origin, e) + 1)
            for uid, name, s, e in bands
        ),
        milestones=tuple(Diamond(u, n, d, offset(origin, d), r) for u, n, d, r in diamonds),
        arrows=tuple(arrows),
        conflicts=tuple(conflicts),
        rows=row,
        today=today_x,
    )


def _place(item: RoadmapItem, releases: dict[str, RoadmapRelease], order: int) -> _Placed | None:
    start, end = parse_date(item.start), parse_date(item.end)
    release = releases.get(item.release_uid or "")
    from_release = False
    if release is not None:
        if start is None and (s := parse_date(release.start)) is not None:
            start, from_release = s, True
        if end is None and (e := parse_date(release.end)) is not None:
            end, from_release = e, True
    start = start or end
    end = end or start
    if start is None or end is None:
        return None
    return _Placed(item, start, max(start, end), from_release, order)


def _bands(releases: Iterable[RoadmapRelease]) -> list[tuple[str, str, dt.date, dt.date]]:
    bands = []
    for r in releases:
        start, end = parse_date(r.start), parse_date(r.end)
        if start is not None and end is not None and start <= end:
            bands.append((r.uid, r.name, start, end))
    return bands


def _pack(members: list[_Placed], origin: dt.date) -> tuple[list[tuple[_Placed, int]], int]:
    """First fit by start date: each bar goes to the lowest row that is free on its
    first day, which gives the fewest rows in which no two bars overlap.

    Two heaps keep it O(n log n) (a plain scan of the rows is quadratic, and a lane
    of a big project has thousands of rows): rows still busy, by their last day, and
    rows free again, by index.
    """
    busy: list[tuple[dt.date, int]] = []  # (last day taken, row)
    free: list[int] = []
    rows = 0
    packed = []
    for p in sorted(members, key=lambda p: (p.start, p.end, p.order)):
        while busy and busy[0][0] < p.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            sub = heapq.heappop(free)
        else:
            sub, rows = rows, rows + 1
        heapq.heappush(busy, (p.end, sub))
        packed.append((p, sub))
    packed.sort(key=lambda ps: ps[0].order)
    return packed, rows


def _bar(p: _Placed, lane_uid: str | None, origin: dt.date, row: int) -> Bar:
    item = p.item
    return Bar(
        uid=item.uid,
        key=item.key,
        title=item.title,
        kind=item.kind,
        status=item.status,
        priority=item.priority,
        release_uid=item.release_uid,
        lane_uid=lane_uid,
        start=p.start,
        end=p.end,
        x0=offset(origin, p.start),
        x1=offset(origin, p.end) + 1,
        row=row,
        from_release=p.from_release,
    )


def _check(
    bars: list[Bar], data: RoadmapData, releases: dict[str, RoadmapRelease]
) -> tuple[list[Bar], list[Arrow], list[Conflict]]:
    """Arrows for dependencies between bars, and the conflicts, in bar order."""
    by_uid = {b.uid: b for b in bars}
    items = {item.uid: item for item in data.items}
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
            continue  # an end without a place in time, or the same dependency said twice
        seen.add((before_uid, after_uid))
        violated = after.start <= before.end
        arrows.append(
            Arrow(before_uid, after_uid, before.x1, before.row, after.x0, after.row, violated)
        )
        if violated:
            late.setdefault(after_uid, []).append(before)
    conflicts: list[Conflict] = []
    checked: list[Bar] = []
    for bar in bars:
        outside = _outside_release(items[bar.uid], releases.get(bar.release_uid or ""))
        waits = late.get(bar.uid, [])
        for before in waits:
            conflicts.append(Conflict("dependency", bar.uid, bar.key, before.uid, before.key))
        if outside is not None:
            conflicts.append(Conflict("release", bar.uid, bar.key, outside.uid, outside.name))
        if waits or outside is not None:
            bar = bar._replace(late=bool(waits), outside_release=outside is not None)
        checked.append(bar)
    return checked, arrows, conflicts


def _outside_release(item: RoadmapItem, release: RoadmapRelease | None) -> RoadmapRelease | None:
    """The release, when the item's own dates (not those taken from it) fall outside."""
    if release is None:
        return None
    first, last = parse_date(release.start), parse_date(release.end)
    own = [d for d in (parse_date(item.start), parse_date(item.end)) if d is not None]
    if any((first is not None and d < first) or (last is not None and d > last) for d in own):
        return release
    return None
