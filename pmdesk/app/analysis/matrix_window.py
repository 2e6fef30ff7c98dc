"""View ▸ Value vs Effort: the value vs effort matrix of the open project.

What it shows: the requirements picked in the tree when several are (that is
what a PM compares), else every requirement not rejected, narrowed to one
release or to those in none by the list above the picture. The requirement
the window is on (the shared selection) is ringed; clicking a dot picks its
requirement everywhere; dragging a dot sets its value and effort as one undo
step ("Set value and effort of CRM-12"), refused in a read-only project.
Requirements without a value or an effort are listed beside the picture, not
drawn at 0. The window follows every edit, undo and redo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.analysis.matrix_canvas import MatrixCanvas
from pmdesk.app.analysis.matrix_list import UnassessedList
from pmdesk.app.session import ProjectSession
from pmdesk.core.analysis.moscow import BoardRelease, board_releases
from pmdesk.core.analysis.value_effort import (
    MatrixPoint,
    ValueEffortMatrix,
    set_value_effort_operation,
    value_effort_matrix,
)
from pmdesk.core.ops.base import Effect

if TYPE_CHECKING:
    from pmdesk.app.tree.view import RequirementTreeView
    from pmdesk.app.workspace import Selection

__all__ = ["MatrixWindow", "open_matrix", "tree_selection"]

# The scopes of the list above the picture (the data of its items).
PICKED = "picked"  # the requirements picked in the tree when the window opened
ALL = "all"
NO_RELEASE = "none"


class MatrixWindow(QDialog):
    """The matrix of one open project; non-modal, one per project."""

    requirement_chosen = Signal(str)  # a dot or a listed requirement clicked

    def __init__(
        self,
        session: ProjectSession,
        picked: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._picked = list(picked or [])
        self.matrix: ValueEffortMatrix | None = None
        self.setObjectName("matrixWindow")
        self.setWindowTitle(self.tr("Value vs Effort"))
        self.resize(1040, 660)

        self.scope = QComboBox(self)
        self.scope.setObjectName("matrixScope")
        self.scope.setToolTip(self.tr("Which requirements the matrix shows"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.canvas = MatrixCanvas(self)
        self.unassessed = UnassessedList(self)
        self.unassessed.setToolTip(
            self.tr("Requirements without a value or an effort: not on the matrix")
        )
        self.unassessed_title = QLabel(self)
        self.note = QLabel(self)  # read-only: why dots do not move
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #664d03;")

        top = QHBoxLayout()
        show = QLabel(self.tr("&Show:"), self)
        show.setBuddy(self.scope)
        top.addWidget(show)
        top.addWidget(self.scope)
        top.addWidget(self.summary, 1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.unassessed_title)
        side_layout.addWidget(self.unassessed, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.canvas)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)

        self._fill_scopes()
        self.scope.currentIndexChanged.connect(lambda _index: self.refresh())
        self.canvas.clicked.connect(self.requirement_chosen)
        self.canvas.moved.connect(self.set_value_effort)
        self.canvas.nudged.connect(self._nudged)
        self.canvas.refused.connect(session.refuse_if_read_only)
        self.unassessed.itemClicked.connect(self._listed_chosen)
        self.unassessed.itemActivated.connect(self._listed_chosen)
        self.unassessed.carried.connect(self._carried)
        self.unassessed.dropped.connect(self._dropped)
        session.changed.connect(self._project_changed)
        # Undo and redo here as in the main window: a drag is undone where it was made.
        stack = session.undo_stack
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, stack.undo),
            (QKeySequence.StandardKey.Redo, stack.redo),
            (QKeySequence("Ctrl+Shift+Z"), stack.redo),
        ):
            QShortcut(keys, self, slot)
        self.refresh()

    # -- what it shows ------------------------------------------------------------------
    def _fill_scopes(self) -> None:
        """The list of scopes: the tree's picks (when several), every release, each
        release, none; keeping the chosen one when the releases change."""
        chosen = self.scope.currentData()
        releases: tuple[BoardRelease, ...] = self._session.project.read(board_releases)
        self.scope.blockSignals(True)
        try:
            self.scope.clear()
            if len(self._picked) > 1:
                text = self.tr("The %n requirement(s) picked in the tree", "", len(self._picked))
                self.scope.addItem(text, PICKED)
            self.scope.addItem(self.tr("All releases"), ALL)
            for release in releases:
                self.scope.addItem(self.tr("Release %1").replace("%1", release.name), release.uid)
            self.scope.addItem(self.tr("No release"), NO_RELEASE)
            found = self.scope.findData(chosen) if chosen is not None else -1
            self.scope.setCurrentIndex(max(found, 0))
        finally:
            self.scope.blockSignals(False)

    def refresh(self) -> None:
        """Read the matrix of the chosen scope again (after an edit, undo, redo)."""
        scope = self.scope.currentData()
        keep = self._picked if scope == PICKED else None
        release: str | bool | None = False
        if scope == NO_RELEASE:
            release = None
        elif scope not in (PICKED, ALL):
            release = str(scope)
        self.matrix = self._session.project.read(
            lambda conn: value_effort_matrix(conn, keep=keep, release=release)
        )
        self.canvas.set_matrix(self.matrix)
        self._show_list(self.matrix.unassessed)
        self._show_state()

    def _show_list(self, points: tuple[MatrixPoint, ...]) -> None:
        self.unassessed_title.setText(self.tr("Not assessed (%1)").replace("%1", str(len(points))))
        self.unassessed.editable = not self._session.read_only
        self.unassessed.show_points(points)

    def _show_state(self) -> None:
        assert self.matrix is not None
        read_only = self._session.read_only
        self.canvas.editable = not read_only
        text = self.tr("%n requirement(s) on the matrix", "", len(self.matrix.points))
        more = self.tr("; effort is low up to %1 person-months (their median).")
        text += more.replace("%1", f"{round(self.matrix.split, 2):g}")
        if not read_only:
            gap = "" if text.endswith("。") else " "  # Chinese sentences run on
            text += gap + self.tr("Drag a dot to set its value and effort.")
        self.summary.setText(text)
        self.note.setText(
            self.tr("The project is open read-only: values and efforts cannot be set.")
            if read_only
            else ""
        )
        self.note.setVisible(read_only)

    def follow(self, uid: str | None) -> None:
        """The shared selection moved: ring its dot."""
        self.canvas.set_current(uid)

    # -- edits ------------------------------------------------------------------------
    def set_value_effort(self, point: MatrixPoint, value: float, effort: float) -> bool:
        """A dot dropped: its value and effort as one undo step."""
        op = set_value_effort_operation(point, value, effort)
        if op is None:
            self.canvas.update()
            return False
        done = self._session.push(op)
        if done:
            self.requirement_chosen.emit(point.uid)
        else:
            self.refresh()  # refused: the dot goes back
        return done

    def _nudged(self, point: MatrixPoint, value: float, effort: float) -> None:
        """An arrow key: one undo step per press. (Not joined into one step: the
        undo stack joins Updates keeping the first one's inverse, which would
        miss the effort when the first press changed only the value.)"""
        op = set_value_effort_operation(point, value, effort)
        if op is not None:
            self._session.push(op)

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        if not effects or any(e.action == "reloaded" for e in effects):
            self._fill_scopes()
            self.refresh()
            return
        if any(e.entity == "release" for e in effects):
            self._fill_scopes()
        if any(e.entity in ("requirement", "release") for e in effects):
            self.refresh()

    def _listed_chosen(self, item: QListWidgetItem) -> None:
        self.requirement_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _unassessed(self, uid: str) -> MatrixPoint | None:
        assert self.matrix is not None
        return next((p for p in self.matrix.unassessed if p.uid == uid), None)

    def _carried(self, uid: str, where: QPoint) -> None:
        """A listed requirement carried over the picture: show where it would land."""
        point = self._unassessed(uid)
        if point is None or not self.canvas.editable:
            return
        self.canvas.carry_to(point, QPointF(self.canvas.mapFromGlobal(where)))

    def _dropped(self, uid: str, where: QPoint) -> None:
        """…and let go: on the picture, it gets the value and effort of that place."""
        point = self._unassessed(uid)
        if point is None:
            return
        inside = self.canvas.carry_to(point, QPointF(self.canvas.mapFromGlobal(where)))
        carried = self.canvas.end_carry()
        if not inside or carried is None:
            return
        if self._session.refuse_if_read_only():
            return
        self.set_value_effort(*carried)


def tree_selection(view: RequirementTreeView) -> list[str]:
    """Every requirement picked in the tree (children with their parents)."""
    rows = view.selectionModel().selectedRows(0)
    return [uid for uid in (view.source.uid_at(i) for i in rows) if uid is not None]


def open_matrix(
    parent: QWidget, session: ProjectSession, selection: Selection, picked: list[str]
) -> MatrixWindow:
    """Show the project's matrix window (a new one when the tree's picks changed)."""
    for old in parent.findChildren(MatrixWindow):
        if old._session is session:
            if old._picked == picked or len(picked) < 2:
                old.show()
                old.raise_()
                old.activateWindow()
                return old
            old.close()
    window = MatrixWindow(session, picked, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.requirement_chosen.connect(selection.set)
    selection.changed.connect(window.follow)
    window.follow(selection.uid)
    session.destroyed.connect(window.close)
    window.show()
    return window
