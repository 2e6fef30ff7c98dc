"""A full disk in the data folder during Save (issue 11): a save either fails
before it publishes (the project file as it was, the edits kept, one sentence
naming the project and the folder) or counts as done (the file holds it, no
edit left unsaved, the next colleague's save merged on the right base). Never
"failed" after it published.

The data folder is a small tmpfs (mounting needs root; skipped otherwise),
filled to leave a chosen number of bytes free just before each save.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create
from pmdesk.core.project_save import save_merging
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable
from tests.core.disks import bind_mounted_on_itself
from tests.core.merge_helpers import by_key, requirements


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def leave_free(folder: Path, free: int) -> Path:
    """Fill `folder`'s disk so that `free` bytes (rounded to pages) stay free."""
    filler = folder / "filler"
    filler.unlink(missing_ok=True)
    st = os.statvfs(folder)
    size = max(0, st.f_bavail * st.f_frsize - free)
    with contextlib.suppress(OSError), open(filler, "wb") as f:
        f.write(b"\0" * size)
    return filler


def titles(path: Path) -> set[str]:
    return {str(r["title"]) for r in requirements(path).values()}


def add(wc: WorkingCopy, title: str) -> None:
    parent = str(by_key(wc.target)["CRM-1"]["uid"])
    wc.apply(Create("requirement", str(uuid.uuid4()), {"title": title}, parent=parent))


def test_a_full_data_folder_never_fails_a_save_that_published(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    target = share / "crm.pmdesk"
    write_sample(target, "en")
    target = target.resolve()
    size = target.stat().st_size
    with tmpfs(tmp_path / "data", "8m") as data:
        wc = WorkingCopy.open(target, data_dir=data, user="Anna")
        add(wc, "before the disk filled up")
        wc.save()
        outcomes = set()
        wrong: list[str] = []
        # From nothing free to more than a whole copy of the project.
        for i, free in enumerate([0, 4096, 12288, size // 4, size // 2, size - 8192, 2 * size]):
            (data / "filler").unlink(missing_ok=True)
            add(wc, f"edit {i}")
            leave_free(data, free)
            before = target.read_bytes()
            try:
                wc.save()
            except PmdeskError as e:
                if target.read_bytes() != before:
                    wrong.append(f"{free} bytes free: reported failed after publishing: {e}")
                elif e.code != "save.data_folder_full" or str(data) not in str(e):
                    wrong.append(f"{free} bytes free: {e}")
                elif "work.pmdesk" in str(e) or "base.pmdesk" in str(e):
                    wrong.append(f"{free} bytes free, names a private file: {e}")
                elif wc.unsaved_edits() == 0:
                    wrong.append(f"{free} bytes free: failed, but the edits count as saved")
                outcomes.add("refused")
            else:
                assert f"edit {i}" in titles(target)
                assert wc.unsaved_edits() == 0 and not wc.target_changed()
                outcomes.add("saved")
        assert wrong == []
        assert outcomes == {"refused", "saved"}
        (data / "filler").unlink()
        wc.save()  # with room again, every edit reaches the file
        want = {"before the disk filled up"} | {f"edit {i}" for i in range(7)}
        assert want <= titles(target)

        # A colleague saves: merged on the right base, nothing of either is lost.
        other = WorkingCopy.open(target, data_dir=tmp_path / "bo", user="Bo", access="edit_anyway")
        add(other, "by Bo")
        other.save()
        other.close()
        add(wc, "after Bo")
        save_merging(wc)
        assert want | {"by Bo", "after Bo"} <= titles(target)
        assert check(target) == []
        wc.close()


def test_a_base_that_cannot_be_replaced_after_publishing_does_not_fail_the_save(
    tmp_path: Path,
) -> None:
    """The last step of a save, a rename in the data folder, fails: the save is
    done all the same, and the published file is still the base for merging a
    colleague's save, in this session and after a restart."""
    share = tmp_path / "share"
    share.mkdir()
    target = share / "crm.pmdesk"
    write_sample(target, "en")
    target = target.resolve()
    wc = WorkingCopy.open(target, data_dir=tmp_path / "anna", user="Anna")
    add(wc, "saved while the base was stuck")
    with bind_mounted_on_itself(wc.slot / "base.pmdesk"):
        wc.save()
        assert "saved while the base was stuck" in titles(target)
        assert wc.unsaved_edits() == 0 and not wc.target_changed()
        # Bo saves over it; Anna's next save merges on the file she published.
        other = WorkingCopy.open(target, data_dir=tmp_path / "bo", user="Bo", access="edit_anyway")
        add(other, "by Bo")
        other.save()
        other.close()
        add(wc, "after Bo")
        with pytest.raises(PmdeskError) as refused:  # the base still cannot be kept
            save_merging(wc)
        assert refused.value.code == "save.data_folder_failed"
        wc.store.dispose()  # pmdesk ends here (as in a crash: nothing more is written)
        state = (wc.slot / "state.json").read_text()  # its process is gone
        (wc.slot / "state.json").write_text(state.replace(f'"pid": {os.getpid()}', '"pid": 0'))
    [item] = find_recoverable(tmp_path / "anna")
    again = WorkingCopy.recover(item, user="Anna", access="edit_anyway")
    assert again.base_path.name == "base.pmdesk"
    assert not again.target_changed()  # Bo's save is merged into the working copy already
    save_merging(again)
    want = {"saved while the base was stuck", "by Bo", "after Bo"}
    assert want <= titles(target)
    assert check(target) == []
    again.close()


@pytest.mark.parametrize("left", [0, 4096, 65536])
def test_a_full_share_says_not_saved_and_leaves_the_file(tmp_path: Path, left: int) -> None:
    from tests.core.disks import fill, small_disk

    with small_disk(tmp_path / "share") as share:
        target = share / "crm.pmdesk"
        write_sample(target, "zh")
        before = target.read_bytes()
        wc = WorkingCopy.open(target, data_dir=tmp_path / "data", user="anna")
        wc.apply(Create("requirement", str(uuid.uuid4()), {"title": "磁盘满时的需求"}))
        filler = fill(share)
        if left:
            os.truncate(filler, filler.stat().st_size - left)
        with pytest.raises(PmdeskError) as caught:
            wc.save()
        assert caught.value.code == "save.share_full", caught.value
        assert str(caught.value) == (
            f"Not saved: the disk holding {share} is full; crm.pmdesk was left as it was "
            "and your edits are kept. Free some space there and save again."
        )
        assert target.read_bytes() == before
        filler.unlink()
        wc.save()  # with space again, the same edits are saved
        assert "磁盘满时的需求" in {r["title"] for r in requirements(target).values()}
        wc.close()
        assert sorted(p.name for p in share.iterdir()) == ["crm.pmdesk"]
