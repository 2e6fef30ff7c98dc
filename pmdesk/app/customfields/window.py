"""Project ▸ Custom Fields… (Ctrl+Shift+D): the project's own fields (schema 9).

A list of the fields in their order, and the chosen one's name, kind and
options. Every change is one operation pushed through the session (one undo
step named in the Edit menu): Add creates a text field and puts the caret in
its name; a name is committed when its line is left; the kind is chosen while
no requirement holds a value (a value of one kind is not one of another); the
options (one a line) are committed when the text is left — a line changed in
place renames that option in every requirement that chose it, a line taken
away clears it there. Delete says how many requirements lose a value; undo
brings the field back with every value.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import dialogs
from pmdesk.app.labels import custom_kind_label
from pmdesk.app.project_windows import show_project_window
from pmdesk.core.domain.vocabulary import CHOICE_KINDS, CUSTOM_KINDS
from pmdesk.core.ops import Batch, Create, Move, Remove, Update
from pmdesk.core.ops.custom import SetCustomValues
from pmdesk.core.queries.custom import CustomFieldRecord

if TYPE_CHECKING:
    from pmdesk.app.session import ProjectSession
    from pmdesk.core.ops import Effect, Operation

UID_ROLE = Qt.ItemDataRole.UserRole


def split_options(text: str) -> list[str]:
    """One option a line: blanks trimmed, empty lines and repeats dropped."""
    options: list[str] = []
    for line in text.splitlines():
        option = line.strip()
        if option and option not in options:
            options.append(option)
    return options


def renamed_options(old: list[str], new: list[str]) -> dict[str, str]:
    """Options changed in place: line i was `a` and is now `b`, and neither is
    elsewhere in the other list (a rename, not a reorder or an addition)."""
    renames: dict[str, str] = {}
    if len(old) != len(new):
        return renames
    for before, after in zip(old, new, strict=True):
        if before != after and before not in new and after not in old:
            renames[before] = after
    return renames


class CustomFieldsWindow(QWidget):
    """The custom fields of one project; non-modal, one per window."""

    requirement_chosen = Signal(str)  # what show_project_window connects (unused here)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._session = session
        self.setObjectName("customFieldsWindow")
        self.setWindowTitle(self.tr("Custom Fields"))
        self.resize(720, 460)
        self.records: dict[str, CustomFieldRecord] = {}
        self.counts: dict[str, int] = {}
        self._shown: str | None = None

        self.list = QListWidget()
        self.list.setObjectName("customFieldList")
        self.list.setSpacing(2)
        self.add_button = self._tool(self.tr("Add"), self.tr("Add a field (Ctrl+N)"))
        self.delete_button = self._tool(
            self.tr("Delete"), self.tr("Delete the chosen field (Delete)")
        )
        self.up_button = self._tool("↑", self.tr("Move up (Alt+Up)"))
        self.down_button = self._tool("↓", self.tr("Move down (Alt+Down)"))
        self.empty = QLabel(
            self.tr(
                "No custom fields yet. Add one for what your team tracks and pmdesk has no "
                "field for: a team, an estimate, a customer, a due date…"
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("For example: Team, Estimate, Customer"))
        self.kind = QComboBox()
        for kind in CUSTOM_KINDS:
            self.kind.addItem(custom_kind_label(kind), kind)
        self.kind_note = QLabel()
        self.kind_note.setEnabled(False)
        self.options = QPlainTextEdit()
        self.options.setObjectName("customFieldOptions")
        self.options.setPlaceholderText(self.tr("One option a line"))
        self.options.setTabChangesFocus(True)
        self.options.installEventFilter(self)
        self.options.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.options_note = QLabel(
            self.tr(
                "One option a line. Change a line to rename that option wherever it was "
                "chosen; remove a line to clear it there."
            )
        )
        self.options_note.setWordWrap(True)
        self.options_note.setEnabled(False)
        self.usage = QLabel()
        self.usage.setEnabled(False)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        left_layout.addLayout(buttons)

        self.form = QWidget()
        holder = QVBoxLayout(self.form)
        fields = QFormLayout()
        holder.addLayout(fields)
        holder.addStretch(1)  # the rows keep together at the top
        fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fields.addRow(self.tr("Name"), self.name)
        fields.addRow(self.tr("Kind"), self.kind)
        fields.addRow("", self.kind_note)
        fields.addRow(self.tr("Options"), self.options)
        fields.addRow("", self.options_note)
        fields.addRow("", self.usage)
        fields.setVerticalSpacing(8)
        self._fields_form = fields

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.add_button.clicked.connect(self.add_field)
        self.delete_button.clicked.connect(self.delete_field)
        self.up_button.clicked.connect(lambda: self._step(-1))
        self.down_button.clicked.connect(lambda: self._step(1))
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.name.editingFinished.connect(self._commit_name)
        self.kind.activated.connect(lambda _i: self._commit_kind())
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.add_field),
            (QKeySequence("Alt+Up"), lambda: self._step(-1)),
            (QKeySequence("Alt+Down"), lambda: self._step(1)),
            # The project's undo here too (a line being typed in keeps its own).
            (QKeySequence.StandardKey.Undo, session.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, session.undo_stack.redo),
        ):
            QShortcut(keys, self, slot)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_field)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        session.changed.connect(self._follow)
        self.refresh()
        if session.read_only:
            self.lock_editing()

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        return button

    def lock_editing(self) -> None:
        for widget in (self.add_button, self.delete_button, self.up_button, self.down_button):
            widget.setEnabled(False)
        self.name.setReadOnly(True)
        self.kind.setEnabled(False)
        self.options.setReadOnly(True)

    # -- showing --------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the fields again and show them, keeping the chosen one."""
        project = self._session.project
        fields = project.custom_fields()
        self.records = {f.uid: f for f in fields}
        self.counts = project.custom_value_counts()
        chosen = self.current_uid()
        with QSignalBlocker(self.list):
            self.list.clear()
            for field in fields:
                item = QListWidgetItem(f"{field.name}  ·  {custom_kind_label(field.kind)}")
                item.setData(UID_ROLE, field.uid)
                self.list.addItem(item)
            self._select(chosen if chosen in self.records else (fields[0].uid if fields else None))
        self.empty.setVisible(not fields)
        self.list.setVisible(bool(fields))
        self._show_current()

    def current_uid(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(UID_ROLE))

    def _select(self, uid: str | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(UID_ROLE) == uid:
                self.list.setCurrentRow(row)
                return

    def _show_current(self) -> None:
        uid = self.current_uid()
        record = self.records.get(uid) if uid else None
        self._shown = uid
        locked = self._session.read_only
        self.form.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None and not locked)
        row = self.list.currentRow()
        self.up_button.setEnabled(record is not None and row > 0 and not locked)
        self.down_button.setEnabled(
            record is not None and row < self.list.count() - 1 and not locked
        )
        if record is None:
            self.name.clear()
            self.options.clear()
            self.usage.clear()
            return
        used = self.counts.get(record.uid, 0)
        with QSignalBlocker(self.name):
            if self.name.text() != record.name:
                self.name.setText(record.name)
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(self.kind.findData(record.kind))
        self.kind.setEnabled(used == 0 and not locked)
        self.kind_note.setText(
            self.tr("The kind is fixed while requirements hold a value of this field.")
            if used
            else ""
        )
        self.kind_note.setVisible(bool(used))
        choice = record.kind in CHOICE_KINDS
        for widget in (self.options, self.options_note):
            self._fields_form.setRowVisible(widget, choice)
        text = "\n".join(record.options)
        if self.options.toPlainText() != text:
            with QSignalBlocker(self.options):
                self.options.setPlainText(text)
        self.usage.setText(
            self.tr("Set in %n requirement(s).", "", used)
            if used
            else self.tr("No requirement holds a value of this field yet.")
        )

    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if any(
            e.entity == "custom_field"
            or e.action == "reloaded"
            or (e.entity == "requirement" and ("custom" in e.fields or e.action != "updated"))
            for e in effects
        ):
            self.refresh()

    # -- editing --------------------------------------------------------------------
    def _push(self, op: Operation) -> bool:
        return self._session.push(op)

    def add_field(self) -> str | None:
        """Add a text field with a name not taken yet; its name is ready to type over."""
        if self._session.read_only:
            self._session.refuse_if_read_only()
            return None
        taken = {r.name for r in self.records.values()}
        base = self.tr("New field")
        name, n = base, 2
        while name in taken:
            name, n = f"{base} {n}", n + 1
        uid = str(uuid.uuid4())
        if not self._push(Create("custom_field", uid, {"name": name, "kind": "text"})):
            return None
        self._select(uid)
        self.name.setFocus()
        self.name.selectAll()
        return uid

    def delete_field(self) -> bool:
        """Delete the chosen field after a question that says how many
        requirements lose a value (undo brings back the field and its values)."""
        uid = self.current_uid()
        record = self.records.get(uid) if uid else None
        if record is None or self._session.read_only:
            return False
        question = self.tr("Delete the custom field “%1”?").replace("%1", record.name)
        used = self.counts.get(record.uid, 0)
        if used:
            question += " " + self.tr("Its value in %n requirement(s) goes with it.", "", used)
        question += " " + self.tr("Undo brings it back.")
        if not dialogs.yes_no(self, self.tr("Delete Custom Field"), question):
            return False
        return self._push(Remove((("custom_field", record.uid),)))

    def _step(self, by: int) -> None:
        uid = self.current_uid()
        row = self.list.currentRow() + by
        if uid is None or self._session.read_only or not 0 <= row < self.list.count():
            return
        self._push(Move("custom_field", uid, index=row))
        self._select(uid)

    def _record(self) -> CustomFieldRecord | None:
        uid = self._shown
        return self.records.get(uid) if uid else None

    def _commit_name(self) -> None:
        record = self._record()
        if record is None or self._session.read_only:
            return
        name = self.name.text().strip()
        if name == record.name:
            return
        if not name or not self._push(Update("custom_field", record.uid, {"name": name})):
            with QSignalBlocker(self.name):
                self.name.setText(record.name)

    def _commit_kind(self) -> None:
        record = self._record()
        kind = self.kind.currentData()
        if record is None or kind == record.kind or self._session.read_only:
            return
        if not self._push(Update("custom_field", record.uid, {"kind": kind})):
            self._show_current()

    def commit_options(self) -> bool:
        """The options as typed: one operation that renames what was changed in
        place in the requirements that chose it (one undo step)."""
        record = self._record()
        if record is None or self._session.read_only or record.kind not in CHOICE_KINDS:
            return False
        old, new = list(record.options), split_options(self.options.toPlainText())
        if old == new:
            return False
        update = Update("custom_field", record.uid, {"options": new})
        renames = renamed_options(old, new)
        op: Operation = update
        if renames:
            values = self._session.project.custom_values()
            moved: dict[str, dict[str, Any]] = {}
            for requirement, held in values.items():
                value = held.get(record.uid)
                if isinstance(value, list) and any(v in renames for v in value):
                    moved[requirement] = {record.uid: [renames.get(v, v) for v in value]}
                elif isinstance(value, str) and value in renames:
                    moved[requirement] = {record.uid: renames[value]}
            if moved:
                op = Batch((update, SetCustomValues(moved)))
        ok = self._push(op)
        if not ok:
            self._show_current()
        return ok

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.options and event.type() == QEvent.Type.FocusOut:
            self.commit_options()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: Any) -> None:
        if shiboken6.isValid(self._session):
            self.commit_options()
            self._session.changed.disconnect(self._follow)
        super().closeEvent(event)


def close_custom_fields(parent: QWidget) -> None:
    """Close the custom fields windows (before their project closes: they read it)."""
    for window in parent.findChildren(CustomFieldsWindow):
        window.close()


def show_custom_fields(
    parent: QWidget, session: ProjectSession, select: Callable[[str], None]
) -> CustomFieldsWindow:
    """Show the custom fields of `session` (raising the window already open)."""
    return show_project_window(
        parent, CustomFieldsWindow, session, lambda: CustomFieldsWindow(session, parent), select
    )
