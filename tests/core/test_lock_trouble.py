"""Locks that get in the way, and full disks, on real files (issue 11).

A stale lock that cannot be removed, a lock from another machine taken over,
editing beside someone's lock until it goes, and a lock on a full share.
Immutable files and append-only folders need root and `chattr`; full disks a
small tmpfs: those tests are skipped where the machine does not allow them.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError
from pmdesk.core.storage import lockfile
from pmdesk.core.storage.lockfile import ProjectLockedError, lock_path, read_lock
from pmdesk.core.storage.projectfile import new_project, open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable
from tests.core.disks import fill, small_disk
from tests.core.test_lockfile import add, dead_pid, titles, write_lock

ZHANG, LI = "张三", "李四"


@contextlib.contextmanager
def attribute(path: Path, flag: str) -> Iterator[None]:
    """`chattr +flag path` for the block (root only; skipped elsewhere)."""
    try:
        done = subprocess.run(["chattr", f"+{flag}", str(path)], capture_output=True)
    except OSError:
        pytest.skip("no chattr here")
    if done.returncode != 0:
        pytest.skip(f"chattr +{flag} is not allowed here")
    try:
        yield
    finally:
        subprocess.run(["chattr", f"-{flag}", str(path)], check=False)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """plan.pmdesk in a folder of its own (the share)."""
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "plan.pmdesk"
    new_project(path, title="测试项目", key_prefix="REQ")
    return path


# -- a stale lock that cannot be removed ------------------------------------------


def test_immutable_stale_lock_does_not_block_opening(shared: Path, data_dir: Path) -> None:
    raw = write_lock(shared, user=ZHANG, host=socket.gethostname(), pid=dead_pid())
    with attribute(lock_path(shared), "i"):
        wc = WorkingCopy.open(shared, data_dir=data_dir, user=LI)
        assert not wc.read_only
        assert wc.claim.no_lock == "stuck" and wc.claim.owned is None
        assert wc.claim.stuck is not None and wc.claim.stuck.user == ZHANG
        add(wc, "照常编辑")
        wc.save()
        wc.close()
        assert lock_path(shared).read_bytes() == raw
    assert titles(shared) == ["照常编辑"]
    # Once it can be removed, the next open clears it as before.
    wc = WorkingCopy.open(shared, data_dir=data_dir, user=LI)
    assert wc.claim.owned == read_lock(shared)
    wc.close()
    assert not lock_path(shared).exists()


def test_folder_that_lets_nobody_delete_does_not_block_opening(
    shared: Path, data_dir: Path
) -> None:
    write_lock(shared, user=ZHANG, host=socket.gethostname(), pid=dead_pid())
    with attribute(shared.parent, "a"):  # files can be created, not removed
        wc = WorkingCopy.open(shared, data_dir=data_dir, user=LI)
        assert wc.claim.no_lock == "stuck" and not wc.read_only
        add(wc, "A")
        wc.close(discard=True)
        lock = read_lock(shared)
        assert lock is not None and lock.user == ZHANG


def test_a_folder_where_the_lock_belongs_is_no_holder(shared: Path, data_dir: Path) -> None:
    lock_path(shared).mkdir()
    assert lockfile.other_holder(shared, LI) is None
    wc = WorkingCopy.open(shared, data_dir=data_dir, user=LI)
    assert wc.claim.no_lock == "stuck" and not wc.read_only
    add(wc, "A")
    wc.save()
    wc.close()
    assert lock_path(shared).is_dir()
    assert titles(shared) == ["A"]


# -- taking over a lock from another machine -----------------------------------------


def test_lock_from_another_machine_can_be_taken_over(shared: Path, data_dir: Path) -> None:
    write_lock(shared)  # 王五 on pm-laptop-7: whether it still runs cannot be known here
    with pytest.raises(ProjectLockedError) as caught:
        WorkingCopy.open(shared, data_dir=data_dir, user=LI)
    held = caught.value.holder
    mine = lockfile.take_over(shared, LI, held)
    assert read_lock(shared) == mine and mine.user == LI and mine.pid == os.getpid()
    assert not list(shared.parent.glob("*.tmp"))  # written beside and renamed into place
    wc = WorkingCopy.open(shared, data_dir=data_dir, user=LI)
    assert wc.claim.owned is not None and read_lock(shared) == wc.claim.owned
    add(wc, "接手")
    wc.save()
    wc.close()
    assert not lock_path(shared).exists()
    assert titles(shared) == ["接手"]


def test_take_over_is_refused_when_the_lock_changed_meanwhile(shared: Path) -> None:
    write_lock(shared)
    held = read_lock(shared)
    assert held is not None
    raw = write_lock(shared, user="赵六", host="pm-desktop-2")  # someone else, just now
    with pytest.raises(ProjectLockedError, match="opened by 赵六"):
        lockfile.take_over(shared, LI, held)
    assert lock_path(shared).read_bytes() == raw


def test_a_live_process_here_is_never_taken_over(shared: Path) -> None:
    raw = write_lock(shared, host=socket.gethostname(), pid=os.getppid())
    held = read_lock(shared)
    assert held is not None
    with pytest.raises(ProjectLockedError):
        lockfile.take_over(shared, LI, held)
    assert lock_path(shared).read_bytes() == raw


# -- Edit Anyway: the lock is ours once its holder is gone ----------------------------


def test_edit_anyway_takes_the_lock_when_the_holder_closes(
    shared: Path, data_dir: Path, tmp_path: Path
) -> None:
    zhang = WorkingCopy.open(shared, data_dir=tmp_path / "zhang-data", user=ZHANG)
    li = WorkingCopy.open(shared, data_dir=data_dir, user=LI, access="edit_anyway")
    assert li.claim.holder is not None and li.claim.owned is None
    assert lockfile.retake(shared, LI, li.claim) is li.claim  # still 张三's
    zhang.close()
    li.claim = lockfile.retake(shared, LI, li.claim)
    assert li.claim.owned is not None and li.claim.holder is None
    assert read_lock(shared) == li.claim.owned
    li.close()
    assert not lock_path(shared).exists()  # nobody is left with a lock no one removes


def test_edit_anyway_takes_the_lock_when_the_holders_process_ends(
    shared: Path, data_dir: Path
) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        write_lock(shared, user=ZHANG, host=socket.gethostname(), pid=holder.pid)
        li = WorkingCopy.open(shared, data_dir=data_dir, user=LI, access="edit_anyway")
        assert li.claim.holder is not None and li.claim.holder.user == ZHANG
        assert lockfile.retake(shared, LI, li.claim) is li.claim
    finally:
        holder.kill()
        holder.wait()
    li.claim = lockfile.retake(shared, LI, li.claim)
    assert li.claim.owned is not None and read_lock(shared) == li.claim.owned
    li.close()
    assert not lock_path(shared).exists()


def test_edit_anyway_never_removes_the_holders_lock(shared: Path, data_dir: Path) -> None:
    raw = write_lock(shared)
    li = WorkingCopy.open(shared, data_dir=data_dir, user=LI, access="edit_anyway")
    li.claim = lockfile.retake(shared, LI, li.claim)
    add(li, "A")
    li.save()
    li.close()
    assert lock_path(shared).read_bytes() == raw


# -- full disks ----------------------------------------------------------------------


def test_full_share_opens_for_editing_and_colleagues_are_told(
    tmp_path: Path, data_dir: Path
) -> None:
    with small_disk(tmp_path / "share") as share:
        target = share / "plan.pmdesk"
        new_project(target, title="测试项目", key_prefix="REQ")
        filler = fill(share)
        wc = WorkingCopy.open(target, data_dir=data_dir, user=ZHANG)
        assert not wc.read_only
        assert wc.claim.no_lock == "disk_full" and wc.claim.owned is None
        add(wc, "磁盘满时的编辑")  # the working copy is elsewhere: editing works
        # A colleague is told that someone has it open (an empty lock: unnamed).
        with pytest.raises(ProjectLockedError) as caught:
            WorkingCopy.open(target, data_dir=tmp_path / "li-data", user=LI)
        assert caught.value.code == "project.locked_unreadable"
        assert lockfile.retake(target, ZHANG, wc.claim) is wc.claim  # still full
        filler.unlink()
        wc.claim = lockfile.retake(target, ZHANG, wc.claim)
        assert wc.claim.owned is not None and read_lock(target) == wc.claim.owned
        wc.save()
        wc.close()
        assert not lock_path(target).exists()
        assert titles(target) == ["磁盘满时的编辑"]
        assert sorted(p.name for p in share.iterdir()) == ["plan.pmdesk"]


def test_full_share_placeholder_goes_on_close(tmp_path: Path, data_dir: Path) -> None:
    with small_disk(tmp_path / "share") as share:
        target = share / "plan.pmdesk"
        new_project(target, title="测试项目", key_prefix="REQ")
        fill(share)
        wc = WorkingCopy.open(target, data_dir=data_dir, user=ZHANG)
        assert lock_path(target).exists() and lock_path(target).stat().st_size == 0
        assert lock_path(target).stat().st_mode & 0o777 == 0o644  # a lock, not a program
        wc.close(discard=True)
        assert not lock_path(target).exists()


def test_full_data_folder_says_so_in_one_sentence(tmp_path: Path) -> None:
    project = tmp_path / "plan.pmdesk"
    new_project(project, title="测试项目", key_prefix="REQ")
    with small_disk(tmp_path / "data") as data:
        fill(data)
        with pytest.raises(PmdeskError) as caught:
            WorkingCopy.open(project, data_dir=data, user=ZHANG)
        assert caught.value.code == "open.data_full"
        assert str(caught.value) == (
            f"Cannot open plan.pmdesk: the disk holding your pmdesk data folder ({data}) is full."
        )
        assert not lock_path(project).exists()  # the lock taken was given back
        assert find_recoverable(data) == []
        assert not (data / "working").exists() or not any((data / "working").iterdir())


@pytest.mark.parametrize("room", [0, 150_000, 400_000])
def test_data_folder_filling_up_while_opening_is_one_sentence(tmp_path: Path, room: int) -> None:
    """Full at different points of the open: the copy, the base, the state."""
    project = tmp_path / "plan.pmdesk"
    new_project(project, title="测试项目", key_prefix="REQ")
    store = open_readonly(project)
    store.dispose()
    with small_disk(tmp_path / "data") as data:
        filler = fill(data)
        os.truncate(filler, max(0, filler.stat().st_size - room))
        failure: PmdeskError | None = None
        try:
            wc = WorkingCopy.open(project, data_dir=data, user=ZHANG)
        except PmdeskError as e:
            failure = e
        else:
            wc.close(discard=True)
        if failure is not None:
            assert failure.code == "open.data_full", str(failure)
            assert "plan.pmdesk" in str(failure) and "Errno" not in str(failure)
            assert not lock_path(project).exists()


def test_a_copy_onto_a_full_disk_names_the_folder_not_a_private_file(tmp_path: Path) -> None:
    from pmdesk.core.storage.sqlite_files import copy_database

    project = tmp_path / "plan.pmdesk"
    new_project(project, title="测试项目", key_prefix="REQ")
    with small_disk(tmp_path / "share") as share:
        fill(share)
        with pytest.raises(PmdeskError) as caught:
            copy_database(project, share / "copy.pmdesk", journal="delete")
        assert str(caught.value) == f"The disk holding {share} is full."


@pytest.mark.parametrize("template", ["blank", "prd-en"])
def test_a_new_project_on_a_full_disk_is_one_sentence(tmp_path: Path, template: str) -> None:
    from pmdesk.core.newproject.templates import write_template

    with small_disk(tmp_path / "share") as share:
        fill(share)
        make = new_project if template == "blank" else lambda p: write_template(p, template)
        with pytest.raises(PmdeskError) as caught:
            make(share / "new.pmdesk")
        assert str(caught.value) == f"The disk holding {share} is full."
        assert sorted(p.name for p in share.iterdir()) == ["filler.bin"]


def test_unsaved_work_on_a_full_data_folder_is_offered_and_never_replaced(
    tmp_path: Path,
) -> None:
    project = tmp_path / "plan.pmdesk"
    new_project(project, title="测试项目", key_prefix="REQ")
    with small_disk(tmp_path / "data") as data:
        wc = WorkingCopy.open(project, data_dir=data, user=ZHANG)
        add(wc, "未保存")
        wc.close()  # the edit stays recoverable
        filler = fill(data)
        assert [r.unsaved_edits for r in find_recoverable(data)] == [1]
        with pytest.raises(PmdeskError) as caught:
            WorkingCopy.open(project, data_dir=data, user=ZHANG)
        assert caught.value.code == "project.unsaved_leftover"
        assert [r.unsaved_edits for r in find_recoverable(data)] == [1]  # not replaced
        filler.unlink()
        [item] = find_recoverable(data)
        again = WorkingCopy.recover(item, user=ZHANG)
        again.save()
        again.close()
    assert titles(project) == ["未保存"]


def test_editing_beside_a_lock_names_whoever_holds_it_now(shared: Path, data_dir: Path) -> None:
    write_lock(shared)
    li = WorkingCopy.open(shared, data_dir=data_dir, user=LI, access="edit_anyway")
    write_lock(shared, user="赵六", host="pm-desktop-2")  # 赵六 took it over meanwhile
    li.claim = lockfile.retake(shared, LI, li.claim)
    assert li.claim.owned is None and li.claim.holder is not None
    assert li.claim.holder.user == "赵六"
    li.close()
    lock = read_lock(shared)
    assert lock is not None and lock.user == "赵六"


def test_a_lock_nobody_can_read_can_be_taken_over(shared: Path, data_dir: Path) -> None:
    lock_path(shared).write_bytes(b"")  # e.g. left by a pmdesk that died on a full share
    with pytest.raises(ProjectLockedError) as caught:
        WorkingCopy.open(shared, data_dir=data_dir, user=LI)
    mine = lockfile.take_over(shared, LI, caught.value.holder)
    assert read_lock(shared) == mine
    wc = WorkingCopy.open(shared, data_dir=data_dir, user=LI)
    wc.close()
    assert not lock_path(shared).exists()


def test_save_as_never_replaces_unsaved_work_left_for_that_file(
    shared: Path, data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.pmdesk"
    new_project(other, title="另一个", key_prefix="REQ")
    left = WorkingCopy.open(other, data_dir=data_dir, user=ZHANG)
    add(left, "未保存")
    left.close()  # its unsaved edit waits to be recovered
    wc = WorkingCopy.open(shared, data_dir=data_dir, user=ZHANG)
    with pytest.raises(PmdeskError) as caught:
        wc.save_as(other)
    assert caught.value.code == "project.unsaved_leftover"
    assert [(r.target.name, r.unsaved_edits) for r in find_recoverable(data_dir)] == [
        ("other.pmdesk", 1)
    ]
    wc.close(discard=True)
    # Opened read-only beside its leftover ("Later"), Save As over itself neither.
    view = WorkingCopy.open(other, data_dir=data_dir, user=ZHANG, access="read_only")
    with pytest.raises(PmdeskError):
        view.save_as(other)
    view.close()
    [item] = find_recoverable(data_dir)
    again = WorkingCopy.recover(item, user=ZHANG)
    again.save()
    again.close()
    assert titles(other) == ["未保存"]


def test_a_full_disk_names_the_folder_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with small_disk(tmp_path / "share") as share:
        fill(share)
        monkeypatch.chdir(share)
        with pytest.raises(PmdeskError) as caught:
            new_project(Path("new.pmdesk"))  # as `pmdesk new new.pmdesk` gives it
        assert str(caught.value) == f"The disk holding {share} is full."
