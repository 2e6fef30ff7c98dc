"""Deleting a release, the same from the Plan pane and from the roadmap: one undo
step (`RemoveRelease`), with a question first only when requirements are planned
in it — how many, and which release they go to (or none)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from pmdesk.app.setup import questions

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.ops import Operation

RELEASE_COLUMN = 8  # of a tree row (core.queries.TREE_COLUMNS): the release's uid


def requirements_in(session: ProjectSession, uid: str) -> int:
    """How many requirements are planned in release `uid`."""
    return sum(1 for row in session.project.tree_rows() if row[RELEASE_COLUMN] == uid)


def remove_release(
    parent: QWidget,
    session: ProjectSession,
    uid: str,
    push: Callable[[Operation], bool] | None = None,
) -> bool:
    """Delete release `uid` (`push`: how the caller pushes an operation, the
    session's by default). True when it was deleted; False when refused
    (read-only), cancelled, or gone."""
    from pmdesk.core.ops import RemoveRelease

    if session.refuse_if_read_only():
        return False
    releases = {r.uid: r.name for r in session.project.releases()}
    if uid not in releases:
        return False
    move_to: str | None = None
    count = requirements_in(session, uid)
    if count:
        others = [(u, name) for u, name in releases.items() if u != uid]
        answer = questions.ask_release_removal(parent, releases[uid], count, others)
        if answer is None:
            return False
        move_to = answer or None
    return (push or session.push)(RemoveRelease(uid, move_to))
