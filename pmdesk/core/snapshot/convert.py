"""The JSON snapshot (**contract**): a lossless, diff-friendly text form of a project.

`import(export(p))` gives back `p`; exporting twice gives identical bytes (sorted
keys, stable order, UTF-8, two-space indent). Import checks everything first and
refuses a bad value with its JSON path, before anything is written.
"""

from __future__ import annotations

import base64
import json
import queue
import threading
from collections import defaultdict
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, insert, select

from pmdesk.core.domain.fields import FIELDS, from_columns, to_columns
from pmdesk.core.domain.ranks import evenly_spaced
from pmdesk.core.domain.vocabulary import ICE_FIELDS, SCORE_INPUTS, WSJF_FIELDS
from pmdesk.core.schema.tables import TABLES, TREE_INDEX, Baseline, HistoryEntry, encode, table_of
from pmdesk.core.snapshot.baselines import read_frozen
from pmdesk.core.snapshot.check import checked_snapshot

SNAPSHOT_VERSION = 1
_ENCODER = json.JSONEncoder(ensure_ascii=False)
Json = dict[str, Any]

__all__ = [
    "SNAPSHOT_VERSION",
    "dumps",
    "export_snapshot",
    "frozen_project",
    "load_snapshot",
    "loads",
]


def dumps(snapshot: Json) -> str:
    return json.dumps(snapshot, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def loads(text: str | bytes, *, name: str = "The snapshot") -> Json:
    """Parse and check a snapshot; raises SnapshotError naming the JSON path."""
    return checked_snapshot(text, name=name)


def _plain_number(value: float | None) -> float | int | None:
    # 1000.0 reads better as 1000 and keeps the text identical to what was imported.
    if value is not None and value.is_integer():
        return int(value)
    return value


def _clean(entity: str, row: Any) -> Json:
    values = from_columns(entity, row)
    for picture in ("logo", "photo"):  # PNG or JPEG bytes, as base64 text
        if values.get(picture) is not None:
            values[picture] = base64.b64encode(values[picture]).decode("ascii")
    if values.get("value") is not None:
        values["value"] = _plain_number(values["value"])
    if values.get("share") is not None:
        values["share"] = _plain_number(values["share"])
    for model in SCORE_INPUTS:
        if values.get(model):
            values[model] = {k: _plain_number(v) for k, v in values[model].items()}
    if values.get("scores"):
        values["scores"] = {k: _plain_number(v) for k, v in values["scores"].items()}
    if entity == "requirement" and not values["custom"]:
        del values["custom"]  # schema 9, only where set: older snapshots' bytes stay as they were
    if entity == "project" and values.get("criteria"):  # a saved view's is its filter
        values["criteria"] = [
            {**c, "weight": _plain_number(c["weight"]), "scale": _plain_number(c["scale"])}
            for c in values["criteria"]
        ]
    return values


class _Store(Protocol):
    """What export reads of a ProjectStore: its engine. Snapshots sit below the
    operations (creating a baseline freezes the project with this module) and the
    store sits above them (it applies them), so this module never imports it."""

    @property
    def engine(self) -> Engine: ...


def export_snapshot(store: _Store) -> Json:
    """The whole project as a snapshot dictionary (see `dumps`)."""
    with store.engine.connect() as conn:
        return export_from(conn)


def export_from(conn: Connection, *, frozen: bool = False) -> Json:
    """The project as a snapshot; `frozen`: as a baseline keeps it, without the
    baselines and the history (neither is read)."""

    def rows(entity: str, *order: str) -> list[Any]:
        table = TABLES[entity]
        return list(conn.execute(select(table).order_by(*(table.c[o] for o in order))).mappings())

    project_row = rows("project", "uid")[0]
    project = {"uid": project_row["uid"], "created_at": project_row["created_at"]}
    project |= _clean("project", project_row)
    if frozen:  # a baseline compares content; a copy of the logo in each would only weigh
        project["logo"] = None

    def simple(entity: str, *order: str) -> list[Json]:
        return [{"uid": r["uid"], **_clean(entity, r)} for r in rows(entity, *order, "uid")]

    children: dict[str | None, list[Any]] = defaultdict(list)
    highest = 0
    for r in rows("requirement", "rank", "uid"):
        children[r["parent_uid"]].append(r)
        highest = max(highest, r["number"])
    if not frozen and project_row["next_number"] > highest + 1:
        # Schema 9's counter only when numbers were given out past the last one
        # (their requirements deleted): an import defaults it to the next number,
        # so older snapshots' bytes stay as they were.
        project["next_number"] = project_row["next_number"]

    def tree(parent: str | None) -> list[Json]:
        nodes = []
        for r in children.get(parent, []):
            node = {"uid": r["uid"], "key": r["key"], **_clean("requirement", r)}
            node["created"] = {"at": r["created_at"], "by": r["created_by"]}
            node["updated"] = {"at": r["updated_at"], "by": r["updated_by"]}
            node["children"] = tree(r["uid"])
            nodes.append(node)
        return nodes

    personas = simple("persona", "rank")
    if frozen:  # as the logo: a baseline need not carry every photo again
        personas = [{**p, "photo": None} for p in personas]
    links = [
        {"uid": r["uid"], "from": r["from_uid"], "to": r["to_uid"], "type": r["type"]}
        # Schema 8's review marks only where set: older snapshots' bytes stay as they were.
        | {k: r[k] for k in ("suspect_at", "reviewed_at") if r[k] is not None}
        for r in rows("link", "from_uid", "to_uid", "type", "uid")
    ]
    custom_fields = simple("custom_field", "rank")
    content = {
        "pmdesk_snapshot": SNAPSHOT_VERSION,
        "project": project,
        "releases": simple("release", "rank"),
        "milestones": simple("milestone", "date", "name"),
        "lanes": simple("lane", "rank"),
        "personas": personas,
        "requirements": tree(None),
        "links": links,
        "sections": simple("section", "rank"),
    }
    if custom_fields:  # schema 9, only where defined (as the values)
        content["custom_fields"] = custom_fields
    if frozen:  # a baseline's frozen snapshot: the content, without baselines or history
        return content
    baselines = [
        {
            "uid": r.uid,
            "name": r.name,
            "created": {"at": r.created_at, "by": r.created_by},
            "snapshot": read_frozen(r.snapshot, r.name),
        }
        for r in conn.execute(select(Baseline).order_by(Baseline.created_at, Baseline.uid))
    ]
    history = [
        {
            "uid": r.uid,
            "batch": r.batch,
            "at": r.at,
            "by": r.by,
            "operation": r.operation,
            "entity": r.entity,
            "entity_uid": r.entity_uid,
            "field": r.field,
            "old": None if r.old is None else json.loads(r.old),
            "new": None if r.new is None else json.loads(r.new),
        }
        for r in conn.execute(select(HistoryEntry).order_by(HistoryEntry.seq))
    ]
    # Schema 9's saved views only when there are some: older snapshots' bytes stay
    # as they were; a baseline freezes content, not views.
    views = simple("saved_view", "rank")
    return {
        **content,
        **({"saved_views": views} if views else {}),
        "baselines": baselines,
        "history": history,
    }


def frozen_project(conn: Connection) -> Json:
    """The project as it is now, in the shape a baseline keeps (pmdesk.core.snapshot.baselines)."""
    return export_from(conn, frozen=True)


def load_snapshot(conn: Connection, snapshot: Json) -> None:
    """Write a checked snapshot (from `loads`) into an empty project database."""
    project = snapshot["project"]
    values = {f.name: project[f.name] for f in FIELDS["project"]}
    conn.execute(
        TABLES["project"]
        .update()
        .values(
            uid=project["uid"],
            created_at=project["created_at"],
            next_number=project["next_number"],
            **to_columns("project", values),
        )
    )

    def simple(entity: str, items: list[Json], ordered: bool = False) -> None:
        ranks = evenly_spaced(len(items)) if ordered else []
        batch = []
        for i, item in enumerate(items):
            row = {"uid": item["uid"], **to_columns(entity, _values(entity, item))}
            if ordered:
                row["rank"] = ranks[i]
            batch.append(row)
        if batch:
            conn.execute(insert(TABLES[entity]), batch)

    simple("release", snapshot["releases"], ordered=True)
    simple("milestone", snapshot["milestones"])
    simple("lane", snapshot["lanes"], ordered=True)
    simple("persona", snapshot["personas"], ordered=True)
    simple("custom_field", snapshot.get("custom_fields", []), ordered=True)
    simple("section", snapshot["sections"], ordered=True)
    simple("saved_view", snapshot.get("saved_views", []), ordered=True)  # schema 9

    _insert_requirements(conn, snapshot["requirements"])
    links = [
        {
            "uid": ln["uid"],
            "from_uid": ln["from"],
            "to_uid": ln["to"],
            "type": ln["type"],
            "suspect_at": ln.get("suspect_at"),
            "reviewed_at": ln.get("reviewed_at"),
        }
        for ln in snapshot["links"]
    ]
    if links:
        conn.execute(insert(TABLES["link"]), links)
    baselines = [
        {
            "uid": b["uid"],
            "name": b["name"],
            "created_at": b["created"]["at"],
            "created_by": b["created"]["by"],
            "snapshot": dumps(b["snapshot"]),
        }
        for b in snapshot["baselines"]
    ]
    if baselines:
        conn.execute(insert(table_of(Baseline)), baselines)
    history = [
        {
            **{k: h[k] for k in ("uid", "batch", "at", "by", "operation", "entity")},
            "entity_uid": h["entity_uid"],
            "field": h["field"],
            "old": encode(h["old"]),
            "new": encode(h["new"]),
        }
        for h in snapshot["history"]
    ]
    if history:
        conn.execute(insert(table_of(HistoryEntry)), history)


def _values(entity: str, item: Json) -> Json:
    return {f.name: item[f.name] for f in FIELDS[entity]}


# Requirement columns in insert order; built once, rows are plain tuples (100,000
# rows through SQLAlchemy's per-row parameter handling cost over a second).
_REQUIREMENT_COLUMNS = (
    "uid",
    "key",
    "number",
    "parent_uid",
    "rank",
    "kind",
    "title",
    "description",
    "acceptance",
    "status",
    "priority",
    "kano",
    "rice_reach",
    "rice_impact",
    "rice_confidence",
    "rice_effort",
    "owner",
    "tags",
    "source",
    "release_uid",
    "lane_uid",
    "start",
    "end",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    *(f"{model}_{part}" for model in ("ice", "wsjf") for part in SCORE_INPUTS[model]),
    "scores",
    "persona_uid",
    "value",
    "horizon",
    "custom",
)
_INSERT_REQUIREMENT = "INSERT INTO requirement ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in _REQUIREMENT_COLUMNS), ", ".join("?" for _ in _REQUIREMENT_COLUMNS)
)


