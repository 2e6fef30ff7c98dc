"""Create a project file from a JSON snapshot (the `import` command)."""

from __future__ import annotations

import errno
import gc
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from pmdesk.core.errors import PmdeskError, SnapshotError
from pmdesk.core.snapshot.convert import load_snapshot, loads
from pmdesk.core.storage.fileformat import SQLITE_MAGIC
from pmdesk.core.storage.projectfile import new_project

MAX_SNAPSHOT_BYTES = 2 * 1024**3
HEAD_BYTES = 4096


def read_snapshot_text(source: Path) -> bytes:
    """The raw snapshot file (parsed as UTF-8 JSON by `snapshot.loads`)."""
    try:
        if source.is_dir():
            raise SnapshotError("snapshot.is_folder", path=source)
        if source.exists() and not source.is_file():
            raise SnapshotError("snapshot.not_regular", path=source)
        with open(source, "rb") as f:
            if os.fstat(f.fileno()).st_size > MAX_SNAPSHOT_BYTES:
                raise SnapshotError("snapshot.too_large", name=source.name)
            _refuse_binary(f.read(HEAD_BYTES), source.name)
            f.seek(0)
            return f.read()
    except FileNotFoundError:
        raise SnapshotError("snapshot.missing", path=source) from None
    except PermissionError:
        raise SnapshotError("snapshot.no_permission", path=source) from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise SnapshotError("file.link_loop", path=source) from None
        raise


def _refuse_binary(head: bytes, name: str) -> None:
    """Look at the first bytes before reading a whole file: a project file or
    any binary file (a NUL byte is never in UTF-8 JSON) is refused at once."""
    if head.startswith(SQLITE_MAGIC):
        raise SnapshotError("snapshot.is_database", name=name)
    if b"\0" in head:
        raise SnapshotError("snapshot.not_utf8", name=name)


def import_snapshot_file(source: Path, target: Path, *, replace: bool = False) -> int:
    """Check the snapshot completely, then write `target` atomically.

    Returns the number of requirements. An existing `target` is only replaced
    when `replace` is set; nothing is written when the snapshot has a problem.
    """
    # Millions of short-lived objects and no cycles: the collector would only rescan
    # them (about 15 % of a 100,000-requirement import).
    gc.disable()
    try:
        return import_snapshot(
            loads(read_snapshot_text(source), name=source.name), target, replace=replace
        )
    finally:
        gc.enable()


def import_snapshot(snapshot: dict[str, Any], target: Path, *, replace: bool = False) -> int:
    """Write a checked snapshot (from `snapshot.loads`) to a new project file."""
    if target.exists() and not replace:
        raise PmdeskError("import.exists", path=target)
    if target.is_dir():
        raise PmdeskError("import.is_folder", path=target)
    project = snapshot["project"]

    def fill(engine: Engine) -> None:
        with engine.begin() as conn:
            load_snapshot(conn, snapshot)

    new_project(
        target,
        title=project["title"],
        language=project["language"],
        key_prefix=project["key_prefix"],
        fill=fill,
    )
    return _count(snapshot["requirements"])


def _count(nodes: list[dict[str, object]]) -> int:
    return sum(1 + _count(n["children"]) for n in nodes)  # type: ignore[misc,arg-type]
