"""Preferences: the name history records, the UI language and the theme.

The form is drawn in Qt Designer (ui/preferences.ui, compiled by
packaging/compile_forms.py); this module fills it and keeps what was chosen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QWidget

from pmdesk.app.forms.ui_preferences import Ui_PreferencesDialog
from pmdesk.app.settings import LANGUAGES, THEMES, AppSettings
from pmdesk.app.theme import apply_theme


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        form = Ui_PreferencesDialog()
        form.setupUi(self)
        self.user: QLineEdit = form.user
        self.language: QComboBox = form.language
        self.theme: QComboBox = form.theme
        self.user.setText(settings.user_name)
        # The form lists the choices in the order of the values they stand for.
        for combo, values, value in (
            (self.language, LANGUAGES, settings.language),
            (self.theme, THEMES, settings.theme),
        ):
            assert combo.count() == len(values), "ui/preferences.ui and settings disagree"
            for index, data in enumerate(values):
                combo.setItemData(index, data)
            combo.setCurrentIndex(combo.findData(value))

    def accept(self) -> None:
        self.settings.user_name = self.user.text()
        self.settings.language = self.language.currentData()
        self.settings.theme = self.theme.currentData()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
        super().accept()
