"""The roadmap pane: tools (zoom, colouring, snapping), the timeline, its legend
and the list of scheduling problems.

The pane reads the roadmap through core queries and lays it out in core; a
drag or a key that moves a bar becomes one `Update` of the requirement through
the session, so it is one undo step named for what it did, and the pane redraws
from `session.changed` like every other pane: an edit that moves no bar (a title,
a status, a priority) from the values its effects carry, without reading or laying
out the roadmap again (a bar rejected leaves a hole in its lane, packed again on
the task thread once edits pause); anything else by reading and laying out the
whole roadmap.
Releases, milestones and lanes are edited on the timeline too (`editing`: its
context menus, and the operations its margins' drags and keys become).
A switch in the tools shows the roadmap as Now / Next / Later instead of dates
(`horizons_panel`; Ctrl+Shift+N toggles), remembered per project file. The
colouring and snapping chosen are kept in the settings; the drawing follows
the app's light or dark theme. While the pane is hidden (a tab behind Details)
it only notes that it is out of date, so edits elsewhere never pay for a
roadmap nobody looks at.
"""

from __future__ import annotations

import collections
import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeySequence,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.roadmap.editing import RoadmapEditing
from pmdesk.app.roadmap.horizons_panel import HorizonsPanel
from pmdesk.app.roadmap.legend import LegendBar
from pmdesk.app.roadmap.texts import fill, ui_texts
from pmdesk.app.roadmap.view import RoadmapView
from pmdesk.app.session import ProjectSession
from pmdesk.app.settings import AppSettings
from pmdesk.app.tasks import TaskRunner
from pmdesk.app.tree.pane import TreePane
from pmdesk.core.analysis.moscow import board_releases, over_capacity_releases, touches_load
from pmdesk.core.ops import Effect, Operation, Update
from pmdesk.core.queries.roadmap import roadmap_data
from pmdesk.core.roadmap.layout import Bar, Conflict, RoadmapLayout
from pmdesk.core.roadmap.update import RoadmapState, may_update
from pmdesk.export.roadmap_style import (
    COLOR_BY,
    DARK,
    LIGHT,
    ColorBy,
    bar_colors,
    legend_entries,
    release_colors,
)

UID_ROLE = Qt.ItemDataRole.UserRole + 1
LEGEND_FIELD: dict[ColorBy, str] = {
    "status": "status",
    "priority": "priority",
    "release": "release_uid",
}
SETTLE_MS = 300  # after the last edit that left a lane unpacked: pack it (`_settle`)
# Edits kept while the roadmap's tab is behind another; more, and it reads anew when shown.
WAITING_MAX = 50_000
ROADMAP_ENTITIES = frozenset({"requirement", "release", "milestone", "lane", "link"})
MODES = ("timeline", "horizons")  # the roadmap by dates, or as Now / Next / Later
MODE_KEY = "Ctrl+Shift+N"


