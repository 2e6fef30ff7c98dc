# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'project_properties.ui'
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
    QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ProjectPropertiesDialog(object):
    def setupUi(self, ProjectPropertiesDialog):
        if not ProjectPropertiesDialog.objectName():
            ProjectPropertiesDialog.setObjectName(u"ProjectPropertiesDialog")
        ProjectPropertiesDialog.setMinimumSize(QSize(480, 0))
        self.form = QFormLayout(ProjectPropertiesDialog)
        self.form.setObjectName(u"form")
        self.read_only_note = QLabel(ProjectPropertiesDialog)
        self.read_only_note.setObjectName(u"read_only_note")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(False)

        self.form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.read_only_note)

        self.title_label = QLabel(ProjectPropertiesDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(ProjectPropertiesDialog)
        self.title.setObjectName(u"title")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title)

        self.product_label = QLabel(ProjectPropertiesDialog)
        self.product_label.setObjectName(u"product_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.product_label)

        self.product = QLineEdit(ProjectPropertiesDialog)
        self.product.setObjectName(u"product")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.product)

        self.version_label = QLabel(ProjectPropertiesDialog)
        self.version_label.setObjectName(u"version_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.version_label)

        self.version = QLineEdit(ProjectPropertiesDialog)
        self.version.setObjectName(u"version")
        self.version.setPlaceholderText(u"1.0")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.version)

        self.authors_label = QLabel(ProjectPropertiesDialog)
        self.authors_label.setObjectName(u"authors_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.authors_label)

        self.authors_row = QHBoxLayout()
        self.authors_row.setObjectName(u"authors_row")
        self.authors = QListWidget(ProjectPropertiesDialog)
        self.authors.setObjectName(u"authors")
        self.authors.setMaximumSize(QSize(16777215, 90))

        self.authors_row.addWidget(self.authors)

        self.authors_buttons = QVBoxLayout()
        self.authors_buttons.setObjectName(u"authors_buttons")
        self.add_author = QPushButton(ProjectPropertiesDialog)
        self.add_author.setObjectName(u"add_author")

        self.authors_buttons.addWidget(self.add_author)

        self.remove_author = QPushButton(ProjectPropertiesDialog)
        self.remove_author.setObjectName(u"remove_author")

        self.authors_buttons.addWidget(self.remove_author)

        self.authors_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.authors_buttons.addItem(self.authors_buttons_stretch)


        self.authors_row.addLayout(self.authors_buttons)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.authors_row)

        self.organisation_label = QLabel(ProjectPropertiesDialog)
        self.organisation_label.setObjectName(u"organisation_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QLineEdit(ProjectPropertiesDialog)
        self.organisation.setObjectName(u"organisation")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.key_prefix_label = QLabel(ProjectPropertiesDialog)
        self.key_prefix_label.setObjectName(u"key_prefix_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.key_prefix_label)

        self.key_prefix = QLineEdit(ProjectPropertiesDialog)
        self.key_prefix.setObjectName(u"key_prefix")
        self.key_prefix.setMaxLength(10)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.key_prefix)

        self.key_prefix_note = QLabel(ProjectPropertiesDialog)
        self.key_prefix_note.setObjectName(u"key_prefix_note")
        self.key_prefix_note.setWordWrap(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.key_prefix_note)

        self.language_label = QLabel(ProjectPropertiesDialog)
        self.language_label.setObjectName(u"language_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language = QComboBox(ProjectPropertiesDialog)
        self.language.addItem(u"\u4e2d\u6587")
        self.language.addItem(u"English")
        self.language.setObjectName(u"language")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.language)

        self.logo_label = QLabel(ProjectPropertiesDialog)
        self.logo_label.setObjectName(u"logo_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.logo_label)

        self.logo_row = QHBoxLayout()
        self.logo_row.setObjectName(u"logo_row")
        self.logo_preview = QLabel(ProjectPropertiesDialog)
        self.logo_preview.setObjectName(u"logo_preview")
        self.logo_preview.setMinimumSize(QSize(160, 64))
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.logo_row.addWidget(self.logo_preview)

        self.logo_buttons = QVBoxLayout()
        self.logo_buttons.setObjectName(u"logo_buttons")
        self.choose_logo = QPushButton(ProjectPropertiesDialog)
        self.choose_logo.setObjectName(u"choose_logo")

        self.logo_buttons.addWidget(self.choose_logo)

        self.remove_logo = QPushButton(ProjectPropertiesDialog)
        self.remove_logo.setObjectName(u"remove_logo")

        self.logo_buttons.addWidget(self.remove_logo)

        self.logo_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.logo_buttons.addItem(self.logo_buttons_stretch)


        self.logo_row.addLayout(self.logo_buttons)


        self.form.setLayout(9, QFormLayout.ItemRole.FieldRole, self.logo_row)

        self.logo_note = QLabel(ProjectPropertiesDialog)
        self.logo_note.setObjectName(u"logo_note")
        self.logo_note.setWordWrap(True)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.logo_note)

        self.doc_status_label = QLabel(ProjectPropertiesDialog)
        self.doc_status_label.setObjectName(u"doc_status_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.doc_status_label)

        self.doc_status = QComboBox(ProjectPropertiesDialog)
        self.doc_status.setObjectName(u"doc_status")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.doc_status)

        self.confidentiality_label = QLabel(ProjectPropertiesDialog)
        self.confidentiality_label.setObjectName(u"confidentiality_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.confidentiality_label)

        self.confidentiality = QComboBox(ProjectPropertiesDialog)
        self.confidentiality.setObjectName(u"confidentiality")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.confidentiality)

        self.doc_number_label = QLabel(ProjectPropertiesDialog)
        self.doc_number_label.setObjectName(u"doc_number_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.doc_number_label)

        self.doc_number = QLineEdit(ProjectPropertiesDialog)
        self.doc_number.setObjectName(u"doc_number")
        self.doc_number.setPlaceholderText(u"PRD-2027-001")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.doc_number)

        self.reviewers_label = QLabel(ProjectPropertiesDialog)
        self.reviewers_label.setObjectName(u"reviewers_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.reviewers_label)

        self.reviewers_row = QHBoxLayout()
        self.reviewers_row.setObjectName(u"reviewers_row")
        self.reviewers = QTableWidget(ProjectPropertiesDialog)
        if (self.reviewers.columnCount() < 2):
            self.reviewers.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.reviewers.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.reviewers.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.reviewers.setObjectName(u"reviewers")
        self.reviewers.setMinimumSize(QSize(0, 120))
        self.reviewers.setMaximumSize(QSize(16777215, 150))
        self.reviewers.setColumnCount(2)
        self.reviewers.horizontalHeader().setStretchLastSection(True)
        self.reviewers.verticalHeader().setVisible(False)

        self.reviewers_row.addWidget(self.reviewers)

        self.reviewers_buttons = QVBoxLayout()
        self.reviewers_buttons.setObjectName(u"reviewers_buttons")
        self.add_reviewer = QPushButton(ProjectPropertiesDialog)
        self.add_reviewer.setObjectName(u"add_reviewer")

        self.reviewers_buttons.addWidget(self.add_reviewer)

        self.remove_reviewer = QPushButton(ProjectPropertiesDialog)
        self.remove_reviewer.setObjectName(u"remove_reviewer")

        self.reviewers_buttons.addWidget(self.remove_reviewer)

        self.reviewers_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.reviewers_buttons.addItem(self.reviewers_buttons_stretch)


        self.reviewers_row.addLayout(self.reviewers_buttons)


        self.form.setLayout(14, QFormLayout.ItemRole.FieldRole, self.reviewers_row)

        self.scoring_label = QLabel(ProjectPropertiesDialog)
        self.scoring_label.setObjectName(u"scoring_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.scoring_label)

        self.scoring = QComboBox(ProjectPropertiesDialog)
        self.scoring.setObjectName(u"scoring")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.scoring)

        self.criteria_label = QLabel(ProjectPropertiesDialog)
        self.criteria_label.setObjectName(u"criteria_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.criteria_label)

        self.criteria_row = QHBoxLayout()
        self.criteria_row.setObjectName(u"criteria_row")
        self.criteria = QTableWidget(ProjectPropertiesDialog)
        if (self.criteria.columnCount() < 3):
            self.criteria.setColumnCount(3)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.criteria.setHorizontalHeaderItem(0, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.criteria.setHorizontalHeaderItem(1, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.criteria.setHorizontalHeaderItem(2, __qtablewidgetitem4)
        self.criteria.setObjectName(u"criteria")
        self.criteria.setMinimumSize(QSize(0, 120))
        self.criteria.setMaximumSize(QSize(16777215, 150))
        self.criteria.setColumnCount(3)
        self.criteria.verticalHeader().setVisible(False)

        self.criteria_row.addWidget(self.criteria)

        self.criteria_buttons = QVBoxLayout()
        self.criteria_buttons.setObjectName(u"criteria_buttons")
        self.add_criterion = QPushButton(ProjectPropertiesDialog)
        self.add_criterion.setObjectName(u"add_criterion")

        self.criteria_buttons.addWidget(self.add_criterion)

        self.remove_criterion = QPushButton(ProjectPropertiesDialog)
        self.remove_criterion.setObjectName(u"remove_criterion")

        self.criteria_buttons.addWidget(self.remove_criterion)

        self.criteria_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.criteria_buttons.addItem(self.criteria_buttons_stretch)


        self.criteria_row.addLayout(self.criteria_buttons)


        self.form.setLayout(16, QFormLayout.ItemRole.FieldRole, self.criteria_row)

        self.criteria_note = QLabel(ProjectPropertiesDialog)
        self.criteria_note.setObjectName(u"criteria_note")
        self.criteria_note.setWordWrap(True)

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.criteria_note)

        self.buttons = QDialogButtonBox(ProjectPropertiesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(18, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.product_label.setBuddy(self.product)
        self.version_label.setBuddy(self.version)
        self.authors_label.setBuddy(self.authors)
        self.organisation_label.setBuddy(self.organisation)
        self.key_prefix_label.setBuddy(self.key_prefix)
        self.language_label.setBuddy(self.language)
        self.logo_label.setBuddy(self.choose_logo)
        self.doc_status_label.setBuddy(self.doc_status)
        self.confidentiality_label.setBuddy(self.confidentiality)
        self.doc_number_label.setBuddy(self.doc_number)
        self.reviewers_label.setBuddy(self.reviewers)
        self.scoring_label.setBuddy(self.scoring)
        self.criteria_label.setBuddy(self.criteria)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.product)
        QWidget.setTabOrder(self.product, self.version)
        QWidget.setTabOrder(self.version, self.authors)
        QWidget.setTabOrder(self.authors, self.add_author)
        QWidget.setTabOrder(self.add_author, self.remove_author)
        QWidget.setTabOrder(self.remove_author, self.organisation)
        QWidget.setTabOrder(self.organisation, self.key_prefix)
        QWidget.setTabOrder(self.key_prefix, self.language)
        QWidget.setTabOrder(self.language, self.choose_logo)
        QWidget.setTabOrder(self.choose_logo, self.remove_logo)
        QWidget.setTabOrder(self.remove_logo, self.doc_status)
        QWidget.setTabOrder(self.doc_status, self.confidentiality)
        QWidget.setTabOrder(self.confidentiality, self.doc_number)
        QWidget.setTabOrder(self.doc_number, self.reviewers)
        QWidget.setTabOrder(self.reviewers, self.add_reviewer)
        QWidget.setTabOrder(self.add_reviewer, self.remove_reviewer)
        QWidget.setTabOrder(self.remove_reviewer, self.scoring)
        QWidget.setTabOrder(self.scoring, self.criteria)
        QWidget.setTabOrder(self.criteria, self.add_criterion)
        QWidget.setTabOrder(self.add_criterion, self.remove_criterion)
        QWidget.setTabOrder(self.remove_criterion, self.buttons)

        self.retranslateUi(ProjectPropertiesDialog)
        self.buttons.accepted.connect(ProjectPropertiesDialog.accept)
        self.buttons.rejected.connect(ProjectPropertiesDialog.reject)

        QMetaObject.connectSlotsByName(ProjectPropertiesDialog)
    # setupUi

    def retranslateUi(self, ProjectPropertiesDialog):
        ProjectPropertiesDialog.setWindowTitle(QCoreApplication.translate("ProjectPropertiesDialog", u"Project Properties", None))
        self.title_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"&Title:", None))
#if QT_CONFIG(tooltip)
        self.title.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"The document's title, on the PRD's cover", None))
#endif // QT_CONFIG(tooltip)
        self.product_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"&Product:", None))
