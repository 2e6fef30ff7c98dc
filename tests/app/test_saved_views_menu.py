"""View ▸ Saved Views and Manage Views… through the window: the project's views
with a check on the one shown and Ctrl+Alt+1…9, in step with the file (a
colleague's merged view appears); reorder by drag and Alt+Up/Down, rename,
duplicate, delete, each one undo step; read-only aware; in Chinese too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.main_window import MainWindow
from pmdesk.app.views import questions
from pmdesk.app.views import switcher as switcher_module
from pmdesk.app.views.manage import ManageViewsWindow
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.project import Project
from tests.app.conftest import open_sync, watcher, ws
from tests.app.filter_helpers import OFFSCREEN_POPUP


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    return path


def submenu(qtbot: QtBot, window: MainWindow) -> QMenu:
    """View ▸ Saved Views, opened as the menu bar opens it."""
    menu = window.commands.saved_views.menu
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    return menu


def entries(menu: QMenu) -> list[tuple[str, bool, str]]:
    return [
        (
            a.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
            a.isChecked(),
            a.shortcut().toString(),
        )
        for a in menu.actions()
        if not a.isSeparator()
    ]


def click(qtbot: QtBot, menu: QMenu, text: str) -> None:
    action = next((a for a in menu.actions() if a.text().replace("&", "") == text), None)
    assert isinstance(action, QAction), f"{text!r} not in {entries(menu)}"
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())
    window = menu.parentWidget()
    if isinstance(window, MainWindow) and not window.findChildren(ManageViewsWindow):
        # Offscreen, a closed popup leaves no window active (a desktop reactivates it).
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def escape(qtbot: QtBot, menu: QMenu) -> None:
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    window = menu.parentWidget()
    assert isinstance(window, MainWindow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def names_on_disk(path: Path) -> list[str]:
    with Project.view(path) as project:
        return [v.name for v in project.saved_views()]


def open_manager(qtbot: QtBot, window: MainWindow) -> ManageViewsWindow:
    menu = submenu(qtbot, window)
    click(qtbot, menu, "Manage Views…")
    found = window.findChildren(ManageViewsWindow)
    assert len(found) == 1
    manager = found[0]
    qtbot.waitUntil(manager.isVisible)
    manager.activateWindow()  # offscreen, a new window is not made active
    qtbot.waitUntil(manager.isActiveWindow)
    return manager


@OFFSCREEN_POPUP
def test_the_menu_lists_the_views_with_keys_and_a_check(
    qtbot: QtBot, window: MainWindow, english: Path, tmp_path: Path
) -> None:
    open_sync(window, english)
    workspace = ws(window)
    tree, switcher = workspace.tree_pane, workspace.views
    menu = submenu(qtbot, window)
    assert entries(menu)[0] == ("No saved views yet", False, "")
    escape(qtbot, menu)

    tree.search.setText("Excel")
    qtbot.waitUntil(lambda: bool(tree.matched_uids()))
    excel = tree.matched_uids()
    assert switcher.save_as("Excel work") is not None
    tree.search.setText("")
    qtbot.waitUntil(lambda: tree.matched_uids() is None)
    assert switcher.save_as("R&D, all") is not None
    menu = submenu(qtbot, window)
    assert entries(menu)[:2] == [
        ("Excel work", False, "Ctrl+Alt+1"),
        ("R&D, all", True, "Ctrl+Alt+2"),
    ]
    click(qtbot, menu, "Excel work")
    qtbot.waitUntil(lambda: tree.search.text() == "Excel")
    assert switcher.button.text() == "Excel work"

    # The keys work with the menu closed; a key past the last view does nothing.
    QTest.keySequence(window, "Ctrl+Alt+2")
    assert switcher.button.text() == "R&D, all" and tree.search.text() == ""
    QTest.keySequence(window, "Ctrl+Alt+1")
    qtbot.waitUntil(lambda: tree.matched_uids() == excel)
    QTest.keySequence(window, "Ctrl+Alt+5")
    assert switcher.button.text() == "Excel work"
    menu = submenu(qtbot, window)
    assert [e[1] for e in entries(menu)[:2]] == [True, False]
    escape(qtbot, menu)

    # Save View As… from the menu; a colleague's view merged in appears.
    from pmdesk.core.ops import Create
    from pmdesk.core.project_save import save_merging
    from pmdesk.core.storage.workingcopy import WorkingCopy

    QTest.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: workspace.clean)
    wang = WorkingCopy.open(english, data_dir=tmp_path / "wang", user="Wang", access="edit_anyway")
    try:
        values = {"name": "Wang's", "criteria": {"text": "report"}}
        wang.apply(Create("saved_view", "7d3c1e0a-0000-4000-8000-000000000002", values))
        save_merging(wang)
    finally:
        wang.close()
    assert watcher(window).check()
    QTest.mouseClick(window.notice_bar.merge_button, Qt.MouseButton.LeftButton)
    menu = submenu(qtbot, window)
    assert [e[0] for e in entries(menu)[:3]] == ["Excel work", "R&D, all", "Wang's"]
    escape(qtbot, menu)
    QTest.keySequence(window, "Ctrl+Alt+3")
    assert tree.search.text() == "report"


@OFFSCREEN_POPUP
def test_save_view_as_from_the_menu_and_read_only(
    qtbot: QtBot, window: MainWindow, english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, english)
    workspace = ws(window)
    monkeypatch.setattr(switcher_module, "ask_view_name", lambda *_: "Everything")
    click(qtbot, submenu(qtbot, window), "Save View As…")
    assert workspace.undo_stack.undoText() == "Save view Everything"
    QTest.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: workspace.clean)
    assert names_on_disk(english) == ["Everything"]

    workspace.lock_editing()
    workspace.views.show_all()
    menu = submenu(qtbot, window)
    actions = {a.text().replace("&", ""): a for a in menu.actions()}
    assert not actions["Save View As…"].isEnabled()
    assert actions["Manage Views…"].isEnabled() and actions["Everything"].isEnabled()
    click(qtbot, menu, "Manage Views…")
    manager = window.findChildren(ManageViewsWindow)[0]
    assert manager.names() == ["Everything"] and manager.show_button.isEnabled()
    for button in (manager.rename_button, manager.delete_button, manager.duplicate_button):
        assert not button.isEnabled()
    QTest.keyClick(manager.list, Qt.Key.Key_Delete)
    assert manager.names() == ["Everything"]
    QTest.keyClick(manager.list, Qt.Key.Key_Return)
    assert workspace.views.button.text() == "Everything"


def drop(qtbot: QtBot, manager: ManageViewsWindow, source: int, target: int) -> None:
    """Drag row `source` onto the lower part of row `target`, as a mouse drag drops it."""
    view = manager.list
    view.setCurrentRow(source)
    data = view.model().mimeData([view.model().index(source, 0)])
    assert isinstance(data, QMimeData)
    rect = view.visualItemRect(view.item(target))
    pos = rect.center() + QPoint(0, rect.height() // 2 - 1)
    port = view.viewport()
    action, buttons, mods = (
        Qt.DropAction.MoveAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    actions = Qt.DropAction.MoveAction
    QApplication.sendEvent(port, QDragEnterEvent(pos, actions, data, buttons, mods))
    QApplication.sendEvent(port, QDragMoveEvent(pos, actions, data, buttons, mods))
    event = QDropEvent(pos.toPointF(), actions, data, buttons, mods)
    event.setDropAction(action)
    QApplication.sendEvent(port, event)


@OFFSCREEN_POPUP
def test_manage_views_reorders_renames_duplicates_and_deletes(
    qtbot: QtBot, window: MainWindow, english: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sync(window, english)
    workspace = ws(window)
    switcher, undo = workspace.views, workspace.undo_stack
    for name in ("A", "B", "C"):
        assert switcher.save_as(name) is not None
    manager = open_manager(qtbot, window)
    assert manager.names() == ["A", "B", "C"]
    assert manager.list.currentItem().text() == "C"  # the view shown now
    assert manager.detail.text() == "Filter: every requirement"
    assert manager.focusWidget() is manager.list  # the keys below reach it

    QTest.keyClick(manager.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert manager.names() == ["A", "C", "B"] and undo.undoText() == "Reorder view C"
    QTest.keyClick(manager.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert manager.names() == ["C", "A", "B"] and manager.list.currentItem().text() == "C"
    QTest.keySequence(manager, "Ctrl+Z")  # one step each
    assert manager.names() == ["A", "C", "B"]
    QTest.keyClick(manager.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert manager.names() == ["A", "B", "C"]

    drop(qtbot, manager, 0, 2)  # A after C
    assert manager.names() == ["B", "C", "A"] and undo.undoText() == "Reorder view A"
    submenu_names = [e[0] for e in window.commands.saved_views.entries()[:3]]
    assert submenu_names == ["B", "C", "A"]

    monkeypatch.setattr(questions, "ask_view_name", lambda *_: "Alpha")
    manager.select(manager.views[2].uid)
    QTest.keyClick(manager.list, Qt.Key.Key_F2)
    assert manager.names() == ["B", "C", "Alpha"] and undo.undoText() == "Rename view A to Alpha"

    manager.list.setCurrentRow(0)
    QTest.keySequence(manager, "Ctrl+D")
    assert manager.names() == ["B", "B (copy)", "C", "Alpha"]
    assert manager.list.currentItem().text() == "B (copy)"
    copy = manager.views[1]
    assert (copy.criteria, copy.columns, copy.sort) == (
        manager.views[0].criteria,
        manager.views[0].columns,
        manager.views[0].sort,
    )
    QTest.keySequence(manager, "Ctrl+Z")
    assert manager.names() == ["B", "C", "Alpha"]  # the copy went in one step

    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(dialogs, "yes_no", yes)
    manager.list.setCurrentRow(1)
    QTest.keyClick(manager.list, Qt.Key.Key_Delete)
    assert asked == ["Delete the view “C”? Undo brings it back."]
    assert manager.names() == ["B", "Alpha"] and undo.undoText() == "Delete view C"

    # The buttons reach the same; Enter shows the chosen view.
    manager.list.setCurrentRow(1)
    QTest.mouseClick(manager.up_button, Qt.MouseButton.LeftButton)
    assert manager.names() == ["Alpha", "B"]
    QTest.keyClick(manager.list, Qt.Key.Key_Return)
    assert switcher.button.text() == "Alpha"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keySequence(window, "Ctrl+S")
    qtbot.waitUntil(lambda: workspace.clean)
    assert names_on_disk(english) == ["Alpha", "B"]


@OFFSCREEN_POPUP
@pytest.mark.usefixtures("chinese")
def test_the_menu_and_the_manager_in_chinese(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    switcher = ws(window).views
    assert switcher.save_as("发布范围") is not None
    menu = submenu(qtbot, window)
    assert window.commands.saved_views.menu.title() == "已保存的视图(&S)"
    assert [e[0] for e in entries(menu)] == [
        "发布范围",
        "显示全部需求(A)",
        "另存为视图(S)…",
        "管理视图(M)…",
    ]
    click(qtbot, menu, "管理视图(M)…")
    manager = window.findChildren(ManageViewsWindow)[0]
    manager.activateWindow()
    qtbot.waitUntil(manager.isActiveWindow)
    assert manager.windowTitle() == "管理视图"
    assert manager.rename_button.text() == "重命名(&R)…"
    assert manager.detail.text() == "筛选：全部需求"
    QTest.keySequence(manager, "Ctrl+D")
    assert manager.names() == ["发布范围", "发布范围 副本"]


@OFFSCREEN_POPUP
def test_the_views_button_opens_the_manager_too(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_sync(window, english)
    switcher = ws(window).views
    assert switcher.save_as("Mine") is not None
    switcher.popup()
    qtbot.waitUntil(switcher.menu.isVisible)
    click(qtbot, switcher.menu, "Manage Views…")
    [manager] = window.findChildren(ManageViewsWindow)
    qtbot.waitUntil(manager.isVisible)
    assert manager.names() == ["Mine"]
    switcher.manage()  # asked again: the same window, raised
    assert window.findChildren(ManageViewsWindow) == [manager]
