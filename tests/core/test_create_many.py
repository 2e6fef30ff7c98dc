"""Creating many rows in one step (core.ops.create_many): the same rows, keys,
order, history and refusals as a Batch of Create, undone and redone exactly, and
the file on disk holds them after a save."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmdesk.core.errors import OperationError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Batch, Create
from pmdesk.core.ops.create_many import CreateMany, Item
from pmdesk.core.project import Project

Json = dict[str, Any]


def _open(path: Path, data: Path) -> Project:
    return Project.open(path, data_dir=data, user="Li")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    return path


@pytest.fixture
def project(sample: Path, tmp_path: Path) -> Iterator[Project]:
    opened = _open(sample, tmp_path / "data")
    yield opened
    opened.close(discard=True)


def _flat(snapshot: Json) -> dict[str, tuple[str | None, int, Json]]:
    """uid → (parent, place among siblings, the fields a user sees)."""
    found: dict[str, tuple[str | None, int, Json]] = {}

    def walk(nodes: list[Json], parent: str | None) -> None:
        for place, node in enumerate(nodes):
            seen = {
                k: v
                for k, v in node.items()
                if k not in ("children", "created_at", "updated_at", "rank")
            }
            found[node["uid"]] = (parent, place, seen)
            walk(node.get("children", []), node["uid"])

    walk(snapshot["requirements"], None)
    return found


def _items(under: str) -> tuple[Item, ...]:
    """An epic with two features (one with a story), and one story under `under`."""
    epic, first, second, story, lone = (str(uuid.uuid4()) for _ in range(5))
    return (
        (epic, {"kind": "epic", "title": "导入的史诗", "priority": "must"}, None),
        (first, {"kind": "feature", "title": "First", "tags": ["a", "b"]}, epic),
        (second, {"kind": "feature", "title": "Second", "start": "2027-01-04"}, epic),
        (story, {"kind": "story", "title": "Story", "acceptance": ["ok"]}, first),
        (lone, {"kind": "story", "title": "Under an existing one"}, under),
    )


def test_same_rows_as_a_batch_of_creates_one_undo_step(sample: Path, tmp_path: Path) -> None:
    with Project.view(sample) as view:
        parent = view.snapshot()["requirements"][0]["uid"]
    items = _items(parent)
    results = []
    for name, op in (
        ("batch", Batch(tuple(Create("requirement", u, v, parent=p) for u, v, p in items))),
        ("bulk", CreateMany("requirement", items)),
    ):
        project = _open(sample, tmp_path / name)
        try:
            before = project.snapshot()
            applied = project.apply(op)
            results.append((_flat(project.snapshot()), applied))
            if name == "bulk":
                assert str(applied.label) == "Create 5 requirements"
                assert [e.uid for e in applied.effects] == [u for u, _, _ in items]
                assert all(e.action == "inserted" for e in applied.effects)
                assert applied.effects[1].parent == items[0][0]
                assert applied.effects[0].values["title"] == "导入的史诗"
                history = project.history(items[3][0])
                assert [c.field for c in history] == ["created"]
                undone = project.apply(applied.inverse)
                assert _flat(project.snapshot()) == _flat(before)
                assert {e.uid for e in undone.effects} == {items[0][0], items[4][0]}
                project.apply(undone.inverse)  # redo: the same keys and places
                assert _flat(project.snapshot()) == results[-1][0]
                project.save()
        finally:
            project.close(discard=True)
    (batch, _), (bulk, _) = results
    assert bulk == batch
    with Project.view(sample) as view:  # the saved file holds them
        on_disk = _flat(view.snapshot())
    assert on_disk == bulk
    key = on_disk[items[4][0]][2]["key"]
    assert on_disk[items[4][0]][0] == parent and key.startswith("CRM-")


def test_links_in_bulk_and_their_refusals(project: Project) -> None:
    uids = [n["uid"] for n in project.snapshot()["requirements"]][:3]
    existing = {(lk["from"], lk["to"], lk["type"]) for lk in project.snapshot()["links"]}
    pairs = [(a, b) for a in uids for b in uids if a != b]
    pairs = [p for p in pairs if (*p, "relates_to") not in existing][:2]
    links = tuple(
        (str(uuid.uuid4()), {"from": a, "to": b, "type": "relates_to"}, None) for a, b in pairs
    )
    applied = project.apply(CreateMany("link", links))
    assert len(project.snapshot()["links"]) == len(existing) + 2
    with pytest.raises(OperationError, match="already"):
        project.apply(CreateMany("link", ((str(uuid.uuid4()), links[0][1], None),)))
    project.apply(applied.inverse)
    assert len(project.snapshot()["links"]) == len(existing)


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "epic", "title": "x", "priority": "urgent"},  # not a priority
        {"kind": "epic", "title": "x", "release": str(uuid.uuid4())},  # no such release
        {"kind": "epic", "title": "x", "start": "2027-02-01", "end": "2027-01-01"},
    ],
)
def test_one_bad_row_refuses_all(project: Project, bad: Json) -> None:
    before = project.snapshot()
    items = (*_items(before["requirements"][0]["uid"]), (str(uuid.uuid4()), bad, None))
    with pytest.raises(OperationError):
        project.apply(CreateMany("requirement", items))
    assert _flat(project.snapshot()) == _flat(before)


def test_parents_must_exist_or_come_first(project: Project) -> None:
    before = project.snapshot()
    child, parent = str(uuid.uuid4()), str(uuid.uuid4())
    later = (
        (child, {"kind": "story", "title": "child"}, parent),
        (parent, {"kind": "epic", "title": "parent"}, None),
    )
    with pytest.raises(OperationError, match="parent"):
        project.apply(CreateMany("requirement", later))
    missing = ((child, {"kind": "story", "title": "c"}, str(uuid.uuid4())),)
    with pytest.raises(OperationError, match="parent"):
        project.apply(CreateMany("requirement", missing))
    uid = before["requirements"][0]["uid"]
    with pytest.raises(OperationError, match="already"):
        project.apply(CreateMany("requirement", ((uid, {"title": "again"}, None),)))
    assert _flat(project.snapshot()) == _flat(before)


def test_many_rows_end_their_effects_with_a_reload(project: Project) -> None:
    """Views read themselves again once instead of placing 300 rows one by one."""
    before = len(project.tree_rows())
    items = tuple((str(uuid.uuid4()), {"title": f"row {n}"}, None) for n in range(300))
    applied = project.apply(CreateMany("requirement", items))
    assert [e.action for e in applied.effects[-2:]] == ["inserted", "reloaded"]
    assert sum(e.action == "inserted" for e in applied.effects) == 300
    undone = project.apply(applied.inverse)
    assert undone.effects[-1].action == "reloaded"
    assert len(project.tree_rows()) == before
    redone = project.apply(undone.inverse)
    assert redone.effects[-1].action == "reloaded"
    assert len(project.tree_rows()) == before + 300


def test_a_bulk_create_never_gives_out_a_deleted_requirements_key(project: Project) -> None:
    """The keys come from the project's counter (core/ops/numbers.py) like Create's:
    the newest requirement deleted, an import does not hand its key to another."""
    from pmdesk.core.ops import Remove

    def keys() -> dict[str, int]:  # uid → number
        found = project.find_requirements("CRM-", 10_000)
        return {uid: int(key.split("-")[-1]) for uid, key, _ in found}

    before = keys()
    newest = max(before, key=before.__getitem__)
    project.apply(Remove((("requirement", newest),)))
    uid = str(uuid.uuid4())
    project.apply(CreateMany("requirement", ((uid, {"kind": "story", "title": "new"}, None),)))
    assert keys()[uid] == before[newest] + 1  # max + 1 gave the deleted one's number
