"""The operations: create, update, move, remove, and the insert that undoes a remove.

Each is a frozen value. New rows get their uid before the first apply, so redo
recreates the same identity; a remove captures the whole subtree, the links and
the references to what it removes, so its inverse puts back exactly that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, insert, or_, select, update

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.fields import (
    FIELDS,
    FieldError,
    check_dates,
    from_columns,
    spec,
    to_columns,
)
from pmdesk.core.errors import OperationError
from pmdesk.core.ops import custom, labels
from pmdesk.core.ops.base import (
    NO_VALUES,
    ORDERED,
    Applied,
    Effect,
    Label,
    Operation,
    Transaction,
    Verb,
)
from pmdesk.core.ops.numbers import allocate_numbers
from pmdesk.core.ops.order import ancestors, rank_for_index, ranks_for_block, subtree
from pmdesk.core.ops.suspect import RestoreMarks, mark_links_into
from pmdesk.core.schema.tables import TABLES

# Who points at a release, a lane or a persona (entity, column): the foreign key clears
# those references when it goes, and undoing the removal puts them back.
_REFERRED_BY = {
    "release": (("requirement", "release_uid"), ("milestone", "release_uid")),
    "lane": (("requirement", "lane_uid"),),
    "persona": (("requirement", "persona_uid"),),
}
_FIELD_OF = {"release_uid": "release", "lane_uid": "lane", "persona_uid": "persona"}


def _checked(entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    checked = {}
    for name, value in values.items():
        try:
            checked[name] = spec(entity, name).check(value)
        except FieldError as e:
            raise OperationError(
                "edit.invalid_value", entity=entity, field=name, detail=e
            ) from None
    return checked


def _check_references(tx: Transaction, entity: str, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        target = spec(entity, name).references
        if target and value is not None and not tx.exists(target, value):
            raise OperationError("edit.missing", entity=target, uid=value)


def _check_date_order(entity: str, values: Mapping[str, Any]) -> None:
    try:
        check_dates(values)
    except FieldError as e:
        raise OperationError("edit.invalid_dates", entity=entity, detail=e) from None


def remembered(
    entity: str, row: Mapping[str, Any], values: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """What the history records of a created or deleted row: its field values, and a
    requirement's key, so the history can still name it once it is gone."""
    recorded = dict(values) if values is not None else from_columns(entity, row)
    if entity == "requirement":
        recorded["key"] = row["key"]
    return recorded


def _require(tx: Transaction, entity: str, uid: str) -> dict[str, Any]:
    row = tx.row(entity, uid)
    if row is None:
        raise OperationError("edit.missing", entity=entity, uid=uid)
    return row


@dataclass(frozen=True)
class Create(Operation):
    """Create an entity with a known uid, at `index` among its siblings (None: last)."""

    entity: str
    uid: str
    values: Mapping[str, Any] = field(default_factory=dict)
    parent: str | None = None
    index: int | None = None

    def apply(self, tx: Transaction) -> Applied:
        if self.entity not in TABLES or self.entity == "project":
            raise OperationError("edit.cannot_create", entity=self.entity)
        if tx.exists(self.entity, self.uid):
            raise OperationError("edit.exists", entity=self.entity, uid=self.uid)
        values = {f.name: f.default for f in FIELDS[self.entity]}
        values.update(_checked(self.entity, self.values))
        if self.entity == "requirement" and values["custom"]:
            values["custom"] = custom.check_requirement_values(tx, values["custom"])
        _check_references(tx, self.entity, values)
        _check_date_order(self.entity, values)
        row = {"uid": self.uid, **to_columns(self.entity, values)}
        if self.entity == "link":
            _check_link(tx, row)
        if self.entity == "requirement":
            if self.parent is not None and not tx.exists("requirement", self.parent):
                raise OperationError("edit.parent_missing", uid=self.parent)
            (number,) = allocate_numbers(tx, 1)  # never one given out before
            prefix = tx.session.execute(select(TABLES["project"].c.key_prefix)).scalar()
            row |= {
                "parent_uid": self.parent,
                "number": number,
                "key": vocabulary.format_key(prefix or vocabulary.DEFAULT_KEY_PREFIX, number),
                "created_at": tx.now,
                "created_by": tx.user,
                "updated_at": tx.now,
                "updated_by": tx.user,
            }
        elif self.parent is not None:
            raise OperationError("edit.no_parent", entity=self.entity)
        if self.entity in ORDERED:
            row["rank"] = rank_for_index(tx, self.entity, self.parent, self.index)
        tx.session.execute(insert(TABLES[self.entity]).values(**row))
        tx.record(self.entity, self.uid, "created", None, remembered(self.entity, row, values))
        subject = tx.describe(self.entity, self.uid)
        label = (
            labels.named("create", self.entity, subject)
            if self.entity in labels.NAMED
            else Label("create", self.entity, subject)
        )
        return Applied(
            label,
            (
                Effect(
                    self.entity,
                    self.uid,
                    "inserted",
                    parent=self.parent,
                    values=MappingProxyType(values),
                ),
            ),
            Remove(((self.entity, self.uid),)),
        )


