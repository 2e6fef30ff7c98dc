"""What the tree's filter asks for, and which requirements answer it. No Qt here.

A filter holds several values per field (any of them matches, "-" standing for
"none": no priority, no persona…), the fields together must all match. The
tree's own rows answer status, priority, owner, release and kind; kano, lane,
persona, tags and dates come from the core's backlog rows, read only when one
of those is asked for. Text, "changed since a baseline" and "needs review"
arrive as sets of uids found by the core.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from pmdesk.app.tree import maps

# core.queries.backlog (SQLAlchemy) is imported when a filter needs its rows:
# the tree is painted before SQLAlchemy loads.

NONE = "-"
"""The value for "not set" (no priority, persona, kano, lane, release, owner)."""
TREE_FIELDS = {
    "status": maps.STATUS,
    "priority": maps.PRIORITY,
    "owner": maps.OWNER,
    "release": maps.RELEASE,
    "kind": maps.KIND,
}
ROW_FIELDS = ("kano", "lane", "persona")  # in the backlog rows
FIELDS = (*TREE_FIELDS, *ROW_FIELDS, "tags")


@dataclass(frozen=True)
class DateRange:
    """ISO days (either may be empty: open-ended); `overlapping` finds work that
    runs at some time in the range, otherwise it must start and end inside it."""

    first: str = ""
    last: str = ""
    overlapping: bool = False

    def accepts(self, start: str | None, end: str | None) -> bool:
        if not (start or end):
            return False  # an undated requirement is in no range
        start, end = start or end or "", end or start or ""
        if self.overlapping:
            return (not self.last or start <= self.last) and (not self.first or end >= self.first)
        return (not self.first or start >= self.first) and (not self.last or end <= self.last)


@dataclass(frozen=True)
class Criteria:
    text: str = ""
    choices: Mapping[str, frozenset[str]] = field(default_factory=dict)  # by FIELDS name
    dates: DateRange | None = None
    baseline: str | None = None  # uid: changed (or added) since that baseline
    needs_review: bool = False  # a link into it is suspect (when the core offers it)

    @property
    def active(self) -> bool:
        return bool(
            self.text.strip()
            or any(self.choices.values())
            or self.dates
            or self.baseline
            or self.needs_review
        )

    @property
    def needs_rows(self) -> bool:
        """Whether a field outside the tree's rows is asked for (backlog rows)."""
        return self.dates is not None or any(
            self.choices.get(name) for name in (*ROW_FIELDS, "tags")
        )


def find_matches(
    tree_rows: Mapping[str, maps.Row],
    criteria: Criteria,
    *,
    found: Collection[str] | None = None,
    rows: Mapping[str, tuple[Any, ...]] | None = None,
    changed: Collection[str] | None = None,
    review: Collection[str] | None = None,
) -> set[str]:
    """The uids matching `criteria` (not their ancestors). `found`: what the text
    finds; `rows`: backlog rows by uid (needed when `criteria.needs_rows`);
    `changed`: changed since the baseline; `review`: needing review."""
    from pmdesk.core.queries import backlog

    candidates: Collection[str] = tree_rows if found is None else found
    chosen = criteria.choices
    checks = [(at, chosen[name]) for name, at in TREE_FIELDS.items() if chosen.get(name)]
    positions = {"kano": backlog.KANO, "lane": backlog.LANE, "persona": backlog.PERSONA}
    row_checks = [
        (positions[name], criteria.choices[name])
        for name in ROW_FIELDS
        if criteria.choices.get(name)
    ]
    tags = criteria.choices.get("tags") or frozenset()
    dates = criteria.dates
    extra: Mapping[str, Any] = rows or {}
    # One pass per check, each a tight comprehension over what is left (at
    # 100,000 requirements a loop testing every check per row took seconds).
    left = [uid for uid in candidates if uid in tree_rows]
    for at, wanted in checks:
        left = [uid for uid in left if (tree_rows[uid][at] or NONE) in wanted]
    if changed is not None:
        left = [uid for uid in left if uid in changed]
    if review is not None:
        left = [uid for uid in left if uid in review]
    if not (row_checks or tags or dates):
        return set(left)
    get = extra.get
    pairs = [(uid, row) for uid in left if (row := get(uid)) is not None]
    for at, wanted in row_checks:
        pairs = [(uid, row) for uid, row in pairs if (row[at] or NONE) in wanted]
    if tags:
        at = backlog.TAGS
        pairs = [(uid, row) for uid, row in pairs if not tags.isdisjoint(row[at] or (NONE,))]
    if dates:
        start, end = backlog.START, backlog.END
        pairs = [(uid, row) for uid, row in pairs if dates.accepts(row[start], row[end])]
    return {uid for uid, _ in pairs}
