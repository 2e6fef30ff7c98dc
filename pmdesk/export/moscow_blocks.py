"""A PRD's ```` ```pmdesk moscow ```` block: per release, its requirements by
MoSCoW priority (Must, Should, Could, Won't, not assessed) with their effort,
the release's capacity against its planned effort, and a warning line when the
Musts alone exceed it; in the exports (`moscow_blocks`) and the preview
(`moscow_html`).

    moscow release="v1.0"      that release
    moscow kind=feature        every release (and "No release"), features only

The load is the MoSCoW board's (pmdesk.core.analysis.moscow): the whole
release's, whatever the filter keeps in the table, since the capacity is the
release's; rejected requirements are left out, like on the board.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection

from pmdesk.core.analysis.moscow import BoardCard, MoscowBoard, ReleaseLoad, moscow_board
from pmdesk.core.domain.directive_filter import Filter
from pmdesk.core.domain.directives import MoscowDirective
from pmdesk.core.domain.vocabulary import NOT_ASSESSED, PRIORITIES, PRIORITY_TERMS
from pmdesk.core.queries.content import release_names, requirements_for
from pmdesk.export.doc import Block, Paragraph, Run, Runs, Table
from pmdesk.export.html_tables import values_table_html
from pmdesk.export.labels import join_names
from pmdesk.export.text_safety import strip_illegal_chars

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "priority": "MoSCoW",
        "key": "编号",
        "title": "标题",
        "effort": "投入（人月）",
        "caption": "版本 {release} 的 MoSCoW 优先级",
        "no_release": "未分配版本",
        "caption_none": "未分配版本的需求的 MoSCoW 优先级",
        "capacity": "版本 {release}：容量 {capacity} 人天；"
        "计划投入 {effort} 人天，其中 Must {musts} 人天。",
        "no_capacity": "版本 {release}：未设容量；计划投入 {effort} 人天，其中 Must {musts} 人天。",
        "unestimated": "另有 {count} 项需求未估算投入，未计入。",
        "over": "⚠ 仅 Must 需求就需要 {musts} 人天，超出版本容量 {capacity} 人天。",
        "empty": "版本 {release} 中没有符合条件的需求。",
        "none": "没有符合条件的需求。",
        "unknown": "项目中没有名为「{name}」的版本（现有版本：{names}）。",
    },
    "en": {
        "priority": "MoSCoW",
        "key": "Key",
        "title": "Title",
        "effort": "Effort (person-months)",
        "caption": "MoSCoW priorities of release {release}",
        "no_release": "No release",
        "caption_none": "MoSCoW priorities of the requirements in no release",
        "capacity": "Release {release}: capacity {capacity} person-days; "
        "planned effort {effort} person-days, of which Musts {musts}.",
        "no_capacity": "Release {release}: no capacity set; planned effort {effort} person-days, "
        "of which Musts {musts}.",
        "unestimated": "{count} more requirements have no effort estimate and are not counted.",
        "over": "⚠ The Musts alone need {musts} person-days, more than the release's capacity "
        "of {capacity}.",
        "empty": "No requirement of release {release} matches.",
        "none": "No requirements match.",
        "unknown": "The project has no release named “{name}” (releases: {names}).",
    },
}
GROUPS = (*PRIORITIES, None)  # the table's order: Must … Won't, then not assessed


@dataclass
class ReleaseMoscow:
    """One release's part of the block, in one language."""

    caption: str
    rows: list[list[str]] = field(default_factory=list)  # priority, key, title, effort
    load: str = ""
    over: str = ""  # the warning, when the Musts exceed the capacity
    empty: str = ""  # said instead of an empty table


