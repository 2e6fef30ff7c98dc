"""Schema 9 custom fields: definitions and values in operations, history, snapshots,
merges and reads, and a schema 8 file that takes them."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.errors import OperationError, SnapshotError
from pmdesk.core.merge.files import merge_files
from pmdesk.core.merge.report import report
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.ops import Create, Move, Remove, Update
from pmdesk.core.ops.custom import SetCustomValues
from pmdesk.core.project import Project
from pmdesk.core.snapshot.convert import loads
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.projectfile import check
from tests.core.merge_helpers import copies, edit, requirements
from tests.core.test_schema4 import export_text
from tests.core.test_schema7 import _first_uid
from tests.plain_sample import write_sample_without_custom_fields

DATA = Path(__file__).resolve().parent.parent / "data"
TEAM, ESTIMATE, DUE, PLATFORMS = (str(uuid.uuid4()) for _ in range(4))


def full_snapshot() -> dict[str, Any]:
    """A snapshot with a field of each kind and values of them."""
    story, other = str(uuid.uuid4()), str(uuid.uuid4())
    return {
        "pmdesk_snapshot": 1,
        "project": {"title": "Orbit", "key_prefix": "ORB", "language": "en"},
        "custom_fields": [
            {"uid": TEAM, "name": "团队", "kind": "choice", "options": ["支付", "增长"]},
            {"uid": ESTIMATE, "name": "Estimate", "kind": "number"},
            {"uid": DUE, "name": "Due", "kind": "date"},
            {"uid": PLATFORMS, "name": "Platforms", "kind": "choices", "options": ["iOS", "Web"]},
        ],
        "requirements": [
            {
                "uid": story,
                "title": "Pay in one click",
                "custom": {
                    TEAM: "支付",
                    ESTIMATE: 3.5,
                    DUE: "2027-03-31",
                    PLATFORMS: ["Web", "iOS"],
                },
            },
            {"uid": other, "title": "Nothing custom"},
        ],
    }


def _write(tmp_path: Path, snapshot: dict[str, Any], name: str = "a") -> Path:
    source = tmp_path / f"{name}.json"
    source.write_text(json.dumps(snapshot), encoding="utf-8")
    path = tmp_path / f"{name}.pmdesk"
    import_snapshot_file(source, path)
    return path


def test_fields_and_values_round_trip_byte_for_byte(tmp_path: Path) -> None:
    a = _write(tmp_path, full_snapshot())
    first = export_text(a)
    (tmp_path / "again.json").write_text(first, encoding="utf-8")
    b = tmp_path / "b.pmdesk"
    import_snapshot_file(tmp_path / "again.json", b)
    assert export_text(b) == first
    snap = json.loads(first)
    assert [f["name"] for f in snap["custom_fields"]] == ["团队", "Estimate", "Due", "Platforms"]
    assert snap["custom_fields"][1] == {
        "uid": ESTIMATE,
        "name": "Estimate",
        "kind": "number",
        "options": [],
    }
    story, other = snap["requirements"]
    # choices are kept in the field's order
    assert story["custom"] == {
        TEAM: "支付",
        ESTIMATE: 3.5,
        DUE: "2027-03-31",
        PLATFORMS: ["iOS", "Web"],
    }
    assert "custom" not in other  # only where set: older snapshots' bytes stay as they were


def test_the_reads_give_the_fields_and_each_requirements_values(tmp_path: Path) -> None:
    path = _write(tmp_path, full_snapshot())
    with Project.view(path) as project:
        team, estimate, _, platforms = project.custom_fields()
        assert (team.name, team.kind, team.options) == ("团队", "choice", ("支付", "增长"))
        assert (estimate.kind, estimate.options, platforms.options) == (
            "number",
            (),
            ("iOS", "Web"),
        )
        [(story, values)] = project.custom_values().items()
        assert values[ESTIMATE] == 3.5
        detail = project.requirement(story)
        assert detail is not None and detail.values["custom"][TEAM] == "支付"
        assert project.custom_value_counts() == {TEAM: 1, ESTIMATE: 1, DUE: 1, PLATFORMS: 1}


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        (ESTIMATE, "three", "Estimate: 'three' is not a number"),
        (DUE, "31.03.2027", "Due: '31.03.2027' is not a date"),
        (TEAM, "销售", "团队: '销售' is not one of 支付, 增长"),
        (PLATFORMS, ["Android"], "Platforms: 'Android' is not one of iOS, Web"),
        ("no-such-field", "x", "is not a custom field uid"),
    ],
)
def test_a_value_that_does_not_fit_its_field_is_refused_with_its_path(
    field: str, value: object, says: str
) -> None:
    snap = full_snapshot()
    snap["requirements"][1]["custom"] = {field: value}
    with pytest.raises(SnapshotError) as e:
        loads(json.dumps(snap))
    assert "requirements[1].custom." in str(e.value) and says in str(e.value)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The English sample without its own custom fields nor a history of removing them:
    these tests count fields and values from none."""
    return write_sample_without_custom_fields(tmp_path / "base.pmdesk", "en")


