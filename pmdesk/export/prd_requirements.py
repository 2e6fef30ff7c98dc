"""Requirement content of the PRD: chapters by hierarchy, tables and detail blocks.

Everything here is built from `core.queries_content` rows, the same rows the
live preview shows, so the document and the window never disagree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pmdesk.core.domain.vocabulary import FIELD_TERMS
from pmdesk.core.queries.content import LinkEnd, RequirementRow
from pmdesk.export.custom_facts import CustomFacts
from pmdesk.export.doc import (
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Run,
    Runs,
    Table,
    requirement_anchor,
)
from pmdesk.export.labels import (
    FIELD_LABELS,
    NEEDS_REVIEW,
    format_score,
    link_phrase,
    value_label,
)
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.text_safety import strip_illegal_chars

ATTRIBUTE_FIELDS = (
    "kind",
    "status",
    "priority",
    "kano",
    "rice",
    "owner",
    "persona",
    "release",
    "dates",
    "lane",
    "tags",
    "source",
    "links",
)
"""Fields a requirement's attribute table can show, in the order it shows them."""

DEFAULT_FIELDS = ATTRIBUTE_FIELDS


MAX_HEADING_LEVEL = 6
"""Deeper requirements get a bold title line instead of a heading (Word lists 9 levels)."""

Tick = Callable[[], None]


@dataclass(frozen=True)
class RequirementContext:
    """What requirement blocks need besides the row itself."""

    language: str
    fields: tuple[str, ...]
    links: dict[str, list[LinkEnd]]
    reader: MarkdownReader
    parents: dict[str, str | None]
    """Every requirement's parent, for indenting filtered tables by their shown ancestors."""
    scoring: str = "rice"
    """The project's scoring model: the "rice" field shows its score (RICE, ICE, WSJF, weighted)."""
    scores: Mapping[str, float | None] = dataclasses.field(default_factory=dict)
    """Every requirement's score under `scoring`, when it is not RICE (core.analysis.scoring)."""
    checklists: dict[tuple[str, ...], tuple[Paragraph, ListBlock]] = dataclasses.field(
        default_factory=dict
    )
    """The acceptance criteria's blocks by their texts, made once per export."""
    custom: CustomFacts = dataclasses.field(default_factory=CustomFacts)
    """Schema 9: the project's custom fields and each requirement's values of them."""
    all_custom: bool = True
    """After `fields`, every custom field the requirement has a value for; False when a
    block names its fields (`fields="status,平台"`: `CUSTOM` + uid in `fields`)."""


CUSTOM = "custom:"
"""A custom field in `RequirementContext.fields` and table columns: "custom:<uid>"."""


def clean(text: str) -> str:
    return strip_illegal_chars(text)


def value_text(row: RequirementRow, field: str, ctx: RequirementContext) -> str:
    """One attribute as the document prints it ("" when not set)."""
    lang = ctx.language
    if field == "key":
        return row.key
    if field.startswith(CUSTOM):
        return ctx.custom.text(row.uid, field[len(CUSTOM) :], lang)
    if field in ("kind", "status", "priority", "kano"):
        return value_label(field, getattr(row, field), lang)
    if field == "rice":
        score = row.rice_score if ctx.scoring == "rice" else ctx.scores.get(row.uid)
        return "" if score is None else format_score(score)
    if field == "dates":
        if not (row.start or row.end):
            return ""
        return f"{row.start or '…'} – {row.end or '…'}"
    if field == "tags":
        return ("、" if lang == "zh" else ", ").join(row.tags)
    if field in ("owner", "source"):
        return clean(getattr(row, field))
    if field in ("release", "lane", "persona"):
        return clean(getattr(row, field) or "")
    raise ValueError(f"unknown field {field!r}")


# The field whose name and value a facts table shows for the project's scoring model.
_SCORE_FIELDS = {"rice": "rice", "ice": "ice", "wsjf": "wsjf", "weighted": "scores"}


def facts_table(row: RequirementRow, ctx: RequirementContext) -> Table | None:
    """The compact attribute table: two label/value pairs per row."""
    pairs: list[tuple[Runs, Runs]] = []
    for field in ("key", *ctx.fields):
        value = cell_runs(row, field, ctx)
        if value:
            pairs.append((label_runs(field, ctx), value))
    if ctx.all_custom:
        pairs += ctx.custom.pairs(row.uid, ctx.language)  # schema 9: after the built-in fields
    if not pairs:
        return None
    rows: list[list[Runs]] = []
    for i in range(0, len(pairs), 2):
        cells: list[Runs] = []
        for label, value in pairs[i : i + 2]:
            cells += [label, value]
        while len(cells) < 4:
            cells.append([])
        rows.append(cells)
    return Table([], rows, widths=[1.1, 2.4, 1.1, 2.4], kind="facts")


