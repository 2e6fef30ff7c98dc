"""Opening a project as background work: copy into the working copy and load the
tree rows off the GUI thread; the window then builds its panes from the result."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmdesk.core.projectfile import new_project
from pmdesk.core.queries import tree_rows
from pmdesk.core.workingcopy import Recoverable, WorkingCopy

UNTITLED = "untitled"


@dataclass
class OpenedProject:
    working_copy: WorkingCopy
    rows: list[tuple[Any, ...]]
    untitled: bool = False


def open_in_background_work(
    path: Path, data_dir: Path, user: str, recover: Recoverable | None, *, untitled: bool = False
) -> Callable[[], OpenedProject]:
    """A function (run on a worker thread) that opens `path` and loads its tree."""

    def work() -> OpenedProject:
        if recover is not None:
            wc = WorkingCopy.recover(recover, user=user)
        else:
            wc = WorkingCopy.open(path, data_dir=data_dir, user=user)
        try:
            with wc.store.engine.connect() as conn:
                rows = tree_rows(conn)
        except BaseException:
            wc.close(discard=True)
            raise
        return OpenedProject(wc, rows, untitled)

    return work


def untitled_path(data_dir: Path, template: str) -> Path:
    """Write a new, not yet saved project from `template` in the private data folder."""
    folder = data_dir / UNTITLED
    folder.mkdir(parents=True, exist_ok=True)
    for n in itertools.count(1):
        path = folder / f"Untitled-{n}.pmdesk"
        if not path.exists():
            break
    if template == "blank":
        new_project(path)
    else:
        from pmdesk.core.templates import write_template

        write_template(path, template)
    return path
