"""The PRD's revision history (修订记录) and "changes since a baseline".

Both come from the project itself: one revision row per baseline, plus a row
for the current state when it was edited after the last baseline (or when
there is no baseline yet). Nothing is typed by hand, so it cannot go stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any

from pmdesk.core.domain.vocabulary import FIELD_TERMS
from pmdesk.core.queries.content import EditSummary
from pmdesk.core.snapshot.compare import BaselineInfo, Comparison, FieldChange, compare
from pmdesk.export.doc import LINE_BREAK, Block, Paragraph, Run, Runs, Table
from pmdesk.export.labels import (
    FIELD_LABELS,
    TEXT,
    format_score,
    join_names,
    link_phrase,
    value_label,
)

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
        who = item.created_by or join_names(authors, language)  # an imported baseline
        rows.append([item.name, item.created_at[:10], who, summary])
        previous = item.snapshot
    if previous is None:
        last = all_edits.last_at
        who = join_names(authors or all_edits.people[:3], language)
        rows.append([version or "—", _day(last, today), who, text["rev_first"]])
    else:
        # Compared, not taken from the history: an import or a sync tool leaves none.
        comparison = compare(previous, current())
        if not comparison.empty:
            people = edits_since_last.people[:3] or authors
            label = version if version and version != baselines[-1].name else text["rev_draft"]
            day = _day(edits_since_last.last_at, today)
            rows.append([label, day, join_names(people, language), _since(comparison, language)])
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
            blocks.append(Paragraph([Run(_counted(title, len(items), language))], style="label"))
            header = [[Run(fields["key"])], [Run(fields["title"])]]
            body = [[[Run(i.key)], [Run(i.title)]] for i in items]
            blocks.append(Table(header, body, widths=[1.0, 5.0]))
    if comparison.changed:
        title = _counted(text["changed"], len(comparison.changed), language)
        blocks.append(Paragraph([Run(title)], style="label"))
        header = [[Run(h)] for h in (fields["key"], text["field"], text["before"], text["after"])]
        rows: list[list[Runs]] = []
        for item, changes in comparison.changed:
            for n, change in enumerate(changes):
                before, after = _values(change, language)
                name = fields.get(change.field) or FIELD_TERMS[change.field].in_document(language)
                rows.append([[Run(item.key)] if n == 0 else [], [Run(name)], before, after])
        blocks.append(Table(header, rows, widths=[1.0, 1.2, 2.4, 2.4]))
    return blocks


_CONTEXT = 36  # characters shown around the first edit of a long text


def _counted(title: str, count: int, language: str) -> str:
    return f"{title}（{count}）" if language == "zh" else f"{title} ({count})"


def _values(change: FieldChange, language: str) -> tuple[Runs, Runs]:
    """Before and after as readers know them: labels, items added and removed, edits."""
    field, before, after = change.field, change.before, change.after
    if field in ("acceptance", "tags", "links", "custom"):
        old = [_item(field, v, language) for v in before or []]
        new = [_item(field, v, language) for v in after or []]
        removed = [v for v in old if v not in new]
        added = [v for v in new if v not in old]
        return _lines("− ", removed), _lines("+ ", added)
    if field in ("description", "title", "source") and isinstance(before, str):
        return _edited(before, str(after or ""))
    return _plain(_value(field, before, language)), _plain(_value(field, after, language))


def _value(field: str, value: Any, language: str) -> str:
    if value is None or value == "":
        return ""
    if field in ("status", "kano", "kind", "priority", "horizon"):
        return value_label(field, str(value), language)
    if field == "value" and isinstance(value, int | float):
        return f"{value:g}"
    if field == "rice" and isinstance(value, int | float):
        return format_score(value)
    return str(value)


def _item(field: str, value: Any, language: str) -> str:
    if field == "links":
        kind, outgoing, key = value
        return link_phrase(kind, outgoing, [key], language)
    return str(value)


def _lines(mark: str, items: list[str]) -> Runs:
    runs: Runs = []
    for item in items:
        if runs:
            runs.append(LINE_BREAK)
        runs.append(Run(mark + item))
    return runs


def _plain(text: str) -> Runs:
    return [Run(text)] if text else []


def _edited(before: str, after: str) -> tuple[Runs, Runs]:
    """Short texts whole; long ones around their first difference, the change in bold."""
    old, new = " ".join(before.split()), " ".join(after.split())
    if len(old) <= 2 * _CONTEXT and len(new) <= 2 * _CONTEXT:
        return _plain(old), _plain(new)
    match = SequenceMatcher(None, old, new, autojunk=False)
    opcodes = [op for op in match.get_opcodes() if op[0] != "equal"]
    if not opcodes:
        return _plain(old[: 2 * _CONTEXT]), _plain(new[: 2 * _CONTEXT])
    _, i1, i2, j1, j2 = opcodes[0]
    return _around(old, i1, i2), _around(new, j1, j2)


def _around(text: str, start: int, end: int) -> Runs:
    lead = max(0, start - _CONTEXT)
    tail = min(len(text), end + _CONTEXT)
    runs: Runs = [Run(("…" if lead else "") + text[lead:start])]
    if end > start:
        runs.append(Run(text[start:end], bold=True))
    runs.append(Run(text[end:tail] + ("…" if tail < len(text) else "")))
    return [r for r in runs if r.text]


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
