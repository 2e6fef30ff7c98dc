"""SQLite's own texts ("database disk image is malformed") never reach the user:
each failure is one sentence naming the project, with the reason in plain
words, on real files (damaged pages under an open working copy, a full disk,
a read-only disk, a file another program has locked)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk.core.errors import OperationError, PmdeskError
from pmdesk.core.ops.edits import Create
from pmdesk.core.storage.sqlite_errors import reason
from pmdesk.core.storage.sqlite_files import connect, copy_database
from pmdesk.core.storage.store import ProjectStore
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.core.disks import fill, small_disk
from tests.damaged_files import garbage_pages, sample_project

RAW_TEXTS = ("malformed", "database or disk", "unable to open", "readonly", "locked", "[SQL")


def plain(said: str) -> str:
    assert not any(raw in said for raw in RAW_TEXTS), said
    assert "work.pmdesk" not in said and "\n" not in said, said
    return said


def add(wc: WorkingCopy | ProjectStore, title: str = "登录") -> None:
    wc.apply(Create("requirement", str(uuid.uuid4()), {"title": title}))


def edit_until_refused(wc: WorkingCopy) -> OperationError:
    """Edits until one fails: the first after damage may still be served from
    SQLite's page cache."""
    for _ in range(5):
        try:
            add(wc, "x" * 3000)
        except OperationError as e:
            return e
    raise AssertionError("every edit was written")


def test_a_damaged_working_copy_is_said_in_plain_words(tmp_path: Path) -> None:
    project = tmp_path / "plan.pmdesk"
    sample_project(project)
    data_dir = tmp_path / "data"
    wc = WorkingCopy.open(project, data_dir=data_dir)
    try:
        add(wc)
        garbage_pages(wc.work_path)
        garbage_pages(Path(f"{wc.work_path}-wal"))
        said = plain(str(edit_until_refused(wc)))
    finally:
        wc.store.dispose()
    assert said == (
        f"The change to plan.pmdesk could not be written in your pmdesk data folder "
        f"({data_dir}): the file is damaged."
    )


def test_a_full_data_folder_under_an_open_project_is_said_in_plain_words(tmp_path: Path) -> None:
    project = tmp_path / "plan.pmdesk"
    sample_project(project)
    with small_disk(tmp_path / "disk", "8m") as disk:
        data_dir = disk / "data"
        wc = WorkingCopy.open(project, data_dir=data_dir)
        try:
            add(wc)
            fill(disk)
            said = plain(str(edit_until_refused(wc)))
        finally:
            wc.store.dispose()
    assert said == (
        f"The change to plan.pmdesk could not be written in your pmdesk data folder "
        f"({data_dir}): the disk is full."
    )


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    """A small disk holding plan.pmdesk, mounted read-only (root ignores modes)."""
    with small_disk(tmp_path / "disk") as disk:
        sample_project(disk / "plan.pmdesk")
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
        if remounted.returncode != 0:
            pytest.skip("the small disk cannot be made read-only here")
        yield disk


def test_an_edit_of_a_file_on_a_read_only_disk_names_it(read_only_disk: Path) -> None:
    store = ProjectStore(connect(read_only_disk / "plan.pmdesk"))
    try:
        with pytest.raises(OperationError) as caught:
            add(store)
    finally:
        store.dispose()
    assert plain(str(caught.value)) == (
        "The change could not be written to plan.pmdesk: the file or its folder is read-only."
    )


def test_a_copy_into_a_read_only_folder_is_said_in_plain_words(
    read_only_disk: Path, tmp_path: Path
) -> None:
    project = tmp_path / "plan.pmdesk"
    shutil.copyfile(read_only_disk / "plan.pmdesk", project)
    with pytest.raises(PmdeskError) as caught:
        copy_database(project, read_only_disk / "copy.pmdesk", journal="delete")
    assert plain(str(caught.value)) == (
        "Cannot copy plan.pmdesk: the file or its folder cannot be reached."
    )


def test_a_file_another_program_has_locked_is_said_in_plain_words(tmp_path: Path) -> None:
    project = tmp_path / "plan.pmdesk"
    sample_project(project)
    other = sqlite3.connect(project, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        mine = sqlite3.connect(project, timeout=0)
        with pytest.raises(sqlite3.OperationalError) as caught:
            mine.execute("SELECT count(*) FROM requirement").fetchone()
        mine.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert reason(caught.value) == "another program is using the file"


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "plan.pmdesk"
    path.write_bytes(b"garbage " * 4096)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
    assert reason(caught.value) == "the file is damaged"


def test_a_bulk_edit_on_a_full_data_disk_is_refused_whole_and_works_once_there_is_room(
    tmp_path: Path,
) -> None:
    """The bulk edit writes its rows and history through the driver's executemany
    (issue 15's speed): on a full disk it is refused in the same plain sentence,
    nothing of it is kept (not some rows, not their history), and once room is
    made the same edit goes through."""
    from sqlalchemy import func, select

    from pmdesk.core.ops.bulk import set_field
    from pmdesk.core.schema.tables import HistoryEntry, Requirement

    project = tmp_path / "plan.pmdesk"
    sample_project(project)
    with small_disk(tmp_path / "disk", "8m") as disk:
        data_dir = disk / "data"
        wc = WorkingCopy.open(project, data_dir=data_dir)
        try:
            with wc.store.reading() as s:
                uids = list(s.execute(select(Requirement.uid)).scalars())
                history = s.execute(select(func.count()).select_from(HistoryEntry)).scalar_one()
            description = "长" * 20_000  # every row's pages grow: the WAL needs room
            filler = fill(disk)
            refused: OperationError | None = None
            for _ in range(5):  # (SQLite may still have room in a page or two)
                try:
                    wc.apply(set_field(uids, "description", description))
                except OperationError as e:
                    refused = e
                    break
                description += "再"
            assert refused is not None, "every bulk edit was written on a full disk"
            said = plain(str(refused))
            assert said.endswith("the disk is full."), said
            with wc.store.reading() as s:
                kept = set(s.execute(select(Requirement.description)).scalars())
                after = s.execute(select(func.count()).select_from(HistoryEntry)).scalar_one()
            assert description not in kept  # not one row of the refused edit
            assert (after - history) % len(uids) == 0  # whole edits only, no row's history alone
            filler.unlink()
            wc.apply(set_field(uids, "description", description))
            with wc.store.reading() as s:
                assert set(s.execute(select(Requirement.description)).scalars()) == {description}
        finally:
            wc.store.dispose()
