"""Merge conflicts in words, in the UI language: who, what, and each side's value.

The core names fields and rows by their stored form (`release_uid`, a parent's
uid, a status code); the conflict dialog shows them as the window does: a
release by its name, a parent by its key, dates as a range, a status by its
label. Field names come from `labels.field_label`, so a field reads
the same in the history and here.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from pmdesk.app.labels import (
    document_value_label,
    field_label,
    horizon_label,
    kano_label,
    kind_label,
    link_label,
    not_assessed_label,
    priority_label,
    release_status_label,
    status_label,
)
from pmdesk.core.domain.vocabulary import INPUT_TERMS, LABELS, SCORING_TERMS
from pmdesk.core.merge.custom_values import custom_field_name
from pmdesk.core.merge.report import number_text
from pmdesk.core.merge.three_way import DELETED, Conflict, fields_of
from pmdesk.core.schema.rows import Tables

translate = QCoreApplication.translate

# Fields a user can type a value for; the value must not be blank for names.
EDITABLE = {
    ("requirement", "title"),
    ("requirement", "description"),
    ("requirement", "owner"),
    ("requirement", "source"),
    ("section", "title"),
    ("section", "body"),
    ("release", "name"),
    ("lane", "name"),
    ("milestone", "name"),
    ("saved_view", "name"),
    ("project", "title"),
    ("project", "product"),
    ("project", "version"),
}
MULTILINE = {("requirement", "description"), ("section", "body")}
REQUIRED = {
    ("requirement", "title"),
    *((e, "name") for e in ("release", "lane", "milestone", "persona", "saved_view")),
}

_VOCABULARY = {
    "status": status_label,
    "priority": priority_label,
    "kano": kano_label,
    "kind": kind_label,
    "horizon": horizon_label,
}
_LIST_FIELDS = ("acceptance", "tags", "authors")


def is_editable(conflict: Conflict) -> bool:
    return (conflict.entity, conflict.field) in EDITABLE


def is_multiline(conflict: Conflict) -> bool:
    return (conflict.entity, conflict.field) in MULTILINE


def field_name(field: str, *tables: Tables) -> str:
    """A conflict's field as the window names it ("release_uid" → "Release"; a
    custom field, "custom:<uid>", by its name in `tables`)."""
    custom = custom_field_name(field, *tables)
    if custom is not None:
        return custom
    extra = {
        "dates": translate("Conflicts", "Dates"),
        "key": translate("Conflicts", "Key"),
        "ends": translate("Conflicts", "Link"),
        DELETED: translate("Conflicts", "Deletion"),
    }
    if field in extra:
        return extra[field]
    model, _, part = field.partition("_")  # "ice_ease": one input of a model, on its own
    if model in ("ice", "wsjf") and f"{model}.{part}" in INPUT_TERMS:
        return f"{model.upper()} {translate(LABELS, INPUT_TERMS[f'{model}.{part}'].en)}"
    return field_label(field.removesuffix("_uid"))


def names_text(names: list[str]) -> str:
    """Who made their changes: "张三", "张三, 李四", or "A colleague"."""
    if not names:
        return translate("Conflicts", "A colleague")
    return translate("Conflicts", ", ").join(names)


def group_title(entity: str, uid: str, mine: Tables, theirs: Tables) -> tuple[str, str]:
    """How a row is named in the list: (its key or kind of thing, its title or name)."""
    row = mine.get(entity, {}).get(uid) or theirs.get(entity, {}).get(uid) or {}
    if entity == "requirement":
        return str(row.get("key", "")), str(row.get("title", ""))
    if entity == "link" and row:
        return translate("Conflicts", "Link"), _link_text(row, mine, theirs)
    word = {
        "release": translate("Conflicts", "Release"),
        "milestone": translate("Conflicts", "Milestone"),
        "lane": translate("Conflicts", "Lane"),
        "persona": translate("Conflicts", "Persona"),
        "section": translate("Conflicts", "Section"),
        "project": translate("Conflicts", "Project"),
        "baseline": translate("Conflicts", "Baseline"),
        "saved_view": translate("Conflicts", "View"),
    }.get(entity, entity)
    return word, str(row.get("name") or row.get("title") or "")


def value_text(conflict: Conflict, side: str, tables: Tables) -> str:
    """One side's value of a conflict's field, in full and readable."""
    value = conflict.mine if side == "mine" else conflict.theirs
    if conflict.field == DELETED:
        if value is None:
            return translate("Conflicts", "Deleted")
        changes = changed_fields(conflict)
        if not changes:
            return translate("Conflicts", "Kept, and used by new content")
        return translate("Conflicts", "Changed: %1").replace("%1", list_text(changes))
    return readable(conflict.entity, conflict.field, value, tables)


def base_text(conflict: Conflict, mine: Tables, theirs: Tables) -> str | None:
    """The field's value before both edits, readable; None for a deletion, whose
    details already say what each changed field was."""
    if conflict.field == DELETED:
        return None
    tables = mine
    if conflict.field in (
        "release_uid",
        "lane_uid",
        "persona_uid",
    ):  # the base's row may be gone on one side
        entity = conflict.field.removesuffix("_uid")
        if conflict.base not in mine.get(entity, {}):
            tables = theirs
    return readable(conflict.entity, conflict.field, conflict.base, tables)


def readable(entity: str, field: str, value: Any, tables: Tables) -> str:
    """A stored value of a field as a user knows it."""
    if isinstance(value, dict) and field == "position":
        return _position_text(value, tables)
    if isinstance(value, dict) and field == "dates":
        return dates_text(value.get("start"), value.get("end"))
    if isinstance(value, dict) and field == "rice":
        return _rice_text(value)
    if isinstance(value, dict) and field == "ends":
        return _link_text(value, tables, tables)
    if isinstance(value, dict) and field == "key":
        return str(value.get("key", ""))
    if field in ("release_uid", "lane_uid", "persona_uid"):
        row = tables.get(field.removesuffix("_uid"), {}).get(value or "")
        if row is None:
            if field == "release_uid":
                return translate("Conflicts", "No release")
            if field == "persona_uid":
                return translate("Conflicts", "No persona")
            return translate("Conflicts", "No lane")
        return str(row["name"])
    if entity == "release" and field == "status" and isinstance(value, str):
        return release_status_label(value)
    if entity == "project" and field in ("doc_status", "confidentiality") and value:
        return document_value_label(field, str(value))
    if field == "reviewers" and isinstance(value, str):
        return _reviewers_text(value)
    if entity == "project" and field == "scoring" and value in SCORING_TERMS:
        return translate(LABELS, SCORING_TERMS[str(value)].en)
    if field in ("criteria", "scores") and isinstance(value, str):
        return _scoring_text(field, value, tables)
    if field in ("priority", "kano") and value is None:
        return not_assessed_label()
    if field in _VOCABULARY and isinstance(value, str):
        return _VOCABULARY[field](value)
    if field in ("logo", "photo"):  # the picture's bytes mean nothing to a reader: say its size
        if not value:
            return translate("Conflicts", "No picture")
        kilobytes = max(1, round(len(value) / 1024))
        return translate("Conflicts", "Picture, %1 KB").replace("%1", str(kilobytes))
    if field == "language" and isinstance(value, str):
        return {"zh": "中文", "en": "English"}.get(value, value)
    if field in _LIST_FIELDS and isinstance(value, str):
        return _list_value(value)
    if value is None or value == "":
        return translate("Conflicts", "(empty)")
    if isinstance(value, list):  # a custom field's several options
        return list_text([str(v) for v in value])
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def _scoring_text(field: str, stored: str, tables: Tables) -> str:
    """Criteria as "战略匹配 ×3 /5; 收入 ×1 /10"; a requirement's values by criterion name."""
    try:
        data = json.loads(stored)
        if field == "criteria":
            parts = [
                f"{c['name']} ×{number_text(float(c['weight']))} /{number_text(float(c['scale']))}"
                for c in data
            ]
        else:
            names = {
                c["id"]: c["name"]
                for row in tables.get("project", {}).values()
                for c in json.loads(row.get("criteria") or "[]")
            }
            parts = [f"{names.get(k, k)} {number_text(float(v))}" for k, v in data.items()]
    except (ValueError, TypeError, KeyError, AttributeError):
        return stored
    return "; ".join(parts) or translate("Conflicts", "(empty)")


