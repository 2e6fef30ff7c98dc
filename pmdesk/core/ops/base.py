"""The shape every edit shares: an operation applies itself in one transaction,
records history and returns what changed plus the operation that undoes it."""

from __future__ import annotations

import os
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from pmdesk.core.domain.ranks import new_salt
from pmdesk.core.domain.vocabulary import NOT_ASSESSED, PRIORITY_TERMS, RELEASE_STATUS_TERMS
from pmdesk.core.messages import UNDO_TEXTS
from pmdesk.core.schema import tables
from pmdesk.core.schema.tables import TABLES, encode

Action = Literal["inserted", "updated", "moved", "removed", "reloaded"]  # reloaded: re-read all
Verb = Literal["create", "rename", "edit", "move", "delete", "restore", "change"]

ORDERED = frozenset(
    {"requirement", "release", "lane", "persona", "section", "saved_view", "custom_field"}
)  # entities kept in a user-chosen order
_HISTORY = tables.table_of(tables.HistoryEntry)
_INSERT_HISTORY = (
    'INSERT INTO history (uid, batch, "at", "by", operation, entity, entity_uid, field, old, new)'
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
NO_VALUES: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Effect:
    """One thing an operation changed, precise enough for a view to update itself."""

    entity: str
    uid: str
    action: Action
    fields: tuple[str, ...] = ()
    parent: str | None = None
    old_parent: str | None = None
    # The new values (domain values, as `fields.from_columns` reads them): of `fields`
    # when "updated", of every field when "inserted"; so a view can update itself
    # without reading the row again. Read-only; left out of the hash (lists inside).
    values: Mapping[str, Any] = field(default_factory=lambda: NO_VALUES, hash=False)
    # (updated_at, updated_by) that an updated or moved requirement's row got with it.
    stamp: tuple[str, str] | None = None


@dataclass(frozen=True)
class Label:
    """What an operation did, for undo menus: a verb, a subject and how many.

    An edit of a release, lane, milestone or the project's properties also
    names the sentence that says exactly what happened (`text`, a key of
    messages.UNDO_TEXTS, with its `params`): "Move release v1.1 to 2027-04-05 –
    2027-06-30". The sentence wins whenever it is given, whatever `count`
    (it says the count itself: "Set Kano category of 5 requirements …").
    The app says it in the UI's language (app/session.label_text).
    """

    verb: Verb
    entity: str
    subject: str
    count: int = 1
    text: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        if self.text:  # its own sentence, for one or (bulk edits) many
            params = dict(self.params)
            if "status" in params:
                params["status"] = RELEASE_STATUS_TERMS[params["status"]].en
            if "priority" in params:
                term = PRIORITY_TERMS.get(params["priority"], NOT_ASSESSED)
                params["priority"] = term.en
            return UNDO_TEXTS[self.text].format(**params)
        noun = self.entity if self.count == 1 else f"{self.count} {self.entity}s"
        subject = self.subject if self.count == 1 else noun
        return f"{self.verb.capitalize()} {subject}".strip()


@dataclass(frozen=True)
class Applied:
    label: Label
    effects: tuple[Effect, ...]
    inverse: Operation


class Operation(ABC):
    """An edit described as a value. `apply` runs inside the caller's transaction."""

    @abstractmethod
    def apply(self, tx: Transaction) -> Applied: ...


@dataclass
class Transaction:
    """One transaction on the project, with who and when for the history."""

    session: Session
    user: str
    now: str
    batch: str = field(default_factory=lambda: str(uuid.uuid4()))
    operation: str = ""
    # Ends every rank this transaction gives out (see core.ranks): one per editing
    # session, so two people inserting at the same place never get the same rank.
    rank_salt: str = field(default_factory=new_salt)

    def record(self, entity: str, uid: str, field_name: str, old: Any, new: Any) -> None:
        self.session.execute(
            insert(_HISTORY).values(
                uid=str(uuid.uuid4()),
                batch=self.batch,
                at=self.now,
                by=self.user,
                operation=self.operation,
                entity=entity,
                entity_uid=uid,
                field=field_name,
                old=encode(old),
                new=encode(new),
            )
        )

    def record_many(
        self, entity: str, field_name: str, changes: Iterable[tuple[str, Any, Any]]
    ) -> None:
        """Record one field of many entities at once: (uid, old, new) each."""
        changes = list(changes)
        # uuid4 each, from one read of the system's randomness (a system call per uid
        # was a tenth of a 1,000-row bulk edit).
        random = os.urandom(16 * len(changes))
        uids = (
            str(uuid.UUID(bytes=random[at : at + 16], version=4))
            for at in range(0, len(random), 16)
        )
        batch, now, user, operation = self.batch, self.now, self.user, self.operation
        rows = [
            (next(uids), batch, now, user, operation, entity, uid, field_name, encode(o), encode(n))
            for uid, o, n in changes
        ]
        if rows:  # plain values, so the driver's executemany (SQLAlchemy's costs a tenth)
            self.session.connection().exec_driver_sql(_INSERT_HISTORY, rows)

    def row(self, entity: str, uid: str) -> dict[str, Any] | None:
        table = TABLES[entity]
        found = self.session.execute(select(table).where(table.c.uid == uid)).mappings().first()
        return dict(found) if found is not None else None

    def exists(self, entity: str, uid: str) -> bool:
        table = TABLES[entity]
        return (
            self.session.execute(select(table.c.uid).where(table.c.uid == uid)).first() is not None
        )

    def describe(self, entity: str, uid: str) -> str:
        """How a user names an entity: REQ-12 for a requirement, else its name or title."""
        table = TABLES[entity]
        column = _NAMED_BY.get(entity, "name")
        if entity == "link":
            return "link"
        found = self.session.execute(select(table.c[column]).where(table.c.uid == uid)).first()
        return str(found[0]) if found is not None else uid[:8]

    @staticmethod
    def describe_row(entity: str, row: Mapping[str, Any]) -> str:
        """`describe` from the entity's row (its columns) at hand: no query."""
        return "link" if entity == "link" else str(row[_NAMED_BY.get(entity, "name")])


_NAMED_BY = {"requirement": "key", "section": "title", "project": "title"}
