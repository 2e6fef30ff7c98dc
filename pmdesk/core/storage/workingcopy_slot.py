"""A working copy's slot in the data folder: its file names, its record
(state.json), and which slots this process has open.

Apart from `workingcopy` because the slot is shared ground: the working copy
writes it, the recovery of leftovers (`workingcopy_recovery`) reads it, and a
document's paths are resolved through it (`project_file_of`).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from pathlib import Path
from typing import Any

from pmdesk.core.errors import ProjectInUseError
from pmdesk.core.storage.lockfile import pid_alive as _pid_alive
from pmdesk.core.storage.sqlite_files import replacing

STATE = "state.json"
WORK = "work.pmdesk"
BASE = "base.pmdesk"
BASE_NEXT = "base.next.pmdesk"  # what a save is publishing: the base once it is done
BASE_IN_NEXT = "base_in_next"  # state: a save's last rename failed; BASE_NEXT is the base


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


def project_file_of(database: Path) -> Path:
    """The project file a database stands for: a working copy (or its base)
    publishes to its target; any other file is the project itself. What a
    document's paths (a Kano survey's CSV) are relative to is its folder."""
    if database.name in (WORK, BASE):
        state = _read_state(database.parent)
        if state is not None and isinstance(state.get("target"), str):
            return Path(state["target"])
    return database


# Working copies open in this process (two windows of one pmdesk): another
# open of the same slot is refused, never allowed to delete it.
_open_slots: set[Path] = set()
if hasattr(os, "register_at_fork"):  # a forked child is another process: the pid tells
    os.register_at_fork(after_in_child=_open_slots.clear)


def _refuse_if_in_use(target: Path, state: dict[str, Any], slot: Path | None = None) -> None:
    pid = int(state.get("pid", 0))
    if state.get("host") != socket.gethostname():
        return
    if (pid == os.getpid() and slot in _open_slots) or (pid != os.getpid() and _pid_alive(pid)):
        raise ProjectInUseError("project.in_use_by", name=target.name, pid=pid)