#if QT_CONFIG(tooltip)
        self.product.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"The product's name, in the PRD's cover and header", None))
#endif // QT_CONFIG(tooltip)
        self.version_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"&Version:", None))
        self.authors_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"&Authors:", None))
#if QT_CONFIG(tooltip)
        self.authors.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"One author a line. F2 or double-click edits one.", None))
#endif // QT_CONFIG(tooltip)
        self.add_author.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"A&dd", None))
        self.remove_author.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Re&move", None))
        self.organisation_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"O&rganisation:", None))
        self.key_prefix_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"&Key prefix:", None))
#if QT_CONFIG(tooltip)
        self.key_prefix.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"Requirement keys start with it: CRM-1, CRM-2 \u2026", None))
#endif // QT_CONFIG(tooltip)
        self.language_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"&Language:", None))

#if QT_CONFIG(tooltip)
        self.language.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"The language of the PRD's headings and labels", None))
#endif // QT_CONFIG(tooltip)
        self.logo_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Lo&go:", None))
        self.choose_logo.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"C&hoose\u2026", None))
#if QT_CONFIG(tooltip)
        self.choose_logo.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"A PNG or JPEG picture of at most 1 MB, for the PRD's cover", None))
#endif // QT_CONFIG(tooltip)
        self.remove_logo.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"R&emove", None))
        self.doc_status_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Document &status:", None))
