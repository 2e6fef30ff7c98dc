"""Suspect links: a link that rests on a requirement whose text changed needs review.

When a requirement's title, description or acceptance criteria change, every
link INTO it whose type depends on it (vocabulary.DEPENDING_LINK_TYPES: "A
depends on B", "A derived from B") gets `suspect_at` = now, in the same
transaction as the edit; the edit's inverse puts the old marks back, so undo
clears exactly the marks it set. `MarkReviewed` clears them (recorded in the
history, undoable).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import bindparam, select, update

from pmdesk.core.domain.vocabulary import DEPENDING_LINK_TYPES
from pmdesk.core.errors import OperationError
from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction
from pmdesk.core.schema.tables import TABLES

Mark = tuple[str, str | None]  # (link uid, its suspect_at before)


def mark_links_into(tx: Transaction, uid: str) -> tuple[tuple[Mark, ...], tuple[Effect, ...]]:
    """Mark the depending links into requirement `uid` suspect since now.

    Returns the marks as they were (for the inverse) and the effects.
    """
    table = TABLES["link"]
    found = tx.session.execute(
        select(table.c.uid, table.c.suspect_at).where(
            table.c.to_uid == uid, table.c.type.in_(DEPENDING_LINK_TYPES)
        )
    ).all()
    before = tuple((str(r.uid), r.suspect_at) for r in found if r.suspect_at != tx.now)
    if not before:
        return (), ()
    _write(tx, tuple((link, tx.now) for link, _ in before))
    return before, _effects(tuple((link, tx.now) for link, _ in before))


def _write(tx: Transaction, marks: tuple[Mark, ...]) -> None:
    table = TABLES["link"]
    old = dict(
        tx.session.execute(
            select(table.c.uid, table.c.suspect_at).where(table.c.uid.in_([m[0] for m in marks]))
        ).all()
    )
    tx.session.execute(
        update(table).where(table.c.uid == bindparam("link")).values(suspect_at=bindparam("at")),
        [{"link": link, "at": at} for link, at in marks],
    )
    tx.record_many("link", "suspect_at", ((link, old.get(link), at) for link, at in marks))


def _effects(marks: tuple[Mark, ...]) -> tuple[Effect, ...]:
    return tuple(
        Effect(
            "link", link, "updated", ("suspect_at",), values=MappingProxyType({"suspect_at": at})
        )
        for link, at in marks
    )


@dataclass(frozen=True)
class RestoreMarks(Operation):
    """Put links' suspect marks back as they were (the part of an edit's undo
    that clears the marks the edit set)."""

    marks: tuple[Mark, ...]

    def apply(self, tx: Transaction) -> Applied:
        table = TABLES["link"]
        present = set(
            tx.session.execute(
                select(table.c.uid, table.c.suspect_at).where(
                    table.c.uid.in_([m[0] for m in self.marks])
                )
            ).all()
        )
        now = {str(uid): at for uid, at in present}
        marks = tuple(m for m in self.marks if m[0] in now)
        if marks:
            _write(tx, marks)
        return Applied(
            Label("change", "link", ""),
            _effects(marks),
            RestoreMarks(tuple((link, now[link]) for link, _ in marks)),
        )


@dataclass(frozen=True)
class MarkReviewed(Operation):
    """Mark suspect links reviewed: `suspect_at` cleared, `reviewed_at` now."""

    links: tuple[str, ...]

    def apply(self, tx: Transaction) -> Applied:
        table = TABLES["link"]
        rows = {
            str(r.uid): r
            for r in tx.session.execute(select(table).where(table.c.uid.in_(self.links))).all()
        }
        missing = [uid for uid in self.links if uid not in rows]
        if missing:
            raise OperationError("edit.missing", entity="link", uid=missing[0])
        before: list[tuple[str, str | None, str | None]] = []
        effects: list[Effect] = []
        for uid in dict.fromkeys(self.links):
            row = rows[uid]
            if row.suspect_at is None:
                continue  # reviewed already (by this click's other half, or a colleague)
            before.append((uid, row.suspect_at, row.reviewed_at))
            tx.session.execute(
                update(table).where(table.c.uid == uid).values(suspect_at=None, reviewed_at=tx.now)
            )
            # One history row says it (its time is the review's): "needs review" → "reviewed".
            tx.record("link", uid, "suspect_at", row.suspect_at, None)
            values: dict[str, Any] = {"suspect_at": None, "reviewed_at": tx.now}
            effects.append(
                Effect(
                    "link",
                    uid,
                    "updated",
                    ("suspect_at", "reviewed_at"),
                    values=MappingProxyType(values),
                )
            )
        return Applied(
            _label(tx, [b[0] for b in before] or list(self.links)),
            tuple(effects),
            _Unreview(tuple(before)),
        )


def _label(tx: Transaction, links: list[str]) -> Label:
    if len(links) != 1:
        count = str(len(links))
        return Label("change", "link", "", len(links), "link.review_many", (("count", count),))
    table, req = TABLES["link"], TABLES["requirement"]
    ends = tx.session.execute(
        select(table.c.from_uid, table.c.to_uid).where(table.c.uid == links[0])
    ).first()
    found = tx.session.execute(select(req.c.uid, req.c.key).where(req.c.uid.in_(ends or ())))
    keys = {str(uid): str(key) for uid, key in found}
    name = f"{keys.get(ends[0], '?')} → {keys.get(ends[1], '?')}" if ends else "?"
    return Label("change", "link", name, 1, "link.review", (("name", name),))


@dataclass(frozen=True)
class _Unreview(Operation):
    """The inverse of MarkReviewed: (link, suspect_at, reviewed_at) as they were."""

    before: tuple[tuple[str, str | None, str | None], ...]

    def apply(self, tx: Transaction) -> Applied:
        table = TABLES["link"]
        effects: list[Effect] = []
        for uid, suspect_at, reviewed_at in self.before:
            row = tx.row("link", uid)
            if row is None:
                raise OperationError("edit.missing", entity="link", uid=uid)
            tx.session.execute(
                update(table)
                .where(table.c.uid == uid)
                .values(suspect_at=suspect_at, reviewed_at=reviewed_at)
            )
            tx.record("link", uid, "suspect_at", row["suspect_at"], suspect_at)
            values: dict[str, Any] = {"suspect_at": suspect_at, "reviewed_at": reviewed_at}
            effects.append(
                Effect(
                    "link",
                    uid,
                    "updated",
                    ("suspect_at", "reviewed_at"),
                    values=MappingProxyType(values),
                )
            )
        return Applied(
            _label(tx, [b[0] for b in self.before]),
            tuple(effects),
            MarkReviewed(tuple(b[0] for b in self.before)),
        )
