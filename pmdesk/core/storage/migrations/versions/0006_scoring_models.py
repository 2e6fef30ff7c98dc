"""Schema 6: scoring models besides RICE (issue 15).

- project: `scoring`, the model the project ranks by (rice, ice, wsjf,
  weighted), and `criteria`, the weighted model's criteria (a JSON list of
  {"id", "name", "weight", "scale"}). Existing files keep RICE, without criteria.
- requirement: the ICE inputs (`ice_impact`, `ice_confidence`, `ice_ease`,
  1–10), the WSJF inputs (`wsjf_business_value`, `wsjf_time_criticality`,
  `wsjf_risk_reduction`, `wsjf_job_size`, 1–20), all NULL until assessed, and
  `scores`, the values of the weighted criteria (a JSON object by criterion id).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INPUTS = (
    "ice_impact",
    "ice_confidence",
    "ice_ease",
    "wsjf_business_value",
    "wsjf_time_criticality",
    "wsjf_risk_reduction",
    "wsjf_job_size",
)


def upgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("scoring", sa.String(length=16), nullable=False, server_default="rice")
        )
        batch_op.add_column(sa.Column("criteria", sa.Text(), nullable=False, server_default="[]"))
    # Added columns only: SQLite's ALTER TABLE ADD COLUMN, no copy of a large table.
    with op.batch_alter_table("requirement", schema=None) as batch_op:
        for name in INPUTS:
            batch_op.add_column(sa.Column(name, sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("scores", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
