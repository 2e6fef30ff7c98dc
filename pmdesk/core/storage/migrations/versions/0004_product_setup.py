"""Schema 4: setting up a product (issue 13).

- project: `organisation` and a `logo` (PNG or JPEG bytes) for the PRD cover;
- release: a one-line `goal`, a `status` (planned, in progress, released), a
  `capacity` in person-days and a `rank` (their order: existing releases are
  ranked by start date, then name, as snapshots listed them);
- lane: a `colour` (#rrggbb);
- milestone: the `release_uid` it belongs to (cleared when the release goes);
- requirement: `priority` and `kano` may be NULL, "not assessed" (existing rows
  keep their values).

Recreating the release and requirement tables (SQLite cannot add a CHECK or
drop NOT NULL in place) must not fire their foreign keys' ON DELETE actions:
`migrate` turns foreign keys off around the revisions and checks them after.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pmdesk.core.domain.ranks import evenly_spaced

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(sa.Column("organisation", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))

    with op.batch_alter_table("release", schema=None) as batch_op:
        batch_op.add_column(sa.Column("goal", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), nullable=False, server_default="planned")
        )
        batch_op.add_column(sa.Column("capacity", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("rank", sa.String(length=255), nullable=False, server_default="")
        )
        batch_op.create_check_constraint(
            "status", "status IN ('planned', 'in_progress', 'released')"
        )
    connection = op.get_bind()
    uids = [
        row[0]
        for row in connection.execute(sa.text("SELECT uid FROM release ORDER BY start, name, uid"))
    ]
    for uid, rank in zip(uids, evenly_spaced(len(uids)), strict=True):
        connection.execute(
            sa.text("UPDATE release SET rank = :rank WHERE uid = :uid"), {"rank": rank, "uid": uid}
        )

    with op.batch_alter_table("lane", schema=None) as batch_op:
        batch_op.add_column(sa.Column("colour", sa.String(length=7), nullable=True))

    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.add_column(sa.Column("release_uid", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_milestone_release_uid_release"),
            "release",
            ["release_uid"],
            ["uid"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("requirement", schema=None) as batch_op:
        batch_op.alter_column("priority", existing_type=sa.String(length=16), nullable=True)
        batch_op.alter_column("kano", existing_type=sa.String(length=16), nullable=True)


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
