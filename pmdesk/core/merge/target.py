"""Merging what a colleague saved into an open project (DESIGN "Editing model", step 4).

The working copy remembers the base (the file as it was opened or last saved).
When the target changed since, `prepare` reads base, ours (the working copy)
and theirs (a copy of the target taken now), and the caller settles conflicts
with the user. `accept` then writes the merge into the working copy as one
undoable operation and makes their file the new base, so the next save
publishes a file holding both people's work.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy.exc import DatabaseError, SQLAlchemyError

from pmdesk.core.errors import PmdeskError
from pmdesk.core.merge.files import PendingMerge, read_project
from pmdesk.core.merge.three_way import MergeResult
from pmdesk.core.schema.rows import Tables, gc_paused, read_tables
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.sqlite_errors import DAMAGED as DAMAGED_WORDS
from pmdesk.core.storage.sqlite_files import copy_published, fingerprint, same_file

if TYPE_CHECKING:
    from pmdesk.core.ops.rows import ReplaceRows
    from pmdesk.core.storage.workingcopy import WorkingCopy

THEIRS = "theirs.pmdesk"


def _older(base: Tables, theirs: Tables) -> bool:
    """Is their file an older version of our base (a sync tool or a restore put
    it back)? Its history is then part of the base's: nothing in it is new, and
    merging it would only take out what came after it."""
    return set(theirs.get("history", {})) < set(base.get("history", {}))


@dataclass
class TargetMerge:
    """A colleague's save, read and ready to merge into the working copy."""

    pending: PendingMerge
    copy: Path  # their file, copied into the working copy's folder
    seen: dict[str, Any]  # the target's fingerprint when it was copied
    ours_unsaved: int = 0  # the working copy's unsaved edits before the merge

    @property
    def older(self) -> bool:
        """The target is an older copy of our base: save ours over it, never merge."""
        return _older(self.pending.base, self.pending.theirs)

    @property
    def their_authors(self) -> list[str]:
        return self.pending.their_authors

    def operation(self, result: MergeResult) -> ReplaceRows:
        """The edit that makes the working copy the merged project (one undo step)."""
        from pmdesk.core.ops.rows import ReplaceRows

        who = ", ".join(self.their_authors)
        return ReplaceRows(self.pending.changes(result), who, from_target=True)


def prepare(wc: WorkingCopy) -> TargetMerge:
    """Read base, ours and the target as it is now.

    A target that cannot be merged is refused in one sentence naming the
    project: gone (`save.target_gone`), damaged or another application's
    database (whose fingerprint `wc.unreadable_target` keeps: saving again
    puts ours there), or a data folder too full to copy it into."""
    copy = wc.slot / THEIRS
    _finish_interrupted_merge(wc, copy)
    seen, theirs = _read_target(wc, copy)
    with gc_paused(), wc.store.engine.connect() as conn:
        mine = read_tables(conn)
        base = read_project(wc.base_path)
        if not _older(base, theirs) and not set(base["history"]) <= set(theirs["history"]):
            # Their file did not grow from our base: it grew from an older
            # version put back by a sync tool, so what our base has and theirs
            # lacks was never deleted by them. Merge over what both grew from.
            common = _common_base(wc, mine, theirs)
            if common is not None:
                base = _rebased(read_project(common), mine, theirs)
        base = _renumbered_only(base, mine, theirs)
        pending = PendingMerge(
            base, mine, theirs, names=(wc.target.name, wc.target.name, wc.target.name)
        )
    return TargetMerge(pending, copy, seen, wc.unsaved_edits())


def _finish_interrupted_merge(wc: WorkingCopy, copy: Path) -> None:
    """A colleague's file left here by a merge that went into the working copy
    but was stopped (killed) before `accept` made it the base becomes the base
    now. Merging over the older base would take their changes, already in ours,
    for ours, and set them against their later ones (a conflict nobody made)."""
    from pmdesk.core.storage import versions

    if not copy.exists():
        return  # the usual case: a merge removes or adopts its copy
    try:
        theirs = versions.history_uids(copy)
        base = versions.history_uids(wc.base_path)
        with wc.store.engine.connect() as conn:
            mine = {str(u) for (u,) in conn.exec_driver_sql("SELECT uid FROM history")}
    except (OSError, sqlite3.Error, SQLAlchemyError):
        return  # unreadable: it is overwritten by the target's copy next
    # Their history rows arrive with their changes, in the merge's transaction:
    # all of them in ours means the merge was written.
    if base < theirs <= mine:
        os.replace(copy, wc.base_path)
        versions.remember(wc.slot.parent.parent, wc.base_path)