def _two_requirements(path: Path) -> tuple[str, str]:
    rows = sorted(requirements(path).values(), key=lambda r: r["number"])
    return rows[0]["uid"], rows[1]["uid"]


def test_fields_are_created_reordered_renamed_and_values_set_with_undo(base: Path) -> None:
    first, second = _two_requirements(base)
    project = Project.open(base, data_dir=base.parent / "data")
    try:
        made = project.apply(Create("custom_field", TEAM, {"name": "Team", "kind": "choice"}))
        assert str(made.label) == "Create custom field Team"
        project.apply(Update("custom_field", TEAM, {"options": ["Payments", "Growth"]}))
        project.apply(Create("custom_field", ESTIMATE, {"name": "Estimate", "kind": "number"}))
        moved = project.apply(Move("custom_field", ESTIMATE, index=0))
        assert str(moved.label) == "Reorder custom field Estimate"
        assert [f.name for f in project.custom_fields()] == ["Estimate", "Team"]
        renamed = project.apply(Update("custom_field", TEAM, {"name": "团队"}))
        assert str(renamed.label) == "Rename custom field Team to 团队"

        one = project.apply(SetCustomValues({first: {TEAM: "Growth"}, second: {TEAM: "Growth"}}))
        assert str(one.label) == "Set 团队 of 2 requirements"
        assert {e.uid: dict(e.values) for e in one.effects} == {
            first: {"custom": {TEAM: "Growth"}},
            second: {"custom": {TEAM: "Growth"}},
        }
        both = project.apply(SetCustomValues({first: {ESTIMATE: 5, TEAM: None}}))
        key = requirements(project.working_copy.work_path)[first]["key"]
        assert str(both.label) == f"Set custom fields of {key}"
        assert project.custom_values()[first] == {ESTIMATE: 5}
        project.apply(both.inverse)  # undo
        assert project.custom_values()[first] == {TEAM: "Growth"}

        with pytest.raises(OperationError) as e:
            project.apply(SetCustomValues({first: {ESTIMATE: "lots"}}))
        assert str(e.value) == "Estimate takes a number: 'lots' is not a number."
        assert (e.value.code, e.value.params["name"]) == ("custom.not_number", "Estimate")
        with pytest.raises(OperationError, match="one of its options"):
            project.apply(SetCustomValues({first: {TEAM: "Sales"}}))
        with pytest.raises(OperationError, match="no custom field"):
            project.apply(SetCustomValues({first: {"nope": "x"}}))
        with pytest.raises(OperationError, match="its kind cannot change"):
            project.apply(Update("custom_field", TEAM, {"kind": "text"}))

        history = [
            h
            for h in project.snapshot()["history"]
            if h["entity"] == "requirement" and h["field"] == "custom"
        ]
        assert (history[0]["old"], history[0]["new"]) == ({TEAM: None}, {TEAM: "Growth"})
    finally:
        project.close(discard=True)


