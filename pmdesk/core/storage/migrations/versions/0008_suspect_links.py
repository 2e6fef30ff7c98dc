"""Schema 8: suspect links (issue 16).

- link: `suspect_at` (the instant the linked-to requirement's title, description
  or acceptance criteria changed, so the link needs review; NULL: reviewed or
  never suspect) and `reviewed_at` (the instant someone last marked it
  reviewed), both NULL in existing files. Added columns: no table copy.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("link", sa.Column("suspect_at", sa.String(length=19), nullable=True))
    op.add_column("link", sa.Column("reviewed_at", sa.String(length=19), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
