"""Baselines on real project files: created, compared, refused, undone and exported."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from pmdesk.cli import main
from pmdesk.core.errors import OperationError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, CreateBaseline, DeleteBaseline, Remove, RenameBaseline, Update
from pmdesk.core.schema.tables import Requirement
from pmdesk.core.snapshot.baselines import (
    NAME_LIMIT,
    baseline_entries,
    baseline_snapshot,
    new_baseline_uid,
    suggested_name,
)
from pmdesk.core.snapshot.compare import baselines, compare
from pmdesk.core.snapshot.convert import frozen_project
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.helpers import history


@pytest.fixture
def crm(tmp_path: Path, data_dir: Path) -> Iterator[WorkingCopy]:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    yield wc
    wc.close(discard=True)


def uid_of(wc: WorkingCopy, key: str) -> str:
    with wc.store.reading() as s:
        return str(s.execute(select(Requirement.uid).where(Requirement.key == key)).scalar_one())


def names(wc: WorkingCopy) -> list[str]:
    with wc.store.engine.connect() as conn:
        return [b.name for b in baseline_entries(conn)]


def now(wc: WorkingCopy) -> object:
    with wc.store.engine.connect() as conn:
        return frozen_project(conn)


def frozen(wc: WorkingCopy, uid: str) -> object:
    with wc.store.engine.connect() as conn:
        return baseline_snapshot(conn, uid)


def create_baseline(wc: WorkingCopy, name: str) -> str:
    uid = new_baseline_uid()
    wc.apply(CreateBaseline(uid, name))
    return uid


def test_compare_with_a_new_baseline_gives_exactly_the_edits(crm: WorkingCopy) -> None:
    base = create_baseline(crm, "  v1.0   评审版 ")
    assert names(crm) == ["v1.0 评审版"]  # trimmed, blanks joined
    assert compare(frozen(crm, base), now(crm)).empty

    crm.apply(Update("requirement", uid_of(crm, "CRM-2"), {"title": "客户全景视图"}))
    crm.apply(Update("requirement", uid_of(crm, "CRM-5"), {"status": "done", "owner": "王芳"}))
    new = str(uuid.uuid4())
    crm.apply(Create("requirement", new, {"title": "微信登录"}))
    removed_key = "CRM-9"
    crm.apply(Remove((("requirement", uid_of(crm, removed_key)),)))

    result = compare(frozen(crm, base), now(crm))
    assert [(r.uid, r.title) for r in result.added] == [(new, "微信登录")]
    assert [r.key for r in result.removed] == [removed_key]
    changes = {r.key: {(f.field, f.before, f.after) for f in fs} for r, fs in result.changed}
    assert changes.pop("CRM-2") == {("title", "客户 360° 视图", "客户全景视图")}
    assert changes.pop("CRM-5") == {("status", "in_progress", "done"), ("owner", "王强", "王芳")}
    # CRM-9's links went with it: the requirements at their other ends lost a link.
    assert all({f[0] for f in fields} == {"links"} for fields in changes.values())


def test_the_baseline_stays_frozen_and_keeps_who_and_when(crm: WorkingCopy) -> None:
    base = create_baseline(crm, "v1.0 评审版")
    before = frozen(crm, base)
    assert isinstance(before, dict)
    assert "baselines" not in before and "history" not in before
    crm.apply(Update("requirement", uid_of(crm, "CRM-2"), {"title": "改过了"}))
    assert frozen(crm, base) == before
    with crm.store.engine.connect() as conn:
        (info,) = baselines(conn)
    assert info.created_by == "测试员" and len(info.created_at) == 19
    assert history(crm.store)[-2][:3] == ("baseline", "created", "测试员")


@pytest.mark.parametrize("taken", ["v1.0 评审版", "V1.0 评审版", " v1.0  评审版  ", "v1.0\t评审版"])
def test_a_name_taken_ignoring_case_and_blanks_is_refused(crm: WorkingCopy, taken: str) -> None:
    create_baseline(crm, "v1.0 评审版")
    with pytest.raises(OperationError) as caught:
        create_baseline(crm, taken)
    assert caught.value.code == "baseline.name_taken"
    assert str(caught.value) == (
        "The project already has a baseline named “v1.0 评审版”; choose another name."
    )
    assert names(crm) == ["v1.0 评审版"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", "baseline.no_name"),
        (" \t\n", "baseline.no_name"),
        ("x" * 101, "baseline.name_too_long"),
    ],
)
def test_empty_and_overlong_names_are_refused(crm: WorkingCopy, name: str, code: str) -> None:
    with pytest.raises(OperationError) as caught:
        create_baseline(crm, name)
    assert caught.value.code == code
    assert names(crm) == []
    assert NAME_LIMIT == 100


def test_undo_of_create_removes_it_and_redo_brings_back_the_same_snapshot(
    crm: WorkingCopy,
) -> None:
    uid = str(uuid.uuid4())
    applied = crm.apply(CreateBaseline(uid, "v1.0 评审版"))
    assert str(applied.label) == "Create v1.0 评审版"
    before = frozen(crm, uid)
    crm.apply(Update("requirement", uid_of(crm, "CRM-2"), {"title": "改过了"}))
    undone = crm.apply(applied.inverse)
    assert names(crm) == []
    assert [e.action for e in undone.effects] == ["removed"]
    crm.apply(undone.inverse)  # redo: the baseline as it was frozen, not the project now
    assert names(crm) == ["v1.0 评审版"]
    assert frozen(crm, uid) == before


def test_delete_and_its_undo(crm: WorkingCopy) -> None:
    first = create_baseline(crm, "v1.0 评审版")
    create_baseline(crm, "v1.1 评审版")
    kept = frozen(crm, first)
    with crm.store.engine.connect() as conn:
        created = baseline_entries(conn)[0]
    deleted = crm.apply(DeleteBaseline(first))
    assert names(crm) == ["v1.1 评审版"]
    crm.apply(deleted.inverse)
    with crm.store.engine.connect() as conn:
        assert baseline_entries(conn)[0] == created
    assert frozen(crm, first) == kept
    with pytest.raises(OperationError, match="does not exist"):
        crm.apply(DeleteBaseline("no-such-baseline"))


def test_rename_follows_the_same_rules_and_undoes(crm: WorkingCopy) -> None:
    a = create_baseline(crm, "v1.0 评审版")
    create_baseline(crm, "v1.1 评审版")
    with pytest.raises(OperationError, match=r"already has a baseline named “v1\.1 评审版”"):
        crm.apply(RenameBaseline(a, "V1.1 评审版"))
    case_only = crm.apply(RenameBaseline(a, "V1.0 评审版"))  # its own name in other case: fine
    assert names(crm) == ["V1.0 评审版", "v1.1 评审版"]
    crm.apply(case_only.inverse)
    assert names(crm) == ["v1.0 评审版", "v1.1 评审版"]
    assert crm.apply(RenameBaseline(a, " v1.0 评审版 ")).effects == ()


def test_baselines_made_in_one_second_list_in_order(crm: WorkingCopy) -> None:
    made = [f"v{n}" for n in range(12)]
    for name in made:
        create_baseline(crm, name)
    assert names(crm) == made


def test_suggested_names() -> None:
    assert suggested_name("1.0", "zh", []) == "v1.0 评审版"
    assert suggested_name("1.0", "en", []) == "v1.0 review"
    assert suggested_name("v2", "en", []) == "v2 review"
    assert suggested_name("", "zh", []) == "评审版"
    assert suggested_name("1.0", "zh", ["V1.0 评审版"]) == "v1.0 评审版 (2)"
    assert suggested_name("1.0", "zh", ["v1.0 评审版", "v1.0 评审版 (2)"]) == "v1.0 评审版 (3)"


def test_export_after_a_baseline_lists_the_changes(
    crm: WorkingCopy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create_baseline(crm, "v1.0 评审版")
    crm.apply(Update("requirement", uid_of(crm, "CRM-2"), {"title": "客户全景视图"}))
    crm.save()
    out = tmp_path / "crm.md"
    code = main(
        ["export", str(crm.target), "--format", "md", "-o", str(out), "--baseline", "V1.0 评审版"]
    )
    assert code == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "自基线「v1.0 评审版」以来的变更" in text
    assert "| CRM-2 | 标题 | 客户 360° 视图 | 客户全景视图 |" in text
    revisions = text.split("修订记录", 1)[1]
    assert "| v1.0 评审版 |" in revisions and "修改 1 项" in revisions
