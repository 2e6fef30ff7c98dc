"""Edit Selected Requirements…: one field of many requirements, one undo step.

The user picks what to change (release, priority, status, owner, lane, or tags
to add or remove) and the new value; OK makes one core operation
(`UpdateMany` or `EditTags`), labelled "Set priority of 12 requirements".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from pmdesk.app.backlog.columns import Names
from pmdesk.app.backlog.editors import choices
from pmdesk.app.details.editor import split_tags
from pmdesk.app.forms.ui_bulk_edit import Ui_BulkEditDialog

if TYPE_CHECKING:
    from pmdesk.core.ops import Operation

CHOICE_FIELDS = ("release", "priority", "status", "lane")
FIELDS = ("release", "priority", "status", "owner", "lane", "tags_add", "tags_remove")


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
        for name in CHOICE_FIELDS:
            box = self._inputs[name]
            assert isinstance(box, QComboBox)
            for text, value in choices(name, names):
                box.addItem(text, value)
        owner = self._inputs["owner"]
        assert isinstance(owner, QComboBox)
        owner.addItems(owners)
        owner.setEditText("")
        self.field.setCurrentIndex(FIELDS.index(field))

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
