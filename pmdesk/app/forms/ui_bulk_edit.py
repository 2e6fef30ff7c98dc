# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bulk_edit.ui'
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
    QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

class Ui_BulkEditDialog(object):
    def setupUi(self, BulkEditDialog):
        if not BulkEditDialog.objectName():
            BulkEditDialog.setObjectName(u"BulkEditDialog")
        BulkEditDialog.setMinimumSize(QSize(380, 0))
        self.layout = QVBoxLayout(BulkEditDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(BulkEditDialog)
        self.intro.setObjectName(u"intro")

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.field_label = QLabel(BulkEditDialog)
        self.field_label.setObjectName(u"field_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.field_label)

        self.field = QComboBox(BulkEditDialog)
        self.field.addItem("")
        self.field.addItem("")
        self.field.addItem("")
        self.field.addItem("")
        self.field.addItem("")
        self.field.addItem("")
        self.field.addItem("")
        self.field.setObjectName(u"field")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.field)

        self.value_label = QLabel(BulkEditDialog)
        self.value_label.setObjectName(u"value_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.value_label)

        self.values = QStackedWidget(BulkEditDialog)
        self.values.setObjectName(u"values")
        self.page_release = QWidget()
        self.page_release.setObjectName(u"page_release")
        self.page_release_layout = QVBoxLayout(self.page_release)
        self.page_release_layout.setObjectName(u"page_release_layout")
        self.page_release_layout.setContentsMargins(0, 0, 0, 0)
        self.value_release = QComboBox(self.page_release)
        self.value_release.setObjectName(u"value_release")

        self.page_release_layout.addWidget(self.value_release)

        self.values.addWidget(self.page_release)
        self.page_priority = QWidget()
        self.page_priority.setObjectName(u"page_priority")
        self.page_priority_layout = QVBoxLayout(self.page_priority)
        self.page_priority_layout.setObjectName(u"page_priority_layout")
        self.page_priority_layout.setContentsMargins(0, 0, 0, 0)
        self.value_priority = QComboBox(self.page_priority)
        self.value_priority.setObjectName(u"value_priority")

        self.page_priority_layout.addWidget(self.value_priority)

        self.values.addWidget(self.page_priority)
        self.page_status = QWidget()
        self.page_status.setObjectName(u"page_status")
        self.page_status_layout = QVBoxLayout(self.page_status)
        self.page_status_layout.setObjectName(u"page_status_layout")
        self.page_status_layout.setContentsMargins(0, 0, 0, 0)
        self.value_status = QComboBox(self.page_status)
        self.value_status.setObjectName(u"value_status")

        self.page_status_layout.addWidget(self.value_status)

        self.values.addWidget(self.page_status)
        self.page_owner = QWidget()
        self.page_owner.setObjectName(u"page_owner")
        self.page_owner_layout = QVBoxLayout(self.page_owner)
        self.page_owner_layout.setObjectName(u"page_owner_layout")
        self.page_owner_layout.setContentsMargins(0, 0, 0, 0)
        self.value_owner = QComboBox(self.page_owner)
        self.value_owner.setObjectName(u"value_owner")
        self.value_owner.setEditable(True)

        self.page_owner_layout.addWidget(self.value_owner)

        self.values.addWidget(self.page_owner)
        self.page_lane = QWidget()
        self.page_lane.setObjectName(u"page_lane")
        self.page_lane_layout = QVBoxLayout(self.page_lane)
        self.page_lane_layout.setObjectName(u"page_lane_layout")
        self.page_lane_layout.setContentsMargins(0, 0, 0, 0)
        self.value_lane = QComboBox(self.page_lane)
        self.value_lane.setObjectName(u"value_lane")

        self.page_lane_layout.addWidget(self.value_lane)

        self.values.addWidget(self.page_lane)
        self.page_tags_add = QWidget()
        self.page_tags_add.setObjectName(u"page_tags_add")
        self.page_tags_add_layout = QVBoxLayout(self.page_tags_add)
        self.page_tags_add_layout.setObjectName(u"page_tags_add_layout")
        self.page_tags_add_layout.setContentsMargins(0, 0, 0, 0)
        self.value_tags_add = QLineEdit(self.page_tags_add)
        self.value_tags_add.setObjectName(u"value_tags_add")

        self.page_tags_add_layout.addWidget(self.value_tags_add)

        self.values.addWidget(self.page_tags_add)
        self.page_tags_remove = QWidget()
        self.page_tags_remove.setObjectName(u"page_tags_remove")
        self.page_tags_remove_layout = QVBoxLayout(self.page_tags_remove)
        self.page_tags_remove_layout.setObjectName(u"page_tags_remove_layout")
        self.page_tags_remove_layout.setContentsMargins(0, 0, 0, 0)
        self.value_tags_remove = QLineEdit(self.page_tags_remove)
        self.value_tags_remove.setObjectName(u"value_tags_remove")

        self.page_tags_remove_layout.addWidget(self.value_tags_remove)

        self.values.addWidget(self.page_tags_remove)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.values)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(BulkEditDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.field_label.setBuddy(self.field)
        self.value_label.setBuddy(self.values)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BulkEditDialog)
        self.buttons.accepted.connect(BulkEditDialog.accept)
        self.buttons.rejected.connect(BulkEditDialog.reject)
        self.field.currentIndexChanged.connect(self.values.setCurrentIndex)

        QMetaObject.connectSlotsByName(BulkEditDialog)
    # setupUi

    def retranslateUi(self, BulkEditDialog):
        BulkEditDialog.setWindowTitle(QCoreApplication.translate("BulkEditDialog", u"Edit Selected Requirements", None))
        self.field_label.setText(QCoreApplication.translate("BulkEditDialog", u"&Field:", None))
        self.field.setItemText(0, QCoreApplication.translate("BulkEditDialog", u"Release", None))
        self.field.setItemText(1, QCoreApplication.translate("BulkEditDialog", u"Priority", None))
        self.field.setItemText(2, QCoreApplication.translate("BulkEditDialog", u"Status", None))
        self.field.setItemText(3, QCoreApplication.translate("BulkEditDialog", u"Owner", None))
        self.field.setItemText(4, QCoreApplication.translate("BulkEditDialog", u"Lane", None))
        self.field.setItemText(5, QCoreApplication.translate("BulkEditDialog", u"Add tags", None))
        self.field.setItemText(6, QCoreApplication.translate("BulkEditDialog", u"Remove tags", None))

        self.value_label.setText(QCoreApplication.translate("BulkEditDialog", u"&Value:", None))
        self.value_tags_add.setPlaceholderText(QCoreApplication.translate("BulkEditDialog", u"Comma-separated, e.g. mobile, MVP", None))
        self.value_tags_remove.setPlaceholderText(QCoreApplication.translate("BulkEditDialog", u"Comma-separated, e.g. mobile, MVP", None))
    # retranslateUi

