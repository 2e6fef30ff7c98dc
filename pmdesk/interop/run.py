"""Import and export as the command line and the window call them: read a
source in any format into incoming records, plan it against a project, and
write — a new project file, or one operation on an open project."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pmdesk.core.domain import vocabulary
from pmdesk.interop.csv_files import peek_headers, read_csv, write_csv
from pmdesk.interop.fields import as_text
from pmdesk.interop.incoming import Incoming, InteropError, LinkRecord, ReleaseRecord, Table
from pmdesk.interop.mapping import Mapping, custom_defaults, guess_mapping, records_from_table
from pmdesk.interop.plan import Existing, Plan, make_plan
from pmdesk.interop.progress import QUIET, Progress
from pmdesk.interop.sheets import link_sheet, release_sheet, requirement_sheet

Json = dict[str, Any]
Format = Literal["csv", "xlsx", "jira", "reqif"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "jira", "reqif")
_SUFFIXES: dict[str, Format] = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".reqif": "reqif",
    ".reqifz": "reqif",
}
IMPORT_SUFFIXES = frozenset(_SUFFIXES)
_JIRA_HEADERS = {"issue key", "summary", "issue type"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def guess_format(path: Path, given: str | None = None) -> Format:
    """The format named, else the extension's; a CSV with Jira's headers is Jira's."""
    if given in FORMATS:
        return given
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InteropError(
            f"{path.name}: cannot tell the format from the extension; "
            "add --format csv, xlsx, jira or reqif."
        )
    if found == "csv" and {h.casefold() for h in peek_headers(path)} >= _JIRA_HEADERS:
        return "jira"
    return found


@dataclass
class Source:
    """A file read and mapped: what the dialog previews and the import applies."""

    path: Path
    format: Format
    table: Table | None  # the table the mapping applies to (None: ReqIF)
    mapping: Mapping
    incoming: Incoming
    extra: Incoming | None = None  # releases and links from a workbook's other sheets


def read_source(
    path: Path, fmt: str | None = None, mapping: Mapping | None = None, progress: Progress = QUIET
) -> Source:
    """Read `path`; columns the given mapping leaves out are guessed from their headers."""
    if not path.exists():
        raise InteropError(f"{path}: no such file.")
    if path.is_dir():
        raise InteropError(f"{path} is a folder, not a file to import.")
    kind = guess_format(path, fmt)
    progress.stage("read")
    if kind == "reqif":
        from pmdesk.interop.reqif_read import read_reqif

        incoming = read_reqif(path)
        return Source(path, kind, None, mapping or Mapping(), incoming)
    extra = None
    if kind == "xlsx":
        from pmdesk.interop.xlsx_files import read_workbook

        sheets = read_workbook(path)
        table = _pick(sheets, ("requirements", "需求")) or next(iter(sheets.values()))
        extra = _workbook_extra(sheets, table)
    else:
        table = read_csv(path)
    chosen = _guessed(table, kind, mapping)
    if kind == "jira":
        from pmdesk.interop.jira import jira_records

        return Source(path, kind, table, chosen, jira_records(table, chosen, progress))
    return Source(path, kind, table, chosen, records_from_table(table, chosen, progress), extra)


def remap(source: Source, mapping: Mapping, progress: Progress = QUIET) -> Source:
    """The same file under another mapping (the dialog's edits)."""
    if source.table is None:
        return source
    if source.format == "jira":
        from pmdesk.interop.jira import jira_records

        return Source(
            source.path,
            source.format,
            source.table,
            mapping,
            jira_records(source.table, mapping, progress),
        )
    incoming = records_from_table(source.table, mapping, progress)
    return Source(source.path, source.format, source.table, mapping, incoming, source.extra)


def _pick(sheets: dict[str, Table], names: tuple[str, ...]) -> Table | None:
    for title, table in sheets.items():
        if title.strip().casefold() in names:
            return table
    return None


def _workbook_extra(sheets: dict[str, Table], main: Table) -> Incoming | None:
    """Releases (dates, status, goal) and links from a workbook's other sheets."""
    releases = _pick(sheets, ("releases", "版本"))
    links = _pick(sheets, ("links", "链接"))
    if (releases is None and links is None) or main in (releases, links):
        return None
    extra = Incoming(main.name, [])
    statuses = {
        _fold(n): v for v, t in vocabulary.RELEASE_STATUS_TERMS.items() for n in (v, t.en, t.zh)
    }
    if releases is not None:
        columns = {_fold(h): i for i, h in enumerate(releases.headers)}
        for cells, number in zip(releases.rows, releases.numbers, strict=True):

            def cell(*names: str, cells: list[Any] = cells) -> Any:
                for n in names:
                    if _fold(n) in columns and columns[_fold(n)] < len(cells):
                        return cells[columns[_fold(n)]]
                return None

            name = as_text(cell("name", "名称"))
            if not name:
                continue
            values: Json = {}
            for field, names in (("start", ("start", "开始日期")), ("end", ("end", "结束日期"))):
                text = as_text(cell(*names))
                if text:
                    values[field] = text[:10]
            status = statuses.get(_fold(as_text(cell("status", "状态"))))
            if status:
                values["status"] = status
            goal = as_text(cell("goal", "目标"))
            if goal:
                values["goal"] = goal
            capacity = cell("capacity", "容量")
            if isinstance(capacity, int | float) or as_text(capacity):
                try:
                    values["capacity"] = float(as_text(capacity))
                except ValueError:
                    raise InteropError(
                        f"{releases.name}, row {number}: "
                        f"capacity {as_text(capacity)!r} is not a number."
                    ) from None
            extra.releases.append(ReleaseRecord(name, values))
    if links is not None:
        columns = {_fold(h): i for i, h in enumerate(links.headers)}
        at = [columns.get(n) for n in ("from", "type", "to")]
        at = [
            a if a is not None else columns.get(z)
            for a, z in zip(at, ("从", "类型", "到"), strict=True)
        ]
        if None not in at:
            types = {
                _fold(n): v
                for (v, out), t in vocabulary.LINK_TERMS.items()
                if out
                for n in (v, t.en, t.zh, t.doc_en)
            }
            for cells, number in zip(links.rows, links.numbers, strict=True):
                texts = [as_text(cells[i]) if i is not None and i < len(cells) else "" for i in at]
                if any(texts):
                    kind = types.get(_fold(texts[1]), texts[1])
                    extra.links.append(
                        LinkRecord(f"{links.name}, row {number}", texts[0], texts[2], kind)
                    )
    return extra


