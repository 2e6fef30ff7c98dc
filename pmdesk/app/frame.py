"""What the project's lifecycle (app/lifecycle.py, app/saving.py) needs of the
window that shows it: the main window implements it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pmdesk.app.tree.pane import TreePane
    from pmdesk.app.workspace import Workspace


class Frame(Protocol):
    """What the lifecycle needs of the window that shows the project."""

    def show_tree(self, pane: TreePane) -> None:
        """An opening project's tree is ready to be shown (not yet editable)."""

    def install(self, workspace: Workspace) -> None:
        """The project is open: show its panes."""

    def uninstall(self, workspace: Workspace) -> None:
        """The project is closing: take its panes out."""

    def busy(self, message: str) -> None: ...

    def idle(self) -> None: ...

    def report(self, text: str, ms: int = 8000) -> None:
        """A note in the status bar."""

    def state_changed(self) -> None:
        """Title, actions, counts or access changed."""

    def open_finished(self) -> None:
        """An open ended, opened or not (tests wait on it)."""
