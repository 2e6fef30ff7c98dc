"""Saving an open project over a shared file: the one merge-retry loop.

Save publishes the working copy over the project file. When a colleague saved
since it was opened or last saved, their version is merged in first (one
operation in the working copy), conflicts going to a resolver the caller gives:
the window asks the user, the command line settles them for one side or
refuses. A project file that is no version to merge (gone, an older copy put
back, a damaged file the last Save refused and still there) is not merged: ours
is saved there, and a `Notice` says so.

If yet another save lands between our merge and our publish, the next try
merges while holding the save marker (savelock), so nobody can save in
between: Save converges however often they save.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from pmdesk.core.errors import PmdeskError
from pmdesk.core.messages import message_text

if TYPE_CHECKING:
    from pmdesk.core.merge.files import PendingMerge
    from pmdesk.core.merge.target import TargetMerge
    from pmdesk.core.merge.three_way import MergeResult, Side
    from pmdesk.core.ops.rows import ReplaceRows
    from pmdesk.core.storage.workingcopy import WorkingCopy

T = TypeVar("T")
ATTEMPTS = 5  # saves that land while we merge: each further try holds the save marker

# What a slow step reads: the project file's history (is it an older copy of
# ours?), a colleague's version to merge, or a copy sent back to merge.
Step = Literal["reading", "merging", "merging_copy"]


class Resolver(Protocol):
    """Settle a merge's conflicts: the merge as it should be written (with no
    conflicts left), or None to cancel (nothing is changed, nothing saved)."""

    def __call__(self, pending: PendingMerge, result: MergeResult) -> MergeResult | None: ...


class Wait(Protocol):
    """Run a slow read (`step` says which) and return its result; the window
    runs it off the GUI thread and keeps painting meanwhile."""

    def __call__(self, step: Step, work: Callable[[], T]) -> T: ...


# Write a merge into the working copy; the window makes it one undo step.
# False: refused (the caller has said why), and the merge stops there.
Record = Callable[["ReplaceRows", "tuple[str, ...]"], bool]


@dataclass(frozen=True)
class Notice:
    """Something a save did that the user should know, though nothing failed
    (a sentence of pmdesk.core.messages; `str()` is the English one)."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return message_text(self.code, dict(self.params))


def refuse(pending: PendingMerge, result: MergeResult) -> MergeResult:
    """The resolver that settles nothing: a merge with conflicts is refused."""
    return result


def settle_for(side: Side | None) -> Resolver:
    """A resolver that settles every conflict for `side` (None: refuses)."""

    def resolve(pending: PendingMerge, result: MergeResult) -> MergeResult:
        return result if side is None else pending.result(prefer=side)

    return resolve


def run_here(step: Step, work: Callable[[], T]) -> T:
    """The `Wait` of headless use: run the work right away."""
    return work()


@dataclass(frozen=True)
class Merged:
    """What merging another version into the open project did."""

    result: MergeResult | None  # the merge as written; None: cancelled, or `older`
    people: tuple[str, ...]  # who made the other version's changes
    older: bool = False  # the project file is an older copy of ours: nothing to merge
    unsaved_before: int = 0  # our unsaved edits before the merge (theirs are saved)

    @property
    def cancelled(self) -> bool:
        return self.result is None and not self.older


@dataclass(frozen=True)
class Saved:
    """What a save did: published or not, what it merged first, what to tell."""

    saved: bool
    merged: Merged | None = None
    notices: tuple[Notice, ...] = ()


def save_project(
    wc: WorkingCopy,
    *,
    resolve: Resolver = refuse,
    record: Record | None = None,
    wait: Wait = run_here,
) -> Saved:
    """Save `wc`, merging a colleague's save first when there is one (see the
    module's docstring). Conflicts the resolver leaves are refused with
    `merge.conflicts`; a cancelled merge saves nothing (`Saved.saved` False)."""
    from pmdesk.core.storage.savelock import saving

    for attempt in range(ATTEMPTS):
        held = saving(wc.target) if attempt > 0 else contextlib.nullcontext()
        try:
            with held:
                return _try_save(wc, resolve, record, wait)
        except PmdeskError as e:
            if e.code != "save.changed_by_other":
                raise
    raise PmdeskError("save.changed_by_other", name=wc.target.name)


def save_merging(
    wc: WorkingCopy,
    *,
    prefer: Side | None = None,
    notify: Callable[[Notice], None] | None = None,
) -> MergeResult | None:
    """Headless save (`save_project`): conflicts that `prefer` does not settle
    are refused with `merge.conflicts`, and nothing is changed; `notify` hears
    the notices. The colleague's merge written first, if there was one."""
    saved = save_project(wc, resolve=settle_for(prefer))
    for notice in saved.notices:
        if notify is not None:
            notify(notice)
    return saved.merged.result if saved.merged is not None else None


