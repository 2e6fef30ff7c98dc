"""Check a JSON snapshot before import and fill in what may be left out.

Every problem is reported with its JSON path, for example
`requirements[3].children[0].priority: 'urgent' is not one of must, should, could, wont`.
Missing uids and keys are generated, missing optional fields take defaults.
"""

from __future__ import annotations

import codecs
import json
import re
import uuid
from typing import Any

import orjson

from pmdesk.core.clock import utc_now
from pmdesk.core.domain.fields import (
    FIELDS,
    FieldError,
    FieldSpec,
    _reference,
    _text,
    _text_list,
    custom_value,
    shown,
)
from pmdesk.core.errors import SnapshotError
from pmdesk.core.snapshot.json_errors import (
    MAX_NESTING,
    SURROGATE,
    bad_values,
    name_in_path,
    too_deep_at,
    where,
)

Json = dict[str, Any]
MAX_REPORTED = 20
MAX_DEPTH = 50  # far beyond any real hierarchy; keeps every tree walk's recursion safe
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]{0,9}-([1-9][0-9]{0,8})")  # fullmatch: no "\n" after
_STAMP_KEYS = {"at", "by"}
_ALLOWED = {entity: frozenset(f.name for f in specs) | {"uid"} for entity, specs in FIELDS.items()}
_NO_EXTRA: frozenset[str] = frozenset()


def _shape(spec: FieldSpec) -> tuple[str, frozenset[str]]:
    allowed: frozenset[str] = getattr(spec.check, "allowed", frozenset())
    if allowed:
        return "enum", allowed
    check: Any = spec.check
    shape = "text" if check is _text else "list" if check is _text_list else "other"
    return ("ref" if check is _reference else shape), frozenset()


_PLANS = {
    entity: [(spec.name, *_shape(spec), spec) for spec in specs] for entity, specs in FIELDS.items()
}
# The project's counter of requirement numbers (schema 9) is no baseline's content.
_PROJECT_EXTRA = {False: frozenset({"created_at", "next_number"}), True: frozenset({"created_at"})}
_MAX_NUMBER = 999_999_999  # the nine digits a key's number may have
_REQUIREMENT_EXTRA = frozenset({"key", "children", "created", "updated"})
_HISTORY_KEYS = {
    "uid",
    "batch",
    "at",
    "by",
    "operation",
    "entity",
    "entity_uid",
    "field",
    "old",
    "new",
}


