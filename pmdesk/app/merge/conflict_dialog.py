"""Save found changes a colleague made to the same things: pick a version of each.

The list shows every conflict under the requirement (or release, section, …)
it belongs to, with both values side by side; below it the selected conflict
in full (long Markdown scrolls, the differing words tinted) with one button
under each side, and above them, subtly, what the value was before both edits.
Long texts show in the list from just before where they differ, since two
descriptions usually share their opening. Text fields can be edited instead.
Keyboard: arrows move through the conflicts, 1 or Alt+M keeps yours, 2 or Alt+T
takes theirs (1 and 2 then move on, keeping the chosen row in view), F2 or
Alt+E edits. OK is enabled once every conflict has a choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QResizeEvent, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.merge.conflict_edit import ConflictEditor, both_versions
from pmdesk.app.merge.conflict_model import Column, ConflictModel, Role
from pmdesk.app.merge.conflict_texts import (
    REQUIRED,
    changed_details,
    choice_labels,
    deletion_sentence,
    field_name,
    is_editable,
    is_multiline,
    names_text,
)
from pmdesk.app.merge.text_diff import Span, differing_spans
from pmdesk.core.merge.three_way import DELETED, Conflict, Edited, Resolution
from pmdesk.core.schema.rows import Tables

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

_DIFFERS = QColor(230, 170, 0, 80)  # words that differ from the other side
_STYLE = """
QFrame#conflictSide { border: 1px solid palette(mid); border-radius: 6px; }
QFrame#conflictSide[chosen="true"] {
    border: 2px solid #2E9E6A; background: rgba(46, 158, 106, 22);
}
QLabel#conflictValue { font-size: 11pt; }
"""


class _SidePane(QFrame):
    """One side of the selected conflict: caption, value, the button that picks it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("conflictSide")
        self.caption = QLabel(self)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.short = QLabel(self)
        self.short.setObjectName("conflictValue")
        self.short.setWordWrap(True)
        self.short.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.short.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.short.setTextFormat(Qt.TextFormat.PlainText)
        self.long = QPlainTextEdit(self)
        self.long.setReadOnly(True)
        self.long.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.value = QStackedWidget(self)
        self.value.addWidget(self.short)
        self.value.addWidget(self.long)
        self.button = QPushButton(self)
        self.button.setCheckable(True)
        self.button.setAutoDefault(False)
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.caption)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_value(self, text: str, *, long: bool, differing: Sequence[Span] = ()) -> None:
        """Show `text`; a long one in a scrolling view with the `differing` parts tinted."""
        if not long:
            self.short.setText(text)
            self.value.setCurrentWidget(self.short)
            return
        self.long.setPlainText(text)
        marks = []
        for start, end in differing:
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(_DIFFERS)
            cursor = QTextCursor(self.long.document())
            cursor.setPosition(_utf16(text, start))
            cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            marks.append(mark)
        self.long.setExtraSelections(marks)
        self.long.moveCursor(QTextCursor.MoveOperation.Start)
        self.value.setCurrentWidget(self.long)

    def set_chosen(self, chosen: bool) -> None:
        self.button.setChecked(chosen)
        if self.property("chosen") != chosen:
            self.setProperty("chosen", chosen)
            self.style().unpolish(self)
            self.style().polish(self)


