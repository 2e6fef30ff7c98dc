"""Project ▸ Baselines: the project's named frozen states, and what changed since.

A tool window beside the main window: it lists the baselines (name, when, who),
creates and deletes them through the undo stack, and compares the selected one
with the project now: requirements added, removed and changed, each changed
field before → now. Clicking a requirement selects it in the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.error_text import error_text
from pmdesk.app.labels import (
    field_label,
    horizon_label,
    kano_label,
    kind_label,
    link_label,
    priority_label,
    status_label,
)
from pmdesk.app.look import _drawn_icon
from pmdesk.app.project_windows import show_project_window
from pmdesk.app.session import ProjectSession
from pmdesk.core.clock import local_minutes
from pmdesk.core.errors import PmdeskError
from pmdesk.core.ops import CreateBaseline, DeleteBaseline, RenameBaseline
from pmdesk.core.snapshot.baselines import (
    BaselineEntry,
    clean_name,
    new_baseline_uid,
    suggested_name,
)
from pmdesk.core.snapshot.compare import Comparison, FieldChange
from pmdesk.export.labels import format_score

translate = QCoreApplication.translate
UID = Qt.ItemDataRole.UserRole + 1  # a requirement's uid (None for a removed one)
_LISTS = ("acceptance", "tags", "links", "custom")  # shown as items taken out and put in
_TEXTS = ("title", "description", "source")  # long ones shown around the first edit
_CONTEXT = 40  # characters kept around that edit
_REFRESH_MS = 300  # a burst of edits recompares once
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft


def _dot(color: str) -> QIcon:
    def dot(painter: QPainter, size: int) -> None:
        d = size * 0.55
        painter.drawEllipse(QRectF((size - d) / 2, (size - d) / 2, d, d))

    return _drawn_icon((16, 24), QColor(color), dot)


def _local_time(utc_text: str) -> str:
    return local_minutes(utc_text)  # one conversion for every question and list


class BaselinesDialog(QDialog):
    """Baselines of one open project; `requirement_chosen(uid)` for the main window."""

    requirement_chosen = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._entries: list[BaselineEntry] = []
        self._wanted: str | None = None  # the baseline to select after the next reload
        self._shown: str | None = None  # the baseline the changes tree compares with
        self.setObjectName("baselinesDialog")
        self.setWindowTitle(self.tr("Baselines"))
        self.resize(860, 640)

        self.list = QTreeWidget(self)
        self.list.setObjectName("baselineList")
        self.list.setHeaderLabels([self.tr("Baseline"), self.tr("Created"), self.tr("By")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.list.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())

        self.new_button = QPushButton(self.tr("New Baseline…"), self)
        self.new_button.setToolTip(self.tr("Keep the project as it is now under a name"))
        self.new_button.clicked.connect(self.new_baseline)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.rename_button.clicked.connect(self.rename_baseline)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.clicked.connect(self.delete_baseline)
        self.compare_button = QPushButton(self.tr("Compare with Current"), self)
        self.compare_button.setToolTip(
            self.tr("Show what changed in the requirements since the selected baseline")
        )
        self.compare_button.clicked.connect(self.compare_selected)
        buttons = QVBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        top = QWidget(self)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(self.list, 1)
        top_row.addLayout(buttons)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.changes = QTreeWidget(self)
        self.changes.setObjectName("baselineChanges")
        self.changes.setHeaderLabels(
            [self.tr("Requirement"), self.tr("In the baseline"), self.tr("Now")]
        )
        self.changes.setUniformRowHeights(False)
        self.changes.setWordWrap(True)
        self.changes.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.changes.header().setStretchLastSection(True)
        self.changes.currentItemChanged.connect(self._change_chosen)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.hint)
        self.pages.addWidget(self.changes)
        bottom = QWidget(self)
        bottom_column = QVBoxLayout(bottom)
        bottom_column.setContentsMargins(0, 0, 0, 0)
        bottom_column.addWidget(self.summary)
        bottom_column.addWidget(self.pages, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([160, 480])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(_REFRESH_MS)
        self._refresh.timeout.connect(self._recompare)
        session.changed.connect(self._project_changed)
        self.reload()

    # -- the list -----------------------------------------------------------------
    def reload(self) -> None:
        """Read the baselines again, keeping (or moving to) the selected one."""
        keep = self._wanted or self.selected_uid()
        self._wanted = None
        self._entries = self._session.project.baselines()
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self._entries:
            item = QTreeWidgetItem([entry.name, _local_time(entry.created_at), entry.created_by])
            item.setData(0, UID, entry.uid)
            item.setToolTip(0, entry.name)
            self.list.addTopLevelItem(item)
        uids = [e.uid for e in self._entries]
        row = uids.index(keep) if keep in uids else len(uids) - 1  # else the newest
        current = self.list.topLevelItem(row) if row >= 0 else None
        if current is not None:
            self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        self._selection_changed()

    def selected_uid(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(0, UID))

    def _selected_entry(self) -> BaselineEntry | None:
        uid = self.selected_uid()
        return next((e for e in self._entries if e.uid == uid), None)

    def _selection_changed(self) -> None:
        chosen = self._selected_entry() is not None
        for button in (self.rename_button, self.delete_button, self.compare_button):
            button.setEnabled(chosen)
        if chosen:
            self.compare_selected()
        else:
            self._show_hint()

    # -- commands -------------------------------------------------------------------
    def new_baseline(self) -> None:
        """Ask a name (suggested from the project's version and language) and freeze
        the project under it; a refused name is said and asked again."""
        info = self._session.project.info()
        name: str | None = suggested_name(
            info.version, info.language, [e.name for e in self._entries]
        )
        while True:
            name = dialogs.ask_baseline_name(self, name or "")
            if name is None:
                return
            uid = new_baseline_uid()
            self._wanted = uid
            text = self.tr("Create baseline “%1”").replace("%1", clean_name(name))
            if self._session.push(CreateBaseline(uid, name), text=text):
                return
            self._wanted = None

    def rename_baseline(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        name: str | None = entry.name
        while True:
            name = dialogs.ask_baseline_name(self, name or "", renaming=True)
            if name is None:
                return
            text = self.tr("Rename baseline “%1”").replace("%1", entry.name)
            if self._session.push(RenameBaseline(entry.uid, name), text=text):
                return

    def delete_baseline(self) -> None:
        entry = self._selected_entry()
        if entry is None or not dialogs.confirm_delete_baseline(self, entry.name):
            return
        text = self.tr("Delete baseline “%1”").replace("%1", entry.name)
        self._session.push(DeleteBaseline(entry.uid), text=text)

    def _project_changed(self, effects: Any) -> None:
        if any(e.entity == "baseline" for e in effects):
            self.reload()
        elif self._shown is not None:
            self._refresh.start()  # the comparison is with "now": keep it true

    def _recompare(self) -> None:
        if self._shown is not None and self.isVisible():
            self.compare_selected()

    # -- the comparison ---------------------------------------------------------------
    def compare_selected(self) -> Comparison | None:
        """Compare the selected baseline with the project now and show the result."""
        self._refresh.stop()
        entry = self._selected_entry()
        if entry is None:
            self._show_hint()
            return None
        try:
            result = self._session.project.compare_baseline(entry.uid)
        except PmdeskError as e:  # its frozen snapshot cannot be read: say which and why
            self._shown = None
            self.summary.hide()
            self.hint.setText(error_text(e))
            self.pages.setCurrentWidget(self.hint)
            return None
        if result is None:  # deleted meanwhile
            self.reload()
            return None
        self._shown = entry.uid
        self._show(entry, result)
        return result

    def _show_hint(self) -> None:
        self._shown = None
        self.summary.setText("")
        self.summary.hide()
        self.hint.setText(
            self.tr(
                "No baselines yet.\n\nA baseline keeps the project as it is at a moment "
                "you name, such as the version sent for review, so that you can see later "
                "what changed since. Exports can list those changes and build the PRD's "
                "revision history from the baselines."
            )
            if not self._entries
            else self.tr("Select a baseline to see what changed since.")
        )
        self.pages.setCurrentWidget(self.hint)

    def _show(self, entry: BaselineEntry, result: Comparison) -> None:
        counts = self.tr("%1 added, %2 changed, %3 removed")
        counts = counts.replace("%1", str(len(result.added)))
        counts = counts.replace("%2", str(len(result.changed)))
        counts = counts.replace("%3", str(len(result.removed)))
        summary = self.tr("Since “%1” (%2, %3): %4")
        summary = summary.replace("%1", entry.name).replace("%2", _local_time(entry.created_at))
        summary = summary.replace("%3", entry.created_by or "—").replace("%4", counts)
        self.summary.setText(summary)
        self.summary.show()
        if result.empty:
            self.hint.setText(self.tr("No requirement changed since this baseline."))
            self.pages.setCurrentWidget(self.hint)
            return
        self.changes.blockSignals(True)
        self.changes.clear()
        groups = (
            (self.tr("Added (%1)"), "#1E9E6A", result.added, True),
            (self.tr("Removed (%1)"), "#C0392B", result.removed, False),
        )
        for title, color, items, exists in groups:
            if items:
                group = self._group(title.replace("%1", str(len(items))), color)
                for summary_item in items:
                    uid = summary_item.uid if exists else None
                    self._requirement(group, summary_item.key, summary_item.title, uid)
        if result.changed:
            title = self.tr("Changed (%1)").replace("%1", str(len(result.changed)))
            group = self._group(title, "#C98A00")
            for item, fields in result.changed:
                row = self._requirement(group, item.key, item.title, item.uid)
                for change in fields:
                    self._field(row, change)
                row.setExpanded(True)
        self.changes.blockSignals(False)
        self.pages.setCurrentWidget(self.changes)
        width = self.changes.viewport().width()
        self.changes.setColumnWidth(0, max(220, width * 2 // 5))
        self.changes.setColumnWidth(1, max(160, width * 3 // 10))

    def _group(self, title: str, color: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title])
        font = QFont(self.changes.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setIcon(0, _dot(color))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.changes.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        item.setExpanded(True)
        return item

    def _requirement(
        self, group: QTreeWidgetItem, key: str, title: str, uid: str | None
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [f"{key}  {title}".strip()])
        item.setData(0, UID, uid)
        item.setToolTip(0, f"{key}  {title}")
        if uid is None:
            item.setToolTip(0, self.tr("%1 is no longer in the project.").replace("%1", key))
        item.setFirstColumnSpanned(True)
        return item

    def _field(self, parent: QTreeWidgetItem, change: FieldChange) -> None:
        before, after = change_texts(change)
        item = QTreeWidgetItem(parent, [field_label(change.field), before, after])
        item.setData(0, UID, parent.data(0, UID))
        for column in range(3):  # a field's name beside the first line of a long value
            item.setTextAlignment(column, _TOP_LEFT)
        for column, full in ((1, change.before), (2, change.after)):
            if isinstance(full, str) and len(full) > _CONTEXT:
                item.setToolTip(column, full)

    def _change_chosen(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        uid = None if item is None else item.data(0, UID)
        if uid:
            self.requirement_chosen.emit(str(uid))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._refresh.stop()
        super().closeEvent(event)


def change_texts(change: FieldChange) -> tuple[str, str]:
    """A changed field's before and now as the window says them: labels for
    codes, items taken out (−) and put in (+) for lists, long texts around the edit."""
    field, before, after = change.field, change.before, change.after
    if field in _LISTS:
        old = [_item(field, v) for v in before or []]
        new = [_item(field, v) for v in after or []]
        gone = [f"− {v}" for v in old if v not in new]
        came = [f"+ {v}" for v in new if v not in old]
        return "\n".join(gone), "\n".join(came)
    if field in _TEXTS and isinstance(before, str) and isinstance(after, str):
        return around_edit(before, after)
    return _value(field, before), _value(field, after)


def _value(field: str, value: Any) -> str:
    if value is None or value == "":
        return translate("BaselinesDialog", "(top level)") if field == "parent" else "—"
    label: Callable[[str], str] | None = {
        "status": status_label,
        "priority": priority_label,
        "kind": kind_label,
        "kano": kano_label,
        "horizon": horizon_label,
    }.get(field)
    if label is not None:
        return label(str(value))
    if field == "value" and isinstance(value, int | float):
        return f"{value:g}"
    if field == "rice" and isinstance(value, int | float):
        return format_score(value)
    return str(value)


def _item(field: str, value: Any) -> str:
    if field == "links":
        kind, outgoing, key = value
        return f"{link_label(kind, outgoing)} {key}"
    return str(value)


def around_edit(before: str, after: str) -> tuple[str, str]:
    """Short texts whole (on one line); long ones around their first difference."""
    old, new = " ".join(before.split()), " ".join(after.split())
    if len(old) <= 2 * _CONTEXT and len(new) <= 2 * _CONTEXT:
        return old or "—", new or "—"
    edits = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()]
    first = next((op for op in edits if op[0] != "equal"), None)
    if first is None:
        return old[: 2 * _CONTEXT] + "…", new[: 2 * _CONTEXT] + "…"
    _, i1, i2, j1, j2 = first
    return _excerpt(old, i1, i2), _excerpt(new, j1, j2)


def _excerpt(text: str, start: int, end: int) -> str:
    lead, tail = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    return ("…" if lead else "") + text[lead:tail] + ("…" if tail < len(text) else "") or "—"


def show_baselines(
    parent: QWidget, session: ProjectSession, select: Callable[[str], None]
) -> BaselinesDialog:
    """Show the baselines of `session` (raising the window already open), with
    chosen requirements going to `select`."""
    return show_project_window(
        parent, BaselinesDialog, session, lambda: BaselinesDialog(session, parent), select
    )


def close_baselines(parent: QWidget) -> None:
    """The project is closing: its baselines window goes with it."""
    for dialog in parent.findChildren(BaselinesDialog):
        dialog.close()
