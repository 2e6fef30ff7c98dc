"""Numbered figures and tables: "图 1　路线图", "表 3　修订记录" (Figure 1. / Table 3.).

A Chinese PRD numbers its pictures and tables so reviewers can cite them. After
the tree is built, pictures get their number in their own caption (the renderers
print it under the picture) and each data table gets a caption line above it:
its own `caption`, else the bold line that introduces it ("**项目成员**", the last
one since the heading or the table before), else the heading it sits under. A
requirement's attribute table (`facts`) belongs to its heading and is not numbered.
"""

from __future__ import annotations

from pmdesk.export.doc import Block, Heading, Image, Paragraph, Run, Table, plain_text
from pmdesk.export.labels import TEXT

MAX_LEAD_IN = 40
"""Characters of a bold line that can still be a table's name."""


def number_captions(blocks: list[Block], language: str) -> list[Block]:
    """The top-level blocks with figure numbers set and table captions inserted."""
    text = TEXT[language]
    out: list[Block] = []
    figures = tables = 0
    heading = lead_in = ""
    for block in blocks:
        if isinstance(block, Heading):
            heading, lead_in = block.text, ""
        elif isinstance(block, Paragraph) and block.style == "label":
            lead_in = _lead_in(block)
        elif isinstance(block, Image) and block.caption:
            figures += 1
            block.caption = text["figure"].format(n=figures, caption=block.caption)
        elif isinstance(block, Table) and block.kind == "data":
            tables += 1
            title = block.caption or lead_in or heading
            caption = text["table"].format(n=tables, caption=title).rstrip()
            lead_in = ""
            out.append(Paragraph([Run(caption)], "caption"))
        out.append(block)
    return out


def _lead_in(block: Paragraph) -> str:
    """A bold line's text as a table's name ("项目成员：" → "项目成员")."""
    name = plain_text(block.runs).strip().rstrip("：:").strip()
    return name if len(name) <= MAX_LEAD_IN else ""  # a bold sentence names nothing
