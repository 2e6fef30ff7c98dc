"""Create, check and upgrade project files (the **contract** file format).

A project is one SQLite file with `application_id` "PMDK" and the schema version
in `user_version`. Schema changes are Alembic revisions shipped in the package,
run in code on the open connection; a file is never downgraded.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select, text

from pmdesk.core import domain
from pmdesk.core.errors import ProjectFileError
from pmdesk.core.fileformat import APPLICATION_ID, HEAD_REVISION, SCHEMA_VERSION, read_header
from pmdesk.core.model import Base, Project, table_of
from pmdesk.core.sqlite_files import build, connect, integrity_problems
from pmdesk.core.store import ProjectStore, utc_now

MIGRATIONS = Path(__file__).parent / "migrations"


def migrate(connection: Connection) -> None:
    """Bring a database to the newest schema and stamp the header."""
    # Imported here: Alembic costs ~0.1 s and opening an up-to-date file needs none of it.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    connection.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
    connection.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))


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
                "key_prefix": domain.DEFAULT_KEY_PREFIX,
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
    key_prefix: str = domain.DEFAULT_KEY_PREFIX,
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
    """Open an existing project for reading only; the file is never modified."""
    read_header(path)
    engine = connect(path, readonly=True)
    try:
        with engine.connect() as conn:
            conn.execute(select(func.count()).select_from(Project.__table__)).scalar_one()
    except Exception as e:
        engine.dispose()
        raise _damaged(path, e) from None
    return ProjectStore(engine, user)


def _damaged(path: Path, error: BaseException) -> ProjectFileError:
    detail = getattr(error, "orig", error)
    return ProjectFileError("file.damaged", name=path.name, detail=detail)


def check(path: Path) -> list[str]:
    """Integrity and schema problems of a project file, as sentences ([] if healthy)."""
    read_header(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise _damaged(path, e) from None
    try:
        problems = integrity_problems(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        expected = {t.name for t in Project.metadata.sorted_tables}
        problems += [f"table {name} is missing" for name in sorted(expected - tables)]
        if not problems and conn.execute("SELECT count(*) FROM project").fetchone()[0] != 1:
            problems.append("the project row is missing or duplicated")
    except sqlite3.DatabaseError as e:
        raise _damaged(path, e) from None
    finally:
        conn.close()
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
