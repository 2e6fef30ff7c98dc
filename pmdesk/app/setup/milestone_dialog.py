"""One milestone in a form: name, date and the release it belongs to.

The form is drawn in Qt Designer (ui/milestone.ui). `edit_milestone` is what the
plan and the roadmap call; OK is one undo step (a `Create`, or an `Update`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from pmdesk.app.forms.ui_milestone import Ui_MilestoneDialog
from pmdesk.app.setup.release_dialog import from_qdate, push_form, read_only_reason, to_qdate

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession

translate = QCoreApplication.translate


class MilestoneDialog(QDialog):
    def __init__(
        self,
        values: Mapping[str, Any],
        releases: list[tuple[str, str]],
        *,
        read_only: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`values`: name, date, release (a uid); `releases`: (uid, name) to
        choose from; `read_only`: why nothing can be changed (None: it can)."""
        super().__init__(parent)
        form = Ui_MilestoneDialog()
        form.setupUi(self)
        self.name: QLineEdit = form.name
        self.dated: QCheckBox = form.dated
        self.date: QDateEdit = form.date
        self.release: QComboBox = form.release
        self.read_only_note: QLabel = form.read_only_note
        self.buttons: QDialogButtonBox = form.buttons
        self.name.setText(values.get("name", ""))
        date = values.get("date")
        self.dated.setChecked(bool(date))
        self.date.setDate(to_qdate(date, dt.date.today()))
        self.date.setEnabled(bool(date))
        self.dated.toggled.connect(self.date.setEnabled)
        self.release.addItem(translate("MilestoneDialog", "No release"), None)
        for uid, name in releases:
            self.release.addItem(name, uid)
        self.release.setCurrentIndex(max(0, self.release.findData(values.get("release"))))
        self.name.selectAll()
        self.name.setFocus()
        if read_only is not None:
            for widget in (self.name, self.dated, self.date, self.release):
                widget.setEnabled(False)
            self.read_only_note.setText(read_only)
            self.read_only_note.setVisible(True)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "date": from_qdate(self.date.date()) if self.dated.isChecked() else None,
            "release": self.release.currentData(),
        }

    def accept(self) -> None:
        if not self.name.isEnabled():  # read-only
            super().reject()
            return
        if not self.name.text().strip():
            self.name.setFocus()
            return
        super().accept()


def edit_milestone(
    parent: QWidget,
    session: ProjectSession,
    uid: str | None,
    defaults: Mapping[str, Any] | None = None,
) -> bool:
    """Create (`uid` None) or edit a milestone in its form; `defaults` fill a new
    one's fields (name, date, release). True when OK pushed one undo step. A new
    milestone in a read-only project is refused at once; an existing one is
    shown, unchangeable."""

    releases = [(r.uid, r.name) for r in session.project.releases()]
    if uid is None:
        if session.refuse_if_read_only():
            return False
        before: dict[str, Any] = {
            "name": translate("MilestoneDialog", "Milestone"),
            "date": dt.date.today().isoformat(),
            "release": None,
            **(defaults or {}),
        }
    else:
        found = next((m for m in session.project.milestones() if m.uid == uid), None)
        if found is None:
            return False
        before = {"name": found.name, "date": found.date, "release": found.release}
    dialog = MilestoneDialog(before, releases, read_only=read_only_reason(session), parent=parent)
    dialog.setWindowTitle(
        translate("MilestoneDialog", "New Milestone")
        if uid is None
        else translate("MilestoneDialog", "Milestone “%1”").replace("%1", before["name"])
    )
    return push_form(session, "milestone", uid, before, dialog)
