"""One open project in the window: its session, undo stack, shared selection and panes.

A project comes in two steps. While it opens (`Opening`), its tree is shown from
a read of the file before the working copy exists; the other panes need the
working copy. Once it is there, a `Workspace` takes the tree over and builds the
rest, so inside a workspace no pane is ever missing.

The panes never call each other: each one sets the shared `Selection` and
follows it. Read-only is one switch, `lock_editing()`: each pane switches off
its own editing.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pmdesk.app import sharing
from pmdesk.app.session import ProjectSession
from pmdesk.app.settings import AppSettings
from pmdesk.app.tasks import TaskRunner
from pmdesk.app.tree.pane import TreePane
from pmdesk.core.storage.lockfile import lock_path

# The tree paints before the database layer loads; the other panes need it.
if TYPE_CHECKING:
    from pmdesk.app.backlog.pane import BacklogPane
    from pmdesk.app.board.pane import BoardPane
    from pmdesk.app.details.editor import DetailEditor
    from pmdesk.app.document.pane import DocumentPane
    from pmdesk.app.opening import OpenedProject
    from pmdesk.app.roadmap.pane import RoadmapPane
    from pmdesk.app.setup.plan_pane import PlanPane
    from pmdesk.app.tree.maps import TreeMaps
    from pmdesk.core.ops import Effect

translate = QCoreApplication.translate


class Selection(QObject):
    """The requirement the user is on, shared by every pane of a workspace.

    A pane sets it when the user picks something in it, and follows `changed`
    to show it. Setting what is already current announces nothing, so a pane
    that follows by selecting (the tree) does not start another round.
    """

    changed = Signal(object)  # the requirement's uid, or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._uid: str | None = None

    @property
    def uid(self) -> str | None:
        return self._uid

    def set(self, uid: str | None) -> None:
        if uid != self._uid:
            self._uid = uid
            self.changed.emit(uid)


class Opening:
    """A project on its way in: the session (not editable yet) and, once read
    from the file, its tree."""

    def __init__(
        self,
        path: Path,
        parent: QWidget,
        *,
        leftover_kept: bool = False,
        write_protected: bool = False,
    ) -> None:
        self.path = path
        self.parent = parent
        self.session = ProjectSession(path, parent)
        self.tree_painted = threading.Event()  # the worker waits for it (app/opening.py)
        self.tree_pane: TreePane | None = None  # None until the tree was read
        self.leftover_kept = leftover_kept  # opened read-only: its unsaved work waits for later
        self.write_protected = write_protected  # opened read-only: no write permission

    def show_tree(self, tree: TreeMaps, settings: AppSettings) -> TreePane:
        """The tree, from a read of the file, on the first row."""
        pane = TreePane(self.session, self.parent, tree=tree)
        header = settings.header_state()
        if header is not None:
            pane.view.header().restoreState(header)
        pane.bar.set_folded(settings.filters_folded)
        pane.bar.fold_changed.connect(lambda folded: setattr(settings, "filters_folded", folded))
        first = pane.model.children_of(None)
        if first:
            pane.view.select_uid(first[0])
        self.tree_pane = pane
        return pane

    def reread(self, tree: TreeMaps) -> None:
        """The file changed between the first read and the copy: show the copy's tree."""
        assert self.tree_pane is not None
        self.tree_pane.model.reload(tree)
        first = self.tree_pane.model.children_of(None)
        self.tree_pane.view.select_uid(first[0] if first else None)

    def abandon(self) -> None:
        """The open failed: nothing of it stays."""
        self.session.deleteLater()
        if self.tree_pane is not None:
            self.tree_pane.setParent(None)
            self.tree_pane.deleteLater()
            self.tree_pane = None


