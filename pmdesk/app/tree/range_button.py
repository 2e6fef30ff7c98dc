"""The filter of a text, number or date custom field (schema 9): a button whose
drop-down asks for the text a value holds, or for a range of numbers or days.

The button says what it filters by ("Customer: 恒远", "Target launch: 2027-03-01 –
…") in bold, like the lists beside it; Clear in the drop-down takes it off.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from pmdesk.core.queries.criteria import ValueRange

_DAY = QRegularExpression(r"\d{4}-\d{2}-\d{2}")
_NUMBER = QRegularExpression(r"-?\d*([.,]\d*)?")


class RangeButton(QToolButton):
    """`kind` "text" asks for a text to contain; "number" and "date" for a range."""

    changed = Signal()

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.kind = name, kind
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        panel = QWidget(self)
        form = QFormLayout(panel)
        self.contains = QLineEdit(panel)
        self.low = QLineEdit(panel)
        self.high = QLineEdit(panel)
        if kind == "text":
            self.contains.setPlaceholderText(self.tr("Any value"))
            form.addRow(self.tr("Contains:"), self.contains)
        else:
            pattern = _DAY if kind == "date" else _NUMBER
            hint = "YYYY-MM-DD" if kind == "date" else self.tr("Any")
            for edit in (self.low, self.high):
                edit.setValidator(QRegularExpressionValidator(pattern, edit))
                edit.setPlaceholderText(hint)
            form.addRow(self.tr("From:"), self.low)
            form.addRow(self.tr("To:"), self.high)
        for edit in (self.contains, self.low, self.high):
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self._changed)
        self.menu_ = QMenu(self)
        holder = QWidgetAction(self.menu_)
        holder.setDefaultWidget(panel)
        self.menu_.addAction(holder)
        first = self.contains if kind == "text" else self.low
        self.menu_.aboutToShow.connect(first.setFocus)
        self.setMenu(self.menu_)
        self._show()

    def value_range(self) -> ValueRange:
        """What is asked (an inactive range when nothing is typed or a day is half typed)."""
        low, high = self.low.text().strip(), self.high.text().strip()
        if self.kind == "date":  # a day counts once whole
            low = low if self.low.hasAcceptableInput() else ""
            high = high if self.high.hasAcceptableInput() else ""
        return ValueRange(self.contains.text().strip(), low, high)

    def set_range(self, wanted: ValueRange | None) -> None:
        found = wanted or ValueRange()
        for edit, text in ((self.contains, found.contains), (self.low, found.low)):
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)
        self.high.blockSignals(True)
        self.high.setText(found.high)
        self.high.blockSignals(False)
        self._show()

    def clear(self) -> None:
        self.set_range(None)

    def _changed(self) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        wanted = self.value_range()
        if not wanted.active:
            text = self.name
        elif wanted.contains:
            text = f"{self.name}: {wanted.contains}"
        else:
            text = f"{self.name}: {wanted.low or '…'} – {wanted.high or '…'}"
        self.setText(text)
        self.setToolTip(text)
        font = self.font()
        font.setBold(wanted.active)
        self.setFont(font)
