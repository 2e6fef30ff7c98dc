"""The window's commands: every action with its shortcut, its menu and toolbar
place, built once; which are enabled follows the window's state in one place
(`update`). An open project's tree brings its own commands (`attach_tree`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QStyle, QToolBar

from pmdesk.app.views.menu import SavedViewsMenu

if TYPE_CHECKING:
    from pmdesk.app.tree.view import RequirementTreeView
    from pmdesk.app.views.switcher import ViewSwitcher

translate = QCoreApplication.translate


class Handlers(Protocol):
    """What the actions run (the main window)."""

    def new_project_dialog(self) -> object: ...
    def open_dialog(self) -> None: ...
    def save(self) -> bool: ...
    def save_as(self) -> bool: ...
    def merge_copy(self) -> bool: ...
    def export_dialog(self) -> object: ...
    def import_requirements(self) -> object: ...
    def export_requirements(self) -> object: ...
    def export_roadmap(self, suffix: str) -> None: ...
    def close_project(self) -> bool: ...
    def close(self) -> bool: ...
    def focus_filter(self) -> None: ...
    def find_in_project(self) -> None: ...
    def show_board(self) -> None: ...
    def show_backlog(self) -> None: ...
    def edit_selected(self) -> None: ...
    def value_effort(self) -> None: ...
    def baselines(self) -> None: ...
    def project_properties(self) -> object: ...
    def show_plan(self) -> None: ...
    def kano_survey(self) -> None: ...
    def personas(self) -> None: ...
    def custom_fields(self) -> None: ...
    def traceability(self) -> None: ...
    def view_switcher(self) -> ViewSwitcher | None: ...
    def manage_views(self) -> None: ...
    def show_impact(self) -> None: ...
    def new_release(self) -> None: ...
    def new_milestone(self) -> None: ...
    def change_log(self) -> None: ...
    def preferences(self) -> None: ...
    def about(self) -> None: ...


@dataclass(frozen=True)
class State:
    """What decides which commands can run."""

    is_open: bool = False  # a project is open and editable
    opening: bool = False  # a project is on its way in
    untitled: bool = False
    read_only: bool = False


def tree_menu_actions(view: RequirementTreeView) -> list[QAction]:
    """The tree's commands in the Edit menu."""
    return [view.new_sibling_action, view.new_child_action, view.rename_action, view.delete_action]


def _tree_tools(view: RequirementTreeView) -> list[tuple[QAction, QStyle.StandardPixmap]]:
    """The tree's commands on the toolbar, with their icons."""
    pixmap = QStyle.StandardPixmap
    return [
        (view.new_sibling_action, pixmap.SP_FileIcon),
        (view.new_child_action, pixmap.SP_FileDialogNewFolder),
        (view.outdent_action, pixmap.SP_ArrowLeft),
        (view.indent_action, pixmap.SP_ArrowRight),
        (view.delete_action, pixmap.SP_TrashIcon),
    ]


