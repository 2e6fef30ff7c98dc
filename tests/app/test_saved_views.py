"""Saved views through the window: a filter and the backlog's columns, grouping
and sort saved under a name, brought back with one click, kept in the file,
renamed, deleted and undone; refused in a read-only project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.views import switcher as views_module
from pmdesk.app.views.switcher import ViewSwitcher
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project
from tests.app.backlog_helpers import click_header, open_backlog
from tests.app.conftest import ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    return path


def click_menu(qtbot: QtBot, switcher: ViewSwitcher, text: str) -> None:
    """Open the Views list under its button and click the entry `text` (a click on
    the button itself would run the list modally)."""
    switcher.popup()
    menu = switcher.menu
    qtbot.waitUntil(menu.isVisible)
    action = next((a for a in menu.actions() if a.text().replace("&", "") == text), None)
    shown = [a.text() for a in menu.actions()]
    assert isinstance(action, QAction), f"{text!r} not in {shown}"
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def saved(path: Path) -> dict[str, tuple[object, ...]]:
    with Project.view(path) as project:
        return {v.name: (v.criteria, v.columns, v.grouping, v.sort) for v in project.saved_views()}


@OFFSCREEN_POPUP
def test_save_a_view_clear_it_and_bring_it_back_with_one_click(
    qtbot: QtBot, window: MainWindow, english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backlog = open_backlog(qtbot, window, english)
    workspace = ws(window)
    tree, switcher = workspace.tree_pane, workspace.views
    assert switcher.button.text() == "Views" and switcher.button.isVisible()

    pick(qtbot, tree.fields["status"], "Draft", "In review")
    backlog.group.setCurrentIndex(backlog.group.findData("owner"))
    click_header(qtbot, backlog, "priority")
    click_header(qtbot, backlog, "priority")  # again: descending
    backlog.view.setColumnHidden(backlog.view.model().columnCount() - 1, True)
    columns, grouping, sort = backlog.arrangement()
    matches = tree.matched_uids()
    assert matches and grouping == "owner" and sort == [("priority", "desc")]

    monkeypatch.setattr(views_module, "ask_view_name", lambda *_: "Open drafts")
    click_menu(qtbot, switcher, "Save View As…")
    assert switcher.button.text() == "Open drafts"
    assert workspace.undo_stack.undoText() == "Save view Open drafts"

    # Everything back to the start: no filter, no grouping, the tree's order.
    tree.clear_filter()
    backlog.group.setCurrentIndex(backlog.group.findData("none"))
    backlog.set_sort([])
    backlog.view.show_default_columns()
    assert tree.matched_uids() is None
    assert switcher.button.text() == "Open drafts *"  # changed since it was saved

    click_menu(qtbot, switcher, "Open drafts")
    assert tree.matched_uids() == matches
    assert tree.fields["status"].text() == "2 statuses"
    assert backlog.arrangement() == (columns, "owner", [("priority", "desc")])
    assert backlog.group.currentText() == "By owner"
    assert switcher.button.text() == "Open drafts"

    QTest.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: workspace.clean)
    assert saved(english) == {
        "Open drafts": (
            {"choices": {"status": ["draft", "review"]}},
            tuple(columns),
            "owner",
            (("priority", "desc"),),
        )
    }

    # Show All clears the filter; the view stays in the list.
    click_menu(qtbot, switcher, "Show All Requirements")
    assert tree.matched_uids() is None and switcher.button.text() == "Views"


@OFFSCREEN_POPUP
def test_rename_delete_and_undo_a_view(
    qtbot: QtBot, window: MainWindow, english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_backlog(qtbot, window, english)
    workspace = ws(window)
    tree, switcher = workspace.tree_pane, workspace.views
    QTest.keyClicks(tree.search, "Excel")
    qtbot.waitUntil(lambda: bool(tree.matched_uids()))
    assert switcher.save_as("Excel work") is not None
    monkeypatch.setattr(views_module, "ask_view_name", lambda *_: "发布范围")
    click_menu(qtbot, switcher, "Rename “Excel work”…")
    assert switcher.button.text() == "发布范围"
    click_menu(qtbot, switcher, "Delete “发布范围”")
    assert switcher.views == [] and switcher.button.text() == "Views"
    QTest.keySequence(window, "Ctrl+Z")  # the deletion undone
    assert [v.name for v in switcher.views] == ["发布范围"]
    # The keyboard: Ctrl+Alt+V opens the list, arrows and Enter choose.
    tree.clear_filter()
    QTest.keySequence(window, "Ctrl+Alt+V")
    qtbot.waitUntil(switcher.menu.isVisible)
    QTest.keyClick(switcher.menu, Qt.Key.Key_Down)
    QTest.keyClick(switcher.menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.search.text() == "Excel")
    assert switcher.button.text() == "发布范围"


@OFFSCREEN_POPUP
def test_a_read_only_project_applies_views_but_saves_none(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_backlog(qtbot, window, english)
    workspace = ws(window)
    switcher = workspace.views
    switcher.save_as("Everything")
    QTest.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: workspace.clean)
    workspace.lock_editing()
    switcher.show_all()
    click_menu(qtbot, switcher, "Everything")  # applying a view edits nothing: allowed
    assert switcher.button.text() == "Everything"
    names = {a.text().replace("&", ""): a for a in switcher.menu_actions()}
    assert not names["Save View As…"].isEnabled()
    assert not names["Delete “Everything”"].isEnabled()
    assert not names["Rename “Everything”…"].isEnabled()
    assert switcher.save_as("Another") is None and not switcher.delete_current()
    assert list(saved(english)) == ["Everything"]