class _Checker:
    def __init__(self, offset: int = 0) -> None:
        self.problems: list[str] = []
        self.uids: dict[str, str] = {}  # uid -> path where first seen
        self.keys: dict[str, str] = {}
        self.now = utc_now()
        self.offset = offset  # how deep this snapshot lies in the document (a baseline's: 3)
        self.too_deep = False  # a value nests deeper than MAX_NESTING somewhere

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def obj(self, value: Any, path: str) -> Json | None:
        if not isinstance(value, dict):
            self.problem(path, f"expected an object, found {_kind(value)}")
            return None
        return value

    def array(self, value: Any, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, f"expected a list, found {_kind(value)}")
            return []
        return value

    def uid(self, item: Json, path: str) -> str:
        value = item.get("uid")
        if value is None:
            return str(uuid.uuid4())
        if not isinstance(value, str) or not value.strip() or len(value) > 36:
            self.problem(f"{path}.uid", f"{shown(value)} is not a uid")
            return str(uuid.uuid4())
        if value in self.uids:
            also = self.uids[value]
            self.problem(f"{path}.uid", f"{shown(value)} is used twice (also at {also})")
        self.uids[value] = path
        return value

    def fields(
        self, entity: str, item: Json, path: str, extra: frozenset[str], depth: int = 3
    ) -> Json:
        """The item's fields, checked; `depth` is how deep the item object lies
        (the top-level object is 1)."""
        allowed = _ALLOWED[entity] | extra
        if not allowed.issuperset(item):  # the fast path: no unknown field
            for name in sorted(set(item) - allowed):
                self.problem(f"{path}.{name_in_path(name)}", "is not a field of a " + entity)
                self.nests_too_deep(item[name], depth + 1)
        out: Json = {}
        # Inline checks for the common shapes: 100,000 requirements × 15 fields
        # through one function call each cost seconds. Anything unusual goes
        # through the field's own check, which also words the problem.
        for name, shape, allowed_values, spec in _PLANS[entity]:
            if name not in item:
                default = spec.default
                out[name] = (
                    list(default)
                    if isinstance(default, list)
                    else dict(default)
                    if isinstance(default, dict)
                    else default
                )
                continue
            value = item[name]
            if (
                (shape == "text" and type(value) is str)
                or (shape == "enum" and type(value) is str and value in allowed_values)
                or (shape == "ref" and (value is None or (type(value) is str and value)))
                or (shape == "list" and type(value) is list and all(type(v) is str for v in value))
            ):
                out[name] = value
                continue
            if self.nests_too_deep(value, depth + 1):
                out[name] = spec.default
                continue
            try:
                out[name] = spec.check(value)
            except FieldError as e:
                self.problem(f"{path}.{name}", str(e))
                out[name] = spec.default
        start, end = out.get("start"), out.get("end")
        if start and end and start > end:
            self.problem(f"{path}.end", f"start {start} is after end {end}")
        return out

    def nests_too_deep(self, value: Any, depth: int) -> bool:
        """Does `value`, lying at `depth`, hold lists or objects nested deeper
        than MAX_NESTING? (Walked without recursion, and only as far as needed.)"""
        if type(value) is not list and type(value) is not dict:
            return False
        room = MAX_NESTING - self.offset - depth
        level: list[Any] = [value]
        while level:
            if room < 0:
                self.too_deep = True
                return True
            level = [
                child
                for v in level
                for child in (v.values() if type(v) is dict else v)
                if type(child) is list or type(child) is dict
            ]
            room -= 1
        return False

    def stamp(self, item: Json, name: str, path: str) -> Json:
        value = item.get(name)
        if type(value) is dict and len(value) == 2:  # the usual, well-formed stamp
            at, by = value.get("at"), value.get("by")
            if type(at) is str and type(by) is str:
                return value
        if value is None:
            return {"at": self.now, "by": ""}
        stamp = self.obj(value, f"{path}.{name}")
        if stamp is None:
            return {"at": self.now, "by": ""}
        for key in sorted(set(stamp) - _STAMP_KEYS):
            self.problem(f"{path}.{name}.{name_in_path(key)}", "is not a field of a time stamp")
        at, by = stamp.get("at", self.now), stamp.get("by", "")
        if not isinstance(at, str) or not isinstance(by, str):
            self.problem(f"{path}.{name}", "at and by must be texts")
            return {"at": self.now, "by": ""}
        return {"at": at, "by": by}


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a text", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


def checked_snapshot(text: str | bytes, *, name: str = "The snapshot") -> Json:
    """Parse `text` (UTF-8 bytes or str), check it completely and return the
    normalised snapshot. A value JSON does not hold (NaN, 1e400, a lone
    surrogate, nesting too deep) is refused with its JSON path, and the line
    and column of the first; what cannot be parsed at all, by line and column."""
    if isinstance(text, bytes) and text.startswith(codecs.BOM_UTF8):
        text = text[len(codecs.BOM_UTF8) :]
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as e:
        raise _not_json(text, e, name) from None
    return check_snapshot(data, text=text, name=name)


