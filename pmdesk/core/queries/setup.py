"""The project's own properties, its releases, lanes, personas and milestones, as plain records.

What the properties, release and milestone dialogs, the roadmap and the PRD's
cover read (issue 13). Each record carries every field the snapshot holds, so a
view can show and edit it without another query; releases and lanes come in
their order (rank), milestones by date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from pmdesk.core.schema.tables import (
    Lane,
    Milestone,
    Persona,
    Project,
    Release,
    Requirement,
    table_of,
)


@dataclass(frozen=True)
class ProjectInfo:
    """The project's properties (the PRD's cover, header and footer come from them)."""

    uid: str
    title: str
    product: str
    version: str
    key_prefix: str
    language: str
    authors: tuple[str, ...] = ()
    organisation: str = ""
    logo: bytes | None = None  # PNG or JPEG
    doc_status: str = "draft"  # draft, in_review, approved
    confidentiality: str = "internal"  # public, internal, confidential, secret
    doc_number: str = ""
    reviewers: tuple[Reviewer, ...] = ()
    """The sign-off table's rows, in order."""
    scoring: str = "rice"  # rice, ice, wsjf, weighted
    criteria: tuple[Criterion, ...] = ()
    """The weighted model's criteria, in order."""


@dataclass(frozen=True)
class Criterion:
    """A criterion of the weighted scoring model."""

    id: str
    name: str
    weight: float
    scale: float  # the highest value a requirement can get on it

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "weight": self.weight, "scale": self.scale}


def criteria_from(data: Any) -> tuple[Criterion, ...]:
    """Criteria from their JSON form (the `criteria` field's value)."""
    return tuple(
        Criterion(str(c["id"]), str(c["name"]), float(c["weight"]), float(c["scale"])) for c in data
    )


@dataclass(frozen=True)
class Reviewer:
    role: str
    name: str


@dataclass(frozen=True)
class ReleaseRecord:
    uid: str
    name: str
    start: str | None
    end: str | None
    goal: str = ""  # one line of Markdown
    status: str = "planned"  # planned, in_progress, released
    capacity: float | None = None  # person-days
    rank: str = ""


@dataclass(frozen=True)
class LaneRecord:
    uid: str
    name: str
    colour: str | None = None  # "#rrggbb"; None: the roadmap's default
    rank: str = ""


@dataclass(frozen=True)
class PersonaRecord:
    """A persona (schema 7) with every field, and how many requirements name it."""

    uid: str
    name: str
    role: str = ""
    goals: str = ""  # Markdown
    pain_points: str = ""  # Markdown
    scenarios: str = ""  # Markdown
    share: float | None = None  # % of the users
    photo: bytes | None = None  # PNG or JPEG; None: initials are drawn
    rank: str = ""
    stories: int = 0  # requirements whose persona it is


@dataclass(frozen=True)
class MilestoneRecord:
    uid: str
    name: str
    date: str | None
    release: str | None = None  # the uid of the release it belongs to


def field_values(info: ProjectInfo, language: str | None = None) -> dict[str, str]:
    """What a section's `{{product}}`, `{{version}}`… fields show (see
    domain.inline_fields.expand_fields); the product falls back to the title."""
    separator = "、" if (language or info.language) == "zh" else ", "
    return {
        "title": info.title,
        "product": info.product or info.title,
        "version": info.version,
        "organisation": info.organisation,
        "authors": separator.join(a for a in info.authors if a.strip()),
    }


def project_info(conn: Connection) -> ProjectInfo:
    p = conn.execute(select(table_of(Project))).one()
    return ProjectInfo(
        p.uid,
        p.title,
        p.product,
        p.version,
        p.key_prefix,
        p.language,
        tuple(json.loads(p.authors or "[]")),
        p.organisation,
        p.logo,
        p.doc_status,
        p.confidentiality,
        p.doc_number,
        tuple(Reviewer(r["role"], r["name"]) for r in json.loads(p.reviewers or "[]")),
        p.scoring,
        criteria_from(json.loads(p.criteria or "[]")),
    )


def releases(conn: Connection) -> list[ReleaseRecord]:
    rows = conn.execute(
        select(
            Release.uid,
            Release.name,
            Release.start,
            Release.end,
            Release.goal,
            Release.status,
            Release.capacity,
            Release.rank,
        ).order_by(Release.rank, Release.uid)
    )
    return [ReleaseRecord(*r) for r in rows]


def lanes(conn: Connection) -> list[LaneRecord]:
    rows = conn.execute(
        select(Lane.uid, Lane.name, Lane.colour, Lane.rank).order_by(Lane.rank, Lane.uid)
    )
    return [LaneRecord(*r) for r in rows]


def personas(conn: Connection) -> list[PersonaRecord]:
    """Every persona in the list's order, with the number of requirements naming it."""
    used = dict(
        conn.execute(
            select(Requirement.persona_uid, func.count())
            .where(Requirement.persona_uid.is_not(None))
            .group_by(Requirement.persona_uid)
        ).all()
    )
    rows = conn.execute(
        select(
            Persona.uid,
            Persona.name,
            Persona.role,
            Persona.goals,
            Persona.pain_points,
            Persona.scenarios,
            Persona.share,
            Persona.photo,
            Persona.rank,
        ).order_by(Persona.rank, Persona.uid)
    )
    return [PersonaRecord(*r, stories=int(used.get(r[0], 0))) for r in rows]


def milestones(conn: Connection) -> list[MilestoneRecord]:
    rows = conn.execute(
        select(Milestone.uid, Milestone.name, Milestone.date, Milestone.release_uid).order_by(
            Milestone.date, Milestone.name, Milestone.uid
        )
    )
    return [MilestoneRecord(*r) for r in rows]
