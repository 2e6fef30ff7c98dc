"""The backlog table edits in place with the details' checks, shares the tree's
selection and filter, and remembers its columns, grouping and sort per project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.pane import BacklogPane
from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from pmdesk.core.queries.backlog import (
    EFFORT,
    END,
    HORIZON,
    KEY,
    OWNER,
    PRIORITY,
    START,
    TITLE,
    VALUE,
)
from tests.app.backlog_helpers import NAMES, click_header, click_row, open_backlog, saved_rows
from tests.app.conftest import ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick
from tests.app.keyboard import type_text


def edit_cell(qtbot: QtBot, pane: BacklogPane, uid: str, column: str) -> QLineEdit | QComboBox:
    """Double-click a cell: its editor, focused."""
    view = pane.view
    index = pane.model.index_of(uid, NAMES.index(column))
    view.setColumnHidden(index.column(), False)
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit | QComboBox), editor
    return editor


def with_rice(pane: BacklogPane) -> str:
    return next(u for u in pane.model.shown_uids() if pane.model.row_of(u)[EFFORT] is not None)


def test_typing_in_cells_saves_and_bad_values_are_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    uid = model.shown_uids()[1]
    key = model.row_of(uid)[KEY]
    editor = edit_cell(qtbot, pane, uid, "owner")
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, "赵敏\n")
    qtbot.waitUntil(lambda: model.row_of(uid)[OWNER] == "赵敏")  # Return commits, queued
    assert ws(window).undo_stack.undoText() == f"Edit {key}"

    rice = with_rice(pane)
    effort = model.row_of(rice)[EFFORT]
    editor = edit_cell(qtbot, pane, rice, "effort")
    editor.selectAll()  # type: ignore[union-attr]
    QTest.keyClicks(editor, "0")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(pane.message.isVisible)
    assert model.row_of(rice)[EFFORT] == effort  # refused: effort 0 is not above 0
    assert pane.message.isVisible()
    assert "effort 0 is not above 0" in pane.message.text()

    dated = next(u for u in model.shown_uids() if model.row_of(u)[END] is not None)
    end = model.row_of(dated)[END]
    editor = edit_cell(qtbot, pane, dated, "start")
    editor.selectAll()  # type: ignore[union-attr]
    QTest.keyClicks(editor, "2099-01-01")  # after its end
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"after end {end}" in pane.message.text())
    assert model.row_of(dated)[START] != "2099-01-01"
    assert f"after end {end}" in pane.message.text()

    editor = edit_cell(qtbot, pane, uid, "priority")
    assert isinstance(editor, QComboBox)
    QTest.keyClick(editor, Qt.Key.Key_End)  # Won't: a choice commits at once
    qtbot.waitUntil(lambda: model.row_of(uid)[PRIORITY] == "wont")
    assert window.save()
    saved = saved_rows(sample)
    assert saved[key][OWNER] == "赵敏" and saved[key][PRIORITY] == "wont"
    assert saved[model.row_of(rice)[KEY]][EFFORT] == effort


@OFFSCREEN_POPUP
def test_selection_and_filter_are_the_trees(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    pane = open_backlog(qtbot, window, sample)
    workspace = ws(window)
    model = pane.model
    uid = model.shown_uids()[9]
    click_row(qtbot, pane, uid)
    assert workspace.tree_pane.view.current_uid() == uid
    assert workspace.detail_editor.current_uid == uid
    other = model.shown_uids()[30]
    workspace.tree_pane.view.select_uid(other)  # chosen in the tree
    assert pane.view.current_uid() == other

    tree = workspace.tree_pane
    pick(qtbot, tree.fields["status"], "Done")
    shown = model.shown_uids()
    assert shown and all(model.row_of(u)[6] == "done" for u in shown)  # matches only
    pick(qtbot, tree.fields["status"], "Done")  # ticked off again: any status
    tree.search.setFocus()
    type_text(qtbot, tree.search, "合并")
    qtbot.waitUntil(lambda: model.shown_count() < model.count())
    found = {m.uid for m in workspace.session.project.search("合并", 1000).matches}
    assert set(model.shown_uids()) <= found  # in a title, or a description, tag…
    assert any("合并" in model.row_of(u)[TITLE] for u in model.shown_uids())
    tree.search.clear()
    qtbot.waitUntil(lambda: model.shown_count() == model.count())


def test_an_edit_in_the_details_shows_in_the_table(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    uid = pane.model.shown_uids()[4]
    click_row(qtbot, pane, uid)
    form = ws(window).detail_editor.form
    form.title.setFocus()
    form.title.selectAll()
    type_text(qtbot, form.title, "新的标题\n")
    index = pane.model.index_of(uid, NAMES.index("title"))
    qtbot.waitUntil(lambda: index.data() == "新的标题")


def test_read_only_refuses_every_edit(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    pane = open_backlog(qtbot, window, sample)
    ws(window).lock_editing()
    uid = pane.model.shown_uids()[0]
    index = pane.model.index_of(uid, NAMES.index("owner"))
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert not pane.bulk_button.isEnabled()


def test_columns_grouping_and_sort_are_remembered_per_project(
    qtbot: QtBot, window: MainWindow, sample: Path, settings: AppSettings
) -> None:
    pane = open_backlog(qtbot, window, sample)
    view = pane.view
    lane = NAMES.index("lane")
    assert view.isColumnHidden(lane)
    menu = view.header_menu()
    action = next(a for a in menu.actions() if a.objectName() == "column_lane")
    action.trigger()  # shown
    view.horizontalHeader().moveSection(view.horizontalHeader().visualIndex(lane), 1)
    view.setColumnWidth(NAMES.index("title"), 411)
    pane.group.setCurrentIndex(pane.group.findData("owner"))
    click_header(qtbot, pane, "status")
    click_header(qtbot, pane, "key", shift=True)
    assert window.close_project()

    pane = open_backlog(qtbot, window, sample)
    view = pane.view
    assert not view.isColumnHidden(lane)
    assert view.horizontalHeader().visualIndex(lane) == 1
    assert view.columnWidth(NAMES.index("title")) == 411
    assert pane.group.currentData() == "owner" and pane.model.grouping == "owner"
    assert pane.model.sort_order == [("status", True), ("key", True)]


def test_value_and_horizon_columns_edit_in_place(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """Schema 7's value (the matrix's height) and horizon (Now / Next / Later)
    are columns like the rest: typed and chosen in the cell, saved."""
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    uid = model.shown_uids()[2]
    key = model.row_of(uid)[KEY]
    editor = edit_cell(qtbot, pane, uid, "value")
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, "8.5\n")
    qtbot.waitUntil(lambda: model.row_of(uid)[VALUE] == 8.5)
    editor = edit_cell(qtbot, pane, uid, "value")
    editor.selectAll()  # type: ignore[union-attr]
    QTest.keyClicks(editor, "11")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(pane.message.isVisible)  # refused: the scale ends at 10
    assert model.row_of(uid)[VALUE] == 8.5
    editor = edit_cell(qtbot, pane, uid, "horizon")
    assert isinstance(editor, QComboBox)
    QTest.keyClick(editor, Qt.Key.Key_End)  # Later: a choice commits at once
    qtbot.waitUntil(lambda: model.row_of(uid)[HORIZON] == "later")
    assert window.save()
    saved = saved_rows(sample)
    assert (saved[key][VALUE], saved[key][HORIZON]) == (8.5, "later")
