"""A merge's conflicts as text a person reads (`pmdesk merge`, the window's dialog).

Values are shown as a user knows them: a release by its name, a parent by its
key, dates as a range, long text shortened.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from pmdesk.core.merge.custom_values import custom_field_name
from pmdesk.core.merge.three_way import DELETED, Conflict, MergeResult, Note
from pmdesk.core.schema.rows import Tables

FIELD_NAMES = {
    "parent_uid": "parent",
    "release_uid": "release",
    "lane_uid": "lane",
    "persona_uid": "persona",
    "position": "place in the tree",
    "rank": "order",
    "ends": "link",
}


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, field.replace("_", " "))


def shorten(text: str, limit: int = 70) -> str:
    flat = " ⏎ ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


Labeler = Callable[[str, str], str]  # (field, stored value) → what readers see
VOCABULARY = frozenset({"status", "priority", "kano", "kind", "horizon"})


def plain_value(
    entity: str, field: str, value: Any, tables: Tables, label: Labeler | None = None
) -> str:
    """One side's value of a field, readable (vocabulary values through `label`)."""
    if label is not None and field in VOCABULARY and isinstance(value, str):
        return label(field, value)
    if isinstance(value, bytes):  # a logo or a photo
        return f"picture, {max(1, round(len(value) / 1024))} KB"
    if field == "position" and isinstance(value, dict):
        parent = value.get("parent_uid")
        if parent is None:
            return "at the top level"
        row = tables.get("requirement", {}).get(parent)
        return f"under {row['key'] if row else parent[:8]}"
    if field in ("release_uid", "lane_uid", "persona_uid"):
        row = tables.get(field.removesuffix("_uid"), {}).get(value or "")
        return row["name"] if row else "—"
    if field == "dates" and isinstance(value, dict):
        return f"{value.get('start') or '…'} – {value.get('end') or '…'}"
    if field == "rice" and isinstance(value, dict):
        parts = [
            f"{k.removeprefix('rice_')} {number_text(v)}" for k, v in value.items() if v is not None
        ]
        return ", ".join(parts) or "—"
    if field == "reviewers" and isinstance(value, str):  # [{"role", "name"}] as JSON
        try:
            rows = json.loads(value)
            return "; ".join(f"{r['role']} {r['name']}".strip() for r in rows) or "—"
        except (ValueError, TypeError, KeyError):
            return shorten(value)
    if field in ("scores", "criteria") and isinstance(value, str):  # JSON of the weighted model
        return _scoring_json(field, value, tables)
    if field in ("acceptance", "tags", "authors") and isinstance(value, str):
        try:
            items = json.loads(value)
        except ValueError:
            items = [value]
        return "; ".join(shorten(str(i), 40) for i in items) or "—"
    if isinstance(value, list):  # a custom field's several options
        return "; ".join(str(item) for item in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return number_text(value)
    return f"“{shorten(str(value))}”" if isinstance(value, str) else str(value)


def _scoring_json(field: str, value: str, tables: Tables) -> str:
    """Criteria as "name ×weight /scale"; scores by the criterion's name."""
    try:
        data = json.loads(value)
        if field == "criteria":
            return (
                "; ".join(
                    f"{c['name']} ×{number_text(c['weight'])} /{number_text(c['scale'])}"
                    for c in data
                )
                or "—"
            )
        names = {
            c["id"]: c["name"]
            for p in tables.get("project", {}).values()
            for c in json.loads(p.get("criteria") or "[]")
        }
        return (
            "; ".join(f"{names.get(k, k)} {number_text(float(v))}" for k, v in data.items()) or "—"
        )
    except (ValueError, TypeError, KeyError):
        return shorten(value)


def number_text(value: Any) -> str:
    """1000.0 as 1000, 0.8 as 0.8: a number as it was typed."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def changed_fields(conflict: Conflict) -> list[str]:
    """For a deletion conflict: the fields the other side changed."""
    other = conflict.theirs if conflict.mine is None else conflict.mine
    if not isinstance(other, dict):
        return []
    base = conflict.base if isinstance(conflict.base, dict) else {}
    return [field_name(k) for k, v in other.items() if base.get(k) != v]


def conflict_lines(
    conflict: Conflict, mine: Tables, theirs: Tables, label: Labeler | None = None
) -> list[str]:
    if conflict.field == DELETED:
        deleted_by, changed_by = (
            ("mine", "theirs") if conflict.kind == "deleted_by_mine" else ("theirs", "mine")
        )
        changed = changed_fields(conflict)
        if changed:
            what = f"changed {', '.join(changed)}"
        elif conflict.refers:
            what = f"added under it or linked to it: {', '.join(conflict.refers)}"
        else:
            what = "added or changed something in it"
        return [f"{conflict.label}: deleted in {deleted_by}; {changed_by} {what}"]
    entity, field = conflict.entity, conflict.field
    named = custom_field_name(field, mine, theirs) or field_name(field)
    return [
        f"{conflict.label}: {named}",
        f"    mine:   {plain_value(entity, field, conflict.mine, mine, label)}",
        f"    theirs: {plain_value(entity, field, conflict.theirs, theirs, label)}",
    ]


def note_line(note: Note) -> str:
    if note.kind == "renumbered":
        return f"{note.detail} was added on both sides: mine is now {note.label}"
    if note.kind == "renamed":
        return f"two baselines were named “{note.detail}”: mine is now “{note.label}”"
    if note.kind == "cascaded":
        return f"{note.label} went with the requirement it belonged to"
    if note.kind == "moved_back":
        return (
            f"{note.label} is back in its earlier place: it was moved under a requirement "
            "that was deleted or moved under it"
        )
    if note.kind == "moved_up":
        return (
            f"{note.label} was kept and moved up to where {note.detail} was: "
            f"{note.detail} was deleted"
        )
    if note.kind == "text_merged":
        return f"{note.label}: both sides' edits of the {field_name(note.detail)} were combined"
    return f"{note.label}: {note.kind}"


def report(result: MergeResult, mine: Tables, theirs: Tables, label: Labeler | None = None) -> str:
    """Every conflict, by key (CRM-3 before CRM-12), with both values."""
    lines = []
    for conflict in sorted(result.conflicts, key=natural_order):
        lines += conflict_lines(conflict, mine, theirs, label)
    return "\n".join(lines)


def settled_line(
    conflict: Conflict, prefer: str, mine: Tables, theirs: Tables, label: Labeler | None = None
) -> str:
    """What `--prefer` decided for one conflict, and what it set aside."""
    if conflict.field == DELETED:
        deleted = (conflict.kind == "deleted_by_mine") == (prefer == "mine")
        return f"{conflict.label}: {'deleted' if deleted else 'kept'} ({prefer})"
    other, tables = (conflict.theirs, theirs) if prefer == "mine" else (conflict.mine, mine)
    dropped = plain_value(conflict.entity, conflict.field, other, tables, label)
    side = "theirs" if prefer == "mine" else "mine"
    named = custom_field_name(conflict.field, mine, theirs) or field_name(conflict.field)
    return f"{conflict.label}: {named} from {prefer} ({side} had {dropped})"


def natural_order(conflict: Conflict) -> tuple[Any, ...]:
    """Sort key: by requirement key as people count (CRM-3 before CRM-12), then field."""
    parts = re.split(r"(\d+)", conflict.label)
    return tuple(int(p) if p.isdigit() else p for p in parts), conflict.field
