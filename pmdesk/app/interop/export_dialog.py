"""File ▸ Export Requirements…: the format, and for a spreadsheet either the columns
the user ticks and orders (remembered for the next export) or a saved view's rows
and columns; then where to write it (pmdesk.interop writes it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.interop import files
from pmdesk.app.session import ProjectSession
from pmdesk.app.settings import AppSettings
from pmdesk.interop.incoming import InteropError
from pmdesk.interop.run import export_project
from pmdesk.interop.sheets import column_ids, column_title
from pmdesk.interop.views import view_export

translate = QCoreApplication.translate
FORMATS = (("xlsx", ".xlsx"), ("csv", ".csv"), ("reqif", ".reqif"), ("reqif", ".reqifz"))
_ID = Qt.ItemDataRole.UserRole


class ExportRequirementsDialog(QDialog):
    """Window-modal; `written` is the file written (None until then)."""

    def __init__(
        self,
        session: ProjectSession,
        language: str,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportRequirementsDialog")
        self.setWindowTitle(self.tr("Export Requirements"))
        self.session = session
        self.language = language
        self.settings = settings
        self.written: Path | None = None
        self._snapshot = session.project.snapshot()
        self._views = session.project.saved_views()

        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        names = (
            self.tr("Excel workbook (.xlsx)"),
            self.tr("CSV, UTF-8 (.csv)"),
            self.tr("ReqIF 1.2 (.reqif)"),
            self.tr("ReqIF archive (.reqifz)"),
        )
        for (_fmt, suffix), name in zip(FORMATS, names, strict=True):
            self.format.addItem(name, suffix)
        self.all_rows = QRadioButton(self.tr("All requirements, with the columns ticked below"))
        self.by_view = QRadioButton(self.tr("The rows and columns of saved view:"))
        self.all_rows.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all_rows)
        group.addButton(self.by_view)
        self.view = QComboBox()
        self.view.setObjectName("exportView")
        for view in self._views:
            self.view.addItem(view.name, view.name)
        if not self._views:
            self.by_view.setEnabled(False)
            self.by_view.setToolTip(self.tr("The project has no saved views"))
        self.columns = QListWidget()
        self.columns.setObjectName("exportColumns")
        self.columns.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.columns.setToolTip(self.tr("Tick the columns to export; drag to change their order"))
        self._fill_columns()
        every = QPushButton(self.tr("All"))
        every.clicked.connect(lambda: self._tick_all(True))
        none = QPushButton(self.tr("None"))
        none.clicked.connect(lambda: self._tick_all(False))
        self.note = QLabel()
        self.note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        buttons.accepted.connect(self._export)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.all_rows)
        layout.addWidget(self.columns, 1)
        ticks = QHBoxLayout()
        ticks.addWidget(every)
        ticks.addWidget(none)
        ticks.addStretch()
        layout.addLayout(ticks)
        view_row = QHBoxLayout()
        view_row.addWidget(self.by_view)
        view_row.addWidget(self.view, 1)
        layout.addLayout(view_row)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(460, 560)
        self.format.currentIndexChanged.connect(self._update)
        self.all_rows.toggled.connect(self._update)
        self.view.currentIndexChanged.connect(self._update)
        self.columns.itemChanged.connect(self._update)
        self._update()

    # -- the columns -------------------------------------------------------------
    def _fill_columns(self) -> None:
        every = column_ids(self._snapshot)
        remembered = self.settings.export_columns() if self.settings is not None else None
        if remembered is None:
            order, ticked = every, set(every)
        else:  # the last choice first, in its order; columns new since then after it
            kept = [c for c in remembered if c in every]
            order, ticked = kept + [c for c in every if c not in kept], set(kept)
        for column in order:
            item = QListWidgetItem(column_title(column, self.language))
            item.setData(_ID, column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if column in ticked else Qt.CheckState.Unchecked
            )
            self.columns.addItem(item)

    def _tick_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.columns.count()):
            self.columns.item(row).setCheckState(state)

    def chosen_columns(self) -> list[str]:
        """The ticked column ids, top to bottom."""
        items = (self.columns.item(row) for row in range(self.columns.count()))
        return [str(item.data(_ID)) for item in items if item.checkState() == Qt.CheckState.Checked]

    def tick(self, columns: list[str]) -> None:
        """Tick exactly `columns` (and put them first, in that order), as a user would."""
        for column in reversed(columns):
            for row in range(self.columns.count()):
                if self.columns.item(row).data(_ID) == column:
                    self.columns.insertItem(0, self.columns.takeItem(row))
                    break
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            wanted = item.data(_ID) in columns
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    # -- state and export ----------------------------------------------------------
    def _update(self) -> None:
        reqif = str(self.format.currentData()).startswith(".reqif")
        sheet = not reqif
        self.all_rows.setEnabled(sheet)
        self.by_view.setEnabled(sheet and bool(self._views))
        self.view.setEnabled(sheet and self.by_view.isChecked())
        self.columns.setEnabled(sheet and self.all_rows.isChecked())
        if reqif:
            self.note.setText(
                self.tr("ReqIF holds the whole tree and every attribute, for DOORS, Polarion…")
            )
        elif self.by_view.isChecked():
            self.note.setText(self.tr("Key and title first, then the view's backlog columns."))
        else:
            self.note.setText("")
        self.export_button.setEnabled(
            reqif or self.by_view.isChecked() or bool(self.chosen_columns())
        )

    def _export(self) -> None:
        suffix = str(self.format.currentData())
        stem = self.session.project.name.removesuffix(".pmdesk")
        if self.by_view.isChecked() and self.view.currentText():
            stem += f" - {self.view.currentText()}"
        path = files.export_path(self, stem + suffix)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        if self.write(path):
            self.accept()

    def write(self, path: Path) -> bool:
        """Write the export as chosen to `path`; a failure is said in one sentence."""
        suffix = str(self.format.currentData())
        fmt = next(f for f, s in FORMATS if s == suffix)
        columns: list[str] | None = None
        only: set[str] | None = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if fmt != "reqif" and self.by_view.isChecked():
                project = self.session.project
                columns, only = view_export(project, self.view.currentText(), self._snapshot)
            elif fmt != "reqif":
                columns = self.chosen_columns()
                if self.settings is not None:
                    self.settings.save_export_columns(columns)
            export_project(
                self._snapshot,
                fmt,
                path,
                self.language,
                zipped=suffix == ".reqifz",
                columns=columns,
                only=only,
            )
        except (InteropError, OSError) as e:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Export Requirements"), str(e))
            return False
        QApplication.restoreOverrideCursor()
        self.written = path
        return True


def export_requirements(
    parent: QWidget,
    session: ProjectSession,
    language: str,
    path: Path | None = None,
    settings: AppSettings | None = None,
) -> Path | None:
    """File ▸ Export Requirements: the dialog (its file written once accepted); given a
    `path`, every column of every requirement goes there at once (format by suffix)."""
    if path is None:
        dialog = ExportRequirementsDialog(session, language, settings, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return None
    fmt = {".csv": "csv", ".reqif": "reqif", ".reqifz": "reqif"}.get(path.suffix.lower(), "xlsx")
    if fmt == "xlsx" and path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    try:
        export_project(
            session.project.snapshot(), fmt, path, language, zipped=path.suffix.lower() == ".reqifz"
        )
    except (InteropError, OSError) as e:
        QMessageBox.warning(parent, translate("ImportDialog", "Export Requirements"), str(e))
        return None
    return path
