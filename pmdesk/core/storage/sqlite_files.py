"""The SQLite-only seam: engines on project files, copies, atomic publish.

Everything here knows that a project is one SQLite file. The rest of the core
talks SQL only through SQLAlchemy sessions, so it can later run on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import re
import shutil
import socket
import sqlite3
import tempfile
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from pmdesk.core.errors import PmdeskError, ProjectFileError
from pmdesk.core.storage.fileformat import missing_table
from pmdesk.core.storage.lockfile import pid_alive
from pmdesk.core.storage.places import resolved, write_protected
from pmdesk.core.storage.sqlite_errors import reason as sqlite_reason

if TYPE_CHECKING:  # SQLAlchemy loads with the first engine, not with this module
    from sqlalchemy import Engine

Journal = Literal["delete", "wal"]


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def connect(
    path: Path,
    *,
    journal: Journal = "delete",
    readonly: bool = False,
    keep_open: bool = False,
    create: bool = False,
    bulk: bool = False,
) -> Engine:
    """An engine on one project file with pmdesk's connection settings.

    The working copy is private and local, so it runs in WAL mode (fast commits);
    a published or shared file stays in DELETE mode (WAL breaks on network and
    synced folders). `synchronous=FULL` makes each committed edit durable.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool, QueuePool

    def new_connection() -> sqlite3.Connection:
        mode = "ro" if readonly else "rwc" if create else "rw"
        return sqlite3.connect(_uri(path, mode), uri=True, check_same_thread=False, timeout=5.0)

    # An editing session keeps its connection (no connect + PRAGMA cost per edit);
    # one-shot commands close it at once so the file is free again.
    pool = QueuePool if keep_open else NullPool
    engine = create_engine("sqlite://", creator=new_connection, poolclass=pool)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        if bulk:
            # Filling a private temporary file that only becomes visible by rename:
            # no journal, no fsync per commit; build() checks integrity and foreign
            # keys of the result before it is published.
            cursor.execute("PRAGMA foreign_keys=OFF")
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-131072")
        else:
            cursor.execute("PRAGMA foreign_keys=ON")
        if not readonly and not bulk:
            cursor.execute(f"PRAGMA journal_mode={journal.upper()}")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    _PATHS[engine] = path
    return engine


# Which file each engine of `connect` is on (its URL is "sqlite://"): named when a write fails.
_PATHS: weakref.WeakKeyDictionary[Engine, Path] = weakref.WeakKeyDictionary()


def database_path(engine: Engine) -> Path | None:
    """The file `engine` (made by `connect`) is on."""
    return _PATHS.get(engine)


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    # Directories cannot be opened for fsync on Windows; there os.replace is enough.
    if os.name == "posix":
        fsync_path(path)


def temp_path_beside(target: Path) -> Path:
    # Named with host and process, so that whoever left it can be told: a
    # killed save's copies are cleared at once by the next save on this host.
    return target.with_name(f".{target.name}.{_temp_owner()}.{uuid.uuid4().hex[:8]}.tmp")


def _temp_owner(pid: int | None = None) -> str:
    host = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname()) or "host"
    return f"{host}-{os.getpid() if pid is None else pid}"


def integrity_problems(conn: sqlite3.Connection, *, structure: bool = True) -> list[str]:
    """Damage SQLite finds in the file, plus rows whose references are broken.

    `structure=False` checks only the references: for a file pmdesk itself has
    just written with foreign keys off (an import), where the page structure is
    SQLite's own fresh work and a full check would double the time.
    """
    problems: list[str] = []
    if structure:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
    problems += [
        f"broken reference in {r[0]} row {r[1]}" for r in conn.execute("PRAGMA foreign_key_check")
    ]
    return problems


