"""The requirement tree view: keyboard editing, drag and drop, context menu.

Everything it changes goes through the model's session as operations, so every
key press and drop is one undo step.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QPoint,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.item_headers import detach_selection
from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.model import Column, RequirementTreeModel

# The kind a new child gets, by the kind of its parent (epic → feature → story).
CHILD_KIND = {"epic": "feature", "feature": "story", "story": "requirement"}
KEY_WIDTH = 130  # the key column at least, before any saved header state
KEY_DEPTHS = 4  # levels the key column makes room for (epic … requirement)


class RequirementTreeView(QTreeView):
    def __init__(
        self, session: ProjectSession, model: RequirementTreeModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.source = model
        self.extra_actions: list[QAction] = []  # the window's commands on a row (Show Impact…)
        self.setModel(model)
        self.setObjectName("requirementTree")
        self.setUniformRowHeights(True)  # lets the view skip measuring 100,000 rows
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        header = self.header()
        detach_selection(header, model)  # Ctrl+A at 100,000 rows: seconds a repaint
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for column, width in (
            (Column.KEY, KEY_WIDTH),
            (Column.TITLE, 300),
            (Column.KIND, 80),
            (Column.STATUS, 96),
            (Column.PRIORITY, 72),
            (Column.OWNER, 80),
            (Column.RELEASE, 70),
        ):
            self.setColumnWidth(column, width)
        self._fit_key_column()
        model.appearance_changed.connect(self.viewport().update)
        self._build_actions()

    def _fit_key_column(self) -> None:
        """The key column's first width: the longest key of each level with its
        icon and indentation, so stories' keys are not cut to "CRM…" once they
        are expanded. A header state the settings restore replaces it."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        width = KEY_WIDTH
        for depth, uid in self.source.longest_keys(KEY_DEPTHS):
            index = self.source.index_of(uid, Column.KEY)
            needed = depth * self.indentation() + delegate.sizeHint(option, index).width()
            width = max(width, needed)
        self.setColumnWidth(Column.KEY, width)

    # -- actions ----------------------------------------------------------------
    def _build_actions(self) -> None:
        # The keys are handled in event() only while the tree itself has the focus:
        # as action shortcuts they would also fire inside the inline title editor
        # (Enter would commit the title *and* create another requirement).
        def action(text: str, keys: str, slot: Callable[[], None]) -> QAction:
            act = QAction(f"{text}\t{keys}" if keys else text, self)
            act.triggered.connect(slot)
            return act

        self.new_sibling_action = action(self.tr("New requirement"), "Enter", self.new_sibling)
        self.new_child_action = action(
            self.tr("New child requirement"), "Ctrl+Enter", self.new_child
        )
        self.rename_action = action(self.tr("Rename"), "F2", self.rename)
        self.delete_action = action(self.tr("Delete"), "Del", self.delete_selected)
        self.indent_action = action(self.tr("Indent"), "Tab", self.indent)
        self.outdent_action = action(self.tr("Outdent"), "Shift+Tab", self.outdent)
        self.move_up_action = action(self.tr("Move up"), "Ctrl+Up", lambda: self.move_by(-1))
        self.move_down_action = action(self.tr("Move down"), "Ctrl+Down", lambda: self.move_by(1))
        ctrl = Qt.KeyboardModifier.ControlModifier
        none = Qt.KeyboardModifier.NoModifier
        keypad = Qt.KeyboardModifier.KeypadModifier
        self._keys: dict[tuple[int, Qt.KeyboardModifier], Callable[[], None]] = {
            (Qt.Key.Key_Return, none): self.new_sibling,
            (Qt.Key.Key_Enter, keypad): self.new_sibling,
            (Qt.Key.Key_Insert, none): self.new_sibling,
            (Qt.Key.Key_Return, ctrl): self.new_child,
            (Qt.Key.Key_Enter, ctrl | keypad): self.new_child,
            (Qt.Key.Key_F2, none): self.rename,
            (Qt.Key.Key_Delete, none): self.delete_selected,
            (Qt.Key.Key_Tab, none): self.indent,
            (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier): self.outdent,
            (Qt.Key.Key_Backtab, none): self.outdent,
            (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier): self.outdent,
            (Qt.Key.Key_Up, ctrl): lambda: self.move_by(-1),
            (Qt.Key.Key_Down, ctrl): lambda: self.move_by(1),
        }

    def event(self, event: QEvent) -> bool:
        # Before QWidget's own handling: Tab would otherwise move the focus away.
        if event.type() == QEvent.Type.KeyPress and self.state() != self.State.EditingState:
            assert isinstance(event, QKeyEvent)
            handler = self._keys.get((event.key(), event.modifiers()))
            if handler is not None:
                if not self.session.refuse_if_read_only():  # every key here edits
                    handler()
                return True
        return super().event(event)

    # -- selection helpers ---------------------------------------------------------
    def current_uid(self) -> str | None:
        return self.source.uid_at(self.currentIndex())

    def selected_uids(self) -> list[str]:
        rows = self.selectionModel().selectedRows(0)
        uids = [self.source.uid_at(i) for i in rows]
        chosen = [u for u in uids if u is not None]
        if not chosen and (current := self.current_uid()):
            chosen = [current]
        return self.source.top_most(chosen)

    def select_uid(self, uid: str | None, *, edit: bool = False) -> None:
        if uid is None:
            return
        self.source.reveal(uid)
        index = self.source.index_of(uid)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.setCurrentIndex(index)
        self.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        if edit:
            self.edit(index.siblingAtColumn(Column.TITLE))

    # -- editing commands --------------------------------------------------------
    def _create(self, parent: str | None, index: int | None, kind: str) -> None:
        from pmdesk.core.ops import Create

        uid = str(uuid.uuid4())
        title = self.tr("New requirement")
        if self.session.push(
            Create("requirement", uid, {"title": title, "kind": kind}, parent=parent, index=index)
        ):
            self.select_uid(uid, edit=True)

    def new_sibling(self) -> None:
        current = self.current_uid()
        if current is None:
            self._create(None, None, "epic" if not self.source.count() else "requirement")
            return
        parent = self.source.parent_uid(current)
        position = self.source.children_of(parent).index(current) + 1
        self._create(parent, position, self.source.row_values(current)[4])

    def new_child(self) -> None:
        current = self.current_uid()
        if current is None:
            self.new_sibling()
            return
        kind = CHILD_KIND.get(self.source.row_values(current)[4], "requirement")
        self._create(current, None, kind)

    def rename(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.edit(index.siblingAtColumn(Column.TITLE))

    def delete_selected(self) -> None:
        from pmdesk.core.ops import Remove

        uids = self.selected_uids()
        if not uids:
            return
        descendants = sum(self._count_below(u) for u in uids)
        if descendants and not dialogs.confirm_delete(
            self, [self.source.key_of(u) for u in uids], descendants
        ):
            return
        neighbour = self._neighbour_after_delete(uids)
        if self.session.push(Remove(tuple(("requirement", u) for u in uids))):
            self.select_uid(neighbour)

    def _count_below(self, uid: str) -> int:
        count, stack = 0, self.source.children_of(uid)
        while stack:  # iterative: a deep tree must not exhaust the recursion limit
            count += 1
            stack.extend(self.source.children_of(stack.pop()))
        return count

    def _neighbour_after_delete(self, uids: list[str]) -> str | None:
        first = uids[0]
        parent = self.source.parent_uid(first)
        siblings = [u for u in self.source.children_of(parent) if u not in uids]
        position = self.source.children_of(parent).index(first)
        before = [u for u in self.source.children_of(parent)[:position] if u not in uids]
        if len(siblings) > len(before):
            return siblings[len(before)]
        return before[-1] if before else parent

    def indent(self) -> None:
        """Make the selection children of the sibling above (appended last)."""
        from pmdesk.core.ops import MoveBlock

        uids = self.selected_uids()
        if not uids:
            return
        parent = self.source.parent_uid(uids[0])
        if any(self.source.parent_uid(u) != parent for u in uids):
            return  # rows of different parents have no common "row above"
        siblings = self.source.children_of(parent)
        if uids[0] not in siblings or siblings.index(uids[0]) == 0:
            return
        new_parent = siblings[siblings.index(uids[0]) - 1]
        if new_parent in uids:
            return
        if self.session.push(MoveBlock("requirement", tuple(uids), new_parent, None)):
            self._reselect(uids)

    def outdent(self) -> None:
        """Move the selection up one level, right after its parent."""
        from pmdesk.core.ops import MoveBlock

        uids = self.selected_uids()
        if not uids:
            return
        parent = self.source.parent_uid(uids[0])
        if parent is None:
            return
        grandparent = self.source.parent_uid(parent)
        position = self.source.children_of(grandparent).index(parent) + 1
        if self.session.push(MoveBlock("requirement", tuple(uids), grandparent, position)):
            self._reselect(uids)

    def move_by(self, step: int) -> None:
        """Move the current row past its visible neighbour (Ctrl+Up/Down). Under a
        filter the hidden siblings between the two stay where they are."""
        from pmdesk.core.ops import Move

        uid = self.current_uid()
        if uid is None:
            return
        parent = self.source.parent_uid(uid)
        shown = self.source.shown_children_of(parent)
        neighbour = shown.index(uid) + step
        if not 0 <= neighbour < len(shown):
            return
        # Among the siblings without the moved row, the neighbour's own place puts
        # the row right before it (up) or right after it (down).
        target = self.source.children_of(parent).index(shown[neighbour])
        if self.session.push(Move("requirement", uid, parent, index=target)):
            self._reselect([uid])

    def _reselect(self, uids: list[str]) -> None:
        self.select_uid(uids[0])
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for uid in uids[1:]:
            index = self.source.index_of(uid)
            self.selectionModel().select(index, flags)

    def editing_actions(self) -> tuple[QAction, ...]:
        """Every command that changes the project (what read-only switches off)."""
        return (
            self.new_sibling_action,
            self.new_child_action,
            self.rename_action,
            self.delete_action,
            self.indent_action,
            self.outdent_action,
            self.move_up_action,
            self.move_down_action,
        )

    def lock_editing(self) -> None:
        """Read-only: no command, inline edit or drag changes the project."""
        for act in self.editing_actions():
            act.setEnabled(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)

    # -- menus -------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for act in (
            self.new_sibling_action,
            self.new_child_action,
            None,
            self.rename_action,
            self.indent_action,
            self.outdent_action,
            self.move_up_action,
            self.move_down_action,
            None,
            self.delete_action,
            *((None, *self.extra_actions) if self.extra_actions else ()),
        ):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.exec(self.viewport().mapToGlobal(pos))

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        model = self.source
        for column in Column:
            if column == Column.TITLE:
                continue
            act = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            act.setCheckable(True)
            act.setChecked(not self.isColumnHidden(column))
            act.toggled.connect(lambda on, c=column: self.setColumnHidden(c, not on))
        menu.exec(self.header().mapToGlobal(pos))
