"""Bulk edit in the backlog table: rows chosen with clicks, Shift/Ctrl+click and
Ctrl+A, set in one undo step named for what it did, saved to the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.bulk_dialog import BulkEditDialog
from pmdesk.app.main_window import MainWindow
from pmdesk.core.queries.backlog import KEY, PRIORITY, RELEASE, STATUS, TAGS
from tests.app.backlog_helpers import click_row, open_backlog, saved_rows
from tests.app.conftest import ws
from tests.app.keyboard import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def bulk_dialog(qtbot: QtBot, window: MainWindow) -> BulkEditDialog:
    pane = ws(window).backlog_pane
    QTest.mouseClick(pane.bulk_button, Qt.MouseButton.LeftButton)
    dialog = pane.findChild(BulkEditDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def choose(combo: QComboBox, data: object) -> None:
    """Pick an item the way a keyboard user does (the combo has the focus)."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        QTest.keyClick(combo, key)


def test_shift_and_ctrl_click_then_set_priority_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    uids = model.shown_uids()
    click_row(qtbot, pane, uids[2])
    click_row(qtbot, pane, uids[12], SHIFT)  # rows 2…12
    click_row(qtbot, pane, uids[20], CTRL)  # and one more
    chosen = [*uids[2:13], uids[20]]
    assert pane.view.selected_uids() == chosen
    assert pane.count.text().endswith("12 selected")
    before = {model.row_of(u)[KEY]: model.row_of(u)[PRIORITY] for u in uids}

    dialog = bulk_dialog(qtbot, window)
    choose(dialog.field, "priority")
    value = dialog.input("priority")
    assert isinstance(value, QComboBox)
    choose(value, "could")
    QTest.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    stack = ws(window).undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Set priority of 12 requirements"
    assert {model.row_of(u)[PRIORITY] for u in chosen} == {"could"}  # the table shows it
    tree = ws(window).tree_pane.model
    assert {tree.row_values(u)[6] for u in chosen} == {"could"}  # and the tree
    keys = {model.row_of(u)[KEY] for u in chosen}
    assert window.save()
    saved = saved_rows(sample)
    assert {k for k, r in saved.items() if r[PRIORITY] == "could"} >= keys
    assert all(saved[k][PRIORITY] == before[k] for k in before if k not in keys)

    QTest.keySequence(window, "Ctrl+Z")
    assert {model.row_of(u)[KEY]: model.row_of(u)[PRIORITY] for u in uids} == before
    assert window.save()
    assert {k: r[PRIORITY] for k, r in saved_rows(sample).items()} == before


def test_ctrl_a_then_add_a_tag_to_every_requirement_in_chinese(
    qtbot: QtBot, window: MainWindow, sample: Path, chinese: None
) -> None:
    pane = open_backlog(qtbot, window, sample)
    click_row(qtbot, pane, pane.model.shown_uids()[0])
    QTest.keySequence(pane.view, "Ctrl+A")
    count = pane.model.count()
    assert len(pane.view.selected_uids()) == count
    dialog = bulk_dialog(qtbot, window)
    choose(dialog.field, "tags_add")
    edit = dialog.input("tags_add")
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    type_text(qtbot, edit, "评审")
    QTest.keyClicks(edit, ", v2")
    QTest.keyClick(edit, Qt.Key.Key_Return)  # the dialog's default button: OK
    assert ws(window).undo_stack.undoText() == f"为 {count} 个需求添加标签"
    assert window.save()
    saved = saved_rows(sample)
    assert len(saved) == count
    assert all(r[TAGS][-2:] == ("评审", "v2") for r in saved.values())


def test_row_menu_sets_status_and_release_of_the_selected_rows(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    uids = model.shown_uids()
    click_row(qtbot, pane, uids[5])
    click_row(qtbot, pane, uids[8], SHIFT)
    menu = pane.row_menu()
    status_menu = menu.findChild(QMenu, "set_status")
    assert status_menu is not None
    done = next(a for a in status_menu.actions() if a.text() == "Done")
    done.trigger()
    release_menu = menu.findChild(QMenu, "set_release")
    assert release_menu is not None
    none = next(a for a in release_menu.actions() if a.text() == "—")
    none.trigger()
    stack = ws(window).undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Set status of 4 requirements",
        "Set release of 4 requirements",
    ]
    keys = {model.row_of(u)[KEY] for u in uids[5:9]}
    assert window.save()
    saved = saved_rows(sample)
    assert all(saved[k][STATUS] == "done" and saved[k][RELEASE] is None for k in keys)
    QApplication.processEvents()


