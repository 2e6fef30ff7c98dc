"""The history of changes as people read it: who changed what, when, from what to what.

Rows come from the `history` table that every operation writes. Values are made
readable here: release and lane uids become names, a parent uid its key, lists
are joined, RICE inputs spelled out, long Markdown shortened for a table cell
(the whole text stays available for a tooltip). Vocabulary codes (status,
priority, kind, Kano, link types) are named by the caller through `Wording`,
because the core has no UI language.

Rows are read newest first by `seq`, which is the order they were written in
this file, and paged by it (`before`), so a page costs one walk down the primary
key however long the history is. The date filter compares the UTC `at` text
while walking; it needs no index of its own because `seq` and `at` rise
together. The rows one user action wrote (one `batch`) always come together on
a page, in the order they were written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Connection, or_, select

from pmdesk.core.domain import vocabulary
from pmdesk.core.queries.content import edit_summary
from pmdesk.core.queries.criteria import view_value
from pmdesk.core.schema.tables import (
    Baseline,
    CustomField,
    HistoryEntry,
    Lane,
    Link,
    Milestone,
    Persona,
    Project,
    Release,
    Requirement,
    SavedView,
)
from pmdesk.core.schema.tables import Section as SectionRow

__all__ = [
    "Change",
    "LogFilter",
    "Wording",
    "change_log",
    "people",
    "requirement_history",
    "shorten",
]

SHORT = 80  # characters of a value shown in a table cell
FULL = 2000  # characters of a value shown in a tooltip
_CHUNK = 500  # uids per IN (...), under SQLite's parameter limit
_BATCH_TAIL = 2000  # at most this many more rows to finish a page's last batch

Json = Any


def _same(_field: str, value: str) -> str:
    return value


def _link_as_is(kind: str, outgoing: bool) -> str:
    return kind if outgoing else f"{kind} (incoming)"


@dataclass(frozen=True)
class Wording:
    """How the caller's language names what the core cannot: vocabulary values
    (`value("status", "in_progress")` → "In progress"), link types seen from one
    end, list separators and a few phrases."""

    value: Callable[[str, str], str] = _same
    link: Callable[[str, bool], str] = _link_as_is
    separator: str = ", "
    top_level: str = "(top level)"
    reordered: str = "(new place among its siblings)"
    picture: str = "picture, {kb} KB"  # a logo (the history keeps its size, not its bytes)
    needs_review: str = "{link} (needs review)"  # a suspect link (schema 8)
    reviewed: str = "{link} (reviewed)"


@dataclass(frozen=True)
class Change:
    """One field of one entity changed by one user action, ready to show.

    `key` and `title` name the requirement the change belongs to (for a link: the
    requirement it starts from) or, for other entities, `title` is their name;
    they are today's names, or the last ones known if the entity was deleted.
    """

    seq: int
    batch: str
    at: str  # UTC, ISO "YYYY-MM-DDTHH:MM:SS"
    by: str
    entity: str
    entity_uid: str
    requirement_uid: str | None  # the requirement to select for this row, if any
    key: str
    title: str
    exists: bool  # the requirement (or entity) is still in the project
    field: str  # a field name, or "created", "deleted", "position", "links"
    old: str  # one line, shortened
    new: str
    old_full: str = ""
    new_full: str = ""
    first_in_batch: bool = True


@dataclass(frozen=True)
class LogFilter:
    """Which rows the project-wide change log shows; empty parts do not filter.

    `since` and `until` are UTC ISO instants, `until` excluded, so the caller
    turns the user's local days into exact bounds.
    """

    person: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    text: str = ""


def people(conn: Connection) -> list[str]:
    """Everyone who appears in the history, most changes first."""
    return edit_summary(conn).people


def requirement_history(
    conn: Connection, uid: str, wording: Wording = Wording(), limit: int = 500
) -> list[Change]:
    """The changes of one requirement and of its links, newest action first."""
    h = HistoryEntry
    own = _rows(conn, select(*_COLUMNS).where(h.entity_uid == uid).order_by(h.seq.desc()), limit)
    # Links are rows of their own; their ends are only in the recorded values.
    pattern = f'%"{uid}"%'
    # A review mark records only instants: its link is found by uid.
    its_links = select(Link.uid).where(or_(Link.from_uid == uid, Link.to_uid == uid))
    links = _rows(
        conn,
        select(*_COLUMNS)
        .where(
            h.entity == "link",
            or_(h.old.like(pattern), h.new.like(pattern), h.entity_uid.in_(its_links)),
        )
        .order_by(h.seq.desc()),
        limit,
    )
    rows = sorted([*own, *links], key=lambda r: -r["seq"])[:limit]
    return _readable(conn, _batches_in_order(rows), wording, uid)


def change_log(
    conn: Connection,
    wanted: LogFilter = LogFilter(),
    wording: Wording = Wording(),
    *,
    before: int | None = None,
    limit: int = 200,
) -> list[Change]:
    """A page of the project's changes, newest first: about `limit` rows with
    `seq` below `before` (None: from the newest), the last action on the page
    complete. The next page starts before the last row's `seq`."""
    h = HistoryEntry
    where = _conditions(conn, wanted)
    if before is not None:
        where.append(h.seq < before)
    query = select(*_COLUMNS).where(*where).order_by(h.seq.desc())
    rows = _rows(conn, query, limit)
    if len(rows) == limit:  # finish the last action so its rows stay together
        last = rows[-1]
        more = _rows(conn, query.where(h.seq < last["seq"]), _BATCH_TAIL)
        for row in more:
            if row["batch"] != last["batch"]:
                break
            rows.append(row)
    return _readable(conn, _batches_in_order(rows), wording, None)


