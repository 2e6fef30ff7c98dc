"""A PRD's ```` ```pmdesk view ```` block: the requirements of a saved view.

    view: 发布范围        the requirements the saved view "发布范围" shows

The view (schema 9) is the one a PM saved in the window: its filter picks the
requirements (core.views, the window's own evaluation, words found by the core's
search), listed in tree order with titles indented under the parents the table
shows; its backlog columns are the table's columns where the document can show
them (key and title always). A name no view has is said in one sentence naming
the views there are. Exports (`view_blocks`) and the preview (`view_html`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection

from pmdesk.core.domain.directives import SavedViewDirective
from pmdesk.core.domain.vocabulary import FIELD_TERMS
from pmdesk.core.queries.content import RequirementRow, all_requirement_rows
from pmdesk.core.queries.views import saved_views, view_named
from pmdesk.core.views.evaluate import view_uids
from pmdesk.export.doc import Block, Paragraph, Run, Runs, Table
from pmdesk.export.html_tables import values_table_html
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.prd_requirements import RequirementContext, value_text
from pmdesk.export.text_safety import strip_illegal_chars

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "caption": "视图「{name}」中的需求",
        "none": "视图「{name}」中没有需求。",
        "missing": "项目中没有名为「{name}」的已保存视图（现有视图：{names}）。",
        "no_views": "项目中没有名为「{name}」的已保存视图（还没有保存任何视图）。",
        "separator": "、",
    },
    "en": {
        "caption": "Requirements in view “{name}”",
        "none": "No requirement is in view “{name}”.",
        "missing": "There is no saved view named “{name}” (the views: {names}).",
        "no_views": "There is no saved view named “{name}” (none has been saved yet).",
        "separator": ", ",
    },
}
ErrorBlock = Callable[[str], Paragraph]  # the export's error paragraph (a problem listed)
# A backlog column → the document field showing it (start and end as one "dates").
_DOCUMENT_FIELD = {
    "key": "key",
    "title": "title",
    "kind": "kind",
    "status": "status",
    "priority": "priority",
    "kano": "kano",
    "owner": "owner",
    "release": "release",
    "lane": "lane",
    "start": "dates",
    "end": "dates",
    "tags": "tags",
    "source": "source",
    "persona": "persona",
}
DEFAULT_COLUMNS = ("key", "title", "status", "priority", "owner", "release")
_WIDTHS = {"key": 1.0, "title": 3.4, "dates": 1.6, "tags": 1.4}


@dataclass
class ViewContent:
    """What a `view` block shows, in one language."""

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    caption: str = ""
    empty: str = ""  # said instead of an empty table
    error: str = ""  # no such view


def document_columns(columns: tuple[str, ...]) -> list[str]:
    """A view's backlog columns as the document's fields, key and title first."""
    fields: list[str] = []
    for column in columns or DEFAULT_COLUMNS:
        name = _DOCUMENT_FIELD.get(column)
        if name is not None and name not in fields:
            fields.append(name)
    rest = [f for f in fields if f not in ("key", "title")]
    return ["key", "title", *rest]


def view_content(conn: Connection, directive: SavedViewDirective, language: str) -> ViewContent:
    lang = language if language in _TEXT else "en"
    text = _TEXT[lang]
    views = saved_views(conn)
    view = view_named(views, directive.name)
    name = strip_illegal_chars(directive.name)
    if view is None:
        if not views:
            return ViewContent(error=text["no_views"].format(name=name))
        names = text["separator"].join(strip_illegal_chars(v.name) for v in views)
        return ViewContent(error=text["missing"].format(name=name, names=names))
    name = strip_illegal_chars(view.name)
    wanted = set(view_uids(conn, view))
    every = all_requirement_rows(conn)
    rows = [r for r in every if r.uid in wanted]
    caption = text["caption"].format(name=name)
    if not rows:
        return ViewContent(caption=caption, empty=text["none"].format(name=name))
    fields = document_columns(view.columns)
    parents = {r.uid: r.parent_uid for r in every}
    ctx = RequirementContext(lang, tuple(fields), {}, MarkdownReader(), parents)
    shown = {r.uid for r in rows}
    body = [[_cell(row, f, ctx, shown) for f in fields] for row in rows]
    header = [FIELD_TERMS[f].in_document(lang) for f in fields]
    widths = [_WIDTHS.get(f, 0.9) for f in fields]
    return ViewContent(header, body, widths, caption)


def _cell(row: RequirementRow, name: str, ctx: RequirementContext, shown: set[str]) -> str:
    if name == "title":
        # Indented under the parents the table shows, as a `requirements` table does.
        depth, up = 0, ctx.parents.get(row.uid)
        while up is not None:
            depth += up in shown
            up = ctx.parents.get(up)
        return "\u00a0\u00a0\u00a0" * min(depth, 8) + strip_illegal_chars(row.title)
    if name == "persona":
        return strip_illegal_chars(row.persona or "")
    return value_text(row, name, ctx)


# -- the exports ----------------------------------------------------------------


def view_blocks(
    conn: Connection, directive: SavedViewDirective, language: str, error: ErrorBlock
) -> list[Block]:
    """The block in a document: the table with its caption; `error` words a
    missing view (listed among the export's problems)."""
    content = view_content(conn, directive, language)
    if content.error:
        return [error(content.error)]
    if not content.rows:
        return [Paragraph([Run(content.empty, italic=True)])]
    header: list[Runs] = [[Run(h)] for h in content.header]
    rows: list[list[Runs]] = [[[Run(cell)] if cell else [] for cell in row] for row in content.rows]
    return [Table(header, rows, widths=content.widths, caption=content.caption)]


# -- the preview ----------------------------------------------------------------


def view_html(conn: Connection, directive: SavedViewDirective, language: str) -> str:
    from pmdesk.export.markdown_html import error_html

    content = view_content(conn, directive, language)
    if content.error:
        return error_html(content.error, language=language)
    if not content.rows:
        return f"<p><i>{html.escape(content.empty)}</i></p>"
    caption = f"<p><b>{html.escape(content.caption)}</b></p>"
    return caption + values_table_html(content.header, content.rows, ())
