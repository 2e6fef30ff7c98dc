"""One open project: the object the command line and the window both use.

`Project.open` checks the lock and copies the project file into a private
working copy (pmdesk.core.storage.workingcopy, the storage underneath); every edit is an
operation applied to it (`apply`, the one read-only guard); reads are typed
queries returning plain records (project_read); `save` publishes it, merging a
colleague's save first (project_save, the one merge-retry loop, with a
conflict resolver the caller gives); `close` ends it. The questions (recover
unsaved work? edit a locked file anyway? which side of a conflict?) stay with
the caller: the window asks the user, the command line follows its flags.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pmdesk.core.errors import OperationError
from pmdesk.core.project_read import ProjectReads, fetch_on
from pmdesk.core.project_save import (
    Merged,
    Record,
    Resolver,
    Saved,
    Wait,
    merge_copy,
    merge_target,
    refuse,
    run_here,
    save_project,
)
from pmdesk.core.storage.workingcopy import Leftover, WorkingCopy
from pmdesk.core.storage.workingcopy_recovery import Recoverable

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from pmdesk.core.ops import Applied, Operation
    from pmdesk.core.search.fts import FtsIndex
    from pmdesk.core.search.matching import Results
    from pmdesk.core.search.sources import Fetch
    from pmdesk.core.storage.lockfile import Access, Claim
    from pmdesk.core.storage.store import ProjectStore


class ProjectView(ProjectReads):
    """A project file read where it lies, without a working copy or a lock:
    what `pmdesk info`, `export` and `baseline --list` read. Nothing is written
    (a file with side files is read from a private copy); damage met while
    reading is said as such, naming the file."""

    def __init__(self, path: Path, store: ProjectStore) -> None:
        self.path = path
        self._store = store

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        from pmdesk.core.storage.projectfile import reading_damage

        with reading_damage(self.path), self._store.engine.connect() as conn:
            yield conn


class Project(ProjectReads):
    """An open project file (see the module's docstring)."""

    def __init__(self, working_copy: WorkingCopy) -> None:
        self._wc = working_copy
        self._search: FtsIndex | None = None  # opened on the first search
        self._search_failed = False  # its file failed: search by reading the project

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        with self._wc.store.engine.connect() as conn:
            yield conn

    @staticmethod
    @contextmanager
    def view(path: Path) -> Iterator[ProjectView]:
        """Read the project file at `path` in place (see `ProjectView`)."""
        from pmdesk.core.storage.projectfile import open_readonly

        store = open_readonly(path)
        try:
            yield ProjectView(path, store)
        finally:
            store.dispose()

    # -- opening and closing -----------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path,
        *,
        data_dir: Path | None = None,
        user: str | None = None,
        access: Access = "edit",
        leftover: Leftover = "error",
    ) -> Project:
        """Open `path`. `access` says how to treat the lock ("edit" raises
        ProjectLockedError naming the holder; "read_only"; "edit_anyway"), and
        `leftover` what to do with unsaved work an earlier session left
        ("error" raises ProjectFileError; "recover"; "discard")."""
        return cls(
            WorkingCopy.open(path, data_dir=data_dir, user=user, leftover=leftover, access=access)
        )

    @classmethod
    def recover(
        cls, item: Recoverable, *, user: str | None = None, access: Access = "edit"
    ) -> Project:
        """Reopen work an earlier session left unsaved (workingcopy.find_recoverable)."""
        return cls(WorkingCopy.recover(item, user=user, access=access))

    def close(self, *, discard: bool = False) -> None:
        """Close the project and give back its lock. Unsaved edits stay
        recoverable (the next start offers them) unless `discard`."""
        self._close_search()
        self._wc.close(discard=discard)

    # -- what it is --------------------------------------------------------------
    @property
    def working_copy(self) -> WorkingCopy:
        """The storage underneath (lock, working copy, base)."""
        return self._wc

    @property
    def path(self) -> Path:
        """The project file (it changes with `save_as`)."""
        return self._wc.target

    @property
    def name(self) -> str:
        return self._wc.target.name

    @property
    def read_only(self) -> bool:
        """Opened read-only (someone else is editing it): every edit is refused."""
        return self._wc.read_only

    @property
    def claim(self) -> Claim:
        """How the project stands with its lock file."""
        return self._wc.claim

    def retake_lock(self) -> bool:
        """Editing without a lock of our own (beside someone's, or none could be
        written): take it once their lock is gone or there is room for it. True
        when the claim changed (the window says the new state)."""
        from pmdesk.core.storage.lockfile import retake

        claim = retake(self._wc.target, self.user, self._wc.claim)
        if claim is self._wc.claim:
            return False
        self._wc.claim = claim
        return True

    @property
    def user(self) -> str:
        return self._wc.user

    def set_user(self, name: str) -> None:
        """Record the next edits as made by `name` (the history's "by")."""
        self._wc.set_user(name)

    def unsaved_edits(self) -> int:
        """How many edits the project file does not have yet."""
        return self._wc.unsaved_edits()

    @property
    def dirty(self) -> bool:
        return self.unsaved_edits() > 0

    def file_changed(self) -> bool:
        """Has someone replaced the project file since it was opened or last saved?"""
        return self._wc.target_changed()

    def file_is_older_copy(self) -> bool:
        """Does the project file now hold an older version of what was opened or
        last saved (a sync tool or a restore put it back)? Histories only."""
        from pmdesk.core.merge.target import is_older_copy

        return is_older_copy(self._wc)

    def file_replaced_by_stranger(self) -> Literal["not_project", "other_project"] | None:
        """Has the project file been replaced by no version of this project (a
        damaged file, another application's, another project's)?"""
        from pmdesk.core.merge.target import replaced_by_stranger

        return replaced_by_stranger(self._wc)

    # -- editing -----------------------------------------------------------------
    def apply(self, op: Operation) -> Applied:
        """Apply one operation as one transaction (OperationError `edit.read_only`
        in a read-only project)."""
        if self.read_only:
            raise OperationError("edit.read_only", name=self.name)
        return self._followed(self._wc.apply(op))

    def take_in(self, op: Operation) -> Applied:
        """Apply `op` even in a read-only project: a newer version of the file
        taken in (there is nothing of ours to merge). Only merges of the project
        file's own newer version come here; they are never published."""
        return self._followed(self._wc.take_in(op))

    # -- baselines -----------------------------------------------------------------
    def create_baseline(self, name: str, uid: str | None = None) -> Applied:
        """Freeze the project now as baseline `name` (refused names raise
        OperationError, said in one sentence)."""
        from pmdesk.core.ops import CreateBaseline
        from pmdesk.core.snapshot.baselines import new_baseline_uid

        return self.apply(CreateBaseline(uid or new_baseline_uid(), name))

    def rename_baseline(self, uid: str, name: str) -> Applied:
        from pmdesk.core.ops import RenameBaseline

        return self.apply(RenameBaseline(uid, name))

    def delete_baseline(self, uid: str) -> Applied:
        from pmdesk.core.ops import DeleteBaseline

        return self.apply(DeleteBaseline(uid))

    # -- saving and merging ----------------------------------------------------------
    def save(
        self,
        *,
        resolve: Resolver = refuse,
        record: Record | None = None,
        wait: Wait = run_here,
    ) -> Saved:
        """Publish the project over its file, merging a colleague's save first.

        `resolve` settles the merge's conflicts (the default refuses them with
        `merge.conflicts`; returning None cancels: nothing saved). `record`
        writes the merge instead of `apply` (the window makes it an undo step);
        `wait` runs the slow reads (the window keeps painting). A read-only
        project is never saved (`edit.read_only`)."""
        if self.read_only:
            raise OperationError("edit.read_only", name=self.name)
        saved = save_project(self._wc, resolve=resolve, record=record, wait=wait)
        if saved.merged is not None:
            self._search_stale()
        return saved

    def save_over(
        self,
        *,
        overwrite_changes: bool = False,
        replacing_seen: dict[str, object] | None = None,
        recreating: bool = False,
    ) -> None:
        """Publish without merging: over a file a colleague changed only if
        `overwrite_changes`; over the file fingerprinted `replacing_seen` only
        (an older copy looked at); or where the file has gone (`recreating`)."""
        if self.read_only:
            raise OperationError("edit.read_only", name=self.name)
        self._wc.save(
            overwrite_changes=overwrite_changes,
            replacing_seen=dict(replacing_seen) if replacing_seen is not None else None,
            recreating=recreating,
        )

    def merge_saved(
        self, *, resolve: Resolver = refuse, record: Record | None = None, wait: Wait = run_here
    ) -> Merged:
        """Take a colleague's save of the project file in now, without saving
        (read-only: their version is shown). `Merged.older`: the file holds an
        older copy of ours, nothing was merged (Save puts ours back)."""
        merged = merge_target(self._wc, resolve=resolve, record=record, wait=wait)
        self._search_stale()
        return merged

    def merge_copy(
        self,
        copy: Path,
        *,
        resolve: Resolver = refuse,
        record: Record | None = None,
        wait: Wait = run_here,
    ) -> Merged:
        """Merge `copy`, this project edited elsewhere (e-mailed back), into the
        open project; the project file changes with the next save."""
        merged = merge_copy(self._wc, copy, resolve=resolve, record=record, wait=wait)
        self._search_stale()
        return merged

    def save_as(self, target: Path) -> None:
        """Publish to `target` and edit that file from now on (its lock is taken;
        a read-only project becomes an editable copy)."""
        self._close_search()  # its file moves with the working copy's folder
        self._wc.save_as(target)

    # -- search ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 100) -> Results:
        """Full-text search from the project's index (built on the first call,
        then kept in step with every edit, undo and merge; see core.search).
        An index that cannot be written or read (a full disk, a damaged file)
        is not needed: the project is read instead for the rest of the
        session, and the index file removed (the next session builds it)."""
        if not self._search_failed:
            try:
                return self.search_index().search(query, limit)
            except (OSError, sqlite3.Error):
                self._search_failed = True
                self._close_search(remove=True)
        return super().search(query, limit)

    @property
    def search_ready(self) -> bool:
        """Whether `search` answers from a built index right away (never builds
        or opens one: a view that only wants quick answers asks this first)."""
        return self._search is not None and self._search.ready

    def prepare_search(self) -> None:
        """Start building the search index on a thread of its own (the window
        does once a project is open; searches meanwhile read the project). An
        index that cannot be made now (a full disk) is left out for the session."""
        if self._search_failed:
            return
        try:
            self.search_index().start()
        except (OSError, sqlite3.Error):
            self._search_failed = True
            self._close_search(remove=True)

    def search_index(self) -> FtsIndex:
        """The index behind `search`: `ready` once built, `sync()` builds it
        (the window does that on its task runner). Thread-safe."""
        if self._search is None:
            from pmdesk.core.search.fts import FtsIndex

            self._search = FtsIndex(self._wc.slot / SEARCH_INDEX, self._fetching)
        return self._search

    @contextmanager
    def _fetching(self) -> Iterator[Fetch]:
        with self._connect() as conn:
            yield fetch_on(conn)

    def _followed(self, applied: Applied) -> Applied:
        if self._search is not None:
            try:
                self._search.follow(applied.effects)
            except (OSError, sqlite3.Error):  # derived data: never fail an edit for it
                self._search.mark_stale()
        return applied

    def _search_stale(self) -> None:
        if self._search is not None:
            self._search.mark_stale()

    def _close_search(self, *, remove: bool = False) -> None:
        if self._search is not None:
            with contextlib.suppress(sqlite3.Error):
                self._search.close()
            self._search = None
        if remove:
            for side in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(OSError):
                    (self._wc.slot / f"{SEARCH_INDEX}{side}").unlink(missing_ok=True)


SEARCH_INDEX = "search.sqlite"  # in the working copy's folder: never published
