"""File ▸ Export PRD: options, then a file name, then progress with Cancel.

When the document has problems (a broken pmdesk block), nothing is written
until the user has seen them: go back (to the section) or export anyway.

The export runs on a worker thread with its own connection to the working
copy (`export.prd_export`), so the window never freezes; progress comes back
through a queued signal. Cancelling stops the worker at its next check and
leaves any existing file as it was (the export writes beside it and renames).
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.labels import status_label
from pmdesk.app.session import ProjectSession
from pmdesk.app.settings import AppSettings
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.domain import vocabulary

if TYPE_CHECKING:
    from pmdesk.app.document.export_problems_dialog import ExportProblemsDialog
    from pmdesk.export.doc import Document
    from pmdesk.export.export_problems import ExportProblemsError


class _Progress(QObject):
    changed = Signal(int)


class ExportDialog(QDialog):
    """Asks how to export, then exports; `exported` reports the file and the seconds taken.

    `section_wanted(uid)`: the user went back to fix a problem in that section.
    """

    exported = Signal(Path, float)
    section_wanted = Signal(str)

    def __init__(
        self,
        session: ProjectSession,
        tasks: TaskRunner,
        settings: AppSettings,
        language: str,
        baselines: list[str],
        parent: QWidget | None = None,
        filtered: set[str] | None = None,
    ) -> None:
        """`filtered`: the requirements the tree's filter shows (None: no filter);
        the dialog then asks whether to export those or everything."""
        super().__init__(parent)
        from pmdesk.export.prd_requirements import ATTRIBUTE_FIELDS, DEFAULT_FIELDS

        self.session = session
        self.settings = settings
        self._tasks = tasks  # the window's one runner (exports off the GUI thread)
        self._cancel = threading.Event()
        self._running = False
        self._target = Path()
        self.problems: ExportProblemsDialog | None = None
        self.setWindowTitle(self.tr("Export PRD"))
        self.setMinimumWidth(460)

        self.docx = QRadioButton(self.tr("Word document (.docx)"), self)
        self.markdown = QRadioButton(self.tr("Markdown (.md)"), self)
        self.pdf = QRadioButton(self.tr("PDF (.pdf)"), self)
        formats = QButtonGroup(self)
        for button in (self.docx, self.markdown, self.pdf):
            formats.addButton(button)
        chosen = {"md": self.markdown, "pdf": self.pdf}.get(settings.export_format, self.docx)
        chosen.setChecked(True)

        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))

        self.baseline = QComboBox(self)
        self.baseline.addItem(self.tr("None"), "")
        for name in baselines:
            self.baseline.addItem(name, name)
        self.baseline.setEnabled(bool(baselines))
        self.baseline.setToolTip(self.tr("Adds a chapter listing what changed since the baseline."))
        # A redline: Word's tracked changes since the chosen baseline (Word only).
        self.redline = QCheckBox(self.tr("Show the changes as tracked changes in Word"), self)
        self.redline.setToolTip(
            self.tr(
                "Reviewers see who changed what, and accept or reject it, in Word's Review pane."
            )
        )
        self.baseline.currentIndexChanged.connect(self._show_redline)
        self.docx.toggled.connect(self._show_redline)

        self.statuses: dict[str, QCheckBox] = {}
        status_box = QGroupBox(self.tr("Requirements with status"), self)
        status_grid = QGridLayout(status_box)
        for n, status in enumerate(vocabulary.STATUSES):
            box = QCheckBox(status_label(status), status_box)
            box.setChecked(True)
            self.statuses[status] = box
            status_grid.addWidget(box, n // 4, n % 4)

        # The tree's filter is on: export what it shows, or everything.
        self._filtered = None if filtered is None else frozenset(filtered)
        self.only_filtered = QRadioButton(self)
        self.everything = QRadioButton(self.tr("All requirements"), self)
        scope = QButtonGroup(self)
        scope.addButton(self.only_filtered)
        scope.addButton(self.everything)
        count = len(self._filtered or ())
        self.only_filtered.setText(
            self.tr("The %1 requirements the filter shows").replace("%1", str(count))
        )
        self.only_filtered.setChecked(True)
        scope_row = QWidget(self)
        scope_layout = QVBoxLayout(scope_row)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_layout.addWidget(self.only_filtered)
        scope_layout.addWidget(self.everything)
        scope_row.setVisible(self._filtered is not None)

        self.fields: dict[str, QCheckBox] = {}
        field_box = QGroupBox(self.tr("Fields in each requirement's table"), self)
        field_grid = QGridLayout(field_box)
        labels = self._field_labels()
        for n, name in enumerate(f for f in ATTRIBUTE_FIELDS if f in labels):
            text = labels[name]
            box = QCheckBox(text, field_box)
            box.setChecked(name in DEFAULT_FIELDS)
            self.fields[name] = box
            field_grid.addWidget(box, n // 4, n % 4)

        self.open_after = QCheckBox(self.tr("Open the document when it is ready"), self)
        self.open_after.setChecked(settings.export_open_after)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.choose_and_export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        format_row = QWidget(self)
        format_layout = QVBoxLayout(format_row)
        format_layout.setContentsMargins(0, 0, 0, 0)
        format_layout.addWidget(self.docx)
        format_layout.addWidget(self.markdown)
        format_layout.addWidget(self.pdf)
        form.addRow(self.tr("Format:"), format_row)
        form.addRow(self.tr("Language:"), self.language)
        if self._filtered is not None:
            form.addRow(self.tr("Export:"), scope_row)
        form.addRow(self.tr("Compare with baseline:"), self.baseline)
        form.addRow("", self.redline)
        self._show_redline()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(status_box)
        layout.addWidget(field_box)
        layout.addWidget(self.open_after)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._options = [format_row, self.language, self.baseline, status_box, field_box]
        self._options.append(scope_row)
        self._options.append(self.redline)
        self._options.append(self.open_after)

    def _field_labels(self) -> dict[str, str]:
        return {
            "kind": self.tr("Kind"),
            "status": self.tr("Status"),
            "priority": self.tr("Priority"),
            "kano": self.tr("Kano category"),
            "rice": self.tr("RICE score"),
            "owner": self.tr("Owner"),
            "persona": self.tr("Persona"),
            "release": self.tr("Release"),
            "dates": self.tr("Dates"),
            "lane": self.tr("Lane"),
            "tags": self.tr("Tags"),
            "source": self.tr("Source"),
            "links": self.tr("Links"),
        }

    # -- choices ------------------------------------------------------------------

    @property
    def format(self) -> str:
        if self.pdf.isChecked():
            return "pdf"
        return "md" if self.markdown.isChecked() else "docx"

    def _show_redline(self) -> None:
        self.redline.setVisible(self.format == "docx" and bool(self.baseline.currentData()))

    @property
    def tracked_changes(self) -> bool:
        """A redline is asked for: Word, a baseline, the box ticked."""
        wanted = self.redline.isChecked() and bool(self.baseline.currentData())
        return wanted and self.format == "docx"

    def options(self) -> object:
        from pmdesk.export.prd_build import ExportOptions

        statuses = frozenset(s for s, box in self.statuses.items() if box.isChecked())
        return ExportOptions(
            language=self.language.currentData(),
            statuses=None if len(statuses) == len(self.statuses) else statuses,
            uids=self._filtered if self.only_filtered.isChecked() else None,
            fields=tuple(f for f, box in self.fields.items() if box.isChecked()),
            baseline=self.baseline.currentData() or None,
        )

    def suggested_path(self) -> Path:
        folder = self.settings.export_folder or self.session.path.parent
        return Path(folder) / f"{self.session.path.stem}.{self.format}"

    # -- running ------------------------------------------------------------------

    def choose_and_export(self) -> None:
        target = dialogs.export_path(self, self.suggested_path(), f".{self.format}")
        if target is None:
            return
        self.start(target)

    def start(self, target: Path, *, anyway: bool = False) -> None:
        """Export to `target` on a worker thread (tests call this directly).

        The document's problems stop the export before writing, unless `anyway`.
        """
        from pmdesk.export.export_problems import ExportProblemsError
        from pmdesk.export.prd_export import export_prd

        self.settings.export_folder = str(target.parent)
        self.settings.export_format = self.format
        self.settings.export_open_after = self.open_after.isChecked()
        options, fmt, project = self.options(), self.format, self.session.project
        redline = self.tracked_changes
        progress = _Progress(self)
        progress.changed.connect(self.progress.setValue)
        cancel = self._cancel
        self._target = target

        def check(document: Document) -> None:  # on the worker, before writing
            if document.problems and not anyway:
                raise ExportProblemsError(document.problems)

        def work() -> object:
            return project.read(
                partial(
                    export_prd,
                    format=fmt,
                    target=target,
                    options=options,  # type: ignore[arg-type]
                    progress=lambda done, total: progress.changed.emit(int(100 * done / total)),
                    cancelled=cancel.is_set,
                    redline=redline,
                    check=check,
                )
            )

        self._running = True
        for widget in self._options:
            widget.setEnabled(False)
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Exporting to %1…").replace("%1", target.name))
        self.status.setVisible(True)
        self._tasks.run(work, self._done, self._failed)

    def _done(self, result: object) -> None:
        from pmdesk.export.prd_export import ExportResult

        self._running = False
        assert isinstance(result, ExportResult)
        self.exported.emit(result.path, result.seconds)
        if self.open_after.isChecked():
            dialogs.open_file(result.path)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        from pmdesk.app.error_text import error_text
        from pmdesk.core.errors import PmdeskError
        from pmdesk.export.export_problems import ExportProblemsError
        from pmdesk.export.prd_build import ExportCancelledError

        self._running = False
        if isinstance(error, ExportCancelledError):
            super().reject()
            return
        if isinstance(error, ExportProblemsError) and not self._cancel.is_set():
            self._show_problems(error)
            return
        if isinstance(error, ExportProblemsError):
            super().reject()
            return
        if isinstance(error, PmdeskError):
            message = error_text(error)  # in the UI's language
        else:
            detail = f"{type(error).__name__}: {error}"
            message = self.tr("The export failed: %1").replace("%1", detail)
        dialogs.error(self, message)
        self._ready_again()

    def _ready_again(self) -> None:
        for widget in self._options:
            widget.setEnabled(True)
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status.setVisible(False)

    def _show_problems(self, error: ExportProblemsError) -> None:
        """Before writing: the problems, to go back (to a section) or export anyway."""
        from pmdesk.app.document.export_problems_dialog import ExportProblemsDialog

        self.problems = ExportProblemsDialog(error.problems, self.language.currentData(), self)
        self.problems.accepted.connect(lambda: self.start(self._target, anyway=True))
        self.problems.rejected.connect(self._ready_again)
        self.problems.section_wanted.connect(self._go_to_section)
        self.problems.finished.connect(self.problems.deleteLater)
        self.problems.open()

    def _go_to_section(self, uid: str) -> None:
        self.section_wanted.emit(uid)
        super().reject()

    def reject(self) -> None:
        """Cancel: before the export, close; during it, stop the worker and then close."""
        if self._running:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling…"))
            self.buttons.setEnabled(False)
            return
        super().reject()
