"""The project's saved views (schema 9) as plain records, in the list's order."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from pmdesk.core.schema.tables import SavedView


@dataclass(frozen=True)
class SavedViewRecord:
    """A named filter (`criteria`: JSON of core.queries.criteria) with the
    backlog's shown `columns`, `grouping` (None: none) and `sort`
    ((column id, "asc" | "desc"), the first key deciding)."""

    uid: str
    name: str
    criteria: dict[str, Any]
    columns: tuple[str, ...]
    grouping: str | None
    sort: tuple[tuple[str, str], ...]
    rank: str


def saved_views(conn: Connection) -> list[SavedViewRecord]:
    rows = conn.execute(select(SavedView.__table__).order_by(SavedView.rank, SavedView.uid))
    return [
        SavedViewRecord(
            r.uid,
            r.name,
            json.loads(r.criteria),
            tuple(json.loads(r.columns)),
            r.grouping,
            tuple((str(k[0]), str(k[1])) for k in json.loads(r.sort)),
            r.rank,
        )
        for r in rows
    ]


def view_named(views: list[SavedViewRecord], name: str) -> SavedViewRecord | None:
    """The view called `name` (blanks and case ignored, as a PRD block names it)."""
    key = " ".join(name.split()).casefold()
    return next((v for v in views if " ".join(v.name.split()).casefold() == key), None)
