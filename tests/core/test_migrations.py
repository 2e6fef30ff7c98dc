"""Schema migrations: one head, the ORM model equals what the revisions build, and
project files written by earlier versions keep opening."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from pmdesk.core.schema.tables import Base
from pmdesk.core.snapshot.convert import dumps, export_snapshot
from pmdesk.core.storage.fileformat import SCHEMA_VERSION
from pmdesk.core.storage.projectfile import MIGRATIONS, create_schema, migrate, open_readonly
from pmdesk.core.storage.sqlite_files import connect
from pmdesk.core.storage.workingcopy import WorkingCopy

DATA = Path(__file__).resolve().parent.parent / "data"


def scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_there_is_one_head_and_it_is_the_schema_version() -> None:
    heads = scripts().get_heads()
    assert len(heads) == 1
    assert int(heads[0]) == SCHEMA_VERSION


def _migrated(path: Path) -> Path:
    engine = connect(path, create=True)
    try:
        with engine.begin() as conn:
            migrate(conn)
    finally:
        engine.dispose()
    return path


def _shape(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            "tables": tables,
            "indexes": sorted(
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
                )
            ),
            "columns": {t: conn.execute(f"PRAGMA table_info('{t}')").fetchall() for t in tables},
            "checks": sorted(
                re.findall(
                    r"CONSTRAINT (ck_\w+) CHECK \(([^)]*)\)",
                    " ".join(
                        r[0]
                        for r in conn.execute("SELECT sql FROM sqlite_master WHERE type='table'")
                    ),
                )
            ),
            # Compared without SQLite's constraint numbering, which follows declaration order.
            "foreign_keys": {
                t: sorted(r[2:] for r in conn.execute(f"PRAGMA foreign_key_list('{t}')"))
                for t in tables
            },
            "header": conn.execute("PRAGMA application_id").fetchone()
            + conn.execute("PRAGMA user_version").fetchone(),
            "revision": conn.execute("SELECT version_num FROM alembic_version").fetchall(),
        }
    finally:
        conn.close()


def test_model_matches_what_the_migrations_build(tmp_path: Path) -> None:
    path = _migrated(tmp_path / "migrated.pmdesk")
    engine = connect(path, readonly=True)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"render_as_batch": True})
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == scripts().get_current_head()
    finally:
        engine.dispose()


def test_new_files_have_exactly_the_migrated_schema(tmp_path: Path) -> None:
    migrated = _migrated(tmp_path / "migrated.pmdesk")
    fresh = tmp_path / "fresh.pmdesk"
    engine = connect(fresh, create=True)
    try:
        with engine.begin() as conn:
            create_schema(conn)
    finally:
        engine.dispose()
    assert _shape(fresh) == _shape(migrated)


# What schemas 4 to 7 added, with the value every older row gets.
SCHEMA4_DEFAULTS: dict[str, dict[str, object]] = {
    "project": {
        "organisation": "",
        "logo": None,
        "doc_status": "draft",
        "confidentiality": "internal",
        "doc_number": "",
        "reviewers": [],
        "scoring": "rice",
        "criteria": [],
    },
    "requirements": {
        "ice": None,
        "wsjf": None,
        "scores": {},
        "persona": None,
        "value": None,
        "horizon": None,
    },
    "releases": {"goal": "", "status": "planned", "capacity": None},
    "milestones": {"release": None},
    "lanes": {"colour": None},
}


def as_older_schema(text: str) -> str:
    """A snapshot of an upgraded file, as the older file's snapshot read: the
    fields schema 4 and later added left out, after checking they hold their defaults."""
    snapshot = json.loads(text)
    assert snapshot.pop("personas") == []  # schema 7

    def tree(nodes: list[dict[str, object]]) -> list[dict[str, object]]:
        return [m for n in nodes for m in (n, *tree(n["children"]))]  # type: ignore[arg-type]

    for part, defaults in SCHEMA4_DEFAULTS.items():
        items = (
            [snapshot[part]]
            if part == "project"
            else tree(snapshot[part])
            if part == "requirements"
            else snapshot[part]
        )
        for item in items:
            for name, default in defaults.items():
                assert item.pop(name) == default, (part, name)
    return dumps(snapshot)


def test_files_of_every_released_schema_keep_opening(tmp_path: Path, data_dir: Path) -> None:
    for old in sorted(DATA.glob("*-schema*.pmdesk")):
        copy = tmp_path / old.name
        shutil.copy(old, copy)
        expected = old.with_suffix(".json").read_text(encoding="utf-8")
        store = open_readonly(copy)
        try:
            assert as_older_schema(dumps(export_snapshot(store))) == expected
        finally:
            store.dispose()
        assert copy.read_bytes() == old.read_bytes()  # reading never rewrites the file
        wc = WorkingCopy.open(copy, data_dir=data_dir)
        try:
            assert as_older_schema(dumps(export_snapshot(wc.store))) == expected
        finally:
            wc.close(discard=True)
        assert copy.read_bytes() == old.read_bytes()  # opening never rewrites the file


def test_opening_an_older_file_upgrades_a_copy_after_a_backup(
    tmp_path: Path, data_dir: Path
) -> None:
    old = DATA / "crm-schema1.pmdesk"
    copy = tmp_path / "old.pmdesk"
    shutil.copy(old, copy)
    wc = WorkingCopy.open(copy, data_dir=data_dir)
    try:
        backup = wc.upgraded_from_backup
        assert backup is not None and backup.parent == data_dir / "backups"
        assert backup.read_bytes() == old.read_bytes()  # the original, kept as it was
        assert copy.read_bytes() == old.read_bytes()  # the target is untouched until Save
        with wc.store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == SCHEMA_VERSION
            indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list('requirement')")}
            assert {"ix_requirement_owner", "ix_requirement_tree"} <= indexes
        wc.save()
    finally:
        wc.close()
    conn2 = sqlite3.connect(copy)
    try:
        assert conn2.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn2.close()
    expected = old.with_suffix(".json").read_text(encoding="utf-8")
    store = open_readonly(copy)
    try:
        # the data came through unchanged (links too: recreating tables fired no cascade)
        assert as_older_schema(dumps(export_snapshot(store))) == expected
    finally:
        store.dispose()
