"""Typing a value of one's own to settle a merge conflict over a text field.

A short field (title, owner, name) gets one line, prefilled with yours. A
description or section body gets a text editor prefilled with both versions:
the lines both share once, and where they differ yours followed by theirs, so
the user keeps what they want instead of retyping either.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


def both_versions(mine: str, theirs: str) -> str:
    """Lines both share once; where they differ, yours and then theirs."""
    ours, their = mine.splitlines(), theirs.splitlines()
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=ours, b=their, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            out += ours[a0:a1]
        else:
            out += ours[a0:a1] + their[b0:b1]
    return "\n".join(out) + ("\n" if mine.endswith("\n") or theirs.endswith("\n") else "")


class ConflictEditor(QDialog):
    """Asks for a field's new value; `value()` is the text when accepted."""

    def __init__(
        self,
        heading: str,
        initial: str,
        *,
        multiline: bool,
        required: bool,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Conflicts", "Edit the value"))
        self._required = required
        layout = QVBoxLayout(self)
        title = QLabel(heading, self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if hint:
            note = QLabel(hint, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.line: QLineEdit | None = None
        self.text: QPlainTextEdit | None = None
        if multiline:
            self.text = QPlainTextEdit(self)
            self.text.setPlainText(initial)
            self.text.textChanged.connect(self._update)
            layout.addWidget(self.text, 1)
            self.resize(720, 520)
        else:
            self.line = QLineEdit(initial, self)
            self.line.selectAll()
            self.line.textChanged.connect(self._update)
            layout.addWidget(self.line)
            self.setMinimumWidth(480)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def value(self) -> str:
        if self.text is not None:
            return self.text.toPlainText()
        assert self.line is not None
        return self.line.text()

    def _update(self) -> None:
        self.ok_button.setEnabled(not self._required or bool(self.value().strip()))
