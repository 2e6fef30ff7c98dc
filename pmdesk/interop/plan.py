"""What an import will do, worked out before anything is written.

`make_plan` matches every incoming record against the project (by uid, else by
key): a match is updated field by field (only what differs), anything else is
created. Parents are resolved (a key or uid of the file or of the project, or an
outline level), releases and lanes found by name or created, links resolved, and
every problem named with its row. The plan then becomes one core operation
(`operation`, one undo step) or, for a new file, a snapshot (`as_snapshot`)."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from pmdesk.core.domain import vocabulary
from pmdesk.core.ops import Batch, Create, Label, Move, Operation, Update
from pmdesk.core.ops.create_many import CreateMany
from pmdesk.interop.custom_in import custom_value, guess_kind
from pmdesk.interop.fields import RICE_TARGETS, ValueProblemError
from pmdesk.interop.incoming import Incoming, InteropError, Problem
from pmdesk.interop.progress import QUIET, Progress

Json = dict[str, Any]
CustomField = tuple[str, str, list[str]]  # (uid, kind, options)
Action = Literal["create", "update", "unchanged"]
_KEY = re.compile(r"([A-Za-z][A-Za-z0-9]{0,9})-([1-9][0-9]{0,8})")
_PLAIN = (
    "kind",
    "title",
    "status",
    "priority",
    "kano",
    "owner",
    "tags",
    "description",
    "acceptance",
    "source",
    "start",
    "end",
    "value",
    "horizon",
)


@dataclass(frozen=True)
class Existing:
    """The project as the planner needs it, read from its snapshot."""

    requirements: dict[str, Json]  # uid → snapshot item (without children) + "parent"
    by_key: dict[str, str]
    releases: dict[str, str]  # name → uid
    lanes: dict[str, str]
    links: set[tuple[str, str, str]]
    key_prefix: str
    new_file: bool = False  # a new file keeps the file's keys; a project numbers new rows itself
    personas: dict[str, str] = field(default_factory=dict)  # name → uid (schema 7)
    # custom field name → (uid, kind, options) (schema 9)
    custom_fields: dict[str, CustomField] = field(default_factory=dict)

    @staticmethod
    def of(snapshot: Json) -> Existing:
        reqs: dict[str, Json] = {}

        def walk(nodes: list[Json], parent: str | None) -> None:
            for node in nodes:
                reqs[node["uid"]] = {
                    **{k: v for k, v in node.items() if k != "children"},
                    "parent": parent,
                }
                walk(node.get("children", []), node["uid"])

        walk(snapshot.get("requirements", []), None)
        return Existing(
            reqs,
            {r["key"]: uid for uid, r in reqs.items()},
            {r["name"]: r["uid"] for r in snapshot.get("releases", [])},
            {r["name"]: r["uid"] for r in snapshot.get("lanes", [])},
            {(lk["from"], lk["to"], lk["type"]) for lk in snapshot.get("links", [])},
            snapshot.get("project", {}).get("key_prefix", vocabulary.DEFAULT_KEY_PREFIX),
            personas={r["name"]: r["uid"] for r in snapshot.get("personas", [])},
            custom_fields={
                f["name"]: (f["uid"], f["kind"], list(f.get("options") or []))
                for f in snapshot.get("custom_fields", [])
            },
        )

    @staticmethod
    def empty() -> Existing:
        return Existing({}, {}, {}, {}, set(), vocabulary.DEFAULT_KEY_PREFIX, new_file=True)


@dataclass
class PlanRow:
    """One incoming record as the preview shows it."""

    index: int
    where: str
    action: Action
    uid: str
    key: str  # the project's key when updated, the file's key (or "") when created
    title: str
    values: Json  # the fields set (created) or changed (updated)
    parent: str | None  # the parent's uid
    file_key: str = ""  # the key the file gives it
    moved: bool = False
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Plan:
    name: str
    rows: list[PlanRow]
    new_releases: dict[str, str]  # name → new uid
    new_lanes: dict[str, str]
    links: list[tuple[str, str, str]]
    problems: list[Problem]
    not_imported: list[str]
    # A release's dates, status, goal as the source gives them: name → values.
    release_values: dict[str, Json] = field(default_factory=dict)
    links_left_out: int = 0  # links to issues neither in the file nor in the project
    # Personas named in the file and missing from the project: created by name, as
    # releases and lanes are (the user fills in the rest in the Personas window).
    new_personas: dict[str, str] = field(default_factory=dict)
    # Custom fields named by the file and missing from the project: created with a
    # kind guessed from their values (or as a ReqIF datatype says): name → field.
    new_custom_fields: dict[str, CustomField] = field(default_factory=dict)

    @property
    def created(self) -> int:
        return sum(r.action == "create" for r in self.rows)

    @property
    def updated(self) -> int:
        return sum(r.action == "update" for r in self.rows)

    def refuse_problems(self, language: str = "en", shown: int = 10) -> None:
        """Raise one InteropError listing the problems (the first `shown`), if any."""
        if not self.problems:
            return
        lines = [p.line(language) for p in self.problems[:shown]]
        more = len(self.problems) - shown
        if more > 0:
            lines.append(f"… and {more} more problems")
        count = len(self.problems)
        problems = "a problem" if count == 1 else f"{count} problems"
        head = f"{self.name}: nothing was imported: {problems}"
        raise InteropError(head + ":\n  " + "\n  ".join(lines))

    # -- applying ----------------------------------------------------------------
    def operation(self) -> Operation:
        """The whole import as one operation: one transaction, one undo step."""
        ops: list[Operation] = []
        for name, uid in self.new_releases.items():
            ops.append(Create("release", uid, {"name": name, **self.release_values.get(name, {})}))
        for name, uid in self.new_lanes.items():
            ops.append(Create("lane", uid, {"name": name}))
        for name, uid in self.new_personas.items():
            ops.append(Create("persona", uid, {"name": name}))
        for name, (uid, kind, options) in self.new_custom_fields.items():
            values = {"name": name, "kind": kind, "options": options}
            ops.append(Create("custom_field", uid, values))
        created = {r.uid for r in self.rows if r.action == "create"}
        ordered = _parents_first([r for r in self.rows if r.action == "create"], created)
        if ordered:  # one bulk insert: 10,000 rows in about a second, not 15
            items = tuple((row.uid, row.values, row.parent) for row in ordered)
            ops.append(CreateMany("requirement", items))
        for row in self.rows:
            if row.action != "update":
                continue
            if row.values:
                ops.append(Update("requirement", row.uid, row.values))
            if row.moved:
                ops.append(Move("requirement", row.uid, row.parent))
        if self.links:
            links = tuple(
                (str(uuid.uuid4()), {"from": source, "to": target, "type": kind}, None)
                for source, target, kind in self.links
            )
            ops.append(CreateMany("link", links))
        count = self.created + self.updated
        return Batch(tuple(ops), Label("change", "requirement", self.name, count))

    def as_snapshot(self, language: str, title: str = "") -> Json:
        """A new project holding the plan (every row created), keys kept where they
        share the most common prefix."""
        prefixes = Counter(m.group(1) for r in self.rows if (m := _KEY.fullmatch(r.key)))
        prefix = prefixes.most_common(1)[0][0] if prefixes else vocabulary.DEFAULT_KEY_PREFIX
        nodes: dict[str, Json] = {}
        roots: list[Json] = []
        for row in self.rows:
            node: Json = {"uid": row.uid, **_snapshot_values(row.values), "children": []}
            match = _KEY.fullmatch(row.key)
            if match and match.group(1) == prefix:
                node["key"] = row.key
            nodes[row.uid] = node
        for row in self.rows:
            (nodes[row.parent]["children"] if row.parent in nodes else roots).append(nodes[row.uid])
        return {
            "pmdesk_snapshot": 1,
            "project": {"title": title or self.name, "key_prefix": prefix, "language": language},
            "releases": [
                {"uid": uid, "name": name, **self.release_values.get(name, {})}
                for name, uid in self.new_releases.items()
            ],
            "lanes": [{"uid": uid, "name": name} for name, uid in self.new_lanes.items()],
            "personas": [{"uid": uid, "name": name} for name, uid in self.new_personas.items()],
            "custom_fields": [
                {"uid": uid, "name": name, "kind": kind, "options": options}
                for name, (uid, kind, options) in self.new_custom_fields.items()
            ],
            "requirements": roots,
            "links": [
                {"uid": str(uuid.uuid4()), "from": s, "to": t, "type": k} for s, t, k in self.links
            ],
        }


def _snapshot_values(values: Json) -> Json:
    return {k: v for k, v in values.items() if v is not None or k in ("priority", "kano")}


def _parents_first(rows: list[PlanRow], created: set[str]) -> list[PlanRow]:
    placed: set[str] = set()
    ordered: list[PlanRow] = []
    pending = rows
    while pending:
        ready = [r for r in pending if r.parent not in created or r.parent in placed]
        if not ready:  # a cycle: the planner refuses it before this
            break
        for r in ready:
            placed.add(r.uid)
        ordered += ready
        pending = [r for r in pending if r.uid not in placed]
    return ordered


def make_plan(incoming: Incoming, existing: Existing, progress: Progress = QUIET) -> Plan:
    problems = list(incoming.problems)
    rows: list[PlanRow] = []
    file_refs: dict[str, str] = {}  # key or uid in the file → the row's uid
    first_at: dict[str, str] = {}
    new_releases: dict[str, str] = {}
    new_lanes: dict[str, str] = {}
    new_personas: dict[str, str] = {}
    release_values = {r.name: r.values for r in incoming.releases}
    for r in incoming.releases:
        if r.name not in existing.releases:
            new_releases[r.name] = str(uuid.uuid4())

    def note(index: int, where: str, code: str, **params: Any) -> None:
        problems.append(Problem(where, code, params, index))

    # 1. match each record (uid, else key), give new ones their uid
    total = 2 * len(incoming.records)  # reported: matching, then the values
    progress.stage("plan", total)
    for index, record in enumerate(incoming.records):
        progress.step("plan", index, total)
        values = record.values
        uid_given, key_given = str(values.get("uid") or ""), str(values.get("key") or "")
        uid = ""
        if uid_given and uid_given in existing.requirements:
            uid = uid_given
        elif key_given and key_given in existing.by_key:
            uid = existing.by_key[key_given]
        action: Action = "update" if uid else "create"
        if not uid:
            uid = uid_given if uid_given and _is_uuid(uid_given) else str(uuid.uuid4())
        for ref, code in ((uid_given, "uid_twice"), (key_given, "key_twice")):
            if not ref:
                continue
            if ref in first_at:
                note(index, record.where, code, **{code[:3]: ref, "other": first_at[ref]})
            first_at[ref] = record.where
            file_refs[ref] = uid
        file_refs.setdefault(uid, uid)
        key = existing.requirements[uid]["key"] if action == "update" else key_given
        if action == "create" and not existing.new_file:
            key = ""  # the project gives it the next key of its own
        title = values.get("title", existing.requirements.get(uid, {}).get("title", ""))
        rows.append(PlanRow(index, record.where, action, uid, key, str(title), {}, None, key_given))

    # 2. parents: a key or uid named in a parent column, else an outline level
    has_parent = any("parent" in r.values for r in incoming.records)
    has_level = any("level" in r.values for r in incoming.records)
    stack: list[tuple[int, str]] = []
    for row, record in zip(rows, incoming.records, strict=True):
        current = existing.requirements.get(row.uid, {}).get("parent")
        parent: str | None = current if row.action == "update" else None
        if has_parent and "parent" in record.values:
            ref = str(record.values["parent"] or "")
            if not ref:
                parent = None
            elif ref in file_refs:
                parent = file_refs[ref]
            elif ref in existing.by_key or ref in existing.requirements:
                parent = existing.by_key.get(ref, ref)
            else:
                note(row.index, row.where, "no_parent", parent=ref)
        elif has_level and not has_parent:
            level = int(record.values.get("level", 1))
            previous = stack[-1][0] if stack else 0
            if level > previous + 1:
                note(row.index, row.where, "level_jump", level=level, previous=previous)
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1] if stack else None
            stack.append((level, row.uid))
        if parent == row.uid:
            note(row.index, row.where, "own_parent")
            parent = None
        row.parent = parent
        row.moved = row.action == "update" and parent != current
    _refuse_cycles(rows, existing, problems)

    # 3. values: releases and lanes by name, RICE merged, only changes on update
    fields, new_custom = _custom_fields(incoming, existing)
    for done, (row, record) in enumerate(zip(rows, incoming.records, strict=True)):
        progress.step("plan", len(rows) + done, total)
        values = record.values
        old = existing.requirements.get(row.uid, {})
        new: Json = {k: values[k] for k in _PLAIN if k in values}
        for name, known, created in (
            ("release", existing.releases, new_releases),
            ("lane", existing.lanes, new_lanes),
            ("persona", existing.personas, new_personas),
        ):
            if name in values:
                text = str(values[name] or "").strip()
                if not text:
                    new[name] = None
                elif text in known:
                    new[name] = known[text]
                elif name == "persona" and (same := _same_name(text, known)):
                    new[name] = same  # 销售经理 / "sales manager" as the project spells it
                else:
                    new[name] = created.setdefault(text, str(uuid.uuid4()))
        if any(k in values for k in RICE_TARGETS):
            rice = dict(old.get("rice") or dict.fromkeys(vocabulary.RICE_FIELDS))
            rice.update({k: values[k] for k in RICE_TARGETS if k in values})
            new["rice"] = None if all(v is None for v in rice.values()) else rice
        if record.custom:
            current = dict(old.get("custom") or {})
            custom = dict(current)
            for name, raw in record.custom.items():
                field_uid, kind, options = fields[name]
                try:
                    value = custom_value(name, kind, options, raw)
                except ValueProblemError as e:
                    note(row.index, row.where, e.code, **e.params)
                    continue
                if value is None:
                    custom.pop(field_uid, None)
                else:
                    custom[field_uid] = value
            if custom != current:
                new["custom"] = custom
        start = new.get("start", old.get("start"))
        end = new.get("end", old.get("end"))
        if start and end and start > end:
            note(row.index, row.where, "dates_order", start=start, end=end)
        if row.action == "create":
            if not str(new.get("title", "")).strip():
                note(row.index, row.where, "no_title")
            row.values = new
        else:
            row.values = {k: v for k, v in new.items() if old.get(k) != v}
            if not row.values and not row.moved:
                row.action = "unchanged"

    # 4. links between rows of the file or requirements of the project
    links: list[tuple[str, str, str]] = []
    left_out = 0
    seen = set(existing.links)
    for link in incoming.links:
        ends = []
        for ref in (link.source, link.target):
            uid = (
                file_refs.get(ref)
                or existing.by_key.get(ref)
                or (ref if ref in existing.requirements else "")
            )
            if not uid and not link.optional:
                problems.append(Problem(link.where, "link_end", {"ref": ref}, -1))
            ends.append(uid)
        if not all(ends) and link.optional:
            left_out += 1
            continue
        if link.type not in vocabulary.LINK_TYPES:
            problems.append(
                Problem(
                    link.where,
                    "link_type",
                    {"value": link.type, "allowed": ", ".join(vocabulary.LINK_TYPES)},
                    -1,
                )
            )
            continue
        triple = (ends[0], ends[1], link.type)
        if all(ends) and ends[0] != ends[1] and triple not in seen:
            seen.add(triple)
            links.append(triple)

    by_index: dict[int, list[Problem]] = {}
    for p in problems:
        by_index.setdefault(p.row, []).append(p)
    for row in rows:
        row.problems = by_index.get(row.index, [])
    return Plan(
        incoming.name,
        rows,
        new_releases,
        new_lanes,
        links,
        problems,
        incoming.not_imported,
        release_values,
        left_out,
        new_personas,
        new_custom,
    )


def _custom_fields(
    incoming: Incoming, existing: Existing
) -> tuple[dict[str, CustomField], dict[str, CustomField]]:
    """Each custom field name the records use → the project's field of that name
    (else one spelt so but for case), or a new one; and the new ones."""
    values: dict[str, list[Any]] = {}
    for record in incoming.records:
        for name, raw in record.custom.items():
            values.setdefault(name, []).append(raw)
    folded = {n.strip().casefold(): f for n, f in existing.custom_fields.items()}
    fields: dict[str, CustomField] = {}
    new: dict[str, CustomField] = {}
    for name, raws in values.items():
        found = existing.custom_fields.get(name) or folded.get(name.strip().casefold())
        if found is None and any(r not in ("", None, []) for r in raws):
            kind, options = incoming.custom_kinds.get(name) or guess_kind(name, raws)
            found = new[name] = (str(uuid.uuid4()), kind, options)
        if found is not None:
            fields[name] = found
    for record in incoming.records:  # a column empty throughout makes no field
        for name in [n for n in record.custom if n not in fields]:
            del record.custom[name]
    return fields, new


def _same_name(text: str, known: dict[str, str]) -> str | None:
    folded = text.casefold()
    return next((uid for name, uid in known.items() if name.strip().casefold() == folded), None)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _refuse_cycles(rows: list[PlanRow], existing: Existing, problems: list[Problem]) -> None:
    parent_of = {uid: r["parent"] for uid, r in existing.requirements.items()}
    parent_of.update({r.uid: r.parent for r in rows})
    names = {uid: r["key"] for uid, r in existing.requirements.items()}
    names.update({r.uid: r.key or r.where for r in rows})
    for row in rows:
        path, uid = [row.uid], row.parent
        while uid is not None and uid not in path and len(path) < 10_000:
            path.append(uid)
            uid = parent_of.get(uid)
        if uid == row.uid and row.parent is not None:
            chain = " → ".join(names.get(u, u[:8]) for u in [*path, row.uid])
            problems.append(
                Problem(
                    row.where,
                    "cycle",
                    {"parent": names.get(row.parent, ""), "path": chain},
                    row.index,
                )
            )
