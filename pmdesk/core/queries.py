"""Read-only questions about a project, answered as plain data (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from pmdesk.core.model import (
    Baseline,
    HistoryEntry,
    Lane,
    Link,
    Milestone,
    Project,
    Release,
    Requirement,
    Section,
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


def counts(conn: Connection) -> Counts:
    def n(entity: type) -> int:
        return int(conn.execute(select(func.count()).select_from(entity)).scalar_one())

    return Counts(
        n(Requirement),
        n(Release),
        n(Milestone),
        n(Lane),
        n(Link),
        n(Section),
        n(Baseline),
        n(HistoryEntry),
    )


@dataclass(frozen=True)
class ProjectInfo:
    uid: str
    title: str
    product: str
    version: str
    key_prefix: str
    language: str


def project_info(conn: Connection) -> ProjectInfo:
    row = conn.execute(
        select(
            Project.uid,
            Project.title,
            Project.product,
            Project.version,
            Project.key_prefix,
            Project.language,
        )
    ).one()
    return ProjectInfo(*row)


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

    Loaded as columns, not ORM entities: about six times faster at 100,000 rows.
    """
    result = conn.execute(select(*TREE_COLUMNS).order_by(Requirement.rank, Requirement.uid))
    return [tuple(r) for r in result]  # type: ignore[misc]
