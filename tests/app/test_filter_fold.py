"""The filter lists fold away beside the text box (a laptop's tree gets their rows
back); folded, the button says how many lists still filter; the choice is kept
for the next project and start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pmdesk.app.main_window import MainWindow
from pmdesk.app.settings import AppSettings
from tests.app.conftest import open_sync, ws
from tests.app.filter_helpers import OFFSCREEN_POPUP, pick


@OFFSCREEN_POPUP
def test_fold_the_lists_the_button_counts_what_filters_and_it_is_kept(
    qtbot: QtBot, window: MainWindow, sample: Path, settings: AppSettings
) -> None:
    open_sync(window, sample)
    pane = ws(window).tree_pane
    bar = pane.bar
    status = bar.fields["status"]
    assert bar.lists.isVisible() and status.isVisible()
    assert bar.fold.text() == "Filters"
    tree_height = pane.view.height()

    pick(qtbot, status, "Draft", "In review")
    assert bar.fold.text() == "Filters (1)"
    QTest.mouseClick(bar.fold, Qt.MouseButton.LeftButton)
    assert not bar.lists.isVisible() and not status.isVisible()
    qtbot.waitUntil(lambda: pane.view.height() > tree_height)  # the rows went to the tree
    assert bar.fold.text() == "Filters (1)"  # still filtering while folded
    assert settings.filters_folded

    bar.clear()
    assert bar.fold.text() == "Filters"
    assert window.close_project()
    open_sync(window, sample)  # kept: the next project opens folded
    bar = ws(window).tree_pane.bar
    assert bar.folded and not bar.lists.isVisible()
    QTest.mouseClick(bar.fold, Qt.MouseButton.LeftButton)
    assert bar.lists.isVisible() and not settings.filters_folded
