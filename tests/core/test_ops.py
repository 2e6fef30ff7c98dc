"""Operations on a real project file: each applies in one transaction, records
history and returns an inverse that puts things back."""

from __future__ import annotations

import json
import uuid

import pytest

from pmdesk.core.errors import OperationError
from pmdesk.core.ops import Batch, Create, Move, MoveBlock, Remove, Update
from pmdesk.core.queries.requirements import requirement_detail
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.helpers import history, key_of, snapshot_without_history, tree_keys


def new_uid() -> str:
    return str(uuid.uuid4())


def create(
    wc: WorkingCopy,
    title: str,
    parent: str | None = None,
    index: int | None = None,
    **values: object,
) -> str:
    uid = new_uid()
    wc.apply(Create("requirement", uid, {"title": title, **values}, parent=parent, index=index))
    return uid


def test_created_requirements_get_sequential_keys_and_keep_order(working_copy: WorkingCopy) -> None:
    a = create(working_copy, "A")
    b = create(working_copy, "B")
    create(working_copy, "A0", index=0)
    create(working_copy, "A1", parent=a)
    assert key_of(working_copy.store, a) == "REQ-1"
    assert key_of(working_copy.store, b) == "REQ-2"
    assert tree_keys(working_copy.store) == ["REQ-3", ("REQ-1", ["REQ-4"]), "REQ-2"]


def test_update_records_who_what_old_and_new(working_copy: WorkingCopy) -> None:
    a = create(working_copy, "登录")
    applied = working_copy.apply(
        Update("requirement", a, {"title": "扫码登录", "priority": "must"})
    )
    assert str(applied.label) == "Edit REQ-1"
    entries = [h for h in history(working_copy.store) if h[1] in ("title", "priority")]
    assert (
        "requirement",
        "title",
        "测试员",
        json.dumps("登录", ensure_ascii=False),
        json.dumps("扫码登录", ensure_ascii=False),
    ) in entries
    assert ("requirement", "priority", "测试员", None, '"must"') in entries
    working_copy.apply(applied.inverse)
    snap = snapshot_without_history(working_copy.store)
    assert snap["requirements"][0]["title"] == "登录"
    assert snap["requirements"][0]["priority"] is None


def test_rename_label_names_the_key(working_copy: WorkingCopy) -> None:
    a = create(working_copy, "x")
    assert str(working_copy.apply(Update("requirement", a, {"title": "y"})).label) == "Rename REQ-1"


def test_an_update_is_named_as_the_entity_is_after_it(working_copy: WorkingCopy) -> None:
    """The label names the row from the values it was read with and given (no query)."""
    section = str(uuid.uuid4())
    working_copy.apply(Create("section", section, {"title": "v1"}))
    renamed = working_copy.apply(Update("section", section, {"title": "v2"}))
    assert str(renamed.label) == "Rename v2"
    assert str(working_copy.apply(renamed.inverse).label) == "Rename v1"
    # A release says what happened (`labels.updated`), both ways.
    release = str(uuid.uuid4())
    working_copy.apply(Create("release", release, {"name": "v1"}))
    renamed = working_copy.apply(Update("release", release, {"name": "v2"}))
    assert str(renamed.label) == "Rename release v1 to v2"  # issue 13: says what happened
    assert str(working_copy.apply(renamed.inverse).label) == "Rename release v2 to v1"
    section = str(uuid.uuid4())
    working_copy.apply(Create("section", section, {"title": "Goals"}))
    retitled = working_copy.apply(Update("section", section, {"title": "目标"}))
    assert str(retitled.label) == "Rename 目标"
    a = create(working_copy, "x")
    assert str(working_copy.apply(Update("requirement", a, {"status": "done"})).label) == (
        "Edit REQ-1"
    )


