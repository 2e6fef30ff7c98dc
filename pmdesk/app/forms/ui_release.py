# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'release.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QWidget)

class Ui_ReleaseDialog(object):
    def setupUi(self, ReleaseDialog):
        if not ReleaseDialog.objectName():
            ReleaseDialog.setObjectName(u"ReleaseDialog")
        ReleaseDialog.setMinimumSize(QSize(380, 0))
        self.form = QFormLayout(ReleaseDialog)
        self.form.setObjectName(u"form")
        self.read_only_note = QLabel(ReleaseDialog)
        self.read_only_note.setObjectName(u"read_only_note")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(False)

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.read_only_note)

        self.name_label = QLabel(ReleaseDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(ReleaseDialog)
        self.name.setObjectName(u"name")
        self.name.setPlaceholderText(u"v1.0")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name)

        self.dated = QCheckBox(ReleaseDialog)
        self.dated.setObjectName(u"dated")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dated)

        self.start_label = QLabel(ReleaseDialog)
        self.start_label.setObjectName(u"start_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start = QDateEdit(ReleaseDialog)
        self.start.setObjectName(u"start")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start)

        self.end_label = QLabel(ReleaseDialog)
        self.end_label.setObjectName(u"end_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.end_label)

        self.end = QDateEdit(ReleaseDialog)
        self.end.setObjectName(u"end")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.end)

        self.status_label = QLabel(ReleaseDialog)
        self.status_label.setObjectName(u"status_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(ReleaseDialog)
        self.status.addItem("")
        self.status.addItem("")
        self.status.addItem("")
        self.status.setObjectName(u"status")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status)

        self.capacity_label = QLabel(ReleaseDialog)
        self.capacity_label.setObjectName(u"capacity_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.capacity_label)

        self.capacity = QDoubleSpinBox(ReleaseDialog)
        self.capacity.setObjectName(u"capacity")
        self.capacity.setDecimals(1)
        self.capacity.setMaximum(100000.000000000000000)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.capacity)

        self.goal_label = QLabel(ReleaseDialog)
        self.goal_label.setObjectName(u"goal_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.goal_label)

        self.goal = QLineEdit(ReleaseDialog)
        self.goal.setObjectName(u"goal")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.goal)

        self.dates_note = QLabel(ReleaseDialog)
        self.dates_note.setObjectName(u"dates_note")
        self.dates_note.setWordWrap(True)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.dates_note)

        self.buttons = QDialogButtonBox(ReleaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.start_label.setBuddy(self.start)
        self.end_label.setBuddy(self.end)
        self.status_label.setBuddy(self.status)
        self.capacity_label.setBuddy(self.capacity)
        self.goal_label.setBuddy(self.goal)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.dated)
        QWidget.setTabOrder(self.dated, self.start)
        QWidget.setTabOrder(self.start, self.end)
        QWidget.setTabOrder(self.end, self.status)
        QWidget.setTabOrder(self.status, self.capacity)
        QWidget.setTabOrder(self.capacity, self.goal)
        QWidget.setTabOrder(self.goal, self.buttons)

        self.retranslateUi(ReleaseDialog)
        self.buttons.accepted.connect(ReleaseDialog.accept)
        self.buttons.rejected.connect(ReleaseDialog.reject)

        QMetaObject.connectSlotsByName(ReleaseDialog)
    # setupUi

    def retranslateUi(self, ReleaseDialog):
        ReleaseDialog.setWindowTitle(QCoreApplication.translate("ReleaseDialog", u"Release", None))
        self.name_label.setText(QCoreApplication.translate("ReleaseDialog", u"&Name:", None))
        self.dated.setText(QCoreApplication.translate("ReleaseDialog", u"&Has dates", None))
        self.start_label.setText(QCoreApplication.translate("ReleaseDialog", u"&Start:", None))
        self.end_label.setText(QCoreApplication.translate("ReleaseDialog", u"&End:", None))
        self.status_label.setText(QCoreApplication.translate("ReleaseDialog", u"S&tatus:", None))
        self.status.setItemText(0, QCoreApplication.translate("ReleaseDialog", u"Planned", None))
        self.status.setItemText(1, QCoreApplication.translate("ReleaseDialog", u"In progress", None))
        self.status.setItemText(2, QCoreApplication.translate("ReleaseDialog", u"Released", None))

        self.capacity_label.setText(QCoreApplication.translate("ReleaseDialog", u"Ca&pacity:", None))
#if QT_CONFIG(tooltip)
        self.capacity.setToolTip(QCoreApplication.translate("ReleaseDialog", u"Person-days the team can give this release", None))
#endif // QT_CONFIG(tooltip)
        self.capacity.setSpecialValueText(QCoreApplication.translate("ReleaseDialog", u"Not set", None))
        self.capacity.setSuffix(QCoreApplication.translate("ReleaseDialog", u" person-days", None))
        self.goal_label.setText(QCoreApplication.translate("ReleaseDialog", u"&Goal:", None))
#if QT_CONFIG(tooltip)
        self.goal.setToolTip(QCoreApplication.translate("ReleaseDialog", u"One line of Markdown: what this release is for", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

