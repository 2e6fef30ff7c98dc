"""The requirement tree on a first start: every key readable at every level."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QStyleOptionViewItem

from pmdesk.app.main_window import MainWindow
from pmdesk.app.tree.model import Column
from tests.app.conftest import open_sync, ws


def depth_of(index: QModelIndex) -> int:
    depth = 0
    while index.isValid():
        depth, index = depth + 1, index.parent()
    return depth


def test_keys_fit_their_column_down_to_stories(window: MainWindow, sample: Path) -> None:
    open_sync(window, sample)  # no saved header state: the first start
    assert window.workspace is not None
    view, model = ws(window).tree_pane.view, ws(window).tree_pane.model
    view.expandAll()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    delegate = view.itemDelegate()
    cut, deepest = [], 0
    pending = [model.index(row, Column.KEY) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        deepest = max(deepest, depth_of(index))
        first = index.siblingAtColumn(0)
        pending += [model.index(r, Column.KEY, first) for r in range(model.rowCount(first))]
        if delegate.sizeHint(option, index).width() > view.visualRect(index).width():
            cut.append(str(index.data()))
    assert deepest >= 3  # stories are shown
    assert cut == []
