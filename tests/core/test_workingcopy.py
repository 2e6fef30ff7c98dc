"""Working copy, atomic publish and recovery, on real files."""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

import pytest

from pmdesk.core.errors import PmdeskError, ProjectFileError, ProjectInUseError
from pmdesk.core.ops import Create, Update
from pmdesk.core.snapshot.convert import export_snapshot
from pmdesk.core.storage.fileformat import SCHEMA_VERSION
from pmdesk.core.storage.projectfile import check, open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy, discard_leftover, find_recoverable


def titles(path: Path) -> list[str]:
    store = open_readonly(path)
    try:
        return [n["title"] for n in export_snapshot(store)["requirements"]]
    finally:
        store.dispose()


def add(wc: WorkingCopy, title: str) -> str:
    uid = str(uuid.uuid4())
    wc.apply(Create("requirement", uid, {"title": title}))
    return uid


def test_edits_stay_in_the_working_copy_until_save(project_file: Path, data_dir: Path) -> None:
    before = project_file.read_bytes()
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    add(wc, "登录")
    assert project_file.read_bytes() == before
    assert wc.unsaved_edits() == 1
    wc.save()
    assert titles(project_file) == ["登录"]
    assert wc.unsaved_edits() == 0
    assert check(project_file) == []
    wc.close()
    assert not any((data_dir / "working").iterdir())


def test_published_file_is_in_delete_journal_mode_with_header(
    working_copy: WorkingCopy, project_file: Path
) -> None:
    add(working_copy, "x")
    working_copy.save()
    assert project_file.read_bytes()[18:20] == b"\x01\x01"  # legacy (rollback) journal
    conn = sqlite3.connect(project_file)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x504D444B
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
    hidden = [p.name for p in project_file.parent.iterdir() if p.name.startswith(".")]
    assert hidden == [".~lock.plan.pmdesk#"]  # no temporary file left; the lock while open


def test_working_copy_uses_wal_and_foreign_keys(working_copy: WorkingCopy) -> None:
    with working_copy.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_crash_leaves_recoverable_work(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    add(wc, "未保存的需求")
    wc.store.dispose()  # the process "dies": no save, no close
    state = (wc.slot / "state.json").read_text()
    (wc.slot / "state.json").write_text(state.replace(f'"pid": {os.getpid()}', '"pid": 0'))
    [item] = find_recoverable(data_dir)
    assert item.target == project_file.resolve() and item.unsaved_edits == 1
    with pytest.raises(ProjectFileError, match="has an unsaved edit from an earlier session"):
        WorkingCopy.open(project_file, data_dir=data_dir)
    recovered = WorkingCopy.recover(item)
    assert [n["title"] for n in export_snapshot(recovered.store)["requirements"]] == [
        "未保存的需求"
    ]
    recovered.save()
    recovered.close()
    assert titles(project_file) == ["未保存的需求"]
    assert find_recoverable(data_dir) == []


def test_close_without_saving_keeps_work_and_discard_drops_it(
    project_file: Path, data_dir: Path
) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    add(wc, "草稿")
    wc.close()
    [item] = find_recoverable(data_dir)
    discard_leftover(item)
    assert find_recoverable(data_dir) == []
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    assert wc.unsaved_edits() == 0 and titles(project_file) == []
    wc.close()


def test_open_with_leftover_recover_resumes(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    add(wc, "A")
    wc.close()
    again = WorkingCopy.open(project_file, data_dir=data_dir, leftover="recover")
    assert again.unsaved_edits() == 1
    again.close(discard=True)
    fresh = WorkingCopy.open(project_file, data_dir=data_dir, leftover="discard")
    assert fresh.unsaved_edits() == 0
    fresh.close()


def test_second_open_in_a_live_process_is_refused(project_file: Path, data_dir: Path) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    state = (wc.slot / "state.json").read_text()
    # Pretend the owner is another live process on this machine (our parent).
    (wc.slot / "state.json").write_text(
        state.replace(f'"pid": {os.getpid()}', f'"pid": {os.getppid()}')
    )
    with pytest.raises(ProjectInUseError, match="already open"):
        WorkingCopy.open(project_file, data_dir=data_dir)
    wc.close(discard=True)


def test_save_refuses_to_overwrite_a_colleagues_save(
    project_file: Path, data_dir: Path, tmp_path: Path
) -> None:
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    add(wc, "mine")
    other = WorkingCopy.open(project_file, data_dir=tmp_path / "colleague")
    add(other, "theirs")
    other.save()
    other.close()
    with pytest.raises(PmdeskError, match="changed by someone else"):
        wc.save()
    assert titles(project_file) == ["theirs"]
    wc.save(overwrite_changes=True)
    assert titles(project_file) == ["mine"]
    wc.close()


def test_save_as_moves_editing_to_the_new_file(working_copy: WorkingCopy, tmp_path: Path) -> None:
    add(working_copy, "A")
    copy = tmp_path / "copy.pmdesk"
    working_copy.save_as(copy)
    assert working_copy.target == copy.resolve()
    add(working_copy, "B")
    working_copy.save()
    assert titles(copy) == ["A", "B"]


def test_failed_publish_leaves_target_and_no_temp_files(
    working_copy: WorkingCopy, project_file: Path
) -> None:
    add(working_copy, "A")
    before = project_file.read_bytes()
    working_copy.work_path.with_name("gone")  # keep a reference for clarity
    blocker = project_file.parent / "sub"
    blocker.write_text("not a folder")
    with pytest.raises(PmdeskError, match="not a folder"):
        working_copy.save_as(blocker / "x.pmdesk")
    assert project_file.read_bytes() == before
    assert sorted(p.name for p in project_file.parent.iterdir()) == [
        ".~lock.plan.pmdesk#",  # still open, still ours
        "plan.pmdesk",
        "pmdesk-data",
        "sub",
    ]


def test_open_refuses_bad_files_without_touching_them(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "notes.pmdesk"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(ProjectFileError, match="text file"):
        WorkingCopy.open(bad, data_dir=data_dir)
    assert bad.read_text() == "hello"
    assert not (data_dir / "working").exists() or not any((data_dir / "working").iterdir())


def test_edit_then_update_history_survives_publish(
    working_copy: WorkingCopy, project_file: Path
) -> None:
    uid = add(working_copy, "A")
    working_copy.apply(Update("requirement", uid, {"status": "approved"}))
    working_copy.save()
    store = open_readonly(project_file)
    try:
        history = export_snapshot(store)["history"]
    finally:
        store.dispose()
    assert [(h["field"], h["new"], h["by"]) for h in history][-1] == (
        "status",
        "approved",
        "测试员",
    )
