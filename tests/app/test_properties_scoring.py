"""Project ▸ Properties: the scoring model and the weighted model's criteria,
chosen with keys and clicks as one undo step, saved, and shown again on reopening."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.core.queries.setup import Criterion
from tests.app.conftest import Answers, open_sync, ws
from tests.app.keyboard import type_text
from tests.app.setup_helpers import back_to, focused
from tests.app.test_setup_properties import ALT, CTRL, on_disk, open_properties


def add_criterion(qtbot: QtBot, dialog: object, name: str, weight: str, scale: str) -> None:
    table = dialog.criteria  # type: ignore[attr-defined]
    QTest.mouseClick(dialog.add_criterion, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    type_text(qtbot, focused(), name)
    for text in (weight, scale):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)  # commits the cell, edits the next
        qtbot.waitUntil(lambda: table.state() == table.State.EditingState)
        QTest.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, focused(), text)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def press_ok(dialog: object) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_the_scoring_model_and_criteria_are_saved_and_reopened(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    open_sync(window, sample)
    assert ws(window).session.project.info().scoring == "rice"
    dialog = open_properties(qtbot, window)
    assert [dialog.scoring.itemText(i) for i in range(4)] == [
        "RICE",
        "ICE",
        "WSJF",
        "Weighted criteria",
    ]
    assert not dialog.criteria.isVisible()  # the criteria belong to the weighted model
    QTest.keyClick(dialog, Qt.Key.Key_I, ALT)  # Scor&ing model
    assert focused() is dialog.scoring
    for _ in range(3):
        QTest.keyClick(dialog.scoring, Qt.Key.Key_Down)  # RICE → ICE → WSJF → Weighted
    assert dialog.scoring.currentData() == "weighted" and dialog.criteria.isVisible()
    add_criterion(qtbot, dialog, "战略匹配", "3", "5")
    add_criterion(qtbot, dialog, "收入", "1", "10")
    add_criterion(qtbot, dialog, "Bad", "-2", "5")
    press_ok(dialog)
    assert dialog.isVisible()  # a negative weight is refused, saying which
    assert dialog.criteria_note.text() == "Bad needs a weight of 0 or more and a scale above 0."
    dialog.criteria.setCurrentCell(2, 0)
    QTest.mouseClick(dialog.remove_criterion, Qt.MouseButton.LeftButton)
    press_ok(dialog)
    assert not dialog.isVisible()

    stack = ws(window).session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Change project properties"
    info = ws(window).session.project.info()
    assert info.scoring == "weighted"
    assert [(c.name, c.weight, c.scale) for c in info.criteria] == [
        ("战略匹配", 3, 5),
        ("收入", 1, 10),
    ]
    back_to(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    saved = on_disk(sample)
    assert saved["scoring"] == "weighted"
    assert [c["name"] for c in json.loads(str(saved["criteria"]))] == ["战略匹配", "收入"]

    # Reopened, the dialog shows them; renaming keeps the criterion's id (and so its values).
    dialog = open_properties(qtbot, window)
    assert dialog.scoring.currentData() == "weighted"
    assert dialog.criteria.rowCount() == 2
    name, scale = dialog.criteria.item(1, 0), dialog.criteria.item(1, 2)
    assert name is not None and scale is not None
    assert (name.text(), scale.text()) == ("收入", "10")
    name.setText("Revenue")
    press_ok(dialog)
    renamed = ws(window).session.project.info().criteria
    assert renamed[1] == Criterion(info.criteria[1].id, "Revenue", 1, 10)
    stack.undo()
    stack.undo()
    assert ws(window).session.project.info().scoring == "rice"
    dialog = open_properties(qtbot, window)
    assert dialog.scoring.currentData() == "rice" and dialog.criteria.rowCount() == 0
    dialog.reject()
