"""The standard-library read of the tree gives what the SQLAlchemy queries give."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from pmdesk.core.errors import ProjectFileError
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Create, MoveBlock
from pmdesk.core.queries.requirements import releases, tree_rows
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.core.storage.tree_read import TREE_SQL, last_history_seq, read_tree
from pmdesk.core.storage.workingcopy import WorkingCopy


def test_same_rows_and_releases_as_the_queries(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    wc = WorkingCopy.open(path, data_dir=data_dir)
    with wc.store.engine.connect() as conn:
        epics = [r[0] for r in tree_rows(conn) if r[1] is None]
    new = str(uuid.uuid4())
    wc.apply(Create("requirement", new, {"title": "新需求"}, parent=epics[0], index=0))
    wc.apply(MoveBlock("requirement", (epics[2],), epics[1], 0))
    with wc.store.engine.connect() as conn:
        expected_rows = tree_rows(conn)
        expected_releases = [(r.uid, r.name) for r in releases(conn)]
    tree = read_tree(wc.work_path, readonly=False)  # the live working copy, in WAL mode
    assert tree.rows == expected_rows
    assert tree.releases == expected_releases
    assert (new, epics[0], "新需求") in {(r[0], r[1], r[3]) for r in tree.rows}
    assert last_history_seq(wc.work_path) > 0
    wc.close(discard=True)


def test_published_file_read_only(tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    before = path.read_bytes()
    tree = read_tree(path)
    store = open_readonly(path)
    with store.engine.connect() as conn:
        assert tree.rows == tree_rows(conn)
    store.dispose()
    assert path.read_bytes() == before


def test_damaged_file_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "en")
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 6] = b"\xff" * (4096 * 5)  # pages after the header: the tables
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError, match=r"crm\.pmdesk is damaged"):
        read_tree(path)


def test_the_tree_is_read_from_its_covering_index(tmp_path: Path) -> None:
    # An imported file (the sample is one) gets the index back after its rows.
    path = tmp_path / "crm.pmdesk"
    write_sample(path, "zh")
    conn = sqlite3.connect(path)
    try:
        plan = " ".join(str(r) for r in conn.execute(f"EXPLAIN QUERY PLAN {TREE_SQL}"))
    finally:
        conn.close()
    assert "COVERING INDEX ix_requirement_tree" in plan
