"""Sibling order in the database: picking a rank for an index, guarding the tree."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, select, update

from pmdesk.core.errors import OperationError
from pmdesk.core.ops.base import TABLES, Transaction
from pmdesk.core.ranks import evenly_spaced, rank_between


def _siblings_filter(entity: str, parent: str | None, exclude: str | None) -> list[Any]:
    table = TABLES[entity]
    conditions: list[ColumnElement[bool]] = []
    if entity == "requirement":
        column = table.c.parent_uid
        conditions.append(column.is_(None) if parent is None else column == parent)
    if exclude is not None:
        conditions.append(table.c.uid != exclude)
    return conditions


def rank_for_index(
    tx: Transaction, entity: str, parent: str | None, index: int | None, exclude: str | None = None
) -> str:
    """A rank that puts a row at `index` among its siblings (None: at the end).

    Reads at most two neighbouring ranks; the caller writes a single row.
    """
    table = TABLES[entity]
    where = _siblings_filter(entity, parent, exclude)
    if index is None:
        last = tx.session.execute(select(func.max(table.c.rank)).where(*where)).scalar()
        return rank_between(last, None)
    if index < 0:
        raise OperationError(f"Position {index} is not valid.")
    offset = max(index - 1, 0)
    rows = (
        tx.session.execute(
            select(table.c.rank)
            .where(*where)
            .order_by(table.c.rank, table.c.uid)
            .limit(2)
            .offset(offset)
        )
        .scalars()
        .all()
    )
    if index == 0:
        before, after = None, (rows[0] if rows else None)
    else:
        before = rows[0] if rows else None
        after = rows[1] if len(rows) > 1 else None
        if before is None:  # index past the end: append
            return rank_for_index(tx, entity, parent, None, exclude)
    if before is not None and after is not None and before >= after:
        # Equal ranks can only come from merged edits; spread the siblings once.
        _respace(tx, entity, parent)
        return rank_for_index(tx, entity, parent, index, exclude)
    return rank_between(before, after)


def _respace(tx: Transaction, entity: str, parent: str | None) -> None:
    table = TABLES[entity]
    uids = (
        tx.session.execute(
            select(table.c.uid)
            .where(*_siblings_filter(entity, parent, None))
            .order_by(table.c.rank, table.c.uid)
        )
        .scalars()
        .all()
    )
    for uid, rank in zip(uids, evenly_spaced(len(uids)), strict=True):
        tx.session.execute(update(table).where(table.c.uid == uid).values(rank=rank))


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
