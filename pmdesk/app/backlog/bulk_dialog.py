"""Edit Selected Requirements…: one field of many requirements, one undo step.

The user picks what to change (release, priority, status, owner, lane, tags
to add or remove, or one of the project's custom fields) and the new value; OK
makes one core operation (`UpdateMany`, `EditTags` or `SetCustomValues`),
labelled "Set priority of 12 requirements". A custom field left empty is
cleared on every selected requirement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.backlog.columns import Names
from pmdesk.app.backlog.editors import choices
from pmdesk.app.details.custom_inputs import CustomInput
from pmdesk.app.details.editor import split_tags
from pmdesk.app.forms.ui_bulk_edit import Ui_BulkEditDialog

if TYPE_CHECKING:
    from pmdesk.core.ops import Operation

CHOICE_FIELDS = ("release", "priority", "status", "lane")
FIELDS = ("release", "priority", "status", "owner", "lane", "tags_add", "tags_remove")
CUSTOM = "custom:"  # a custom field's item: "custom:<field uid>" (schema 9)


class BulkEditDialog(QDialog):
    """The form is drawn in Qt Designer (ui/bulk_edit.ui): a field, and a page of
    the value's input for each field, in the order of FIELDS."""

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
        form = Ui_BulkEditDialog()
        form.setupUi(self)
        self._uids = list(uids)
        self.intro: QLabel = form.intro
        self.intro.setText(self.tr("Change %n selected requirement(s):", "", len(uids)))
        self.field: QComboBox = form.field
        self.buttons: QDialogButtonBox = form.buttons
        assert self.field.count() == len(FIELDS), "ui/bulk_edit.ui and FIELDS disagree"
        self._inputs: dict[str, QWidget] = {}
        for index, name in enumerate(FIELDS):
            self.field.setItemData(index, name)
            widget = getattr(form, f"value_{name}")
            self._inputs[name] = widget
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok = ok
        for name in CHOICE_FIELDS:
            box = self._inputs[name]
            assert isinstance(box, QComboBox)
            for text, value in choices(name, names):
                box.addItem(text, value)
            # No value until one is chosen: Enter by reflex must not set "Not
            # assessed" (or the first release) on every selected requirement.
            box.setPlaceholderText(self.tr("Choose a value"))
            box.setCurrentIndex(-1)
            box.currentIndexChanged.connect(self._follow_input)
        for name in ("tags_add", "tags_remove"):
            edit = self._inputs[name]
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(self._follow_input)
        owner = self._inputs["owner"]
        assert isinstance(owner, QComboBox)
        owner.addItems(owners)
        owner.setEditText("")
        self.custom: dict[str, CustomInput] = {}
        self._add_custom_fields(form.values, names, owners)
        self.field.currentIndexChanged.connect(self._follow_input)
        self.field.setCurrentIndex(max(self.field.findData(field), 0))
        self._follow_input()

    def _follow_input(self) -> None:
        """OK once there is something to do: a value chosen, tags typed."""
        name = str(self.field.currentData())
        widget = self._inputs.get(name)
        if name in CHOICE_FIELDS and isinstance(widget, QComboBox):
            ready = widget.currentIndex() >= 0
        elif name in ("tags_add", "tags_remove") and isinstance(widget, QLineEdit):
            ready = bool(split_tags(widget.text()))
        else:  # an owner or a custom field left empty clears it: a choice too
            ready = True
        self.ok.setEnabled(ready)

    def _add_custom_fields(self, pages: QStackedWidget, names: Names, people: list[str]) -> None:
        """An item and a page for each custom field, after the built-in ones (the
        form's field list switches the pages by index)."""
        for record in names.custom.fields:
            made = CustomInput(record, people, self)
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(made.widget)
            layout.addStretch()
            pages.addWidget(page)
            name = CUSTOM + record.uid
            self.field.addItem(record.name, name)
            self.custom[record.uid] = made
            self._inputs[name] = made.widget

    def input(self, name: str) -> QWidget:
        return self._inputs[name]

    def value(self) -> tuple[str, Any]:
        """The field chosen and its new value (tags: the list typed)."""
        name = str(self.field.currentData())
        widget = self._inputs[name]
        if name.startswith(CUSTOM):  # None (or no option ticked): cleared
            value = self.custom[name[len(CUSTOM) :]].value()
            return name, None if value == [] else value
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
        from pmdesk.core.ops.custom import SetCustomValues

        name, value = self.value()
        if name.startswith(CUSTOM):
            field = name[len(CUSTOM) :]
            return SetCustomValues({uid: {field: value} for uid in self._uids})
        if name == "tags_add":
            return EditTags(tuple(self._uids), add=tuple(value)) if value else None
        if name == "tags_remove":
            return EditTags(tuple(self._uids), remove=tuple(value)) if value else None
        return set_field(self._uids, name, value)
