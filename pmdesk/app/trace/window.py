"""View ▸ Traceability…: the matrix (requirements of one kind × another, cells by
link type, coverage counted) and the problems panel (coverage checks, each row
selecting its requirement). One window per project; it follows every edit.

The matrix is read on the window's task runner: a side made of a saved view
evaluates its filter (seconds for a text filter at 100,000 requirements), so
the window keeps painting, says it is reading, and shows only the answer to
the last choice (an earlier one still running is dropped when it ends).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import look
from pmdesk.app.labels import kind_label, link_label
from pmdesk.app.project_windows import show_project_window
from pmdesk.app.session import ProjectSession
from pmdesk.app.trace.coverage import coverage_line, side_traced
from pmdesk.core.domain.vocabulary import KINDS
from pmdesk.core.project_read import VIEW_PREFIX
from pmdesk.core.queries.trace import PROBLEM_CODES, Matrix, Problem

if TYPE_CHECKING:
    from pmdesk.app.tasks import TaskRunner

UID_ROLE = int(Qt.ItemDataRole.UserRole)
# One sign per link type in a cell (the tooltip says it in words).
_SIGNS = {
    "contains": "⊃",
    "depends_on": "→",
    "derived_from": "⇐",
    "blocks": "⊣",
    "relates_to": "~",
    "duplicates": "=",
}
_COVERED = "#DCEBDD"  # a pale green: this pair is traced
SHOWN_LIMIT = 500  # rows (and columns) laid out at most; a saved view narrows them


class ProblemsPanel(QWidget):
    """The coverage checks, grouped, each group with its count."""

    requirement_chosen = Signal(str)

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks  # None: read on the GUI thread
        self._asked = 0  # the latest read asked for; older answers are dropped
        self.busy = False
        self.summary = QLabel()
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Problem"), self.tr("Title"), self.tr("Detail")])
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)

    def headings(self) -> dict[str, str]:
        return {
            "story_no_acceptance": self.tr("Stories without acceptance criteria"),
            "feature_no_stories": self.tr("Features without stories"),
            "no_release": self.tr("Requirements without a release"),
            "no_owner": self.tr("Requirements without an owner"),
            "link_to_rejected": self.tr("Links to rejected requirements"),
            "dependency_cycle": self.tr("Dependency cycles"),
        }

    def refresh(self) -> None:
        """Read the problems (in the background with a task runner) and list them."""
        project = self._session.project
        self._asked += 1
        asked = self._asked
        if self._tasks is None:
            self._show(project.problems())
            return
        self.busy = True
        self.summary.setText(self.tr("Checking the requirements…"))
        self._tasks.run(
            project.problems,
            lambda found: self._answered(asked, found),
            lambda error: self._answered(asked, error),
        )

    def _answered(self, asked: int, answer: list[Problem] | BaseException) -> None:
        if asked != self._asked or not shiboken6.isValid(self):
            return  # a newer read is on its way (or the window is gone)
        self.busy = False
        if isinstance(answer, BaseException):
            self.list.clear()
            self.summary.setText(
                self.tr("The problems could not be read: %1").replace("%1", str(answer))
            )
            return
        self._show(answer)

    def _show(self, found: list[Problem]) -> None:
        headings = self.headings()
        expanded = {str(group.data(0, UID_ROLE)) for group in self._groups() if group.isExpanded()}
        self.list.clear()
        by_code: dict[str, list[Problem]] = {code: [] for code in PROBLEM_CODES}
        for problem in found:
            by_code[problem.code].append(problem)
        for code, problems in by_code.items():
            group = QTreeWidgetItem([f"{headings[code]} ({len(problems)})"])
            group.setData(0, UID_ROLE, code)
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            if not problems:
                group.setForeground(0, QBrush(self.palette().placeholderText().color()))
            for problem in problems:
                item = QTreeWidgetItem([problem.key, problem.title, self._detail(problem)])
                item.setData(0, UID_ROLE, problem.uid)
                group.addChild(item)
            self.list.addTopLevelItem(group)
            group.setExpanded(bool(problems) and (not expanded or code in expanded))
        for column in range(3):  # keys, whole titles and details (the headings span)
            self.list.resizeColumnToContents(column)
        count = len(found)  # a plain name: pyside6-lupdate extracts the plural
        self.summary.setText(
            self.tr("%n problem(s) found.", "", count) if count else self.tr("No problems found.")
        )

    def _detail(self, problem: Problem) -> str:
        if problem.code == "link_to_rejected":
            return self.tr("linked to %1 (rejected)").replace("%1", ", ".join(problem.others))
        if problem.code == "dependency_cycle":
            return " → ".join((*problem.others, problem.others[0]))
        return ""

    def rows(self) -> list[tuple[str, str]]:
        """(group code, key) of every listed problem, as shown."""
        out = []
        for group in self._groups():
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None:
                    out.append((str(group.data(0, UID_ROLE)), child.text(0)))
        return out

    def _groups(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is not None:
            self.requirement_chosen.emit(str(item.data(0, UID_ROLE)))


class MatrixPanel(QWidget):
    """Requirements of one kind (rows) × another (columns), cells by link type."""

    requirement_chosen = Signal(str)
    shown = Signal()  # a matrix read has been laid out

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = tasks  # None: read on the GUI thread (a window without a runner)
        self._asked = 0  # the latest read asked for; older answers are dropped
        self.busy = False
        self.row_kind = QComboBox()
        self.column_kind = QComboBox()
        for combo in (self.row_kind, self.column_kind):
            for kind in KINDS:
                combo.addItem(kind_label(kind), kind)
        self.row_kind.setCurrentIndex(KINDS.index("feature"))
        self.column_kind.setCurrentIndex(KINDS.index("story"))
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.coverage = QLabel()
        self.coverage.setWordWrap(True)
        self.limited = QLabel()  # a side too long to show whole
        self.limited.setWordWrap(True)
        self.limited.setVisible(False)
        legend = "   ".join(f"{sign} {self._type_text(kind)}" for kind, sign in _SIGNS.items())
        self.legend = QLabel(legend)
        self.legend.setWordWrap(True)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Rows:")))
        choose.addWidget(self.row_kind)
        choose.addSpacing(12)
        choose.addWidget(QLabel(self.tr("Columns:")))
        choose.addWidget(self.column_kind)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.limited)
        layout.addWidget(self.coverage)
        layout.addWidget(self.legend)
        self.row_kind.currentIndexChanged.connect(self.refresh)
        self.column_kind.currentIndexChanged.connect(self.refresh)
        self.table.cellDoubleClicked.connect(self._cell_chosen)
        self.matrix: Matrix = Matrix((), (), {})
        self._views: dict[str, str] = {}  # the saved views offered: uid → name
        self.table.verticalHeader().sectionClicked.connect(self._row_chosen)
        self.table.horizontalHeader().sectionClicked.connect(self._column_chosen)

    def _type_text(self, kind: str) -> str:
        return self.tr("contains") if kind == "contains" else link_label(kind, True)

    def _offer_views(self) -> None:
        """The saved views after the kinds (read again: one may be new, renamed or gone)."""
        self._views = {v.uid: v.name for v in self._session.project.saved_views()}
        for combo, default in ((self.row_kind, "feature"), (self.column_kind, "story")):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > len(KINDS):
                combo.removeItem(len(KINDS))
            if self._views:
                combo.insertSeparator(len(KINDS))
            for uid, name in self._views.items():
                combo.addItem(self.tr("View: %1").replace("%1", name), VIEW_PREFIX + uid)
            found = combo.findData(chosen)
            combo.setCurrentIndex(found if found >= 0 else KINDS.index(default))
            combo.blockSignals(False)

    def refresh(self, *_args: object) -> None:
        """Read the matrix for the kinds or views chosen (in the background when
        the window has a task runner) and show it."""
        self._offer_views()
        project = self._session.project
        rows_kind, columns_kind = self.row_kind.currentData(), self.column_kind.currentData()

        def read() -> tuple[Matrix, set[tuple[str, str]]]:
            matrix = project.trace_matrix(rows_kind, columns_kind)
            return matrix, {(s.from_uid, s.to_uid) for s in project.suspect_links()}

        self._asked += 1
        asked = self._asked
        if self._tasks is None:
            self._show(read(), rows_kind, columns_kind)
            return
        self._set_busy(True)
        self._tasks.run(
            read,
            lambda answer: self._answered(asked, answer, rows_kind, columns_kind),
            lambda error: self._read_failed(asked, error),
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.table.setEnabled(not busy)
        if busy:
            self.table.setCursor(Qt.CursorShape.BusyCursor)
            self.coverage.setText(self.tr("Reading the requirements…"))
        else:
            self.table.unsetCursor()

    def _answered(
        self,
        asked: int,
        answer: tuple[Matrix, set[tuple[str, str]]],
        rows_kind: str,
        columns_kind: str,
    ) -> None:
        if asked != self._asked or not shiboken6.isValid(self):
            return  # a newer choice is being read (or the window is gone)
        self._set_busy(False)
        self._show(answer, rows_kind, columns_kind)

    def _read_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked or not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.coverage.setText(self.tr("The matrix could not be read: %1").replace("%1", str(error)))

    def _show(
        self, answer: tuple[Matrix, set[tuple[str, str]]], rows_kind: str, columns_kind: str
    ) -> None:
        self.matrix = matrix = answer[0]
        suspect = answer[1]
        # A table of thousands × thousands is unreadable and takes minutes to lay
        # out: the first SHOWN_LIMIT of each side are shown, the coverage counts all.
        rows, columns = matrix.rows[:SHOWN_LIMIT], matrix.columns[:SHOWN_LIMIT]
        table = self.table
        table.clear()
        table.setRowCount(len(rows))
        table.setColumnCount(len(columns))
        table.setVerticalHeaderLabels([f"{r.key}  {r.title}" for r in rows])
        table.setHorizontalHeaderLabels([c.key for c in columns])
        for j, column in enumerate(columns):
            header = table.horizontalHeaderItem(j)
            if header is not None:
                header.setToolTip(f"{column.key}  {column.title}")
        row_at = {r.uid: i for i, r in enumerate(rows)}
        column_at = {c.uid: j for j, c in enumerate(columns)}
        keys = {r.uid: r.key for r in rows} | {c.uid: c.key for c in columns}
        for (row_uid, column_uid), kinds in matrix.cells.items():
            at_row, at_column = row_at.get(row_uid), column_at.get(column_uid)
            if at_row is None or at_column is None or not kinds:
                continue
            item = QTableWidgetItem(" ".join(_SIGNS.get(k, "?") for k in kinds))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(QBrush(QColor(_COVERED)))
            words = ", ".join(self._type_text(k) for k in kinds)
            item.setToolTip(f"{keys[row_uid]} · {keys[column_uid]}: {words}")
            if (row_uid, column_uid) in suspect or (column_uid, row_uid) in suspect:
                item.setIcon(look.suspect_icon())
                item.setToolTip(item.toolTip() + "\n" + self.tr("A link needs review"))
            table.setItem(at_row, at_column, item)
        self.limited.setVisible(len(rows) < len(matrix.rows) or len(columns) < len(matrix.columns))
        self.limited.setText(
            self.tr(
                "Showing the first %1 of %2 rows and %3 of %4 columns (the coverage counts "
                "them all). Choose a saved view to narrow them."
            )
            .replace("%1", f"{len(rows):,}")
            .replace("%2", f"{len(matrix.rows):,}")
            .replace("%3", f"{len(columns):,}")
            .replace("%4", f"{len(matrix.columns):,}")
        )
        table.resizeColumnsToContents()
        self.coverage.setText(self._coverage_text(matrix, rows_kind, columns_kind))
        self.shown.emit()

    def _coverage_text(self, matrix: Matrix, rows_kind: str, columns_kind: str) -> str:
        def part(covered: int, total: int, side: str) -> str:
            view = None
            if side.startswith(VIEW_PREFIX):
                view = self._views.get(side[len(VIEW_PREFIX) :], "")
            return side_traced(covered, total, side, view)

        return coverage_line(
            part(matrix.covered_rows(), len(matrix.rows), rows_kind),
            part(matrix.covered_columns(), len(matrix.columns), columns_kind),
        )

    def _cell_chosen(self, row: int, column: int) -> None:
        self.requirement_chosen.emit(self.matrix.columns[column].uid)

    def _row_chosen(self, index: int) -> None:
        if 0 <= index < len(self.matrix.rows):
            self.requirement_chosen.emit(self.matrix.rows[index].uid)

    def _column_chosen(self, index: int) -> None:
        if 0 <= index < len(self.matrix.columns):
            self.requirement_chosen.emit(self.matrix.columns[index].uid)


class TraceWindow(QWidget):
    requirement_chosen = Signal(str)

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._session = session
        self.setWindowTitle(self.tr("Traceability"))
        self.resize(900, 560)
        self.tabs = QTabWidget()
        self.matrix = MatrixPanel(session, tasks=tasks)
        self.problems = ProblemsPanel(session, tasks=tasks)
        self.tabs.addTab(self.matrix, self.tr("Matrix"))
        self.tabs.addTab(self.problems, self.tr("Problems"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.matrix.requirement_chosen.connect(self.requirement_chosen)
        self.problems.requirement_chosen.connect(self.requirement_chosen)
        # Many edits arrive at once (a bulk edit, a merge): read again once after them.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.refresh)
        session.changed.connect(self._soon)
        self.refresh()

    def _soon(self, *_effects: object) -> None:
        self._later.start()

    def refresh(self) -> None:
        self.matrix.refresh()
        self.problems.refresh()


def show_traceability(
    parent: QWidget,
    session: ProjectSession,
    select: Callable[[str], None],
    problems: bool = False,
    tasks: TaskRunner | None = None,
) -> TraceWindow:
    """Open or raise the project's traceability window (on its problems tab if
    asked); with `tasks`, its matrix is read off the GUI thread."""
    window = show_project_window(
        parent, TraceWindow, session, lambda: TraceWindow(session, parent, tasks), select
    )
    if problems:
        window.tabs.setCurrentWidget(window.problems)
    return window
