"""The requirement tree read straight from a project file with the standard
library's sqlite3, for the window's first frame.

Importing SQLAlchemy's ORM costs about half a second, longer than the whole
first frame; the tree is painted from this read while the rest of the database
layer loads. It is part of the SQLite seam (like sqlite_files), and returns the
same rows as `queries.tree_rows`; a test keeps the two in step.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmdesk.core.errors import ProjectFileError
from pmdesk.core.storage.sqlite_files import needs_private_copy, readable_copy

TREE_SQL = (
    "SELECT uid, parent_uid, key, title, kind, status, priority, owner, release_uid "
    "FROM requirement ORDER BY rank, uid"
)
RELEASES_SQL = "SELECT uid, name FROM release ORDER BY start, name"


@dataclass(frozen=True)
class TreeRead:
    """What the tree pane shows: rows as in `queries.TREE_COLUMNS`, and the
    releases (uid, name) in the order of `queries.releases`."""

    rows: list[tuple[Any, ...]]
    releases: list[tuple[str, str]]


def read_tree(path: Path, *, readonly: bool = True) -> TreeRead:
    """Read the tree of the project file at `path` in one transaction; nothing is
    written. A working copy in WAL mode is read with `readonly=False`. A shared
    file with side files is read from a private copy (nothing is created beside
    it, and a `-wal` is read, a stale one is not)."""
    if readonly and needs_private_copy(path):
        with readable_copy(path) as readable:
            return _read_tree(readable, "ro", path.name)
    return _read_tree(path, "ro" if readonly else "rw", path.name)


def _read_tree(path: Path, mode: str, name: str) -> TreeRead:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
        try:
            conn.execute("BEGIN")  # both reads see the same state of the file
            rows = conn.execute(TREE_SQL).fetchall()
            releases = conn.execute(RELEASES_SQL).fetchall()
            conn.execute("COMMIT")
        finally:
            conn.close()
    except sqlite3.OperationalError as e:
        missing = str(e).removeprefix("no such table: ")
        if missing != str(e):
            raise ProjectFileError("file.missing_table", name=name, table=missing) from None
        raise  # locked or unreachable: not damage, said by whoever opens it next
    except sqlite3.DatabaseError:
        raise ProjectFileError("file.damaged", name=name) from None
    return TreeRead(rows, releases)


def last_history_seq(path: Path) -> int:
    """The number of the last history entry (0 for none): counts edits."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        return _max_seq(uri)
    except sqlite3.OperationalError as e:
        from pmdesk.core.storage.disk_space import is_disk_full

        wal = Path(f"{path}-wal")
        if not is_disk_full(e) or (wal.exists() and wal.stat().st_size > 0):
            raise
        # A closed working copy (WAL mode, its WAL checkpointed away) on a full
        # disk: SQLite cannot make the shared-memory file even to read. With no
        # WAL content the file alone is the whole database, read as immutable.
        return _max_seq(uri + "&immutable=1")


def _max_seq(uri: str) -> int:
    conn = sqlite3.connect(uri, uri=True)
    try:
        return int(conn.execute("SELECT max(seq) FROM history").fetchone()[0] or 0)
    finally:
        conn.close()
