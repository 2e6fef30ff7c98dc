"""Releases, milestones and lanes edited on the roadmap: the context menus of the
axis, the release bands, the milestones and the lane names, and the operations
their drags and keys become.

Every edit is one core operation pushed through the session (one undo step,
named by core for what it did, e.g. "Move release v1.1 to 2027-04-05 – 2027-06-30",
as the Plan pane's edits are). New and edited releases and milestones go through
setup's forms (`setup.release_dialog`, `setup.milestone_dialog`), from `_form`.
In a read-only window the menus show their entries disabled and drags do nothing
(the view's `read_only`); the session refuses an edit that comes anyway.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from pmdesk.app.roadmap import questions
from pmdesk.app.roadmap.keys import snap_date, step_date
from pmdesk.app.roadmap.view import RoadmapView
from pmdesk.app.session import ProjectSession
from pmdesk.app.setup.milestone_dialog import edit_milestone
from pmdesk.app.setup.release_dialog import edit_release
from pmdesk.app.setup.release_removal import remove_release
from pmdesk.core.ops import Create, Move, Operation, Remove, Update
from pmdesk.core.roadmap.layout import Band, Diamond, LaneRows, RoadmapLayout


class EditedPane(Protocol):
    """What the editing uses of the pane (`pane.RoadmapPane`)."""

    session: ProjectSession
    view: RoadmapView
    pushing: bool
    layout_shown: RoadmapLayout | None

    @property
    def release_names(self) -> dict[str, str]: ...
    def push(self, op: Operation, text: str | None = None) -> bool: ...


NEW_RELEASE_WEEKS = 4  # a release made on the roadmap spans this long until changed
Form = Callable[[QWidget, ProjectSession, str | None, Mapping[str, Any]], bool]


class RoadmapEditing(QObject):
    """What the pane does for the timeline's margins and menus."""

    def __init__(self, pane: EditedPane, widget: QWidget) -> None:
        super().__init__(widget)
        self.pane = pane
        self.widget = widget  # the parent of menus and questions
        self.menu: QMenu | None = None  # the context menu shown last (tests click in it)
        margins = pane.view.margins
        margins.release_changed.connect(self.set_release_dates)
        margins.milestone_moved.connect(self.move_milestone)
        margins.lane_moved.connect(self.move_lane)
        margins.menu_requested.connect(self.show_menu)
        margins.milestone_requested.connect(self.new_milestone)
        margins.release_activated.connect(self.edit_release)
        margins.milestone_activated.connect(self.edit_milestone)
        margins.release_delete_requested.connect(self.delete_release)

    # -- what is shown ---------------------------------------------------------------
    def _band(self, uid: str) -> Band | None:
        layout = self.pane.layout_shown
        return next((b for b in layout.bands if b.uid == uid), None) if layout else None

    def _milestone(self, uid: str) -> Diamond | None:
        layout = self.pane.layout_shown
        return next((m for m in layout.milestones if m.uid == uid), None) if layout else None

    def _lane(self, uid: str) -> tuple[int, LaneRows] | None:
        layout = self.pane.layout_shown
        lanes = layout.lanes if layout else ()
        return next(((i, lane) for i, lane in enumerate(lanes) if lane.uid == uid), None)

    def _refused(self) -> bool:
        """True in a read-only window (said once by the session), before any question."""
        return self.pane.view.read_only or self.pane.session.refuse_if_read_only()

    def _push(self, op: Operation) -> bool:
        """One undo step, named by the operation ("Move release v1.1 to …")."""
        return self.pane.push(op)

    # -- menus -----------------------------------------------------------------------
    def show_menu(self, kind: str, uid: str | None, day: dt.date | None, where: QPoint) -> None:
        """The context menu of what was right-clicked, at `where` (global)."""
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        menu = self.menu = QMenu(self.widget)
        menu.setObjectName("roadmapMenu")
        if kind == "lane":
            self._lane_menu(menu, uid)
        elif kind == "milestone" and uid is not None:
            self._milestone_menu(menu, uid)
        else:
            self._axis_menu(menu, uid if kind == "release" else None, day)
        if self.pane.view.read_only or self.pane.session.read_only:
            for action in menu.actions():
                action.setEnabled(False)
        menu.popup(where)

    def _add(self, menu: QMenu, text: str, slot: Any) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _axis_menu(self, menu: QMenu, release: str | None, day: dt.date | None) -> None:
        if day is not None:
            self._add(menu, self.tr("New Release Here…"), lambda: self.new_release(day))
            # On a band, the milestone is that release's (a beta, a code freeze).
            self._add(
                menu, self.tr("New Milestone Here…"), lambda: self.new_milestone(day, release)
            )
        if release is not None:
            menu.addSeparator()
            self._add(menu, self.tr("Edit Release…"), lambda: self.edit_release(release))
            self._add(menu, self.tr("Delete Release…"), lambda: self.delete_release(release))

    def _milestone_menu(self, menu: QMenu, uid: str) -> None:
        self._add(menu, self.tr("Edit Milestone…"), lambda: self.edit_milestone(uid))
        self._add(menu, self.tr("Rename…"), lambda: self.rename_milestone(uid))
        link = menu.addMenu(self.tr("Link to Release"))
        link.setObjectName("roadmapLinkMenu")
        milestone = self._milestone(uid)
        current = milestone.release_uid if milestone is not None else None
        names = self.pane.release_names
        for release, name in [(None, self.tr("No release")), *names.items()]:
            action = self._add(link, name, lambda _=False, r=release: self.link_milestone(uid, r))
            action.setCheckable(True)
            action.setChecked(release == current)
        menu.addSeparator()
        self._add(menu, self.tr("Delete Milestone"), lambda: self.delete_milestone(uid))

    def _lane_menu(self, menu: QMenu, uid: str | None) -> None:
        if uid is not None:
            self._add(menu, self.tr("Rename Lane…"), lambda: self.rename_lane(uid))
            self._add(menu, self.tr("Colour…"), lambda: self.colour_lane(uid))
        self._add(menu, self.tr("New Lane…"), lambda: self.new_lane(uid))
        if uid is not None:
            menu.addSeparator()
            self._add(menu, self.tr("Delete Lane…"), lambda: self.delete_lane(uid))

    # -- releases --------------------------------------------------------------------
    def new_release(self, day: dt.date) -> bool:
        """A release from `day` (snapped), some weeks long, named by the user."""
        snap = self.pane.view.snap
        start = snap_date(day, snap)
        end = start + dt.timedelta(weeks=NEW_RELEASE_WEEKS, days=-1)
        if snap == "week":
            end = step_date(end - dt.timedelta(days=1), "week", 1, end=True)
        defaults = {"start": start.isoformat(), "end": end.isoformat()}  # the name: the next
        return self._form(edit_release, None, defaults)

    def edit_release(self, uid: str) -> bool:
        return self._form(edit_release, uid, {})

    def _form(self, form: Form, uid: str | None, defaults: dict[str, Any]) -> bool:
        """Open the release or milestone form (setup's): OK pushes one operation."""
        if self._refused():
            return False
        self.pane.pushing = True
        try:
            return form(self.widget, self.pane.session, uid, defaults)
        finally:
            self.pane.pushing = False

    def set_release_dates(self, uid: str, start: dt.date, end: dt.date) -> bool:
        """A band dragged or nudged: its release's dates (undated requirements follow)."""
        band = self._band(uid)
        if band is None:
            return False
        values = {}
        if start != band.start:
            values["start"] = start.isoformat()
        if end != band.end:
            values["end"] = end.isoformat()
        return bool(values) and self._push(Update("release", uid, values))

    def delete_release(self, uid: str) -> bool:
        """As the Plan pane does: asked where its requirements go, if it has any."""
        if self._refused():
            return False
        return remove_release(self.widget, self.pane.session, uid, self._push)

    # -- milestones ------------------------------------------------------------------
    def new_milestone(self, day: dt.date, release: str | None = None) -> bool:
        """A milestone on `day` (snapped), of `release` if one is given."""
        defaults = {"date": snap_date(day, self.pane.view.snap).isoformat(), "release": release}
        return self._form(edit_milestone, None, defaults)

    def edit_milestone(self, uid: str) -> bool:
        return self._form(edit_milestone, uid, {})

    def rename_milestone(self, uid: str) -> bool:
        milestone = self._milestone(uid)
        if milestone is None or self._refused():
            return False
        name = questions.ask_name(
            self.widget, self.tr("Rename milestone"), self.tr("Milestone name:"), milestone.name
        )
        return name is not None and self._push(Update("milestone", uid, {"name": name}))

    def move_milestone(self, uid: str, day: dt.date) -> bool:
        milestone = self._milestone(uid)
        if milestone is None:
            return False
        return self._push(Update("milestone", uid, {"date": day.isoformat()}))

    def link_milestone(self, uid: str, release: str | None) -> bool:
        return self._push(Update("milestone", uid, {"release": release}))

    def delete_milestone(self, uid: str) -> bool:
        return self._push(Remove((("milestone", uid),)))

    # -- lanes -----------------------------------------------------------------------
    def move_lane(self, uid: str, index: int) -> bool:
        return self._push(Move("lane", uid, index=index))

    def rename_lane(self, uid: str) -> bool:
        found = self._lane(uid)
        if found is None or self._refused():
            return False
        old = found[1].name or ""
        name = questions.ask_name(self.widget, self.tr("Rename lane"), self.tr("Lane name:"), old)
        if name is None:
            return False
        return self._push(Update("lane", uid, {"name": name}))

    def colour_lane(self, uid: str) -> bool:
        found = self._lane(uid)
        if found is None or self._refused():
            return False
        colour = questions.ask_colour(self.widget, found[1].colour)
        if colour is None:
            return False
        return self._push(Update("lane", uid, {"colour": colour}))

    def new_lane(self, after: str | None) -> bool:
        """A lane below `after` (None: below the others)."""
        if self._refused():
            return False
        name = questions.ask_name(self.widget, self.tr("New lane"), self.tr("Lane name:"))
        if name is None:
            return False
        found = self._lane(after) if after is not None else None
        index = found[0] + 1 if found is not None else None
        return self._push(Create("lane", str(uuid.uuid4()), {"name": name}, index=index))

    def delete_lane(self, uid: str) -> bool:
        found = self._lane(uid)
        if found is None or self._refused():
            return False
        name = found[1].name or ""
        if not questions.confirm_delete_lane(self.widget, name):
            return False
        return self._push(Remove((("lane", uid),)))
