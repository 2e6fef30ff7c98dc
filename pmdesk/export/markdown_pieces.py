"""The shortcut of the Markdown reader: a text cut at blank lines into pieces that
read alone as they read in the whole text, and a piece without any Markdown as one
paragraph without the parser.

Apart from `markdown_blocks` because it is a speed-up with its own rules (10,000
descriptions repeat many lists and sentences: `MarkdownReader` reads each distinct
piece once); the blocks are the same as a whole read's (tests/export/test_markdown_pieces.py).
"""

from __future__ import annotations

import re

from pmdesk.export.doc import Paragraph, Run
from pmdesk.export.markdown_runs import _CJK

# What makes one stretch of a text depend on another across a blank line: a fence or an
# indented line (code and list items go on over blank lines), a link reference definition
# or a footnote (used anywhere in the text), a comment, a carriage return (not a line end).
# Substring tests, each a fast scan (one regex of alternatives tries each at every
# character): 10,000 descriptions are asked.
_SPANS_BLANK_LINES = ("```", "~~~", "]:", "[^", "^[", "<!--", "\r", "\n ", "\n\t")

_LIST_ITEM = re.compile(r"^(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{2,}")
# A paragraph without any of these is one run of text: no inline syntax, no URL.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>!&~|^$]|://|@|www\.", re.IGNORECASE)
_BLOCK_START = frozenset("-+*=#>|:~`_")  # a line starting so may be a list, heading, table…
_PIECES_KEPT = 8192


def _spans_blank_lines(text: str) -> bool:
    return text.startswith((" ", "\t")) or any(mark in text for mark in _SPANS_BLANK_LINES)


def _pieces(text: str) -> list[str] | None:
    """The text cut at blank lines into pieces that CommonMark reads alone as it reads
    them in the whole text, or None when it cannot be cut safely.

    Cut only where nothing goes on over a blank line: no line is indented (code, an
    item's second paragraph), no fence, no link reference definition, footnote or
    comment; and a piece that starts a list item stays with the piece before when
    that holds a list (the list would go on, and be loose)."""
    if _spans_blank_lines(text):
        return None
    pieces: list[str] = []
    listed = False  # the last piece holds a list item
    for chunk in _BLANK_LINES.split(text.strip("\n")):
        starts_item = _LIST_ITEM.match(chunk) is not None
        if pieces and starts_item and listed:
            pieces[-1] += "\n\n" + chunk
        else:
            pieces.append(chunk)
            listed = False
        listed = listed or starts_item or _LIST_ITEM.search(chunk) is not None
    return pieces


def _plain_paragraph(piece: str) -> Paragraph | None:
    """The paragraph a piece is when it holds no Markdown at all (lines of words
    without markup, URLs or a line start that could open a block), else None. Its
    lines join as a soft line break joins them (`_soften`)."""
    if _INLINE_SYNTAX.search(piece):
        return None
    lines = piece.split("\n")
    for line in lines:
        if not line or line != line.strip() or line[0] in _BLOCK_START or line[0].isdigit():
            return None
    text = lines[0]
    for line in lines[1:]:
        joined = "" if _CJK.match(text[-1]) and _CJK.match(line[0]) else " "
        text += joined + line
    return Paragraph([Run(text)], "body")