def test_rice_and_dates_are_validated(working_copy: WorkingCopy) -> None:
    a = create(working_copy, "x")
    with pytest.raises(OperationError, match="confidence"):
        working_copy.apply(Update("requirement", a, {"rice": {"confidence": 3}}))
    with pytest.raises(OperationError, match="after end"):
        working_copy.apply(Update("requirement", a, {"start": "2027-02-01", "end": "2027-01-01"}))
    with pytest.raises(OperationError, match="not one of must"):
        working_copy.apply(Update("requirement", a, {"priority": "urgent"}))
    with pytest.raises(OperationError, match="does not exist"):
        working_copy.apply(Update("requirement", a, {"release": new_uid()}))
    # Nothing of the refused edits reached the file.
    snap = snapshot_without_history(working_copy.store)
    assert snap["requirements"][0]["priority"] is None  # not assessed, as it was created
    assert snap["requirements"][0]["rice"] is None


def test_move_reparents_and_reorders_and_undoes(working_copy: WorkingCopy) -> None:
    a, b, c = (create(working_copy, t) for t in "ABC")
    applied = working_copy.apply(Move("requirement", c, parent=a, index=0))
    assert tree_keys(working_copy.store) == [("REQ-1", ["REQ-3"]), "REQ-2"]
    working_copy.apply(Move("requirement", b, index=0))
    assert tree_keys(working_copy.store) == ["REQ-2", ("REQ-1", ["REQ-3"])]
    working_copy.apply(Move("requirement", b, index=None))
    working_copy.apply(applied.inverse)
    assert tree_keys(working_copy.store) == ["REQ-1", "REQ-2", "REQ-3"]


def test_move_into_own_subtree_is_refused(working_copy: WorkingCopy) -> None:
    a = create(working_copy, "A")
    b = create(working_copy, "B", parent=a)
    c = create(working_copy, "C", parent=b)
    with pytest.raises(OperationError, match="own subtree"):
        working_copy.apply(Move("requirement", a, parent=c))
    with pytest.raises(OperationError, match="own subtree"):
        working_copy.apply(Move("requirement", a, parent=a))


def test_move_writes_one_row(working_copy: WorkingCopy) -> None:
    uids = [create(working_copy, f"R{i}") for i in range(50)]
    before = {n["uid"]: n["updated"] for n in _nodes(working_copy)}
    working_copy.store._clock = lambda: "2099-01-01T00:00:00"
    working_copy.apply(Move("requirement", uids[40], index=3))
    changed = [n["uid"] for n in _nodes(working_copy) if n["updated"] != before[n["uid"]]]
    assert changed == [uids[40]]


def _nodes(wc: WorkingCopy) -> list[dict[str, object]]:
    from pmdesk.core.snapshot.convert import export_snapshot

    nodes: list[dict[str, object]] = export_snapshot(wc.store)["requirements"]
    return nodes


def test_delete_subtree_with_links_and_undo_restores_everything(working_copy: WorkingCopy) -> None:
    release = new_uid()
    working_copy.apply(
        Create("release", release, {"name": "v1.0", "start": "2027-01-04", "end": "2027-03-31"})
    )
    a = create(working_copy, "A", release=release)
    b = create(working_copy, "B", parent=a, acceptance=["能登录", "能退出"])
    c = create(working_copy, "C")
    working_copy.apply(Create("link", new_uid(), {"from": c, "to": b, "type": "depends_on"}))
    before = snapshot_without_history(working_copy.store)
    applied = working_copy.apply(Remove((("requirement", a),)))
    after = snapshot_without_history(working_copy.store)
    assert [n["title"] for n in after["requirements"]] == ["C"]
    assert after["links"] == []
    working_copy.apply(applied.inverse)
    assert snapshot_without_history(working_copy.store) == before
    deleted = [h for h in history(working_copy.store) if h[1] == "deleted"]
    assert len(deleted) == 3  # two requirements and the link


def test_delete_release_clears_and_undo_restores_references(working_copy: WorkingCopy) -> None:
    release = new_uid()
    working_copy.apply(Create("release", release, {"name": "v1.0"}))
    a = create(working_copy, "A", release=release)
    before = snapshot_without_history(working_copy.store)
    applied = working_copy.apply(Remove((("release", release),)))
    snap = snapshot_without_history(working_copy.store)
    assert snap["requirements"][0]["release"] is None
    assert a
    working_copy.apply(applied.inverse)
    assert snapshot_without_history(working_copy.store) == before


