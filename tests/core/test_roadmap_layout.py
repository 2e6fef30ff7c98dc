"""The roadmap layout: calendar ticks, packing, fallback dates, arrows, conflicts."""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import random
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Connection, select

from pmdesk.core.domain import vocabulary
from pmdesk.core.errors import OperationError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.queries.roadmap import (
    RoadmapData,
    RoadmapItem,
    RoadmapLane,
    RoadmapLink,
    RoadmapMilestone,
    RoadmapRelease,
    roadmap_data,
)
from pmdesk.core.roadmap.layout import RoadmapLayout, layout_roadmap, restyled, with_unassigned
from pmdesk.core.roadmap.timescale import date_at, offset, ticks, unit_for
from pmdesk.core.schema.tables import Requirement
from pmdesk.core.storage.workingcopy import WorkingCopy

D = dt.date


def item(
    uid: str,
    start: str | None = None,
    end: str | None = None,
    *,
    lane: str | None = "L1",
    release: str | None = None,
) -> RoadmapItem:
    key, title = uid.upper(), f"title {uid}"
    return RoadmapItem(uid, key, title, "story", "draft", "must", release, lane, start, end)


def data(
    *items: RoadmapItem,
    releases: tuple[RoadmapRelease, ...] = (),
    links: tuple[RoadmapLink, ...] = (),
    milestones: tuple[RoadmapMilestone, ...] = (),
) -> RoadmapData:
    lanes = (RoadmapLane("L1", "One"), RoadmapLane("L2", "Two"))
    return RoadmapData(tuple(items), releases, milestones, lanes, links)


# -- time axis -------------------------------------------------------------------
def test_month_ticks_have_calendar_lengths_across_a_leap_year() -> None:
    months = ticks(D(2027, 12, 15), D(2028, 3, 2), "month")
    assert [(t.start, t.number, t.year) for t in months] == [
        (D(2027, 12, 1), 12, 2027),
        (D(2028, 1, 1), 1, 2028),
        (D(2028, 2, 1), 2, 2028),
        (D(2028, 3, 1), 3, 2028),
    ]
    assert [(t.end - t.start).days for t in months] == [31, 31, 29, 31]
    assert (ticks(D(2027, 2, 3), D(2027, 2, 3), "month")[0].end - D(2027, 2, 1)).days == 28


def test_iso_weeks_start_on_monday_and_week_53_belongs_to_its_iso_year() -> None:
    weeks = ticks(D(2026, 12, 24), D(2027, 1, 5), "week")
    assert [(t.start, t.number, t.year) for t in weeks] == [
        (D(2026, 12, 21), 52, 2026),
        (D(2026, 12, 28), 53, 2026),  # runs into 2027: still week 53 of 2026
        (D(2027, 1, 4), 1, 2027),
    ]
    assert all(t.start.weekday() == 0 and (t.end - t.start).days == 7 for t in weeks)
    # 2021-01-03 (a Sunday) is in week 53 of 2020.
    assert ticks(D(2021, 1, 3), D(2021, 1, 3), "week")[0].number == 53
    assert ticks(D(2021, 1, 3), D(2021, 1, 3), "week")[0].year == 2020


def test_quarter_and_year_ticks() -> None:
    quarters = ticks(D(2027, 2, 1), D(2027, 11, 30), "quarter")
    assert [(t.start, t.number) for t in quarters] == [
        (D(2027, 1, 1), 1),
        (D(2027, 4, 1), 2),
        (D(2027, 7, 1), 3),
        (D(2027, 10, 1), 4),
    ]
    years = ticks(D(2027, 6, 1), D(2029, 1, 1), "year")
    assert [t.number for t in years] == [2027, 2028, 2029]
    assert (years[1].end - years[1].start).days == 366


def test_scale_follows_zoom() -> None:
    assert [unit_for(ppd) for ppd in (8.0, 2.0, 0.5, 0.05)] == ["week", "month", "quarter", "year"]


def test_positions_are_days_across_month_and_year_boundaries() -> None:
    origin = D(2027, 12, 1)
    assert offset(origin, D(2028, 1, 1)) == 31
    assert offset(origin, D(2028, 3, 1)) == 31 + 31 + 29
    assert date_at(origin, 31 + 31 + 28.9) == D(2028, 2, 29)
    assert date_at(origin, -0.5) == D(2027, 11, 30)


