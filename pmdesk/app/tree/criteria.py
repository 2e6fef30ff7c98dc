"""What the tree's filter asks for, and which requirements answer it. No Qt here.

The filter's evaluation lives in the core (`pmdesk.core.queries.criteria`), so
a saved view is found the same way by the window, the export and the command
line; this module keeps the names the tree has always imported.
"""

from __future__ import annotations

from pmdesk.core.queries.criteria import (
    CUSTOM,
    FIELDS,
    FILTERED_KINDS,
    NONE,
    ROW_FIELDS,
    TREE_FIELDS,
    Criteria,
    DateRange,
    custom_matches,
    find_matches,
    from_json,
    to_json,
)

__all__ = [
    "CUSTOM",
    "FIELDS",
    "FILTERED_KINDS",
    "NONE",
    "ROW_FIELDS",
    "TREE_FIELDS",
    "Criteria",
    "DateRange",
    "custom_matches",
    "find_matches",
    "from_json",
    "to_json",
]
