"""The modal questions of setting up a product, one function each, so tests
replace a function instead of a blocking dialog (as app/dialogs.py does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QWidget,
)

from pmdesk.app.dialogs import yes_no

translate = QCoreApplication.translate

NO_RELEASE = ""  # the answer "move them to no release"


def confirm_renumber(parent: QWidget, count: int, old: str, new: str) -> bool:
    """Changing the key prefix renames every key: say how many first."""
    text = (
        translate(
            "Setup", "Changing the key prefix renumbers %n key(s): %1-1 becomes %2-1.", "", count
        )
        .replace("%1", old)
        .replace("%2", new)
    )
    return yes_no(parent, translate("Setup", "Change the key prefix"), text)


def ask_release_removal(
    parent: QWidget, name: str, count: int, others: list[tuple[str, str]]
) -> str | None:
    """Where the `count` requirements of release `name` go: the uid of one of
    `others` (uid, name), NO_RELEASE, or None (cancelled)."""
    none = translate("Setup", "No release")
    choices = [none, *(n for _, n in others)]
    text = translate(
        "Setup", "Release “%1” has %n requirement(s). Move them to:", "", count
    ).replace("%1", name)
    chosen, ok = QInputDialog.getItem(
        parent, translate("Setup", "Delete release"), text, choices, 0, False
    )
    if not ok:
        return None
    index = choices.index(chosen)
    return NO_RELEASE if index == 0 else others[index - 1][0]


def confirm_lane_removal(parent: QWidget, name: str) -> bool:
    text = translate("Setup", "Delete lane “%1”? Its requirements go to Unassigned.").replace(
        "%1", name
    )
    return yes_no(parent, translate("Setup", "Delete lane"), text)


def ask_lane_name(parent: QWidget, suggestion: str) -> str | None:
    """The name of a new lane (None or empty: cancelled)."""
    text, ok = QInputDialog.getText(
        parent,
        translate("Setup", "New lane"),
        translate("Setup", "Name of the lane (a theme or a team):"),
        QLineEdit.EchoMode.Normal,
        suggestion,
    )
    return text.strip() if ok else None


def choose_colour(parent: QWidget, current: str | None) -> str | None:
    """A lane's colour as #rrggbb, or None (cancelled)."""
    colour = QColorDialog.getColor(
        QColor(current or "#4c78a8"), parent, translate("Setup", "Lane colour")
    )
    return colour.name() if colour.isValid() else None


def choose_image(parent: QWidget, title: str = "") -> Path | None:
    """A picture file for the logo (or, titled so, a persona's photo), or None (cancelled)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        title or translate("Setup", "Choose a logo"),
        "",
        translate("Setup", "Pictures (*.png *.jpg *.jpeg)"),
    )
    return Path(path) if path else None
