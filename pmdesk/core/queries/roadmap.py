"""What the roadmap shows, read as plain data (the layout never sees the database)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Connection, or_, select, true

from pmdesk.core.schema.tables import Lane, Link, Milestone, Release, Requirement

ROADMAP_LINKS = ("depends_on", "blocks")


class RoadmapItem(NamedTuple):
    """A requirement that could have a place in time (a named tuple: a big roadmap
    reads 100,000 of them, and an edit of 1,000 makes 1,000 new ones)."""

    uid: str
    key: str
    title: str
    kind: str
    status: str
    priority: str | None
    release_uid: str | None
    lane_uid: str | None
    start: str | None
    end: str | None


@dataclass(frozen=True)
class RoadmapRelease:
    uid: str
    name: str
    start: str | None
    end: str | None
    status: str = "planned"
    goal: str = ""


@dataclass(frozen=True)
class RoadmapMilestone:
    uid: str
    name: str
    date: str | None
    release_uid: str | None = None


@dataclass(frozen=True)
class RoadmapLane:
    uid: str
    name: str
    colour: str | None = None


@dataclass(frozen=True)
class RoadmapLink:
    from_uid: str
    to_uid: str
    type: str


@dataclass(frozen=True)
class RoadmapData:
    items: tuple[RoadmapItem, ...]
    releases: tuple[RoadmapRelease, ...]
    milestones: tuple[RoadmapMilestone, ...]
    lanes: tuple[RoadmapLane, ...]
    links: tuple[RoadmapLink, ...]


def roadmap_data(conn: Connection, *, rejected: bool = False) -> RoadmapData:
    """Requirements that could have a place in time (own dates or a release),
    by key number; releases and lanes in their order (rank); milestones by
    date; dependency links.

    Rejected requirements are left out (a roadmap shows what is planned), unless
    `rejected`: then a view that keeps the data can show one taken back from
    rejected without reading again (`layout_roadmap` leaves them out itself).
    """
    shown = Requirement.status != "rejected" if not rejected else true()
    items = conn.execute(
        select(
            Requirement.uid,
            Requirement.key,
            Requirement.title,
            Requirement.kind,
            Requirement.status,
            Requirement.priority,
            Requirement.release_uid,
            Requirement.lane_uid,
            Requirement.start,
            Requirement.end,
        )
        .where(
            shown,
            or_(
                Requirement.start.is_not(None),
                Requirement.end.is_not(None),
                Requirement.release_uid.is_not(None),
            ),
        )
        .order_by(Requirement.number)
    )
    releases = conn.execute(
        select(
            Release.uid, Release.name, Release.start, Release.end, Release.status, Release.goal
        ).order_by(Release.rank, Release.uid)
    )
    milestones = conn.execute(
        select(Milestone.uid, Milestone.name, Milestone.date, Milestone.release_uid).order_by(
            Milestone.date, Milestone.name
        )
    )
    lanes = conn.execute(select(Lane.uid, Lane.name, Lane.colour).order_by(Lane.rank, Lane.uid))
    links = conn.execute(
        select(Link.from_uid, Link.to_uid, Link.type)
        .where(Link.type.in_(ROADMAP_LINKS))
        .order_by(Link.uid)
    )
    return RoadmapData(
        tuple(map(RoadmapItem._make, items)),  # the columns in the fields' order
        tuple(RoadmapRelease(*r) for r in releases),
        tuple(RoadmapMilestone(*r) for r in milestones),
        tuple(RoadmapLane(*r) for r in lanes),
        tuple(RoadmapLink(*r) for r in links),
    )
