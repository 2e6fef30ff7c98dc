"""An edit given as whole rows: what a merge writes into the working copy.

Merging a colleague's save changes many rows at once. As one operation it is
one undo step ("Merge changes from 张三"), and its inverse puts every row back.
"""

from __future__ import annotations

from dataclasses import dataclass

from pmdesk.core.errors import OperationError
from pmdesk.core.merge_rows import RowChange, StaleRowsError, write_changes
from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction


@dataclass(frozen=True)
class ReplaceRows(Operation):
    """Write row changes computed elsewhere (a merge); `subject` names it for undo."""

    changes: tuple[RowChange, ...]
    subject: str = ""

    def apply(self, tx: Transaction) -> Applied:
        try:
            write_changes(tx.session.connection(), self.changes)
        except StaleRowsError:
            raise OperationError("merge.stale") from None
        project = next(
            (c.uid for c in self.changes if c.entity == "project"),
            tx.session.connection().exec_driver_sql("SELECT uid FROM project").scalar() or "",
        )
        return Applied(
            Label("change", "project", self.subject),
            (Effect("project", str(project), "reloaded"),) if self.changes else (),
            ReplaceRows(tuple(c.inverse() for c in reversed(self.changes)), self.subject),
        )
