"""A project file with SQLite side files beside it (opened once by another SQLite
tool in WAL mode, a writer that died mid-transaction, a `-wal` left by an older
file): pmdesk reads what SQLite would read without changing anything, and a
publish leaves no side file beside the new file that does not belong to it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from pmdesk.cli import main
from pmdesk.core.ops import Update
from pmdesk.core.queries.requirements import child_order
from pmdesk.core.storage.projectfile import check
from pmdesk.core.storage.sqlite_files import copy_published
from pmdesk.core.storage.workingcopy import WorkingCopy
from tests.damaged_files import KINDS, WAL_TITLE, sample_project, side_files, state

NAME = "plan.pmdesk"


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("healthy") / "healthy.pmdesk"
    sample_project(path)
    return path


def damaged(healthy: Path, folder: Path, kind: str) -> Path:
    path = folder / NAME
    shutil.copyfile(healthy, path)
    KINDS[kind](path)
    return path


def as_another_reader_sees_it(path: Path) -> tuple[str, int]:
    """What any other SQLite reader (a colleague's pmdesk, the sqlite3 shell)
    reads: the file with whatever side files lie beside it, applied by SQLite."""
    conn = sqlite3.connect(path)
    try:
        title = conn.execute("SELECT title FROM project").fetchone()[0]
        count = conn.execute("SELECT count(*) FROM requirement").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return str(title), int(count)
    finally:
        conn.close()


def no_side_files(path: Path) -> bool:
    return all(v is None for v in side_files(path).values())


@pytest.mark.parametrize("kind", ["wal_unmerged", "stale_wal", "hot_journal"])
def test_save_leaves_no_side_file_and_every_reader_sees_what_was_saved(
    kind: str, healthy: Path, tmp_path: Path, data_dir: Path
) -> None:
    path = damaged(healthy, tmp_path, kind)
    wc = WorkingCopy.open(path, data_dir=data_dir)
    try:
        with wc.store.engine.connect() as conn:
            first = child_order(conn, None)[0]
            project = conn.execute(text("SELECT uid FROM project")).scalar_one()
        wc.apply(Update("project", project, {"version": "2.0-saved"}))
        wc.apply(Update("requirement", first, {"title": "Saved over side files"}))
        wc.save()
    finally:
        wc.close(discard=True)
    assert no_side_files(path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "pmdesk-data") == [NAME]
    title, count = as_another_reader_sees_it(path)
    expected_title = WAL_TITLE if kind == "wal_unmerged" else as_another_reader_sees_it(healthy)[0]
    assert (title, count) == (expected_title, as_another_reader_sees_it(healthy)[1])
    db = sqlite3.connect(path)
    try:
        assert db.execute("SELECT version FROM project").fetchone()[0] == "2.0-saved"
        saved = db.execute("SELECT title FROM requirement WHERE uid=?", (first,)).fetchone()
        assert saved == ("Saved over side files",)
    finally:
        db.close()
    assert check(path) == []


def test_baseline_of_a_file_in_wal_mode_keeps_the_wal_rows_and_is_healthy(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reproduction in the issue: `pmdesk baseline` replaced the file and
    then called it damaged, because the old `-wal` stayed beside the new file."""
    path = damaged(healthy, tmp_path, "wal_unmerged")
    assert main(["baseline", str(path), "v1"]) == 0
    assert no_side_files(path)
    assert main(["check", str(path)]) == 0
    assert as_another_reader_sees_it(path)[0] == WAL_TITLE
    assert "Created baseline “v1”" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["wal_unmerged", "stale_wal", "hot_journal"])
def test_opening_reads_what_sqlite_reads_and_changes_nothing(
    kind: str, healthy: Path, tmp_path: Path, data_dir: Path
) -> None:
    path = damaged(healthy, tmp_path, kind)
    before = state(path)
    copy = tmp_path / "copy.pmdesk"
    copy_published(path, copy)
    assert state(path) == before
    assert no_side_files(copy)
    expected = WAL_TITLE if kind == "wal_unmerged" else as_another_reader_sees_it(healthy)[0]
    assert as_another_reader_sees_it(copy)[0] == expected
    wc = WorkingCopy.open(path, data_dir=data_dir)
    wc.close(discard=True)
    assert state(path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "{path}", "--from", "{json}", "--replace"],
        ["merge", "{healthy}", "{healthy}", "{healthy}", "-o", "{path}"],
    ],
    ids=["import", "merge"],
)
def test_commands_that_write_a_project_leave_no_stale_side_file(
    argv: list[str], healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = damaged(healthy, tmp_path, "wal_unmerged")
    snapshot = tmp_path / "s.json"
    assert main(["export", str(healthy), "--format", "json", "-o", str(snapshot)]) == 0
    values = {"path": str(path), "json": str(snapshot), "healthy": str(healthy)}
    assert main([a.format(**values) for a in argv]) == 0, capsys.readouterr().err
    assert no_side_files(path)
    assert as_another_reader_sees_it(path) == as_another_reader_sees_it(healthy)


def test_save_as_over_a_file_with_side_files_leaves_none(
    healthy: Path, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "source.pmdesk"
    shutil.copyfile(healthy, source)
    other = damaged(healthy, tmp_path, "stale_wal")
    wc = WorkingCopy.open(source, data_dir=data_dir)
    try:
        wc.save_as(other)
    finally:
        wc.close(discard=True)
    assert no_side_files(other)
    assert as_another_reader_sees_it(other) == as_another_reader_sees_it(healthy)


def test_a_new_project_where_side_files_of_a_deleted_one_lie(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Side files left beside a name whose file is gone would be applied to
    the new file by every SQLite reader."""
    path = damaged(healthy, tmp_path, "wal_unmerged")
    Path(f"{path}-journal").write_bytes(Path(f"{path}-wal").read_bytes()[:4096])
    path.unlink()
    assert main(["new", str(path), "--title", "Fresh"]) == 0
    assert no_side_files(path)
    assert as_another_reader_sees_it(path) == ("Fresh", 0)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "pmdesk-data") == [NAME]
    capsys.readouterr()


def test_an_older_file_in_wal_mode_is_merged_with_what_its_wal_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = Path(__file__).resolve().parents[1] / "data" / "crm-schema1.pmdesk"
    path = tmp_path / NAME  # theirs: the older file, changed by a tool in WAL mode
    shutil.copyfile(older, path)
    KINDS["wal_unmerged"](path)
    before = state(path)
    out = tmp_path / "merged.pmdesk"
    assert main(["merge", str(older), str(older), str(path), "-o", str(out)]) == 0
    assert state(path) == before
    assert as_another_reader_sees_it(out)[0] == WAL_TITLE
    capsys.readouterr()