# -- layout ----------------------------------------------------------------------
def test_bars_span_whole_days_from_a_month_origin() -> None:
    layout = layout_roadmap(data(item("a", "2028-02-27", "2028-03-02")))
    assert layout.origin == D(2028, 2, 1)
    assert layout.days == 29 + 31  # February of a leap year and March
    bar = layout.bar("a")
    assert bar is not None
    assert (bar.x0, bar.x1) == (26, 31)  # 27, 28, 29 Feb, 1 and 2 Mar


def test_overlapping_bars_are_packed_into_the_fewest_rows() -> None:
    layout = layout_roadmap(
        data(
            item("a", "2027-01-01", "2027-01-10"),
            item("b", "2027-01-05", "2027-01-20"),
            item("c", "2027-01-11", "2027-01-31"),  # fits after a
            item("d", "2027-01-10", "2027-01-12"),  # overlaps a's last day and b
            item("e", "2027-01-01", "2027-01-03", lane="L2"),
        )
    )
    rows = {b.uid: b.row for b in layout.bars}
    assert rows["a"] == rows["c"] == 0
    assert rows["b"] == 1
    assert rows["d"] == 2
    assert [(lane.uid, lane.first_row, lane.rows) for lane in layout.lanes] == [
        ("L1", 0, 3),
        ("L2", 3, 1),
    ]
    assert rows["e"] == 3
    for row in range(layout.rows):
        bars = layout.bars_in_row(row)
        assert all(x.x1 <= y.x0 for x, y in itertools.pairwise(bars))


def test_requirements_without_a_known_lane_go_to_unassigned_last() -> None:
    layout = layout_roadmap(
        data(
            item("a", "2027-01-01", "2027-01-02", lane=None),
            item("b", "2027-01-01", None, lane="gone"),
        )
    )
    assert [lane.uid for lane in layout.lanes] == ["L1", "L2", None]
    assert layout.lanes[0].rows == 1  # an empty lane keeps one row to drop into
    assert {b.lane_uid for b in layout.bars} == {None}
    bar = layout.bar("b")
    assert bar is not None and bar.x1 - bar.x0 == 1


def test_an_empty_unassigned_group_can_be_added_below_the_lanes() -> None:
    layout = layout_roadmap(data(item("a", "2027-01-01", "2027-01-09", lane="L2")))
    assert [lane.uid for lane in layout.lanes] == ["L1", "L2"]
    extended = with_unassigned(layout)
    assert [(lane.uid, lane.first_row, lane.rows) for lane in extended.lanes] == [
        ("L1", 0, 1),
        ("L2", 1, 1),
        (None, 2, 1),
    ]
    assert extended.rows == 3 and extended.bars == layout.bars
    assert extended.bars_in_row(1) == layout.bars_in_row(1)  # indexes rebuilt, not doubled
    assert extended.lane_of_row(2) == 2
    assert with_unassigned(extended) is extended  # already there


def test_missing_dates_come_from_the_release() -> None:
    v1 = RoadmapRelease("v1", "v1.0", "2027-01-04", "2027-03-31")
    layout = layout_roadmap(
        data(
            item("a", release="v1"),
            item("b", "2027-02-01", None, release="v1"),
            item("c"),  # no dates, no release: not on the roadmap
            item("d", release="undated"),
            releases=(v1,),
        )
    )
    a, b = layout.bar("a"), layout.bar("b")
    assert a is not None and (a.start, a.end, a.from_release) == (
        D(2027, 1, 4),
        D(2027, 3, 31),
        True,
    )
    assert b is not None and (b.start, b.end) == (D(2027, 2, 1), D(2027, 3, 31))
    assert layout.bar("c") is None and layout.bar("d") is None
    assert [(band.name, band.x0, band.x1) for band in layout.bands] == [("v1.0", 3, 90)]
    assert not layout.conflicts