def _check_link(tx: Transaction, row: Mapping[str, Any]) -> None:
    if row["from_uid"] is None or row["to_uid"] is None:
        raise OperationError("link.needs_requirements")
    if row["from_uid"] == row["to_uid"]:
        raise OperationError("link.to_itself")
    table = TABLES["link"]
    clash = tx.session.execute(
        select(table.c.uid).where(
            table.c.from_uid == row["from_uid"],
            table.c.to_uid == row["to_uid"],
            table.c.type == row["type"],
            table.c.uid != row["uid"],
        )
    ).first()
    if clash is not None:
        raise OperationError("link.exists")


@dataclass(frozen=True)
class Update(Operation):
    """Set some fields of one entity; fields left out keep their value."""

    entity: str
    uid: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def apply(self, tx: Transaction) -> Applied:
        row = _require(tx, self.entity, self.uid)
        current = from_columns(self.entity, row)
        new = _checked(self.entity, self.values)
        if self.entity == "requirement" and "custom" in new:
            new["custom"] = custom.check_requirement_values(tx, new["custom"])
        changed = {k: v for k, v in new.items() if current[k] != v}
        if (
            self.entity == "custom_field"
            and "kind" in changed
            and custom.count_values(tx, self.uid)
        ):
            raise OperationError(
                "custom.kind_changed",
                name=current["name"],
                old=current["kind"],
                new=changed["kind"],
            )
        _check_references(tx, self.entity, changed)
        _check_date_order(self.entity, {**current, **changed})
        columns = to_columns(self.entity, changed)
        if self.entity == "link" and changed:
            _check_link(tx, {**row, **columns})
        if self.entity == "requirement" and changed:
            columns |= {"updated_at": tx.now, "updated_by": tx.user}
        if columns:
            table = TABLES[self.entity]
            tx.session.execute(update(table).where(table.c.uid == self.uid).values(**columns))
        for name, value in changed.items():
            tx.record(self.entity, self.uid, name, current[name], value)
        verb: Verb = "rename" if set(changed) <= {"title", "name"} and changed else "edit"
        label = labels.updated(tx, self.entity, current, changed) if changed else None
        if label is None:  # named from the row as it is now (no query: it was read above)
            label = Label(verb, self.entity, tx.describe_row(self.entity, {**row, **columns}))
        effects: tuple[Effect, ...] = (
            (
                Effect(
                    self.entity,
                    self.uid,
                    "updated",
                    tuple(changed),
                    values=MappingProxyType(changed),
                    stamp=(tx.now, tx.user) if self.entity == "requirement" else None,
                ),
            )
            if changed
            else ()
        )
        inverse: Operation = Update(
            self.entity, self.uid, MappingProxyType({k: current[k] for k in changed})
        )
        if self.entity == "custom_field" and ("options" in changed or "kind" in changed):
            # Values of options taken off the list go with them; undo puts them back.
            kind = str(changed.get("kind", current["kind"]))
            options: list[str] = changed.get("options", current["options"]) or []
            dropped, old_values = custom.drop_values(
                tx, self.uid, custom.keep_options(kind, options)
            )
            if old_values:
                effects += dropped
                inverse = Batch((inverse, custom.SetCustomValues(old_values, checked=False)), label)
        if self.entity == "requirement" and not vocabulary.TRACED_FIELDS.isdisjoint(changed):
            # The links resting on this text need review; undo puts their marks back.
            marks, marked = mark_links_into(tx, self.uid)
            if marks:
                effects += marked
                inverse = Batch((inverse, RestoreMarks(marks)), label)
        return Applied(label, effects, inverse)


