"""A covering index for the requirement tree, in tree order.

Opening a project reads every requirement's tree columns in rank order
(core/storage/tree_read.py, queries.tree_rows). Without this index SQLite scans the
whole table, descriptions included, and sorts: about 0.5 s at 100,000
requirements; from the index it reads only the tree columns, already in order
(about half the time). The index adds about 8 % to the file.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TREE_INDEX_COLUMNS = [
    "rank",
    "uid",
    "parent_uid",
    "key",
    "title",
    "kind",
    "status",
    "priority",
    "owner",
    "release_uid",
]


def upgrade() -> None:
    with op.batch_alter_table("requirement", schema=None) as batch_op:
        batch_op.create_index("ix_requirement_tree", TREE_INDEX_COLUMNS, unique=False)


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
