"""A PRD's ```` ```pmdesk ranking ```` block: requirements ranked by score, as a
numbered table (rank, key, title, the model's inputs, score), in the exports
(`ranking_blocks`) and the preview (`ranking_html`).

    ranking by=rice top=20 release=v1.0    the top 20 of release v1.0 by RICE
    ranking                                 every scored requirement, by the
                                            project's own model

The scores are core's (pmdesk.core.analysis.scoring); requirements lacking an
input of the model are not ranked, and a line under the table says how many.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection

from pmdesk.core.analysis.scoring import Input, Ranking, ranking
from pmdesk.core.domain.directives import RankingDirective
from pmdesk.core.domain.vocabulary import INPUT_TERMS, SCORING_TERMS
from pmdesk.core.queries.content import requirements_for
from pmdesk.export.doc import Block, Paragraph, Run, Runs, Table
from pmdesk.export.html_tables import values_table_html
from pmdesk.export.labels import format_score
from pmdesk.export.text_safety import strip_illegal_chars

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "rank": "排名",
        "key": "编号",
        "title": "标题",
        "score": "得分",
        "caption": "按 {model} 排名",
        "caption_top": "按 {model} 排名（前 {top} 项）",
        "none": "还没有需求填齐 {model} 的各项输入，无法排名。",
        "unscored": "另有 {count} 项需求未填齐 {model} 的输入，未参与排名。",
    },
    "en": {
        "rank": "Rank",
        "key": "Key",
        "title": "Title",
        "score": "Score",
        "caption": "Requirements ranked by {model}",
        "caption_top": "Requirements ranked by {model} (top {top})",
        "none": "No requirement has every {model} input yet, so none can be ranked.",
        "unscored": "{count} more requirements lack a {model} input and are not ranked.",
    },
}


@dataclass
class RankingContent:
    """What a `ranking` block shows, in one language."""

    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    right: frozenset[int] = frozenset()  # the columns of figures (right-aligned)
    caption: str = ""
    empty: str = ""  # said instead of an empty table
    note: str = ""  # how many were left out for a missing input


def _input_name(item: Input, lang: str) -> str:
    if item.criterion:
        return strip_illegal_chars(item.name)
    term = INPUT_TERMS.get(item.name)
    return term.in_document(lang) if term is not None else item.name


def _input_text(item: Input) -> str:
    if item.value is None:
        return "—"
    if item.name == "rice.confidence":  # stored 0–1, read as a percentage
        return f"{item.value * 100:g}%"
    return format_score(item.value)


def ranking_content(conn: Connection, directive: RankingDirective, language: str) -> RankingContent:
    lang = language if language in _TEXT else "en"
    text = _TEXT[lang]
    keep = None
    if directive.filter.terms:
        keep = [row.uid for row in requirements_for(conn, directive.filter)]
    found: Ranking = ranking(conn, model=directive.model, top=directive.top, keep=keep)
    model = SCORING_TERMS[found.model].in_document(lang)
    if directive.top is not None:
        caption = text["caption_top"].format(model=model, top=directive.top)
    else:
        caption = text["caption"].format(model=model)
    note = text["unscored"].format(count=found.unscored, model=model) if found.unscored else ""
    if not found.rows:
        return RankingContent(caption=caption, empty=text["none"].format(model=model))
    inputs = found.rows[0].inputs
    header = [
        text["rank"],
        text["key"],
        text["title"],
        *(_input_name(i, lang) for i in inputs),
        text["score"],
    ]
    rows = [
        [
            str(r.rank),
            r.key,
            strip_illegal_chars(r.title),
            *(_input_text(i) for i in r.inputs),
            format_score(r.score),
        ]
        for r in found.rows
    ]
    figures = frozenset({0, *range(3, len(header))})
    widths = [0.6, 1.2, 3.2, *([1.0] * len(inputs)), 1.0]
    return RankingContent(header, rows, widths, figures, caption, note=note)


# -- the exports ----------------------------------------------------------------


def ranking_blocks(conn: Connection, directive: RankingDirective, language: str) -> list[Block]:
    """The block in a document: a numbered table with its caption, and a line
    saying how many requirements were left out for a missing input."""
    content = ranking_content(conn, directive, language)
    if not content.rows:
        return [Paragraph([Run(content.empty, italic=True)])]
    header: list[Runs] = [[Run(h)] for h in content.header]
    rows: list[list[Runs]] = [[[Run(cell)] if cell else [] for cell in row] for row in content.rows]
    align = ["right" if n in content.right else "left" for n in range(len(content.header))]
    blocks: list[Block] = [
        Table(header, rows, widths=content.widths, align=align, caption=content.caption)
    ]
    if content.note:
        blocks.append(Paragraph([Run(content.note, italic=True)]))
    return blocks


# -- the preview ----------------------------------------------------------------


def ranking_html(conn: Connection, directive: RankingDirective, language: str) -> str:
    """The block in the preview: the same table as HTML."""
    content = ranking_content(conn, directive, language)
    if not content.rows:
        return f"<p><i>{html.escape(content.empty)}</i></p>"
    table = values_table_html(content.header, content.rows, content.right)
    out = f"<p><b>{html.escape(content.caption)}</b></p>"
    out += table
    if content.note:
        out += f"<p><i>{html.escape(content.note)}</i></p>"
    return out
