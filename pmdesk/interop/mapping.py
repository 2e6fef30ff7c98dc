"""Which source column feeds which pmdesk field, and how values translate:
guessed from the headers, edited in the mapping dialog, kept as MAP.json —
`{"columns": {"<source column>": "<field>"}, "values": {"<field>": {"<source
value>": "<pmdesk value>"}}}` (**contract**, see the README)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmdesk.interop.fields import (
    CHOICE_FIELDS,
    CUSTOM,
    TARGETS,
    ValueProblemError,
    as_text,
    convert,
    guess_field,
)
from pmdesk.interop.incoming import Incoming, InteropError, Problem, Record, Table
from pmdesk.interop.progress import QUIET, Progress

LIST_FIELDS = frozenset({"tags", "acceptance"})
_UNIQUE = frozenset({"title", "description", "uid", "key"})  # not worth remembering


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)  # source header → field ("" = left out)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {"columns": self.columns, "values": self.values}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def save(self, path: Path) -> None:
        path.write_text(self.to_json(), encoding="utf-8")

    def field_of(self, header: str) -> str:
        return self.columns.get(header, "")


def _is_field(name: str) -> bool:
    return name in TARGETS or (name.startswith(CUSTOM) and len(name) > len(CUSTOM)) or name == ""


def mapping_from_json(data: Any, name: str) -> Mapping:
    """A mapping from parsed MAP.json; a field it names that pmdesk lacks is refused."""
    if not isinstance(data, dict) or not set(data) <= {"columns", "values"}:
        raise InteropError(f'{name}: a mapping is an object with "columns" and "values".')
    columns, values = data.get("columns", {}), data.get("values", {})
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and isinstance(v, str | None) for k, v in columns.items()
    ):
        raise InteropError(f'{name}: "columns" maps each source column to a field name.')
    known = ", ".join(TARGETS)
    for column, target in columns.items():
        if not _is_field(target or ""):
            raise InteropError(
                f"{name}: column {column!r} is mapped to {target!r}, which is not a pmdesk "
                f"field ({known}) nor custom:NAME."
            )
    if not isinstance(values, dict):
        raise InteropError(f'{name}: "values" maps a field to {{source value: pmdesk value}}.')
    for target, table in values.items():
        if target not in TARGETS and not target.startswith(CUSTOM):
            raise InteropError(
                f"{name}: values are given for {target!r}, which is not a pmdesk field ({known})."
            )
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()
        ):
            raise InteropError(f"{name}: the values of {target} map source texts to pmdesk values.")
        for source, value in table.items():
            try:
                convert(target, value) if target in TARGETS else None
            except ValueProblemError as e:
                raise InteropError(
                    f"{name}: {target} value {source!r} is mapped to {value!r}, which {_said(e)}."
                ) from None
    return Mapping(
        {k: v or "" for k, v in columns.items()}, {k: dict(v) for k, v in values.items()}
    )


def _said(problem: ValueProblemError) -> str:
    from pmdesk.interop.messages import say

    text = say(problem.code, "en", **{**problem.params, "field": problem.params.get("field", "")})
    return text.split(" ", 2)[-1] if text.count(" ") >= 2 else text


def load_mapping(path: Path) -> Mapping:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InteropError(f"{path}: no such mapping file.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InteropError(f"{path.name} is not a JSON mapping ({e}).") from None
    return mapping_from_json(data, path.name)


def guess_mapping(headers: Iterable[str], given: Mapping | None = None) -> Mapping:
    """Each header's field from its name (Chinese or English), a given mapping first.
    A field guessed for two columns goes to the first (Jira repeats `Labels`: list
    fields take every column of that name)."""
    mapping = Mapping(values=dict(given.values) if given else {})
    taken: set[str] = set()
    for header in headers:
        if header in mapping.columns:
            continue
        if given is not None and header in given.columns:
            mapping.columns[header] = given.columns[header]
            continue
        guessed = guess_field(header) or ""
        if guessed and guessed in taken and guessed not in LIST_FIELDS:
            guessed = ""
        mapping.columns[header] = guessed
        taken.add(guessed)
    return mapping


def records_from_table(table: Table, mapping: Mapping, progress: Progress = QUIET) -> Incoming:
    """Every row of `table` as an incoming record; a value that does not fit its
    field is a problem of that row (the row is still listed, for the preview)."""
    if not table.headers or not any(h.strip() for h in table.headers):
        raise InteropError(f"{table.name} has no header row: the first row names the columns.")
    if not table.rows:
        raise InteropError(f"{table.name} has a header row but no requirements below it.")
    targets = [mapping.field_of(h) for h in table.headers]
    incoming = Incoming(table.name, [])
    seen: set[str] = set()
    for header, target in zip(table.headers, targets, strict=True):
        if not target and header not in seen and header.strip():
            incoming.not_imported.append(header)
            seen.add(header)
    width = len(table.headers)
    values = mapping.values
    mapped = [(i, t) for i, t in enumerate(targets) if t and not t.startswith(CUSTOM)]
    skipped = [
        (i, h, t) for i, (h, t) in enumerate(zip(table.headers, targets, strict=True)) if not t
    ]
    # custom:NAME columns: their texts, for the planner (which knows the project's fields)
    custom = [(i, t[len(CUSTOM) :].strip()) for i, t in enumerate(targets) if t.startswith(CUSTOM)]
    wanted = list(dict.fromkeys(t for _, t in mapped))
    empty = {t: convert(t, None, values.get(t)) for t in wanted}
    memo: dict[tuple[str, Any], Any] = {}

    def converted(target: str, cell: Any) -> Any:
        """convert(), remembered: a column's values repeat (statuses, releases, dates)."""
        if target in _UNIQUE or type(cell) is not str:
            return convert(target, cell, values.get(target))
        key = (target, cell)
        if key not in memo:
            try:
                memo[key] = convert(target, cell, values.get(target))
            except ValueProblemError as e:
                memo[key] = e
        found = memo[key]
        if isinstance(found, ValueProblemError):
            raise found
        return found

    total = len(table.rows)
    progress.stage("map", total)
    for index, (cells, number) in enumerate(zip(table.rows, table.numbers, strict=True)):
        progress.step("map", index, total)
        where = f"row {number}"
        record = Record(where, {})
        if len(cells) > width and any(as_text(c) for c in cells[width:]):
            extra = ", ".join(as_text(c) for c in cells[width:] if as_text(c))
            incoming.problems.append(
                Problem(
                    where,
                    "ragged",
                    {"count": len(cells), "columns": width, "extra": extra[:60]},
                    index,
                )
            )
        raw: dict[str, list[Any]] = {}
        for column, header, _ in skipped:
            if column < len(cells) and (text := as_text(cells[column])):
                record.skipped[header] = text
        for column, name in custom:
            text = as_text(cells[column]) if column < len(cells) else ""
            translated = values.get(CUSTOM + name)  # MAP.json's values for custom:NAME
            if translated and text:
                text = translated.get(text, text)
            if name not in record.custom or not record.custom[name]:
                record.custom[name] = text  # "" too: an update takes the value away
            elif text:  # a repeated column (Jira's Sprint): every value
                before = record.custom[name]
                earlier = before if isinstance(before, list) else [before]
                record.custom[name] = [*earlier, text]
        for column, target in mapped:
            cell = cells[column] if column < len(cells) else None
            if cell is not None and (type(cell) is not str or cell.strip()):
                raw.setdefault(target, []).append(cell)
        for target in wanted:
            cells_given = raw.get(target)
            try:
                if cells_given is None:
                    value: Any = empty[target]
                elif target in LIST_FIELDS:
                    value = [v for c in cells_given for v in convert(target, c, values.get(target))]
                else:
                    value = converted(target, cells_given[0])
            except ValueProblemError as e:
                incoming.problems.append(Problem(where, e.code, e.params, index))
                continue
            if value is None and target in ("kind", "status", "level"):
                continue  # left to the default, or as the project has it
            record.values[target] = value
        incoming.records.append(record)
    return incoming


