"""The core `Project`, end to end on real files: open, edit, read, save (merging
a colleague's save, conflicts settled by the caller's resolver), save as, merge
a copy, baselines, close and reopen. Each person has their own data folder, as
on two laptops; the project file is the one both see."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError, PmdeskError
from pmdesk.core.merge.files import PendingMerge
from pmdesk.core.merge.three_way import MergeResult
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from pmdesk.core.project_save import settle_for
from pmdesk.core.storage.lockfile import read_lock
from pmdesk.core.storage.projectfile import check, new_project
from pmdesk.core.storage.workingcopy import find_recoverable
from tests.core.merge_helpers import by_key


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "crm.pmdesk"
    write_sample(path, "en")
    return path


def open_as(path: Path, user: str, tmp_path: Path, **kwargs: object) -> Project:
    kwargs.setdefault("access", "edit_anyway")
    return Project.open(path, data_dir=tmp_path / user, user=user, **kwargs)  # type: ignore[arg-type]


def uid_of(path: Path, key: str) -> str:
    return str(by_key(path)[key]["uid"])


def test_open_edit_save_close_and_read_back(shared: Path, tmp_path: Path) -> None:
    project = Project.open(shared, data_dir=tmp_path / "li", user="Li")
    assert project.path == shared.resolve()
    assert project.name == "crm.pmdesk"
    assert not project.read_only
    assert read_lock(shared) is not None  # the lock says who edits it
    uid = uid_of(shared, "CRM-3")
    applied = project.apply(Update("requirement", uid, {"title": "Renamed"}))
    assert applied.effects
    assert project.dirty and project.unsaved_edits() == 1
    detail = project.requirement(uid)
    assert detail is not None and detail.values["title"] == "Renamed"
    assert by_key(shared)["CRM-3"]["title"] != "Renamed"  # not published yet
    saved = project.save()
    assert saved.saved and saved.merged is None and not saved.notices
    assert not project.dirty
    project.close()
    assert read_lock(shared) is None

    again = Project.open(shared, data_dir=tmp_path / "li", user="Li")
    try:
        detail = again.requirement(uid)
        assert detail is not None and detail.values["title"] == "Renamed"
        rows = again.tree_rows()
        assert any(row[0] == uid and row[3] == "Renamed" for row in rows)
        assert again.history(uid)[0].by == "Li"
        assert again.info().key_prefix == "CRM"
        assert again.counts().requirements == len(rows)
    finally:
        again.close()


def test_read_only_refuses_every_edit_and_every_save(shared: Path, tmp_path: Path) -> None:
    before = shared.read_bytes()
    project = open_as(shared, "li", tmp_path, access="read_only")
    try:
        assert project.read_only
        uid = uid_of(shared, "CRM-3")
        with pytest.raises(OperationError) as refused:
            project.apply(Update("requirement", uid, {"title": "No"}))
        assert refused.value.code == "edit.read_only"
        with pytest.raises(OperationError):
            project.create_baseline("v1")
        with pytest.raises(OperationError):
            project.save()
        detail = project.requirement(uid)
        assert detail is not None and detail.values["title"] != "No"
    finally:
        project.close()
    assert shared.read_bytes() == before


def test_read_only_takes_in_a_newer_version_without_saving(shared: Path, tmp_path: Path) -> None:
    viewer = open_as(shared, "li", tmp_path, access="read_only")
    wang = open_as(shared, "wang", tmp_path)
    uid = uid_of(shared, "CRM-4")
    wang.apply(Update("requirement", uid, {"status": "review"}))
    wang.save()
    published = shared.read_bytes()
    merged = viewer.merge_saved()
    assert merged.result is not None and not merged.older
    detail = viewer.requirement(uid)
    assert detail is not None and detail.values["status"] == "review"
    viewer.close()
    wang.close()
    assert shared.read_bytes() == published


def test_save_merges_a_colleagues_save_first(shared: Path, tmp_path: Path) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    crm3, crm4 = uid_of(shared, "CRM-3"), uid_of(shared, "CRM-4")
    wang.apply(Update("requirement", crm4, {"status": "review"}))
    wang.save()
    li.apply(Update("requirement", crm3, {"title": "Li's title"}))
    asked: list[MergeResult] = []

    def resolve(pending: PendingMerge, result: MergeResult) -> MergeResult | None:
        asked.append(result)
        return None

    saved = li.save(resolve=resolve)
    assert saved.saved
    assert not asked  # nothing to settle: the resolver is not asked
    assert saved.merged is not None and saved.merged.result is not None
    assert saved.merged.people == ("Wang",)
    rows = by_key(shared)
    assert rows["CRM-3"]["title"] == "Li's title"
    assert rows["CRM-4"]["status"] == "review"
    assert check(shared) == []
    li.close()
    wang.close()


def test_a_conflict_goes_to_the_resolver_and_its_answer_is_saved(
    shared: Path, tmp_path: Path
) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    uid = uid_of(shared, "CRM-3")
    wang.apply(Update("requirement", uid, {"title": "Wang's"}))
    wang.save()
    li.apply(Update("requirement", uid, {"title": "Li's"}))

    with pytest.raises(PmdeskError) as refused:  # the default resolver settles nothing
        li.save()
    assert refused.value.code == "merge.conflicts"
    assert by_key(shared)["CRM-3"]["title"] == "Wang's"

    asked: list[MergeResult] = []

    def cancel(pending: PendingMerge, result: MergeResult) -> MergeResult | None:
        asked.append(result)
        return None

    saved = li.save(resolve=cancel)
    assert not saved.saved and saved.merged is not None and saved.merged.cancelled
    assert len(asked) == 1 and asked[0].conflicts
    assert by_key(shared)["CRM-3"]["title"] == "Wang's"  # nothing saved
    detail = li.requirement(uid)
    assert detail is not None and detail.values["title"] == "Li's"  # nothing merged

    def theirs(pending: PendingMerge, result: MergeResult) -> MergeResult | None:
        asked.append(result)
        return pending.result(prefer="theirs")

    saved = li.save(resolve=theirs)
    assert saved.saved and len(asked) == 2
    assert by_key(shared)["CRM-3"]["title"] == "Wang's"
    detail = li.requirement(uid)
    assert detail is not None and detail.values["title"] == "Wang's"

    # Mine, settled by the command line's resolver.
    wang.apply(Update("requirement", uid, {"title": "Wang again"}))
    wang.save(resolve=settle_for("mine"))
    li.apply(Update("requirement", uid, {"title": "Li again"}))
    assert li.save(resolve=settle_for("mine")).saved
    assert by_key(shared)["CRM-3"]["title"] == "Li again"
    assert check(shared) == []
    li.close()
    wang.close()


def test_a_resolver_that_leaves_conflicts_is_refused(shared: Path, tmp_path: Path) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    uid = uid_of(shared, "CRM-3")
    wang.apply(Update("requirement", uid, {"title": "Wang's"}))
    wang.save()
    li.apply(Update("requirement", uid, {"title": "Li's"}))
    with pytest.raises(PmdeskError) as refused:  # never guess what was left open
        li.save(resolve=lambda pending, result: result)
    assert refused.value.code == "merge.conflicts"
    detail = li.requirement(uid)
    assert detail is not None and detail.values["title"] == "Li's"
    li.close()
    wang.close()


def test_save_as_continues_on_the_new_file(shared: Path, tmp_path: Path) -> None:
    project = open_as(shared, "li", tmp_path, access="read_only")
    copy = tmp_path / "mine.pmdesk"
    project.save_as(copy)  # a read-only project becomes an editable copy
    assert project.path == copy.resolve() and not project.read_only
    uid = uid_of(copy, "CRM-3")
    project.apply(Update("requirement", uid, {"title": "In the copy"}))
    project.save()
    project.close()
    assert by_key(copy)["CRM-3"]["title"] == "In the copy"
    assert by_key(shared)["CRM-3"]["title"] != "In the copy"


def test_merge_copy_brings_in_what_was_done_elsewhere(shared: Path, tmp_path: Path) -> None:
    project = open_as(shared, "Li", tmp_path)
    sent = tmp_path / "sent.pmdesk"
    shutil.copyfile(shared, sent)
    uid = uid_of(shared, "CRM-5")
    elsewhere = open_as(sent, "Zhao", tmp_path)
    elsewhere.apply(Update("requirement", uid, {"owner": "Zhao"}))
    elsewhere.save()
    elsewhere.close()
    merged = project.merge_copy(sent)
    assert merged.result is not None and merged.people == ("Zhao",)
    detail = project.requirement(uid)
    assert detail is not None and detail.values["owner"] == "Zhao"
    assert by_key(shared)["CRM-5"]["owner"] != "Zhao"  # the file changes with Save
    project.save()
    project.close()
    assert by_key(shared)["CRM-5"]["owner"] == "Zhao"
    reopened = open_as(shared, "Li", tmp_path)
    try:
        with pytest.raises(PmdeskError) as again:
            reopened.merge_copy(sent)
    finally:
        reopened.close()
    assert again.value.code == "merge.nothing_new"


def test_close_keeps_unsaved_work_for_recovery_unless_discarded(
    shared: Path, tmp_path: Path
) -> None:
    uid = uid_of(shared, "CRM-3")
    project = open_as(shared, "li", tmp_path)
    project.apply(Update("requirement", uid, {"title": "Unsaved"}))
    project.close()
    found = find_recoverable(tmp_path / "li")
    assert [item.unsaved_edits for item in found] == [1]
    recovered = Project.recover(found[0], user="li")
    detail = recovered.requirement(uid)
    assert detail is not None and detail.values["title"] == "Unsaved"
    recovered.close(discard=True)
    assert find_recoverable(tmp_path / "li") == []
    assert by_key(shared)["CRM-3"]["title"] != "Unsaved"


def test_set_user_names_who_made_the_next_edits(shared: Path, tmp_path: Path) -> None:
    project = open_as(shared, "li", tmp_path)
    uid = uid_of(shared, "CRM-3")
    project.set_user("李雷")
    assert project.user == "李雷"
    project.apply(Update("requirement", uid, {"title": "By Li Lei"}))
    assert project.history(uid)[0].by == "李雷"
    assert "李雷" in project.people()
    project.close(discard=True)


def test_baselines_create_compare_rename_delete(shared: Path, tmp_path: Path) -> None:
    project = open_as(shared, "li", tmp_path)
    uid = uid_of(shared, "CRM-3")
    created = project.create_baseline("v1 review")
    entries = project.baselines()
    assert [e.name for e in entries] == ["v1 review"]
    assert created.label.subject == "v1 review"
    comparison = project.compare_baseline(entries[0].uid)
    assert comparison is not None and comparison.empty
    project.apply(Update("requirement", uid, {"title": "After the baseline"}))
    comparison = project.compare_baseline(entries[0].uid)
    assert comparison is not None and [s.key for s, _ in comparison.changed] == ["CRM-3"]
    project.rename_baseline(entries[0].uid, "v1")
    assert [e.name for e in project.baselines()] == ["v1"]
    project.delete_baseline(entries[0].uid)
    assert project.baselines() == []
    assert project.compare_baseline(entries[0].uid) is None
    project.close(discard=True)


def test_what_the_project_file_has_become(shared: Path, tmp_path: Path) -> None:
    project = open_as(shared, "li", tmp_path)
    old = tmp_path / "old.pmdesk"
    shutil.copyfile(shared, old)
    project.apply(Update("requirement", uid_of(shared, "CRM-3"), {"title": "Newer"}))
    project.save()
    assert not project.file_changed()
    assert not project.file_is_older_copy()
    assert project.file_replaced_by_stranger() is None
    shutil.copyfile(old, shared)  # a sync tool puts the older version back
    assert project.file_changed() and project.file_is_older_copy()
    assert project.file_replaced_by_stranger() is None
    shared.write_bytes(b"not a project")
    assert project.file_replaced_by_stranger() == "not_project"
    new_project(tmp_path / "other.pmdesk")  # a project of its own (the sample's uid is fixed)
    shutil.copyfile(tmp_path / "other.pmdesk", shared)
    assert project.file_replaced_by_stranger() == "other_project"
    project.close()