#if QT_CONFIG(tooltip)
        self.doc_status.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"Where the PRD stands (draft, in review, approved), on its cover", None))
#endif // QT_CONFIG(tooltip)
        self.confidentiality_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Con&fidentiality:", None))
#if QT_CONFIG(tooltip)
        self.confidentiality.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"Who may read the PRD (\u5bc6\u7ea7), on its cover", None))
#endif // QT_CONFIG(tooltip)
        self.doc_number_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Document &number:", None))
        self.reviewers_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Revie&wers:", None))
        ___qtablewidgetitem = self.reviewers.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Role", None))
        ___qtablewidgetitem1 = self.reviewers.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Name", None))
#if QT_CONFIG(tooltip)
        self.reviewers.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"Who signs the PRD off: a row each in its approval table", None))
#endif // QT_CONFIG(tooltip)
        self.add_reviewer.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Add", None))
        self.remove_reviewer.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Remove", None))
        self.scoring_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Scor&ing model:", None))
#if QT_CONFIG(tooltip)
        self.scoring.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"How requirements are scored and ranked: in the details, the ranking and the PRD", None))
#endif // QT_CONFIG(tooltip)
        self.criteria_label.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Criteria:", None))
        ___qtablewidgetitem2 = self.criteria.horizontalHeaderItem(0)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Criterion", None))
        ___qtablewidgetitem3 = self.criteria.horizontalHeaderItem(1)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Weight", None))
        ___qtablewidgetitem4 = self.criteria.horizontalHeaderItem(2)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Scale", None))
#if QT_CONFIG(tooltip)
        self.criteria.setToolTip(QCoreApplication.translate("ProjectPropertiesDialog", u"The weighted model's criteria: each requirement gets a value from 0 to the scale on each", None))
#endif // QT_CONFIG(tooltip)
        self.add_criterion.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Add", None))
        self.remove_criterion.setText(QCoreApplication.translate("ProjectPropertiesDialog", u"Remove", None))
    # retranslateUi

