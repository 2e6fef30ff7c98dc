"""Requirement keys are never handed out twice in a file's life (schema 9's counter).

Keys are quoted in documents, e-mails, tickets and the PRD: a key that once named
a requirement must never come to name another one, whether the requirement was
deleted, its creation undone, or a colleague created one offline meanwhile.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from pmdesk.core.merge.files import merge_files
from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Applied, Create, Remove, RenumberKeys
from pmdesk.core.ops.rows import ReplaceRows
from pmdesk.core.project import Project
from pmdesk.core.snapshot.convert import dumps, export_snapshot
from pmdesk.core.storage.projectfile import check, open_readonly
from tests.core.merge_helpers import by_key, copies, edit, requirements

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "crm.pmdesk"
    write_sample(path, "en")
    return path


def open_as(path: Path, user: str, tmp_path: Path) -> Project:
    return Project.open(path, data_dir=tmp_path / user, user=user, access="edit_anyway")


def new(title: str) -> Create:
    return Create("requirement", str(uuid.uuid4()), {"title": title})


def newest(path: Path) -> tuple[int, str]:
    rows = requirements(path).values()
    top = max(rows, key=lambda r: r["number"])
    return top["number"], top["uid"]


def counter(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT next_number FROM project").fetchone()[0])
    finally:
        conn.close()


def test_deleting_the_newest_and_creating_gives_a_new_number(shared: Path, tmp_path: Path) -> None:
    number, uid = newest(shared)
    project = open_as(shared, "Li", tmp_path)
    project.apply(Remove((("requirement", uid),)))
    project.save()
    project.close()

    again = open_as(shared, "Li", tmp_path)  # the file reopened from disk
    created = new("Another idea")
    again.apply(created)
    again.save()
    again.close()
    keys = {r["uid"]: r["key"] for r in requirements(shared).values()}
    assert keys[created.uid] == f"CRM-{number + 1}"  # not CRM-{number}: that was the other's
    assert f"CRM-{number}" not in keys.values()
    assert counter(shared) == number + 2


def test_undo_and_redo_of_a_create_keep_its_key_and_give_no_number_back(
    shared: Path, tmp_path: Path
) -> None:
    number, _ = newest(shared)
    project = open_as(shared, "Li", tmp_path)
    first = new("First")
    created = project.apply(first)
    undone = project.apply(created.inverse)  # Edit ▸ Undo
    assert project.requirement(first.uid) is None
    project.apply(undone.inverse)  # Edit ▸ Redo: the same requirement, the same key
    detail = project.requirement(first.uid)
    assert detail is not None and detail.key == f"CRM-{number + 1}"
    project.apply(created.inverse)  # undone again, then something else created
    second = new("Second")
    project.apply(second)
    project.save()
    project.close()
    keys = {r["uid"]: r["key"] for r in requirements(shared).values()}
    assert first.uid not in keys
    assert keys[second.uid] == f"CRM-{number + 2}"  # the undone one's number stays spent


def test_two_colleagues_creating_offline_get_distinct_keys_and_lose_nothing(
    shared: Path, tmp_path: Path
) -> None:
    number, _ = newest(shared)
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    theirs, ours, ours_too = new("Wang's idea"), new("Li's idea"), new("Li's second idea")
    wang.apply(theirs)
    wang.save()
    li.apply(ours)
    li.apply(ours_too)
    assert li.requirement(ours.uid).key == f"CRM-{number + 1}"  # type: ignore[union-attr]
    saved = li.save()  # merges Wang's save first
    assert saved.saved and saved.merged is not None and saved.merged.result is not None
    notes = [(n.kind, n.detail, n.label) for n in saved.merged.result.notes]
    # Only the number both gave out moves: Wang never gave out Li's second one.
    assert notes == [("renumbered", f"CRM-{number + 1}", f"CRM-{number + 3}")]
    keys = {r["uid"]: r["key"] for r in requirements(shared).values()}
    assert keys[theirs.uid] == f"CRM-{number + 1}"  # published first: it keeps its key
    assert keys[ours.uid] == f"CRM-{number + 3}"
    assert keys[ours_too.uid] == f"CRM-{number + 2}"
    assert len(set(keys.values())) == len(keys)
    assert check(shared) == []
    # The history says why Li's requirement has another key now.
    changes = [(c.field, c.old, c.new, c.by) for c in li.history(ours.uid)]
    assert ("key", f"CRM-{number + 1}", f"CRM-{number + 3}", "Li") in changes
    li.close()
    # Wang goes on numbering after everyone's.
    wang.merge_saved()
    later = new("Wang's later idea")
    wang.apply(later)
    assert wang.requirement(later.uid).key == f"CRM-{number + 4}"  # type: ignore[union-attr]
    wang.close(discard=True)


def test_a_number_a_colleague_gave_out_and_deleted_is_not_given_again(
    shared: Path, tmp_path: Path
) -> None:
    """Wang created CRM-N, mailed it around and deleted it; Li, offline, created
    one too: it must not take CRM-N, which people have seen naming Wang's."""
    number, _ = newest(shared)
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    gone = new("Wang's dropped idea")
    wang.apply(gone)
    wang.apply(Remove((("requirement", gone.uid),)))
    wang.save()
    wang.close()
    ours = new("Li's idea")
    li.apply(ours)
    li.save()
    li.close()
    keys = {r["uid"]: r["key"] for r in requirements(shared).values()}
    assert keys[ours.uid] == f"CRM-{number + 2}"
    assert counter(shared) == number + 3


