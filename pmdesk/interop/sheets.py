"""A project as rows for a spreadsheet: requirements (tree order, with the parent's
key and the outline level), releases and links; headers in the project's language,
named so that an import guesses every column back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pmdesk.core.domain import vocabulary

Json = dict[str, Any]

REQUIREMENT_COLUMNS = (
    # field, English header, Chinese header, width
    ("key", "Key", "编号", 10),
    ("parent", "Parent", "父需求", 10),
    ("level", "Level", "大纲级别", 6),
    ("kind", "Kind", "类型", 12),
    ("title", "Title", "标题", 48),
    ("status", "Status", "状态", 10),
    ("priority", "Priority", "优先级", 12),
    ("kano", "Kano", "Kano 分类", 10),
    ("owner", "Owner", "负责人", 12),
    ("persona", "Persona", "用户画像", 14),
    ("tags", "Tags", "标签", 16),
    ("release", "Release", "版本", 12),
    ("lane", "Lane", "泳道", 12),
    ("horizon", "Horizon", "时间范围", 10),
    ("start", "Start", "开始日期", 12),
    ("end", "End", "结束日期", 12),
    ("reach", "Reach", "覆盖面", 8),
    ("impact", "Impact", "影响力", 8),
    ("confidence", "Confidence", "信心", 8),
    ("effort", "Effort", "工作量", 8),
    ("value", "Business value", "价值", 8),
    ("source", "Source", "来源", 14),
    ("description", "Description", "描述", 60),
    ("acceptance", "Acceptance criteria", "验收标准", 40),
    ("uid", "uid", "uid", 38),
)
RELEASE_COLUMNS = (
    ("name", "Name", "名称", 16),
    ("start", "Start", "开始日期", 12),
    ("end", "End", "结束日期", 12),
    ("status", "Status", "状态", 12),
    ("goal", "Goal", "目标", 40),
    ("capacity", "Capacity", "容量", 10),
)
LINK_COLUMNS = (("from", "From", "从", 12), ("type", "Type", "类型", 14), ("to", "To", "到", 12))
SHEET_TITLES = {
    "requirements": ("Requirements", "需求"),
    "releases": ("Releases", "版本"),
    "links": ("Links", "链接"),
}
_TERMS = {
    "kind": vocabulary.KIND_TERMS,
    "status": vocabulary.STATUS_TERMS,
    "priority": vocabulary.PRIORITY_TERMS,
    "kano": vocabulary.KANO_TERMS,
    "horizon": vocabulary.HORIZON_TERMS,
}


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: list[str]
    rows: list[list[Any]]
    widths: dict[int, float]


def _header(columns: tuple[tuple[str, str, str, int], ...], language: str) -> list[str]:
    return [zh if language == "zh" else en for _, en, zh, _ in columns]


def _walk(
    nodes: list[Json], parent: Json | None, level: int
) -> Iterator[tuple[Json, Json | None, int]]:
    for node in nodes:
        yield node, parent, level
        yield from _walk(node.get("children", []), node, level + 1)


CUSTOM = "custom:"  # a custom field's column id: custom:NAME (schema 9)
_BY_ID = {c[0]: c for c in REQUIREMENT_COLUMNS}


def custom_fields(snapshot: Json) -> list[Json]:
    """The project's custom fields (schema 9), in its order."""
    return list(snapshot.get("custom_fields", []))


def column_ids(snapshot: Json) -> list[str]:
    """Every column an export can hold, in the default order: pmdesk's fields, the
    custom fields (custom:NAME), then the uid."""
    ids = [c[0] for c in REQUIREMENT_COLUMNS if c[0] != "uid"]
    ids += [CUSTOM + f["name"] for f in custom_fields(snapshot)]
    return [*ids, "uid"]


def column_title(column: str, language: str) -> str:
    """The header of a column: the field's name in the language (an import guesses
    it back), a custom field's own name."""
    if column.startswith(CUSTOM):
        return column[len(CUSTOM) :]
    _, en, zh, _ = _BY_ID[column]
    return zh if language == "zh" else en


