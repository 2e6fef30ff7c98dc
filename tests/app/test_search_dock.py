"""Edit ▸ Find in Project (Ctrl+Shift+F): the results dock, driven by keys and
clicks in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.personas.window import PersonasWindow
from pmdesk.app.search.panel import SearchPanel
from pmdesk.app.search.results import HIGHLIGHT
from pmdesk.core.ops import Create, Update
from tests.app.conftest import open_sync, watcher, ws
from tests.app.test_sharing_window import colleague_saves


def search_panel(window: MainWindow) -> SearchPanel:
    dock = window.findChild(QDockWidget, "searchDock")
    assert dock is not None and dock.isVisible(), "the search dock is not shown"
    panel = dock.widget()
    assert isinstance(panel, SearchPanel)
    return panel


def type_query(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    panel.field.selectAll()
    panel.field.insert(text)  # as typed (an input method commits Chinese words whole)
    qtbot.waitUntil(lambda: panel.shown_query == text, timeout=10_000)


def rows(panel: SearchPanel) -> list[str]:
    return [m.key or m.title for m in panel.model.matches]


def test_ctrl_shift_f_searches_as_you_type_and_enter_selects(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    QTest.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = search_panel(window)
    assert QApplication.focusWidget() is panel.field
    type_query(qtbot, panel, "登录")
    assert rows(panel) == ["CRM-26", "CRM-44", "非功能需求"]
    assert panel.status.text() == "3 matches"
    first = panel.model.matches[0]
    assert first.field == "acceptance" and first.marked().count("[登录]") == 1
    QTest.keyClick(panel.field, Qt.Key.Key_Return)  # the first result
    assert ws(window).selection.uid == first.uid
    assert ws(window).tree_pane.view.current_uid() == first.uid
    # Down into the list, to the next one, Enter
    QTest.keyClick(panel.field, Qt.Key.Key_Down)
    QTest.keyClick(panel.list, Qt.Key.Key_Down)
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert ws(window).selection.uid == panel.model.matches[1].uid
    type_query(qtbot, panel, "量子计算")
    assert rows(panel) == []
    assert panel.status.text() == "No matches for “量子计算”."


def test_the_results_follow_an_edit_and_its_undo(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    window.commands.find.trigger()
    panel = search_panel(window)
    type_query(qtbot, panel, "区块链")
    assert rows(panel) == []
    session = ws(window).session
    uid = session.project.search("CRM-4").matches[0].uid
    session.push(Update("requirement", uid, {"title": "区块链时间线"}))
    qtbot.waitUntil(lambda: rows(panel) == ["CRM-4"], timeout=10_000)
    item = panel.list.visualRect(panel.model.index(0, 0)).center()
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=item)
    assert ws(window).selection.uid == uid
    ws(window).undo_stack.undo()
    qtbot.waitUntil(lambda: rows(panel) == [], timeout=10_000)


def test_in_chinese(qtbot: QtBot, window: MainWindow, sample: Path, chinese: None) -> None:
    open_sync(window, sample)
    window.commands.find.trigger()
    panel = search_panel(window)
    type_query(qtbot, panel, "王强")
    assert panel.status.text().endswith("条结果")
    type_query(qtbot, panel, "量子")
    assert panel.status.text() == "没有与“量子”匹配的结果。"


def test_a_section_opens_in_the_document_and_a_persona_in_its_window(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    session = ws(window).session
    session.push(Create("persona", "p-zhou", {"name": "运营专员小周", "role": "运营"}))
    window.commands.find.trigger()
    panel = search_panel(window)
    type_query(qtbot, panel, "二次验证")
    (section,) = panel.model.matches
    assert section.entity == "section" and section.field == "section_body"
    QTest.keyClick(panel.field, Qt.Key.Key_Return)
    document = ws(window).document_pane
    assert document.section_uids()[document.sections.currentRow()] == section.uid
    type_query(qtbot, panel, "小周")
    assert [m.entity for m in panel.model.matches] == ["persona"]
    QTest.keyClick(panel.field, Qt.Key.Key_Return)
    personas = window.findChild(PersonasWindow)
    assert personas is not None and personas.isVisible()
    assert personas.cards.current_uid() == "p-zhou"


def highlighted_pixels(window: MainWindow) -> int:
    view = ws(window).tree_pane.view
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    wanted = QColor(HIGHLIGHT).rgb()
    return sum(
        image.pixel(x, y) == wanted
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def test_the_words_searched_for_are_highlighted_in_the_tree_titles(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    open_sync(window, sample)
    assert highlighted_pixels(window) == 0
    window.commands.find.trigger()
    panel = search_panel(window)
    type_query(qtbot, panel, "客户")
    assert highlighted_pixels(window) > 50
    type_query(qtbot, panel, "量子")  # no matches: nothing highlighted
    assert highlighted_pixels(window) == 0
    pane = ws(window).tree_pane
    pane.search.setText("档案")  # the filter box's words too
    pane.apply_filter()
    assert highlighted_pixels(window) > 20
    pane.search.clear()
    pane.apply_filter()
    assert highlighted_pixels(window) == 0


def test_the_results_follow_a_colleagues_save_merged_in_and_its_undo(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    open_sync(window, sample)
    window.commands.find.trigger()
    panel = search_panel(window)
    type_query(qtbot, panel, "区块链")
    assert rows(panel) == []
    colleague_saves(sample, tmp_path, "CRM-4", {"title": "区块链时间线"})
    assert watcher(window).check()
    assert window.merge_now()
    qtbot.waitUntil(lambda: rows(panel) == ["CRM-4"], timeout=10_000)
    QTest.keyClick(ws(window).tree_pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: rows(panel) == [], timeout=10_000)
