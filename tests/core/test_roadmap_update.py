"""A roadmap brought up to date from an edit's effects equals the roadmap read and
laid out afresh (issue 12): restyled bars, and a status to or from rejected that
hides or shows one bar and packs its lane again."""

from __future__ import annotations

import collections
import datetime as dt
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
from pmdesk.core.schema.tables import Requirement
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
    owner and date edits, and undos of them: whenever `updated` gives a roadmap, it
    is the one read and laid out afresh; None only sends it to a full layout."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        with wc.store.engine.connect() as conn:
            uids = list(conn.scalars(select(Requirement.uid).order_by(Requirement.number)))
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
        done: list[Applied] = []
        outcomes: collections.Counter[str] = collections.Counter()
        for _ in range(300):
            operation: Operation
            if done and rng.random() < 0.25:
                operation = done.pop().inverse  # an undo
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
                assert not (same and (quick.repacked or quick.moved))
                assert_same(quick, after)
                if quick.repacked:  # the bars a view repaints: those that differ
                    a, b = state.layout, quick.layout
                    both = {x.uid for x in a.bars} | {x.uid for x in b.bars}
                    differ = {u for u in both if a.bar(u) != b.bar(u)}
                    assert quick.moved == differ
                after = quick  # go on from the incremental one: no drift over many edits
            state = after
        assert min(outcomes.values()) >= 10 and len(outcomes) == 4, outcomes
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
        assert_same(hidden, fresh(wc))
        undone = hidden.updated(wc.apply(applied.inverse).effects)
        assert undone is not None and undone.repacked
        assert undone.layout.bar(bar.uid) == bar
        assert_same(undone, state)
    finally:
        wc.close(discard=True)
