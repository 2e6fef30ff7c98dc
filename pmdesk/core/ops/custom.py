"""Custom field values (schema 9): setting them, and keeping them consistent with
their fields' definitions.

A requirement's values live in one JSON column, `requirement.custom`
({field uid: value}); `SetCustomValues` changes some keys of some requirements
as one undo step. The definitions' own edits are the generic Create, Update,
Move and Remove (core.ops.edits), which call `drop_values` here so that a
deleted field, or an option taken off a list, leaves no value behind, and
their undo puts those values back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import bindparam, select, update

from pmdesk.core.domain.fields import CustomValueError, custom_value
from pmdesk.core.errors import OperationError
from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction
from pmdesk.core.schema.tables import TABLES

Values = Mapping[str, Mapping[str, Any]]  # requirement uid → {field uid: value or None}
_CHUNK = 500


@dataclass(frozen=True)
class Definition:
    """A custom field as values are checked against it."""

    uid: str
    name: str
    kind: str
    options: list[str]


def definitions(tx: Transaction) -> dict[str, Definition]:
    """Every custom field of the project, by uid."""
    table = TABLES["custom_field"]
    rows = tx.session.execute(select(table.c.uid, table.c.name, table.c.kind, table.c.options))
    return {
        uid: Definition(uid, name, kind, json.loads(options)) for uid, name, kind, options in rows
    }


def checked_values(defined: Mapping[str, Definition], values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` ({field uid: value or None}) each as its field keeps it; an unknown
    field or a value that does not fit its kind is refused with its sentence."""
    out: dict[str, Any] = {}
    for field_uid, raw in values.items():
        field = defined.get(field_uid)
        if field is None:
            raise OperationError("custom.unknown_field", uid=field_uid)
        try:
            out[field_uid] = custom_value(field.name, field.kind, field.options, raw)
        except CustomValueError as e:
            raise OperationError(e.code, **e.params) from None
    return out


def check_requirement_values(tx: Transaction, values: Mapping[str, Any]) -> dict[str, Any]:
    """A whole `custom` object given to Create or Update of a requirement, checked
    against the fields (empty values left out)."""
    if not values:
        return {}
    checked = checked_values(definitions(tx), values)
    return {k: v for k, v in checked.items() if v is not None}


