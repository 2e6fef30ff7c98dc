"""The versions of a project this machine has seen, for merging a copy back.

A PM e-mails `crm.pmdesk` to a colleague, keeps working, and gets an edited
copy back. A three-way merge needs the version both started from. Every
version pmdesk opens or saves becomes the working copy's base; before a newer
base replaces it, the old one is kept here (a hard link: no copying), in
`<data>/versions/<project uid>/`. The history is append-only and a merge keeps
both sides' history, so the newest kept version whose history both copies
contain is the version both started from.

At most KEEP versions and BUDGET bytes are kept per project, newest first,
and only out of room to spare: they never take the space a save needs (see
`make_room`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

VERSIONS = "versions"
KEEP = 20
BUDGET = 2 * 1024**3  # bytes per project; a 100,000-requirement file is ~230 MB
# Free space on the data disk that kept versions leave, in copies of the
# project: a save writes the next base and its record there, a merge a copy of
# the colleague's file, edits grow the working copy's WAL.
SPARE_COPIES = 4
SPARE_BYTES = 1024**2


def _read(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def project_uid(path: Path) -> str:
    rows = _read(path, "SELECT uid FROM project")
    return str(rows[0][0]) if rows else ""


def history_uids(path: Path) -> set[str]:
    return {str(uid) for (uid,) in _read(path, "SELECT uid FROM history")}


def _history_mark(path: Path) -> tuple[object, ...]:
    """How many history rows, and the newest one's uid: enough to tell the same
    version opened again, without reading a long history on every save."""
    rows = _read(
        path, "SELECT count(*), (SELECT uid FROM history ORDER BY seq DESC LIMIT 1) FROM history"
    )
    return rows[0] if rows else ()


def folder_of(data_dir: Path, project: str) -> Path:
    return data_dir / VERSIONS / project


def remember(data_dir: Path, base: Path) -> None:
    """Keep `base` (a published version) before it is replaced. Never fails
    the caller: a version not kept only means a copy cannot be merged back."""
    with contextlib.suppress(OSError, sqlite3.Error):
        project = project_uid(base)
        if not project:
            return
        folder = folder_of(data_dir, project)
        folder.mkdir(parents=True, exist_ok=True)
        newest = kept(data_dir, project)[:1]
        if newest and _history_mark(newest[0]) == _history_mark(base):
            return  # the same version opened again
        # Names sort in time order: the UTC second, then the nanoseconds within it.
        now = time.time_ns()
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9))
        target = folder / f"{stamp}.{now % 10**9:09d}.pmdesk"
        try:
            os.link(base, target)  # the base is only ever replaced, never written
        except OSError:
            shutil.copyfile(base, target)
        _prune(folder)
        make_room(data_dir, SPARE_COPIES * base.stat().st_size + SPARE_BYTES)


def make_room(data_dir: Path, free: int) -> bool:
    """Remove kept versions, oldest first, until the data disk has `free` bytes
    free. The newest of each project stays (it is the base itself, a hard link
    that takes no room of its own). True if any was removed. Never fails.

    Kept versions are a convenience; unsaved edits are not. Left to pile up on
    a small disk they made every save fail with "the disk is full, your edits
    are kept, free some space", the space taken by pmdesk itself."""
    removed = False
    with contextlib.suppress(OSError):
        root = data_dir / VERSIONS
        older = [p for f in root.iterdir() if f.is_dir() for p in kept(data_dir, f.name)[1:]]
        for path in sorted(older, key=lambda p: p.name):  # names sort in time order
            if shutil.disk_usage(data_dir).free >= free:
                break
            path.unlink(missing_ok=True)
            removed = True
    return removed


def kept(data_dir: Path, project: str) -> list[Path]:
    """Kept versions of a project, newest first."""
    folder = folder_of(data_dir, project)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.pmdesk"), key=lambda p: p.name, reverse=True)


def _prune(folder: Path) -> None:
    total = 0
    for i, path in enumerate(sorted(folder.glob("*.pmdesk"), key=lambda p: p.name, reverse=True)):
        size = path.stat().st_size
        total += size
        if i > 0 and (i >= KEEP or total > BUDGET):
            path.unlink(missing_ok=True)


def find_base(data_dir: Path, project: str, mine: set[str], theirs: set[str]) -> Path | None:
    """The newest kept version both copies grew from: its history is in both
    (`mine` and `theirs` are the copies' history uids). None if none is kept."""
    best: tuple[int, Path] | None = None
    for path in kept(data_dir, project):
        try:
            seen = history_uids(path)
        except sqlite3.Error:
            continue  # a damaged leftover: not a base
        if seen <= mine and seen <= theirs and (best is None or len(seen) > best[0]):
            best = (len(seen), path)
    return best[1] if best else None
