"""Create, check and upgrade project files (the **contract** file format).

A project is one SQLite file with `application_id` "PMDK" and the schema version
in `user_version`. Schema changes are Alembic revisions shipped in the package,
run in code on the open connection; a file is never downgraded.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from pmdesk.core.domain import vocabulary
from pmdesk.core.errors import ProjectFileError
from pmdesk.core.schema.tables import Base, Project, table_of
from pmdesk.core.storage.fileformat import (
    APPLICATION_ID,
    HEAD_REVISION,
    SCHEMA_VERSION,
    missing_table,
    read_header,
    required_tables,
)
from pmdesk.core.storage.sqlite_files import (
    build,
    connect,
    integrity_problems,
    needs_private_copy,
    private_copy,
    readable_copy,
)
from pmdesk.core.storage.store import ProjectStore, utc_now

MIGRATIONS = Path(__file__).parent / "migrations"


def migrate(connection: Connection) -> None:
    """Bring a database to the newest schema and stamp the header."""
    # Imported here: Alembic costs ~0.1 s and opening an up-to-date file needs none of it.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    # Revisions that recreate a table (SQLite's way to change a column) drop the
    # old one; with foreign keys on, that would fire ON DELETE actions on the rows
    # pointing at it (links cascade away, releases cleared). So they are off
    # while the revisions run (SQLite ignores this pragma inside a transaction:
    # it is the first statement), and the result is checked instead.
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    command.upgrade(config, "head")
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise ProjectFileError("file.damaged", name=database_name(connection))
    connection.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
    connection.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))


def database_name(connection: Connection) -> str:
    found = connection.exec_driver_sql("PRAGMA database_list").fetchone()
    return Path(found[2]).name if found and found[2] else "The project"


def create_schema(connection: Connection) -> None:
    """The newest schema in an empty database, stamped as the Alembic head.

    New files take this path: it is what the migrations build (a test compares
    the two) without importing Alembic, which costs ~0.3 s of every new file.
    """
    Base.metadata.create_all(connection)
    connection.execute(
        text(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
    )
    connection.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": HEAD_REVISION})
    connection.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
    connection.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))


def create_empty(path: Path, project: dict[str, object] | None = None) -> None:
    """Write the schema and the project row into a new (absent or empty) file."""
    engine = connect(path, create=True, bulk=True)
    try:
        with engine.begin() as conn:
            create_schema(conn)
            values: dict[str, object] = {
                "uid": str(uuid.uuid4()),
                "title": "",
                "product": "",
                "version": "",
                "authors": "[]",
                "key_prefix": vocabulary.DEFAULT_KEY_PREFIX,
                "language": "zh",
                "created_at": utc_now(),
            }
            values.update(project or {})
            conn.execute(insert(table_of(Project)).values(**values))
    finally:
        engine.dispose()


def new_project(
    target: Path,
    *,
    title: str = "",
    language: str = "zh",
    key_prefix: str = vocabulary.DEFAULT_KEY_PREFIX,
    fill: Callable[[Engine], None] | None = None,
) -> None:
    """Atomically write a new project file at `target` (replacing nothing on failure)."""

    def make(tmp: Path) -> None:
        create_empty(tmp, {"title": title, "language": language, "key_prefix": key_prefix})
        if fill is not None:
            engine = connect(tmp, bulk=True)
            try:
                fill(engine)
            finally:
                engine.dispose()

    build(target, make)


def open_readonly(path: Path, user: str | None = None) -> ProjectStore:
    """Open an existing project for reading only; the file is never modified,
    and nothing is created beside it (a file with side files is read from a
    private copy that holds what SQLite would read: see sqlite_files)."""
    header = read_header(path)
    readable, remove = path, None
    if needs_private_copy(path) or header.schema_version < SCHEMA_VERSION:
        readable, remove = private_copy(path)
    try:
        if header.schema_version < SCHEMA_VERSION:
            # An older file is read through an upgraded private copy: the
            # queries know only the newest schema (the file itself is untouched).
            _upgrade_in_place(readable, path)
    except BaseException:
        if remove is not None:
            remove()
        raise
    engine = connect(readable, readonly=True)
    try:
        with engine.connect() as conn:
            require_tables(conn.connection.driver_connection, path)  # type: ignore[arg-type]
            conn.execute(select(func.count()).select_from(Project.__table__)).scalar_one()
    except BaseException as e:
        engine.dispose()
        if remove is not None:
            remove()
        if isinstance(e, ProjectFileError):
            raise
        if isinstance(e, DBAPIError | sqlite3.DatabaseError):
            raise _damaged(path, e) from None
        raise
    return ProjectStore(engine, user) if remove is None else _PrivateStore(engine, user, remove)


def _upgrade_in_place(copy: Path, original: Path) -> None:
    engine = connect(copy)
    try:
        with engine.begin() as conn:
            require_tables(conn.connection.driver_connection, original)  # type: ignore[arg-type]
            migrate(conn)
    except (DBAPIError, sqlite3.DatabaseError) as e:
        raise _damaged(original, e) from None
    finally:
        engine.dispose()


class _PrivateStore(ProjectStore):
    """A store on a private copy, removed with the store."""

    def __init__(self, engine: Engine, user: str | None, remove: Callable[[], None]) -> None:
        super().__init__(engine, user)
        self._remove = remove

    def dispose(self) -> None:
        super().dispose()
        self._remove()


def required_indexes() -> set[str]:
    return {i.name for t in Base.metadata.sorted_tables for i in t.indexes if i.name}


def require_tables(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a project file that lacks one of pmdesk's tables (every schema
    version has them, the later ones since their version), before a query stumbles over it."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as e:
        raise _damaged(path, e) from None
    missing = missing_table(tables, version)
    if missing is not None:
        raise ProjectFileError("file.missing_table", name=path.name, table=missing)


@contextlib.contextmanager
def reading_damage(path: Path) -> Iterator[None]:
    """Damage SQLite meets while reading `path` (a page that is not what it
    should be) is said as such, naming the file."""
    try:
        yield
    except (DBAPIError, sqlite3.DatabaseError) as e:
        if _is_damage(e):
            raise _damaged(path, e) from None
        raise


def _is_damage(error: BaseException) -> bool:
    detail = getattr(error, "orig", error)
    if isinstance(detail, sqlite3.OperationalError):
        # A lock, a full disk, an unreachable folder are not damage; a missing
        # table or column is (pmdesk's own queries name only its own schema).
        text = str(detail)
        return text.startswith(("no such table", "no such column", "no such index"))
    return isinstance(detail, sqlite3.DatabaseError)


def _damaged(path: Path, error: BaseException) -> ProjectFileError:
    detail = str(getattr(error, "orig", error))
    for prefix in ("no such table: ", "no such column: "):
        if detail.startswith(prefix):
            return ProjectFileError(
                "file.missing_table", name=path.name, table=detail[len(prefix) :]
            )
    return ProjectFileError("file.damaged", name=path.name)


def check(path: Path) -> list[str]:
    """Integrity and schema problems of a project file, as sentences ([] if healthy)."""
    header = read_header(path)
    with readable_copy(path) as readable:
        try:
            conn = sqlite3.connect(f"{readable.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as e:
            raise _damaged(path, e) from None
        try:
            return _problems(conn, current=header.schema_version == SCHEMA_VERSION)
        except sqlite3.DatabaseError as e:
            raise _damaged(path, e) from None
        finally:
            conn.close()


def require_intact(path: Path) -> None:
    """Refuse a damaged project before a command writes a new version of it
    (the pages SQLite finds broken, a table that is missing)."""
    read_header(path)
    with readable_copy(path) as readable:
        conn = sqlite3.connect(f"{readable.resolve().as_uri()}?mode=ro", uri=True)
        try:
            require_tables(conn, path)
            intact = [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        except sqlite3.DatabaseError as e:
            raise _damaged(path, e) from None
        finally:
            conn.close()
    if not intact:
        raise ProjectFileError("file.damaged", name=path.name)


def _problems(conn: sqlite3.Connection, *, current: bool) -> list[str]:
    names = {(r[0], r[1]) for r in conn.execute("SELECT type, name FROM sqlite_master")}
    tables = {name for kind, name in names if kind == "table"}
    indexes = {name for kind, name in names if kind == "index"}
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    required = required_tables(version)
    problems = [f"table {name} is missing" for name in sorted(required - tables)]
    problems += integrity_problems(conn)
    if current:  # an older file gets the newer indexes when it is upgraded
        problems += [f"index {name} is missing" for name in sorted(required_indexes() - indexes)]
    if not problems and conn.execute("SELECT count(*) FROM project").fetchone()[0] != 1:
        problems.append("the project row is missing or duplicated")
    return problems


def upgrade_copy(path: Path, backup_dir: Path) -> Path | None:
    """Upgrade a private copy of an older project in place, keeping a backup first.

    Returns the backup's path, or None when the file was already current.
    """
    header = read_header(path)
    if header.schema_version == SCHEMA_VERSION:
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = utc_now().replace(":", "")
    backup = backup_dir / f"{path.stem}.schema{header.schema_version}.{stamp}.pmdesk"
    shutil.copy2(path, backup)
    engine = connect(path)
    try:
        with engine.begin() as conn:
            migrate(conn)
    finally:
        engine.dispose()
    return backup
