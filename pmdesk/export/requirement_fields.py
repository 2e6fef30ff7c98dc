"""The fields a `requirements` block names (`fields="status,owner,平台"`), resolved.

A name is a built-in field's code (`status`), its label in either language
(`状态`, `Status`, `Score` for the project's scoring model) or a custom field's
name, matched without regard to case; a name that is none of them is one
sentence naming what the project has. The document and the preview both show
what `chosen` resolves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import Connection

from pmdesk.core.domain.directive_filter import DirectiveError
from pmdesk.core.domain.directives import RequirementsDirective
from pmdesk.core.domain.vocabulary import FIELD_TERMS, LANGUAGES
from pmdesk.export.custom_facts import CustomFacts
from pmdesk.export.doc import Block, Paragraph, Run
from pmdesk.export.prd_requirements import (
    ATTRIBUTE_FIELDS,
    CUSTOM,
    TABLE_COLUMNS,
    RequirementContext,
    clean,
    facts_table,
    requirements_table,
)

_ALIASES = {"score": "rice", "得分": "rice", "评分": "rice"}


def resolve(names: Sequence[str], custom: CustomFacts) -> tuple[str, ...]:
    """Each name as a field of `RequirementContext.fields` (`CUSTOM` + uid for a custom one)."""
    by_name: dict[str, str] = {}
    for field in ATTRIBUTE_FIELDS:  # labels first: a code or custom name wins over them
        term = FIELD_TERMS[field]
        for label in (term.en, term.zh, *(term.in_document(lang) for lang in LANGUAGES)):
            by_name[label.casefold()] = field
    by_name.update(_ALIASES)
    by_name.update({name.casefold(): CUSTOM + uid for uid, name, _kind in custom.fields})
    by_name.update({field: field for field in ATTRIBUTE_FIELDS})
    found: list[str] = []
    for name in names:
        resolved = by_name.get(" ".join(name.split()).casefold())
        if resolved is None:
            known = ", ".join([*ATTRIBUTE_FIELDS, *(n for _uid, n, _kind in custom.fields)])
            raise DirectiveError(
                f"The project has no field {name!r}; fields: {known}.",
                f"项目中没有字段「{name}」；可用：{known}。",
            )
        if resolved not in found:
            found.append(resolved)
    return tuple(found)


def chosen(
    directive: RequirementsDirective, ctx: RequirementContext, conn: Connection
) -> RequirementContext:
    """`ctx` showing the fields `directive` names (unchanged when it names none)."""
    if not directive.fields:
        return ctx
    fields = resolve(directive.fields, ctx.custom)
    scores = ctx.scores
    if "rice" in fields and ctx.scoring != "rice" and not scores:  # not read for the export
        from pmdesk.core.analysis.scoring import scores_by_uid

        scores = scores_by_uid(conn)[1]
    return dataclasses.replace(ctx, fields=fields, all_custom=False, scores=scores)


def table_fields(directive: RequirementsDirective, ctx: RequirementContext) -> tuple[str, ...]:
    """The columns of a `requirements` table after key and title."""
    return ctx.fields if directive.fields else TABLE_COLUMNS


def preview_blocks(
    conn: Connection, directive: RequirementsDirective, language: str
) -> list[Block]:
    """What the preview shows of a block naming its fields: the table, or per requirement
    its title line and facts (the description is the export's; the preview stays light)."""
    from pmdesk.core.analysis.scoring import project_scoring
    from pmdesk.core.queries.content import all_requirement_rows, links_by_requirement, select_rows
    from pmdesk.export.markdown_blocks import MarkdownReader

    every = all_requirement_rows(conn)
    ctx = RequirementContext(
        language,
        (),
        links_by_requirement(conn),
        MarkdownReader(),
        {row.uid: row.parent_uid for row in every},
        project_scoring(conn).model,
        custom=CustomFacts.read(conn),
    )
    ctx = chosen(directive, ctx, conn)
    rows = select_rows(every, directive)
    if not rows:
        return []
    if not directive.detailed:
        return [requirements_table(rows, ctx, ctx.fields)]
    blocks: list[Block] = []
    for row in rows:
        blocks.append(Paragraph([Run(f"{row.key} {clean(row.title)}")], style="label"))
        table = facts_table(row, ctx)
        if table is not None:
            blocks.append(table)
    return blocks
