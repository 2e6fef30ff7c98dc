"""The preview's pmdesk blocks follow edits of every entity they show: a persona
renamed in the Personas window shows in a `personas` block at once (the preview
followed requirements, releases, lanes, milestones and views only)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Update
from tests.app.conftest import open_sync, ws
from tests.app.keyboard import type_text


def test_a_renamed_persona_shows_in_the_preview(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    workspace = ws(window)
    pane = workspace.document_pane
    pane.sections.setCurrentRow(0)
    pane.editor.setFocus()
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    type_text(qtbot, pane.editor, "\n\n```pmdesk\npersonas\n```\n")
    persona = workspace.session.project.personas()[0]
    qtbot.waitUntil(lambda: persona.name in pane.preview.toPlainText(), timeout=10_000)
    pane.commit_body()
    assert workspace.session.push(Update("persona", persona.uid, {"name": "钱多多"}))
    qtbot.waitUntil(lambda: "钱多多" in pane.preview.toPlainText(), timeout=10_000)
    assert persona.name not in pane.preview.toPlainText()