def _not_json(text: str | bytes, error: orjson.JSONDecodeError, name: str) -> SnapshotError:
    if isinstance(text, bytes):
        try:
            text.decode("utf-8")
        except UnicodeDecodeError as bad:
            line, column = _line_column(text[: bad.start].decode("utf-8"))
            return SnapshotError("snapshot.not_utf8_at", name=name, line=line, column=column)
    if error.msg == "depth limit exceeded":
        return _too_deep(text, name)
    problems = bad_values(text)  # the slow, lenient read: only ever on a refusal
    if problems is not None:
        return _invalid([f"{problems[0]} ({where(error)})", *problems[1:]])
    at = error.doc[max(error.pos - 1, 0) : error.pos + 9]
    detail = error.msg
    for word in ("NaN", "Infinity"):
        if word in at:
            detail = f"{word} is not a number JSON allows"
    if "infinity when parsed" in detail:
        detail = "the number is too large"
    elif "surrogate" in detail:
        detail = SURROGATE
    return SnapshotError(
        "snapshot.bad_json", name=name, line=error.lineno, column=error.colno, detail=detail
    )


def _line_column(before: str) -> tuple[int, int]:
    """Line and column (both from 1) of the character after `before`."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _too_deep(text: str | bytes, name: str) -> SnapshotError:
    """The field whose value first nests deeper than MAX_NESTING, by path,
    line and column (only ever run on a document that does)."""
    found = too_deep_at(text)
    if found is None:
        return SnapshotError("snapshot.too_deep_somewhere", name=name, limit=MAX_NESTING)
    path, line, column = found
    if not path:
        return SnapshotError(
            "snapshot.too_deep", name=name, limit=MAX_NESTING, line=line, column=column
        )
    return _invalid([f"{path}: {_TOO_DEEP} (line {line}, column {column})"])


_TOO_DEEP = f"lists or objects are nested more than {MAX_NESTING} levels deep"


def _invalid(problems: list[str]) -> SnapshotError:
    shown_problems = problems[:MAX_REPORTED]
    more = len(problems) - len(shown_problems)
    tail = f" (and {more} more)" if more else ""
    return SnapshotError(
        "snapshot.invalid", problems=problems, text="; ".join(shown_problems) + tail
    )


def check_snapshot(data: Any, *, text: str | bytes | None = None, name: str = "") -> Json:
    """Check a parsed snapshot completely; `text` (what it was parsed from)
    lets a value nested too deep be found by line and column."""
    if not isinstance(data, dict) or "pmdesk_snapshot" not in data:
        raise SnapshotError("snapshot.not_snapshot")
    version = data["pmdesk_snapshot"]
    if type(version) is not int or version != 1:  # true is not 1 here
        if type(version) is int and version > 1:
            raise SnapshotError("snapshot.newer", version=version)
        raise SnapshotError("snapshot.bad_version", version=_json_text(version))
    c = _Checker()
    snapshot = _check_parts(c, data, frozen=False)
    if c.too_deep:
        if text is not None:
            raise _too_deep(text, name or "The snapshot")
        raise SnapshotError("snapshot.too_deep_somewhere", name="The snapshot", limit=MAX_NESTING)
    if c.problems:
        raise _invalid(c.problems)
    return snapshot


def check_frozen(data: Any) -> list[str]:
    """The problems of a baseline's frozen snapshot ([] if it is sound)."""
    c = _Checker(offset=3)
    frozen = c.obj(data, "snapshot")
    if frozen is not None:
        _check_parts(c, frozen, frozen=True)
    if c.too_deep:
        c.problem("snapshot", _TOO_DEEP)
    return c.problems


def _json_text(value: Any) -> str:
    if value is True or value is False or value is None:
        return json.dumps(value)
    return shown(value)


