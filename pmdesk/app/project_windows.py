"""Windows that belong to the open project (the change log, the baselines): one
of each per project, raised when asked again, closed with the project."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession


W = TypeVar("W", bound=QWidget)


def show_project_window(
    parent: QWidget,
    kind: type[W],
    session: ProjectSession,
    make: Callable[[], W],
    select: Callable[[str], None],
) -> W:
    """Raise the `kind` window already open on `session`, or make and show one;
    requirements chosen in it go to `select`."""
    for window in parent.findChildren(kind):
        if getattr(window, "_session", None) is session:
            window.show()
            window.raise_()
            window.activateWindow()
            return window
    window = make()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.requirement_chosen.connect(select)  # type: ignore[attr-defined]
    session.destroyed.connect(window.close)  # the project closed
    window.show()
    return window
