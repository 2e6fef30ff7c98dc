"""Project content for the document: the requirements a pmdesk block shows.

Preview and export both expand blocks from these rows, so the two never disagree.
Rows are frozen plain data, built from columns (never ORM objects), in tree order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.directive_filter import Filter, matches
from pmdesk.core.domain.directives import RequirementsDirective
from pmdesk.core.domain.fields import from_columns
from pmdesk.core.schema.tables import (
    HistoryEntry,
    Lane,
    Link,
    Persona,
    Release,
    Requirement,
    table_of,
)

Row = Mapping[str, Any]


@dataclass(frozen=True)
class RequirementRow:
    """One requirement as a document shows it; release and lane by name."""

    uid: str
    key: str
    parent_uid: str | None
    title: str
    kind: str
    status: str
    priority: str | None  # None: not assessed
    kano: str | None
    rice_score: float | None
    owner: str
    release: str | None
    lane: str | None
    start: str | None
    end: str | None
    depth: int
    description: str
    acceptance: tuple[str, ...]
    tags: tuple[str, ...]
    source: str
    persona: str | None = None  # the persona's name (schema 7)


def requirements_for(
    conn: Connection, directive: RequirementsDirective | Filter
) -> list[RequirementRow]:
    """The requirements a `requirements` block selects, depth-first in tree order.

    `depth` is the position in the whole tree (0 for top-level), so a filtered
    table can still indent children under their parents.
    """
    return select_rows(all_requirement_rows(conn), directive)


def all_requirement_rows(conn: Connection) -> list[RequirementRow]:
    """Every requirement, depth-first in tree order."""
    releases = _names(conn, Release.uid, Release.name)
    lanes = _names(conn, Lane.uid, Lane.name)
    personas = _names(conn, Persona.uid, Persona.name)
    rows = [dict(r) for r in conn.execute(select(table_of(Requirement))).mappings()]
    result: list[RequirementRow] = []
    for depth, row in _tree_order(rows):
        values = from_columns("requirement", row)
        release = releases.get(row["release_uid"])
        lane = lanes.get(row["lane_uid"])
        persona = personas.get(row["persona_uid"])
        result.append(_row(row, values, release, lane, depth, persona))
    return result


def select_rows(
    rows: Sequence[RequirementRow], directive: RequirementsDirective | Filter
) -> list[RequirementRow]:
    """The rows a block's filter keeps, in their order."""
    wanted = directive.filter if isinstance(directive, RequirementsDirective) else directive
    if not wanted.terms:
        return list(rows)
    return [r for r in rows if matches(wanted, _match_values(r), r.release, r.lane)]


def _match_values(row: RequirementRow) -> dict[str, object]:
    return {
        "status": row.status,
        "priority": row.priority,
        "kind": row.kind,
        "kano": row.kano,
        "owner": row.owner,
        "tags": row.tags,
        "persona": row.persona,
    }


def release_names(conn: Connection) -> list[str]:
    """Release names by start date (undated last), then name."""
    rows = conn.execute(select(Release.name, Release.start)).all()
    return [name for name, _ in sorted(rows, key=lambda r: (r[1] is None, r[1] or "", r[0]))]


def _names(conn: Connection, uid: Any, name: Any) -> dict[str, str]:
    return {u: n for u, n in conn.execute(select(uid, name))}


def _tree_order(rows: Sequence[Row]) -> Iterator[tuple[int, Row]]:
    """Depth-first, siblings by (rank, uid); iterative so deep trees cannot overflow."""
    children: dict[str | None, list[Row]] = {}
    for row in rows:
        children.setdefault(row["parent_uid"], []).append(row)
    for siblings in children.values():
        siblings.sort(key=lambda r: (r["rank"], r["uid"]), reverse=True)
    stack = [(0, row) for row in children.get(None, [])]
    while stack:
        depth, row = stack.pop()
        yield depth, row
        stack.extend((depth + 1, child) for child in children.get(row["uid"], []))


def _row(
    row: Row,
    values: Mapping[str, Any],
    release: str | None,
    lane: str | None,
    depth: int,
    persona: str | None = None,
) -> RequirementRow:
    rice = values["rice"]
    score = vocabulary.rice_score(**rice) if rice else None
    return RequirementRow(
        uid=row["uid"],
        key=row["key"],
        parent_uid=row["parent_uid"],
        title=values["title"],
        kind=values["kind"],
        status=values["status"],
        priority=values["priority"],
        kano=values["kano"],
        rice_score=score,
        owner=values["owner"],
        release=release,
        lane=lane,
        start=values["start"],
        end=values["end"],
        depth=depth,
        description=values["description"],
        acceptance=tuple(values["acceptance"]),
        tags=tuple(values["tags"]),
        source=values["source"],
        persona=persona,
    )


@dataclass(frozen=True)
class LinkEnd:
    """One link seen from one requirement: its type, direction and the other end."""

    type: str
    outgoing: bool
    other_key: str
    suspect: bool = False  # the link needs review (its target's text changed)


def links_by_requirement(conn: Connection) -> dict[str, list[LinkEnd]]:
    """uid → its links both ways, by type then the other end's number."""
    keys = {
        uid: (key, number)
        for uid, key, number in conn.execute(
            select(Requirement.uid, Requirement.key, Requirement.number)
        )
    }
    result: dict[str, list[LinkEnd]] = {}
    for source, target, kind, at in conn.execute(
        select(Link.from_uid, Link.to_uid, Link.type, Link.suspect_at)
    ):
        suspect = at is not None
        result.setdefault(source, []).append(LinkEnd(kind, True, keys[target][0], suspect))
        result.setdefault(target, []).append(LinkEnd(kind, False, keys[source][0], suspect))
    order = {key: number for key, number in keys.values()}
    for ends in result.values():
        ends.sort(key=lambda e: (e.type, not e.outgoing, order.get(e.other_key, 0)))
    return result


@dataclass(frozen=True)
class EditSummary:
    last_at: str | None
    people: list[str]
    """Who edited, most edits first."""


def edit_summary(conn: Connection, since: str = "") -> EditSummary:
    """When the project was last edited and by whom (after `since`, an ISO time)."""
    rows = conn.execute(
        select(HistoryEntry.by, func.count(), func.max(HistoryEntry.at))
        .where(HistoryEntry.at > since)
        .group_by(HistoryEntry.by)
    ).all()
    people = [by for by, _, _ in sorted(rows, key=lambda r: (-r[1], r[0])) if by]
    last = max((at for _, _, at in rows if at), default=None)
    return EditSummary(last, people)
