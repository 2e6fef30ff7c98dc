"""Small input widgets of the detail editor: choice combos, optional dates, RICE.

Each reports a *committed* edit (a choice made, a date picked, Return or focus
out) rather than every keystroke, so the editor can push one undo step per edit.
Setting a value from code never reports anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from typing import Any

from PySide6.QtCore import QDate, QLocale, QObject, QPointF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from pmdesk.core.domain.vocabulary import RICE_FIELDS, rice_score

NO_DATE = QDate(2000, 1, 1)  # shown as "No date"; the minimum of every date edit
IMPACTS = (0.25, 0.5, 1.0, 2.0, 3.0)  # the RICE impact scale


def fill_combo(
    combo: QComboBox, items: Iterable[tuple[str, Any]], icon: Callable[[Any], QIcon] | None = None
) -> None:
    """Replace the items (label, stored value) and keep the selected value if still there."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        for label, value in items:
            if icon is not None and value is not None:
                combo.addItem(icon(value), label, value)
            else:
                combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))


def select_data(combo: QComboBox, value: Any) -> None:
    """Show `value`; a value the list lacks (an unknown stored value) is added, not lost."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def fixed_width(widget: QWidget, minimum: int) -> None:
    """Keep a choice widget at a tidy width instead of stretching across the form."""
    widget.setMinimumWidth(minimum)
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def glyph_icon(name: str, palette: QPalette) -> QIcon:
    """Plain line icons for the list buttons (add, remove, up, down), in the text
    colour, and greyed like disabled text where the button is disabled."""
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        color = palette.color(group, QPalette.ColorRole.ButtonText)
        for size in (16, 24, 32):
            icon.addPixmap(_glyph(name, color, size), mode)
    return icon


def _glyph(name: str, color: QColor, size: int) -> QPixmap:
    """One line icon: a plus, a minus or a chevron (up, down)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), size / 10)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s = float(size)
    if name in ("add", "remove"):
        painter.drawLine(QPointF(s * 0.2, s / 2), QPointF(s * 0.8, s / 2))
        if name == "add":
            painter.drawLine(QPointF(s / 2, s * 0.2), QPointF(s / 2, s * 0.8))
    else:
        path = QPainterPath()
        tip, base = (s * 0.25, s * 0.6) if name == "up" else (s * 0.75, s * 0.4)
        path.moveTo(s * 0.25, base)
        path.lineTo(s / 2, tip)
        path.lineTo(s * 0.75, base)
        painter.drawPath(path)
    painter.end()
    return pixmap


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box turns it on, unchecked reads "No date".

    `committed` is emitted when the user ticks or clears the box, picks a day in
    the calendar or finishes typing (Return or focus out).
    """

    committed = Signal()

    def __init__(self, suggest: Callable[[], QDate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest  # the date to start from when the user ticks the box
        self.check = QCheckBox()
        self.check.setToolTip(self.tr("Set a date"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(self.tr("No date"))
        self.edit.setMinimumWidth(self.edit.sizeHint().width() + 16)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.edit)
        self.check.clicked.connect(self._on_checked)
        self.edit.editingFinished.connect(self.committed)
        calendar = self.edit.calendarWidget()
        # The popup sets the date from the same signals; let it finish first.
        calendar.clicked.connect(lambda _date: QTimer.singleShot(0, self, self.committed.emit))
        calendar.activated.connect(lambda _date: QTimer.singleShot(0, self, self.committed.emit))
        self.set_value(None)

    def value(self) -> str | None:
        date = self.edit.date()
        if not self.check.isChecked() or date == NO_DATE:
            return None
        return str(date.toString(Qt.DateFormat.ISODate))

    def set_value(self, value: str | None) -> None:
        date = QDate.fromString(value, Qt.DateFormat.ISODate) if value else NO_DATE
        with QSignalBlocker(self.edit), QSignalBlocker(self.check):
            self.check.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
            self.edit.setDate(date)

    def _on_checked(self, checked: bool) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setEnabled(checked)
            self.edit.setDate(self._suggest() if checked else NO_DATE)
        if checked:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.committed.emit()


class RiceInputs(QObject):
    """The four RICE inputs and the live score, laid out by the editor's form.

    "—" (the spin boxes' lowest value, the combo's first item) means not
    estimated yet. Inputs the user did not touch keep their exact stored value,
    so editing reach never rounds a stored effort of 0.25.
    """

    committed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reach = QSpinBox()
        self.reach.setRange(-1, 2_000_000_000)
        self.reach.setSpecialValueText("—")
        self.reach.setGroupSeparatorShown(True)
        self.reach.setToolTip(self.tr("How many people or events this reaches per period"))
        self.impact = QComboBox()
        self.impact.addItem("—", None)
        names = (
            self.tr("Minimal"),
            self.tr("Low"),
            self.tr("Medium"),
            self.tr("High"),
            self.tr("Massive"),
        )
        for name, factor in zip(names, IMPACTS, strict=True):
            self.impact.addItem(f"{name} ({factor:g}×)", factor)
        self.impact.setToolTip(self.tr("How much it moves the goal for each person reached"))
        self.confidence = QSpinBox()
        self.confidence.setRange(-1, 100)
        self.confidence.setSingleStep(10)
        self.confidence.setSuffix(" %")
        self.confidence.setSpecialValueText("—")
        self.confidence.setToolTip(self.tr("How sure you are of reach and impact"))
        self.effort = QDoubleSpinBox()
        self.effort.setRange(0.0, 10_000.0)
        self.effort.setDecimals(1)
        self.effort.setSingleStep(0.5)
        self.effort.setSuffix(self.tr(" person-months"))
        self.effort.setSpecialValueText("—")
        self.effort.setToolTip(self.tr("Work for the whole team, in person-months"))
        self.score = QLabel("—")
        self.score.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.score.font()
        font.setBold(True)
        self.score.setFont(font)
        self._stored: dict[str, float | None] = dict.fromkeys(RICE_FIELDS)
        self._shown: dict[str, float | None] = dict.fromkeys(RICE_FIELDS)

        self.reach.editingFinished.connect(self.committed)
        self.confidence.editingFinished.connect(self.committed)
        self.effort.editingFinished.connect(self.committed)
        self.impact.activated.connect(lambda _index: self.committed.emit())
        self.reach.valueChanged.connect(self._show_score)
        self.confidence.valueChanged.connect(self._show_score)
        self.effort.valueChanged.connect(self._show_score)
        self.impact.currentIndexChanged.connect(self._show_score)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.reach, self.impact, self.confidence, self.effort)

    def _read(self) -> dict[str, float | None]:
        reach, confidence, effort = (
            self.reach.value(),
            self.confidence.value(),
            self.effort.value(),
        )
        impact = self.impact.currentData()
        return {
            "reach": None if reach < 0 else float(reach),
            "impact": None if impact is None else float(impact),
            "confidence": None if confidence < 0 else confidence / 100,
            "effort": None if effort <= 0 else round(effort, 1),
        }

    def value(self) -> dict[str, float | None] | None:
        shown = self._read()
        rice = {
            name: self._stored[name] if shown[name] == self._shown[name] else shown[name]
            for name in RICE_FIELDS
        }
        return None if all(v is None for v in rice.values()) else rice

    def set_value(self, rice: dict[str, Any] | None) -> None:
        stored = {name: (rice or {}).get(name) for name in RICE_FIELDS}
        with ExitStack() as stack:
            for widget in self.widgets():
                stack.enter_context(QSignalBlocker(widget))
            reach, impact = stored["reach"], stored["impact"]
            confidence, effort = stored["confidence"], stored["effort"]
            self.reach.setValue(-1 if reach is None else round(reach))
            if impact is not None and self.impact.findData(float(impact)) < 0:
                self.impact.addItem(f"{impact:g}×", float(impact))  # off the usual scale
            self.impact.setCurrentIndex(
                0 if impact is None else self.impact.findData(float(impact))
            )
            self.confidence.setValue(-1 if confidence is None else round(confidence * 100))
            self.effort.setValue(0.0 if effort is None else effort)
        self._stored = stored
        self._shown = self._read()
        self._show_score()

    def _show_score(self) -> None:
        rice = self.value() or {}
        score = rice_score(
            rice.get("reach"), rice.get("impact"), rice.get("confidence"), rice.get("effort")
        )
        if score is None:
            self.score.setText("—")
            self.score.setToolTip(self.tr("Fill in all four inputs to get a score"))
        else:
            self.score.setText(QLocale().toString(score, "f", 2))
            self.score.setToolTip(self.tr("Reach × Impact × Confidence ÷ Effort"))


class ValueInput(QDoubleSpinBox):
    """Business value, 0–10 in half points (the matrix's vertical axis); "—" (the
    lowest step) is not assessed. A stored value the user did not touch is kept
    exactly (a value of 7.25 set by a drag is not rounded by showing it)."""

    committed = Signal()
    NONE = -0.5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NONE, 10.0)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setSpecialValueText("—")
        self.setToolTip(
            self.tr("Business value from 0 to 10: the height in View ▸ Value vs Effort")
        )
        self._stored: float | None = None
        self._shown: float | None = None
        self.editingFinished.connect(self.committed)

    def _read(self) -> float | None:
        value = self.value()
        return None if value <= self.NONE else value

    def current(self) -> float | None:
        shown = self._read()
        return self._stored if shown == self._shown else shown

    def show_value(self, value: float | None) -> None:
        with QSignalBlocker(self):
            self.setValue(self.NONE if value is None else float(value))
        self._stored = value
        self._shown = self._read()
