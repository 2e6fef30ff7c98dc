"""A shown roadmap brought up to date from an edit's effects, without reading the
project or laying out the whole roadmap again (issue 12; pure Python, no Qt).

`RoadmapState` keeps what the roadmap was read from (every requirement that could
have a place in time, rejected ones included, so a requirement taken back from
rejected has its dates at hand) and its layout. `updated(effects)` gives:

- the same layout with the bars saying what the effects set (title, status, …)
  and the release bands their new names, when nothing moves
  (`roadmap_layout.restyled`); a release's goal, status or capacity changes only
  the data kept;
- when a status goes to or from rejected, which hides or shows one bar: the bar
  leaves a hole in its lane, or comes back into a free place in one of its lane's
  rows, and no other bar moves (correct, without overlaps, cheap to show: one bar
  repainted); the lane is then `unpacked`, and `settled()` packs it as a full layout
  does (the pane does so once edits pause). A bar that finds no free place has its
  lane packed again at once, the lanes below moved by the rows it gained. Arrows and
  scheduling problems are checked again; once settled, the result equals a full layout;
- None when the edit could move anything else (dates, lanes, releases, links, a
  bar at the very start or end of the time axis, the "Unassigned" group coming or
  going): then read and lay out the whole roadmap as before.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pmdesk.core.ops.base import Effect
from pmdesk.core.queries.roadmap import RoadmapData, RoadmapItem, RoadmapRelease
from pmdesk.core.roadmap.layout import (
    BAR_SHOWS,
    RELEASE_UNPLACED,
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
    restyled_bars,
)
from pmdesk.core.roadmap.timescale import next_period, offset, period_start

HIDDEN = "rejected"  # a status the roadmap does not draw (`layout_roadmap`)
# What `RoadmapRelease` keeps of a release (capacity: not read for the roadmap).
RELEASE_KEEPS = ("name", "status", "goal")


def may_update(effects: Iterable[Effect]) -> bool:
    """Effects `RoadmapState.updated` may take in place (it can still refuse: a bar at
    the time axis's very end, say); False when they surely need a new read and layout.
    Their values are what the fields now hold, so taking them into a state that
    already holds them changes nothing: a read made before or after them agrees."""
    for e in effects:
        if e.action != "updated" or not set(e.fields) <= set(e.values):
            return False
        if e.entity == "release":
            if not set(e.fields) <= RELEASE_UNPLACED:
                return False
        elif e.entity != "requirement" or not set(e.fields) <= UNPLACED:
            return False
    return True


@dataclass(frozen=True)
class RoadmapState:
    """A roadmap's data (rejected requirements included) and its layout."""

    data: RoadmapData
    layout: RoadmapLayout
    # Set by `updated`: a bar was shown or hidden, so bars moved (else they stayed),
    # and the requirements whose bars came, went, changed rows or flags.
    repacked: bool = field(default=False, compare=False)
    moved: frozenset[str] = field(default=frozenset(), compare=False)
    # Lanes (by uid) whose bars kept their rows when one left or came (a hole, or a
    # bar put in a free place): correct and without overlaps, but maybe not packed as
    # tightly as a full layout packs them; `settled()` packs them as a full layout does.
    unpacked: frozenset[str | None] = field(default=frozenset(), compare=False)
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # The dependencies (earlier, later) in link order, each once; made on first use.
    _pairs: list[tuple[str, str]] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self._index:
            self._index.update((item.uid, i) for i, item in enumerate(self.data.items))

    def settled(self) -> RoadmapState:
        """This roadmap with its `unpacked` lanes packed again: equal to a full layout
        (`repacked` and `moved` say what changed, as after `updated`)."""
        if not self.unpacked:
            return self
        group_of = {lane.uid: i for i, lane in enumerate(self.layout.lanes)}
        affected: dict[int, list[RoadmapItem]] = {
            group_of[uid]: [] for uid in self.unpacked if uid in group_of
        }
        releases = {r.uid: r for r in self.data.releases}
        moved = set[str]()
        layout = _repacked(
            self.layout, self.data, self._index, releases, affected, self._pairs, moved
        )
        assert layout is not None  # packing a lane again drops no group
        return RoadmapState(
            self.data, layout, True, frozenset(moved), _index=self._index, _pairs=self._pairs
        )

    @classmethod
    def laid_out(cls, data: RoadmapData, today: dt.date | None) -> RoadmapState:
        return cls(data, layout_roadmap(data, today))

    def updated(self, effects: Iterable[Effect]) -> RoadmapState | None:
        """This roadmap after `effects`; None when it has to be laid out afresh."""
        effects = tuple(effects)
        if not may_update(effects):  # new dates, a rank, a link, an effect without values…
            return None
        changes: dict[str, dict[str, Any]] = {}
        releases: dict[str, dict[str, Any]] = {}  # renamed, a new goal or status
        for e in effects:
            if e.entity == "release":
                kept = {name: e.values[name] for name in RELEASE_KEEPS if name in e.fields}
                if kept:
                    releases.setdefault(e.uid, {}).update(kept)
                continue
            if e.uid in self._index:  # else: no dates and no release, never on the roadmap
                shown = {name: e.values[name] for name in BAR_SHOWS if name in e.fields}
                if shown:
                    changes.setdefault(e.uid, {}).update(shown)
        if not changes and not releases:  # nothing the roadmap keeps changed
            if self.repacked or self.moved:
                return RoadmapState(
                    self.data,
                    self.layout,
                    unpacked=self.unpacked,
                    _index=self._index,
                    _pairs=self._pairs,
                )
            return self
        data = self.data
        if releases:
            data = replace(
                data,
                releases=tuple(
                    replace(r, **releases[r.uid]) if r.uid in releases else r for r in data.releases
                ),
            )
        toggled: list[str] = []
        if changes:
            items = list(data.items)
            for uid, values in changes.items():
                old = items[self._index[uid]]
                new = old._replace(**values)
                items[self._index[uid]] = new
                if (old.status == HIDDEN) != (new.status == HIDDEN):
                    toggled.append(uid)
            data = replace(data, items=tuple(items))
        # The bars that stay, and the bands: restyled in place (an item without a bar
        # only changes data).
        layout: RoadmapLayout | None
        if not releases and not toggled:  # bars restyled (the effects checked above)
            bar = self.layout.bar
            layout = restyled_bars(self.layout, {u: v for u, v in changes.items() if bar(u)})
        else:
            quiet = [
                e
                for e in effects
                if e.entity == "release" or (e.uid not in toggled and self.layout.bar(e.uid))
            ]
            layout = restyled(self.layout, quiet) if quiet else self.layout
        if layout is None:
            return None
        before, moved, unpacked = layout, set[str](), set(self.unpacked)
        if toggled:
            layout = _shown_or_hidden(
                layout, data, self._index, toggled, self._pairs, moved, unpacked
            )
            if layout is None:
                return None
        return RoadmapState(
            data,
            layout,
            layout is not before,
            frozenset(moved),
            frozenset(unpacked),
            self._index,
            self._pairs,
        )


def _shown_or_hidden(
    layout: RoadmapLayout,
    data: RoadmapData,
    index: dict[str, int],
    toggled: Sequence[str],
    pairs: list[tuple[str, str]],
    moved: set[str],
    unpacked: set[str | None],
) -> RoadmapLayout | None:
    """`layout` with the bars of `toggled` (their status went to or from rejected)
    added or removed; None when more than that moves (the time axis, or the
    "Unassigned" group coming or going). A bar leaves a hole and one shown again
    takes a free place in its lane when there is one, so no other bar moves (packing
    a lane of thousands of bars again, and repainting it, costs more than a frame):
    those lanes go to `unpacked`, for `RoadmapState.settled`. Otherwise the lane is
    packed again and the lanes below move by the rows it gained or lost."""
    releases = {r.uid: r for r in data.releases}
    known_lanes = {lane.uid for lane in data.lanes}
    group_of = {lane.uid: i for i, lane in enumerate(layout.lanes)}
    affected: dict[int, list[RoadmapItem]] = {}  # lane → its items shown again
    shown_now: list[_Placed] = []
    hidden_now: list[Bar] = []
    for uid in toggled:
        item = data.items[index[uid]]
        placed = _place(item, releases, index[uid])
        if placed is None:
            continue  # its release has no dates: never drawn
        lane_uid = item.lane_uid if item.lane_uid in known_lanes else None
        if lane_uid not in group_of:
            return None  # the "Unassigned" group would appear
        shown = affected.setdefault(group_of[lane_uid], [])
        if item.status != HIDDEN:
            shown.append(item)
            shown_now.append(placed)
        elif (bar := layout.bar(uid)) is not None:
            hidden_now.append(bar)
    if not _axis_stays(layout, shown_now, hidden_now):
        return None
    if not affected:
        return layout
    return _repacked(
        layout, data, index, releases, affected, pairs, moved, unpacked, frozenset(toggled)
    )


def _repacked(
    layout: RoadmapLayout,
    data: RoadmapData,
    index: dict[str, int],
    releases: dict[str, RoadmapRelease],
    affected: dict[int, list[RoadmapItem]],
    pairs: list[tuple[str, str]],
    moved: set[str],
    unpacked: set[str | None] | None = None,
    toggled: frozenset[str] = frozenset(),
) -> RoadmapLayout | None:
    """The lanes in `affected` packed again, the lanes below moved by the rows they
    gained or lost; the indexes updated, not rebuilt (a big roadmap has 100,000 bars).
    Adds to `moved` the requirements whose bars came, went, changed rows or flags.
    With `unpacked`, a lane whose bars can keep their rows (`_in_place`) keeps them and
    goes to `unpacked`; a lane packed again leaves it. `toggled`: the requirements
    whose status went to or from rejected."""
    origin, was = layout.origin, layout._by_uid
    bars: list[Bar] = []
    lanes: list[LaneRows] = []
    by_uid = dict(was)
    by_row = dict(layout._by_row)
    new_rows: dict[int, list[Bar]] = {}  # rows of a lane packed again (to sort by x)
    moved_rows: dict[int, list[Bar]] = {}  # rows of a lane moved down or up (in order)
    lane_start: list[int] = []  # where each lane's bars begin in `bars`
    in_place: set[int] = set()  # lanes in `affected` whose bars kept their rows
    row = 0
    for i, lane in enumerate(layout.lanes):
        old = _lane_bars(layout, i)
        lane_start.append(len(bars))
        shift = row - lane.first_row
        kept = None
        made: list[Bar] | None
        if i in affected and unpacked is not None:
            kept = _in_place(layout, lane, old, affected[i], data, index, releases, toggled)
        if kept is not None:
            made, gone, touched = kept
            rows = lane.rows
            for bar in gone:
                del by_uid[bar.uid]
                moved.add(bar.uid)
            for bar in made:
                if bar.uid not in was:
                    by_uid[bar.uid] = bar
                    moved.add(bar.uid)
            for r, row_bars in touched.items():
                if row_bars:
                    by_row[r] = row_bars
                else:
                    by_row.pop(r, None)  # a row left empty: no bars, as in a full layout
            assert unpacked is not None
            unpacked.add(lane.uid)
            in_place.add(i)
        elif i in affected:
            if unpacked is not None:
                unpacked.discard(lane.uid)
            members = _members(old, affected[i], data, index, releases)
            if lane.uid is None and not members:
                return None  # the "Unassigned" group would go
            packed, count = _pack(members, origin)
            rows = max(count, 1)
            made = []
            for p, sub in packed:
                before = was.get(p.item.uid)
                if before is not None:  # its dates and flags stay; maybe another row
                    if before.row == row + sub:
                        made.append(before)
                    else:
                        made.append(before._replace(row=row + sub))
                        moved.add(before.uid)
                    continue
                bar = _bar(p, lane.uid, origin, row + sub)
                item = data.items[index[bar.uid]]
                if _outside_release(item, releases.get(bar.release_uid or "")) is not None:
                    bar = bar._replace(outside_release=True)
                made.append(bar)
            for bar in old:
                del by_uid[bar.uid]
            by_uid.update((b.uid, b) for b in made)
            moved.update(b.uid for b in old if b.uid not in by_uid)  # hidden
            moved.update(b.uid for b in made if b.uid not in was)  # shown
        elif shift:
            rows = lane.rows
            made = [b._replace(row=b.row + shift) for b in old]
            by_uid.update((b.uid, b) for b in made)
            moved.update(b.uid for b in old)
            for r in range(lane.first_row, lane.first_row + lane.rows):
                if (in_row := layout._by_row.get(r)) is not None:
                    moved_rows[r + shift] = [by_uid[b.uid] for b in in_row]
        else:
            rows, made = lane.rows, None
            bars.extend(old)
        if kept is not None:
            bars.extend(kept[0])
        elif made is not None:
            bars.extend(made)
            for r in range(lane.first_row, lane.first_row + lane.rows):
                by_row.pop(r, None)
            if i in affected:
                for bar in made:
                    new_rows.setdefault(bar.row, []).append(bar)
        lanes.append(replace(lane, first_row=row, rows=rows))  # its colour kept
        row += rows
    by_row.update(moved_rows)
    for r, in_row in new_rows.items():
        in_row.sort(key=lambda b: b.x0)
        by_row[r] = in_row

    if not pairs:
        pairs.extend(_dependencies(data))
    arrows: Sequence[Arrow]
    if any(before in moved or after in moved for before, after in pairs):
        arrows, late = _arrows(pairs, by_uid)
        arrow_index: dict[int, list[int]] = {}  # made again on first use
    else:  # no dependency of a bar that came, went or moved: arrows and late flags stay
        arrows, arrow_index = layout.arrows, layout._arrow_index
        late = {}
        for c in layout.conflicts:
            if c.kind == "dependency":
                late.setdefault(c.uid, []).append(by_uid[c.other])
    # Late flags (a bar kept its own): those late now, and those late before.
    group_of = {lane.uid: i for i, lane in enumerate(layout.lanes)}
    maybe = set(late) | {c.uid for c in layout.conflicts if c.kind == "dependency"}
    for uid in maybe:
        if (flagged := by_uid.get(uid)) is None or flagged.late == (uid in late):
            continue
        fixed = flagged._replace(late=uid in late)
        moved.add(uid)  # drawn with another edge
        g = group_of[flagged.lane_uid]
        end = lane_start[g + 1] if g + 1 < len(lane_start) else len(bars)
        bars[bars.index(flagged, lane_start[g], end)] = by_uid[uid] = fixed
        in_row = by_row[flagged.row] = list(by_row[flagged.row])
        in_row[in_row.index(flagged)] = fixed
    # The problems, in bar order: by lane, then by key number, as the layout orders bars.
    outside = {c.uid for c in layout.conflicts if c.kind == "release" and c.uid in by_uid}
    outside |= {
        uid
        for lane in affected
        if lane not in in_place
        for uid in _uids(bars, lane_start, lane)
        if by_uid[uid].outside_release
    }
    outside |= {  # a lane kept in place: only a bar shown again can be new here
        uid for uid in toggled if (again := by_uid.get(uid)) is not None and again.outside_release
    }
    conflicts: list[Conflict] = []
    for uid in sorted(set(late) | outside, key=lambda u: (group_of[by_uid[u].lane_uid], index[u])):
        bar = by_uid[uid]
        for before in late.get(uid, ()):
            conflicts.append(Conflict("dependency", uid, bar.key, before.uid, before.key))
        if bar.outside_release:
            release = releases[bar.release_uid or ""]
            conflicts.append(Conflict("release", uid, bar.key, release.uid, release.name))
    # Unchanged problems keep their tuple, so a view sees at once that its list stays.
    problems = tuple(conflicts)
    if problems == layout.conflicts:
        problems = layout.conflicts
    return replace(
        layout,
        lanes=tuple(lanes),
        bars=tuple(bars),
        arrows=tuple(arrows),
        conflicts=problems,
        rows=row,
        _by_uid=by_uid,
        _by_row=by_row,
        _arrow_index=arrow_index,
        _positions={},
    )


def _in_place(
    layout: RoadmapLayout,
    lane: LaneRows,
    old: list[Bar],
    shown: list[RoadmapItem],
    data: RoadmapData,
    index: dict[str, int],
    releases: dict[str, RoadmapRelease],
    toggled: frozenset[str],
) -> tuple[list[Bar], list[Bar], dict[int, list[Bar]]] | None:
    """Lane `lane` with its bars rejected now taken out and at most one item shown
    again put in the first row free over its days, every other bar in its row: (its
    bars in the layout's order, the bars gone, the rows changed); None when the item
    finds no free row (the lane needs another row: pack it again)."""
    if len(shown) > 1:
        return None
    gone = [
        bar
        for uid in toggled
        if (bar := layout._by_uid.get(uid)) is not None
        and bar.lane_uid == lane.uid
        and data.items[index[uid]].status == HIDDEN
    ]
    gone_uids = {b.uid for b in gone}
    touched: dict[int, list[Bar]] = {}
    for bar in gone:
        in_row = touched.get(bar.row)
        if in_row is None:
            in_row = touched[bar.row] = list(layout._by_row.get(bar.row, ()))
        in_row.remove(bar)
    made = [b for b in old if b.uid not in gone_uids] if gone else list(old)
    for item in shown:
        placed = _place(item, releases, index[item.uid])
        if placed is None:
            continue
        x0 = offset(layout.origin, placed.start)
        x1 = offset(layout.origin, placed.end) + 1
        for row in range(lane.first_row, lane.first_row + lane.rows):
            seen: Sequence[Bar] | None = touched.get(row)
            if seen is None:
                seen = layout.bars_in_row(row)
            at = bisect.bisect_left(seen, x0, key=lambda b: b.x0)
            if (at == 0 or seen[at - 1].x1 <= x0) and (at == len(seen) or x1 <= seen[at].x0):
                break
        else:
            return None
        bar = _bar(placed, lane.uid, layout.origin, row)
        if _outside_release(item, releases.get(bar.release_uid or "")) is not None:
            bar = bar._replace(outside_release=True)
        in_row = touched[row] = list(seen)  # a copy: the layout shown keeps its rows
        in_row.insert(at, bar)
        order = index[item.uid]  # a lane's bars are in the order of their items
        made.insert(bisect.bisect_left(made, order, key=lambda b: index[b.uid]), bar)
    return made, gone, touched


def _axis_stays(layout: RoadmapLayout, shown: list[_Placed], hidden: list[Bar]) -> bool:
    """Whether the time axis (whole months from the earliest to the latest date of
    bars, releases and milestones) stays with `shown` added and `hidden` removed."""
    if any(p.start < layout.origin or p.end >= layout.end for p in shown):
        return False
    first = offset(layout.origin, next_period(layout.origin, "month"))  # first month: x < first
    last = offset(layout.origin, period_start(layout.end - dt.timedelta(days=1), "month"))
    gone = {b.uid for b in hidden}
    if any(b.x0 < first for b in hidden):
        kept = (
            any(offset(layout.origin, p.start) < first for p in shown)
            or any(b.x0 < first for b in layout.bands)
            or any(m.x < first for m in layout.milestones)
            or any(b.x0 < first and b.uid not in gone for b in layout.bars)
        )
        if not kept:
            return False
    if any(b.x1 > last for b in hidden):
        kept = (
            any(offset(layout.origin, p.end) >= last for p in shown)
            or any(b.x1 > last for b in layout.bands)
            or any(m.x >= last for m in layout.milestones)
            or any(b.x1 > last and b.uid not in gone for b in layout.bars)
        )
        if not kept:
            return False
    return True


def _lane_bars(layout: RoadmapLayout, i: int) -> list[Bar]:
    """The bars of lane `i`, in the layout's order (each lane's bars follow one another)."""
    lane, bars = layout.lanes[i], layout.bars
    first = bisect.bisect_left(bars, True, key=lambda b: b.row >= lane.first_row)
    end = bisect.bisect_left(bars, True, key=lambda b: b.row >= lane.first_row + lane.rows)
    return list(bars[first:end])


def _uids(bars: list[Bar], lane_start: list[int], lane: int) -> list[str]:
    end = lane_start[lane + 1] if lane + 1 < len(lane_start) else len(bars)
    return [b.uid for b in bars[lane_start[lane] : end]]


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


def _dependencies(data: RoadmapData) -> list[tuple[str, str]]:
    """(earlier, later) of every dependency link, in link order, each once: `A depends_on
    B` and `B blocks A` both say B ends before A starts (`roadmap_layout._check`)."""
    pairs: dict[tuple[str, str], None] = {}
    for link in data.links:
        if link.type == "depends_on":
            pairs[link.to_uid, link.from_uid] = None
        else:
            pairs[link.from_uid, link.to_uid] = None
    return list(pairs)


def _arrows(
    pairs: list[tuple[str, str]], by_uid: dict[str, Bar]
) -> tuple[list[Arrow], dict[str, list[Bar]]]:
    """The dependency arrows between bars, and what each late bar waits for, as
    `roadmap_layout._check` finds them (in link order)."""
    arrows: list[Arrow] = []
    late: dict[str, list[Bar]] = {}
    get = by_uid.get
    for before_uid, after_uid in pairs:
        before, after = get(before_uid), get(after_uid)
        if before is None or after is None:
            continue  # an end without a place in time (or rejected)
        violated = after.start <= before.end
        arrows.append(
            Arrow(before_uid, after_uid, before.x1, before.row, after.x0, after.row, violated)
        )
        if violated:
            late.setdefault(after_uid, []).append(before)
    return arrows, late
