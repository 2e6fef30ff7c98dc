"""File ▸ New…: a new project's title, product, key prefix, document language and
template, asked once, with defaults good enough that Enter alone makes a project.

The form is drawn in Qt Designer (ui/new_project.ui). The key prefix follows the
product as it is typed ("Customer Portal" → "CP") until the user types one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from pmdesk.app.forms.ui_new_project import Ui_NewProjectDialog
from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.fields import FieldError, spec

translate = QCoreApplication.translate

LANGUAGES = ("zh", "en")  # the order of the form's language choices
TEMPLATES = ("blank", "prd-zh", "prd-en")  # the order of the form's template choices
ERROR_STYLE = "color: #b02a37;"


@dataclass(frozen=True)
class NewProjectChoice:
    """What File ▸ New was told: the new project's first properties and its template."""

    template: str = "blank"
    title: str = ""
    product: str = ""
    key_prefix: str = vocabulary.DEFAULT_KEY_PREFIX
    language: str = "zh"


def prefix_for(product: str) -> str:
    """A key prefix made from a product's name: "CRM" → "CRM", "Customer Portal" → "CP",
    "Salesforce" → "SAL"; a name without Latin letters gives the default (REQ)."""
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z0-9]*", product)
    if not words:
        return vocabulary.DEFAULT_KEY_PREFIX
    if len(words) == 1:
        word = words[0]
        return (word if len(word) <= 5 else word[:3]).upper()
    return "".join(w[0] for w in words)[:6].upper()


class NewProjectDialog(QDialog):
    def __init__(self, language: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = Ui_NewProjectDialog()
        form.setupUi(self)
        self.title: QLineEdit = form.title
        self.product: QLineEdit = form.product
        self.key_prefix: QLineEdit = form.key_prefix
        self.language: QComboBox = form.language
        self.template: QComboBox = form.template
        self.template_note: QLabel = form.template_note
        self.buttons: QDialogButtonBox = form.buttons
        for combo, values in ((self.language, LANGUAGES), (self.template, TEMPLATES)):
            assert combo.count() == len(values), "ui/new_project.ui and the code disagree"
            for index, data in enumerate(values):
                combo.setItemData(index, data)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.key_prefix.setText(vocabulary.DEFAULT_KEY_PREFIX)
        self._prefix_typed = False  # typed by the user: the product no longer sets it
        self.product.textEdited.connect(self._product_edited)
        self.key_prefix.textEdited.connect(self._prefix_edited)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self._template_chosen()
        self.title.setFocus()

    def _product_edited(self, text: str) -> None:
        if not self._prefix_typed:
            self.key_prefix.setText(prefix_for(text))

    def _prefix_edited(self, text: str) -> None:
        self._prefix_typed = bool(text)
        self._show_prefix_problem()

    def _template_chosen(self) -> None:
        template = self.template.currentData()
        # A PRD template is written in one language: the document's follows it.
        if template == "prd-zh":
            self.language.setCurrentIndex(self.language.findData("zh"))
        elif template == "prd-en":
            self.language.setCurrentIndex(self.language.findData("en"))
        self._show_prefix_problem()

    def _prefix_problem(self) -> str | None:
        try:
            spec("project", "key_prefix").check(self.key_prefix.text().strip())
        except FieldError:
            return translate(
                "NewProjectDialog",
                "A key prefix is 1–10 letters or digits and starts with a letter.",
            )
        return None

    def _show_prefix_problem(self) -> None:
        problem = self._prefix_problem()
        if problem is not None:
            self.template_note.setStyleSheet(ERROR_STYLE)
            self.template_note.setText(problem)
            return
        self.template_note.setStyleSheet("")
        self.template_note.setText(
            {
                "blank": translate("NewProjectDialog", "An empty project: no sections yet."),
                "prd-zh": translate(
                    "NewProjectDialog", "The sections of a PRD in Chinese, ready to fill in."
                ),
                "prd-en": translate(
                    "NewProjectDialog", "The sections of a PRD in English, ready to fill in."
                ),
            }[self.template.currentData()]
        )

    def choice(self) -> NewProjectChoice:
        return NewProjectChoice(
            template=self.template.currentData(),
            title=self.title.text().strip(),
            product=self.product.text().strip(),
            key_prefix=self.key_prefix.text().strip(),
            language=self.language.currentData(),
        )

    def accept(self) -> None:
        if self._prefix_problem() is not None:
            self._show_prefix_problem()
            self.key_prefix.setFocus()
            return
        super().accept()
