"""A PRD's ```` ```pmdesk personas ```` blocks, in the exports (`persona_blocks`)
and the preview (`persona_html`):

    personas                              a card per persona: the avatar (photo, or
                                          initials in a coloured circle), name, role,
                                          share of users, then goals, pain points and
                                          scenarios (their Markdown kept: lists, bold)
    personas stories release=v1.0         the requirements that name each persona,
                                          a table per persona, then the user stories
                                          that name none (the usual filter terms apply)

A card is a picture and a two-column table, so it reads the same in Word, PDF
and Markdown, and its text stays text (searchable, translatable, editable).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from pmdesk.core.domain.directives import PersonasDirective
from pmdesk.core.domain.vocabulary import FIELD_TERMS, PERSONA_TEXTS
from pmdesk.core.queries.content import RequirementRow, all_requirement_rows, select_rows
from pmdesk.core.queries.requirements import persona_of_requirements
from pmdesk.core.queries.setup import PersonaRecord, personas
from pmdesk.export.doc import (
    LINE_BREAK,
    Block,
    Image,
    ListBlock,
    Paragraph,
    Run,
    Runs,
    Table,
    plain_text,
    requirement_anchor,
)
from pmdesk.export.html_tables import TABLE_OPEN
from pmdesk.export.labels import value_label
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.persona_avatar import avatar_png
from pmdesk.export.text_safety import strip_illegal_chars

AVATAR = 64  # pixels: about 1.7 cm in a document (pictures are never enlarged)
STRIP = 640  # pixels: the avatar's strip, as wide as an A4 page's text

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "none": "项目还没有用户画像（项目 ▸ 用户画像…）。",
        "stories": "用户画像「{name}」的需求",
        "no_stories": "还没有需求指向这个用户画像。",
        "unassigned": "未指定用户画像的用户故事",
        "key": "编号",
        "title": "标题",
        "status": "状态",
        "priority": "优先级",
        "release": "版本",
        "separator": "，",
    },
    "en": {
        "none": "The project has no personas yet (Project ▸ Personas…).",
        "stories": "Requirements for {name}",
        "no_stories": "No requirement names this persona yet.",
        "unassigned": "User stories without a persona",
        "key": "Key",
        "title": "Title",
        "status": "Status",
        "priority": "Priority",
        "release": "Release",
        "separator": ", ",
    },
}


def _lang(language: str) -> str:
    return language if language in _TEXT else "en"


def _clean(text: str) -> str:
    return strip_illegal_chars(text).strip()


def markdown_runs(text: str) -> Runs:
    """A persona's Markdown text as runs for a table cell: paragraphs and list
    items on lines of their own ("• " or "1. " before an item), looks kept."""
    lines: list[Runs] = []

    def walk(blocks: Sequence[Block], depth: int) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                lines.append(list(block.runs))
            elif isinstance(block, ListBlock):
                for n, item in enumerate(block.items, start=block.start):
                    mark = f"{n}. " if block.ordered else "• "
                    before = len(lines)
                    walk(item.blocks, depth + 1)
                    indent = "    " * depth
                    if len(lines) > before:
                        lines[before] = [Run(indent + mark), *lines[before]]
                    else:
                        lines.append([Run(indent + mark)])
            elif isinstance(block, Table):
                for row in block.rows:
                    lines.append([Run(" | ".join(plain_text(cell) for cell in row))])
            else:
                found = getattr(block, "text", None) or getattr(block, "runs", None)
                if isinstance(found, str):
                    lines.append([Run(found)])
                elif isinstance(found, list):
                    lines.append(list(found))

    walk(MarkdownReader().read(text, headings=False), 0)
    runs: Runs = []
    for line in lines:
        if runs:
            runs.append(LINE_BREAK)
        runs += [r for r in line if r.text != "\n" or r is LINE_BREAK]
    return runs


# -- the cards ----------------------------------------------------------------------


def _card(persona: PersonaRecord, index: int, language: str) -> list[Block]:
    lang = _lang(language)
    name = _clean(persona.name)
    blocks: list[Block] = [
        Image(
            avatar_png(name, persona.uid, persona.photo, AVATAR, STRIP),
            STRIP,
            AVATAR,
            name=f"persona-{index + 1}",
        ),
        Paragraph([Run(name, bold=True)], style="label"),
    ]
    # The role and share lead the table: a label keeps with what follows it, so
    # the card's name, facts and texts stay together on a page as far as they fit.
    rows: list[list[Runs]] = []

    def fact(field: str, value: Runs) -> None:
        rows.append([[Run(FIELD_TERMS[field].in_document(lang), bold=True)], value])

    if persona.role.strip():
        fact("role", [Run(_clean(persona.role))])
    if persona.share is not None:
        fact("share", [Run(f"{persona.share:g}%")])
    for field in PERSONA_TEXTS:
        text = getattr(persona, field)
        if text.strip():
            fact(field, markdown_runs(text))
    if rows:
        blocks.append(Table([], rows, widths=[1.0, 4.2], kind="facts"))
    return blocks


# -- the stories --------------------------------------------------------------------


@dataclass
class StoryGroup:
    """A persona (None: the user stories that name none) and its requirements."""

    persona: PersonaRecord | None
    rows: list[RequirementRow]


def story_groups(conn: Connection, directive: PersonasDirective) -> list[StoryGroup]:
    """Each persona in the list's order with the requirements naming it (tree
    order, the directive's filter applied), then the user stories naming none."""
    owner = persona_of_requirements(conn)
    rows = select_rows(all_requirement_rows(conn), directive.filter)
    groups = [StoryGroup(p, [r for r in rows if owner.get(r.uid) == p.uid]) for p in personas(conn)]
    unassigned = [r for r in rows if r.uid not in owner and r.kind == "story"]
    if unassigned:
        groups.append(StoryGroup(None, unassigned))
    return groups


