"""The Views button beside the tree's filter box: the project's saved views.

A saved view (schema 9, shared with colleagues in the project file) is the
filter bar's criteria with the backlog table's columns, grouping and sort. One
click on a view applies all four; Save View As… keeps what is shown now under a
name; Update, Rename and Delete act on the view last applied. Every change is
one undo step (Edit ▸ Undo), refused in a read-only project like any edit.
Ctrl+Alt+V opens the list from anywhere in the window.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.criteria import from_json, to_json
from pmdesk.app.views.questions import ask_view_name, confirm_replace
from pmdesk.core.ops import Create, Remove, Update

if TYPE_CHECKING:
    from pmdesk.app.backlog.pane import BacklogPane
    from pmdesk.app.tree.pane import TreePane
    from pmdesk.core.ops import Effect
    from pmdesk.core.queries.views import SavedViewRecord

SHORTCUT = "Ctrl+Alt+V"
_NAME_LIMIT = 32  # characters of a view's name on the button


class ViewSwitcher(QObject):
    """The project's saved views, applied to the tree pane and the backlog."""

    def __init__(
        self, session: ProjectSession, tree_pane: TreePane, backlog_pane: BacklogPane
    ) -> None:
        super().__init__(tree_pane)
        self.session = session
        self.tree_pane = tree_pane
        self.backlog_pane = backlog_pane
        self.views: list[SavedViewRecord] = []
        self.current: str | None = None  # the view last applied or saved
        self._locked = False

        self.button = QToolButton(tree_pane)
        self.button.setObjectName("savedViews")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab from the filter box
        self.menu = QMenu(self.button)
        self.menu.setObjectName("savedViewsMenu")
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._fill_menu)
        self._group = QActionGroup(self)

        self.save_as_action = QAction(self.tr("&Save View As…"), self)
        self.save_as_action.triggered.connect(lambda: self.save_as())
        self.update_action = QAction(self)
        self.update_action.triggered.connect(lambda: self.update_current())
        self.rename_action = QAction(self)
        self.rename_action.triggered.connect(lambda: self.rename_current())
        self.delete_action = QAction(self)
        self.delete_action.triggered.connect(lambda: self.delete_current())
        self.manage_action = QAction(self.tr("&Manage Views…"), self)
        self.manage_action.triggered.connect(self.manage)
        self.clear_action = QAction(self.tr("Show &All Requirements"), self)
        self.clear_action.triggered.connect(self.show_all)
        self.open_action = QAction(self.tr("Saved &Views"), self)
        self.open_action.setObjectName("openSavedViews")
        self.open_action.setShortcut(QKeySequence(SHORTCUT))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.open_action.triggered.connect(self.popup)
        tree_pane.addAction(self.open_action)

        tree_pane.bar.add_tool(self.button)
        tree_pane.filter_applied.connect(self._show)
        # The table's arrangement changed: the button's * may come or go.
        backlog_pane.view.header_changed.connect(self._show)
        backlog_pane.group.currentIndexChanged.connect(self._show)
        backlog_pane.model.headerDataChanged.connect(self._show)
        session.changed.connect(self._project_changed)
        self.reload()

    # -- the views -----------------------------------------------------------------
    def reload(self) -> None:
        """Read the views again (a view edited, a colleague's merged in)."""
        self.views = self.session.project.saved_views() if self.session.ready else []
        if self.current is not None and self._view(self.current) is None:
            self.current = None  # deleted (here, or by a colleague)
        self._show()

    def _view(self, uid: str | None) -> SavedViewRecord | None:
        return next((v for v in self.views if v.uid == uid), None)

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        if any(e.entity == "saved_view" or e.action == "reloaded" for e in effects):
            self.reload()

    # -- applying ------------------------------------------------------------------
    def apply(self, uid: str) -> bool:
        """Show saved view `uid`: its filter, and the backlog's columns, grouping and sort."""
        view = self._view(uid)
        if view is None:
            return False
        self.current = uid
        self.backlog_pane.arrange(list(view.columns), view.grouping, list(view.sort))
        self.tree_pane.set_criteria(from_json(view.criteria))
        self._show()
        return True

    def show_all(self) -> None:
        """No view: every requirement (the filter cleared; the columns stay)."""
        self.current = None
        self.tree_pane.clear_filter()
        self._show()

    def _state(self) -> dict[str, object]:
        """What is shown now, as a saved view's fields."""
        columns, grouping, sort = self.backlog_pane.arrangement()
        return {
            "criteria": to_json(self.tree_pane.criteria()),
            "columns": columns,
            "grouping": grouping,
            "sort": [list(key) for key in sort],
        }

    def modified(self) -> bool:
        """Whether the filter, columns, grouping or sort differ from the current view's."""
        view = self._view(self.current)
        if view is None:
            return False
        state = self._state()
        stored = {
            "criteria": view.criteria,
            "columns": list(view.columns),
            "grouping": view.grouping,
            "sort": [list(key) for key in view.sort],
        }
        return json.dumps(state, sort_keys=True) != json.dumps(stored, sort_keys=True)

    # -- editing (each one undo step) ----------------------------------------------------
    def save_as(self, name: str | None = None) -> str | None:
        """Keep what is shown under a name (asked for when not given); a name in
        use replaces that view (after asking). The view's uid, or None."""
        if self._refused():
            return None
        current = self._view(self.current)
        if name is None:
            name = ask_view_name(
                self.button, self.tr("Save View As"), current.name if current else ""
            )
        if not name:
            return None
        same = _named(self.views, name)
        if same is not None:
            if not confirm_replace(self.button, same.name):
                return None
            return same.uid if self._update(same.uid) else None
        uid = str(uuid.uuid4())
        if not self.session.push(Create("saved_view", uid, {"name": name, **self._state()})):
            return None
        self.current = uid
        self.reload()
        return uid

    def update_current(self) -> bool:
        """The current view takes what is shown now."""
        return self.current is not None and self._update(self.current)

    def _update(self, uid: str) -> bool:
        if self._refused() or not self.session.push(Update("saved_view", uid, self._state())):
            return False
        self.current = uid
        self.reload()
        return True

    def rename_current(self, name: str | None = None) -> bool:
        view = self._view(self.current)
        if view is None or self._refused():
            return False
        if name is None:
            name = ask_view_name(self.button, self.tr("Rename View"), view.name)
        if not name or name == view.name:
            return False
        other = _named(self.views, name)
        if other is not None and other.uid != view.uid:
            self.session.failed.emit(
                self.tr("A view named “%1” exists already.").replace("%1", other.name)
            )
            return False
        return self.session.push(Update("saved_view", view.uid, {"name": name}))

    def delete_current(self) -> bool:
        """Delete the current view (Edit ▸ Undo brings it back); the filter stays."""
        view = self._view(self.current)
        if view is None or self._refused():
            return False
        return self.session.push(Remove((("saved_view", view.uid),)))

    @property
    def editable(self) -> bool:
        """Whether views can be saved, changed or deleted (not read-only)."""
        return not self._locked and not self.session.read_only

    def manage(self) -> None:
        """Manage Views…: the list to reorder, rename, duplicate or delete (app/views/manage.py)."""
        from pmdesk.app.views.manage import show_manage_views

        show_manage_views(self.tree_pane.window(), self.session, self)

    def _refused(self) -> bool:
        """Read-only: say so (the session's sentence) and change nothing."""
        return self.session.refuse_if_read_only() or self._locked

    def lock_editing(self) -> None:
        """Read-only: views still apply; none is saved, updated, renamed or deleted."""
        self._locked = True
        self._show()

    # -- the button and its menu ---------------------------------------------------------
    def popup(self) -> None:
        """The list under the button (Ctrl+Alt+V), without blocking the window."""
        self.menu.popup(self.button.mapToGlobal(QPoint(0, self.button.height())))
        self.menu.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show(self) -> None:
        view = self._view(self.current)
        if view is None:
            self.button.setText(self.tr("Views"))
            self.button.setToolTip(
                self.tr("Saved views: a filter with the backlog's columns, grouping and sort")
                + f" ({SHORTCUT})"
            )
        else:
            name = view.name if len(view.name) <= _NAME_LIMIT else view.name[:_NAME_LIMIT] + "…"
            changed = self.modified()
            self.button.setText(name + (" *" if changed else ""))
            tip = self.tr("View “%1”").replace("%1", view.name)
            if changed:
                tip += " — " + self.tr("changed since it was saved")
            self.button.setToolTip(tip)
        font = self.button.font()
        font.setBold(view is not None)
        self.button.setFont(font)
        editable = not self._locked
        self.save_as_action.setEnabled(editable)
        for action in (self.update_action, self.rename_action, self.delete_action):
            action.setEnabled(editable and view is not None)
        name = view.name if view is not None else ""
        self.update_action.setText(self.tr("&Update “%1”").replace("%1", name))
        self.rename_action.setText(self.tr("&Rename “%1”…").replace("%1", name))
        self.delete_action.setText(self.tr("&Delete “%1”").replace("%1", name))

    def _fill_menu(self) -> None:
        self._show()
        menu = self.menu
        for action in self._group.actions():
            self._group.removeAction(action)
        menu.clear()  # deletes the views' entries (the menu owns them), not the commands
        if not self.views:
            empty = menu.addAction(self.tr("No saved views yet"))
            empty.setEnabled(False)
        for view in self.views:
            action = menu.addAction(view.name.replace("&", "&&"))
            action.setObjectName(f"view_{view.uid}")
            action.setCheckable(True)
            action.setChecked(view.uid == self.current)
            self._group.addAction(action)
            action.triggered.connect(lambda _=False, uid=view.uid: self.apply(uid))
        menu.addSeparator()
        menu.addAction(self.clear_action)
        menu.addSeparator()
        menu.addAction(self.save_as_action)
        if self.current is not None:
            menu.addAction(self.update_action)
            menu.addAction(self.rename_action)
            menu.addAction(self.delete_action)
        if self.views:
            menu.addSeparator()
            menu.addAction(self.manage_action)

    def menu_actions(self) -> list[QAction]:
        """The menu as the user sees it (filled as when it opens)."""
        self._fill_menu()
        return self.menu.actions()


def _named(views: list[SavedViewRecord], name: str) -> SavedViewRecord | None:
    from pmdesk.core.queries.views import view_named

    return view_named(views, name)
