"""The requirement pane: a filter bar above the requirement tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from pmdesk.app.labels import not_assessed_label, priority_label, status_label
from pmdesk.app.search.highlight import HighlightDelegate
from pmdesk.app.session import ProjectSession
from pmdesk.app.tree.maps import TreeMaps
from pmdesk.app.tree.model import NOT_ASSESSED, Column, RequirementTreeModel
from pmdesk.app.tree.view import RequirementTreeView
from pmdesk.core.domain import vocabulary

if TYPE_CHECKING:
    from pmdesk.core.ops import Effect

AUTO_EXPAND_LIMIT = 2000  # expanding more rows than this would cost more than it shows


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

        self.search = QLineEdit(self)
        self.search.setObjectName("treeSearch")
        self.search.setPlaceholderText(self.tr("Filter by key or title…"))
        self.search.setClearButtonEnabled(True)
        self.status = self._combo(
            self.tr("Status"), [(status_label(s), s) for s in vocabulary.STATUSES]
        )
        self.priority = self._combo(
            self.tr("Priority"),
            [(priority_label(p), p) for p in vocabulary.PRIORITIES]
            + [(not_assessed_label(), NOT_ASSESSED)],
        )
        self.owner = self._combo(self.tr("Owner"), [])
        self.release = self._combo(self.tr("Release"), [])
        # Shown once the project has personas (schema 7); "none" finds stories without.
        self.persona = self._combo(self.tr("Persona"), [])
        self.persona.setObjectName("treePersona")
        self._persona_items: list[tuple[str, str]] | None = None  # None: read them again
        self.refill_choices()

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(4)
        for combo in (self.status, self.priority, self.owner, self.release, self.persona):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
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
        for combo in (self.status, self.priority, self.owner, self.release, self.persona):
            combo.currentIndexChanged.connect(self.apply_filter)
        self._last_current: str | None = None
        self._expanded: list[str] = []  # open rows, kept across a merge's re-read
        self.model.modelAboutToBeReset.connect(self._remember_expanded)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        session.changed.connect(self._project_changed)

    def _combo(self, any_text: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(any_text, None)  # the field's name stands for "any"
        combo.setToolTip(any_text)
        for text, value in items:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
        return combo

    def refill_choices(self) -> None:
        """The filter's lists of owners, releases and personas, read again."""
        if self._persona_items is None and self.session.ready:  # read again after a change
            personas = self.session.project.personas()
            self._persona_items = [(p.name, p.uid) for p in personas]
            if personas:
                self._persona_items.append((self.tr("No persona"), NOT_ASSESSED))
        persona_items = self._persona_items or []
        self.persona.setVisible(bool(persona_items))
        for combo, items in (
            (self.owner, [(o, o) for o in self.model.owners()]),
            (self.release, [(name, uid) for uid, name in self.model.releases()]),
            (self.persona, persona_items),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in items:
                combo.addItem(text, value)
            found = combo.findData(chosen)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        if any(e.entity == "persona" or e.action == "reloaded" for e in effects):
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

    def filter_values(self) -> dict[str, str | None]:
        """The filter as `RequirementTreeModel.matching` takes it (text, status, …)."""
        return {
            "text": self.search.text(),
            "status": self.status.currentData(),
            "priority": self.priority.currentData(),
            "owner": self.owner.currentData(),
            "release": self.release.currentData(),
            "persona": self.persona.currentData(),
        }

    def apply_filter(self) -> None:
        values = self.filter_values()
        self.highlight.set_query(values["text"] or "")
        persona = values["persona"]
        visible = self.model.matching(
            values.pop("text") or "",
            status=values["status"],
            priority=values["priority"],
            owner=values["owner"],
            release=values["release"],
            persona=persona,
            persona_of=self.session.project.persona_requirements() if persona else None,
        )
        self.filter_applied.emit()
        if visible is None and not self.model.filtering:
            return  # nothing to undo: keep what the user expanded
        current = self.view.current_uid()
        # The model resets: the view forgets what was expanded and lays out only
        # the top level (hundreds of expanded rows took seconds at 100,000).
        self.model.set_visible(visible)
        if visible is not None and len(visible) <= AUTO_EXPAND_LIMIT:
            self.view.expandAll()
        if current is not None and (visible is None or current in visible):
            self.view.select_uid(current)  # keep the user's place

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.FocusIn:
            self.model.prepare_search()
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
    """Whether `effect` can change the filter's lists of owners, releases and personas."""
    if effect.action == "reloaded" or effect.entity in ("release", "persona"):
        return True
    if effect.entity != "requirement":
        return False
    return effect.action in ("inserted", "removed") or "owner" in effect.fields
