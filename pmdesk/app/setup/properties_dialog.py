"""Project ▸ Properties…: the title, product, version, authors, organisation, key
prefix, document language and logo that the PRD's cover, header and footer show,
and what the PRD states about itself: its status, confidentiality (密级), number
and reviewers (the rows of its approval table); how requirements are scored
(RICE, ICE, WSJF or the project's own weighted criteria, each a name, a weight
and a scale).

The form is drawn in Qt Designer (ui/project_properties.ui). OK is one undo step,
"Change project properties": the changed fields as an `Update` of the project
row, and a new key prefix as `RenumberKeys` (after saying how many keys change),
together in one `Batch`. In a read-only window the dialog shows the properties
and says why nothing can be changed.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pmdesk.app.forms.ui_project_properties import Ui_ProjectPropertiesDialog
from pmdesk.app.setup import questions
from pmdesk.core.domain.fields import FieldError, spec
from pmdesk.core.domain.vocabulary import (
    CONFIDENTIALITY_TERMS,
    DOCUMENT_STATUS_TERMS,
    LABELS,
    SCORING_TERMS,
)

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.ops import Operation

translate = QCoreApplication.translate

LANGUAGES = ("zh", "en")  # the order of the form's language choices
MAX_LOGO_BYTES = 1024 * 1024
MAX_LOGO_SIDE = 1000  # pixels: a cover logo is printed a few centimetres wide
ERROR_STYLE = "color: #b02a37;"


def logo_problem(data: bytes, name: str) -> str | None:
    """Why `data` cannot be the logo (one sentence), or None: PNG or JPEG, at most 1 MB."""
    if len(data) > MAX_LOGO_BYTES:
        return translate(
            "ProjectPropertiesDialog", "%1 is larger than 1 MB: choose a smaller picture."
        ).replace("%1", name)
    png = data.startswith(b"\x89PNG\r\n\x1a\n")
    jpeg = data.startswith(b"\xff\xd8\xff")
    if not (png or jpeg) or QImage.fromData(data).isNull():
        return translate("ProjectPropertiesDialog", "%1 is not a PNG or JPEG picture.").replace(
            "%1", name
        )
    return None


def _encoded(image: QImage, kind: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # QImageWriter: QImage.save's format argument is typed bytes but takes only str.
    QImageWriter(buffer, QByteArray(kind.encode())).write(image)
    buffer.close()
    return bytes(data.data())


def shrunk_logo(data: bytes) -> QImage | None:
    """A PNG or JPEG picture too large for the file (over 1 MB, as a designer's
    export often is) made to fit: at most MAX_LOGO_SIDE pixels a side, as PNG, or
    as JPEG on white if the PNG is still too large. None: not such a picture."""
    if not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    if max(image.width(), image.height()) > MAX_LOGO_SIDE:
        image = image.scaled(
            MAX_LOGO_SIDE,
            MAX_LOGO_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def fitted_logo(image: QImage) -> bytes | None:
    """`image` as PNG or JPEG bytes within MAX_LOGO_BYTES, or None."""
    png = _encoded(image, "png")
    if len(png) <= MAX_LOGO_BYTES:
        return png
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))  # JPEG has no transparency: a cover page is white
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    jpeg = _encoded(flat, "jpg")
    return jpeg if len(jpeg) <= MAX_LOGO_BYTES else None


class ProjectPropertiesDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        form = Ui_ProjectPropertiesDialog()
        form.setupUi(self)
        self.title: QLineEdit = form.title
        self.product: QLineEdit = form.product
        self.version: QLineEdit = form.version
        self.authors: QListWidget = form.authors
        self.add_author: QPushButton = form.add_author
        self.remove_author: QPushButton = form.remove_author
        self.organisation: QLineEdit = form.organisation
        self.key_prefix: QLineEdit = form.key_prefix
        self.key_prefix_note: QLabel = form.key_prefix_note
        self.language: QComboBox = form.language
        self.logo_preview: QLabel = form.logo_preview
        self.choose_logo: QPushButton = form.choose_logo
        self.remove_logo: QPushButton = form.remove_logo
        self.logo_note: QLabel = form.logo_note
        self.read_only_note: QLabel = form.read_only_note
        self.doc_status: QComboBox = form.doc_status
        self.confidentiality: QComboBox = form.confidentiality
        self.doc_number: QLineEdit = form.doc_number
        self.reviewers: QTableWidget = form.reviewers
        self.add_reviewer: QPushButton = form.add_reviewer
        self.remove_reviewer: QPushButton = form.remove_reviewer
        self.scoring: QComboBox = form.scoring
        self.criteria: QTableWidget = form.criteria
        self.add_criterion: QPushButton = form.add_criterion
        self.remove_criterion: QPushButton = form.remove_criterion
        self.criteria_note: QLabel = form.criteria_note
        self._layout = form.form
        self._criteria_label: QLabel = form.criteria_label
        self.buttons: QDialogButtonBox = form.buttons
        header = self.criteria.horizontalHeader()
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0000") + 24)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.criteria.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.reviewers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.reviewers.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for index, code in enumerate(LANGUAGES):
            self.language.setItemData(index, code)
        for combo, terms in (
            (self.doc_status, DOCUMENT_STATUS_TERMS),
            (self.confidentiality, CONFIDENTIALITY_TERMS),
        ):
            for code, term in terms.items():
                combo.addItem(translate(LABELS, term.en), code)
        for code, term in SCORING_TERMS.items():
            self.scoring.addItem(translate(LABELS, term.en), code)

        info = session.project.info()
        self._uid = info.uid
        self._before: dict[str, Any] = {
            "title": info.title,
            "product": info.product,
            "version": info.version,
            "authors": list(info.authors),
            "organisation": info.organisation,
            "language": info.language,
            "logo": info.logo,
            "doc_status": info.doc_status,
            "confidentiality": info.confidentiality,
            "doc_number": info.doc_number,
            "reviewers": [{"role": r.role, "name": r.name} for r in info.reviewers],
            "scoring": info.scoring,
            "criteria": [c.as_json() for c in info.criteria],
        }
        self._prefix = info.key_prefix
        self.title.setText(info.title)
        self.product.setText(info.product)
        self.version.setText(info.version)
        for author in info.authors:
            self._add_author_item(author)
        self.organisation.setText(info.organisation)
        self.key_prefix.setText(info.key_prefix)
        self.language.setCurrentIndex(max(0, self.language.findData(info.language)))
        self.logo: bytes | None = info.logo
        self._show_logo()
        self.doc_status.setCurrentIndex(max(0, self.doc_status.findData(info.doc_status)))
        self.confidentiality.setCurrentIndex(
            max(0, self.confidentiality.findData(info.confidentiality))
        )
        self.doc_number.setText(info.doc_number)
        for reviewer in info.reviewers:
            self._add_reviewer_row(reviewer.role, reviewer.name)
        self.scoring.setCurrentIndex(max(0, self.scoring.findData(info.scoring)))
        for criterion in info.criteria:
            self._add_criterion_row(criterion.id, criterion.name, criterion.weight, criterion.scale)
        self._scoring_changed()
        self._prefix_changed(info.key_prefix)

        self.add_author.clicked.connect(self._new_author)
        self.remove_author.clicked.connect(self._remove_author)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.authors)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove_author)
        self.add_reviewer.clicked.connect(self._new_reviewer)
        self.remove_reviewer.clicked.connect(self._remove_reviewer)
        self.scoring.currentIndexChanged.connect(self._scoring_changed)
        self.add_criterion.clicked.connect(self._new_criterion)
        self.remove_criterion.clicked.connect(self._remove_criterion)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(self._remove_logo)
        self.key_prefix.textEdited.connect(self._prefix_changed)
        if session.read_only:
            self._lock()

    # -- authors -------------------------------------------------------------------
    def _add_author_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.authors)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _new_author(self) -> None:
        item = self._add_author_item("")
        self.authors.setCurrentItem(item)
        self.authors.editItem(item)

    def _remove_author(self) -> None:
        row = self.authors.currentRow()
        if row >= 0:
            self.authors.takeItem(row)

    def author_names(self) -> list[str]:
        names = (self.authors.item(i).text().strip() for i in range(self.authors.count()))
        return [name for name in names if name]

    # -- reviewers -----------------------------------------------------------------
    def _add_reviewer_row(self, role: str, name: str) -> int:
        row = self.reviewers.rowCount()
        self.reviewers.insertRow(row)
        self.reviewers.setItem(row, 0, QTableWidgetItem(role))
        self.reviewers.setItem(row, 1, QTableWidgetItem(name))
        return row

    def _new_reviewer(self) -> None:
        row = self._add_reviewer_row("", "")
        self.reviewers.setCurrentCell(row, 0)
        item = self.reviewers.item(row, 0)
        if item is not None:
            self.reviewers.editItem(item)

    def _remove_reviewer(self) -> None:
        row = self.reviewers.currentRow()
        if row >= 0:
            self.reviewers.removeRow(row)

    def reviewer_rows(self) -> list[dict[str, str]]:
        """The reviewers as the table has them; rows with neither role nor name are left out."""
        rows = []
        for row in range(self.reviewers.rowCount()):
            cells = [self.reviewers.item(row, column) for column in (0, 1)]
            role, name = (c.text().strip() if c is not None else "" for c in cells)
            if role or name:
                rows.append({"role": role, "name": name})
        return rows

    # -- scoring ---------------------------------------------------------------------
    def _scoring_changed(self, *_args: object) -> None:
        """The criteria table belongs to the weighted model: shown only with it."""
        weighted = self.scoring.currentData() == "weighted"
        self._layout.setRowVisible(self._criteria_label, weighted)
        self._layout.setRowVisible(self.criteria_note, weighted)
        self.adjustSize()

    def _add_criterion_row(self, uid: str, name: str, weight: float, scale: float) -> int:
        row = self.criteria.rowCount()
        self.criteria.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, uid)  # values are stored by it: renaming keeps them
        self.criteria.setItem(row, 0, item)
        for column, number in ((1, weight), (2, scale)):
            cell = QTableWidgetItem(f"{number:g}")
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.criteria.setItem(row, column, cell)
        return row

    def _new_criterion(self) -> None:
        row = self._add_criterion_row(uuid.uuid4().hex[:8], "", 1, 5)
        self.criteria.setCurrentCell(row, 0)
        item = self.criteria.item(row, 0)
        if item is not None:
            self.criteria.editItem(item)

    def _remove_criterion(self) -> None:
        row = self.criteria.currentRow()
        if row >= 0:
            self.criteria.removeRow(row)

    def criterion_rows(self) -> tuple[list[dict[str, Any]], str | None]:
        """The criteria as the table has them (rows without a name left out), and
        what is wrong with them (one sentence) or None."""
        rows: list[dict[str, Any]] = []
        for row in range(self.criteria.rowCount()):
            cells = [self.criteria.item(row, column) for column in (0, 1, 2)]
            name, weight, scale = (c.text().strip() if c is not None else "" for c in cells)
            if not name:
                continue
            try:
                numbers = float(weight.replace(",", ".")), float(scale.replace(",", "."))
            except ValueError:
                numbers = (-1.0, -1.0)
            if numbers[0] < 0 or numbers[1] <= 0:
                problem = translate(
                    "ProjectPropertiesDialog",
                    "%1 needs a weight of 0 or more and a scale above 0.",
                ).replace("%1", name)
                return rows, problem
            first = cells[0]
            uid = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
            rows.append(
                {
                    "id": str(uid or uuid.uuid4().hex[:8]),
                    "name": name,
                    "weight": numbers[0],
                    "scale": numbers[1],
                }
            )
        return rows, None

    # -- key prefix ------------------------------------------------------------------
    def _prefix_problem(self, text: str) -> str | None:
        try:
            spec("project", "key_prefix").check(text)
        except FieldError:
            return translate(
                "ProjectPropertiesDialog",
                "A key prefix is 1–10 letters or digits and starts with a letter.",
            )
        return None

    def _prefix_changed(self, text: str) -> None:
        problem = self._prefix_problem(text)
        if problem is not None:
            self.key_prefix_note.setStyleSheet(ERROR_STYLE)
            self.key_prefix_note.setText(problem)
        else:
            self.key_prefix_note.setStyleSheet("")
            self.key_prefix_note.setText(
                translate("ProjectPropertiesDialog", "Keys read %1-1, %1-2 …").replace("%1", text)
            )

    # -- logo ------------------------------------------------------------------------
    def _show_logo(self) -> None:
        self.remove_logo.setEnabled(self.logo is not None and not self._session.read_only)
        if self.logo is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(translate("ProjectPropertiesDialog", "No logo"))
            return
        image = QImage.fromData(self.logo)
        box = QSize(160, 64)
        self.logo_preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def _choose_logo(self) -> None:
        path = questions.choose_image(self)
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as e:
            problem: str | None = (
                translate("ProjectPropertiesDialog", "%1 could not be read (%2).")
                .replace("%1", path.name)
                .replace("%2", e.strerror or str(e))
            )
        else:
            problem = logo_problem(data, path.name)
        note = path.name
        if problem is not None and len(data) > MAX_LOGO_BYTES:
            image = shrunk_logo(data)
            smaller = fitted_logo(image) if image is not None else None
            if image is not None and smaller is not None:
                problem, data = None, smaller
                note = (
                    translate(
                        "ProjectPropertiesDialog",
                        "%1 was made smaller to fit in 1 MB (%2 × %3 pixels).",
                    )
                    .replace("%1", path.name)
                    .replace("%2", str(image.width()))
                    .replace("%3", str(image.height()))
                )
        if problem is not None:
            self.logo_note.setStyleSheet(ERROR_STYLE)
            self.logo_note.setText(problem)
            return
        self.logo_note.setStyleSheet("")
        self.logo_note.setText(note)
        self.logo = data
        self._show_logo()

    def _remove_logo(self) -> None:
        self.logo = None
        self.logo_note.setText("")
        self._show_logo()

    # -- read-only -------------------------------------------------------------------
    def _lock(self) -> None:
        # The texts stay readable (not greyed) and can be selected and copied.
        for field in (
            self.title,
            self.product,
            self.version,
            self.organisation,
            self.key_prefix,
            self.doc_number,
        ):
            field.setReadOnly(True)
        self.reviewers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.criteria.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for widget in (
            self.scoring,
            self.add_criterion,
            self.remove_criterion,
            self.doc_status,
            self.confidentiality,
            self.add_reviewer,
            self.remove_reviewer,
            self.authors,
            self.add_author,
            self.remove_author,
            self.language,
            self.choose_logo,
            self.remove_logo,
        ):
            widget.setEnabled(False)
        self.read_only_note.setText(
            translate(
                "ProjectPropertiesDialog",
                "%1 is open read-only: its properties cannot be changed here.",
            ).replace("%1", self._session.path.name)
        )
        self.read_only_note.setVisible(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    # -- OK --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The properties as the form has them now (the key prefix apart)."""
        return {
            "title": self.title.text().strip(),
            "product": self.product.text().strip(),
            "version": self.version.text().strip(),
            "authors": self.author_names(),
            "organisation": self.organisation.text().strip(),
            "language": self.language.currentData(),
            "logo": self.logo,
            "doc_status": self.doc_status.currentData(),
            "confidentiality": self.confidentiality.currentData(),
            "doc_number": self.doc_number.text().strip(),
            "reviewers": self.reviewer_rows(),
            "scoring": self.scoring.currentData(),
            "criteria": self.criterion_rows()[0],
        }

    def operation(self) -> Operation | None:
        """What OK changes, as one operation (None: nothing changed). Asks first
        when the key prefix changes; None also when that is declined."""
        from pmdesk.core.ops import Batch, Update

        changed = {k: v for k, v in self.values().items() if v != self._before[k]}
        ops: list[Operation] = []
        if changed:
            ops.append(Update("project", self._uid, changed))
        prefix = self.key_prefix.text().strip()
        if prefix != self._prefix:
            count = self._session.project.counts().requirements
            if count and not questions.confirm_renumber(self, count, self._prefix, prefix):
                return None
            from pmdesk.core.ops import RenumberKeys

            ops.append(RenumberKeys(prefix))
        return Batch(tuple(ops)) if ops else None

    def accept(self) -> None:
        if self._session.read_only:
            super().reject()
            return
        problem = self._prefix_problem(self.key_prefix.text().strip())
        if problem is not None:
            self.key_prefix.setFocus()
            return
        problem = self.criterion_rows()[1]
        self.criteria_note.setStyleSheet(ERROR_STYLE if problem else "")
        self.criteria_note.setText(problem or "")
        if problem is not None:
            self.criteria.setFocus()
            return
        op = self.operation()
        if op is None:
            if self.key_prefix.text().strip() == self._prefix:
                super().accept()  # nothing changed
            return
        text = translate("ProjectPropertiesDialog", "Change project properties")
        if self._session.push(op, text=text):
            super().accept()
