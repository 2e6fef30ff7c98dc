"""View ▸ Value vs Effort: the matrix window on the sample project, opened by
its shortcut; hover, click and a real mouse drag of a dot, saved to disk and
undone; the tree's picks; a read-only project refusing the drag."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeySequence, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from pmdesk.app.analysis.matrix_canvas import MatrixCanvas
from pmdesk.app.analysis.matrix_window import MatrixWindow
from pmdesk.app.main_window import MainWindow
from pmdesk.core.project import Project
from pmdesk.export.matrix_picture import DOTS
from tests.app.conftest import Answers, open_sync, ws
from tests.app.test_read_only import REFUSED, lock_by_colleague
from tests.core.value_helpers import keep_only_values

# Values given to the sample before it opens (its efforts are the sample's own:
# CRM-2 3.0, CRM-3 1.0, CRM-4 1.5, CRM-12 0.5, CRM-13 1.5).
VALUES = {"CRM-2": 8.0, "CRM-3": 3.0, "CRM-4": 6.0, "CRM-12": 9.0, "CRM-13": 2.0}


def assess(path: Path, values: dict[str, float] = VALUES) -> dict[str, str]:
    """Give the sample's requirements these values alone; returns key → uid."""
    project = Project.open(path, data_dir=path.parent / "assess")
    try:
        uids = keep_only_values(project, values)
        project.save()
    finally:
        project.close()
    return uids


def on_disk(path: Path, uid: str) -> tuple[float | None, float | None]:
    with Project.view(path) as view:
        detail = view.requirement(uid)
    assert detail is not None
    rice = detail.values["rice"] or {}
    return detail.values["value"], rice.get("effort")


def open_matrix(qtbot: QtBot, window: MainWindow) -> MatrixWindow:
    """Ctrl+Shift+X, as a user presses it."""
    assert window.commands.matrix.shortcut() == QKeySequence("Ctrl+Shift+X")
    window.activateWindow()
    qtbot.keySequence(window, QKeySequence("Ctrl+Shift+X"))
    found = [w for w in window.findChildren(MatrixWindow) if w.isVisible()]
    assert len(found) == 1, "the matrix window is not shown"
    mw = found[0]
    mw.resize(1100, 700)
    qtbot.waitUntil(lambda: mw.canvas.width() > 500)
    return mw


def place(canvas: MatrixCanvas, key: str) -> QPoint:
    plot = canvas.plot()
    point = next(p for p in canvas.matrix.points if p.key == key)
    return plot.places[point.uid].toPoint()


def hover(canvas: MatrixCanvas, at: QPoint) -> None:
    """A move without a button, as the pointer passes over the picture."""
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(at),
        QPointF(canvas.mapToGlobal(at)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, move)


