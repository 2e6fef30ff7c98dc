"""The requirements a saved view (or any filter) finds, in the tree's order.

The same `find_matches` the window's filter bar uses (core.queries.criteria),
fed from one connection: the tree rows, the backlog rows when the filter asks
for kano, lane, persona, tags or dates, the full-text search for its words
(core.search, as Find in Project finds them), what changed since a baseline
and the requirements whose links need review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from pmdesk.core.queries.backlog import backlog_rows
from pmdesk.core.queries.criteria import (
    KEY,
    PARENT,
    TITLE,
    UID,
    Criteria,
    find_matches,
    from_json,
)
from pmdesk.core.queries.custom import custom_values
from pmdesk.core.queries.requirements import tree_rows
from pmdesk.core.queries.trace import suspect_requirements
from pmdesk.core.queries.views import SavedViewRecord
from pmdesk.core.search.index import ScanIndex
from pmdesk.core.snapshot.baselines import baseline_snapshot
from pmdesk.core.snapshot.compare import compare
from pmdesk.core.snapshot.convert import frozen_project

Search = Callable[[str], set[str]]  # a query's requirement uids
_ALL = 10**9  # every match of the search, not the first page


def scan_search(conn: Connection) -> Search:
    """The search of a project read in place (no index): the project is scanned."""
    index = ScanIndex(lambda sql, params: conn.exec_driver_sql(sql, tuple(params)).all())
    return lambda text: {
        m.uid for m in index.search(text, _ALL).matches if m.entity == "requirement"
    }


def matching_uids(
    conn: Connection, criteria: Criteria, *, search: Search | None = None
) -> list[str]:
    """The requirements `criteria` finds (not their ancestors), in tree order;
    every requirement when it asks for nothing. `search`: how its words are
    found (default: a scan of the project; an open Project passes its index)."""
    rows = tree_rows(conn)
    order = tree_order(rows)
    if not criteria.active:
        return order
    by_uid: dict[str, tuple[Any, ...]] = {str(row[UID]): row for row in rows}
    found: set[str] | None = None
    text = criteria.text.strip()
    if text:
        found = (search or scan_search(conn))(text)
        found |= _keys_and_titles(rows, text)
    matches = find_matches(
        by_uid,
        criteria,
        found=found,
        rows=_backlog(conn) if criteria.needs_rows else None,
        changed=_changed_since(conn, criteria.baseline) if criteria.baseline else None,
        review=_needing_review(conn) if criteria.needs_review else None,
        custom=custom_values(conn) if criteria.needs_custom else None,
    )
    return [uid for uid in order if uid in matches]


def view_uids(
    conn: Connection, view: SavedViewRecord, *, search: Search | None = None
) -> list[str]:
    """The requirements saved view `view` shows, in tree order."""
    return matching_uids(conn, from_json(view.criteria), search=search)


def tree_order(rows: Sequence[Sequence[Any]]) -> list[str]:
    """Tree rows (siblings in order) as the tree shows them: parents before
    their children, depth first."""
    children: dict[str | None, list[str]] = {}
    for row in rows:
        children.setdefault(row[PARENT], []).append(row[UID])
    out: list[str] = []
    pending = list(reversed(children.get(None, [])))
    while pending:
        uid = pending.pop()
        out.append(uid)
        pending += reversed(children.get(uid, []))
    return out


def _keys_and_titles(rows: Iterable[Sequence[Any]], text: str) -> set[str]:
    """What the tree's own text filter finds: the words in a key or title
    (the tree's filter matches those as typed, the search by its words)."""
    needle = text.casefold()
    return {
        row[UID]
        for row in rows
        if needle in str(row[KEY]).casefold() or needle in str(row[TITLE]).casefold()
    }


def _backlog(conn: Connection) -> dict[str, tuple[Any, ...]]:
    return {row[0]: row for row in backlog_rows(conn)}


def _changed_since(conn: Connection, baseline: str) -> set[str]:
    """Requirements added or changed since the baseline (none when it is gone)."""
    before = baseline_snapshot(conn, baseline)
    if before is None:
        return set()
    comparison = compare(before, frozen_project(conn))
    return {r.uid for r in comparison.added} | {r.uid for r, _ in comparison.changed}


def _needing_review(conn: Connection) -> set[str]:
    return set(suspect_requirements(conn))