def _reviewers_text(stored: str) -> str:
    """[{"role", "name"}] as JSON → "产品负责人 张伟; QA Li Na"."""
    try:
        rows = json.loads(stored)
        text = "; ".join(f"{r['role']} {r['name']}".strip() for r in rows)
    except (ValueError, TypeError, KeyError):
        return stored
    return text or translate("Conflicts", "(empty)")


def dates_text(start: str | None, end: str | None) -> str:
    if start is None and end is None:
        return translate("Conflicts", "No dates")
    return f"{start or '…'} – {end or '…'}"


def _position_text(value: dict[str, Any], tables: Tables) -> str:
    parent = value.get("parent_uid")
    reqs = tables.get("requirement", {})
    siblings = sorted(
        (r for r in reqs.values() if r["parent_uid"] == parent),
        key=lambda r: (r["rank"], r["uid"]),
    )
    place = next(
        (n for n, r in enumerate(siblings, 1) if r["rank"] == value.get("rank")), len(siblings)
    )
    if parent is None:
        where = translate("Conflicts", "At the top level")
    else:
        row = reqs.get(parent)
        where = translate("Conflicts", "Under %1").replace(
            "%1", str(row["key"]) if row else parent[:8]
        )
    return (
        translate("Conflicts", "%1, place %2 of %3")
        .replace("%1", where)
        .replace("%2", str(place))
        .replace("%3", str(len(siblings)))
    )


def _rice_text(value: dict[str, Any]) -> str:
    names = {
        "rice_reach": translate("Conflicts", "Reach"),
        "rice_impact": translate("Conflicts", "Impact"),
        "rice_confidence": translate("Conflicts", "Confidence"),
        "rice_effort": translate("Conflicts", "Effort"),
    }
    parts = [f"{names.get(k, k)} {number_text(v)}" for k, v in value.items() if v is not None]
    return " · ".join(parts) or translate("Conflicts", "No RICE inputs")