@lru_cache(maxsize=64)
def _fact_labels(language: str, scoring: str) -> dict[str, Runs]:
    """Each field's label cell in a facts table, bold (the same Run in every table)."""
    labels = dict(FIELD_LABELS[language])
    labels["rice"] = FIELD_TERMS[_SCORE_FIELDS.get(scoring, "rice")].in_document(language)
    return {field: [shared_run(label, bold=True)] for field, label in labels.items()}


def cell_runs(row: RequirementRow, field: str, ctx: RequirementContext) -> Runs:
    """One field's value as a table cell shows it (linked keys for `links`)."""
    return _link_runs(row, ctx) if field == "links" else _runs(value_text(row, field, ctx))


def label_runs(field: str, ctx: RequirementContext) -> Runs:
    """A field's name, bold: the built-in label, or a custom field's own name."""
    if field.startswith(CUSTOM):
        return [shared_run(ctx.custom.name(field[len(CUSTOM) :]), bold=True)]
    return _fact_labels(ctx.language, ctx.scoring)[field]


def _runs(text: str) -> Runs:
    return [shared_run(text)] if text else []


@lru_cache(maxsize=4096)
def shared_run(text: str, bold: bool = False) -> Run:
    """One `Run` object for a value that repeats in every requirement's table (a
    label, a status, an owner, a release): 10,000 requirements hold some 300,000
    table cells but a few thousand values (`Run` is frozen, so sharing is safe)."""
    return Run(text, bold=bold)


def _link_runs(row: RequirementRow, ctx: RequirementContext) -> Runs:
    """Each linked key is a link to that requirement's heading in the document."""
    grouped: dict[tuple[str, bool], list[str]] = {}
    suspect = set()
    for end in ctx.links.get(row.uid, []):
        grouped.setdefault((end.type, end.outgoing), []).append(end.other_key)
        if end.suspect:
            suspect.add(end.other_key)
    runs: Runs = []
    for (kind, outgoing), keys in grouped.items():
        if runs:
            runs.append(Run("；" if ctx.language == "zh" else "; "))
        phrase = link_phrase(kind, outgoing, keys, ctx.language)
        cursor = 0
        for key in keys:  # the phrase holds the keys in order; link each one
            at = phrase.index(key, cursor)
            runs += [Run(phrase[cursor:at]), Run(key, href="#" + requirement_anchor(key))]
            if key in suspect:
                runs.append(Run(NEEDS_REVIEW[ctx.language], bold=True))
            cursor = at + len(key)
        runs.append(Run(phrase[cursor:]))
    return [run for run in runs if run.text]


def body_blocks(row: RequirementRow, ctx: RequirementContext) -> list[Block]:
    """Description, then acceptance criteria as a checklist."""
    blocks: list[Block] = []
    if row.description.strip():
        blocks += ctx.reader.read(row.description, headings=False)
    criteria = tuple(clean(a) for a in row.acceptance if a.strip())
    if criteria:
        # One pair of blocks for each distinct list (requirements often share theirs),
        # so renderers can write it once.
        shared = ctx.checklists.get(criteria)
        if shared is None:
            label = Paragraph([shared_run(FIELD_LABELS[ctx.language]["acceptance"])], "label")
            items = [ListItem([Paragraph([Run(text)])], checked=False) for text in criteria]
            shared = ctx.checklists[criteria] = (label, ListBlock(False, items))
        blocks += shared
    return blocks


def requirement_chapter(
    rows: Sequence[RequirementRow],
    shown: set[str],
    full: set[str],
    ctx: RequirementContext,
    tick: Tick,
) -> list[Block]:
    """A heading per requirement in tree order (epic 2, feature 3, story 4, …).

    `shown` holds the uids in the chapter; those not in `full` are there only as
    parents of included requirements and get a heading without details.
    """
    blocks: list[Block] = []
    for row in rows:
        tick()
        if row.uid not in shown:
            continue
        title = f"{row.key} {clean(row.title)}".strip()
        level = row.depth + 2
        if level <= MAX_HEADING_LEVEL:
            blocks.append(Heading(level, title, anchor=requirement_anchor(row.key)))
        else:
            blocks.append(Paragraph([Run(title)], style="label"))
        if row.uid not in full:
            continue
        table = facts_table(row, ctx)
        if table is not None:
            blocks.append(table)
        blocks += body_blocks(row, ctx)
    return blocks


