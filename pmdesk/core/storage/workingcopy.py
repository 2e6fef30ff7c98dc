"""Working copy and atomic publish (DESIGN "Editing model", steps 1–3).

Open copies the project into a private working copy in the user's data folder
and keeps a second copy as the *base* (what the target held when opened or last
saved, for the three-way merge). Every operation commits to the working copy,
so a crash loses nothing; Save publishes the working copy atomically over the
target. A working copy left behind by a dead process can be recovered
(`workingcopy_recovery`); the slot's files and record are `workingcopy_slot`'s.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pmdesk.core.clock import utc_now
from pmdesk.core.errors import OperationError, PmdeskError, ProjectFileError, ProjectInUseError
from pmdesk.core.storage import lockfile, versions
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.lockfile import Access, Claim
from pmdesk.core.storage.lockfile import pid_alive as _pid_alive
from pmdesk.core.storage.places import default_data_dir, default_user
from pmdesk.core.storage.sqlite_files import (
    connect,
    copy_database,
    copy_published,
    fingerprint,
    fsync_path,
    publish,
    replacing,
    same_file,
    sweep_stale_temps,
)
from pmdesk.core.storage.tree_read import last_history_seq
from pmdesk.core.storage.workingcopy_recovery import (
    Recoverable,
    _leftover,
    _print_or_none,
    _same_content,
    _settled,
)
from pmdesk.core.storage.workingcopy_recovery import discard_leftover as discard_leftover
from pmdesk.core.storage.workingcopy_recovery import find_recoverable as find_recoverable
from pmdesk.core.storage.workingcopy_slot import (
    BASE,
    BASE_IN_NEXT,
    BASE_NEXT,
    WORK,
    _open_slots,
    _read_state,
    _refuse_if_in_use,
    _slot,
    _write_state,
)

# Opening a project and painting its tree need none of SQLAlchemy: the store
# (and with it the ORM) loads on first use.
if TYPE_CHECKING:
    from pmdesk.core.ops import Applied, Operation
    from pmdesk.core.storage.store import ProjectStore

Leftover = Literal["error", "recover", "discard"]


def _refuse_if_unreadable_for_now(slot: Path, target: Path, data_dir: Path) -> None:
    """A working copy that cannot be read now because its disk is full may hold
    unsaved work nobody could count: it is never replaced (a damaged one is)."""
    from pmdesk.core.storage.disk_space import is_disk_full

    if not (slot / WORK).exists():
        return
    try:
        last_history_seq(slot / WORK)
    except Exception as e:
        if is_disk_full(e):
            raise PmdeskError("open.data_full", name=target.name, folder=data_dir) from None


def _open_failure(error: OSError | PmdeskError, target: Path, data_dir: Path) -> PmdeskError:
    """One sentence for an open that failed while copying the project into the
    data folder, naming the project and, where it is to blame, that folder (the
    working copy's own file names mean nothing to the user)."""
    from pmdesk.core.storage.disk_space import is_disk_full

    if is_disk_full(error):
        return PmdeskError("open.data_full", name=target.name, folder=data_dir)
    if isinstance(error, PmdeskError):
        return error
    where = Path(error.filename) if isinstance(error.filename, str) else None
    reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
    if where is not None and where.is_relative_to(data_dir):
        return PmdeskError(
            "open.data_failed", name=target.name, folder=data_dir, reason=reason or str(error)
        )
    return ProjectFileError("file.unreadable", path=target, reason=reason or str(error))


def _resolved(target: Path) -> Path:
    """`target` with its links resolved; a link that leads back to itself said
    as such (Python 3.11's `resolve` raises RuntimeError there)."""
    from pmdesk.core.storage.places import resolved

    found = resolved(target)
    if found is None:
        raise ProjectFileError("file.link_loop", path=target)
    return found


def _copy_durably(source: Path, destination: Path) -> None:
    shutil.copyfile(source, destination)
    fsync_path(destination)


def _after_rename(published: dict[str, Any], target: Path) -> dict[str, Any]:
    """The fingerprint of the file just renamed over `target`: a rename keeps
    inode, size and modification time but changes the ctime. (If another file
    is there already, a colleague saved this instant: leave it to the hash.)"""
    try:
        st = target.stat()
    except OSError:
        return published
    if (st.st_ino, st.st_size, st.st_mtime_ns) != (
        published["ino"],
        published["size"],
        published["mtime_ns"],
    ):
        return published
    return {**published, "ctime_ns": st.st_ctime_ns}


def _data_folder_error(slot: Path, target: Path, error: BaseException) -> PmdeskError:
    """A save that cannot write its records in the data folder, in one sentence."""
    folder = slot.parent.parent
    if isinstance(error, OSError):
        full = error.errno == errno.ENOSPC
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
    else:
        reason = str(getattr(error, "params", {}).get("reason", error))
        full = reason == os.strerror(errno.ENOSPC).lower()
    if full:
        return PmdeskError("save.data_folder_full", name=target.name, folder=folder)
    reason = (reason or str(error)).lower()
    return PmdeskError("save.data_folder_failed", name=target.name, folder=folder, reason=reason)


def _still(seen: dict[str, Any], target: Path) -> bool:
    try:
        return same_file(seen, target)
    except FileNotFoundError:
        return False


def _sweep_beside(target: Path) -> None:
    """Clear the temporary copies and the save marker our killed saves left
    beside the project."""
    from pmdesk.core.storage.savelock import clear_stale_marker

    with contextlib.suppress(OSError):
        sweep_stale_temps(target)
    clear_stale_marker(target)


class WorkingCopy:
    """An open project: edits go to a private working copy; `save` publishes it.

    `claim` says how it stands with the lock file beside the target (pmdesk.core.
    lockfile): owned, someone else's (read-only or edit anyway), or none could be
    written. A read-only working copy refuses every edit.
    """

    def __init__(
        self,
        target: Path,
        slot: Path,
        state: dict[str, Any],
        user: str | None,
        claim: Claim | None = None,
    ):
        self.target = target
        self.slot = slot
        self._state = state
        self._user = user
        self._store: ProjectStore | None = None
        self.upgraded_from_backup: Path | None = None
        self.claim = claim or Claim("edit")
        self._base_waiting = False  # the last save's base is still BASE_NEXT
        _open_slots.add(slot)
        # The target as it was when a save refused to go over it (a damaged file
        # or another application's database in its place): saving again while it
        # is still that file puts ours there (target_merge.save_merging).
        self.unreadable_target: dict[str, Any] | None = None

    @property
    def read_only(self) -> bool:
        return self.claim.read_only

    @property
    def store(self) -> ProjectStore:
        """The working copy's database, opened on first use (see the imports)."""
        if self._store is None:
            from pmdesk.core.storage.store import ProjectStore

            engine = connect(self.work_path, journal="wal", keep_open=True)
            self._store = ProjectStore(engine, self._user)
        return self._store

    @staticmethod
    def check_free(target: Path, data_dir: Path | None = None, *, access: Access = "edit") -> None:
        """Raise what `open` (with leftover="error") raises before it copies
        anything: the project is open in another pmdesk, or has unsaved edits
        from an earlier session (which a read-only open leaves alone)."""
        target = _resolved(target)
        slot = _slot(data_dir or default_data_dir(), target, read_only=access == "read_only")
        state = _read_state(slot)
        if state is None:
            return
        _refuse_if_in_use(target, state, slot)
        info = _leftover(slot)
        if info is not None:
            raise ProjectFileError(
                "project.unsaved_leftover", name=target.name, count=info.unsaved_edits
            )

    @property
    def fingerprint(self) -> dict[str, Any]:
        """Size, time and hash of the target as it was opened or last saved."""
        return dict(self._state["target_fingerprint"])

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(
        cls,
        target: Path,
        *,
        data_dir: Path | None = None,
        user: str | None = None,
        leftover: Leftover = "error",
        access: Access = "edit",
    ) -> WorkingCopy:
        """Open `target` for editing. A leftover working copy with unsaved edits is
        recovered, discarded or reported (`ProjectFileError`), as `leftover` says;
        a read-only open leaves it alone (it has a slot of its own).
        The lock is taken as `access` says: "edit" raises `ProjectLockedError`
        (with the holder) when someone else holds it."""
        target = _resolved(target)
        data_dir = data_dir or default_data_dir()
        slot = _slot(data_dir, target, read_only=access == "read_only")
        state = _read_state(slot)
        if state is not None:
            _refuse_if_in_use(target, state, slot)
            info = _leftover(slot)
            if info is not None and leftover == "recover":
                return cls._resume(target, slot, state, user, access)
            if info is not None and leftover == "error":
                raise ProjectFileError(
                    "project.unsaved_leftover", name=target.name, count=info.unsaved_edits
                )
            if info is None and leftover != "discard":
                _refuse_if_unreadable_for_now(slot, target, data_dir)
        read_header(target)
        claim = lockfile.claim(target, user or default_user(), access)
        _sweep_beside(target)
        try:
            if slot.exists():
                shutil.rmtree(slot)
            slot.mkdir(parents=True)
            seen = copy_published(target, slot / WORK)
            backup = None
            if read_header(slot / WORK).schema_version != SCHEMA_VERSION:
                from pmdesk.core.storage.projectfile import upgrade_copy

                backup = upgrade_copy(slot / WORK, data_dir / "backups")
            shutil.copyfile(slot / WORK, slot / BASE)
            versions.remember(data_dir, slot / BASE)  # to merge a copy sent from it back
            state = {
                "target": str(target),
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "opened_at": utc_now(),
                "touched_at": utc_now(),
                "saved_seq": last_history_seq(slot / WORK),
                "target_fingerprint": seen,
            }
            _write_state(slot, state)
        except BaseException as e:
            shutil.rmtree(slot, ignore_errors=True)
            claim.release(target)
            if isinstance(e, OSError | PmdeskError):
                raise _open_failure(e, target, data_dir) from None
            raise
        wc = cls(target, slot, state, user, claim)
        wc.upgraded_from_backup = backup
        return wc

    @classmethod
    def recover(
        cls, item: Recoverable, *, user: str | None = None, access: Access = "edit"
    ) -> WorkingCopy:
        """Reopen a leftover working copy with its unsaved edits."""
        state = _read_state(item.slot)
        if state is None:
            raise ProjectFileError("project.recovery_gone", name=item.target.name)
        return cls._resume(item.target, item.slot, state, user, access)

    @classmethod
    def _resume(
        cls, target: Path, slot: Path, state: dict[str, Any], user: str | None, access: Access
    ) -> WorkingCopy:
        _refuse_if_in_use(target, state, slot)
        claim = lockfile.claim(target, user or default_user(), access)
        try:
            settled, published = _settled(slot, state)
            next_base = slot / BASE_NEXT
            if state.get(BASE_IN_NEXT) and "pending" not in state and next_base.is_file():
                os.replace(next_base, slot / BASE)  # what a finished save could not do
            elif published and next_base.is_file():
                os.replace(next_base, slot / BASE)  # the base is what was published
            elif published and not _same_content(
                _print_or_none(slot / BASE), settled["target_fingerprint"]
            ):
                with replacing(slot / BASE) as tmp:  # noted by an older pmdesk
                    copy_database(target, tmp, journal="delete")
            next_base.unlink(missing_ok=True)
            state = {**settled, "pid": os.getpid(), "host": socket.gethostname()}
            state.pop("pending", None)
            state.pop(BASE_IN_NEXT, None)
            for leftover in slot.glob(".*.tmp*"):  # temporary files of a killed save
                leftover.unlink(missing_ok=True)
            _write_state(slot, state)
        except BaseException as e:
            claim.release(target)
            if isinstance(e, OSError | PmdeskError):
                from pmdesk.core.storage.disk_space import is_disk_full

                if is_disk_full(e):  # the edits stay where they are, for a later try
                    raise PmdeskError(
                        "open.data_full", name=target.name, folder=slot.parent.parent
                    ) from None
            raise
        _sweep_beside(target)
        return cls(target, slot, state, user, claim)

    # -- editing -------------------------------------------------------------
    def apply(self, operation: Operation) -> Applied:
        if self.read_only:
            raise OperationError("edit.read_only", name=self.target.name)
        return self.store.apply(operation)

    def take_in(self, operation: Operation) -> Applied:
        """Apply `operation` even to a read-only copy: a newer version of the
        project file taken in (a merge with nothing of ours in it). The one
        write a read-only project takes; it is never published."""
        return self.store.apply(operation)

    @property
    def user(self) -> str:
        """Who is editing, for the history and the lock."""
        if self._store is not None:
            return self._store.user
        return self._user or default_user()

    def set_user(self, name: str) -> None:
        """Record the next edits as made by `name`."""
        self._user = name
        if self._store is not None:
            self._store.user = name

    @property
    def work_path(self) -> Path:
        return self.slot / WORK

    @property
    def base_path(self) -> Path:
        # Only if a save's last step, a rename in the data folder, failed.
        return self.slot / (BASE_NEXT if self._base_waiting else BASE)

    def unsaved_edits(self) -> int:
        return self._last_seq_live() - int(self._state["saved_seq"])

    def target_changed(self) -> bool:
        """Has someone replaced the target since we opened or last saved it?"""
        try:
            return not same_file(self._state["target_fingerprint"], self.target)
        except OSError:  # gone, a link to itself, unreadable: the save says which
            return True

    def adopt_base(
        self, published: Path, seen: dict[str, Any], *, unsaved: int | None = None
    ) -> None:
        """A colleague's save (a copy of it at `published`, with the target's
        fingerprint `seen`) has been merged into the working copy: it is the new
        base, and the target as it is now is no longer a change to merge.

        `unsaved`, if given, is how many of the working copy's edits are still
        unsaved: the history rows the merge brought in are not among them."""
        os.replace(published, self.base_path)
        versions.remember(self.slot.parent.parent, self.base_path)
        self._state["target_fingerprint"] = dict(seen)
        if unsaved is not None:
            self._state["saved_seq"] = self._last_seq_live() - unsaved
        try:
            _write_state(self.slot, self._state)
        except PmdeskError as e:
            # A full data disk: say so of the data folder, not of state.json.
            # The merge is in the working copy and the state here says so; on
            # disk the old record only counts the merge among the unsaved edits.
            raise _data_folder_error(self.slot, self.target, e) from None

    # -- saving --------------------------------------------------------------
    def save(
        self,
        *,
        overwrite_changes: bool = False,
        replacing_seen: dict[str, Any] | None = None,
        recreating: bool = False,
    ) -> None:
        """Publish the working copy over the target, atomically.

        If a colleague saved the target meanwhile, refuse rather than overwrite
        their work silently: the caller merges their save first (target_merge).
        `replacing_seen` is a target the caller has looked at and found to hold
        nothing new (an older copy put back): it is replaced if still there.
        `recreating`: the target has gone (deleted or moved away elsewhere); it
        is published there again if nothing has taken its place meanwhile.
        A read-only copy is never published (Save As makes an editable one).
        """
        from pmdesk.core.storage.savelock import saving

        if self.read_only:
            raise OperationError("edit.read_only", name=self.target.name)

        with saving(self.target):  # nobody else checks and replaces it meanwhile
            if recreating:
                if self.target.exists():
                    raise PmdeskError("save.changed_by_other", name=self.target.name)
                if self.target.is_symlink():
                    # A link to nowhere (or to itself): the project goes back
                    # in its own place, not wherever the link was left to lead.
                    self.target.unlink()
            elif replacing_seen is not None:
                if not _still(replacing_seen, self.target):
                    raise PmdeskError("save.changed_by_other", name=self.target.name)
            elif not overwrite_changes and self.target_changed():
                raise PmdeskError("save.changed_by_other", name=self.target.name)
            try:
                self._publish_to(self.target)
            except PmdeskError as e:
                folder = self.target.parent
                if e.code == "disk.full" and e.params.get("folder") == folder:
                    # The full disk is the share's: say that nothing was saved.
                    raise PmdeskError(
                        "save.share_full", name=self.target.name, folder=folder
                    ) from None
                raise

    def save_as(self, new_target: Path) -> None:
        """Publish to a new path and continue editing that file from now on: its
        lock is taken (refused if someone else holds it) and the old one removed.
        A read-only project becomes an editable copy."""
        new_target = _resolved(new_target)
        new_slot = _slot(self.slot.parent.parent, new_target)
        if new_slot.exists() and new_slot != self.slot:
            leftover = _read_state(new_slot)
            if leftover is not None and _pid_alive(int(leftover.get("pid", 0))):
                raise ProjectInUseError("project.in_use", name=new_target.name)
            unsaved = _leftover(new_slot)  # never replace work left for that file
            if unsaved is not None:
                raise ProjectFileError(
                    "project.unsaved_leftover", name=new_target.name, count=unsaved.unsaved_edits
                )
            shutil.rmtree(new_slot)
        claim = self._claim_for(new_target)
        try:
            self._publish_to(new_target)
        except BaseException:
            if claim is not self.claim:
                claim.release(new_target)
            raise
        if claim is not self.claim:
            self.claim.release(self.target)
            self.claim = claim
        user = self._user
        if self._store is not None:
            user = self._store.user
            self._store.dispose()
            self._store = None
        if new_slot != self.slot:
            shutil.move(str(self.slot), str(new_slot))
            _open_slots.discard(self.slot)
            _open_slots.add(new_slot)
        self.slot, self.target = new_slot, new_target
        self._state["target"] = str(new_target)
        _write_state(self.slot, self._state)
        self._user = user

    def _claim_for(self, new_target: Path) -> Claim:
        """The lock for editing `new_target`: ours already, or newly taken."""
        if new_target == self.target and self.claim.owned is not None:
            return self.claim
        user = self._store.user if self._store is not None else self._user
        return lockfile.claim(new_target, user or default_user(), "edit")

    def _publish_to(self, target: Path) -> None:
        saved_seq = self._last_seq_live()
        published: dict[str, Any] = {}
        next_base = self.slot / BASE_NEXT

        def note_pending(tmp: Path) -> None:
            # Before the rename, while nothing is published yet: the file about to
            # be published is kept as the next base, and a note says so. If we die
            # after the rename, the next start recognises the published file as
            # our own save, and still has it as the base for a colleague's save
            # over it (_settled). A full data folder fails the save here, with
            # the project file untouched, rather than after it.
            published.update(fingerprint(tmp))
            pending = {"target": str(target), "saved_seq": saved_seq, "fingerprint": published}
            if not self._settle_base():  # BASE_NEXT is the base still: keep it
                error = OSError(errno.EIO, os.strerror(errno.EIO))
                raise _data_folder_error(self.slot, target, error)
            for attempt in range(2):
                try:
                    _copy_durably(tmp, next_base)
                    _write_state(self.slot, {**self._state, "pending": pending})
                    break
                except (OSError, PmdeskError) as e:
                    next_base.unlink(missing_ok=True)
                    # A full disk: the versions pmdesk keeps there give their
                    # room back first (versions.make_room), then one more try.
                    if attempt or not self._room_for(published["size"], e):
                        raise _data_folder_error(self.slot, target, e) from None

        try:
            publish(self.work_path, target, before_replace=note_pending)
        except (OSError, PmdeskError):
            # Failed before the rename, or (a folder that cannot be flushed) after it.
            if not published or not _same_content(_print_or_none(target), published):
                if not self._base_waiting:
                    next_base.unlink(missing_ok=True)
                with contextlib.suppress(PmdeskError):
                    _write_state(self.slot, self._state)  # no save is pending
                raise
        # Published: from here on nothing may report the save as failed.
        self._state.pop("pending", None)
        self._state.update(
            saved_seq=saved_seq,
            touched_at=utc_now(),
            target_fingerprint=_after_rename(published, target),
        )
        self._base_waiting = True
        self._settle_base()
        versions.remember(self.slot.parent.parent, self.base_path)
        with contextlib.suppress(PmdeskError):
            # If even this small file cannot be written (a full disk), the note
            # written before the rename tells the next start what happened.
            _write_state(self.slot, self._state)

    def _room_for(self, size: int, error: BaseException) -> bool:
        """After `error`, a full data disk: make room for a save of `size`
        bytes by removing kept versions. True if any was removed."""
        from pmdesk.core.storage.disk_space import is_disk_full

        if not is_disk_full(error):
            return False
        return versions.make_room(self.slot.parent.parent, 2 * size + versions.SPARE_BYTES)

    def _settle_base(self) -> bool:
        """Make the last published file the base, if its save could not; False
        if that still fails (the next save must not overwrite BASE_NEXT, and
        the state says where the base is, for a restart)."""
        if self._base_waiting:
            with contextlib.suppress(OSError):
                os.replace(self.slot / BASE_NEXT, self.slot / BASE)
                self._base_waiting = False
        if self._base_waiting:
            self._state[BASE_IN_NEXT] = True
        else:
            self._state.pop(BASE_IN_NEXT, None)
        return not self._base_waiting

    def _last_seq_live(self) -> int:
        if self._store is None:  # never edited in this session: read the file
            return last_history_seq(self.work_path)
        from sqlalchemy import func, select

        from pmdesk.core.schema.tables import HistoryEntry

        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.max(HistoryEntry.seq))).scalar() or 0)

    # -- closing -------------------------------------------------------------
    def close(self, *, discard: bool = False) -> None:
        """Close the project and remove our lock. Unsaved edits stay recoverable
        unless `discard`."""
        # Discarding needs no count. Keeping does, and a working copy that cannot
        # be read now (its disk is full, so SQLite cannot make its shared-memory
        # file) is kept: never throw away work because it could not be counted.
        try:
            dirty = not discard and self.unsaved_edits() > 0
        except Exception:
            dirty = True
        if self._store is not None:
            self._store.dispose()
            self._store = None
        _open_slots.discard(self.slot)
        self.claim.release(self.target)
        if discard or not dirty:
            shutil.rmtree(self.slot, ignore_errors=True)
        else:
            self._state["pid"] = 0
            with contextlib.suppress(PmdeskError):
                _write_state(self.slot, self._state)
