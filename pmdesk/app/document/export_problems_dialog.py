"""The problems an export found, shown before anything is written.

A broken ```` ```pmdesk ```` block would reach stakeholders as red error text:
the user goes back (and to the section, to fix it) or exports anyway, knowingly.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.export.doc import ExportProblem
from pmdesk.export.export_problems import problem_line

_UID_ROLE = Qt.ItemDataRole.UserRole


class ExportProblemsDialog(QDialog):
    """Lists the problems; accepted means "export anyway", rejected "go back".

    `section_wanted(uid)` asks the window to show the section of the chosen problem
    (double-click or Show Section); the dialog is then rejected.
    """

    section_wanted = Signal(str)

    def __init__(
        self, problems: list[ExportProblem], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems in the Document"))
        self.setMinimumWidth(520)
        text = self.tr(
            "The document shows these problems as error text. "
            "Go back to fix them, or export anyway."
        )
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        for problem in problems:
            item = QListWidgetItem(problem_line(problem, language))
            item.setData(_UID_ROLE, problem.section_uid)
            item.setToolTip(item.text())
            self.list.addItem(item)
        self.list.setWordWrap(True)
        self.list.setCurrentRow(0)

        self.buttons = QDialogButtonBox(self)
        self.back_button = self.buttons.addButton(
            self.tr("Go Back"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.show_button = QPushButton(self.tr("Show Section"), self)
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.anyway_button = self.buttons.addButton(
            self.tr("Export Anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.back_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.show_button.clicked.connect(self.show_section)
        self.list.itemDoubleClicked.connect(lambda _item: self.show_section())
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self._update()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)

    def _chosen_uid(self) -> str:
        item = self.list.currentItem()
        return str(item.data(_UID_ROLE) or "") if item is not None else ""

    def _update(self) -> None:
        self.show_button.setEnabled(bool(self._chosen_uid()))

    def show_section(self) -> None:
        uid = self._chosen_uid()
        if uid:
            self.section_wanted.emit(uid)
            self.reject()
