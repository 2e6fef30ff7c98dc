"""View ▸ Change Log: every change to the project, newest first, with filters.

Filter by person, by a range of local days and by text (a key, a title, a
value). The table loads a page at a time as it scrolls, so a long history opens
at once; it follows new edits while it is open. Double-clicking a row selects
its requirement in the main window, if it still exists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.history.detail_tab import change_table
from pmdesk.app.history.model import ChangeTableModel, Column, Role, ui_wording
from pmdesk.app.project_windows import show_project_window
from pmdesk.app.session import ProjectSession
from pmdesk.core.queries.history import Change, LogFilter

__all__ = ["ChangeLogDialog", "show_change_log"]

COLUMNS = (Column.WHEN, Column.WHO, Column.SUBJECT, Column.FIELD, Column.OLD, Column.NEW)
PAGE = 200
TYPING_MS = 250  # the text filter waits for a pause in typing
WHO_LIMIT = 16  # characters: longer names are elided (the tooltip has them whole)
ANY_DAY = QDate(2000, 1, 1)  # a date edit at this minimum shows "Any date" and does not filter


def _utc_start_of(day: QDate) -> str:
    """The UTC instant a local day starts, as the history writes times."""
    moment = QDateTime(day, QTime(0, 0))
    return str(moment.toUTC().toString("yyyy-MM-ddTHH:mm:ss"))


class ChangeLogDialog(QDialog):
    """The project's change log; non-modal, one per window."""

    requirement_chosen = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("changeLogDialog")
        self.setWindowTitle(self.tr("Change Log"))
        self.resize(1100, 640)

        self._calendars: dict[QObject, QDateEdit] = {}
        self.person = QComboBox()
        self.person.setMinimumContentsLength(10)
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.since, self.until = self._date_edit(), self._date_edit()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Key, title or value"))
        self.text.setClearButtonEnabled(True)
        self.reset_button = QPushButton(self.tr("Show all"))
        self.model = ChangeTableModel(COLUMNS, self._page, self)
        self.table = change_table(self.model, self)
        self._size_columns()
        self.empty = QLabel(self.tr("No changes match these filters."))
        self.empty.setEnabled(False)
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&Person"), self.person),
            (self.tr("&From"), self.since),
            (self.tr("&To"), self.until),
        ):
            filters.addWidget(self._label(text, widget))
            filters.addWidget(widget)
            filters.addSpacing(8)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.reset_button)
        footer = QHBoxLayout()
        footer.addWidget(self.empty, 1)
        footer.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_MS)
        self._typing.timeout.connect(self.refresh)
        self._stale = QTimer(self)  # several edits in one event-loop turn: one reload
        self._stale.setSingleShot(True)
        self._stale.setInterval(0)
        self._stale.timeout.connect(self._follow)
        self.person.currentIndexChanged.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.until.dateChanged.connect(self.refresh)
        self.text.textChanged.connect(self._typing.start)
        self.reset_button.clicked.connect(self.reset_filters)
        self.table.doubleClicked.connect(self._activated)
        self.model.rowsInserted.connect(self._fit_who)  # a further page, maybe new names
        session.changed.connect(self._stale.start)
        self._fill_people()
        self.refresh()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DAY)
        edit.setSpecialValueText(self.tr("Any date"))
        edit.setDate(ANY_DAY)
        edit.calendarWidget().installEventFilter(self)
        self._calendars[edit.calendarWidget()] = edit
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        edit = self._calendars.get(watched)
        if edit is not None and event.type() == QEvent.Type.Show and edit.date() == ANY_DAY:
            # "Any date" is a day in 2000: open the calendar on this month instead.
            today = QDate.currentDate()
            QTimer.singleShot(
                0, lambda: edit.calendarWidget().setCurrentPage(today.year(), today.month())
            )
        return super().eventFilter(watched, event)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        # A kerned pair ("To") advances less than its glyphs reach: a label as
        # wide as its advance cut the "o" to "Tc". Leave room for the overhang.
        metrics = label.fontMetrics()
        shown = text.replace("&", "")
        ink = metrics.boundingRect(shown).width() + metrics.averageCharWidth() // 2
        label.setMinimumWidth(max(label.sizeHint().width(), ink))
        return label

    def _size_columns(self) -> None:
        """When: as wide as a time; who: as its names (see `_fit_who`); the
        requirement, before and after share the rest."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        widths = {
            Column.WHEN: metrics.horizontalAdvance("2027-12-31 23:59") + 20,
            Column.FIELD: metrics.horizontalAdvance("Acceptance crit") + 16,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(COLUMNS.index(column), width)
        for column in (Column.SUBJECT, Column.OLD, Column.NEW):
            header.setSectionResizeMode(COLUMNS.index(column), QHeaderView.ResizeMode.Stretch)

    def _fit_who(self) -> None:
        """The Who column as wide as the names shown, within a limit."""
        column = COLUMNS.index(Column.WHO)
        self.table.resizeColumnToContents(column)
        limit = WHO_LIMIT * self.table.fontMetrics().averageCharWidth()
        self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))

    # -- filters -------------------------------------------------------------------
    def current_filter(self) -> LogFilter:
        since, until = self.since.date(), self.until.date()
        return LogFilter(
            person=self.person.currentData(),
            since=_utc_start_of(since) if since != ANY_DAY else None,
            until=_utc_start_of(until.addDays(1)) if until != ANY_DAY else None,
            text=self.text.text().strip(),
        )

    def reset_filters(self) -> None:
        for widget in (self.person, self.since, self.until, self.text):
            widget.blockSignals(True)
        self.person.setCurrentIndex(0)
        self.since.setDate(ANY_DAY)
        self.until.setDate(ANY_DAY)
        self.text.clear()
        for widget in (self.person, self.since, self.until, self.text):
            widget.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Show the newest changes that pass the filters."""
        self._typing.stop()
        self.model.reload()
        self._fit_who()
        self.empty.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.table.scrollToTop()

    def _page(self, before: int | None) -> list[Change]:
        return self._session.project.change_log(
            self.current_filter(), ui_wording(), before=before, limit=PAGE
        )

    def _fill_people(self) -> None:
        names = self._session.project.people()
        chosen = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for name in sorted(names, key=str.casefold):
            self.person.addItem(name, name)
        found = self.person.findData(chosen)
        self.person.setCurrentIndex(max(found, 0))
        self.person.blockSignals(False)

    def _follow(self) -> None:
        """The project changed: new rows (and maybe a new person) at the top."""
        self._fill_people()
        self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        change = index.data(Role.CHANGE)
        if isinstance(change, Change) and change.exists and change.requirement_uid:
            self.requirement_chosen.emit(change.requirement_uid)


def show_change_log(
    parent: QWidget, session: ProjectSession, select: Callable[[str], None]
) -> ChangeLogDialog:
    """Show the change log of `session` (raising the one already open), with
    double-clicked requirements going to `select`."""
    return show_project_window(
        parent, ChangeLogDialog, session, lambda: ChangeLogDialog(session, parent), select
    )
