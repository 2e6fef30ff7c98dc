"""Initial schema: project, requirements, releases, milestones, lanes, links, sections,
baselines and history.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "baseline",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_baseline")),
        sa.UniqueConstraint("name", name=op.f("uq_baseline_name")),
    )
    op.create_table(
        "history",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("batch", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=19), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("operation", sa.Text(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_uid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_history")),
        sa.UniqueConstraint("uid", name=op.f("uq_history_uid")),
    )
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index("ix_history_entity", ["entity_uid"], unique=False)

    op.create_table(
        "lane",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("rank", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_lane")),
    )
    op.create_table(
        "milestone",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_milestone")),
    )
    op.create_table(
        "project",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("product", sa.Text(), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("authors", sa.Text(), nullable=False),
        sa.Column("key_prefix", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.CheckConstraint("language IN ('zh', 'en')", name=op.f("ck_project_language")),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_project")),
    )
    op.create_table(
        "release",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_release")),
    )
    op.create_table(
        "section",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("rank", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_section")),
    )
    op.create_table(
        "requirement",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("parent_uid", sa.String(length=36), nullable=True),
        sa.Column("rank", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("acceptance", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("kano", sa.String(length=16), nullable=False),
        sa.Column("rice_reach", sa.Float(), nullable=True),
        sa.Column("rice_impact", sa.Float(), nullable=True),
        sa.Column("rice_confidence", sa.Float(), nullable=True),
        sa.Column("rice_effort", sa.Float(), nullable=True),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("release_uid", sa.String(length=36), nullable=True),
        sa.Column("lane_uid", sa.String(length=36), nullable=True),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kano IN ('basic', 'performance', 'delighter', 'indifferent', 'reverse')",
            name=op.f("ck_requirement_kano"),
        ),
        sa.CheckConstraint(
            "kind IN ('epic', 'feature', 'story', 'requirement', 'nfr')",
            name=op.f("ck_requirement_kind"),
        ),
        sa.CheckConstraint(
            "priority IN ('must', 'should', 'could', 'wont')", name=op.f("ck_requirement_priority")
        ),
        sa.CheckConstraint(
            "status IN ('idea', 'draft', 'review', 'approved', 'in_progress', 'done', 'rejected')",
            name=op.f("ck_requirement_status"),
        ),
        sa.ForeignKeyConstraint(
            ["lane_uid"],
            ["lane.uid"],
            name=op.f("fk_requirement_lane_uid_lane"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_uid"],
            ["requirement.uid"],
            name=op.f("fk_requirement_parent_uid_requirement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["release_uid"],
            ["release.uid"],
            name=op.f("fk_requirement_release_uid_release"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_requirement")),
        sa.UniqueConstraint("key", name=op.f("uq_requirement_key")),
    )
    with op.batch_alter_table("requirement", schema=None) as batch_op:
        batch_op.create_index("ix_requirement_lane", ["lane_uid"], unique=False)
        batch_op.create_index(batch_op.f("ix_requirement_number"), ["number"], unique=False)
        batch_op.create_index("ix_requirement_parent_rank", ["parent_uid", "rank"], unique=False)
        batch_op.create_index("ix_requirement_release", ["release_uid"], unique=False)

    op.create_table(
        "link",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("from_uid", sa.String(length=36), nullable=False),
        sa.Column("to_uid", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "type IN ('depends_on', 'blocks', 'relates_to', 'duplicates', 'derived_from')",
            name=op.f("ck_link_type"),
        ),
        sa.ForeignKeyConstraint(
            ["from_uid"],
            ["requirement.uid"],
            name=op.f("fk_link_from_uid_requirement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_uid"],
            ["requirement.uid"],
            name=op.f("fk_link_to_uid_requirement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_link")),
        sa.UniqueConstraint("from_uid", "to_uid", "type", name="uq_link_ends"),
    )
    with op.batch_alter_table("link", schema=None) as batch_op:
        batch_op.create_index("ix_link_to", ["to_uid"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
