"""Numbered figures and tables: "图 1　路线图", "表 3　修订记录" (Figure 1. / Table 3.).

A Chinese PRD numbers its pictures and tables so reviewers can cite them. After
the tree is built, pictures get their number in their own caption (the renderers
print it under the picture) and each data table gets a caption line above it:
its own `caption`, else the heading it sits under. A requirement's attribute
table (`facts`) is part of that requirement's heading and is not numbered.
"""

from __future__ import annotations

from pmdesk.export.doc import Block, Heading, Image, Paragraph, Run, Table
from pmdesk.export.labels import TEXT


def number_captions(blocks: list[Block], language: str) -> list[Block]:
    """The top-level blocks with figure numbers set and table captions inserted."""
    text = TEXT[language]
    out: list[Block] = []
    figures = tables = 0
    heading = ""
    for block in blocks:
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Image) and block.caption:
            figures += 1
            block.caption = text["figure"].format(n=figures, caption=block.caption)
        elif isinstance(block, Table) and block.kind == "data":
            tables += 1
            caption = text["table"].format(n=tables, caption=block.caption or heading).rstrip()
            out.append(Paragraph([Run(caption)], "caption"))
        out.append(block)
    return out