def test_pmdesk_merge_of_offline_copies_keeps_every_requirement(shared: Path) -> None:
    number, _ = newest(shared)
    mine, theirs = copies(shared, "mine", "theirs")
    a, b, c = new("A"), new("B"), new("C")
    edit(mine, "Li", a, b)
    edit(theirs, "Wang", c)
    out = shared.with_name("out.pmdesk")
    _, result = merge_files(shared, mine, theirs, out)
    assert result.clean
    keys = {r["uid"]: r["key"] for r in requirements(out).values()}
    assert {keys[a.uid], keys[b.uid], keys[c.uid]} == {f"CRM-{number + n}" for n in (1, 2, 3)}
    assert keys[c.uid] == f"CRM-{number + 1}"
    assert counter(out) == number + 4
    assert len(keys) == len(requirements(shared)) + 3


def test_undoing_a_merge_gives_no_number_back(shared: Path, tmp_path: Path) -> None:
    number, _ = newest(shared)
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    wang.apply(new("Wang's idea"))
    wang.save()
    wang.close()
    applied: list[Applied] = []

    def record(op: ReplaceRows, people: tuple[str, ...]) -> bool:
        applied.append(li.apply(op))  # as the window pushes it: one undo step
        return True

    li.merge_saved(record=record)
    created = new("Li's idea")
    li.apply(created)
    li.apply(Remove((("requirement", created.uid),)))
    li.apply(applied[0].inverse)  # the merge undone after a create came and went
    again = new("Li's next idea")
    li.apply(again)
    detail = li.requirement(again.uid)
    assert detail is not None and detail.key == f"CRM-{number + 3}"
    li.close(discard=True)


def test_old_files_continue_after_every_number_they_ever_used(tmp_path: Path) -> None:
    for old in sorted(DATA.glob("*-schema*.pmdesk")):
        copy = tmp_path / old.name
        shutil.copy(old, copy)
        conn = sqlite3.connect(copy)
        try:
            highest = conn.execute("SELECT MAX(number) FROM requirement").fetchone()[0]
        finally:
            conn.close()
        project = Project.open(copy, data_dir=tmp_path / "data", user="Li")
        created = new("After the upgrade")
        project.apply(created)
        detail = project.requirement(created.uid)
        assert detail is not None, old.name
        assert detail.key == f"CRM-{highest + 1}", old.name
        project.close(discard=True)


