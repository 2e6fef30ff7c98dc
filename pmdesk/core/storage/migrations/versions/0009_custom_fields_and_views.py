"""Schema 9: custom fields (issue 17) and saved views (issue 16).

Two independent additions in one revision, each in its own function below so
that the two features' tables stay apart:

- custom fields: the project's own field definitions and each requirement's
  values for them (`_custom_fields`);
- saved views: a named filter + columns + grouping + sort (`_saved_views`).

New tables only: existing files gain them empty, no table copy.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _custom_fields() -> None:
    """Custom field definitions and values.

    - custom_field: uid, name, kind (text, number, date, choice, choices,
      person), options (JSON list of texts: choice/choices' list, else []), rank;
    - requirement.custom: the values, a JSON object {field uid: value}, '{}' in
      existing files (an added column: ALTER TABLE, no copy of the table).
    """
    op.create_table(
        "custom_field",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False, server_default="text"),
        sa.Column("options", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("rank", sa.String(length=255), nullable=False),
        sa.CheckConstraint(
            "kind IN ('text', 'number', 'date', 'choice', 'choices', 'person')",
            name=op.f("ck_custom_field_kind"),
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_custom_field")),
    )
    op.add_column(
        "requirement",
        sa.Column("custom", sa.Text(), nullable=False, server_default="{}"),
    )


def _saved_views() -> None:
    """Saved views: a named filter (`criteria`, JSON of core.queries.criteria),
    the backlog's shown columns (JSON list of column ids), its grouping (NULL:
    none) and sort (JSON list of [column id, "asc"|"desc"]), ordered by rank."""
    op.create_table(
        "saved_view",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("columns", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("grouping", sa.Text(), nullable=True),
        sa.Column("sort", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("rank", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_saved_view")),
    )


# The highest number after "PREFIX-" (prefixes hold no "-") of the keys the
# history names: those created, deleted, and renamed (both sides), in one pass.
_NUMBER = "COALESCE(CAST(substr({k}, instr({k}, '-') + 1) AS INTEGER), 0)"
_KEYS_IN_HISTORY = f"""
SELECT MAX(MAX({_NUMBER.format(k="a")}, {_NUMBER.format(k="b")})) FROM (
  SELECT
    CASE WHEN NOT json_valid(new) THEN NULL
         WHEN field = 'created' THEN json_extract(new, '$.key')
         WHEN field = 'key' THEN json_extract(new, '$') END AS a,
    CASE WHEN NOT json_valid(old) THEN NULL
         WHEN field = 'deleted' THEN json_extract(old, '$.key')
         WHEN field = 'key' THEN json_extract(old, '$') END AS b
  FROM history WHERE entity = 'requirement' AND field IN ('created', 'deleted', 'key')
)"""


def _key_counter() -> None:
    """`project.next_number`: the number the next new requirement gets, so that a
    key is never handed out twice in a file's life (deleting the newest and
    creating one gave its key to another requirement). It starts past every
    number the file ever used: its requirements' and, from the history, those
    of requirements since deleted or renumbered."""
    op.add_column(
        "project",
        sa.Column("next_number", sa.Integer(), nullable=False, server_default="1"),
    )
    op.execute(
        "UPDATE project SET next_number = 1 + MAX("
        "(SELECT COALESCE(MAX(number), 0) FROM requirement), "
        f"COALESCE(({_KEYS_IN_HISTORY}), 0))"
    )


def upgrade() -> None:
    _custom_fields()
    _saved_views()
    _key_counter()


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
