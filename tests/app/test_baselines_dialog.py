"""Project ▸ Baselines driven with clicks: create, compare after an edit made in
the window, select from the comparison, delete, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.app import dialogs
from pmdesk.app.history.baselines_dialog import BaselinesDialog, around_edit
from pmdesk.app.main_window import MainWindow
from tests.app.conftest import Answers, open_sync, ws
from tests.app.test_detail_editor import retype
from tests.app.trees import top_item


class Names:
    """What the patched name question answers (in turn) and what it suggested."""

    def __init__(self) -> None:
        self.answers: list[str | None] = []
        self.suggested: list[str] = []
        self.deletes: list[str] = []
        self.confirm = True


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> Names:
    n = Names()

    def ask(_parent: QWidget, suggestion: str, *, renaming: bool = False) -> str | None:
        n.suggested.append(suggestion)
        return n.answers.pop(0) if n.answers else None

    def confirm(_parent: QWidget, name: str) -> bool:
        n.deletes.append(name)
        return n.confirm

    monkeypatch.setattr(dialogs, "ask_baseline_name", ask)
    monkeypatch.setattr(dialogs, "confirm_delete_baseline", confirm)
    return n


@pytest.fixture
def opened(qtbot: QtBot, window: MainWindow, sample: Path) -> BaselinesDialog:
    open_sync(window, sample)
    window.commands.baselines.trigger()  # Project ▸ Baselines…
    dialog = window.findChild(BaselinesDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def uid_of(window: MainWindow, key: str) -> str:
    project = ws(window).session.project
    return next(r[0] for r in project.find_requirements(key, 50) if r[1] == key)


def rows(tree: QTreeWidget) -> list[list[str]]:
    """Every row of a tree, depth first, as its column texts."""
    found: list[list[str]] = []

    def walk(item: QTreeWidgetItem | None) -> None:
        assert item is not None
        found.append([item.text(c) for c in range(tree.columnCount())])
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return found


def click(qtbot: QtBot, tree: QTreeWidget, text: str) -> None:
    item = next(
        i for i in tree.findItems(text, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive)
    )
    tree.scrollToItem(item)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )


def test_create_edit_a_title_compare_and_select(
    qtbot: QtBot, window: MainWindow, opened: BaselinesDialog, names: Names
) -> None:
    dialog = opened
    assert dialog.list.topLevelItemCount() == 0
    assert "No baselines yet" in dialog.hint.text()
    names.answers = ["v1.0 评审版"]
    QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert names.suggested == ["v1.0 评审版"]  # the sample is version 1.0, in Chinese
    assert [top_item(dialog.list, 0).text(c) for c in (0, 2)] == ["v1.0 评审版", "测试员"]
    assert window.commands.undo.text().endswith("Create baseline “v1.0 评审版”")
    assert dialog.hint.text() == "No requirement changed since this baseline."

    crm2 = uid_of(window, "CRM-2")
    assert window.workspace is not None
    ws(window).tree_pane.view.select_uid(crm2)
    retype(qtbot, ws(window).detail_editor.form.title, "客户全景视图")
    ws(window).tree_pane.view.select_uid(uid_of(window, "CRM-1"))

    QTest.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert rows(dialog.changes) == [
        ["Changed (1)", "", ""],
        ["CRM-2  客户全景视图", "", ""],
        ["Title", "客户 360° 视图", "客户全景视图"],
    ]
    assert "0 added, 1 changed, 0 removed" in dialog.summary.text()
    click(qtbot, dialog.changes, "CRM-2")
    assert ws(window).tree_pane.view.current_uid() == crm2  # selected in the main window


def test_comparison_follows_edits_while_open(
    qtbot: QtBot, window: MainWindow, opened: BaselinesDialog, names: Names
) -> None:
    names.answers = ["v1.0"]
    QTest.mouseClick(opened.new_button, Qt.MouseButton.LeftButton)
    crm3 = uid_of(window, "CRM-3")
    ws(window).tree_pane.view.select_uid(crm3)
    ws(window).tree_pane.view.delete_action.trigger()
    qtbot.waitUntil(lambda: "Removed (1)" in [r[0] for r in rows(opened.changes)])
    assert ws(window).tree_pane.view.current_uid() != crm3


def test_a_taken_name_is_said_and_asked_again(
    qtbot: QtBot, opened: BaselinesDialog, names: Names, answers: Answers
) -> None:
    names.answers = ["v1.0 评审版"]
    QTest.mouseClick(opened.new_button, Qt.MouseButton.LeftButton)
    names.answers = [" V1.0  评审版 ", "v1.1 评审版"]
    QTest.mouseClick(opened.new_button, Qt.MouseButton.LeftButton)
    assert names.suggested[1:] == ["v1.0 评审版 (2)", " V1.0  评审版 "]  # asked again, as typed
    assert answers.errors == [
        "The project already has a baseline named “v1.0 评审版”; choose another name."
    ]
    texts = [top_item(opened.list, i).text(0) for i in range(opened.list.topLevelItemCount())]
    assert texts == ["v1.0 评审版", "v1.1 评审版"]
    current = opened.list.currentItem()
    assert current is not None and current.text(0) == "v1.1 评审版"  # the new one is selected


def test_delete_asks_and_undo_brings_it_back_and_undoes_the_create(
    qtbot: QtBot, window: MainWindow, opened: BaselinesDialog, names: Names
) -> None:
    names.answers = ["v1.0 评审版"]
    QTest.mouseClick(opened.new_button, Qt.MouseButton.LeftButton)
    names.confirm = False
    QTest.mouseClick(opened.delete_button, Qt.MouseButton.LeftButton)
    assert names.deletes == ["v1.0 评审版"] and opened.list.topLevelItemCount() == 1
    names.confirm = True
    QTest.mouseClick(opened.delete_button, Qt.MouseButton.LeftButton)
    assert opened.list.topLevelItemCount() == 0
    window.commands.undo.trigger()  # undo the delete
    assert opened.list.topLevelItemCount() == 1
    window.commands.undo.trigger()  # undo the create
    assert opened.list.topLevelItemCount() == 0
    assert not window.isWindowModified()


def test_rename(qtbot: QtBot, opened: BaselinesDialog, names: Names) -> None:
    names.answers = ["v1.0", "v1.0 评审版"]
    QTest.mouseClick(opened.new_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(opened.rename_button, Qt.MouseButton.LeftButton)
    assert names.suggested[-1] == "v1.0"
    assert top_item(opened.list, 0).text(0) == "v1.0 评审版"


def test_closing_the_project_closes_the_window(
    qtbot: QtBot, window: MainWindow, opened: BaselinesDialog
) -> None:
    with qtbot.waitSignal(opened.destroyed, timeout=5000):
        assert window.close_project()
    assert not window.commands.baselines.isEnabled()


def test_long_texts_show_around_their_first_edit() -> None:
    before = "开头" * 60 + "旧的说法" + "结尾" * 60
    after = "开头" * 60 + "新的说法" + "结尾" * 60
    old, new = around_edit(before, after)
    assert old.startswith("…") and old.endswith("…") and "旧的说法" in old
    assert "新的说法" in new and len(new) < 100
    assert around_edit("短", "长") == ("短", "长")


def test_a_damaged_baseline_says_so_instead_of_a_comparison(
    qtbot: QtBot, window: MainWindow, opened: BaselinesDialog, names: Names
) -> None:
    """Its frozen snapshot was changed by another tool: the dialog names it."""
    from sqlalchemy import update

    from pmdesk.core.schema.tables import Baseline

    dialog = opened
    names.answers = ["v1.0 评审版"]
    QTest.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert window.workspace is not None
    with ws(window).session.working_copy.store.engine.begin() as conn:
        conn.execute(update(Baseline).values(snapshot='{"pmdesk_snapshot": 1, "lanes": 7}'))
    QTest.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert dialog.hint.text() == (
        "The baseline “v1.0 评审版” is damaged: its frozen copy of the project cannot be read "
        "(lanes: expected a list, found a number). Delete the baseline, or open a backup of "
        "the project."
    )
    assert dialog.pages.currentWidget() is dialog.hint