_COLUMNS = (
    HistoryEntry.seq,
    HistoryEntry.batch,
    HistoryEntry.at,
    HistoryEntry.by,
    HistoryEntry.entity,
    HistoryEntry.entity_uid,
    HistoryEntry.field,
    HistoryEntry.old,
    HistoryEntry.new,
)


def _rows(conn: Connection, query: Any, limit: int) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(query.limit(limit)).mappings()]


def _conditions(conn: Connection, wanted: LogFilter) -> list[ColumnElement[bool]]:
    h = HistoryEntry
    where: list[ColumnElement[bool]] = []
    if wanted.person is not None:
        where.append(h.by == wanted.person)
    if wanted.since:
        where.append(h.at >= wanted.since)
    if wanted.until:
        where.append(h.at < wanted.until)
    if wanted.entity:
        where.append(h.entity == wanted.entity)
    text = wanted.text.strip()
    if text:
        # A key or title names today's requirements; values hold the rest
        # (deleted requirements' titles, old and new texts).
        named = select(Requirement.uid).where(
            or_(
                Requirement.key.contains(text, autoescape=True),
                Requirement.title.contains(text, autoescape=True),
            )
        )
        where.append(
            or_(
                h.entity_uid.in_(named),
                h.old.contains(text, autoescape=True),
                h.new.contains(text, autoescape=True),
            )
        )
    return where


def _batches_in_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows newest action first, each action's rows in the order they were written."""
    result: list[dict[str, Any]] = []
    group: list[dict[str, Any]] = []
    for row in rows:
        if group and row["batch"] != group[0]["batch"]:
            result += reversed(group)
            group = []
        group.append(row)
    result += reversed(group)
    return result


# -- naming what rows refer to ------------------------------------------------------


@dataclass
class _Names:
    """Today's names of the entities a page of rows refers to, else the last known."""

    keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # requirement → (key, title)
    names: dict[str, str] = field(default_factory=dict)  # release, lane, … → name
    links: dict[str, tuple[Any, Any, Any]] = field(default_factory=dict)  # → (from, to, type)
    present: set[str] = field(default_factory=set)


