"""Who changed a part of the PRD since a baseline, and when: the redline's authors.

A redline (`export.redline`) marks each change with a name and a time, as Word's
Review pane shows them. They come from the project's history: the last edit
since the baseline of the requirement or section a change belongs to. A
change the history does not explain (an import, a sync tool, a generated
table) is the last edit since the baseline, or, with no history at all, the
project's first author (else the current user) now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from pmdesk.core.schema.tables import HistoryEntry, Requirement, Section
from pmdesk.core.storage.places import default_user

Json = Any


@dataclass(frozen=True)
class Stamp:
    author: str
    date: str
    """UTC ISO 8601 with a Z, as `w:date` wants it."""


def _iso(at: str) -> str:
    return at[:19] + "Z" if at else ""


class Authors:
    """Answers "who, when" for a part of the document named by `owner`:
    `req:KEY` (a requirement's heading, table or text), `section:TITLE`, or None."""

    def __init__(
        self,
        conn: Connection,
        since: str,
        baseline: Json,
        authors: tuple[str, ...] = (),
        now: dt.datetime | None = None,
    ) -> None:
        h = HistoryEntry
        rows = conn.execute(
            select(h.entity_uid, h.by, h.at)
            .where(h.at >= since, h.entity != "baseline")  # naming a baseline changes no text
            .order_by(h.seq)
        ).all()
        self.by_uid: dict[str, Stamp] = {}
        last: Stamp | None = None
        for uid, by, at in rows:
            last = Stamp(by or "", _iso(at))
            self.by_uid[uid] = last  # rows come in order: the last one stays
        # A key can name another requirement now (the last one deleted, its number
        # taken again): what the baseline showed is looked up by the baseline's keys.
        self.old_keys = dict(_snapshot_keys(baseline.get("requirements", [])))
        self.keys: dict[str, str] = {}
        self.updated: dict[str, Stamp] = {}
        r = Requirement
        for uid, key, at, by in conn.execute(select(r.uid, r.key, r.updated_at, r.updated_by)):
            self.keys[key] = uid
            if at and at >= since:  # edited after the baseline without history (a sync tool)
                self.updated[uid] = Stamp(by or "", _iso(at))
        self.sections = {
            " ".join(str(s.get("title", "")).split()): s["uid"]
            for s in baseline.get("sections", [])
        }
        for uid, title in conn.execute(select(Section.uid, Section.title)):
            self.sections[" ".join(title.split())] = uid
        moment = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
        name = next((a.strip() for a in authors if a.strip()), "") or default_user()
        self.fallback = last or Stamp(name, moment.isoformat() + "Z")
        if not self.fallback.author:
            self.fallback = Stamp(name, self.fallback.date)

    def known_key(self, key: str) -> bool:
        return key in self.keys or key in self.old_keys

    def stamp(self, owner: str | None, *, before: bool = False) -> Stamp:
        """Who changed `owner`; `before`: it is named as the baseline showed it."""
        uid = None
        if owner and owner.startswith("req:"):
            key = owner[4:]
            first, second = (self.old_keys, self.keys) if before else (self.keys, self.old_keys)
            uid = first.get(key) or second.get(key)
        elif owner and owner.startswith("section:"):
            uid = self.sections.get(" ".join(owner[8:].split()))
        if uid is not None:
            found = self.by_uid.get(uid) or self.updated.get(uid)
            if found is not None and found.author:
                return found
        return self.fallback


def _snapshot_keys(roots: list[Mapping[str, Any]]) -> Iterator[tuple[str, str]]:
    stack = list(roots)
    while stack:
        node = stack.pop()
        yield str(node.get("key", "")), str(node["uid"])
        stack.extend(node.get("children", []))
