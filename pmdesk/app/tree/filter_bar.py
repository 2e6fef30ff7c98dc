"""The tree's filter bar: the text box, a list of values per field, dates and
"changed since a baseline". It says what is asked (`criteria()`); the pane
finds the matches."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from pmdesk.app.tree.choice_button import ChoiceButton
from pmdesk.app.tree.criteria import CUSTOM, NONE, Criteria, DateRange
from pmdesk.app.tree.range_button import RangeButton

ISO = "yyyy-MM-dd"
COLUMNS = 4  # buttons a row: "2 statuses" still fits a narrow tree pane


class DatesButton(QToolButton):
    """A date range in a drop-down: on or off, first and last day, and whether
    requirements must lie within it or only overlap it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        panel = QWidget(self)
        form = QFormLayout(panel)
        self.on = QCheckBox(self.tr("Filter by dates"), panel)
        today = QDate.currentDate()
        self.first = QDateEdit(today.addMonths(-1), panel)
        self.last = QDateEdit(today.addMonths(2), panel)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(ISO)
        self.mode = QComboBox(panel)
        self.mode.addItem(self.tr("Start and end within"), False)
        self.mode.addItem(self.tr("Overlapping the range"), True)
        form.addRow(self.on)
        form.addRow(self.tr("From:"), self.first)
        form.addRow(self.tr("To:"), self.last)
        form.addRow(self.mode)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(panel)
        menu.addAction(holder)
        self.setMenu(menu)
        self.on.toggled.connect(self._changed)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._changed_if_on)
        self.mode.currentIndexChanged.connect(self._changed_if_on)
        self._show()

    def range(self) -> DateRange | None:
        if not self.on.isChecked():
            return None
        first, last = self.first.date().toString(ISO), self.last.date().toString(ISO)
        return DateRange(first, last, bool(self.mode.currentData()))

    def set_range(self, dates: DateRange | None) -> None:
        for widget in (self.on, self.first, self.last, self.mode):
            widget.blockSignals(True)
        self.on.setChecked(dates is not None)
        if dates is not None:
            self.first.setDate(QDate.fromString(dates.first, ISO))
            self.last.setDate(QDate.fromString(dates.last, ISO))
            self.mode.setCurrentIndex(1 if dates.overlapping else 0)
        for widget in (self.on, self.first, self.last, self.mode):
            widget.blockSignals(False)
        self._changed()

    def _changed_if_on(self) -> None:
        if self.on.isChecked():
            self._changed()

    def _changed(self) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        dates = self.range()
        self.setText(self.tr("Dates") if dates is None else f"{dates.first} – {dates.last}")
        font = self.font()
        font.setBold(dates is not None)
        self.setFont(font)


def _counted(name: str) -> Callable[[int], str]:
    """What a custom field's button says with several values chosen: "Team: 2"."""
    return lambda count: f"{name}: {count}"


def _people_filler(
    button: ChoiceButton, field: str, people: Callable[[str], list[str]], none: str
) -> Callable[[], None]:
    """Fill a person field's list when it opens: the names its values hold now."""
    return lambda: button.set_items([(p, p) for p in people(field)] + [(none, NONE)])