def drag(canvas: MatrixCanvas, start: QPoint, end: QPoint) -> None:
    """Press, move in steps and release, as a hand on a mouse does."""
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(canvas, left, none, start)
    for i in range(1, 7):
        QTest.mouseMove(canvas, start + (end - start) * (i / 6))
    QTest.mouseRelease(canvas, left, none, end)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_hover_click_and_drag_saved_and_undone(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    uids = assess(sample)
    open_sync(window, sample)
    mw = open_matrix(qtbot, window)
    canvas = mw.canvas
    shown = {p.key for p in canvas.matrix.points}
    assert shown == set(VALUES)
    assert canvas.matrix.split == 1.5  # median of 3.0, 1.0, 1.5, 0.5, 1.5
    listed = [mw.unassessed.item(n).text().split()[0] for n in range(mw.unassessed.count())]
    assert "CRM-1" in listed and "CRM-5" in listed  # no value: beside, not at 0
    assert not set(listed) & set(VALUES)
    assert "CRM-37" not in listed  # rejected

    # Each dot in its quadrant's colour; CRM-12 (value 9, 0.5) is a quick win.
    image = canvas.grab().toImage()
    ratio = image.devicePixelRatio()
    for point in canvas.matrix.points:
        centre = canvas.plot().places[point.uid]
        pixel = QColor(image.pixel(int(centre.x() * ratio), int(centre.y() * ratio)))
        assert pixel.name() == QColor(DOTS[canvas.matrix.quadrant(point)]).name(), point.key
    crm12 = next(p for p in canvas.matrix.points if p.key == "CRM-12")
    assert canvas.matrix.quadrant(crm12) == "quick_win"

    # Hover shows the title; a click picks the requirement everywhere.
    hover(canvas, place(canvas, "CRM-12"))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith(f"CRM-12  {crm12.title}")
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=place(canvas, "CRM-12"))
    assert ws(window).selection.uid == uids["CRM-12"]
    assert canvas.current == uids["CRM-12"]

    # Drag CRM-12 to value 4, effort 3: a time sink now, one undo step.
    target = canvas.plot().at(3.0, 4.0).toPoint()
    drag(canvas, place(canvas, "CRM-12"), target)
    stack = ws(window).undo_stack
    assert stack.count() == 1
    assert stack.text(0) == "Set value and effort of CRM-12"
    moved = next(p for p in canvas.matrix.points if p.key == "CRM-12")
    assert (moved.value, moved.effort) == (4.0, 3.0)
    assert canvas.matrix.quadrant(moved) == "time_sink"
    assert window.save()
    assert on_disk(sample, uids["CRM-12"]) == (4.0, 3.0)

    # Ctrl+Z in the matrix window gives both back; the dot goes home.
    mw.activateWindow()
    qtbot.keySequence(mw, QKeySequence("Ctrl+Z"))
    qtbot.waitUntil(lambda: stack.index() == 0)
    back = next(p for p in canvas.matrix.points if p.key == "CRM-12")
    assert (back.value, back.effort) == (9.0, 0.5)
    assert window.save()
    assert on_disk(sample, uids["CRM-12"]) == (9.0, 0.5)


def test_the_trees_picks_and_a_release(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    uids = assess(sample)
    open_sync(window, sample)
    tree = ws(window).tree_pane.view
    for key in ("CRM-2", "CRM-3", "CRM-5"):
        tree.select_uid(uids[key])  # revealed: their parents expanded
    # Ctrl+click the three rows, as a user picks several.
    for n, key in enumerate(("CRM-2", "CRM-3", "CRM-5")):
        index = tree.source.index_of(uids[key])
        tree.scrollTo(index)
        spot = tree.visualRect(index).center()
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, spot)
    assert len(tree.selectionModel().selectedRows(0)) == 3
    mw = open_matrix(qtbot, window)
    assert mw.scope.currentData() == "picked"
    assert "3" in mw.scope.currentText()
    assert {p.key for p in mw.canvas.matrix.points} == {"CRM-2", "CRM-3"}
    assert [mw.unassessed.item(n).text().split()[0] for n in range(mw.unassessed.count())] == [
        "CRM-5"
    ]
    # Another scope: one release.
    v11 = mw.scope.findText("v1.1", Qt.MatchFlag.MatchContains)
    mw.scope.setCurrentIndex(v11)
    assert {p.key for p in mw.canvas.matrix.points} == set()  # none of v1.1 has a value
    assert mw.unassessed.count() > 0


def test_read_only_refuses_the_drag(
    qtbot: QtBot, window: MainWindow, sample: Path, answers: Answers
) -> None:
    uids = assess(sample)
    lock_by_colleague(sample)
    before = sample.read_bytes()
    open_sync(window, sample)
    assert ws(window).session.read_only
    mw = open_matrix(qtbot, window)
    assert mw.note.isVisible()
    start = place(mw.canvas, "CRM-12")
    drag(mw.canvas, start, mw.canvas.plot().at(3.0, 4.0).toPoint())
    assert window.statusBar().currentMessage() == REFUSED
    assert ws(window).undo_stack.count() == 0
    assert place(mw.canvas, "CRM-12") == start  # the dot did not move
    assert window.close_project()
    assert sample.read_bytes() == before
    assert on_disk(sample, uids["CRM-12"]) == (9.0, 0.5)


