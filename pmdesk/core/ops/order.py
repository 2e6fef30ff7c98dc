"""Sibling order in the database: picking a rank for an index, guarding the tree."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, func, select

from pmdesk.core.domain.ranks import rank_between
from pmdesk.core.errors import OperationError
from pmdesk.core.ops.base import Transaction
from pmdesk.core.schema.tables import TABLES


def _siblings_filter(entity: str, parent: str | None, exclude: Collection[str]) -> list[Any]:
    table = TABLES[entity]
    conditions: list[ColumnElement[bool]] = []
    if entity == "requirement":
        column = table.c.parent_uid
        conditions.append(column.is_(None) if parent is None else column == parent)
    if exclude:
        conditions.append(table.c.uid.not_in(list(exclude)))
    return conditions


def _neighbours(
    tx: Transaction, entity: str, parent: str | None, index: int | None, exclude: Collection[str]
) -> tuple[str | None, str | None]:
    """Ranks of the siblings a row at `index` would sit between (None: no neighbour)."""
    table = TABLES[entity]
    where = _siblings_filter(entity, parent, exclude)
    if index is None:
        return tx.session.execute(select(func.max(table.c.rank)).where(*where)).scalar(), None
    if index < 0:
        raise OperationError("edit.bad_position", index=index)
    rows = (
        tx.session.execute(
            select(table.c.rank)
            .where(*where)
            .order_by(table.c.rank, table.c.uid)
            .limit(2)
            .offset(max(index - 1, 0))
        )
        .scalars()
        .all()
    )
    if index == 0:
        return None, (rows[0] if rows else None)
    if not rows:  # past the end: append
        return _neighbours(tx, entity, parent, None, exclude)
    return rows[0], (rows[1] if len(rows) > 1 else None)


def ranks_for_block(
    tx: Transaction,
    entity: str,
    parent: str | None,
    index: int | None,
    count: int,
    exclude: Collection[str] = (),
) -> list[str]:
    """`count` increasing ranks that place a block of rows at `index` among the
    siblings not in `exclude`. Reads at most two neighbouring ranks.

    Two siblings with one rank (an older pmdesk gave both people the same rank
    and merged them so) have no rank between them: the block goes right after
    them. No other row is re-ranked: that would be an edit of rows the user did
    not touch, and a colleague's edit of them would then conflict with it."""
    before, after = _neighbours(tx, entity, parent, index, exclude)
    while True:
        try:
            ranks: list[str] = []
            for _ in range(count):
                before = rank_between(before, after, tx.rank_salt)
                ranks.append(before)
            return ranks
        except ValueError:  # tied neighbours, or no string fits between them
            before = after
            after = _next_rank(tx, entity, parent, before, exclude)


def _next_rank(
    tx: Transaction, entity: str, parent: str | None, rank: str | None, exclude: Collection[str]
) -> str | None:
    """The lowest sibling rank above `rank` (None: there is none)."""
    table = TABLES[entity]
    where = _siblings_filter(entity, parent, exclude)
    return tx.session.execute(
        select(func.min(table.c.rank)).where(*where, table.c.rank > rank)
    ).scalar()


def rank_for_index(
    tx: Transaction, entity: str, parent: str | None, index: int | None, exclude: str | None = None
) -> str:
    """A rank that puts a row at `index` among its siblings (None: at the end)."""
    return ranks_for_block(tx, entity, parent, index, 1, () if exclude is None else (exclude,))[0]


def ancestors(tx: Transaction, uid: str | None) -> list[str]:
    """`uid` and its ancestors, nearest first."""
    table = TABLES["requirement"]
    chain: list[str] = []
    while uid is not None:
        if uid in chain:  # a cycle would be a damaged file; stop rather than spin
            break
        chain.append(uid)
        uid = tx.session.execute(select(table.c.parent_uid).where(table.c.uid == uid)).scalar()
    return chain


def subtree(tx: Transaction, uid: str) -> list[str]:
    """`uid` and all its descendants, parents before children, siblings in order."""
    table = TABLES["requirement"]
    order: list[str] = []
    level = [uid]
    while level:
        order.extend(level)
        rows: list[Any] = []
        for start in range(0, len(level), 500):  # stay under SQLite's parameter limit
            rows += tx.session.execute(
                select(table.c.uid, table.c.parent_uid)
                .where(table.c.parent_uid.in_(level[start : start + 500]))
                .order_by(table.c.rank, table.c.uid)
            ).all()
        position = {u: i for i, u in enumerate(level)}
        level = [r.uid for r in sorted(rows, key=lambda r: position[r.parent_uid])]
    return order