def _check_parts(c: _Checker, data: Json, *, frozen: bool) -> Json:
    """Check every part of a snapshot, noting problems in `c`; a baseline's
    frozen snapshot (`frozen`) holds neither baselines nor a history."""
    if frozen:
        version = data.get("pmdesk_snapshot")
        if type(version) is not int or version != 1:
            c.problem("pmdesk_snapshot", f"{_json_text(version)} is not 1")
    known = {
        "pmdesk_snapshot",
        "project",
        "releases",
        "milestones",
        "lanes",
        "personas",
        "custom_fields",
        "requirements",
        "links",
        "sections",
        *(() if frozen else ("baselines", "history", "saved_views")),
    }
    for name in sorted(set(data) - known):
        c.problem(name_in_path(name), "is not a part of a snapshot")
        c.nests_too_deep(data[name], 2)

    project_in = c.obj(data.get("project", {}), "project") or {}
    project = {
        "uid": c.uid(project_in, "project"),
        **c.fields("project", project_in, "project", _PROJECT_EXTRA[frozen], depth=2),
    }
    # schema 9: optional, its default past the numbers in use
    counter = None if frozen else project_in.get("next_number")
    if counter is not None and (type(counter) is not int or not 1 <= counter <= _MAX_NUMBER):
        c.problem("project.next_number", f"{shown(counter)} is not a requirement number")
        counter = None
    created_at = project_in.get("created_at", c.now)
    project["created_at"] = created_at if isinstance(created_at, str) else c.now

    def simple(part: str, entity: str) -> list[Json]:
        out = []
        for i, raw in enumerate(c.array(data.get(part), part)):
            path = f"{part}[{i}]"
            item = c.obj(raw, path)
            if item is not None:
                out.append({"uid": c.uid(item, path), **c.fields(entity, item, path, _NO_EXTRA)})
        return out

    releases = simple("releases", "release")
    milestones = simple("milestones", "milestone")
    lanes = simple("lanes", "lane")
    personas = simple("personas", "persona")  # schema 7: absent from older snapshots
    custom_fields = simple("custom_fields", "custom_field")  # schema 9: likewise
    defined = {f["uid"]: f for f in custom_fields}
    sections = simple("sections", "section")
    saved_views = [] if frozen else simple("saved_views", "saved_view")  # schema 9: optional
    release_uids = {r["uid"] for r in releases}
    lane_uids = {r["uid"] for r in lanes}
    persona_uids = {r["uid"] for r in personas}
    for i, milestone in enumerate(milestones):
        if milestone["release"] is not None and milestone["release"] not in release_uids:
            c.problem(
                f"milestones[{i}].release", f"{shown(milestone['release'])} is not a release uid"
            )

    requirement_uids: set[str] = set()
    unnumbered: list[Json] = []
    numbers: set[int] = set()

    def tree(raw_list: Any, path: str, depth: int = 1) -> list[Json]:
        nodes: list[Json] = []
        if depth > MAX_DEPTH:
            c.problem(path, f"requirements are nested deeper than {MAX_DEPTH} levels")
            return nodes
        for i, raw in enumerate(c.array(raw_list, path)):
            item_path = f"{path}[{i}]"
            item = c.obj(raw, item_path)
            if item is None:
                continue
            node = {
                "uid": c.uid(item, item_path),
                **c.fields("requirement", item, item_path, _REQUIREMENT_EXTRA, 2 * depth + 1),
            }
            requirement_uids.add(node["uid"])
            if node["release"] is not None and node["release"] not in release_uids:
                c.problem(f"{item_path}.release", f"{shown(node['release'])} is not a release uid")
            if node["lane"] is not None and node["lane"] not in lane_uids:
                c.problem(f"{item_path}.lane", f"{shown(node['lane'])} is not a lane uid")
            if node["persona"] is not None and node["persona"] not in persona_uids:
                c.problem(f"{item_path}.persona", f"{shown(node['persona'])} is not a persona uid")
            for field_uid, value in node["custom"].items():
                field = defined.get(field_uid)
                value_path = f"{item_path}.custom.{name_in_path(field_uid)}"
                if field is None:
                    c.problem(value_path, "is not a custom field uid")
                    continue
                try:
                    kept = custom_value(field["name"], field["kind"], field["options"], value)
                except FieldError as e:
                    c.problem(value_path, str(e))
                    continue
                node["custom"][field_uid] = kept
            node["custom"] = {k: v for k, v in node["custom"].items() if v is not None}
            key = item.get("key")
            if key is None:
                unnumbered.append(node)
            elif not isinstance(key, str) or not (match := _KEY.fullmatch(key)):
                c.problem(f"{item_path}.key", f"{shown(key)} is not a key like REQ-42")
            elif key in c.keys:
                c.problem(f"{item_path}.key", f"{shown(key)} is used twice (also at {c.keys[key]})")
            else:
                c.keys[key] = item_path
                node["key"], node["number"] = key, int(match.group(1))
                numbers.add(node["number"])
            node["created"] = c.stamp(item, "created", item_path)
            node["updated"] = c.stamp(item, "updated", item_path)
            node["children"] = tree(item.get("children"), f"{item_path}.children", depth + 1)
            nodes.append(node)
        return nodes

    requirements = tree(data.get("requirements"), "requirements")
    # Never below a number the project gave out before (its counter), nor one in use.
    next_number = max(max(numbers, default=0) + 1, counter or 1)
    for node in unnumbered:
        node["key"] = f"{project['key_prefix']}-{next_number}"
        node["number"] = next_number
        next_number += 1
    project["next_number"] = next_number

    links = []
    seen_links: set[tuple[str, str, str]] = set()
    for i, raw in enumerate(c.array(data.get("links"), "links")):
        path = f"links[{i}]"
        item = c.obj(raw, path)
        if item is None:
            continue
        link = {"uid": c.uid(item, path), **c.fields("link", item, path, _NO_EXTRA)}
        for end in ("from", "to"):
            if link[end] not in requirement_uids:
                c.problem(f"{path}.{end}", f"{shown(link[end])} is not a requirement uid")
        if link["from"] == link["to"]:
            c.problem(path, "a requirement cannot be linked to itself")
        ends = (link["from"], link["to"], link["type"])
        if ends in seen_links:
            c.problem(path, "the same link is listed twice")
        seen_links.add(ends)
        links.append(link)

    baselines = []
    names: set[str] = set()
    for i, raw in enumerate(c.array(data.get("baselines"), "baselines")):
        path = f"baselines[{i}]"
        item = c.obj(raw, path)
        if item is None:
            continue
        label = item.get("name")
        if not isinstance(label, str) or not label.strip():
            c.problem(f"{path}.name", f"{shown(label)} is not a baseline name")
        elif label in names:
            c.problem(f"{path}.name", f"{shown(label)} is used twice")
        names.add(str(label))
        kept = c.obj(item.get("snapshot"), f"{path}.snapshot")
        if kept is not None:
            sub = _Checker(offset=c.offset + 3)
            _check_parts(sub, kept, frozen=True)
            c.too_deep |= sub.too_deep
            c.problems += [f"{path}.snapshot.{problem}" for problem in sub.problems]
        baselines.append(
            {
                "uid": c.uid(item, path),
                "name": label,
                "created": c.stamp(item, "created", path),
                "snapshot": kept or {},
            }
        )

    history = []
    for i, raw in enumerate(c.array(data.get("history"), "history")):
        path = f"history[{i}]"
        item = c.obj(raw, path)
        if item is None:
            continue
        for name in sorted(set(item) - _HISTORY_KEYS):
            c.problem(f"{path}.{name_in_path(name)}", "is not a field of a history entry")
        entry: Json = {"uid": c.uid(item, path)}
        for name in ("batch", "at", "by", "operation", "entity", "entity_uid", "field"):
            value = item.get(name, "")
            if not isinstance(value, str):
                c.problem(f"{path}.{name}", f"{shown(value)} is not text")
            entry[name] = value if isinstance(value, str) else ""
        entry["old"], entry["new"] = item.get("old"), item.get("new")
        if c.nests_too_deep(entry["old"], 4) or c.nests_too_deep(entry["new"], 4):
            continue
        history.append(entry)

    return {
        "pmdesk_snapshot": 1,
        "project": project,
        "releases": releases,
        "milestones": milestones,
        "lanes": lanes,
        "personas": personas,
        "custom_fields": custom_fields,
        "requirements": requirements,
        "links": links,
        "sections": sections,
        "saved_views": saved_views,
        "baselines": baselines,
        "history": history,
    }