@dataclass(frozen=True)
class Move(Operation):
    """Move a requirement (new parent and index) or reorder a lane or section.

    `rank` places the row exactly; undo uses it to put a row back where it was.
    """

    entity: str
    uid: str
    parent: str | None = None
    index: int | None = None
    rank: str | None = None

    def apply(self, tx: Transaction) -> Applied:
        if self.entity not in ORDERED:
            raise OperationError("edit.no_order", entity=self.entity)
        row = _require(tx, self.entity, self.uid)
        old_parent = row.get("parent_uid")
        if self.entity == "requirement" and self.parent is not None:
            if not tx.exists("requirement", self.parent):
                raise OperationError("edit.parent_missing", uid=self.parent)
            if self.uid in ancestors(tx, self.parent):
                raise OperationError("move.into_own_subtree")
        elif self.parent is not None:
            raise OperationError("edit.no_parent", entity=self.entity)
        rank = self.rank or rank_for_index(tx, self.entity, self.parent, self.index, self.uid)
        table = TABLES[self.entity]
        columns: dict[str, Any] = {"rank": rank}
        if self.entity == "requirement":
            columns |= {"parent_uid": self.parent, "updated_at": tx.now, "updated_by": tx.user}
        tx.session.execute(update(table).where(table.c.uid == self.uid).values(**columns))
        tx.record(
            self.entity,
            self.uid,
            "position",
            {"parent": old_parent, "rank": row["rank"]},
            {"parent": self.parent, "rank": rank},
        )
        subject = tx.describe(self.entity, self.uid)
        return Applied(
            labels.named("move", self.entity, subject)
            if self.entity in labels.NAMED
            else Label("move", self.entity, subject),
            (
                Effect(
                    self.entity,
                    self.uid,
                    "moved",
                    parent=self.parent,
                    old_parent=old_parent,
                    stamp=(tx.now, tx.user) if self.entity == "requirement" else None,
                ),
            ),
            Move(self.entity, self.uid, old_parent, rank=row["rank"]),
        )


@dataclass(frozen=True)
class MoveBlock(Operation):
    """Move several rows, in the given order, to one place: before sibling `index`
    of `parent`, counting only the siblings that are not moved (None: at the end)."""

    entity: str
    uids: tuple[str, ...]
    parent: str | None = None
    index: int | None = None

    def apply(self, tx: Transaction) -> Applied:
        ranks = ranks_for_block(tx, self.entity, self.parent, self.index, len(self.uids), self.uids)
        moves = tuple(
            Move(self.entity, uid, self.parent, rank=rank)
            for uid, rank in zip(self.uids, ranks, strict=True)
        )
        applied = Batch(moves).apply(tx)
        label = Label("move", self.entity, applied.label.subject, len(self.uids))
        return Applied(label, applied.effects, applied.inverse)


Target = tuple[str, str]  # (entity, uid)
Reference = tuple[str, str, str, Any]  # (entity, uid, column, value): a row pointing at another


