"""Create, rename and delete baselines, as undoable operations.

Creating freezes the project as it is at that moment; the inverse of a delete
puts back the baseline exactly as it was frozen (not the project at undo time),
so redo and undo never change what a baseline says. The history records the
name, not the snapshot: a baseline is the snapshot, the history says who made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, insert, select, update

from pmdesk.core.errors import OperationError
from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction
from pmdesk.core.schema import tables
from pmdesk.core.snapshot.baselines import NAME_LIMIT, clean_name, frozen_text, name_key
from pmdesk.core.snapshot.convert import frozen_project

BASELINE = tables.table_of(tables.Baseline)


def _checked_name(tx: Transaction, name: str, uid: str, *, as_is: bool = False) -> str:
    """The name cleaned, or a refusal: empty, too long, or another baseline's name.

    `as_is` keeps a name that was stored before (an undo puts back what was there).
    """
    cleaned = name if as_is else clean_name(name)
    if not cleaned.strip():
        raise OperationError("baseline.no_name")
    if len(cleaned) > NAME_LIMIT and not as_is:
        raise OperationError("baseline.name_too_long", limit=NAME_LIMIT)
    wanted = name_key(cleaned)
    for other_uid, other in tx.session.execute(select(BASELINE.c.uid, BASELINE.c.name)):
        if other_uid != uid and name_key(other) == wanted:
            raise OperationError("baseline.name_taken", name=other)
    return cleaned


def _row(tx: Transaction, uid: str) -> dict[str, Any]:
    found = tx.session.execute(select(BASELINE).where(BASELINE.c.uid == uid)).mappings().first()
    if found is None:
        raise OperationError("edit.missing", entity="baseline", uid=uid)
    return dict(found)


@dataclass(frozen=True)
class CreateBaseline(Operation):
    """Freeze the project as baseline `name`.

    `snapshot`, `created_at` and `created_by` are set only to put back a deleted
    baseline as it was; left out, the baseline is the project now, made now by
    the current user.
    """

    uid: str
    name: str
    snapshot: str | None = None
    created_at: str | None = None
    created_by: str | None = None

    def apply(self, tx: Transaction) -> Applied:
        exists = tx.session.execute(select(BASELINE.c.uid).where(BASELINE.c.uid == self.uid))
        if exists.first() is not None:
            raise OperationError("edit.exists", entity="baseline", uid=self.uid)
        restoring = self.snapshot is not None
        name = _checked_name(tx, self.name, self.uid, as_is=restoring)
        snapshot = self.snapshot
        if snapshot is None:
            snapshot = frozen_text(frozen_project(tx.session.connection()))
        row = {
            "uid": self.uid,
            "name": name,
            "created_at": self.created_at or tx.now,
            "created_by": self.created_by if self.created_by is not None else tx.user,
            "snapshot": snapshot,
        }
        tx.session.execute(insert(BASELINE).values(**row))
        recorded = {k: row[k] for k in ("name", "created_at", "created_by")}
        tx.record("baseline", self.uid, "created", None, recorded)
        return Applied(
            Label("restore" if restoring else "create", "baseline", name),
            (Effect("baseline", self.uid, "inserted"),),
            DeleteBaseline(self.uid),
        )


@dataclass(frozen=True)
class RenameBaseline(Operation):
    """Give a baseline another name (the same rules as a new one; `exact`, for
    undo, puts back a stored name as it was)."""

    uid: str
    name: str
    exact: bool = False

    def apply(self, tx: Transaction) -> Applied:
        row = _row(tx, self.uid)
        old = str(row["name"])
        new = _checked_name(tx, self.name, self.uid, as_is=self.exact)
        effects: tuple[Effect, ...] = ()
        if new != old:
            tx.session.execute(update(BASELINE).where(BASELINE.c.uid == self.uid).values(name=new))
            tx.record("baseline", self.uid, "name", old, new)
            effects = (
                Effect(
                    "baseline",
                    self.uid,
                    "updated",
                    ("name",),
                    values=MappingProxyType({"name": new}),
                ),
            )
        return Applied(
            Label("rename", "baseline", new), effects, RenameBaseline(self.uid, old, exact=True)
        )


@dataclass(frozen=True)
class DeleteBaseline(Operation):
    """Delete a baseline; the inverse puts it back with its frozen snapshot."""

    uid: str

    def apply(self, tx: Transaction) -> Applied:
        row = _row(tx, self.uid)
        tx.session.execute(delete(BASELINE).where(BASELINE.c.uid == self.uid))
        recorded = {k: row[k] for k in ("name", "created_at", "created_by")}
        tx.record("baseline", self.uid, "deleted", recorded, None)
        return Applied(
            Label("delete", "baseline", str(row["name"])),
            (Effect("baseline", self.uid, "removed"),),
            CreateBaseline(
                self.uid, row["name"], row["snapshot"], row["created_at"], row["created_by"]
            ),
        )
