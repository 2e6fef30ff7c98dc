"""The list parts of the detail editor: acceptance criteria and links.

Both lists grow with their rows instead of scrolling inside the editor's own
scroll area, wrap long lines, and say so when they are empty.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app import look
from pmdesk.app.details.inputs import glyph_icon
from pmdesk.app.labels import link_label
from pmdesk.app.read_only import look_read_only
from pmdesk.core.clock import local_minutes
from pmdesk.core.domain.vocabulary import LINK_TYPES
from pmdesk.core.queries.requirements import LinkRow

UID_ROLE = Qt.ItemDataRole.UserRole + 1
Find = Callable[[str], list[tuple[str, str, str]]]  # text → (uid, key, title)


class FitTree(QTreeWidget):
    """A flat, header-less list of wrapped rows that is exactly as tall as its rows.

    Delete is taken before the window's shortcuts see it (the main window's
    "delete requirement" must not fire while a criterion or link is selected).
    """

    delete_pressed = Signal()

    def __init__(self, columns: int, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self.setColumnCount(columns)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(True)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.dataChanged):
            signal.connect(self._refit_later)
        self._refit()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def _refit_later(self) -> None:
        QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self.doItemsLayout()  # word wrap depends on the width: measure rows again
        rows = sum(self.sizeHintForRow(i) for i in range(self.topLevelItemCount()))
        empty = self.fontMetrics().height() * 2 + 8
        self.setFixedHeight(max(rows + 6, empty) + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit_later()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self._placeholder
            )
            painter.end()


class WrapDelegate(QStyledItemDelegate):
    """Measures wrapped rows at their column's width (item views measure them unwrapped
    and then clip the painted lines); optionally numbers the rows "1. text"."""

    def __init__(self, view: QTreeWidget, *, numbered: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._numbered = numbered

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self._numbered:
            option.text = f"{index.row() + 1}.  {option.text}"

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, self._view.columnWidth(index.column()), 1)
        size = super().sizeHint(measured, index)
        return QSize(size.width(), size.height() + 6)  # air between wrapped rows


def _tool_button(icon_name: str, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setIcon(glyph_icon(icon_name, parent.palette()))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    return button


class AcceptanceEditor(QWidget):
    """Acceptance criteria: add, edit in place (double-click or F2), remove, reorder.

    `committed` follows every finished change; `value()` is the list to store.
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locked = False  # a read-only project: nothing is added, edited or moved
        self.list = FitTree(1, self.tr("No acceptance criteria yet"))
        self.list.setItemDelegate(WrapDelegate(self.list, numbered=True))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setAlternatingRowColors(True)
        self.add_button = _tool_button("add", self.tr("Add a criterion"), self)
        self.remove_button = _tool_button("remove", self.tr("Remove the selected criterion"), self)
        self.up_button = _tool_button("up", self.tr("Move up"), self)
        self.down_button = _tool_button("down", self.tr("Move down"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

        self.add_button.clicked.connect(self.add_criterion)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.itemDelegate().closeEditor.connect(self._editor_closed)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.delete_pressed.connect(self.remove_current)
        self._update_buttons()

    def buttons(self) -> tuple[QToolButton, ...]:
        return (self.add_button, self.remove_button, self.up_button, self.down_button)

    def lock_editing(self) -> None:
        """A read-only project: the criteria can be read, selected and copied, no more."""
        self._locked = True
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        look_read_only(self.list)
        self._update_buttons()

    def value(self) -> list[str]:
        texts = (self._text(row).strip() for row in range(self._count()))
        return [t for t in texts if t]

    def _text(self, row: int) -> str:
        item = self.list.topLevelItem(row)
        return "" if item is None else item.text(0)

    def set_value(self, criteria: list[str]) -> None:
        shown = [self._text(row) for row in range(self._count())]
        if shown == criteria:
            return  # keep the selection (and an open editor) when nothing differs
        self.list.clear()
        for text in criteria:
            self._new_item(text, self._count())
        self._update_buttons()

    def add_criterion(self) -> None:
        """Append an empty row and edit it; left empty, it disappears again."""
        if self._locked:
            return
        item = self._new_item("", self._count())
        self.list.setCurrentItem(item)
        self.list.setFocus()
        self.list.editItem(item, 0)

    def remove_current(self) -> None:
        row = self._current_row()
        if self._locked:
            return
        if row < 0:
            return
        self.list.takeTopLevelItem(row)
        self._update_buttons()
        self.committed.emit()

    def move_current(self, step: int) -> None:
        if self._locked:
            return
        row = self._current_row()
        target = row + step
        if row < 0 or not 0 <= target < self._count():
            return
        item = self.list.takeTopLevelItem(row)
        if item is None:
            return
        self.list.insertTopLevelItem(target, item)
        self.list.setCurrentItem(item)
        self.committed.emit()

    def _new_item(self, text: str, row: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.insertTopLevelItem(row, item)
        return item

    def _editor_closed(self, _editor: QWidget, _hint: QAbstractItemDelegate.EndEditHint) -> None:
        for row in reversed(range(self._count())):
            if not self._text(row).strip():
                self.list.takeTopLevelItem(row)
        self._update_buttons()
        self.committed.emit()

    def _count(self) -> int:
        return self.list.topLevelItemCount()

    def _current_row(self) -> int:
        item = self.list.currentItem()
        return -1 if item is None else self.list.indexOfTopLevelItem(item)

    def _update_buttons(self) -> None:
        row = -1 if self._locked else self._current_row()
        self.add_button.setEnabled(not self._locked)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self._count() - 1)


class LinksEditor(QWidget):
    """Typed links of one requirement, both directions, and a row to add one.

    The other end is picked by key or title with completion from `find`. The
    editor only asks: `add_requested(type, other uid)`, `remove_requested(link
    uid)`; `problem(message)` explains why nothing was asked.
    """

    add_requested = Signal(str, str)
    remove_requested = Signal(str)
    problem = Signal(str)
    requirement_activated = Signal(str)  # the other end of a link, double-clicked
    review_requested = Signal(list)  # link uids to mark reviewed
    impact_requested = Signal(str)  # this requirement: show what depends on it

    def __init__(self, find: Find, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = find
        self._self_uid: str | None = None
        self._suspect: list[str] = []  # links shown that need review
        self._choices: dict[str, str] = {}  # completion text → uid
        self._locked = False  # a read-only project: links are shown and followed only
        self.list = FitTree(2, self.tr("No links yet"))
        self.list.setItemDelegate(WrapDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        self.remove_button = _tool_button("remove", self.tr("Remove the selected link"), self)
        self.type_combo = QComboBox()
        for link_type in LINK_TYPES:
            self.type_combo.addItem(link_label(link_type, True), link_type)
        self.type_combo.setToolTip(self.tr("How this requirement relates to the other one"))
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("Key or title…"))
        self.target.setClearButtonEnabled(True)
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.target.setCompleter(completer)
        self.add_button = QPushButton(self.tr("Add link"))
        self.add_button.setAutoDefault(False)
        # Shown while a link needs review: marks the selected one, else all of them.
        self.review_button = QPushButton(look.suspect_icon(), self.tr("Mark Reviewed"))
        self.review_button.setAutoDefault(False)
        self.review_button.setToolTip(
            self.tr("The linked requirement's text changed: mark the link reviewed")
        )
        self.review_button.hide()
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.type_combo)
        row.addWidget(self.target, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.list)
        layout.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        self.review_button.clicked.connect(self.review_current)
        self.list.customContextMenuRequested.connect(self._context_menu)

        self.target.textEdited.connect(self._complete)
        self.target.returnPressed.connect(self.add_link)
        self.add_button.clicked.connect(self.add_link)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self._activated)
        self.list.delete_pressed.connect(self.remove_current)
        self._update_buttons()

    def set_links(self, self_uid: str | None, links: list[LinkRow]) -> None:
        selected = self.current_link()
        self._self_uid = self_uid
        self._suspect = []
        self.list.clear()
        for link in links:
            item = QTreeWidgetItem(
                [link_label(link.type, link.outgoing), f"{link.other_key}  {link.other_title}"]
            )
            item.setData(0, UID_ROLE, link.uid)
            item.setData(1, UID_ROLE, link.other_uid)
            item.setForeground(0, self.palette().brush(QPalette.ColorRole.PlaceholderText))
            item.setToolTip(1, f"{link.other_key}  {link.other_title}")
            if link.suspect_at is not None:
                self._suspect.append(link.uid)
                item.setIcon(0, look.suspect_icon())
                item.setForeground(0, QBrush(QColor(look.SUSPECT_COLOR)))
                item.setToolTip(0, self._needs_review_text(link))
            self.list.addTopLevelItem(item)
            if link.uid == selected:
                self.list.setCurrentItem(item)
        self.list.resizeColumnToContents(0)
        self.list.setColumnWidth(0, self.list.columnWidth(0) + 12)
        self._update_buttons()

    def _needs_review_text(self, link: LinkRow) -> str:
        changed = link.other_key if link.outgoing else self.tr("this requirement")
        return (
            self.tr("Needs review: %1 changed on %2")
            .replace("%1", changed)
            .replace("%2", local_minutes(link.suspect_at or ""))
        )

    def suspect_links(self) -> list[str]:
        """Uids of the shown links that need review."""
        return list(self._suspect)

    def review_current(self) -> None:
        """Mark the selected link reviewed, or every shown one if none is selected."""
        if self._locked or not self._suspect:
            return
        current = self.current_link()
        chosen = [current] if current in self._suspect else self._suspect
        self.review_requested.emit(list(chosen))

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        item = self.list.itemAt(pos)
        if item is not None:
            self.list.setCurrentItem(item)
        review = menu.addAction(look.suspect_icon(), self.tr("Mark Reviewed"))
        review.setEnabled(
            not self._locked and item is not None and self.current_link() in self._suspect
        )
        review.triggered.connect(self.review_current)
        impact = menu.addAction(self.tr("Show Impact…"))
        impact.setEnabled(self._self_uid is not None)
        impact.triggered.connect(lambda: self.impact_requested.emit(self._self_uid or ""))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def lock_editing(self) -> None:
        """A read-only project: links can still be read and followed (double-click)."""
        self._locked = True
        look_read_only(self.list)
        self.type_combo.setEnabled(False)
        self.target.setReadOnly(True)
        look_read_only(self.target)
        self.add_button.setEnabled(False)
        self._update_buttons()

    def current_link(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(0, UID_ROLE))

    def remove_current(self) -> None:
        link = self.current_link()
        if link is not None and not self._locked:
            self.remove_requested.emit(link)

    def add_link(self) -> None:
        text = self.target.text().strip()
        if self._locked:
            return
        if not text:
            self.target.setFocus()
            return
        uid = self._resolve(text)
        if uid is not None:
            self.add_requested.emit(str(self.type_combo.currentData()), uid)

    def clear_target(self) -> None:
        self.target.clear()
        self._completions.setStringList([])

    def _resolve(self, text: str) -> str | None:
        if text in self._choices:
            return self._choices[text]
        found = self._find(text)
        key = text.split()[0].casefold()  # "CRM-12" or "CRM-12  its title"
        exact = [r for r in found if r[1].casefold() == key]
        if exact and exact[0][0] == self._self_uid:
            self.problem.emit(self.tr("A requirement cannot be linked to itself."))
            return None
        if exact:
            return exact[0][0]
        found = [r for r in found if r[0] != self._self_uid]
        if len(found) == 1:
            return found[0][0]
        if not found:
            self.problem.emit(self.tr("No requirement matches “%1”.").replace("%1", text))
        else:
            several = self.tr("Several requirements match “%1”: pick one from the list.")
            self.problem.emit(several.replace("%1", text))
        return None

    def _complete(self, text: str) -> None:
        found = self._find(text.strip()) if text.strip() else []
        self._choices = {
            f"{key}  {title}": uid for uid, key, title in found if uid != self._self_uid
        }
        self._completions.setStringList(list(self._choices))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.requirement_activated.emit(str(item.data(1, UID_ROLE)))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(not self._locked and self.list.currentItem() is not None)
        self.review_button.setVisible(bool(self._suspect) and not self._locked)
