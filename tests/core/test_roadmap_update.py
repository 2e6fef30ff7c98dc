"""A roadmap brought up to date from an edit's effects equals the roadmap read and
laid out afresh (issue 12): restyled bars, and a status to or from rejected that
hides or shows one bar: a hole left (or a free place taken) at once, and the lane
packed as a full layout packs it once settled."""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import random
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from pmdesk.core.domain import vocabulary
from pmdesk.core.errors import OperationError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Applied, Operation, Update
from pmdesk.core.queries.roadmap import roadmap_data
from pmdesk.core.roadmap.layout import layout_roadmap
from pmdesk.core.roadmap.update import RoadmapState
from pmdesk.core.schema.tables import Lane, Release, Requirement
from pmdesk.core.storage.workingcopy import WorkingCopy

TODAY = dt.date(2027, 3, 1)


def fresh(wc: WorkingCopy) -> RoadmapState:
    with wc.store.engine.connect() as conn:
        return RoadmapState.laid_out(roadmap_data(conn, rejected=True), TODAY)


def assert_same(quick: RoadmapState, after: RoadmapState) -> None:
    """Every part of the layout, its indexes and the data kept, as a full read gives."""
    assert quick.data == after.data
    a, b = quick.layout, after.layout
    assert a == b
    assert [a.bars_in_row(r) for r in range(a.rows)] == [b.bars_in_row(r) for r in range(b.rows)]
    assert all(a.bar(bar.uid) == bar for bar in b.bars)
    assert {bar.uid for bar in a.bars} == {bar.uid for bar in b.bars}
    assert all(a.position(bar.uid) == i for i, bar in enumerate(b.bars))
    # The index of arrows by row (kept along when the arrows stay) finds the same ones.
    assert all(a.arrows_in_rows(r, r + 2) == b.arrows_in_rows(r, r + 2) for r in range(a.rows))


def assert_settles(quick: RoadmapState, after: RoadmapState) -> RoadmapState:
    """`quick`, whose `unpacked` lanes kept their rows, shows what `after` (a fresh
    read) shows but maybe with bars in other rows, none overlapping; settled, it is
    `after`. Returns the settled state."""
    a, b = quick.layout, after.layout
    assert quick.data == after.data
    assert a.lanes == b.lanes or quick.unpacked
    unmoved = [f for f in a.__dataclass_fields__ if f not in {"lanes", "bars", "arrows", "rows"}]
    assert all(getattr(a, f) == getattr(b, f) for f in unmoved if not f.startswith("_"))
    assert {x.uid for x in a.bars} == {x.uid for x in b.bars}
    assert all(a.bar(x.uid) == x._replace(row=a.bar(x.uid).row) for x in b.bars)  # type: ignore[union-attr]
    assert [(x.before, x.after, x.violated) for x in a.arrows] == [
        (x.before, x.after, x.violated) for x in b.arrows
    ]
    for lane in a.lanes:  # each bar in its lane's rows, left to right, none overlapping
        for r in range(lane.first_row, lane.first_row + lane.rows):
            in_row = list(a.bars_in_row(r))
            assert all(x.row == r and x.lane_uid == lane.uid for x in in_row)
            assert all(x.x1 <= y.x0 for x, y in itertools.pairwise(in_row))
    assert sum(len(a.bars_in_row(r)) for r in range(a.rows)) == len(a.bars)
    assert all(a.position(x.uid) == i for i, x in enumerate(a.bars))
    settled = quick.settled()
    assert not settled.unpacked
    assert_same(settled, after)
    return settled