@dataclass(frozen=True)
class Remove(Operation):
    """Delete entities; a requirement goes with its whole subtree and its links."""

    targets: tuple[Target, ...]

    def apply(self, tx: Transaction) -> Applied:
        captured: list[tuple[str, dict[str, Any]]] = []
        values_back: dict[str, dict[str, Any]] = {}
        references: list[Reference] = []
        effects: list[Effect] = []
        gone: set[str] = set()
        for entity, uid in self.targets:
            if uid in gone:  # already removed with an ancestor or a linked requirement
                continue
            row = _require(tx, entity, uid)
            if entity == "project":
                raise OperationError("delete.project")
            effects.append(Effect(entity, uid, "removed", parent=row.get("parent_uid")))
            if entity == "custom_field":  # its values go with it; undo puts them back
                dropped, old_values = custom.drop_values(tx, uid)
                effects += dropped
                for requirement, values in old_values.items():
                    values_back.setdefault(requirement, {}).update(values)
            rows = _capture_subtree(tx, uid) if entity == "requirement" else [(entity, row)]
            for referrer, column in _REFERRED_BY.get(entity, ()):
                referring = _capture_references(tx, referrer, column, uid)
                references += referring
                # The foreign key clears these; say so, so views refresh those rows.
                effects += [
                    Effect(referrer, r[1], "updated", (entity,), values=_cleared(entity))
                    for r in referring
                ]
            for kind, captured_row in reversed(rows):  # links and children first
                table = TABLES[kind]
                tx.session.execute(delete(table).where(table.c.uid == captured_row["uid"]))
                tx.record(
                    kind, captured_row["uid"], "deleted", remembered(kind, captured_row), None
                )
                gone.add(captured_row["uid"])
            captured += rows
        removed = [e for e in effects if e.action == "removed"]
        count = len(removed)
        first = removed[0] if removed else None
        subject = _subject_of(captured, first)
        entity = first.entity if first else "item"
        inverse: Operation = Insert(_parents_first(captured), tuple(references), tuple(removed))
        if values_back:  # the custom fields first, then their values
            inverse = Batch((inverse, custom.SetCustomValues(values_back, checked=False)))
        return Applied(
            labels.named("delete", entity, subject)
            if count == 1 and entity in labels.NAMED
            else Label("delete", entity, subject, count),
            tuple(effects),
            inverse,
        )


def _parents_first(
    rows: list[tuple[str, dict[str, Any]]],
) -> tuple[tuple[str, Mapping[str, Any]], ...]:
    """Order captured rows so each parent is inserted before its children, links last.

    Targets can arrive child-first (a child, then its ancestor, in one remove).
    """
    placed: set[str] = set()
    # Releases, lanes and other referenced rows first, then requirements parent
    # before child, then links (which need both ends).
    others = tuple(r for r in rows if r[0] not in ("requirement", "link"))
    pending = [r for r in rows if r[0] == "requirement"]
    uids = {row["uid"] for _, row in pending}
    ordered: list[tuple[str, Mapping[str, Any]]] = []
    while pending:
        ready = [
            r for r in pending if r[1].get("parent_uid") not in uids or r[1]["parent_uid"] in placed
        ]
        for r in ready:
            placed.add(r[1]["uid"])
            ordered.append(r)
        pending = [r for r in pending if r[1]["uid"] not in placed]
    return others + tuple(ordered) + tuple(r for r in rows if r[0] == "link")


def _subject_of(rows: list[tuple[str, dict[str, Any]]], first: Effect | None) -> str:
    if first is None:
        return ""
    for _, row in rows:
        if row["uid"] == first.uid:
            return str(row.get("key") or row.get("name") or row.get("title") or first.entity)
    return first.entity


