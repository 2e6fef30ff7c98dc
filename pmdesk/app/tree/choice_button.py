"""A filter field with several values: a button opening a list of check boxes.

The button says what is chosen: the field's name (nothing chosen: any value),
the one value, or "3 statuses". Ticking a value keeps the list open, so a PM
picks several in one go; Escape or a click outside closes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget


class _StayingMenu(QMenu):
    """A menu whose check boxes toggle without closing it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class ChoiceButton(QToolButton):
    changed = Signal()

    def __init__(self, name: str, several: Callable[[int], str], parent: QWidget | None = None):
        """`name` shows while nothing is chosen; `several(n)` says "n statuses"."""
        super().__init__(parent)
        self._name = name
        self._several = several
        self.setToolTip(name)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = _StayingMenu(self)
        self.setMenu(self.menu_)
        self._clear = QAction(self.tr("Any"), self)
        self._clear.triggered.connect(self.clear)
        self._actions: list[QAction] = []
        self._show()

    def set_items(self, items: Iterable[tuple[str, str]]) -> None:
        """The values to choose from (text, value); chosen ones still there stay."""
        chosen = self.values()
        menu = self.menu_
        menu.clear()
        menu.addAction(self._clear)
        menu.addSeparator()
        self._actions = []
        for text, value in items:
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(value in chosen)
            action.setData(value)
            action.toggled.connect(self._toggled)
            menu.addAction(action)
            self._actions.append(action)
        self._show()
        if self.values() != chosen:
            self.changed.emit()

    def items(self) -> list[tuple[str, str]]:
        return [(a.text(), a.data()) for a in self._actions]

    def values(self) -> frozenset[str]:
        return frozenset(a.data() for a in self._actions if a.isChecked())

    def set_values(self, values: Iterable[str]) -> None:
        wanted = set(values)
        if wanted == self.values():
            return
        for action in self._actions:
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
        self._show()
        self.changed.emit()

    def action_for(self, value: str) -> QAction | None:
        return next((a for a in self._actions if a.data() == value), None)

    def clear(self) -> None:
        self.set_values(())

    def _toggled(self) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        chosen = [a.text() for a in self._actions if a.isChecked()]
        if not chosen:
            self.setText(self._name)
        elif len(chosen) == 1:
            self.setText(chosen[0])
        else:
            self.setText(self._several(len(chosen)))
        self.setToolTip(self._name + (": " + ", ".join(chosen) if chosen else ""))
        font = self.font()
        font.setBold(bool(chosen))  # a field that filters stands out
        self.setFont(font)
