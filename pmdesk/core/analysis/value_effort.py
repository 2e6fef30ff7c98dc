"""The value vs effort matrix: which requirements pay off most for their effort.

Value is a requirement's business value on a 0–10 scale (`value`); effort its
RICE effort in person-months (`rice.effort`). The matrix splits both in two:

    value ≥ 5 (the scale's midpoint)       high value
    effort ≤ the median of the efforts     low effort
             of the requirements plotted

    quick wins  high value, low effort     big bets    high value, high effort
    fill-ins    low value, low effort      time sinks  low value, high effort

The effort line is the median of what is on the matrix, not a fixed number:
person-months mean different things in a project of epics and in one of
stories, and "low effort" means low compared with the candidates at hand (half
of them, or a little more, fall on the low side). So a matrix of one release
may draw its line elsewhere than a matrix of the whole project; the window and
a PRD's `matrix` block showing the same requirements draw it at the same place.

A requirement without a value or an effort has no place on the matrix: it is
listed apart as not assessed (never drawn at 0).

    found = project.read(lambda c: value_effort_matrix(c, keep=uids))
    found.quadrant(point)                    # "quick_win" …
    op = set_value_effort_operation(point, 7.5, 1.0)   # "Set value and effort of CRM-12"
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select

from pmdesk.core.domain.directive_filter import Filter
from pmdesk.core.domain.vocabulary import QUADRANTS
from pmdesk.core.ops.base import Label
from pmdesk.core.ops.edits import Batch, Update
from pmdesk.core.queries.content import requirements_for
from pmdesk.core.schema.tables import Requirement

VALUE_MAX = 10.0  # the value scale is 0–10
VALUE_SPLIT = VALUE_MAX / 2  # a value at the midpoint counts as high
DEFAULT_EFFORT_SPLIT = 1.0  # person-months, when nothing has an effort to take a median of
VALUE_STEP = 0.5  # a dragged dot's value snaps to half points
EFFORT_STEP = 0.05  # and its effort to person-days (20 working days a month)


def effort_split(efforts: Iterable[float]) -> float:
    """Where the matrix splits low from high effort: the median of `efforts`."""
    known = list(efforts)
    return statistics.median(known) if known else DEFAULT_EFFORT_SPLIT


def quadrant(value: float, effort: float, split: float) -> str:
    """The quadrant (one of vocabulary.QUADRANTS) of a value and an effort."""
    high = value >= VALUE_SPLIT
    low_effort = effort <= split
    if high:
        return "quick_win" if low_effort else "big_bet"
    return "fill_in" if low_effort else "time_sink"


def snap_value(value: float) -> float:
    """A dragged value: on the 0–10 scale, in half points."""
    return min(max(round(value / VALUE_STEP) * VALUE_STEP, 0.0), VALUE_MAX)


def snap_effort(effort: float) -> float:
    """A dragged effort: whole person-days, at least one (RICE needs it above 0)."""
    return round(max(round(effort / EFFORT_STEP), 1) * EFFORT_STEP, 2)


@dataclass(frozen=True)
class MatrixPoint:
    """A requirement as the matrix sees it (plain data, no ORM)."""

    uid: str
    key: str
    title: str
    value: float | None  # 0–10; None: not assessed
    effort: float | None  # person-months; None: not estimated
    # The other RICE inputs (reach, impact, confidence): kept when a drag sets the effort.
    rice_rest: tuple[float | None, float | None, float | None] = (None, None, None)
    number: int = 0

    @property
    def assessed(self) -> bool:
        return self.value is not None and self.effort is not None


@dataclass(frozen=True)
class ValueEffortMatrix:
    """The requirements of one matrix: `points` assessed (with a place), the
    others apart; `split` the effort line."""

    points: tuple[MatrixPoint, ...]
    unassessed: tuple[MatrixPoint, ...]
    split: float

    def quadrant(self, point: MatrixPoint) -> str:
        assert point.value is not None, "only assessed points have a quadrant"
        assert point.effort is not None, "only assessed points have a quadrant"
        return quadrant(point.value, point.effort, self.split)

    def by_quadrant(self) -> dict[str, list[MatrixPoint]]:
        """The assessed points of each quadrant (every quadrant present), by value
        (highest first), then effort (lowest first), then key."""
        found: dict[str, list[MatrixPoint]] = {q: [] for q in QUADRANTS}
        for point in self.points:
            found[self.quadrant(point)].append(point)
        for points in found.values():
            points.sort(key=lambda p: (-(p.value or 0.0), p.effort or 0.0, p.number))
        return found


def matrix_of(points: Iterable[MatrixPoint], split: float | None = None) -> ValueEffortMatrix:
    """The matrix of these requirements; `split` given keeps the effort line
    where it was (a drag in progress), else it is the median of their efforts."""
    every = list(points)
    plotted = tuple(p for p in every if p.assessed)
    apart = tuple(p for p in every if not p.assessed)
    if split is None:
        split = effort_split(p.effort for p in plotted if p.effort is not None)
    return ValueEffortMatrix(plotted, apart, split)


_COLUMNS = (
    Requirement.uid,
    Requirement.key,
    Requirement.title,
    Requirement.value,
    Requirement.rice_effort,
    Requirement.rice_reach,
    Requirement.rice_impact,
    Requirement.rice_confidence,
    Requirement.number,
)


def matrix_points(
    conn: Connection,
    *,
    keep: Collection[str] | None = None,
    release: str | bool | None = False,
    rejected: bool = False,
) -> list[MatrixPoint]:
    """The requirements (not rejected unless `rejected`), in key order: only the
    uids in `keep` when given; only those of `release` (a uid; None: of no
    release) unless it is False."""
    query = select(*_COLUMNS)
    if not rejected:
        query = query.where(Requirement.status != "rejected")
    if keep is not None:
        query = query.where(Requirement.uid.in_(list(keep)))
    if release is None:
        query = query.where(Requirement.release_uid.is_(None))
    elif release is not False:
        query = query.where(Requirement.release_uid == release)
    rows = conn.execute(query.order_by(Requirement.number, Requirement.uid))
    return [
        MatrixPoint(uid, key, title, value, effort, (reach, impact, confidence), number)
        for uid, key, title, value, effort, reach, impact, confidence, number in rows
    ]


def value_effort_matrix(
    conn: Connection,
    *,
    keep: Collection[str] | None = None,
    release: str | bool | None = False,
    split: float | None = None,
) -> ValueEffortMatrix:
    """The matrix of the requirements `matrix_points` selects (run with
    `Project.read`)."""
    return matrix_of(matrix_points(conn, keep=keep, release=release), split)


def filtered_matrix(conn: Connection, terms: Filter) -> ValueEffortMatrix:
    """The matrix of the requirements a directive's filter keeps (a PRD's
    `matrix release="v1.0"`): rejected ones only when it asks for them by
    `status=rejected`."""
    keep = None if not terms.terms else {row.uid for row in requirements_for(conn, terms)}
    asked = any(
        t.field == "status" and t.value == "rejected" and not t.negated for t in terms.terms
    )
    return matrix_of(matrix_points(conn, keep=keep, rejected=asked))


def set_value_effort_operation(point: MatrixPoint, value: float, effort: float) -> Batch | None:
    """Set a requirement's value and RICE effort as one undo step, "Set value
    and effort of CRM-12" (its other RICE inputs kept); None: nothing changes."""
    if point.value == value and point.effort == effort:
        return None
    reach, impact, confidence = point.rice_rest
    rice = {"reach": reach, "impact": impact, "confidence": confidence, "effort": effort}
    label = Label(
        "edit",
        "requirement",
        point.key,
        1,
        text="matrix.value_effort",
        params=(("key", point.key),),
    )
    return Batch((Update("requirement", point.uid, {"value": value, "rice": rice}),), label)
