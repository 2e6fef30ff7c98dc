"""Read-only questions about a project, answered as plain data (never ORM objects)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from pmdesk.core.domain.fields import from_columns
from pmdesk.core.domain.vocabulary import rice_score
from pmdesk.core.ops.base import Effect

# Read with releases, lanes and milestones now; kept importable from here.
from pmdesk.core.queries.setup import ProjectInfo as ProjectInfo
from pmdesk.core.queries.setup import lanes as lanes
from pmdesk.core.queries.setup import project_info as project_info
from pmdesk.core.queries.setup import releases as releases
from pmdesk.core.schema.tables import (
    Baseline,
    HistoryEntry,
    Lane,
    Link,
    Milestone,
    Persona,
    Release,
    Requirement,
    Section,
    table_of,
)


@dataclass(frozen=True)
class Counts:
    requirements: int
    releases: int
    milestones: int
    lanes: int
    links: int
    sections: int
    baselines: int
    history: int
    personas: int = 0  # schema 7
    suspect_links: int = 0  # schema 8: links that need review


def counts(conn: Connection) -> Counts:
    def n(entity: type) -> int:
        return int(conn.execute(select(func.count()).select_from(entity)).scalar_one())

    suspect = select(func.count()).select_from(Link).where(Link.suspect_at.is_not(None))

    return Counts(
        n(Requirement),
        n(Release),
        n(Milestone),
        n(Lane),
        n(Link),
        n(Section),
        n(Baseline),
        n(HistoryEntry),
        n(Persona),
        int(conn.execute(suspect).scalar_one()),
    )


TREE_COLUMNS = (
    Requirement.uid,
    Requirement.parent_uid,
    Requirement.key,
    Requirement.title,
    Requirement.kind,
    Requirement.status,
    Requirement.priority,
    Requirement.owner,
    Requirement.release_uid,
)


def tree_rows(
    conn: Connection,
) -> list[tuple[str, str | None, str, str, str, str, str, str, str | None]]:
    """Every requirement as a tuple of TREE_COLUMNS, siblings in order.

    Loaded as columns, not ORM entities (about six times faster at 100,000 rows),
    and fetched in one call as the driver's plain tuples: SQLAlchemy's row objects
    cost another ~0.2 s at that size. The statement is still SQLAlchemy's.
    """
    statement = select(*TREE_COLUMNS).order_by(Requirement.rank, Requirement.uid)
    compiled = statement.compile(dialect=conn.dialect)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), tuple(compiled.params.values()))
        return cursor.fetchall()  # type: ignore[no-any-return]
    finally:
        cursor.close()


@dataclass(frozen=True)
class RequirementDetail:
    """Everything the detail editor shows for one requirement."""

    uid: str
    key: str
    parent_uid: str | None
    values: dict[str, Any]  # domain values, as in the snapshot (fields.FIELDS)
    rice_score: float | None
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str


def detail_after(detail: RequirementDetail, effects: Iterable[Effect]) -> RequirementDetail | None:
    """`detail` as `effects` left it, from the values they carry (issue 12): no read.
    None when one of them touches it in a way its values do not tell (read it again)."""
    values, stamp = dict(detail.values), (detail.updated_at, detail.updated_by)
    for e in effects:
        if e.entity != "requirement" or e.uid != detail.uid:
            continue
        if e.action != "updated" or e.stamp is None or not set(e.fields) <= set(e.values):
            return None
        values.update({name: e.values[name] for name in e.fields})
        stamp = e.stamp
    rice = values["rice"] or {}
    score = rice_score(
        rice.get("reach"), rice.get("impact"), rice.get("confidence"), rice.get("effort")
    )
    return replace(
        detail, values=values, rice_score=score, updated_at=stamp[0], updated_by=stamp[1]
    )


def requirement_detail(conn: Connection, uid: str) -> RequirementDetail | None:
    row = conn.execute(select(table_of(Requirement)).where(Requirement.uid == uid)).mappings()
    found = row.first()
    if found is None:
        return None
    values = from_columns("requirement", dict(found))
    rice = values["rice"] or {}
    score = rice_score(
        rice.get("reach"), rice.get("impact"), rice.get("confidence"), rice.get("effort")
    )
    return RequirementDetail(
        found["uid"],
        found["key"],
        found["parent_uid"],
        values,
        score,
        found["created_at"],
        found["created_by"],
        found["updated_at"],
        found["updated_by"],
    )


@dataclass(frozen=True)
class Named:
    uid: str
    name: str


def sections(conn: Connection) -> list[Named]:
    rows = conn.execute(select(Section.uid, Section.title).order_by(Section.rank, Section.uid))
    return [Named(*r) for r in rows]


def section_body(conn: Connection, uid: str) -> str | None:
    return conn.execute(select(Section.body).where(Section.uid == uid)).scalar()


@dataclass(frozen=True)
class LinkRow:
    uid: str
    type: str
    outgoing: bool  # True: this requirement → other
    other_uid: str
    other_key: str
    other_title: str
    suspect_at: str | None = None  # "needs review" since (schema 8); None: not suspect


def links_of(conn: Connection, uid: str) -> list[LinkRow]:
    other = aliased(Requirement)
    out = conn.execute(
        select(Link.uid, Link.type, Link.to_uid, other.key, other.title, Link.suspect_at)
        .join(other, other.uid == Link.to_uid)
        .where(Link.from_uid == uid)
        .order_by(Link.type, other.number)
    )
    into = conn.execute(
        select(Link.uid, Link.type, Link.from_uid, other.key, other.title, Link.suspect_at)
        .join(other, other.uid == Link.from_uid)
        .where(Link.to_uid == uid)
        .order_by(Link.type, other.number)
    )
    return [LinkRow(r[0], r[1], True, *r[2:]) for r in out] + [
        LinkRow(r[0], r[1], False, *r[2:]) for r in into
    ]


def find_requirements(conn: Connection, text: str, limit: int = 20) -> list[tuple[str, str, str]]:
    """(uid, key, title) of requirements whose key or title contains `text`."""
    pattern = f"%{text.replace('%', '').replace('_', '')}%"
    rows = conn.execute(
        select(Requirement.uid, Requirement.key, Requirement.title)
        .where((Requirement.key.ilike(pattern)) | (Requirement.title.ilike(pattern)))
        .order_by(Requirement.number)
        .limit(limit)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def subtree_rows(conn: Connection, uid: str) -> list[tuple[Any, ...]]:
    """TREE_COLUMNS rows of `uid` and its descendants (for a restored subtree)."""
    tree = select(Requirement.uid).where(Requirement.uid == uid).cte(recursive=True)
    tree = tree.union_all(select(Requirement.uid).where(Requirement.parent_uid == tree.c.uid))
    rows = conn.execute(
        select(*TREE_COLUMNS)
        .where(Requirement.uid.in_(select(tree.c.uid)))
        .order_by(Requirement.rank, Requirement.uid)
    )
    return [tuple(r) for r in rows]


def child_order(conn: Connection, parent: str | None) -> list[str]:
    where = Requirement.parent_uid.is_(None) if parent is None else Requirement.parent_uid == parent
    rows = conn.execute(
        select(Requirement.uid).where(where).order_by(Requirement.rank, Requirement.uid)
    )
    return list(rows.scalars())


def persona_of_requirements(conn: Connection) -> dict[str, str]:
    """requirement uid → persona uid, for the requirements that name a persona
    (an index covers the read: the tree's filter and grouping ask it)."""
    found = conn.execute(
        select(Requirement.uid, Requirement.persona_uid).where(Requirement.persona_uid.is_not(None))
    )
    return {uid: str(persona) for uid, persona in found}


def owner_names(conn: Connection) -> list[str]:
    """Everyone who owns a requirement, for the owner field's suggestions."""
    rows = conn.execute(
        select(Requirement.owner)
        .where(Requirement.owner != "")
        .distinct()
        .order_by(Requirement.owner)
    )
    return list(rows.scalars())
