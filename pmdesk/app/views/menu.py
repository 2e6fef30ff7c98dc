"""View ▸ Saved Views: the project's saved views in the menu bar.

Built once with the window's other actions (app/actions.py) and filled each
time it opens from the open project's `ViewSwitcher`, so a view saved, renamed,
deleted or merged in from a colleague's save shows the next time. The first
nine views answer Ctrl+Alt+1…9 from anywhere in the window; a check marks the
view shown now. Save View As… and Manage Views… follow; a read-only project
applies views but saves none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from pmdesk.app.views.switcher import ViewSwitcher

translate = QCoreApplication.translate
SLOTS = 9  # views with a key: Ctrl+Alt+1 … Ctrl+Alt+9


class SavedViewsMenu(QObject):
    """The submenu and its window-wide keys (one set per window)."""

    def __init__(
        self,
        window: QMainWindow,
        switcher: Callable[[], ViewSwitcher | None],
        manage: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._switcher = switcher
        self.menu = QMenu(translate("MainWindow", "&Saved Views"), window)
        self.menu.setObjectName("savedViewsSubmenu")
        self._group = QActionGroup(self)
        self._group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.slots: list[QAction] = []
        for i in range(SLOTS):
            act = QAction(window)
            act.setObjectName(f"savedViewSlot{i + 1}")
            act.setCheckable(True)
            act.setShortcut(QKeySequence(f"Ctrl+Alt+{i + 1}"))
            act.triggered.connect(lambda _checked=False, i=i: self.apply(i))
            window.addAction(act)  # the key works with the menu closed
            self._group.addAction(act)
            self.slots.append(act)
        self._more: list[QAction] = []  # the views after the ninth (no key)
        self.empty = QAction(translate("MainWindow", "No saved views yet"), self)
        self.empty.setEnabled(False)
        self.show_all = QAction(translate("MainWindow", "Show &All Requirements"), self)
        self.show_all.triggered.connect(lambda: self._call(lambda s: s.show_all()))
        self.save_as = QAction(translate("MainWindow", "&Save View As…"), self)
        self.save_as.triggered.connect(lambda: self._call(lambda s: s.save_as()))
        self.manage = QAction(translate("MainWindow", "&Manage Views…"), self)
        self.manage.setToolTip(
            translate("MainWindow", "Reorder, rename, duplicate or delete the saved views")
        )
        self.manage.triggered.connect(lambda: manage())
        self.menu.aboutToShow.connect(self.fill)
        self.fill()

    def _call(self, what: Callable[[ViewSwitcher], object]) -> None:
        switcher = self._switcher()
        if switcher is not None:
            what(switcher)

    def apply(self, slot: int) -> bool:
        """Show the view in place `slot` (0-based), as Ctrl+Alt+(slot+1) does."""
        switcher = self._switcher()
        views = switcher.views if switcher is not None else []
        if switcher is None or not 0 <= slot < len(views):
            self.fill()  # the key names no view: its check must not stay
            return False
        done = switcher.apply(views[slot].uid)
        self.fill()
        return done

    def fill(self) -> None:
        """The entries as the project holds them now (read when the menu opens)."""
        switcher = self._switcher()
        views = switcher.views if switcher is not None else []
        current = switcher.current if switcher is not None else None
        for act in self._more:
            self._group.removeAction(act)
            act.deleteLater()
        self._more = []
        menu = self.menu
        menu.clear()  # the entries stay (the window owns them); those below go
        if not views:
            menu.addAction(self.empty)
        for i, view in enumerate(views):
            name = view.name.replace("&", "&&")
            if i < SLOTS:
                act = self.slots[i]
                act.setText(name)
            else:
                act = QAction(name, self)
                act.setCheckable(True)
                act.triggered.connect(lambda _checked=False, uid=view.uid: self._apply_uid(uid))
                self._group.addAction(act)
                self._more.append(act)
            act.setChecked(view.uid == current)
            menu.addAction(act)
        for i, act in enumerate(self.slots):
            act.setEnabled(switcher is not None)  # a key past the last view does nothing
            if i >= len(views):
                act.setChecked(False)
        menu.addSeparator()
        menu.addAction(self.show_all)
        menu.addSeparator()
        menu.addAction(self.save_as)
        menu.addAction(self.manage)
        self.show_all.setEnabled(switcher is not None)
        self.save_as.setEnabled(switcher is not None and switcher.editable)
        self.manage.setEnabled(switcher is not None)  # read-only, it lists them

    def _apply_uid(self, uid: str) -> None:
        switcher = self._switcher()
        if switcher is not None:
            switcher.apply(uid)
        self.fill()

    def entries(self) -> list[tuple[str, bool, str]]:
        """(text, checked, key) of each entry as the menu shows it, after filling it."""
        self.fill()
        return [
            (a.text().replace("&&", "&"), a.isChecked(), a.shortcut().toString())
            for a in self.menu.actions()
            if not a.isSeparator()
        ]
