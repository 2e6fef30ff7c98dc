"""Opening a project as background work.

The tree is read first, straight from the project file with the standard
library, and handed to the window to paint. Once it is painted, the file is
copied into the working copy and the database layer (SQLAlchemy, ~0.5 s of
imports) is loaded, still off the GUI thread; waiting for the paint keeps that
work from competing with it. The window builds the other panes from the result.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pmdesk.app.tree.maps import TreeMaps, build_maps
from pmdesk.core.errors import PmdeskError
from pmdesk.core.storage.disk_space import data_folder_full
from pmdesk.core.storage.fileformat import SCHEMA_VERSION, read_header
from pmdesk.core.storage.lockfile import Access
from pmdesk.core.storage.tree_read import read_tree
from pmdesk.core.storage.workingcopy import WorkingCopy
from pmdesk.core.storage.workingcopy_recovery import Recoverable

if TYPE_CHECKING:
    from pmdesk.app.setup.new_project_dialog import NewProjectChoice

UNTITLED = "untitled"
# How long the worker waits at most for the window to paint the tree.
PAINT_WAIT_SECONDS = 2.0

# Called (on the worker thread) with the tree before the copy is made.
ShowTree = Callable[[TreeMaps], None]


@dataclass
class OpenedProject:
    working_copy: WorkingCopy
    tree: TreeMaps | None  # None: the tree already shown is the working copy's
    untitled: bool = False


def open_in_background_work(
    path: Path,
    data_dir: Path,
    user: str,
    recover: Recoverable | None,
    *,
    untitled: bool = False,
    tree_painted: threading.Event | None = None,
    access: Access = "edit",
) -> Callable[[ShowTree], OpenedProject]:
    """A function (run on a worker thread) that opens `path`. It reports the tree
    to `show_tree` as soon as it is read and, once `tree_painted` is set, copies
    the file and loads the database layer. `access` says how to treat the lock."""

    def work(show_tree: ShowTree) -> OpenedProject:
        shown: tuple[int, int] | None = None  # size and time of the file shown
        if recover is None:
            header = read_header(path)  # first: what is not a project is said as such
            WorkingCopy.check_free(path, data_dir, access=access)
            if header.schema_version == SCHEMA_VERSION:  # older ones upgrade first
                st = path.stat()
                show_tree(build_maps(read_tree(path)))
                shown = (st.st_size, st.st_mtime_ns)
                if tree_painted is not None:
                    tree_painted.wait(PAINT_WAIT_SECONDS)
            wc = WorkingCopy.open(path, data_dir=data_dir, user=user, access=access)
        else:
            try:
                wc = WorkingCopy.recover(recover, user=user, access=access)
            except (PmdeskError, OSError) as e:
                full = data_folder_full(e, data_dir, path.name)
                if full is not None:  # the work stays where it is, for the next try
                    raise full from None
                raise
        try:
            tree = None
            copied = wc.fingerprint
            if shown != (copied["size"], copied["mtime_ns"]):
                # Not shown yet, or a colleague saved the file between the two reads.
                tree = build_maps(read_tree(wc.work_path, readonly=False))
            _load_database_layer(wc)
        except BaseException as e:
            # A fresh copy goes; recovered work stays for the next try.
            wc.close(discard=recover is None)
            full = data_folder_full(e, data_dir, path.name)
            if full is not None:  # the copy fitted, its database's side files did not
                raise full from None
            raise
        # A project recovered from File ▸ New was never saved anywhere: still untitled.
        return OpenedProject(wc, tree, untitled or is_untitled(path, data_dir))

    return work


def _load_database_layer(wc: WorkingCopy) -> None:
    """Import what editing and the other panes need, and open the working copy's
    database, while the GUI thread paints the tree."""
    import pmdesk.core.ops
    import pmdesk.core.queries.requirements
    import pmdesk.export.directive_html
    import pmdesk.export.markdown_html  # noqa: F401

    with wc.store.engine.connect() as conn:
        # The pooled connection is made here, with its PRAGMAs; the first read
        # makes the WAL's shared-memory file, which a full disk refuses.
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()


def is_untitled(path: Path, data_dir: Path) -> bool:
    """Is `path` a new project that lives in the data folder until its first Save As?"""
    try:
        return path.resolve().parent == (data_dir / UNTITLED).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return False


def untitled_path(data_dir: Path, template: str, choice: NewProjectChoice | None = None) -> Path:
    """Write a new, not yet saved project from `template` in the private data folder,
    with the title, product, key prefix and language of `choice` (File ▸ New…)."""
    folder = data_dir / UNTITLED
    folder.mkdir(parents=True, exist_ok=True)
    for n in itertools.count(1):
        path = folder / f"Untitled-{n}.pmdesk"
        if not path.exists():
            break
    from pmdesk.core.newproject.templates import new_project

    if choice is None:
        new_project(path, template=template)
    else:
        new_project(
            path,
            template=template,
            title=choice.title,
            product=choice.product,
            key_prefix=choice.key_prefix,
            language=choice.language,
        )
    return path
