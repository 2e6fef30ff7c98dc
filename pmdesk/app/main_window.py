"""The main window: requirement tree, details, document and roadmap panes around
one open project, with the file handling people expect from a document app."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pmdesk import __version__
from pmdesk.app import dialogs, sharing
from pmdesk.app.error_text import error_text
from pmdesk.app.settings import AppSettings
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.errors import PmdeskError
from pmdesk.core.fileformat import FILE_SUFFIX
from pmdesk.core.lockfile import LockInfo, lock_path, release
from pmdesk.core.places import default_data_dir, resolved, write_protected

if TYPE_CHECKING:  # the panes and the database layer load when a project opens
    from pmdesk.app.detail_editor import DetailEditor
    from pmdesk.app.document_pane import DocumentPane
    from pmdesk.app.export_dialog import ExportDialog
    from pmdesk.app.opening import OpenedProject, ShowTree
    from pmdesk.app.roadmap_pane import RoadmapPane
    from pmdesk.app.session import ProjectSession
    from pmdesk.app.tree_maps import TreeMaps
    from pmdesk.app.tree_pane import TreePane
    from pmdesk.app.tree_view import RequirementTreeView
    from pmdesk.core.lockfile import Access
    from pmdesk.core.workingcopy import Recoverable

LOCK_RETRY_MS = 5000  # editing without our lock: how often to look whether it can be had


class MainWindow(QMainWindow):
    tree_shown = Signal()  # an opening project's tree is in the window (not yet editable)
    project_opened = Signal()  # a project finished opening (tests wait on it)

    def __init__(self, settings: AppSettings, data_dir: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.data_dir = data_dir or default_data_dir()
        self.session: ProjectSession | None = None  # set once the project can be edited
        self._opening_session: ProjectSession | None = None  # its tree shown, still opening
        self._tree_painted = threading.Event()  # the opening project's tree is on screen
        self.untitled = False
        self._opening = False
        self._leftover_kept = False  # opened read-only: its unsaved work waits for later
        self._write_protected = False  # opened read-only: the file has no write permission
        self._taken_over: tuple[Path, LockInfo] | None = None  # a lock taken for this open
        # Editing without a lock of ours: look now and then whether it can be had.
        self._lock_timer = QTimer(self, interval=LOCK_RETRY_MS)
        self._lock_timer.timeout.connect(self._retake_lock)
        self._lock_timer.start()
        self._merging = False  # a colleague's save is being merged (see close_project)
        self._tools: list[QAction] = []
        self.tasks = TaskRunner(self)
        self.undo_group = QUndoGroup(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("pmdesk")
        self.resize(1440, 900)
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.tree_dock = self._dock(
            "treeDock", self.tr("Requirements"), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.detail_dock = self._dock(
            "detailDock", self.tr("Details"), Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.roadmap_dock = self._dock(
            "roadmapDock", self.tr("Roadmap"), Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.roadmap_placeholder = self._placeholder(self.tr("No project is open."))
        self.roadmap_dock.setWidget(self.roadmap_placeholder)
        self.central = QStackedWidget(self)
        self.central.addWidget(self._placeholder(self.tr("No project is open.")))
        # The notice of a colleague's save sits above the document (app/sharing.py).
        self.notice_bar = sharing.NoticeBar(self)
        self.notice_bar.merge_requested.connect(self.merge_now)
        self.notice_bar.redo_requested.connect(self.undo_group.redo)
        self.notice_bar.save_requested.connect(self.save)
        self.watcher: sharing.TargetWatcher | None = None
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(4)
        middle_layout.addWidget(self.notice_bar)
        middle_layout.addWidget(self.central, 1)
        self.setCentralWidget(middle)

        self.tree_pane: TreePane | None = None
        self.detail_editor: DetailEditor | None = None
        self.document_pane: DocumentPane | None = None
        self.roadmap_pane: RoadmapPane | None = None

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        # The bottom area (the timeline) spans the window: a roadmap needs width.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        geometry, state = settings.window_geometry(), settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        else:  # first start
            self.resizeDocks(
                [self.tree_dock, self.detail_dock], [480, 400], Qt.Orientation.Horizontal
            )
            self.resizeDocks([self.roadmap_dock], [340], Qt.Orientation.Vertical)
        self.undo_group.cleanChanged.connect(self._update_title)
        self._update_actions()

    # -- construction ------------------------------------------------------------
    def _dock(self, name: str, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        label.setWordWrap(True)
        return label

    def _action(
        self, text: str, slot: Any, keys: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        act = QAction(text, self)
        if keys is not None:
            act.setShortcut(keys)
        act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey  # noqa: N806
        self.new_blank_action = self._action(
            self.tr("&Blank project"), lambda: self.new_project("blank"), K.New
        )
        self.new_zh_action = self._action(
            self.tr("PRD template (中文)"), lambda: self.new_project("prd-zh")
        )
        self.new_en_action = self._action(
            self.tr("PRD template (English)"), lambda: self.new_project("prd-en")
        )
        self.open_action = self._action(self.tr("&Open…"), self.open_dialog, K.Open)
        self.save_action = self._action(self.tr("&Save"), self.save, K.Save)
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_as, K.SaveAs)
        self.export_action = self._action(
            self.tr("&Export PRD…"), self.export_dialog, QKeySequence("Ctrl+E")
        )
        self.export_png_action = self._action(
            self.tr("Export roadmap as &PNG…"), lambda: self.export_roadmap(".png")
        )
        self.export_svg_action = self._action(
            self.tr("Export roadmap as S&VG…"), lambda: self.export_roadmap(".svg")
        )
        self.merge_copy_action = self._action(self.tr("&Merge a Copy…"), lambda: self.merge_copy())
        self.merge_copy_action.setToolTip(
            self.tr("Merge a copy of this project that was edited elsewhere (e-mailed back)")
        )
        self.close_action = self._action(self.tr("&Close project"), self.close_project, K.Close)
        self.quit_action = self._action(self.tr("&Quit"), self.close, K.Quit)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.filter_action = self._action(
            self.tr("&Filter requirements"), self._focus_filter, K.Find
        )
        self.about_action = self._action(self.tr("&About pmdesk"), self.about)
        self.baselines_action = self._action(self.tr("&Baselines…"), self.baselines)
        self.change_log_action = self._action(
            self.tr("Change &Log…"), self.change_log, QKeySequence("Ctrl+Shift+H")
        )
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.preferences, K.Preferences
        )
        for act in (self.undo_action, self.redo_action, self.save_action):
            self.addAction(act)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        new_menu = file_menu.addMenu(self.tr("&New"))
        new_menu.addActions([self.new_blank_action, self.new_zh_action, self.new_en_action])
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addAction(self.merge_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addActions([self.export_png_action, self.export_svg_action])
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.requirement_menu_anchor = self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.filter_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)

        project_menu = bar.addMenu(self.tr("&Project"))
        project_menu.addAction(self.baselines_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for dock in (self.tree_dock, self.detail_dock, self.roadmap_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.change_log_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        pixmap = QStyle.StandardPixmap
        for act, icon, short in (
            (self.save_action, pixmap.SP_DialogSaveButton, self.tr("Save")),
            (self.undo_action, pixmap.SP_ArrowBack, self.tr("Undo")),
            (self.redo_action, pixmap.SP_ArrowForward, self.tr("Redo")),
        ):
            act.setIcon(style.standardIcon(icon))
            act.setIconText(short)  # the menu text carries a mnemonic and, for undo, more
            bar.addAction(act)
        self.tree_tools_anchor = bar.addSeparator()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _tree_tools(self, view: RequirementTreeView) -> list[QAction]:
        """The tree's commands for the toolbar, with icons and short labels."""
        style = self.style()
        pixmap = QStyle.StandardPixmap
        tools = []
        for act, icon in (
            (view.new_sibling_action, pixmap.SP_FileIcon),
            (view.new_child_action, pixmap.SP_FileDialogNewFolder),
            (view.outdent_action, pixmap.SP_ArrowLeft),
            (view.indent_action, pixmap.SP_ArrowRight),
            (view.delete_action, pixmap.SP_TrashIcon),
        ):
            act.setIcon(style.standardIcon(icon))
            act.setIconText(act.text().split("\t")[0])  # no key hint on the button
            act.setToolTip(act.text().replace("\t", " (") + ")")
            tools.append(act)
        return tools

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel(self)
        self.selection_label = QLabel(self)
        self.save_state_label = QLabel(self)
        self.access_label = QLabel(self)  # read-only, edited without the lock, no lock
        self.access_label.setObjectName("accessLabel")
        self.access_label.setStyleSheet(
            "#accessLabel { background: #fff3cd; color: #664d03; padding: 1px 6px; }"
        )
        self.access_label.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        bar.addWidget(self.selection_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.access_label)
        bar.addPermanentWidget(self.save_state_label)

    # -- opening -----------------------------------------------------------------
    def open_project(
        self,
        path: Path,
        *,
        background: bool = True,
        recover: Recoverable | None = None,
        leftover_answer: str | None = None,
    ) -> None:
        """Open `path` (closing the current project first, asking to save).

        Unsaved work left for it by a pmdesk that ended is put to the user once
        (`leftover_answer`: already asked). Recover opens it; Later opens the
        saved file read-only and keeps the work for the next open."""
        if self._opening:
            return  # one open at a time; the file actions are disabled meanwhile
        from pmdesk.app.opening import open_in_background_work
        from pmdesk.core.errors import ProjectFileError
        from pmdesk.core.workingcopy import discard_leftover

        if resolved(path) is None:  # a symbolic link that leads back to itself
            self._open_failed(path, ProjectFileError("file.link_loop", path=path))
            return
        leftover = self._leftover_for(path) if recover is None else recover
        answer = leftover_answer
        if leftover is not None and recover is None and answer is None:
            answer = dialogs.ask_recover(
                self, path.name, leftover.unsaved_edits, leftover.last_edit_at
            )
        if leftover is not None and recover is None and answer == dialogs.RECOVER:
            recover = leftover
        later = leftover is not None and recover is None and answer != dialogs.DISCARD
        access: Access | None = "read_only" if later else self._ask_access(path)
        if access is None:
            return
        if not self.close_project():
            self._give_back_taken_lock()
            return
        if leftover is not None and recover is None and not later:
            discard_leftover(leftover)
        self._leftover_kept = later
        self._write_protected = access == "read_only" and write_protected(path)
        self._tree_painted = threading.Event()
        work = open_in_background_work(
            path,
            self.data_dir,
            self.settings.user_name,
            recover,
            tree_painted=self._tree_painted,
            access=access,
        )
        self._run_open(path, work, background=background)

    def _ask_access(self, path: Path) -> Access | None:
        """How to open `path`: for editing, unless someone else's lock file says
        they have it open; then the user chooses (None: cancelled). A stale lock
        (its pmdesk on this machine has ended) is no reason to ask: opening clears it.
        Taking over writes our lock now; the open then finds it ours."""
        from pmdesk.core.errors import ProjectFileError
        from pmdesk.core.lockfile import other_holder, take_over

        target = resolved(path)
        if target is None:  # a symbolic link that leads back to itself
            dialogs.error(self, error_text(ProjectFileError("file.link_loop", path=path)))
            return None
        if write_protected(target):  # as in LibreOffice: read-only, and said why
            return "read_only"
        holder = other_holder(target, self.settings.user_name)
        if holder is None:
            return "edit"
        answer = dialogs.ask_locked(self, path.name, holder)
        if answer == dialogs.TAKE_OVER:
            try:
                self._taken_over = (target, take_over(target, self.settings.user_name, holder))
            except PmdeskError as e:  # someone else took it meanwhile: who, in one sentence
                dialogs.error(self, error_text(e))
                return None
            except OSError as e:
                reason = e.strerror or str(e)
                error = PmdeskError("write.failed", path=lock_path(target), reason=reason)
                dialogs.error(self, error_text(error))
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

    def _retake_lock(self) -> None:
        """Editing without a lock of our own (beside someone's, or none could be
        written): take it once their lock is gone or there is room for it."""
        from pmdesk.core.lockfile import retake

        session = self.session
        if session is None or not session.ready or session.read_only or self.untitled:
            return
        wc = session.working_copy
        claim = retake(wc.target, self.settings.user_name, wc.claim)
        if claim is not wc.claim:
            wc.claim = claim
            self._show_access(session)

    def _run_open(
        self, path: Path, work: Callable[[ShowTree], OpenedProject], *, background: bool
    ) -> None:
        from pmdesk.app.session import ProjectSession

        self._busy(self.tr("Opening %1…").replace("%1", path.name))
        self._opening = True
        self._opening_session = ProjectSession(path, self)
        self._update_actions()
        if background:
            self.tasks.run_reporting(
                work, self._show_tree, self._opened, lambda e: self._open_failed(path, e)
            )
        else:
            self._tree_painted.set()  # on this thread: nothing else can paint meanwhile
            try:
                result = work(self._show_tree)
            except BaseException as e:  # shown as one sentence
                self._open_failed(path, e)
            else:
                self._opened(result)

    def _leftover_for(self, path: Path) -> Recoverable | None:
        from pmdesk.core.workingcopy import find_recoverable

        target = resolved(path)
        if target is None:  # a link that leads back to itself has no working copy
            return None
        return next((r for r in find_recoverable(self.data_dir) if r.target == target), None)

    def _show_tree(self, tree: TreeMaps) -> None:
        """The first part of an open: the tree, from a read of the file, before the
        working copy is ready and before the database layer has loaded."""
        from pmdesk.app.tree_pane import TreePane

        session = self._opening_session
        assert session is not None
        self.tree_pane = TreePane(session, self, tree=tree)
        self.tree_dock.setWidget(self.tree_pane)
        header = self.settings.header_state()
        if header is not None:
            self.tree_pane.view.header().restoreState(header)
        first = self.tree_pane.model.children_of(None)
        if first:
            self.tree_pane.view.select_uid(first[0])
        self.tree_pane.selection_changed.connect(self._selected)
        self._update_counts()
        # Queued behind the layout and paint of the new pane: then let the worker
        # load the database layer.
        QTimer.singleShot(0, self._tree_painted.set)
        self.tree_shown.emit()

    def _opened(self, opened: OpenedProject) -> None:
        self._taken_over = None  # the open made that lock its own
        session = self._opening_session
        assert session is not None
        self._opening = False
        self._idle()
        self.untitled = opened.untitled
        session.attach(opened.working_copy)
        if self.tree_pane is None:
            assert opened.tree is not None  # not shown yet: read after the copy
            self._show_tree(opened.tree)
        elif opened.tree is not None:  # the file changed between the two reads
            self.tree_pane.model.reload(opened.tree)
            first = self.tree_pane.model.children_of(None)
            self.tree_pane.view.select_uid(first[0] if first else None)
        self._opening_session = None
        self._install(session)
        if not opened.untitled:
            self.settings.add_recent(opened.working_copy.target)
        self.project_opened.emit()

    def _open_failed(self, path: Path, error: BaseException) -> None:
        self._opening = False
        self._give_back_taken_lock()
        if self._opening_session is not None:
            self._opening_session.deleteLater()
            self._opening_session = None
        if self.tree_pane is not None:  # shown before the copy failed
            self.tree_pane.setParent(None)
            self.tree_pane.deleteLater()
            self.tree_pane = None
            self._update_counts()
        self._idle()
        self._update_actions()
        message = (
            error_text(error)
            if isinstance(error, PmdeskError)
            else self.tr("%1 could not be opened (%2).")
            .replace("%1", path.name)
            .replace("%2", str(error))
        )
        dialogs.error(self, message)
        self.project_opened.emit()

    def _install(self, session: ProjectSession) -> None:
        """The rest of an open, once the working copy is ready: details, document,
        undo and the tree's commands."""
        from pmdesk.app.detail_editor import DetailEditor
        from pmdesk.app.document_pane import DocumentPane
        from pmdesk.app.roadmap_pane import RoadmapPane

        assert self.tree_pane is not None
        self.session = session
        language = session.project.info().language
        self.detail_editor = DetailEditor(session, self)
        self.document_pane = DocumentPane(session, language, self)
        self.roadmap_pane = RoadmapPane(session, self.settings, self)
        self.detail_dock.setWidget(self.detail_editor)
        # Kept, hidden, as the window's child: without a parent it would become a
        # window of its own the next time the dock lets go of it.
        self.roadmap_placeholder.hide()
        self.roadmap_placeholder.setParent(self)
        self.roadmap_dock.setWidget(self.roadmap_pane)
        self.central.addWidget(self.document_pane)
        self.central.setCurrentWidget(self.document_pane)
        self.roadmap_pane.selection_changed.connect(self.tree_pane.view.select_uid)
        self.roadmap_pane.details_requested.connect(self._show_details)
        session.changed.connect(self._project_changed)
        session.failed.connect(self._refused)
        session.saved_merge_undone.connect(self._saved_merge_undone)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        if session.working_copy.unsaved_edits() > 0:
            # Recovered after a crash: edits not in the file are unsaved edits (the
            # title's *, Close asks), though the undo stack starts empty.
            session.undo_stack.resetClean()
        view = self.tree_pane.view
        self.edit_menu.insertActions(
            self.requirement_menu_anchor,
            [
                view.new_sibling_action,
                view.new_child_action,
                view.rename_action,
                view.delete_action,
            ],
        )
        self._tools = self._tree_tools(view)
        self.toolbar.addActions(self._tools)
        self._selected(view.current_uid())  # chosen while the tree was shown alone
        if not self.untitled:
            self._watch_target(session)
        self._show_access(session)
        self._update_counts()
        self._update_title()
        self._update_actions()

    def _watch_target(self, session: ProjectSession) -> None:
        """Watch the project file for a colleague's save (a watcher of an earlier
        file, before a Save As, is replaced along with its offer)."""
        self._stop_watching()
        self.watcher = sharing.TargetWatcher(session, self)
        self.watcher.colleague_saved.connect(self._colleague_saved)

    def _stop_watching(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.deleteLater()
            self.watcher = None
        self.notice_bar.hide()

    def _show_access(self, session: ProjectSession) -> None:
        """Say in the status bar how the project stands with its lock file, and
        switch off editing in a read-only one."""
        claim = session.working_copy.claim
        holder = claim.holder if claim.holder is not None and claim.holder.readable else None
        if claim.read_only:
            self._lock_editing()
            text = self.tr("Read-only. Save As makes a copy you can edit.")
            if self._write_protected:
                text = self.tr(
                    "%1 is write-protected: opened read-only. Save As makes a copy you can edit."
                ).replace("%1", session.path.name)
            elif self._leftover_kept:
                text = self.tr(
                    "Read-only: your unsaved changes from an earlier session are kept. "
                    "Open the project again to recover them."
                )
            elif holder is not None:
                text = self.tr(
                    "Read-only: %1 on %2 has it open. Save As makes a copy you can edit."
                )
        elif claim.holder is not None:
            text = self.tr("Editing without the lock: someone else has it open too.")
            if holder is not None:
                text = self.tr("Editing without the lock: %1 on %2 has it open too.")
        elif claim.no_lock == "stuck" and not self.untitled:
            text = self.tr(
                "No lock of yours: the old lock file %1 cannot be removed, so others are not "
                "told that you have it open."
            ).replace("%1", str(lock_path(session.path)))
        elif claim.no_lock == "disk_full" and not self.untitled:
            if claim.placeholder is not None:
                text = self.tr(
                    "The disk holding %1 is full: others see the project as opened by someone "
                    "unknown, and Save fails until there is space."
                )
            else:
                text = self.tr(
                    "The disk holding %1 is full: others are not told that you have the "
                    "project open, and Save fails until there is space."
                )
            text = text.replace("%1", str(session.path.parent))
        elif claim.unwritable and not self.untitled:
            text = self.tr(
                "No lock file: this folder is read-only, so others do not see that you have "
                "it open. Use Save As to keep changes."
            )
        else:
            text = ""
        if holder is not None:
            text = text.replace("%1", holder.user).replace("%2", holder.host)
        self.access_label.setText(text)
        self.access_label.setVisible(bool(text))

    def _lock_editing(self) -> None:
        """A read-only project: every editing command and input is switched off
        (what slips through is refused by the session with a message)."""
        from pmdesk.app.read_only import lock_editing

        assert self.tree_pane is not None
        assert self.detail_editor is not None
        assert self.document_pane is not None
        assert self.roadmap_pane is not None
        view = self.tree_pane.view
        for act in (
            view.new_sibling_action,
            view.new_child_action,
            view.rename_action,
            view.delete_action,
            view.indent_action,
            view.outdent_action,
            view.move_up_action,
            view.move_down_action,
        ):
            act.setEnabled(False)
        view.setEditTriggers(view.EditTrigger.NoEditTriggers)
        view.setDragDropMode(view.DragDropMode.NoDragDrop)
        lock_editing(self.detail_editor.form)
        lock_editing(self.document_pane)
        self.roadmap_pane.view.read_only = True

    # -- file commands -----------------------------------------------------------
    def new_project(self, template: str) -> None:
        """A new, untitled project from `template` replaces the open one (after
        asking to save it). The new file is written first: if it cannot be, the
        open project stays as it is."""
        from pmdesk.app.opening import open_in_background_work, untitled_path
        from pmdesk.core.disk_space import data_folder_full

        if self._opening:
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
            path = untitled_path(self.data_dir, template)
        except (PmdeskError, OSError) as e:
            dialogs.error(self, error_text(explained(e)))
            return
        if not self.close_project():
            path.unlink(missing_ok=True)
            return
        self._leftover_kept = False
        self._write_protected = False
        work = open_in_background_work(
            path, self.data_dir, self.settings.user_name, None, untitled=True
        )

        def open_new(show_tree: ShowTree) -> OpenedProject:
            try:
                return work(show_tree)
            except (PmdeskError, OSError) as e:
                path.unlink(missing_ok=True)  # never shown, never saved: nothing to keep
                raise explained(e) from None

        self._run_open(path, open_new, background=False)

    def open_dialog(self) -> None:
        folder = str(self.settings.recent_files[0].parent) if self.settings.recent_files else ""
        path = dialogs.open_path(self, folder)
        if path is not None:
            self.open_project(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            act = self.recent_menu.addAction(path.name)
            act.setToolTip(str(path))
            act.triggered.connect(lambda _=False, p=path: self.open_project(p))
        if self.recent_menu.isEmpty():
            empty = self.recent_menu.addAction(self.tr("No recent projects"))
            empty.setEnabled(False)

    def _flush(self) -> None:
        if self.document_pane is not None:
            self.document_pane.commit_body()
        if self.detail_editor is not None and hasattr(self.detail_editor, "commit_pending"):
            self.detail_editor.commit_pending()

    def save(self) -> bool:
        if self.session is None:
            return False
        self._flush()
        if self.untitled:
            return self.save_as()
        if not _reachable(self.session.path) and not _reachable(self.session.path.parent):
            # (A file gone from a folder still there is saved there again.)
            dialogs.error(
                self,
                self.tr(
                    "%1 cannot be found any more (was its drive or share disconnected?). "
                    "Use Save As to keep your work."
                ).replace("%1", str(self.session.path)),
            )
            return False
        session = self.session
        notices: list[str] = []
        merged: list[str] = []  # what merging a colleague's save did (renumbered keys …)
        saved = self._while_merging(
            lambda: sharing.save_merging(self, session, merged.append, notices.append)
        )
        if not saved:
            for text in merged:
                self._report(text)
            return False  # said why, or the user cancelled merging a colleague's save
        if self.watcher is not None:
            self.watcher.forget()
        self.notice_bar.hide()
        self._retake_lock()  # the one we edited beside may be gone by now
        said = self.tr("Saved %1").replace("%1", self.session.path.name)
        self.statusBar().showMessage(" — ".join([said, *merged, *notices]), 8000)
        if merged or notices:
            # What the merge did (keys renumbered …) and what the save set right
            # stay in the bar until dismissed: the status bar's note goes by.
            self.notice_bar.inform(" ".join([*merged, *notices]))
        self._update_title()
        return True

    def save_as(self) -> bool:
        if self.session is None:
            return False
        self._flush()
        suggestion = str(self.session.path) if not self.untitled else self.session.path.name
        path = dialogs.save_path(self, suggestion)
        if path is None:
            return False
        untitled_file = self.session.path if self.untitled else None
        was_read_only = self.session.read_only
        try:
            self.session.save_as(path)
        except (PmdeskError, OSError) as e:
            dialogs.error(self, error_text(e))
            return False
        if was_read_only:  # the copy is ours to edit: open it so, panes and all
            self.open_project(path)
            return True
        if untitled_file is not None:
            untitled_file.unlink(missing_ok=True)  # it lives on under its real name
        self.untitled = False
        # Now a file others can save too: an untitled project had no watcher, and
        # one kept from before watched (and offered merges of) the old file.
        self._watch_target(self.session)
        self.settings.add_recent(path)
        self._update_title()
        return True

    def close_project(self) -> bool:
        """Close the open project, asking to save changes. False if the user cancels."""
        if self.session is None:
            return True
        if self._merging:
            # The conflict dialog (or the merge's progress) is up: closing now would
            # pull the working copy from under the merge, which then writes into a
            # closed project. The user settles the merge first.
            QApplication.beep()
            return False
        self._flush()
        # A clean stack means the working copy holds what was saved (edits that
        # were undone only left history rows): nothing to keep for recovery.
        # Read-only: nothing to save; recovered edits opened read-only stay recoverable.
        read_only = self.session.read_only
        discard = not read_only
        if not read_only and (
            not self.session.undo_stack.isClean()
            or (self.untitled and self.session.working_copy.unsaved_edits() > 0)
        ):
            answer = dialogs.ask_save_changes(self, self.session.path.name)
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return False
            discard = answer == QMessageBox.StandardButton.Discard
        session = self.session
        from pmdesk.app.baselines_dialog import close_baselines

        close_baselines(self)  # it reads the project that is closing
        if self.tree_pane is not None:
            self.settings.save_header_state(self.tree_pane.view.header().saveState())
            view = self.tree_pane.view
            for act in (
                view.new_sibling_action,
                view.new_child_action,
                view.rename_action,
                view.delete_action,
            ):
                self.edit_menu.removeAction(act)
            for act in self._tools:
                self.toolbar.removeAction(act)
            self._tools = []
        self.undo_group.removeStack(session.undo_stack)
        self._stop_watching()
        if self.document_pane is not None:
            self.document_pane.shutdown()
        if self.roadmap_pane is not None:
            self.roadmap_pane.shutdown()
        session.blockSignals(True)
        for widget in (self.tree_pane, self.detail_editor, self.document_pane, self.roadmap_pane):
            if widget is not None:
                # Pending timers (preview, typing) must not reach a closed project.
                for timer in widget.findChildren(QTimer):
                    timer.stop()
                widget.setParent(None)
                widget.deleteLater()
        self.tree_pane = self.detail_editor = self.document_pane = None
        self.roadmap_pane = None
        self.roadmap_dock.setWidget(self.roadmap_placeholder)
        self.roadmap_placeholder.show()
        self.access_label.hide()
        self.session = None
        untitled_file = session.path if self.untitled else None
        session.close(discard=discard)
        session.deleteLater()
        if untitled_file is not None and discard:
            untitled_file.unlink(missing_ok=True)  # never saved anywhere: nothing to keep
        self.untitled = False
        self._update_title()
        self._update_counts()
        self._update_actions()
        return True

    # -- a colleague's save ----------------------------------------------------------
    def _colleague_saved(self) -> None:
        if self.session is None:
            return
        from pmdesk.core.merge_files import last_editors

        try:
            people = last_editors(self.session.path)
        except (PmdeskError, OSError):
            people = []  # being replaced again right now: the bar says it without a name
        read_only = self.session.read_only
        name = self.session.path.name
        from pmdesk.core.target_merge import replaced_by_stranger

        stranger = replaced_by_stranger(self.session.working_copy)
        if stranger is not None:  # nothing there to merge or show: say what it is
            self.notice_bar.inform(sharing.replaced_by_stranger_text(self.session.path, stranger))
            return
        if not read_only:
            from pmdesk.core.target_merge import is_older_copy

            if is_older_copy(self.session.working_copy):
                self.notice_bar.offer_save_back(sharing.older_copy_text(name))
                return
        self.notice_bar.offer(
            sharing.saved_by_text(name, people, read_only=read_only), read_only=read_only
        )

    def merge_now(self) -> bool:
        """Merge the newer version of the project file into the open project."""
        if self.session is None:
            return False
        self._flush()
        self.notice_bar.hide()
        if not self.session.working_copy.target_changed():
            return True
        session = self.session
        merged = self._while_merging(lambda: sharing.merge_colleague(self, session, self._report))
        if merged and self.watcher is not None:
            self.watcher.forget()
        elif not merged and self.session.working_copy.target_changed():
            self._colleague_saved()  # still there to merge (or to save over) later
        self._update_title()
        return merged

    def merge_copy(self, path: Path | None = None) -> bool:
        """File ▸ Merge a Copy: a copy of this project edited elsewhere comes back."""
        if self.session is None or self.session.read_only:
            return False
        if path is None:
            path = dialogs.copy_path(self, str(self.session.path.parent))
            if path is None:
                return False
        self._flush()
        session, copy = self.session, path
        merged = self._while_merging(lambda: sharing.merge_copy(self, session, copy, self._report))
        self._update_title()
        return merged

    def _while_merging(self, work: Callable[[], bool]) -> bool:
        """Run a merge (or a save that may merge); the window will not close meanwhile."""
        self._merging = True
        try:
            return work()
        finally:
            self._merging = False

    def _saved_merge_undone(self, people: str) -> None:
        self.notice_bar.warn_merge_undone(people or self.tr("a colleague"))

    def _refused(self, message: str) -> None:
        """An edit was refused. Read-only, every stray key is refused: a note in the
        status bar is enough there (the title says why); otherwise a message box."""
        if self.session is not None and self.session.read_only:
            self.statusBar().showMessage(message, 6000)
            QApplication.beep()
        else:
            dialogs.error(self, message)

    def _report(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- window events -------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_project():
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.tasks.wait()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_project(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_project(event)
        if path is not None and not self._opening:
            event.acceptProposedAction()
            self.open_project(path)

    @staticmethod
    def _dropped_project(event: QDragEnterEvent | QDropEvent) -> Path | None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().endswith(FILE_SUFFIX):
                return Path(url.toLocalFile())
        return None

    # -- small helpers -------------------------------------------------------------
    def _selected(self, uid: str | None) -> None:
        if self.detail_editor is not None:
            self.detail_editor.show_requirement(uid)
        if self.roadmap_pane is not None:
            self.roadmap_pane.select_uid(uid)
        self._show_selection(uid)

    def _show_details(self, uid: str) -> None:
        """A double-clicked bar: select it everywhere and bring the details forward."""
        if self.tree_pane is not None:
            self.tree_pane.view.select_uid(uid)
        self.detail_dock.show()
        self.detail_dock.raise_()

    def export_roadmap(self, suffix: str) -> None:
        if self.session is None or self.roadmap_pane is None:
            return

        suggestion = str(self.session.path.with_name(self.session.path.stem + "-roadmap" + suffix))
        path = dialogs.export_path(self, suggestion, suffix)
        if path is None:
            return
        language = self.session.project.info().language
        try:
            written = self.roadmap_pane.export_picture(path, language)
        except OSError as e:
            dialogs.error(
                self,
                self.tr("%1 could not be written (%2).")
                .replace("%1", str(path))
                .replace("%2", e.strerror or str(e)),
            )
            return
        if not written:
            dialogs.error(
                self,
                self.tr("The roadmap is empty: no requirement, release or milestone has a date."),
            )
            return
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", path.name), 4000)

    def _show_selection(self, uid: str | None) -> None:
        if uid is None or self.tree_pane is None or self.tree_pane.model.count() == 0:
            self.selection_label.setText("")
            return
        try:
            row = self.tree_pane.model.row_values(uid)
        except KeyError:  # removed a moment ago
            self.selection_label.setText("")
            return
        self.selection_label.setText(f"{row[2]}  {row[3]}")

    def _project_changed(self, _effects: object) -> None:
        self._update_counts()
        if self.tree_pane is not None:
            self._show_selection(self.tree_pane.view.current_uid())  # a rename shows at once

    def _focus_filter(self) -> None:
        if self.tree_pane is not None:
            self.tree_dock.show()
            self.tree_pane.focus_filter()

    def _busy(self, message: str) -> None:
        self.progress.show()
        self.statusBar().showMessage(message)

    def _idle(self) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()

    def _update_counts(self) -> None:
        if self.tree_pane is None:
            self.counts_label.setText("")
            return
        n = self.tree_pane.model.count()
        self.counts_label.setText(self.tr("%n requirement(s)", "", n))

    def _update_title(self, *_args: object) -> None:
        if self.session is None:
            self.setWindowTitle("pmdesk")
            self.setWindowModified(False)
            self.save_state_label.setText("")
            return
        clean = self.session.undo_stack.isClean() and not (
            self.untitled and self.session.working_copy.unsaved_edits() > 0
        )
        name = self.session.path.name if not self.untitled else self.tr("Untitled")
        if self.session.read_only:
            name += " " + self.tr("[Read-only]")
        self.setWindowTitle(f"{name}[*] — pmdesk")
        self.setWindowModified(not clean)
        self.save_state_label.setText(self.tr("Saved") if clean else self.tr("Unsaved changes"))

    def _update_actions(self) -> None:
        is_open = self.session is not None
        for act in (
            self.save_action,
            self.save_as_action,
            self.close_action,
            self.filter_action,
            self.baselines_action,
            self.export_action,
            self.export_png_action,
            self.export_svg_action,
            self.change_log_action,
        ):
            act.setEnabled(is_open and not self._opening)
        self.merge_copy_action.setEnabled(
            is_open
            and not self._opening
            and not self.untitled
            and self.session is not None
            and not self.session.read_only
        )
        if self.session is not None and self.session.read_only:
            self.save_action.setEnabled(False)  # Save As stays: it makes an editable copy
        for act in (
            self.new_blank_action,
            self.new_zh_action,
            self.new_en_action,
            self.open_action,
        ):
            act.setEnabled(not self._opening)
        self.recent_menu.setEnabled(not self._opening)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About pmdesk"),
            self.tr(
                "<h3>pmdesk %1</h3><p>An offline roadmap and PRD editor for product managers.</p>"
            ).replace("%1", __version__),
        )

    def export_dialog(self) -> ExportDialog | None:
        """File ▸ Export PRD: a window-modal dialog (open() keeps the event loop ours)."""
        from pmdesk.app.export_dialog import ExportDialog

        if self.session is None:
            return None
        language = self.session.project.info().language
        names = self.session.project.baseline_names()
        dialog = ExportDialog(self.session, self.settings, language, names, self)
        dialog.exported.connect(self._exported)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _exported(self, path: Path, seconds: float) -> None:
        message = self.tr("Exported %1 in %2 s.").replace("%1", path.name)
        self.statusBar().showMessage(message.replace("%2", f"{seconds:.1f}"), 8000)

    def change_log(self) -> None:
        """View ▸ Change Log: the project's changes (app/change_log.py)."""
        from pmdesk.app.change_log import show_change_log

        if self.session is not None:
            show_change_log(self, self.session, self._show_details)

    def baselines(self) -> None:
        """Project ▸ Baselines: create, delete and compare (app/baselines_dialog.py)."""
        from pmdesk.app.baselines_dialog import show_baselines

        if self.session is not None and self.tree_pane is not None:
            show_baselines(self, self.session, self.tree_pane.view.select_uid)

    def preferences(self) -> None:
        from pmdesk.app.preferences import PreferencesDialog

        if PreferencesDialog(self.settings, self).exec() and self.session is not None:
            self.session.project.set_user(self.settings.user_name)


def _reachable(path: Path) -> bool:
    # Path.exists() raises instead of answering False for a share that went away
    # (EIO, a stale handle): then the file cannot be found either.
    try:
        return path.exists()
    except OSError:
        return False
