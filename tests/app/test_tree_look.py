"""The requirement tree on a first start: every key readable at every level."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
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


def test_select_all_in_a_big_tree_asks_the_model_about_the_rows_in_sight_only(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in the backlog (test_backlog_bulk): the header painted each column asking
    whether it was selected, which Qt answers from the flags of every top row."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pmdesk.app.tree.model import RequirementTreeModel
    from pmdesk.core.newproject.from_snapshot import import_snapshot
    from pmdesk.core.snapshot.convert import dumps, loads
    from tests.bench.synth import generate

    asked: list[int] = []
    flags = RequirementTreeModel.flags

    def counted(self: RequirementTreeModel, index: QModelIndex) -> Any:
        if not index.parent().isValid():
            asked.append(index.row())
        return flags(self, index)

    monkeypatch.setattr(RequirementTreeModel, "flags", counted)  # before the model is made
    project = tmp_path / "big.pmdesk"
    snapshot = generate(3000)

    def flat(nodes: list[Any]) -> list[Any]:  # every requirement at the top, as imported
        out = []
        for node in nodes:
            children, node["children"] = node.get("children", []), []
            out += [node, *flat(children)]
        return out

    snapshot["requirements"] = flat(snapshot["requirements"])
    import_snapshot(loads(dumps(snapshot)), project)
    open_sync(window, project)
    view = ws(window).tree_pane.view
    top = view.model().rowCount()
    assert top > 300
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    QApplication.processEvents()
    asked.clear()
    QTest.keySequence(view, "Ctrl+A")
    view.viewport().repaint()
    view.header().viewport().repaint()
    QApplication.processEvents()
    assert view.selectionModel().isSelected(view.model().index(top - 1, 0))
    assert len(set(asked)) < 200  # the rows on screen, not every top row
