# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences.ui'
##
## Compiled by packaging/compile_forms.py
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget)

class Ui_PreferencesDialog(object):
    def setupUi(self, PreferencesDialog):
        if not PreferencesDialog.objectName():
            PreferencesDialog.setObjectName(u"PreferencesDialog")
        self.form = QFormLayout(PreferencesDialog)
        self.form.setObjectName(u"form")
        self.user_label = QLabel(PreferencesDialog)
        self.user_label.setObjectName(u"user_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user = QLineEdit(PreferencesDialog)
        self.user.setObjectName(u"user")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.user)

        self.language_label = QLabel(PreferencesDialog)
        self.language_label.setObjectName(u"language_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language = QComboBox(PreferencesDialog)
        self.language.addItem("")
        self.language.addItem(u"\u4e2d\u6587")
        self.language.addItem(u"English")
        self.language.setObjectName(u"language")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.language)

        self.language_note = QLabel(PreferencesDialog)
        self.language_note.setObjectName(u"language_note")
        self.language_note.setEnabled(False)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.language_note)

        self.theme_label = QLabel(PreferencesDialog)
        self.theme_label.setObjectName(u"theme_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.theme_label)

        self.theme = QComboBox(PreferencesDialog)
        self.theme.addItem("")
        self.theme.addItem("")
        self.theme.addItem("")
        self.theme.setObjectName(u"theme")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.theme)

        self.buttons = QDialogButtonBox(PreferencesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.user_label.setBuddy(self.user)
        self.language_label.setBuddy(self.language)
        self.theme_label.setBuddy(self.theme)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PreferencesDialog)
        self.buttons.accepted.connect(PreferencesDialog.accept)
        self.buttons.rejected.connect(PreferencesDialog.reject)

        QMetaObject.connectSlotsByName(PreferencesDialog)
    # setupUi

    def retranslateUi(self, PreferencesDialog):
        PreferencesDialog.setWindowTitle(QCoreApplication.translate("PreferencesDialog", u"Preferences", None))
        self.user_label.setText(QCoreApplication.translate("PreferencesDialog", u"Your name:", None))
#if QT_CONFIG(tooltip)
        self.user.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Recorded in the history of every change you make.", None))
#endif // QT_CONFIG(tooltip)
        self.language_label.setText(QCoreApplication.translate("PreferencesDialog", u"Language:", None))
        self.language.setItemText(0, QCoreApplication.translate("PreferencesDialog", u"Follow the system", None))

        self.language_note.setText(QCoreApplication.translate("PreferencesDialog", u"A new language takes effect when pmdesk starts again.", None))
        self.theme_label.setText(QCoreApplication.translate("PreferencesDialog", u"Theme:", None))
        self.theme.setItemText(0, QCoreApplication.translate("PreferencesDialog", u"Follow the system", None))
        self.theme.setItemText(1, QCoreApplication.translate("PreferencesDialog", u"Light", None))
        self.theme.setItemText(2, QCoreApplication.translate("PreferencesDialog", u"Dark", None))

    # retranslateUi

