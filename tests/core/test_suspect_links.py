"""Suspect links (schema 8): a text edit marks the links resting on it, review
clears them, undo puts marks back, merges keep them right, old files open."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from pmdesk.core.merge.files import merge_files
from pmdesk.core.merge.review_marks import merge_marks
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.ops import Create, MarkReviewed, Update
from pmdesk.core.project import Project
from pmdesk.core.schema.tables import Link
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.sqlite_files import connect
from tests.core.merge_helpers import by_key, copies, edit
from tests.core.test_schema4 import export_text

DATA = Path(__file__).resolve().parent.parent / "data"


def marks(path: Path) -> dict[tuple[str, str, str], tuple[str | None, str | None]]:
    """(from key, type, to key) → (suspect_at, reviewed_at), read from the file."""
    keys = {r["uid"]: r["key"] for r in by_key(path).values()}
    engine = connect(path, readonly=True)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(Link.from_uid, Link.type, Link.to_uid, Link.suspect_at, Link.reviewed_at)
            ).all()
    finally:
        engine.dispose()
    return {(keys[a], t, keys[b]): (s, r) for a, t, b, s, r in rows}


def suspect(path: Path) -> set[tuple[str, str, str]]:
    return {k for k, (at, _) in marks(path).items() if at is not None}


def link_uid(path: Path, source: str, kind: str, target: str) -> str:
    reqs = by_key(path)
    engine = connect(path, readonly=True)
    try:
        with engine.connect() as conn:
            return str(
                conn.execute(
                    select(Link.uid).where(
                        Link.from_uid == reqs[source]["uid"],
                        Link.to_uid == reqs[target]["uid"],
                        Link.type == kind,
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The bundled sample as schema 7 wrote it: CRM-7 and CRM-8 depend on CRM-6."""
    path = tmp_path / "plan.pmdesk"
    shutil.copy(DATA / "crm-schema7.pmdesk", path)
    return path


def test_a_schema7_file_opens_with_no_link_suspect_and_saves_as_schema8(sample: Path) -> None:
    assert read_header(sample).schema_version == 7
    project = Project.open(sample, data_dir=sample.parent / "data")
    try:
        assert project.suspect_links() == []
        project.save()
    finally:
        project.close()
    assert read_header(sample).schema_version == SCHEMA_VERSION
    assert check(sample) == []
    assert suspect(sample) == set() and len(marks(sample)) == 12


def test_a_text_edit_marks_depending_links_and_undo_clears_them(sample: Path) -> None:
    target = by_key(sample)["CRM-6"]["uid"]
    project = Project.open(sample, data_dir=sample.parent / "data")
    try:
        # Status is not text: nothing to review.
        project.apply(Update("requirement", target, {"status": "approved"}))
        assert project.suspect_links() == []
        edited = project.apply(Update("requirement", target, {"acceptance": ["Warn in 1 s"]}))
        assert str(edited.label) == "Edit CRM-6"
        assert {(s.from_key, s.type, s.to_key) for s in project.suspect_links()} == {
            ("CRM-7", "depends_on", "CRM-6"),
            ("CRM-8", "depends_on", "CRM-6"),
        }
        uids = {by_key(sample)[k]["uid"] for k in ("CRM-6", "CRM-7", "CRM-8")}
        assert project.suspect_requirements() == uids
        shown = {link.other_key: link.suspect_at for link in project.links_of(target)}
        assert shown["CRM-7"] is not None
        project.apply(edited.inverse)  # undo: the text and the marks go back
        assert project.suspect_links() == []
        project.apply(Update("requirement", target, {"title": "Duplicate check, 1 s"}))
        project.save()
    finally:
        project.close()
    assert suspect(sample) == {("CRM-7", "depends_on", "CRM-6"), ("CRM-8", "depends_on", "CRM-6")}
    # Links out of the edited one, and links of other types into it, stay as they were.
    assert ("CRM-39", "blocks", "CRM-35") not in suspect(sample)