def test_dependency_arrows_run_from_end_to_start_and_late_starts_conflict() -> None:
    layout = layout_roadmap(
        data(
            item("api", "2027-01-04", "2027-01-15"),
            item("ui", "2027-01-18", "2027-01-29"),  # after api: fine
            item("app", "2027-01-15", "2027-01-29", lane="L2"),  # starts on api's last day
            item("docs", "2027-01-10", "2027-01-12", lane="L2"),
            links=(
                RoadmapLink("ui", "api", "depends_on"),
                RoadmapLink("app", "api", "depends_on"),
                RoadmapLink("app", "docs", "blocks"),  # app must end before docs starts
                RoadmapLink("ui", "c-missing", "depends_on"),
            ),
        )
    )
    arrows = {(a.before, a.after): a for a in layout.arrows}
    assert set(arrows) == {("api", "ui"), ("api", "app"), ("app", "docs")}
    api, ui = layout.bar("api"), layout.bar("ui")
    assert api is not None and ui is not None
    fine = arrows[("api", "ui")]
    assert (fine.x0, fine.row0, fine.x1, fine.row1) == (api.x1, api.row, ui.x0, ui.row)
    assert not fine.violated
    assert arrows[("api", "app")].violated and arrows[("app", "docs")].violated
    assert [(c.kind, c.key, c.other_name) for c in layout.conflicts] == [
        ("dependency", "APP", "API"),
        ("dependency", "DOCS", "APP"),
    ]
    app = layout.bar("app")
    assert app is not None and app.late and not ui.late


def test_own_dates_outside_the_release_are_flagged() -> None:
    v1 = RoadmapRelease("v1", "v1.0", "2027-01-04", "2027-03-31")
    layout = layout_roadmap(
        data(
            item("in", "2027-01-04", "2027-03-31", release="v1"),
            item("late", "2027-03-20", "2027-04-02", release="v1"),
            item("early", "2027-01-01", None, release="v1"),
            releases=(v1,),
        )
    )
    flagged = [(c.kind, c.uid, c.other_name) for c in layout.conflicts]
    assert flagged == [("release", "late", "v1.0"), ("release", "early", "v1.0")]
    late, kept = layout.bar("late"), layout.bar("in")
    assert late is not None and late.outside_release
    assert kept is not None and not kept.conflicted


def test_milestones_today_and_the_empty_roadmap() -> None:
    layout = layout_roadmap(
        data(
            item("a", "2027-01-04", "2027-01-08"),
            milestones=(RoadmapMilestone("m", "Beta", "2027-02-01"),),
        ),
        today=D(2027, 1, 6),
    )
    assert [(m.name, m.x) for m in layout.milestones] == [("Beta", 31)]
    assert layout.days == 59 and layout.today == 5
    assert layout_roadmap(data(item("a", "2027-01-04")), today=D(2030, 1, 1)).today is None
    assert layout_roadmap(data(item("a"))).empty


def test_hit_testing_by_row_and_day() -> None:
    layout = layout_roadmap(
        data(item("a", "2027-01-01", "2027-01-03"), item("b", "2027-01-05", "2027-01-06"))
    )
    first, second = layout.bar_at(0, 2.9), layout.bar_at(0, 4.0)
    assert first is not None and first.uid == "a"
    assert layout.bar_at(0, 3.0) is None
    assert second is not None and second.uid == "b"
    assert layout.bar_at(1, 4.0) is None


def test_the_sample_roadmap(sample_conn: Connection) -> None:
    loaded = roadmap_data(sample_conn)
    layout = layout_roadmap(loaded, today=D(2027, 2, 17))
    keys = {b.key for b in layout.bars}
    assert "CRM-37" not in keys  # rejected: not planned
    assert "CRM-1" in keys  # an epic with a release only: drawn over the release
    assert [lane.name for lane in layout.lanes] == [
        "客户数据",
        "销售协同",
        "数据智能",
        "平台与合规",
    ]
    assert layout.origin == D(2027, 1, 1) and layout.end == D(2027, 10, 1)
    assert len(layout.bands) == 3 and len(layout.milestones) == 6
    assert all(c.kind == "dependency" for c in layout.conflicts)


