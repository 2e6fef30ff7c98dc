"""The PRD's revision history (修订记录) and "changes since a baseline".

Both come from the project itself: one revision row per baseline, plus a row
for the current state when it was edited after the last baseline (or when
there is no baseline yet). Nothing is typed by hand, so it cannot go stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pmdesk.core.baseline_compare import BaselineInfo, Comparison, compare
from pmdesk.core.queries_content import EditSummary
from pmdesk.export.doc import Block, Paragraph, Run, Table
from pmdesk.export.labels import FIELD_LABELS, TEXT, join_names

Snapshot = Any


def revision_table(
    baselines: list[BaselineInfo],
    edits_since_last: EditSummary,
    all_edits: EditSummary,
    current: Callable[[], Snapshot],
    *,
    version: str,
    authors: list[str],
    today: dt.date,
    language: str,
) -> Table:
    """Rows oldest first: each baseline, then the current state if it moved on."""
    text = TEXT[language]
    rows: list[list[str]] = []
    previous: Snapshot | None = None
    for item in baselines:
        if previous is None:
            summary = text["rev_counts"].format(n=_count(item.snapshot))
        else:
            summary = _since(compare(previous, item.snapshot), language)
        rows.append([item.name, item.created_at[:10], item.created_by, summary])
        previous = item.snapshot
    if previous is None:
        last = all_edits.last_at
        who = join_names(authors or all_edits.people[:3], language)
        rows.append([version or "—", _day(last, today), who, text["rev_first"]])
    elif edits_since_last.last_at is not None:
        who = join_names(edits_since_last.people[:3], language)
        label = version if version and version != baselines[-1].name else text["rev_draft"]
        summary = _since(compare(previous, current()), language)
        rows.append([label, _day(edits_since_last.last_at, today), who, summary])
    header = [[Run(text[k])] for k in ("rev_version", "rev_date", "rev_author", "rev_summary")]
    body = [[[Run(cell)] if cell else [] for cell in row] for row in rows]
    return Table(header, body, widths=[1.2, 1.2, 1.4, 4.2])


def changes_blocks(comparison: Comparison, language: str) -> list[Block]:
    """Added, removed and changed requirements, each changed field before → now."""
    text = TEXT[language]
    fields = FIELD_LABELS[language]
    if comparison.empty:
        return [Paragraph([Run(text["no_changes"])])]
    blocks: list[Block] = []
    for title, items in ((text["added"], comparison.added), (text["removed"], comparison.removed)):
        if items:
            blocks.append(
                Paragraph(
                    [
                        Run(
                            f"{title}（{len(items)}）"
                            if language == "zh"
                            else f"{title} ({len(items)})"
                        )
                    ],
                    style="label",
                )
            )
            header = [[Run(fields["key"])], [Run(fields["title"])]]
            blocks.append(
                Table(header, [[[Run(i.key)], [Run(i.title)]] for i in items], widths=[1.0, 5.0])
            )
    if comparison.changed:
        count = len(comparison.changed)
        title = text["changed"]
        blocks.append(
            Paragraph(
                [Run(f"{title}（{count}）" if language == "zh" else f"{title} ({count})")],
                style="label",
            )
        )
        header = [[Run(h)] for h in (fields["key"], text["field"], text["before"], text["after"])]
        rows = []
        for item, changes in comparison.changed:
            for n, change in enumerate(changes):
                key = [Run(item.key)] if n == 0 else []
                rows.append(
                    [
                        key,
                        [Run(fields.get(change.field, _parent_label(change.field, language)))],
                        [Run(_short(change.before))] if _short(change.before) else [],
                        [Run(_short(change.after))] if _short(change.after) else [],
                    ]
                )
        blocks.append(Table(header, rows, widths=[1.0, 1.2, 2.4, 2.4]))
    return blocks


def _parent_label(field: str, language: str) -> str:
    if field == "parent":
        return "上级需求" if language == "zh" else "Parent"
    return field


def _short(value: Any, limit: int = 160) -> str:
    """A value as table text; long descriptions are cut (the full text is in the body)."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "；".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _since(comparison: Comparison, language: str) -> str:
    return TEXT[language]["rev_since"].format(
        added=len(comparison.added),
        changed=len(comparison.changed),
        removed=len(comparison.removed),
    )


def _count(snapshot: Snapshot) -> int:
    total, stack = 0, list(snapshot.get("requirements", []))
    while stack:
        node = stack.pop()
        total += 1
        stack.extend(node.get("children", []))
    return total


def _day(at: str | None, today: dt.date) -> str:
    return at[:10] if at else today.isoformat()
