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
from pmdesk.export.heading_numbers import nested_levels


def nest_headings(blocks: Sequence[Block], parent_level: int) -> None:
    """Renumber the levels of the top-level headings in `blocks` in place (the
    preview numbers them by the same rule, `heading_numbers.nested_levels`).

    Headings inside quotes and lists are not in the contents and keep theirs.
    """
    headings = [block for block in blocks if isinstance(block, Heading)]
    for heading, depth in zip(headings, nested_levels([h.level for h in headings]), strict=True):
        heading.level = parent_level + depth
