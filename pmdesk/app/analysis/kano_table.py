"""The Kano window's table: a row per requirement of the survey, its answers
counted per category, the category they give and the one it has now, and the
Better/Worse coefficients; a row whose category applying would change is
marked (tinted, its result in bold, a tooltip saying what changes)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from pmdesk.app.analysis.kano_words import category_label
from pmdesk.app.labels import field_label, kano_label, not_assessed_label
from pmdesk.core.analysis.kano import CATEGORIES, KanoResult
from pmdesk.core.analysis.kano_apply import KanoChange, RequirementKano

translate = QCoreApplication.translate
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # figures as numbers, so 12 sorts after 9
CHANGED_TINT = "#fff4cc"  # light amber: readable in both themes' table text
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    KEY = 0
    TITLE = 1
    RESPONDENTS = 2
    A = 3
    O = 4  # noqa: E741 (the category's letter)
    M = 5
    I = 6  # noqa: E741
    R = 7
    Q = 8
    RESULT = 9
    CURRENT = 10
    BETTER = 11
    WORSE = 12


FIGURES = frozenset(
    {Column.RESPONDENTS, Column.A, Column.O, Column.M, Column.I, Column.R, Column.Q}
    | {Column.BETTER, Column.WORSE}
)


def _header(column: Column) -> str:
    if column in (Column.KEY, Column.TITLE):
        return field_label(column.name.lower())
    if column == Column.RESPONDENTS:
        return translate("KanoTable", "Respondents")
    if column.name in CATEGORIES:
        return column.name
    return {
        Column.RESULT: translate("KanoTable", "Survey result"),
        Column.CURRENT: translate("KanoTable", "Kano now"),
        Column.BETTER: "Better",
        Column.WORSE: "Worse",
    }[column]


class KanoTableModel(QAbstractTableModel):
    def __init__(
        self,
        results: list[KanoResult],
        titles: Mapping[str, str],
        current: Mapping[str, RequirementKano],
        changes: list[KanoChange],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._results = results
        self._titles = titles
        self._current = current
        self._changes = {c.key: c for c in changes}
        self._headers = [_header(c) for c in Column]

    def set_now(self, current: Mapping[str, RequirementKano], changes: list[KanoChange]) -> None:
        """The project changed (applied, undone): the current categories and marks follow."""
        self._current = current
        self._changes = {c.key: c for c in changes}
        if self._results:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._results) - 1, len(Column) - 1)
            )

    def result(self, row: int) -> KanoResult:
        return self._results[row]

    def changes(self, key: str) -> bool:
        """Whether applying the survey changes this requirement's category."""
        return key in self._changes

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result = self._results[index.row()]
        column = Column(index.column())
        changed = result.key in self._changes
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(result, column)
        if role == SORT_ROLE:
            return self._sort_value(result, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in FIGURES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and changed:
            return QBrush(QColor(CHANGED_TINT))
        if role == Qt.ItemDataRole.ForegroundRole and changed:
            return QBrush(QColor("#222222"))  # dark text on the light tint in a dark theme too
        if role == Qt.ItemDataRole.FontRole and changed and column == Column.RESULT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.TITLE:
                return self._titles.get(result.key, "")
            if changed:
                change = self._changes[result.key]
                old = kano_label(change.old) if change.old else not_assessed_label()
                text = translate("KanoTable", "Apply changes its Kano category from %1 to %2.")
                return text.replace("%1", old).replace("%2", kano_label(change.new))
        return None

    def _sort_value(self, result: KanoResult, column: Column) -> float | str:
        if column == Column.RESPONDENTS:
            return float(result.respondents)
        if column.name in CATEGORIES:
            return float(result.counts[column.name])
        if column in (Column.BETTER, Column.WORSE):
            value = result.better if column == Column.BETTER else result.worse
            return -2.0 if value is None else value  # no coefficient: below every one
        if column == Column.KEY:  # CRM-9 before CRM-25
            prefix, _, number = result.key.rpartition("-")
            return f"{prefix}-{int(number):09d}" if number.isdigit() else result.key
        return self._text(result, column)

    def _text(self, result: KanoResult, column: Column) -> str:
        if column == Column.KEY:
            return result.key
        if column == Column.TITLE:
            return self._titles.get(result.key, "")
        if column == Column.RESPONDENTS:
            return str(result.respondents)
        if column.name in CATEGORIES:
            return str(result.counts[column.name])
        if column == Column.RESULT:
            return category_label(result.category)
        if column == Column.CURRENT:
            now = self._current.get(result.key)
            kano = now.kano if now is not None else None
            return kano_label(kano) if kano else not_assessed_label()
        value = result.better if column == Column.BETTER else result.worse
        return "—" if value is None else f"{value:.2f}"


def _tooltip(column: Column) -> str:
    if column == Column.BETTER:
        return translate("KanoTable", "Satisfaction: (A + O) / (A + O + M + I)")
    if column == Column.WORSE:
        return translate("KanoTable", "Dissatisfaction: −(O + M) / (A + O + M + I)")
    if column.name in CATEGORIES:
        return category_label(column.name)
    if column == Column.RESULT:
        return translate(
            "KanoTable",
            "The most frequent category (ties: Must-be, One-dimensional, Attractive, Indifferent)",
        )
    return ""