def _try_save(wc: WorkingCopy, resolve: Resolver, record: Record | None, wait: Wait) -> Saved:
    """One try (raises `save.changed_by_other` to try again)."""
    from pmdesk.core.merge.target import older_copy, same_file_or_gone

    target = wc.target
    where = {"name": target.name, "folder": target.parent}
    if not wc.target_changed():
        wc.save()
        return Saved(True)
    refused = wc.unreadable_target
    if refused is not None and same_file_or_gone(refused, target):
        wc.save(replacing_seen=refused)  # the user saves again: ours goes there
        wc.unreadable_target = None
        return Saved(True, notices=(Notice("save.target_replaced_by_ours", where),))
    if not target.exists():  # deleted or moved away (a sync tool): ours goes back
        wc.save(recreating=True)
        return Saved(True, notices=(Notice("save.target_recreated", where),))
    seen = wait("reading", lambda: older_copy(wc))
    if seen is not None:
        wc.save(replacing_seen=seen)  # merging would take out what came after it
        return Saved(True, notices=(Notice("save.older_copy_replaced", where),))
    try:
        merged = merge_target(wc, resolve=resolve, record=record, wait=wait)
    except PmdeskError as e:
        if e.code != "save.target_gone":
            raise
        wc.save(recreating=True)  # gone while we looked
        return Saved(True, notices=(Notice("save.target_recreated", where),))
    if merged.older:
        raise PmdeskError("save.changed_by_other", name=target.name)  # put back just now
    if merged.cancelled:
        return Saved(False, merged)
    wc.save()
    return Saved(True, merged)


def merge_target(
    wc: WorkingCopy,
    *,
    resolve: Resolver = refuse,
    record: Record | None = None,
    wait: Wait = run_here,
) -> Merged:
    """Merge the project file's newer version (a colleague's save) into the
    working copy without publishing; it becomes the new base. Read-only, there
    is nothing of ours to merge: their version is taken in."""
    from pmdesk.core.merge.target import accept, prepare

    def read() -> tuple[TargetMerge, MergeResult]:
        merge = prepare(wc)
        return merge, merge.pending.result()

    merge, result = wait("merging", read)
    people = tuple(merge.their_authors)
    if merge.older and not wc.read_only:
        merge.copy.unlink(missing_ok=True)
        return Merged(None, people, older=True)
    try:
        settled = _settle_and_write(wc, merge.pending, result, resolve, record, from_target=True)
    except BaseException:
        merge.copy.unlink(missing_ok=True)
        raise
    if settled is None:
        merge.copy.unlink(missing_ok=True)
        return Merged(None, people, unsaved_before=merge.ours_unsaved)
    accept(wc, merge)
    return Merged(settled, people, unsaved_before=merge.ours_unsaved)


def merge_copy(
    wc: WorkingCopy,
    copy: Path,
    *,
    resolve: Resolver = refuse,
    record: Record | None = None,
    wait: Wait = run_here,
) -> Merged:
    """Merge a copy of the open project edited elsewhere (e-mailed back) into
    the working copy; the project file is left alone until the next save."""
    from pmdesk.core.merge.target import prepare_copy

    def read() -> tuple[PendingMerge, MergeResult]:
        pending = prepare_copy(wc, copy)
        return pending, pending.result()

    pending, result = wait("merging_copy", read)
    people = tuple(pending.their_authors)
    settled = _settle_and_write(wc, pending, result, resolve, record)
    return Merged(settled, people, unsaved_before=0)


def _settle_and_write(
    wc: WorkingCopy,
    pending: PendingMerge,
    result: MergeResult,
    resolve: Resolver,
    record: Record | None,
    *,
    from_target: bool = False,
) -> MergeResult | None:
    """Settle the conflicts with `resolve`, then write the merge as one
    operation. The merge as written, or None if cancelled or refused."""
    from pmdesk.core.ops.rows import ReplaceRows

    if result.conflicts:
        settled = resolve(pending, result)
        if settled is None:
            return None
        if settled.conflicts:  # every conflict must have been settled: never guess
            raise PmdeskError("merge.conflicts", count=len(settled.conflicts), name=wc.target.name)
        result = settled
    people = tuple(pending.their_authors)
    op = ReplaceRows(pending.changes(result), ", ".join(people), from_target)
    if op.changes:
        if record is not None:
            if not record(op, people):
                return None
        elif wc.read_only:  # nothing of ours to merge: their version is taken in
            wc.take_in(op)
        else:
            wc.apply(op)
    return result