def _fold(text: str) -> str:
    return text.strip().casefold()


def incoming_of(source: Source) -> Incoming:
    """The records with a workbook's releases and links added."""
    if source.extra is None:
        return source.incoming
    merged = Incoming(
        source.incoming.name,
        source.incoming.records,
        [*source.incoming.links, *source.extra.links],
        [*source.incoming.releases, *source.extra.releases],
        source.incoming.problems,
        source.incoming.not_imported,
        source.incoming.title,
        source.incoming.custom_kinds,
    )
    return merged


def plan_source(
    source: Source, snapshot: Json | Existing | None, progress: Progress = QUIET
) -> Plan:
    """What importing `source` into the project of `snapshot` (None: a new file; or
    the project as already read for planning) does."""
    if isinstance(snapshot, Existing):
        existing = snapshot
    else:
        existing = Existing.of(snapshot) if snapshot is not None else Existing.empty()
    return make_plan(incoming_of(source), existing, progress)


def guess_language(plan: Plan) -> str:
    sample = " ".join(r.title for r in plan.rows[:200])
    return "zh" if _CJK.search(sample) else "en"


def import_new(
    source: Source, target: Path, *, language: str | None = None, replace: bool = False
) -> Plan:
    """Write a new project file holding the source (keys and uids kept)."""
    from pmdesk.core.newproject.from_snapshot import import_snapshot
    from pmdesk.core.snapshot.check import check_snapshot

    plan = plan_source(source, None)
    plan.refuse_problems()
    title = source.incoming.title or source.path.stem
    snapshot = check_snapshot(plan.as_snapshot(language or guess_language(plan), title))
    import_snapshot(snapshot, target, replace=replace)
    return plan


def import_update(source: Source, target: Path) -> Plan:
    """Merge the source into the project file `target` by key or uid, through a
    working copy and an atomic save, as one edit in its history."""
    from pmdesk.core.project import Project
    from pmdesk.core.storage.projectfile import require_intact

    require_intact(target)
    project = Project.open(target)
    try:
        plan = plan_source(source, project.snapshot())
        plan.refuse_problems()
        if plan.created or plan.updated or plan.links or plan.new_releases:
            project.apply(plan.operation())
            project.save()
    finally:
        project.close(discard=True)
    return plan


def export_project(
    snapshot: Json,
    fmt: str,
    out: Path,
    language: str,
    *,
    zipped: bool = False,
    columns: list[str] | None = None,
    only: set[str] | None = None,
) -> int:
    """Write the project's requirements as csv, xlsx or reqif (`zipped`: .reqifz);
    returns how many. A spreadsheet holds `columns` (ids of sheets.column_ids, in
    order; None: all) of the requirements `only` names (None: all), as a saved
    view's export does; ReqIF always holds the whole tree and every attribute."""
    if fmt == "reqif":
        from pmdesk.interop.reqif_write import write_reqif

        return write_reqif(snapshot, out, zipped=zipped)
    if fmt == "csv":
        sheet = requirement_sheet(snapshot, language, columns=columns, only=only)
        write_csv(out, sheet.headers, sheet.rows)
        return len(sheet.rows)
    from pmdesk.interop.xlsx_write import write_xlsx

    sheets = [
        requirement_sheet(snapshot, language, dates=True, columns=columns, only=only),
        release_sheet(snapshot, language, dates=True),
        link_sheet(snapshot, language, only=only),
    ]
    headers = sheets[0].headers
    title, level = ("标题", "大纲级别") if language == "zh" else ("Title", "Level")
    write_xlsx(
        out,
        [(s.title, s.headers, s.rows, s.widths) for s in sheets],
        indent_column=headers.index(title) if title in headers and level in headers else -1,
        level_column=headers.index(level) if level in headers else -1,
    )
    return len(sheets[0].rows)


def mapping_for(source: Source, given: Mapping) -> Mapping:
    """A loaded MAP.json applied to this file: its columns, the rest guessed."""
    if source.table is None:
        return given
    return _guessed(source.table, source.format, given)


def _guessed(table: Table, fmt: Format, given: Mapping | None) -> Mapping:
    """Each column's field: the given mapping's, else guessed from its header, else
    a custom field of the header's name (what pmdesk has no field for is kept)."""
    if fmt == "jira":
        from pmdesk.interop.jira import jira_custom_defaults, jira_mapping

        return jira_custom_defaults(jira_mapping(table.headers, given), table.headers, given)
    return custom_defaults(guess_mapping(table.headers, given), table.headers, given)
