"""Schema migrations: one head, the ORM model equals what the revisions build, and
project files written by earlier versions keep opening."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from pmdesk.core.fileformat import SCHEMA_VERSION
from pmdesk.core.model import Base
from pmdesk.core.projectfile import MIGRATIONS, open_readonly
from pmdesk.core.snapshot import dumps, export_snapshot
from pmdesk.core.sqlite_files import connect
from pmdesk.core.workingcopy import WorkingCopy

DATA = Path(__file__).resolve().parent.parent / "data"


def scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_there_is_one_head_and_it_is_the_schema_version() -> None:
    heads = scripts().get_heads()
    assert len(heads) == 1
    assert int(heads[0]) == SCHEMA_VERSION


def test_model_matches_what_the_migrations_build(project_file: Path) -> None:
    engine = connect(project_file, readonly=True)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"render_as_batch": True})
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == scripts().get_current_head()
    finally:
        engine.dispose()


def test_files_of_every_released_schema_keep_opening(tmp_path: Path, data_dir: Path) -> None:
    for old in sorted(DATA.glob("*-schema*.pmdesk")):
        copy = tmp_path / old.name
        shutil.copy(old, copy)
        expected = old.with_suffix(".json").read_text(encoding="utf-8")
        store = open_readonly(copy)
        try:
            assert dumps(export_snapshot(store)) == expected
        finally:
            store.dispose()
        wc = WorkingCopy.open(copy, data_dir=data_dir)
        try:
            assert dumps(export_snapshot(wc.store)) == expected
        finally:
            wc.close(discard=True)
        assert copy.read_bytes() == old.read_bytes()  # opening never rewrites the file
