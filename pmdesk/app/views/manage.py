"""View ▸ Saved Views ▸ Manage Views…: the project's saved views in their order.

Drag a view (or Alt+Up / Alt+Down) to reorder, F2 to rename, Ctrl+D to
duplicate, Delete to delete; Enter or a double click shows the view. Each change
is one operation through the session (one undo step named in the Edit menu,
which Ctrl+Z here undoes too); the list follows the file, so a colleague's view
merged in on Save appears. A read-only project lists the views and shows them.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.project_windows import show_project_window
from pmdesk.app.views import questions
from pmdesk.core.ops import Batch, Create, Move, Remove, Update
from pmdesk.core.queries.views import SavedViewRecord, view_named

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.ops import Effect, Operation

UID_ROLE = Qt.ItemDataRole.UserRole


class ViewSwitcher(Protocol):
    """What the window needs of the filter bar's views (app/views/switcher.py,
    not imported: it opens this window)."""

    current: str | None

    @property
    def editable(self) -> bool: ...

    def apply(self, uid: str) -> bool: ...


class _ViewList(QListWidget):
    """The list; a row dropped elsewhere says which and where (`dropped`) and
    the list waits for the project's order (the move may be refused)."""

    dropped = Signal(str, int)  # uid, its new row

    def _ours(self, event: QDropEvent) -> bool:
        return self.dragDropMode() != QAbstractItemView.DragDropMode.NoDragDrop and any(
            event.mimeData().hasFormat(kind) for kind in self.model().mimeTypes()
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        if self._ours(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # the drop indicator
        if self._ours(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.currentItem()
        if item is None or not self._ours(event):
            event.ignore()
            return
        point = event.position().toPoint()
        target = self.indexAt(point)
        row = self.count() if not target.isValid() else target.row()
        if target.isValid() and point.y() > self.visualRect(target).center().y():
            row += 1  # the lower half of a row: after it
        source = self.row(item)
        # Not a move for Qt: the row stays until the project's order is read back.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(str(item.data(UID_ROLE)), row - 1 if row > source else row)


class ManageViewsWindow(QWidget):
    requirement_chosen = Signal(str)  # what show_project_window connects (unused here)

    def __init__(
        self, session: ProjectSession, switcher: ViewSwitcher, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._session = session
        self._switcher = switcher
        self.setObjectName("manageViewsWindow")
        self.setWindowTitle(self.tr("Manage Views"))
        self.resize(480, 400)
        self.views: list[SavedViewRecord] = []

        self.list = _ViewList()
        self.list.setObjectName("savedViewList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.empty = QLabel(
            self.tr(
                "No saved views yet. Filter the requirements, arrange the backlog's columns, "
                "then choose Save View As… in the Views menu."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.detail = QLabel()  # what the chosen view shows, in words
        self.detail.setObjectName("savedViewDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self.tr("Drag a view, or press Alt+Up / Alt+Down, to change the order."))
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)

        self.show_button = self._button(self.tr("&Show"), self.tr("Show the chosen view (Enter)"))
        self.rename_button = self._button(self.tr("&Rename…"), self.tr("Rename the view (F2)"))
        self.duplicate_button = self._button(
            self.tr("Du&plicate"), self.tr("A copy of the view, after it (Ctrl+D)")
        )
        self.delete_button = self._button(self.tr("&Delete"), self.tr("Delete the view (Delete)"))
        self.up_button = self._button(self.tr("Move &Up"), self.tr("Earlier in the list (Alt+Up)"))
        self.down_button = self._button(
            self.tr("Move Do&wn"), self.tr("Later in the list (Alt+Down)")
        )
        self.close_button = self._button(self.tr("Close"), "")
        buttons = QVBoxLayout()
        for button in (
            self.show_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.empty)
        left.addWidget(self.detail)
        left.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(buttons)

        self.show_button.clicked.connect(self.show_view)
        self.rename_button.clicked.connect(lambda: self.rename_view())
        self.duplicate_button.clicked.connect(lambda: self.duplicate_view())
        self.delete_button.clicked.connect(lambda: self.delete_view())
        self.up_button.clicked.connect(lambda: self.step(-1))
        self.down_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close)
        self.list.dropped.connect(self._dropped)
        self.list.itemActivated.connect(lambda _item: self.show_view())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        for keys, slot in (
            (QKeySequence("Alt+Up"), lambda: self.step(-1)),
            (QKeySequence("Alt+Down"), lambda: self.step(1)),
            (QKeySequence("F2"), self.rename_view),
            (QKeySequence("Ctrl+D"), self.duplicate_view),
            (QKeySequence.StandardKey.Undo, session.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, session.undo_stack.redo),
            (QKeySequence.StandardKey.Close, self.close),
            (QKeySequence("Esc"), self.close),
        ):
            QShortcut(keys, self, slot)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        session.changed.connect(self._follow)
        self.refresh()
        self.list.setFocus()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    # -- showing --------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the views again, keeping the chosen one (the current view at first)."""
        self.views = self._session.project.saved_views()
        chosen = self.current_uid() or self._switcher.current
        with QSignalBlocker(self.list):
            self.list.clear()
            for view in self.views:
                item = QListWidgetItem(view.name)
                item.setData(UID_ROLE, view.uid)
                item.setToolTip(view.name)
                self.list.addItem(item)
        self.select(chosen if any(v.uid == chosen for v in self.views) else None)
        if self.list.currentRow() < 0 and self.views:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not self.views)
        self.list.setVisible(bool(self.views))
        self._enable()

    def names(self) -> list[str]:
        """The views' names as listed."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def current_uid(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(UID_ROLE))

    def select(self, uid: str | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(UID_ROLE) == uid:
                self.list.setCurrentRow(row)
                return

    def _record(self) -> SavedViewRecord | None:
        uid = self.current_uid()
        return next((v for v in self.views if v.uid == uid), None)

    def describe(self, view: SavedViewRecord | None) -> str:
        """The chosen view's filter and sort in words ("Status: In review · …")."""
        if view is None:
            return ""
        from pmdesk.app.history.model import ui_wording
        from pmdesk.core.queries.criteria import view_value

        wording = ui_wording()
        project = self._session.project
        names = {r.uid: r.name for r in project.releases()}
        names |= {lane.uid: lane.name for lane in project.lanes()}
        names |= {p.uid: p.name for p in project.personas()}
        shown = view_value("criteria", view.criteria, wording.separator, wording.value, names)
        lines = [self.tr("Filter: %1").replace("%1", shown or self.tr("every requirement"))]
        if view.grouping:
            group = wording.value("field", view.grouping)
            lines.append(self.tr("Grouped by %1").replace("%1", group))
        if view.sort:
            order = [list(key) for key in view.sort]
            lines.append(
                self.tr("Sorted by %1").replace(
                    "%1", view_value("sort", order, wording.separator, wording.value)
                )
            )
        return "\n".join(lines)

    def _enable(self) -> None:
        self.detail.setText(self.describe(self._record()))
        self.detail.setVisible(bool(self.views))
        chosen = self._record() is not None
        editable = chosen and self._switcher.editable
        row = self.list.currentRow()
        self.show_button.setEnabled(chosen)
        for button in (self.rename_button, self.duplicate_button, self.delete_button):
            button.setEnabled(editable)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and row < self.list.count() - 1)
        locked = not self._switcher.editable
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if locked
            else QAbstractItemView.DragDropMode.InternalMove
        )
        self.hint.setVisible(bool(self.views) and not locked)

    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if any(e.entity == "saved_view" or e.action == "reloaded" for e in effects):
            self.refresh()

    # -- acting ---------------------------------------------------------------------
    def _push(self, op: Operation) -> bool:
        if not self._switcher.editable:
            self._session.refuse_if_read_only()
            return False
        return self._session.push(op)

    def show_view(self) -> bool:
        uid = self.current_uid()
        return uid is not None and self._switcher.apply(uid)

    def step(self, by: int) -> bool:
        """Move the chosen view `by` places (Alt+Up: -1, Alt+Down: +1)."""
        uid = self.current_uid()
        row = self.list.currentRow() + by
        if uid is None or not 0 <= row < self.list.count():
            return False
        return self._move(uid, row)

    def _dropped(self, uid: str, row: int) -> None:
        if [v.uid for v in self.views].index(uid) == row or not self._move(uid, row):
            self.refresh()  # dropped in place, or refused: the list as stored

    def _move(self, uid: str, row: int) -> bool:
        done = self._push(Move("saved_view", uid, index=row))
        self.select(uid)
        return done

    def rename_view(self, name: str | None = None) -> bool:
        view = self._record()
        if view is None or not self._switcher.editable:
            return False
        if name is None:
            name = questions.ask_view_name(self, self.tr("Rename View"), view.name)
        if not name or name == view.name:
            return False
        other = view_named(self.views, name)
        if other is not None and other.uid != view.uid:
            self._session.failed.emit(
                self.tr("A view named “%1” exists already.").replace("%1", other.name)
            )
            return False
        return self._push(Update("saved_view", view.uid, {"name": name}))

    def duplicate_view(self) -> str | None:
        """A copy of the chosen view right after it, named “… (copy)”; its uid."""
        view = self._record()
        if view is None or not self._switcher.editable:
            return None
        taken = {v.name for v in self.views}
        name = self.tr("%1 (copy)").replace("%1", view.name)
        base, n = name, 2
        while name in taken:
            name, n = f"{base} {n}", n + 1
        uid = str(uuid.uuid4())
        fields: dict[str, Any] = {
            "name": name,
            "criteria": view.criteria,
            "columns": list(view.columns),
            "grouping": view.grouping,
            "sort": [list(key) for key in view.sort],
        }
        row = self.list.currentRow() + 1
        op = Batch((Create("saved_view", uid, fields), Move("saved_view", uid, index=row)))
        if not self._push(op):
            return None
        self.select(uid)
        return uid

    def delete_view(self) -> bool:
        view = self._record()
        if view is None or not self._switcher.editable:
            return False
        question = self.tr("Delete the view “%1”? Undo brings it back.").replace("%1", view.name)
        if not dialogs.yes_no(self, self.tr("Delete View"), question):
            return False
        return self._push(Remove((("saved_view", view.uid),)))

    def closeEvent(self, event: Any) -> None:
        if shiboken6.isValid(self._session):
            self._session.changed.disconnect(self._follow)
        super().closeEvent(event)


def show_manage_views(
    parent: QWidget, session: ProjectSession, switcher: ViewSwitcher
) -> ManageViewsWindow:
    """Show the saved views of `session` to manage (raising the window already open)."""
    return show_project_window(
        parent,
        ManageViewsWindow,
        session,
        lambda: ManageViewsWindow(session, switcher, parent),
        lambda _uid: None,
    )


__all__ = ["ManageViewsWindow", "show_manage_views"]