def test_the_layout_leaves_out_rejected_requirements_read_along(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        uid = fresh(wc).layout.bars[3].uid
        wc.apply(Update("requirement", uid, {"status": "rejected"}))
        with wc.store.engine.connect() as conn:
            planned, everything = roadmap_data(conn), roadmap_data(conn, rejected=True)
        assert uid not in {i.uid for i in planned.items}
        assert uid in {i.uid for i in everything.items}
        assert layout_roadmap(planned, TODAY) == layout_roadmap(everything, TODAY)
    finally:
        wc.close(discard=True)


def test_edits_and_undos_in_any_order_update_the_roadmap_as_a_full_layout_would(
    tmp_path: Path, data_dir: Path
) -> None:
    """A random sequence of title, status (often to and from rejected), priority,
    owner and date edits, release renames, goals and statuses, and undos of them:
    whenever `updated` gives a roadmap, it is the one read and laid out afresh; None
    only sends it to a full layout. Lanes have colours, which a lane packed again keeps."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        with wc.store.engine.connect() as conn:
            uids = list(conn.scalars(select(Requirement.uid).order_by(Requirement.number)))
            releases = list(conn.scalars(select(Release.uid)))
            lanes = list(conn.scalars(select(Lane.uid)))
        for i, lane in enumerate(lanes):
            wc.apply(Update("lane", lane, {"colour": f"#{40 * i:02x}8844"}))
        state = fresh(wc)
        rng = random.Random(7)
        edits: list[tuple[str, Callable[[], object]]] = [
            ("title", lambda: f"title {rng.random():.6f}"),
            ("status", lambda: "rejected"),
            ("status", lambda: rng.choice(vocabulary.STATUSES)),
            ("priority", lambda: rng.choice(vocabulary.PRIORITIES)),
            ("owner", lambda: rng.choice(["anna", "bo"])),
            ("start", lambda: rng.choice([None, "2027-01-04", "2027-05-10"])),
        ]
        release_edits: list[tuple[str, Callable[[], object]]] = [
            ("name", lambda: f"v{rng.random():.4f}"),
            ("goal", lambda: rng.choice(["", "Win **big** customers"])),
            ("status", lambda: rng.choice(["planned", "in_progress", "released"])),
        ]
        done: list[Applied] = []
        outcomes: collections.Counter[str] = collections.Counter()
        for _ in range(300):
            operation: Operation
            if done and rng.random() < 0.25:
                operation = done.pop().inverse  # an undo
            elif rng.random() < 0.15:
                fields = rng.sample(release_edits, rng.choice([1, 1, 2]))
                values = {name: make() for name, make in fields}
                operation = Update("release", rng.choice(releases), values)
            else:
                uid = rng.choice(uids)
                fields = rng.sample(edits, rng.choice([1, 1, 1, 2]))
                operation = Update("requirement", uid, {name: make() for name, make in fields})
            try:
                applied = wc.apply(operation)
            except OperationError:
                continue  # e.g. a start after the end
            done.append(applied)
            after = fresh(wc)
            quick = state.updated(applied.effects)
            if quick is None:
                outcomes["laid out again"] += 1
            else:
                same = quick.layout is state.layout
                outcomes["repacked" if quick.repacked else "same" if same else "restyled"] += 1
                if any(e.entity == "release" for e in applied.effects):
                    outcomes["release in place"] += 1
                assert not (same and (quick.repacked or quick.moved))
                if quick.unpacked:
                    outcomes["holes"] += 1
                    settled = assert_settles(quick, after)
                else:
                    settled = quick
                    assert_same(quick, after)
                for older, newer in ((state, quick), (quick, settled)):
                    if (
                        newer.repacked and newer is not older
                    ):  # the bars a view repaints: those that differ
                        a, b = older.layout, newer.layout
                        both = {x.uid for x in a.bars} | {x.uid for x in b.bars}
                        differ = {u for u in both if a.bar(u) != b.bar(u)}
                        assert newer.moved == differ
                # Go on from the incremental one (no drift over many edits); holes
                # are left for later edits now and then, as while the user types on.
                after = settled if rng.random() < 0.5 else quick
            state = after
        assert min(outcomes.values()) >= 10 and len(outcomes) == 6, outcomes
    finally:
        wc.close(discard=True)


def test_a_bar_rejected_leaves_its_lane_packed_again_and_undo_brings_it_back(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        state = fresh(wc)
        layout = state.layout
        middle = layout.origin + dt.timedelta(days=layout.days // 2)
        bar = next(
            b
            for b in layout.bars
            if middle - dt.timedelta(days=40) < b.start and b.end < middle + dt.timedelta(days=40)
        )
        applied = wc.apply(Update("requirement", bar.uid, {"status": "rejected"}))
        hidden = state.updated(applied.effects)
        assert hidden is not None and hidden.repacked
        assert hidden.layout.bar(bar.uid) is None
        # At once the bar leaves a hole (no other bar moves); settled, the lane is
        # packed as a full layout packs it.
        assert hidden.moved == {bar.uid} and hidden.layout.lanes == layout.lanes
        assert hidden.unpacked == {bar.lane_uid}
        settled = assert_settles(hidden, fresh(wc))
        # Undone before the lane was packed again, the bar takes its place again.
        applied_inverse = wc.apply(applied.inverse)
        undone = hidden.updated(applied_inverse.effects)
        assert undone is not None and undone.repacked
        assert undone.layout.bar(bar.uid) == bar
        assert_same(undone.settled(), state)
        # Undone after it was packed, too: equal to a full layout once settled.
        again = settled.updated(applied_inverse.effects)
        assert again is not None and again.layout.bar(bar.uid) is not None
        assert_same(again.settled(), state)
    finally:
        wc.close(discard=True)


def test_a_release_renamed_names_its_band_and_its_scheduling_problems_in_place(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        layout = fresh(wc).layout
        bar = next(b for b in layout.bars if b.release_uid is not None)
        band = next(b for b in layout.bands if b.uid == bar.release_uid)
        early = {
            "start": (band.start - dt.timedelta(days=40)).isoformat(),
            "end": (band.start - dt.timedelta(days=20)).isoformat(),
        }
        wc.apply(Update("requirement", bar.uid, early))  # planned outside its release
        state = fresh(wc)
        assert [c.other_name for c in state.layout.conflicts if c.kind == "release"] == [band.name]
        applied = wc.apply(Update("release", band.uid, {"name": "v9", "goal": "Ship"}))
        quick = state.updated(applied.effects)
        assert quick is not None and not quick.repacked
        assert_same(quick, fresh(wc))
        assert [b.name for b in quick.layout.bands if b.uid == band.uid] == ["v9"]
        assert [c.other_name for c in quick.layout.conflicts if c.kind == "release"] == ["v9"]
        back = quick.updated(wc.apply(applied.inverse).effects)
        assert back is not None
        assert_same(back, state)
        # New dates move the band: laid out afresh.
        moved = wc.apply(Update("release", band.uid, {"end": "2029-12-31"}))
        assert state.updated(moved.effects) is None
    finally:
        wc.close(discard=True)
