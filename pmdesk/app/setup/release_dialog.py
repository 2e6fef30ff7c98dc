"""One release in a form: name, dates, status, capacity and goal.

The form is drawn in Qt Designer (ui/release.ui). `edit_release` is what the
plan and the roadmap call: a new release (uid None) or an existing one, OK is
one undo step (a `Create`, or an `Update` of what changed).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from pmdesk.app.forms.ui_release import Ui_ReleaseDialog

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.queries.setup import ReleaseRecord

translate = QCoreApplication.translate

STATUSES = ("planned", "in_progress", "released")  # the order of the form's status choices
ERROR_STYLE = "color: #b02a37;"
RELEASE_DAYS = 91  # a new release lasts about a quarter


def to_qdate(text: str | None, fallback: dt.date) -> QDate:
    day = dt.date.fromisoformat(text) if text else fallback
    return QDate(day.year, day.month, day.day)


def from_qdate(date: QDate) -> str:
    return dt.date(date.year(), date.month(), date.day()).isoformat()


def next_name(names: list[str]) -> str:
    """A name for the next release: the last one's last number plus one
    ("v1.1" after "v1.0", "Sprint 4" after "Sprint 3"), else "v1.0"."""
    for name in reversed(names):
        found = list(re.finditer(r"\d+", name))
        if found:
            last = found[-1]
            return f"{name[: last.start()]}{int(last.group()) + 1}{name[last.end() :]}"
    return "v1.0"


def new_release_defaults(session: ProjectSession) -> dict[str, Any]:
    """What a new release starts with: the next name, and dates right after the
    latest release (or from today), about a quarter long."""
    releases = session.project.releases()
    ends = [dt.date.fromisoformat(r.end) for r in releases if r.end]
    start = max(ends) + dt.timedelta(days=1) if ends else dt.date.today()
    end = start + dt.timedelta(days=RELEASE_DAYS - 1)
    return {
        "name": next_name([r.name for r in releases]),
        "start": start.isoformat(),
        "end": end.isoformat(),
    }


class ReleaseDialog(QDialog):
    def __init__(
        self,
        values: Mapping[str, Any],
        *,
        read_only: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`values`: the release's fields (name, start, end, status, capacity,
        goal); `read_only`: why nothing can be changed (None: it can)."""
        super().__init__(parent)
        form = Ui_ReleaseDialog()
        form.setupUi(self)
        self.name: QLineEdit = form.name
        self.dated: QCheckBox = form.dated
        self.start: QDateEdit = form.start
        self.end: QDateEdit = form.end
        self.status: QComboBox = form.status
        self.capacity: QDoubleSpinBox = form.capacity
        self.goal: QLineEdit = form.goal
        self.dates_note: QLabel = form.dates_note
        self.read_only_note: QLabel = form.read_only_note
        self.buttons: QDialogButtonBox = form.buttons
        assert self.status.count() == len(STATUSES), "ui/release.ui and the code disagree"
        for index, status in enumerate(STATUSES):
            self.status.setItemData(index, status)
        today = dt.date.today()
        self.name.setText(values.get("name", ""))
        start, end = values.get("start"), values.get("end")
        self.dated.setChecked(bool(start or end))
        self.start.setDate(to_qdate(start or end, today))
        self.end.setDate(to_qdate(end or start, today))
        self.status.setCurrentIndex(max(0, self.status.findData(values.get("status", "planned"))))
        capacity = values.get("capacity")
        self.capacity.setValue(capacity if capacity is not None else 0.0)
        self.goal.setText(values.get("goal", ""))
        self.dated.toggled.connect(self._dated)
        self._dated(self.dated.isChecked())
        self.name.selectAll()
        self.name.setFocus()
        if read_only is not None:
            for widget in (*self._fields(), self.dated):
                widget.setEnabled(False)
            self.read_only_note.setText(read_only)
            self.read_only_note.setVisible(True)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _fields(self) -> tuple[QWidget, ...]:
        return (self.name, self.start, self.end, self.status, self.capacity, self.goal)

    def _dated(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)

    def values(self) -> dict[str, Any]:
        dated = self.dated.isChecked()
        return {
            "name": self.name.text().strip(),
            "start": from_qdate(self.start.date()) if dated else None,
            "end": from_qdate(self.end.date()) if dated else None,
            "status": self.status.currentData(),
            "capacity": self.capacity.value() or None,  # 0: not set
            "goal": self.goal.text().strip(),
        }

    def problem(self) -> str | None:
        values = self.values()
        if not values["name"]:
            return translate("ReleaseDialog", "A release needs a name.")
        if values["start"] and values["end"] and values["start"] > values["end"]:
            return translate("ReleaseDialog", "The release ends before it starts.")
        return None

    def accept(self) -> None:
        if not self.name.isEnabled():  # read-only
            super().reject()
            return
        problem = self.problem()
        if problem is not None:
            self.dates_note.setStyleSheet(ERROR_STYLE)
            self.dates_note.setText(problem)
            return
        super().accept()


def form_values(r: ReleaseRecord) -> dict[str, Any]:
    """A release as its form and the Plan pane's list hold it."""
    return {
        "name": r.name,
        "start": r.start,
        "end": r.end,
        "status": r.status,
        "capacity": r.capacity,
        "goal": r.goal,
    }


def release_values(session: ProjectSession, uid: str) -> dict[str, Any] | None:
    for r in session.project.releases():
        if r.uid == uid:
            return form_values(r)
    return None


def read_only_reason(session: ProjectSession) -> str | None:
    if not session.read_only:
        return None
    return translate("ReleaseDialog", "%1 is open read-only: nothing can be changed here.").replace(
        "%1", session.path.name
    )


def edit_release(
    parent: QWidget,
    session: ProjectSession,
    uid: str | None,
    defaults: Mapping[str, Any] | None = None,
) -> bool:
    """Create (`uid` None) or edit a release in its form; `defaults` fill a new
    one's fields (name, start, end, status, capacity, goal; the rest from the
    project: the next name, dates after the last release). True when OK pushed
    one undo step. A new release in a read-only project is refused at once; an
    existing one is shown, unchangeable."""

    if uid is None:
        if session.refuse_if_read_only():
            return False
        before: dict[str, Any] = {**new_release_defaults(session), **(defaults or {})}
    else:
        found = release_values(session, uid)
        if found is None:
            return False
        before = found
    dialog = ReleaseDialog(before, read_only=read_only_reason(session), parent=parent)
    dialog.setWindowTitle(
        translate("ReleaseDialog", "New Release")
        if uid is None
        else translate("ReleaseDialog", "Release “%1”").replace("%1", before["name"])
    )
    return push_form(session, "release", uid, before, dialog)


class EntityForm(Protocol):
    def exec(self) -> int: ...
    def values(self) -> dict[str, Any]: ...
    def deleteLater(self) -> None: ...


def push_form(
    session: ProjectSession,
    entity: str,
    uid: str | None,
    before: Mapping[str, Any],
    form: EntityForm,
) -> bool:
    """Show `form`; on OK create the `entity` (`uid` None) or update the fields it
    changed, as one undo step. False: cancelled, nothing changed, or read-only."""
    from pmdesk.core.ops import Create, Update  # the database layer loads after the tree

    accepted = form.exec() == QDialog.DialogCode.Accepted
    after = form.values()
    form.deleteLater()
    if not accepted or session.read_only:
        return False
    if uid is None:
        return session.push(Create(entity, str(uuid.uuid4()), after))
    changed = {k: v for k, v in after.items() if v != before.get(k)}
    return bool(changed) and session.push(Update(entity, uid, changed))
