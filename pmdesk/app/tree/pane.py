"""The requirement pane: a filter bar above the requirement tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pmdesk.app.labels import (
    kano_label,
    kind_label,
    not_assessed_label,
    priority_label,
    status_label,
)
from pmdesk.app.search.highlight import HighlightDelegate
from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.criteria import FILTERED_KINDS, NONE, Criteria, find_matches
from pmdesk.app.tree.filter_bar import FilterBar
from pmdesk.app.tree.maps import TreeMaps
from pmdesk.app.tree.model import Column, RequirementTreeModel
from pmdesk.app.tree.view import RequirementTreeView
from pmdesk.core.domain import vocabulary
from pmdesk.core.queries.criteria import RANGED_KINDS

if TYPE_CHECKING:
    from pmdesk.app.tasks import TaskRunner
    from pmdesk.core.ops import Effect

AUTO_EXPAND_LIMIT = 2000  # expanding more rows than this would cost more than it shows
SMALL_PROJECT = 5000  # requirements: building the search index on the first filter is quick
# Matches beyond keys and titles taken from the search index: ranking each costs
# ~40 µs, so 1,000 keep typing fluid (Find in Project lists every match).
TEXT_LIMIT = 1000


class TreePane(QWidget):
    selection_changed = Signal(object)  # the current requirement uid, or None
    filter_applied = Signal()  # the filter changed (the backlog table follows it)

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        tree: TreeMaps | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RequirementTreeModel(session, tree)
        self.view = RequirementTreeView(session, self.model, self)

        self.bar = FilterBar(self)
        self.search = self.bar.search
        self.fields = self.bar.fields
        self.fields["status"].set_items([(status_label(s), s) for s in vocabulary.STATUSES])
        self.fields["priority"].set_items(
            [(priority_label(p), p) for p in vocabulary.PRIORITIES] + [(not_assessed_label(), NONE)]
        )
        self.fields["kind"].set_items([(kind_label(k), k) for k in vocabulary.KINDS])
        self.fields["kano"].set_items(
            [(kano_label(k), k) for k in vocabulary.KANO] + [(not_assessed_label(), NONE)]
        )
        # Read when their list opens: tags need every requirement's row.
        self.fields["tags"].menu_.aboutToShow.connect(self._fill_tags)
        self.fields["lane"].menu_.aboutToShow.connect(self._fill_lanes)
        # A list of Kano, lanes, personas or dates opened: read the rows such a
        # filter needs meanwhile (on `tasks`, once the workspace gives it).
        self.tasks: TaskRunner | None = None
        for name in ("kano", "lane", "persona"):
            self.fields[name].menu_.aboutToShow.connect(self._read_rows_ahead)
        dates_menu = self.bar.dates.menu()
        assert dates_menu is not None
        dates_menu.aboutToShow.connect(self._read_rows_ahead)
        self._reading: set[str] | None = None  # read ahead: requirements edited meanwhile
        self._reads = 0  # the latest read ahead's number: only its answer is taken
        self.empty = QLabel(self.tr("No requirements match"), self)
        self.empty.setObjectName("treeNoMatch")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)
        self._persona_items: list[tuple[str, str]] | None = None  # None: read them again
        self.matches: set[str] | None = None  # the filter's matches (None: no filter)
        self._rows: dict[str, tuple[object, ...]] | None = None  # backlog rows, by uid
        self._changed: dict[str, set[str]] = {}  # changed since a baseline, by its uid
        self._unfiltered_open: list[str] | None = None  # expanded before the filter
        self.refill_choices()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        # The words looked for, highlighted in the titles (app/search/highlight.py).
        # The view's one delegate: a column's own would keep watching an inline
        # editor the view drops when the filter resets the model (Qt warns).
        self.highlight = HighlightDelegate(Column.TITLE, self.view)
        self.view.setItemDelegate(self.highlight)

        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.search.installEventFilter(self)
        self.bar.changed.connect(self.apply_filter)
        self._last_current: str | None = None
        self._expanded: list[str] = []  # open rows, kept across a merge's re-read
        self.model.modelAboutToBeReset.connect(self._remember_expanded)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        session.changed.connect(self._project_changed)

    def refill_choices(self) -> None:
        """The filter's lists of owners, releases, personas and baselines, read again."""
        if self._persona_items is None and self.session.ready:  # read again after a change
            personas = self.session.project.personas()
            self._persona_items = [(p.name, p.uid) for p in personas]
            if personas:
                self._persona_items.append((self.tr("No persona"), NONE))
        if self.session.ready:  # a few names (their snapshots are not read)
            baselines = self.session.project.baselines()
            self.bar.set_baselines([(b.uid, b.name) for b in baselines])
        persona_items = self._persona_items or []
        self.fields["persona"].setVisible(bool(persona_items))
        self.fields["owner"].set_items(
            [(o, o) for o in self.model.owners()] + [(self.tr("Nobody"), NONE)]
        )
        self.fields["release"].set_items(
            [(name, uid) for uid, name in self.model.releases()] + [(self.tr("No release"), NONE)]
        )
        self.fields["persona"].set_items(persona_items)
        review = self.needs_review_uids() is not None
        self.bar.needs_review.setVisible(review)
        if self.session.ready:  # schema 9: the custom fields one can filter by
            fields = self.session.project.custom_fields()
            self.bar.set_custom_fields(
                [(f.uid, f.name, f.options) for f in fields if f.kind in FILTERED_KINDS],
                self._custom_people,
            )
            self.bar.set_range_fields(  # text, number, date: a text to hold, or a range
                [(f.uid, f.name, f.kind) for f in fields if f.kind in RANGED_KINDS]
            )

    def _fill_tags(self) -> None:
        tags: set[str] = set()
        from pmdesk.core.queries.backlog import TAGS

        for row in self._backlog_rows().values():
            tags.update(row[TAGS])  # type: ignore[arg-type]
        self.fields["tags"].set_items([(t, t) for t in sorted(tags)] + [(self.tr("No tags"), NONE)])

    def _custom_people(self, field: str) -> list[str]:
        """The people a person custom field names, sorted (its filter's list)."""
        values = self.session.project.custom_values().values()
        return sorted({str(v[field]) for v in values if v.get(field)})

    def _fill_lanes(self) -> None:
        lanes = self.session.project.lanes()
        self.fields["lane"].set_items(
            [(lane.name, lane.uid) for lane in lanes] + [(self.tr("No lane"), NONE)]
        )

    def _backlog_rows(self) -> dict[str, tuple[object, ...]]:
        """Every requirement's backlog row (kano, lane, persona, tags, dates), kept
        until the next edit."""
        if self._rows is None:
            from pmdesk.core.queries.backlog import FILTERED  # only the filter's columns

            rows = self.session.project.backlog_rows(only=FILTERED)
            self._rows = {row[0]: row for row in rows}
        return self._rows

    def _read_rows_ahead(self) -> None:
        """Read the rows off the GUI thread while the user picks from a list (a
        read of every requirement takes a second at 100,000); an edit meanwhile
        leaves them unused (the filter reads them itself, as without this)."""
        if self.tasks is None or self._rows is not None or self._reading is not None:
            return
        if not self.session.ready:
            return
        from pmdesk.core.queries.backlog import FILTERED

        project, self._reading, self._reads = self.session.project, set(), self._reads + 1
        number = self._reads
        self.tasks.run(
            lambda: project.backlog_rows(only=FILTERED),
            lambda rows: self._rows_read(number, rows),
            lambda _error: self._rows_read(number, None),
        )

    def _rows_read(self, number: int, rows: list[tuple[object, ...]] | None) -> None:
        edited, current = self._reading, number == self._reads
        if current:
            self._reading = None
        if not current or rows is None or edited or self._rows is not None:
            return  # stale (an edit or a merge meanwhile), failed, or read by a filter
        self._rows = {str(row[0]): row for row in rows}

    def _follow_rows(self, effects: tuple[Effect, ...]) -> None:
        """Keep the backlog rows in step: the edited requirements read again (a
        whole read is 1-2 s at 100,000, too slow for each edit under a filter)."""
        if self._rows is None:
            if self._reading is not None:  # being read ahead: note what changed
                self._reading.update(e.uid for e in effects)
            return
        if any(e.action == "reloaded" or e.entity in ("lane", "persona") for e in effects):
            self._rows = None  # a merge, or a lane or persona gone from its requirements
            return
        edited = {e.uid for e in effects if e.entity == "requirement"}
        for effect in effects:
            if effect.entity == "requirement" and effect.action == "removed":
                self._rows.pop(effect.uid, None)
                edited.discard(effect.uid)
        if edited:
            from pmdesk.core.queries.backlog import FILTERED

            for row in self.session.project.backlog_rows(edited, only=FILTERED):
                self._rows[row[0]] = row

    def needs_review_uids(self) -> set[str] | None:
        """The requirements at either end of a link to review (a suspect link:
        core/queries/trace.py); None while the project is still opening."""
        if not self.session.ready:
            return None
        return set(self.session.project.suspect_requirements())

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        self._follow_rows(effects)
        self._changed = {}
        if any(e.entity in ("persona", "baseline") or e.action == "reloaded" for e in effects):
            self._persona_items = None
        if any(_changes_choices(e) for e in effects):
            self.refill_choices()  # a walk over every row: only when it can differ
        if any(e.action == "reloaded" for e in effects):
            # The model was read again (a merge): filter it as before and keep the
            # requirement the user was on, if it is still there.
            self.apply_filter()
            self._expand_again()
            uid = self._last_current
            if uid is None or self.model.index_of(uid).row() < 0:
                first = self.model.shown_children_of(None)
                uid = first[0] if first else None
            self.view.select_uid(uid)
            return
        if self.model.filtering:
            self.apply_filter()

    def _remember_expanded(self) -> None:
        """Before the model resets: which rows the user has open (walking only
        open rows, so a large collapsed tree costs nothing)."""
        expanded: list[str] = []
        pending = [self.model.index_of(u) for u in self.model.shown_children_of(None)]
        while pending:
            index = pending.pop()
            uid = self.model.uid_at(index)
            if uid is None or not self.view.isExpanded(index):
                continue
            expanded.append(uid)
            pending += [self.model.index_of(c) for c in self.model.shown_children_of(uid)]
        self._expanded = expanded

    def _expand_again(self) -> None:
        """After a merge re-read the tree: open again what was open (parents first)."""
        for uid in self._expanded:
            index = self.model.index_of(uid)
            if index.isValid():
                self.view.expand(index)

    def criteria(self) -> Criteria:
        return self.bar.criteria()

    def matched_uids(self) -> set[str] | None:
        """The requirements the filter matches, without their ancestors (None: no
        filter): what the backlog, the roadmap, the status bar and export follow."""
        return self.matches

    def _find(self, criteria: Criteria) -> set[str] | None:
        if not criteria.active:
            return None
        project = self.session.project
        found: set[str] | None = None
        text = criteria.text.strip()
        if text:
            found = set(self.model.prepare_search().find(text))
            found |= self._found_in_text(text)
        changed = None
        if criteria.baseline:
            changed = self._changed.get(criteria.baseline)
            if changed is None:
                comparison = project.compare_baseline(criteria.baseline)
                changed = set()
                if comparison is not None:
                    changed = {r.uid for r in comparison.added}
                    changed |= {r.uid for r, _ in comparison.changed}
                self._changed[criteria.baseline] = changed
        return find_matches(
            self.model.rows(),
            criteria,
            found=found,
            rows=self._backlog_rows() if criteria.needs_rows else None,
            changed=changed,
            review=self.needs_review_uids() if criteria.needs_review else None,
            custom=project.custom_values() if criteria.needs_custom else None,
        )

    def _found_in_text(self, text: str) -> set[str]:
        """Requirements whose description, owner, tags, source… hold `text`, from
        the core's search index (only once built: building it takes half a
        minute at 100,000, so a large project waits for Find in Project to build it)."""
        project = self.session.project
        if not project.search_ready and self.model.count() > SMALL_PROJECT:
            return set()
        results = project.search(text, limit=TEXT_LIMIT)
        return {m.uid for m in results.matches if m.entity == "requirement"}

    def apply_filter(self) -> None:
        criteria = self.bar.criteria()
        self.highlight.set_query(criteria.text.strip())
        matches = self._find(criteria)
        self.matches = matches
        self.empty.setVisible(matches is not None and not matches)
        visible = None if matches is None else self.model.with_ancestors(matches)
        if visible is None and not self.model.filtering:
            self.filter_applied.emit()
            return  # nothing to undo: keep what the user expanded
        current = self.view.current_uid()
        if not self.model.filtering:
            self._remember_expanded()
            self._unfiltered_open = list(self._expanded)
        # The model resets: the view forgets what was expanded and lays out only
        # the top level (hundreds of expanded rows took seconds at 100,000).
        self.model.set_visible(visible, matches)
        if visible is not None and len(visible) <= AUTO_EXPAND_LIMIT:
            self.view.expandAll()
        if visible is None and self._unfiltered_open is not None:
            self._expanded, self._unfiltered_open = self._unfiltered_open, None
            self._expand_again()  # as the user had it before filtering
        if current is not None and (visible is None or current in visible):
            self.view.select_uid(current)  # keep the user's place
        self.filter_applied.emit()

    def clear_filter(self) -> None:
        self.bar.clear()

    def set_criteria(self, criteria: Criteria) -> None:
        """Filter by `criteria` at once (a saved view chosen): the lists read only
        when opened (tags, lanes) are filled first, so their values can be ticked."""
        self._timer.stop()
        if criteria.choices.get("tags"):
            self._fill_tags()
        if criteria.choices.get("lane"):
            self._fill_lanes()
        self.bar.set_criteria(criteria)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.FocusIn:
            self.model.prepare_search()
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.bar.criteria().active
        ):
            self._timer.stop()
            self.clear_filter()
            return True
        return False

    def lock_editing(self) -> None:
        """Read-only: the tree edits nothing; filtering stays."""
        self.view.lock_editing()

    def focus_filter(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        uid = self.view.current_uid()
        if uid is not None:
            self._last_current = uid
        self.selection_changed.emit(uid)


def _changes_choices(effect: Effect) -> bool:
    """Whether `effect` can change the filter's lists of owners, releases, personas
    and baselines."""
    if effect.action == "reloaded" or effect.entity in (
        "release",
        "persona",
        "baseline",
        "custom_field",
    ):
        return True
    if effect.entity != "requirement":
        return False
    return effect.action in ("inserted", "removed") or "owner" in effect.fields
