"""Import Requirements: which column is which field, what will be created or
updated, and every row's problems, before anything is written. Import applies
the whole file as one undo step (pmdesk.interop)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.interop import files
from pmdesk.app.interop.value_table import TERMS, ValueTable
from pmdesk.app.session import ProjectSession
from pmdesk.interop.fields import TARGETS, as_text
from pmdesk.interop.incoming import InteropError
from pmdesk.interop.mapping import Mapping, load_mapping, source_values
from pmdesk.interop.messages import field_name
from pmdesk.interop.plan import Plan
from pmdesk.interop.run import Source, plan_source, read_source, remap

translate = QCoreApplication.translate
if TYPE_CHECKING:
    from pmdesk.app.tasks import TaskRunner

PREVIEW_ROWS = 500  # the preview shows the first rows; counts and problems cover all
_PROBLEM = QColor("#fde2e1")
_NEW = QColor("#e6f4ea")


class ImportDialog(QDialog):
    """Window-modal; `imported` carries how many were created and updated."""

    imported = Signal(int, int)

    def __init__(
        self, session: ProjectSession, source: Source, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.session = session
        self.source = source
        self.language = language
        self.plan: Plan | None = None
        self._snapshot: dict[str, Any] = session.project.snapshot()
        self.setWindowTitle(self.tr("Import Requirements — %1").replace("%1", source.path.name))
        self.resize(1000, 680)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("mappingTable")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("pmdesk field")]
        )
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.preview = QTableWidget(0, 5)
        self.preview.setObjectName("previewTable")
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Action"),
                self.tr("Key"),
                self.tr("Title"),
                self.tr("Changes or problems"),
            ]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.values = ValueTable(language)
        self.values.chosen.connect(self._value_chosen)
        self.problems = QListWidget()
        self.problems.setObjectName("problemList")
        self.problems.itemActivated.connect(self._map_value)

        load = QPushButton(self.tr("Load Mapping…"))
        load.clicked.connect(self._load_mapping)
        self.save_button = QPushButton(self.tr("Save Mapping…"))
        self.save_button.clicked.connect(self._save_mapping)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        buttons.accepted.connect(self._import)
        buttons.rejected.connect(self.reject)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Columns</b> (guessed from their headers)")))
        left_layout.addWidget(self.columns, 3)
        self.values_label = QLabel(
            self.tr("<b>Values</b> (what each value of the file becomes in pmdesk)")
        )
        left_layout.addWidget(self.values_label)
        left_layout.addWidget(self.values, 2)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addWidget(load)
        mapping_buttons.addWidget(self.save_button)
        mapping_buttons.addStretch()
        left_layout.addLayout(mapping_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(
            QLabel(self.tr("<b>Preview</b> (nothing is written until you import)"))
        )
        right_layout.addWidget(self.preview, 3)
        right_layout.addWidget(QLabel(self.tr("<b>Problems</b>")))
        right_layout.addWidget(self.problems, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([430, 570])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        if source.table is None:  # ReqIF: attributes are matched by name, nothing to map
            left.hide()
        self._fill_columns()
        self._refresh()
        self._fill_values()

    # -- the mapping -------------------------------------------------------------
    def _fill_columns(self) -> None:
        table = self.source.table
        self.columns.setRowCount(0)
        if table is None:
            return
        headers = list(dict.fromkeys(table.headers))  # Jira repeats a header: map it once
        self.columns.setRowCount(len(headers))
        first_values = {h: "" for h in headers}
        for cells in table.rows[:50]:
            for header, cell in zip(table.headers, cells, strict=False):
                if not first_values.get(header) and as_text(cell):
                    first_values[header] = as_text(cell)
        for row, header in enumerate(headers):
            name = QTableWidgetItem(header)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            sample = QTableWidgetItem(
                first_values[header].splitlines()[0][:80] if first_values[header] else ""
            )
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(row, 0, name)
            self.columns.setItem(row, 1, sample)
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), "")
            for target in TARGETS:
                combo.addItem(field_name(target, self.language), target)
            chosen = self.source.mapping.field_of(header)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self._map(h, c.currentData())
            )
            self.columns.setCellWidget(row, 2, combo)
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(2, 170)

    def _map(self, header: str, target: str) -> None:
        mapping = Mapping(dict(self.source.mapping.columns), dict(self.source.mapping.values))
        mapping.columns[header] = target
        self.source = remap(self.source, mapping)
        self._refresh()
        self._fill_values()

    def _fill_values(self) -> None:
        """The value table for the columns as now mapped (hidden when none has a
        fixed vocabulary)."""
        table = self.source.table
        found = source_values(table, self.source.mapping) if table is not None else []
        self.values.fill(found, self.source.mapping.values)
        self.values.setVisible(bool(found))
        self.values_label.setVisible(bool(found))

    def _value_chosen(self, field: str, text: str, value: str) -> None:
        values = {k: dict(v) for k, v in self.source.mapping.values.items()}
        values.setdefault(field, {})[text] = value
        self.source = remap(self.source, Mapping(dict(self.source.mapping.columns), values))
        self._refresh()

    def set_field(self, header: str, target: str) -> None:
        """Map column `header` to `target` as the combo box does (for keyboard and tests)."""
        for row in range(self.columns.rowCount()):
            item = self.columns.item(row, 0)
            if item is not None and item.text() == header:
                combo = self.columns.cellWidget(row, 2)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(target))

    def _load_mapping(self) -> None:
        path = files.mapping_path(self, saving=False)
        if path is None:
            return
        try:
            given = load_mapping(path)
            self.source = read_source(self.source.path, self.source.format, given)
        except InteropError as e:
            QMessageBox.warning(self, self.tr("Load Mapping"), str(e))
            return
        self._fill_columns()
        self._refresh()
        self._fill_values()

    def _map_value(self, item: QListWidgetItem) -> None:
        """A value the file uses that pmdesk does not know (紧急 as a priority): the user
        says which pmdesk value it is, the mapping remembers it for every row."""
        if self.plan is None or self.source.table is None:
            return
        problem = self.plan.problems[int(item.data(Qt.ItemDataRole.UserRole))]
        if problem.code != "bad_value":
            return
        target, value = str(problem.params["field"]), str(problem.params["value"])
        terms = TERMS.get(target, {})
        choices = [
            (v, f"{term.zh if self.language == 'zh' else term.en}") for v, term in terms.items()
        ]
        chosen = files.choose_value(self, field_name(target, self.language), value, choices)
        if chosen is None:
            return
        values = {k: dict(v) for k, v in self.source.mapping.values.items()}
        values.setdefault(target, {})[value] = chosen
        self.source = remap(self.source, Mapping(dict(self.source.mapping.columns), values))
        self._refresh()
        self._fill_values()

    def _save_mapping(self) -> None:
        path = files.mapping_path(
            self, saving=True, suggestion=str(self.source.path.with_suffix(".map.json"))
        )
        if path is not None:
            self.mapping_shown().save(path)

    def mapping_shown(self) -> Mapping:
        """The mapping as the dialog shows it: every column, and every value the value
        table lists (guessed ones too), so the file reads the same elsewhere."""
        values = {k: dict(v) for k, v in self.source.mapping.values.items()}
        for field, shown in self.values.shown().items():
            values.setdefault(field, {}).update(shown)
        return Mapping(dict(self.source.mapping.columns), values)

    # -- the preview ---------------------------------------------------------------
    def _refresh(self) -> None:
        plan = plan_source(self.source, self._snapshot)
        self.plan = plan
        words = {
            "create": self.tr("New"),
            "update": self.tr("Update"),
            "unchanged": self.tr("Unchanged"),
        }
        shown = plan.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for row, item in enumerate(shown):
            number = item.where.removeprefix("row ")
            if item.problems:
                detail = "; ".join(p.text(self.language) for p in item.problems)
            elif item.action == "unchanged":
                detail = ""
            else:
                names = [field_name(k, self.language) for k in item.values]
                if item.moved:
                    names.append(field_name("parent", self.language))
                detail = ", ".join(names)
            key = item.key
            if not key and item.file_key:  # the project numbers it: say so
                key = self.tr("%1 → new key").replace("%1", item.file_key)
            cells = [number, words[item.action], key, item.title, detail]
            colour = _PROBLEM if item.problems else _NEW if item.action == "create" else None
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 4 and text:
                    cell.setToolTip(text)  # the whole sentence where the cell cuts it
                if colour is not None:
                    cell.setBackground(QBrush(colour))
                self.preview.setItem(row, column, cell)
        self.preview.resizeColumnToContents(0)
        self.preview.resizeColumnToContents(1)
        self.preview.resizeColumnToContents(2)
        self.problems.clear()
        for index, problem in enumerate(plan.problems):
            entry = QListWidgetItem(problem.line(self.language))
            entry.setData(Qt.ItemDataRole.UserRole, index)
            if problem.code == "bad_value" and self.source.table is not None:
                entry.setToolTip(
                    self.tr("Double-click or press Enter to say what this value means")
                )
            self.problems.addItem(entry)
        self.problems.setVisible(bool(plan.problems))
        parts = [
            self.tr("%1 new").replace("%1", str(plan.created)),
            self.tr("%1 updated").replace("%1", str(plan.updated)),
            self.tr("%1 unchanged").replace(
                "%1", str(len(plan.rows) - plan.created - plan.updated)
            ),
        ]
        if plan.new_releases:
            parts.append(self.tr("new releases: %1").replace("%1", ", ".join(plan.new_releases)))
        if plan.new_personas:
            parts.append(self.tr("new personas: %1").replace("%1", ", ".join(plan.new_personas)))
        if plan.links:
            parts.append(self.tr("%1 links").replace("%1", str(len(plan.links))))
        text = " · ".join(parts)
        if plan.problems:
            text += (
                "<br><span style='color:#b3261e'>"
                + self.tr(
                    "%1 problems: fix the file or the mapping; "
                    "nothing is imported while there are problems."
                ).replace("%1", str(len(plan.problems)))
                + "</span>"
            )
        if plan.not_imported:
            text += "<br>" + self.tr("Not imported (pmdesk has no field for them): %1").replace(
                "%1", ", ".join(plan.not_imported)
            )
        self.summary.setText(text)
        self.import_button.setEnabled(
            not plan.problems and bool(plan.created or plan.updated or plan.links)
        )

    def _import(self) -> None:
        plan = self.plan
        if plan is None or plan.problems:
            return
        text = self.tr("Import %1").replace("%1", self.source.path.name)
        if self.session.push(plan.operation(), text=text):
            self.imported.emit(plan.created, plan.updated)
            self.accept()


def open_import(
    parent: QWidget,
    session: ProjectSession,
    language: str,
    path: Path | None = None,
    tasks: TaskRunner | None = None,
    status: Callable[[str | None], None] | None = None,
) -> None:
    """Ask for a file (unless given), read it on the task runner (a 10,000-row
    workbook takes a few seconds) and show the dialog; a file that cannot be read
    is said in one sentence. `status` shows a busy message (None: done)."""
    if path is None:
        path = files.import_path(parent)
        if path is None:
            return
    chosen = path

    def show(source: Source) -> None:
        if status is not None:
            status(None)
        dialog = ImportDialog(session, source, language, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def failed(error: BaseException) -> None:
        if status is not None:
            status(None)
        text = str(error) if isinstance(error, InteropError | OSError) else repr(error)
        QMessageBox.warning(parent, translate("ImportDialog", "Import Requirements"), text)

    if tasks is None:
        try:
            show(read_source(chosen))
        except (InteropError, OSError) as e:
            failed(e)
        return
    if status is not None:
        status(translate("ImportDialog", "Reading %1…").replace("%1", chosen.name))
    tasks.run(lambda: read_source(chosen), show, failed)


def export_requirements(
    parent: QWidget, session: ProjectSession, language: str, path: Path | None = None
) -> Path | None:
    """File ▸ Export Requirements: the requirements as xlsx, csv or ReqIF."""
    from pmdesk.interop.run import export_project

    if path is None:
        path = files.export_path(parent, session.project.name.removesuffix(".pmdesk") + ".xlsx")
        if path is None:
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
