"""A read-only project in the window: every way of editing is switched off.

The core refuses edits of a read-only working copy anyway (and the session
reports the refusal); this makes the refusal visible up front, so nobody types
into a field only to be told no. Inputs become read-only and look it — the
window's background colour instead of the white of a field one can type in,
no caret, no spin buttons — while their text can still be selected and copied;
choices and command buttons are disabled, item views neither edit nor drag.
Checkable tool buttons (Edit/Preview) and tab bars only change what is shown,
so they stay. A widget that knows better (a list whose buttons follow its
selection) locks itself: it has a `lock_editing()` method, called instead.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


@runtime_checkable
class LocksItself(Protocol):
    def lock_editing(self) -> None: ...


def lock_editing(root: QWidget) -> None:
    """Switch off editing in `root` and everything inside it (a `root` that
    locks itself calls this on itself: its own method is not called again)."""
    locked_by_owner: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if any(owner.isAncestorOf(widget) for owner in locked_by_owner):
            continue
        if widget is not root and isinstance(widget, LocksItself):
            widget.lock_editing()
            locked_by_owner.append(widget)
        elif isinstance(widget, QAbstractSpinBox):
            widget.setReadOnly(True)
            widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            look_read_only(widget)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            widget.setReadOnly(True)
            # A spin box's or combo's own edit follows its owner; a preview shows a
            # rendered page, never an input, and keeps its page colour.
            owned = isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
            if not owned and not isinstance(widget, QTextBrowser):
                look_read_only(widget)
        elif isinstance(widget, (QComboBox, QAbstractButton)) and not _shows_only(widget):
            widget.setEnabled(False)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)


def look_read_only(widget: QWidget) -> None:
    """Paint `widget`'s field in the window's colour, as a field nobody can type in,
    and keep doing so when the theme changes."""
    widget.setPalette(_read_only_palette())
    if widget.findChild(_FollowTheme, options=_DIRECT) is None:
        widget.installEventFilter(_FollowTheme(widget))


def _read_only_palette() -> QPalette:
    palette = QApplication.palette()
    for group in (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    ):
        window = palette.color(group, QPalette.ColorRole.Window)
        palette.setColor(group, QPalette.ColorRole.Base, window)
        palette.setColor(group, QPalette.ColorRole.AlternateBase, window.darker(104))
    return palette


class _FollowTheme(QObject):
    """Computes the read-only palette again from the new application palette."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and isinstance(watched, QWidget):
            watched.setPalette(_read_only_palette())
        return False


def _shows_only(widget: QWidget) -> bool:
    """A checkable tool button switches what is shown (Edit/Preview), not data."""
    return isinstance(widget, QToolButton) and widget.isCheckable()