def test_edit_selected_sets_nothing_until_a_value_is_chosen_and_reopens_on_that_field(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """Found trying it as a new user: the dialog opened on Priority = Not assessed,
    so Enter by reflex after Ctrl+A wiped every priority; and it forgot the field
    used a moment before."""
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    click_row(qtbot, pane, model.shown_uids()[0])
    QTest.keySequence(pane.view, "Ctrl+A")
    before = {u: model.row_of(u)[PRIORITY] for u in model.shown_uids()}
    dialog = bulk_dialog(qtbot, window)
    value = dialog.input("priority")
    assert isinstance(value, QComboBox)
    assert value.currentIndex() == -1 and value.placeholderText() == "Choose a value"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    assert ws(window).undo_stack.count() == 0  # nothing set
    assert {u: model.row_of(u)[PRIORITY] for u in model.shown_uids()} == before
    if dialog.isVisible():
        dialog.reject()

    dialog = bulk_dialog(qtbot, window)
    choose(dialog.field, "release")
    release = dialog.input("release")
    assert isinstance(release, QComboBox) and release.currentIndex() == -1
    choose(release, release.itemData(1))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert ws(window).undo_stack.undoText() == f"Set release of {len(before)} requirements"
    dialog = bulk_dialog(qtbot, window)
    assert dialog.field.currentData() == "release"  # the field used last
    dialog.reject()


def test_select_all_in_a_big_table_asks_the_model_about_the_rows_in_sight_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found trying a 20,000-requirement project: Ctrl+A took a second there (nine at
    100,000). The header asked, for each column it painted, whether the column was
    selected, which Qt answers by asking the model's flags of every row."""
    from pmdesk.app.backlog.model import BacklogModel
    from pmdesk.core.newproject.from_snapshot import import_snapshot
    from pmdesk.core.snapshot.convert import dumps, loads
    from tests.bench.synth import generate

    asked: list[int] = []
    flags = BacklogModel.flags

    def counted(self: BacklogModel, index: Any) -> Any:
        asked.append(index.row())
        return flags(self, index)

    monkeypatch.setattr(BacklogModel, "flags", counted)  # before the model is made
    project = tmp_path / "big.pmdesk"
    import_snapshot(loads(dumps(generate(3000))), project)
    pane = open_backlog(qtbot, window, project)
    click_row(qtbot, pane, pane.model.shown_uids()[0])
    QApplication.processEvents()
    asked.clear()
    QTest.keySequence(pane.view, "Ctrl+A")
    pane.view.viewport().repaint()
    pane.view.horizontalHeader().viewport().repaint()
    QApplication.processEvents()
    assert len(pane.view.selected_uids()) == pane.model.count() >= 3000
    assert len(set(asked)) < 200  # the rows on screen, not all 3,000


def test_a_big_bulk_edit_shows_the_wait_cursor_while_it_runs_and_its_undo_too(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulk edit of 20,000 requirements takes a second or two: the cursor says
    so while the project and the panes follow (here: over 10 rows, the sample's
    size), and is the usual one as soon as it is done."""
    from PySide6.QtGui import QGuiApplication

    from pmdesk.app import session as session_module

    monkeypatch.setattr(session_module, "BUSY_ABOVE", 10)
    pane = open_backlog(qtbot, window, sample)
    seen: list[object] = []

    def cursor_now(*_args: object) -> None:
        shown = QGuiApplication.overrideCursor()
        seen.append(None if shown is None else shown.shape())

    ws(window).session.changed.connect(cursor_now)
    click_row(qtbot, pane, pane.model.shown_uids()[0])
    QTest.keySequence(pane.view, "Ctrl+A")
    assert pane.set_field("priority", "could")
    QTest.keySequence(window, "Ctrl+Z")
    click_row(qtbot, pane, pane.model.shown_uids()[0])
    assert pane.set_field("priority", "should")  # one row: no wait
    assert seen == [Qt.CursorShape.WaitCursor, Qt.CursorShape.WaitCursor, None]
    assert QGuiApplication.overrideCursor() is None


def test_edit_selected_is_in_the_edit_menu_and_says_what_to_do_without_a_selection(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """Found trying it as a new user: the command was only a button on the table,
    the row menu and a key. Edit ▸ Edit Selected Requirements… brings the backlog
    forward and opens the dialog on the rows selected there."""
    pane = open_backlog(qtbot, window, sample)
    act = window.commands.edit_selected
    assert act in window.commands.edit_menu.actions()
    assert act.text().endswith("\tCtrl+Shift+E") and act.shortcut().isEmpty()
    pane.view.selectionModel().clearSelection()
    act.trigger()
    assert pane.findChild(BulkEditDialog) is None
    assert window.statusBar().currentMessage() == (
        "Select the requirements to change in the backlog table first."
    )
    uids = pane.model.shown_uids()
    click_row(qtbot, pane, uids[3])
    click_row(qtbot, pane, uids[5], SHIFT)
    ws(window).tree_pane.view.setFocus()  # the focus elsewhere: the menu still works
    act.trigger()
    dialog = pane.findChild(BulkEditDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.intro.text().startswith("Change 3 selected requirement")
    dialog.reject()
    QTest.keySequence(pane.view, "Ctrl+Shift+E")  # the table's own key: not ambiguous
    assert any(d.isVisible() for d in pane.findChildren(BulkEditDialog))
