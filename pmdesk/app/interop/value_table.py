"""The mapping dialog's values: each distinct text of a column mapped to priority,
status, kind, Kano or horizon, with the pmdesk value it becomes (preset from the
guess: 高 → Must), chosen in a combo box; what it shows is saved in MAP.json's
"values"."""

from __future__ import annotations

from collections.abc import Mapping as MappingType

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from pmdesk.core.domain import vocabulary
from pmdesk.interop.mapping import SourceValue
from pmdesk.interop.messages import field_name

TERMS: MappingType[str, MappingType[str, vocabulary.Term]] = {
    "kind": vocabulary.KIND_TERMS,
    "status": vocabulary.STATUS_TERMS,
    "priority": vocabulary.PRIORITY_TERMS,
    "kano": vocabulary.KANO_TERMS,
    "horizon": vocabulary.HORIZON_TERMS,
}
Values = MappingType[str, MappingType[str, str]]  # MAP.json's "values"
_UNKNOWN = QColor("#fde2e1")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FIELD, _TEXT, _ROWS, _VALUE = range(4)


class ValueTable(QTableWidget):
    """`chosen(field, text, value)` when the user picks a value ("" = not set)."""

    chosen = Signal(str, str, str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("valueTable")
        self.language = language
        self.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Value in the file"), self.tr("Rows"), self.tr("Becomes")]
        )
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(_TEXT, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._rows: list[SourceValue] = []

    def _name(self, term: vocabulary.Term) -> str:
        return term.zh if self.language == "zh" else term.en

    def _combo(self, field: str) -> QComboBox:
        combo = QComboBox()
        if field in ("priority", "kano"):
            combo.addItem(self._name(vocabulary.NOT_ASSESSED), "")
        elif field == "horizon":
            combo.addItem(self.tr("(from the release)"), "")
        else:
            combo.addItem(self.tr("(default)"), "")
        for value, term in TERMS[field].items():
            combo.addItem(self._name(term), value)
        return combo

    def fill(
        self, values: list[SourceValue], mapped: MappingType[str, MappingType[str, str]]
    ) -> None:
        """One row per distinct text; the combo shows the mapping's value for it, else
        the guess, else asks ("— choose —", the row marked)."""
        self.setRowCount(0)
        self._rows = list(values)
        self.setRowCount(len(values))
        for row, value in enumerate(values):
            given = mapped.get(value.field, {}).get(value.text)
            current = given if given is not None else value.guessed
            name = field_name(value.field, self.language)
            cells = [name[:1].upper() + name[1:], value.text, str(value.rows)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == _ROWS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if current is None:
                    item.setBackground(QBrush(_UNKNOWN))
                    item.setToolTip(self.tr("pmdesk does not know this value: choose one"))
                self.setItem(row, column, item)
            combo = self._combo(value.field)
            if current is None:
                combo.insertItem(0, self.tr("— choose —"), None)
                combo.setCurrentIndex(0)
            else:
                combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.currentIndexChanged.connect(
                lambda _i, v=value, c=combo: self._picked(v, c.currentData())
            )
            self.setCellWidget(row, _VALUE, combo)
        self.resizeColumnToContents(_FIELD)
        self.resizeColumnToContents(_ROWS)
        self.setColumnWidth(_VALUE, 150)

    def _picked(self, value: SourceValue, data: object) -> None:
        if isinstance(data, str):
            for column in range(3):
                item = self.item(self._rows.index(value), column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
            self.chosen.emit(value.field, value.text, data)

    def choose(self, field: str, text: str, value: str) -> None:
        """Pick `value` for `text` of `field` as the combo box does (keyboard, tests)."""
        for row, shown in enumerate(self._rows):
            if (shown.field, shown.text) == (field, text):
                combo = self.cellWidget(row, _VALUE)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(value))
                return
        raise KeyError((field, text))

    def shown(self) -> dict[str, dict[str, str]]:
        """Every row with a value, as MAP.json's "values"."""
        found: dict[str, dict[str, str]] = {}
        for row, value in enumerate(self._rows):
            combo = self.cellWidget(row, _VALUE)
            if isinstance(combo, QComboBox) and isinstance(combo.currentData(), str):
                found.setdefault(value.field, {})[value.text] = combo.currentData()
        return found