def writable_place(target: Path) -> Path:
    """The file `replacing(target)` would write (a link's own file), or PmdeskError
    saying in one sentence why it cannot be written there; nothing is written."""
    directory = target.parent
    if not directory.exists():
        raise PmdeskError("write.no_folder", path=target, folder=directory)
    if not directory.is_dir():
        raise PmdeskError("write.not_folder", path=target, folder=directory)
    if target.is_dir():
        raise PmdeskError("write.is_folder", path=target)
    if target.is_symlink():
        # Replace the file the link points to, not the link itself.
        linked = resolved(target)
        if linked is None:
            raise PmdeskError("write.link_loop", path=target)
        target = linked
    if target.exists() and not target.is_file():
        raise PmdeskError("write.not_regular", path=target)
    if write_protected(target):  # a rename would replace it all the same
        raise PmdeskError("write.protected", name=target.name)
    return target


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it atomically replaces it.

    A reader of `target` sees the old file or the new one, never half of one.
    The caller fills the temporary file; on any error it is removed.
    """
    target = writable_place(target)
    directory = target.parent
    tmp = temp_path_beside(target)
    try:
        # Create the file first, so an unwritable place fails here with a clear reason.
        tmp.open("xb").close()
    except OSError as e:
        raise PmdeskError("write.failed", path=target, reason=_reason(e)) from None
    try:
        yield tmp
        _keep_permissions(target, tmp)
        fsync_path(tmp)
        stale = _side_files_aside(target, tmp)
        try:
            os.replace(tmp, target)
        except OSError:
            for suffix, aside in stale:  # the old file stays, with its side files
                with contextlib.suppress(OSError):
                    os.replace(aside, side_file(target, suffix))
            raise
        # Replaced: from here on nothing may report a failure. A folder that
        # cannot be flushed risks only the rename after a power cut, which a
        # failure now could not undo.
        with contextlib.suppress(OSError):
            _fsync_dir(directory)
        for _suffix, aside in stale:  # published already: a leftover is swept later
            with contextlib.suppress(OSError):
                aside.unlink(missing_ok=True)
    except OSError as e:
        raise PmdeskError("write.failed", path=target, reason=_reason(e)) from None
    except sqlite3.OperationalError as e:
        raise PmdeskError("write.failed", path=target, reason=sqlite_reason(e)) from None
    finally:
        for suffix in ("", *SIDE_SUFFIXES):
            with contextlib.suppress(FileNotFoundError):
                side_file(tmp, suffix).unlink()


def _side_files_aside(target: Path, tmp: Path) -> list[tuple[str, Path]]:
    """Rename the old file's side files out of the way, just before the new file
    replaces it: SQLite would apply an old `-wal` or `-journal` to the new file
    (stale rows, a "malformed" file), and every reader would see that.

    Whatever they held has been read already: pmdesk reads a file with side
    files through SQLite (`readable_copy`). Their new names match the
    temporary-file pattern, so a save killed right here leaves nothing that a
    later sweep does not clear; they are removed after the rename.
    """
    moved = []
    for suffix in SIDE_SUFFIXES:
        side = side_file(target, suffix)
        if side.exists():
            aside = side_file(tmp, f"{suffix}.old")
            os.replace(side, aside)
            moved.append((suffix, aside))
    return moved


def _keep_permissions(target: Path, tmp: Path) -> None:
    """Give the new file the old one's mode and group: on a shared folder the
    colleagues who could write the project must still be able to after a save."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError):
        os.chmod(tmp, st.st_mode & 0o7777)
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):
            os.chown(tmp, -1, st.st_gid)


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()