_NAMED = {
    "release": (Release.uid, Release.name),
    "lane": (Lane.uid, Lane.name),
    "persona": (Persona.uid, Persona.name),
    "saved_view": (SavedView.uid, SavedView.name),
    "custom_field": (CustomField.uid, CustomField.name),
    "milestone": (Milestone.uid, Milestone.name),
    "section": (SectionRow.uid, SectionRow.title),
    "project": (Project.uid, Project.title),
    "baseline": (Baseline.uid, Baseline.name),
}


def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(items))
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _decode(text: str | None) -> Json:
    return None if text is None else orjson.loads(text)


def _load_names(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> _Names:
    wanted: dict[str, set[str]] = {}

    def want(entity: str, uid: Any) -> None:
        if isinstance(uid, str) and uid:
            wanted.setdefault(entity, set()).add(uid)

    for row in rows:
        want(row["entity"], row["entity_uid"])
        if row["field"] in ("release", "lane", "persona"):
            want(row["field"], row["old"])
            want(row["field"], row["new"])
        elif row["entity"] == "saved_view" and row["field"] == "criteria":
            for values in (row["old"], row["new"]):  # a view's filter names them by uid
                choices = values.get("choices", {}) if isinstance(values, dict) else {}
                for entity in ("release", "lane", "persona"):
                    for uid in choices.get(entity, ()) if isinstance(choices, dict) else ():
                        want(entity, uid)
        elif row["field"] == "position":
            want("requirement", (row["old"] or {}).get("parent"))
            want("requirement", (row["new"] or {}).get("parent"))
        if row["entity"] == "link":
            for values in (row["old"], row["new"]):
                if isinstance(values, dict):
                    want("requirement", values.get("from"))
                    want("requirement", values.get("to"))
    names = _Names()
    for chunk in _chunks(wanted.get("requirement", ())):
        found = conn.execute(
            select(Requirement.uid, Requirement.key, Requirement.title).where(
                Requirement.uid.in_(chunk)
            )
        )
        for uid, key, title in found:
            names.keys[uid] = (key, title)
            names.present.add(uid)
    for entity, (uid_column, name_column) in _NAMED.items():
        for chunk in _chunks(wanted.get(entity, ())):
            for uid, name in conn.execute(
                select(uid_column, name_column).where(uid_column.in_(chunk))
            ):
                names.names[uid] = name
                names.present.add(uid)
    for chunk in _chunks(wanted.get("link", ())):
        link_rows = conn.execute(
            select(Link.uid, Link.from_uid, Link.to_uid, Link.type).where(Link.uid.in_(chunk))
        )
        for uid, source, target, kind in link_rows:
            names.links[uid] = (source, target, kind)
            names.present.add(uid)
    if any(row["field"] == "custom" for row in rows):  # by custom field uid: named as now
        for uid, name in conn.execute(select(CustomField.uid, CustomField.name)):
            names.names[f"custom:{uid}"] = name
    if any(row["field"] == "scores" for row in rows):  # by criterion id: named as now
        for (criteria,) in conn.execute(select(Project.criteria)):
            for criterion in orjson.loads(criteria or "[]"):
                names.names[f"criterion:{criterion['id']}"] = criterion["name"]
    missing = {uid for uids in wanted.values() for uid in uids} - names.present
    _remembered(conn, missing, names)
    return names


def _remembered(conn: Connection, uids: set[str], names: _Names) -> None:
    """Names of deleted entities, from the values their last "deleted" (or
    "created") row recorded."""
    h = HistoryEntry
    for chunk in _chunks(uids):
        found = conn.execute(
            select(h.entity, h.entity_uid, h.field, h.old, h.new)
            .where(h.entity_uid.in_(chunk), h.field.in_(("deleted", "created")))
            .order_by(h.seq)  # the newest record wins
        )
        for entity, uid, kind, old, new in found:
            values = _decode(old if kind == "deleted" else new)
            if not isinstance(values, dict):
                continue
            if entity == "requirement":
                known = names.keys.get(uid, ("", ""))
                key = str(values.get("key") or known[0])
                names.keys[uid] = (key, str(values.get("title", "")))
            elif entity == "link":
                names.links[uid] = (values.get("from"), values.get("to"), values.get("type"))
            else:
                names.names[uid] = str(values.get("name", values.get("title", "")))


# -- making values readable -----------------------------------------------------------


def shorten(text: str, width: int = SHORT) -> str:
    """One line of at most `width` characters: blanks and line breaks collapsed."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else ""


def _rice(value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    parts = [
        f"{name[0].upper()} {_number(value.get(name)) or '?'}" for name in vocabulary.RICE_FIELDS
    ]
    score = vocabulary.rice_score(**{n: value.get(n) for n in vocabulary.RICE_FIELDS})
    text = " · ".join(parts)
    return f"{text} = {score:g}" if score is not None else text


class _Reader:
    def __init__(self, names: _Names, wording: Wording, viewer: str | None) -> None:
        self.names = names
        self.wording = wording
        self.viewer = viewer  # the requirement whose history this is (links seen from it)

    def key(self, uid: Any) -> str:
        if not isinstance(uid, str):
            return ""
        key, title = self.names.keys.get(uid, ("", ""))
        return key or shorten(title, 40)

    def value(self, entity: str, name: str, value: Any) -> str:
        """A full, readable value of field `name`."""
        if value is None or value == "":
            return ""
        w = self.wording
        if entity == "release" and name == "status":  # planned, in progress, released
            return w.value("release_status", str(value))
        if entity == "project" and name in ("doc_status", "confidentiality", "scoring"):
            return w.value(name, str(value))
        if name == "reviewers" and isinstance(value, list):  # [{"role", "name"}]
            return w.separator.join(
                f"{r.get('role', '')} {r.get('name', '')}".strip()
                for r in value
                if isinstance(r, dict)
            )
        if name in ("logo", "photo") and isinstance(value, dict):
            return w.picture.format(kb=max(1, round(int(value.get("bytes", 0)) / 1024)))
        if name in ("status", "priority", "kano", "kind", "type", "horizon"):
            return w.value("link" if entity == "link" else name, str(value))
        if name in ("release", "lane", "persona"):
            return self.names.names.get(str(value), "")
        if name in ("from", "to"):
            return self.key(value)
        if name == "rice":
            return _rice(value)
        if name in ("ice", "wsjf") and isinstance(value, dict):  # {input: number or None}
            return " · ".join(
                f"{k.replace('_', ' ')} {_number(v) or '?'}" for k, v in value.items()
            )
        if name == "scores" and isinstance(value, dict):  # {criterion id: number}
            named = self.names.names
            return w.separator.join(
                f"{named.get(f'criterion:{k}', k)} {_number(v)}" for k, v in value.items()
            )
        if name == "criteria" and isinstance(value, list):  # [{"id", "name", "weight", "scale"}]
            return w.separator.join(
                f"{c.get('name', '')} ×{_number(c.get('weight'))} /{_number(c.get('scale'))}"
                for c in value
                if isinstance(c, dict)
            )
        if entity == "saved_view" and name in ("criteria", "sort"):  # schema 9
            return view_value(name, value, w.separator, w.value, self.names.names)
        if name == "acceptance" and isinstance(value, list):
            return "\n".join(f"• {item}" for item in value)
        if isinstance(value, list):
            return w.separator.join(str(item) for item in value)
        if isinstance(value, float | int):
            return _number(value)
        return str(value)

    def link(self, values: Any) -> str:
        """A link as its requirement reads it: "depends on CRM-3"."""
        if not isinstance(values, dict):
            return ""
        source, target, kind = values.get("from"), values.get("to"), values.get("type", "")
        outgoing = self.viewer is None or self.viewer == source
        other = target if outgoing else source
        return f"{self.wording.link(str(kind), outgoing)} {self.key(other)}".strip()

    def whole(self, entity: str, values: Any) -> str:
        """What a created or deleted entity was: its title or name, or its link."""
        if entity == "link":
            return self.link(values)
        if isinstance(values, dict):
            return str(values.get("title") or values.get("name") or "")
        return ""

    def custom(self, values: Any, keys: list[str]) -> str:
        """Custom field values, in the order of `keys` (lists of options joined)."""
        if not isinstance(values, dict):
            return ""
        shown = []
        for key in keys:
            value = values.get(key)
            if isinstance(value, list):
                shown.append(self.wording.separator.join(str(v) for v in value))
            elif isinstance(value, int | float):
                shown.append(_number(value))
            elif value is not None:
                shown.append(str(value))
        return " · ".join(shown)

    def place(self, value: Any) -> str:
        parent = value.get("parent") if isinstance(value, dict) else None
        return self.key(parent) if parent else self.wording.top_level

    def pair(self, row: Mapping[str, Any]) -> tuple[str, str, str]:
        """The field as shown, and the old and new values in full."""
        entity, name, old, new = row["entity"], row["field"], row["old"], row["new"]
        if name in ("created", "deleted"):
            shown = "links" if entity == "link" else name
            return shown, self.whole(entity, old), self.whole(entity, new)
        if entity == "link":
            uid = row["entity_uid"]
            source, target, kind = self.names.links.get(uid, (None, None, ""))
            ends = {"from": source, "to": target, "type": kind}
            if name in ("suspect_at", "reviewed_at"):
                link = self.link(ends)
                w = self.wording
                before, after = (
                    (w.needs_review if at is not None else w.reviewed).format(link=link)
                    for at in (old, new)
                )
                return "links", before, after
            return "links", self.link({**ends, name: old}), self.link({**ends, name: new})
        if name == "custom" and isinstance(old or new, dict):  # {custom field uid: value}
            named = self.names.names
            keys = sorted({*(old or {}), *(new or {})}, key=lambda k: named.get(f"custom:{k}", k))
            fields = self.wording.separator.join(
                self.names.names.get(f"custom:{k}", k[:8]) for k in keys
            )
            return fields, self.custom(old, keys), self.custom(new, keys)
        if name == "position":
            before, after = self.place(old), self.place(new)
            if before == after:
                return name, "", self.wording.reordered
            return name, before, after
        return name, self.value(entity, name, old), self.value(entity, name, new)


def _subject(row: Mapping[str, Any], names: _Names) -> tuple[str | None, str, str, bool]:
    """(requirement uid, key, title, still there) of the entity a row changed."""
    entity, uid = row["entity"], row["entity_uid"]
    if entity == "requirement":
        key, title = names.keys.get(uid, ("", ""))
        return uid, key, title, uid in names.present
    if entity == "link":
        values = row["new"] if isinstance(row["new"], dict) else row["old"]
        source = values.get("from") if isinstance(values, dict) else None
        if source is None:
            source = names.links.get(uid, (None, None, None))[0]
        if not isinstance(source, str):
            return None, "", "", False
        key, title = names.keys.get(source, ("", ""))
        return source, key, title, source in names.present
    return None, "", names.names.get(uid, ""), uid in names.present


def _readable(
    conn: Connection, raw: list[dict[str, Any]], wording: Wording, viewer: str | None
) -> list[Change]:
    for row in raw:
        row["old"], row["new"] = _decode(row["old"]), _decode(row["new"])
    names = _load_names(conn, raw)
    reader = _Reader(names, wording, viewer)
    changes: list[Change] = []
    previous = None
    for row in raw:
        shown, old, new = reader.pair(row)
        requirement, key, title, exists = _subject(row, names)
        changes.append(
            Change(
                seq=row["seq"],
                batch=row["batch"],
                at=row["at"],
                by=row["by"],
                entity=row["entity"],
                entity_uid=row["entity_uid"],
                requirement_uid=requirement,
                key=key,
                title=title,
                exists=exists,
                field=shown,
                old=shorten(old),
                new=shorten(new),
                old_full=old[:FULL],
                new_full=new[:FULL],
                first_in_batch=row["batch"] != previous,
            )
        )
        previous = row["batch"]
    return changes