def test_deleting_a_field_drops_its_values_and_undo_puts_them_back(base: Path) -> None:
    first, second = _two_requirements(base)
    project = Project.open(base, data_dir=base.parent / "data")
    try:
        project.apply(Create("custom_field", TEAM, {"name": "Team", "kind": "text"}))
        project.apply(Create("custom_field", ESTIMATE, {"name": "Estimate", "kind": "number"}))
        project.apply(
            SetCustomValues({first: {TEAM: "Payments", ESTIMATE: 2}, second: {TEAM: "Growth"}})
        )
        removed = project.apply(Remove((("custom_field", TEAM),)))
        assert str(removed.label) == "Delete custom field Team"
        touched = {e.uid: dict(e.values) for e in removed.effects if e.entity == "requirement"}
        assert touched == {first: {"custom": {ESTIMATE: 2}}, second: {"custom": {}}}
        assert project.custom_values() == {first: {ESTIMATE: 2}}
        assert requirements(project.working_copy.work_path)[second]["custom"] == "{}"

        restored = project.apply(removed.inverse)
        assert str(restored.label) == "Restore custom field Team"
        assert project.custom_values() == {
            first: {TEAM: "Payments", ESTIMATE: 2},
            second: {TEAM: "Growth"},
        }
        assert [f.name for f in project.custom_fields()] == ["Team", "Estimate"]
        project.apply(restored.inverse)  # redo
        assert project.custom_values() == {first: {ESTIMATE: 2}}
    finally:
        project.close(discard=True)


def test_an_option_taken_off_the_list_takes_its_values_and_undo_returns_them(
    base: Path,
) -> None:
    first, second = _two_requirements(base)
    project = Project.open(base, data_dir=base.parent / "data")
    try:
        project.apply(
            Create(
                "custom_field", PLATFORMS, {"name": "OS", "kind": "choices", "options": ["A", "B"]}
            )
        )
        project.apply(SetCustomValues({first: {PLATFORMS: ["A", "B"]}, second: {PLATFORMS: ["A"]}}))
        changed = project.apply(Update("custom_field", PLATFORMS, {"options": ["B", "C"]}))
        assert str(changed.label) == "Change the options of custom field OS"
        assert project.custom_values() == {first: {PLATFORMS: ["B"]}}
        project.apply(changed.inverse)
        assert project.custom_values() == {
            first: {PLATFORMS: ["A", "B"]},
            second: {PLATFORMS: ["A"]},
        }
    finally:
        project.close(discard=True)


def _with_fields(base: Path) -> tuple[str, str]:
    first, _ = _two_requirements(base)
    edit(
        base,
        "Li",
        Create("custom_field", TEAM, {"name": "Team", "kind": "choice", "options": ["A", "B"]}),
        Create("custom_field", ESTIMATE, {"name": "Estimate", "kind": "number"}),
        SetCustomValues({first: {TEAM: "A"}}),
    )
    return first, requirements(base)[first]["key"]