def _insert_requirements(conn: Connection, roots: list[Json]) -> None:
    """Insert the tree, building rows while a second thread writes earlier ones.

    SQLite releases the GIL while it stores a row, so building the next chunk of
    rows in Python overlaps with writing the previous one (~1 s of 100,000).
    The connection is used by the writer thread only, one chunk at a time.

    The tree index is built after the rows: its pages then lie together at the
    end of the file, so opening a large imported project that is not in the
    disk cache reads the tree in one sweep instead of from all over the file.
    """
    tree_index = next(i for i in TABLES["requirement"].indexes if i.name == TREE_INDEX)
    tree_index.drop(conn)
    _write_requirements(conn, roots)
    tree_index.create(conn)


def _write_requirements(conn: Connection, roots: list[Json]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    chunks: queue.Queue[list[tuple[Any, ...]] | None] = queue.Queue(maxsize=4)
    failure: list[BaseException] = []

    def write() -> None:
        while (chunk := chunks.get()) is not None:
            if not failure:
                try:
                    raw.executemany(_INSERT_REQUIREMENT, chunk)
                except BaseException as e:  # re-raised on the caller's thread
                    failure.append(e)

    writer = threading.Thread(target=write, name="pmdesk-import-writer")
    writer.start()
    rows: list[tuple[Any, ...]] = []
    dump = _ENCODER.encode  # json.dumps with options builds an encoder on every call

    def walk(nodes: list[Json], parent: str | None) -> None:
        nonlocal rows
        for rank, n in zip(evenly_spaced(len(nodes)), nodes, strict=True):
            rice, ice, wsjf = n["rice"] or {}, n["ice"] or {}, n["wsjf"] or {}
            created, updated = n["created"], n["updated"]
            rows.append(
                (
                    n["uid"],
                    n["key"],
                    n["number"],
                    parent,
                    rank,
                    n["kind"],
                    n["title"],
                    n["description"],
                    dump(n["acceptance"]),
                    n["status"],
                    n["priority"],
                    n["kano"],
                    rice.get("reach"),
                    rice.get("impact"),
                    rice.get("confidence"),
                    rice.get("effort"),
                    n["owner"],
                    dump(n["tags"]),
                    n["source"],
                    n["release"],
                    n["lane"],
                    n["start"],
                    n["end"],
                    created["at"],
                    created["by"],
                    updated["at"],
                    updated["by"],
                    *(ice.get(part) for part in ICE_FIELDS),
                    *(wsjf.get(part) for part in WSJF_FIELDS),
                    dump(n["scores"]),
                    n["persona"],
                    n["value"],
                    n["horizon"],
                    json.dumps(n["custom"], ensure_ascii=False, sort_keys=True)
                    if n.get("custom")
                    else "{}",
                )
            )
            if len(rows) >= _CHUNK:
                chunks.put(rows)
                rows = []
            walk(n["children"], n["uid"])

    try:
        walk(roots, None)
        if rows:
            chunks.put(rows)
    finally:
        chunks.put(None)
        writer.join()
    if failure:
        raise failure[0]


_CHUNK = 2000