def test_an_old_file_skips_the_numbers_of_requirements_deleted_before_the_upgrade(
    tmp_path: Path,
) -> None:
    """A schema-7 file whose history shows CRM-46 deleted and CRM-50 renamed
    away (by the older pmdesk that wrote it) continues at CRM-51."""
    copy = tmp_path / "old.pmdesk"
    shutil.copy(DATA / "crm-schema7.pmdesk", copy)
    conn = sqlite3.connect(copy)
    try:
        base = (
            "INSERT INTO history"
            " (uid, batch, at, by, operation, entity, entity_uid, field, old, new) "
        )
        rows = [
            ("deleted", json.dumps({"key": "CRM-46", "title": "Gone"}), None),
            ("created", None, json.dumps({"key": "CRM-46", "title": "Gone"})),
            ("key", json.dumps("REQ-50"), json.dumps("CRM-50")),
            ("title", json.dumps("CRM-99 in a title"), json.dumps("no key")),
            ("created", None, "{not JSON"),  # a damaged row stops nothing
        ]
        for field, old, new_value in rows:
            conn.execute(
                base + "VALUES (?, ?, '2026-11-30T10:00:00', 'Old', '', 'requirement', ?, ?, ?, ?)",
                (str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4()), field, old, new_value),
            )
        conn.commit()
    finally:
        conn.close()
    project = Project.open(copy, data_dir=tmp_path / "data", user="Li")
    created = new("After the upgrade")
    project.apply(created)
    detail = project.requirement(created.uid)
    assert detail is not None and detail.key == "CRM-51"
    project.close(discard=True)


def test_the_counter_goes_through_a_snapshot_and_back(shared: Path, tmp_path: Path) -> None:
    number, uid = newest(shared)
    store = open_readonly(shared)
    try:
        plain = export_snapshot(store)
    finally:
        store.dispose()
    assert "next_number" not in plain["project"]  # at its default: older snapshots' bytes

    edit(shared, "Li", Remove((("requirement", uid),)))
    store = open_readonly(shared)
    try:
        snapshot = export_snapshot(store)
    finally:
        store.dispose()
    assert snapshot["project"]["next_number"] == number + 1
    text = tmp_path / "crm.json"
    text.write_text(dumps(snapshot), encoding="utf-8")
    copy = tmp_path / "copy.pmdesk"
    import_snapshot_file(text, copy)
    assert counter(copy) == number + 1
    store = open_readonly(copy)
    try:
        assert dumps(export_snapshot(store)) == dumps(snapshot)
    finally:
        store.dispose()
    created = new("In the copy")
    edit(copy, "Li", created)
    assert requirements(copy)[created.uid]["key"] == f"CRM-{number + 1}"

    # A snapshot without the counter (an older one) continues after its numbers;
    # a requirement without a key in it is numbered from the counter.
    del snapshot["project"]["next_number"]
    snapshot["requirements"].append({"title": "No key yet"})
    text.write_text(dumps(snapshot), encoding="utf-8")
    older = tmp_path / "older.pmdesk"
    import_snapshot_file(text, older)
    assert by_key(older)[f"CRM-{number}"]["title"] == "No key yet"
    snapshot["project"]["next_number"] = number + 10
    text.write_text(dumps(snapshot), encoding="utf-8")
    counted = tmp_path / "counted.pmdesk"
    import_snapshot_file(text, counted)
    assert by_key(counted)[f"CRM-{number + 10}"]["title"] == "No key yet"
    assert counter(counted) == number + 11


def test_a_bad_counter_in_a_snapshot_is_refused_with_its_path(shared: Path, tmp_path: Path) -> None:
    store = open_readonly(shared)
    try:
        snapshot = export_snapshot(store)
    finally:
        store.dispose()
    snapshot["project"]["next_number"] = "many"
    text = tmp_path / "bad.json"
    text.write_text(json.dumps(snapshot), encoding="utf-8")
    with pytest.raises(Exception, match=re.escape("project.next_number")):
        import_snapshot_file(text, tmp_path / "bad.pmdesk")


def test_a_new_prefix_gives_clashing_numbers_fresh_ones(shared: Path) -> None:
    number, uid = newest(shared)
    edit(shared, "Li", Remove((("requirement", uid),)))
    conn = sqlite3.connect(shared)
    try:  # an import of mixed prefixes: JIRA-3 beside CRM-3
        other = next(r for r in requirements(shared).values() if r["number"] == 2)
        crm3 = by_key(shared)["CRM-3"]["uid"]
        conn.execute(
            "UPDATE requirement SET key = 'JIRA-3', number = 3 WHERE uid = ?", (other["uid"],)
        )
        conn.commit()
    finally:
        conn.close()
    edit(shared, "Li", RenumberKeys("CRM"))
    keys = {r["uid"]: r["key"] for r in requirements(shared).values()}
    pair = {other["uid"], crm3}
    assert sorted(keys[u] for u in pair) == ["CRM-3", f"CRM-{number + 1}"]  # not the deleted's
