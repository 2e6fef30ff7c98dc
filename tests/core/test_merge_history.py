"""After a merge the history tells the truth: what their history says is kept,
and what the merge decided differently is recorded as the merging user's edit
(a row they deleted kept, a child of theirs removed, our value kept, an undo)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pmdesk.core.merge.target import accept, prepare
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Remove, Update
from pmdesk.core.project_save import save_merging
from pmdesk.core.schema.tables import HistoryEntry
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import by_key


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    return path


def open_as(path: Path, user: str, tmp_path: Path) -> WorkingCopy:
    return WorkingCopy.open(path, data_dir=tmp_path / user, user=user, access="edit_anyway")


def newest(wc: WorkingCopy, uid: str, field: str | None = None) -> dict[str, Any]:
    """The newest history entry about `uid` (of `field`, if given)."""
    query = select(HistoryEntry).where(HistoryEntry.entity_uid == uid)
    if field is not None:
        query = query.where(HistoryEntry.field == field)
    with wc.store.reading() as s:
        row = s.execute(query.order_by(HistoryEntry.seq.desc())).scalars().first()
        assert row is not None
        return {
            "by": row.by,
            "field": row.field,
            "new": None if row.new is None else json.loads(row.new),
        }


def test_kept_deleted_removed_and_our_values_are_recorded(shared: Path, tmp_path: Path) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    rows = by_key(shared)
    crm3, crm4, crm14 = rows["CRM-3"]["uid"], rows["CRM-4"]["uid"], rows["CRM-14"]["uid"]
    child = str(uuid.uuid4())
    wang.apply(Remove((("requirement", crm4),)))
    wang.apply(Create("requirement", child, {"title": "Wang's child"}, parent=crm14))
    wang.apply(Update("requirement", crm3, {"title": "Wang's title"}))
    save_merging(wang)
    li.apply(Update("requirement", crm4, {"status": "review"}))
    li.apply(Remove((("requirement", crm14),)))
    li.apply(Update("requirement", crm3, {"title": "Li's title"}))
    save_merging(li, prefer="mine")

    kept = newest(li, crm4)  # Wang deleted it; Li's edit kept it
    assert (kept["by"], kept["field"], kept["new"]["key"]) == ("Li", "created", "CRM-4")
    removed = newest(li, child)  # Wang added it under what Li deleted
    assert (removed["by"], removed["field"]) == ("Li", "deleted")
    title = newest(li, crm3, "title")  # both renamed; Li's title stayed
    assert (title["by"], title["new"]) == ("Li", "Li's title")
    for wc in (li, wang):
        wc.close()


def test_undoing_a_merge_is_recorded(shared: Path, tmp_path: Path) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    new = str(uuid.uuid4())
    wang.apply(Create("requirement", new, {"title": "Wang's new one"}))
    save_merging(wang)
    merge = prepare(li)
    applied = li.apply(merge.operation(merge.pending.result()))
    accept(li, merge)
    assert newest(li, new)["by"] == "Wang"
    li.apply(applied.inverse)  # Undo "Merge changes by Wang"
    gone = newest(li, new)
    assert (gone["by"], gone["field"]) == ("Li", "deleted")
    for wc in (li, wang):
        wc.close()
