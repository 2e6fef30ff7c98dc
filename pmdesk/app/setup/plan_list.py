"""A list of one kind of plan entity (releases, lanes or milestones) in the Plan pane.

Rows are keyed by uid and follow the operations' effects: an update changes
the row's texts from the effect's values, an insert adds a row from its values,
a removal takes the row out. Only a change of order (an insert, a move) reads
the entity's order again (one query of uids). The name is renamed in place
(F2, double-click); a rename, a drag and Alt+Up/Down push one operation each,
and the row shows the result when its effect comes back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.ops import Effect

UID_ROLE = Qt.ItemDataRole.UserRole
ROW_MIME = "application/x-pmdesk-plan-row"  # "entity:uid" of a dragged row

# The texts of a row from its values (every field of the entity).
Show = Callable[[QTreeWidgetItem, Mapping[str, Any]], None]


class PlanList(QTreeWidget):
    """Rows of one entity; `activated_uid` asks for its editor (Enter,
    double-click), `delete_requested` for a deletion (Delete)."""

    activated_uid = Signal(str)
    delete_requested = Signal()

    def __init__(
        self,
        session: ProjectSession,
        entity: str,
        headers: list[str],
        show: Show,
        *,
        ordered: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.entity = entity
        self._show = show
        self.ordered = ordered
        self.values: dict[str, dict[str, Any]] = {}  # uid → every field, as last seen
        self._filling = False
        self._locked = False
        self.setHeaderLabels(headers)
        header = self.header()
        header.setStretchLastSection(True)  # the goal, the release: as wide as there is room
        for column in range(len(headers) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        if ordered:
            # Not InternalMove (that refuses a drop whose source it cannot see):
            # dropEvent takes only a row of this list and moves it by an operation.
            self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)
            self.setDragDropOverwriteMode(False)
        self.itemChanged.connect(self._renamed)
        self.itemDoubleClicked.connect(self._double_clicked)

    # -- rows ------------------------------------------------------------------------
    def fill(self, rows: list[tuple[str, dict[str, Any]]]) -> None:
        """Show these rows (uid, values), in this order."""
        current = self.current_uid()
        self._filling = True
        self.clear()
        self.values = {}
        for uid, values in rows:
            self._add(uid, values, self.topLevelItemCount())
        self._filling = False
        self.select_uid(current)

    def _add(self, uid: str, values: Mapping[str, Any], index: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, UID_ROLE, uid)
        flags = item.flags() | Qt.ItemFlag.ItemIsDragEnabled
        if not self._locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags & ~Qt.ItemFlag.ItemIsDropEnabled)
        self.values[uid] = dict(values)
        was = self._filling
        self._filling = True
        self._show(item, self.values[uid])
        self._filling = was
        self.insertTopLevelItem(index, item)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in found if item is not None]

    def item_of(self, uid: str) -> QTreeWidgetItem | None:
        return next((i for i in self._items() if i.data(0, UID_ROLE) == uid), None)

    def uids(self) -> list[str]:
        return [item.data(0, UID_ROLE) for item in self._items()]

    def current_uid(self) -> str | None:
        item = self.currentItem()
        return item.data(0, UID_ROLE) if item is not None else None

    def select_uid(self, uid: str | None) -> None:
        item = self.item_of(uid) if uid is not None else None
        if item is not None:
            self.setCurrentItem(item)

    def refresh(self) -> None:
        """Show every row's values again (a name they show changed elsewhere)."""
        self._filling = True
        for uid in self.uids():
            item = self.item_of(uid)
            if item is not None:
                self._show(item, self.values[uid])
        self._filling = False

    # -- following the project ----------------------------------------------------------
    def follow(self, effects: tuple[Effect, ...], order: Callable[[], list[str]]) -> bool:
        """Apply the effects on this list's entity; `order` reads the uids in their
        order, called only when an insert or a move changed it. True if any applied."""
        reorder = False
        touched = False
        for effect in effects:
            if effect.entity != self.entity:
                continue
            touched = True
            if effect.action == "inserted":
                self._add(effect.uid, effect.values, self.topLevelItemCount())
                reorder = True
            elif effect.action == "updated":
                self.update_values(effect.uid, effect.values)
            elif effect.action == "removed":
                item = self.item_of(effect.uid)
                if item is not None:
                    self.takeTopLevelItem(self.indexOfTopLevelItem(item))
                self.values.pop(effect.uid, None)
            elif effect.action == "moved":
                reorder = True
        if reorder:
            self.arrange(order())
        return touched

    def update_values(self, uid: str, values: Mapping[str, Any]) -> None:
        item = self.item_of(uid)
        if item is None:
            return
        self.values[uid].update(values)
        self._filling = True
        self._show(item, self.values[uid])
        self._filling = False

    def arrange(self, uids: list[str]) -> None:
        """Put the rows in this order (rows not listed stay, after them)."""
        current = self.current_uid()
        rank = {uid: i for i, uid in enumerate(uids)}
        items = self._items()
        ordered = sorted(items, key=lambda it: rank.get(it.data(0, UID_ROLE), len(uids)))
        if ordered != items:
            self._filling = True
            for item in items:
                self.takeTopLevelItem(self.indexOfTopLevelItem(item))
            self.addTopLevelItems(ordered)
            self._filling = False
        self.select_uid(current)

    # -- editing ------------------------------------------------------------------------
    def lock_editing(self) -> None:
        """Read-only: no rename in place, no drag."""
        self._locked = True
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)

    def _renamed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        from pmdesk.core.ops import Update

        uid = item.data(0, UID_ROLE)
        name = item.text(0).strip()
        old = self.values[uid]["name"]
        if name != old and (
            not name or not self._session.push(Update(self.entity, uid, {"name": name}))
        ):
            self._filling = True
            item.setText(0, old)  # refused (empty, read-only): the old name stays
            self._filling = False

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.activated_uid.emit(item.data(0, UID_ROLE))

    def move_current(self, step: int) -> None:
        """Alt+Up / Alt+Down: one place up or down, one undo step."""
        uid = self.current_uid()
        if uid is None or not self.ordered:
            return
        index = self.uids().index(uid) + step
        if 0 <= index < self.topLevelItemCount():
            self._move(uid, index)

    def _move(self, uid: str, index: int) -> None:
        """Move `uid` to `index` among the other rows."""
        from pmdesk.core.ops import Move

        self._session.push(Move(self.entity, uid, index=index))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        if (
            alt
            and key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and self.state() != self.State.EditingState
        ):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            uid = self.current_uid()
            if uid is not None:
                self.activated_uid.emit(uid)
                return
        if key == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        """A dragged row says which row of which list it is (a drop from
        elsewhere carries no such thing and is ignored)."""
        mime = super().mimeData(items)
        if items:
            uid = items[0].data(0, UID_ROLE)
            mime.setData(ROW_MIME, f"{self.entity}:{uid}".encode())
        return mime

    def dropEvent(self, event: QDropEvent) -> None:
        """A drag inside the list is a move of the dragged row, pushed as one
        operation; the row moves when its effect comes back, not by Qt's drop."""
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        entity, _, uid = bytes(event.mimeData().data(ROW_MIME).data()).decode().partition(":")
        if entity != self.entity or uid not in self.values or not self.ordered or self._locked:
            return
        target = self.indexAt(event.position().toPoint())
        order = self.uids()
        here = order.index(uid)
        if not target.isValid():
            index = len(order) - 1
        else:
            row = target.row()
            if self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.BelowItem:
                row += 1
            index = row - 1 if row > here else row  # counted without the dragged row
        if index != here:
            self._move(uid, index)

    def index_of(self, uid: str) -> QModelIndex:
        """Where a row is (tests click and drag there)."""
        item = self.item_of(uid)
        return self.indexFromItem(item) if item is not None else QModelIndex()
