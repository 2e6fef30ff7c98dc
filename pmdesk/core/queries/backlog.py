"""The backlog table's rows: every requirement's listable fields, as plain tuples.

One row per requirement in the columns of `BACKLOG_COLUMNS` (tags as a tuple of
texts), read in one call as the driver's plain tuples like `tree_rows`: at
100,000 requirements row objects would cost more than the read itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from pmdesk.core.schema.tables import Requirement

BACKLOG_COLUMNS = (
    Requirement.uid,
    Requirement.parent_uid,
    Requirement.key,
    Requirement.number,
    Requirement.title,
    Requirement.kind,
    Requirement.status,
    Requirement.priority,
    Requirement.kano,
    Requirement.owner,
    Requirement.release_uid,
    Requirement.lane_uid,
    Requirement.start,
    Requirement.end,
    Requirement.tags,
    Requirement.rice_reach,
    Requirement.rice_impact,
    Requirement.rice_confidence,
    Requirement.rice_effort,
    Requirement.persona_uid,  # schema 7
    Requirement.value,
    Requirement.horizon,
)
# Positions inside a backlog row; the fields an Effect names map onto them.
(
    UID,
    PARENT,
    KEY,
    NUMBER,
    TITLE,
    KIND,
    STATUS,
    PRIORITY,
    KANO,
    OWNER,
    RELEASE,
    LANE,
    START,
    END,
    TAGS,
    REACH,
    IMPACT,
    CONFIDENCE,
    EFFORT,
    PERSONA,
    VALUE,
    HORIZON,
) = range(len(BACKLOG_COLUMNS))
FIELD_POSITIONS = {
    "title": TITLE,
    "kind": KIND,
    "status": STATUS,
    "priority": PRIORITY,
    "kano": KANO,
    "owner": OWNER,
    "release": RELEASE,
    "lane": LANE,
    "start": START,
    "end": END,
    "tags": TAGS,
    "persona": PERSONA,
    "value": VALUE,
    "horizon": HORIZON,
}
RICE_POSITIONS = {"reach": REACH, "impact": IMPACT, "confidence": CONFIDENCE, "effort": EFFORT}
BacklogRow = tuple[Any, ...]
_CHUNK = 500  # uids per IN (…) list, below SQLite's parameter limit


def backlog_rows(conn: Connection, uids: Iterable[str] | None = None) -> list[BacklogRow]:
    """The rows of `uids` (None: every requirement), in no particular order."""
    statement = select(*BACKLOG_COLUMNS)
    if uids is None:
        return _fetch(conn, statement)
    wanted = list(uids)
    rows: list[BacklogRow] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows += _fetch(conn, statement.where(Requirement.uid.in_(chunk)))
    return rows


def _fetch(conn: Connection, statement: Any) -> list[BacklogRow]:
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), tuple(compiled.params.values()))
        found = cursor.fetchall()
    finally:
        cursor.close()
    loads = json.loads
    # Most rows have no tags: skip the JSON parser for those.
    return [
        (*r[:TAGS], () if r[TAGS] == "[]" else tuple(loads(r[TAGS])), *r[TAGS + 1 :]) for r in found
    ]
