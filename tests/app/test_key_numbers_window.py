"""In the window: a requirement's key survives undo and redo, and the key of one
deleted or undone is never given to the next new requirement (schema 9's counter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from tests.app.conftest import Answers, open_sync, ws
from tests.app.test_main_window import type_title
from tests.core.merge_helpers import by_key


def selected_key(window: MainWindow) -> str:
    uid = ws(window).selection.uid
    assert uid is not None
    detail = ws(window).session.project.requirement(uid)
    assert detail is not None
    return detail.key


def test_undo_redo_keep_a_key_and_a_spent_key_is_never_given_again(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    highest = max(row["number"] for row in by_key(sample).values())
    open_sync(window, sample)
    view = ws(window).tree_pane.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Insert)  # a new requirement
    type_title(qtbot, window, "扫码登录")
    first = ws(window).selection.uid
    assert selected_key(window) == f"CRM-{highest + 1}"

    window.commands.undo.trigger()  # the title
    window.commands.undo.trigger()  # the requirement
    assert ws(window).session.project.requirement(str(first)) is None
    window.commands.redo.trigger()
    view.select_uid(str(first))
    assert selected_key(window) == f"CRM-{highest + 1}"  # the same key again

    answers.confirm_delete = True
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)  # the newest requirement deleted
    QTest.keyClick(view, Qt.Key.Key_Insert)
    type_title(qtbot, window, "客户画像")
    assert selected_key(window) == f"CRM-{highest + 2}"  # not the deleted one's key

    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    rows = by_key(sample)  # the file on disk
    assert rows[f"CRM-{highest + 2}"]["title"] == "客户画像"
    assert f"CRM-{highest + 1}" not in rows
