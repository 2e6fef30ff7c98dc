"""The lock file beside a project (DESIGN "Editing model" point 5), on real files.

Two users are two user names with their own data folders. A holder in another
live process of this host is faked with our parent's pid; one on another
machine with another host name (there liveness cannot be checked).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError, ProjectFileError
from pmdesk.core.ops import Create
from pmdesk.core.snapshot.convert import export_snapshot
from pmdesk.core.storage import lockfile
from pmdesk.core.storage.lockfile import LockInfo, ProjectLockedError, lock_path, read_lock
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy, find_recoverable

ZHANG, LI = "张三", "李四"


def lock_json(target: Path) -> dict[str, object]:
    raw = lock_path(target).read_bytes()
    content: dict[str, object] = json.loads(raw.decode("utf-8"))
    return content


def write_lock(target: Path, **fields: object) -> bytes:
    data = {"user": "王五", "host": "pm-laptop-7", "pid": 4242, "time": "2027-01-05T09:30:00"}
    data.update(fields)
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    lock_path(target).write_bytes(raw)
    return raw


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def titles(path: Path) -> list[str]:
    store = open_readonly(path)
    try:
        return [n["title"] for n in export_snapshot(store)["requirements"]]
    finally:
        store.dispose()


def add(wc: WorkingCopy, title: str) -> None:
    wc.apply(Create("requirement", str(uuid.uuid4()), {"title": title}))


@pytest.fixture
def li_data(tmp_path: Path) -> Path:
    """The second user's own data folder (another account or machine)."""
    return tmp_path / "li-data"


def test_lock_is_written_on_open_and_removed_on_close(project_file: Path, data_dir: Path) -> None:
    assert lock_path(project_file) == project_file.parent / ".~lock.plan.pmdesk#"
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    raw = lock_path(project_file).read_bytes()
    assert "张三".encode() in raw  # UTF-8 text, not \\u escapes
    content = lock_json(project_file)
    assert list(content) == ["user", "host", "pid", "time"]
    assert content["user"] == ZHANG
    assert content["host"] == socket.gethostname()
    assert content["pid"] == os.getpid()
    written = dt.datetime.fromisoformat(str(content["time"])).replace(tzinfo=dt.UTC)
    assert abs((dt.datetime.now(dt.UTC) - written).total_seconds()) < 60  # UTC, to the second
    assert wc.claim.owned == read_lock(project_file)
    wc.close()
    assert not lock_path(project_file).exists()


def test_second_user_is_told_who_holds_it(
    project_file: Path, data_dir: Path, li_data: Path
) -> None:
    zhang = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    with pytest.raises(ProjectLockedError) as caught:
        WorkingCopy.open(project_file, data_dir=li_data, user=LI)
    holder = caught.value.holder
    assert (holder.user, holder.host, holder.pid) == (ZHANG, socket.gethostname(), os.getpid())
    assert str(caught.value) == (
        f"plan.pmdesk is opened by 张三 on {socket.gethostname()} since {holder.since()}."
    )
    assert not (li_data / "working").exists() or not any((li_data / "working").iterdir())
    assert lock_json(project_file)["user"] == ZHANG
    zhang.close()
    li = WorkingCopy.open(project_file, data_dir=li_data, user=LI)  # free now
    assert lock_json(project_file)["user"] == LI
    li.close()


def test_live_holder_on_this_host_is_refused(project_file: Path, data_dir: Path) -> None:
    raw = write_lock(project_file, host=socket.gethostname(), pid=os.getppid())
    with pytest.raises(ProjectLockedError, match="opened by 王五"):
        WorkingCopy.open(project_file, data_dir=data_dir, user=LI)
    assert lock_path(project_file).read_bytes() == raw


def test_stale_lock_of_a_dead_process_here_is_cleared(project_file: Path, data_dir: Path) -> None:
    write_lock(project_file, user=ZHANG, host=socket.gethostname(), pid=dead_pid())
    assert lockfile.other_holder(project_file, LI) is None
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=LI)
    assert lock_json(project_file)["user"] == LI
    assert lock_json(project_file)["pid"] == os.getpid()
    wc.close()
    assert not lock_path(project_file).exists()


def test_lock_from_another_host_always_counts_as_held(project_file: Path, data_dir: Path) -> None:
    raw = write_lock(project_file, pid=dead_pid())  # that pid means nothing on pm-laptop-7
    with pytest.raises(ProjectLockedError) as caught:
        WorkingCopy.open(project_file, data_dir=data_dir, user=LI)
    held = caught.value.holder
    assert held == LockInfo("王五", "pm-laptop-7", held.pid, "2027-01-05T09:30:00")
    assert lock_path(project_file).read_bytes() == raw


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe not utf-8", b"[1, 2]", b'{"user": "x"}'])
def test_damaged_lock_counts_as_held_by_someone_unknown(
    project_file: Path, data_dir: Path, raw: bytes
) -> None:
    lock_path(project_file).write_bytes(raw)
    with pytest.raises(ProjectLockedError) as caught:
        WorkingCopy.open(project_file, data_dir=data_dir, user=LI)
    assert caught.value.code == "project.locked_unreadable"
    assert not caught.value.holder.readable
    assert "cannot be read" in str(caught.value)
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=LI, access="edit_anyway")
    add(wc, "照样编辑")
    wc.save()
    wc.close()
    assert titles(project_file) == ["照样编辑"]
    assert lock_path(project_file).read_bytes() == raw  # not ours: left alone