MAX_VALUES = 60  # distinct values listed per field: a column with more is no vocabulary


@dataclass(frozen=True)
class SourceValue:
    """One distinct text of a column mapped to a field with a fixed vocabulary."""

    field: str
    text: str
    rows: int
    guessed: str | None  # pmdesk's reading without the mapping: a value, "" (not set), None


def source_values(table: Table, mapping: Mapping) -> list[SourceValue]:
    """The distinct texts of every column mapped to priority, status, kind, Kano or
    horizon (first seen first, at most MAX_VALUES a field), with pmdesk's guess of each;
    the mapping's own `values` are left out of the guess, so the dialog can show both."""
    columns = [
        (i, mapping.field_of(h))
        for i, h in enumerate(table.headers)
        if mapping.field_of(h) in CHOICE_FIELDS
    ]
    counts: dict[tuple[str, str], int] = {}
    per_field: dict[str, int] = {}
    for cells in table.rows:
        for column, target in columns:
            text = as_text(cells[column]) if column < len(cells) else ""
            if not text:
                continue
            key = (target, text)
            if key in counts:
                counts[key] += 1
            elif per_field.get(target, 0) < MAX_VALUES:
                counts[key] = 1
                per_field[target] = per_field.get(target, 0) + 1
    order = {target: at for at, (_, target) in reversed(list(enumerate(columns)))}
    found = []
    for (target, text), rows in sorted(counts.items(), key=lambda kv: order[kv[0][0]]):
        try:
            value = convert(target, text)
            guessed: str | None = "" if value is None else str(value)
        except ValueProblemError:
            guessed = None
        found.append(SourceValue(target, text, rows, guessed))
    return found


def custom_defaults(
    mapping: Mapping,
    headers: Iterable[str],
    given: Mapping | None = None,
    name_of: Callable[[str], str] = str.strip,
    skip: Callable[[str], bool] = lambda _header: False,
) -> Mapping:
    """Columns pmdesk has no field for become custom fields of their header's name
    (custom:NAME) instead of being dropped; a column the given mapping leaves out
    ("") stays out."""
    for header in headers:
        if mapping.columns.get(header, "") or not header.strip() or skip(header):
            continue
        if given is not None and header in given.columns:
            continue
        name = name_of(header).strip()
        if name:
            mapping.columns[header] = CUSTOM + name
    return mapping
