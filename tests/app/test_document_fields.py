"""A section's {{product}} field shows the project's property in the preview,
and follows a change of the property (issue 13)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.core.ops import Update
from tests.app.conftest import open_sync, ws
from tests.app.keyboard import type_text


def test_product_field_follows_the_property(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    pane = ws(window).document_pane
    pane.sections.setCurrentRow(0)
    pane.editor.setFocus()
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    type_text(qtbot, pane.editor, "\n\n产品：{{产品名称}}")
    qtbot.waitUntil(lambda: "产品：云帆 CRM" in pane.preview.toPlainText(), timeout=10_000)
    pane.commit_body()
    session = ws(window).session
    session.push(Update("project", session.project.info().uid, {"product": "星帆"}))
    qtbot.waitUntil(lambda: "产品：星帆" in pane.preview.toPlainText(), timeout=10_000)
    assert session.undo_stack.undoText() == "Set product name"
