"""Edit Selected Requirements…: one field of many requirements, one undo step.

The user picks what to change (release, priority, status, owner, lane, or tags
to add or remove) and the new value; OK makes one core operation
(`UpdateMany` or `EditTags`), labelled "Set priority of 12 requirements".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.backlog.columns import Names
from pmdesk.app.backlog.editors import choices
from pmdesk.app.details.editor import split_tags
from pmdesk.app.labels import field_label

if TYPE_CHECKING:
    from pmdesk.core.ops import Operation

CHOICE_FIELDS = ("release", "priority", "status", "lane")
FIELDS = ("release", "priority", "status", "owner", "lane", "tags_add", "tags_remove")


class BulkEditDialog(QDialog):
    def __init__(
        self,
        uids: list[str],
        names: Names,
        owners: list[str],
        parent: QWidget | None = None,
        field: str = "priority",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Edit Selected Requirements"))
        self._uids = list(uids)
        self.intro = QLabel(self.tr("Change %n selected requirement(s):", "", len(uids)))
        self.field = QComboBox(self)
        self.field.setObjectName("bulkField")
        texts = {
            "tags_add": self.tr("Add tags"),
            "tags_remove": self.tr("Remove tags"),
        }
        for name in FIELDS:
            self.field.addItem(texts.get(name) or field_label(name), name)
        self.values = QStackedWidget(self)
        self._inputs: dict[str, QWidget] = {}
        for name in FIELDS:
            if name in CHOICE_FIELDS:
                box = QComboBox(self)
                for text, value in choices(name, names):
                    box.addItem(text, value)
                widget: QWidget = box
            elif name == "owner":
                box = QComboBox(self)
                box.setEditable(True)
                box.addItems(owners)
                box.setEditText("")
                line = box.lineEdit()
                assert line is not None
                line.setPlaceholderText(self.tr("Nobody"))
                widget = box
            else:
                edit = QLineEdit(self)
                edit.setPlaceholderText(self.tr("Comma-separated, e.g. mobile, MVP"))
                widget = edit
            widget.setObjectName(f"bulkValue_{name}")
            self._inputs[name] = widget
            self.values.addWidget(widget)
        self.field.currentIndexChanged.connect(self.values.setCurrentIndex)
        self.field.setCurrentIndex(FIELDS.index(field))
        form = QFormLayout()
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("Value"), self.values)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def input(self, name: str) -> QWidget:
        return self._inputs[name]

    def value(self) -> tuple[str, Any]:
        """The field chosen and its new value (tags: the list typed)."""
        name = str(self.field.currentData())
        widget = self._inputs[name]
        if name in CHOICE_FIELDS:
            assert isinstance(widget, QComboBox)
            return name, widget.currentData()
        if name == "owner":
            assert isinstance(widget, QComboBox)
            return name, widget.currentText().strip()
        assert isinstance(widget, QLineEdit)
        return name, split_tags(widget.text())

    def operation(self) -> Operation | None:
        """What OK does (None: nothing to do, no tags typed)."""
        from pmdesk.core.ops import EditTags
        from pmdesk.core.ops.bulk import set_field

        name, value = self.value()
        if name == "tags_add":
            return EditTags(tuple(self._uids), add=tuple(value)) if value else None
        if name == "tags_remove":
            return EditTags(tuple(self._uids), remove=tuple(value)) if value else None
        return set_field(self._uids, name, value)
