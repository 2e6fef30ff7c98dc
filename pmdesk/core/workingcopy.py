"""Working copy and atomic publish (DESIGN "Editing model", steps 1–3).

Open copies the project into a private working copy in the user's data folder
and keeps a second copy as the *base* (what the target held when opened or last
saved, for the three-way merge). Every operation commits to the working copy,
so a crash loses nothing; Save publishes the working copy atomically over the
target. A working copy left behind by a dead process can be recovered.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pmdesk.core import lockfile, versions
from pmdesk.core.clock import utc_now
from pmdesk.core.errors import OperationError, PmdeskError, ProjectFileError, ProjectInUseError
from pmdesk.core.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.lockfile import Access, Claim
from pmdesk.core.lockfile import pid_alive as _pid_alive
from pmdesk.core.places import default_data_dir, default_user
from pmdesk.core.sqlite_files import (
    connect,
    copy_database,
    copy_published,
    fingerprint,
    publish,
    replacing,
    same_file,
)
from pmdesk.core.tree_read import last_history_seq

# Opening a project and painting its tree need none of SQLAlchemy: the store
# (and with it the ORM) loads on first use.
if TYPE_CHECKING:
    from pmdesk.core.ops import Applied, Operation
    from pmdesk.core.store import ProjectStore

Leftover = Literal["error", "recover", "discard"]
STATE = "state.json"
WORK = "work.pmdesk"
BASE = "base.pmdesk"


def _slot(data_dir: Path, target: Path, *, read_only: bool = False) -> Path:
    digest = hashlib.sha256(str(target).encode("utf-8")).hexdigest()[:16]
    # A read-only open has a slot of its own: looking at a project must never
    # replace unsaved work left in its editing slot (it stays for "Later").
    return data_dir / "working" / (f"{digest}-view" if read_only else digest)


def _write_state(slot: Path, state: dict[str, Any]) -> None:
    with replacing(slot / STATE) as tmp:
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")


def _read_state(slot: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((slot / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _settled(state: dict[str, Any]) -> dict[str, Any]:
    """The state with an interrupted save resolved: if the target is exactly the
    file that save was about to publish, the save happened; otherwise it did not."""
    pending = state.get("pending")
    if not isinstance(pending, dict) or pending.get("target") != state.get("target"):
        return state
    try:
        published = fingerprint(Path(state["target"])) == pending.get("fingerprint")
    except OSError:
        return state
    if not published:
        return state
    return {
        **state,
        "saved_seq": pending["saved_seq"],
        "target_fingerprint": pending["fingerprint"],
    }


def _refuse_if_in_use(target: Path, state: dict[str, Any]) -> None:
    pid = int(state.get("pid", 0))
    if state.get("host") == socket.gethostname() and pid != os.getpid() and _pid_alive(pid):
        raise ProjectInUseError("project.in_use_by", name=target.name, pid=pid)


def _refuse_if_unreadable_for_now(slot: Path, target: Path, data_dir: Path) -> None:
    """A working copy that cannot be read now because its disk is full may hold
    unsaved work nobody could count: it is never replaced (a damaged one is)."""
    from pmdesk.core.disk_space import is_disk_full

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
    from pmdesk.core.disk_space import is_disk_full

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


@dataclass(frozen=True)
class Recoverable:
    """A working copy whose pmdesk ended without saving it."""

    target: Path
    slot: Path
    unsaved_edits: int
    last_edit_at: str


def find_recoverable(data_dir: Path | None = None) -> list[Recoverable]:
    """Working copies left by pmdesk processes that are gone, with unsaved edits."""
    root = (data_dir or default_data_dir()) / "working"
    found = []
    for slot in sorted(root.glob("*")) if root.is_dir() else []:
        info = _leftover(slot)
        if info is not None:
            found.append(info)
    return found


def _leftover(slot: Path) -> Recoverable | None:
    state = _read_state(slot)
    if state is None or not (slot / WORK).exists():
        return None
    state = _settled(state)
    pid = int(state.get("pid", 0))
    if state.get("host") == socket.gethostname() and pid != os.getpid() and _pid_alive(pid):
        return None  # still open in another running pmdesk
    try:
        last = last_history_seq(slot / WORK)
    except Exception:  # a working copy damaged beyond reading cannot be offered
        return None
    unsaved = last - int(state.get("saved_seq", 0))
    if unsaved <= 0:
        return None
    return Recoverable(Path(state["target"]), slot, unsaved, str(state.get("touched_at", "")))


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

    @property
    def read_only(self) -> bool:
        return self.claim.read_only

    @property
    def store(self) -> ProjectStore:
        """The working copy's database, opened on first use (see the imports)."""
        if self._store is None:
            from pmdesk.core.store import ProjectStore

            engine = connect(self.work_path, journal="wal", keep_open=True)
            self._store = ProjectStore(engine, self._user)
        return self._store

    @staticmethod
    def check_free(target: Path, data_dir: Path | None = None, *, access: Access = "edit") -> None:
        """Raise what `open` (with leftover="error") raises before it copies
        anything: the project is open in another pmdesk, or has unsaved edits
        from an earlier session (which a read-only open leaves alone)."""
        target = target.resolve()
        slot = _slot(data_dir or default_data_dir(), target, read_only=access == "read_only")
        state = _read_state(slot)
        if state is None:
            return
        _refuse_if_in_use(target, state)
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
        target = target.resolve()
        data_dir = data_dir or default_data_dir()
        slot = _slot(data_dir, target, read_only=access == "read_only")
        state = _read_state(slot)
        if state is not None:
            _refuse_if_in_use(target, state)
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
        try:
            if slot.exists():
                shutil.rmtree(slot)
            slot.mkdir(parents=True)
            seen = copy_published(target, slot / WORK)
            backup = None
            if read_header(slot / WORK).schema_version != SCHEMA_VERSION:
                from pmdesk.core.projectfile import upgrade_copy

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
        claim = lockfile.claim(target, user or default_user(), access)
        try:
            settled = _settled(state)
            if settled is not state or "pending" in state:
                # A save finished its rename but died before recording it: the base
                # must become what was published.
                with replacing(slot / BASE) as tmp:
                    copy_database(target, tmp, journal="delete")
            state = {**settled, "pid": os.getpid(), "host": socket.gethostname()}
            state.pop("pending", None)
            for leftover in slot.glob(".*.tmp*"):  # temporary files of a killed save
                leftover.unlink(missing_ok=True)
            _write_state(slot, state)
        except BaseException:
            claim.release(target)
            raise
        return cls(target, slot, state, user, claim)

    # -- editing -------------------------------------------------------------
    def apply(self, operation: Operation) -> Applied:
        if self.read_only:
            raise OperationError("edit.read_only", name=self.target.name)
        return self.store.apply(operation)

    @property
    def work_path(self) -> Path:
        return self.slot / WORK

    @property
    def base_path(self) -> Path:
        return self.slot / BASE

    def unsaved_edits(self) -> int:
        return self._last_seq_live() - int(self._state["saved_seq"])

    def target_changed(self) -> bool:
        """Has someone replaced the target since we opened or last saved it?"""
        try:
            return not same_file(self._state["target_fingerprint"], self.target)
        except FileNotFoundError:
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
        _write_state(self.slot, self._state)

    # -- saving --------------------------------------------------------------
    def save(self, *, overwrite_changes: bool = False) -> None:
        """Publish the working copy over the target, atomically.

        If a colleague saved the target meanwhile, refuse rather than overwrite
        their work silently: the caller merges their save first (target_merge).
        A read-only copy is never published (Save As makes an editable one).
        """
        from pmdesk.core.savelock import saving

        if self.read_only:
            raise OperationError("edit.read_only", name=self.target.name)

        with saving(self.target):  # nobody else checks and replaces it meanwhile
            if not overwrite_changes and self.target_changed():
                raise PmdeskError("save.changed_by_other", name=self.target.name)
            self._publish_to(self.target)

    def save_as(self, new_target: Path) -> None:
        """Publish to a new path and continue editing that file from now on: its
        lock is taken (refused if someone else holds it) and the old one removed.
        A read-only project becomes an editable copy."""
        new_target = new_target.resolve()
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

        def note_pending(tmp: Path) -> None:
            # Written before the rename: if we die right after it, the next open
            # recognises the published file as our own save, not a colleague's.
            published.update(fingerprint(tmp))
            pending = {"target": str(target), "saved_seq": saved_seq, "fingerprint": published}
            _write_state(self.slot, {**self._state, "pending": pending})

        publish(self.work_path, target, before_replace=note_pending)
        self._state.pop("pending", None)
        self._state.update(saved_seq=saved_seq, touched_at=utc_now(), target_fingerprint=published)
        with replacing(self.base_path) as tmp:
            copy_database(target, tmp, journal="delete")
        versions.remember(self.slot.parent.parent, self.base_path)
        _write_state(self.slot, self._state)

    def _last_seq_live(self) -> int:
        if self._store is None:  # never edited in this session: read the file
            return last_history_seq(self.work_path)
        from sqlalchemy import func, select

        from pmdesk.core.model import HistoryEntry

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
        self.claim.release(self.target)
        if discard or not dirty:
            shutil.rmtree(self.slot, ignore_errors=True)
        else:
            self._state["pid"] = 0
            with contextlib.suppress(PmdeskError):
                _write_state(self.slot, self._state)


def discard_leftover(item: Recoverable) -> None:
    shutil.rmtree(item.slot, ignore_errors=True)
