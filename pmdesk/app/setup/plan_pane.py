"""The Plan pane (View ▸ Plan, Project ▸ Releases, Lanes and Milestones…): the
releases, lanes and milestones of the product, in a dock beside the tree.

A dock rather than a dialog: a PM setting up a product keeps it open while
filling in requirements, and picks a release or a lane from it while the tree
and the roadmap stay visible. Three lists, each with its buttons:

- releases: name, dates, status, capacity, goal; new, edit (the release form),
  rename in place (F2), delete (asking where its requirements go), reorder by
  drag or Alt+Up/Down;
- lanes: name and colour; new, rename, colour, delete (its requirements go to
  Unassigned, after a question), reorder;
- milestones: name, date, release; new, edit, rename, delete.

Every change is one undo step pushed through the session; the lists follow the
operations' effects (`ProjectSession.changed`). Read-only, nothing can be changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.merge.text_diff import plain_markdown
from pmdesk.app.setup import questions
from pmdesk.app.setup.milestone_dialog import edit_milestone
from pmdesk.app.setup.plan_list import PlanList
from pmdesk.app.setup.release_dialog import edit_release, form_values
from pmdesk.app.setup.release_removal import remove_release

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.ops import Effect

translate = QCoreApplication.translate


def _status_text(status: str) -> str:
    return {
        "planned": translate("PlanPane", "Planned"),
        "in_progress": translate("PlanPane", "In progress"),
        "released": translate("PlanPane", "Released"),
    }.get(status, status)


def _dates_text(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    return start or end or ""


def swatch(colour: str | None) -> QIcon:
    """A lane's colour as a small square (none: an empty icon)."""
    if not colour:
        return QIcon()
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class PlanPane(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planPane")
        self._session = session
        self.read_only = False
        self.releases = PlanList(
            session,
            "release",
            [
                translate("PlanPane", "Release"),
                translate("PlanPane", "Dates"),
                translate("PlanPane", "Status"),
                translate("PlanPane", "Capacity"),
                translate("PlanPane", "Goal"),
            ],
            self._show_release,
            ordered=True,
            parent=self,
        )
        self.lanes = PlanList(
            session,
            "lane",
            [translate("PlanPane", "Lane")],
            self._show_lane,
            ordered=True,
            parent=self,
        )
        self.milestones = PlanList(
            session,
            "milestone",
            [
                translate("PlanPane", "Milestone"),
                translate("PlanPane", "Date"),
                translate("PlanPane", "Release"),
            ],
            self._show_milestone,
            ordered=False,
            parent=self,
        )
        self.new_release_action = self._action(
            translate("PlanPane", "New Release…"), self.new_release, "list-add"
        )
        self.edit_release_action = self._action(
            translate("PlanPane", "Edit Release…"), self.edit_current_release, "document-properties"
        )
        self.delete_release_action = self._action(
            translate("PlanPane", "Delete Release"), self.delete_release, "edit-delete"
        )
        self.new_lane_action = self._action(
            translate("PlanPane", "New Lane"), self.new_lane, "list-add"
        )
        self.colour_lane_action = self._action(
            translate("PlanPane", "Lane Colour…"), self.colour_lane, "color-picker"
        )
        self.delete_lane_action = self._action(
            translate("PlanPane", "Delete Lane"), self.delete_lane, "edit-delete"
        )
        self.new_milestone_action = self._action(
            translate("PlanPane", "New Milestone…"), self.new_milestone, "list-add"
        )
        self.edit_milestone_action = self._action(
            translate("PlanPane", "Edit Milestone…"),
            self.edit_current_milestone,
            "document-properties",
        )
        self.delete_milestone_action = self._action(
            translate("PlanPane", "Delete Milestone"), self.delete_milestone, "edit-delete"
        )
        self.releases.activated_uid.connect(self.edit_release)
        self.releases.delete_requested.connect(self.delete_release)
        self.lanes.activated_uid.connect(self.rename_lane)
        self.lanes.delete_requested.connect(self.delete_lane)
        self.milestones.activated_uid.connect(self.edit_milestone)
        self.milestones.delete_requested.connect(self.delete_milestone)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for title, plan_list, actions in (
            (
                translate("PlanPane", "&Releases"),
                self.releases,
                (self.new_release_action, self.edit_release_action, self.delete_release_action),
            ),
            (
                translate("PlanPane", "&Lanes"),
                self.lanes,
                (self.new_lane_action, self.colour_lane_action, self.delete_lane_action),
            ),
            (
                translate("PlanPane", "&Milestones"),
                self.milestones,
                (
                    self.new_milestone_action,
                    self.edit_milestone_action,
                    self.delete_milestone_action,
                ),
            ),
        ):
            splitter.addWidget(self._section(title, plan_list, actions))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        session.changed.connect(self._follow)
        self.reload()

    def _action(self, text: str, slot: Any, icon: str) -> QAction:
        action = QAction(QIcon.fromTheme(icon), text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _section(self, title: str, plan_list: PlanList, actions: tuple[QAction, ...]) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(2)
        head = QHBoxLayout()
        label = QLabel(title, box)
        label.setBuddy(plan_list)  # Alt+R, Alt+L, Alt+M go to the list
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        head.addWidget(label, 1)
        for action in actions:
            button = QToolButton(box)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            head.addWidget(button)
        layout.addLayout(head)
        plan_list.setMinimumHeight(24)  # a short window keeps its height: the lists scroll
        layout.addWidget(plan_list, 1)
        plan_list.addActions(list(actions))
        plan_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return box

    # -- what the rows show -------------------------------------------------------------
    def _show_release(self, item: QTreeWidgetItem, v: Mapping[str, Any]) -> None:
        item.setText(0, v["name"])
        item.setText(1, _dates_text(v.get("start"), v.get("end")))
        item.setText(2, _status_text(v.get("status", "planned")))
        capacity = v.get("capacity")
        item.setText(3, "" if capacity is None else f"{capacity:g}")
        goal = plain_markdown(v.get("goal", ""))  # a line of Markdown, read without its marks
        item.setText(4, goal)
        item.setToolTip(4, goal)

    def _show_lane(self, item: QTreeWidgetItem, v: Mapping[str, Any]) -> None:
        item.setText(0, v["name"])
        item.setIcon(0, swatch(v.get("colour")))

    def _show_milestone(self, item: QTreeWidgetItem, v: Mapping[str, Any]) -> None:
        item.setText(0, v["name"])
        item.setText(1, v.get("date") or "")
        release = v.get("release")
        names = self.releases.values
        item.setText(2, names[release]["name"] if release in names else "")

    # -- reading and following -------------------------------------------------------
    def reload(self) -> None:
        """Read all three lists (when the pane is made, and after a merge reloads)."""
        project = self._session.project
        self.releases.fill([(r.uid, form_values(r)) for r in project.releases()])
        self.lanes.fill([(r.uid, {"name": r.name, "colour": r.colour}) for r in project.lanes()])
        self.milestones.fill(
            [
                (m.uid, {"name": m.name, "date": m.date, "release": m.release})
                for m in project.milestones()
            ]
        )

    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if any(e.action == "reloaded" for e in effects):
            self.reload()
            return
        project = self._session.project
        if self.releases.follow(effects, lambda: [r.uid for r in project.releases()]):
            self.milestones.refresh()  # they show their release's name
        self.lanes.follow(effects, lambda: [r.uid for r in project.lanes()])
        self.milestones.follow(effects, lambda: [m.uid for m in project.milestones()])
        if any(e.entity == "milestone" and "date" in e.fields for e in effects):
            self.milestones.arrange([m.uid for m in project.milestones()])  # by date

    def lock_editing(self) -> None:
        """Read-only: nothing here can change (the editors still show a release
        or a milestone, unchangeable)."""
        self.read_only = True
        for plan_list in (self.releases, self.lanes, self.milestones):
            plan_list.lock_editing()
        for action in (
            self.new_release_action,
            self.delete_release_action,
            self.new_lane_action,
            self.colour_lane_action,
            self.delete_lane_action,
            self.new_milestone_action,
            self.delete_milestone_action,
        ):
            action.setEnabled(False)
        self.edit_release_action.setText(translate("PlanPane", "Show Release…"))
        self.edit_milestone_action.setText(translate("PlanPane", "Show Milestone…"))

    # -- releases ------------------------------------------------------------------------
    def new_release(self, defaults: Mapping[str, Any] | None = None) -> bool:
        if edit_release(self, self._session, None, defaults):
            self.releases.select_uid(self.releases.uids()[-1] if self.releases.uids() else None)
            return True
        return False

    def edit_release(self, uid: str) -> bool:
        return edit_release(self, self._session, uid)

    def edit_current_release(self) -> bool:
        uid = self.releases.current_uid()
        return uid is not None and self.edit_release(uid)

    def delete_release(self) -> bool:
        """Delete the current release, asking where its requirements go."""
        uid = self.releases.current_uid()
        return uid is not None and remove_release(self, self._session, uid)

    # -- lanes ------------------------------------------------------------------------------
    def new_lane(self) -> bool:
        """A new lane at the end, named first (one undo step)."""
        from pmdesk.core.ops import Create

        if self._session.refuse_if_read_only():
            return False
        name = questions.ask_lane_name(self, translate("PlanPane", "New lane"))
        if not name:
            return False
        uid = str(uuid.uuid4())
        if not self._session.push(Create("lane", uid, {"name": name})):
            return False
        self.lanes.select_uid(uid)
        return True

    def rename_lane(self, uid: str) -> None:
        """Enter or a double-click on a lane: its name, ready to type (a lane has
        no form: its colour is Lane Colour…)."""
        item = self.lanes.item_of(uid)
        if item is not None and not self.read_only:
            self.lanes.editItem(item, 0)

    def colour_lane(self) -> bool:
        from pmdesk.core.ops import Update

        uid = self.lanes.current_uid()
        if uid is None or self._session.refuse_if_read_only():
            return False
        colour = questions.choose_colour(self, self.lanes.values[uid].get("colour"))
        return colour is not None and self._session.push(Update("lane", uid, {"colour": colour}))

    def delete_lane(self) -> bool:
        from pmdesk.core.ops import Remove

        uid = self.lanes.current_uid()
        if uid is None or self._session.refuse_if_read_only():
            return False
        if not questions.confirm_lane_removal(self, self.lanes.values[uid]["name"]):
            return False
        return self._session.push(Remove((("lane", uid),)))

    # -- milestones --------------------------------------------------------------------------
    def new_milestone(self, defaults: Mapping[str, Any] | None = None) -> bool:
        """A milestone of the release chosen in the list, on its last day (its
        release date) until the user picks another."""
        release = self.releases.current_uid()
        chosen: dict[str, Any] = {"release": release}
        end = self.releases.values[release].get("end") if release is not None else None
        if end:
            chosen["date"] = end
        return edit_milestone(self, self._session, None, {**chosen, **(defaults or {})})

    def edit_milestone(self, uid: str) -> bool:
        return edit_milestone(self, self._session, uid)

    def edit_current_milestone(self) -> bool:
        uid = self.milestones.current_uid()
        return uid is not None and self.edit_milestone(uid)

    def delete_milestone(self) -> bool:
        from pmdesk.core.ops import Remove

        uid = self.milestones.current_uid()
        if uid is None:
            return False
        return self._session.push(Remove((("milestone", uid),)))
