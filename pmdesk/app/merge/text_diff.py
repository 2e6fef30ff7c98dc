"""Where two versions of a text differ, for the conflict dialog to show it.

Two descriptions in conflict usually share their opening and differ near the
end, so the list shows each from a little before the first difference
(`around_difference`), as plain words (`plain_markdown`); the panes below tint
only the words that differ (`differing_spans`): a line diff first, so moved
paragraphs stay apart, then a word diff inside each changed block. Chinese has
no spaces between words, so each CJK character is a token of its own and the
tint covers runs of characters.

Plain Python, no Qt: offsets are `str` indices.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

CONTEXT = 24  # how much text before the first difference the list keeps, in Latin letters
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_TOKEN = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"  # one CJK character
    r"|[^\W\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+"  # a word
    r"|\s+"
    r"|."  # a punctuation mark
)
_EMPHASIS = re.compile(r"\*\*|__|[*`]")
_LINE_START = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s?)")

Span = tuple[int, int]  # [start, end) in a text


def plain_markdown(text: str) -> str:
    """Markdown on one line without its markers (`**`, `*`, `` ` ``, a leading
    `- ` or `#`): how a description reads in a list cell."""
    lines = (_EMPHASIS.sub("", _LINE_START.sub("", line)) for line in text.splitlines())
    return " ".join(" ".join(lines).split())


def around_difference(first: str, second: str, *others: str) -> list[str]:
    """`first` and `second` (and `others`, where they share that opening) from a
    little before the first place the two differ, "…" marking what was cut:
    "…questions again. It must load" / "…questions again. Filterable by"."""
    texts = [first, second, *others]
    pairs = zip(first, second, strict=False)
    at = next((n for n, (a, b) in enumerate(pairs) if a != b), min(len(first), len(second)))
    start = _context_start(first, at)
    if start == 0:
        return texts
    return ["…" + t[start:] if t[:start] == first[:start] else t for t in texts]


def _context_start(text: str, at: int) -> int:
    """Where to start showing `text` so that about CONTEXT letters precede `at`
    (a CJK character counts twice), after a space or a Chinese comma if there is one."""
    width, start = 0, at
    while start > 0 and width < CONTEXT:
        start -= 1
        width += 2 if _WIDE.match(text[start]) else 1
    if start == 0:
        return 0
    breaks = [text.find(mark, start, at) for mark in (" ", "，", "、", "；", "。")]
    found = [b for b in breaks if b >= 0]
    return min(found) + 1 if found else start


def differing_spans(mine: str, theirs: str) -> tuple[list[Span], list[Span]]:
    """The parts of each text the other does not have: whole lines where lines
    were added or removed, the differing words where lines were rewritten."""
    ours, their = mine.splitlines(keepends=True), theirs.splitlines(keepends=True)
    ours_at, their_at = _offsets(ours), _offsets(their)
    a: list[Span] = []
    b: list[Span] = []
    matcher = difflib.SequenceMatcher(a=ours, b=their, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        block_a, block_b = "".join(ours[a0:a1]), "".join(their[b0:b1])
        if tag == "replace":
            words_a, words_b = _word_spans(block_a, block_b)
        else:
            words_a, words_b = _whole(block_a), _whole(block_b)
        a += [(ours_at[a0] + s, ours_at[a0] + e) for s, e in words_a]
        b += [(their_at[b0] + s, their_at[b0] + e) for s, e in words_b]
    return a, b


def _offsets(lines: Sequence[str]) -> list[int]:
    """Where each line starts, and one past the end."""
    at = [0]
    for line in lines:
        at.append(at[-1] + len(line))
    return at


def _whole(block: str) -> list[Span]:
    text = block.rstrip("\n")
    return [(0, len(text))] if text.strip() else []


def _word_spans(mine: str, theirs: str) -> tuple[list[Span], list[Span]]:
    ours, their = _TOKEN.findall(mine), _TOKEN.findall(theirs)
    ours_at, their_at = _offsets(ours), _offsets(their)
    a: list[Span] = []
    b: list[Span] = []
    matcher = difflib.SequenceMatcher(a=ours, b=their, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            a += _trimmed(mine, ours_at[a0], ours_at[a1])
            b += _trimmed(theirs, their_at[b0], their_at[b1])
    return _joined(a, mine), _joined(b, theirs)


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    """[start, end) without the spaces and line ends at its edges; nothing if blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _joined(spans: list[Span], text: str) -> list[Span]:
    """Neighbouring spans with only spaces (not a line end) between them become one."""
    out: list[Span] = []
    for start, end in spans:
        if out and not text[out[-1][1] : start].strip(" \t"):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
