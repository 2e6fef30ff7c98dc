"""Now / Next / Later: each open requirement's horizon, for PMs who plan without dates.

A requirement's horizon is its own `horizon` field when set (schema 7: 'now',
'next', 'later'); when unset (None) it is derived, as a PM reads a roadmap:

1. Work under way is Now: a requirement `in_progress` is Now whatever its release.
2. Otherwise its release decides. Releases are taken in the project's order
   (rank, as the timeline's bands):
   - a release *under way* is Now: status `in_progress`, or `released` (a
     requirement still open in a shipped release has slipped: it is today's
     work), or a planned release that has started (its start, or its end when
     it has no start, is on or before today; an overdue release stays Now);
   - of the releases not under way, the *next* ones are Next: those with the
     earliest start after today (several sharing that start are all Next), or,
     when none has a date, the first in order; a project with no release
     under way still has a Next;
   - every later release, and an undated release after a dated one, is Later.
3. A requirement without a release (or of a release that is gone) is Later.

Done and rejected requirements have left the roadmap: they are not cards (a
horizon roadmap says what is planned, not what is finished), but an explicit
horizon they had is kept in the file. `today` is always passed in (the
caller's clock), so a test fixes the date.

Cards are grouped by lane (rows, in lane order, "no lane" last) and horizon
(columns); within a cell by priority (Must first, not assessed last), then by
key number, so the most important work reads first.

    board = project.read(partial(horizon_board, today=dt.date.today()))
    board.cell(lane_uid, "next")        # the cards of one lane in Next
    op = set_horizon_operation(card, "next")   # "Move CRM-12 to Next"
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, select

from pmdesk.core.ops.edits import Update
from pmdesk.core.schema.tables import Lane, Release, Requirement

Horizon = Literal["now", "next", "later"]
HORIZONS: tuple[Horizon, ...] = ("now", "next", "later")  # = vocabulary.HORIZONS, typed
CLOSED_STATUSES = frozenset({"done", "rejected"})
_PRIORITY_ORDER = {"must": 0, "should": 1, "could": 2, "wont": 3}


@dataclass(frozen=True)
class HorizonRelease:
    uid: str
    name: str
    start: str | None  # ISO dates
    end: str | None
    status: str = "planned"  # planned, in_progress, released


@dataclass(frozen=True)
class HorizonLane:
    uid: str
    name: str
    colour: str | None = None


@dataclass(frozen=True)
class HorizonCard:
    """An open requirement on the Now / Next / Later roadmap."""

    uid: str
    key: str
    title: str
    kind: str
    status: str
    priority: str | None
    release_uid: str | None
    lane_uid: str | None  # None: no lane (or a lane that is gone)
    own: Horizon | None  # the requirement's own horizon; None: derived
    horizon: Horizon  # what it shows: its own, else derived
    number: int = 0

    @property
    def derived(self) -> bool:
        return self.own is None


class HorizonBoard:
    """The cards in cells (lane, horizon), each cell in `card_order`; lanes and
    releases in order. `replaced` makes the board after a few cards changed
    without sorting them all again (a project may hold 100,000)."""

    def __init__(
        self,
        lanes: Iterable[HorizonLane],
        releases: Iterable[HorizonRelease],
        release_horizons: Mapping[str, Horizon],
        cards: Iterable[HorizonCard] = (),
    ) -> None:
        self.lanes = tuple(lanes)  # cards of no (known) lane go to a last row
        self.releases = tuple(releases)
        self.release_horizons: Mapping[str, Horizon] = dict(release_horizons)
        self._known = frozenset(lane.uid for lane in self.lanes)
        self._by_uid = {c.uid: c for c in cards}
        self._cells: dict[tuple[str | None, Horizon], list[HorizonCard]] = {}
        for card in sorted(self._by_uid.values(), key=card_order):
            self._cells.setdefault(self._place(card), []).append(card)

    def _place(self, card: HorizonCard) -> tuple[str | None, Horizon]:
        return (card.lane_uid if card.lane_uid in self._known else None, card.horizon)

    @property
    def cards(self) -> tuple[HorizonCard, ...]:
        """Every card, by key number."""
        return tuple(sorted(self._by_uid.values(), key=lambda c: c.number))

    @property
    def size(self) -> int:
        return len(self._by_uid)

    def rows(self) -> list[str | None]:
        """The lanes shown as rows: every lane, then None ("no lane") when used."""
        rows: list[str | None] = [lane.uid for lane in self.lanes]
        if any(lane is None and cards for (lane, _), cards in self._cells.items()):
            rows.append(None)
        return rows

    def cell(self, lane: str | None, horizon: Horizon) -> list[HorizonCard]:
        return self._cells.get((lane, horizon), [])

    def count(self, horizon: Horizon) -> int:
        return sum(len(cards) for (_, h), cards in self._cells.items() if h == horizon)

    def card(self, uid: str) -> HorizonCard | None:
        return self._by_uid.get(uid)

    def replaced(self, changes: Mapping[str, HorizonCard | None]) -> HorizonBoard:
        """The board with these cards put in (None: taken out), the rest shared."""
        board = object.__new__(HorizonBoard)
        board.lanes, board.releases = self.lanes, self.releases
        board.release_horizons, board._known = self.release_horizons, self._known
        board._by_uid = dict(self._by_uid)
        board._cells = dict(self._cells)  # the lists of the cells changed are copied
        copied: set[tuple[str | None, Horizon]] = set()

        def cell(place: tuple[str | None, Horizon]) -> list[HorizonCard]:
            if place not in copied:
                copied.add(place)
                board._cells[place] = list(board._cells.get(place, ()))
            return board._cells[place]

        for uid, new in changes.items():
            old = board._by_uid.pop(uid, None)
            if old is not None:
                cards = cell(board._place(old))
                at = bisect.bisect_left(cards, card_order(old), key=card_order)
                while at < len(cards) and cards[at].uid != uid:
                    at += 1
                if at < len(cards):
                    del cards[at]
            if new is not None:
                board._by_uid[uid] = new
                bisect.insort(cell(board._place(new)), new, key=card_order)
        return board


def card_order(card: HorizonCard) -> tuple[int, int]:
    return (_PRIORITY_ORDER.get(card.priority or "", 4), card.number)


def release_horizons(releases: Sequence[HorizonRelease], today: dt.date) -> dict[str, Horizon]:
    """Each release's horizon (see the module's rules), releases in project order."""
    result: dict[str, Horizon] = {}
    ahead: list[tuple[int, HorizonRelease]] = []
    for index, release in enumerate(releases):
        if _under_way(release, today):
            result[release.uid] = "now"
        else:
            ahead.append((index, release))
    starts = [_date(r.start) for _, r in ahead]
    dated = [d for d in starts if d is not None]
    first = min(dated) if dated else None
    for position, ((_, release), start) in enumerate(zip(ahead, starts, strict=True)):
        if first is not None:
            result[release.uid] = "next" if start == first else "later"
        else:
            result[release.uid] = "next" if position == 0 else "later"
    return result


def _under_way(release: HorizonRelease, today: dt.date) -> bool:
    if release.status in ("in_progress", "released"):
        return True
    began = _date(release.start) or _date(release.end)
    return began is not None and began <= today


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def derive_horizon(
    status: str, release_uid: str | None, releases: Mapping[str, Horizon]
) -> Horizon:
    """The horizon of a requirement without its own (rules 1 to 3)."""
    if status == "in_progress":
        return "now"
    if release_uid is None:
        return "later"
    return releases.get(release_uid, "later")


_AS_HORIZON: dict[object, Horizon] = {h: h for h in HORIZONS}


def as_horizon(value: object) -> Horizon | None:
    """A stored value as a horizon (anything else counts as unset)."""
    return _AS_HORIZON.get(value)


_CARD_COLUMNS = (
    Requirement.uid,
    Requirement.key,
    Requirement.title,
    Requirement.kind,
    Requirement.status,
    Requirement.priority,
    Requirement.release_uid,
    Requirement.lane_uid,
    Requirement.horizon,
    Requirement.number,
)


def horizon_board(conn: Connection, *, today: dt.date) -> HorizonBoard:
    """Every open requirement as a card, with lanes and releases (run with
    `Project.read`)."""
    releases = tuple(
        HorizonRelease(*r)
        for r in conn.execute(
            select(Release.uid, Release.name, Release.start, Release.end, Release.status).order_by(
                Release.rank, Release.uid
            )
        )
    )
    lanes = tuple(
        HorizonLane(*r)
        for r in conn.execute(
            select(Lane.uid, Lane.name, Lane.colour).order_by(Lane.rank, Lane.uid)
        )
    )
    by_release = release_horizons(releases, today)
    rows = conn.execute(
        select(*_CARD_COLUMNS)
        .where(Requirement.status.not_in(CLOSED_STATUSES))
        .order_by(Requirement.number, Requirement.uid)
    )
    return HorizonBoard(lanes, releases, by_release, (_card(r, by_release) for r in rows))


def horizon_card(conn: Connection, uid: str, releases: Mapping[str, Horizon]) -> HorizonCard | None:
    """One requirement as a card (None: gone, done or rejected)."""
    row = conn.execute(
        select(*_CARD_COLUMNS).where(
            Requirement.uid == uid, Requirement.status.not_in(CLOSED_STATUSES)
        )
    ).first()
    return _card(row, releases) if row is not None else None


def _card(row: Sequence[Any], releases: Mapping[str, Horizon]) -> HorizonCard:
    uid, key, title, kind, status, priority, release, lane, own, number = row
    mine = as_horizon(own)
    shown = mine or derive_horizon(status, release, releases)
    return HorizonCard(uid, key, title, kind, status, priority, release, lane, mine, shown, number)


def cards_in(board: HorizonBoard, uids: Iterable[str] | None) -> HorizonBoard:
    """The board with only the cards of `uids` (None: all of them), for a filter."""
    if uids is None:
        return board
    wanted = set(uids)
    cards = [c for c in board.cards if c.uid in wanted]
    return HorizonBoard(board.lanes, board.releases, board.release_horizons, cards)


def set_horizon_operation(card: HorizonCard, horizon: Horizon | None) -> Update | None:
    """The edit a drop makes (`horizon` None: "Use release's horizon", the card's
    own horizon cleared); None when nothing would change: the card dropped where
    it is already shown, or no own horizon to clear. The caller names the undo
    step ("Move CRM-12 to Next")."""
    if horizon == card.own or (card.own is None and horizon == card.horizon):
        return None
    return Update("requirement", card.uid, {"horizon": horizon})
