"""The requirement tree as a lazy `QAbstractItemModel` over plain rows.

The whole tree is loaded once as column tuples (fast even at 100,000 rows); the
view asks only for what it paints. Internal pointers are uid strings held in
the model's dictionaries, never ORM objects. The model never writes: renames
and drops push operations, and the model follows the effects they report with
exact insert/remove/move/dataChanged signals.

The filter lives here too: the model presents only the visible rows (matches
and their ancestors). A QSortFilterProxyModel asked filterAcceptsRow of tens of
thousands of rows per change at 100,000, 70-120 ms; here a filter is a set and
a reset. Resets happen on open, when the filter changes, and for edits made
while a filter is on (the pane then filters again anyway).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from pmdesk.app import look
from pmdesk.app.labels import COLUMN_TITLES, kind_label, priority_label, status_label
from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.maps import (
    KEY,
    KIND,
    OWNER,
    PARENT,
    PRIORITY,
    RELEASE,
    STATUS,
    TITLE,
    UID,
    Row,
    TreeMaps,
    add_rows,
    build_maps,
)
from pmdesk.app.tree.search import SearchText

# The tree is built and painted before SQLAlchemy loads: queries and operations
# are imported where an edit needs them.
if TYPE_CHECKING:
    from pmdesk.core.ops import Effect

MIME = "application/x-pmdesk-requirements"
NOT_ASSESSED = "-"
"""The filter value for "no priority yet" (None already means "any priority")."""
# The requirement fields a row shows, by their place in the row (tree_maps).
_SHOWN = {
    "title": TITLE,
    "kind": KIND,
    "status": STATUS,
    "priority": PRIORITY,
    "owner": OWNER,
    "release": RELEASE,
}
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    KEY = 0
    TITLE = 1
    KIND = 2
    STATUS = 3
    PRIORITY = 4
    OWNER = 5
    RELEASE = 6


class Role(IntEnum):
    UID = Qt.ItemDataRole.UserRole + 1
    SORT_VALUE = Qt.ItemDataRole.UserRole + 2


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _EDIT, _DECORATION, _FOREGROUND, _FONT, int(Role.UID)})
# Computed once: combining flag enums costs more than the rest of flags() at 100,000 rows.
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
_ROW_FLAGS = (
    _ROOT_FLAGS
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
)
_TITLE_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable


class RequirementTreeModel(QAbstractItemModel):
    appearance_changed = Signal()  # release names changed, a bulk edit: repaint, same rows

    def __init__(self, session: ProjectSession, tree: TreeMaps | None = None) -> None:
        super().__init__(session)
        self._session = session
        self._maps = TreeMaps()
        self._rows, self._children, self._pos = self._maps.rows, self._maps.children, self._maps.pos
        self._releases: list[tuple[str, str]] = []
        self._release_names: dict[str, str] = {}
        self._search: SearchText | None = None  # for the filter; None: rebuild
        self._visible: set[str] | None = None  # the filter: uids shown (None: all)
        self._context: frozenset[str] = frozenset()  # shown only for a match below: muted
        self._muted: QBrush | None = None
        # What the view sees: the full maps, or while filtering the visible part.
        self._shown_children, self._shown_pos = self._children, self._pos
        self._quiet = False  # applying edits inside a reset: no row signals
        # Requirements with a link that needs review (read once the working copy is
        # ready: the first tree is painted from the file before that).
        self._suspect: frozenset[str] = frozenset()
        session.changed.connect(self._follow)
        self.reload(tree)

    # -- loading ---------------------------------------------------------------
    def reload(self, tree: TreeMaps | None = None) -> None:
        """Load the whole tree (or take one already built off the GUI thread)."""
        if tree is None:
            tree = build_maps(self._session.project.tree())
        self.beginResetModel()
        self._maps = tree
        self._rows, self._children, self._pos = tree.rows, tree.children, tree.pos
        self._set_releases(tree.releases)
        self._suspect = (
            self._session.project.suspect_requirements() if self._session.ready else frozenset()
        )
        self._search = None
        self._visible = None
        self._context = frozenset()
        self._refilter()
        self.endResetModel()

    def _set_releases(self, named: list[tuple[str, str]]) -> None:
        self._maps.releases = self._releases = list(named)
        self._release_names = dict(named)

    def _add_rows(self, rows: Iterable[Sequence[Any]]) -> None:
        add_rows(self._maps, rows)

    # -- plain queries the window uses -----------------------------------------
    def uid_at(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        uid = index.internalPointer()
        return uid if isinstance(uid, str) else None

    def index_of(self, uid: str | None, column: int = 0) -> QModelIndex:
        """The index of a row the view shows (invalid if it is filtered out)."""
        row = self._shown_pos.get(uid) if uid is not None else None
        if row is None or uid is None:
            return QModelIndex()
        return self.createIndex(row, column, self._rows[uid][UID])

    def parent_uid(self, uid: str) -> str | None:
        return self._rows[uid][PARENT]  # type: ignore[no-any-return]

    def children_of(self, uid: str | None) -> list[str]:
        return list(self._children.get(uid, ()))

    def shown_children_of(self, uid: str | None) -> list[str]:
        """The children the view shows (all of them unless a filter is on)."""
        return list(self._shown_children.get(uid, ()))

    def key_of(self, uid: str) -> str:
        return str(self._rows[uid][KEY])

    def row_values(self, uid: str) -> list[Any]:
        return list(self._rows[uid])

    def release_name(self, uid: str | None) -> str:
        return self._release_names.get(uid or "", "")

    def releases(self) -> list[tuple[str, str]]:
        """(uid, name) of every release, in their order (by start, then name)."""
        return list(self._releases)

    def count(self) -> int:
        return len(self._rows)

    def longest_keys(self, depths: int) -> list[tuple[int, str]]:
        """(depth, uid) of the requirement with the longest key on each of the
        first `depths` levels (1: the top level), for sizing the key column."""
        found: list[tuple[int, str]] = []
        level = self._children.get(None, [])
        rows, children = self._rows, self._children
        for depth in range(1, depths + 1):
            if not level:
                break
            found.append((depth, max(level, key=lambda uid: len(str(rows[uid][KEY])))))
            level = [kid for uid in level for kid in children.get(uid, ())]
        return found

    def is_ancestor(self, ancestor: str, uid: str | None) -> bool:
        while uid is not None:
            if uid == ancestor:
                return True
            uid = self._rows[uid][PARENT]
        return False

    def matching(
        self,
        text: str = "",
        *,
        status: str | None = None,
        priority: str | None = None,
        owner: str | None = None,
        release: str | None = None,
        ancestors: bool = True,
        persona: str | None = None,
        persona_of: Mapping[str, str] | None = None,
    ) -> set[str] | None:
        """Uids to show for a filter: the matches and all their ancestors (None: all);
        only the matches with `ancestors=False` (the backlog table). A `persona`
        (NOT_ASSESSED: none) is looked up in `persona_of` (requirement → persona
        uid): the tree's rows do not hold it."""
        text = text.strip().casefold()
        if not (text or status or priority or owner or release or persona):
            return None
        personas = persona_of or {}
        wanted_persona = None if persona == NOT_ASSESSED else persona
        rows = self._rows
        candidates = self.prepare_search().find(text) if text else list(rows)
        visible: set[str] = set()
        for uid in candidates:
            row = rows[uid]
            if (
                (status and row[STATUS] != status)
                or (priority and row[PRIORITY] != (None if priority == NOT_ASSESSED else priority))
                or (owner and row[OWNER] != owner)
                or (release and row[RELEASE] != release)
                or (persona and personas.get(uid) != wanted_persona)
            ):
                continue
            if not ancestors:
                visible.add(uid)
                continue
            cursor: str | None = uid
            while cursor is not None and cursor not in visible:
                visible.add(cursor)
                cursor = rows[cursor][PARENT]
        return visible

    def rows(self) -> Mapping[str, Row]:
        """Every row by uid (read only: the filter checks them)."""
        return self._rows

    def with_ancestors(self, uids: Iterable[str]) -> set[str]:
        """`uids` and every ancestor of theirs (what the tree shows for matches)."""
        rows = self._rows
        visible: set[str] = set()
        for uid in uids:
            cursor: str | None = uid
            while cursor is not None and cursor not in visible and cursor in rows:
                visible.add(cursor)
                cursor = rows[cursor][PARENT]
        return visible

    def prepare_search(self) -> SearchText:
        """The rows' keys and titles, searchable; kept until a row changes (built
        when the filter box gets the focus, so typing finds it ready)."""
        if self._search is None:
            self._search = SearchText((u, r[KEY], r[TITLE]) for u, r in self._rows.items())
        return self._search

    def owners(self) -> list[str]:
        return sorted({r[OWNER] for r in self._rows.values() if r[OWNER]})

    # -- the filter ----------------------------------------------------------------
    @property
    def filtering(self) -> bool:
        return self._visible is not None

    def set_visible(self, uids: set[str] | None, matches: set[str] | None = None) -> None:
        """Show only `uids` (matches plus their ancestors, see matching); None: all.
        With `matches`, the other rows shown (ancestors for context) are drawn muted."""
        self.beginResetModel()
        self._visible = None if uids is None else set(uids)
        self._context = (
            frozenset() if uids is None or matches is None else frozenset(uids - matches)
        )
        self._muted = None  # the theme may have changed meanwhile
        self._refilter()
        self.endResetModel()

    def is_context(self, uid: str) -> bool:
        """Whether the row is shown only because a match lies below it."""
        return uid in self._context

    def reveal(self, uid: str) -> None:
        """Keep a row visible under the current filter (a row the user just made)."""
        if self._visible is None or uid not in self._rows or uid in self._shown_pos:
            return
        self.beginResetModel()
        self._visible.add(uid)
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        if self._visible is None:
            self._shown_children, self._shown_pos = self._children, self._pos
            return
        rows, visible = self._rows, self._visible
        visible.difference_update([u for u in visible if u not in rows])  # deleted meanwhile
        for uid in list(visible):  # every shown row's ancestors, also after a move
            cursor = rows[uid][PARENT]
            while cursor is not None and cursor not in visible:
                visible.add(cursor)
                cursor = rows[cursor][PARENT]
        children: dict[str | None, list[str]] = {}
        for parent in itertools.chain((None,), visible):
            kids = [u for u in self._children.get(parent, ()) if u in visible]
            if kids:
                children[parent] = kids
        pos: dict[str, int] = {}
        for kids in children.values():
            pos.update(zip(kids, range(len(kids)), strict=True))
        self._shown_children, self._shown_pos = children, pos

    # -- QAbstractItemModel ------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        kids = self._shown_children.get(self.uid_at(parent), ())
        if 0 <= row < len(kids) and 0 <= column < len(Column):
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        uid = self.uid_at(index)
        if uid is None:
            return QModelIndex()
        parent = self._rows[uid][PARENT]
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._shown_pos[parent], 0, self._rows[parent][UID])

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self._shown_children.get(self.uid_at(parent), ()))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(Column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        if parent.column() > 0:
            return False
        return bool(self._shown_children.get(self.uid_at(parent)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role on each paint: plain ints, early exits.
        role = int(role)
        if role not in _ROLES:
            return None
        uid = self.uid_at(index)
        if uid is None:
            return None
        row = self._rows[uid]
        column = index.column()
        if role in (_DISPLAY, _TOOLTIP):
            return self._display(row, column)
        if role == _EDIT:
            return row[TITLE] if column == Column.TITLE else self._display(row, column)
        if role == _DECORATION:
            if column == Column.KEY:
                return look.kind_icon(row[KIND])
            if column == Column.TITLE:
                return look.suspect_icon() if uid in self._suspect else None
            return look.status_dot(row[STATUS]) if column == Column.STATUS else None
        if role == _FOREGROUND:
            if uid in self._context:
                return self._muted_brush()
            return QBrush(look.status_color(row[STATUS])) if column == Column.STATUS else None
        if role == _FONT:
            return look.struck_font() if row[STATUS] == "rejected" else None
        return uid  # Role.UID

    def _muted_brush(self) -> QBrush:
        if self._muted is None:
            self._muted = QBrush(
                QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            )
        return self._muted

    def _display(self, row: Row, column: int) -> str:
        match column:
            case Column.KEY:
                return str(row[KEY])
            case Column.TITLE:
                return str(row[TITLE])
            case Column.KIND:
                return kind_label(row[KIND])
            case Column.STATUS:
                return status_label(row[STATUS])
            case Column.PRIORITY:
                return priority_label(row[PRIORITY])
            case Column.OWNER:
                return str(row[OWNER])
            case Column.RELEASE:
                return self._release_names.get(row[RELEASE] or "", "")
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMN_TITLES()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _ROOT_FLAGS
        return _TITLE_FLAGS if index.column() == Column.TITLE else _ROW_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        from pmdesk.core.ops import Update

        uid = self.uid_at(index)
        if uid is None or role != Qt.ItemDataRole.EditRole or index.column() != Column.TITLE:
            return False
        title = str(value).strip()
        if title == self._rows[uid][TITLE]:
            return False
        return self._session.push(Update("requirement", uid, {"title": title}))

    # -- drag and drop -------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        uids = self.top_most(self.uid_at(i) for i in indexes if i.column() == 0)
        mime = QMimeData()
        mime.setData(MIME, QByteArray(json.dumps(uids).encode("utf-8")))
        return mime

    def top_most(self, uids: Iterable[str | None]) -> list[str]:
        """The given uids without those inside another given one, in tree order."""
        chosen = {u for u in uids if u is not None}
        tops = [
            u
            for u in chosen
            if not any(
                self.is_ancestor(other, self._rows[u][PARENT]) for other in chosen if other != u
            )
        ]
        return sorted(tops, key=self._tree_position)

    def _tree_position(self, uid: str) -> list[int]:
        path: list[int] = []
        cursor: str | None = uid
        while cursor is not None:
            path.append(self._pos[cursor])
            cursor = self._rows[cursor][PARENT]
        return path[::-1]

    def _dropped(self, data: QMimeData) -> list[str]:
        if not data.hasFormat(MIME):
            return []
        try:
            uids = json.loads(bytes(data.data(MIME).data()).decode("utf-8"))
        except ValueError:
            return []
        return [u for u in uids if isinstance(u, str) and u in self._rows]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        uids = self._dropped(data)
        target = self.uid_at(parent)
        return bool(uids) and not any(self.is_ancestor(u, target) for u in uids)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.uid_at(parent)
        if row >= 0 and self.filtering:  # `row` counts shown rows: find it among all
            shown = self._shown_children.get(target, [])
            row = self._pos[shown[row]] if row < len(shown) else len(self.children_of(target))
        self.move(self._dropped(data), target, row if row >= 0 else None)
        return False  # the model follows the operation's effects; the view removes nothing

    def move(self, uids: Sequence[str], parent: str | None, row: int | None) -> bool:
        """Move requirements so the first lands before child `row` of `parent`."""
        if not uids:
            return False
        if row is not None:
            # `row` counts the moved rows still in place; count only those that stay.
            row = len([u for u in self._children.get(parent, ())[:row] if u not in uids])
        from pmdesk.core.ops import MoveBlock

        return self._session.push(MoveBlock("requirement", tuple(uids), parent, row))

    # -- following the operations' effects --------------------------------------
    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if any(e.action == "reloaded" for e in effects):
            self.reload()  # a merge changed rows all over the project (the pane refilters)
            return
        if any(e.entity == "link" or e.action in ("inserted", "removed") for e in effects):
            self.follow_suspect()
        if not any(e.entity == "requirement" for e in effects):
            self._apply(effects)
            return
        self._search = None
        if self._visible is None and _many_updates(effects):
            # A bulk edit (the backlog's): no signal per row, one repaint.
            self._quiet = True
            try:
                self._apply(effects)
            finally:
                self._quiet = False
            self.appearance_changed.emit()
            return
        if self._visible is None:
            self._apply(effects)
            return
        # Under a filter: follow the edits in the full maps, then show the visible
        # part again (row signals would have to be translated row by row).
        self.beginResetModel()
        self._quiet = True
        try:
            self._apply(effects)
            self._refilter()
        finally:
            self._quiet = False
            self.endResetModel()

    def follow_suspect(self) -> None:
        """Links marked or reviewed: repaint the rows whose review mark came or went."""
        if not self._session.ready:
            return
        before, self._suspect = self._suspect, self._session.project.suspect_requirements()
        for uid in before ^ self._suspect:
            index = self.index_of(uid, Column.TITLE)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _apply(self, effects: tuple[Effect, ...]) -> None:
        for effect in effects:
            if effect.entity == "requirement":
                {
                    "inserted": self._inserted,
                    "removed": self._removed,
                    "updated": self._updated,
                    "moved": self._moved,
                }[effect.action](effect)
            elif effect.entity == "release":
                self._releases_changed(effect)
            elif effect.entity == "project" and "key_prefix" in effect.fields:
                pass  # existing keys never change

    def _index_for_parent(self, parent: str | None) -> QModelIndex:
        return self.index_of(parent) if parent is not None else QModelIndex()

    def _reposition(self, parent: str | None) -> None:
        for i, uid in enumerate(self._children.get(parent, ())):
            self._pos[uid] = i

    def _inserted(self, effect: Effect) -> None:
        if effect.uid in self._rows:
            return
        rows, order = self._session.project.subtree_and_order(effect.uid, effect.parent)
        if not rows:
            return
        parent = rows[0][PARENT] if rows[0][UID] == effect.uid else effect.parent
        order = [u for u in order if u in self._rows or u == effect.uid]
        row = order.index(effect.uid)
        if not self._quiet:
            self.beginInsertRows(self._index_for_parent(parent), row, row)
        top = next(r for r in rows if r[UID] == effect.uid)
        rest = [r for r in rows if r[UID] != effect.uid]
        canonical = tuple(top)
        self._rows[effect.uid] = canonical
        # Internal pointers compare by identity: store the row's own uid object.
        self._children.setdefault(parent, []).insert(row, canonical[UID])
        self._reposition(parent)
        self._add_rows(rest)
        if not self._quiet:
            self.endInsertRows()

    def _removed(self, effect: Effect) -> None:
        if effect.uid not in self._rows:
            return
        parent = self._rows[effect.uid][PARENT]
        row = self._pos[effect.uid]
        if not self._quiet:
            self.beginRemoveRows(self._index_for_parent(parent), row, row)
        self._children[parent].pop(row)
        self._reposition(parent)
        stack = [effect.uid]
        while stack:
            uid = stack.pop()
            stack.extend(self._children.pop(uid, ()))
            self._rows.pop(uid, None)
            self._pos.pop(uid, None)
        if not self._quiet:
            self.endRemoveRows()

    def _updated(self, effect: Effect) -> None:
        if effect.uid not in self._rows:
            return
        old = self._rows[effect.uid]
        if set(effect.fields) <= set(effect.values):  # the new values came along
            shown = [name for name in effect.fields if name in _SHOWN]
            if not shown:
                return
            row = list(old)
            for name in shown:
                row[_SHOWN[name]] = effect.values[name]
            self._rows[effect.uid] = tuple(row)
            if not self._quiet:  # only the cells that show something else (issue 12)
                index = self.index_of(effect.uid)
                columns = _columns_showing(shown, old[STATUS], row[STATUS])
                self.dataChanged.emit(
                    index.siblingAtColumn(min(columns)), index.siblingAtColumn(max(columns))
                )
            return
        else:
            rows = self._session.project.subtree_rows(effect.uid)
            found = [r for r in rows if r[UID] == effect.uid]
            if not found:
                return  # removed later in the same operation; that effect follows
            self._rows[effect.uid] = (old[UID], old[PARENT], *found[0][2:])
        if not self._quiet:
            index = self.index_of(effect.uid)
            self.dataChanged.emit(index, index.siblingAtColumn(len(Column) - 1))

    def _moved(self, effect: Effect) -> None:
        uid = effect.uid
        if uid not in self._rows:
            return
        old_parent = self._rows[uid][PARENT]
        new_parent = effect.parent
        order = self._session.project.child_order(new_parent)
        # Place the row right after its predecessor in the database's order among
        # the rows the model already shows there. In a block move the rows still
        # to come are out of place for a moment; each is re-placed in turn, so the
        # order is exact once all the effects of the operation are followed.
        others = [u for u in self._children.get(new_parent, ()) if u != uid]
        shown = set(others)
        before = order[: order.index(uid)]
        predecessor = next((u for u in reversed(before) if u in shown), None)
        new_row = 0 if predecessor is None else others.index(predecessor) + 1
        old_row = self._pos[uid]
        if old_parent == new_parent and new_row == old_row:
            return
        destination = new_row + 1 if old_parent == new_parent and new_row > old_row else new_row
        if not self._quiet:
            self.beginMoveRows(
                self._index_for_parent(old_parent),
                old_row,
                old_row,
                self._index_for_parent(new_parent),
                destination,
            )
        self._children[old_parent].pop(old_row)
        if not self._children[old_parent] and old_parent is not None:
            del self._children[old_parent]
        self._children.setdefault(new_parent, []).insert(new_row, self._rows[uid][UID])
        row = self._rows[uid]
        self._rows[uid] = (row[UID], new_parent, *row[PARENT + 1 :])
        self._reposition(old_parent)
        self._reposition(new_parent)
        if not self._quiet:
            self.endMoveRows()

    def _releases_changed(self, effect: Effect) -> None:
        releases = self._session.project.releases()
        self._set_releases([(r.uid, r.name) for r in releases])
        if effect.action == "removed":
            for uid, row in list(self._rows.items()):
                if row[RELEASE] == effect.uid:
                    self._rows[uid] = (*row[:RELEASE], None, *row[RELEASE + 1 :])
        self.appearance_changed.emit()


_CELLS = {
    "title": (Column.TITLE,),
    "kind": (Column.KEY, Column.KIND),  # the key column shows the kind's icon
    "status": (Column.STATUS,),
    "priority": (Column.PRIORITY,),
    "owner": (Column.OWNER,),
    "release": (Column.RELEASE,),
}


def _columns_showing(fields: list[str], old_status: str, new_status: str) -> list[int]:
    """The columns whose cells show `fields` (rejected rows are struck through: a status
    to or from rejected changes every cell's font)."""
    if (old_status == "rejected") != (new_status == "rejected"):
        return [0, len(Column) - 1]
    return [int(c) for name in fields for c in _CELLS[name]]


MANY_UPDATES = 64  # more edited rows than this repaint the view at once


def _many_updates(effects: tuple[Effect, ...]) -> bool:
    """Whether `effects` only update many requirements (no row comes, goes or moves)."""
    rows = [e for e in effects if e.entity == "requirement"]
    return len(rows) > MANY_UPDATES and all(e.action == "updated" for e in rows)
