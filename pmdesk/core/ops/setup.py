"""Operations that set up a product beyond one row: renumbering every key to a
new prefix, and deleting a release whose requirements move to another one.

Both are one undo step with an exact inverse, like every operation.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import String, bindparam, cast, select, update

from pmdesk.core.domain import vocabulary
from pmdesk.core.domain.fields import FieldError, spec
from pmdesk.core.errors import OperationError
from pmdesk.core.ops import labels
from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction
from pmdesk.core.ops.edits import Batch, Remove, Update
from pmdesk.core.ops.numbers import allocate_numbers
from pmdesk.core.schema.tables import TABLES

KeyRow = tuple[str, str, int]  # (requirement uid, key, number)
_CHUNK = 500  # uids per IN (...), under SQLite's parameter limit


def checked_prefix(prefix: str) -> str:
    """`prefix` if it can be a key prefix, else OperationError("keys.bad_prefix")."""
    try:
        return str(spec("project", "key_prefix").check(prefix))
    except FieldError:
        raise OperationError("keys.bad_prefix", prefix=prefix) from None


@dataclass(frozen=True)
class RenumberKeys(Operation):
    """Set the key prefix and give every requirement a key with it: REQ-7 → CRM-7.

    Numbers stay (a key that shares its number with another, possible after an
    import of mixed prefixes, gets the next free number). Uids do not change, so
    links, history and baselines stay attached. `keys` (uid, key, number) puts back
    exactly the keys a renumbering replaced: the inverse uses it.
    """

    prefix: str
    keys: tuple[KeyRow, ...] = ()

    def apply(self, tx: Transaction) -> Applied:
        prefix = checked_prefix(self.prefix)
        project_table, table = TABLES["project"], TABLES["requirement"]
        project_uid, old_prefix = tx.session.execute(
            select(project_table.c.uid, project_table.c.key_prefix)
        ).one()
        rows: list[KeyRow] = [
            (r.uid, r.key, r.number)
            for r in tx.session.execute(
                select(table.c.uid, table.c.key, table.c.number).order_by(
                    table.c.number, table.c.uid
                )
            )
        ]
        wanted = self._wanted(tx, prefix, rows)
        changed = [
            (uid, key, n) for uid, key, n in rows if uid in wanted and wanted[uid] != (key, n)
        ]
        label = Label(
            "change", "project", "", text="project.key_prefix", params=(("prefix", prefix),)
        )
        if not changed and old_prefix == prefix:
            return Applied(label, (), RenumberKeys(prefix))
        uids = [uid for uid, _, _ in changed]
        everyone = len(uids) == len(rows)
        # Keys are unique at every statement: park the changed ones first.
        self._set(tx, uids, everyone, key="~" + table.c.uid)
        plain = _one_prefix(changed, wanted)
        if plain is not None:  # the usual case: PREFIX-number for each, in SQL
            self._set(tx, uids, everyone, key=plain + "-" + cast(table.c.number, String))
        elif changed:
            tx.session.execute(
                update(table)
                .where(table.c.uid == bindparam("b_uid"))
                .values(key=bindparam("b_key"), number=bindparam("b_number")),
                [
                    {"b_uid": uid, "b_key": wanted[uid][0], "b_number": wanted[uid][1]}
                    for uid in uids
                ],
            )
        if old_prefix != prefix:
            tx.session.execute(update(project_table).values(key_prefix=prefix))
            tx.record("project", project_uid, "key_prefix", old_prefix, prefix)
        # One row per key: each requirement's history says it was renamed.
        tx.record_many("requirement", "key", ((u, k, wanted[u][0]) for u, k, _ in changed))
        effects = (
            Effect(
                "project",
                project_uid,
                "updated",
                ("key_prefix",),
                values=MappingProxyType({"key_prefix": prefix}),
            ),
            Effect("project", project_uid, "reloaded"),  # every key shown anywhere changed
        )
        return Applied(label, effects, RenumberKeys(old_prefix, tuple(changed)))

    @staticmethod
    def _set(tx: Transaction, uids: list[str], everyone: bool, **values: Any) -> None:
        """Set `values` on the rows `uids` (all of them: one statement)."""
        table = TABLES["requirement"]
        if everyone:
            tx.session.execute(update(table).values(**values))
            return
        for start in range(0, len(uids), _CHUNK):
            chunk = uids[start : start + _CHUNK]
            tx.session.execute(update(table).where(table.c.uid.in_(chunk)).values(**values))

    def _wanted(
        self, tx: Transaction, prefix: str, rows: list[KeyRow]
    ) -> dict[str, tuple[str, int]]:
        if self.keys:  # undo: exactly the keys that were replaced
            present = {uid for uid, _, _ in rows}
            return {uid: (key, n) for uid, key, n in self.keys if uid in present}
        wanted: dict[str, tuple[str, int]] = {}
        numbers = [n for _, _, n in rows]
        clashes = len(numbers) - len(set(numbers))
        spare = iter(allocate_numbers(tx, clashes) if clashes else ())  # never used before
        taken: set[int] = set()
        for uid, _, number in rows:
            if number in taken:
                number = next(spare)
            taken.add(number)
            wanted[uid] = (vocabulary.format_key(prefix, number), number)
        return wanted


def _one_prefix(changed: list[KeyRow], wanted: dict[str, tuple[str, int]]) -> str | None:
    """The prefix P when every changed key becomes P-number with its number kept."""
    if not changed:
        return None
    first = wanted[changed[0][0]][0]
    prefix = first.rsplit("-", 1)[0]
    for uid, _, number in changed:
        if wanted[uid] != (vocabulary.format_key(prefix, number), number):
            return None
    return prefix


@dataclass(frozen=True)
class RemoveRelease(Operation):
    """Delete a release; its requirements move to release `move_to` (None: to no
    release), and its milestones lose the link. One step; undo puts back the
    release, its requirements' release and its milestones' link."""

    uid: str
    move_to: str | None = None

    def apply(self, tx: Transaction) -> Applied:
        release = tx.row("release", self.uid)
        if release is None:
            raise OperationError("edit.missing", entity="release", uid=self.uid)
        if self.move_to == self.uid:
            raise OperationError("release.move_to_itself")
        if self.move_to is not None and not tx.exists("release", self.move_to):
            raise OperationError("edit.missing", entity="release", uid=self.move_to)
        operations: list[Operation] = []
        name = str(release["name"])
        if self.move_to is None:
            label = labels.named("delete", "release", name)
        else:
            table = TABLES["requirement"]
            members = tx.session.execute(
                select(table.c.uid).where(table.c.release_uid == self.uid).order_by(table.c.number)
            ).scalars()
            move: dict[str, Any] = {"release": self.move_to}
            operations += [Update("requirement", uid, move) for uid in members]
            other = tx.describe("release", self.move_to)
            label = Label(
                "delete",
                "release",
                name,
                text="release.delete_moving",
                params=(("name", name), ("other", other)),
            )
        operations.append(Remove((("release", self.uid),)))
        return Batch(tuple(operations), label).apply(tx)