def test_edit_anyway_edits_without_the_lock_and_leaves_it(
    project_file: Path, data_dir: Path, li_data: Path
) -> None:
    zhang = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    before = lock_path(project_file).read_bytes()
    li = WorkingCopy.open(project_file, data_dir=li_data, user=LI, access="edit_anyway")
    assert li.claim.owned is None and li.claim.holder is not None
    assert li.claim.holder.user == ZHANG
    add(li, "李四的需求")
    li.save()
    li.close()
    assert titles(project_file) == ["李四的需求"]
    assert lock_path(project_file).read_bytes() == before  # still 张三's
    zhang.close()
    assert not lock_path(project_file).exists()


def test_edit_anyway_takes_a_free_lock(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=LI, access="edit_anyway")
    assert wc.claim.owned is not None and lock_json(project_file)["user"] == LI
    wc.close()
    assert not lock_path(project_file).exists()


def test_read_only_refuses_edits_and_leaves_the_lock_alone(
    project_file: Path, data_dir: Path
) -> None:
    raw = write_lock(project_file)
    before = project_file.read_bytes()
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=LI, access="read_only")
    assert wc.read_only and wc.claim.holder is not None and wc.claim.holder.user == "王五"
    with pytest.raises(OperationError) as caught:
        add(wc, "不该写入")
    assert str(caught.value) == (
        "plan.pmdesk is open read-only, so the change was not made. "
        "Save As makes a copy you can edit."
    )
    assert wc.unsaved_edits() == 0
    wc.close()
    assert project_file.read_bytes() == before
    assert lock_path(project_file).read_bytes() == raw
    assert find_recoverable(data_dir) == []


def test_read_only_of_an_unlocked_file_writes_no_lock(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=LI, access="read_only")
    assert not lock_path(project_file).exists()
    assert wc.claim.holder is None
    wc.close()


def test_close_never_removes_a_lock_that_is_not_ours(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    raw = write_lock(project_file)  # someone replaced it (by hand, or a sync client)
    wc.close()
    assert lock_path(project_file).read_bytes() == raw


def test_save_as_moves_the_lock(project_file: Path, data_dir: Path, tmp_path: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    add(wc, "A")
    copy = tmp_path / "copy.pmdesk"
    wc.save_as(copy)
    assert not lock_path(project_file).exists()
    assert lock_json(copy)["user"] == ZHANG
    assert wc.claim.owned == read_lock(copy)
    wc.close()
    assert not lock_path(copy).exists()


def test_save_as_over_itself_keeps_the_lock(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    held = read_lock(project_file)
    wc.save_as(project_file)
    assert read_lock(project_file) == held
    wc.close()
    assert not lock_path(project_file).exists()


def test_save_as_from_read_only_makes_an_editable_copy(
    project_file: Path, data_dir: Path, tmp_path: Path
) -> None:
    raw = write_lock(project_file)
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=LI, access="read_only")
    copy = tmp_path / "mine.pmdesk"
    wc.save_as(copy)
    assert not wc.read_only
    add(wc, "副本里的需求")
    wc.save()
    wc.close()
    assert titles(copy) == ["副本里的需求"]
    assert lock_path(project_file).read_bytes() == raw
    assert not lock_path(copy).exists()


def test_save_as_onto_a_locked_file_is_refused(
    project_file: Path, data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.pmdesk"
    other.write_bytes(project_file.read_bytes())
    write_lock(other)
    before = other.read_bytes()
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    add(wc, "A")
    with pytest.raises(ProjectLockedError, match="opened by 王五"):
        wc.save_as(other)
    assert other.read_bytes() == before
    assert wc.target == project_file.resolve() and lock_json(project_file)["user"] == ZHANG
    wc.close(discard=True)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder_opens_without_a_lock(project_file: Path, data_dir: Path) -> None:
    folder = project_file.parent
    os.chmod(folder, 0o555)
    try:
        wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
        assert wc.claim.unwritable
        assert not lock_path(project_file).exists()
        wc.close()
    finally:
        os.chmod(folder, 0o755)


def test_unwritable_lock_opens_without_one(
    project_file: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only folder does, where the test runs as root."""

    def refuse(path: Path, data: bytes) -> bool:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(lockfile, "_create", refuse)
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    assert wc.claim.unwritable and wc.claim.owned is None and not wc.read_only
    add(wc, "A")  # editing works; only the lock is missing
    wc.close(discard=True)
    assert not lock_path(project_file).exists()


def test_a_file_that_is_no_project_gets_no_lock(tmp_path: Path, data_dir: Path) -> None:
    text = tmp_path / "notes.pmdesk"
    text.write_text("just notes", encoding="utf-8")
    with pytest.raises(ProjectFileError):
        WorkingCopy.open(text, data_dir=data_dir, user=ZHANG)
    assert not lock_path(text).exists()


def test_recovering_takes_the_lock(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir, user=ZHANG)
    add(wc, "崩溃前")
    wc.close()  # unsaved edits stay recoverable; the lock goes
    assert not lock_path(project_file).exists()
    [item] = find_recoverable(data_dir)
    again = WorkingCopy.recover(item, user=ZHANG)
    assert lock_json(project_file)["user"] == ZHANG
    again.close(discard=True)
    assert not lock_path(project_file).exists()


def test_a_killed_process_not_yet_reaped_is_dead() -> None:
    # kill -9 leaves a zombie until its parent reaps it; its lock is stale at once.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert lockfile.pid_alive(child.pid)
        child.kill()
        deadline = time.monotonic() + 5
        while Path(f"/proc/{child.pid}/stat").read_bytes().split(b") ")[1][:1] != b"Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert not lockfile.pid_alive(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not lockfile.pid_alive(child.pid)