def test_mark_reviewed_clears_one_link_is_in_the_history_and_undoes(sample: Path) -> None:
    target = by_key(sample)["CRM-6"]["uid"]
    project = Project.open(sample, data_dir=sample.parent / "data")
    try:
        project.apply(Update("requirement", target, {"description": "Checks as you type."}))
        link = next(ln.uid for ln in project.links_of(target) if ln.other_key == "CRM-7")
        reviewed = project.apply(MarkReviewed((link,)))
        assert str(reviewed.label) == "Mark link CRM-7 → CRM-6 reviewed"
        assert {s.from_key for s in project.suspect_links()} == {"CRM-8"}
        project.apply(reviewed.inverse)
        assert {s.from_key for s in project.suspect_links()} == {"CRM-7", "CRM-8"}
        project.apply(MarkReviewed((link,)))
        told = [(c.field, c.old, c.new) for c in project.history(by_key(sample)["CRM-7"]["uid"])]
        project.save()
    finally:
        project.close()
    # Newest first: reviewed, unreviewed (undo), reviewed, marked by the edit.
    assert told[:4] == [
        ("links", "depends_on (needs review)", "depends_on (reviewed)"),
        ("links", "depends_on (reviewed)", "depends_on (needs review)"),
        ("links", "depends_on (needs review)", "depends_on (reviewed)"),
        ("links", "depends_on (reviewed)", "depends_on (needs review)"),
    ]
    state = marks(sample)
    assert state[("CRM-7", "depends_on", "CRM-6")][0] is None
    assert state[("CRM-7", "depends_on", "CRM-6")][1] is not None
    assert state[("CRM-8", "depends_on", "CRM-6")][0] is not None


def upgraded(path: Path) -> Path:
    """The file opened and saved once by this pmdesk (schema 8), for direct edits."""
    project = Project.open(path, data_dir=path.parent / "data")
    try:
        project.save()
    finally:
        project.close()
    return path


def test_the_review_marks_round_trip_through_the_snapshot(sample: Path, tmp_path: Path) -> None:
    upgraded(sample)
    target = by_key(sample)["CRM-6"]["uid"]
    edit(sample, "Ann", Update("requirement", target, {"title": "Dedupe"}))
    edit(sample, "Ann", MarkReviewed((link_uid(sample, "CRM-7", "depends_on", "CRM-6"),)))
    text = export_text(sample)
    listed = {(ln["from"], ln["to"]): ln for ln in json.loads(text)["links"]}
    crm = by_key(sample)
    into = listed[(crm["CRM-8"]["uid"], target)]
    assert "suspect_at" in into and "reviewed_at" not in into
    assert "suspect_at" not in listed[(crm["CRM-7"]["uid"], target)]
    (tmp_path / "s.json").write_text(text, encoding="utf-8")
    again = tmp_path / "again.pmdesk"
    import_snapshot_file(tmp_path / "s.json", again)
    assert marks(again) == marks(sample)


@pytest.mark.parametrize(
    ("mine", "theirs", "merged"),
    [
        # My later edit after their review: still suspect.
        (
            {"suspect_at": "T3", "reviewed_at": None},
            {"suspect_at": None, "reviewed_at": "T2"},
            "T3",
        ),
        # Their review after my edit: reviewed.
        (
            {"suspect_at": "T1", "reviewed_at": None},
            {"suspect_at": None, "reviewed_at": "T2"},
            None,
        ),
        # Both edited: the newer change.
        (
            {"suspect_at": "T1", "reviewed_at": None},
            {"suspect_at": "T2", "reviewed_at": None},
            "T2",
        ),
        # A review at the same instant as a change does not cover it.
        (
            {"suspect_at": "T2", "reviewed_at": None},
            {"suspect_at": None, "reviewed_at": "T2"},
            "T2",
        ),
    ],
)
def test_the_merge_rule_for_review_marks(
    mine: dict[str, str | None], theirs: dict[str, str | None], merged: str | None
) -> None:
    assert merge_marks(mine, theirs)["suspect_at"] == merged
    assert merge_marks(theirs, mine)["suspect_at"] == merged


