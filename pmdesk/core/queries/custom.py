"""Custom fields (schema 9) and their values, as plain records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from pmdesk.core.schema.tables import CustomField, Requirement


@dataclass(frozen=True)
class CustomFieldRecord:
    """A field the project defines: `kind` one of vocabulary.CUSTOM_KINDS,
    `options` the list of a choice or choices field (else empty)."""

    uid: str
    name: str
    kind: str
    options: tuple[str, ...] = ()
    rank: str = ""


def custom_fields(conn: Connection) -> list[CustomFieldRecord]:
    """Every custom field in the project's order."""
    rows = conn.execute(
        select(
            CustomField.uid,
            CustomField.name,
            CustomField.kind,
            CustomField.options,
            CustomField.rank,
        ).order_by(CustomField.rank, CustomField.uid)
    )
    return [
        CustomFieldRecord(uid, name, kind, tuple(json.loads(options or "[]")), rank)
        for uid, name, kind, options, rank in rows
    ]


def custom_values(conn: Connection) -> dict[str, dict[str, Any]]:
    """requirement uid → its custom field values ({field uid: value}), for the
    requirements that hold any; values of fields that are gone are left out."""
    known = set(conn.execute(select(CustomField.uid)).scalars())
    found: dict[str, dict[str, Any]] = {}
    if not known:
        return found
    rows = conn.execute(
        select(Requirement.uid, Requirement.custom).where(Requirement.custom != "{}")
    )
    for uid, text in rows:
        values = {k: v for k, v in json.loads(text or "{}").items() if k in known}
        if values:
            found[uid] = values
    return found


def value_counts(conn: Connection) -> dict[str, int]:
    """custom field uid → how many requirements hold a value of it."""
    counts: dict[str, int] = {}
    for values in custom_values(conn).values():
        for key in values:
            counts[key] = counts.get(key, 0) + 1
    return counts
