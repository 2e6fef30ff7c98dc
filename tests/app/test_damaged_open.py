"""Opening every damaged-file kind in the window (tests/damaged_files.py): one
sentence in the user's language naming the file, no SQLite wording; a file with
a `-wal` or a hot journal opens with what SQLite reads; nothing is changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pmdesk.app.main_window import MainWindow
from pmdesk.core.queries.requirements import project_info
from tests.app.conftest import Answers, ws
from tests.damaged_files import KINDS, WAL_TITLE, readable, sample_project, state

NAME = "plan.pmdesk"
RAW_WORDS = ("SQL", "sqlite", "database disk image", "malformed", "no such table", "Errno")


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("healthy") / "healthy.pmdesk"
    sample_project(path)
    return path


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_open_damaged_file_in_the_window(
    kind: str,
    chinese: None,
    window: MainWindow,
    answers: Answers,
    healthy: Path,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / NAME
    shutil.copyfile(healthy, path)
    KINDS[kind](path)
    before = state(path)

    window.open_project(path, background=False)

    if readable(kind):
        assert window.workspace is not None, answers.errors
        with ws(window).session.working_copy.store.engine.connect() as conn:
            title = project_info(conn).title
        if kind == "wal_unmerged":
            assert title == WAL_TITLE
        else:
            assert title != "half-written" and title != "stale WAL"
        window.close_project()
    else:
        assert window.workspace is None
        assert len(answers.errors) == 1, answers.errors
        said = answers.errors[0]
        assert NAME in said, said
        assert re.search(r"[\u4e00-\u9fff]", said), said
        for word in RAW_WORDS:
            assert word not in said, said
    assert state(path) == before


def test_save_in_the_window_over_a_file_opened_in_wal_mode(
    window: MainWindow, answers: Answers, healthy: Path, tmp_path: Path
) -> None:
    """Save said "Saved" while every other reader saw the old values through the
    `-wal` left beside the new file."""
    import sqlite3

    from pmdesk.core.ops import Update

    path = tmp_path / NAME
    shutil.copyfile(healthy, path)
    KINDS["wal_unmerged"](path)
    window.open_project(path, background=False)
    assert window.workspace is not None
    uid = ws(window).tree_pane.model.children_of(None)[0]
    ws(window).session.push(Update("requirement", uid, {"title": "Saved in the window"}))
    assert window.save() is True
    assert not any(Path(f"{path}{s}").exists() for s in ("-wal", "-shm", "-journal"))
    conn = sqlite3.connect(path)  # any other reader: a colleague, the sqlite3 shell
    try:
        title = conn.execute("SELECT title FROM requirement WHERE uid=?", (uid,)).fetchone()
        project = conn.execute("SELECT title FROM project").fetchone()
    finally:
        conn.close()
    assert (title, project) == (("Saved in the window",), (WAL_TITLE,))
    assert answers.errors == []
