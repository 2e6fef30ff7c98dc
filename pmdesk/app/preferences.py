"""Preferences: the name history records, the UI language and the theme."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pmdesk.app.settings import AppSettings
from pmdesk.app.theme import apply_theme


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.user = QLineEdit(settings.user_name, self)
        self.user.setToolTip(self.tr("Recorded in the history of every change you make."))
        self.language = QComboBox(self)
        for text, value in (
            (self.tr("Follow the system"), "system"),
            ("中文", "zh_CN"),
            ("English", "en"),
        ):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.theme = QComboBox(self)
        for text, value in (
            (self.tr("Follow the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        note = QLabel(self.tr("A new language takes effect when pmdesk starts again."), self)
        note.setEnabled(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Your name:"), self.user)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.user_name = self.user.text()
        self.settings.language = self.language.currentData()
        self.settings.theme = self.theme.currentData()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
        super().accept()
