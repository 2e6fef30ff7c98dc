"""One save at a time: a short-lived marker beside the project file.

Two people pressing Save at the same moment would both find the file as they
last saw it and both replace it: the second would silently undo the first. So
a save holds `.~save.NAME#` (created exclusively, like the editing lock) from
the moment it checks the file until its copy has replaced it — well under a
second. On one machine and on network shares the exclusive create is atomic; a
sync folder cannot lock across machines at all, which is why Save also merges.

The marker says which process on which host holds it. A marker of a process of
this host that has ended is stale at once; one from another host (whose
processes cannot be checked) after a minute; one that holds nothing readable
(its save died between creating and writing it) after a few seconds. A stale
marker that cannot be deleted is treated as absent: the publish is atomic and
Save merges, so refusing every save for good would protect nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from pmdesk.core.errors import PmdeskError
from pmdesk.core.storage.lockfile import pid_alive

STALE_SECONDS = 60.0  # another host's marker: its save has surely ended
EMPTY_STALE_SECONDS = 2.0  # a marker without content: its save died as it began
_MAX_MARKER_BYTES = 4096

# Markers this process holds, by the thread holding each: a save within a
# merge that holds the marker already (target_merge.save_merging) goes on.
_held: dict[Path, int] = {}
if hasattr(os, "register_at_fork"):  # a forked child holds no marker of its parent's
    os.register_at_fork(after_in_child=_held.clear)


def save_marker(target: Path) -> Path:
    return target.with_name(f".~save.{target.name}#")


def _mine() -> bytes:
    return json.dumps({"host": socket.gethostname(), "pid": os.getpid()}).encode("utf-8")


@contextmanager
def saving(target: Path, *, wait: float = 10.0) -> Iterator[None]:
    """Hold the save marker of `target` (waiting up to `wait` seconds for another save)."""
    marker = save_marker(target)
    if _held.get(marker) == threading.get_ident():
        yield  # ours already, further up this thread's call
        return
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            found = _clear_if_stale(marker)
            if found == "gone":
                continue
            if found == "stuck":
                yield  # stale but undeletable: not ours to remove afterwards
                return
            if time.monotonic() > deadline:
                raise PmdeskError("save.busy", name=target.name) from None
            time.sleep(0.05)
            continue
        except OSError:
            # A folder where nothing can be created: the save itself will say why.
            yield
            return
        break
    try:
        try:
            os.write(fd, _mine())
        except OSError:
            pass  # a full disk: the marker is ours all the same (an empty one)
        finally:
            os.close(fd)
        _held[marker] = threading.get_ident()
        yield
    finally:
        _held.pop(marker, None)
        with contextlib.suppress(OSError):
            marker.unlink()


def clear_stale_marker(target: Path) -> None:
    """Remove the marker a killed save left beside `target`, if it is stale
    (opening a project tidies up, so the shared folder does not keep it until
    somebody saves again)."""
    with contextlib.suppress(OSError):
        _clear_if_stale(save_marker(target))


def _read(marker: Path) -> tuple[bytes, float] | None:
    """The marker's content and age in seconds; None if it is gone."""
    try:
        with marker.open("rb") as f:
            data = f.read(_MAX_MARKER_BYTES)
            age = time.time() - os.fstat(f.fileno()).st_mtime
    except FileNotFoundError:
        return None
    except OSError:  # there but unreadable: judge it by its age alone
        try:
            return b"", time.time() - marker.stat().st_mtime
        except OSError:
            return None
    return data, age


def _is_stale(data: bytes, age: float) -> bool:
    try:
        holder = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        holder = None
    if not isinstance(holder, dict):
        # Empty (killed right after creating it) or an older pmdesk's bare pid.
        return age > (EMPTY_STALE_SECONDS if not data.strip() else STALE_SECONDS)
    host, pid = holder.get("host"), holder.get("pid")
    if host == socket.gethostname() and isinstance(pid, int):
        return pid != os.getpid() and not pid_alive(pid)
    return age > STALE_SECONDS


def _clear_if_stale(marker: Path) -> Literal["gone", "held", "stuck"]:
    """Remove a stale marker: "gone" if there is none any more, "held" if a
    live save holds it, "stuck" if it is stale and cannot be deleted. (Another
    pmdesk clearing the same stale marker could slip in between the read and
    the removal; the window is microseconds, as for the editing lock.)"""
    seen = _read(marker)
    if seen is None:
        return "gone"
    if not _is_stale(*seen):
        return "held"
    again = _read(marker)
    if again is None:
        return "gone"
    if again[0] != seen[0]:
        return "held"  # replaced just now: judged again on the next round
    try:
        marker.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return "stuck"
    return "gone"
