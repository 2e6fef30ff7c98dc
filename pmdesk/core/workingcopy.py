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

from pmdesk.core.clock import utc_now
from pmdesk.core.errors import PmdeskError, ProjectFileError, ProjectInUseError
from pmdesk.core.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.places import default_data_dir
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


def _slot(data_dir: Path, target: Path) -> Path:
    digest = hashlib.sha256(str(target).encode("utf-8")).hexdigest()[:16]
    return data_dir / "working" / digest


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


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
    """An open project: edits go to a private working copy; `save` publishes it."""

    def __init__(self, target: Path, slot: Path, state: dict[str, Any], user: str | None):
        self.target = target
        self.slot = slot
        self._state = state
        self._user = user
        self._store: ProjectStore | None = None
        self.upgraded_from_backup: Path | None = None

    @property
    def store(self) -> ProjectStore:
        """The working copy's database, opened on first use (see the imports)."""
        if self._store is None:
            from pmdesk.core.store import ProjectStore

            engine = connect(self.work_path, journal="wal", keep_open=True)
            self._store = ProjectStore(engine, self._user)
        return self._store

    @staticmethod
    def check_free(target: Path, data_dir: Path | None = None) -> None:
        """Raise what `open` (with leftover="error") raises before it copies
        anything: the project is open in another pmdesk, or has unsaved edits
        from an earlier session."""
        target = target.resolve()
        slot = _slot(data_dir or default_data_dir(), target)
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
    ) -> WorkingCopy:
        """Open `target` for editing. A leftover working copy with unsaved edits is
        recovered, discarded or reported (`ProjectFileError`), as `leftover` says."""
        target = target.resolve()
        data_dir = data_dir or default_data_dir()
        slot = _slot(data_dir, target)
        state = _read_state(slot)
        if state is not None:
            _refuse_if_in_use(target, state)
            info = _leftover(slot)
            if info is not None and leftover == "recover":
                return cls._resume(target, slot, state, user)
            if info is not None and leftover == "error":
                raise ProjectFileError(
                    "project.unsaved_leftover", name=target.name, count=info.unsaved_edits
                )
        read_header(target)
        if slot.exists():
            shutil.rmtree(slot)
        slot.mkdir(parents=True)
        try:
            seen = copy_published(target, slot / WORK)
            backup = None
            if read_header(slot / WORK).schema_version != SCHEMA_VERSION:
                from pmdesk.core.projectfile import upgrade_copy

                backup = upgrade_copy(slot / WORK, data_dir / "backups")
            shutil.copyfile(slot / WORK, slot / BASE)
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
        except BaseException:
            shutil.rmtree(slot, ignore_errors=True)
            raise
        wc = cls(target, slot, state, user)
        wc.upgraded_from_backup = backup
        return wc

    @classmethod
    def recover(cls, item: Recoverable, *, user: str | None = None) -> WorkingCopy:
        """Reopen a leftover working copy with its unsaved edits."""
        state = _read_state(item.slot)
        if state is None:
            raise ProjectFileError("project.recovery_gone", name=item.target.name)
        return cls._resume(item.target, item.slot, state, user)

    @classmethod
    def _resume(
        cls, target: Path, slot: Path, state: dict[str, Any], user: str | None
    ) -> WorkingCopy:
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
        return cls(target, slot, state, user)

    # -- editing -------------------------------------------------------------
    def apply(self, operation: Operation) -> Applied:
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

    # -- saving --------------------------------------------------------------
    def save(self, *, overwrite_changes: bool = False) -> None:
        """Publish the working copy over the target, atomically.

        If a colleague saved the target meanwhile, refuse rather than overwrite
        their work silently (merging on save comes with the sharing work).
        """
        if not overwrite_changes and self.target_changed():
            raise PmdeskError("save.changed_by_other", name=self.target.name)
        self._publish_to(self.target)

    def save_as(self, new_target: Path) -> None:
        """Publish to a new path and continue editing that file from now on."""
        new_target = new_target.resolve()
        new_slot = _slot(self.slot.parent.parent, new_target)
        if new_slot.exists() and new_slot != self.slot:
            leftover = _read_state(new_slot)
            if leftover is not None and _pid_alive(int(leftover.get("pid", 0))):
                raise ProjectInUseError("project.in_use", name=new_target.name)
            shutil.rmtree(new_slot)
        self._publish_to(new_target)
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
        """Close the project. Unsaved edits stay recoverable unless `discard`."""
        dirty = self.unsaved_edits() > 0
        if self._store is not None:
            self._store.dispose()
            self._store = None
        if discard or not dirty:
            shutil.rmtree(self.slot, ignore_errors=True)
        else:
            self._state["pid"] = 0
            with contextlib.suppress(PmdeskError):
                _write_state(self.slot, self._state)


def discard_leftover(item: Recoverable) -> None:
    shutil.rmtree(item.slot, ignore_errors=True)
