"""Save, Save As, and merging what others saved into the open project.

Save merges a colleague's save first (app/sharing.py does the merging); the
notice bar above the document offers to merge one as soon as it is noticed.
While a merge (or a save that merges) runs, the project cannot be closed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from pmdesk.app import dialogs, sharing
from pmdesk.app.error_text import error_text
from pmdesk.core.errors import PmdeskError
from pmdesk.core.storage.fileformat import FILE_SUFFIX

if TYPE_CHECKING:
    from pmdesk.app.frame import Frame
    from pmdesk.app.workspace import Workspace

translate = QCoreApplication.translate


class Holder(Protocol):
    """Who holds the open project (app/lifecycle.py)."""

    workspace: Workspace | None

    def open_project(self, path: Path) -> None: ...

    def retake_lock(self) -> None: ...


class Saving(QObject):
    def __init__(
        self, frame: Frame, window: QWidget, notice_bar: sharing.NoticeBar, holder: Holder
    ) -> None:
        super().__init__(window)
        self._frame = frame
        self._window = window
        self._notice_bar = notice_bar
        self._holder = holder
        self.merging = False  # a merge runs: the project must stay open (lifecycle)

    def _open(self) -> Workspace | None:
        return self._holder.workspace

    # -- save ------------------------------------------------------------------------
    def save(self) -> bool:
        ws = self._open()
        if ws is None:
            return False
        ws.flush()
        if ws.untitled:
            return self.save_as()
        if not reachable(ws.path) and not reachable(ws.path.parent):
            # (A file gone from a folder still there is saved there again.)
            dialogs.error(
                self._window,
                translate(
                    "MainWindow",
                    "%1 cannot be found any more (was its drive or share disconnected?). "
                    "Use Save As to keep your work.",
                ).replace("%1", str(ws.path)),
            )
            return False
        notices: list[str] = []
        merged: list[str] = []  # what merging a colleague's save did (renumbered keys …)
        saved = self._while_merging(
            lambda: sharing.save_merging(self._window, ws.session, merged.append, notices.append)
        )
        if not saved:
            for text in merged:
                self._frame.report(text)
            return False  # said why, or the user cancelled merging a colleague's save
        if ws.watcher is not None:
            ws.watcher.forget()
        self._notice_bar.hide()
        self._holder.retake_lock()  # the one we edited beside may be gone by now
        said = translate("MainWindow", "Saved %1").replace("%1", ws.path.name)
        self._frame.report(" — ".join([said, *merged, *notices]))
        if merged or notices:
            # What the merge did (keys renumbered …) and what the save set right
            # stay in the bar until dismissed: the status bar's note goes by.
            self._notice_bar.inform(" ".join([*merged, *notices]))
        self._frame.state_changed()
        return True

    def save_as(self) -> bool:
        ws = self._open()
        if ws is None:
            return False
        ws.flush()
        suggestion = str(ws.path) if not ws.untitled else _new_file_name(ws)
        path = dialogs.save_path(self._window, suggestion)
        if path is None:
            return False
        untitled_file = ws.path if ws.untitled else None
        was_read_only = ws.read_only
        try:
            ws.session.save_as(path)
        except (PmdeskError, OSError) as e:
            dialogs.error(self._window, error_text(e))
            return False
        if was_read_only:  # the copy is ours to edit: open it so, panes and all
            self._holder.open_project(path)
            return True
        if untitled_file is not None:
            untitled_file.unlink(missing_ok=True)  # it lives on under its real name
        ws.untitled = False
        # Now a file others can save too: an untitled project had no watcher, and
        # one kept from before watched (and offered merges of) the old file.
        self._notice_bar.hide()
        ws.watch_target()
        ws.settings.add_recent(path)
        self._frame.state_changed()
        return True

    # -- a colleague's save ----------------------------------------------------------
    def colleague_saved(self) -> None:
        """The project file was replaced: say by whom and offer what can be done."""
        from pmdesk.core.merge.files import last_editors

        ws = self._open()
        if ws is None:
            return
        try:
            people = last_editors(ws.path)
        except (PmdeskError, OSError):
            people = []  # being replaced again right now: the bar says it without a name
        stranger = ws.session.project.file_replaced_by_stranger()
        if stranger is not None:  # nothing there to merge or show: say what it is
            self._notice_bar.inform(sharing.replaced_by_stranger_text(ws.path, stranger))
            return
        if not ws.read_only and ws.session.project.file_is_older_copy():
            self._notice_bar.offer_save_back(sharing.older_copy_text(ws.path.name))
            return
        self._notice_bar.offer(
            sharing.saved_by_text(ws.path.name, people, read_only=ws.read_only),
            read_only=ws.read_only,
        )

    def merge_now(self) -> bool:
        """Merge the newer version of the project file into the open project."""
        ws = self._open()
        if ws is None:
            return False
        ws.flush()
        self._notice_bar.hide()
        if not ws.session.project.file_changed():
            return True
        merged = self._while_merging(
            lambda: sharing.merge_colleague(self._window, ws.session, self._frame.report)
        )
        if merged and ws.watcher is not None:
            ws.watcher.forget()
        elif not merged and ws.session.project.file_changed():
            self.colleague_saved()  # still there to merge (or to save over) later
        self._frame.state_changed()
        return merged

    def merge_copy(self, path: Path | None = None) -> bool:
        """File ▸ Merge a Copy: a copy of this project edited elsewhere comes back."""
        ws = self._open()
        if ws is None or ws.read_only:
            return False
        if path is None:
            path = dialogs.copy_path(self._window, str(ws.path.parent))
            if path is None:
                return False
        ws.flush()
        copy = path
        merged = self._while_merging(
            lambda: sharing.merge_copy(self._window, ws.session, copy, self._frame.report)
        )
        self._frame.state_changed()
        return merged

    def saved_merge_undone(self, people: str) -> None:
        self._notice_bar.warn_merge_undone(people or translate("MainWindow", "a colleague"))

    def _while_merging(self, work: Callable[[], bool]) -> bool:
        """Run a merge (or a save that may merge); the window will not close meanwhile."""
        self.merging = True
        try:
            return work()
        finally:
            self.merging = False


def reachable(path: Path) -> bool:
    # Path.exists() raises instead of answering False for a share that went away
    # (EIO, a stale handle): then the file cannot be found either.
    try:
        return path.exists()
    except OSError:
        return False


_NOT_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def _new_file_name(ws: Workspace) -> str:
    """A never-saved project's file name, after its product (or title) as a PM
    would name it; the untitled working name when it has neither."""
    info = ws.session.project.info()
    stem = _NOT_IN_NAMES.sub(" ", info.product.strip() or info.title.strip())
    stem = " ".join(stem.split()).strip(". ")[:100].rstrip(". ")
    return f"{stem}{FILE_SUFFIX}" if stem else ws.path.name