def _read_custom(tx: Transaction, uids: Iterable[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    table = TABLES["requirement"]
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    wanted = list(uids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = tx.session.execute(
            select(table.c.uid, table.c.key, table.c.custom).where(table.c.uid.in_(chunk))
        )
        for uid, key, custom in rows:
            found[uid] = (key, json.loads(custom or "{}"))
    return found


def _write(
    tx: Transaction, current: Mapping[str, dict[str, Any]], wanted: Mapping[str, dict[str, Any]]
) -> tuple[tuple[Effect, ...], dict[str, dict[str, Any]]]:
    """Store each requirement's new `custom` object, record the changed keys in
    the history; return the effects and, per requirement, the old values of
    the keys that changed (what an undo sets back)."""
    table = TABLES["requirement"]
    rows, history, effects = [], [], []
    before: dict[str, dict[str, Any]] = {}
    for uid, new in wanted.items():
        old = current[uid]
        changed = sorted(k for k in {*old, *new} if old.get(k) != new.get(k))
        if not changed:
            continue
        before[uid] = {k: old.get(k) for k in changed}
        history.append((uid, before[uid], {k: new.get(k) for k in changed}))
        rows.append({"u": uid, "custom": json.dumps(new, ensure_ascii=False, sort_keys=True)})
        effects.append(
            Effect(
                "requirement",
                uid,
                "updated",
                ("custom",),
                values=MappingProxyType({"custom": dict(new)}),
                stamp=(tx.now, tx.user),
            )
        )
    if rows:
        statement = (
            update(table)
            .where(table.c.uid == bindparam("u"))
            .values(custom=bindparam("custom"), updated_at=tx.now, updated_by=tx.user)
        )
        tx.session.connection().execute(statement, rows)
        tx.record_many("requirement", "custom", history)
    return tuple(effects), before


@dataclass(frozen=True)
class SetCustomValues(Operation):
    """Set custom field values of requirements: {requirement uid: {field uid:
    value}}, None (or an empty text or list) removes a value. One undo step.

    `checked` False puts values back exactly as they were (an undo), even one
    that its field would refuse now.
    """

    values: Values
    checked: bool = True

    def apply(self, tx: Transaction) -> Applied:
        found = _read_custom(tx, self.values)
        for uid in self.values:
            if uid not in found:
                raise OperationError("edit.missing", entity="requirement", uid=uid)
        defined = definitions(tx)
        wanted: dict[str, dict[str, Any]] = {}
        for uid, values in self.values.items():
            if self.checked:
                values = checked_values(defined, values)
            new = dict(found[uid][1])
            for field_uid, value in values.items():
                if value is None or value == "" or value == []:
                    new.pop(field_uid, None)
                else:
                    new[field_uid] = value
            wanted[uid] = new
        effects, before = _write(tx, {u: v for u, (_, v) in found.items()}, wanted)
        label = _label(found, before, defined)
        return Applied(label, effects, SetCustomValues(before, checked=False))


def _label(
    found: Mapping[str, tuple[str, dict[str, Any]]],
    before: Mapping[str, Mapping[str, Any]],
    defined: Mapping[str, Definition],
) -> Label:
    uids = list(before) or list(found)
    keys = {k for changed in before.values() for k in changed}
    count = len(uids)
    first = found[uids[0]][0] if uids else ""
    one = ".one" if count == 1 else ""
    if len(keys) == 1 and next(iter(keys)) in defined:
        name = defined[next(iter(keys))].name
        params = {"name": name, "key": first, "count": str(count)}
        text = f"custom.set{one}"
    else:
        params = {"key": first, "count": str(count)}
        text = f"custom.set_many{one}"
    return Label("edit", "requirement", first, count, text, tuple(sorted(params.items())))


def drop_values(
    tx: Transaction, field_uid: str, keep: Callable[[Any], Any] | None = None
) -> tuple[tuple[Effect, ...], dict[str, dict[str, Any]]]:
    """Take field `field_uid`'s values off every requirement (`keep` None: all
    of them; else the value `keep` returns, None dropping it). Returns the
    effects and the old values, for the inverse (`SetCustomValues(…, checked=False)`)."""
    table = TABLES["requirement"]
    rows = tx.session.execute(
        select(table.c.uid, table.c.custom).where(table.c.custom.contains(f'"{field_uid}"'))
    )
    current: dict[str, dict[str, Any]] = {}
    wanted: dict[str, dict[str, Any]] = {}
    for uid, custom in rows:
        values = json.loads(custom or "{}")
        if field_uid not in values:
            continue
        current[uid] = values
        new = dict(values)
        kept = keep(values[field_uid]) if keep is not None else None
        if kept is None or kept == []:
            new.pop(field_uid)
        else:
            new[field_uid] = kept
        wanted[uid] = new
    return _write(tx, current, wanted)


def count_values(tx: Transaction, field_uid: str) -> int:
    """How many requirements hold a value of the field."""
    table = TABLES["requirement"]
    rows = tx.session.execute(
        select(table.c.custom).where(table.c.custom.contains(f'"{field_uid}"'))
    ).scalars()
    return sum(1 for custom in rows if field_uid in json.loads(custom or "{}"))


def keep_options(kind: str, options: list[str]) -> Callable[[Any], Any]:
    """What is left of a value once a choice field's options are `options`."""
    allowed = set(options)

    def keep(value: Any) -> Any:
        if kind == "choices" and isinstance(value, list):
            return [v for v in value if v in allowed] or None
        if kind == "choice":
            return value if value in allowed else None
        return value

    return keep
