"""Find in Project: a search field over a list of results, searching as you type.

Queries run on the task runner (until the index, built on a thread of its own,
is ready, they read the project: typing never waits for the build); a newer
query's answer replaces an older one, and a late answer to an old query is
dropped. The list follows edits while a query is shown. Enter or a click on a
result selects the requirement in every pane (the shared Selection), or opens
the PRD section or the persona.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.search.results import ResultDelegate, ResultsModel, Role
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.project import Project
from pmdesk.core.search.matching import Match, Results

TYPING_MS = 120  # search once typing pauses this long
LIMIT = 200


class _Field(QLineEdit):
    """The query: ↓ goes down into the results."""

    def __init__(self, panel: SearchPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self._panel.model.rowCount():
            self._panel.list.setFocus()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = _Field(self)
        self.field.setPlaceholderText(
            self.tr("Search keys, titles, descriptions, owners, tags, PRD sections…")
        )
        self.field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.model = ResultsModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ResultDelegate(self.list))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_MS)
        self._timer.timeout.connect(self.run_query)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._open_current)
        self.list.activated.connect(self._open)
        self.list.clicked.connect(self._open)
        self._session: ProjectSession | None = None
        self._project: Project | None = None
        self._tasks: TaskRunner | None = None
        self._select: Callable[[str], None] = lambda _uid: None
        self._show_section: Callable[[str], None] = lambda _uid: None
        self._show_persona: Callable[[str], None] = lambda _uid: None
        self._highlight: Callable[[str], None] = lambda _query: None
        self._asked = 0  # the newest query's number: older answers are dropped
        self.shown_query = ""

    # -- the project ------------------------------------------------------------
    def bind(
        self,
        session: ProjectSession,
        tasks: TaskRunner,
        select: Callable[[str], None],
        show_section: Callable[[str], None],
        show_persona: Callable[[str], None],
        highlight: Callable[[str], None] = lambda _query: None,
    ) -> None:
        """Search `session`'s project; a chosen result goes to `select` (a
        requirement), `show_section` or `show_persona`; the query shown goes to
        `highlight` (the tree's titles)."""
        if session is self._session:
            return
        self.unbind()
        self._session, self._tasks = session, tasks
        self._select, self._show_section = select, show_section
        self._show_persona, self._highlight = show_persona, highlight
        self._project = session.project
        session.changed.connect(self._project_changed)
        session.destroyed.connect(self.unbind)
        # Built on its own thread (if not yet): searches never wait; an index that
        # cannot be made (a full disk) is left out and the project read instead.
        self._project.prepare_search()
        self.field.setEnabled(True)
        self._timer.start()

    def unbind(self) -> None:
        """The project closed: nothing to search until another opens."""
        if self._session is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # gone with its session
                self._session.changed.disconnect(self._project_changed)
        self._session, self._project = None, None
        self._asked += 1
        self.model.show([])
        self.status.setText(self.tr("Open a project to search it."))
        self.field.setEnabled(False)

    def _project_changed(self, _effects: object) -> None:
        if self.field.text().strip():
            self._timer.start()  # the results follow edits, undo and merges

    # -- searching --------------------------------------------------------------
    def run_query(self) -> None:
        query = self.field.text()
        self._asked += 1
        asked, project, tasks = self._asked, self._project, self._tasks
        if project is None or tasks is None:
            return
        if not query.split():
            self.model.show([])
            self.status.setText("")
            self.shown_query = ""
            self._highlight("")
            return
        if not project.search_ready:
            self.status.setText(self.tr("Indexing the project for search…"))
        tasks.run(
            lambda: project.search(query, LIMIT),
            lambda results: self._answer(asked, results),
            lambda error: self._failed(asked, error),
        )

    def _failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked or self._session is None:
            return  # the project closed meanwhile, or a newer query is on its way
        self.model.show([])
        self.status.setText(self.tr("Search is not available now: %1").replace("%1", str(error)))

    def _answer(self, asked: int, results: Results) -> None:
        if asked != self._asked:
            return
        self.shown_query = results.query
        self._highlight(results.query if results.matches else "")
        self.model.show(list(results.matches))
        count = len(results.matches)
        if count == 0:
            text = self.tr("No matches for “%1”.").replace("%1", results.query.strip())
        elif results.more:
            text = self.tr("The best %1 matches (refine the search to see others).")
        elif count == 1:
            text = self.tr("1 match")
        else:
            text = self.tr("%1 matches")
        self.status.setText(text.replace("%1", str(count)))
        if count:
            self.list.setCurrentIndex(self.model.index(0, 0))

    # -- going to a result ------------------------------------------------------
    def _open_current(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        match: Match | None = index.data(Role.MATCH)
        if match is None:
            return
        if match.entity == "section":
            self._show_section(match.uid)
        elif match.entity == "persona":
            self._show_persona(match.uid)
        else:
            self._select(match.uid)


def show_search(
    window: QMainWindow,
    session: ProjectSession,
    tasks: TaskRunner,
    select: Callable[[str], None],
    show_section: Callable[[str], None],
    show_persona: Callable[[str], None],
    highlight: Callable[[str], None],
    beside: QDockWidget | None = None,
) -> SearchPanel:
    """Edit ▸ Find in Project: the search dock (made on first use, tabbed
    `beside` a dock), forward, its field focused with its text selected."""
    dock = window.findChild(QDockWidget, "searchDock")
    if dock is None:
        dock = QDockWidget(QCoreApplication.translate("SearchPanel", "Search"), window)
        dock.setObjectName("searchDock")
        dock.setWidget(SearchPanel(dock))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if beside is not None:
            window.tabifyDockWidget(beside, dock)
    panel = dock.widget()
    assert isinstance(panel, SearchPanel)
    panel.bind(session, tasks, select, show_section, show_persona, highlight)
    dock.show()
    dock.raise_()
    panel.field.setFocus()
    panel.field.selectAll()
    return panel
