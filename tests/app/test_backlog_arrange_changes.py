"""After a bulk edit, the backlog puts the changed rows in their places without
sorting every row again; the rows, groups and selection must be exactly what a
full sort and grouping gives, in every direction, with empty values and ties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.app.backlog.arrange import SortKey
from pmdesk.app.backlog.model import BacklogModel
from pmdesk.app.main_window import MainWindow
from pmdesk.core.queries.backlog import OWNER, PRIORITY
from tests.app.backlog_helpers import click_row, open_backlog, saved_rows
from tests.app.conftest import ws

CTRL = Qt.KeyboardModifier.ControlModifier


def arrangement(model: BacklogModel) -> list[Any]:
    """Every row as the table shows it: a uid, or a heading's title and count."""
    shown: list[Any] = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        uid = model.uid_at(index)
        shown.append(uid if uid is not None else model.data(index))
    return shown


CASES: list[tuple[str, list[SortKey], str, Any]] = [
    ("none", [("priority", True)], "priority", "must"),
    ("none", [("priority", False)], "priority", None),  # empty values stay last
    ("none", [("owner", True), ("key", False)], "owner", "Ann"),  # a new text: collated
    ("none", [("value", False)], "value", 9.0),
    ("priority", [], "priority", "could"),  # rows change group
    ("priority", [("title", True)], "priority", "wont"),
    ("owner", [("priority", True), ("score", False)], "owner", "赵敏"),  # a new group
    ("status", [("start", False)], "status", "done"),
]


@pytest.mark.parametrize(("grouping", "order", "field", "value"), CASES)
def test_a_bulk_edit_places_rows_as_a_full_sort_would(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    grouping: str,
    order: list[SortKey],
    field: str,
    value: Any,
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    pane.set_grouping(grouping)
    pane.set_sort(order)
    uids = model.shown_uids()
    chosen = uids[1:30:3]  # rows scattered over the table (and over groups)
    for at, uid in enumerate(chosen):
        click_row(qtbot, pane, uid, CTRL if at else Qt.KeyboardModifier.NoModifier)
    assert sorted(pane.view.selected_uids()) == sorted(chosen)

    full_sorts: list[bool] = []
    model.arrange = lambda **_: full_sorts.append(True)  # type: ignore[method-assign]
    try:
        assert pane.set_field(field, value)
        qtbot.waitUntil(lambda: not model._pending.isActive())
        placed = arrangement(model)
    finally:
        del model.arrange
    assert full_sorts == []  # the changed rows were placed, nothing sorted again
    selected = sorted(pane.view.selected_uids())

    model.arrange()  # the same rows sorted and grouped from scratch
    assert placed == arrangement(model)
    assert selected == sorted(chosen)  # the selection followed its rows

    ws(window).undo_stack.undo()
    qtbot.waitUntil(lambda: not model._pending.isActive())
    undone = arrangement(model)
    model.arrange()
    assert undone == arrangement(model)
    if grouping == "none" and len(order) == 1:
        assert model.shown_uids() == uids  # undo puts every row back where it was


def test_many_changed_rows_are_sorted_again_and_the_file_has_them(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    pane.set_sort([("owner", True)])
    pane.view.selectAll()
    assert pane.set_field("owner", "Zed")
    qtbot.waitUntil(lambda: not model._pending.isActive())
    shown = model.shown_uids()
    model.arrange()
    assert shown == model.shown_uids()
    assert {model.row_of(u)[OWNER] for u in shown} == {"Zed"}
    assert window.save()
    assert {row[OWNER] for row in saved_rows(sample).values()} == {"Zed"}


def test_a_row_an_edit_moves_far_stays_in_sight(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """Found trying it as a new user: sorted by priority, a Must set to Won't jumped
    to the end of the table and out of sight; the table now follows it."""
    pane = open_backlog(qtbot, window, sample)
    window.resize(1280, 700)
    model, view = pane.model, pane.view
    pane.set_sort([("priority", True)])
    uid = next(u for u in model.shown_uids() if model.row_of(u)[PRIORITY] == "must")
    click_row(qtbot, pane, uid)
    view.scrollToTop()
    assert pane.set_field("priority", "wont")
    qtbot.waitUntil(lambda: not model._pending.isActive())
    QApplication.processEvents()
    row = model.index_of(uid)
    assert row.row() > 30  # moved down among the Won'ts, far below the first screen
    assert view.currentIndex().row() == row.row()
    assert view.viewport().rect().intersects(view.visualRect(row))  # and in sight


def test_a_rice_input_edited_moves_its_row_in_a_table_sorted_by_it(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """Found while narrowing a bulk edit's key updates to the fields it set: RICE's
    inputs change as one field ("rice"), so a table sorted by Reach (or Effort…)
    left a row whose reach was edited where it was."""
    from pmdesk.core.ops import Update
    from pmdesk.core.queries.backlog import REACH

    pane = open_backlog(qtbot, window, sample)
    model = pane.model
    pane.set_sort([("reach", True)])
    reached = [u for u in model.shown_uids() if model.row_of(u)[REACH] is not None]
    first = reached[0]
    detail = ws(window).session.project.requirement(first)
    assert detail is not None
    rice = detail.values["rice"]
    assert ws(window).session.push(Update("requirement", first, {"rice": {**rice, "reach": 10**9}}))
    qtbot.waitUntil(lambda: not model._pending.isActive())
    shown = [u for u in model.shown_uids() if model.row_of(u)[REACH] is not None]
    assert shown[-1] == first  # the largest reach, last
    placed = model.shown_uids()
    model.arrange()
    assert model.shown_uids() == placed
