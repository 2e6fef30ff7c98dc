"""Real sharing scenarios: two people, one project file in one shared folder.

Each person has their own pmdesk data folder (their own working copies), as on
two laptops; the project file is the one both see. Every case ends in a file
holding both people's work, or in a clear refusal that changes nothing.
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Update
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import by_key, edit, requirements


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "crm.pmdesk"
    write_sample(path, "en")
    return path


def open_as(target: Path, user: str, tmp_path: Path) -> WorkingCopy:
    """`user` opens the shared file on their own machine (own data folder)."""
    return WorkingCopy.open(target, data_dir=tmp_path / user, user=user, access="edit_anyway")


def uid(path: Path, key: str) -> str:
    return str(by_key(path)[key]["uid"])


def test_one_saves_while_the_other_has_it_open(shared: Path, tmp_path: Path) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    crm3, crm4 = uid(shared, "CRM-3"), uid(shared, "CRM-4")
    wang.apply(Update("requirement", crm4, {"status": "review"}))
    save_merging(wang)
    li.apply(Update("requirement", crm3, {"title": "Li's title"}))
    result = save_merging(li)
    assert result is not None and result.clean
    rows = by_key(shared)
    assert rows["CRM-3"]["title"] == "Li's title"
    assert rows["CRM-4"]["status"] == "review"
    assert check(shared) == []
    # Wang saves again later: Li's change is merged into Wang's copy, not lost.
    wang.apply(Update("requirement", crm4, {"owner": "Wang"}))
    save_merging(wang)
    rows = by_key(shared)
    assert (rows["CRM-3"]["title"], rows["CRM-4"]["owner"]) == ("Li's title", "Wang")
    for wc in (li, wang):
        wc.close()


def test_both_save_at_nearly_the_same_moment(shared: Path, tmp_path: Path) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    new_li, new_wang = str(uuid.uuid4()), str(uuid.uuid4())
    li.apply(Create("requirement", new_li, {"title": "From Li"}))
    wang.apply(Create("requirement", new_wang, {"title": "From Wang"}))
    errors: list[BaseException] = []

    def save(wc: WorkingCopy) -> None:
        try:
            save_merging(wc)
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=save, args=(wc,)) for wc in (li, wang)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    # The second save merged the first: the file holds both, with distinct keys.
    rows = requirements(shared)
    assert rows[new_li]["title"] == "From Li" and rows[new_wang]["title"] == "From Wang"
    assert rows[new_li]["key"] != rows[new_wang]["key"]
    assert check(shared) == []


def test_a_sync_tool_replaces_the_file_under_an_open_window(shared: Path, tmp_path: Path) -> None:
    li = open_as(shared, "Li", tmp_path)
    # The sync client downloads Wang's version and renames it over the file.
    download = tmp_path / "download.pmdesk"
    shutil.copyfile(shared, download)
    edit(download, "Wang", Update("requirement", uid(shared, "CRM-8"), {"priority": "wont"}))
    os.replace(download, shared)
    assert li.target_changed()
    li.apply(Update("requirement", uid(shared, "CRM-9"), {"priority": "must"}))
    save_merging(li)
    rows = by_key(shared)
    assert (rows["CRM-8"]["priority"], rows["CRM-9"]["priority"]) == ("wont", "must")
    li.close()


def test_a_conflict_is_refused_and_changes_nothing(shared: Path, tmp_path: Path) -> None:
    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    crm3 = uid(shared, "CRM-3")
    wang.apply(Update("requirement", crm3, {"title": "Wang's"}))
    save_merging(wang)
    published = shared.read_bytes()
    li.apply(Update("requirement", crm3, {"title": "Li's"}))
    with pytest.raises(PmdeskError, match="A conflicting change needs a decision"):
        save_merging(li)
    assert shared.read_bytes() == published
    with li.store.engine.connect() as conn:
        from sqlalchemy import text

        title = conn.execute(text("SELECT title FROM requirement WHERE uid=:u"), {"u": crm3})
        assert title.scalar() == "Li's"
    # Settled for Li's side, the save goes through and keeps Wang's other work.
    save_merging(li, prefer="mine")
    assert by_key(shared)["CRM-3"]["title"] == "Li's"


def test_an_emailed_copy_is_edited_on_both_sides_and_merged_back(
    shared: Path, tmp_path: Path
) -> None:
    from pmdesk.cli import main

    sent = tmp_path / "mail" / "crm.pmdesk"
    sent.parent.mkdir()
    shutil.copyfile(shared, sent)
    base = tmp_path / "as-sent.pmdesk"
    shutil.copyfile(shared, base)
    edit(sent, "Wang", Update("requirement", uid(shared, "CRM-12"), {"status": "done"}))
    edit(shared, "Li", Update("requirement", uid(shared, "CRM-13"), {"status": "rejected"}))
    out = tmp_path / "merged.pmdesk"
    assert main(["merge", str(base), str(shared), str(sent), "-o", str(out)]) == 0
    rows = by_key(out)
    assert (rows["CRM-12"]["status"], rows["CRM-13"]["status"]) == ("done", "rejected")


def test_a_read_only_copy_is_never_published(shared: Path, tmp_path: Path) -> None:
    wc = WorkingCopy.open(shared, data_dir=tmp_path / "ro", user="Li", access="read_only")
    before = shared.read_bytes()
    with pytest.raises(PmdeskError, match="read-only"):
        wc.save()
    assert shared.read_bytes() == before
    wc.close()


def test_a_crash_between_merging_and_saving_loses_nothing(shared: Path, tmp_path: Path) -> None:
    """The merge is written into the working copy, then pmdesk dies before the
    new base is recorded: the next save merges again and gets the same file."""
    from pmdesk.core.merge.target import prepare

    li, wang = open_as(shared, "Li", tmp_path), open_as(shared, "Wang", tmp_path)
    wang.apply(Update("requirement", uid(shared, "CRM-4"), {"status": "review"}))
    save_merging(wang)
    li.apply(Update("requirement", uid(shared, "CRM-3"), {"title": "Li's title"}))
    merge = prepare(li)
    li.apply(merge.operation(merge.pending.result()))  # merged, base not adopted: "crash"
    result = save_merging(li)
    assert result is not None and result.clean
    rows = by_key(shared)
    assert (rows["CRM-3"]["title"], rows["CRM-4"]["status"]) == ("Li's title", "review")
    assert check(shared) == []
