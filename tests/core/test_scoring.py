"""Scoring models (schema 6): the math by hand, field checks, snapshots, old
files, merges of different inputs and the ranking query."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.analysis import scoring
from pmdesk.core.analysis.scoring import Criterion, Scoring
from pmdesk.core.errors import SnapshotError
from pmdesk.core.merge.files import merge_files
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from pmdesk.core.queries.history import Wording
from pmdesk.core.snapshot.convert import dumps, export_snapshot, loads
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import by_key, copies, edit
from tests.core.test_roadmap_update import fresh

DATA = Path(__file__).resolve().parent.parent / "data"
CRITERIA = [
    {"id": "fit", "name": "战略匹配", "weight": 3, "scale": 5},
    {"id": "rev", "name": "Revenue", "weight": 1, "scale": 10},
]
TWO = (Criterion("fit", "战略匹配", 3, 5), Criterion("rev", "Revenue", 1, 10))


# -- the math, by hand -------------------------------------------------------------


def test_ice_multiplies_its_three_inputs() -> None:
    assert scoring.ice({"impact": 5, "confidence": 8, "ease": 3}) == 120  # 5 × 8 × 3
    assert scoring.ice({"impact": 10, "confidence": 10, "ease": 10}) == 1000
    assert scoring.ice({"impact": 5, "confidence": None, "ease": 3}) is None
    assert scoring.ice(None) is None


def test_wsjf_divides_the_cost_of_delay_by_the_job_size() -> None:
    inputs = {"business_value": 8, "time_criticality": 5, "risk_reduction": 3, "job_size": 5}
    assert scoring.cost_of_delay(inputs) == 16  # 8 + 5 + 3
    assert scoring.wsjf(inputs) == 3.2  # 16 / 5
    assert scoring.wsjf({**inputs, "job_size": 13}) == 1.23  # 16 / 13 = 1.2307…
    assert scoring.wsjf({**inputs, "time_criticality": None}) is None


def test_weighted_is_the_weighted_share_of_each_scale_in_percent() -> None:
    # (3 × 4/5 + 1 × 5/10) / (3 + 1) = (2.4 + 0.5) / 4 = 0.725
    assert scoring.weighted({"fit": 4, "rev": 5}, TWO) == 72.5
    assert scoring.weighted({"fit": 5, "rev": 10}, TWO) == 100
    assert scoring.weighted({"fit": 4}, TWO) is None  # a criterion without a value
    assert scoring.weighted({"fit": 4, "rev": 5}, ()) is None  # no criteria
    zero = (Criterion("fit", "Fit", 0, 5),)
    assert scoring.weighted({"fit": 4}, zero) is None  # no weight at all


def test_rice_stays_as_it_was_and_the_project_model_chooses() -> None:
    values: dict[str, Any] = {
        "rice": {"reach": 1000, "impact": 2, "confidence": 0.8, "effort": 4},  # 400
        "ice": {"impact": 5, "confidence": 8, "ease": 3},
        "wsjf": None,
        "scores": {"fit": 4, "rev": 5},
    }
    assert scoring.score(values, Scoring("rice")) == 400
    assert scoring.score(values, Scoring("ice")) == 120
    assert scoring.score(values, Scoring("wsjf")) is None
    assert scoring.score(values, Scoring("weighted", TWO)) == 72.5
    assert scoring.score(values, Scoring("weighted", TWO), "rice") == 400
    named = scoring.inputs(values, Scoring("weighted", TWO))
    assert [(i.name, i.value) for i in named] == [("战略匹配", 4), ("Revenue", 5)]
    assert [i.name for i in scoring.inputs(values, Scoring("ice"))] == [
        "ice.impact",
        "ice.confidence",
        "ice.ease",
    ]


# -- field checks --------------------------------------------------------------------


def snapshot(**requirement: Any) -> dict[str, Any]:
    return {
        "pmdesk_snapshot": 1,
        "project": {"title": "T", "scoring": "weighted", "criteria": CRITERIA},
        "requirements": [{"title": "A", **requirement}],
    }


@pytest.mark.parametrize(
    ("path", "value", "says"),
    [
        (
            "requirements[0].ice",
            {"impact": 0, "confidence": 5, "ease": 5},
            "impact 0 is not between 1 and 10",
        ),
        ("requirements[0].ice", {"impact": 5, "ease": 11}, "ease 11 is not between 1 and 10"),
        ("requirements[0].ice", {"reach": 5}, "unknown ICE input 'reach'"),
        ("requirements[0].wsjf", {"job_size": 21}, "job_size 21 is not between 1 and 20"),
        ("requirements[0].scores", {"fit": -1}, "is not a number of 0 or more"),
        ("project.scoring", "moscow", "is not one of rice, ice, wsjf, weighted"),
        (
            "project.criteria",
            [{"id": "a", "name": "A", "weight": -1, "scale": 5}],
            "the weight of A is not a number of 0 or more",
        ),
        (
            "project.criteria",
            [{"id": "a", "name": "A", "weight": 1, "scale": 0}],
            "the scale of A is not a number above 0",
        ),
        ("project.criteria", [CRITERIA[0], CRITERIA[0]], "criterion id 'fit' is used twice"),
    ],
)
def test_a_value_out_of_range_is_refused_with_its_path(path: str, value: Any, says: str) -> None:
    snap = snapshot()
    part, name = path.split(".")
    target = snap["project"] if part == "project" else snap["requirements"][0]
    target[name] = value
    with pytest.raises(SnapshotError) as e:
        loads(json.dumps(snap))
    assert f"{path}: " in str(e.value) and says in str(e.value)


# -- snapshots and older files ---------------------------------------------------------


def export_text(path: Path) -> str:
    store = open_readonly(path)
    try:
        return dumps(export_snapshot(store))
    finally:
        store.dispose()


def test_the_scoring_fields_round_trip_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    snap = snapshot(
        ice={"impact": 5, "confidence": 8, "ease": 3},
        wsjf={"business_value": 8, "time_criticality": 5, "risk_reduction": 3, "job_size": 5},
        scores={"fit": 4, "rev": 5.5},
    )
    source.write_text(json.dumps(snap, ensure_ascii=False), encoding="utf-8")
    a, b = tmp_path / "a.pmdesk", tmp_path / "b.pmdesk"
    import_snapshot_file(source, a)
    first = export_text(a)
    (tmp_path / "a.json").write_text(first, encoding="utf-8")
    import_snapshot_file(tmp_path / "a.json", b)
    assert export_text(b) == first
    data = json.loads(first)
    assert (data["project"]["scoring"], data["project"]["criteria"]) == ("weighted", CRITERIA)
    [req] = data["requirements"]
    assert req["ice"] == {"impact": 5, "confidence": 8, "ease": 3}
    assert req["wsjf"]["job_size"] == 5 and req["scores"] == {"fit": 4, "rev": 5.5}
    with Project.view(a) as project:
        info = project.info()
        ranked = project.ranking()
    assert info.scoring == "weighted" and info.criteria == TWO
    # (3 × 4/5 + 1 × 5.5/10) / 4 = 0.7375
    assert [(r.rank, r.title, r.score) for r in ranked.rows] == [(1, "A", 73.75)]


def test_old_snapshots_and_a_schema5_file_take_the_defaults(tmp_path: Path) -> None:
    old = loads((DATA / "crm-schema1.json").read_text(encoding="utf-8"))
    assert (old["project"]["scoring"], old["project"]["criteria"]) == ("rice", [])
    first = old["requirements"][0]
    assert (first["ice"], first["wsjf"], first["scores"]) == (None, None, {})
    copy = tmp_path / "five.pmdesk"
    shutil.copy(DATA / "crm-schema5.pmdesk", copy)
    wc = WorkingCopy.open(copy, data_dir=tmp_path / "data")
    try:
        upgraded = export_snapshot(wc.store)
        wc.store.apply(Update("project", upgraded["project"]["uid"], {"scoring": "ice"}))
        uid = upgraded["requirements"][0]["uid"]
        wc.store.apply(
            Update("requirement", uid, {"ice": {"impact": 4, "confidence": 5, "ease": 6}})
        )
        wc.save()
    finally:
        wc.close()
    assert (upgraded["project"]["scoring"], upgraded["project"]["criteria"]) == ("rice", [])
    assert all(r["ice"] is None and r["scores"] == {} for r in upgraded["requirements"])
    with Project.view(copy) as project:
        assert project.info().scoring == "ice"
        assert [(r.uid, r.score) for r in project.ranking().rows] == [(uid, 120)]


# -- merge -------------------------------------------------------------------------------


def test_two_sides_setting_different_inputs_merge_field_by_field(tmp_path: Path) -> None:
    base = tmp_path / "base.pmdesk"
    write_sample(base, "zh")
    first = by_key(base)
    key, uid = next((k, r["uid"]) for k, r in sorted(first.items()))
    with Project.view(base) as project:
        puid = project.info().uid
    ice = {"impact": 5, "confidence": 5, "ease": 5}
    edit(
        base,
        "PM",
        Update("project", puid, {"criteria": CRITERIA}),
        Update("requirement", uid, {"ice": ice, "scores": {"fit": 1}}),
    )
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Update("requirement", uid, {"ice": {**ice, "impact": 9}}))
    edit(mine, "Li", Update("requirement", uid, {"scores": {"fit": 4}}))
    edit(theirs, "Wang", Update("requirement", uid, {"ice": {**ice, "ease": 2}}))
    edit(theirs, "Wang", Update("requirement", uid, {"scores": {"fit": 1, "rev": 7}}))
    edit(theirs, "Wang", Update("project", puid, {"scoring": "ice"}))
    out = tmp_path / "out.pmdesk"
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    row = by_key(out)[key]
    assert (row["ice_impact"], row["ice_confidence"], row["ice_ease"]) == (9, 5, 2)
    assert json.loads(row["scores"]) == {"fit": 4, "rev": 7}
    with Project.view(out) as project:
        assert project.info().scoring == "ice"
        assert project.ranking().rows[0].score == 90  # 9 × 5 × 2
    # The same criterion scored differently on both sides is a conflict.
    edit(theirs, "Wang", Update("requirement", uid, {"scores": {"fit": 2, "rev": 7}}))
    _, result = merge_files(base, mine, theirs, out)
    [conflict] = result.conflicts
    assert conflict.field == "scores"


# -- ranking -----------------------------------------------------------------------------


def test_the_ranking_orders_by_score_filters_and_cuts(tmp_path: Path) -> None:
    path = tmp_path / "p.pmdesk"
    write_sample(path, "en")
    with Project.view(path) as project:
        releases = project.releases()
        everything = project.ranking()
    assert everything.model == "rice" and everything.rows
    scores = [r.score for r in everything.rows]
    assert scores == sorted(scores, reverse=True)
    for earlier, later in zip(everything.rows, everything.rows[1:], strict=False):
        assert later.rank == (earlier.rank if later.score == earlier.score else later.rank)
        assert later.rank > earlier.rank or later.score == earlier.score
    with Project.view(path) as project:
        top = project.ranking(top=3)
        one = project.ranking(releases=(releases[0].name.upper(),))
        stories = project.ranking(kinds=("story",))
        ice = project.ranking(model="ice")
    assert top.rows == everything.rows[:3]
    assert one.rows and all(r.release == releases[0].name for r in one.rows)
    assert all(r.kind == "story" for r in stories.rows)
    assert ice.rows == () and ice.unscored > 0  # nobody gave ICE inputs yet
    assert [i.name for i in top.rows[0].inputs] == [
        "rice.reach",
        "rice.impact",
        "rice.confidence",
        "rice.effort",
    ]


# -- history -----------------------------------------------------------------------------


def test_the_history_names_the_model_and_the_criteria(tmp_path: Path) -> None:
    path = tmp_path / "p.pmdesk"
    write_sample(path, "zh")
    uid = next(r["uid"] for r in by_key(path).values())
    with Project.view(path) as project:
        puid = project.info().uid
    edit(
        path,
        "PM",
        Update("project", puid, {"scoring": "weighted", "criteria": CRITERIA}),
        Update("requirement", uid, {"scores": {"fit": 4, "rev": 5.5}}),
    )
    wording = Wording(
        value=lambda field, code: f"<{field}:{code}>",
        link=lambda kind, outgoing: kind,
        separator=" / ",
        top_level="TOP",
        reordered="REORDERED",
    )
    with Project.view(path) as project:
        log = {c.field: (c.old, c.new) for c in project.change_log(wording=wording)[:3]}
    assert log == {
        "scoring": ("<scoring:rice>", "<scoring:weighted>"),
        "criteria": ("", "战略匹配 ×3 /5 / Revenue ×1 /10"),
        "scores": ("", "战略匹配 4 / Revenue 5.5"),
    }


# -- the roadmap -------------------------------------------------------------------------


def test_scoring_inputs_leave_the_roadmap_as_it_is(tmp_path: Path, data_dir: Path) -> None:
    # A bar shows no score: typing ICE, WSJF or criterion values never lays the roadmap out again.
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        state = fresh(wc)
        bar = state.layout.bars[0].uid
        for values in (
            {"ice": {"impact": 5, "confidence": 8, "ease": 3}},
            {"wsjf": {"business_value": 8, "time_criticality": None, "risk_reduction": 3}},
            {"scores": {"fit": 4}},
        ):
            applied = wc.apply(Update("requirement", bar, values))
            quick = state.updated(applied.effects)
            assert quick is not None and quick.layout is state.layout, values
    finally:
        wc.close(discard=True)
