"""Page furniture for sections of other widths, and how much of the contents fits a page.

A landscape section (the roadmap) is wider than the portrait pages, so its header
and footer need their right tab stop at its own right margin: LibreOffice ignores
Word's margin-relative tab (`w:ptab`), and a shared header puts the title
mid-page. Each width gets its own copy of the header and footer parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.parts.hdrftr import FooterPart, HeaderPart

CONTENTS_TITLE_DXA = 1000  # the "Contents" title with its space
CONTENTS_LINE_DXA = {1: 470, 2: 350}  # a level-1 entry and a deeper one, with spacing
CONTENTS_LAST_PAGE_FILL = 0.5
"""Fewer levels when the last page of the contents would be less than this full."""


def furniture_for_width(word: WordDocument, section: object, old: int, new: int) -> dict[str, str]:
    """Copies of the header and footer parts `section` (a w:sectPr) refers to, with
    every tab stop at `old` twips moved to `new`: relationship id → new id."""
    part = word.part
    moved: dict[str, str] = {}
    for tag, kind, reltype in (
        ("w:headerReference", HeaderPart, RT.HEADER),
        ("w:footerReference", FooterPart, RT.FOOTER),
    ):
        for ref in section.findall(qn(tag)):  # type: ignore[attr-defined]
            rid = ref.get(qn("r:id"))
            if rid in moved or rid not in part.rels:
                continue
            source = part.related_parts[rid]
            copy = kind.new(part.package)
            copy._element = deepcopy(source.element)
            for stop in list(copy.element.iter(qn("w:tab"))):
                if stop.get(qn("w:pos")) == str(old) and stop.get(qn("w:val")) != "clear":
                    stop.set(qn("w:pos"), str(new))
                    # The style's own stop at the old place would catch the tab first.
                    cleared = deepcopy(stop)
                    cleared.set(qn("w:val"), "clear")
                    cleared.set(qn("w:pos"), str(old))
                    stop.addprevious(cleared)
            moved[rid] = part.relate_to(copy, reltype)
    return moved


def contents_depth(levels: Sequence[int], depth: int, page_height: int) -> int:
    """The deepest level (≤ `depth`, ≥ 1) whose contents fill their last page at
    least half, or fit one page: no contents spill a few lines onto a page of their own."""
    for level in range(depth, 1, -1):
        height = CONTENTS_TITLE_DXA + sum(
            CONTENTS_LINE_DXA[min(n, 2)] for n in levels if n <= level
        )
        pages = height / page_height
        if pages <= 1 or pages % 1 >= CONTENTS_LAST_PAGE_FILL:
            return level
    return 1
