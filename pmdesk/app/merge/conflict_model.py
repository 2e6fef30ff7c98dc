"""The merge conflicts as a two-level list: one row per requirement (or release,
section, …), under it one row per conflicting field with both sides' values and
the choice made.

The model holds the conflicts and the choices, nothing else: `data()` reads
plain values prepared once. Choices change through `set_choice`, which reports
exact `dataChanged` for the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from pmdesk.app import look
from pmdesk.app.merge.conflict_texts import (
    base_text,
    decision_text,
    field_name,
    group_title,
    is_multiline,
    value_text,
)
from pmdesk.app.merge.text_diff import around_difference, plain_markdown
from pmdesk.core.merge.three_way import DELETED, Conflict, Resolution
from pmdesk.core.schema.rows import Tables

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

_NO_GROUP = 0  # internalId of a group row; a conflict row's is its group's number + 1
_CHOSEN = QColor(46, 158, 106, 48)  # a translucent green: readable on light and dark
_UNDECIDED = QColor("#C77700")
_ENTITY_ORDER = ("project", "requirement", "release", "milestone", "lane", "section", "link")


class Column(IntEnum):
    FIELD = 0
    MINE = 1
    THEIRS = 2
    DECISION = 3


class Role(IntEnum):
    CONFLICT = Qt.ItemDataRole.UserRole + 1  # a conflict row's Conflict (None on a group)
    FULL_TEXT = Qt.ItemDataRole.UserRole + 2  # a side's whole value, unshortened


@dataclass
class _Item:
    """A conflict, each side's value in full and as its cell shows it (from just
    before where the two differ), and the value before both edits."""

    conflict: Conflict
    mine: str
    theirs: str
    before: str | None = None  # None: not shown (a deletion names what changed itself)
    cells: tuple[str, str, str] = ("", "", "")  # mine, theirs, before

    def __post_init__(self) -> None:
        flat = plain_markdown if is_multiline(self.conflict) else _one_line
        texts = [flat(t) for t in (self.mine, self.theirs, self.before or "")]
        if self.conflict.field != DELETED:
            texts = around_difference(*texts)
        self.cells = (texts[0], texts[1], texts[2])


@dataclass
class _Group:
    entity: str
    uid: str
    key: str
    title: str
    kind: str | None
    items: list[_Item] = field(default_factory=list)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ConflictModel(QAbstractItemModel):
    """Conflicts grouped by the row they belong to; `choices` maps conflict ids
    to "mine", "theirs" or an `Edited` value."""

    choices_changed = Signal()

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        mine: Tables,
        theirs: Tables,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.choices: dict[str, Resolution] = {}
        self._tables = (mine, theirs)  # a custom field's conflict is named from them
        self.theirs_header = translate("Conflicts", "Theirs")
        groups: dict[tuple[str, str], _Group] = {}
        for conflict in conflicts:
            key = (conflict.entity, conflict.uid)
            if key not in groups:
                label, title = group_title(conflict.entity, conflict.uid, mine, theirs)
                row = mine.get(conflict.entity, {}).get(conflict.uid) or theirs.get(
                    conflict.entity, {}
                ).get(conflict.uid)
                kind = row.get("kind") if row and conflict.entity == "requirement" else None
                groups[key] = _Group(conflict.entity, conflict.uid, label, title, kind)
            item = _Item(
                conflict,
                value_text(conflict, "mine", mine),
                value_text(conflict, "theirs", theirs),
                base_text(conflict, mine, theirs),
            )
            groups[key].items.append(item)
        self._groups = sorted(groups.values(), key=_group_order(mine, theirs))

    # -- choices ---------------------------------------------------------------
    def conflicts(self) -> list[Conflict]:
        return [item.conflict for group in self._groups for item in group.items]

    def choice(self, conflict: Conflict) -> Resolution | None:
        return self.choices.get(conflict.id)

    def set_choice(self, conflict: Conflict, choice: Resolution | None) -> None:
        if self.choices.get(conflict.id) == choice:
            return
        if choice is None:
            self.choices.pop(conflict.id, None)
        else:
            self.choices[conflict.id] = choice
        index = self.index_of(conflict)
        self.dataChanged.emit(index, index.siblingAtColumn(Column.DECISION))
        self.choices_changed.emit()

    def set_all(self, choice: Resolution) -> None:
        for conflict in self.conflicts():
            self.set_choice(conflict, choice)

    def undecided(self) -> int:
        return sum(1 for c in self.conflicts() if c.id not in self.choices)

    def index_of(self, conflict: Conflict, column: int = 0) -> QModelIndex:
        for number, group in enumerate(self._groups):
            for row, item in enumerate(group.items):
                if item.conflict.id == conflict.id:
                    return self.createIndex(row, column, number + 1)
        return QModelIndex()

    def before(self, conflict: Conflict) -> tuple[str, str] | None:
        """The value before both edits (as the list shows it, in full); None for
        a deletion."""
        item = self._item(self.index_of(conflict))
        if item is None or item.before is None:
            return None
        return item.cells[2], item.before

    def conflict_at(self, index: Index) -> Conflict | None:
        item = self._item(index)
        return item.conflict if item is not None else None

    def group_of(self, index: Index) -> tuple[str, str]:
        """The key (or kind of thing) and title of the row a conflict belongs to."""
        if not index.isValid():
            return "", ""
        number = index.row() if index.internalId() == _NO_GROUP else index.internalId() - 1
        group = self._groups[number]
        return group.key, group.title

    # -- Qt model --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.FIELD: translate("Conflicts", "What"),
            Column.MINE: translate("Conflicts", "Yours"),
            Column.THEIRS: self.theirs_header,
            Column.DECISION: translate("Conflicts", "Keep"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_GROUP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        item = self._item(index)
        assert item is not None
        return self._item_data(item, Column(index.column()), role)

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if column != Column.FIELD:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{group.key}  {group.title}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{group.key}  {group.title}".strip()
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and group.kind is not None:
            return look.kind_icon(group.kind)
        return None

    def _item_data(self, item: _Item, column: Column, role: int) -> Any:
        conflict = item.conflict
        choice = self.choices.get(conflict.id)
        side = {Column.MINE: "mine", Column.THEIRS: "theirs"}.get(column)
        text = {
            Column.FIELD: field_name(conflict.field, *self._tables),
            Column.MINE: item.mine,
            Column.THEIRS: item.theirs,
            Column.DECISION: decision_text(conflict, choice),
        }[column]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = {Column.MINE: item.cells[0], Column.THEIRS: item.cells[1]}
            return cells.get(column, _one_line(text))
        if role == Role.FULL_TEXT:
            return text
        if role == Role.CONFLICT:
            return conflict
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.FIELD and item.before is not None:
                text = translate("Conflicts", "Before: %1").replace("%1", item.before)
            return text if len(text) <= 1200 else text[:1199] + "…"
        if role == Qt.ItemDataRole.BackgroundRole and side is not None and choice == side:
            return QBrush(_CHOSEN)
        if role == Qt.ItemDataRole.FontRole and (
            (side is not None and choice == side) or (column == Column.DECISION and choice)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.DECISION and choice is None:
                return QBrush(_UNDECIDED)
            if side is not None and choice is not None and choice != side:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def _item(self, index: Index) -> _Item | None:
        if not index.isValid() or index.internalId() == _NO_GROUP:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]


def _group_order(mine: Tables, theirs: Tables) -> Any:
    """Projects first, then requirements by number (CRM-3 before CRM-12), then the rest."""

    def order(group: _Group) -> tuple[int, int, str]:
        row = mine.get(group.entity, {}).get(group.uid) or theirs.get(group.entity, {}).get(
            group.uid, {}
        )
        found = row.get("number")
        number = found if isinstance(found, int) else 0
        rank = _ENTITY_ORDER.index(group.entity) if group.entity in _ENTITY_ORDER else 99
        return rank, number, f"{group.key} {group.title}"

    return order