class RoadmapPane(QWidget):
    selection_changed = Signal(str)  # a bar was clicked
    details_requested = Signal(str)  # a bar was double-clicked
    refreshed = Signal()  # the timeline shows the project as it is now (tests wait on it)
    settled = Signal()  # the lanes a rejected bar left a hole in are packed (`_settle`)

    def __init__(
        self,
        session: ProjectSession,
        tasks: TaskRunner,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.texts = ui_texts()
        self.layout_shown: RoadmapLayout | None = None
        self._state: RoadmapState | None = None  # what layout_shown was made from
        # How many bars show each value the legend names (statuses, …): a restyled bar
        # changes the legend only when a value appears or goes.
        self._legend_counts: collections.Counter[object] = collections.Counter()
        self._release_names: dict[str, str] = {}
        self._stale = True
        self._closed = False
        self._generation = 0
        self._shown_generation = 0  # the refresh whose layout is shown
        self._reading = False  # the read of `_generation` is under way
        # Edits made meanwhile that the read's result takes in when it lands (`_show`):
        # at 100,000 requirements a read takes seconds, and edits coming faster than
        # that (a bulk edit, then another) would throw every read away.
        self._joining: list[Effect] = []
        # Its dock's tab in front (MainWindow follows visibilityChanged): a tab behind
        # another stays "visible" to Qt with nothing of it on screen. Edits made
        # behind wait there (`_waiting`) and are shown when the tab is chosen.
        self.in_sight = True
        self._waiting: list[Effect] = []
        self._tasks = tasks  # the window's one runner (lays the roadmap out)

        self.view = RoadmapView(self)
        self.zoom_out = self._button(
            "−", self.tr("Zoom out (Ctrl+-, Ctrl+wheel)"), self._zoom_out, "Ctrl+-"
        )
        self.zoom_in = self._button(
            "+", self.tr("Zoom in (Ctrl+=, Ctrl+wheel)"), self._zoom_in, "Ctrl+=", "Ctrl++"
        )
        self.fit = self._button(
            self.tr("Fit"), self.tr("Show the whole roadmap (Ctrl+0)"), self.view.fit_all, "Ctrl+0"
        )
        self.today = self._button(self.tr("Today"), self.tr("Scroll to today"), self._to_today)
        self.color_by = QComboBox(self)
        self.color_by.setObjectName("roadmapColorBy")
        for value, text in zip(
            COLOR_BY,
            (
                self.tr("Colour by status"),
                self.tr("Colour by priority"),
                self.tr("Colour by release"),
            ),
            strict=True,
        ):
            self.color_by.addItem(text, value)
        self.snap = QComboBox(self)
        self.snap.setObjectName("roadmapSnap")
        self.snap.addItem(self.tr("Snap to days"), "day")
        self.snap.addItem(self.tr("Snap to weeks"), "week")
        self.snap.setToolTip(self.tr("Where dragged bars and ends land"))
        if settings is not None:
            self.color_by.setCurrentIndex(max(self.color_by.findData(settings.roadmap_color_by), 0))
            self.snap.setCurrentIndex(max(self.snap.findData(settings.roadmap_snap), 0))
        self.view.snap = self.snap.currentData()
        self.color_by.currentIndexChanged.connect(self._recolor)
        self.snap.currentIndexChanged.connect(self._snap_changed)

        tools = QHBoxLayout()
        tools.setContentsMargins(6, 4, 6, 0)
        tools.setSpacing(4)
        self._build_mode_switch(tools)
        for widget in (self.zoom_out, self.zoom_in, self.fit, self.today):
            tools.addWidget(widget)
        tools.addSpacing(12)
        tools.addWidget(self.color_by)
        tools.addWidget(self.snap)
        tools.addSpacing(12)
        self.legend = LegendBar(self)
        tools.addWidget(self.legend, 1)
        self.timeline_tools: tuple[QWidget, ...] = (
            self.zoom_out,
            self.zoom_in,
            self.fit,
            self.today,
            self.color_by,
            self.snap,
            self.legend,
        )
        self.horizons_hint = QLabel(self)
        self.horizons_hint.setObjectName("horizonsHint")
        self.horizons_hint.setText(
            self.tr("Drag a card to another column to set its horizon. Dashed: from its release.")
        )
        self.horizons_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a hint
        tools.addWidget(self.horizons_hint, 1)

        self.conflicts = QListWidget(self)
        self.conflicts.setObjectName("roadmapConflicts")
        self.conflicts.itemActivated.connect(self._conflict_chosen)
        self.conflicts.itemClicked.connect(self._conflict_chosen)
        self.conflicts_title = QLabel(self)
        conflicts_box = QWidget(self)
        box = QVBoxLayout(conflicts_box)
        box.setContentsMargins(6, 0, 6, 4)
        box.setSpacing(2)
        box.addWidget(self.conflicts_title)
        box.addWidget(self.conflicts)
        self.conflicts_box = conflicts_box
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(conflicts_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)
        self.conflicts.setMinimumHeight(40)
        splitter.setSizes([400, 90])

        self.horizons = HorizonsPanel(session, lambda op, text: self.push(op, text), tasks, self)
        self.horizons.setObjectName("roadmapHorizons")
        self.horizons.selection_changed.connect(self.selection_changed)
        self.horizons.details_requested.connect(self.details_requested)
        self.stack = QStackedWidget(self)
        self.timeline_box = splitter
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.horizons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)

        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        # A bar rejected leaves a hole in its lane at once (one bar repainted, within a
        # frame); the lane is packed as a full layout packs it once edits pause.
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)
        self.view.bar_clicked.connect(self.selection_changed)
        self.view.bar_activated.connect(self.details_requested)
        self.view.bar_dragged.connect(self._dragged)
        session.changed.connect(self._project_changed)
        session.changed.connect(self._mark_over_capacity)
        self._capacities = False  # a release has a capacity: edits may pass it
        self._mark_over_capacity(None)
        self.pushing = False  # an edit of this pane's is being pushed
        self.editing = RoadmapEditing(self, self)  # releases, milestones and lanes on the roadmap
        self._follow_theme()
        remembered = settings.roadmap_mode(session.path) if settings is not None else "timeline"
        self.set_mode(remembered)

    # -- the mode: timeline or Now / Next / Later -------------------------------------
    def _build_mode_switch(self, tools: QHBoxLayout) -> None:
        """Two tool buttons, one checked: the roadmap by dates or by horizon."""
        group = QActionGroup(self)
        group.setExclusive(True)
        key = QKeySequence(MODE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.mode_actions: dict[str, QAction] = {}
        texts = {
            "timeline": (self.tr("Timeline"), self.tr("The roadmap on a time axis (%1)")),
            "horizons": (
                self.tr("Now / Next / Later"),
                self.tr("The roadmap by horizon, without dates (%1)"),
            ),
        }
        for mode in MODES:
            text, tip = texts[mode]
            action = QAction(text, self)
            action.setObjectName(f"roadmapMode_{mode}")
            action.setCheckable(True)
            action.setToolTip(tip.replace("%1", key))
            action.triggered.connect(lambda _=False, m=mode: self.set_mode(m))
            group.addAction(action)
            self.mode_actions[mode] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setObjectName(f"roadmapModeButton_{mode}")
            tools.addWidget(button)
        toggle = QAction(self)
        toggle.setObjectName("roadmapModeToggle")
        toggle.setShortcut(QKeySequence(MODE_KEY))
        toggle.triggered.connect(self.toggle_mode)
        self.addAction(toggle)  # anywhere in the window, like the document pane's views
        self.mode_toggle = toggle
        tools.addSpacing(12)

    @property
    def mode(self) -> str:
        return "horizons" if self.stack.currentWidget() is self.horizons else "timeline"

    def set_mode(self, mode: str) -> None:
        """Show the timeline or the Now / Next / Later board (remembered per project)."""
        if mode not in MODES:
            mode = "timeline"
        self.mode_actions[mode].setChecked(True)
        horizons = mode == "horizons"
        self.stack.setCurrentWidget(self.horizons if horizons else self.timeline_box)
        for widget in self.timeline_tools:
            widget.setVisible(not horizons)
        self.horizons_hint.setVisible(horizons)
        if self.settings is not None:
            self.settings.save_roadmap_mode(self.session.path, mode)
        if not horizons and self._stale and self._on_screen() and not self._closed:
            self._timer.start()  # edits made meanwhile: the timeline catches up

    def toggle_mode(self) -> None:
        self.set_mode("timeline" if self.mode == "horizons" else "horizons")
        if self.mode == "horizons":
            self.horizons.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def follow_tree(self, tree_pane: TreePane) -> None:
        """The timeline's bars and the Now / Next / Later board follow the tree
        pane's filter (its matches, not their ancestors)."""
        self.horizons.follow_tree(tree_pane)
        self._filter_of = tree_pane.matched_uids
        tree_pane.filter_applied.connect(self._follow_filter)
        self._follow_filter()

    def _follow_filter(self) -> None:
        self.view.set_shown(self._filter_of())

    def _button(self, text: str, tip: str, slot: Any, *keys: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        if keys:  # while the focus is in the pane: no clash with the window's keys
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        return button

    # -- data ------------------------------------------------------------------------
    @property
    def color_mode(self) -> ColorBy:
        mode: ColorBy = self.color_by.currentData()
        return mode

    def refresh(self) -> None:
        """Read and lay out the roadmap again on a worker thread (tens of thousands of
        requirements take a while), then show it keeping zoom, scroll and selection."""
        self._timer.stop()
        if self._closed:
            return
        self._stale = False
        self._generation += 1
        self._reading, self._joining, self._waiting = True, [], []  # the read sees them
        generation, project = self._generation, self.session.project

        def work() -> RoadmapState:
            data = project.read(partial(roadmap_data, rejected=True))  # a core query
            return RoadmapState.laid_out(data, dt.date.today())

        self._tasks.run(
            work,
            lambda result: self._show(generation, result),
            lambda error: self._failed(generation, error),
        )

    @property
    def reading(self) -> bool:
        """Whether a read and layout of the roadmap is under way (on the task thread)."""
        return self._reading

    @property
    def up_to_date(self) -> bool:
        """Whether the roadmap shown is the project's (no read due or under way)."""
        return not self._stale and self._generation == self._shown_generation

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation and not self._closed:
            self._reading, self._joining = False, []
            self.conflicts.clear()
            self.conflicts_title.setText(
                self.tr("The roadmap could not be read: %1").replace("%1", str(error))
            )
            self.conflicts_box.show()

    def _show(self, generation: int, state: RoadmapState) -> None:
        if generation != self._generation or self._closed:
            return  # a newer refresh is on its way, or the project closed
        self._reading, joining, self._joining = False, self._joining, []
        if joining:  # edits made during the read (it may have seen them, or not)
            joined = state.updated(joining)
            if joined is None:  # they moved bars after all: read once more
                self._mark_stale()
                return
            state = joined
            if state.unpacked:
                self._settle_timer.start()
        layout = state.layout
        self._release_names = {r.uid: r.name for r in state.data.releases}
        self._shown_generation = generation
        self._state, self.layout_shown = state, layout
        self.view.show_layout(
            layout, self.texts, bar_colors(layout, self.color_mode), release_colors(layout)
        )
        self._show_legend()
        self._show_conflicts(layout.conflicts)
        self.refreshed.emit()

    def _mark_over_capacity(self, effects: tuple[Effect, ...] | None) -> None:
        """Mark the bands of releases whose Musts alone exceed their capacity (a
        project whose releases have no capacity pays no query for its edits)."""
        if effects is not None and not touches_load(effects):
            return
        read = self.session.project.read
        if effects is None or any(e.entity == "release" or e.action == "reloaded" for e in effects):
            self._capacities = any(r.capacity is not None for r in read(board_releases))
        over = read(over_capacity_releases) if self._capacities else frozenset()
        if over != self.view.over_capacity:
            self.view.over_capacity = over
            self.view.header.update()

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        relevant = tuple(
            e for e in effects if e.entity in ROADMAP_ENTITIES or e.action == "reloaded"
        )
        if not relevant:
            return
        if self.in_sight and self._restyle(relevant):
            return
        if not self._stale and may_update(relevant):
            if self._reading:
                self._joining.extend(relevant)  # the read under way takes them in
                if not self.pushing:
                    self.view.current = False
                return
            if not self.in_sight and len(self._waiting) < WAITING_MAX:
                self._waiting.extend(relevant)  # shown when the tab is chosen
                return
        self._mark_stale()

    def _mark_stale(self) -> None:
        """The roadmap shown is not the project's: read it again (now, if in sight)."""
        self._generation += 1  # a read under way no longer shows the project
        self._reading, self._joining, self._waiting = False, [], []  # (its result is dropped)
        if not self.pushing:  # an undo or an edit elsewhere: keys wait for the new layout
            self.view.current = False
        self._stale = True
        if self._on_screen():
            self._timer.start()

    def _on_screen(self) -> bool:
        return self.isVisible() and self.in_sight and self.mode == "timeline"

    def set_in_sight(self, visible: bool) -> None:
        """Its dock's tab was chosen (or another's): show the edits made behind."""
        self.in_sight = visible
        if not visible or self._closed:
            return
        waiting, self._waiting = tuple(self._waiting), []
        if waiting and not self._restyle(waiting):
            self._mark_stale()
        elif self._stale and self._on_screen():
            self._timer.start()

    def _restyle(self, effects: tuple[Effect, ...]) -> bool:
        """Show an edit that moves nothing (a title, a status, …) from the effects'
        values, without reading or laying out the roadmap again; a status to or from
        rejected hides or shows one bar, leaving a hole or taking a free place in its
        lane (issue 12; `_settle` packs the lane when edits pause). Only on the layout of the
        project as it was: not while a re-read is due or under way."""
        state = self._state
        if state is None or self._stale or self._generation != self._shown_generation:
            return False
        new = state.updated(effects)
        if new is None:
            return False
        renamed = {  # the releases' names the roadmap's menus and legend offer
            e.uid: str(e.values["name"])
            for e in effects
            if e.entity == "release" and "name" in e.values
        }
        if new.layout is state.layout:
            self._state = new  # nothing the roadmap shows changed (maybe what it keeps)
            self._release_names.update(renamed)  # a release without a band
            return True
        self._release_names.update(renamed)  # the legend shown below names them
        if not self._display(state, new, {e.uid for e in effects}, bool(renamed)):
            return False
        if new.unpacked:
            self._settle_timer.start()  # restarted by every such edit: pack when they pause
        return True

    def _display(
        self, state: RoadmapState, new: RoadmapState, uids: set[str], renamed: bool
    ) -> bool:
        """Show `new`, made from `state` (shown) by an edit of `uids`: the bars restyled
        or moved repainted in place, else a new geometry; False when the view cannot
        take it in place (a drag holds on to its geometry)."""
        redrawn = False
        if not new.repacked:
            if not self.view.restyle(new.layout, uids):  # bars restyled where they are
                return False
        elif not self.view.repack(new.layout, new.moved):
            # A bar shown or hidden moved rows below: a new geometry, the legend follows.
            redrawn = True
            self.view.show_layout(
                new.layout,
                self.texts,
                bar_colors(new.layout, self.color_mode),
                release_colors(new.layout),
            )
        if new.layout.conflicts is not state.layout.conflicts:  # also a release renamed
            self._show_conflicts(new.layout.conflicts)
        legend_changed = self._count_legend(state.layout, new.layout, uids)
        self._state, self.layout_shown = new, new.layout
        if legend_changed or redrawn or renamed:
            self._show_legend()  # the legend names releases too
        return True

    def _settle(self) -> None:
        """Pack the lanes a rejected bar left a hole in (or a bar taken back from
        rejected was put in a free place), as a full layout packs them, on the task
        thread; shown unless the roadmap changed meanwhile (then it waits again)."""
        state = self._state
        if state is None or not state.unpacked or self._closed:
            return
        if self._stale or self._generation != self._shown_generation:
            return  # a full read is due or under way

        def show(new: RoadmapState) -> None:
            if self._closed or self._state is not state or self._stale:
                if self._state is not None and self._state.unpacked and not self._closed:
                    self._settle_timer.start()  # edited meanwhile: settle the newer state
                return
            if not self._display(state, new, set(new.moved), False):
                self._settle_timer.start()  # a drag holds the geometry: later
                return
            self.settled.emit()

        self._tasks.run(state.settled, show, lambda error: self._failed(self._generation, error))

    def _count_legend(self, old: RoadmapLayout, new: RoadmapLayout, uids: set[str]) -> bool:
        """Count the values coloured (statuses, …) of the bars of `uids` anew; True when
        a value appeared or went, so the legend changes (a scan of every bar otherwise)."""
        name, counts = LEGEND_FIELD[self.color_mode], self._legend_counts
        before = set(counts)  # a handful of values
        for uid in uids:
            if (bar := old.bar(uid)) is not None:
                value = getattr(bar, name)
                counts[value] -= 1
                if counts[value] <= 0:
                    del counts[value]
            if (bar := new.bar(uid)) is not None:
                counts[getattr(bar, name)] += 1
        return set(counts) != before

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._closed and self._on_screen():
            self._timer.start()

    def lock_editing(self) -> None:
        """Read-only: bars and cards are selected, never dragged."""
        self.view.read_only = True
        self.horizons.lock_editing()

    def shutdown(self) -> None:
        """The project is closing: never read it again (a show or a timer may still come)."""
        self._closed = True
        self.horizons.closed = True
        self._timer.stop()
        self._settle_timer.stop()
        self._tasks.wait()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_theme()

    def _follow_theme(self) -> None:
        """The dark drawing on a dark theme (app/theme.py sets the app's palette)."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        palette = DARK if dark else LIGHT
        if palette is not self.view.chart_palette or palette is not self.legend.chart_palette:
            self.view.set_chart_palette(palette)
            self.legend.chart_palette = palette
            self.legend.update()
            self.horizons.view.chart_palette = palette
            self.horizons.view.update()

    def _recolor(self) -> None:
        if self.settings is not None:
            self.settings.roadmap_color_by = self.color_mode
        layout = self.layout_shown
        if layout is not None:
            self.view.set_colors(bar_colors(layout, self.color_mode), release_colors(layout))
            self._show_legend()

    def _show_legend(self) -> None:
        layout, geo = self.layout_shown, self.view.geo
        if layout is not None:
            name = LEGEND_FIELD[self.color_mode]
            self._legend_counts = collections.Counter(getattr(b, name) for b in layout.bars)
        if layout is not None and geo is not None:
            names = self._release_names
            self.legend.show_entries(
                geo, legend_entries(layout, self.color_mode, self.texts, names)
            )

    def _show_conflicts(self, conflicts: tuple[Conflict, ...]) -> None:
        self.conflicts.clear()
        for c in conflicts:
            if c.kind == "dependency":
                text = self.tr("%1 starts before %2 ends, although it depends on %2")
            else:
                text = self.tr("%1 is planned outside the dates of release %2")
            item = QListWidgetItem("⚠ " + text.replace("%1", c.key).replace("%2", c.other_name))
            item.setData(UID_ROLE, c.uid)
            self.conflicts.addItem(item)
        self.conflicts_title.setText(self.tr("Scheduling problems: %n", "", len(conflicts)))
        self.conflicts_box.setVisible(bool(conflicts))

    # -- actions ---------------------------------------------------------------------
    def select_uid(self, uid: str | None) -> None:
        """Show the tree's selection (the view ignores a requirement it does not show)."""
        self.view.select(uid)
        self.horizons.select_uid(uid)

    def _dragged(self, uid: str, values: dict[str, Any]) -> None:
        """A bar dragged or moved by a key: one undo step, named for what changed."""
        layout = self.layout_shown
        bar = layout.bar(uid) if layout is not None else None
        if bar is None:
            return
        start = values.get("start", bar.start.isoformat())
        end = values.get("end", bar.end.isoformat())
        self.pushing = True
        try:
            pushed = self.session.push(
                Update("requirement", uid, values), text=self._command_text(bar, values)
            )
        finally:
            self.pushing = False
        if pushed:
            self.view.note_nudged(uid, dt.date.fromisoformat(start), dt.date.fromisoformat(end))

    def push(self, op: Operation, text: str | None = None) -> bool:
        """Push an edit made on the roadmap as one undo step (named `text`, else by
        the operation)."""
        self.pushing = True
        try:
            return self.session.push(op, text=text)
        finally:
            self.pushing = False

    @property
    def release_names(self) -> dict[str, str]:
        """The project's releases (uid: name) by start date, as last read."""
        return dict(self._release_names)

    def _command_text(self, bar: Bar, values: dict[str, Any]) -> str:
        """ "Move CRM-8 to 2027-02-22 – 2027-03-19", "End CRM-8 on 2027-03-19", …"""
        start, end = values.get("start"), values.get("end")
        if "lane" in values:
            lanes = self.layout_shown.lanes if self.layout_shown is not None else ()
            name = next((lane.name for lane in lanes if lane.uid == values["lane"]), None)
            if values["lane"] is None:
                text = fill(self.tr("Take %1 out of its lane"), bar.key)
            else:
                text = fill(self.tr("Move %1 to lane %2"), bar.key, name or "")
            if start or end:
                text += f", {start or bar.start.isoformat()} – {end or bar.end.isoformat()}"
            return text
        if start and end:
            return fill(self.tr("Move %1 to %2 – %3"), bar.key, start, end)
        if start:
            return fill(self.tr("Start %1 on %2"), bar.key, start)
        return fill(self.tr("End %1 on %2"), bar.key, end or "")

    def _conflict_chosen(self, item: QListWidgetItem) -> None:
        uid = item.data(UID_ROLE)
        self.view.select(uid)
        self.selection_changed.emit(uid)

    def _zoom_in(self) -> None:
        self.view.zoom_by(1.5)

    def _zoom_out(self) -> None:
        self.view.zoom_by(1 / 1.5)

    def _to_today(self) -> None:
        layout = self.layout_shown
        if layout is not None and layout.today is not None:
            self.view.scroll_to_day(layout.today)

    def _snap_changed(self) -> None:
        self.view.snap = self.snap.currentData()
        if self.settings is not None:
            self.settings.roadmap_snap = self.view.snap

    # -- export ----------------------------------------------------------------------
    def export_picture(self, path: Path, language: str) -> bool:
        """Write the roadmap as PNG or SVG (by the suffix) in the document language,
        coloured as on screen (in Now / Next / Later mode: that board, filtered as
        shown). False when there is nothing to draw."""
        from pmdesk.export.roadmap_picture import roadmap_picture

        if self.mode == "horizons":
            return self.horizons.export_picture(path, language)

        picture = self.session.project.read(
            partial(roadmap_picture, language=language, color_by=self.color_mode)
        )
        if picture is None:
            return False
        data = picture.svg() if path.suffix.lower() == ".svg" else picture.png()
        path.write_bytes(data)
        return True
