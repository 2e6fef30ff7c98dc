"""Schema 9 saved views: stored in the file, undoable, in snapshots, merged field
by field, and found by the core as the window's filter finds them."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError, SnapshotError
from pmdesk.core.merge.files import merge_files
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove, Update
from pmdesk.core.project import Project
from pmdesk.core.queries.criteria import Criteria, DateRange, from_json, to_json
from pmdesk.core.snapshot.convert import loads
from tests.core.merge_helpers import copies, edit
from tests.core.test_schema4 import export_text

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.pmdesk"
    write_sample(path, "en")
    return path


@contextmanager
def opened(path: Path) -> Iterator[Project]:
    project = Project.open(path, data_dir=path.parent / "data")
    try:
        yield project
    finally:
        project.close(discard=True)


def view_values(name: str, **criteria: object) -> dict[str, object]:
    return {
        "name": name,
        "criteria": criteria,
        "columns": ["key", "title", "status", "owner"],
        "grouping": "release",
        "sort": [["priority", "asc"], ["title", "desc"]],
    }


def views(path: Path) -> list[tuple[str, str, dict[str, object]]]:
    with Project.view(path) as project:
        return [(v.uid, v.name, v.criteria) for v in project.saved_views()]


def test_criteria_round_trip_through_json() -> None:
    criteria = Criteria(
        text=" 登录 ",
        choices={"status": frozenset({"review", "draft"}), "tags": frozenset()},
        dates=DateRange("2027-01-01", "", overlapping=True),
        baseline="b-uid",
        needs_review=True,
    )
    stored = to_json(criteria)
    assert stored == {
        "text": "登录",
        "choices": {"status": ["draft", "review"]},  # sorted; empty lists left out
        "dates": {"first": "2027-01-01", "last": "", "overlapping": True},
        "baseline": "b-uid",
        "needs_review": True,
    }
    back = from_json(json.loads(json.dumps(stored)))
    assert back == Criteria(
        "登录", {"status": frozenset({"draft", "review"})}, criteria.dates, "b-uid", True
    )
    assert to_json(Criteria()) == {} and not from_json({}).active


def test_a_view_is_created_updated_renamed_removed_and_undone(base: Path) -> None:
    uid = str(uuid.uuid4())
    with opened(base) as project:
        applied = project.apply(Create("saved_view", uid, view_values("Release scope", text="x")))
        assert project.saved_views()[0].columns == ("key", "title", "status", "owner")
        renamed = project.apply(Update("saved_view", uid, {"name": "发布范围"}))
        [view] = project.saved_views()
        assert (view.name, view.grouping, view.sort) == (
            "发布范围",
            "release",
            (("priority", "asc"), ("title", "desc")),
        )
        with pytest.raises(OperationError):  # a view needs a name
            project.apply(Update("saved_view", uid, {"name": "  "}))
        with pytest.raises(OperationError):  # a sort key is asc or desc
            project.apply(Update("saved_view", uid, {"sort": [["title", "up"]]}))
        removed = project.apply(Remove((("saved_view", uid),)))
        assert project.saved_views() == []
        project.apply(removed.inverse)
        assert [v.name for v in project.saved_views()] == ["发布范围"]
        project.apply(renamed.inverse)
        assert [v.name for v in project.saved_views()] == ["Release scope"]
        history = project.history(uid)
        assert {c.field for c in history} >= {"name"}
        project.apply(applied.inverse)
        assert project.saved_views() == []
        project.save()
    assert views(base) == []


def test_snapshot_round_trip_and_old_snapshots(base: Path, tmp_path: Path) -> None:
    uid = str(uuid.uuid4())
    edit(base, "Li", Create("saved_view", uid, view_values("Mine", text="Excel")))
    first = export_text(base)
    snap = json.loads(first)
    assert snap["saved_views"] == [{"uid": uid, **view_values("Mine", text="Excel")}]
    (tmp_path / "a.json").write_text(first, encoding="utf-8")
    copy = tmp_path / "copy.pmdesk"
    import_snapshot_file(tmp_path / "a.json", copy)
    assert export_text(copy) == first  # byte for byte
    # A snapshot without views (older ones) imports, and exports no views key.
    del snap["saved_views"]
    assert loads(json.dumps(snap))["saved_views"] == []
    snap["saved_views"] = [{"uid": uid, "name": "Bad", "sort": [["title", "sideways"]]}]
    with pytest.raises(SnapshotError, match=r"saved_views\[0\]\.sort"):
        loads(json.dumps(snap))


def test_a_schema7_file_opens_with_no_views(tmp_path: Path) -> None:
    old = tmp_path / "old.pmdesk"
    shutil.copyfile(DATA / "crm-schema7.pmdesk", old)
    with opened(old) as project:
        assert project.saved_views() == []
        uid = str(uuid.uuid4())
        project.apply(Create("saved_view", uid, {"name": "Drafts"}))
        project.save()
    assert [name for _, name, _ in views(old)] == ["Drafts"]


def test_two_colleagues_add_views_and_rename_one(base: Path) -> None:
    shared = str(uuid.uuid4())
    edit(base, "Li", Create("saved_view", shared, view_values("Scope")))
    mine, theirs = copies(base, "mine", "theirs")
    mine_view, their_view = str(uuid.uuid4()), str(uuid.uuid4())
    edit(mine, "Li", Create("saved_view", mine_view, view_values("Li's drafts", text="a")))
    edit(
        theirs,
        "Wang",
        Create("saved_view", their_view, view_values("Wang's", text="b")),
        Update("saved_view", shared, {"columns": ["key", "title"]}),
    )
    out = base.with_name("out.pmdesk")
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean
    with Project.view(out) as project:
        merged = {v.uid: v for v in project.saved_views()}
    assert set(merged) == {shared, mine_view, their_view}
    assert merged[shared].columns == ("key", "title")  # their edit, field by field

    # Both rename the same view differently: one conflict on its name.
    edit(mine, "Li", Update("saved_view", shared, {"name": "Scope (Li)"}))
    edit(theirs, "Wang", Update("saved_view", shared, {"name": "Scope (Wang)"}))
    _, result = merge_files(base, mine, theirs, out)
    assert [(c.entity, c.field, c.mine, c.theirs) for c in result.conflicts] == [
        ("saved_view", "name", "Scope (Li)", "Scope (Wang)")
    ]
    merge_files(base, mine, theirs, out, prefer="theirs")
    with Project.view(out) as project:
        names = {v.uid: v.name for v in project.saved_views()}
    assert names[shared] == "Scope (Wang)" and names[mine_view] == "Li's drafts"


def test_a_views_requirements_in_tree_order(base: Path) -> None:
    with opened(base) as project:
        tree = project.tree_rows()
        by_uid = {r[0]: r for r in tree}
        drafts = Criteria(choices={"status": frozenset({"draft"})})
        uid = str(uuid.uuid4())
        project.apply(Create("saved_view", uid, {"name": "Drafts", "criteria": to_json(drafts)}))
        found = project.saved_view_requirements(uid)
        assert found and all(by_uid[u][5] == "draft" for u in found)
        assert found == [u for u in project.matching_requirements(Criteria()) if u in set(found)]
        everything = project.matching_requirements(Criteria())
        assert len(everything) == len(tree)
        # parents before children, siblings in order
        seen: set[str] = set()
        for u in everything:
            parent = by_uid[u][1]
            assert parent is None or parent in seen
            seen.add(u)
        # Words are searched in descriptions too (the sample's "Excel").
        words = project.matching_requirements(Criteria(text="Excel"))
        assert words
        assert project.saved_view_requirements("no-such-view") is None
