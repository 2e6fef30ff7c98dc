"""Edits of many requirements at once (the backlog's bulk edit), as one undo step.

`UpdateMany` is what a `Batch` of `Update`s does, checked the same way, written
in a few statements instead of four per row (reading the rows, updating them
and recording their history in bulk): setting the priority of 1,000
requirements is one transaction of a handful of statements. Its label says what
the user did: "Set priority of 12 requirements" (messages.UNDO_TEXTS "bulk.*").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.fields import FieldError, check_dates, spec, to_columns
from pmdesk.core.errors import OperationError
from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction
from pmdesk.core.schema.tables import TABLES

# What a bulk edit can say it did; "edit" is any other set of fields.
BULK_FIELDS = ("release", "priority", "status", "owner", "lane", "kind", "kano")
TAG_EDITS = ("tags_add", "tags_remove")
_CHUNK = 500  # uids per IN (…) list


def bulk_label(what: str, count: int, key: str) -> Label:
    """ "Set priority of 12 requirements" (`what`: a field of BULK_FIELDS, a tag
    edit, or "edit"); one requirement is named by its key."""
    if count == 1:
        return Label("edit", "requirement", key, 1, f"bulk.{what}.one", (("key", key),))
    return Label("edit", "requirement", key, count, f"bulk.{what}", (("count", str(count)),))


def _label_of(values: Mapping[str, Any]) -> str:
    [name] = values if len(values) == 1 else ("edit",)
    return name if name in BULK_FIELDS else "edit"


@dataclass(frozen=True)
class UpdateMany(Operation):
    """Set fields of many requirements: `changes` is (uid, values) for each, in order;
    fields left out keep their value. One undo step, labelled by `what` (None:
    from the fields, "Set priority of 12 requirements")."""

    changes: tuple[tuple[str, Mapping[str, Any]], ...]
    what: str | None = None

    def apply(self, tx: Transaction) -> Applied:
        entity = "requirement"
        table = TABLES[entity]
        names = {name for _, values in self.changes for name in values}
        rows = _rows(tx, [uid for uid, _ in self.changes], names)
        checked_cache: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}
        referenced: set[tuple[str, str]] = set()
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        effects: list[Effect] = []
        inverse: list[tuple[str, Mapping[str, Any]]] = []
        history: dict[str, list[tuple[str, Any, Any]]] = {}
        for uid, values in self.changes:
            row = rows.get(uid)
            if row is None:
                raise OperationError("edit.missing", entity=entity, uid=uid)
            new = _checked(values, checked_cache)
            current = _current(row, values)
            changed = {k: v for k, v in new.items() if current[k] != v}
            if not changed:
                continue
            for name, value in changed.items():
                target = spec(entity, name).references
                if target and value is not None:
                    referenced.add((target, value))
            try:
                check_dates({**current, **changed})
            except FieldError as e:
                raise OperationError("edit.invalid_dates", entity=entity, detail=e) from None
            columns = to_columns(entity, changed) | {"updated_at": tx.now, "updated_by": tx.user}
            written = tuple(sorted(columns))
            updates.setdefault(written, []).append((*(columns[c] for c in written), uid))
            for name, value in changed.items():
                history.setdefault(name, []).append((uid, current[name], value))
            effects.append(
                Effect(
                    entity,
                    uid,
                    "updated",
                    tuple(changed),
                    values=MappingProxyType(changed),
                    stamp=(tx.now, tx.user),
                )
            )
            inverse.append((uid, MappingProxyType({k: current[k] for k in changed})))
        for target, value in referenced:
            if not tx.exists(target, value):
                raise OperationError("edit.missing", entity=target, uid=value)
        connection = tx.session.connection()
        for written, params in updates.items():  # plain values: the driver's executemany
            assignments = ", ".join(f'"{table.c[c].name}" = ?' for c in written)
            connection.exec_driver_sql(
                f'UPDATE "{table.name}" SET {assignments} WHERE uid = ?', params
            )
        for name, changes in history.items():
            tx.record_many(entity, name, changes)
        what = self.what or _label_of(self.changes[0][1] if self.changes else {})
        # Named by what the user asked for: "12 requirements" though some had it already.
        first = self.changes[0][0] if self.changes else ""
        key = str(rows[first]["key"]) if first in rows else ""
        label = bulk_label(what, len(self.changes), key)
        return Applied(label, tuple(effects), UpdateMany(tuple(inverse), what))


def _rows(
    tx: Transaction, uids: Sequence[str], names: Iterable[str] | None = None
) -> dict[str, dict[str, Any]]:
    """The rows of `uids` by uid: their key and the columns of fields `names` (and
    the dates, which an edit must keep in order); None: every column."""
    table = TABLES["requirement"]
    if names is None:
        columns = list(table.c)
    else:
        wanted = {"uid", "key", "start", "end"}
        for name in names:
            wanted.update(to_columns("requirement", {name: spec("requirement", name).default}))
        columns = [table.c[c] for c in sorted(wanted)]
    names = [c.name for c in columns]
    listed = ", ".join(f'"{name}"' for name in names)
    at = names.index("uid")
    connection = tx.session.connection()
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(uids), _CHUNK):
        chunk = tuple(uids[start : start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        statement = f'SELECT {listed} FROM "{table.name}" WHERE uid IN ({marks})'
        for r in connection.exec_driver_sql(statement, chunk):  # plain values, as stored
            found[r[at]] = dict(zip(names, r, strict=True))
    return found


def _current(row: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The domain values of fields `names` (and the dates) of a row read by `_rows`."""
    values: dict[str, Any] = {"start": row["start"], "end": row["end"]}
    for name in names:
        field = spec("requirement", name)
        if name == "rice":
            rice = {part: row[f"rice_{part}"] for part in vocabulary.RICE_FIELDS}
            values["rice"] = None if all(v is None for v in rice.values()) else rice
        elif field.stored_as_json:
            values[name] = json.loads(row[field.db_column])
        else:
            values[name] = row[field.db_column]
    return values


