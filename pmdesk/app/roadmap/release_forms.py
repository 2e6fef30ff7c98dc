"""The one place the roadmap opens the release and milestone forms.

The forms themselves belong to the setup dialogs (`edit_release(parent, session,
uid | None, defaults) -> bool`, `edit_milestone(...)`); until they are there, a
new release or milestone is asked for its name only (its dates come from where
the user clicked) and editing one renames it. Each pushes one operation and
says whether something changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pmdesk.app.roadmap import questions
from pmdesk.app.session import ProjectSession
from pmdesk.core.ops import Create, Update

translate = QCoreApplication.translate


def edit_release(
    parent: QWidget,
    session: ProjectSession,
    uid: str | None,
    defaults: Mapping[str, Any],
) -> bool:
    """Create a release with `defaults` (name, start, end) or edit release `uid`."""
    old = str(defaults.get("name", ""))
    name = questions.ask_name(
        parent,
        translate("RoadmapForms", "New release")
        if uid is None
        else translate("RoadmapForms", "Edit release"),
        translate("RoadmapForms", "Release name:"),
        old,
    )
    if name is None:
        return False
    if uid is None:
        values = {**defaults, "name": name}
        return session.push(Create("release", str(uuid.uuid4()), values))
    return session.push(Update("release", uid, {"name": name}))


def edit_milestone(
    parent: QWidget,
    session: ProjectSession,
    uid: str | None,
    defaults: Mapping[str, Any],
) -> bool:
    """Create a milestone with `defaults` (name, date, release) or rename milestone `uid`."""
    old = str(defaults.get("name", ""))
    name = questions.ask_name(
        parent,
        translate("RoadmapForms", "New milestone")
        if uid is None
        else translate("RoadmapForms", "Rename milestone"),
        translate("RoadmapForms", "Milestone name:"),
        old,
    )
    if name is None:
        return False
    if uid is None:
        values = {**defaults, "name": name}
        return session.push(Create("milestone", str(uuid.uuid4()), values))
    return session.push(Update("milestone", uid, {"name": name}))
