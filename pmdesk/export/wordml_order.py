"""Schema order of WordprocessingML property elements.

Word reads `<w:rPr><w:color/><w:b/></w:rPr>` but the schema (ECMA-376, CT_RPr and
CT_PPrBase) fixes the order of the children, and a strict reader (Word's "unreadable
content" check, OOXML validators) rejects elements out of order. The renderer
builds properties from pieces (a table cell's grey, then bold), so the pieces are
put in schema order here once, instead of every caller knowing the order.
"""

from __future__ import annotations

import re
from functools import cache


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


RUN_ORDER = _names(
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)

PARAGRAPH_ORDER = _names(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
)

# One top-level element: self-closing, or with content up to its own end tag.
_ELEMENT = re.compile(r"<w:(\w+)\b[^>]*?/>|<w:(\w+)\b[^>]*>.*?</w:\2>", re.DOTALL)


def _sorted(xml: str, order: tuple[str, ...]) -> str:
    rank = {name: n for n, name in enumerate(order)}
    pieces = [(m.group(1) or m.group(2), m.group(0)) for m in _ELEMENT.finditer(xml)]
    seen: dict[str, str] = {}
    for name, piece in pieces:  # a later piece of the same name wins (an override)
        seen[name] = piece
    return "".join(seen[name] for name in sorted(seen, key=lambda n: rank.get(n, len(rank))))


@cache
def run_properties(xml: str) -> str:
    """The children of a w:rPr in schema order (the last of a repeated name wins)."""
    return _sorted(xml, RUN_ORDER)


@cache
def paragraph_properties(xml: str) -> str:
    """The children of a w:pPr in schema order (the last of a repeated name wins)."""
    return _sorted(xml, PARAGRAPH_ORDER)