def _checked(
    values: Mapping[str, Any], cache: dict[tuple[tuple[str, str], ...], dict[str, Any]]
) -> dict[str, Any]:
    """`values` checked as `Update` checks them (the same values for many rows are
    checked once)."""
    try:
        signature = tuple(sorted((k, repr(v)) for k, v in values.items()))
    except TypeError:
        signature = ()
    if signature and signature in cache:
        return cache[signature]
    checked = {}
    for name, value in values.items():
        try:
            checked[name] = spec("requirement", name).check(value)
        except FieldError as e:
            raise OperationError(
                "edit.invalid_value", entity="requirement", field=name, detail=e
            ) from None
    if signature:
        cache[signature] = checked
    return checked


def set_field(uids: Iterable[str], name: str, value: Any) -> UpdateMany:
    """Set one field of every requirement of `uids` to `value`."""
    return UpdateMany(tuple((uid, MappingProxyType({name: value})) for uid in uids))


@dataclass(frozen=True)
class EditTags(Operation):
    """Add tags to, or remove tags from, every requirement of `uids` (each keeps
    its other tags, in their order; added ones go last)."""

    uids: tuple[str, ...]
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()

    def apply(self, tx: Transaction) -> Applied:
        rows = _rows(tx, self.uids, ("tags",))
        gone = set(self.remove)
        changes: list[tuple[str, Mapping[str, Any]]] = []
        for uid in self.uids:
            row = rows.get(uid)
            if row is None:
                raise OperationError("edit.missing", entity="requirement", uid=uid)
            tags = json.loads(row["tags"])
            kept = [t for t in tags if t not in gone]
            kept += [t for t in dict.fromkeys(self.add) if t not in kept]
            changes.append((uid, MappingProxyType({"tags": kept})))
        what = "tags_add" if self.add and not self.remove else "tags_remove"
        if self.add and self.remove:
            what = "edit"
        return UpdateMany(tuple(changes), what).apply(tx)
