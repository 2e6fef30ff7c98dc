"""The timeline by keyboard, in the real window: arrows select bars, Alt+arrows
move a bar or its end by one snap unit (one undo step each, named for what it
did), Enter shows the details, Ctrl+0 / Ctrl+= / Ctrl+- fit and zoom."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.roadmap.keys import nudged, step_date
from pmdesk.app.roadmap.pane import RoadmapPane
from tests.app.conftest import ws
from tests.app.roadmap_helpers import bar_of, stored

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused(qtbot: QtBot, pane: RoadmapPane, key: str) -> None:
    """Select `key`'s bar from the tree and put the keyboard focus on the timeline."""
    window = pane.window()
    assert isinstance(window, MainWindow)
    ws(window).tree_pane.view.select_uid(bar_of(pane, key).uid)
    window.activateWindow()
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)


def test_arrows_walk_along_a_row_and_across_rows(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane
) -> None:
    focused(qtbot, pane, "CRM-3")  # row 3: CRM-3, CRM-4; row 4: CRM-2
    tree = ws(window).tree_pane.view
    QTest.keyClick(pane.view, Qt.Key.Key_Right)
    assert pane.view.body.selected == tree.current_uid() == bar_of(pane, "CRM-4").uid
    QTest.keyClick(pane.view, Qt.Key.Key_Right)  # the last of its row stays selected
    assert tree.current_uid() == bar_of(pane, "CRM-4").uid
    QTest.keyClick(pane.view, Qt.Key.Key_Left)
    assert tree.current_uid() == bar_of(pane, "CRM-3").uid
    QTest.keyClick(pane.view, Qt.Key.Key_Down)
    assert tree.current_uid() == bar_of(pane, "CRM-2").uid
    assert ws(window).detail_editor.current_uid == bar_of(pane, "CRM-2").uid
    QTest.keyClick(pane.view, Qt.Key.Key_Up)  # the nearest in time: CRM-2's middle is in CRM-4
    assert tree.current_uid() == bar_of(pane, "CRM-4").uid
    assert ws(window).session.undo_stack.count() == 0


def test_alt_arrows_move_a_bar_and_its_end_one_undo_step_each(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane
) -> None:
    uid = bar_of(pane, "CRM-8").uid  # 2027-02-15 … 2027-03-12
    focused(qtbot, pane, "CRM-8")
    # Two presses before the timeline has redrawn: the second goes on from the first.
    QTest.keyClick(pane.view, Qt.Key.Key_Right, ALT)
    QTest.keyClick(pane.view, Qt.Key.Key_Right, ALT)
    assert (stored(window, uid)["start"], stored(window, uid)["end"]) == (
        "2027-02-17",
        "2027-03-14",
    )
    stack = ws(window).session.undo_stack
    assert stack.count() == 2
    assert stack.text(1) == "Move CRM-8 to 2027-02-17 – 2027-03-14"
    qtbot.waitUntil(lambda: bar_of(pane, "CRM-8").start == dt.date(2027, 2, 17))
    QTest.keyClick(pane.view, Qt.Key.Key_Left, ALT | SHIFT)
    assert (stored(window, uid)["start"], stored(window, uid)["end"]) == (
        "2027-02-17",
        "2027-03-13",
    )
    assert stack.text(2) == "End CRM-8 on 2027-03-13"
    # By weeks: a start goes to the next Monday, an end to the next Sunday.
    pane.snap.setCurrentIndex(pane.snap.findData("week"))
    QTest.keyClick(pane.view, Qt.Key.Key_Right, ALT)
    assert (stored(window, uid)["start"], stored(window, uid)["end"]) == (
        "2027-02-22",
        "2027-03-18",
    )
    QTest.keyClick(pane.view, Qt.Key.Key_Right, ALT | SHIFT)
    assert stored(window, uid)["end"] == "2027-03-21"
    assert stack.count() == 5
    for _ in range(5):
        stack.undo()
    assert (stored(window, uid)["start"], stored(window, uid)["end"]) == (
        "2027-02-15",
        "2027-03-12",
    )


def test_keys_wait_for_the_timeline_after_an_undo(
    qtbot: QtBot, window: MainWindow, pane: RoadmapPane
) -> None:
    uid = bar_of(pane, "CRM-8").uid
    focused(qtbot, pane, "CRM-8")
    QTest.keyClick(pane.view, Qt.Key.Key_Right, ALT)
    stack = ws(window).session.undo_stack
    with qtbot.waitSignal(pane.refreshed, timeout=3000):
        stack.undo()
        QTest.keyClick(pane.view, Qt.Key.Key_Right, ALT)  # the timeline still shows 02-16
    assert stored(window, uid)["start"] == "2027-02-15"  # not moved from a stale picture
    QTest.keyClick(pane.view, Qt.Key.Key_Right, ALT)
    assert stored(window, uid)["start"] == "2027-02-16"


def test_enter_shows_the_details(qtbot: QtBot, window: MainWindow, pane: RoadmapPane) -> None:
    window.tabifyDockWidget(window.detail_dock, window.tree_dock)
    window.tree_dock.raise_()
    focused(qtbot, pane, "CRM-44")
    QTest.keyClick(pane.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws(window).detail_editor.isVisible())
    assert ws(window).detail_editor.current_uid == bar_of(pane, "CRM-44").uid


def test_ctrl_0_fits_and_ctrl_plus_minus_zoom(qtbot: QtBot, pane: RoadmapPane) -> None:
    view = pane.view
    focused(qtbot, pane, "CRM-8")
    assert view.geo is not None
    QTest.keyClick(view, Qt.Key.Key_0, CTRL)
    fitted = view.geo.ppd
    assert abs(view.geo.width - view.viewport().width()) < 8
    QTest.keyClick(view, Qt.Key.Key_Equal, CTRL)
    assert view.geo.ppd == pytest.approx(fitted * 1.5)
    QTest.keyClick(view, Qt.Key.Key_Minus, CTRL)
    QTest.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert view.geo.ppd == pytest.approx(fitted / 1.5)


def test_week_steps_and_nudges() -> None:
    wednesday, sunday = dt.date(2027, 2, 17), dt.date(2027, 2, 21)
    assert step_date(wednesday, "week", 1) == dt.date(2027, 2, 22)
    assert step_date(wednesday, "week", -1) == dt.date(2027, 2, 15)
    assert step_date(dt.date(2027, 2, 15), "week", -1) == dt.date(2027, 2, 8)  # a whole week
    assert step_date(sunday, "week", 1, end=True) == dt.date(2027, 2, 28)
    assert step_date(wednesday, "week", -1, end=True) == dt.date(2027, 2, 14)
    assert step_date(dt.date(2027, 1, 1), "day", -1) == dt.date(2026, 12, 31)
    # An end never passes its start; a one-day bar cannot shrink.
    assert nudged(wednesday, wednesday, "day", -1, resize=True) is None
    assert nudged(wednesday, dt.date(2027, 2, 19), "week", -1, resize=True) == (
        wednesday,
        wednesday,
    )
