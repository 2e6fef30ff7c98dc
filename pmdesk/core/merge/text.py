"""Three-way merge of a long text, line by line (a description, a PRD section).

Two people editing different paragraphs of one section should not have to
choose between their versions. Edits that touch the same or neighbouring lines
are a conflict, as in version control: the caller then asks the user.
"""

from __future__ import annotations

from difflib import SequenceMatcher

Hunk = tuple[int, int, list[str]]  # base lines [start, end) replaced by these lines


def _hunks(base: list[str], other: list[str]) -> list[Hunk]:
    # Lines both share at the start and at the end are left out of the diff. A
    # side usually edits one region, and then this is all that is compared:
    # SequenceMatcher is quadratic on long texts (a pasted 100,000-line table
    # took minutes), and on repeated lines (blank lines, "- [ ] TBD") it may
    # align the text shifted and report an edit far from where it was made.
    start, limit = 0, min(len(base), len(other))
    while start < limit and base[start] == other[start]:
        start += 1
    end = 0
    while end < limit - start and base[-1 - end] == other[-1 - end]:
        end += 1
    matcher = SequenceMatcher(
        None, base[start : len(base) - end], other[start : len(other) - end], autojunk=False
    )
    return [
        (start + i1, start + i2, other[start + j1 : start + j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def merge_text(base: str, mine: str, theirs: str) -> str | None:
    """Both sides' edits of `base` combined, or None where they touch the same lines."""
    lines = _lines(base)
    ours, others = _hunks(lines, _lines(mine)), _hunks(lines, _lines(theirs))
    merged: list[str] = []
    at = 0
    i = j = 0
    while i < len(ours) or j < len(others):
        a = ours[i] if i < len(ours) else None
        b = others[j] if j < len(others) else None
        if a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]:
            if a != b:
                return None  # the same or neighbouring lines changed on both sides
            hunk, i, j = a, i + 1, j + 1
        elif b is None or (a is not None and a[0] < b[0]):
            hunk, i = a, i + 1  # type: ignore[assignment]
        else:
            hunk, j = b, j + 1
        start, end, replacement = hunk
        merged += lines[at:start]
        merged += replacement
        at = end
    merged += lines[at:]
    text = "".join(merged)
    # Whether the text ends in a newline is one more edit a side may have made.
    ends = base.endswith("\n")
    wanted = mine.endswith("\n") if mine.endswith("\n") != ends else theirs.endswith("\n")
    if text.endswith("\n") and not wanted:
        text = text[:-1]
    return text


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"  # the last line compares equal with or without its newline
    return lines
