"""The MoSCoW board of a release: its cards by priority, its load against its
capacity, and the operations a drop on the board makes (one undo step each).

Units: a release's capacity is in person-days (the release form says so); a
requirement's effort is the RICE effort, in person-months (the details say so).
A person-month counts as `DAYS_PER_MONTH` working days, so an effort of 1.5
weighs 30 person-days against the capacity.

    board = project.read(moscow_board)
    load = board.load(release_uid)               # effort, Musts, capacity, over?
    op = set_priority_operation(cards, "must")   # "Set priority of CRM-12 to Must"
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from pmdesk.core.ops.base import Effect, Label
from pmdesk.core.ops.edits import Batch, Update
from pmdesk.core.schema.tables import Release, Requirement

DAYS_PER_MONTH = 20.0  # working days in a person-month
NOT_ASSESSED = "none"  # the priority parameter of a label for "not assessed"


@dataclass(frozen=True)
class BoardCard:
    """A requirement as a card: effort in person-months (None: not estimated)."""

    uid: str
    key: str
    title: str
    owner: str
    effort: float | None
    priority: str | None  # must, should, could, wont; None: not assessed
    release: str | None  # the release's uid; None: no release
    number: int = 0  # cards keep the order of their keys


@dataclass(frozen=True)
class BoardRelease:
    uid: str
    name: str
    capacity: float | None  # person-days; None: not set


@dataclass(frozen=True)
class ReleaseLoad:
    """What a release holds against what it can take, in person-days."""

    capacity: float | None
    effort: float  # every card's estimated effort
    musts: float  # the Musts' estimated effort
    unestimated: int  # cards without an effort (not in the sums)

    @property
    def over(self) -> bool:
        """The Musts alone need more than the release can take."""
        return self.capacity is not None and self.musts > self.capacity

    @property
    def full(self) -> bool:
        """All its cards together need more than it can take."""
        return self.capacity is not None and self.effort > self.capacity


def effort_days(months: float | None) -> float:
    return 0.0 if months is None else months * DAYS_PER_MONTH


def release_load(cards: Iterable[BoardCard], capacity: float | None) -> ReleaseLoad:
    """The load of the cards of one release (Won't cards are not planned work:
    they are left out of the effort)."""
    effort = musts = 0.0
    unestimated = 0
    for card in cards:
        if card.priority == "wont":
            continue
        if card.effort is None:
            unestimated += 1
        days = effort_days(card.effort)
        effort += days
        if card.priority == "must":
            musts += days
    return ReleaseLoad(capacity, effort, musts, unestimated)


@dataclass(frozen=True)
class MoscowBoard:
    releases: tuple[BoardRelease, ...]  # in their order (rank)
    cards: tuple[BoardCard, ...]  # by key number

    def cards_of(self, release: str | None) -> list[BoardCard]:
        return [c for c in self.cards if c.release == release]

    def load(self, release: str) -> ReleaseLoad:
        capacity = next((r.capacity for r in self.releases if r.uid == release), None)
        return release_load(self.cards_of(release), capacity)

    def over_capacity(self) -> frozenset[str]:
        """The releases whose Musts alone exceed their capacity."""
        return frozenset(r.uid for r in self.releases if self.load(r.uid).over)


_CARD_COLUMNS = (
    Requirement.uid,
    Requirement.key,
    Requirement.title,
    Requirement.owner,
    Requirement.rice_effort,
    Requirement.priority,
    Requirement.release_uid,
    Requirement.number,
)


def board_releases(conn: Connection) -> tuple[BoardRelease, ...]:
    """Every release, in order, with its capacity."""
    rows = conn.execute(
        select(Release.uid, Release.name, Release.capacity).order_by(Release.rank, Release.uid)
    )
    return tuple(BoardRelease(*r) for r in rows)


def moscow_board(conn: Connection) -> MoscowBoard:
    """Every release and every requirement not rejected, as cards (run with
    `Project.read`)."""
    releases = board_releases(conn)
    cards = conn.execute(
        select(*_CARD_COLUMNS)
        .where(Requirement.status != "rejected")
        .order_by(Requirement.number, Requirement.uid)
    )
    return MoscowBoard(releases, tuple(BoardCard(*r) for r in cards))


def board_card(conn: Connection, uid: str) -> BoardCard | None:
    """One requirement as a card; None when it is gone or rejected."""
    row = conn.execute(
        select(*_CARD_COLUMNS).where(Requirement.uid == uid, Requirement.status != "rejected")
    ).first()
    return BoardCard(*row) if row is not None else None


def over_capacity_releases(conn: Connection) -> frozenset[str]:
    """The releases whose Musts alone exceed their capacity (the roadmap marks
    them): summed in SQL, so a roadmap of many requirements pays one query."""
    musts = (
        select(Requirement.release_uid, func.sum(Requirement.rice_effort).label("months"))
        .where(Requirement.priority == "must", Requirement.status != "rejected")
        .group_by(Requirement.release_uid)
        .subquery()
    )
    rows = conn.execute(
        select(Release.uid, Release.capacity, musts.c.months)
        .join(musts, musts.c.release_uid == Release.uid)
        .where(Release.capacity.is_not(None))
    )
    return frozenset(uid for uid, capacity, months in rows if effort_days(months) > capacity)


# What an edit must touch for a release to pass its capacity or fall back under it.
LOAD_FIELDS = frozenset({"priority", "rice", "release", "status", "capacity"})


def touches_load(effects: Iterable[Effect]) -> bool:
    """Whether these effects can change which releases are over capacity."""
    return any(
        e.action == "reloaded"
        or (
            e.entity in ("requirement", "release")
            and (e.action != "updated" or bool(LOAD_FIELDS & set(e.fields)))
        )
        for e in effects
    )


def _label(cards: Sequence[BoardCard], text: str, **params: str) -> Label:
    many = len(cards) > 1
    if many:
        params["count"] = str(len(cards))
    else:
        params["key"] = cards[0].key
    return Label(
        "edit",
        "requirement",
        cards[0].key,
        len(cards),
        text=f"{text}s" if many else text,
        params=tuple(sorted(params.items())),
    )


def set_priority_operation(cards: Iterable[BoardCard], priority: str | None) -> Batch | None:
    """Set the priority of the cards that do not have it yet, as one step labelled
    "Set priority of CRM-12 to Must" ("… of 3 requirements …"); None: nothing to do."""
    moved = [c for c in cards if c.priority != priority]
    if not moved:
        return None
    label = _label(moved, "moscow.priority", priority=priority or NOT_ASSESSED)
    return Batch(tuple(Update("requirement", c.uid, {"priority": priority}) for c in moved), label)


def set_release_operation(cards: Iterable[BoardCard], release: BoardRelease | None) -> Batch | None:
    """Put the cards into `release` (None: out of any release) as one step labelled
    "Move CRM-12 to release v1.1"; None: nothing to do."""
    uid = release.uid if release is not None else None
    moved = [c for c in cards if c.release != uid]
    if not moved:
        return None
    if release is None:
        label = _label(moved, "moscow.no_release")
    else:
        label = _label(moved, "moscow.release", release=release.name)
    return Batch(tuple(Update("requirement", c.uid, {"release": uid}) for c in moved), label)
