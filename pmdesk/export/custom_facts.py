"""Custom field values in a requirement's facts table (schema 9).

After the built-in fields, each custom field the requirement has a value for,
in the project's order: its name (bold, as the other labels) and the value as
the document's language writes it (options joined with "、" or ", ").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection

from pmdesk.core.queries.custom import custom_fields, custom_values
from pmdesk.export.doc import Run, Runs
from pmdesk.export.text_safety import strip_illegal_chars


@dataclass(frozen=True)
class CustomFacts:
    fields: tuple[tuple[str, str, str], ...] = ()  # (uid, name, kind), in order
    values: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def read(cls, conn: Connection) -> CustomFacts:
        defined = tuple((f.uid, f.name, f.kind) for f in custom_fields(conn))
        return cls(defined, custom_values(conn) if defined else {})

    def pairs(self, uid: str, language: str) -> list[tuple[Runs, Runs]]:
        """(label, value) of each custom field `uid` has a value for."""
        held = self.values.get(uid)
        if not held:
            return []
        found = []
        for field_uid, name, _kind in self.fields:
            text = value_text(held.get(field_uid), language)
            if text:
                found.append(([_run(name, True)], [_run(text, False)]))
        return found

    def text(self, uid: str, field_uid: str, language: str) -> str:
        """Requirement `uid`'s value of one field as the document writes it ("" for none)."""
        return value_text(self.values.get(uid, {}).get(field_uid), language)

    def name(self, field_uid: str) -> str:
        return next((name for uid, name, _kind in self.fields if uid == field_uid), "")


def value_text(value: Any, language: str) -> str:
    """A custom field's value as a document writes it ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ("、" if language == "zh" else ", ").join(strip_illegal_chars(str(v)) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return strip_illegal_chars(str(value))


@lru_cache(maxsize=1024)
def _run(text: str, bold: bool) -> Run:
    return Run(strip_illegal_chars(text), bold=bold)
