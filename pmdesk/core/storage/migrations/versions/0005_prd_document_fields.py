"""Schema 5: what a Chinese PRD states about itself (issue 14).

- project: the document's `doc_status` (draft, in_review, approved), its
  `confidentiality` (密级: public, internal, confidential, secret), a
  `doc_number`, and its `reviewers` (a JSON list of {"role", "name"}: the rows
  of the sign-off table). Existing files take the defaults: a draft, internal,
  without number or reviewers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("doc_status", sa.String(length=16), nullable=False, server_default="draft")
        )
        batch_op.add_column(
            sa.Column(
                "confidentiality", sa.String(length=16), nullable=False, server_default="internal"
            )
        )
        batch_op.add_column(sa.Column("doc_number", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("reviewers", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
