"""An edit given as whole rows: what a merge writes into the working copy.

Merging a colleague's save changes many rows at once. As one operation it is
one undo step ("Merge changes from 张三"), and its inverse puts every row back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pmdesk.core.domain.fields import FIELDS, from_columns
from pmdesk.core.errors import OperationError
from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction
from pmdesk.core.ops.edits import remembered
from pmdesk.core.schema.rows import RowChange, StaleRowsError, write_changes
from pmdesk.core.schema.tables import encode


@dataclass(frozen=True)
class ReplaceRows(Operation):
    """Write row changes computed elsewhere (a merge); `subject` names it for undo."""

    changes: tuple[RowChange, ...]
    subject: str = ""
    from_target: bool = False  # their changes are in the project file already

    def apply(self, tx: Transaction) -> Applied:
        try:
            write_changes(tx.session.connection(), self.changes)
        except StaleRowsError:
            raise OperationError("merge.stale") from None
        _record_what_history_misses(tx, self.changes)
        project = next(
            (c.uid for c in self.changes if c.entity == "project"),
            tx.session.connection().exec_driver_sql("SELECT uid FROM project").scalar() or "",
        )
        return Applied(
            Label("change", "project", self.subject),
            (Effect("project", str(project), "reloaded"),) if self.changes else (),
            ReplaceRows(
                tuple(c.inverse() for c in reversed(self.changes)), self.subject, self.from_target
            ),
        )


def _record_what_history_misses(tx: Transaction, changes: tuple[RowChange, ...]) -> None:
    """Make the history tell what the merge did where their history does not.

    Their history rows come along with their changes, so most of the merge is
    told already. What is not: a row they deleted that was kept (a conflict
    settled for ours), a row they added or edited that the merge removed (with a
    parent we deleted), a field whose merged value is not the one they logged
    (ours kept, or both sides' lines combined), and every row an undo of a merge
    adds, removes or changes. Those are recorded as the merging user's edits.
    """
    imported = [
        dict(c.after) for c in changes if c.entity == "history" and c.before is None and c.after
    ]
    events: dict[str, dict[str, Any]] = {}  # uid → their newest "created" or "deleted"
    fields: dict[tuple[str, str], dict[str, Any]] = {}  # (uid, field) → their newest edit
    for row in sorted(imported, key=lambda r: str(r["at"])):
        if row["entity"] not in FIELDS:
            continue
        if row["field"] in ("created", "deleted"):
            events[row["entity_uid"]] = row
        elif row["field"] != "position":
            fields[(row["entity_uid"], row["field"])] = row
    told: set[str] = set()
    for uid, event in events.items():
        entity, now = event["entity"], tx.row(event["entity"], uid)
        told.add(uid)
        if event["field"] == "deleted" and now is not None:
            tx.record(entity, uid, "created", None, remembered(entity, now))
        elif event["field"] == "created" and now is None:
            tx.record(entity, uid, "deleted", _decoded(event["new"]), None)
    for (uid, name), edit in fields.items():
        entity, now = edit["entity"], tx.row(edit["entity"], uid)
        if now is None:
            if uid not in told:  # they edited it, the merge removed it
                told.add(uid)
                tx.record(entity, uid, "deleted", {name: _decoded(edit["new"])}, None)
            continue
        value = now["key"] if (entity, name) == ("requirement", "key") else None
        value = from_columns(entity, now).get(name, value)
        if encode(value) != edit["new"]:
            tx.record(entity, uid, name, _decoded(edit["new"]), value)
    for change in changes:
        if change.entity not in FIELDS or change.uid in told:
            continue
        if change.before is None and change.after is not None:
            tx.record(
                change.entity, change.uid, "created", None, remembered(change.entity, change.after)
            )
        elif change.after is None and change.before is not None:
            tx.record(
                change.entity,
                change.uid,
                "deleted",
                remembered(change.entity, change.before),
                None,
            )
        elif change.before is not None and change.after is not None:
            old, new = (
                from_columns(change.entity, change.before),
                from_columns(change.entity, change.after),
            )
            if change.entity == "requirement":  # a key the merge renumbered: say so
                old["key"], new["key"] = change.before["key"], change.after["key"]
            for name in old:
                if old[name] != new[name] and (change.uid, name) not in fields:
                    tx.record(change.entity, change.uid, name, old[name], new[name])


def _decoded(text: Any) -> Any:
    return None if text is None else json.loads(text)
