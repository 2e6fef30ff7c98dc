"""Heading levels without gaps: a section's headings nest directly under it.

Authors type `##` or `###` for a first sub-heading as they please; numbered
documents then read "4.1.1" with no "4.1". The shallowest heading of a section
becomes the section's level + 1 and each deeper one sits one level below the
heading it follows, whatever number of `#` was typed, so the .md, the .docx and
the PDF (which all read these levels) agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from pmdesk.export.doc import Block, Heading


def nest_headings(blocks: Sequence[Block], parent_level: int) -> None:
    """Renumber the levels of the top-level headings in `blocks` in place.

    Headings inside quotes and lists are not in the contents and keep theirs.
    """
    typed: list[int] = []  # the typed levels of the open headings, shallowest first
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        while typed and typed[-1] >= block.level:
            typed.pop()
        typed.append(block.level)
        block.level = parent_level + len(typed)
