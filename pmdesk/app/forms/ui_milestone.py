# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'milestone.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QWidget)

class Ui_MilestoneDialog(object):
    def setupUi(self, MilestoneDialog):
        if not MilestoneDialog.objectName():
            MilestoneDialog.setObjectName(u"MilestoneDialog")
        MilestoneDialog.setMinimumSize(QSize(340, 0))
        self.form = QFormLayout(MilestoneDialog)
        self.form.setObjectName(u"form")
        self.read_only_note = QLabel(MilestoneDialog)
        self.read_only_note.setObjectName(u"read_only_note")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(False)

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.read_only_note)

        self.name_label = QLabel(MilestoneDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(MilestoneDialog)
        self.name.setObjectName(u"name")
        self.name.setPlaceholderText(u"Beta")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name)

        self.dated = QCheckBox(MilestoneDialog)
        self.dated.setObjectName(u"dated")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dated)

        self.date_label = QLabel(MilestoneDialog)
        self.date_label.setObjectName(u"date_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date = QDateEdit(MilestoneDialog)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date)

        self.release_label = QLabel(MilestoneDialog)
        self.release_label.setObjectName(u"release_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.release_label)

        self.release = QComboBox(MilestoneDialog)
        self.release.setObjectName(u"release")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.release)

        self.buttons = QDialogButtonBox(MilestoneDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.date_label.setBuddy(self.date)
        self.release_label.setBuddy(self.release)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.dated)
        QWidget.setTabOrder(self.dated, self.date)
        QWidget.setTabOrder(self.date, self.release)
        QWidget.setTabOrder(self.release, self.buttons)

        self.retranslateUi(MilestoneDialog)
        self.buttons.accepted.connect(MilestoneDialog.accept)
        self.buttons.rejected.connect(MilestoneDialog.reject)

        QMetaObject.connectSlotsByName(MilestoneDialog)
    # setupUi

    def retranslateUi(self, MilestoneDialog):
        MilestoneDialog.setWindowTitle(QCoreApplication.translate("MilestoneDialog", u"Milestone", None))
        self.name_label.setText(QCoreApplication.translate("MilestoneDialog", u"&Name:", None))
        self.dated.setText(QCoreApplication.translate("MilestoneDialog", u"&Has a date", None))
        self.date_label.setText(QCoreApplication.translate("MilestoneDialog", u"&Date:", None))
        self.release_label.setText(QCoreApplication.translate("MilestoneDialog", u"&Release:", None))
#if QT_CONFIG(tooltip)
        self.release.setToolTip(QCoreApplication.translate("MilestoneDialog", u"The release this milestone belongs to", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

