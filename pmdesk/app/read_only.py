"""A read-only project in the window: every way of editing is switched off.

The core refuses edits of a read-only working copy anyway (and the session
reports the refusal); this makes the refusal visible up front, so nobody types
into a field only to be told no. Inputs become read-only (text can still be
selected and copied), choices and command buttons are disabled, item views
neither edit nor drag. Checkable tool buttons (Edit/Preview) and tab bars only
change what is shown, so they stay.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)


def lock_editing(root: QWidget) -> None:
    """Switch off editing in `root` and everything inside it."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            widget.setReadOnly(True)
        elif isinstance(widget, (QComboBox, QAbstractButton)) and not _shows_only(widget):
            widget.setEnabled(False)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)


def _shows_only(widget: QWidget) -> bool:
    """A checkable tool button switches what is shown (Edit/Preview), not data."""
    return isinstance(widget, QToolButton) and widget.isCheckable()