def test_overlapping_dots_stay_apart(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    """Five requirements at the same value and effort: five dots, each clickable."""
    assess(sample, dict.fromkeys(("CRM-3", "CRM-6", "CRM-14", "CRM-15", "CRM-19"), 7.0))
    open_sync(window, sample)
    mw = open_matrix(qtbot, window)
    plot = mw.canvas.plot()
    places = [plot.places[p.uid] for p in mw.canvas.matrix.points]
    assert len(places) == 5
    for n, a in enumerate(places):
        for b in places[n + 1 :]:
            assert (a - b).manhattanLength() > 8  # apart by more than a dot
    for point in mw.canvas.matrix.points:
        assert plot.point_at(QPointF(plot.places[point.uid])) == point
    QApplication.processEvents()


def test_a_listed_requirement_carried_onto_the_matrix(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """CRM-5 has an effort but no value: carried from the list onto the picture,
    it gets the value and effort of the place it is let go, as one undo step."""
    uids = assess(sample)
    open_sync(window, sample)
    mw = open_matrix(qtbot, window)
    listed = mw.unassessed
    row = next(n for n in range(listed.count()) if listed.item(n).text().startswith("CRM-5 "))
    start = listed.visualItemRect(listed.item(row)).center()
    target = mw.canvas.plot().at(1.0, 7.0).toPoint()
    end = listed.viewport().mapFromGlobal(mw.canvas.mapToGlobal(target))
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(listed.viewport(), left, none, start)
    for i in range(1, 7):
        QTest.mouseMove(listed.viewport(), start + (end - start) * (i / 6))
    # While carried, the picture shows where it would land.
    assert mw.canvas.dragged is not None
    assert mw.canvas.dragged[1:] == (7.0, 1.0)
    assert uids["CRM-5"] in mw.canvas.plot().places
    QTest.mouseRelease(listed.viewport(), left, none, end)
    stack = ws(window).undo_stack
    assert stack.count() == 1
    assert stack.text(0) == "Set value and effort of CRM-5"
    assert "CRM-5" in {p.key for p in mw.canvas.matrix.points}
    assert all(not listed.item(n).text().startswith("CRM-5 ") for n in range(listed.count()))
    assert window.save()
    assert on_disk(sample, uids["CRM-5"]) == (7.0, 1.0)
    stack.undo()
    assert window.save()
    assert on_disk(sample, uids["CRM-5"]) == (None, 2.5)


def test_the_keys_walk_and_move_the_dots(qtbot: QtBot, window: MainWindow, sample: Path) -> None:
    uids = assess(sample)
    open_sync(window, sample)
    mw = open_matrix(qtbot, window)
    canvas = mw.canvas
    mw.activateWindow()
    qtbot.waitUntil(mw.isActiveWindow)
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=place(canvas, "CRM-12"))
    qtbot.waitUntil(canvas.hasFocus)
    # Tab walks the dots in key order (CRM-2, CRM-3, CRM-4, CRM-12, CRM-13), picking each.
    QTest.keyClick(canvas, Qt.Key.Key_Tab)
    assert ws(window).selection.uid == uids["CRM-13"]
    QTest.keyClick(canvas, Qt.Key.Key_Backtab)
    assert ws(window).selection.uid == uids["CRM-12"] == canvas.current
    # Up, up, right: value 9 → 10, effort 0.5 → 0.75, a step each.
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Right):
        QTest.keyClick(canvas, key)
    stack = ws(window).undo_stack
    assert stack.count() == 3
    assert {stack.text(n) for n in range(3)} == {"Set value and effort of CRM-12"}
    assert window.save()
    assert on_disk(sample, uids["CRM-12"]) == (10.0, 0.75)
    QTest.keyClick(canvas, Qt.Key.Key_Up)  # at the top of the scale: nothing to do, no step
    assert stack.count() == 3
    for _ in range(3):
        QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == 0
    assert window.save()
    assert on_disk(sample, uids["CRM-12"]) == (9.0, 0.5)
