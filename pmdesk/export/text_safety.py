"""What user text and link targets may carry into the preview and the documents.

Shared by the Markdown reader and every renderer, so a character or a link
that one of them drops, all of them drop.
"""

from __future__ import annotations

import re

# What XML cannot hold, plus DEL, C1 controls and the bidi overrides and isolates
# that can make shared text read backwards ("Trojan Source"); LRM/RLM stay.
_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_WEB = ("http:", "https:", "mailto:")
_HARMFUL = ("javascript:", "vbscript:", "data:", "file:")


def strip_illegal_chars(text: str) -> str:
    """Drop what XML cannot hold (C0 controls but tab/newline/CR, U+FFFE/F, surrogates),
    DEL and C1 controls, and bidi overrides that would reverse the reader's text."""
    if _ILLEGAL.search(text) is None:  # the usual case: no copy
        return text
    return _ILLEGAL.sub("", text)


def _folded(href: str) -> str:
    # Browsers ignore blanks and controls inside a scheme ("java\tscript:").
    return "".join(ch for ch in href if ch > " ").lower()


def safe_href(href: str) -> bool:
    """Whether a link target opens safely from anywhere: web, mail or in-page."""
    url = _folded(href)
    return url.startswith("#") or url.startswith(_WEB)


def web_href(href: str) -> bool:
    """Whether a link target is an absolute web or mail address (no in-page anchor)."""
    return _folded(href).startswith(_WEB)


def harmful_href(href: str) -> bool:
    """Whether a link target runs code or reads local files: such a link stays text.

    Relative paths and other schemes pass (a Markdown export keeps them, as GitHub
    does); the preview keeps only `safe_href` targets, Word only `web_href` ones."""
    return _folded(href).startswith(_HARMFUL)


# A Chinese (or Japanese, Korean, full-width) character: between two of them a
# soft line break reads as nothing, elsewhere as a space.
CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
