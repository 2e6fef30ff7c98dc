"""Project ▸ Kano Survey…: a survey's CSV read and evaluated against the open
project, shown as a table and the Better–Worse picture; Apply sets the Kano
categories it gives as one undo step (core.analysis.kano_apply).

The survey is read on the window's TaskRunner when the file is big; a file
that cannot be read is one sentence in a message box and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.analysis.kano_scatter import KanoScatter
from pmdesk.app.analysis.kano_table import SORT_ROLE, Column, KanoTableModel
from pmdesk.app.error_text import error_text
from pmdesk.app.session import ProjectSession
from pmdesk.app.settings import AppSettings
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.analysis.kano_apply import (
    KanoAnalysis,
    analyse_kano_survey,
    kano_changes,
    requirement_kanos,
    requirement_titles,
    set_kano_operation,
)
from pmdesk.core.errors import PmdeskError
from pmdesk.core.ops.base import Effect
from pmdesk.export.kano_picture import points_of

__all__ = ["KanoWindow", "open_kano_survey"]

translate = QCoreApplication.translate
BIG = 512 * 1024  # bytes: a survey this big is read off the GUI thread


class KanoWindow(QDialog):
    """One survey's result on the open project; non-modal, one per project."""

    requirement_chosen = Signal(str)  # a row double-clicked: select it in the window

    def __init__(
        self,
        session: ProjectSession,
        found: KanoAnalysis,
        titles: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.found = found
        self.setObjectName("kanoWindow")
        self.setWindowTitle(self.tr("Kano Survey — %1").replace("%1", found.survey.name))
        self.resize(1280, 620)
        current = session.project.read(requirement_kanos)
        self.model = KanoTableModel(found.results, titles, current, found.changes, self)
        # A click on a column's title sorts by it (figures as numbers); until
        # then the rows are in the survey's order.
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.sorted)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(False)  # the tint marks rows that change
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._chosen)
        self.scatter = KanoScatter(points_of(found.results, titles), self)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.note = QLabel(self)  # read-only: why Apply is off
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #664d03;")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.scatter)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 500])  # the titles need the room; the picture stays square
        buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.apply_button.setToolTip(
            self.tr("Set the Kano category of the marked requirements (one undo step)")
        )
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        session.changed.connect(self._project_changed)
        # Undo and redo here as in the main window: Apply's step is undone where it was made.
        stack = session.undo_stack
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, stack.undo),
            (QKeySequence.StandardKey.Redo, stack.redo),
            (QKeySequence("Ctrl+Shift+Z"), stack.redo),
        ):
            QShortcut(keys, self, slot)
        self._changes = found.changes
        self._show_state()

    # -- what applying would do --------------------------------------------------
    def _show_state(self) -> None:
        read_only = self._session.read_only
        survey = self.found.survey
        people = max((r.respondents for r in self.found.results), default=0)
        text = self.tr("%1: answers of up to %2 respondents on %3 requirements.")
        text = text.replace("%1", survey.name).replace("%2", str(people))
        text = text.replace("%3", str(len(self.found.results)))
        if self._changes:
            more = self.tr(
                "Apply changes the Kano category of %n marked requirement(s).",
                "",
                len(self._changes),
            )
        else:
            more = self.tr("Every requirement already has the category the survey gives.")
        gap = "" if text.endswith("。") else " "  # Chinese sentences run on
        self.summary.setText(f"{text}{gap}{more}")
        self.apply_button.setEnabled(bool(self._changes) and not read_only)
        self.note.setText(
            self.tr("The project is open read-only: the categories cannot be set.")
            if read_only
            else ""
        )
        self.note.setVisible(read_only)

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        if any(e.entity == "requirement" for e in effects) or not effects:
            self.refresh()

    def refresh(self) -> None:
        """The project changed (applied, undone, a category set by hand)."""
        current = self._session.project.read(requirement_kanos)
        self._changes = kano_changes(self.found.results, current)
        self.model.set_now(current, self._changes)
        self._show_state()

    def apply(self) -> bool:
        """Set the survey's categories: one undo step; refused read-only."""
        op = set_kano_operation(self._changes, self.found.survey.name)
        if op is None:
            return False
        done = self._session.push(op)
        self.refresh()
        return done

    def _chosen(self, index: QModelIndex) -> None:
        key = self.model.result(self.sorted.mapToSource(index).row()).key
        current = self._session.project.read(requirement_kanos).get(key)
        if current is not None:
            self.requirement_chosen.emit(current.uid)


def open_kano_survey(
    parent: QWidget,
    session: ProjectSession,
    tasks: TaskRunner,
    settings: AppSettings,
    select: Callable[[str], None],
    *,
    busy: Callable[[str], None] | None = None,
    idle: Callable[[], None] | None = None,
) -> None:
    """Ask for a survey (starting in the folder of the last one), read it, show it."""
    folder = settings.survey_folder or str(session.path.parent)
    path = dialogs.survey_path(parent, folder)
    if path is None:
        return
    settings.survey_folder = str(path.parent)
    current = session.project.read(requirement_kanos)
    titles = session.project.read(requirement_titles)

    def show(found: KanoAnalysis) -> None:
        if idle is not None:
            idle()
        for old in parent.findChildren(KanoWindow):
            if old._session is session:
                old.close()  # one survey at a time: the new one replaces it
        window = KanoWindow(session, found, titles, parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.requirement_chosen.connect(select)
        session.destroyed.connect(window.close)
        window.show()

    def failed(error: BaseException) -> None:
        if idle is not None:
            idle()
        dialogs.error(parent, error_text(error))

    if _size(path) < BIG:
        try:
            found = analyse_kano_survey(path, current)
        except PmdeskError as e:  # a SurveyError, or the file is gone
            failed(e)
            return
        show(found)
        return
    if busy is not None:
        busy(translate("KanoWindow", "Reading %1…").replace("%1", path.name))
    tasks.run(lambda: analyse_kano_survey(path, current), show, failed)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read at once: the reader says why it cannot
