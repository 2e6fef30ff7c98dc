"""Schema 5 (what a PRD states about itself): document status, confidentiality,
number and reviewers in operations, snapshots, merges, reads and older files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pmdesk.core.errors import SnapshotError
from pmdesk.core.merge.files import merge_files
from pmdesk.core.merge.report import plain_value
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from pmdesk.core.queries.setup import Reviewer
from pmdesk.core.snapshot.convert import dumps, export_snapshot, loads
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import copies, edit

DATA = Path(__file__).resolve().parent.parent / "data"
REVIEWERS = [{"role": "产品负责人", "name": "张伟"}, {"role": "QA", "name": "Li Na"}]


def snapshot_with_fields() -> str:
    return json.dumps(
        {
            "pmdesk_snapshot": 1,
            "project": {
                "title": "T",
                "doc_status": "approved",
                "confidentiality": "secret",
                "doc_number": "PRD-007",
                "reviewers": REVIEWERS,
            },
        },
        ensure_ascii=False,
    )


def export_text(path: Path) -> str:
    store = open_readonly(path)
    try:
        return dumps(export_snapshot(store))
    finally:
        store.dispose()


def test_the_new_fields_round_trip_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(snapshot_with_fields(), encoding="utf-8")
    a, b = tmp_path / "a.pmdesk", tmp_path / "b.pmdesk"
    import_snapshot_file(source, a)
    first = export_text(a)
    (tmp_path / "a.json").write_text(first, encoding="utf-8")
    import_snapshot_file(tmp_path / "a.json", b)
    assert export_text(b) == first
    project = json.loads(first)["project"]
    assert (project["doc_status"], project["confidentiality"]) == ("approved", "secret")
    assert (project["doc_number"], project["reviewers"]) == ("PRD-007", REVIEWERS)
    with Project.view(a) as opened:
        info = opened.info()
    assert info.reviewers == (Reviewer("产品负责人", "张伟"), Reviewer("QA", "Li Na"))
    assert (info.doc_status, info.confidentiality, info.doc_number) == (
        "approved",
        "secret",
        "PRD-007",
    )


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("doc_status", "final", "'final' is not one of draft, in_review, approved"),
        ("confidentiality", "top", "is not one of public, internal, confidential, secret"),
        ("reviewers", [{"name": "张伟"}], 'is not a list of {"role", "name"} objects'),
        ("reviewers", "张伟", 'is not a list of {"role", "name"} objects'),
    ],
)
def test_a_bad_value_is_refused_with_its_path(name: str, value: object, says: str) -> None:
    snap = json.loads(snapshot_with_fields())
    snap["project"][name] = value
    with pytest.raises(SnapshotError) as e:
        loads(json.dumps(snap))
    assert f"project.{name}: " in str(e.value) and says in str(e.value)


def test_old_snapshots_and_files_take_the_defaults(tmp_path: Path) -> None:
    old = json.loads((DATA / "crm-schema1.json").read_text(encoding="utf-8"))
    project = loads(json.dumps(old))["project"]
    assert (project["doc_status"], project["confidentiality"]) == ("draft", "internal")
    assert (project["doc_number"], project["reviewers"]) == ("", [])
    copy = tmp_path / "old.pmdesk"
    shutil.copy(DATA / "crm-schema3.pmdesk", copy)
    wc = WorkingCopy.open(copy, data_dir=tmp_path / "data")
    try:
        upgraded = export_snapshot(wc.store)["project"]
    finally:
        wc.close(discard=True)
    assert (upgraded["doc_status"], upgraded["confidentiality"]) == ("draft", "internal")
    assert (upgraded["doc_number"], upgraded["reviewers"]) == ("", [])


def test_the_new_fields_merge_field_by_field(tmp_path: Path) -> None:
    base = tmp_path / "base.pmdesk"
    write_sample(base, "zh")
    mine, theirs = copies(base, "mine", "theirs")
    with Project.view(base) as project:
        uid = project.info().uid
    edit(mine, "Li", Update("project", uid, {"doc_status": "in_review", "reviewers": REVIEWERS}))
    edit(theirs, "Wang", Update("project", uid, {"confidentiality": "public", "doc_number": "X"}))
    out = tmp_path / "out.pmdesk"
    _, result = merge_files(base, mine, theirs, out)
    assert result.clean, result.conflicts
    with Project.view(out) as project:
        info = project.info()
    assert (info.doc_status, info.confidentiality, info.doc_number) == ("in_review", "public", "X")
    assert [r.name for r in info.reviewers] == ["张伟", "Li Na"]
    edit(theirs, "Wang", Update("project", uid, {"doc_status": "approved"}))
    _, result = merge_files(base, mine, theirs, out)
    [conflict] = result.conflicts
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "doc_status",
        "in_review",
        "approved",
    )


def test_reviewers_read_as_roles_and_names_in_a_merge_report() -> None:
    stored = json.dumps(REVIEWERS, ensure_ascii=False)
    assert plain_value("project", "reviewers", stored, {}) == "产品负责人 张伟; QA Li Na"
    assert plain_value("project", "reviewers", "[]", {}) == "—"