def _link_text(row: dict[str, Any], mine: Tables, theirs: Tables) -> str:
    def key(uid: str) -> str:
        found = mine.get("requirement", {}).get(uid) or theirs.get("requirement", {}).get(uid)
        return str(found["key"]) if found else uid[:8]

    return f"{key(row['from_uid'])} {link_label(row['type'])} {key(row['to_uid'])}"


def _list_value(value: str) -> str:
    try:
        items = json.loads(value)
    except ValueError:
        items = [value]
    if not isinstance(items, list):
        items = [items]
    return "\n".join(f"• {item}" for item in items) or translate("Conflicts", "(empty)")


def changed_fields(conflict: Conflict) -> list[str]:
    """For a deletion conflict: the fields the side that kept the row changed."""
    other = conflict.theirs if conflict.mine is None else conflict.mine
    if not isinstance(other, dict):
        return []
    base = conflict.base if isinstance(conflict.base, dict) else {}
    names = []
    for name, columns in fields_of(conflict.entity, other).items():
        if name in ("rank", "number") or not set(columns) <= set(other):
            continue
        if any(base.get(c) != other.get(c) for c in columns):
            names.append(field_name(name))
    return names


def changed_details(conflict: Conflict, tables: Tables) -> str:
    """What the keeping side of a deletion conflict changed, one field a line."""
    other = conflict.theirs if conflict.mine is None else conflict.mine
    if not isinstance(other, dict):
        return ""
    base = conflict.base if isinstance(conflict.base, dict) else {}
    lines = []
    for name, columns in fields_of(conflict.entity, other).items():
        if name in ("rank", "number") or not set(columns) <= set(other):
            continue
        if not any(base.get(c) != other.get(c) for c in columns):
            continue
        now = other[columns[0]] if len(columns) == 1 else {c: other[c] for c in columns}
        was = base.get(columns[0]) if len(columns) == 1 else {c: base.get(c) for c in columns}
        lines.append(
            translate("Conflicts", "%1: %2 (was %3)")
            .replace("%1", field_name(name))
            .replace("%2", _one_line(readable(conflict.entity, name, now, tables)))
            .replace("%3", _one_line(readable(conflict.entity, name, was, tables)))
        )
    if not lines and conflict.refers:
        return (
            translate("Conflicts", "Added under it or linked to it:")
            + "\n"
            + "\n".join(f"• {label}" for label in conflict.refers)
        )
    if not lines:
        return translate(
            "Conflicts",
            "Nothing in it was changed, but new content refers to it (a child, a link).",
        )
    return "\n".join(lines)


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def list_text(items: list[str]) -> str:
    """ "status and title", "status, owner and title" / "状态和标题"."""
    words = [_in_sentence(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return (
        translate("Conflicts", "%1 and %2")
        .replace("%1", translate("Conflicts", ", ").join(words[:-1]))
        .replace("%2", words[-1])
    )


def _in_sentence(label: str) -> str:
    """A field label inside an English sentence is lower case ("its status"),
    except names such as RICE or Kano; other scripts have no case."""
    if label[:1].isupper() and label[1:2].islower() and label != "Kano":
        return label[0].lower() + label[1:]
    return label


def deletion_sentence(conflict: Conflict, names: list[str]) -> str:
    """ "You deleted CRM-8; 张三 changed its status and title." (or the mirror)."""
    changes = changed_fields(conflict)
    who = names_text(names)
    if conflict.kind == "deleted_by_mine":
        text = (
            translate("Conflicts", "You deleted %1; %2 changed its %3.")
            if changes
            else translate("Conflicts", "You deleted %1; %2 added something that refers to it.")
        )
    else:
        text = (
            translate("Conflicts", "%2 deleted %1; you changed its %3.")
            if changes
            else translate("Conflicts", "%2 deleted %1; you added something that refers to it.")
        )
    return text.replace("%1", conflict.label).replace("%2", who).replace("%3", list_text(changes))


def choice_labels(conflict: Conflict) -> tuple[str, str]:
    """The two buttons' words: keep mine / take theirs, or what that means for a deletion."""
    if conflict.kind == "deleted_by_mine":
        return translate("Conflicts", "Delete it"), translate("Conflicts", "Keep their version")
    if conflict.kind == "deleted_by_theirs":
        return translate("Conflicts", "Keep my version"), translate("Conflicts", "Delete it")
    return translate("Conflicts", "Keep mine"), translate("Conflicts", "Take theirs")


def decision_text(conflict: Conflict, choice: object) -> str:
    """The choice made for a conflict, short, for the list's last column."""
    if choice is None:
        return translate("Conflicts", "Choose…")
    if choice in ("mine", "theirs") and conflict.field == DELETED:
        deleted = (choice == "mine") == (conflict.kind == "deleted_by_mine")
        return translate("Conflicts", "Delete") if deleted else translate("Conflicts", "Keep")
    if choice == "mine":
        return translate("Conflicts", "Yours")
    if choice == "theirs":
        return translate("Conflicts", "Theirs")
    return translate("Conflicts", "Edited")
