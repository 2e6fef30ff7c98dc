"""File ▸ Export with a broken pmdesk block: the problems come before the file."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app.document.export_dialog import ExportDialog
from pmdesk.app.document.export_problems_dialog import ExportProblemsDialog
from pmdesk.app.main_window import MainWindow
from tests.app.conftest import open_sync
from tests.export.prd_projects import make_project

BODY = "Who is in scope.\n\n```pmdesk\nrequirements: priority=urgent\n```\n"


def broken(tmp_path: Path) -> Path:
    return make_project(
        tmp_path / "p.pmdesk",
        {
            "pmdesk_snapshot": 1,
            "project": {"title": "T", "key_prefix": "REQ", "language": "en"},
            "requirements": [{"title": "Login"}],
            "sections": [{"title": "Intro", "body": "fine"}, {"title": "Scope", "body": BODY}],
        },
    )


def start_export(qtbot: QtBot, window: MainWindow, target: Path) -> ExportProblemsDialog:
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.open_after.setChecked(False)
    dialog.start(target)
    qtbot.waitUntil(lambda: visible_problems(dialog) is not None, timeout=20_000)
    problems = visible_problems(dialog)
    assert problems is not None
    return problems


def visible_problems(dialog: QWidget) -> ExportProblemsDialog | None:
    found = [d for d in dialog.findChildren(ExportProblemsDialog) if d.isVisible()]
    return found[0] if found else None


def click(button: QWidget) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_problems_are_listed_before_writing_and_going_back_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_sync(window, broken(tmp_path))
    target = tmp_path / "prd.docx"
    problems = start_export(qtbot, window, target)
    assert [problems.list.item(i).text() for i in range(problems.list.count())] == [
        "Section “Scope”, line 3: 'urgent' is not a priority; use one of must, should, could, wont."
    ]
    assert not target.exists()
    click(problems.back_button)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible() and dialog.export_button.isEnabled()
    assert not target.exists()
    # Export anyway: the file is written, with the error in place.
    dialog.start(target)
    qtbot.waitUntil(lambda: visible_problems(dialog) is not None, timeout=20_000)
    again = visible_problems(dialog)
    assert again is not None
    click(again.anyway_button)
    qtbot.waitUntil(target.exists, timeout=20_000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert "Exported prd.docx" in window.statusBar().currentMessage()


def test_show_section_goes_back_to_the_broken_section(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_sync(window, broken(tmp_path))
    pane = window.workspace.document_pane if window.workspace else None
    assert pane is not None
    pane.sections.setCurrentRow(0)
    problems = start_export(qtbot, window, tmp_path / "prd.md")
    click(problems.show_button)
    qtbot.waitUntil(
        lambda: (
            window.findChild(ExportDialog) is None
            or not any(d.isVisible() for d in window.findChildren(ExportDialog))
        )
    )
    assert pane.sections.currentItem().text() == "Scope"
    assert "priority=urgent" in pane.editor.toPlainText()
    assert not (tmp_path / "prd.md").exists()
