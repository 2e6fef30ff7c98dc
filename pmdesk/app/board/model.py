"""What the MoSCoW board shows: every card and release, kept current from the
session's effects without reading the whole project again.

A requirement's edit carries its new values (priority, release, title, owner,
RICE): the card is updated from them. A new or restored requirement, or one
taken back from rejected, is read alone; releases (few) are read again when one
changes. Anything the effects cannot say (a merge, a reload) reads everything.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from PySide6.QtCore import QObject, Signal

from pmdesk.app import collector
from pmdesk.app.session import ProjectSession
from pmdesk.core.analysis.moscow import (
    BoardCard,
    BoardRelease,
    ReleaseLoad,
    board_card,
    board_releases,
    moscow_board,
    release_load,
)
from pmdesk.core.ops import Effect

# The board's columns, left to right: None is "not assessed".
COLUMNS: tuple[str | None, ...] = ("must", "should", "could", "wont", None)
_CARD_FIELDS = frozenset({"priority", "release", "title", "owner", "rice", "status"})


class BoardModel(QObject):
    """Cards by uid and releases in order; `changed` after every update."""

    changed = Signal()

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cards: dict[str, BoardCard] = {}
        self.releases: tuple[BoardRelease, ...] = ()
        self.loaded = False
        # The uids of each release in key order, grouped again only when cards come,
        # go or change release (a paint, a click and the list of releases all ask; a
        # project may hold 100,000); the cards, columns and loads of a release are
        # worked out again only for the releases an edit touched.
        self._grouped: dict[str | None, list[str]] | None = None
        self._cards_of: dict[str | None, list[BoardCard]] = {}
        self._columns: dict[tuple[str | None, str | None], list[BoardCard]] = {}
        self._loads: dict[str, ReleaseLoad] = {}
        self._regroup = True  # what the next `changed` invalidates: everything…
        self._touched: set[str | None] = set()  # …or the caches of these releases
        self.changed.connect(self._forget)
        session.changed.connect(self._follow)

    def reload(self) -> None:
        board = self.session.project.read(moscow_board)
        self.releases = board.releases
        self.cards = {c.uid: c for c in board.cards}
        self.loaded = True
        self.changed.emit()
        collector.settle()

    # -- reading -------------------------------------------------------------------
    def _forget(self) -> None:
        if self._regroup:
            self._grouped = None
            self._cards_of.clear()
            self._columns.clear()
            self._loads.clear()
        else:
            for release in self._touched:
                self._cards_of.pop(release, None)
                if release is not None:
                    self._loads.pop(release, None)
                for priority in COLUMNS:
                    self._columns.pop((release, priority), None)
        self._regroup, self._touched = True, set()

    def cards_of(self, release: str | None) -> list[BoardCard]:
        """The cards of a release (None: of no release), in key order."""
        found = self._cards_of.get(release)
        if found is None:
            if self._grouped is None:
                grouped: dict[str | None, list[str]] = {}
                for card in sorted(self.cards.values(), key=attrgetter("number")):
                    grouped.setdefault(card.release, []).append(card.uid)
                self._grouped = grouped
            cards = self.cards
            found = [cards[uid] for uid in self._grouped.get(release, ())]
            self._cards_of[release] = found
        return found

    def release(self, uid: str | None) -> BoardRelease | None:
        return next((r for r in self.releases if r.uid == uid), None)

    def column_cards(self, release: str | None, priority: str | None) -> list[BoardCard]:
        found = self._columns.get((release, priority))
        if found is None:
            found = [c for c in self.cards_of(release) if c.priority == priority]
            self._columns[(release, priority)] = found
        return found

    def load(self, release: str) -> ReleaseLoad:
        load = self._loads.get(release)
        if load is None:
            found = self.release(release)
            load = release_load(self.cards_of(release), found.capacity if found else None)
            self._loads[release] = load
        return load

    def count(self, release: str | None) -> int:
        return len(self.cards_of(release))

    # -- following edits -------------------------------------------------------------
    def _follow(self, effects: tuple[Effect, ...]) -> None:
        if not self.loaded:
            return
        if any(e.action == "reloaded" for e in effects):  # a merge: anything may differ
            self.reload()
            return
        touched = False
        releases = False
        regroup = False
        for effect in effects:
            if effect.entity == "release":
                releases = True
            elif effect.entity != "requirement":
                continue
            elif effect.action == "removed":
                regroup |= self.cards.pop(effect.uid, None) is not None
            elif effect.action == "inserted":
                regroup |= self._read_card(effect.uid)
            elif effect.action == "updated" and "status" in effect.values:
                regroup |= self._status_changed(effect)
            elif effect.action == "updated" and _CARD_FIELDS & set(effect.fields):
                card = self.cards.get(effect.uid)
                moved = card is not None and effect.values.get("release", card.release) != (
                    card.release
                )
                regroup |= moved
                touched |= self._update_card(effect)
        if releases:
            self.releases = self.session.project.read(board_releases)
            # A release removed took its cards out of it (the store cleared them).
            known = {r.uid for r in self.releases}
            for uid, card in list(self.cards.items()):
                if card.release is not None and card.release not in known:
                    self.cards[uid] = replace(card, release=None)
        if touched or releases or regroup:
            self._regroup = regroup or releases
            self.changed.emit()

    def _read_card(self, uid: str) -> bool:
        card = self.session.project.read(lambda conn: board_card(conn, uid))
        if card is None:
            return self.cards.pop(uid, None) is not None
        self.cards[uid] = card
        return True

    def _status_changed(self, effect: Effect) -> bool:
        """Rejected leaves the board; taken back from rejected, the card is read."""
        if effect.values["status"] == "rejected":
            return self.cards.pop(effect.uid, None) is not None
        if effect.uid not in self.cards:
            return self._read_card(effect.uid)
        return self._update_card(effect)

    def _update_card(self, effect: Effect) -> bool:
        card = self.cards.get(effect.uid)
        if card is None:
            return False
        values = effect.values
        changes: dict[str, object] = {}
        for name in ("priority", "release", "title", "owner"):
            if name in values:
                changes[name] = values[name]
        if "rice" in values:
            rice = values["rice"]
            changes["effort"] = rice.get("effort") if rice else None
        self.cards[effect.uid] = replace(card, **changes)  # type: ignore[arg-type]
        self._touched.add(card.release)
        return True