class _ConflictList(QTreeView):
    """The list of conflicts. Choosing one can change the size of the details
    below, and the splitter then takes the room from the list after the row was
    scrolled to: so the current row is scrolled to again when the list shrinks."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() < event.oldSize().height() and self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())


class ConflictDialog(QDialog):
    """Shows merge conflicts; when accepted, `resolutions()` settles every one."""

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        mine_tables: Tables,
        theirs_tables: Tables,
        their_names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mine_tables, self.theirs_tables = mine_tables, theirs_tables
        self.their_names = list(their_names)
        self.editor: ConflictEditor | None = None
        self.model = ConflictModel(conflicts, mine_tables, theirs_tables, self)
        self.model.theirs_header = translate("Conflicts", "Theirs (%1)").replace(
            "%1", names_text(self.their_names)
        )
        self.setWindowTitle(translate("Conflicts", "Choose between your changes and theirs"))
        self.setStyleSheet(_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(self._header(len(conflicts)))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list())
        splitter.addWidget(self._details())
        splitter.setSizes([250, 300])
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())
        self._shortcuts()

        self.model.choices_changed.connect(self._update)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        first = self.model.index(0, 0, self.model.index(0, 0))
        self.view.setCurrentIndex(first)
        self.view.setFocus()
        self._update()
        self.resize(980, 680)

    # -- building ----------------------------------------------------------------
    def _header(self, count: int) -> QHBoxLayout:
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = self.tr(
            "%1 also changed %n thing(s) you changed. Choose which version to keep.", "", count
        )
        self.header = QLabel(text.replace("%1", names_text(self.their_names)), self)
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)
        sub = QLabel(
            translate(
                "Conflicts",
                "Everything else was merged automatically. The merge is one step you can undo.",
            ),
            self,
        )
        sub.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.header)
        texts.addWidget(sub)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(icon)
        row.addLayout(texts, 1)
        return row

    def _list(self) -> QTreeView:
        self.view = _ConflictList(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setIndentation(14)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.expandAll()
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.FIELD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.MINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.THEIRS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.DECISION, QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        header.resizeSection(Column.FIELD, metrics.horizontalAdvance("M") * 14)
        header.resizeSection(Column.DECISION, metrics.horizontalAdvance("M") * 9)
        self.view.doubleClicked.connect(self._double_clicked)
        return self.view

    def _details(self) -> QWidget:
        box = QWidget(self)
        self.title = QLabel(box)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.mine_pane = _SidePane(box)
        self.mine_pane.caption.setText(translate("Conflicts", "Yours"))
        self.theirs_pane = _SidePane(box)
        self.theirs_pane.caption.setText(self.model.theirs_header)
        self.mine_pane.button.clicked.connect(lambda: self.choose("mine"))
        self.theirs_pane.button.clicked.connect(lambda: self.choose("theirs"))
        self.mine_pane.button.setToolTip(translate("Conflicts", "Alt+M or 1"))
        self.theirs_pane.button.setToolTip(translate("Conflicts", "Alt+T or 2"))
        self.before = QLabel(box)  # the value before both edits, subtly
        self.before.setTextFormat(Qt.TextFormat.PlainText)
        self.before.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.before.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Same caption height on both sides, whichever scripts the names use.
        height = max(p.caption.sizeHint().height() for p in (self.mine_pane, self.theirs_pane))
        for pane in (self.mine_pane, self.theirs_pane):
            pane.caption.setFixedHeight(height)
        sides = QHBoxLayout()
        sides.setSpacing(12)
        sides.addWidget(self.mine_pane, 1)
        sides.addWidget(self.theirs_pane, 1)
        self.edit_button = QPushButton(translate("Conflicts", "Edit…"), box)
        self.edit_button.setAutoDefault(False)
        self.edit_button.setToolTip(
            translate("Conflicts", "Type a value of your own (Alt+E or F2)")
        )
        self.edit_button.clicked.connect(self.edit_current)
        self.edited = QLabel(box)
        self.edited.setTextFormat(Qt.TextFormat.PlainText)
        self.edited.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        hint = QLabel(
            translate(
                "Conflicts",
                "1 or Alt+M: yours · 2 or Alt+T: theirs · F2: edit · ↑↓: next conflict",
            ),
            box,
        )
        hint.setForegroundRole(hint.foregroundRole())
        hint.setEnabled(False)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addWidget(self.edited, 1)
        edit_row.addWidget(hint)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.before)
        layout.addLayout(sides, 1)
        layout.addLayout(edit_row)
        return box

    def _buttons(self) -> QHBoxLayout:
        self.all_mine = QPushButton(translate("Conflicts", "Keep all mine"), self)
        self.all_theirs = QPushButton(translate("Conflicts", "Take all theirs"), self)
        self.all_mine.clicked.connect(lambda: self.model.set_all("mine"))
        self.all_theirs.clicked.connect(lambda: self.model.set_all("theirs"))
        self.progress = QLabel(self)
        self.ok_button = QPushButton(translate("Conflicts", "Merge"), self)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(translate("Conflicts", "Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.all_mine, self.all_theirs):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addStretch(1)
        row.addWidget(self.progress)
        row.addSpacing(12)
        row.addWidget(self.ok_button)
        row.addWidget(self.cancel_button)
        return row

    def _shortcuts(self) -> None:
        window = Qt.ShortcutContext.WindowShortcut
        in_list = Qt.ShortcutContext.WidgetShortcut
        for keys, context, action in (
            ("Alt+M", window, lambda: self.choose("mine")),
            ("Alt+T", window, lambda: self.choose("theirs")),
            ("Alt+E", window, self.edit_current),
            ("F2", window, self.edit_current),
            ("1", in_list, lambda: self.choose("mine", advance=True)),
            ("2", in_list, lambda: self.choose("theirs", advance=True)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view if context == in_list else self)
            shortcut.setContext(context)
            shortcut.activated.connect(action)

    # -- public ------------------------------------------------------------------
    def resolutions(self) -> dict[str, Resolution]:
        """Conflict id → "mine", "theirs" or Edited(value): for `PendingMerge.result`."""
        return dict(self.model.choices)

    def current_conflict(self) -> Conflict | None:
        return self.model.conflict_at(self.view.currentIndex())

    def select(self, conflict: Conflict) -> None:
        index = self.model.index_of(conflict)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def choose(self, choice: Resolution, *, advance: bool = False) -> None:
        """Settle the selected conflict; with `advance`, move to the next one."""
        conflict = self.current_conflict()
        if conflict is None:
            return
        self.model.set_choice(conflict, choice)
        if advance:
            following = self._following(conflict)
            if following is not None:
                self.select(following)

    def edit_current(self) -> None:
        """Open the editor for the selected conflict's value (text fields only)."""
        conflict = self.current_conflict()
        if conflict is None or not is_editable(conflict):
            return
        chosen = self.model.choice(conflict)
        mine, theirs = str(conflict.mine or ""), str(conflict.theirs or "")
        hint = ""
        if isinstance(chosen, Edited):
            initial = str(chosen.value)
        elif is_multiline(conflict):
            initial = both_versions(mine, theirs)
            hint = translate(
                "Conflicts",
                "Where the two versions differ, both are included: yours first, then theirs. "
                "Keep what you want and delete the rest.",
            )
        else:
            initial = mine
        self.editor = ConflictEditor(
            self._heading(conflict),
            initial,
            multiline=is_multiline(conflict),
            required=(conflict.entity, conflict.field) in REQUIRED,
            hint=hint,
            parent=self,
        )
        editor = self.editor
        editor.accepted.connect(lambda: self.model.set_choice(conflict, Edited(editor.value())))
        editor.open()

    def accept(self) -> None:
        if self.model.undecided():
            return
        super().accept()

    # -- reacting ----------------------------------------------------------------
    def _following(self, conflict: Conflict) -> Conflict | None:
        conflicts = self.model.conflicts()
        ids = [c.id for c in conflicts]
        at = ids.index(conflict.id)
        return conflicts[at + 1] if at + 1 < len(conflicts) else None

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and self.model.conflict_at(current) is None:
            self.view.setCurrentIndex(self._conflict_near(current, previous))
            return
        self._show_current()

    def _conflict_near(self, group: QModelIndex, previous: QModelIndex) -> QModelIndex:
        """A group row was reached: go on to its first conflict, or when moving up
        from that conflict, to the last conflict of the group before."""
        first = self.model.index(0, 0, group)
        going_up = previous.isValid() and previous.parent().row() == group.row()
        if going_up and group.row() > 0:
            above = self.model.index(group.row() - 1, 0)
            return self.model.index(self.model.rowCount(above) - 1, 0, above)
        return previous if going_up else first

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == Column.MINE:
            self.choose("mine")
        elif index.column() == Column.THEIRS:
            self.choose("theirs")

    def _update(self) -> None:
        total = len(self.model.conflicts())
        left = self.model.undecided()
        self.ok_button.setEnabled(left == 0)
        if left:
            self.progress.setText(
                translate("Conflicts", "%1 of %2 chosen")
                .replace("%1", str(total - left))
                .replace("%2", str(total))
            )
        else:
            self.progress.setText(translate("Conflicts", "All %1 chosen").replace("%1", str(total)))
        self._show_current()

    def _heading(self, conflict: Conflict) -> str:
        key, title = self.model.group_of(self.model.index_of(conflict))
        named = field_name(conflict.field, self.mine_tables, self.theirs_tables)
        return f"{key}  {title} — {named}".strip()

    def _show_before(self, conflict: Conflict) -> None:
        before = self.model.before(conflict)
        if before is None:
            self.before.hide()
            return
        shown, full = before
        line = translate("Conflicts", "Before: %1").replace("%1", shown)
        width = max(self.before.width(), 400)  # one line, cut with "…"; the tip has it all
        metrics = self.before.fontMetrics()
        self.before.setText(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
        self.before.setToolTip(full if len(full) <= 1200 else full[:1199] + "…")
        self.before.show()

    def _show_current(self) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            return
        index = self.model.index_of(conflict)
        mine_text = str(index.siblingAtColumn(Column.MINE).data(Role.FULL_TEXT))
        theirs_text = str(index.siblingAtColumn(Column.THEIRS).data(Role.FULL_TEXT))
        if conflict.field == DELETED:
            self.title.setText(deletion_sentence(conflict, self.their_names))
            tables = self.mine_tables if conflict.mine is not None else self.theirs_tables
            details = changed_details(conflict, tables)
            if conflict.mine is not None:
                mine_text = details
            else:
                theirs_text = details
        else:
            self.title.setText(self._heading(conflict))
        long = conflict.field != DELETED and (
            is_multiline(conflict)
            or any("\n" in t or len(t) > 160 for t in (mine_text, theirs_text))
        )
        ours_differ, theirs_differ = differing_spans(mine_text, theirs_text) if long else ([], [])
        self.mine_pane.show_value(mine_text, long=long, differing=ours_differ)
        self.theirs_pane.show_value(theirs_text, long=long, differing=theirs_differ)
        mine_label, theirs_label = choice_labels(conflict)
        self.mine_pane.button.setText(mine_label)
        self.theirs_pane.button.setText(theirs_label)
        self._show_before(conflict)
        choice = self.model.choice(conflict)
        self.mine_pane.set_chosen(choice == "mine")
        self.theirs_pane.set_chosen(choice == "theirs")
        editable = is_editable(conflict)
        self.edit_button.setEnabled(editable)
        self.edit_button.setVisible(editable)
        if isinstance(choice, Edited):
            value = " ".join(str(choice.value).split())
            self.edited.setText(translate("Conflicts", "Your edit: %1").replace("%1", value))
            self.edited.setToolTip(str(choice.value))
        else:
            self.edited.clear()
            self.edited.setToolTip("")


def _utf16(text: str, at: int) -> int:
    """A `str` index as a QTextDocument position (UTF-16 units: an emoji is two)."""
    head = text[:at]
    return at + sum(1 for c in head if ord(c) > 0xFFFF)


def resolve_conflicts(
    parent: QWidget | None,
    conflicts: Sequence[Conflict],
    mine: Tables,
    theirs: Tables,
    their_names: list[str],
) -> dict[str, Resolution] | None:
    """Ask the user to settle merge conflicts; None when they cancel."""
    dialog = ConflictDialog(conflicts, mine, theirs, their_names, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.resolutions()
        return None
    finally:
        dialog.deleteLater()
