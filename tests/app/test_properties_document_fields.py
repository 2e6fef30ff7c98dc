"""Project ▸ Properties: the PRD's status, confidentiality (密级), number and
reviewers, set with keys and clicks as one undo step, saved and read back."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.core.queries.setup import Reviewer
from tests.app.conftest import Answers, open_sync, ws
from tests.app.keyboard import type_text
from tests.app.setup_helpers import back_to, focused
from tests.app.test_read_only import lock_by_colleague
from tests.app.test_setup_properties import ALT, CTRL, on_disk, open_properties


def add_reviewer(qtbot: QtBot, dialog: object, role: str, name: str) -> None:
    table = dialog.reviewers  # type: ignore[attr-defined]
    QTest.mouseClick(dialog.add_reviewer, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    type_text(qtbot, focused(), role)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)  # commits the role, edits the name
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState)
    type_text(qtbot, focused(), name + "\n")
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_document_fields_are_set_saved_and_undone(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    before = ws(window).session.project.info()
    assert (before.doc_status, before.confidentiality) == ("draft", "internal")
    dialog = open_properties(qtbot, window)
    assert dialog.doc_status.currentText() == "Draft"
    assert [dialog.confidentiality.itemText(i) for i in range(4)] == [
        "Public",
        "Internal",
        "Confidential",
        "Secret",
    ]
    QTest.keyClick(dialog, Qt.Key.Key_S, ALT)  # Document &status
    assert focused() is dialog.doc_status
    QTest.keyClick(dialog.doc_status, Qt.Key.Key_Down)  # In review
    QTest.keyClick(dialog, Qt.Key.Key_F, ALT)  # Con&fidentiality
    assert focused() is dialog.confidentiality
    QTest.keyClick(dialog.confidentiality, Qt.Key.Key_Down)  # Confidential
    QTest.keyClick(dialog, Qt.Key.Key_N, ALT)  # Document &number
    assert focused() is dialog.doc_number
    type_text(qtbot, dialog.doc_number, "PRD-2027-007")
    add_reviewer(qtbot, dialog, "产品负责人", "张伟")
    add_reviewer(qtbot, dialog, "", "")  # an empty row is left out
    add_reviewer(qtbot, dialog, "研发负责人", "李娜")
    assert dialog.reviewers.rowCount() == 3
    dialog.reviewers.setCurrentCell(1, 0)
    QTest.mouseClick(dialog.remove_reviewer, Qt.MouseButton.LeftButton)
    assert dialog.reviewers.rowCount() == 2
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    stack = ws(window).session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Change project properties"
    info = ws(window).session.project.info()
    assert (info.doc_status, info.confidentiality, info.doc_number) == (
        "in_review",
        "confidential",
        "PRD-2027-007",
    )
    assert info.reviewers == (Reviewer("产品负责人", "张伟"), Reviewer("研发负责人", "李娜"))
    back_to(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    saved = on_disk(sample)
    assert (saved["doc_status"], saved["confidentiality"]) == ("in_review", "confidential")
    assert json.loads(str(saved["reviewers"])) == [
        {"role": "产品负责人", "name": "张伟"},
        {"role": "研发负责人", "name": "李娜"},
    ]
    stack.undo()
    assert ws(window).session.project.info() == before
    # The dialog shows what the project has now.
    dialog = open_properties(qtbot, window)
    assert dialog.reviewers.rowCount() == 0 and dialog.doc_number.text() == ""
    dialog.reject()


def test_read_only_the_document_fields_cannot_change(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    open_sync(window, sample)
    dialog = open_properties(qtbot, window)
    for widget in (dialog.doc_status, dialog.confidentiality, dialog.add_reviewer):
        assert not widget.isEnabled()
    assert dialog.doc_number.isReadOnly()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
