"""A copy e-mailed to a colleague comes back edited while the sender kept
working: the version both started from is found among the versions this
machine kept, and the copy merges in (real files, two users)."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError
from pmdesk.core.merge.target import prepare_copy
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Update
from pmdesk.core.ops.rows import ReplaceRows
from pmdesk.core.storage import versions
from pmdesk.core.storage.projectfile import new_project
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import by_key, edit


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    return path


def test_an_emailed_copy_edited_on_both_sides_merges_back(project: Path, tmp_path: Path) -> None:
    data = tmp_path / "li-data"
    li = WorkingCopy.open(project, data_dir=data, user="Li")
    crm3, crm4 = by_key(project)["CRM-3"]["uid"], by_key(project)["CRM-4"]["uid"]
    li.apply(Update("requirement", crm3, {"status": "review"}))
    li.save()  # the version Li e-mails
    sent = tmp_path / "mail" / "crm.pmdesk"
    sent.parent.mkdir()
    shutil.copyfile(project, sent)
    # Li keeps working and saving; Wang edits the copy and mails it back.
    li.apply(Update("requirement", crm3, {"owner": "Li"}))
    li.save()
    new = str(uuid.uuid4())
    li.apply(Create("requirement", new, {"title": "Li's new one"}))
    edit(sent, "Wang", Update("requirement", crm4, {"title": "Wang's title"}))
    edit(sent, "Wang", Create("requirement", str(uuid.uuid4()), {"title": "Wang's new one"}))

    pending = prepare_copy(li, sent)
    result = pending.result()
    assert result.clean
    assert [(n.kind, n.detail) for n in result.notes] == [("renumbered", "CRM-46")]
    li.apply(ReplaceRows(pending.changes(result)))
    li.save()
    rows = by_key(project)
    assert rows["CRM-3"]["status"] == "review" and rows["CRM-3"]["owner"] == "Li"
    assert rows["CRM-4"]["title"] == "Wang's title"
    titles = {r["title"] for r in rows.values()}
    assert {"Li's new one", "Wang's new one"} <= titles
    li.close()


def test_a_copy_of_an_unknown_version_or_another_project_is_refused(
    project: Path, tmp_path: Path
) -> None:
    li = WorkingCopy.open(project, data_dir=tmp_path / "li-data", user="Li")
    stranger = tmp_path / "other.pmdesk"
    new_project(stranger, title="Another")
    with pytest.raises(PmdeskError, match="not copies of one project"):
        prepare_copy(li, stranger)
    # An edited copy of this project, but every version this machine kept is gone.
    copy = tmp_path / "copy.pmdesk"
    shutil.copyfile(project, copy)
    edit(copy, "Wang", Update("requirement", by_key(project)["CRM-4"]["uid"], {"title": "W"}))
    shutil.rmtree(tmp_path / "li-data" / versions.VERSIONS)
    with pytest.raises(PmdeskError, match="cannot tell which version"):
        prepare_copy(li, copy)
    li.close()


def test_versions_are_kept_once_each_and_pruned(project: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    li = WorkingCopy.open(project, data_dir=data, user="Li")
    uid = next(iter(by_key(project).values()))["uid"]
    for i in range(versions.KEEP + 3):
        li.apply(Update("requirement", uid, {"title": f"v{i}"}))
        li.save()
    project_uid = versions.project_uid(project)
    kept = versions.kept(data, project_uid)
    assert len(kept) == versions.KEEP
    li.close()
    again = WorkingCopy.open(project, data_dir=data, user="Li")  # the same version again
    assert versions.kept(data, project_uid) == kept
    again.close()


def test_a_copy_merged_already_holds_nothing_new(project: Path, tmp_path: Path) -> None:
    li = WorkingCopy.open(project, data_dir=tmp_path / "li-data", user="Li")
    sent = tmp_path / "sent.pmdesk"
    shutil.copyfile(project, sent)
    edit(sent, "Wang", Update("requirement", by_key(project)["CRM-4"]["uid"], {"title": "W"}))
    pending = prepare_copy(li, sent)
    li.apply(ReplaceRows(pending.changes(pending.result())))
    with pytest.raises(PmdeskError, match="holds nothing that is not in the project"):
        prepare_copy(li, sent)  # the same copy again
    with pytest.raises(PmdeskError, match="holds nothing that is not in the project"):
        prepare_copy(li, project)  # the project's own file
    li.close()
