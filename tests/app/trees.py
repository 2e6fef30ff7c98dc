"""Reading a QTreeWidget in tests, where Qt's getters may return None."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def top_item(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    """The tree's top-level item at `row` (the test fails here if there is none)."""
    item = tree.topLevelItem(row)
    assert item is not None, f"the tree has no row {row}"
    return item
