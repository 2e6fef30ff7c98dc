"""The details pane on its own, on a project file, shown and active (the pane
commits on focus changes, so its tests need a window that has the focus)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from pmdesk.app.details.editor import DetailEditor
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.storage.workingcopy import WorkingCopy


@contextmanager
def shown_editor(
    qtbot: QtBot, path: Path, data_dir: Path
) -> Iterator[tuple[ProjectSession, DetailEditor]]:
    """A session on `path` and a DetailEditor on it; the working copy is
    discarded afterwards."""
    wc = WorkingCopy.open(path, data_dir=data_dir)
    session = ProjectSession(wc)
    editor = DetailEditor(session, TaskRunner())
    qtbot.addWidget(editor)
    editor.resize(560, 1500)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    try:
        yield session, editor
    finally:
        editor.close()
        wc.close(discard=True)
