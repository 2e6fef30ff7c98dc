"""The roadmap pane's Now / Next / Later mode: the board of horizons, kept current.

It reads the board through core (`core/roadmap/horizons.py`: the horizons derived
from the releases on today's date, a requirement's own winning) on the task
thread when it shows (while hidden it only notes that it is out of date); an
edit of requirements updates their cards from its values
(`core/roadmap/horizon_update.py`), one of releases or lanes reads the board
again. It follows the shared selection and the tree pane's filter (the matches
only, as the backlog table does). A drop or a menu choice becomes one `Update`
of the requirement's horizon through the session: one undo step, "Move CRM-12
to Next" (several picked cards: one `Batch`, "Move 3 requirements to Next");
"Use release's horizon" clears the card's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QLabel, QMenu, QVBoxLayout, QWidget

from pmdesk.app.roadmap.horizons_view import HorizonsArea, HorizonsView
from pmdesk.app.roadmap.texts import fill, horizon_name, ui_horizon_texts
from pmdesk.app.session import ProjectSession
from pmdesk.app.tasks import TaskRunner
from pmdesk.app.tree.pane import TreePane
from pmdesk.core.ops import Batch, Effect, Operation
from pmdesk.core.roadmap.horizon_update import board_after, needs_full_read
from pmdesk.core.roadmap.horizons import (
    HORIZONS,
    Horizon,
    HorizonBoard,
    HorizonCard,
    as_horizon,
    cards_in,
    horizon_board,
    horizon_card,
    set_horizon_operation,
)

HORIZON_ENTITIES = frozenset({"requirement", "release", "lane"})
Push = Callable[[Operation, str], bool]


class HorizonsPanel(QWidget):
    selection_changed = Signal(str)  # a card was picked
    details_requested = Signal(str)  # a card was double-clicked or Enter pressed
    refreshed = Signal()  # the board shows the project as it is now (tests wait on it)

    def __init__(
        self,
        session: ProjectSession,
        push: Push,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._push = push
        self._tasks = tasks  # reads the whole board off the GUI thread (None: on it)
        self._generation = 0  # of the read whose board is wanted
        self.closed = False
        self._tree_pane: TreePane | None = None  # whose filter the board follows
        self.today: Callable[[], dt.date] = dt.date.today  # the clock the horizons use
        self.read_only = False
        self.full: HorizonBoard | None = None  # every open requirement
        self.board: HorizonBoard | None = None  # what the filter lets through
        self._visible: frozenset[str] | None = None
        self._stale = True
        self.view = HorizonsView(ui_horizon_texts(), self)
        self.view.setObjectName("horizonsView")
        self.area = HorizonsArea(self.view, self)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.empty, 1)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        self.view.current_changed.connect(self.selection_changed)
        self.view.details_requested.connect(self.details_requested)
        self.view.horizon_wanted.connect(self._horizon_wanted)
        self.view.menu_requested.connect(self._menu_requested)
        session.changed.connect(self._project_changed)

    # -- data ------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the whole board now and show it, keeping the current card."""
        self._timer.stop()
        self._generation += 1
        self._stale = False
        self.full = self.session.project.read(partial(horizon_board, today=self.today()))
        self._show()

    def refresh(self) -> None:
        """Read the whole board on the task thread (100,000 requirements take
        seconds), then show it; a read overtaken by an edit is dropped."""
        self._timer.stop()
        if self._tasks is None:
            self.reload()
            return
        if self.closed:
            return
        self._generation += 1
        generation, project, today = self._generation, self.session.project, self.today()

        def done(board: HorizonBoard) -> None:
            if generation == self._generation and not self.closed:
                self._stale = False
                self.full = board
                self._show()

        def failed(error: BaseException) -> None:
            if generation == self._generation and not self.closed:
                self.empty.setText(
                    self.tr("The roadmap could not be read: %1").replace("%1", str(error))
                )
                self.empty.show()
                self.area.hide()

        self._tasks.run(lambda: project.read(partial(horizon_board, today=today)), done, failed)

    def _show(self) -> None:
        if self.full is None:
            return
        self.board = cards_in(self.full, self._visible)
        self._show_board()

    def _show_board(self) -> None:
        assert self.board is not None
        assert self.full is not None
        self.view.show_board(self.board)
        if not self.board.size:
            if self.full.size:
                text = self.tr("No requirement matches the filter.")
            else:
                text = self.tr(
                    "No open requirement to place. Requirements that are done or "
                    "rejected are left out."
                )
            self.empty.setText(text)
        self.empty.setVisible(not self.board.size)
        self.area.setVisible(bool(self.board.size))
        self.refreshed.emit()

    def set_visible(self, uids: Iterable[str] | None) -> None:
        """Show only these requirements (the tree's filter), None: all."""
        self._visible = frozenset(uids) if uids is not None else None
        if self.full is not None and not self._stale:
            self._show()

    def _project_changed(self, effects: tuple[Effect, ...]) -> None:
        """An edit of requirements: their cards updated from its values; of releases
        or lanes (or a merge): the whole board read again, once edits pause."""
        if not any(e.entity in HORIZON_ENTITIES or e.action == "reloaded" for e in effects):
            return
        full = self.full
        if full is None or self._stale or needs_full_read(effects):
            self._stale = True
            self._generation += 1  # a read under way no longer shows the project
            if self.isVisible():
                self._timer.start()
            return
        releases = full.release_horizons

        def read_card(uid: str) -> HorizonCard | None:
            return self.session.project.read(partial(horizon_card, uid=uid, releases=releases))

        new = board_after(full, effects, read_card)
        if new is full:
            return
        self.full = new
        if self._visible is None or self.board is None:
            self.board = new
        else:
            visible = self._visible
            self.board = board_after(
                self.board, effects, lambda uid: new.card(uid) if uid in visible else None
            )
        self._show_board()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def ensure_current(self) -> None:
        """Read now if out of date (a test or a switch of mode wants the board)."""
        if self._stale or self.full is None:
            self.reload()

    def select_uid(self, uid: str | None) -> None:
        self.view.select_uid(uid)
        rect = self.view.card_rect(uid) if uid is not None else None
        if rect is not None:
            self.view.scroll_requested(rect)

    def lock_editing(self) -> None:
        """Read-only: cards are picked, never moved."""
        self.read_only = True
        self.view.read_only = True

    # -- edits -----------------------------------------------------------------------
    def _horizon_wanted(self, uids: list[str], horizon: str) -> None:
        self.set_horizons(uids, as_horizon(horizon))

    def set_horizon(self, uid: str, horizon: Horizon | None) -> bool:
        """Give a card its own horizon (None: its release's again) as one undo step."""
        return self.set_horizons([uid], horizon)

    def set_horizons(self, uids: Iterable[str], horizon: Horizon | None) -> bool:
        """Give the cards their own horizon (None: their releases' again) as one
        undo step; the cards already there are left alone."""
        board = self.board
        cards = [c for u in uids if board is not None and (c := board.card(u)) is not None]
        changed = [(c, u) for c in cards if (u := set_horizon_operation(c, horizon)) is not None]
        if not changed:
            return False
        if len(changed) > 1:
            count = str(len(changed))
            batch = Batch(tuple(update for _, update in changed))
            if horizon is None:
                text = fill(self.tr("Use the release's horizon for %1 requirements"), count)
            else:
                text = fill(self.tr("Move %1 requirements to %2"), count, horizon_name(horizon))
            return self._push(batch, text)
        card, op = changed[0]
        if horizon is None:
            text = fill(self.tr("Use the release's horizon for %1"), card.key)
        else:
            text = fill(self.tr("Move %1 to %2"), card.key, horizon_name(horizon))
        return self._push(op, text)

    def card_menu(self, uid: str) -> QMenu:
        """The menu of a card (and the other picked cards, when it is one of them):
        move them to another horizon, or back to their releases'."""
        menu = QMenu(self)
        board = self.board
        card = board.card(uid) if board is not None else None
        if board is None or card is None:
            return menu
        picked = self.view.picked if uid in self.view.picked else [uid]
        cards = [c for u in picked if (c := board.card(u)) is not None]
        uids = [c.uid for c in cards]
        for horizon in HORIZONS:
            action = QAction(fill(self.tr("Move to %1"), horizon_name(horizon)), menu)
            action.setObjectName(f"moveTo_{horizon}")
            action.setCheckable(True)
            there = all(c.horizon == horizon for c in cards)
            action.setChecked(there)
            action.setEnabled(not self.read_only and not there)
            action.triggered.connect(lambda _=False, h=horizon: self.set_horizons(uids, h))
            menu.addAction(action)
        menu.addSeparator()
        clear = QAction(self.tr("Use release's horizon"), menu)
        clear.setObjectName("useReleaseHorizon")
        clear.setToolTip(self.tr("Forget the horizon set by hand: the release decides again"))
        clear.setEnabled(not self.read_only and any(c.own is not None for c in cards))
        clear.triggered.connect(lambda: self.set_horizons(uids, None))
        menu.addAction(clear)
        menu.addSeparator()
        details = QAction(self.tr("Show in Details"), menu)
        details.triggered.connect(lambda: self.details_requested.emit(uid))
        menu.addAction(details)
        return menu

    def _menu_requested(self, uid: str, where: QPoint) -> None:
        self.card_menu(uid).exec(where)

    # -- the tree's filter ----------------------------------------------------------
    def follow_tree(self, tree_pane: TreePane) -> None:
        """Follow the tree pane's filter (its matches only, without their ancestors,
        as the backlog table shows them)."""
        self._tree_pane = tree_pane
        tree_pane.filter_applied.connect(self._follow_filter)
        self._follow_filter()

    def _follow_filter(self) -> None:
        tree = self._tree_pane
        if tree is None:
            return
        self.set_visible(tree.matched_uids())

    # -- export --------------------------------------------------------------------
    def export_picture(self, path: Path, language: str) -> bool:
        """Write the board as shown (filtered) as PNG or SVG, by the suffix, in the
        document language; False when there is no card to draw."""
        from pmdesk.export.horizon_picture import horizons_png, horizons_svg

        self.ensure_current()
        board = self.board
        if board is None or not board.size:
            return False
        if path.suffix.lower() == ".svg":
            data = horizons_svg(board, language, 1100)
        else:
            data = horizons_png(board, language, 1100, cap=None, compact=False)[0]
        path.write_bytes(data)
        return True
