"""Editing a backlog cell in place: a list of choices, or a line of text.

The editor hands the model a domain value; whatever the core refuses (a date
that is not one, an effort of 0, a start after the end) is refused there with
the same sentence the details pane shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pmdesk.app.backlog.columns import BY_NAME, COLUMNS, Names
from pmdesk.app.backlog.custom_editors import (
    custom_editor,
    custom_editor_value,
    set_custom_editor,
)
from pmdesk.app.details.editor import split_tags
from pmdesk.app.labels import (
    horizon_label,
    kano_label,
    kind_label,
    not_assessed_label,
    priority_label,
    status_label,
)
from pmdesk.core.domain import vocabulary

Index = QModelIndex | QPersistentModelIndex


def choices(name: str, names: Names) -> list[tuple[str, Any]]:
    """(label, value) of a choice column, "not set" first where it may be empty."""
    if name == "kind":
        return [(kind_label(k), k) for k in vocabulary.KINDS]
    if name == "status":
        return [(status_label(s), s) for s in vocabulary.STATUSES]
    if name == "priority":
        return [
            (not_assessed_label(), None),
            *((priority_label(p), p) for p in vocabulary.PRIORITIES),
        ]
    if name == "kano":
        return [(not_assessed_label(), None), *((kano_label(k), k) for k in vocabulary.KANO)]
    if name == "release":
        return [("—", None), *((n, uid) for uid, n in names.releases.items())]
    if name == "lane":
        return [("—", None), *((n, uid) for uid, n in names.lanes.items())]
    if name == "persona":
        return [("—", None), *((n, uid) for uid, n in names.personas.items())]
    if name == "horizon":
        return [("—", None), *((horizon_label(h), h) for h in vocabulary.HORIZONS)]
    raise KeyError(name)


def parse_number(text: str, *, percent: bool = False) -> float | str | None:
    """A typed number (in the UI's or the C locale), None when empty; the text
    itself when it is none, for the core to refuse with its sentence."""
    text = text.strip().removesuffix("%").replace("×", "").strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if not ok:
        try:
            value = float(text)
        except ValueError:
            return text
    return value / 100 if percent else value


class CellDelegate(QStyledItemDelegate):
    def __init__(self, names: Names, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = COLUMNS[index.column()]
        if column.slot >= 0:  # schema 9: a custom field's editor, by its kind
            found = self._names.custom.field(column.slot)
            return custom_editor(
                parent, found, self._chosen, self._names.custom.people(column.slot)
            )
        if column.editor == "choice":
            box = QComboBox(parent)
            for text, value in choices(column.name, self._names):
                box.addItem(text, value)
            box.activated.connect(lambda _index: self._chosen(box))  # a choice commits
            return box
        edit = QLineEdit(parent)
        if column.editor == "date":
            edit.setPlaceholderText("YYYY-MM-DD")
        return edit

    def _chosen(self, box: QComboBox) -> None:
        if box.property("chosen"):
            return  # committed already: the editor is on its way out
        box.setProperty("chosen", True)
        self.commitData.emit(box)
        self.closeEditor.emit(box)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        column = COLUMNS[index.column()]
        value = index.data(Qt.ItemDataRole.EditRole)
        if column.slot >= 0:
            set_custom_editor(editor, self._names.custom.field(column.slot), value)
            return
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            if column.editor == "tags":
                editor.setText(", ".join(value or []))
            elif column.editor == "percent":
                editor.setText("" if value is None else f"{value * 100:g}")
            elif column.editor == "number":
                editor.setText("" if value is None else f"{value:g}")
            else:
                editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        column = BY_NAME[COLUMNS[index.column()].name]
        if column.slot >= 0:
            model.setData(index, custom_editor_value(editor, self._names.custom.field(column.slot)))
            return
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
            return
        assert isinstance(editor, QLineEdit)
        text = editor.text()
        value: Any
        if column.editor == "tags":
            value = split_tags(text)
        elif column.editor in ("number", "percent"):
            value = parse_number(text, percent=column.editor == "percent")
        elif column.editor == "date":
            value = text.strip() or None
        else:
            value = text.strip()
        model.setData(index, value)
