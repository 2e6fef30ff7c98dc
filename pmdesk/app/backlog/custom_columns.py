"""The backlog's columns for the project's custom fields (schema 9).

The table's columns are a fixed list (a saved header state keeps them), so the
custom fields take *slots* at its end: slot k shows the project's k-th custom
field, and is hidden and left out of the header's menu while the project has
fewer fields. What a slot shows, sorts by, groups by and edits comes from the
field's kind; the values are kept beside the rows in `CustomValues` (read once,
then followed from the effects, like the rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from pmdesk.app.details.custom_inputs import value_text
from pmdesk.core.queries.custom import CustomFieldRecord

SLOTS = 12  # custom fields with a column of their own (a project has a handful)
PREFIX = "custom"  # slot k's column (and grouping) name: "custom0", "custom1", …
GROUPABLE = frozenset({"choice", "choices", "person"})
EDITABLE_IN_MENU = frozenset({"choice", "choices", "person"})  # the row menu's Set …
translate = QCoreApplication.translate


def slot_name(slot: int) -> str:
    return f"{PREFIX}{slot}"


def slot_of(name: str) -> int | None:
    """The slot of a column or grouping name ("custom3" → 3), None for others."""
    if name.startswith(PREFIX) and name[len(PREFIX) :].isdigit():
        return int(name[len(PREFIX) :])
    return None


@dataclass
class CustomValues:
    """The project's custom fields in their order, and each requirement's values."""

    fields: list[CustomFieldRecord] = field(default_factory=list)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # uid → {field uid: value}

    def set(
        self, fields: Iterable[CustomFieldRecord], values: Mapping[str, dict[str, Any]]
    ) -> None:
        self.fields = list(fields)[:SLOTS]
        self.values = dict(values)

    def field(self, slot: int) -> CustomFieldRecord | None:
        return self.fields[slot] if 0 <= slot < len(self.fields) else None

    def value(self, slot: int, uid: str) -> Any:
        found = self.field(slot)
        return None if found is None else self.values.get(uid, {}).get(found.uid)

    def text(self, slot: int, uid: str) -> str:
        found = self.field(slot)
        if found is None:
            return ""
        return value_text(found.kind, self.values.get(uid, {}).get(found.uid))

    def column_id(self, slot: int) -> str | None:
        """A stable id of the slot's column for what is kept (a saved view):
        "custom:<field uid>", since a slot shows another field once fields move."""
        found = self.field(slot)
        return None if found is None else f"custom:{found.uid}"

    def slot_named(self, column_id: str) -> str | None:
        """The slot column ("custom3") of a stable id ("custom:<field uid>")."""
        for slot, found in enumerate(self.fields):
            if column_id == f"custom:{found.uid}":
                return slot_name(slot)
        return None

    def numeric(self, slot: int) -> bool:
        """Whether the slot shows a number field (right-aligned)."""
        found = self.field(slot)
        return found is not None and found.kind == "number"

    def people(self, slot: int) -> list[str]:
        """The people a person field names now, sorted (for completion)."""
        found = self.field(slot)
        if found is None:
            return []
        return sorted({str(v[found.uid]) for v in self.values.values() if v.get(found.uid)})

    def title(self, slot: int) -> str:
        found = self.field(slot)
        return found.name if found is not None else ""

    def sort_value(self, slot: int, uid: str) -> Any:
        """Numbers by value, dates in time, options in the field's order, texts
        without case; None (no value) sorts last."""
        found = self.field(slot)
        value = self.value(slot, uid)
        if found is None or value is None:
            return None
        if found.kind == "choice":
            return found.options.index(value) if value in found.options else len(found.options)
        if found.kind == "choices" and isinstance(value, list):
            return tuple(found.options.index(v) for v in value if v in found.options) or None
        if found.kind == "number":
            return value
        return str(value).casefold()

    def update(self, uid: str, values: Mapping[str, Any] | None) -> None:
        """A requirement's values changed (None or empty: it holds none now)."""
        if values:
            self.values[uid] = dict(values)
        else:
            self.values.pop(uid, None)

    def group_key(self, slot: int, uid: str) -> Any:
        """The group a row goes in: its option (the first, for several) or person."""
        value = self.value(slot, uid)
        if isinstance(value, list):
            return value[0] if value else None
        return value or None

    def group_order(self, slot: int) -> Mapping[str, int]:
        found = self.field(slot)
        return {} if found is None else {o: i for i, o in enumerate(found.options)}

    def groupings(self) -> list[tuple[str, str]]:
        """(name, label) of a grouping per choice, choices or person field."""
        return [
            (slot_name(i), translate("Backlog", "By %1").replace("%1", f.name))
            for i, f in enumerate(self.fields)
            if f.kind in GROUPABLE
        ]


def group_custom(
    uids: list[str], values: CustomValues, slot: int, rank: Any
) -> list[tuple[Any, list[str]]]:
    """`uids` (in their order) grouped by slot `slot`'s value: options in the
    field's order, people by `rank` (the collation), no value last."""
    found: dict[Any, list[str]] = {}
    for uid in uids:
        found.setdefault(values.group_key(slot, uid), []).append(uid)
    order = values.group_order(slot)
    field_ = values.field(slot)
    keyed = [v for v in found if v is not None]
    if field_ is not None and field_.kind == "person":
        keyed.sort(key=rank)
    else:
        keyed.sort(key=lambda v: order.get(v, len(order)))
    if None in found:
        keyed.append(None)
    return [(value, found[value]) for value in keyed]
