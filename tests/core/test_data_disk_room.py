"""pmdesk's own files never make Save fail for want of room (the torture run's
full-disk scenario, issue "Nothing lost").

The versions kept for merging a copy back (core/storage/versions.py) are a
convenience: on a small data disk they used to pile up until every save failed
with "the disk … is full; your edits are kept. Free some space there", the
space taken by pmdesk itself, and the edits never reached the file. And a
merge whose record could not be written on a full disk said "Cannot write
…/state.json", a file the user never heard of.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage import sqlite_files, workingcopy_slot
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable
from tests.core.merge_helpers import requirements
from tests.core.test_save_full_disk import leave_free, tmpfs


def titles(path: Path) -> set[str]:
    return {str(r["title"]) for r in requirements(path).values()}


def add(wc: WorkingCopy, title: str) -> None:
    wc.apply(Create("requirement", str(uuid.uuid4()), {"title": title}))


def sample(tmp_path: Path) -> Path:
    share = tmp_path / "share"
    share.mkdir()
    target = share / "crm.pmdesk"
    write_sample(target, "en")
    return target.resolve()


def test_kept_versions_never_fill_the_data_disk(tmp_path: Path) -> None:
    """Twenty-five saves on a data disk with room for a few copies of the
    project: every one is saved (the versions kept give way), none refused."""
    target = sample(tmp_path)
    with tmpfs(tmp_path / "data", "3m") as data:
        wc = WorkingCopy.open(target, data_dir=data, user="Anna")
        refused = []
        for i in range(25):
            add(wc, f"edit {i}")
            try:
                wc.save()
            except PmdeskError as e:
                refused.append(f"save {i}: {e}")
        assert refused == []
        assert {f"edit {i}" for i in range(25)} <= titles(target)
        assert wc.unsaved_edits() == 0
        wc.close()


def test_a_save_on_a_full_data_disk_gives_back_kept_versions_first(tmp_path: Path) -> None:
    """The disk fills up (another program) while pmdesk keeps older versions
    there: Save gives their room back before it says the disk is full."""
    target = sample(tmp_path)
    with tmpfs(tmp_path / "data", "8m") as data:
        wc = WorkingCopy.open(target, data_dir=data, user="Anna")
        for i in range(6):  # five older versions kept (about 1.2 MB)
            add(wc, f"edit {i}")
            wc.save()
        add(wc, "on a full disk")
        filler = leave_free(data, 0)
        wc.save()
        assert "on a full disk" in titles(target)
        assert wc.unsaved_edits() == 0
        filler.unlink()
        wc.close()


@contextlib.contextmanager
def state_file_full(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Writing the working copy's record (state.json) fails as on a full disk:
    the temporary file beside it cannot be written."""
    real = sqlite_files.replacing  # what workingcopy_slot calls
    failed: list[Path] = []

    @contextlib.contextmanager
    def replacing(target: Path) -> Iterator[Path]:
        with real(target) as tmp:
            if target.name == workingcopy_slot.STATE:
                failed.append(target)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp))
            yield tmp

    with monkeypatch.context() as m:
        m.setattr(workingcopy_slot, "replacing", replacing)
        yield failed


def test_a_merge_that_cannot_record_itself_says_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bo saved; Anna's save merges his version, then the data disk is too full
    to note that: the save fails in one sentence naming the data folder (no
    private file), her edits are kept, and the next save publishes them."""
    target = sample(tmp_path)
    anna = WorkingCopy.open(target, data_dir=tmp_path / "anna", user="Anna")
    bo = WorkingCopy.open(target, data_dir=tmp_path / "bo", user="Bo", access="edit_anyway")
    add(bo, "by Bo")
    bo.save()
    bo.close()
    add(anna, "by Anna")
    with state_file_full(monkeypatch) as failed, pytest.raises(PmdeskError) as caught:
        save_merging(anna)
    assert failed, "the merge never wrote its record"
    message = str(caught.value)
    assert caught.value.code == "save.data_folder_full", message
    assert str(tmp_path / "anna") in message
    assert not any(n in message for n in ("state.json", "work.pmdesk", "base.pmdesk", ".tmp"))
    assert "by Anna" not in titles(target)
    assert anna.unsaved_edits() > 0
    save_merging(anna)  # room again: both edits reach the file
    assert {"by Anna", "by Bo"} <= titles(target)
    assert check(target) == []
    anna.close()
    assert find_recoverable(tmp_path / "anna") == []


def test_closing_on_a_full_data_disk_keeps_the_edits_for_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Save fails on a full data disk, the user closes anyway (its record cannot
    be written either): the next open offers every edit back, and saves it."""
    target = sample(tmp_path)
    with tmpfs(tmp_path / "data", "8m") as data:
        wc = WorkingCopy.open(target, data_dir=data, user="Anna")
        add(wc, "first")
        add(wc, "second")
        filler = leave_free(data, 0)
        with pytest.raises(PmdeskError) as caught:
            wc.save()
        assert caught.value.code == "save.data_folder_full"
        with state_file_full(monkeypatch) as failed:
            wc.close()
        assert failed
        filler.unlink()
        [item] = find_recoverable(data)
        assert item.target == target and item.unsaved_edits == 2
        again = WorkingCopy.recover(item, user="Anna")
        save_merging(again)
        assert {"first", "second"} <= titles(target)
        again.close()
        assert find_recoverable(data) == []
