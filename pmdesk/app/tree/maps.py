"""The requirement tree as plain dictionaries, built off the GUI thread.

The tree model keeps the whole tree in these maps; building them for 100,000
rows takes about 0.15 s, so an opening project builds them on the worker
thread and the window only wraps them in a model. No Qt here.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pmdesk.core.storage.tree_read import TreeRead

Row = tuple[Any, ...]  # replaced whole on a change, never mutated
# Positions inside a row (the order of queries.TREE_COLUMNS and tree_read.TREE_SQL).
UID, PARENT, KEY, TITLE, KIND, STATUS, PRIORITY, OWNER, RELEASE = range(9)


@dataclass
class TreeMaps:
    rows: dict[str, Row] = field(default_factory=dict)  # by uid
    children: dict[str | None, list[str]] = field(default_factory=dict)  # by parent uid
    pos: dict[str, int] = field(default_factory=dict)  # row number among its siblings
    releases: list[tuple[str, str]] = field(default_factory=list)  # (uid, name), in order


def build_maps(tree: TreeRead) -> TreeMaps:
    maps = TreeMaps(releases=list(tree.releases))
    add_rows(maps, tree.rows)
    return maps


def add_rows(maps: TreeMaps, rows: Iterable[Sequence[Any]]) -> None:
    """Add rows (parents before children, siblings in order) and renumber."""
    # Every index's internal pointer is the uid object stored in its row; the
    # children lists hold those same objects (identity matters to Qt).
    # The collector is paused: at 100,000 rows its passes over the growing
    # dictionaries took longer than building them (nothing here makes cycles).
    collecting = gc.isenabled()
    gc.disable()
    try:
        children, found = maps.children, maps.rows
        for row in rows:
            row = tuple(row)
            found[row[UID]] = row
            kids = children.get(row[PARENT])
            if kids is None:
                children[row[PARENT]] = [row[UID]]
            else:
                kids.append(row[UID])
        pos = maps.pos
        for kids in children.values():
            pos.update(zip(kids, range(len(kids)), strict=True))
    finally:
        if collecting:
            gc.enable()