def _capture_subtree(tx: Transaction, uid: str) -> list[tuple[str, dict[str, Any]]]:
    uids = subtree(tx, uid)
    table = TABLES["requirement"]
    rows: dict[str, dict[str, Any]] = {}
    links: dict[str, dict[str, Any]] = {}
    link_table = TABLES["link"]
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        for r in tx.session.execute(select(table).where(table.c.uid.in_(chunk))).mappings():
            rows[r["uid"]] = dict(r)
        found = tx.session.execute(
            select(link_table).where(
                or_(link_table.c.from_uid.in_(chunk), link_table.c.to_uid.in_(chunk))
            )
        ).mappings()
        for r in found:
            links[r["uid"]] = dict(r)
    # Parents before children, then the links (which need both ends to exist).
    ordered = [("requirement", rows[u]) for u in uids]
    return ordered + [("link", links[k]) for k in sorted(links)]


def _restored_values(found: tuple[str, Mapping[str, Any]] | None) -> Mapping[str, Any]:
    if found is None or found[0] not in FIELDS:
        return NO_VALUES
    return MappingProxyType(from_columns(*found))


def _cleared(entity: str) -> Mapping[str, Any]:
    """A requirement's field that pointed at a removed release, lane or persona, now empty."""
    return MappingProxyType({entity: None})


def _capture_references(tx: Transaction, entity: str, column: str, uid: str) -> list[Reference]:
    table = TABLES[entity]
    found = tx.session.execute(select(table.c.uid).where(table.c[column] == uid)).scalars()
    return [(entity, row, column, uid) for row in found]


@dataclass(frozen=True)
class Insert(Operation):
    """Put back rows exactly as a remove captured them (the inverse of Remove)."""

    rows: tuple[tuple[str, Mapping[str, Any]], ...]
    references: tuple[Reference, ...] = ()
    restores: tuple[Effect, ...] = field(default=())

    def apply(self, tx: Transaction) -> Applied:
        for entity, row in self.rows:
            if tx.exists(entity, row["uid"]):
                raise OperationError("edit.exists", entity=entity, uid=row["uid"])
            tx.session.execute(insert(TABLES[entity]).values(**row))
            tx.record(entity, row["uid"], "created", None, remembered(entity, row))
        for entity, uid, column, value in self.references:
            table = TABLES[entity]
            tx.session.execute(update(table).where(table.c.uid == uid).values({column: value}))
            tx.record(entity, uid, _FIELD_OF[column], None, value)
        rows = {row["uid"]: (entity, row) for entity, row in self.rows}
        restored = tuple(
            Effect(
                e.entity,
                e.uid,
                "inserted",
                parent=e.parent,
                values=_restored_values(rows.get(e.uid)),
            )
            for e in self.restores
        )
        effects = restored + tuple(
            Effect(entity, uid, "updated", (name,), values=MappingProxyType({name: value}))
            for entity, uid, col, value in self.references
            for name in (_FIELD_OF[col],)
        )
        first = restored[0] if restored else None
        subject = tx.describe(first.entity, first.uid) if first else ""
        entity = first.entity if first else "item"
        return Applied(
            labels.named("restore", entity, subject)
            if len(restored) == 1 and entity in labels.NAMED
            else Label("restore", entity, subject, len(restored)),
            effects,
            Remove(tuple((e.entity, e.uid) for e in restored)),
        )


@dataclass(frozen=True)
class Batch(Operation):
    """Several operations as one undo step (a multi-selection, a drag of many rows)."""

    operations: tuple[Operation, ...]
    label: Label | None = None

    def apply(self, tx: Transaction) -> Applied:
        applied = [op.apply(tx) for op in self.operations]
        effects = tuple(e for a in applied for e in a.effects)
        inverse = Batch(tuple(a.inverse for a in reversed(applied)))
        if self.label is not None:
            label = self.label
        elif len(applied) == 1:
            label = applied[0].label
        elif applied and applied[0].label.text:
            # A release moved with the requirements that follow it: the first
            # edit says what the user did ("Move release v1.1 to …").
            label = applied[0].label
        elif applied:
            first = applied[0].label
            label = Label(first.verb, first.entity, first.subject, len(applied))
        else:
            label = Label("change", "item", "", 0)
        return Applied(label, effects, Batch(inverse.operations, label))
