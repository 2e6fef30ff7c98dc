"""Small helpers for core tests: read back what a user would see."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import select

from pmdesk.core.schema.tables import HistoryEntry, Requirement
from pmdesk.core.snapshot.convert import export_snapshot
from pmdesk.core.storage.store import ProjectStore


def snapshot_without_history(store: ProjectStore) -> dict[str, Any]:
    """The project as the snapshot shows it, minus the log of changes, the
    per-requirement "updated" stamp (undo is itself an edit, made now, by the user)
    and the counter of requirement numbers (an undo gives no number back)."""
    snap = export_snapshot(store)
    snap.pop("history")
    snap["project"].pop("next_number", None)

    def strip(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            n.pop("updated")
            strip(n["children"])

    strip(snap["requirements"])
    return snap


TreeKeys: TypeAlias = list["str | tuple[str, TreeKeys]"]
"""The keys of a tree: a leaf's key, or a parent's key with its children's keys."""


def tree_keys(store: ProjectStore) -> TreeKeys:
    snap = export_snapshot(store)

    def walk(nodes: list[dict[str, Any]]) -> TreeKeys:
        return [(n["key"], walk(n["children"])) if n["children"] else n["key"] for n in nodes]

    return walk(snap["requirements"])


def history(store: ProjectStore) -> list[tuple[str, str, str, str | None, str | None]]:
    with store.reading() as s:
        rows = s.execute(
            select(
                HistoryEntry.entity,
                HistoryEntry.field,
                HistoryEntry.by,
                HistoryEntry.old,
                HistoryEntry.new,
            ).order_by(HistoryEntry.seq)
        ).all()
    return [(entity, field, by, old, new) for entity, field, by, old, new in rows]


def key_of(store: ProjectStore, uid: str) -> str:
    with store.reading() as s:
        return str(s.execute(select(Requirement.key).where(Requirement.uid == uid)).scalar_one())
