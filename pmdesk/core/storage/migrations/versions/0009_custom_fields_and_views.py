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

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _custom_fields() -> None:
    """Custom field definitions and values (filled in by the custom-fields work)."""


def _saved_views() -> None:
    """Saved views (filled in by the saved-views work)."""


def upgrade() -> None:
    _custom_fields()
    _saved_views()


def downgrade() -> None:
    raise NotImplementedError("pmdesk never downgrades a project file")