def _custom_text(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def requirement_sheet(
    snapshot: Json,
    language: str,
    *,
    dates: bool = False,
    columns: list[str] | None = None,
    only: set[str] | None = None,
) -> Sheet:
    """`dates`: dates as date values (a workbook), else ISO text (a CSV). `columns`:
    the column ids to write, in order (None: all, `column_ids`; unknown ones are
    left out); `only`: the uids of the requirements to write (a saved view's),
    still in tree order with their parent's key and outline level."""
    releases = {r["uid"]: r["name"] for r in snapshot.get("releases", [])}
    lanes = {r["uid"]: r["name"] for r in snapshot.get("lanes", [])}
    personas = {r["uid"]: r["name"] for r in snapshot.get("personas", [])}
    custom_uid = {CUSTOM + f["name"]: f["uid"] for f in custom_fields(snapshot)}
    wanted = column_ids(snapshot) if columns is None else columns
    chosen = [c for c in dict.fromkeys(wanted) if c in _BY_ID or c in custom_uid]
    rows: list[list[Any]] = []
    for node, parent, level in _walk(snapshot.get("requirements", []), None, 1):
        if only is not None and node["uid"] not in only:
            continue
        rice = node.get("rice") or {}
        row: list[Any] = []
        for name in chosen:
            value: Any
            if name in custom_uid:
                value = _custom_text((node.get("custom") or {}).get(custom_uid[name], ""))
            elif name == "parent":
                value = parent["key"] if parent else ""
            elif name == "level":
                value = level
            elif name in _TERMS:
                term = _TERMS[name].get(node.get(name) or "")
                value = (term.zh if language == "zh" else term.en) if term else ""
            elif name in ("tags",):
                value = ", ".join(node.get(name, []))
            elif name == "acceptance":
                value = "\n".join(node.get(name, []))
            elif name == "release":
                value = releases.get(node.get("release") or "", "")
            elif name == "lane":
                value = lanes.get(node.get("lane") or "", "")
            elif name == "persona":
                value = personas.get(node.get("persona") or "", "")
            elif name == "value":
                value = node.get("value")
            elif name in vocabulary.RICE_FIELDS:
                value = rice.get(name)
            elif name in ("start", "end"):
                value = node.get(name) or ""
                if dates and value:
                    value = dt.date.fromisoformat(value)
            else:
                value = node.get(name) or ""
            row.append(value)
        rows.append(row)
    title = SHEET_TITLES["requirements"][language == "zh"]
    widths = {i: float(_BY_ID[c][3] if c in _BY_ID else 16) for i, c in enumerate(chosen)}
    headers = [column_title(c, language) for c in chosen]
    return Sheet(title, headers, rows, widths)


def release_sheet(snapshot: Json, language: str, *, dates: bool = False) -> Sheet:
    rows = []
    for release in snapshot.get("releases", []):
        row: list[Any] = []
        for name, *_ in RELEASE_COLUMNS:
            value = release.get(name)
            if name == "status":
                term = vocabulary.RELEASE_STATUS_TERMS.get(value or "")
                value = (term.zh if language == "zh" else term.en) if term else ""
            elif name in ("start", "end") and value and dates:
                value = dt.date.fromisoformat(value)
            row.append("" if value is None else value)
        rows.append(row)
    widths = {i: float(c[3]) for i, c in enumerate(RELEASE_COLUMNS)}
    return Sheet(
        SHEET_TITLES["releases"][language == "zh"], _header(RELEASE_COLUMNS, language), rows, widths
    )


def link_sheet(snapshot: Json, language: str, *, only: set[str] | None = None) -> Sheet:
    """The links (`only`: those between two of these requirements)."""
    keys = {
        node["uid"]: node["key"] for node, _, _ in _walk(snapshot.get("requirements", []), None, 1)
    }
    rows = [
        [keys.get(lk["from"], ""), lk["type"], keys.get(lk["to"], "")]
        for lk in snapshot.get("links", [])
        if only is None or (lk["from"] in only and lk["to"] in only)
    ]
    widths = {i: float(c[3]) for i, c in enumerate(LINK_COLUMNS)}
    return Sheet(
        SHEET_TITLES["links"][language == "zh"], _header(LINK_COLUMNS, language), rows, widths
    )
