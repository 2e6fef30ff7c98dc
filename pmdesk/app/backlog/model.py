"""The backlog table as a table model over plain rows, flat or grouped.

Rows are the core's backlog tuples by uid, read once; edits are followed from
the effects the session announces (their values, without reading again), so
an edit repaints its cells and a bulk edit of 1,000 rows costs 1,000 dictionary
updates. Structure (the tree's order, for the unsorted order and the parent
groups) comes from the tree model, which follows the same effects first.

Each row of the table is a requirement's uid or, grouped, a group's heading
(a `Group`) followed by its rows: one flat list, so the view (a QTableView) asks
only for the rows it paints, and a sort is one list replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, filterfalse
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from pmdesk.app import collector, look
from pmdesk.app.backlog.arrange import (
    Collation,
    Group,
    SortKey,
    SortKeys,
    group_rank,
    group_uids,
    group_value,
    merge_placed,
    placement,
)
from pmdesk.app.backlog.columns import BY_NAME, COLUMNS, RICE_INPUTS, Names
from pmdesk.app.backlog.custom_columns import slot_of
from pmdesk.app.labels import not_assessed_label, priority_label, status_label
from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.model import RequirementTreeModel
from pmdesk.core.queries.backlog import (
    FIELD_POSITIONS,
    KEY,
    KIND,
    PARENT,
    STATUS,
    TITLE,
    UID,
    BacklogRow,
)

if TYPE_CHECKING:
    from pmdesk.core.ops import Effect

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_HEADING = QBrush(QColor(0x88, 0x99, 0xAA, 72))  # a group's heading: a light band
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDIT_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
# The layout signals' overload that carries a hint (PySide picks it by signature).
_LAYOUT_ARGS = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")
# The fields whose change moves rows: resort or regroup when they are the keys.
WARM_MS = 100  # between two columns' sort keys computed ahead (`warm`)
_SORT_FIELDS = {c.name: c.field for c in COLUMNS}


class BacklogModel(QAbstractTableModel):
    arranged = Signal()  # the rows were sorted, grouped or filtered again
    edits_placed = Signal()  # rows an edit moved were put in their new places
    custom_fields_changed = Signal()  # schema 9: the slots show other fields now

    def __init__(self, session: ProjectSession, tree: RequirementTreeModel) -> None:
        super().__init__(session)
        self._session = session
        self._tree = tree
        self._rows: dict[str, BacklogRow] = {}
        self.names = Names()
        self.collation = Collation()
        self._keys = SortKeys(self.names, self.collation)
        self._tree_order: list[str] | None = None  # None: read it again from the tree
        self._tree_position: dict[str, int] = {}
        self.sort_order: list[SortKey] = []
        self.grouping = "none"
        self._visible: set[str] | None = None  # the tree's filter (None: every row)
        self._entries: list[str | Group] = []  # what each row shows: a uid or a heading
        self._groups: list[Group] = []
        self._heads: list[int] = []  # the rows of the groups' headings
        self._where: dict[str, int] | None = None  # row of each uid shown (built on demand)
        self._lookups = 0  # rows looked up since the rows were arranged
        self._editable = True
        self.loaded = False
        self.pushing = False
        # Rows whose sort or group keys changed since the rows were arranged (None:
        # more than that changed, arrange them all again).
        self._changed: set[str] | None = set()
        self._pending = QTimer(self, singleShot=True, interval=0)  # one arrange per burst
        self._pending.timeout.connect(self._arrange_changes)
        # Columns whose sort keys are computed while the window waits (`warm`).
        self._warming: list[str] = []
        self._warm_timer = QTimer(self, singleShot=True, interval=WARM_MS)
        self._warm_timer.timeout.connect(self._warm_next)
        session.changed.connect(self._follow)

    # -- loading -------------------------------------------------------------------
    def load(self) -> None:
        """Read every row (once the table is first shown) and arrange them."""
        project = self._session.project
        releases, lanes = project.releases_and_lanes()
        self.names.set([(r.uid, r.name) for r in releases], [(x.uid, x.name) for x in lanes])
        self.names.set_personas([(p.uid, p.name) for p in project.personas()])
        self.names.custom.set(project.custom_fields(), project.custom_values())  # schema 9
        self.custom_fields_changed.emit()
        self._rows = {row[UID]: row for row in project.backlog_rows()}
        self._keys = SortKeys(self.names, self.collation)
        self._tree_order = None
        self.loaded = True
        self.arrange(reset=True)
        collector.settle()

    def warm(self, columns: Iterable[str]) -> None:
        """Compute the sort keys of `columns` (those shown) ahead of a header click,
        one column per pause: at 100,000 rows a column's keys (a RICE score each, a
        pinyin rank per title) were half of a first click's 100-120 ms."""
        self._warming = [c for c in columns if c in BY_NAME]
        if self._warming and self.loaded:
            self._warm_timer.start()

    @property
    def warming(self) -> bool:
        """Whether shown columns' sort keys are still to be computed ahead."""
        return bool(self._warming) and self.loaded

    def _warm_next(self) -> None:
        if not self.loaded or not self._warming:
            return
        self._keys.of(self._warming.pop(0), self._rows)
        if self._warming:
            self._warm_timer.start()

    # -- what the view asks ----------------------------------------------------------
    def uid_at(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        return entry if isinstance(entry, str) else None

    def group_at(self, index: Index) -> Group | None:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        return entry if isinstance(entry, Group) else None

    def group_rows(self) -> list[int]:
        """The rows that are a group's heading."""
        return list(self._heads)

    def index_of(self, uid: str | None, column: int = 0) -> QModelIndex:
        """The index showing `uid` (invalid when the filter hides it)."""
        if uid is None:
            return QModelIndex()
        row: int | None
        if self._where is not None:
            row = self._where.get(uid)
        elif self._lookups < 16:  # a few (the current row after a sort): a scan in C each
            self._lookups += 1
            try:
                row = self._entries.index(uid)
            except ValueError:
                row = None
        else:  # many: a map of every row, until the rows are arranged again
            self._where = self._positions()
            row = self._where.get(uid)
        return QModelIndex() if row is None else self.createIndex(row, column)

    def _positions(self) -> dict[str, int]:
        """The row of every uid shown (built by zip in C: 100,000 rows in a few ms)."""
        if not self._groups:
            return dict(zip(self._entries, range(len(self._entries)), strict=True))  # type: ignore[arg-type]
        where: dict[str, int] = {}
        for group, head in zip(self._groups, self._heads, strict=True):
            where.update(zip(group.uids, range(head + 1, head + 1 + len(group.uids)), strict=True))
        return where

    def _rows_of(self, wanted: set[str]) -> dict[str, int]:
        """The row of each uid of `wanted` shown, found in one pass in C: a map of
        every row (`_positions`) took 12-20 ms at 100,000, for the thousand rows a
        selection needs."""
        if not self._groups:
            spans: list[tuple[int, list[str]]] = [(0, self._entries)]  # type: ignore[list-item]
        else:
            spans = [(h + 1, g.uids) for g, h in zip(self._groups, self._heads, strict=True)]
        where: dict[str, int] = {}
        for first, uids in spans:
            pairs = zip(uids, range(first, first + len(uids)), strict=True)
            where.update(compress(pairs, map(wanted.__contains__, uids)))
        return where

    def row_of(self, uid: str) -> BacklogRow:
        return self._rows[uid]

    def shown_uids(self) -> list[str]:
        """Every row shown, top to bottom."""
        return [e for e in self._entries if isinstance(e, str)]

    def count(self) -> int:
        return len(self._rows)

    def shown_count(self) -> int:
        return len(self._entries) - len(self._groups)

    def group_title(self, group: Group) -> str:
        value = group.value
        if self.grouping == "parent":
            if value is None:
                return translate("Backlog", "Top level")
            row = self._rows.get(value)
            return f"{row[KEY]}  {row[TITLE]}" if row else ""
        if self.grouping == "release":
            if not value:
                return translate("Backlog", "No release")
            return self.names.releases.get(value, "")
        if self.grouping == "lane":
            return self.names.lanes.get(value, "") if value else translate("Backlog", "No lane")
        if self.grouping == "owner":
            return str(value) if value else translate("Backlog", "No owner")
        if slot_of(self.grouping) is not None:  # schema 9: a custom field's value
            return str(value) if value else translate("Backlog", "No value")
        if self.grouping == "persona":
            return (
                self.names.personas.get(value, "") if value else translate("Backlog", "No persona")
            )
        if self.grouping == "status":
            return status_label(value)
        return priority_label(value) if value else not_assessed_label()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    # -- arranging ---------------------------------------------------------------------
    def set_sort(self, order: Iterable[SortKey]) -> None:
        self.sort_order = list(order)
        self.arrange()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_grouping(self, grouping: str) -> None:
        if grouping != self.grouping:
            self.grouping = grouping
            self.arrange(reset=True)

    def set_visible(self, visible: set[str] | None) -> None:
        self._visible = visible
        self.arrange()

    def arrange(self, *, reset: bool = False) -> None:
        """Filter, sort and group again; the selection and current row stay."""
        self._pending.stop()
        self._changed = set()
        if not self.loaded:
            return
        order = self._order()
        if self.sort_order:  # every row sorted is kept: a sort seen before sorts nothing
            order = self._keys.sorted_all(self.sort_order, order, self._rows)
        if self._visible is not None:
            visible = self._visible
            order = [u for u in order if u in visible]
        if self.grouping == "none":
            groups: list[Group] = []
        else:
            groups = group_uids(
                order, self._rows, self.grouping, self.names, self.collation, self._tree_position
            )
        self._publish(list(order) if not groups else [], groups, reset=reset)

    def _arrange_changes(self) -> None:
        """After edits: the changed rows put in their places when they are few (a
        search each, where sorting 100,000 rows again takes a tenth of a second)."""
        self._place_changes()
        self.edits_placed.emit()

    def _place_changes(self) -> None:
        changed = self._changed
        if (
            not self.loaded
            or not changed
            or len(changed) > max(64, len(self._rows) // 8)
            or slot_of(self.grouping) is not None  # a custom field's groups: made anew
        ):
            self.arrange()
            return
        self._changed = set()
        rows, visible = self._rows, self._visible
        moving = [u for u in changed if u in rows and (visible is None or u in visible)]
        self._order()  # the tree's positions, the placement's last key
        place = placement(lambda c: self._keys.of(c, rows), self.sort_order, self._tree_position)
        if self.grouping == "none":
            rest: list[str] = list(filterfalse(changed.__contains__, self._entries))  # type: ignore[arg-type]
            self._publish([*merge_placed(rest, moving, place)], [])
            return
        by = self.grouping
        groups = {g.value: g for g in self._groups}
        arriving: dict[object, list[str]] = {}
        for uid in moving:
            arriving.setdefault(group_value(rows[uid], by), []).append(uid)
        for group in self._groups:
            group.uids = list(filterfalse(changed.__contains__, group.uids))
        for value, uids in arriving.items():
            target = groups.get(value)
            if target is None:
                target = groups[value] = Group(value, [])
            target.uids = merge_placed(target.uids, uids, place)
        rank = group_rank(by, self.names, self.collation, self._tree_position)
        ranked = sorted((v for v, g in groups.items() if v is not None and g.uids), key=rank)
        if None in groups and groups[None].uids:
            ranked.append(None)
        self._publish([], [groups[v] for v in ranked])

    def _publish(
        self, flat: list[str | Group], groups: list[Group], *, reset: bool = False
    ) -> None:
        """Show rows `flat` (ungrouped) or `groups` with their headings."""
        entries: list[str | Group] = flat if not groups else []
        heads: list[int] = []
        for group in groups:
            heads.append(len(entries))
            entries.append(group)
            entries += group.uids
        if reset:
            self.beginResetModel()
            self._set_entries(entries, groups, heads)
            self.endResetModel()
        else:
            # Rows move as a whole: the selection keeps one index per row, not per cell.
            hint = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
            self.layoutAboutToBeChanged[_LAYOUT_ARGS].emit([], hint)  # type: ignore[index]
            persistent = self.persistentIndexList()
            # A selected row holds two indexes (its first and last cell): each row is
            # looked up once.
            rows = [p.row() for p in persistent]
            old = self._entries
            held = {row: old[row] for row in set(rows) if 0 <= row < len(old)}
            self._set_entries(entries, groups, heads)
            where = None
            if len(persistent) > 16:  # the selection's rows: found in one pass
                where = self._rows_of({e for e in held.values() if isinstance(e, str)})
            heads_at = {entries[i].value: i for i in heads}  # type: ignore[union-attr]
            moved: dict[int, int | None] = {}
            for row in set(rows):
                entry = held.get(row)
                if isinstance(entry, Group):
                    moved[row] = heads_at.get(entry.value)
                elif entry is None:
                    moved[row] = None
                elif where is not None:
                    moved[row] = where.get(entry)
                else:  # a few: a scan each (-1: hidden now)
                    moved[row] = self.index_of(entry).row()
            after = [
                QModelIndex()
                if (to := moved[row]) is None or to < 0
                else self.createIndex(to, p.column())
                for p, row in zip(persistent, rows, strict=True)
            ]
            self.changePersistentIndexList(persistent, after)
            self.layoutChanged[_LAYOUT_ARGS].emit([], hint)  # type: ignore[index]
        self.arranged.emit()

    def _set_entries(
        self, entries: list[str | Group], groups: list[Group], heads: list[int]
    ) -> None:
        self._entries, self._groups, self._heads = entries, groups, heads
        self._where, self._lookups = None, 0

    def _order(self) -> list[str]:
        """Every row in the tree's order (parents before their children)."""
        if self._tree_order is None:
            rows = self._rows
            self._tree_order = [u for u in self._tree_walk() if u in rows]
            self._keys.order_changed()
            self._tree_position = {u: i for i, u in enumerate(self._tree_order)}
        return self._tree_order

    def _tree_walk(self) -> list[str]:
        """Every requirement of the tree model, parents before children."""
        order: list[str] = []
        children_of = self._tree.children_of
        stack = list(reversed(children_of(None)))
        while stack:
            uid = stack.pop()
            order.append(uid)
            kids = children_of(uid)
            if kids:
                stack.extend(reversed(kids))
        return order

    # -- QAbstractItemModel --------------------------------------------------------
    # parent() is QAbstractTableModel's, in C++: a view asks for a parent per
    # selection range and cell it paints (500 ranges after rows moved).
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= column < len(COLUMNS) and 0 <= row < len(self._entries)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        uid = self.uid_at(index)
        if uid is None:
            group = self.group_at(index)
            if group is None or index.column() != 0:
                return None
            if role == _DISPLAY:
                return f"{self.group_title(group)}  ({len(group.uids)})"
            if role == _FONT:
                font = QFont()
                font.setBold(True)
                return font
            if role == _BACKGROUND:
                return _HEADING
            return None
        row = self._rows[uid]
        column = COLUMNS[index.column()]
        if role in (_DISPLAY, _TOOLTIP):
            return column.show(row, self.names)
        if role == _EDIT:
            if column.slot >= 0:
                return self.names.custom.value(column.slot, uid)
            return self.edit_value(row, column.name)
        if role == _DECORATION:
            if column.name == "key":
                return look.kind_icon(row[KIND])
            return look.status_dot(row[STATUS]) if column.name == "status" else None
        if role == _FOREGROUND:
            return QBrush(look.status_color(row[STATUS])) if column.name == "status" else None
        if role == _FONT:
            return look.struck_font() if row[STATUS] == "rejected" else None
        if role == _ALIGN:
            return _RIGHT if column.numeric or self.names.custom.numeric(column.slot) else None
        return None

    @staticmethod
    def edit_value(row: BacklogRow, name: str) -> Any:
        """The domain value an editor starts from."""
        if name in FIELD_POSITIONS:
            value = row[FIELD_POSITIONS[name]]
            return list(value) if name == "tags" else value
        if name in RICE_INPUTS:
            return row[RICE_INPUTS[name]]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            column = COLUMNS[section]
            text = column.heading(self.names)
            for place, (name, ascending) in enumerate(self.sort_order):
                if name == column.name:
                    arrow = "▲" if ascending else "▼"
                    text += f" {arrow}" if len(self.sort_order) == 1 else f" {arrow}{place + 1}"
            return text
        if role == _ALIGN and (
            COLUMNS[section].numeric or self.names.custom.numeric(COLUMNS[section].slot)
        ):
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.uid_at(index) is None:
            return _GROUP_FLAGS
        editable = self._editable and COLUMNS[index.column()].editor is not None
        return _EDIT_FLAGS if editable else _ROW_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        from pmdesk.core.ops import Update

        uid = self.uid_at(index)
        if uid is None or role != Qt.ItemDataRole.EditRole:
            return False
        name = COLUMNS[index.column()].name
        row = self._rows[uid]
        if COLUMNS[index.column()].slot >= 0:  # schema 9: a custom field's value
            return self._set_custom(uid, COLUMNS[index.column()].slot, value)
        if name in RICE_INPUTS:
            rice = {part: row[position] for part, position in RICE_INPUTS.items()}
            rice[name] = value
            if rice == {part: row[position] for part, position in RICE_INPUTS.items()}:
                return False
            values: dict[str, Any] = {
                "rice": rice if any(v is not None for v in rice.values()) else None
            }
        else:
            if value == self.edit_value(row, name):
                return False
            values = {name: value}
        self.pushing = True  # a refusal is said beside the table (BacklogPane)
        try:
            return self._session.push(Update("requirement", uid, values))
        finally:
            self.pushing = False

    def _set_custom(self, uid: str, slot: int, value: Any) -> bool:
        from pmdesk.core.ops.custom import SetCustomValues

        found = self.names.custom.field(slot)
        if found is None or value == self.names.custom.value(slot, uid):
            return False
        self.pushing = True  # a refusal is said beside the table (BacklogPane)
        try:
            return self._session.push(SetCustomValues({uid: {found.uid: value}}))
        finally:
            self.pushing = False

    def _custom_changed(self) -> None:
        """The custom fields changed (added, renamed, reordered, options): the
        slots show them again; their sort keys are computed again."""
        project = self._session.project
        self.names.custom.set(project.custom_fields(), project.custom_values())
        self._keys.forget(*(c.name for c in COLUMNS if c.slot >= 0))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.custom_fields_changed.emit()

    # -- following the project -------------------------------------------------------
    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if not self.loaded:
            return
        if any(e.action == "reloaded" for e in effects):
            self.load()
            return
        reread: set[str] = set()
        inserted: list[str] = []
        structure = names = custom = False
        moved_fields: set[str] = set()
        for effect in effects:
            if effect.entity in ("release", "lane", "persona"):
                names = True
            elif effect.entity == "custom_field":  # schema 9
                custom = names = True
            elif effect.entity == "project":
                reread.update(self._rows)  # a new key prefix renames every key
            elif effect.entity != "requirement":
                continue
            elif effect.action == "inserted":
                inserted.append(effect.uid)
                structure = True
            elif effect.action in ("removed", "moved"):
                structure = True
                if effect.action == "moved" and effect.uid in self._rows:
                    row = self._rows[effect.uid]
                    self._set_row(effect.uid, (*row[:PARENT], effect.parent, *row[PARENT + 1 :]))
                    moved_fields.add("parent")
            elif effect.uid in self._rows:
                if not self._updated(effect):
                    reread.add(effect.uid)
                moved_fields.update(effect.fields)
        if structure:
            self._tree_order = None
            inserted_rows = set(inserted)
            for uid in inserted:
                inserted_rows.update(self._descendants(uid))
            reread |= inserted_rows
            if inserted and self.names.custom.fields:  # schema 9: restored rows' values
                self.names.custom.values = self._session.project.custom_values()
            alive = set(self._tree_walk())
            for uid in [u for u in self._rows if u not in alive]:
                del self._rows[uid]
                self._keys.update(uid, None)
        if names:
            self._names_changed()
        if custom:
            self._custom_changed()
        if reread:
            for row in self._session.project.backlog_rows(reread):
                self._set_row(row[UID], row)
            moved_fields.update(FIELD_POSITIONS)
        if structure or names:
            self._changed = None
            self._pending.start()  # once, after every effect of this burst
        elif self._moves_rows(moved_fields):
            if self._changed is not None:
                self._changed.update(
                    e.uid for e in effects if e.entity == "requirement" and e.uid in self._rows
                )
                self._changed |= reread
            self._pending.start()
        elif not structure:
            self._repaint(effects)

    def _descendants(self, uid: str) -> list[str]:
        found, stack = [], [uid]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self._tree.children_of(current))
        return found

    def _updated(self, effect: Effect) -> bool:
        """Apply an update from the values it carries; False if they do not tell."""
        if not set(effect.fields) <= set(effect.values):
            return False
        row = list(self._rows[effect.uid])
        for name in effect.fields:
            value = effect.values[name]
            if name == "rice":
                rice = value or {}
                for part, position in RICE_INPUTS.items():
                    row[position] = rice.get(part)
            elif name == "tags":
                row[FIELD_POSITIONS[name]] = tuple(value)
            elif name in FIELD_POSITIONS:
                row[FIELD_POSITIONS[name]] = value
            elif name == "custom":  # schema 9: kept beside the rows
                self.names.custom.update(effect.uid, value)
            # other fields (description, acceptance, source) are not columns
        self._set_row(effect.uid, tuple(row), effect.fields)
        return True

    def _set_row(self, uid: str, row: BacklogRow, fields: Iterable[str] | None = None) -> None:
        """`fields`: the only ones that changed (None: any of them)."""
        self._rows[uid] = row
        self._keys.update(uid, row, fields)

    def _names_changed(self) -> None:
        releases, lanes = self._session.project.releases_and_lanes()
        self.names.set([(r.uid, r.name) for r in releases], [(x.uid, x.name) for x in lanes])
        self.names.set_personas([(p.uid, p.name) for p in self._session.project.personas()])
        self._keys.forget("release", "lane", "persona")

    def _moves_rows(self, fields: set[str]) -> bool:
        """Whether a change of `fields` can move rows: they sort or group them."""
        keys = {_SORT_FIELDS[name] for name, _ in self.sort_order}
        if self.grouping != "none":
            keys.add("parent" if self.grouping == "parent" else self.grouping)
            if slot_of(self.grouping) is not None:
                keys.add("custom")
        return bool(keys & fields)

    def _repaint(self, effects: tuple[Effect, ...]) -> None:
        """Only the rows that changed; a bulk edit's rows as one span when they are many."""
        last = len(COLUMNS) - 1
        uids = [e.uid for e in effects if e.entity == "requirement"]
        if len(uids) > 64:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))
            return
        for uid in uids:
            index = self.index_of(uid)
            if index.isValid():
                self.dataChanged.emit(index, index.siblingAtColumn(last))
