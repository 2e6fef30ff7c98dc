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

    # Sorting the table otherwise marks the view changed; Update keeps the new sort.
    click_header(qtbot, backlog, "title")
    assert switcher.button.text() == "Open drafts *"
    click_menu(qtbot, switcher, "Update “Open drafts”")
    assert switcher.button.text() == "Open drafts"
    assert workspace.undo_stack.undoText() == "Update view Open drafts"
    assert switcher.views[0].sort == (("title", "asc"),)

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
    # The keyboard: Tab from the filter box reaches the button; Ctrl+Alt+V opens
    # the list, arrows and Enter choose.
    tree.search.setFocus()
    QTest.keyClick(tree.search, Qt.Key.Key_Tab)
    assert switcher.button.hasFocus()
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


def test_a_merge_conflict_names_the_view(qtbot: QtBot) -> None:
    from pmdesk.app.merge.conflict_texts import group_title

    tables = {"saved_view": {"v1": {"uid": "v1", "name": "发布范围"}}}
    assert group_title("saved_view", "v1", tables, {}) == ("View", "发布范围")


def test_a_colleagues_view_arrives_with_the_merge(
    qtbot: QtBot, window: MainWindow, english: Path, tmp_path: Path
) -> None:
    """Wang saves a view into the shared file; merging it puts it in our list,
    beside ours, and Save publishes both."""
    from pmdesk.core.ops import Create
    from pmdesk.core.project_save import save_merging
    from pmdesk.core.storage.workingcopy import WorkingCopy
    from tests.app.conftest import open_sync, watcher

    open_sync(window, english)
    switcher = ws(window).views
    assert switcher.save_as("Mine") is not None
    wang = WorkingCopy.open(english, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        values = {"name": "Wang's", "criteria": {"text": "Excel"}}
        wang.apply(Create("saved_view", "7d3c1e0a-0000-4000-8000-000000000001", values))
        save_merging(wang)
    finally:
        wang.close()
    assert watcher(window).check()
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    assert sorted(v.name for v in switcher.views) == ["Mine", "Wang's"]
    assert switcher.button.text() == "Mine"  # ours stays shown
    switcher.apply(next(v.uid for v in switcher.views if v.name == "Wang's"))
    assert ws(window).tree_pane.search.text() == "Excel"
    QTest.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: ws(window).clean)
    assert sorted(saved(english)) == ["Mine", "Wang's"]


@OFFSCREEN_POPUP
@pytest.mark.usefixtures("chinese")
def test_in_chinese_the_switcher_and_the_history_speak_it(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    from pmdesk.app.history.model import ui_wording

    open_backlog(qtbot, window, sample)
    workspace = ws(window)
    tree, switcher = workspace.tree_pane, workspace.views
    assert switcher.button.text() == "视图"
    uid = switcher.save_as("发布范围")
    assert uid is not None and workspace.undo_stack.undoText() == "保存视图 发布范围"
    pick(qtbot, tree.fields["status"], "草稿", "评审中")
    pick(qtbot, tree.fields["release"], "v1.0")
    assert switcher.button.text() == "发布范围 *"
    click_menu(qtbot, switcher, "更新「发布范围」(U)")
    changes = workspace.session.project.history(uid, ui_wording())
    [criteria] = [c for c in changes if c.field == "criteria"]
    assert criteria.new_full == "版本: v1.0 · 状态: 草稿、评审中"
    texts = [a.text() for a in switcher.menu_actions() if a.text()]
    assert texts == [
        "发布范围",
        "显示全部需求(&A)",
        "另存为视图(&S)…",
        "更新「发布范围」(&U)",
        "重命名「发布范围」(&R)…",
        "删除「发布范围」(&D)",
        "管理视图(&M)…",
    ]


def test_the_preview_of_a_view_block_follows_the_view(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    from tests.app.keyboard import type_text

    open_backlog(qtbot, window, english)
    workspace = ws(window)
    pane = workspace.document_pane
    pane.sections.setCurrentRow(0)
    pane.editor.setFocus()
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    type_text(qtbot, pane.editor, "\n\n```pmdesk\nview: Excel work\n```\n")
    qtbot.waitUntil(
        lambda: "There is no saved view named “Excel work”" in pane.preview.toPlainText(),
        timeout=10_000,
    )
    pane.commit_body()
    workspace.tree_pane.search.setText("Excel")
    qtbot.waitUntil(lambda: bool(workspace.tree_pane.matched_uids()))
    assert workspace.views.save_as("Excel work") is not None
    qtbot.waitUntil(
        lambda: "Requirements in view “Excel work”" in pane.preview.toPlainText(),
        timeout=10_000,
    )


@pytest.mark.usefixtures("chinese")
def test_the_baseline_and_review_filters_of_a_view_read_in_chinese_in_its_history() -> None:
    """Not "baseline · needs review" in a Chinese history: the filter bar's words."""
    from pmdesk.app.history.model import ui_wording
    from pmdesk.core.queries.criteria import view_value

    wording, criteria = ui_wording(), {"baseline": "b1", "needs_review": True}
    assert view_value("criteria", criteria, wording.separator, wording.value) == "基线以来 · 待复核"
    assert view_value("criteria", criteria) == "since baseline · needs review"  # the CLI's
