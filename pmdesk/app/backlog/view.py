"""The backlog table's view: header clicks sort, Shift+click adds a sort key,
the header's menu shows and hides columns, sections drag to reorder."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from pmdesk.app.backlog.columns import COLUMNS, DEFAULT_SHOWN
from pmdesk.app.backlog.editors import CellDelegate
from pmdesk.app.backlog.model import BacklogModel
from pmdesk.app.item_headers import detach_selection

# First widths (before the user's own): room for the values and a header's sort arrow.
_WIDTHS = {
    "key": 96,
    "title": 320,
    "kind": 90,
    "status": 110,
    "priority": 100,
    "tags": 160,
    "owner": 90,
    "release": 90,
    "lane": 110,
    "score": 120,
}


class BacklogView(QTableView):
    """A table, not a tree: it asks the model only for the rows it paints (a tree
    view lays out every row after each sort, 1 s at 100,000)."""

    sort_requested = Signal(str, bool)  # column name, Shift held (add as a further key)
    original_order_requested = Signal()
    header_changed = Signal()  # columns shown, moved or resized

    def __init__(self, model: BacklogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.setModel(model)
        self.setObjectName("backlogTable")
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setItemDelegate(CellDelegate(model.names, self))
        header = self.horizontalHeader()
        detach_selection(header, model)  # Ctrl+A at 100,000 rows: 7 s a repaint
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(False)  # the header's texts show every sort key
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionClicked.connect(self._section_clicked)
        self._shift = False  # Shift held when the header was pressed
        header.viewport().installEventFilter(self)
        for signal in (header.sectionMoved, header.sectionResized):
            signal.connect(lambda *_: self.header_changed.emit())
        self.show_default_columns()
        model.modelReset.connect(self._span_groups)
        model.layoutChanged.connect(self._span_groups)
        model.custom_fields_changed.connect(self.hide_unused_slots)  # schema 9

    def show_default_columns(self) -> None:
        for i, column in enumerate(COLUMNS):
            self.setColumnHidden(i, column.name not in DEFAULT_SHOWN)
            self.setColumnWidth(i, _WIDTHS.get(column.name, 80))

    # -- rows --------------------------------------------------------------------------
    def current_uid(self) -> str | None:
        return self.source.uid_at(self.currentIndex())

    def selected_uids(self) -> list[str]:
        """The selected requirements, top to bottom (headings left out). Read from
        the selection's ranges: asking row by row costs a call per cell."""
        rows: set[int] = set()
        selection = self.selectionModel().selection()  # kept: iterating a temporary crashes
        for i in range(selection.size()):
            span = selection.at(i)
            rows.update(range(span.top(), span.bottom() + 1))
        uid_at, index = self.source.uid_at, self.source.index
        found = (uid_at(index(row, 0)) for row in sorted(rows))
        return [uid for uid in found if uid is not None]

    def select_uid(self, uid: str | None) -> None:
        """Make `uid` the current row (the only one selected), scrolled into view."""
        index = self.source.index_of(uid)
        if not index.isValid():
            self.selectionModel().clearSelection()
            return
        if self.current_uid() == uid:
            return
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def _span_groups(self) -> None:
        """A group's heading spans the whole width."""
        self.clearSpans()
        for row in self.source.group_rows():
            self.setSpan(row, 0, 1, len(COLUMNS))

    # -- the header --------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        return super().eventFilter(watched, event)

    def _section_clicked(self, section: int) -> None:
        self.sort_requested.emit(COLUMNS[section].name, self._shift)

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.header_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def header_menu(self) -> QMenu:
        """Show or hide each column (the title always shows); the original order."""
        menu = QMenu(self)
        for i, column in enumerate(COLUMNS):
            if column.slot >= 0 and self.source.names.custom.field(column.slot) is None:
                continue  # schema 9: a slot the project's custom fields do not use
            act = menu.addAction(column.heading(self.source.names))
            act.setObjectName(f"column_{column.name}")
            act.setCheckable(True)
            act.setChecked(not self.isColumnHidden(i))
            act.setEnabled(column.name != "title")
            act.toggled.connect(lambda on, c=i: self._show_column(c, on))
        menu.addSeparator()
        original = menu.addAction(self.tr("Original Order"))
        original.setObjectName("originalOrder")
        original.setToolTip(self.tr("Rows in the tree's order, not sorted"))
        original.triggered.connect(self.original_order_requested)
        menu.addAction(self.tr("Default Columns")).triggered.connect(self._default_columns)
        return menu

    def hide_unused_slots(self) -> None:
        """A custom field deleted: the slot it leaves unused is hidden."""
        for i, column in enumerate(COLUMNS):
            if column.slot >= 0 and self.source.names.custom.field(column.slot) is None:
                self.setColumnHidden(i, True)

    def _show_column(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        if shown and self.columnWidth(column) < 30:
            self.setColumnWidth(column, _WIDTHS.get(COLUMNS[column].name, 80))
        self.header_changed.emit()

    def _default_columns(self) -> None:
        self.show_default_columns()
        header = self.horizontalHeader()
        for i in range(len(COLUMNS)):
            header.moveSection(header.visualIndex(i), i)
        self.header_changed.emit()
