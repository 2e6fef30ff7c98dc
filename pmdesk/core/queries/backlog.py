"""The backlog table's rows: every requirement's listable fields, as plain tuples.

One row per requirement in the columns of `BACKLOG_COLUMNS` (tags as a tuple of
texts), read in one call as the driver's plain tuples like `tree_rows`: at
100,000 requirements row objects would cost more than the read itself.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, select

from pmdesk.core.schema.tables import Requirement

FILTERED = ("kano", "lane", "persona", "tags", "start", "end")  # what the tree's filter reads

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


def backlog_rows(
    conn: Connection, uids: Iterable[str] | None = None, *, only: Collection[str] | None = None
) -> list[BacklogRow]:
    """The rows of `uids` (None: every requirement), in no particular order.
    `only` (FIELD_POSITIONS names): read just those fields, the others None,
    in the same positions (the tree's filter on Kano, lanes, tags or dates
    reads every requirement: a few columns read in a fraction of the time)."""
    positions = list(range(len(BACKLOG_COLUMNS)))
    if only is not None:
        positions = [UID, *sorted({FIELD_POSITIONS[name] for name in only})]
    statement = select(*(BACKLOG_COLUMNS[p] for p in positions))
    if uids is None:
        return _fetch(conn, statement, positions)
    wanted = list(uids)
    rows: list[BacklogRow] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows += _fetch(conn, statement.where(Requirement.uid.in_(chunk)), positions)
    return rows


def _fetch(conn: Connection, statement: Any, positions: list[int]) -> list[BacklogRow]:
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), tuple(compiled.params.values()))
        found = cursor.fetchall()
    finally:
        cursor.close()
    if len(positions) < len(BACKLOG_COLUMNS):  # spread over a whole row's positions
        blank = len(positions)  # the None appended to each row read
        spread = itemgetter(
            *(positions.index(p) if p in positions else blank for p in range(len(BACKLOG_COLUMNS)))
        )
        found = [spread((*r, None)) for r in found]
    return [(*r[:TAGS], _tags(r[TAGS]), *r[TAGS + 1 :]) for r in found]


def _tags(text: str | None) -> tuple[str, ...] | None:
    """A row's tags from their JSON list (None: not read)."""
    if text == "[]":  # most rows
        return ()
    if text is None:
        return None
    if text.startswith('["') and "\\" not in text:
        # pmdesk's own list of strings, nothing escaped: the items lie between
        # '", "' (an item holding quotes would hold backslashes). A tenth of
        # the time of the JSON parser, which the rest goes to.
        items = tuple(text[2:-2].split('", "'))
        if text.endswith('"]') and text.count('"') == 2 * len(items):
            return items
    return tuple(json.loads(text))
