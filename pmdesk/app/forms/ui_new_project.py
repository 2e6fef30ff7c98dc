# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_project.ui'
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

class Ui_NewProjectDialog(object):
    def setupUi(self, NewProjectDialog):
        if not NewProjectDialog.objectName():
            NewProjectDialog.setObjectName(u"NewProjectDialog")
        NewProjectDialog.setMinimumSize(QSize(420, 0))
        self.form = QFormLayout(NewProjectDialog)
        self.form.setObjectName(u"form")
        self.title_label = QLabel(NewProjectDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(NewProjectDialog)
        self.title.setObjectName(u"title")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.product_label = QLabel(NewProjectDialog)
        self.product_label.setObjectName(u"product_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.product_label)

        self.product = QLineEdit(NewProjectDialog)
        self.product.setObjectName(u"product")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.product)

        self.key_prefix_label = QLabel(NewProjectDialog)
        self.key_prefix_label.setObjectName(u"key_prefix_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.key_prefix_label)

        self.key_prefix = QLineEdit(NewProjectDialog)
        self.key_prefix.setObjectName(u"key_prefix")
        self.key_prefix.setMaxLength(10)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.key_prefix)

        self.language_label = QLabel(NewProjectDialog)
        self.language_label.setObjectName(u"language_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language = QComboBox(NewProjectDialog)
        self.language.addItem(u"\u4e2d\u6587")
        self.language.addItem(u"English")
        self.language.setObjectName(u"language")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.language)

        self.template_label = QLabel(NewProjectDialog)
        self.template_label.setObjectName(u"template_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.template_label)

        self.template = QComboBox(NewProjectDialog)
        self.template.addItem("")
        self.template.addItem("")
        self.template.addItem("")
        self.template.setObjectName(u"template")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.template)

        self.template_note = QLabel(NewProjectDialog)
        self.template_note.setObjectName(u"template_note")
        self.template_note.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.template_note)

        self.buttons = QDialogButtonBox(NewProjectDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.product_label.setBuddy(self.product)
        self.key_prefix_label.setBuddy(self.key_prefix)
        self.language_label.setBuddy(self.language)
        self.template_label.setBuddy(self.template)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.product)
        QWidget.setTabOrder(self.product, self.key_prefix)
        QWidget.setTabOrder(self.key_prefix, self.language)
        QWidget.setTabOrder(self.language, self.template)
        QWidget.setTabOrder(self.template, self.buttons)

        self.retranslateUi(NewProjectDialog)
        self.buttons.accepted.connect(NewProjectDialog.accept)
        self.buttons.rejected.connect(NewProjectDialog.reject)

        QMetaObject.connectSlotsByName(NewProjectDialog)
    # setupUi

    def retranslateUi(self, NewProjectDialog):
        NewProjectDialog.setWindowTitle(QCoreApplication.translate("NewProjectDialog", u"New Project", None))
        self.title_label.setText(QCoreApplication.translate("NewProjectDialog", u"&Title:", None))
        self.title.setPlaceholderText(QCoreApplication.translate("NewProjectDialog", u"e.g. CRM product requirements", None))
        self.product_label.setText(QCoreApplication.translate("NewProjectDialog", u"&Product:", None))
        self.product.setPlaceholderText(QCoreApplication.translate("NewProjectDialog", u"e.g. CRM", None))
        self.key_prefix_label.setText(QCoreApplication.translate("NewProjectDialog", u"&Key prefix:", None))
#if QT_CONFIG(tooltip)
        self.key_prefix.setToolTip(QCoreApplication.translate("NewProjectDialog", u"Requirement keys start with it: CRM-1, CRM-2 \u2026", None))
#endif // QT_CONFIG(tooltip)
        self.language_label.setText(QCoreApplication.translate("NewProjectDialog", u"&Language:", None))

#if QT_CONFIG(tooltip)
        self.language.setToolTip(QCoreApplication.translate("NewProjectDialog", u"The language of the PRD's headings and labels", None))
#endif // QT_CONFIG(tooltip)
        self.template_label.setText(QCoreApplication.translate("NewProjectDialog", u"T&emplate:", None))
        self.template.setItemText(0, QCoreApplication.translate("NewProjectDialog", u"Blank project", None))
        self.template.setItemText(1, QCoreApplication.translate("NewProjectDialog", u"PRD template (\u4e2d\u6587)", None))
        self.template.setItemText(2, QCoreApplication.translate("NewProjectDialog", u"PRD template (English)", None))

    # retranslateUi

