"""Merging project files: `pmdesk merge`, and a save over a colleague's save.

Reads the three copies (upgrading a private copy of an older file first),
merges them (pmdesk.core.merge.three_way) and writes the result: a new file for the
command line, row changes into the working copy for the window.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmdesk.core.errors import PmdeskError
from pmdesk.core.merge.three_way import (
    MergeResult,
    ProjectMismatchError,
    Resolution,
    Side,
    check_same_project,
    merge,
)
from pmdesk.core.schema.rows import (
    RowChange,
    Tables,
    differences,
    gc_paused,
    read_tables,
    write_changes,
)
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.sqlite_files import build, connect, copy_database


def read_project(path: Path) -> Tables:
    """Every row of a project file, read without modifying it."""
    header = read_header(path)
    if header.schema_version != SCHEMA_VERSION:
        with tempfile.TemporaryDirectory(prefix="pmdesk-merge-") as folder:
            from pmdesk.core.storage.projectfile import upgrade_copy

            copy = Path(folder) / path.name
            copy_database(path, copy, journal="delete")  # with what a -wal holds
            upgrade_copy(copy, Path(folder) / "backup")
            return read_project(copy)
    from pmdesk.core.storage.projectfile import open_readonly, reading_damage

    store = open_readonly(path)  # checks the tables; reads a -wal, never in place
    try:
        with reading_damage(path), store.engine.connect() as conn:
            return read_tables(conn)
    finally:
        store.dispose()


@dataclass
class PendingMerge:
    """Three copies read and ready to merge; `result` can be asked again with
    the user's resolutions until no conflict is left."""

    base: Tables
    mine: Tables
    theirs: Tables
    names: tuple[str, str, str] = ("base", "mine", "theirs")
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            check_same_project(self.base, self.mine, self.theirs)
        except ProjectMismatchError:
            if len(set(self.names)) == 1:  # an open project's file, replaced
                raise PmdeskError("merge.replaced_by_other", name=self.names[0]) from None
            raise PmdeskError("merge.different_projects", names=", ".join(self.names)) from None

    def result(
        self, resolutions: Mapping[str, Resolution] | None = None, prefer: Side | None = None
    ) -> MergeResult:
        with gc_paused():
            return merge(self.base, self.mine, self.theirs, resolutions=resolutions, prefer=prefer)

    def changes(self, result: MergeResult) -> tuple[RowChange, ...]:
        """What to write into `mine` to make it the merged project."""
        return tuple(differences(self.mine, result.tables))

    @property
    def their_authors(self) -> list[str]:
        """Who made the changes on their side (from their history since the base)."""
        known = self.base.get("history", {})
        people = [r["by"] for u, r in self.theirs.get("history", {}).items() if u not in known]
        return sorted(set(filter(None, people)))


def last_editors(path: Path) -> list[str]:
    """Who made the newest change saved in a project file (to name a colleague's save)."""
    from sqlalchemy import text

    from pmdesk.core.storage.projectfile import open_readonly

    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                text(
                    'SELECT DISTINCT "by" FROM history WHERE batch = '
                    "(SELECT batch FROM history ORDER BY seq DESC LIMIT 1)"
                )
            )
            return sorted(name for (name,) in rows if name)
    finally:
        store.dispose()


def pending_merge_of(base: Path, mine: Path, theirs: Path) -> PendingMerge:
    with gc_paused():
        return PendingMerge(
            read_project(base),
            read_project(mine),
            read_project(theirs),
            names=(base.name, mine.name, theirs.name),
        )


def merge_files(
    base: Path,
    mine: Path,
    theirs: Path,
    out: Path,
    *,
    prefer: Side | None = None,
) -> tuple[PendingMerge, MergeResult]:
    """Merge three project files into `out` (written atomically, only when no
    conflict is left; otherwise nothing is written and the conflicts returned)."""
    pending = pending_merge_of(base, mine, theirs)
    # History only grows, and both copies keep their base's history: a BASE with
    # history a copy lacks was given in the wrong place (or is another copy).
    base_history = set(pending.base["history"])
    for path, tables in ((mine, pending.mine), (theirs, pending.theirs)):
        if not base_history <= set(tables["history"]):
            raise PmdeskError("merge.base_not_common", base=base.name, other=path.name)
    result = pending.result(prefer=prefer)
    if result.conflicts:
        return pending, result
    changes = pending.changes(result)

    def fill(tmp: Path) -> None:
        copy_database(mine, tmp, journal="delete")
        if read_header(tmp).schema_version != SCHEMA_VERSION:
            from pmdesk.core.storage.projectfile import upgrade_copy

            with tempfile.TemporaryDirectory(prefix="pmdesk-merge-") as backups:
                upgrade_copy(tmp, Path(backups))
        engine = connect(tmp)
        try:
            with engine.begin() as conn:
                write_changes(conn, changes)
        finally:
            engine.dispose()

    build(out, fill)
    return pending, result
