"""One save at a time: a short-lived marker beside the project file.

Two people pressing Save at the same moment would both find the file as they
last saw it and both replace it: the second would silently undo the first. So
a save holds `.~save.NAME#` (created exclusively, like the editing lock) from
the moment it checks the file until its copy has replaced it — well under a
second. On one machine and on network shares the exclusive create is atomic; a
sync folder cannot lock across machines at all, which is why Save also merges.
A marker older than a minute is a crashed save's and is cleared.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pmdesk.core.errors import PmdeskError

STALE_SECONDS = 60.0


def save_marker(target: Path) -> Path:
    return target.with_name(f".~save.{target.name}#")


@contextmanager
def saving(target: Path, *, wait: float = 10.0) -> Iterator[None]:
    """Hold the save marker of `target` (waiting up to `wait` seconds for another save)."""
    marker = save_marker(target)
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            _clear_if_stale(marker)
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
        os.write(fd, f"{os.getpid()}\n".encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(OSError):
            marker.unlink()


def _clear_if_stale(marker: Path) -> None:
    with contextlib.suppress(OSError):
        if time.time() - marker.stat().st_mtime > STALE_SECONDS:
            marker.unlink()