class FilterBar(QWidget):
    changed = Signal()  # a list, dates or baseline changed (the text has textChanged)
    fold_changed = Signal(bool)  # the lists were folded away (True) or shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("treeSearch")
        self.search.setPlaceholderText(
            self.tr("Filter by key, title, description, owner, tag or source…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Ctrl+F to filter, Escape to clear"))
        self.fields: dict[str, ChoiceButton] = {}
        named: list[tuple[str, str, Callable[[int], str]]] = [
            ("status", self.tr("Status"), lambda n: self.tr("%1 statuses").replace("%1", str(n))),
            (
                "priority",
                self.tr("Priority"),
                lambda n: self.tr("%1 priorities").replace("%1", str(n)),
            ),
            ("owner", self.tr("Owner"), lambda n: self.tr("%1 owners").replace("%1", str(n))),
            ("release", self.tr("Release"), lambda n: self.tr("%1 releases").replace("%1", str(n))),
            ("persona", self.tr("Persona"), lambda n: self.tr("%1 personas").replace("%1", str(n))),
            ("kind", self.tr("Kind"), lambda n: self.tr("%1 kinds").replace("%1", str(n))),
            ("tags", self.tr("Tags"), lambda n: self.tr("%1 tags").replace("%1", str(n))),
            ("kano", self.tr("Kano"), lambda n: self.tr("%1 Kano types").replace("%1", str(n))),
            ("lane", self.tr("Lane"), lambda n: self.tr("%1 lanes").replace("%1", str(n))),
        ]
        for name, text, several in named:
            button = ChoiceButton(text, several, self)
            button.setObjectName(f"filter_{name}")
            button.changed.connect(self.changed)
            self.fields[name] = button
        self.dates = DatesButton(self)
        self.dates.changed.connect(self.changed)
        self.baseline = QComboBox(self)
        self.baseline.setToolTip(self.tr("Only requirements added or changed since a baseline"))
        self.baseline.addItem(self.tr("Since baseline"), None)
        self.baseline.currentIndexChanged.connect(self.changed)
        # "Needs review" (suspect links) shows once the core can say which
        # requirements need it: see TreePane.needs_review_uids.
        self.needs_review = QCheckBox(self.tr("Needs review"), self)
        self.needs_review.setVisible(False)
        self.needs_review.toggled.connect(self.changed)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        widgets: list[QWidget] = [*self.fields.values(), self.dates, self.baseline]
        for n, widget in enumerate(widgets):
            grid.addWidget(widget, n // COLUMNS, n % COLUMNS)
        grid.addWidget(self.needs_review, len(widgets) // COLUMNS, len(widgets) % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        for widget in widgets:
            widget.setMinimumWidth(20)
            # Narrow panes squeeze the buttons rather than growing the pane.
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # The lists fold away (a laptop's tree pane gets their rows back); the
        # button beside the text box says how many of them filter meanwhile.
        self.fold = QToolButton(self)
        self.fold.setObjectName("filterFold")
        self.fold.setCheckable(True)
        self.fold.setChecked(True)
        self.fold.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fold.setArrowType(Qt.ArrowType.UpArrow)
        self.fold.setToolTip(self.tr("Show or hide the filter lists"))
        self.fold.toggled.connect(self._folded)
        self.search_row = QHBoxLayout()  # the text box, and tools beside it (saved views)
        self.search_row.setSpacing(4)
        self.search_row.addWidget(self.search, 1)
        self.search_row.addWidget(self.fold)
        layout.addLayout(self.search_row)
        self.lists = QWidget(self)
        lists = QVBoxLayout(self.lists)
        lists.setContentsMargins(0, 0, 0, 0)
        lists.setSpacing(4)
        lists.addLayout(grid)
        layout.addWidget(self.lists)
        # Schema 9: a list of values per choice, choices or person custom field.
        self.custom: dict[str, ChoiceButton] = {}
        self.ranges: dict[str, RangeButton] = {}  # text, number and date fields, after
        self._custom_grid = QGridLayout()
        self._custom_grid.setContentsMargins(0, 0, 0, 0)
        self._custom_grid.setSpacing(4)
        for column in range(COLUMNS):
            self._custom_grid.setColumnStretch(column, 1)
        lists.addLayout(self._custom_grid)
        self.changed.connect(self._count_filters)
        self._count_filters()

    # -- folding -------------------------------------------------------------------
    @property
    def folded(self) -> bool:
        return not self.fold.isChecked()

    def set_folded(self, folded: bool) -> None:
        self.fold.setChecked(not folded)

    def _folded(self, shown: bool) -> None:
        self.lists.setVisible(shown)
        self.fold.setArrowType(Qt.ArrowType.UpArrow if shown else Qt.ArrowType.DownArrow)
        self.fold_changed.emit(not shown)

    def active_lists(self) -> int:
        """How many lists, ranges, the dates, the baseline and "needs review" filter."""
        criteria = self.criteria()
        return (
            len(criteria.choices)
            + len(criteria.ranges)
            + (criteria.dates is not None)
            + (criteria.baseline is not None)
            + criteria.needs_review
        )

    def _count_filters(self) -> None:
        count = self.active_lists()
        text = self.tr("Filters")
        self.fold.setText(f"{text} ({count})" if count else text)

    def set_custom_fields(
        self, fields: list[tuple[str, str, tuple[str, ...]]], people: Callable[[str], list[str]]
    ) -> None:
        """The custom fields to filter by, (uid, name, options) each (no options:
        a person field, its names read by `people` when its list opens)."""
        wanted = [uid for uid, _, _ in fields]
        gone = [uid for uid in self.custom if uid not in wanted]
        filtered = any(self.custom[uid].values() for uid in gone)
        for uid in gone:
            button = self.custom.pop(uid)
            self._custom_grid.removeWidget(button)
            button.deleteLater()
        none = self.tr("No value")
        for n, (uid, name, options) in enumerate(fields):
            found = self.custom.get(uid)
            if found is not None:
                button = found
            else:
                button = ChoiceButton(name, _counted(name), self)
                button.setObjectName(f"filter_custom_{uid}")
                button.setMinimumWidth(20)
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                button.changed.connect(self.changed)
                if not options:
                    button.menu_.aboutToShow.connect(_people_filler(button, uid, people, none))
                self.custom[uid] = button
            button.setToolTip(name)
            if options:
                button.set_items([(o, o) for o in options] + [(none, NONE)])
            self._custom_grid.addWidget(button, n // COLUMNS, n % COLUMNS)
        if filtered:
            self.changed.emit()

    def set_range_fields(self, fields: list[tuple[str, str, str]]) -> None:
        """The text, number and date custom fields to filter by, (uid, name, kind) each,
        laid out after the list fields (call after `set_custom_fields`)."""
        wanted = {uid: (name, kind) for uid, name, kind in fields}
        gone = [
            uid for uid, b in self.ranges.items() if (b.name, b.kind) != wanted.get(uid, ("", ""))
        ]
        filtered = any(self.ranges[uid].value_range().active for uid in gone)
        for uid in gone:
            button = self.ranges.pop(uid)
            self._custom_grid.removeWidget(button)
            button.deleteLater()
        for n, (uid, name, kind) in enumerate(fields, start=len(self.custom)):
            button = self.ranges.get(uid) or RangeButton(name, kind, self)
            if uid not in self.ranges:
                button.setObjectName(f"filter_range_{uid}")
                button.setMinimumWidth(20)
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                button.changed.connect(self.changed)
                self.ranges[uid] = button
            self._custom_grid.addWidget(button, n // COLUMNS, n % COLUMNS)
        if filtered:
            self.changed.emit()

    def add_tool(self, widget: QWidget) -> None:
        """A tool beside the text box (app/views puts its Views button here)."""
        self.search_row.addWidget(widget)
        widget.show()  # the bar may be on screen already
        QWidget.setTabOrder(self.search, widget)  # Tab from the text box reaches it

    def set_baselines(self, named: list[tuple[str, str]]) -> None:
        """The baselines to compare with, (uid, name) oldest first."""
        chosen = self.baseline.currentData()
        self.baseline.blockSignals(True)
        while self.baseline.count() > 1:
            self.baseline.removeItem(1)
        for uid, name in named:
            self.baseline.addItem(self.tr("Changed since %1").replace("%1", name), uid)
        found = self.baseline.findData(chosen)
        self.baseline.setCurrentIndex(max(found, 0))
        self.baseline.setVisible(bool(named))
        self.baseline.blockSignals(False)
        if chosen is not None and found < 0:
            self.changed.emit()

    def criteria(self) -> Criteria:
        return Criteria(
            text=self.search.text(),
            choices={name: b.values() for name, b in self.fields.items() if b.values()}
            | {CUSTOM + uid: b.values() for uid, b in self.custom.items() if b.values()},
            dates=self.dates.range(),
            baseline=self.baseline.currentData(),
            needs_review=self.needs_review.isVisible() and self.needs_review.isChecked(),
            ranges={
                uid: b.value_range() for uid, b in self.ranges.items() if b.value_range().active
            },
        )

    def set_criteria(self, criteria: Criteria) -> None:
        """Ask for `criteria` (a saved view's): one change signal. A value no list
        offers any more (an owner gone, a baseline deleted) is left out."""
        self.blockSignals(True)
        try:
            self.search.blockSignals(True)
            self.search.setText(criteria.text)
            self.search.blockSignals(False)
            for name, button in self.fields.items():
                button.set_values(criteria.choices.get(name, ()))
            for uid, button in self.custom.items():  # schema 9: a custom field's values
                button.set_values(criteria.choices.get(CUSTOM + uid, ()))
            for uid, ranged in self.ranges.items():
                ranged.set_range(criteria.ranges.get(uid))
            self.dates.set_range(criteria.dates)
            self.baseline.setCurrentIndex(max(self.baseline.findData(criteria.baseline), 0))
            self.needs_review.setChecked(criteria.needs_review)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def clear(self) -> None:
        """Everything back to "any" (one change signal per field that filtered)."""
        self.blockSignals(True)
        try:
            self.search.clear()
            for button in (*self.fields.values(), *self.custom.values()):
                button.clear()
            for ranged in self.ranges.values():
                ranged.clear()
            self.dates.set_range(None)
            self.baseline.setCurrentIndex(0)
            self.needs_review.setChecked(False)
        finally:
            self.blockSignals(False)
        self.changed.emit()