class Workspace(QObject):
    """An open project whose working copy is ready: every pane, one selection."""

    colleague_saved = Signal()  # the project file was replaced by a save elsewhere

    def __init__(
        self,
        opening: Opening,
        opened: OpenedProject,
        settings: AppSettings,
        tasks: TaskRunner,
    ) -> None:
        from pmdesk.app.backlog.pane import BacklogPane
        from pmdesk.app.board.pane import BoardPane
        from pmdesk.app.details.editor import DetailEditor
        from pmdesk.app.document.pane import DocumentPane
        from pmdesk.app.roadmap.pane import RoadmapPane
        from pmdesk.app.setup.plan_pane import PlanPane

        super().__init__(opening.parent)
        assert opening.tree_pane is not None, "the tree is shown before the workspace is built"
        parent = opening.parent
        self.session = opening.session
        assert self.session.ready, "the working copy is attached before the workspace is built"
        self.undo_stack: QUndoStack = self.session.undo_stack
        self.tasks = tasks
        self.settings = settings
        self.untitled = opened.untitled
        self.leftover_kept = opening.leftover_kept
        self.write_protected = opening.write_protected
        self.watcher: sharing.TargetWatcher | None = None
        self.selection = Selection(self)
        self.tree_pane = opening.tree_pane
        self.tree_pane.refill_choices()  # now with what only the working copy tells (personas)
        self.tree_pane.model.follow_suspect()  # and the links that need review
        language = _language(self.session)
        self.detail_editor: DetailEditor = DetailEditor(self.session, tasks, parent)
        self.document_pane: DocumentPane = DocumentPane(
            self.session, tasks, language, parent, settings=settings
        )
        self.roadmap_pane: RoadmapPane = RoadmapPane(self.session, tasks, settings, parent)
        self.plan_pane: PlanPane = PlanPane(self.session, parent)
        self.backlog_pane: BacklogPane = BacklogPane(self.session, self.tree_pane, settings, parent)
        self.board_pane: BoardPane = BoardPane(self.session, parent)
        from pmdesk.app.views.switcher import ViewSwitcher

        self.views = ViewSwitcher(self.session, self.tree_pane, self.backlog_pane)

        self.tree_pane.selection_changed.connect(self.selection.set)
        self.roadmap_pane.selection_changed.connect(self.selection.set)
        self.roadmap_pane.follow_tree(self.tree_pane)  # Now / Next / Later follows the filter
        self.backlog_pane.selection_changed.connect(self.selection.set)
        self.board_pane.selection_changed.connect(self.selection.set)
        self.detail_editor.requirement_activated.connect(self.selection.set)
        self.selection.changed.connect(self._follow)
        self.session.changed.connect(self._project_changed)
        self.selection.set(self.tree_pane.view.current_uid())  # chosen while opening
        if self.session.project.unsaved_edits() > 0:
            # Recovered after a crash: edits not in the file are unsaved edits (the
            # title's *, Close asks), though the undo stack starts empty.
            self.undo_stack.resetClean()
        if self.read_only:
            self.lock_editing()
        # The search index (Find in Project, the filter's full text) builds on a
        # thread of its own from now on; until it is ready, searches read the project.
        self.session.project.prepare_search()
        self.tree_pane.tasks = tasks  # the filter's rows read ahead as its lists open

    # -- state ---------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.session.path

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def clean(self) -> bool:
        """Nothing unsaved (an untitled project's first edits count even undone)."""
        return self.undo_stack.isClean() and not (
            self.untitled and self.session.project.unsaved_edits() > 0
        )

    # -- panes together ------------------------------------------------------------
    def _follow(self, uid: str | None) -> None:
        if self.tree_pane.view.current_uid() != uid:
            self.tree_pane.view.select_uid(uid)
        self.detail_editor.show_requirement(uid)
        self.roadmap_pane.select_uid(uid)
        self.board_pane.select_uid(uid)
        self.backlog_pane.select_uid(uid)

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        """A new document language (Project ▸ Properties…): the preview speaks it."""
        for effect in effects:
            if effect.entity == "project" and "language" in effect.values:
                self.document_pane.language = effect.values["language"]
                self.document_pane.render_preview()

    def lock_editing(self) -> None:
        """Read-only: every pane switches off its own editing (what slips through
        is refused by the session with a message)."""
        self.tree_pane.lock_editing()
        self.detail_editor.lock_editing()
        self.document_pane.lock_editing()
        self.roadmap_pane.lock_editing()
        self.plan_pane.lock_editing()
        self.board_pane.lock_editing()
        self.backlog_pane.lock_editing()
        self.views.lock_editing()

    def flush(self) -> None:
        """Commit typing not yet committed (before a save, a merge or a close)."""
        self.document_pane.commit_body()
        self.detail_editor.commit_pending()
        from pmdesk.app.personas.window import commit_typing  # the personas window, if open

        commit_typing(self.parent(), self.session)

    # -- the project file ------------------------------------------------------------
    def watch_target(self) -> None:
        """Watch the project file for a colleague's save (a watcher of an earlier
        file, before a Save As, is replaced)."""
        self.stop_watching()
        self.watcher = sharing.TargetWatcher(self.session, self)
        self.watcher.colleague_saved.connect(self.colleague_saved)

    def stop_watching(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.deleteLater()
            self.watcher = None

    def access_text(self) -> str:
        """How the project stands with its lock file, for the status bar ("" when
        there is nothing to say)."""
        claim = self.session.project.claim
        holder = claim.holder if claim.holder is not None and claim.holder.readable else None

        if claim.read_only:
            text = translate("MainWindow", "Read-only. Save As makes a copy you can edit.")
            if self.write_protected:
                text = translate(
                    "MainWindow",
                    "%1 is write-protected: opened read-only. Save As makes a copy you can edit.",
                ).replace("%1", self.path.name)
            elif self.leftover_kept:
                text = translate(
                    "MainWindow",
                    "Read-only: your unsaved changes from an earlier session are kept. "
                    "Open the project again to recover them.",
                )
            elif holder is not None:
                text = translate(
                    "MainWindow",
                    "Read-only: %1 on %2 has it open. Save As makes a copy you can edit.",
                )
        elif claim.holder is not None:
            text = translate(
                "MainWindow", "Editing without the lock: someone else has it open too."
            )
            if holder is not None:
                text = translate(
                    "MainWindow", "Editing without the lock: %1 on %2 has it open too."
                )
        elif claim.no_lock == "stuck" and not self.untitled:
            text = translate(
                "MainWindow",
                "No lock of yours: the old lock file %1 cannot be removed, so others are not "
                "told that you have it open.",
            ).replace("%1", str(lock_path(self.path)))
        elif claim.no_lock == "disk_full" and not self.untitled:
            if claim.placeholder is not None:
                text = translate(
                    "MainWindow",
                    "The disk holding %1 is full: others see the project as opened by someone "
                    "unknown, and Save fails until there is space.",
                )
            else:
                text = translate(
                    "MainWindow",
                    "The disk holding %1 is full: others are not told that you have the "
                    "project open, and Save fails until there is space.",
                )
            text = text.replace("%1", str(self.path.parent))
        elif claim.unwritable and not self.untitled:
            text = translate(
                "MainWindow",
                "No lock file: this folder is read-only, so others do not see that you have "
                "it open. Use Save As to keep changes.",
            )
        else:
            text = ""
        if holder is not None:
            text = text.replace("%1", holder.user).replace("%2", holder.host)
        return text

    # -- closing -----------------------------------------------------------------------
    def close(self, *, discard: bool) -> None:
        """Take the panes down and close the working copy (`discard`: nothing in
        it is kept for recovery; an untitled project's file goes too)."""
        self.stop_watching()
        if self.backlog_pane.model.loaded:
            self.backlog_pane.save_state()
        self.document_pane.shutdown()
        self.roadmap_pane.shutdown()
        self.tasks.wait()
        self.session.blockSignals(True)
        for widget in self.panes():
            # Pending timers (preview, typing) must not reach a closed project.
            for timer in widget.findChildren(QTimer):
                timer.stop()
            widget.setParent(None)
            widget.deleteLater()
        untitled_file = self.path if self.untitled else None
        self.session.close(discard=discard)
        self.session.deleteLater()
        if untitled_file is not None and discard:
            untitled_file.unlink(missing_ok=True)  # never saved anywhere: nothing to keep
        self.deleteLater()

    def panes(self) -> tuple[QWidget, ...]:
        return (
            self.tree_pane,
            self.detail_editor,
            self.document_pane,
            self.roadmap_pane,
            self.plan_pane,
            self.board_pane,
            self.backlog_pane,
        )


def _language(session: ProjectSession) -> str:
    """The project's document language (the document pane's preview uses it)."""
    return session.project.info().language