@dataclass
class MoscowContent:
    header: list[str]
    releases: list[ReleaseMoscow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # releases named but not found
    empty: str = ""


def _days(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")


def _months(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _priority(priority: str | None, lang: str) -> str:
    term = PRIORITY_TERMS.get(priority or "", NOT_ASSESSED)
    return term.in_document(lang)


def _release_part(
    cards: list[BoardCard],
    load: ReleaseLoad | None,
    caption: str,
    lang: str,
    empty: str,
    release: str = "",
) -> ReleaseMoscow:
    """A release's rows, grouped by priority, and its load (None: no release,
    no capacity to weigh it against)."""
    text = _TEXT[lang]
    part = ReleaseMoscow(caption)
    for group in GROUPS:
        members = [c for c in cards if c.priority == group]
        for n, card in enumerate(members):
            first = _priority(group, lang) if n == 0 else ""
            title = strip_illegal_chars(card.title)
            part.rows.append([first, card.key, title, _months(card.effort)])
    if not part.rows:
        part.empty = empty
    if load is None:
        return part
    figures = {"effort": _days(load.effort), "musts": _days(load.musts), "release": release}
    if load.capacity is None:
        part.load = text["no_capacity"].format(**figures)
    else:
        part.load = text["capacity"].format(capacity=_days(load.capacity), **figures)
    if load.unestimated:
        part.load += " " if lang == "en" else ""
        part.load += text["unestimated"].format(count=load.unestimated)
    if load.over and load.capacity is not None:
        part.over = text["over"].format(musts=_days(load.musts), capacity=_days(load.capacity))
    return part


def moscow_content(conn: Connection, directive: MoscowDirective, language: str) -> MoscowContent:
    lang = language if language in _TEXT else "en"
    text = _TEXT[lang]
    board: MoscowBoard = moscow_board(conn)
    header = [text["priority"], text["key"], text["title"], text["effort"]]
    content = MoscowContent(header, empty=text["none"])
    kept = board.cards
    if directive.filter.terms:
        wanted = {row.uid for row in requirements_for(conn, directive.filter)}
        kept = tuple(c for c in board.cards if c.uid in wanted)
    named = [v for v in directive.filter.values_of("release") if v]
    known = {_fold(r.name): r for r in board.releases}
    content.problems = unknown_releases(conn, directive.filter, lang)
    asked = {known[_fold(n)].uid for n in named if _fold(n) in known}
    for release in board.releases:
        cards = [c for c in kept if c.release == release.uid]
        if not cards and release.uid not in asked:
            continue
        name = strip_illegal_chars(release.name)
        content.releases.append(
            _release_part(
                cards,
                board.load(release.uid),
                text["caption"].format(release=name),
                lang,
                text["empty"].format(release=name),
                name,
            )
        )
    loose = [c for c in kept if c.release is None]
    if loose:
        content.releases.append(
            _release_part(loose, None, text["caption_none"], lang, text["none"])
        )
    return content


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def unknown_releases(conn: Connection, terms: Filter, language: str) -> list[str]:
    """A sentence for each release a block's filter names that the project does
    not have (the `requirements` block's words): a typo, not an empty table."""
    asked = [v for v in terms.values_of("release") if v]
    if not asked:
        return []
    known = release_names(conn)
    folded = {_fold(n) for n in known}
    text = _TEXT[language if language in _TEXT else "en"]["unknown"]
    names = join_names(known, language)
    return [text.format(name=n, names=names) for n in asked if _fold(n) not in folded]


# -- the exports ----------------------------------------------------------------


def moscow_blocks(
    conn: Connection,
    directive: MoscowDirective,
    language: str,
    error: Callable[[str], Block],
) -> list[Block]:
    """The block in a document: per release the load line, the warning in bold
    and a table (its caption numbered by the document); `error(sentence)` makes
    the builder's problem line (a release the project does not have)."""
    content = moscow_content(conn, directive, language)
    blocks: list[Block] = [error(problem) for problem in content.problems]
    if not content.releases:
        return [*blocks, Paragraph([Run(content.empty, italic=True)])]
    header: list[Runs] = [[Run(h)] for h in content.header]
    for part in content.releases:
        # What the release can take comes first: the warning is what a reader must see.
        if part.load:
            blocks.append(Paragraph([Run(part.load)]))
        if part.over:
            blocks.append(Paragraph([Run(part.over, bold=True)]))
        if part.rows:
            rows: list[list[Runs]] = [
                [
                    [Run(row[0], bold=True)] if row[0] else [],
                    [Run(row[1])],
                    [Run(row[2])],
                    [Run(row[3])],
                ]
                for row in part.rows
            ]
            align = ["left", "left", "left", "right"]
            widths = [1.1, 1.1, 3.4, 1.7]
            blocks.append(Table(header, rows, widths=widths, align=align, caption=part.caption))
        else:
            blocks.append(Paragraph([Run(part.empty, italic=True)]))
    return blocks


# -- the preview ----------------------------------------------------------------


def moscow_html(conn: Connection, directive: MoscowDirective, language: str) -> str:
    """The block in the preview: the same tables and lines as HTML."""
    from pmdesk.export.markdown_html import error_html

    content = moscow_content(conn, directive, language)
    lang = language if language in _TEXT else "en"
    out = "".join(error_html(p, language=lang) for p in content.problems)
    if not content.releases:
        return out + f"<p><i>{html.escape(content.empty)}</i></p>"
    for part in content.releases:
        if part.load:
            out += f"<p>{html.escape(part.load)}</p>"
        if part.over:
            out += f'<p style="color:#b00020"><b>{html.escape(part.over)}</b></p>'
        out += f"<p><b>{html.escape(part.caption)}</b></p>"
        if part.rows:
            out += values_table_html(content.header, part.rows, frozenset({3}))
        else:
            out += f"<p><i>{html.escape(part.empty)}</i></p>"
    return out
