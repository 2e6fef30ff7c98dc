"""Working copies a pmdesk process left behind, and saves it left half done.

Apart from `workingcopy` because it reads the slots without opening them: which
leftovers hold unsaved edits (offered at start), and whether an interrupted
save was published (`_settled`, also used when a leftover is resumed).
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmdesk.core.storage import versions
from pmdesk.core.storage.lockfile import pid_alive as _pid_alive
from pmdesk.core.storage.places import default_data_dir
from pmdesk.core.storage.sqlite_files import fingerprint
from pmdesk.core.storage.tree_read import last_history_seq
from pmdesk.core.storage.workingcopy_slot import (
    BASE,
    BASE_NEXT,
    WORK,
    _open_slots,
    _read_state,
)


def _settled(slot: Path, state: dict[str, Any]) -> tuple[dict[str, Any], bool | None]:
    """The state with an interrupted save resolved, and whether that save was
    published (None: no save was interrupted).

    A save copies the file it publishes into the slot as BASE_NEXT and notes it
    as `pending` before its rename, and replaces the base with it after. So the
    save happened if the target is that file (by content: a rename keeps it, but
    changes the ctime); or if the base is that file already; or if a colleague
    saved over it since and their file holds every change the save brought
    (their save merged ours).
    Otherwise it did not happen (or someone put back a file without it): its
    edits are still unsaved, and the old base is still what they were made on.
    """
    pending = state.get("pending")
    if not isinstance(pending, dict) or pending.get("target") != state.get("target"):
        return state, None
    published: dict[str, Any] = dict(pending.get("fingerprint") or {})
    target = Path(state["target"])
    seen = published
    try:
        now = fingerprint(target)
    except OSError:
        now = None
    if now is not None and _same_content(now, published):
        done, seen = True, now  # the target is our file: no colleague's version to merge
    elif _same_content(_print_or_none(slot / BASE), published):
        done = True  # the base was replaced already, after the rename
    elif (slot / BASE_NEXT).is_file():
        done = now is not None and _merged_into(target, slot / BASE_NEXT, slot / BASE)
    else:
        done = False
    if not done:
        return state, False
    return {**state, "saved_seq": pending["saved_seq"], "target_fingerprint": seen}, True


def _same_content(a: dict[str, Any] | None, b: dict[str, Any]) -> bool:
    return a is not None and (a.get("size"), a.get("sha256")) == (b.get("size"), b.get("sha256"))


def _print_or_none(path: Path) -> dict[str, Any] | None:
    try:
        return fingerprint(path)
    except OSError:
        return None


def _merged_into(target: Path, published: Path, old_base: Path) -> bool:
    """Does `target` hold every history entry that `published` added to
    `old_base`? (A merge keeps both sides' history.)"""
    try:
        added = versions.history_uids(published) - versions.history_uids(old_base)
        return bool(added) and added <= versions.history_uids(target)
    except (OSError, sqlite3.Error):
        return False


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
    state, _ = _settled(slot, state)
    pid = int(state.get("pid", 0))
    if state.get("host") == socket.gethostname() and pid != os.getpid() and _pid_alive(pid):
        return None  # still open in another running pmdesk
    if pid == os.getpid() and slot in _open_slots:
        return None  # open in another window of this pmdesk: never offered, never discarded
    try:
        last = last_history_seq(slot / WORK)
    except Exception:  # a working copy damaged beyond reading cannot be offered
        return None
    unsaved = last - int(state.get("saved_seq", 0))
    if unsaved <= 0:
        return None
    return Recoverable(Path(state["target"]), slot, unsaved, str(state.get("touched_at", "")))


def discard_leftover(item: Recoverable) -> None:
    shutil.rmtree(item.slot, ignore_errors=True)