def _story_table(rows: Sequence[RequirementRow], language: str, caption: str) -> Table:
    text = _TEXT[_lang(language)]
    header = [[Run(text[c])] for c in ("key", "title", "status", "priority", "release")]
    body = [
        [
            [Run(r.key, href="#" + requirement_anchor(r.key))],
            [Run(_clean(r.title))],
            [Run(value_label("status", r.status, language))],
            [Run(value_label("priority", r.priority, language))] if r.priority else [],
            [Run(_clean(r.release or ""))] if r.release else [],
        ]
        for r in rows
    ]
    return Table(header, body, widths=[1.0, 3.4, 0.9, 0.9, 0.9], caption=caption)


# -- the exports --------------------------------------------------------------------


def persona_blocks(conn: Connection, directive: PersonasDirective, language: str) -> list[Block]:
    """The block in a document: the cards, or the requirements of each persona."""
    lang = _lang(language)
    text = _TEXT[lang]
    if not directive.stories:
        found = personas(conn)
        if not found:
            return [Paragraph([Run(text["none"], italic=True)])]
        return [b for i, p in enumerate(found) for b in _card(p, i, lang)]
    blocks: list[Block] = []
    for group in story_groups(conn, directive):
        persona = group.persona
        title = (
            text["unassigned"]
            if persona is None
            else text["stories"].format(name=_clean(persona.name))
        )
        if group.rows:  # the table's numbered caption names the persona
            blocks.append(_story_table(group.rows, lang, title))
            continue
        blocks.append(Paragraph([Run(title, bold=True)], style="label"))
        blocks.append(Paragraph([Run(text["no_stories"], italic=True)]))
    if not blocks:
        return [Paragraph([Run(text["none"], italic=True)])]
    return blocks


# -- the preview --------------------------------------------------------------------


def _runs_html(runs: Runs) -> str:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append("<br>")
            continue
        piece = html.escape(run.text)
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.code:
            piece = f"<code>{piece}</code>"
        out.append(piece)
    return "".join(out)


def persona_html(conn: Connection, directive: PersonasDirective, language: str) -> str:
    """The block in the preview: cards as small tables with the avatar (an inline
    data: picture the preview draws itself), or a table of requirements per persona."""
    lang = _lang(language)
    out: list[str] = []
    for block in persona_blocks(conn, directive, lang):
        if isinstance(block, Image):
            data = base64.b64encode(block.png).decode("ascii")
            side = AVATAR * 3 // 4  # the preview's strip: the avatar alone, on the left
            out.append(
                f'<p><img src="data:image/png;base64,{data}" width="{side * STRIP // AVATAR}" '
                f'height="{side}"></p>'
            )
        elif isinstance(block, Paragraph):
            tag = "p"
            inner = _runs_html(block.runs)
            if block.style == "note":
                inner = f'<span style="color:#666">{inner}</span>'
            out.append(f"<{tag}>{inner}</{tag}>")
        elif isinstance(block, Table):
            rows = []
            if block.header:
                cells = "".join(f"<th>{_runs_html(c)}</th>" for c in block.header)
                rows.append(f"<tr>{cells}</tr>")
            for row in block.rows:
                cells = "".join(f'<td valign="top">{_runs_html(c)}</td>' for c in row)
                rows.append(f"<tr>{cells}</tr>")
            if block.caption:
                out.append(f"<p><b>{html.escape(block.caption)}</b></p>")
            out.append(TABLE_OPEN + "".join(rows) + "</table>")
    return "".join(out)
