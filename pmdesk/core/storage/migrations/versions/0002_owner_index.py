"""Index requirements by owner (the owner filter and suggestions scan it).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("requirement", schema=None) as batch_op:
        batch_op.create_index("ix_requirement_owner", ["owner"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
