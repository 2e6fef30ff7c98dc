"""The MoSCoW board, driven as a user would: cards dragged between columns and
onto a release of the list, keys, undo, the file on disk after Save, the
capacity warning and a read-only project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMenu
from pytestqt.qtbot import QtBot

from pmdesk.app.board.model import COLUMNS
from pmdesk.app.board.pane import RELEASE_ROLE, BoardPane
from pmdesk.app.main_window import MainWindow
from pmdesk.core.analysis.moscow import moscow_board
from pmdesk.core.ops import Update
from pmdesk.core.project import Project
from tests.app.conftest import Answers, open_sync, ws
from tests.app.test_read_only import REFUSED, lock_by_colleague

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def board(window: MainWindow, sample: Path) -> BoardPane:
    open_sync(window, sample)
    window.resize(1400, 1000)
    window.show_board()
    window.resizeDocks([window.board_dock], [700], Qt.Orientation.Vertical)
    pane = ws(window).board_pane
    assert pane.model.loaded and pane.view.release == release_uid(pane, "v1.0")
    pane.choose_release(release_uid(pane, "v1.1"))  # cards in every column
    assert pane.title.text() == "v1.1"
    return pane


@pytest.fixture
def pane(window: MainWindow, sample: Path) -> BoardPane:
    return board(window, sample)


def release_uid(pane: BoardPane, name: str) -> str:
    return next(r.uid for r in pane.model.releases if r.name == name)


def uid_of(pane: BoardPane, key: str) -> str:
    return next(c.uid for c in pane.model.cards.values() if c.key == key)


def column_of(pane: BoardPane, key: str) -> str | None:
    place = pane.view.place_of(uid_of(pane, key))
    assert place is not None, f"{key} is not on the board shown"
    return COLUMNS[place[0]]


def release_item(pane: BoardPane, uid: str | None) -> QListWidgetItem:
    for row in range(pane.releases.count()):
        item = pane.releases.item(row)
        if (str(item.data(RELEASE_ROLE)) or None) == uid:
            return item
    raise AssertionError(f"no release {uid} in the list")


def drag(pane: BoardPane, key: str, end: QPoint) -> None:
    """Press on the card, move in steps, release at `end` (view coordinates)."""
    view = pane.view
    start = view.card_center(uid_of(pane, key))
    QTest.mousePress(view, LEFT, NONE, start)
    for i in range(1, 7):
        QTest.mouseMove(view, start + (end - start) * i / 6)
    QTest.mouseRelease(view, LEFT, NONE, end)


def column_point(pane: BoardPane, priority: str | None) -> QPoint:
    rect = pane.view.column_rect(COLUMNS.index(priority))
    return QPoint(int(rect.center().x()), int(rect.top() + 300))


def click(pane: BoardPane, key: str, mods: Qt.KeyboardModifier = NONE) -> None:
    QTest.mouseClick(pane.view, LEFT, mods, pane.view.card_center(uid_of(pane, key)))


def priority_on_disk(path: Path, key: str) -> str | None:
    with Project.view(path) as project:
        cards = project.read(moscow_board).cards
    return next(c.priority for c in cards if c.key == key)


def test_a_card_dragged_to_must_is_one_undo_step_and_saved(
    qtbot: QtBot, window: MainWindow, pane: BoardPane, sample: Path
) -> None:
    assert column_of(pane, "CRM-33") == "could"
    drag(pane, "CRM-33", column_point(pane, "must"))
    assert column_of(pane, "CRM-33") == "must"
    stack = ws(window).undo_stack
    assert stack.count() == 1 and stack.undoText() == "Set priority of CRM-33 to Must"
    assert window.commands.undo.text().endswith("Set priority of CRM-33 to Must")
    ws(window).tree_pane.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert column_of(pane, "CRM-33") == "could"
    stack.redo()
    assert column_of(pane, "CRM-33") == "must"
    assert window.save()
    assert priority_on_disk(sample, "CRM-33") == "must"


def test_a_card_dropped_on_another_release_moves_there(
    window: MainWindow, pane: BoardPane, sample: Path
) -> None:
    v20 = release_uid(pane, "v2.0")
    before = pane.model.count(v20)
    item = release_item(pane, v20)
    target = pane.releases.visualItemRect(item).center()
    end = pane.view.mapFromGlobal(pane.releases.viewport().mapToGlobal(target))
    start = pane.view.card_center(uid_of(pane, "CRM-22"))
    QTest.mousePress(pane.view, LEFT, NONE, start)
    for i in range(1, 7):
        QTest.mouseMove(pane.view, start + (end - start) * i / 6)
    assert pane.drop_target is item and item.font().underline()  # where it would go
    QTest.mouseRelease(pane.view, LEFT, NONE, end)
    assert pane.drop_target is None
    assert pane.model.cards[uid_of(pane, "CRM-22")].release == v20
    assert pane.model.count(v20) == before + 1
    assert pane.view.place_of(uid_of(pane, "CRM-22")) is None  # gone from v1.1's board
    assert ws(window).undo_stack.undoText() == "Move CRM-22 to release v2.0"
    assert release_item(pane, v20).text() == f"v2.0  ({before + 1})"
    assert window.save()
    with Project.view(sample) as project:
        cards = project.read(moscow_board).cards
    assert next(c.release for c in cards if c.key == "CRM-22") == v20


def test_a_drop_on_the_same_column_changes_nothing(window: MainWindow, pane: BoardPane) -> None:
    drag(pane, "CRM-33", column_point(pane, "could"))
    assert ws(window).undo_stack.count() == 0


def test_keys_move_a_card_a_column_and_enter_opens_it(window: MainWindow, pane: BoardPane) -> None:
    click(pane, "CRM-22")
    assert ws(window).selection.uid == uid_of(pane, "CRM-22")
    assert ws(window).tree_pane.view.current_uid() == uid_of(pane, "CRM-22")
    QTest.keyClick(pane.view, Qt.Key.Key_Right, CTRL)
    assert column_of(pane, "CRM-22") == "could"
    QTest.keyClick(pane.view, Qt.Key.Key_Left, CTRL)
    QTest.keyClick(pane.view, Qt.Key.Key_Left, CTRL)
    assert column_of(pane, "CRM-22") == "must"
    stack = ws(window).undo_stack
    assert stack.count() == 3 and stack.undoText() == "Set priority of CRM-22 to Must"
    QTest.keyClick(pane.view, Qt.Key.Key_Left, CTRL)  # Must is the first column
    assert stack.count() == 3
    QTest.keyClick(pane.view, Qt.Key.Key_Down)  # the next Must card
    assert pane.view.current != uid_of(pane, "CRM-22")
    QTest.keyClick(pane.view, Qt.Key.Key_Up)
    assert pane.view.current == uid_of(pane, "CRM-22")
    window.detail_dock.hide()
    QTest.keyClick(pane.view, Qt.Key.Key_Return)
    assert window.detail_dock.isVisible()
    assert (
        ws(window).detail_editor.form.title.text() == pane.model.cards[uid_of(pane, "CRM-22")].title
    )


def test_ctrl_click_takes_a_picked_card_away(window: MainWindow, pane: BoardPane) -> None:
    click(pane, "CRM-22")
    click(pane, "CRM-33", CTRL)
    click(pane, "CRM-22", CTRL)  # taken away again: CRM-33 stays picked, and current
    assert pane.view.picked == [uid_of(pane, "CRM-33")]
    assert pane.view.current == uid_of(pane, "CRM-33")
    assert ws(window).selection.uid == uid_of(pane, "CRM-33")


def test_ctrl_and_shift_clicks_move_several_cards_as_one_step(
    window: MainWindow, pane: BoardPane, sample: Path
) -> None:
    click(pane, "CRM-22")  # Should
    click(pane, "CRM-33", CTRL)  # Could
    assert pane.view.picked == [uid_of(pane, "CRM-22"), uid_of(pane, "CRM-33")]
    drag(pane, "CRM-33", column_point(pane, "wont"))
    assert column_of(pane, "CRM-22") == column_of(pane, "CRM-33") == "wont"
    stack = ws(window).undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Set priority of 2 requirements to Won't"
    stack.undo()
    assert (column_of(pane, "CRM-22"), column_of(pane, "CRM-33")) == ("should", "could")

    should = [c.key for c in pane.model.column_cards(pane.view.release, "should")]
    click(pane, should[0])
    click(pane, should[2], Qt.KeyboardModifier.ShiftModifier)  # the run of three
    QTest.keyClick(pane.view, Qt.Key.Key_Left, CTRL)
    assert all(column_of(pane, key) == "must" for key in should[:3])
    assert column_of(pane, should[3]) == "should"
    assert stack.undoText() == "Set priority of 3 requirements to Must"
    assert window.save()
    assert [priority_on_disk(sample, key) for key in should[:4]] == [
        "must",
        "must",
        "must",
        "should",
    ]


def test_the_shared_selection_shows_the_cards_release(window: MainWindow, pane: BoardPane) -> None:
    v20 = release_uid(pane, "v2.0")
    card = next(c for c in pane.model.cards.values() if c.release == v20)
    ws(window).tree_pane.view.select_uid(card.uid)
    assert pane.view.release == v20
    assert pane.view.picked == [card.uid]
    assert pane.title.text() == "v2.0"


def test_musts_over_capacity_warn_on_the_board_and_the_roadmap(
    window: MainWindow, pane: BoardPane
) -> None:
    session = ws(window).session
    v11 = release_uid(pane, "v1.1")
    pane.choose_release(v11)
    load = pane.model.load(v11)
    assert load.musts == 80.0 and load.effort == 220.0  # 4 and 11 person-months
    assert session.push(Update("release", v11, {"capacity": 60.0}))
    assert pane.model.load(v11).over
    assert pane.warning.isVisible()
    assert pane.warning.text() == (
        "⚠ The Musts alone need 80 person-days: more than the capacity of 60."
    )
    assert pane.figures.text().startswith("220 of 60 person-days planned · Musts 80")
    assert not release_item(pane, v11).icon().isNull()
    assert v11 in ws(window).roadmap_pane.view.over_capacity

    assert [c.key for c in pane.model.column_cards(v11, "must")] == ["CRM-27", "CRM-30", "CRM-32"]
    click(pane, "CRM-30")
    QTest.keyClick(pane.view, Qt.Key.Key_Right, CTRL)  # 40 of the 80 days go to Should
    assert not pane.model.load(v11).over
    assert not pane.warning.isVisible()
    assert release_item(pane, v11).icon().isNull()
    assert v11 not in ws(window).roadmap_pane.view.over_capacity


def test_chinese_undo_label(chinese: None, qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    pane = board(window, sample)
    click(pane, "CRM-33")
    QTest.keyClick(pane.view, Qt.Key.Key_Left, CTRL)
    assert ws(window).undo_stack.undoText() == "将 CRM-33 的优先级设为 Should 应该"
    assert pane.title.text() == "v1.1"
    assert release_item(pane, None).text().startswith("无版本")


def test_read_only_board_shows_and_refuses_drops(
    window: MainWindow, sample: Path, answers: Answers
) -> None:
    lock_by_colleague(sample)
    before = sample.read_bytes()
    pane = board(window, sample)
    assert ws(window).session.read_only
    drag(pane, "CRM-33", column_point(pane, "must"))
    assert column_of(pane, "CRM-33") == "could"
    assert window.statusBar().currentMessage() == REFUSED
    click(pane, "CRM-33")
    QTest.keyClick(pane.view, Qt.Key.Key_Left, CTRL)
    assert column_of(pane, "CRM-33") == "could"
    assert ws(window).undo_stack.count() == 0
    assert window.close_project()
    assert sample.read_bytes() == before


def test_the_board_follows_edits_made_elsewhere(window: MainWindow, pane: BoardPane) -> None:
    session = ws(window).session
    uid = uid_of(pane, "CRM-33")
    reads: list[object] = []
    original = session.project.read

    def counting(query: Any) -> Any:
        reads.append(query)
        return original(query)

    session.project.read = counting  # type: ignore[method-assign]
    try:
        edit: dict[str, object] = {"title": "Playbooks", "owner": "Liu Yang"}
        edit["priority"] = "should"
        edit["rice"] = {"reach": 10.0, "impact": 1.0, "confidence": 0.5, "effort": 0.5}
        assert session.push(Update("requirement", uid, edit))
        # The board updates the card from the effect's values, and the roadmap
        # asks for over-capacity releases only once a release has a capacity.
        assert reads == []
    finally:
        del session.project.read
    card = pane.model.cards[uid]
    assert (card.title, card.owner, card.priority, card.effort) == (
        "Playbooks",
        "Liu Yang",
        "should",
        0.5,
    )
    assert column_of(pane, "CRM-33") == "should"
    assert session.push(Update("requirement", uid, {"status": "rejected"}))
    assert uid not in pane.model.cards  # a rejected requirement leaves the board
    ws(window).undo_stack.undo()
    assert column_of(pane, "CRM-33") == "should"


def test_edits_made_while_the_board_is_hidden_show_when_it_comes_back(
    window: MainWindow, pane: BoardPane
) -> None:
    """Hidden, the board does not regroup on every edit (a table of 100,000 rows
    would wait for it); shown again, it is current: columns, counts and load."""
    session = ws(window).session
    v11, v10 = release_uid(pane, "v1.1"), release_uid(pane, "v1.0")
    uid = uid_of(pane, "CRM-33")
    before = pane.model.load(v11)
    count_v10 = pane.model.count(v10)
    window.board_dock.hide()
    assert not pane.isVisible()
    effort = {"reach": 10.0, "impact": 1.0, "confidence": 0.5, "effort": 2.0}
    assert session.push(Update("requirement", uid, {"priority": "must", "rice": effort}))
    window.show_board()
    assert pane.isVisible()
    assert column_of(pane, "CRM-33") == "must"
    after = pane.model.load(v11)
    assert after.musts > before.musts
    assert pane.figures.text() != ""
    window.board_dock.hide()
    assert session.push(Update("requirement", uid, {"release": v10}))
    window.show_board()
    pane.choose_release(v10)
    assert column_of(pane, "CRM-33") == "must"
    assert pane.model.count(v10) == count_v10 + 1
    assert release_item(pane, v10).text().endswith(f"({count_v10 + 1})")
    assert pane.model.load(v11).musts < after.musts


def test_view_menu_brings_the_board_forward(window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)
    window.roadmap_dock.raise_()
    found = ws(window).session.project.find_requirements("CRM-24", 50)
    ws(window).selection.set(next(r[0] for r in found if r[1] == "CRM-24"))
    assert window.commands.board.shortcut().toString() == "Ctrl+Shift+O"
    window.commands.board.trigger()
    pane = ws(window).board_pane
    assert pane.isVisible() and pane.model.loaded
    assert pane.title.text() == "v2.0"  # the release of the requirement selected before
    assert pane.view.picked == [uid_of(pane, "CRM-24")]
    assert pane.view.hasFocus() or pane.view.isVisible()


def test_a_renamed_or_removed_release_shows_at_once(window: MainWindow, pane: BoardPane) -> None:
    from pmdesk.core.ops import RemoveRelease

    session = ws(window).session
    v11 = release_uid(pane, "v1.1")
    assert session.push(Update("release", v11, {"name": "v1.1 beta"}))
    assert pane.title.text() == "v1.1 beta"
    assert release_item(pane, v11).text() == "v1.1 beta  (8)"
    before = pane.model.count(None)
    assert session.push(RemoveRelease(v11))
    assert pane.model.count(None) == before + 8  # its cards have no release now
    assert release_item(pane, None).text() == f"No release  ({before + 8})"
    ws(window).undo_stack.undo()
    assert pane.model.count(v11) == 8


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_cards_tooltip_gives_its_whole_title(pane: BoardPane) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    view = pane.view
    at = view.card_center(uid_of(pane, "CRM-26"))
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, at, view.mapToGlobal(at)))
    card = pane.model.cards[uid_of(pane, "CRM-26")]
    assert QToolTip.text() == f"CRM-26  {card.title}\n{card.owner}\n1.5 pm"
    QToolTip.hideText()


def menu_entry(menu: QMenu, *path: str) -> QAction:
    for text in path[:-1]:
        sub = next(a.menu() for a in menu.actions() if a.text() == text)
        assert isinstance(sub, QMenu)
        menu = sub
    found = next((a for a in menu.actions() if a.text() == path[-1]), None)
    assert found is not None, f"no {path[-1]!r} in {[a.text() for a in menu.actions()]}"
    return found


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_menu_key_moves_picked_cards_to_a_release(window: MainWindow, pane: BoardPane) -> None:
    from PySide6.QtGui import QContextMenuEvent

    click(pane, "CRM-22")
    click(pane, "CRM-26", CTRL)
    at = pane.view.card_center(uid_of(pane, "CRM-26"))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, pane.view.mapToGlobal(at))
    QApplication.sendEvent(pane.view, event)
    assert pane.menu is not None
    menu_entry(pane.menu, "Move to &Release", "v2.0").trigger()
    v20 = release_uid(pane, "v2.0")
    assert {pane.model.cards[uid_of(pane, k)].release for k in ("CRM-22", "CRM-26")} == {v20}
    assert ws(window).undo_stack.undoText() == "Move 2 requirements to release v2.0"
    ws(window).undo_stack.undo()
    click(pane, "CRM-29")
    at = pane.view.card_center(uid_of(pane, "CRM-29"))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, pane.view.mapToGlobal(at))
    QApplication.sendEvent(pane.view, event)
    menu_entry(pane.menu, "&Priority", "Not assessed").trigger()
    assert column_of(pane, "CRM-29") is None
    assert ws(window).undo_stack.undoText() == "Set priority of CRM-29 to Not assessed"
    pane.menu.close()


def test_behind_the_backlog_tab_the_board_waits_and_catches_up_when_chosen(
    qtbot: QtBot, window: MainWindow, pane: BoardPane
) -> None:
    """A tab behind another stays "visible" to Qt with nothing on screen: the
    board must not regroup then, and must be current once its tab is chosen."""
    session = ws(window).session
    uid = uid_of(pane, "CRM-33")
    window.show_backlog()  # the backlog's tab in front of the board's
    assert pane.isVisible()  # (to Qt: a tab behind another is not hidden)
    assert pane.out_of_sight()
    assert session.push(Update("requirement", uid, {"priority": "must"}))
    assert pane._stale  # nothing regrouped behind the table
    window.show_board()
    assert not pane._stale
    assert column_of(pane, "CRM-33") == "must"