def included(rows: Sequence[RequirementRow], statuses: frozenset[str] | None) -> set[str]:
    """Uids whose status is wanted (all when `statuses` is None)."""
    if statuses is None:
        return {row.uid for row in rows}
    return {row.uid for row in rows if row.status in statuses}


def with_ancestors(rows: Sequence[RequirementRow], uids: set[str]) -> set[str]:
    """`uids` plus every ancestor of one of them, so the hierarchy stays readable."""
    parent = {row.uid: row.parent_uid for row in rows}
    result = set(uids)
    for uid in uids:
        up = parent.get(uid)
        while up is not None and up not in result:
            result.add(up)
            up = parent.get(up)
    return result


TABLE_COLUMNS = ("status", "priority", "owner", "release")
"""A `requirements` table's columns after key and title when the block names none."""


def requirements_table(
    rows: Sequence[RequirementRow],
    ctx: RequirementContext,
    fields: Sequence[str] = TABLE_COLUMNS,
) -> Table:
    """The overview table of a `requirements` block; titles indented under parents.
    `fields` are the columns after key and title (a custom field: `CUSTOM` + uid)."""
    if tuple(fields) != TABLE_COLUMNS:
        return _chosen_table(rows, ctx, fields)
    labels = FIELD_LABELS[ctx.language]
    columns = ("key", "title", *TABLE_COLUMNS)
    shown = {row.uid for row in rows}
    body: list[list[Runs]] = []
    for row in rows:
        # Indent under the parents the table shows: a row whose parent was filtered out
        # must not look like the child of the row above it.
        indent = "\u00a0\u00a0\u00a0" * min(_shown_ancestors(row, shown, ctx.parents), 8)
        cells: list[Runs] = [[Run(row.key)], [Run(indent + clean(row.title))]]
        cells += [[shared_run(value_text(row, f, ctx))] for f in columns[2:]]
        body.append(cells)
    header = [[Run(labels[c])] for c in columns]
    return Table(header, body, widths=[1.0, 3.6, 0.9, 0.8, 0.9, 0.8])


def _chosen_table(
    rows: Sequence[RequirementRow], ctx: RequirementContext, fields: Sequence[str]
) -> Table:
    """A `requirements` table of the fields its block names (`fields="status,平台"`)."""
    shown = {row.uid for row in rows}
    body: list[list[Runs]] = []
    for row in rows:
        indent = "\u00a0\u00a0\u00a0" * min(_shown_ancestors(row, shown, ctx.parents), 8)
        cells: list[Runs] = [[Run(row.key)], [Run(indent + clean(row.title))]]
        cells += [cell_runs(row, f, ctx) for f in fields]
        body.append(cells)
    header = [[Run(plain(label_runs(f, ctx)))] for f in ("key", "title", *fields)]
    title = max(2.0, 5.8 - 0.9 * len(fields))  # the title keeps room as columns are added
    return Table(header, body, widths=[1.0, title, *[_width(f) for f in fields]])


def _width(field: str) -> float:
    return {"links": 1.6, "tags": 1.2, "dates": 1.5, "source": 1.2}.get(field, 0.9)


def plain(runs: Runs) -> str:
    return "".join(run.text for run in runs)


def _shown_ancestors(row: RequirementRow, shown: set[str], parents: dict[str, str | None]) -> int:
    count, up = 0, parents.get(row.uid)
    while up is not None:
        count += up in shown
        up = parents.get(up)
    return count


def detailed_blocks(rows: Sequence[RequirementRow], ctx: RequirementContext) -> list[Block]:
    """The `detailed` view of a block: title line, attribute table, body per requirement."""
    blocks: list[Block] = []
    for row in rows:
        blocks.append(Paragraph([Run(f"{row.key} {clean(row.title)}")], style="label"))
        table = facts_table(row, ctx)
        if table is not None:
            blocks.append(table)
        blocks += body_blocks(row, ctx)
    return blocks


def index_table(rows: Sequence[RequirementRow], ctx: RequirementContext) -> Table:
    """The appendix list of every requirement in the document."""
    labels = FIELD_LABELS[ctx.language]
    columns = ("key", "title", "kind", "status", "priority", "owner", "release")
    body = [
        [[Run(row.key, href="#" + requirement_anchor(row.key))], [Run(clean(row.title))]]
        + [[shared_run(value_text(row, f, ctx))] for f in columns[2:]]
        for row in rows
    ]
    return Table(
        [[Run(labels[c])] for c in columns], body, widths=[1.0, 3.2, 0.9, 0.9, 0.8, 0.9, 0.8]
    )
