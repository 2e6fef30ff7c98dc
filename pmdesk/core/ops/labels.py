"""What an edit of a release, lane, milestone or the project is called in the
Edit menu: the sentence (messages.UNDO_TEXTS) and its parameters.

A requirement's edits keep the short generic labels ("Edit REQ-12"); these
entities have few fields, so the label can say exactly what happened:
"Rename lane Growth to 增长", "Move release v1.1 to 2027-04-05 – 2027-06-30".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pmdesk.core.ops.base import Label, Transaction, Verb

NAMED = frozenset({"release", "lane", "milestone", "persona", "saved_view", "custom_field"})
# A project property → its own sentence when it is the only one set.
_PROJECT_FIELDS = frozenset(
    {
        "title",
        "product",
        "version",
        "authors",
        "organisation",
        "language",
        "logo",
        "doc_status",
        "confidentiality",
        "doc_number",
        "reviewers",
        "scoring",
        "criteria",
    }
)
# A release field → its sentence when it is the only one set (dates together).
_RELEASE_FIELDS = {"goal": "goal", "status": "status", "capacity": "capacity"}


def _label(verb: Verb, entity: str, subject: str, text: str, **params: str) -> Label:
    return Label(verb, entity, subject, text=text, params=tuple(sorted(params.items())))


def named(verb: Verb, entity: str, name: str) -> Label:
    """Create, delete, restore or reorder one release, lane or milestone."""
    text = "reorder" if verb == "move" else verb
    return _label(verb, entity, name, f"{entity}.{text}", name=name)


def updated(
    tx: Transaction,
    entity: str,
    current: Mapping[str, Any],
    changed: Mapping[str, Any],
) -> Label | None:
    """The label of an update that set `changed` (new values) over `current`;
    None for entities whose labels stay generic (requirements, sections…)."""
    fields = set(changed)
    if entity == "project":
        if len(fields) == 1 and fields <= _PROJECT_FIELDS:
            [field] = fields
            if field == "logo" and changed["logo"] is None:
                return _label("edit", entity, "", "project.logo_removed")
            return _label("edit", entity, "", f"project.{field}")
        return _label("edit", entity, "", "project.edit")
    if entity not in NAMED:
        return None
    name = str(current["name"])
    if fields == {"name"}:
        return _label("rename", entity, name, f"{entity}.rename", name=name, new=changed["name"])
    if entity == "release" and fields and fields <= {"start", "end"}:
        start = changed.get("start", current["start"]) or "…"
        end = changed.get("end", current["end"]) or "…"
        return _label("move", entity, name, "release.move", name=name, start=start, end=end)
    if entity == "release" and len(fields) == 1 and fields <= set(_RELEASE_FIELDS):
        [field] = fields
        if field == "status":
            return _label("edit", entity, name, "release.status", name=name, status=changed[field])
        return _label("edit", entity, name, f"release.{field}", name=name)
    if entity == "persona" and fields == {"photo"}:
        text = "persona.photo" if changed["photo"] is not None else "persona.photo_removed"
        return _label("edit", entity, name, text, name=name)
    if entity == "custom_field" and fields == {"options"}:
        return _label("edit", entity, name, "custom_field.options", name=name)
    if entity == "lane" and fields == {"colour"}:
        return _label("edit", entity, name, "lane.colour", name=name)
    if entity == "milestone" and fields == {"date"}:
        date = changed["date"] or "…"
        return _label("move", entity, name, "milestone.move", name=name, date=date)
    if entity == "milestone" and fields == {"release"}:
        release = changed["release"]
        if release is None:
            return _label("edit", entity, name, "milestone.unlink", name=name)
        other = tx.describe("release", release)
        return _label("edit", entity, name, "milestone.link", name=name, release=other)
    return _label("edit", entity, name, f"{entity}.edit", name=name)
