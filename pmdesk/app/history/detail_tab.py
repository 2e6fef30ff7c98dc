"""The History tab of the detail editor: the selected requirement's changes.

A compact table (when, who, field, old → new), newest action first; the rows of
one action share a background and name who and when once. Old and new values
share the Change cell, each shortened to its part of it; hovering a row shows
the whole values. The editor fills it only while the tab is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.history.delegate import ChangeDelegate
from pmdesk.app.history.model import ChangeTableModel, Column
from pmdesk.core.queries.history import Change

COLUMNS = (Column.WHEN, Column.WHO, Column.FIELD, Column.CHANGE)


def change_table(model: ChangeTableModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table of changes with one-line, elided rows."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().hide()
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    return view


class HistoryView(QWidget):
    """The changes of one requirement, or a line saying there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChangeTableModel(COLUMNS, parent=self)
        self.table = change_table(self.model, self)
        self.table.setFrameShape(QTableView.Shape.NoFrame)
        self.change_delegate = ChangeDelegate(self.table)
        self.table.setItemDelegateForColumn(COLUMNS.index(Column.CHANGE), self.change_delegate)
        metrics = self.table.fontMetrics()
        widths = {
            Column.WHEN: metrics.horizontalAdvance("2027-12-31 23:59") + 16,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.empty = QLabel(self.tr("No changes recorded yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def show_changes(self, rows: list[Change]) -> None:
        self.model.set_rows(rows)
        self.pages.setCurrentWidget(self.table if rows else self.empty)
        # Who and which field: as wide as their longest entry, within reason.
        for column in (Column.WHO, Column.FIELD):
            index = COLUMNS.index(column)
            self.table.resizeColumnToContents(index)
            limit = 14 * self.table.fontMetrics().averageCharWidth()
            self.table.setColumnWidth(index, min(self.table.columnWidth(index), limit))
