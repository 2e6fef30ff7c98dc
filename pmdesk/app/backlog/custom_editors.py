"""Editing a custom field's cell in place (schema 9), by the field's kind.

One of a list: the list, a choice commits. Several of a list: the options
typed with commas ("iOS, Web"), so a keyboard user never leaves the table.
A number, a date, a text or a person: a line. What does not fit the field
(an option it lacks, "lots" for a number) goes to the core as typed and is
refused with its sentence beside the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QMenu, QWidget

from pmdesk.app.backlog.custom_columns import EDITABLE_IN_MENU, CustomValues, slot_name
from pmdesk.app.details.custom_inputs import NONE, parse_number, value_text
from pmdesk.app.details.editor import split_tags
from pmdesk.core.queries.custom import CustomFieldRecord


def custom_editor(
    parent: QWidget,
    field: CustomFieldRecord | None,
    chosen: Callable[[QComboBox], None],
    people: Sequence[str] = (),
) -> QWidget:
    if field is not None and field.kind == "choice":
        box = QComboBox(parent)
        box.addItem(NONE, None)
        for option in field.options:
            box.addItem(option, option)
        box.activated.connect(lambda _index: chosen(box))  # a choice commits
        return box
    edit = QLineEdit(parent)
    if field is not None and field.kind == "date":
        edit.setPlaceholderText("YYYY-MM-DD")
    elif field is not None and field.kind == "choices":
        edit.setPlaceholderText(", ".join(field.options))
        edit.setCompleter(QCompleter(list(field.options), edit))
    elif field is not None and field.kind == "person" and people:
        edit.setCompleter(QCompleter(list(people), edit))
    return edit


def set_custom_editor(editor: QWidget, field: CustomFieldRecord | None, value: Any) -> None:
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(editor.findData(value), 0))
    elif isinstance(editor, QLineEdit):
        editor.setText(value_text(field.kind if field else "text", value))
        editor.selectAll()


def custom_editor_value(editor: QWidget, field: CustomFieldRecord | None) -> Any:
    if isinstance(editor, QComboBox):
        return editor.currentData()
    assert isinstance(editor, QLineEdit)
    text = editor.text().strip()
    kind = field.kind if field is not None else "text"
    if kind == "number":
        return parse_number(text)
    if kind == "choices":
        return split_tags(text) or None
    return text or None


def custom_menus(
    menu: QMenu,
    values: CustomValues,
    editable: bool,
    set_value: Callable[[str, Any], bool],
    owners: Sequence[str] = (),
) -> None:
    """The row menu's "Set <field>" of each list or person custom field, for
    every selected row, one undo step: an option (several of a list: that one
    alone), a person named in the project, or none."""
    for slot, field in enumerate(values.fields):
        if field.kind not in EDITABLE_IN_MENU:
            continue
        if field.kind == "person":
            people = sorted({*values.people(slot), *owners})
            choices: list[tuple[str, Any]] = [(p, p) for p in people]
        elif field.kind == "choices":
            choices = [(o, [o]) for o in field.options]
        else:
            choices = [(o, o) for o in field.options]
        sub = menu.addMenu(
            QCoreApplication.translate("Backlog", "Set %1").replace("%1", field.name)
        )
        sub.setObjectName(f"set_{slot_name(slot)}")
        sub.setEnabled(editable)
        for text, value in ((NONE, None), *choices):
            act = sub.addAction(text)
            act.triggered.connect(lambda _=False, f=field.uid, v=value: set_value(f, v))
