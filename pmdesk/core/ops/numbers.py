"""Requirement numbers: the N of a key `PREFIX-N`, handed out once in a file's life.

The project row keeps a counter (`project.next_number`, schema 9) that only grows:
deleting the newest requirement, undoing its creation or undoing a merge never
gives its number back, so a key quoted in a document, an e-mail or a ticket
never comes to mean another requirement. Every operation that numbers new
requirements takes its numbers here.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from pmdesk.core.ops.base import Transaction
from pmdesk.core.schema.tables import TABLES


def allocate_numbers(tx: Transaction, count: int = 1) -> range:
    """Take `count` numbers no requirement of this file has had, in one go.

    They are consecutive and past every number in use too (a file whose counter
    lags behind its rows, say one filled by an older tool, still never repeats
    one). The counter moves past them in the same transaction.
    """
    if count < 0:
        raise ValueError(f"cannot allocate {count} numbers")
    project, requirement = TABLES["project"], TABLES["requirement"]
    counter = tx.session.execute(select(project.c.next_number)).scalar_one()
    highest = tx.session.execute(select(func.max(requirement.c.number))).scalar() or 0
    start = max(counter, highest + 1)
    tx.session.execute(update(project).values(next_number=start + count))
    return range(start, start + count)