def test_my_edit_and_a_colleagues_review_merge_without_a_question(sample: Path) -> None:
    upgraded(sample)
    target = by_key(sample)["CRM-6"]["uid"]
    edit(sample, "Ann", Update("requirement", target, {"title": "Dedupe"}))  # both suspect
    mine, theirs = copies(sample, "mine", "theirs")
    crm7 = link_uid(sample, "CRM-7", "depends_on", "CRM-6")
    crm8 = link_uid(sample, "CRM-8", "depends_on", "CRM-6")
    # They review both links; I review CRM-8's and then (later) edit the text again.
    edit(theirs, "Bob", MarkReviewed((crm7, crm8)))
    edit(mine, "Ann", MarkReviewed((crm8,)))
    with_later_edit = by_key(mine)["CRM-6"]["uid"]
    _wait_a_second()
    edit(mine, "Ann", Update("requirement", with_later_edit, {"description": "Within 1 s."}))
    out = sample.with_name("out.pmdesk")
    _, result = merge_files(sample, mine, theirs, out)
    assert result.conflicts == []
    assert suspect(out) == {("CRM-7", "depends_on", "CRM-6"), ("CRM-8", "depends_on", "CRM-6")}
    # Without my later edit their review stands.
    mine2, theirs2 = copies(sample, "mine2", "theirs2")
    edit(theirs2, "Bob", MarkReviewed((crm7,)))
    edit(mine2, "Ann", MarkReviewed((crm8,)))
    out2 = sample.with_name("out2.pmdesk")
    _, result2 = merge_files(sample, mine2, theirs2, out2)
    assert result2.conflicts == [] and suspect(out2) == set()


def _wait_a_second() -> None:
    """Stamps are to the second: a later edit needs a later second."""
    import time

    start = int(time.time())
    while int(time.time()) == start:
        time.sleep(0.05)


def test_impact_and_the_coverage_problems(sample: Path) -> None:
    upgraded(sample)
    crm = by_key(sample)

    def uid(key: str) -> str:
        return str(crm[key]["uid"])

    # CRM-11 ← CRM-13 ← CRM-16, CRM-25 (depends on); then a cycle CRM-11 → CRM-25.
    edit(
        sample,
        "Ann",
        Create("link", str(uuid.uuid4()), {"from": uid("CRM-11"), "to": uid("CRM-25")}),
        Update("requirement", uid("CRM-6"), {"status": "rejected"}),
        Update("requirement", uid("CRM-9"), {"owner": ""}),
    )
    with Project.view(sample) as project:
        assert [(i.key, i.depth, i.via) for i in project.impact(uid("CRM-11"))] == [
            ("CRM-13", 1, "CRM-11"),
            ("CRM-16", 2, "CRM-13"),
            ("CRM-25", 2, "CRM-13"),
        ]
        found = project.problems()
    cycles = [p.others for p in found if p.code == "dependency_cycle"]
    assert cycles == [("CRM-11", "CRM-13", "CRM-25")]
    rejected = [(p.key, p.others) for p in found if p.code == "link_to_rejected"]
    assert rejected == [("CRM-7", ("CRM-6",)), ("CRM-8", ("CRM-6",))]
    assert ("no_owner", "CRM-9") in {(p.code, p.key) for p in found}
    # A rejected requirement needs no owner or release any more.
    assert not {p.key for p in found if p.code in ("no_owner", "no_release")} & {"CRM-6"}


def test_the_prd_says_which_links_need_review(sample: Path, tmp_path: Path) -> None:
    from pmdesk.cli import main

    upgraded(sample)
    edit(sample, "Ann", Update("requirement", by_key(sample)["CRM-6"]["uid"], {"title": "Dedupe"}))
    out = tmp_path / "prd.md"
    assert main(["export", str(sample), "--format", "md", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("（需复核）") + text.count(" (needs review)") == 4  # both ends of 2 links
