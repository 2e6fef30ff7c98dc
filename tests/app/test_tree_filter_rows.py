"""The rows a Kano, lane, persona or date filter needs are read ahead while
its list is open (off the GUI thread); the filter's answer still follows an
edit made meanwhile, and its undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.tree.criteria import DateRange
from pmdesk.app.tree.pane import TreePane
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops.edits import Update
from tests.app.conftest import open_sync, ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick

DELIGHTERS = {"CRM-9", "CRM-24", "CRM-31", "CRM-33"}  # in the English sample


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "crm-en.pmdesk"
    write_sample(path, "en")
    return path


def matched_keys(tree: TreePane) -> set[str]:
    return {tree.model.key_of(u) for u in tree.matched_uids() or ()}


def uid_of(tree: TreePane, key: str) -> str:
    return next(u for u in tree.model.rows() if tree.model.key_of(u) == key)


@OFFSCREEN_POPUP
@pytest.mark.parametrize("wait", [False, True])
def test_a_kano_edit_made_while_its_list_opens_is_in_the_filter(
    qtbot: QtBot, window: MainWindow, english: Path, wait: bool
) -> None:
    open_sync(window, english)
    tree = ws(window).tree_pane
    crm5 = uid_of(tree, "CRM-5")
    tree.fields["kano"].menu_.aboutToShow.emit()  # the list opens: rows read ahead
    window.tasks.wait()  # read before the edit below (their answer not delivered yet)
    if wait:  # they arrive first, then the edit
        qtbot.waitUntil(lambda: tree._reading is None)
    ws(window).session.push(Update("requirement", crm5, {"kano": "delighter"}))
    pick(qtbot, tree.fields["kano"], "Delighter")
    assert matched_keys(tree) == DELIGHTERS | {"CRM-5"}
    QTest.keySequence(window, "Ctrl+Z")
    assert matched_keys(tree) == DELIGHTERS
    QTest.keySequence(window, "Ctrl+Shift+Z")
    assert matched_keys(tree) == DELIGHTERS | {"CRM-5"}


def test_a_date_filter_read_ahead_follows_a_new_end_date(
    qtbot: QtBot, window: MainWindow, english: Path
) -> None:
    open_sync(window, english)
    tree = ws(window).tree_pane
    dates = tree.bar.dates
    menu = dates.menu()
    assert menu is not None
    menu.aboutToShow.emit()  # the dates drop-down opens: rows read ahead
    qtbot.waitUntil(lambda: tree._reading is None)
    crm5 = uid_of(tree, "CRM-5")
    ws(window).session.push(
        Update("requirement", crm5, {"start": "2031-03-02", "end": "2031-03-20"})
    )
    dates.set_range(DateRange("2031-03-01", "2031-03-31"))
    assert matched_keys(tree) == {"CRM-5"}
    QTest.keySequence(window, "Ctrl+Z")
    assert matched_keys(tree) == set()
