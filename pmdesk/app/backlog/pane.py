"""The backlog pane: the table of every requirement, its grouping, bulk edits.

It shares the tree's selection (the current row is the workspace's selected
requirement) and the tree pane's filter (`TreePane.matched_uids`: the
matches only, without their ancestors). What the user made
of the table — columns, their order and widths, grouping and sort — is kept
per project file in the settings.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.backlog.arrange import GROUPINGS, SortKey
from pmdesk.app.backlog.bulk_dialog import BulkEditDialog
from pmdesk.app.backlog.columns import BY_NAME, COLUMNS
from pmdesk.app.backlog.custom_columns import slot_of
from pmdesk.app.backlog.custom_editors import custom_menus
from pmdesk.app.backlog.editors import choices
from pmdesk.app.backlog.model import BacklogModel
from pmdesk.app.backlog.view import BacklogView
from pmdesk.app.session import ProjectSession
from pmdesk.app.settings import AppSettings
from pmdesk.app.tree.pane import TreePane

if TYPE_CHECKING:
    from pmdesk.core.ops import Operation

MESSAGE_MS = 10_000
BY_NAME_INDEX = {c.name: i for i, c in enumerate(COLUMNS)}
MENU_FIELDS = ("priority", "status", "release", "lane")  # the row menu's Set … submenus


class BacklogPane(QWidget):
    selection_changed = Signal(object)  # the current requirement's uid, or None

    def __init__(
        self,
        session: ProjectSession,
        tree_pane: TreePane,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backlogPane")
        self.session = session
        self._tree_pane = tree_pane
        self._settings = settings
        self._pushing = False
        self._locked = False
        self._wanted: str | None = None  # the selection to show once loaded
        self._custom_grouping: str | None = None  # schema 9: a saved "By <custom field>"
        self.model = BacklogModel(session, tree_pane.model)
        self.view = BacklogView(self.model, self)

        self.group = QComboBox(self)
        self.group.setObjectName("backlogGrouping")
        texts = {
            "none": self.tr("No grouping"),
            "parent": self.tr("By parent"),
            "release": self.tr("By release"),
            "lane": self.tr("By lane"),
            "owner": self.tr("By owner"),
            "status": self.tr("By status"),
            "priority": self.tr("By priority"),
            "persona": self.tr("By persona"),
        }
        for name in GROUPINGS:
            self.group.addItem(texts[name], name)
        self.group.setToolTip(self.tr("Group the rows by a field"))
        self.count = QLabel(self)
        self.count.setObjectName("backlogCount")
        self.bulk_button = QPushButton(self.tr("Edit Selected…"), self)
        self.bulk_button.setToolTip(
            self.tr("Set the release, priority, status, owner, lane or tags of every selected row")
        )
        self.message = QLabel(self)
        self.message.setObjectName("backlogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            "QLabel { background: #FDECEA; color: #8A1C12; border: 1px solid #F3C1BB;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.message.hide()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(self.tr("Group:"), self))
        bar.addWidget(self.group)
        bar.addSpacing(12)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.bulk_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self.bulk_action = QAction(self.tr("&Edit Selected Requirements…"), self)
        self.bulk_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.bulk_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.bulk_action.triggered.connect(lambda: self.bulk_edit())
        self.addAction(self.bulk_action)
        self.bulk_button.clicked.connect(lambda: self.bulk_edit())
        self._bulk_field = "priority"  # Edit Selected… opens on the field used last
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.hide)
        self._save_timer = QTimer(self, singleShot=True, interval=300)
        self._save_timer.timeout.connect(self.save_state)

        self.group.currentIndexChanged.connect(self._grouping_chosen)
        self.view.sort_requested.connect(self.sort_by)
        self.view.original_order_requested.connect(lambda: self.set_sort([]))
        self.view.header_changed.connect(self._save_timer.start)
        self.model.modelReset.connect(self._warm_shown)  # a reload: keys made anew
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(self._show_count)
        self.model.arranged.connect(self._arranged)
        self.model.edits_placed.connect(self._follow_edited)
        self.model.custom_fields_changed.connect(self._custom_groupings)  # schema 9
        tree_pane.filter_applied.connect(self._follow_filter)
        session.failed.connect(self._refused)

    # -- loading -------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Read the rows the first time the table shows (a closed tab costs nothing)."""
        if self.model.loaded:
            return
        if not self._restore_state():
            QTimer.singleShot(0, self._fit_title)  # once the table has its width
        self.model.load()
        self._follow_filter()
        self.select_uid(self._wanted)
        self._warm_shown()

    def _warm_shown(self) -> None:
        """The shown columns' sort keys, computed while the window waits (left to right)."""
        header = self.view.horizontalHeader()
        shown = sorted(
            (header.visualIndex(i), column.name)
            for i, column in enumerate(COLUMNS)
            if not self.view.isColumnHidden(i)
        )
        self.model.warm(name for _, name in shown)

    # -- selection -----------------------------------------------------------------
    def select_uid(self, uid: str | None) -> None:
        """Follow the workspace's selection."""
        self._wanted = uid
        if self.model.loaded and self.view.current_uid() != uid:
            self.view.select_uid(uid)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        uid = self.model.uid_at(current)
        if uid is not None:
            self._wanted = uid
            self.selection_changed.emit(uid)

    def _arranged(self) -> None:
        if self.view.current_uid() is None and self._wanted is not None:
            self.view.select_uid(self._wanted)  # regrouped: the rows were made anew
        self._show_count()

    def _follow_edited(self) -> None:
        """An edit moved rows (sorted or grouped by what it set): the current row,
        the one edited or one of those selected, stays in sight."""
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def _show_count(self, *_args: object) -> None:
        shown, total = self.model.shown_count(), self.model.count()
        selected = len(self.view.selected_uids())
        if shown == total:
            text = self.tr("%n requirement(s)", "", total)
        else:
            text = self.tr("%1 of %n requirement(s)", "", total).replace("%1", str(shown))
        if selected > 1:
            text += "  ·  " + self.tr("%n selected", "", selected)
        self.count.setText(text)

    # -- the filter --------------------------------------------------------------------
    def _follow_filter(self) -> None:
        if not self.model.loaded:
            return
        self.model.set_visible(self._tree_pane.matched_uids())

    # -- sorting and grouping ------------------------------------------------------------
    def sort_by(self, column: str, add: bool = False) -> None:
        """A header click: sort by `column` (again: the other way); `add` (Shift):
        as one more key after those there are (again: that key the other way)."""
        order = list(self.model.sort_order)
        names = [name for name, _ in order]
        if add and order:
            if column in names:
                i = names.index(column)
                order[i] = (column, not order[i][1])
            else:
                order.append((column, True))
        elif names == [column]:
            order = [(column, not order[0][1])]
        else:
            order = [(column, True)]
        self.set_sort(order)

    def set_sort(self, order: list[SortKey]) -> None:
        self.model.set_sort(order)
        self._save_timer.start()

    def _grouping_chosen(self) -> None:
        self.model.set_grouping(str(self.group.currentData()))
        self._save_timer.start()

    def set_grouping(self, grouping: str) -> None:
        self.group.setCurrentIndex(max(self.group.findData(grouping), 0))

    # -- a saved view's columns, grouping and sort (app/views) ----------------------
    def arrangement(self) -> tuple[list[str], str | None, list[tuple[str, str]]]:
        """The shown columns (ids, left to right), the grouping (None: none) and the
        sort keys ((id, "asc" | "desc"), the first deciding), as a saved view keeps them."""
        if not self.model.loaded:  # never shown yet: as the user left it in this project
            self._restore_state()
        header = self.view.horizontalHeader()
        shown = sorted(
            (header.visualIndex(i), c.name)
            for i, c in enumerate(COLUMNS)
            if not self.view.isColumnHidden(i)
        )
        grouping = self.model.grouping if self.model.grouping != "none" else None
        sort = [(name, "asc" if up else "desc") for name, up in self.model.sort_order]
        # A custom field's slot ("custom3") is kept by the field ("custom:<uid>"):
        # the slot shows another field once fields are added or moved.
        stable = self._stable_id
        grouping = stable(grouping) if grouping else None
        return [stable(name) for _, name in shown], grouping, [(stable(n), w) for n, w in sort]

    def _stable_id(self, name: str) -> str:
        slot = slot_of(name)
        return name if slot is None else self.model.names.custom.column_id(slot) or name

    def _slot_id(self, name: str) -> str:
        """A kept column id as this project's column name (a custom field's slot)."""
        if name.startswith("custom:"):
            return self.model.names.custom.slot_named(name) or name
        return name

    def arrange(
        self, columns: list[str], grouping: str | None, sort: list[tuple[str, str]]
    ) -> None:
        """Show `columns` in that order (none given: the columns stay as they are),
        group and sort as a saved view says; ids this version lacks are left out.
        Remembered for the project at once, so a first showing restores the same."""
        columns, sort = (
            [self._slot_id(c) for c in columns],
            [(self._slot_id(n), w) for n, w in sort],
        )
        grouping = self._slot_id(grouping) if grouping else None
        known = [c for c in columns if c in BY_NAME_INDEX]
        if known:
            header = self.view.horizontalHeader()
            for i, column in enumerate(COLUMNS):
                self.view.setColumnHidden(i, column.name not in known and column.name != "title")
            for place, name in enumerate(known):
                header.moveSection(header.visualIndex(BY_NAME_INDEX[name]), place)
            for name in known:
                if self.view.columnWidth(BY_NAME_INDEX[name]) < 30:
                    self.view.setColumnWidth(BY_NAME_INDEX[name], 90)
        if grouping and slot_of(grouping) is not None and self.group.findData(grouping) < 0:
            self._custom_grouping = grouping  # chosen once its field's item is there
        self.set_grouping(grouping or "none")  # one the list lacks: none
        self.model.grouping = str(self.group.currentData())  # also before the first load
        self.set_sort([(name, way != "desc") for name, way in sort if name in BY_NAME])
        self._save_timer.stop()
        self.save_state()

    def _custom_groupings(self) -> None:
        """Schema 9: "By <field>" for each choice, choices or person custom field."""
        chosen = self._custom_grouping or str(self.group.currentData())
        self._custom_grouping = None
        with QSignalBlocker(self.group):
            while self.group.count() > len(GROUPINGS):
                self.group.removeItem(len(GROUPINGS))
            for name, text in self.model.names.custom.groupings():
                self.group.addItem(text, name)
            self.group.setCurrentIndex(max(self.group.findData(chosen), 0))
        if self.group.currentData() != self.model.grouping:  # its field went, or restored
            self._grouping_chosen()

    # -- what is remembered ----------------------------------------------------------
    def save_state(self) -> None:
        header = bytes(self.view.horizontalHeader().saveState().data())
        state = {
            "header": base64.b64encode(header).decode("ascii"),
            "grouping": self.model.grouping,
            "sort": [[name, ascending] for name, ascending in self.model.sort_order],
            "columns": len(COLUMNS),
        }
        self._settings.save_backlog_state(self.session.path, state)

    def _fit_title(self) -> None:
        """A first look: the title takes the width the other columns leave."""
        view, title = self.view, BY_NAME_INDEX["title"]
        others = sum(
            view.columnWidth(i)
            for i in range(len(COLUMNS))
            if i != title and not view.isColumnHidden(i)
        )
        view.setColumnWidth(
            title, max(view.columnWidth(title), view.viewport().width() - others - 2)
        )

    def _restore_state(self) -> bool:
        """The table as the user left it in this project; False if never shown."""
        state: dict[str, Any] = self._settings.backlog_state(self.session.path)
        restored = False
        if state.get("columns") == len(COLUMNS) and isinstance(state.get("header"), str):
            data = QByteArray(base64.b64decode(state["header"]))
            restored = self.view.horizontalHeader().restoreState(data)
        sort = state.get("sort")
        if isinstance(sort, list):
            self.model.sort_order = [
                (str(s[0]), bool(s[1]))
                for s in sort
                if isinstance(s, list) and len(s) == 2 and s[0] in BY_NAME
            ]
        grouping = state.get("grouping")
        if isinstance(grouping, str) and slot_of(grouping) is not None:
            self._custom_grouping = grouping  # chosen once its field's item is there
        if grouping in GROUPINGS:
            self.group.blockSignals(True)
            self.set_grouping(str(grouping))
            self.group.blockSignals(False)
            self.model.grouping = str(grouping)
        return restored

    # -- editing -------------------------------------------------------------------------
    def lock_editing(self) -> None:
        """Read-only: nothing edits in place, no bulk edit."""
        self._locked = True
        self.model.set_editable(False)
        self.bulk_action.setEnabled(False)
        self.bulk_button.setEnabled(False)

    def bulk_edit(self, field: str | None = None) -> BulkEditDialog | None:
        """Edit Selected…: a window-modal dialog, on the field used last; OK is one
        undo step."""
        uids = self.view.selected_uids()
        if not uids or self._locked:
            return None
        owners = self._tree_pane.model.owners()
        dialog = BulkEditDialog(uids, self.model.names, owners, self, field or self._bulk_field)
        dialog.accepted.connect(lambda: self._bulk_accepted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _bulk_accepted(self, dialog: BulkEditDialog) -> None:
        self._bulk_field = str(dialog.field.currentData())  # offered first next time
        self._push_bulk(dialog.operation())

    def set_field(self, name: str, value: Any) -> bool:
        """Set one field of every selected row (the row menu's Set … commands)."""
        from pmdesk.core.ops.bulk import set_field

        uids = self.view.selected_uids()
        return bool(uids) and self._push_bulk(set_field(uids, name, value))

    def _set_custom(self, field: str, value: Any) -> bool:
        """Set a custom field of every selected row (the row menu's Set …)."""
        from pmdesk.core.ops.custom import SetCustomValues

        uids = self.view.selected_uids()
        op = SetCustomValues({uid: {field: value} for uid in uids})
        return bool(uids) and self._push_bulk(op)

    def _push_bulk(self, op: Operation | None) -> bool:
        if op is None:
            return False
        self._pushing = True
        try:
            return self.session.push(op)
        finally:
            self._pushing = False

    def _refused(self, message: str) -> None:
        if self._pushing or self.model.pushing:
            self.message.setText(message)
            self.message.show()
            self._message_timer.start()

    def _row_menu(self, pos: QPoint) -> None:
        menu = self.row_menu()
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def row_menu(self) -> QMenu:
        """Set the priority, status, release or lane of the selected rows; Edit Selected…"""
        menu = QMenu(self)
        editable = not self._locked and bool(self.view.selected_uids())
        titles = {
            "priority": self.tr("Set &Priority"),
            "status": self.tr("Set &Status"),
            "release": self.tr("Set &Release"),
            "lane": self.tr("Set &Lane"),
        }
        for name in MENU_FIELDS:
            sub = menu.addMenu(titles[name])
            sub.setObjectName(f"set_{name}")
            sub.setEnabled(editable)
            for text, value in choices(name, self.model.names):
                act = sub.addAction(text)
                act.triggered.connect(lambda _=False, n=name, v=value: self.set_field(n, v))
        owners = self._tree_pane.model.owners()
        custom_menus(menu, self.model.names.custom, editable, self._set_custom, owners)
        menu.addSeparator()
        menu.addAction(self.bulk_action)
        self.bulk_action.setEnabled(editable)
        return menu
