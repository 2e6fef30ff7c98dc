"""The questions the saved views ask (a name, replacing a view, deleting one), one
function each so that tests answer them instead of a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

translate = QCoreApplication.translate


def ask_view_name(parent: QWidget, title: str, text: str = "") -> str | None:
    """A view's name typed by the user (stripped), or None when cancelled or empty."""
    label = translate("SavedViews", "Name of the view:")
    name, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    name = " ".join(name.split())
    return name if ok and name else None


def confirm_replace(parent: QWidget, name: str) -> bool:
    """Another view has that name already: replace what it shows?"""
    answer = QMessageBox.question(
        parent,
        translate("SavedViews", "Replace View"),
        translate(
            "SavedViews",
            "A view named “%1” exists. Replace its filter, columns, grouping and sort "
            "with the current ones?",
        ).replace("%1", name),
    )
    return answer == QMessageBox.StandardButton.Yes