@pytest.mark.parametrize(
    ("entity", "values", "changes"),
    [
        ("release", {"name": "v1.0", "start": "2027-01-04"}, {"end": "2027-03-31"}),
        ("milestone", {"name": "评审", "date": "2027-02-01"}, {"date": "2027-02-08"}),
        ("lane", {"name": "客户数据"}, {"name": "数据"}),
        ("section", {"title": "背景", "body": "这是**重点**"}, {"body": "改"}),
    ],
)
def test_other_entities_create_update_delete_round_trip(
    working_copy: WorkingCopy, entity: str, values: dict[str, object], changes: dict[str, object]
) -> None:
    empty = snapshot_without_history(working_copy.store)
    uid = new_uid()
    created = working_copy.apply(Create(entity, uid, values))
    with_it = snapshot_without_history(working_copy.store)
    updated = working_copy.apply(Update(entity, uid, changes))
    removed = working_copy.apply(Remove(((entity, uid),)))
    working_copy.apply(removed.inverse)
    working_copy.apply(updated.inverse)
    assert snapshot_without_history(working_copy.store) == with_it
    working_copy.apply(created.inverse)
    assert snapshot_without_history(working_copy.store) == empty


def test_lanes_and_sections_reorder(working_copy: WorkingCopy) -> None:
    uids = [new_uid() for _ in range(3)]
    for i, uid in enumerate(uids):
        working_copy.apply(Create("section", uid, {"title": f"S{i}"}))
    working_copy.apply(Move("section", uids[2], index=0))
    titles = [s["title"] for s in snapshot_without_history(working_copy.store)["sections"]]
    assert titles == ["S2", "S0", "S1"]


def test_link_rules(working_copy: WorkingCopy) -> None:
    a, b = create(working_copy, "A"), create(working_copy, "B")
    working_copy.apply(Create("link", new_uid(), {"from": a, "to": b, "type": "blocks"}))
    with pytest.raises(OperationError, match="already linked"):
        working_copy.apply(Create("link", new_uid(), {"from": a, "to": b, "type": "blocks"}))
    with pytest.raises(OperationError, match="itself"):
        working_copy.apply(Create("link", new_uid(), {"from": a, "to": a, "type": "blocks"}))


def test_batch_is_one_step_and_its_inverse_undoes_all(working_copy: WorkingCopy) -> None:
    a, b = create(working_copy, "A"), create(working_copy, "B")
    before = snapshot_without_history(working_copy.store)
    applied = working_copy.apply(
        Batch(
            (
                Update("requirement", a, {"status": "approved"}),
                Update("requirement", b, {"status": "approved"}),
            )
        )
    )
    assert str(applied.label) == "Edit 2 requirements"
    working_copy.apply(applied.inverse)
    assert snapshot_without_history(working_copy.store) == before


def test_failed_operation_leaves_no_trace(working_copy: WorkingCopy) -> None:
    a = create(working_copy, "A")
    before = history(working_copy.store)
    with pytest.raises(OperationError):
        working_copy.apply(
            Batch(
                (
                    Update("requirement", a, {"title": "changed"}),
                    Update("requirement", a, {"kind": "bogus"}),
                )
            )
        )
    assert history(working_copy.store) == before
    assert snapshot_without_history(working_copy.store)["requirements"][0]["title"] == "A"


def test_project_fields_update(working_copy: WorkingCopy) -> None:
    uid = snapshot_without_history(working_copy.store)["project"]["uid"]
    working_copy.apply(Update("project", uid, {"product": "云帆 CRM", "authors": ["张伟"]}))
    project = snapshot_without_history(working_copy.store)["project"]
    assert project["product"] == "云帆 CRM" and project["authors"] == ["张伟"]
    with pytest.raises(OperationError, match="key prefix"):
        working_copy.apply(Update("project", uid, {"key_prefix": "需求"}))


def test_move_block_keeps_the_order_of_the_moved_rows(working_copy: WorkingCopy) -> None:
    a, b, c, d = (create(working_copy, t) for t in "ABCD")
    # Drag A and B to just before D: D is the 1st sibling that stays after C.
    applied = working_copy.apply(MoveBlock("requirement", (a, b), index=1))
    assert tree_keys(working_copy.store) == ["REQ-3", "REQ-1", "REQ-2", "REQ-4"]
    assert str(applied.label) == "Move 2 requirements"
    working_copy.apply(MoveBlock("requirement", (d, a), parent=c, index=None))
    assert tree_keys(working_copy.store) == [("REQ-3", ["REQ-4", "REQ-1"]), "REQ-2"]
    with pytest.raises(OperationError, match="own subtree"):
        working_copy.apply(MoveBlock("requirement", (c,), parent=a))