class WindowActions:
    def __init__(
        self,
        window: QMainWindow,
        handlers: Handlers,
        undo_group: QUndoGroup,
        docks: list[QDockWidget],
        recent: Callable[[QMenu], None],
    ) -> None:
        self._window = window
        self._tree: list[QAction] = []  # the open project's tree commands in menu and toolbar
        self._tools: list[QAction] = []
        c = handlers

        def action(
            text: str,
            slot: Callable[[], object],
            keys: QKeySequence | QKeySequence.StandardKey | None = None,
        ) -> QAction:
            act = QAction(text, window)
            if keys is not None:
                act.setShortcut(keys)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        K = QKeySequence.StandardKey  # noqa: N806
        self.new = action(translate("MainWindow", "&New…"), c.new_project_dialog, K.New)
        self.new.setToolTip(
            translate(
                "MainWindow", "A new project: its title, product, key prefix, language and template"
            )
        )
        self.open = action(translate("MainWindow", "&Open…"), c.open_dialog, K.Open)
        self.save = action(translate("MainWindow", "&Save"), c.save, K.Save)
        self.save_as = action(translate("MainWindow", "Save &As…"), c.save_as, K.SaveAs)
        self.export = action(
            translate("MainWindow", "&Export PRD…"), c.export_dialog, QKeySequence("Ctrl+E")
        )
        self.export_png = action(
            translate("MainWindow", "Export Roadmap as &PNG…"), lambda: c.export_roadmap(".png")
        )
        self.export_svg = action(
            translate("MainWindow", "Export Roadmap as S&VG…"), lambda: c.export_roadmap(".svg")
        )
        self.import_requirements = action(
            translate("MainWindow", "&Import Requirements…"), c.import_requirements
        )
        self.import_requirements.setToolTip(
            translate("MainWindow", "Requirements from Excel, CSV, a Jira export or ReqIF")
        )
        self.export_requirements = action(
            translate("MainWindow", "Export Re&quirements…"), c.export_requirements
        )
        self.export_requirements.setToolTip(
            translate("MainWindow", "The requirements as an Excel workbook, CSV or ReqIF")
        )
        self.merge_copy = action(translate("MainWindow", "&Merge a Copy…"), c.merge_copy)
        self.merge_copy.setToolTip(
            translate(
                "MainWindow",
                "Merge a copy of this project that was edited elsewhere (e-mailed back)",
            )
        )
        self.close = action(translate("MainWindow", "&Close Project"), c.close_project, K.Close)
        self.quit = action(translate("MainWindow", "&Quit"), c.close, K.Quit)
        self.undo = undo_group.createUndoAction(window, translate("MainWindow", "&Undo"))
        self.undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.redo = undo_group.createRedoAction(window, translate("MainWindow", "&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.filter = action(
            translate("MainWindow", "&Filter Requirements"), c.focus_filter, K.Find
        )
        self.find = action(
            translate("MainWindow", "Find in &Project…"),
            c.find_in_project,
            QKeySequence("Ctrl+Shift+F"),
        )
        self.find.setToolTip(
            translate("MainWindow", "Search every requirement's text and the PRD's sections")
        )
        self.about = action(translate("MainWindow", "&About pmdesk"), c.about)
        self.baselines = action(translate("MainWindow", "&Baselines…"), c.baselines)
        self.properties = action(
            translate("MainWindow", "&Properties…"),
            c.project_properties,
            QKeySequence("Ctrl+Alt+P"),
        )
        self.plan = action(
            translate("MainWindow", "&Releases, Lanes and Milestones…"),
            c.show_plan,
            QKeySequence("Ctrl+Shift+L"),
        )
        self.new_release = action(
            translate("MainWindow", "New R&elease…"), c.new_release, QKeySequence("Ctrl+Shift+R")
        )
        self.new_milestone = action(
            translate("MainWindow", "New &Milestone…"),
            c.new_milestone,
            QKeySequence("Ctrl+Shift+M"),
        )
        self.kano_survey = action(translate("MainWindow", "&Kano Survey…"), c.kano_survey)
        self.kano_survey.setToolTip(
            translate(
                "MainWindow",
                "Evaluate a Kano survey's answers (CSV) and set the categories it gives",
            )
        )
        self.personas = action(
            translate("MainWindow", "Person&as…"), c.personas, QKeySequence("Ctrl+Shift+U")
        )
        self.personas.setToolTip(
            translate("MainWindow", "Who the product is for: the personas user stories name")
        )
        self.custom_fields = action(
            translate("MainWindow", "Custom &Fields…"),
            c.custom_fields,
            QKeySequence("Ctrl+Shift+D"),
        )
        self.custom_fields.setToolTip(
            translate("MainWindow", "The project's own fields: add, rename, reorder or delete them")
        )
        self.change_log = action(
            translate("MainWindow", "Change &Log…"), c.change_log, QKeySequence("Ctrl+Shift+H")
        )
        self.board = action(
            translate("MainWindow", "MoSCoW &Board"), c.show_board, QKeySequence("Ctrl+Shift+O")
        )
        self.board.setToolTip(
            translate("MainWindow", "Each release's requirements by priority, against its capacity")
        )
        self.backlog = action(
            translate("MainWindow", "Backlog &Table"), c.show_backlog, QKeySequence("Ctrl+Shift+B")
        )
        self.backlog.setToolTip(
            translate("MainWindow", "Every requirement in a table: sort, group, edit many at once")
        )
        self.matrix = action(
            translate("MainWindow", "&Value vs Effort"),
            c.value_effort,
            QKeySequence("Ctrl+Shift+X"),
        )
        self.matrix.setToolTip(
            translate("MainWindow", "Quick wins, big bets, fill-ins and time sinks: drag to assess")
        )
        self.traceability = action(
            translate("MainWindow", "&Traceability…"), c.traceability, QKeySequence("Ctrl+Shift+T")
        )
        self.traceability.setToolTip(
            translate("MainWindow", "Which requirements trace to which, and what coverage lacks")
        )
        self.impact = action(translate("MainWindow", "Show &Impact…"), c.show_impact)
        self.impact.setToolTip(
            translate("MainWindow", "Everything that depends on the selected requirement")
        )
        # The backlog's own Ctrl+Shift+E (while the table has the focus) does it; the
        # menu names the key without taking it (two actions on one key fire neither).
        bulk_key = QKeySequence("Ctrl+Shift+E").toString(QKeySequence.SequenceFormat.NativeText)
        self.edit_selected = action(
            translate("MainWindow", "Edit &Selected Requirements…") + "\t" + bulk_key,
            c.edit_selected,
        )
        self.edit_selected.setToolTip(
            translate("MainWindow", "Set one field of the requirements selected in the backlog")
        )
        self.preferences = action(
            translate("MainWindow", "&Preferences…"), c.preferences, K.Preferences
        )
        for act in (self.undo, self.redo, self.save):
            window.addAction(act)  # their keys work with the menu bar hidden too

        bar = window.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addActions([self.new, self.open])
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
        self.recent_menu.aboutToShow.connect(lambda: recent(self.recent_menu))
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as, self.merge_copy])
        file_menu.addSeparator()
        file_menu.addActions([self.export, self.export_png, self.export_svg])
        file_menu.addSeparator()
        file_menu.addActions([self.import_requirements, self.export_requirements])
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])

        self.edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self._tree_anchor = self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.edit_selected)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.filter)
        self.edit_menu.addAction(self.find)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences)

        project_menu = bar.addMenu(translate("MainWindow", "&Project"))
        project_menu.addAction(self.properties)
        project_menu.addSeparator()
        project_menu.addActions([self.plan, self.new_release, self.new_milestone])
        project_menu.addSeparator()
        project_menu.addAction(self.baselines)
        project_menu.addSeparator()
        project_menu.addAction(self.personas)
        project_menu.addAction(self.custom_fields)
        project_menu.addAction(self.kano_survey)
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addAction(self.backlog)
        view_menu.addAction(self.board)
        view_menu.addAction(self.matrix)
        view_menu.addAction(self.traceability)
        self.saved_views = SavedViewsMenu(window, c.view_switcher, c.manage_views)
        view_menu.addMenu(self.saved_views.menu)
        view_menu.addSeparator()
        view_menu.addActions([dock.toggleViewAction() for dock in docks])
        view_menu.addSeparator()
        view_menu.addAction(self.change_log)
        bar.addMenu(translate("MainWindow", "&Help")).addAction(self.about)

        self.toolbar = QToolBar(translate("MainWindow", "Toolbar"), window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        pixmap = QStyle.StandardPixmap
        for act, icon, short in (
            (self.save, pixmap.SP_DialogSaveButton, translate("MainWindow", "Save")),
            (self.undo, pixmap.SP_ArrowBack, translate("MainWindow", "Undo")),
            (self.redo, pixmap.SP_ArrowForward, translate("MainWindow", "Redo")),
        ):
            act.setIcon(window.style().standardIcon(icon))
            act.setIconText(short)  # the menu text carries a mnemonic and, for undo, more
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def attach_tree(self, view: RequirementTreeView) -> None:
        """An open project's tree commands join the Edit menu and the toolbar."""
        self._tree = tree_menu_actions(view)
        self.edit_menu.insertActions(self._tree_anchor, self._tree)
        self._tools = []
        for act, icon in _tree_tools(view):
            act.setIcon(self._window.style().standardIcon(icon))
            act.setIconText(act.text().split("\t")[0])  # no key hint on the button
            act.setToolTip(act.text().replace("\t", " (") + ")")
            self._tools.append(act)
        self.toolbar.addActions(self._tools)

    def detach_tree(self) -> None:
        for act in self._tree:
            self.edit_menu.removeAction(act)
        for act in self._tools:
            self.toolbar.removeAction(act)
        self._tree = self._tools = []

    def update(self, state: State) -> None:
        """Enable what the state allows."""
        ready = state.is_open and not state.opening
        for act in (
            self.save_as,
            self.close,
            self.filter,
            self.find,
            self.baselines,
            self.export,
            self.export_png,
            self.export_svg,
            self.change_log,
            self.board,
            self.backlog,
            self.matrix,  # read-only, it shows the matrix (dots do not move)
            self.traceability,
            self.impact,
            self.properties,  # read-only, it shows them unchangeable
            self.plan,
            self.kano_survey,  # read-only, it shows the result (Apply is off)
            self.personas,  # read-only, it shows them unchangeable
            self.custom_fields,  # likewise
            self.export_requirements,
        ):
            act.setEnabled(ready)
        self.edit_selected.setEnabled(ready and not state.read_only)
        self.import_requirements.setEnabled(ready and not state.read_only)
        for act in (self.new_release, self.new_milestone):
            act.setEnabled(ready and not state.read_only)
        self.save.setEnabled(ready and not state.read_only)  # Save As makes an editable copy
        self.merge_copy.setEnabled(ready and not state.untitled and not state.read_only)
        for act in (self.new, self.open):
            act.setEnabled(not state.opening)
        self.recent_menu.setEnabled(not state.opening)
        self.saved_views.fill()
