"""A project's way through the window: start, open, new, close.

Each question is asked here and only here: whether to recover unsaved work left
by a pmdesk that ended (`_ask_recover`), how to open a file someone else has
open (`ask_access`), and whether to save changes before closing. Saving and
merging a colleague's save are in app/saving.py.

The lifecycle holds at most one project: an `Opening` while it comes in, then a
`Workspace`. The window is told what to show through the `Frame` it implements.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pmdesk.app import collector, dialogs
from pmdesk.app.error_text import error_text
from pmdesk.app.frame import Frame
from pmdesk.app.saving import Saving, reachable
from pmdesk.app.settings import AppSettings
from pmdesk.app.sharing import NoticeBar
from pmdesk.app.tasks import TaskRunner
from pmdesk.app.workspace import Opening
from pmdesk.core.errors import PmdeskError, ProjectFileError
from pmdesk.core.storage.lockfile import LockInfo, lock_path, release
from pmdesk.core.storage.places import resolved, write_protected

if TYPE_CHECKING:
    from pmdesk.app.opening import OpenedProject, ShowTree
    from pmdesk.app.setup.new_project_dialog import NewProjectChoice, NewProjectDialog
    from pmdesk.app.tree.maps import TreeMaps
    from pmdesk.app.workspace import Workspace
    from pmdesk.core.storage.lockfile import Access
    from pmdesk.core.storage.workingcopy_recovery import Recoverable

LOCK_RETRY_MS = 5000  # editing without our lock: how often to look whether it can be had

translate = QCoreApplication.translate


class Lifecycle(QObject):
    """Opens, creates and closes the window's one project; `saving` saves it."""

    def __init__(
        self,
        frame: Frame,
        window: QWidget,
        settings: AppSettings,
        data_dir: Path,
        tasks: TaskRunner,
        notice_bar: NoticeBar,
    ) -> None:
        super().__init__(window)
        self._frame = frame
        self._window = window
        self.settings = settings
        self.data_dir = data_dir
        self.tasks = tasks
        self.workspace: Workspace | None = None  # the open project, once editable
        self.opening: Opening | None = None  # a project on its way in
        self._taken_over: tuple[Path, LockInfo] | None = None  # a lock taken for this open
        self.saving = Saving(frame, window, notice_bar, self)
        # Editing without a lock of ours: look now and then whether it can be had.
        self.lock_timer = QTimer(self, interval=LOCK_RETRY_MS)
        self.lock_timer.timeout.connect(self.retake_lock)
        self.lock_timer.start()

    # -- the first project -----------------------------------------------------------
    def start(self, path: Path | None, sample: Callable[[], Path]) -> None:
        """What the window opens first: `path`, else (after offering any unsaved
        work left by a pmdesk that ended, once for each project) the project
        whose work was left for later, read-only, else the last project, else
        `sample()`."""
        from pmdesk.app.opening import is_untitled
        from pmdesk.core.storage.workingcopy_recovery import discard_leftover, find_recoverable

        if path is not None:
            self.open_project(path)  # asks about its own leftover, if any
            return
        answered: dict[Path, str] = {}
        for item in find_recoverable(self.data_dir):
            answer = self._ask_recover(item)
            if answer == dialogs.RECOVER:
                self.open_project(item.target, recover=item)
                return
            if answer == dialogs.DISCARD:
                discard_leftover(item)
            answered[item.target] = answer
        later = [
            target
            for target, answer in answered.items()
            if answer == dialogs.LATER
            and not is_untitled(target, self.data_dir)  # nothing saved to look at
            and reachable(target)
        ]
        recent = [p for p in self.settings.recent_files if reachable(p)]
        chosen = later[0] if later else recent[0] if recent else sample()
        self.open_project(chosen, answered=answered)

    # -- opening ---------------------------------------------------------------------
    def open_project(
        self,
        path: Path,
        *,
        background: bool = True,
        recover: Recoverable | None = None,
        answered: dict[Path, str] | None = None,
    ) -> None:
        """Open `path` (closing the current project first, asking to save).

        Unsaved work left for it by a pmdesk that ended is put to the user once
        (`answered`: what was answered already, by target). Recover opens it;
        Later opens the saved file read-only and keeps the work for the next open."""
        if self.opening is not None:
            return  # one open at a time; the file actions are disabled meanwhile
        from pmdesk.app.opening import open_in_background_work
        from pmdesk.core.storage.workingcopy_recovery import discard_leftover

        target = resolved(path)
        if target is None:  # a symbolic link that leads back to itself
            self._open_failed(path, ProjectFileError("file.link_loop", path=path))
            return
        leftover = self._leftover_for(target) if recover is None else None
        answer = None
        if leftover is not None:
            answer = (answered or {}).get(target) or self._ask_recover(leftover)
            if answer == dialogs.RECOVER:
                recover, leftover = leftover, None
        later = leftover is not None and answer == dialogs.LATER
        access: Access | None = "read_only" if later else self.ask_access(path)
        if access is None:
            return
        if not self.close_project():
            self._give_back_taken_lock()
            return
        if leftover is not None and not later:
            discard_leftover(leftover)
        opening = Opening(
            path,
            self._window,
            leftover_kept=later,
            write_protected=access == "read_only" and write_protected(path),
        )
        work = open_in_background_work(
            path,
            self.data_dir,
            self.settings.user_name,
            recover,
            tree_painted=opening.tree_painted,
            access=access,
        )
        self._run_open(opening, work, background=background)

    def _ask_recover(self, leftover: Recoverable) -> str:
        """The one place the recovery question is asked: RECOVER, DISCARD or LATER."""
        return dialogs.ask_recover(
            self._window, leftover.target.name, leftover.unsaved_edits, leftover.last_edit_at
        )

    def _leftover_for(self, target: Path) -> Recoverable | None:
        from pmdesk.core.storage.workingcopy_recovery import find_recoverable

        return next((r for r in find_recoverable(self.data_dir) if r.target == target), None)

    def ask_access(self, path: Path) -> Access | None:
        """How to open `path`: for editing, unless someone else's lock file says
        they have it open; then the user chooses (None: cancelled). A stale lock
        (its pmdesk on this machine has ended) is no reason to ask: opening clears it.
        Taking over writes our lock now; the open then finds it ours."""
        from pmdesk.core.storage.lockfile import other_holder, take_over

        target = resolved(path)
        if target is None:  # a symbolic link that leads back to itself
            dialogs.error(self._window, error_text(ProjectFileError("file.link_loop", path=path)))
            return None
        if write_protected(target):  # as in LibreOffice: read-only, and said why
            return "read_only"
        holder = other_holder(target, self.settings.user_name)
        if holder is None:
            return "edit"
        answer = dialogs.ask_locked(self._window, path.name, holder)
        if answer == dialogs.TAKE_OVER:
            try:
                self._taken_over = (target, take_over(target, self.settings.user_name, holder))
            except PmdeskError as e:  # someone else took it meanwhile: who, in one sentence
                dialogs.error(self._window, error_text(e))
                return None
            except OSError as e:
                reason = e.strerror or str(e)
                error = PmdeskError("write.failed", path=lock_path(target), reason=reason)
                dialogs.error(self._window, error_text(error))
                return None
            return "edit"
        if answer == dialogs.READ_ONLY:
            return "read_only"
        return "edit_anyway" if answer == dialogs.EDIT_ANYWAY else None

    def _give_back_taken_lock(self) -> None:
        """A lock taken over for an open that did not happen is removed again."""
        if self._taken_over is not None:
            release(*self._taken_over)
            self._taken_over = None

    def retake_lock(self) -> None:
        """Editing without a lock of our own (beside someone's, or none could be
        written): take it once their lock is gone or there is room for it."""
        ws = self.workspace
        if ws is None or ws.read_only or ws.untitled:
            return
        if ws.session.project.retake_lock():
            self._frame.state_changed()

    def _run_open(
        self, opening: Opening, work: Callable[[ShowTree], OpenedProject], *, background: bool
    ) -> None:
        self._frame.busy(translate("MainWindow", "Opening %1…").replace("%1", opening.path.name))
        self.opening = opening
        self._frame.state_changed()

        def fail(error: BaseException) -> None:
            self._open_failed(opening.path, error)

        if background:
            self.tasks.run_reporting(work, self._show_tree, self._opened, fail)
            return
        opening.tree_painted.set()  # on this thread: nothing else can paint meanwhile
        try:
            result = work(self._show_tree)
        except BaseException as e:  # shown as one sentence
            fail(e)
        else:
            self._opened(result)

    def _show_tree(self, tree: TreeMaps) -> None:
        """The first part of an open: the tree, from a read of the file, before the
        working copy is ready and before the database layer has loaded."""
        opening = self.opening
        assert opening is not None
        self._frame.show_tree(opening.show_tree(tree, self.settings))
        # Queued behind the layout and paint of the new pane: then let the worker
        # load the database layer.
        QTimer.singleShot(0, opening.tree_painted.set)

    def _opened(self, opened: OpenedProject) -> None:
        from pmdesk.app.workspace import Workspace

        self._taken_over = None  # the open made that lock its own
        opening = self.opening
        assert opening is not None
        self._frame.idle()
        opening.session.attach(opened.working_copy)
        if opening.tree_pane is None:
            assert opened.tree is not None  # not shown yet: read after the copy
            self._show_tree(opened.tree)
        elif opened.tree is not None:  # the file changed between the two reads
            opening.reread(opened.tree)
        self.opening = None
        ws = Workspace(opening, opened, self.settings, self.tasks)
        ws.session.saved_merge_undone.connect(self.saving.saved_merge_undone)
        self.workspace = ws
        ws.session.failed.connect(self._refused)
        ws.colleague_saved.connect(self.saving.colleague_saved)
        if not ws.untitled:
            ws.watch_target()
        self._frame.install(ws)
        if not opened.untitled:
            self.settings.add_recent(opened.working_copy.target)
        self._frame.state_changed()
        self._frame.open_finished()
        collector.settle()

    def _open_failed(self, path: Path, error: BaseException) -> None:
        self._give_back_taken_lock()
        if self.opening is not None:
            self.opening.abandon()
            self.opening = None
        self._frame.idle()
        self._frame.state_changed()
        message = (
            error_text(error)
            if isinstance(error, PmdeskError)
            else translate("MainWindow", "%1 could not be opened (%2).")
            .replace("%1", path.name)
            .replace("%2", str(error))
        )
        dialogs.error(self._window, message)
        self._frame.open_finished()

    def _refused(self, message: str) -> None:
        """An edit was refused. Read-only, every stray key is refused: a note in the
        status bar is enough there (the title says why); otherwise a message box."""
        if self.workspace is not None and self.workspace.read_only:
            self._frame.report(message, 6000)
            QApplication.beep()
        else:
            dialogs.error(self._window, message)

    # -- new -------------------------------------------------------------------------
    def new_project_dialog(self) -> NewProjectDialog | None:
        """File ▸ New…: ask for the new project's title, product, key prefix,
        language and template (window-modal); OK makes it."""
        from pmdesk.app.setup.new_project_dialog import NewProjectDialog

        if self.opening is not None:
            return None
        from pmdesk.app.i18n import choose_language

        # The document speaks the UI's language unless told otherwise.
        language = "zh" if choose_language(self.settings.language) == "zh_CN" else "en"
        dialog = NewProjectDialog(language, self._window)
        dialog.accepted.connect(lambda: self.new_project(dialog.choice().template, dialog.choice()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def new_project(self, template: str, choice: NewProjectChoice | None = None) -> None:
        """A new, untitled project from `template` replaces the open one (after
        asking to save it), with `choice`'s first properties. The new file is
        written first: if it cannot be, the open project stays as it is."""
        from pmdesk.app.opening import open_in_background_work, untitled_path
        from pmdesk.core.storage.disk_space import data_folder_full

        if self.opening is not None:
            return

        def explained(error: PmdeskError | OSError) -> PmdeskError:
            full = data_folder_full(error, self.data_dir)
            if full is not None:
                return full
            if isinstance(error, PmdeskError):
                return error
            reason = error.strerror or str(error)
            return PmdeskError("write.failed", path=self.data_dir, reason=reason)

        try:
            path = untitled_path(self.data_dir, template, choice)
        except (PmdeskError, OSError) as e:
            dialogs.error(self._window, error_text(explained(e)))
            return
        if not self.close_project():
            path.unlink(missing_ok=True)
            return
        work = open_in_background_work(
            path, self.data_dir, self.settings.user_name, None, untitled=True
        )

        def open_new(show_tree: ShowTree) -> OpenedProject:
            try:
                return work(show_tree)
            except (PmdeskError, OSError) as e:
                path.unlink(missing_ok=True)  # never shown, never saved: nothing to keep
                raise explained(e) from None

        self._run_open(Opening(path, self._window), open_new, background=False)

    # -- closing ---------------------------------------------------------------------
    def close_project(self) -> bool:
        """Close the open project, asking to save changes. False if the user cancels."""
        ws = self.workspace
        if ws is None:
            return True
        if self.saving.merging:
            # The conflict dialog (or the merge's progress) is up: closing now would
            # pull the working copy from under the merge, which then writes into a
            # closed project. The user settles the merge first.
            QApplication.beep()
            return False
        ws.flush()
        # A clean stack means the working copy holds what was saved (edits that
        # were undone only left history rows): nothing to keep for recovery.
        # Read-only: nothing to save; recovered edits opened read-only stay recoverable.
        discard = not ws.read_only
        if not ws.read_only and not ws.clean:
            answer = dialogs.ask_save_changes(self._window, ws.path.name)
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save and not self.saving.save():
                return False
            discard = answer == QMessageBox.StandardButton.Discard
        from pmdesk.app.history.baselines_dialog import close_baselines

        close_baselines(self._window)  # it reads the project that is closing
        from pmdesk.app.personas.window import close_personas

        close_personas(self._window)  # so does it
        from pmdesk.app.customfields.window import close_custom_fields

        close_custom_fields(self._window)  # and it
        self.settings.save_header_state(ws.tree_pane.view.header().saveState())
        self._frame.uninstall(ws)
        self.workspace = None
        ws.close(discard=discard)
        self._frame.state_changed()
        collector.release()
        return True