@given(
    st.lists(
        st.tuples(st.integers(0, 120), st.integers(0, 30), st.sampled_from(["L1", "L2", None])),
        max_size=60,
    )
)
def test_packing_never_overlaps_and_uses_the_fewest_rows(
    spans: list[tuple[int, int, str | None]],
) -> None:
    first = D(2028, 1, 1)
    items = [
        item(
            f"r{i}",
            str(first + dt.timedelta(days=s)),
            str(first + dt.timedelta(days=s + n)),
            lane=lane,
        )
        for i, (s, n, lane) in enumerate(spans)
    ]
    layout = layout_roadmap(data(*items))
    assert len(layout.bars) == len(spans)
    for lane in layout.lanes:
        bars = [b for b in layout.bars if lane.first_row <= b.row < lane.first_row + lane.rows]
        for row in range(lane.first_row, lane.first_row + lane.rows):
            in_row = sorted((b for b in bars if b.row == row), key=lambda b: b.x0)
            assert all(a.x1 <= b.x0 for a, b in itertools.pairwise(in_row))
        # The rows needed are the most bars that share one day.
        busiest = max((sum(b.x0 <= x < b.x1 for b in bars) for x in range(160)), default=0)
        assert lane.rows == max(busiest, 1)


def test_an_edit_that_moves_nothing_restyles_the_layout_as_a_new_layout_would_be(
    tmp_path: Path, data_dir: Path
) -> None:
    """Issue 12: `restyled` from an edit's effects is the layout read and laid out
    afresh, or None (lay out again) when the edit could move, add or remove a bar."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    today = D(2027, 3, 1)

    def fresh() -> RoadmapLayout:
        with wc.store.engine.connect() as conn:
            return layout_roadmap(roadmap_data(conn), today)

    try:
        with wc.store.engine.connect() as conn:
            uids = list(conn.scalars(select(Requirement.uid).order_by(Requirement.number)))
        layout = fresh()
        rng = random.Random(12)
        edits: list[tuple[str, Callable[[], str | None]]] = [
            ("title", lambda: f"title {rng.random():.6f}"),
            ("status", lambda: rng.choice(vocabulary.STATUSES)),
            ("priority", lambda: rng.choice(vocabulary.PRIORITIES)),
            ("kind", lambda: rng.choice(vocabulary.KINDS)),
            ("owner", lambda: rng.choice(["anna", "bo"])),
            ("start", lambda: rng.choice([None, "2027-01-04", "2027-05-10"])),
        ]
        outcomes: collections.Counter[str] = collections.Counter()
        for _ in range(120):
            uid = rng.choice(uids)
            fields = rng.sample(edits, rng.choice([1, 1, 2]))
            values = {name: make() for name, make in fields}
            try:
                applied = wc.apply(Update("requirement", uid, values))
            except OperationError:
                continue  # e.g. a start after the end
            after = fresh()
            quick = restyled(layout, applied.effects)
            if quick is None:
                outcomes["laid out again"] += 1
            else:
                outcomes["same" if quick is layout else "restyled"] += 1
                assert quick == after
                assert [quick.bars_in_row(r) for r in range(quick.rows)] == [
                    after.bars_in_row(r) for r in range(after.rows)
                ]
                assert all(quick.bar(b.uid) == b for b in after.bars)
            layout = after
        assert len(outcomes) == 3 and min(outcomes.values()) >= 10, outcomes  # each was tried
    finally:
        wc.close(discard=True)


def test_a_release_renamed_is_restyled_and_new_dates_are_laid_out_again(
    tmp_path: Path, data_dir: Path
) -> None:
    """Issue 13: a release's band shows its name only, so a rename keeps the layout
    (the band renamed, as a fresh layout has it); its dates move bars: lay out again."""
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)

    def fresh() -> RoadmapLayout:
        with wc.store.engine.connect() as conn:
            return layout_roadmap(roadmap_data(conn), D(2027, 3, 1))

    try:
        layout = fresh()
        band = layout.bands[1]
        applied = wc.apply(Update("release", band.uid, {"name": "v1.1 spring"}))
        quick = restyled(layout, applied.effects)
        assert quick is not None and quick is not layout
        assert quick == fresh() and quick.bands[1].name == "v1.1 spring"
        assert all(quick.bar(b.uid) == b for b in layout.bars)
        applied = wc.apply(Update("release", band.uid, {"end": "2027-07-31"}))
        assert restyled(fresh(), applied.effects) is None
    finally:
        wc.close(discard=True)
