"""Schema 7: personas, and a requirement's persona, business value and horizon (issue 15).

- persona: a new table (uid, name, role, goals, pain_points, scenarios as
  Markdown, share of users in %, photo as PNG/JPEG bytes, rank for the list order).
- requirement: `persona_uid` (the persona of a story; cleared when the persona
  goes), `value` (business value 0–10, the value-vs-effort matrix's axis) and
  `horizon` (now, next, later; NULL: derived from the release), all NULL in
  existing files.

The requirement table is recreated once (batch mode) for the named foreign
key; foreign keys are off while revisions run, so no cascade fires.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "persona",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False, server_default=""),
        sa.Column("goals", sa.Text(), nullable=False, server_default=""),
        sa.Column("pain_points", sa.Text(), nullable=False, server_default=""),
        sa.Column("scenarios", sa.Text(), nullable=False, server_default=""),
        sa.Column("share", sa.Float(), nullable=True),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("rank", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_persona")),
    )
    # The reference to a persona needs the table recreated (SQLite's way to add
    # a named foreign key); the other two columns come in the same copy.
    with op.batch_alter_table("requirement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("persona_uid", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("horizon", sa.String(length=8), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_requirement_persona_uid_persona"),
            "persona",
            ["persona_uid"],
            ["uid"],
            ondelete="SET NULL",
        )
        batch_op.create_check_constraint("horizon", "horizon IN ('now', 'next', 'later')")
    op.create_index("ix_requirement_persona", "requirement", ["persona_uid"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
