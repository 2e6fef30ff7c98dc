"""A table of changes (core `Change` rows) for the requirement's History tab and
the project's change log, in the UI language.

The core makes values readable; this module names what needs the UI language
(field names, statuses, link types) and shows times in local time. Rows of one
user action share a background and show who and when once. The model holds
plain rows only: `data()` never touches the database. Given a page loader, it
fetches further pages as the view scrolls (`canFetchMore`/`fetchMore`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from pmdesk.app.labels import (
    document_value_label,
    field_label,
    horizon_label,
    kano_label,
    kind_label,
    link_label,
    priority_label,
    release_status_label,
    status_label,
)
from pmdesk.core.domain.vocabulary import LABELS, SCORING_TERMS
from pmdesk.core.queries.history import Change, Wording

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[int | None], list[Change]]  # rows before this seq (None: newest)


class Column(IntEnum):
    WHEN = 0
    WHO = 1
    SUBJECT = 2
    FIELD = 3
    OLD = 4
    NEW = 5
    CHANGE = 6  # old → new in one column, for narrow places


class Role(IntEnum):
    CHANGE = Qt.ItemDataRole.UserRole + 1  # the row's core Change
    REQUIREMENT = Qt.ItemDataRole.UserRole + 2  # uid of the requirement to select, or None


def _vocabulary(field: str, code: str) -> str:
    label = {
        "status": status_label,
        "priority": priority_label,
        "kind": kind_label,
        "kano": kano_label,
        "link": link_label,
        "release_status": release_status_label,
        "horizon": horizon_label,
    }.get(field)
    if field == "field":  # a field's name (a saved view's filter and sort)
        return field_label(code)
    if field == "filter":  # a saved view's switches, as the filter bar says them
        return {
            "baseline": translate("FilterBar", "Since baseline"),
            "needs_review": translate("FilterBar", "Needs review"),
        }.get(code, code)
    if field in ("doc_status", "confidentiality"):  # the PRD's own
        return document_value_label(field, code)
    if field == "scoring" and code in SCORING_TERMS:  # RICE, ICE, WSJF, weighted criteria
        return translate(LABELS, SCORING_TERMS[code].en)
    return label(code) if label is not None else code


def ui_wording() -> Wording:
    """How the UI language names vocabulary values and a few phrases."""
    return Wording(
        value=_vocabulary,
        link=link_label,
        separator=translate("History", ", "),
        top_level=translate("History", "(top level)"),
        reordered=translate("History", "(new place among its siblings)"),
        picture=translate("History", "picture, {kb} KB"),
        needs_review=translate("History", "{link} (needs review)"),
        reviewed=translate("History", "{link} (reviewed)"),
    )


def subject_text(change: Change) -> str:
    """What changed, as a PM names it: "CRM-12  客户列表" for a requirement (and
    its links), "基线「v1.0 评审版」" / "Baseline “v1.0 review”" for the rest."""
    if change.entity in ("requirement", "link"):
        return f"{change.key}  {change.title}".strip()
    named = {
        "baseline": (translate("History", "Baseline"), translate("History", "Baseline “%1”")),
        "release": (translate("History", "Release"), translate("History", "Release “%1”")),
        "milestone": (
            translate("History", "Milestone"),
            translate("History", "Milestone “%1”"),
        ),
        "lane": (translate("History", "Lane"), translate("History", "Lane “%1”")),
        "persona": (translate("History", "Persona"), translate("History", "Persona “%1”")),
        "saved_view": (translate("History", "View"), translate("History", "View “%1”")),
        "section": (translate("History", "Section"), translate("History", "Section “%1”")),
        "project": (translate("History", "Project"), translate("History", "Project “%1”")),
    }.get(change.entity)
    if named is None:  # an entity this version does not know: as recorded
        return f"{change.entity} {change.title}".strip()
    bare, with_name = named
    title = " ".join(change.title.split())
    return with_name.replace("%1", title) if title else bare


def _field_text(change: Change) -> str:
    """The changed field as the window names it (a saved view's criteria are its filter)."""
    if change.entity == "saved_view" and change.field == "criteria":
        return translate("History", "Filter")
    return field_label(change.field)


def local_time(iso: str) -> str:
    """A UTC history time as the user's local "yyyy-MM-dd HH:mm"."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    moment.setTimeZone(QTimeZone.utc())
    return str(moment.toLocalTime().toString("yyyy-MM-dd HH:mm"))


def _tooltip(change: Change) -> str:
    before, after = change.old_full or "—", change.new_full or "—"
    lines = [
        f"{local_time(change.at)}  ·  {change.by or '—'}",
        subject_text(change),
        "",
        f"{_field_text(change)}:",
        before if change.field != "created" else after,
    ]
    if change.field not in ("created", "deleted"):
        lines += ["→", after]
    if not change.exists and change.requirement_uid is not None:
        lines += ["", translate("History", "This requirement has been deleted since.")]
    elif not change.exists and change.entity not in ("requirement", "link"):
        lines += ["", translate("History", "Deleted since.")]
    return "\n".join(lines)


class ChangeTableModel(QAbstractTableModel):
    """Changes, one per row, in the columns asked for."""

    def __init__(
        self,
        columns: Sequence[Column],
        loader: Loader | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Change] = []
        self._shade: list[bool] = []  # alternate actions share a tinted background
        self._loader = loader
        self._more = False

    # -- filling -------------------------------------------------------------------
    def set_rows(self, rows: list[Change]) -> None:
        """Show `rows` (the whole list: no further pages)."""
        self.beginResetModel()
        self._rows, self._shade = [], []
        self._more = False
        self._append(rows)
        self.endResetModel()

    def reload(self, loader: Loader | None = None) -> None:
        """Start again from the newest rows (with a new loader, for new filters)."""
        if loader is not None:
            self._loader = loader
        self.beginResetModel()
        self._rows, self._shade = [], []
        self._more = False
        if self._loader is not None:
            first = self._loader(None)
            self._append(first)
            self._more = bool(first)
        self.endResetModel()

    def _append(self, rows: list[Change]) -> None:
        shade = self._shade[-1] if self._shade else True
        previous = self._rows[-1].batch if self._rows else None
        for row in rows:
            if row.batch != previous:
                shade = not shade
            self._rows.append(row)
            self._shade.append(shade)
            previous = row.batch

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and self._loader is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._loader is None or not self._rows:
            return
        page = self._loader(self._rows[-1].seq)
        if not page:
            self._more = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    # -- reading -------------------------------------------------------------------
    def change(self, row: int) -> Change:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < len(self._columns)
        ):
            return None
        return {
            Column.WHEN: translate("History", "When"),
            Column.WHO: translate("History", "Who"),
            Column.SUBJECT: translate("History", "Item"),
            Column.FIELD: translate("History", "Field"),
            Column.OLD: translate("History", "Before"),
            Column.NEW: translate("History", "After"),
            Column.CHANGE: translate("History", "Change"),
        }[self._columns[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        change = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(change, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(change)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not self._shade[index.row()]:
                return None
            return QBrush(QApplication.palette().color(QPalette.ColorRole.AlternateBase))
        if role == Qt.ItemDataRole.ForegroundRole:
            muted = column in (Column.WHEN, Column.OLD) or (
                column == Column.SUBJECT and not change.exists
            )
            if muted:
                return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            return None
        if role == Qt.ItemDataRole.FontRole and column == Column.SUBJECT and not change.exists:
            font = QFont()
            font.setStrikeOut(True)  # deleted since: still named, visibly gone
            return font
        if role == Role.CHANGE:
            return change
        if role == Role.REQUIREMENT:
            return change.requirement_uid
        return None

    @staticmethod
    def _text(change: Change, column: Column) -> str:
        first = change.first_in_batch
        if column == Column.WHEN:
            return local_time(change.at) if first else ""
        if column == Column.WHO:
            return (change.by or "—") if first else ""
        if column == Column.SUBJECT:
            return subject_text(change)
        if column == Column.FIELD:
            return _field_text(change)
        if column == Column.OLD:
            return change.old
        if column == Column.NEW:
            return change.new
        if change.field == "created":
            return change.new
        if change.field == "deleted":
            return change.old
        if not change.old:
            return change.new or "—"
        return f"{change.old} → {change.new or '—'}"
