"""Jira's CSV export: issue keys, types, parents and epic links as the hierarchy,
fix versions as releases (created when missing), story points as effort,
descriptions from wiki markup to Markdown, issue links as links. Jira writes a
column once per value (`Labels`, `Sprint`, `Fix Version/s`, `Comment`): every
column of a list field counts, the first counts for the others."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pmdesk.interop.fields import as_text, guess_field
from pmdesk.interop.incoming import Incoming, LinkRecord, Table
from pmdesk.interop.mapping import Mapping, custom_defaults, guess_mapping, records_from_table
from pmdesk.interop.progress import QUIET, Progress
from pmdesk.interop.wiki import wiki_to_markdown

_CUSTOM = re.compile(r"^custom field \((.*)\)$", re.IGNORECASE)
_LINK_COLUMN = re.compile(r"^(inward|outward) issue link \((.*)\)$", re.IGNORECASE)
_ISSUE_ID = {"issue id", "问题id", "问题 id"}
_PARENT_ID = {"parent id", "父级id", "父级 id", "parent"}
_EPIC_LINK = {"epic link", "史诗链接"}
# Jira's link type names (outward reading) → pmdesk's type and whether this
# issue is its source on the outward side.
_LINK_TYPES = {
    "blocks": "blocks",
    "depends": "depends_on",
    "dependency": "depends_on",
    "depends on": "depends_on",
    "relates": "relates_to",
    "relate": "relates_to",
    "duplicate": "duplicates",
    "duplicates": "duplicates",
    "cloners": "derived_from",
    "clones": "derived_from",
}
_JIRA_EXTRA = {
    "story points": "effort",
    "story point estimate": "effort",
    "fix version/s": "release",
    "fix versions": "release",
    "parent summary": "",
    "epic name": "",
}


def _inner(header: str) -> str:
    found = _CUSTOM.match(header.strip())
    return found.group(1) if found else header.strip()


def _special(header: str) -> bool:
    name = _inner(header).casefold()
    return bool(
        _LINK_COLUMN.match(header.strip())
        or name in _ISSUE_ID
        or name in _PARENT_ID
        or name in _EPIC_LINK
    )


def jira_custom_defaults(
    mapping: Mapping, headers: Iterable[str], given: Mapping | None
) -> Mapping:
    """Jira's columns without a pmdesk field as custom fields of their inner name
    (`Custom field (Team)` → custom:Team); ids, parents and links are the importer's."""
    return custom_defaults(mapping, headers, given, name_of=_inner, skip=_special)


def jira_mapping(headers: Iterable[str], given: Mapping | None = None) -> Mapping:
    """Jira's columns guessed (custom fields by their inner name); the columns of
    ids, parents, epic links and issue links are read by the importer itself."""
    headers = list(headers)
    mapping = guess_mapping([h for h in headers if not _special(h)], given)
    for header in headers:
        if _special(header) or (given is not None and header in given.columns):
            continue
        inner = _inner(header)
        target = _JIRA_EXTRA.get(inner.casefold(), guess_field(inner) or "")
        if target == "parent":
            target = ""
        if target and (mapping.columns.get(header) in ("", None)):
            if (
                target in mapping.columns.values()
                and target not in ("tags", "acceptance")
                and mapping.columns.get(header) != target
            ):
                if header not in mapping.columns:
                    mapping.columns[header] = ""
                continue
            mapping.columns[header] = target
    if given is None:
        for header, target in list(mapping.columns.items()):
            if target == "key" and header.casefold() not in (
                "issue key",
                "key",
                "问题关键字",
                "关键字",
            ):
                mapping.columns[header] = ""
    return mapping


def jira_records(table: Table, mapping: Mapping, progress: Progress = QUIET) -> Incoming:
    """The issues as records; parents from `Parent id` (sub-tasks, next-gen
    children) or the epic link; the description's wiki markup as Markdown."""
    plain = [h for h in table.headers if not _special(h)]
    columns = [i for i, h in enumerate(table.headers) if not _special(h)]
    narrowed = Table(
        table.name,
        plain,
        [
            [row[i] if i < len(row) else None for i in columns] + _extra(row, len(table.headers))
            for row in table.rows
        ],
        table.numbers,
    )
    incoming = records_from_table(narrowed, mapping, progress)
    index = {h.strip().casefold(): i for i, h in enumerate(table.headers)}
    inner_index = {_inner(h).casefold(): i for i, h in enumerate(table.headers)}
    id_column = next((inner_index[n] for n in _ISSUE_ID if n in inner_index), None)
    key_column = next(
        (i for i, h in enumerate(table.headers) if mapping.columns.get(h) == "key"), None
    )
    parent_column = next((inner_index[n] for n in _PARENT_ID if n in inner_index), None)
    epic_column = next((inner_index[n] for n in _EPIC_LINK if n in inner_index), None)
    key_of_id: dict[str, str] = {}
    if id_column is not None and key_column is not None:
        for row in table.rows:
            key_of_id[_cell(row, id_column)] = _cell(row, key_column)
    for record, row in zip(incoming.records, table.rows, strict=True):
        if "description" in record.values:
            record.values["description"] = wiki_to_markdown(str(record.values["description"]))
        parent = _cell(row, parent_column) if parent_column is not None else ""
        parent = key_of_id.get(parent, parent)
        if not parent and epic_column is not None:
            parent = _cell(row, epic_column)
        if parent_column is not None or epic_column is not None:
            record.values["parent"] = parent
    for header, column in index.items():
        found = _LINK_COLUMN.match(header)
        if not found or key_column is None:
            continue
        kind = _LINK_TYPES.get(found.group(2).strip().casefold(), "relates_to")
        outward = found.group(1).casefold() == "outward"
        for row, number in zip(table.rows, table.numbers, strict=True):
            other, this = _cell(row, column), _cell(row, key_column)
            if other and this:
                source, target = (this, other) if outward else (other, this)
                incoming.links.append(
                    LinkRecord(f"row {number}", source, target, kind, optional=True)
                )
    _drop_twins(incoming)
    return incoming


def _drop_twins(incoming: Incoming) -> None:
    """Jira lists a link on both issues (outward on one, inward on the other)."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for link in incoming.links:
        triple = (link.source, link.target, link.type)
        if link.type == "relates_to" and (link.target, link.source, link.type) in seen:
            continue
        if triple not in seen:
            seen.add(triple)
            kept.append(link)
    incoming.links[:] = kept


def _extra(row: list[object], width: int) -> list[object]:
    return list(row[width:]) if len(row) > width else []


def _cell(row: list[object], column: int) -> str:
    return as_text(row[column]) if column < len(row) else ""