def _common_base(wc: WorkingCopy, mine: Tables, theirs: Tables) -> Path | None:
    from pmdesk.core.storage import versions

    projects = set(mine.get("project", {}))
    if len(projects) != 1 or projects != set(theirs.get("project", {})):
        return None
    return versions.find_base(
        wc.slot.parent.parent,
        next(iter(projects)),
        set(mine.get("history", {})),
        set(theirs.get("history", {})),
    )


_NUMBERING = ("key", "number")


def _renumbered_only(base: Tables, mine: Tables, theirs: Tables) -> Tables:
    """A row one side deleted that the other side changed only in its number
    (a merge gave it the next free one: no edit of anyone's) is taken as
    unchanged there: the deletion goes through instead of asking about it."""
    changed: Tables = {}
    for name, rows in base.items():
        for uid, row in rows.items():
            if "number" not in row:
                break  # a table without numbers
            ours, their_row = mine.get(name, {}).get(uid), theirs.get(name, {}).get(uid)
            kept = ours if their_row is None else their_row if ours is None else None
            if kept is None or kept.get("key") == row.get("key"):
                continue
            if all(kept.get(f) == v for f, v in row.items() if f not in _NUMBERING):
                changed.setdefault(name, dict(rows))[uid] = dict(kept)
    return {**base, **changed} if changed else base


def _rebased(base: Tables, mine: Tables, theirs: Tables) -> Tables:
    """`base` (a kept version both copies grew from) brought up to every edit
    both copies hold, row by row: a row such an edit touched is taken from
    the side that has not edited it since (its state after the edits both
    hold); a row both sides edited since keeps the older state. Without this,
    what both hold shows as a change on both sides, and a later edit of one
    side (a deletion, a move) as a false conflict with the other."""
    ours, their_history = mine.get("history", {}), theirs.get("history", {})
    shared = set(ours) & set(their_history)
    news = shared - set(base.get("history", {}))
    if not news:
        return base
    touched = {str(ours[u]["entity_uid"]) for u in news}
    mine_since = {str(ours[u]["entity_uid"]) for u in set(ours) - shared}
    theirs_since = {str(their_history[u]["entity_uid"]) for u in set(their_history) - shared}
    rebased: Tables = {}
    for name, rows in base.items():
        if name == "history":
            rebased[name] = {u: row for u, row in ours.items() if u in shared}
            continue
        rows = dict(rows)
        for uid in touched:
            side = theirs if uid not in theirs_since else mine if uid not in mine_since else None
            if side is None:
                continue
            row = side.get(name, {}).get(uid)
            if row is not None:
                rows[uid] = row
            else:
                rows.pop(uid, None)  # deleted by an edit both hold (or of another table)
        for uid, row in rows.items():
            # Numbers a merge gave new rows that clashed leave no history: what
            # either side renumbered since is no edit of theirs or ours.
            now = theirs.get(name, {}).get(uid) or mine.get(name, {}).get(uid)
            if now is not None and "number" in row and row.get("key") != now.get("key"):
                rows[uid] = {**row, "key": now.get("key"), "number": now.get("number")}
        rebased[name] = rows
    return rebased


# What a file that is not a readable project raises while it is copied and read.
_NOT_A_PROJECT = (
    "file.empty",
    "file.text",
    "file.not_database",
    "file.cut_short",
    "file.no_schema",
    "file.damaged",
    "file.missing_table",
    "file.is_folder",
    "file.not_regular",
)


def _read_target(wc: WorkingCopy, copy: Path) -> tuple[dict[str, Any], Tables]:
    """Copy the target into the working copy's folder and read it."""
    try:
        seen = copy_published(wc.target, copy)
        if read_header(copy).schema_version != SCHEMA_VERSION:
            from pmdesk.core.storage.projectfile import upgrade_copy

            upgrade_copy(copy, wc.slot / "backups")
        with gc_paused():
            theirs = read_project(copy)
    except (OSError, PmdeskError, sqlite3.Error, SQLAlchemyError) as e:
        copy.unlink(missing_ok=True)
        raise _unmergeable(wc, e) from None
    wc.unreadable_target = None
    return seen, theirs


