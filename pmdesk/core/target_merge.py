"""Merging what a colleague saved into an open project (DESIGN "Editing model", step 4).

The working copy remembers the base (the file as it was opened or last saved).
When the target changed since, `prepare` reads base, ours (the working copy)
and theirs (a copy of the target taken now), and the caller settles conflicts
with the user. `accept` then writes the merge into the working copy as one
undoable operation and makes their file the new base, so the next save
publishes a file holding both people's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmdesk.core.errors import PmdeskError
from pmdesk.core.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.merge import MergeResult, Side
from pmdesk.core.merge_files import PendingMerge, read_project
from pmdesk.core.merge_rows import gc_paused, read_tables
from pmdesk.core.sqlite_files import copy_published

if TYPE_CHECKING:
    from pmdesk.core.ops.rows import ReplaceRows
    from pmdesk.core.workingcopy import WorkingCopy

THEIRS = "theirs.pmdesk"


@dataclass
class TargetMerge:
    """A colleague's save, read and ready to merge into the working copy."""

    pending: PendingMerge
    copy: Path  # their file, copied into the working copy's folder
    seen: dict[str, Any]  # the target's fingerprint when it was copied
    ours_unsaved: int = 0  # the working copy's unsaved edits before the merge

    @property
    def their_authors(self) -> list[str]:
        return self.pending.their_authors

    def operation(self, result: MergeResult) -> ReplaceRows:
        """The edit that makes the working copy the merged project (one undo step)."""
        from pmdesk.core.ops.rows import ReplaceRows

        who = ", ".join(self.their_authors)
        return ReplaceRows(self.pending.changes(result), who, from_target=True)


def prepare(wc: WorkingCopy) -> TargetMerge:
    """Read base, ours and the target as it is now."""
    copy = wc.slot / THEIRS
    seen = copy_published(wc.target, copy)
    if read_header(copy).schema_version != SCHEMA_VERSION:
        from pmdesk.core.projectfile import upgrade_copy

        upgrade_copy(copy, wc.slot / "backups")
    with gc_paused(), wc.store.engine.connect() as conn:
        pending = PendingMerge(
            read_project(wc.base_path),
            read_tables(conn),
            read_project(copy),
            names=(wc.target.name, wc.target.name, wc.target.name),
        )
    return TargetMerge(pending, copy, seen, wc.unsaved_edits())


def prepare_copy(wc: WorkingCopy, copy: Path) -> PendingMerge:
    """A copy of the open project edited elsewhere (e-mailed back), read and
    ready to merge in, over the newest version both grew from (core.versions)."""
    from pmdesk.core import versions

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


def save_merging(wc: WorkingCopy, *, prefer: Side | None = None) -> MergeResult | None:
    """Save, merging a colleague's save first when there is one (headless use:
    the window asks the user instead). Conflicts that `prefer` does not settle
    are refused with `merge.conflicts`, and nothing is changed."""
    result = None
    for _ in range(5):  # another save may land between our merge and our save
        if wc.target_changed():
            merge = prepare(wc)
            result = merge.pending.result(prefer=prefer)
            if result.conflicts:
                merge.copy.unlink(missing_ok=True)
                count = len(result.conflicts)
                raise PmdeskError("merge.conflicts", count=count, name=wc.target.name)
            wc.apply(merge.operation(result))
            accept(wc, merge)
        try:
            wc.save()
        except PmdeskError as e:
            if e.code != "save.changed_by_other":
                raise
            continue
        return result
    raise PmdeskError("save.changed_by_other", name=wc.target.name)