def test_removing_a_requirement_with_its_release_undoes_in_one_step(
    working_copy: WorkingCopy,
) -> None:
    release = new_uid()
    working_copy.apply(Create("release", release, {"name": "v1.0"}))
    a = create(working_copy, "A", release=release)
    before = snapshot_without_history(working_copy.store)
    applied = working_copy.apply(Remove((("requirement", a), ("release", release))))
    working_copy.apply(applied.inverse)
    assert snapshot_without_history(working_copy.store) == before


def _ranks(wc: WorkingCopy) -> dict[str, str]:
    from pmdesk.core.schema.rows import read_tables

    with wc.store.engine.connect() as conn:
        return {u: r["rank"] for u, r in read_tables(conn)["requirement"].items()}


def _top_level(wc: WorkingCopy) -> list[str]:
    return [str(n["uid"]) for n in _nodes(wc)]


@pytest.mark.parametrize("how", ["create", "move"])
def test_a_place_between_two_siblings_with_one_rank_changes_no_other_row(
    working_copy: WorkingCopy, how: str
) -> None:
    """A file merged by an older pmdesk can hold two siblings with one rank.
    They show in uid order; a row put between them goes right after them, and
    no other row is re-ranked (that re-spaced every sibling outside the undo
    history, a change of rows nobody moved that a colleague's edit then met)."""
    uids = [create(working_copy, f"R{i}") for i in range(4)]
    tied = sorted(uids[1:3])
    working_copy.apply(Move("requirement", tied[1], None, rank=_ranks(working_copy)[tied[0]]))
    assert _top_level(working_copy) == [uids[0], *tied, uids[3]]
    before = _ranks(working_copy)
    if how == "create":
        applied = working_copy.apply(Create("requirement", new_uid(), {"title": "N"}, index=2))
        new = applied.effects[0].uid
    else:
        new = uids[3]
        applied = working_copy.apply(Move("requirement", new, None, index=2))
    after = _ranks(working_copy)
    assert {u: r for u, r in after.items() if u != new} == {
        u: r for u, r in before.items() if u != new
    }
    rest = [uids[3]] if how == "create" else []
    assert _top_level(working_copy) == [uids[0], *tied, new, *rest]
    working_copy.apply(applied.inverse)
    assert _ranks(working_copy) == before


def test_effects_carry_the_new_values_so_views_need_not_read_the_row(
    working_copy: WorkingCopy,
) -> None:
    """Issue 12: an effect says what the changed fields are now, as the row reads back."""
    uid = new_uid()
    applied = working_copy.apply(Create("requirement", uid, {"title": "登录", "tags": ["a"]}))
    (created,) = applied.effects
    with working_copy.store.engine.connect() as conn:
        detail = requirement_detail(conn, uid)
    assert detail is not None
    assert dict(created.values) == detail.values  # every field, defaults included

    edit = Update("requirement", uid, {"title": "扫码登录", "status": "approved", "owner": ""})
    applied = working_copy.apply(edit)
    (updated,) = applied.effects
    assert updated.fields == ("title", "status")  # the owner did not change
    assert dict(updated.values) == {"title": "扫码登录", "status": "approved"}
    with working_copy.store.engine.connect() as conn:
        after = requirement_detail(conn, uid)
    assert after is not None and updated.stamp == (after.updated_at, after.updated_by)
    with pytest.raises(TypeError):
        updated.values["title"] = "x"  # type: ignore[index]  # read-only: what this checks

    (undone,) = working_copy.apply(applied.inverse).effects
    assert dict(undone.values) == {"title": "登录", "status": detail.values["status"]}

    removed = working_copy.apply(Remove((("requirement", uid),)))
    (restored,) = working_copy.apply(removed.inverse).effects
    assert restored.action == "inserted" and dict(restored.values) == detail.values
