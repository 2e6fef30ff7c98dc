"""The backlog table's view: header clicks sort, Shift+click adds a sort key,
the header's menu shows and hides columns, sections drag to reorder."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QTreeView,
    QWidget,
)

from pmdesk.app.backlog.columns import COLUMNS, DEFAULT_SHOWN
from pmdesk.app.backlog.editors import CellDelegate
from pmdesk.app.backlog.model import BacklogModel

_WIDTHS = {"key": 96, "title": 320, "tags": 160, "owner": 90, "release": 90, "lane": 90}


class BacklogView(QTreeView):
    sort_requested = Signal(str, bool)  # column name, Shift held (add as a further key)
    original_order_requested = Signal()
    header_changed = Signal()  # columns shown, moved or resized

    def __init__(self, model: BacklogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.setModel(model)
        self.setObjectName("backlogTable")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setItemDelegate(CellDelegate(model.names, self))
        header = self.header()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(False)  # the header's texts show every sort key
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionClicked.connect(self._section_clicked)
        for signal in (header.sectionMoved, header.sectionResized):
            signal.connect(lambda *_: self.header_changed.emit())
        self.show_default_columns()
        model.modelReset.connect(self._span_groups)
        model.layoutChanged.connect(self._span_groups)

    def show_default_columns(self) -> None:
        for i, column in enumerate(COLUMNS):
            self.setColumnHidden(i, column.name not in DEFAULT_SHOWN)
            self.setColumnWidth(i, _WIDTHS.get(column.name, 80))

    # -- rows --------------------------------------------------------------------------
    def current_uid(self) -> str | None:
        return self.source.uid_at(self.currentIndex())

    def selected_uids(self) -> list[str]:
        """The selected requirements, top to bottom (headings left out)."""
        rows = self.selectionModel().selectedRows(0)
        found = {u for u in (self.source.uid_at(i) for i in rows) if u is not None}
        if len(found) > 64:  # many: in the table's order without sorting indexes
            return [u for u in self.source.shown_uids() if u in found]
        ordered = sorted(
            (i for i in rows if self.source.uid_at(i) is not None),
            key=lambda i: (i.parent().row(), i.row()),
        )
        return [u for u in (self.source.uid_at(i) for i in ordered) if u is not None]

    def select_uid(self, uid: str | None) -> None:
        """Make `uid` the current row (the only one selected), scrolled into view."""
        index = self.source.index_of(uid)
        if not index.isValid():
            self.selectionModel().clearSelection()
            return
        if self.current_uid() == uid:
            return
        if index.parent().isValid():
            self.expand(index.parent())
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def _span_groups(self) -> None:
        """Headings span the whole width and start open."""
        model = self.source
        if model.grouping == "none":
            return
        root = self.rootIndex()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, root, True)
        self.expandToDepth(0)

    # -- the header --------------------------------------------------------------------
    def _section_clicked(self, section: int) -> None:
        shift = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.sort_requested.emit(COLUMNS[section].name, shift)

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.header_menu()
        menu.exec(self.header().mapToGlobal(pos))

    def header_menu(self) -> QMenu:
        """Show or hide each column (the title always shows); the original order."""
        menu = QMenu(self)
        for i, column in enumerate(COLUMNS):
            act = menu.addAction(column.title())
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

    def _show_column(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        if shown and self.columnWidth(column) < 30:
            self.setColumnWidth(column, _WIDTHS.get(COLUMNS[column].name, 80))
        self.header_changed.emit()

    def _default_columns(self) -> None:
        self.show_default_columns()
        header = self.header()
        for i in range(len(COLUMNS)):
            header.moveSection(header.visualIndex(i), i)
        self.header_changed.emit()
