"""What changed in the requirements between two snapshots (a baseline and now).

Requirements are matched by uid, so a renamed or renumbered requirement is a
change, not a removal plus an addition. Releases and lanes are compared by
name, because a reader of "changes since v1.0" knows them by name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from pmdesk.core.domain import vocabulary
from pmdesk.core.errors import PmdeskError
from pmdesk.core.schema.tables import Baseline
from pmdesk.core.snapshot.baselines import name_key, read_frozen

Json = Any

COMPARED_FIELDS = (
    "title",
    "kind",
    "status",
    "priority",
    "kano",
    "rice",
    "owner",
    "release",
    "lane",
    "persona",
    "value",
    "horizon",
    "start",
    "end",
    "tags",
    "source",
    "description",
    "acceptance",
    "links",
    "parent",
    "custom",  # schema 9: "Name: value" items
)


@dataclass(frozen=True)
class RequirementSummary:
    uid: str
    key: str
    title: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Comparison:
    added: list[RequirementSummary]
    removed: list[RequirementSummary]
    changed: list[tuple[RequirementSummary, list[FieldChange]]]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class BaselineInfo:
    name: str
    created_at: str
    created_by: str
    snapshot: Json


@dataclass(frozen=True)
class DamagedBaseline:
    """A baseline whose frozen snapshot cannot be read, and why."""

    name: str
    error: PmdeskError

    @property
    def detail(self) -> str:
        return str(self.error.params.get("detail", ""))


def baselines(conn: Connection) -> list[BaselineInfo]:
    """Every baseline, oldest first, with its snapshot parsed; a damaged one
    raises its error (naming it)."""
    found, damaged = readable_baselines(conn)
    if damaged:
        raise damaged[0].error
    return found


def readable_baselines(conn: Connection) -> tuple[list[BaselineInfo], list[DamagedBaseline]]:
    """The baselines whose snapshot can be read, oldest first, and those that
    cannot (an export leaves these out with a note)."""
    rows = conn.execute(
        select(Baseline.name, Baseline.created_at, Baseline.created_by, Baseline.snapshot).order_by(
            Baseline.created_at, Baseline.uid
        )
    )
    found, damaged = [], []
    for name, at, by, snapshot in rows:
        try:
            found.append(BaselineInfo(name, at, by, read_frozen(snapshot, name)))
        except PmdeskError as e:
            damaged.append(DamagedBaseline(name, e))
    return found, damaged


def baseline_names(conn: Connection) -> list[str]:
    """Baseline names, oldest first (without reading their snapshots)."""
    rows = conn.execute(select(Baseline.name).order_by(Baseline.created_at, Baseline.uid))
    return [name for (name,) in rows]


def find_baseline(items: list[BaselineInfo], name: str) -> BaselineInfo | None:
    """The baseline called `name` (blanks and case ignored, as users type it)."""
    wanted = name_key(name)
    for item in items:
        if name_key(item.name) == wanted:
            return item
    return None


def baseline_named(items: list[BaselineInfo], name: str) -> BaselineInfo:
    """The baseline called `name`; a clear error naming the ones there are."""
    found = find_baseline(items, name)
    if found is None:
        names = ", ".join(item.name for item in items) or "—"
        raise PmdeskError("baseline.missing", name=name, names=names)
    return found


def compare(before: Json, after: Json) -> Comparison:
    """Requirements added, removed and changed from snapshot `before` to `after`."""
    old, new = _flatten(before), _flatten(after)
    added = [_summary(new[uid]) for uid in new if uid not in old]
    removed = [_summary(old[uid]) for uid in old if uid not in new]
    changed = []
    for uid, now in new.items():
        was = old.get(uid)
        if was is None:
            continue
        fields = [
            FieldChange(name, was[name], now[name])
            for name in COMPARED_FIELDS
            if was[name] != now[name]
        ]
        if fields:
            changed.append((_summary(now), fields))
    return Comparison(added, removed, changed)


def _flatten(snapshot: Json) -> dict[str, dict[str, Any]]:
    """uid → comparable values, in tree order; parent by key, release, lane and persona by name.

    Links are (type, outgoing, other key) tuples, so a new "blocks" link shows on
    both of its requirements.
    """
    releases = {r["uid"]: r["name"] for r in snapshot.get("releases", [])}
    lanes = {r["uid"]: r["name"] for r in snapshot.get("lanes", [])}
    personas = {r["uid"]: r["name"] for r in snapshot.get("personas", [])}
    custom_names = {f["uid"]: f["name"] for f in snapshot.get("custom_fields", [])}
    nodes = list(_walk(snapshot.get("requirements", [])))
    keys = {node["uid"]: node.get("key", "") for node, _ in nodes}
    links: dict[str, list[tuple[str, bool, str]]] = {}
    for link in snapshot.get("links", []):
        source, target, kind = link.get("from"), link.get("to"), link.get("type", "")
        if source in keys and target in keys:
            links.setdefault(source, []).append((kind, True, keys[target]))
            links.setdefault(target, []).append((kind, False, keys[source]))
    flat: dict[str, dict[str, Any]] = {}
    for node, parent in nodes:
        rice = node.get("rice") or None
        flat[node["uid"]] = {
            "uid": node["uid"],
            "key": node.get("key", ""),
            "title": node.get("title", ""),
            "kind": node.get("kind", vocabulary.DEFAULT_KIND),
            "status": node.get("status", vocabulary.DEFAULT_STATUS),
            "priority": node.get("priority", vocabulary.DEFAULT_PRIORITY),
            "kano": node.get("kano", vocabulary.DEFAULT_KANO),
            "rice": vocabulary.rice_score(**rice) if rice else None,
            "owner": node.get("owner", ""),
            "release": releases.get(node.get("release") or ""),
            "lane": lanes.get(node.get("lane") or ""),
            "persona": personas.get(node.get("persona") or ""),
            "value": node.get("value"),
            "horizon": node.get("horizon"),
            "start": node.get("start"),
            "end": node.get("end"),
            "tags": list(node.get("tags", [])),
            "source": node.get("source", ""),
            "description": node.get("description", ""),
            "acceptance": list(node.get("acceptance", [])),
            "links": sorted(links.get(node["uid"], [])),
            "parent": parent.get("key") if parent else None,
            "custom": _custom_items(node.get("custom") or {}, custom_names),
        }
    return flat


def _custom_items(values: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    """A requirement's custom values as "Name: value" items, in the fields' order."""
    items = []
    for uid, name in names.items():
        value = values.get(uid)
        if value is None:
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        if isinstance(shown, float):
            shown = f"{shown:g}"
        items.append(f"{name}: {shown}")
    return items


def _walk(roots: list[Json]) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any] | None]]:
    stack: list[tuple[Mapping[str, Any], Mapping[str, Any] | None]] = [
        (node, None) for node in reversed(roots)
    ]
    while stack:  # iterative: a 50-level tree must not hit the recursion limit
        node, parent = stack.pop()
        yield node, parent
        stack.extend((child, node) for child in reversed(node.get("children", [])))


def _summary(values: Mapping[str, Any]) -> RequirementSummary:
    return RequirementSummary(values["uid"], values["key"], values["title"])
