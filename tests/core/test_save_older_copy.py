"""A sync tool puts an older copy of the project file back (issue 11, item 2).

A colleague adds five requirements and saves; the user opens (or merges) that
version and edits; then Dropbox/OneDrive conflict handling or a restore puts
the older file back. Save must keep everything of ours (the five included),
publish it, and say what happened: the older file holds nothing new.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from pmdesk.core.merge.target import is_older_copy
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, Update
from pmdesk.core.project_save import Notice, save_merging
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.merge_helpers import by_key, requirements

FIVE = [f"Bo's requirement {n}" for n in range(1, 6)]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "crm.pmdesk"
    write_sample(path, "en")
    return path.resolve()


def open_as(target: Path, user: str, tmp_path: Path) -> WorkingCopy:
    return WorkingCopy.open(target, data_dir=tmp_path / user, user=user, access="edit_anyway")


def titles(path: Path) -> set[str]:
    return {str(r["title"]) for r in requirements(path).values()}


def put_back(older: Path, target: Path) -> None:
    """What a sync client does: download to a temporary name, rename over."""
    download = target.with_name(".sync-download.tmp")
    shutil.copyfile(older, download)
    os.replace(download, target)


def bo_adds_five(shared: Path, tmp_path: Path) -> None:
    bo = open_as(shared, "Bo", tmp_path)
    parent = str(by_key(shared)["CRM-1"]["uid"])
    for title in FIVE:
        bo.apply(Create("requirement", str(uuid.uuid4()), {"title": title}, parent=parent))
    save_merging(bo)
    bo.close()


@pytest.mark.parametrize("how", ["opened", "merged"])
def test_an_older_copy_put_back_is_not_merged_as_deletions(
    shared: Path, tmp_path: Path, how: str
) -> None:
    older = tmp_path / "older.pmdesk"
    shutil.copyfile(shared, older)
    if how == "merged":  # Anna had it open already and merges Bo's save
        anna = open_as(shared, "Anna", tmp_path)
        bo_adds_five(shared, tmp_path)
        save_merging(anna)
    else:  # Anna opens Bo's version
        bo_adds_five(shared, tmp_path)
        anna = open_as(shared, "Anna", tmp_path)
    crm3 = str(by_key(shared)["CRM-3"]["uid"])
    anna.apply(Update("requirement", crm3, {"title": "Anna's title"}))
    put_back(older, shared)
    assert is_older_copy(anna)

    notices: list[Notice] = []
    save_merging(anna, notify=notices.append)
    assert set(FIVE) | {"Anna's title"} <= titles(shared)
    assert set(FIVE) <= titles(anna.work_path)
    assert [n.code for n in notices] == ["save.older_copy_replaced"]
    assert str(notices[0]) == (
        "crm.pmdesk had been replaced by an older copy; your version, with everything "
        "in it, is saved again."
    )
    assert check(shared) == []
    assert not anna.target_changed() and anna.unsaved_edits() == 0

    # Bo goes on from his version: a normal merge, nothing lost either way.
    bo = open_as(shared, "Bo", tmp_path)
    bo.apply(Update("requirement", crm3, {"status": "review"}))
    save_merging(bo)
    assert set(FIVE) | {"Anna's title"} <= titles(shared)
    assert by_key(shared)["CRM-3"]["status"] == "review"
    for wc in (anna, bo):
        wc.close()


def test_a_colleagues_newer_save_is_not_taken_for_an_older_copy(
    shared: Path, tmp_path: Path
) -> None:
    anna = open_as(shared, "Anna", tmp_path)
    bo_adds_five(shared, tmp_path)
    assert not is_older_copy(anna)
    notices: list[Notice] = []
    result = save_merging(anna, notify=notices.append)
    assert notices == [] and result is not None and result.items_changed == 5
    anna.close()