def test_two_colleagues_set_different_fields_of_one_requirement_both_kept(base: Path) -> None:
    first, _ = _with_fields(base)
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", SetCustomValues({first: {TEAM: "B"}}))
    edit(theirs, "Wang", SetCustomValues({first: {ESTIMATE: 8}}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    assert json.loads(requirements(out)[first]["custom"]) == {TEAM: "B", ESTIMATE: 8}


def test_the_same_field_set_differently_is_a_conflict_about_that_field(base: Path) -> None:
    first, key = _with_fields(base)
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", SetCustomValues({first: {TEAM: "B", ESTIMATE: 1}}))
    edit(theirs, "Wang", SetCustomValues({first: {TEAM: None}}))
    out = base.with_name("out.pmdesk")
    pending, result = merge_files(base, mine, theirs, out)
    [conflict] = result.conflicts
    assert (conflict.entity, conflict.uid, conflict.field) == (
        "requirement",
        first,
        f"custom:{TEAM}",
    )
    assert (conflict.base, conflict.mine, conflict.theirs) == ("A", "B", None)
    said = report(result, pending.mine, pending.theirs).splitlines()  # `pmdesk merge`'s words
    assert said == [f"{key}: Team", "    mine:   “B”", "    theirs: —"]
    merge_files(base, mine, theirs, out, prefer="theirs")
    assert json.loads(requirements(out)[first]["custom"]) == {ESTIMATE: 1}
    out.unlink()
    merge_files(base, mine, theirs, out, prefer="mine")
    assert json.loads(requirements(out)[first]["custom"]) == {TEAM: "B", ESTIMATE: 1}


def test_a_field_deleted_while_a_colleague_sets_its_value_ends_consistent(base: Path) -> None:
    first, _ = _with_fields(base)
    _, second = _two_requirements(base)
    mine, theirs = copies(base, "mine", "theirs")
    edit(mine, "Li", Remove((("custom_field", TEAM),)))
    edit(theirs, "Wang", SetCustomValues({first: {TEAM: "B"}, second: {TEAM: "A", ESTIMATE: 2}}))
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    assert check(out) == []
    rows = requirements(out)
    assert json.loads(rows[first]["custom"]) == {}
    assert json.loads(rows[second]["custom"]) == {ESTIMATE: 2}
    with Project.view(out) as project:
        assert [f.name for f in project.custom_fields()] == ["Estimate"]


def test_a_schema8_file_upgrades_and_takes_custom_fields(tmp_path: Path) -> None:
    copy = tmp_path / "old.pmdesk"
    shutil.copy(DATA / "crm-schema8.pmdesk", copy)
    assert read_header(copy).schema_version == 8
    project = Project.open(copy, data_dir=tmp_path / "data")
    try:
        assert project.custom_fields() == [] and project.custom_values() == {}
        first = _first_uid(copy)
        detail = project.requirement(first)
        assert detail is not None and detail.values["custom"] == {}
        project.apply(Create("custom_field", DUE, {"name": "上线日期", "kind": "date"}))
        project.apply(SetCustomValues({first: {DUE: "2027-05-01"}}))
        project.save()
    finally:
        project.close()
    assert read_header(copy).schema_version == SCHEMA_VERSION == 9
    assert check(copy) == []
    assert json.loads(requirements(copy)[first]["custom"]) == {DUE: "2027-05-01"}
    with Project.view(copy) as view:
        [field] = view.custom_fields()
        assert (field.name, field.kind) == ("上线日期", "date")


def test_a_baseline_comparison_lists_custom_values_by_field_name(base: Path) -> None:
    first, _ = _two_requirements(base)
    project = Project.open(base, data_dir=base.parent / "data")
    try:
        project.apply(Create("custom_field", TEAM, {"name": "Team", "kind": "text"}))
        project.apply(SetCustomValues({first: {TEAM: "Core"}}))
        project.create_baseline("v1")
        [baseline] = project.snapshot()["baselines"]
        project.apply(SetCustomValues({first: {TEAM: "Growth"}}))
        comparison = project.compare_baseline(baseline["uid"])
        assert comparison is not None
        [(_, fields)] = [(s, f) for s, f in comparison.changed if s.uid == first]
        assert [(f.field, f.before, f.after) for f in fields] == [
            ("custom", ["Team: Core"], ["Team: Growth"])
        ]
    finally:
        project.close(discard=True)


def test_the_history_names_custom_fields_and_shows_their_values(base: Path) -> None:
    first, _ = _two_requirements(base)
    project = Project.open(base, data_dir=base.parent / "data")
    try:
        project.apply(
            Create(
                "custom_field", PLATFORMS, {"name": "OS", "kind": "choices", "options": ["A", "B"]}
            )
        )
        project.apply(Create("custom_field", ESTIMATE, {"name": "Estimate", "kind": "number"}))
        project.apply(SetCustomValues({first: {PLATFORMS: ["B", "A"], ESTIMATE: 2.5}}))
        project.apply(SetCustomValues({first: {ESTIMATE: 4}}))
        changes = [c for c in project.history(first) if c.entity == "requirement"]
        assert [(c.field, c.old, c.new) for c in changes[:2]] == [
            ("Estimate", "2.5", "4"),
            ("Estimate, OS", "", "2.5 · A, B"),  # by name; the options in the list's order
        ]
    finally:
        project.close(discard=True)
