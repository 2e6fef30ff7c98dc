"""The main window: a frame of menus, toolbar, docks, notice bar and status bar
around at most one open project (a `Workspace`, app/workspace.py).

Opening, saving and closing are app/lifecycle.py and app/saving.py; the
commands and their menus app/actions.py. The window shows what they decide.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk import __version__
from pmdesk.app import dialogs, sharing
from pmdesk.app.actions import State, WindowActions
from pmdesk.app.lifecycle import Lifecycle
from pmdesk.app.settings import AppSettings
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.storage.fileformat import FILE_SUFFIX
from pmdesk.core.storage.places import default_data_dir

if TYPE_CHECKING:
    from pmdesk.app.document.export_dialog import ExportDialog
    from pmdesk.app.setup.new_project_dialog import NewProjectDialog
    from pmdesk.app.setup.properties_dialog import ProjectPropertiesDialog
    from pmdesk.app.tree.pane import TreePane
    from pmdesk.app.views.switcher import ViewSwitcher
    from pmdesk.app.workspace import Workspace
    from pmdesk.core.storage.workingcopy_recovery import Recoverable


class MainWindow(QMainWindow):
    tree_shown = Signal()  # an opening project's tree is in the window (not yet editable)
    project_opened = Signal()  # an open ended, opened or not (tests wait on it)

    def __init__(self, settings: AppSettings, data_dir: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.tasks = TaskRunner(self)  # the one runner: opening, previews, layout, export
        self.undo_group = QUndoGroup(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("pmdesk")
        self.resize(1440, 900)
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        area = Qt.DockWidgetArea
        self.tree_dock = self._dock("treeDock", self.tr("Requirements"), area.LeftDockWidgetArea)
        self.detail_dock = self._dock("detailDock", self.tr("Details"), area.RightDockWidgetArea)
        self.roadmap_dock = self._dock("roadmapDock", self.tr("Roadmap"), area.BottomDockWidgetArea)
        # The plan (releases, lanes, milestones) is a tab beside the tree.
        self.plan_dock = self._dock("planDock", self.tr("Plan"), area.LeftDockWidgetArea)
        self.tabifyDockWidget(self.tree_dock, self.plan_dock)
        self.tree_dock.raise_()
        self.plan_placeholder = self._placeholder(self.tr("No project is open."))
        self.plan_dock.setWidget(self.plan_placeholder)
        self.roadmap_placeholder = self._placeholder(self.tr("No project is open."))
        self.roadmap_dock.setWidget(self.roadmap_placeholder)
        # The backlog table is a tab beside the roadmap: the bottom area spans the
        # window, the most width a table of many columns can get.
        self.backlog_dock = self._dock("backlogDock", self.tr("Backlog"), area.BottomDockWidgetArea)
        self.tabifyDockWidget(self.roadmap_dock, self.backlog_dock)
        self.roadmap_dock.raise_()
        self.backlog_placeholder = self._placeholder(self.tr("No project is open."))
        self.backlog_dock.setWidget(self.backlog_placeholder)
        # The MoSCoW board is a tab beside the roadmap: five columns need the width.
        self.board_dock = self._dock(
            "boardDock", self.tr("MoSCoW Board"), area.BottomDockWidgetArea
        )
        self.tabifyDockWidget(self.roadmap_dock, self.board_dock)
        self.board_dock.visibilityChanged.connect(self._board_in_sight)
        self.roadmap_dock.visibilityChanged.connect(self._roadmap_in_sight)
        # Floated from behind a tab, a dock hears "not visible" as its window shows:
        # a floating dock is in sight.
        self.roadmap_dock.topLevelChanged.connect(self._roadmap_floated)
        self.board_dock.topLevelChanged.connect(self._board_floated)
        self.roadmap_dock.raise_()
        self.board_placeholder = self._placeholder(self.tr("No project is open."))
        self.board_dock.setWidget(self.board_placeholder)
        self.central = QStackedWidget(self)
        self.central.addWidget(self._placeholder(self.tr("No project is open.")))
        # The notice of a colleague's save sits above the document (app/sharing.py).
        self.notice_bar = sharing.NoticeBar(self)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(4)
        middle_layout.addWidget(self.notice_bar)
        middle_layout.addWidget(self.central, 1)
        self.setCentralWidget(middle)

        self.lifecycle = Lifecycle(
            self, self, settings, data_dir or default_data_dir(), self.tasks, self.notice_bar
        )
        self.notice_bar.merge_requested.connect(self.merge_now)
        self.notice_bar.redo_requested.connect(self.undo_group.redo)
        self.notice_bar.save_requested.connect(self.save)
        docks = [self.tree_dock, self.plan_dock, self.detail_dock, self.roadmap_dock]
        docks.append(self.backlog_dock)
        docks.append(self.board_dock)
        self.commands = WindowActions(self, self, self.undo_group, docks, self._fill_recent)
        self._build_status_bar()
        # The bottom area (the timeline) spans the window: a roadmap needs width.
        self.setCorner(Qt.Corner.BottomLeftCorner, area.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, area.BottomDockWidgetArea)
        geometry, state = settings.window_geometry(), settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        else:  # first start
            self.resizeDocks(
                [self.tree_dock, self.detail_dock], [340, 380], Qt.Orientation.Horizontal
            )
            self.resizeDocks([self.roadmap_dock], [340], Qt.Orientation.Vertical)
        self.undo_group.cleanChanged.connect(self.state_changed)
        self.state_changed()

    @property
    def data_dir(self) -> Path:
        """The user's pmdesk data folder: working copies, untitled projects, the sample."""
        return self.lifecycle.data_dir

    @property
    def workspace(self) -> Workspace | None:
        """The open project (None while none is open, or one is still opening)."""
        return self.lifecycle.workspace

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

    # -- the project's panes in the frame (app/frame.py) ---------------------------
    def show_tree(self, pane: TreePane) -> None:
        self.tree_dock.setWidget(pane)
        self._update_counts()
        self.tree_shown.emit()

    def install(self, workspace: Workspace) -> None:
        self.detail_dock.setWidget(workspace.detail_editor)
        # Kept, hidden, as the window's child: without a parent it would become a
        # window of its own the next time the dock lets go of it.
        self.roadmap_placeholder.hide()
        self.roadmap_placeholder.setParent(self)
        self.roadmap_dock.setWidget(workspace.roadmap_pane)
        self.plan_placeholder.hide()
        self.plan_placeholder.setParent(self)
        self.plan_dock.setWidget(workspace.plan_pane)
        self.board_placeholder.hide()
        self.board_placeholder.setParent(self)
        self.board_dock.setWidget(workspace.board_pane)
        # A tab behind another has nothing on screen (no signal says so until a
        # tab is chosen); before the window is shown, the first show tells.
        workspace.board_pane.in_sight = not self.board_dock.visibleRegion().isEmpty()
        workspace.roadmap_pane.in_sight = not self.roadmap_dock.visibleRegion().isEmpty()
        workspace.board_pane.details_requested.connect(self.show_details)
        self.backlog_placeholder.hide()
        self.backlog_placeholder.setParent(self)
        self.backlog_dock.setWidget(workspace.backlog_pane)
        self.central.addWidget(workspace.document_pane)
        self.central.setCurrentWidget(workspace.document_pane)
        workspace.roadmap_pane.details_requested.connect(self.show_details)
        workspace.selection.changed.connect(self._show_selection)
        workspace.session.changed.connect(self._project_changed)
        workspace.tree_pane.filter_applied.connect(self._update_counts)
        self.undo_group.addStack(workspace.undo_stack)
        self.undo_group.setActiveStack(workspace.undo_stack)
        self.commands.attach_tree(workspace.tree_pane.view)
        workspace.tree_pane.view.extra_actions = [self.commands.impact]
        workspace.detail_editor.impact_requested.connect(self.show_impact)
        self._show_selection(workspace.selection.uid)

    def uninstall(self, workspace: Workspace) -> None:
        self.commands.detach_tree()
        self.undo_group.removeStack(workspace.undo_stack)
        self.notice_bar.hide()
        self.roadmap_dock.setWidget(self.roadmap_placeholder)
        self.roadmap_placeholder.show()
        self.plan_dock.setWidget(self.plan_placeholder)
        self.plan_placeholder.show()
        self.board_dock.setWidget(self.board_placeholder)
        self.board_placeholder.show()
        self.backlog_dock.setWidget(self.backlog_placeholder)
        self.backlog_placeholder.show()

    def busy(self, message: str) -> None:
        self.progress.show()
        self.statusBar().showMessage(message)

    def idle(self) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()

    def report(self, text: str, ms: int = 8000) -> None:
        self.statusBar().showMessage(text, ms)

    def open_finished(self) -> None:
        self.project_opened.emit()

    def state_changed(self, *_args: object) -> None:
        """Title, save state, access note, counts and commands follow the project."""
        ws, opening = self.workspace, self.lifecycle.opening is not None
        self.commands.update(
            State(
                is_open=ws is not None,
                opening=opening,
                untitled=ws is not None and ws.untitled,
                read_only=ws is not None and ws.read_only,
            )
        )
        self._update_counts()
        access = ws.access_text() if ws is not None else ""
        self.access_label.setText(access)
        self.access_label.setVisible(bool(access))
        if ws is None:
            self.setWindowTitle("pmdesk")
            self.setWindowModified(False)
            self.save_state_label.setText("")
            if not opening:
                self.selection_label.setText("")
            return
        name = ws.path.name if not ws.untitled else self.tr("Untitled")
        if ws.read_only:
            name += " " + self.tr("[Read-only]")
        self.setWindowTitle(f"{name}[*] — pmdesk")
        self.setWindowModified(not ws.clean)
        if not ws.clean:
            state = self.tr("Unsaved changes")
        elif ws.untitled:  # a new project has no file yet: nothing was saved
            state = self.tr("Not saved yet")
        else:
            state = self.tr("Saved")
        self.save_state_label.setText(state)

    def _update_counts(self) -> None:
        ws, opening = self.workspace, self.lifecycle.opening
        pane = ws.tree_pane if ws is not None else opening.tree_pane if opening else None
        if pane is None:
            self.counts_label.setText("")
            return
        n = pane.model.count()
        text = self.tr("%n requirement(s)", "", n)
        matches = pane.matched_uids()
        if matches is not None:  # the filter's share of them
            text = self.tr("%1 of %n requirement(s) shown", "", n).replace("%1", str(len(matches)))
        self.counts_label.setText(text)

    def _show_selection(self, uid: str | None) -> None:
        ws = self.workspace
        text = ""
        if uid is not None and ws is not None and ws.tree_pane.model.count():
            try:
                row = ws.tree_pane.model.row_values(uid)
                text = f"{row[2]}  {row[3]}"
            except KeyError:  # removed a moment ago
                pass
        self.selection_label.setText(text)

    def _project_changed(self, _effects: object) -> None:
        self._update_counts()
        if self.workspace is not None:  # a rename shows at once
            self._show_selection(self.workspace.selection.uid)

    # -- file commands (app/lifecycle.py, app/saving.py) -----------------------------
    def open_project(
        self, path: Path, *, background: bool = True, recover: Recoverable | None = None
    ) -> None:
        self.lifecycle.open_project(path, background=background, recover=recover)

    def new_project(self, template: str) -> None:
        self.lifecycle.new_project(template)

    def new_project_dialog(self) -> NewProjectDialog | None:
        """File ▸ New…: the new project's first properties and template."""
        return self.lifecycle.new_project_dialog()

    def close_project(self) -> bool:
        return self.lifecycle.close_project()

    def save(self) -> bool:
        return self.lifecycle.saving.save()

    def save_as(self) -> bool:
        return self.lifecycle.saving.save_as()

    def merge_now(self) -> bool:
        return self.lifecycle.saving.merge_now()

    def merge_copy(self, path: Path | None = None) -> bool:
        return self.lifecycle.saving.merge_copy(path)

    def open_dialog(self) -> None:
        folder = str(self.settings.recent_files[0].parent) if self.settings.recent_files else ""
        path = dialogs.open_path(self, folder)
        if path is not None:
            self.open_project(path)

    def _fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.settings.recent_files:
            act = menu.addAction(path.name)
            act.setToolTip(str(path))
            act.triggered.connect(lambda _=False, p=path: self.open_project(p))
        if menu.isEmpty():
            menu.addAction(self.tr("No recent projects")).setEnabled(False)

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
        if path is not None and self.lifecycle.opening is None:
            event.acceptProposedAction()
            self.open_project(path)

    @staticmethod
    def _dropped_project(event: QDragEnterEvent | QDropEvent) -> Path | None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().endswith(FILE_SUFFIX):
                return Path(url.toLocalFile())
        return None

    # -- other commands ------------------------------------------------------------
    def show_details(self, uid: str) -> None:
        """A double-clicked bar or change: select it everywhere, bring the details forward."""
        if self.workspace is not None:
            self.workspace.selection.set(uid)
        self.detail_dock.show()
        self.detail_dock.raise_()

    def show_board(self) -> None:
        """View ▸ MoSCoW Board: the board's tab, forward, with the focus."""
        self.board_dock.show()
        self.board_dock.raise_()
        if self.workspace is not None:
            self.workspace.board_pane.ensure_loaded()
            self.workspace.board_pane.view.setFocus()

    def show_backlog(self) -> None:
        """View ▸ Backlog Table: the backlog's tab, forward, with the focus."""
        self.backlog_dock.show()
        self.backlog_dock.raise_()
        if self.workspace is not None:
            self.workspace.backlog_pane.view.setFocus()

    def edit_selected(self) -> None:
        """Edit ▸ Edit Selected Requirements…: the backlog forward, its Edit Selected
        dialog on the rows selected there (or a word on what to do first)."""
        if self.workspace is None:
            return
        self.show_backlog()
        if self.workspace.backlog_pane.bulk_edit() is None:
            self.statusBar().showMessage(
                self.tr("Select the requirements to change in the backlog table first."), 6000
            )

    def focus_filter(self) -> None:
        if self.workspace is not None:
            self.tree_dock.show()
            self.workspace.tree_pane.focus_filter()

    def find_in_project(self) -> None:
        """Edit ▸ Find in Project (Ctrl+Shift+F): the search dock (app/search/)."""
        from pmdesk.app.search.panel import show_search

        ws = self.workspace
        if ws is not None:
            show_search(
                self,
                ws.session,
                self.tasks,
                self.show_details,
                self._show_section,
                self._show_persona,
                ws.tree_pane.highlight.set_query,
                self.detail_dock,
            )

    def _show_section(self, uid: str) -> None:
        if self.workspace is not None:
            self.workspace.document_pane.select_section(uid)

    def _show_persona(self, uid: str) -> None:
        from pmdesk.app.personas.window import show_personas

        if self.workspace is not None:
            show_personas(self, self.workspace.session, self.show_details).cards.select_uid(uid)

    def export_roadmap(self, suffix: str) -> None:
        ws = self.workspace
        if ws is None:
            return
        suggestion = str(ws.path.with_name(ws.path.stem + "-roadmap" + suffix))
        path = dialogs.export_path(self, suggestion, suffix)
        if path is None:
            return
        language = ws.session.project.info().language
        try:
            written = ws.roadmap_pane.export_picture(path, language)
        except OSError as e:
            message = self.tr("%1 could not be written (%2).").replace("%1", str(path))
            dialogs.error(self, message.replace("%2", e.strerror or str(e)))
            return
        if not written:
            dialogs.error(
                self,
                self.tr("The roadmap is empty: no requirement, release or milestone has a date."),
            )
            return
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", path.name), 4000)

    def export_dialog(self) -> ExportDialog | None:
        """File ▸ Export PRD: a window-modal dialog (open() keeps the event loop ours)."""
        from pmdesk.app.document.export_dialog import ExportDialog

        ws = self.workspace
        if ws is None:
            return None
        language = ws.session.project.info().language
        names = ws.session.project.baseline_names()
        filtered = ws.tree_pane.matched_uids()  # the dialog offers the filtered set
        dialog = ExportDialog(
            ws.session, self.tasks, self.settings, language, names, self, filtered=filtered
        )
        dialog.exported.connect(self._exported)
        dialog.section_wanted.connect(ws.document_pane.select_section)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _exported(self, path: Path, seconds: float) -> None:
        message = self.tr("Exported %1 in %2 s.").replace("%1", path.name)
        self.statusBar().showMessage(message.replace("%2", f"{seconds:.1f}"), 8000)

    def change_log(self) -> None:
        """View ▸ Change Log: the project's changes (app/history/change_log.py)."""
        from pmdesk.app.history.change_log import show_change_log

        if self.workspace is not None:
            show_change_log(self, self.workspace.session, self.show_details)

    def baselines(self) -> None:
        """Project ▸ Baselines: create, delete and compare (app/history/baselines_dialog.py)."""
        from pmdesk.app.history.baselines_dialog import show_baselines

        if self.workspace is not None:
            show_baselines(self, self.workspace.session, self.workspace.selection.set)

    def project_properties(self) -> ProjectPropertiesDialog | None:
        """Project ▸ Properties…: a window-modal dialog (app/setup/properties_dialog.py)."""
        from pmdesk.app.setup.properties_dialog import ProjectPropertiesDialog

        if self.workspace is None:
            return None
        dialog = ProjectPropertiesDialog(self.workspace.session, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def import_requirements(self, path: Path | None = None) -> object:
        """File ▸ Import Requirements…: the mapping dialog (app/interop)."""
        from pmdesk.app.i18n import choose_language
        from pmdesk.app.interop.import_dialog import open_import

        ws = self.workspace
        if ws is None:
            return None
        language = "zh" if choose_language(self.settings.language) == "zh_CN" else "en"

        def status(text: str | None) -> None:
            if text is None:
                self.idle()
            else:
                self.busy(text)

        open_import(self, ws.session, language, path, self.tasks, status)
        return None

    def export_requirements(self, path: Path | None = None) -> object:
        """File ▸ Export Requirements…: xlsx, csv or ReqIF (app/interop)."""
        from pmdesk.app.interop.export_dialog import export_requirements

        ws = self.workspace
        if ws is None:
            return None
        language = ws.session.project.info().language
        return export_requirements(self, ws.session, language, path, self.settings)

    def kano_survey(self) -> None:
        """Project ▸ Kano Survey…: a survey's result (app/analysis/kano_window.py)."""
        from pmdesk.app.analysis.kano_window import open_kano_survey

        ws = self.workspace
        if ws is not None:
            open_kano_survey(
                self,
                ws.session,
                self.tasks,
                self.settings,
                self.show_details,
                busy=self.busy,
                idle=self.idle,
            )

    def personas(self) -> None:
        """Project ▸ Personas…: the personas window (app/personas/window.py)."""
        from pmdesk.app.personas.window import show_personas

        if self.workspace is not None:
            show_personas(self, self.workspace.session, self.show_details)

    def custom_fields(self) -> None:
        """Project ▸ Custom Fields…: the project's own fields (app/customfields/window.py)."""
        from pmdesk.app.customfields.window import show_custom_fields

        if self.workspace is not None:
            show_custom_fields(self, self.workspace.session, self.show_details)

    def traceability(self) -> None:
        """View ▸ Traceability…: the matrix and the problems (app/trace/window.py)."""
        from pmdesk.app.trace.window import show_traceability

        if self.workspace is not None:
            show_traceability(self, self.workspace.session, self.show_details, tasks=self.tasks)

    def view_switcher(self) -> ViewSwitcher | None:
        """The open project's saved views (View ▸ Saved Views), or None."""
        return self.workspace.views if self.workspace is not None else None

    def manage_views(self) -> None:
        """View ▸ Saved Views ▸ Manage Views…: reorder, rename, duplicate, delete."""
        from pmdesk.app.views.manage import show_manage_views

        if self.workspace is not None:
            show_manage_views(self, self.workspace.session, self.workspace.views)

    def show_impact(self, uid: str | None = None) -> None:
        """Show Impact… (tree or details menu): what depends on the requirement."""
        from pmdesk.app.trace.impact import show_impact

        ws = self.workspace
        uid = uid or (ws.selection.uid if ws is not None else None)
        if ws is not None and uid:
            show_impact(self, ws.session, uid, self.show_details)

    def value_effort(self) -> None:
        """View ▸ Value vs Effort: the matrix window (app/analysis/matrix_window.py)
        of the requirements picked in the tree, or of all."""
        from pmdesk.app.analysis.matrix_window import open_matrix, tree_selection

        ws = self.workspace
        if ws is not None:
            open_matrix(self, ws.session, ws.selection, tree_selection(ws.tree_pane.view))

    def _board_in_sight(self, visible: bool) -> None:
        """The board's tab chosen or left (a tab behind another is not hidden)."""
        if self.workspace is not None:
            self.workspace.board_pane.set_in_sight(visible)

    def _roadmap_floated(self, floating: bool) -> None:
        if floating:
            self._roadmap_in_sight(True)

    def _board_floated(self, floating: bool) -> None:
        if floating:
            self._board_in_sight(True)

    def _roadmap_in_sight(self, visible: bool) -> None:
        """The roadmap's tab chosen or left: behind another, it waits (see the pane)."""
        if self.workspace is not None:
            self.workspace.roadmap_pane.set_in_sight(visible)

    def show_plan(self) -> None:
        """Project ▸ Releases, Lanes and Milestones: the Plan pane, forward."""
        self.plan_dock.show()
        self.plan_dock.raise_()
        if self.workspace is not None:
            self.workspace.plan_pane.releases.setFocus()

    def new_release(self) -> None:
        if self.workspace is not None:
            self.show_plan()
            self.workspace.plan_pane.new_release()

    def new_milestone(self) -> None:
        if self.workspace is not None:
            self.show_plan()
            self.workspace.plan_pane.new_milestone()

    def preferences(self) -> None:
        from pmdesk.app.preferences import PreferencesDialog

        if PreferencesDialog(self.settings, self).exec() and self.workspace is not None:
            self.workspace.session.project.set_user(self.settings.user_name)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About pmdesk"),
            self.tr(
                "<h3>pmdesk %1</h3><p>An offline roadmap and PRD editor for product managers.</p>"
            ).replace("%1", __version__),
        )
