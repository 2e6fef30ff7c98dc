"""Alembic environment, run in code only (never by the `alembic` command).

The caller passes an open connection in `config.attributes["connection"]`;
batch mode lets revisions alter SQLite tables by recreating them.
"""

from __future__ import annotations

from alembic import context

from pmdesk.core.schema.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
