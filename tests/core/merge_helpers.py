"""Edit real copies of one project as two people would, for the merge tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pmdesk.core.ops import Operation
from pmdesk.core.schema.tables import Link, Requirement
from pmdesk.core.storage.sqlite_files import connect
from pmdesk.core.storage.store import ProjectStore


def copies(base: Path, *names: str) -> list[Path]:
    out = []
    for name in names:
        path = base.with_name(f"{name}.pmdesk")
        shutil.copyfile(base, path)
        out.append(path)
    return out


def edit(path: Path, user: str, *ops: Operation) -> None:
    """Apply operations to a project file as `user` (one transaction each)."""
    store = ProjectStore(connect(path), user)
    try:
        for op in ops:
            store.apply(op)
    finally:
        store.dispose()


def requirements(path: Path) -> dict[str, dict[str, Any]]:
    """uid → the requirement's columns, read back from the file."""
    engine = connect(path, readonly=True)
    try:
        with engine.connect() as conn:
            # The columns the file has: an older file (read, not upgraded) lacks later ones.
            present = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(requirement)")}
            columns = [c for c in Requirement.__table__.c if c.name in present]
            rows = conn.execute(select(*columns)).mappings()
            return {r["uid"]: dict(r) for r in rows}
    finally:
        engine.dispose()


def links(path: Path) -> set[tuple[str, str, str]]:
    engine = connect(path, readonly=True)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Link.from_uid, Link.to_uid, Link.type))
            return {(a, b, t) for a, b, t in rows}
    finally:
        engine.dispose()


def by_key(path: Path) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in requirements(path).values()}


def children(path: Path, parent_key: str | None) -> list[str]:
    """Keys of a requirement's children (None: the top level) in their order."""
    rows = requirements(path)
    parent = None
    if parent_key is not None:
        parent = next(u for u, r in rows.items() if r["key"] == parent_key)
    kids = [r for r in rows.values() if r["parent_uid"] == parent]
    return [r["key"] for r in sorted(kids, key=lambda r: (r["rank"], r["uid"]))]
