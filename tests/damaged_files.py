"""Ways a project file gets damaged, each applied to a healthy project in place.

`KINDS` maps a name to a function that damages the project at the given path
(a copy of a sample project: see `sample_project`). Some kinds put a side file
beside it (a hot `-journal`, a `-wal`) or replace it by something that is not a
file at all (a folder, a symbolic link loop). `READABLE` names the kinds whose
file still holds a whole project that pmdesk must read correctly (with the
WAL's rows, with the interrupted transaction rolled back) without changing it;
every other kind must be refused with one sentence naming the file.

Used by the damaged-file matrix (tests/cli/test_damaged_files.py) and by the
torture run (tests/bench).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.schema.tables import Base
from pmdesk.core.storage.fileformat import SCHEMA_VERSION

PAGE = 4096
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
WAL_TITLE = "Title only in the WAL"  # what the project title reads with the WAL applied
TABLES = [*sorted(t.name for t in Base.metadata.sorted_tables), "alembic_version"]


def sample_project(path: Path) -> None:
    """A healthy project with requirements, baselines and history."""
    write_sample(path, "en")


def _raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    return conn


def truncated(path: Path) -> None:
    size = path.stat().st_size
    os.truncate(path, size // 2)


def header_only(path: Path) -> None:
    os.truncate(path, 100)


def zeroed_pages(path: Path) -> None:
    """Pages 2 to 12 overwritten with zeros (a sync tool's hole in the file)."""
    with open(path, "r+b") as f:
        f.seek(PAGE)
        f.write(b"\0" * PAGE * 11)


def garbage_pages(path: Path) -> None:
    """Random bytes over every page but the first: the header still looks right."""
    size = path.stat().st_size
    rng = random.Random(11)
    with open(path, "r+b") as f:
        f.seek(PAGE)
        f.write(rng.randbytes(size - PAGE))


def garbage(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(path.stat().st_size))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def text(path: Path) -> None:
    path.write_text("# notes\nnot a project\n", encoding="utf-8")


def other_app(path: Path) -> None:
    """Another application's SQLite database under the project's name."""
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts (name) VALUES ('anna')")
    conn.commit()
    conn.close()


def newer_schema(path: Path) -> None:
    conn = _raw(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()


def _drop(kind: str, name: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        conn = _raw(path)
        conn.execute(f'DROP {kind} "{name}"')
        conn.close()

    damage.__name__ = f"drop_{kind.lower()}_{name}"
    return damage


def hot_journal(path: Path) -> None:
    """A writer died inside a transaction: its rollback journal lies beside the
    file, which already holds some of the half-written pages."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / path.name
        shutil.copyfile(path, work)
        conn = sqlite3.connect(work, isolation_level=None)
        conn.execute("PRAGMA cache_size=1")  # spill changed pages into the file at once
        conn.execute("BEGIN")
        conn.execute("UPDATE requirement SET title = 'half-written ' || title")
        conn.execute("UPDATE project SET title = 'half-written'")
        journal = Path(f"{work}-journal")
        assert journal.stat().st_size > 0
        # Copied while the transaction is open: what a killed writer leaves behind.
        shutil.copyfile(work, path)
        shutil.copyfile(journal, Path(f"{path}-journal"))
        conn.execute("ROLLBACK")
        conn.close()


def wal_unmerged(path: Path) -> None:
    """Opened once in WAL mode by another SQLite tool, which wrote a change that
    is still only in the `-wal` beside the file (not checkpointed)."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / path.name
        shutil.copyfile(path, work)
        conn = sqlite3.connect(work, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("UPDATE project SET title = ?", (WAL_TITLE,))
        shutil.copyfile(work, path)
        shutil.copyfile(Path(f"{work}-wal"), Path(f"{path}-wal"))
        conn.close()


def stale_wal(path: Path) -> None:
    """A `-wal` left by an older file of the same name that was replaced by
    rename (a save by an older pmdesk, a sync tool): it belongs to no page of
    this file, and SQLite would apply it anyway."""
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder) / path.name
        shutil.copyfile(path, old)
        conn = sqlite3.connect(old, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM requirement WHERE parent_uid IS NULL")
        conn.execute("UPDATE project SET title = 'stale'")
        conn.execute("VACUUM")  # moves pages around, so the stale WAL cannot fit this file
        conn.execute("UPDATE project SET title = 'stale WAL'")
        shutil.copyfile(Path(f"{old}-wal"), Path(f"{path}-wal"))
        conn.close()


def symlink_loop(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def read_only(path: Path) -> None:
    path.chmod(0o444)


def unreadable(path: Path) -> None:
    """No permission at all (root reads it anyway: see `ROOT_READS`)."""
    path.chmod(0)


KINDS: dict[str, Callable[[Path], None]] = {
    "truncated": truncated,
    "header_only": header_only,
    "zeroed_pages": zeroed_pages,
    "garbage_pages": garbage_pages,
    "garbage": garbage,
    "empty": empty,
    "text": text,
    "other_app": other_app,
    "newer_schema": newer_schema,
    **{f"drop_table_{t}": _drop("TABLE", t) for t in TABLES},
    "drop_index": _drop("INDEX", "ix_requirement_tree"),
    "hot_journal": hot_journal,
    "wal_unmerged": wal_unmerged,
    "stale_wal": stale_wal,
    "symlink_loop": symlink_loop,
    "folder": folder,
    "read_only": read_only,
    "unreadable": unreadable,
}

# Still a whole project: read correctly, and never changed by reading.
READABLE = frozenset({"drop_index", "hot_journal", "wal_unmerged", "stale_wal", "read_only"})
# Root reads a file without read permission; other users are refused.
ROOT_READS = frozenset({"unreadable"})
# No write permission for anyone: opened read-only and never replaced, even by root.
WRITE_PROTECTED = frozenset({"read_only", "unreadable"})


def readable(kind: str) -> bool:
    return kind in READABLE or (kind in ROOT_READS and os.geteuid() == 0)


def side_files(path: Path) -> dict[str, bytes | None]:
    """The side files beside `path` and their bytes (None: absent)."""
    found: dict[str, bytes | None] = {}
    for suffix in SIDE_SUFFIXES:
        side = Path(f"{path}{suffix}")
        found[suffix] = side.read_bytes() if side.is_file() else None
    return found


def state(path: Path) -> tuple[object, dict[str, bytes | None]]:
    """What must not change when a command only reads `path`: the file (its
    bytes, or what it is if it is not a regular file) and its side files."""
    if path.is_symlink():
        main: object = ("symlink", os.readlink(path))
    elif path.is_dir():
        main = "folder"
    else:
        try:
            main = path.read_bytes()
        except PermissionError:
            main = ("unreadable", path.stat().st_size)
    return main, side_files(path)
