"""Creating many rows at once (an import adding 10,000 requirements), as one undo step.

`CreateMany` does what a `Batch` of `Create`s does — the same checks, keys,
ranks, history and effects — in a few statements instead of several per row:
uids, references and link ends are checked with one query per 500, the rows go
in with one executemany, their history with another. Its inverse `RemoveMany`
deletes them (and links that came to rest on them) the same way; undoing that
is `InsertMany`, which puts the captured rows back exactly (keys, ranks, dates).
A created row is an ordinary row: the three-way merge sees a new uid, as for
`Create`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, insert, or_, select

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.fields import FIELDS, FieldError, check_dates, from_columns, spec
from pmdesk.core.domain.fields import to_columns as columns_of
from pmdesk.core.domain.ranks import rank_between
from pmdesk.core.errors import OperationError
from pmdesk.core.ops import custom, labels
from pmdesk.core.ops.base import ORDERED, Applied, Effect, Label, Operation, Transaction
from pmdesk.core.ops.edits import Remove, remembered
from pmdesk.core.ops.numbers import allocate_numbers
from pmdesk.core.ops.order import ranks_for_block
from pmdesk.core.schema.tables import TABLES

Item = tuple[str, Mapping[str, Any], str | None]  # (uid, values, parent)
_CHUNK = 500  # uids per IN (…) list, under SQLite's parameter limit
_BULK = frozenset({"requirement", "link"})  # what RemoveMany/InsertMany take back
# Above this many rows the effects end with the project's "reloaded": each view reads
# itself again once instead of placing thousands of rows one by one (a tree that
# re-reads a parent's child order per inserted row is quadratic in its siblings).
RELOAD_ABOVE = 200


def _with_reload(tx: Transaction, effects: tuple[Effect, ...]) -> tuple[Effect, ...]:
    if len(effects) <= RELOAD_ABOVE:
        return effects
    project = tx.session.execute(select(TABLES["project"].c.uid)).scalar() or ""
    return (*effects, Effect("project", str(project), "reloaded"))


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _existing(tx: Transaction, entity: str, uids: Sequence[str]) -> set[str]:
    table = TABLES[entity]
    found: set[str] = set()
    for chunk in _chunks(uids):
        found.update(
            tx.session.execute(select(table.c.uid).where(table.c.uid.in_(chunk))).scalars()
        )
    return found


def _check(entity: str, values: Mapping[str, Any], cache: dict[tuple[str, str], Any]) -> Any:
    """Each value checked as `Create` checks it; a repeated (field, value) once."""
    checked = {}
    for name, value in values.items():
        try:
            memo = (name, repr(value))
        except TypeError:  # pragma: no cover - values are plain data
            memo = None
        if memo is not None and memo in cache:
            checked[name] = cache[memo]
            continue
        try:
            checked[name] = spec(entity, name).check(value)
        except FieldError as e:
            raise OperationError(
                "edit.invalid_value", entity=entity, field=name, detail=e
            ) from None
        if memo is not None:
            cache[memo] = checked[name]
    return checked


def _fresh_ranks(count: int, salt: str) -> list[str]:
    """Ranks for the first `count` children of a row created in the same step."""
    ranks: list[str] = []
    before: str | None = None
    for _ in range(count):
        before = rank_between(before, None, salt)
        ranks.append(before)
    return ranks


@dataclass(frozen=True)
class CreateMany(Operation):
    """Create rows of one entity with known uids, each last among its siblings, in
    order (a requirement's parent: one that exists or one earlier in `items`)."""

    entity: str
    items: tuple[Item, ...]

    def apply(self, tx: Transaction) -> Applied:
        entity = self.entity
        if entity not in TABLES or entity == "project":
            raise OperationError("edit.cannot_create", entity=entity)
        uids = [uid for uid, _, _ in self.items]
        clash = _existing(tx, entity, uids)
        seen: set[str] = set()
        for uid in uids:
            if uid in clash or uid in seen:
                raise OperationError("edit.exists", entity=entity, uid=uid)
            seen.add(uid)
        defaults = {f.name: f.default for f in FIELDS[entity]}
        cache: dict[tuple[str, str], Any] = {}
        referenced: set[tuple[str, str]] = set()
        prepared: list[tuple[str, dict[str, Any], str | None]] = []
        references = {f.name: f.references for f in FIELDS[entity] if f.references}
        defined: dict[str, custom.Definition] | None = None
        for uid, given, parent in self.items:
            values = {**defaults, **_check(entity, given, cache)}
            if entity == "requirement" and values.get("custom"):  # schema 9, as Create does
                defined = custom.definitions(tx) if defined is None else defined
                checked = custom.checked_values(defined, values["custom"])
                values["custom"] = {k: v for k, v in checked.items() if v is not None}
            for name, target in references.items():
                value = values.get(name)
                if value is not None:
                    referenced.add((target, value))
            try:
                check_dates(values)
            except FieldError as e:
                raise OperationError("edit.invalid_dates", entity=entity, detail=e) from None
            if parent is not None and entity != "requirement":
                raise OperationError("edit.no_parent", entity=entity)
            prepared.append((uid, values, parent))
        by_target: dict[str, list[str]] = {}
        for target, value in referenced:
            by_target.setdefault(target, []).append(value)
        for target, values_of in by_target.items():
            missing = set(values_of) - _existing(tx, target, values_of)
            if missing:
                raise OperationError("edit.missing", entity=target, uid=min(missing))
        rows = [{"uid": uid, **columns_of(entity, values)} for uid, values, _ in prepared]
        if entity == "link":
            _check_links(tx, rows)
        if entity == "requirement":
            self._number(tx, prepared, rows, seen)
        if entity in ORDERED:
            self._rank(tx, prepared, rows)
        table = TABLES[entity]
        if rows:
            tx.session.connection().execute(insert(table), rows)
        tx.record_many(
            entity,
            "created",
            (
                (row["uid"], None, remembered(entity, row, values))
                for row, (_, values, _) in zip(rows, prepared, strict=True)
            ),
        )
        effects = tuple(
            Effect(entity, uid, "inserted", parent=parent, values=MappingProxyType(values))
            for uid, values, parent in prepared
        )
        effects = _with_reload(tx, effects)
        subject = Transaction.describe_row(entity, rows[0]) if rows else ""
        if len(rows) == 1 and entity in labels.NAMED:
            label = labels.named("create", entity, subject)
        else:
            label = Label("create", entity, subject, len(rows))
        inverse: Operation = (
            RemoveMany(entity, tuple(uids))
            if entity in _BULK
            else Remove(tuple((entity, uid) for uid in reversed(uids)))
        )
        return Applied(label, effects, inverse)

    @staticmethod
    def _number(
        tx: Transaction,
        prepared: list[tuple[str, dict[str, Any], str | None]],
        rows: list[dict[str, Any]],
        created: set[str],
    ) -> None:
        """Keys in order from the project's counter (never a number given out
        before, core/ops/numbers.py); parents must exist."""
        numbers = iter(allocate_numbers(tx, len(rows)))
        prefix = tx.session.execute(select(TABLES["project"].c.key_prefix)).scalar()
        prefix = prefix or vocabulary.DEFAULT_KEY_PREFIX
        outside = sorted({p for _, _, p in prepared if p is not None and p not in created})
        missing = set(outside) - _existing(tx, "requirement", outside)
        placed: set[str] = set()
        for row, (uid, _, parent) in zip(rows, prepared, strict=True):
            if parent is not None and (
                parent in missing or (parent in created and parent not in placed)
            ):
                raise OperationError("edit.parent_missing", uid=parent)
            placed.add(uid)
            number = next(numbers)
            row |= {
                "parent_uid": parent,
                "number": number,
                "key": vocabulary.format_key(prefix, number),
                "created_at": tx.now,
                "created_by": tx.user,
                "updated_at": tx.now,
                "updated_by": tx.user,
            }

    def _rank(
        self,
        tx: Transaction,
        prepared: list[tuple[str, dict[str, Any], str | None]],
        rows: list[dict[str, Any]],
    ) -> None:
        """Each row last among its siblings, in the order given: one read of the last
        rank per parent that already exists, none for a parent made here."""
        groups: dict[str | None, list[dict[str, Any]]] = {}
        for row, (_, _, parent) in zip(rows, prepared, strict=True):
            groups.setdefault(parent, []).append(row)
        created = {uid for uid, _, _ in prepared}
        for parent, siblings in groups.items():
            if parent is not None and parent in created:
                ranks = _fresh_ranks(len(siblings), tx.rank_salt)
            else:
                ranks = ranks_for_block(tx, self.entity, parent, None, len(siblings))
            for row, rank in zip(siblings, ranks, strict=True):
                row["rank"] = rank


def _check_links(tx: Transaction, rows: list[dict[str, Any]]) -> None:
    """As `Create` checks one link: two different requirements, not linked so yet."""
    triples: set[tuple[str, str, str]] = set()
    for row in rows:
        if row["from_uid"] is None or row["to_uid"] is None:
            raise OperationError("link.needs_requirements")
        if row["from_uid"] == row["to_uid"]:
            raise OperationError("link.to_itself")
        triple = (row["from_uid"], row["to_uid"], row["type"])
        if triple in triples:
            raise OperationError("link.exists")
        triples.add(triple)
    table = TABLES["link"]
    sources = sorted({t[0] for t in triples})
    for chunk in _chunks(sources):
        found = tx.session.execute(
            select(table.c.from_uid, table.c.to_uid, table.c.type).where(
                table.c.from_uid.in_(chunk)
            )
        )
        if any((r.from_uid, r.to_uid, r.type) in triples for r in found):
            raise OperationError("link.exists")


def _descendants(tx: Transaction, uids: Sequence[str]) -> list[str]:
    """`uids` and everything below them, each parent before its children."""
    table = TABLES["requirement"]
    order = list(dict.fromkeys(uids))
    seen = set(order)
    level = order
    while level:
        below: list[str] = []
        for chunk in _chunks(level):
            found = tx.session.execute(
                select(table.c.uid).where(table.c.parent_uid.in_(chunk)).order_by(table.c.rank)
            ).scalars()
            below += [u for u in found if u not in seen]
        seen.update(below)
        order += below
        level = below
    return order


def _rows_of(tx: Transaction, entity: str, uids: Sequence[str]) -> list[dict[str, Any]]:
    table = TABLES[entity]
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(uids):
        for r in tx.session.execute(select(table).where(table.c.uid.in_(chunk))).mappings():
            found[r["uid"]] = dict(r)
    return [found[u] for u in uids if u in found]


@dataclass(frozen=True)
class RemoveMany(Operation):
    """Delete many requirements (with what lies below them and their links) or links;
    the inverse of `CreateMany`, and of `InsertMany`."""

    entity: str
    uids: tuple[str, ...]

    def apply(self, tx: Transaction) -> Applied:
        if self.entity not in _BULK:
            raise OperationError("edit.cannot_create", entity=self.entity)
        captured: list[tuple[str, dict[str, Any]]] = []
        if self.entity == "requirement":
            everything = _descendants(tx, self.uids)
            rows = _rows_of(tx, "requirement", everything)
            captured += [("requirement", r) for r in rows]
            links = TABLES["link"]
            link_rows: dict[str, dict[str, Any]] = {}
            for chunk in _chunks(everything):
                for r in tx.session.execute(
                    select(links).where(or_(links.c.from_uid.in_(chunk), links.c.to_uid.in_(chunk)))
                ).mappings():
                    link_rows[r["uid"]] = dict(r)
            captured += [("link", link_rows[k]) for k in sorted(link_rows)]
        else:
            captured += [("link", r) for r in _rows_of(tx, "link", self.uids)]
        found = {r["uid"] for kind, r in captured if kind == self.entity}
        missing = [uid for uid in self.uids if uid not in found]
        if missing:
            raise OperationError("edit.missing", entity=self.entity, uid=missing[0])
        for kind in ("link", "requirement"):  # links first: they need both ends
            gone = [r["uid"] for k, r in captured if k == kind]
            table = TABLES[kind]
            for chunk in _chunks(gone[::-1]):
                tx.session.execute(delete(table).where(table.c.uid.in_(chunk)))
            tx.record_many(
                kind,
                "deleted",
                ((r["uid"], remembered(kind, r), None) for k, r in captured if k == kind),
            )
        targets = set(self.uids)
        effects = tuple(
            Effect(kind, row["uid"], "removed", parent=row.get("parent_uid"))
            for kind, row in captured
            if kind == self.entity
            and row["uid"] in targets
            and row.get("parent_uid") not in targets
        )
        first = captured[0][1] if captured else None
        subject = Transaction.describe_row(self.entity, first) if first else ""
        label = Label("delete", self.entity, subject, len(effects))
        return Applied(label, _with_reload(tx, effects), InsertMany(tuple(captured), effects))


@dataclass(frozen=True)
class InsertMany(Operation):
    """Put back rows exactly as `RemoveMany` captured them (parents first, links last)."""

    rows: tuple[tuple[str, Mapping[str, Any]], ...]
    restores: tuple[Effect, ...] = ()

    def apply(self, tx: Transaction) -> Applied:
        for kind in ("requirement", "link"):
            rows = [dict(r) for k, r in self.rows if k == kind]
            if not rows:
                continue
            if _existing(tx, kind, [r["uid"] for r in rows]):
                raise OperationError("edit.exists", entity=kind, uid=rows[0]["uid"])
            tx.session.connection().execute(insert(TABLES[kind]), rows)
            tx.record_many(kind, "created", ((r["uid"], None, remembered(kind, r)) for r in rows))
        by_uid = {r["uid"]: (k, r) for k, r in self.rows}
        effects = tuple(
            Effect(
                e.entity,
                e.uid,
                "inserted",
                parent=e.parent,
                values=MappingProxyType(from_columns(*by_uid[e.uid]))
                if e.uid in by_uid
                else MappingProxyType({}),
            )
            for e in self.restores
        )
        entity = self.restores[0].entity if self.restores else "requirement"
        first = by_uid.get(self.restores[0].uid) if self.restores else None
        subject = Transaction.describe_row(entity, first[1]) if first else ""
        label = Label("restore", entity, subject, len(effects))
        inverse = RemoveMany(entity, tuple(e.uid for e in self.restores))
        return Applied(label, _with_reload(tx, effects), inverse)
