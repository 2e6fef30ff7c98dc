"""Import Requirements: which column is which field, what will be created or
updated, and every row's problems, before anything is written. Import applies
the whole file as one undo step (pmdesk.interop)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.interop import files
from pmdesk.app.interop.plan_view import fill_preview, fill_problems, summary_text
from pmdesk.app.interop.value_table import TERMS, ValueTable
from pmdesk.app.session import ProjectSession
from pmdesk.interop.fields import CUSTOM, TARGETS, as_text
from pmdesk.interop.incoming import InteropError, Table
from pmdesk.interop.mapping import Mapping, load_mapping, source_values
from pmdesk.interop.messages import field_name
from pmdesk.interop.plan import Existing, Plan
from pmdesk.interop.progress import QUIET, CancelledError, Progress
from pmdesk.interop.run import Source, mapping_for, plan_source, read_source, remap

translate = QCoreApplication.translate
if TYPE_CHECKING:
    from pmdesk.app.tasks import TaskRunner

BACKGROUND_ROWS = 2_000  # a file this long is mapped and planned on the task runner


class ImportDialog(QDialog):
    """Window-modal; `imported` carries how many were created and updated.

    Given a path, the dialog opens at once and reads and plans the file on the task
    runner, with a progress bar and Cancel; a file of BACKGROUND_ROWS rows or more
    is planned there again after each change of the mapping (a smaller one right
    away), so a 10,000-row workbook never freezes the window."""

    imported = Signal(int, int)
    loaded = Signal(bool)  # the file was read (True) or could not be (False)

    def __init__(
        self,
        session: ProjectSession,
        source: Source | Path,
        language: str,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.session = session
        self.path = source if isinstance(source, Path) else source.path
        self.source: Source | None = None
        self.mapping = Mapping()  # as the user has it now (a plan may still be coming)
        self.language = language
        self.plan: Plan | None = None
        self.closed = False
        self._tasks = tasks
        self._existing: Existing | None = None
        self._generation = 0
        self._cancel: threading.Event | None = None
        self.setWindowTitle(self.tr("Import Requirements — %1").replace("%1", self.path.name))
        self.resize(1000, 680)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setMinimumWidth(340)  # "Matching 10,000 rows with the project…" whole
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
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

        self.load_button = QPushButton(self.tr("Load Mapping…"))
        self.load_button.clicked.connect(self._load_mapping)
        self.save_button = QPushButton(self.tr("Save Mapping…"))
        self.save_button.clicked.connect(self._save_mapping)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._import)
        buttons.rejected.connect(self.reject)

        self.left = QWidget()
        left_layout = QVBoxLayout(self.left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Columns</b> (guessed from their headers)")))
        left_layout.addWidget(self.columns, 3)
        self.values_label = QLabel(
            self.tr("<b>Values</b> (what each value of the file becomes in pmdesk)")
        )
        left_layout.addWidget(self.values_label)
        left_layout.addWidget(self.values, 2)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addWidget(self.load_button)
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
        split.addWidget(self.left)
        split.addWidget(right)
        split.setSizes([430, 570])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        busy = QHBoxLayout()
        busy.addWidget(self.status)
        busy.addWidget(self.progress, 1)
        layout.addLayout(busy)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.problems.hide()
        if isinstance(source, Path):
            self._read()
        else:
            self._existing = Existing.of(session.project.snapshot())
            self._show_source(source, plan_source(source, self._existing))

    @property
    def table(self) -> Table | None:
        return self.source.table if self.source is not None else None

    # -- reading and planning (on the task runner for big files) -----------------
    def _begin(self, text: str) -> tuple[int, threading.Event]:
        """A new piece of background work: the one before it is cancelled and its
        result will be dropped."""
        if self._cancel is not None:
            self._cancel.set()
        self._generation += 1
        self._cancel = threading.Event()
        self.status.setText(text)
        self.status.show()
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.show()
        self.import_button.setEnabled(False)
        return self._generation, self._cancel

    def _idle(self) -> None:
        self.status.hide()
        self.progress.hide()

    def _current(self, generation: int) -> bool:
        return not self.closed and generation == self._generation

    def _report(self, generation: int, report: object) -> None:
        if not self._current(generation) or not isinstance(report, tuple):
            return
        stage, done, total = report
        texts = {
            "read": self.tr("Reading %1…").replace("%1", self.path.name),
            "project": self.tr("Reading the project…"),
            "map": self.tr("Reading %1 rows…").replace("%1", f"{total:,}"),
            "plan": self.tr("Matching %1 rows with the project…").replace("%1", f"{total // 2:,}"),
        }
        self.status.setText(texts.get(stage, ""))
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _read(self) -> None:
        """Read the file, the project and plan, off the GUI thread when there is a
        task runner (the tests without one read right away)."""
        session, path = self.session, self.path

        def work(progress: Progress) -> tuple[Source, Existing, Plan]:
            source = read_source(path, progress=progress)
            progress.stage("project")
            existing = Existing.of(session.project.snapshot())
            return source, existing, plan_source(source, existing, progress)

        generation, cancel = self._begin(self.tr("Reading %1…").replace("%1", path.name))
        self.left.setEnabled(False)  # nothing to map until the file is read
        if self._tasks is None:
            try:
                self._read_done(generation, work(QUIET))
            except (InteropError, OSError) as e:
                self._read_failed(generation, e)
            return
        self._tasks.run_reporting(
            lambda report: work(Progress(lambda *a: report(a), cancel.is_set)),
            lambda r: self._report(generation, r),
            lambda result: self._read_done(generation, result),
            lambda error: self._read_failed(generation, error),
        )

    def _read_done(self, generation: int, result: tuple[Source, Existing, Plan]) -> None:
        if not self._current(generation):
            return
        source, self._existing, plan = result
        self._show_source(source, plan)
        self.loaded.emit(True)

    def _read_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation):
            return
        self.closed = True
        text = str(error) if isinstance(error, InteropError | OSError) else repr(error)
        parent = self.parentWidget()
        self.loaded.emit(False)
        self.reject()
        QMessageBox.warning(parent, self.tr("Import Requirements"), text)

    def _show_source(self, source: Source, plan: Plan) -> None:
        self.source = source
        self.mapping = source.mapping
        self.left.setEnabled(True)
        self.left.setVisible(source.table is not None)  # ReqIF: attributes are matched by name
        self._fill_columns()
        self._fill_values()
        self._planned(self._generation, (source, plan))

    def _replan(self) -> None:
        """Map and plan again with `self.mapping`: right away for a small file, on the
        task runner for a big one (a newer change cancels an older plan)."""
        source, mapping, existing = self.source, self.mapping, self._existing
        if source is None or existing is None:
            return
        rows = len(source.table.rows) if source.table is not None else 0
        if self._tasks is None or rows < BACKGROUND_ROWS:
            again = remap(source, mapping)
            self._planned(self._generation, (again, plan_source(again, existing)))
            return
        generation, cancel = self._begin(self.tr("Reading %1 rows…").replace("%1", f"{rows:,}"))

        def work(progress: Progress) -> tuple[Source, Plan]:
            again = remap(source, mapping, progress)
            return again, plan_source(again, existing, progress)

        self._tasks.run_reporting(
            lambda report: work(Progress(lambda *a: report(a), cancel.is_set)),
            lambda r: self._report(generation, r),
            lambda result: self._planned(generation, result),
            lambda error: self._plan_failed(generation, error),
        )

    def _planned(self, generation: int, result: tuple[Source, Plan]) -> None:
        if not self._current(generation):
            return
        self.source, plan = result
        self._idle()
        self._show_plan(plan)

    def _plan_failed(self, generation: int, error: BaseException) -> None:
        if not self._current(generation) or isinstance(error, CancelledError):
            return
        self._idle()
        self.summary.setText(str(error) if isinstance(error, InteropError) else repr(error))

    def reject(self) -> None:
        """Cancel: whatever is being read or planned stops at its next row."""
        self.closed = True
        if self._cancel is not None:
            self._cancel.set()
        super().reject()

    # -- the mapping -------------------------------------------------------------
    def _fill_columns(self) -> None:
        table = self.table
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
            chosen = self.mapping.field_of(header)
            self._custom_choices(combo, header, chosen)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self._map(h, c.currentData())
            )
            self.columns.setCellWidget(row, 2, combo)
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(2, 170)

    def _custom_choices(self, combo: QComboBox, header: str, chosen: str) -> None:
        """The project's custom fields, and a new one named as the column (schema 9)."""
        names = list(self._existing.custom_fields) if self._existing is not None else []
        mapped = chosen[len(CUSTOM) :] if chosen.startswith(CUSTOM) else ""
        if mapped and mapped.casefold() not in {n.casefold() for n in names}:
            names.append(mapped)  # a loaded MAP.json's, or the guess: new
        folded = {n.casefold() for n in self._existing.custom_fields} if self._existing else set()
        for name in names:
            if name.casefold() in folded:
                text = self.tr("Custom field: %1").replace("%1", name)
            else:
                text = self.tr("New custom field “%1”").replace("%1", name)
            same = mapped and mapped.casefold() == name.casefold()
            combo.addItem(text, CUSTOM + (mapped if same else name))  # as the mapping says it
        own = header.strip()
        if own and own.casefold() not in {n.casefold() for n in names}:
            combo.addItem(self.tr("New custom field “%1”").replace("%1", own), CUSTOM + own)

    def _map(self, header: str, target: str) -> None:
        mapping = Mapping(dict(self.mapping.columns), dict(self.mapping.values))
        mapping.columns[header] = target
        self.mapping = mapping
        self._fill_values()
        self._replan()

    def _fill_values(self) -> None:
        """The value table for the columns as now mapped (hidden when none has a
        fixed vocabulary)."""
        table = self.table
        found = source_values(table, self.mapping) if table is not None else []
        self.values.fill(found, self.mapping.values)
        self.values.setVisible(bool(found))
        self.values_label.setVisible(bool(found))

    def _set_value(self, field: str, text: str, value: str) -> None:
        values = {k: dict(v) for k, v in self.mapping.values.items()}
        values.setdefault(field, {})[text] = value
        self.mapping = Mapping(dict(self.mapping.columns), values)

    def _value_chosen(self, field: str, text: str, value: str) -> None:
        self._set_value(field, text, value)
        self._replan()

    def set_field(self, header: str, target: str) -> None:
        """Map column `header` to `target` as the combo box does (for keyboard and tests)."""
        for row in range(self.columns.rowCount()):
            item = self.columns.item(row, 0)
            if item is not None and item.text() == header:
                combo = self.columns.cellWidget(row, 2)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(target))

    def _load_mapping(self) -> None:
        if self.source is None:
            return
        path = files.mapping_path(self, saving=False)
        if path is None:
            return
        try:
            self.mapping = mapping_for(self.source, load_mapping(path))
        except InteropError as e:
            QMessageBox.warning(self, self.tr("Load Mapping"), str(e))
            return
        self._fill_columns()
        self._fill_values()
        self._replan()

    def _map_value(self, item: QListWidgetItem) -> None:
        """A value the file uses that pmdesk does not know (紧急 as a priority): the user
        says which pmdesk value it is, the mapping remembers it for every row."""
        if self.plan is None or self.table is None:
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
        self._set_value(target, value, chosen)
        self._fill_values()
        self._replan()

    def _save_mapping(self) -> None:
        path = files.mapping_path(
            self, saving=True, suggestion=str(self.path.with_suffix(".map.json"))
        )
        if path is not None:
            self.mapping_shown().save(path)

    def mapping_shown(self) -> Mapping:
        """The mapping as the dialog shows it: every column, and every value the value
        table lists (guessed ones too), so the file reads the same elsewhere."""
        values = {k: dict(v) for k, v in self.mapping.values.items()}
        for field, shown in self.values.shown().items():
            values.setdefault(field, {}).update(shown)
        return Mapping(dict(self.mapping.columns), values)

    # -- the preview ---------------------------------------------------------------
    def _show_plan(self, plan: Plan) -> None:
        self.plan = plan
        fill_preview(self.preview, plan, self.language, self._existing)
        fill_problems(self.problems, plan, self.language, mappable=self.table is not None)
        self.summary.setText(summary_text(plan))
        self.import_button.setEnabled(
            not plan.problems and bool(plan.created or plan.updated or plan.links)
        )

    def _import(self) -> None:
        plan = self.plan
        if plan is None or plan.problems or self.progress.isVisible():
            return
        text = self.tr("Import %1").replace("%1", self.path.name)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pushed = self.session.push(plan.operation(), text=text)
        finally:
            QApplication.restoreOverrideCursor()
        if pushed:
            self.imported.emit(plan.created, plan.updated)
            self.accept()


def open_import(
    parent: QWidget,
    session: ProjectSession,
    language: str,
    path: Path | None = None,
    tasks: TaskRunner | None = None,
    status: Callable[[str | None], None] | None = None,
) -> ImportDialog | None:
    """Ask for a file (unless given) and open the dialog at once: it reads the file
    on the task runner with its own progress bar; a file that cannot be read is
    said in one sentence. `status` shows a busy message meanwhile (None: done)."""
    if path is None:
        path = files.import_path(parent)
        if path is None:
            return None
    if status is not None:
        status(translate("ImportDialog", "Reading %1…").replace("%1", path.name))
    dialog = ImportDialog(session, path, language, parent, tasks)
    dialog.finished.connect(dialog.deleteLater)
    if status is not None:
        done = status
        dialog.loaded.connect(lambda _ok: done(None))
        dialog.finished.connect(lambda _result: done(None))
    if not dialog.closed:
        dialog.open()
    return dialog
