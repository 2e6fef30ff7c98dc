"""Three-way merge of a requirement's custom field values (schema 9).

The values are one JSON object per requirement ({field uid: value}); each key
merges as a field of its own: two people who set different custom fields of
one requirement both keep their value, and one field set differently on both
sides is a conflict about that field alone (`field` "custom:<field uid>").
Values of a field the merge deleted are dropped, so the merged project never
holds a value without its field.
"""

from __future__ import annotations

import json
from typing import Any

from pmdesk.core.schema.rows import Row, Tables

CUSTOM = ("requirement", "custom")
PREFIX = "custom:"


def _parse(text: Any) -> dict[str, Any]:
    if not isinstance(text, str):
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _dump(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


Clash = tuple[str, str, Any, Any, Any]  # (conflict field, kind, base, mine, theirs)


def custom_conflicts(
    base: Any, mine: str, theirs: str, fields: dict[str, Row]
) -> tuple[str, list[Clash]]:
    """The merged values (ours where a key conflicts) and a clash per key both
    sides set differently. Keys of fields no longer in `fields` (the merged
    custom fields) are left out."""
    b, m, t = _parse(base), _parse(mine), _parse(theirs)
    merged = dict(m)
    conflicts: list[Clash] = []
    for key in sorted({*b, *m, *t}):
        if key not in fields:
            merged.pop(key, None)
            continue
        bv, mv, tv = b.get(key), m.get(key), t.get(key)
        if mv == tv or tv == bv:
            continue
        if mv == bv:
            if tv is None:
                merged.pop(key, None)
            else:
                merged[key] = tv
            continue
        kind = "changed" if key in b else "added"
        conflicts.append((PREFIX + key, kind, bv, mv, tv))
    return _dump(merged), conflicts


def put_custom(text: str, field: str, value: Any) -> str:
    """`text` (merged values) with conflict field `field` set to `value` (None: none)."""
    values = _parse(text)
    key = field[len(PREFIX) :]
    if value is None or value == "" or value == []:
        values.pop(key, None)
    else:
        values[key] = value
    return _dump(values)


def drop_orphans(tables: Tables) -> None:
    """Take values of fields that are not in the merged project off every requirement."""
    fields = tables.get("custom_field", {})
    for row in tables.get("requirement", {}).values():
        text = row.get("custom")
        if not text or text == "{}":
            continue
        values = _parse(text)
        kept = {k: v for k, v in values.items() if k in fields}
        if kept != values:
            row["custom"] = _dump(kept)


def custom_field_name(field: str, *copies: Tables) -> str | None:
    """The name of the custom field a conflict's `field` ("custom:<uid>") is
    about, from the first copy that has it; None for any other field."""
    if not field.startswith(PREFIX):
        return None
    uid = field[len(PREFIX) :]
    for tables in copies:
        row = tables.get("custom_field", {}).get(uid)
        if row is not None:
            return str(row["name"])
    return uid[:8]