def _unmergeable(wc: WorkingCopy, error: BaseException) -> PmdeskError:
    """Why the target cannot be merged, in one sentence naming the project."""
    from pmdesk.core.errors import ProjectFileError
    from pmdesk.core.storage.disk_space import is_disk_full
    from pmdesk.core.storage.sqlite_errors import reason

    target = wc.target
    name, folder = target.name, target.parent
    if is_disk_full(error):
        return PmdeskError("save.data_folder_full", name=name, folder=wc.slot.parent.parent)
    if not target.exists():  # deleted, moved away, or a link to nowhere
        return PmdeskError("save.target_gone", name=name, folder=folder)
    code = error.code if isinstance(error, PmdeskError) else None
    if code == "file.newer" and isinstance(error, PmdeskError):
        return ProjectFileError("file.newer", **{**error.params, "name": name})
    foreign = code == "file.foreign" or (code == "file.missing_table" and _foreign(target))
    damaged = code in _NOT_A_PROJECT or (
        isinstance(error, sqlite3.DatabaseError | DatabaseError) and reason(error) == DAMAGED_WORDS
    )
    if not (foreign or damaged):
        return ProjectFileError("file.unreadable", path=target, reason=reason(error))
    try:
        wc.unreadable_target = fingerprint(target)
    except OSError:
        wc.unreadable_target = None
    if foreign:
        return PmdeskError("save.target_foreign", name=name, folder=folder)
    return PmdeskError("save.target_damaged", name=name, folder=folder)


def _foreign(path: Path) -> bool:
    """Is `path` an SQLite database of another application?"""
    from pmdesk.core.errors import ProjectFileError

    try:
        read_header(path)
    except ProjectFileError as e:
        return e.code == "file.foreign"
    return False


def older_copy(wc: WorkingCopy) -> dict[str, Any] | None:
    """If the project file now holds an older version of what was opened or last
    saved, its fingerprint (for `wc.save(replacing_seen=…)`); else None. Reads
    only the histories, not the whole project as a merge does."""
    if not is_older_copy(wc):  # the usual case (a colleague's save): no hashing
        return None
    try:
        seen = fingerprint(wc.target)
        if not is_older_copy(wc):
            return None
        return seen if same_file(seen, wc.target) else None  # else replaced while read
    except OSError:
        return None


def replaced_by_stranger(wc: WorkingCopy) -> Literal["not_project", "other_project"] | None:
    """Has the project file been replaced by something that is no version of this
    project: a file that is no healthy pmdesk project (damaged, cut short, another
    application's), or another project's file? None: a version of this project
    (a colleague's save, an older copy), or gone, or being replaced right now."""
    from pmdesk.core.storage import versions

    try:
        read_header(wc.target)
        theirs = versions.project_uid(wc.target)
    except FileNotFoundError:
        return None
    except (PmdeskError, OSError, sqlite3.Error):
        return "not_project"
    try:
        ours = versions.project_uid(wc.base_path)
    except (OSError, sqlite3.Error):
        return None
    return "other_project" if theirs != ours else None


def is_older_copy(wc: WorkingCopy) -> bool:
    """Does the project file now hold an older version of what was opened or
    last saved? (Histories only: quick enough for the window's notice.)"""
    from pmdesk.core.storage import versions

    try:
        if versions.project_uid(wc.target) != versions.project_uid(wc.base_path):
            return False
        return versions.history_uids(wc.target) < versions.history_uids(wc.base_path)
    except (OSError, sqlite3.Error):
        return False


def prepare_copy(wc: WorkingCopy, copy: Path) -> PendingMerge:
    """A copy of the open project edited elsewhere (e-mailed back), read and
    ready to merge in, over the newest version both grew from (core.versions)."""
    from pmdesk.core.storage import versions

    with gc_paused(), wc.store.engine.connect() as conn:
        theirs = read_project(copy)
        mine = read_tables(conn)
        names = (wc.target.name, wc.target.name, copy.name)
        if set(theirs.get("project", {})) != set(mine["project"]):
            raise PmdeskError("merge.different_projects", names=f"{wc.target.name}, {copy.name}")
        if set(theirs["history"]) <= set(mine["history"]):
            # Everything done in the copy is here already (merged before, or
            # it is an older copy of this very project): nothing to ask again.
            raise PmdeskError("merge.nothing_new", name=copy.name)
        project = next(iter(mine["project"]))
        base = versions.find_base(
            wc.slot.parent.parent, project, set(mine["history"]), set(theirs["history"])
        )
        if base is None:
            raise PmdeskError("merge.no_base", name=copy.name)
        return PendingMerge(read_project(base), mine, theirs, names=names)


def accept(wc: WorkingCopy, merge: TargetMerge) -> None:
    """The merge has been written into the working copy: their file is the base now."""
    # Their history rows came in with their changes: they are not edits of ours
    # to publish, nor to offer for recovery after a restart (read-only or not).
    wc.adopt_base(merge.copy, merge.seen, unsaved=merge.ours_unsaved)


def same_file_or_gone(seen: dict[str, Any], target: Path) -> bool:
    """Is `target` still the file fingerprinted as `seen` (False if it has gone)?"""
    try:
        return same_file(seen, target)
    except OSError:
        return False
