"""A PRD's ```` ```pmdesk problems ```` block: the coverage checks' findings
(core.queries.trace.problems, the traceability window's Problems tab) as one
table grouped by check, with a line naming the checks that found nothing; in
the exports (`problem_blocks`) and the preview (`problem_html`).

    problems                                 every check, every requirement
    problems check=no_owner check=no_release those two checks
    problems check!=dependency_cycle release="v1.0"

A reviewer reads the block as the PRD's open points, so the checks that pass are
named too: "no problems" is a finding, not an empty space.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import Connection

from pmdesk.core.domain.directives import ProblemsDirective
from pmdesk.core.queries.content import requirements_for
from pmdesk.core.queries.trace import Problem, ProblemCode, problems
from pmdesk.export.doc import Block, Paragraph, Run, Runs, Table, requirement_anchor
from pmdesk.export.html_tables import values_table_html
from pmdesk.export.labels import join_names
from pmdesk.export.moscow_blocks import unknown_releases
from pmdesk.export.text_safety import strip_illegal_chars

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "check": "检查项",
        "key": "编号",
        "title": "标题",
        "detail": "详情",
        "caption": "覆盖检查发现的问题",
        "found": "{checks} 项覆盖检查共发现 {count} 个问题。",
        "passed": "未发现问题的检查：{names}。",
        "clean": "覆盖检查（{names}）均未发现问题。",
        "linked": "关联到 {keys}（已拒绝）",
        "story_no_acceptance": "没有验收标准的用户故事",
        "feature_no_stories": "没有用户故事的功能",
        "no_release": "未排入版本的需求",
        "no_owner": "没有负责人的需求",
        "link_to_rejected": "指向已拒绝需求的关联",
        "dependency_cycle": "循环依赖",
    },
    "en": {
        "check": "Check",
        "key": "Key",
        "title": "Title",
        "detail": "Detail",
        "caption": "Problems found by the coverage checks",
        "found": "{count} problems found by {checks} coverage checks.",
        "passed": "Checks that found no problem: {names}.",
        "clean": "The coverage checks ({names}) found no problem.",
        "linked": "linked to {keys} (rejected)",
        "story_no_acceptance": "Stories without acceptance criteria",
        "feature_no_stories": "Features without stories",
        "no_release": "Requirements without a release",
        "no_owner": "Requirements without an owner",
        "link_to_rejected": "Links to rejected requirements",
        "dependency_cycle": "Dependency cycles",
    },
}


def check_label(code: str, language: str) -> str:
    """A check's name as the document says it ("没有负责人的需求")."""
    return _TEXT[_lang(language)][code]


@dataclass
class ProblemGroup:
    code: str
    label: str  # the check's name and its count: "没有负责人的需求（3）"
    rows: list[list[str]] = field(default_factory=list)  # key, title, detail


@dataclass
class ProblemsContent:
    header: list[str]
    groups: list[ProblemGroup] = field(default_factory=list)  # checks that found some
    summary: str = ""
    passed: str = ""  # the checks that found nothing, in one sentence
    caption: str = ""
    notes: list[str] = field(default_factory=list)  # releases named but not found
    details: bool = False  # whether any row has a detail (else the column is left out)


def _lang(language: str) -> str:
    return language if language in _TEXT else "en"


def _detail(problem: Problem, lang: str) -> str:
    if problem.code == "link_to_rejected":
        return _TEXT[lang]["linked"].format(keys=", ".join(problem.others))
    if problem.code == "dependency_cycle" and problem.others:
        return " → ".join((*problem.others, problem.others[0]))
    return ""


def problems_content(
    conn: Connection,
    directive: ProblemsDirective,
    language: str,
    only: Collection[str] | None = None,
) -> ProblemsContent:
    """`only`: the problems of these requirements (an export of the tree's filter)."""
    lang = _lang(language)
    text = _TEXT[lang]
    found = problems(conn, cast(tuple[ProblemCode, ...], directive.checks))
    if only is not None:
        found = [p for p in found if p.uid in only]
    if directive.filter.terms:
        kept = {row.uid for row in requirements_for(conn, directive.filter)}
        found = [p for p in found if p.uid in kept]
    content = ProblemsContent(
        [text["check"], text["key"], text["title"], text["detail"]],
        caption=text["caption"],
        notes=unknown_releases(conn, directive.filter, lang),
    )
    passed: list[str] = []
    for code in directive.checks:
        mine = [p for p in found if p.code == code]
        if not mine:
            passed.append(text[code])
            continue
        count = f"（{len(mine)}）" if lang == "zh" else f" ({len(mine)})"
        group = ProblemGroup(code, text[code] + count)
        for problem in mine:
            detail = _detail(problem, lang)
            content.details = content.details or bool(detail)
            group.rows.append([problem.key, strip_illegal_chars(problem.title), detail])
        content.groups.append(group)
    names = join_names(passed, lang)
    if not content.groups:
        content.summary = text["clean"].format(names=names)
        return content
    content.summary = text["found"].format(count=len(found), checks=len(directive.checks))
    if passed:
        content.passed = text["passed"].format(names=names)
    return content


# -- the exports ----------------------------------------------------------------


def problem_blocks(
    conn: Connection,
    directive: ProblemsDirective,
    language: str,
    error: Callable[[str], Block],
    linked: Collection[str] = (),
    only: Collection[str] | None = None,
) -> list[Block]:
    """The block in a document: the summary, one table grouped by check (its
    caption numbered by the document), the checks that passed. A key in `linked`
    (requirements the document has a heading for) links to that heading; `only`
    keeps the problems of those requirements (uids)."""
    content = problems_content(conn, directive, language, only)
    blocks: list[Block] = [error(note) for note in content.notes]
    blocks.append(Paragraph([Run(content.summary)]))
    if not content.groups:
        return blocks
    columns = 4 if content.details else 3
    header: list[Runs] = [[Run(h)] for h in content.header[:columns]]
    rows: list[list[Runs]] = []
    for group in content.groups:
        for n, (key, title, detail) in enumerate(group.rows):
            href = "#" + requirement_anchor(key) if key in linked else None
            row: list[Runs] = [
                [Run(group.label, bold=True)] if n == 0 else [],
                [Run(key, href=href)],
                [Run(title)],
                [Run(detail)] if detail else [],
            ]
            rows.append(row[:columns])
    widths = [2.6, 1.0, 3.0, 2.0][:columns]
    blocks.append(Table(header, rows, widths=widths, caption=content.caption))
    if content.passed:
        blocks.append(Paragraph([Run(content.passed)], "note"))
    return blocks


# -- the preview ----------------------------------------------------------------


def problem_html(conn: Connection, directive: ProblemsDirective, language: str) -> str:
    """The block in the preview: the same lines and table as HTML."""
    from pmdesk.export.markdown_html import error_html

    lang = _lang(language)
    content = problems_content(conn, directive, lang)
    out = "".join(error_html(note, language=lang) for note in content.notes)
    out += f"<p>{html.escape(content.summary)}</p>"
    if not content.groups:
        return out
    columns = 4 if content.details else 3
    rows = [
        [group.label if n == 0 else "", *row][:columns]
        for group in content.groups
        for n, row in enumerate(group.rows)
    ]
    out += f"<p><b>{html.escape(content.caption)}</b></p>"
    out += values_table_html(content.header[:columns], rows, frozenset())
    if content.passed:
        out += f'<p style="color:#666666">{html.escape(content.passed)}</p>'
    return out
