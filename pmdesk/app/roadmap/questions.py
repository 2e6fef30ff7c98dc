"""The questions the roadmap's edits ask (a name, a colour, deleting a lane), one
function each so that tests answer them instead of a modal dialog. Deleting a
release asks what the Plan pane asks (setup.release_removal)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from pmdesk.app.roadmap.texts import fill

translate = QCoreApplication.translate


def ask_name(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A name typed by the user (stripped), or None when cancelled or left empty."""
    name, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    name = name.strip()
    return name if ok and name else None


def ask_colour(parent: QWidget, current: str | None) -> str | None:
    """A colour as "#rrggbb", or None when cancelled."""
    colour = QColorDialog.getColor(
        QColor(current or "#5b8def"), parent, translate("RoadmapQuestions", "Lane colour")
    )
    return colour.name() if colour.isValid() else None


def confirm_delete_lane(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("RoadmapQuestions", "Delete lane"),
        fill(
            translate("RoadmapQuestions", "Delete lane “%1”? Its requirements go to Unassigned."),
            name,
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
