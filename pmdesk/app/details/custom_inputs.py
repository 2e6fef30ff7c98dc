"""One input per custom field (schema 9), for the detail editor and the backlog.

Each kind has its editor: a line of text, a number, an optional date, a list
to pick one option from, a button whose menu ticks several options, and a
person (an editable list of the project's people). Like the editor's other
inputs, each reports a *committed* edit (a choice made, Return or focus out),
and setting a value from code reports nothing. A value the input cannot show
as it is (a number typed as "lots") is given to the core as typed, so the
core's sentence says what the field takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QLocale, QObject, QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from pmdesk.app.details.inputs import OptionalDateEdit, select_data
from pmdesk.core.queries.custom import CustomFieldRecord

NONE = "—"


def value_text(kind: str, value: Any, separator: str = ", ") -> str:
    """A stored value as a cell or a label shows it ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return separator.join(str(v) for v in value)
    if kind == "number" and isinstance(value, int | float):
        return QLocale().toString(float(value), "g", 12)
    return str(value)


def parse_number(text: str) -> Any:
    """A typed number in the user's locale or plainly ("1,5", "1.5", "2e3"); the
    text itself when it is none (the core then says what the field takes)."""
    text = text.strip()
    if not text:
        return None
    number, ok = QLocale().toDouble(text)
    if ok:
        return number
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text


class ChoicesButton(QToolButton):
    """Several options of a list: a menu of ticks; the button names the ticked ones."""

    committed = Signal()

    def __init__(self, options: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(self.toolButtonStyle())
        menu = QMenu(self)
        self._actions: list[QAction] = []
        for option in options:
            action = menu.addAction(option)
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self._actions.append(action)
        self.setMenu(menu)
        self._show_text()

    def value(self) -> list[str]:
        return [a.text() for a in self._actions if a.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for action in self._actions:
            with QSignalBlocker(action):
                action.setChecked(action.text() in chosen)
        self._show_text()

    def options(self) -> list[QAction]:
        return list(self._actions)

    def _toggled(self, _checked: bool) -> None:
        self._show_text()
        self.committed.emit()

    def _show_text(self) -> None:
        chosen = self.value()
        self.setText(", ".join(chosen) if chosen else NONE)
        self.setToolTip("\n".join(chosen))


class CustomInput(QObject):
    """The input of one custom field: `widget`, `value()`, `set_value()`, `committed`."""

    committed = Signal()

    def __init__(
        self,
        field: CustomFieldRecord,
        people: Sequence[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.widget: QWidget
        self._read: Callable[[], Any]
        self._write: Callable[[Any], None]
        kind = field.kind
        if kind == "choice":
            box = QComboBox()
            box.addItem(NONE, None)
            for option in field.options:
                box.addItem(option, option)
            box.currentIndexChanged.connect(lambda _i: self.committed.emit())
            self.widget, self._read = box, box.currentData
            self._write = lambda v: select_data(box, v)
        elif kind == "choices":
            button = ChoicesButton(field.options)
            button.committed.connect(self.committed)
            self.widget, self._read, self._write = button, button.value, button.set_value
        elif kind == "date":
            date = OptionalDateEdit(QDate.currentDate)
            date.committed.connect(self.committed)
            self.widget, self._read, self._write = date, date.value, date.set_value
        elif kind == "person":
            people_box = QComboBox()
            people_box.setEditable(True)
            people_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            people_box.addItems(list(people))
            people_box.setEditText("")
            line = people_box.lineEdit()
            assert line is not None
            line.setPlaceholderText(self.tr("Nobody yet"))
            line.editingFinished.connect(self.committed)
            people_box.activated.connect(lambda _i: self.committed.emit())
            self.widget = people_box
            self._read = lambda: people_box.currentText().strip() or None
            self._write = lambda v: people_box.setEditText(str(v or ""))
        else:  # text, number
            edit = QLineEdit()
            edit.setPlaceholderText(NONE)
            edit.editingFinished.connect(self.committed)
            self.widget = edit
            if kind == "number":
                self._read = lambda: parse_number(edit.text())
                self._write = lambda v: _set_text(edit, value_text("number", v))
            else:
                self._read = lambda: edit.text().strip() or None
                self._write = lambda v: _set_text(edit, str(v or ""))
        self.widget.setAccessibleName(field.name)
        self.widget.setObjectName(f"custom-{field.uid}")

    def value(self) -> Any:
        return self._read()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.widget):
            self._write(value)


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)


class CustomInputs(QObject):
    """The detail editor's custom fields: a row each under their heading, made
    again when the project's fields change. Values of fields the inputs do not
    show (none, in a consistent project) are kept as they were."""

    committed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields: tuple[CustomFieldRecord, ...] = ()
        self.inputs: dict[str, CustomInput] = {}
        self._others: dict[str, Any] = {}
        self._form: QFormLayout | None = None
        self._heading: QWidget | None = None
        self._people: tuple[str, ...] = ()
        self.styled: Callable[[QWidget], None] = lambda _box: None  # the form's look of a choice

    def attach(self, form: QFormLayout, heading: QWidget) -> None:
        """Lay out in `form`: the fields' rows go right under `heading`."""
        self._form, self._heading = form, heading
        form.addRow(heading)
        form.setRowVisible(heading, False)

    def widgets(self) -> tuple[QWidget, ...]:
        return tuple(i.widget for i in self.inputs.values())

    def set_fields(self, fields: Sequence[CustomFieldRecord], people: Sequence[str] = ()) -> bool:
        """Show these fields (True if the rows were made again)."""
        form, heading = self._form, self._heading
        fields, people = tuple(fields), tuple(people)
        if form is None or heading is None or (fields, people) == (self.fields, self._people):
            return False
        for made in self.inputs.values():
            form.removeRow(made.widget)
        self.inputs = {}
        position: Any = form.getWidgetPosition(heading)  # (row, role)
        place = int(position[0]) + 1
        for offset, field in enumerate(fields):
            made = CustomInput(field, people, self)
            made.committed.connect(self.committed)
            if field.kind != "text":  # a line of text takes the width; the others a choice's
                self.styled(made.widget)
                made.widget.setMaximumWidth(made.widget.minimumWidth())
            self.inputs[field.uid] = made
            form.insertRow(place + offset, field.name, made.widget)
        form.setRowVisible(heading, bool(fields))
        self.fields, self._people = fields, people
        return True

    def value(self) -> dict[str, Any]:
        out = dict(self._others)
        for uid, made in self.inputs.items():
            value = made.value()
            if value is not None and value != []:
                out[uid] = value
        return out

    def set_value(self, values: dict[str, Any] | None) -> None:
        got = dict(values or {})
        self._others = {k: v for k, v in got.items() if k not in self.inputs}
        for uid, made in self.inputs.items():
            made.set_value(got.get(uid))