# The files SQLite keeps beside a database while it writes it.
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def side_file(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def _in_wal_mode(path: Path) -> bool:
    """Does the file's header say WAL mode (read and write versions 2)?"""
    with open(path, "rb") as f:
        header = f.read(20)
    return len(header) == 20 and header[18:20] == b"\x02\x02"


def _nonempty(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def needs_private_copy(path: Path) -> bool:
    """Would SQLite write beside `path`, or into it, just to read it?

    A file in WAL mode makes even a read-only reader create a `-shm`, and its
    `-wal` may hold rows not yet in the file; a `-wal` beside a file in rollback
    mode is stale (left by an older file of that name), yet SQLite would apply
    it; a hot `-journal` must be rolled back first. Such a file is read from a
    private copy (`readable_copy`), never in place.
    """
    return _in_wal_mode(path) or any(
        side_file(path, suffix).exists() for suffix in ("-wal", "-journal")
    )


def private_copy(path: Path) -> tuple[Path, Callable[[], None]]:
    """A private copy of `path` that holds what SQLite would read from it, in a
    temporary folder: with the rows of its `-wal` (in WAL mode), with a hot
    journal rolled back, without a stale `-wal`. Nothing beside `path` is
    created or changed. Returns the copy and the function that removes it."""
    folder = Path(tempfile.mkdtemp(prefix="pmdesk-read-"))

    def remove() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    copy = folder / "project.pmdesk"
    try:
        wal = side_file(path, "-wal")
        in_wal_mode = _in_wal_mode(path)
        if in_wal_mode and wal.is_file():
            # The WAL first: a checkpoint that runs meanwhile moves its pages
            # into the file, which is copied after. (A tool that keeps writing
            # the file meanwhile is not supported: the two copies may disagree.)
            shutil.copyfile(wal, side_file(copy, "-wal"))
        shutil.copyfile(path, copy)
        journal = side_file(path, "-journal")
        if not in_wal_mode and _nonempty(journal):
            shutil.copyfile(journal, side_file(copy, "-journal"))
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            # Applies the WAL (or rolls the journal back) into the copy, and
            # leaves it a plain file in rollback mode with no side files.
            conn.execute("PRAGMA journal_mode=DELETE").fetchall()
        finally:
            conn.close()
    except OSError as e:
        remove()
        if not path.exists():
            raise
        raise PmdeskError("copy.failed", name=path.name, detail=_reason(e)) from None
    except sqlite3.DatabaseError:
        remove()
        raise ProjectFileError("file.damaged", name=path.name) from None
    except BaseException:
        remove()
        raise
    return copy, remove


@contextlib.contextmanager
def readable_copy(path: Path) -> Iterator[Path]:
    """`path` itself when SQLite can read it in place without writing anything,
    else a private copy that holds what it would read (see `private_copy`)."""
    if not needs_private_copy(path):
        yield path
        return
    copy, remove = private_copy(path)
    try:
        yield copy
    finally:
        remove()


def copy_database(source: Path, destination: Path, *, journal: Journal) -> None:
    """Copy a live database with SQLite's backup API (consistent even mid-edit).

    A source with side files is read through a private copy (`readable_copy`),
    so its `-wal` is read, and nothing is created beside it."""
    with readable_copy(source) as readable:
        _backup(readable, destination, journal=journal, name=source.name)


def _backup(source: Path, destination: Path, *, journal: Journal, name: str) -> None:
    try:
        src = sqlite3.connect(_uri(source, "ro"), uri=True)
    except sqlite3.Error as e:
        raise ProjectFileError("file.cannot_open", name=name, detail=sqlite_reason(e)) from None
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
            # The backup copies the source's WAL flag; set the mode the copy needs.
            dst.execute(f"PRAGMA journal_mode={journal.upper()}")
        finally:
            dst.close()
    except sqlite3.OperationalError as e:
        if e.sqlite_errorcode == sqlite3.SQLITE_FULL:  # the copy's disk, never the source's
            raise PmdeskError("disk.full", folder=destination.absolute().parent) from None
        # Not damage: an unreachable folder, a lock (said as such).
        raise PmdeskError("copy.failed", name=name, detail=sqlite_reason(e)) from None
    except sqlite3.DatabaseError:
        raise ProjectFileError("file.damaged", name=name) from None
    finally:
        src.close()


def copy_published(source: Path, destination: Path) -> dict[str, Any]:
    """Copy a published project byte for byte, hashing it on the way.

    A published file is only ever replaced by rename and is in DELETE journal
    mode, so a plain copy under SQLite's shared lock is consistent, and about
    six times faster than the backup API. Files in another state (WAL, a hot
    journal) go through the backup API. Returns the source's fingerprint.
    """
    fingerprint_seen = _copy_published(source, destination)
    _require_tables(destination, source.name)
    return fingerprint_seen


def _require_tables(copy: Path, name: str) -> None:
    """Refuse a copy that lacks one of pmdesk's tables (said with the
    original's name), before an edit or a query stumbles over it."""
    conn = sqlite3.connect(_uri(copy, "ro"), uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError:
        raise ProjectFileError("file.damaged", name=name) from None
    finally:
        conn.close()
    missing = missing_table(tables, version)
    if missing is not None:
        raise ProjectFileError("file.missing_table", name=name, table=missing)


def _copy_published(source: Path, destination: Path) -> dict[str, Any]:
    with open(source, "rb") as f:
        header = f.read(100)
    if len(header) < 100 or header[18:20] != b"\x01\x01" or needs_private_copy(source):
        copy_database(source, destination, journal="delete")
        return fingerprint(source)
    try:
        lock = sqlite3.connect(_uri(source, "ro"), uri=True)
    except sqlite3.Error as e:
        raise ProjectFileError(
            "file.cannot_open", name=source.name, detail=sqlite_reason(e)
        ) from None
    try:
        lock.execute("BEGIN")
        lock.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds a shared lock
        with open(source, "rb") as src, open(destination, "wb") as dst:
            st = os.fstat(src.fileno())
            digest = _hash_blocks(src, dst.write)
    except sqlite3.OperationalError as e:
        raise PmdeskError("copy.failed", name=source.name, detail=sqlite_reason(e)) from None
    except sqlite3.DatabaseError:
        raise ProjectFileError("file.damaged", name=source.name) from None
    finally:
        lock.close()
    return _stat_print(st) | {"sha256": digest}


def _stat_print(st: os.stat_result) -> dict[str, Any]:
    # The inode and the change time too: a file renamed over the target (every
    # save, every sync client) gets a new inode even when size and modification
    # time match to the clock's granularity, and no tool can set the change time.
    return {
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "ctime_ns": st.st_ctime_ns,
        "ino": st.st_ino,
    }


def _hash_blocks(src: BinaryIO, also: Callable[[bytes], object] | None = None) -> str:
    """SHA-256 of a file read in 1 MiB blocks, each also handed to `also`."""
    digest = hashlib.sha256()
    while block := src.read(1 << 20):
        digest.update(block)
        if also is not None:
            also(block)
    return digest.hexdigest()


def fingerprint(path: Path) -> dict[str, Any]:
    """Enough to notice that someone replaced a file: size, time and content hash."""
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        digest = _hash_blocks(f)
    return _stat_print(st) | {"sha256": digest}


def same_file(known: dict[str, Any], path: Path) -> bool:
    """Is `path` still the file `known` describes? Its size, times and inode
    decide when they all match; otherwise the content decides (a touch, a copy
    back or a permission change is not a change)."""
    st = path.stat()
    if all(known.get(k) == v for k, v in _stat_print(st).items()):
        return True
    return bool(
        st.st_size == known.get("size") and fingerprint(path)["sha256"] == known.get("sha256")
    )


def publish(
    source: Path, target: Path, before_replace: Callable[[Path], None] | None = None
) -> None:
    """Atomically replace `target` by a checked DELETE-mode copy of `source`.

    `before_replace(tmp)` runs on the finished, checked copy just before the
    rename, so a caller can note what it is about to publish (crash recovery).
    """
    sweep_stale_temps(target)
    with replacing(target) as tmp:
        copy_database(source, tmp, journal="delete")
        conn = sqlite3.connect(tmp)
        try:
            problems = integrity_problems(conn)
        finally:
            conn.close()
        if problems:
            raise PmdeskError("save.integrity", detail=problems[0], name=target.name)
        if before_replace is not None:
            before_replace(tmp)


STALE_TEMP_SECONDS = 3600


def sweep_stale_temps(target: Path, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Remove temporary files killed saves left beside `target`.

    Only our own naming pattern. Those of a process of this host that has ended
    go at once, whatever their age; others only when old: in a shared folder a
    fresh temporary file may be a colleague's save in progress.
    """
    now = time.time()
    prefix = f".{target.name}."
    for leftover in target.parent.glob(f"{glob.escape(prefix)}*.tmp*"):
        owner = leftover.name[len(prefix) :].split(".")[0]
        pid = owner.rpartition("-")[2]
        dead = (
            pid.isdigit()
            and int(pid) != os.getpid()
            and owner == _temp_owner(int(pid))
            and not pid_alive(int(pid))
        )
        with contextlib.suppress(OSError):
            if dead or now - leftover.stat().st_mtime > older_than:
                leftover.unlink()


def build(target: Path, fill: Callable[[Path], None]) -> None:
    """Create `target` atomically: `fill` builds a complete project in a temporary file."""
    from pmdesk.core.storage.disk_space import is_disk_full

    with replacing(target) as tmp:
        try:
            fill(tmp)
        except Exception as e:  # SQLAlchemy's own errors wrap SQLite's "disk is full"
            if is_disk_full(e):
                raise PmdeskError("disk.full", folder=target.absolute().parent) from None
            raise
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
            problems = integrity_problems(conn, structure=False)
        finally:
            conn.close()
        if problems:  # pragma: no cover - would be a pmdesk bug
            raise PmdeskError("write.inconsistent", path=target)
