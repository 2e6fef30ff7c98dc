"""Column widths for Word tables: share the text width, never split a word.

Word with a fixed table layout breaks text wherever a column ends, so a
narrow column prints "Likeli/hood", "Approve/d" or "负/责/人". Each column
therefore gets at least the width of its longest unbreakable piece (a Latin word
or number, an identifier, or a short Chinese term); a column whose longest text
is short ("In progress", "v1.0") gets its whole text on one line when the table
has the room; the rest of the width goes by the given shares or by how much text
each column holds. The total never exceeds the text width: when even the
minimums do not fit, they shrink together.

Widths are estimated from per-letter advance widths, not measured: pmdesk cannot
know the reader's fonts. The letters are DejaVu Sans's, the widest of the fonts a
missing Arial falls back to (Arial, Liberation Sans and Arimo are narrower), so
a word that fits here fits on every platform.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

TWIPS_PER_UNIT = 90
"""Half an em of 9-point table text: a unit is about one lower-case letter, and a
Chinese character is two."""
CELL_PADDING = 260
"""Left and right cell margins (2 × 100 twips) and a little air."""
BOLD = 1.1
"""Bold header text is about a tenth wider."""
LONGEST_WORD = 36
"""Longer Latin runs (URLs) may break: they would take the whole table."""
CJK_TERM = 4
"""Chinese breaks between any characters, but a term of up to four stays whole."""
SHORT_TEXT = 0.2
"""A column whose longest text takes at most this share of the width stays on one line."""
SAMPLED_ROWS = 500

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")
# Half-em units per letter (DejaVu Sans advance widths × 2, rounded up).
_NARROW = dict.fromkeys("ijlI.,:;'|!`", 0.6)
_WIDTHS: dict[str, float] = {
    **dict.fromkeys("abdeghnopqu0123456789", 1.28),
    **dict.fromkeys("cksvxyz", 1.2),
    **dict.fromkeys("ft", 0.8),
    "r": 0.84,
    "m": 1.96,
    "w": 1.64,
    " ": 0.64,
    "-": 0.74,
    "_": 1.0,
    "/": 0.68,
    **dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ", 1.56),
    "M": 1.74,
    "W": 1.98,
    **_NARROW,
}


_ASCII = [_WIDTHS.get(chr(n), 1.3) for n in range(128)]


@lru_cache(maxsize=65536)  # cell texts repeat (statuses, owners, labels): 10,000 tables
def display_units(text: str) -> float:
    """Width in half-em units: a Chinese or full-width character counts two."""
    if text.isascii():
        return sum(_ASCII[ord(ch)] for ch in text)
    return sum(2.0 if ord(ch) > 0x2E80 else _WIDTHS.get(ch, 1.3) for ch in text)


@lru_cache(maxsize=65536)
def unbreakable_units(text: str) -> float:
    """The widest piece of `text` that should not be split across lines."""
    widest = 0.0
    for token in text.split():
        for cjk in _CJK.findall(token):
            widest = max(widest, 2.0 * min(len(cjk), CJK_TERM))
        for latin in _CJK.split(token):
            widest = max(widest, min(display_units(latin), LONGEST_WORD * 1.3))
    return widest


@lru_cache(maxsize=65536)
def _measures(text: str) -> tuple[float, float]:
    """`display_units` and `unbreakable_units` of a cell text, in one look-up."""
    return display_units(text), unbreakable_units(text)


def column_widths(
    cells: Sequence[Sequence[str]],
    shares: Sequence[float] | None,
    available: int,
    *,
    bold_first_row: bool = True,
) -> list[int]:
    """Twips per column for rows of cell texts (header first), summing to `available`."""
    columns = max((len(row) for row in cells), default=0)
    if columns == 0:
        return []
    content = [4.0] * columns
    need = [0.0] * columns
    whole = [0.0] * columns  # the longest cell, on one line
    for n, row in enumerate(cells[:SAMPLED_ROWS]):
        factor = BOLD if n == 0 and bold_first_row else 1.0
        for index, text in enumerate(row[:columns]):
            if not text:  # nothing to measure (and 10,000 tables: the loop is hot)
                continue
            units, widest = _measures(text)
            units, widest = units * factor, widest * factor
            if units > whole[index]:
                whole[index] = units
                content[index] = max(content[index], min(units, 120.0))
            if widest > need[index]:
                need[index] = widest
    weights = list(shares) if shares and len(shares) == columns else content
    minimums = [_twips(units) for units in need]
    # Short columns get their longest text whole while the table has room left for
    # the others (four fifths of the width at most), the cheapest first.
    minimums = list(minimums)
    wishes = sorted(
        (_twips(units) - minimums[i], i)
        for i, units in enumerate(whole)
        if minimums[i] < _twips(units) <= SHORT_TEXT * available
    )
    for extra, i in wishes:
        if sum(minimums) + extra > 0.8 * available:
            break
        minimums[i] += extra
    return fit(weights, minimums, available)


def _twips(units: float) -> int:
    return int(units * TWIPS_PER_UNIT) + CELL_PADDING


def fit(weights: Sequence[float], minimums: Sequence[int], available: int) -> list[int]:
    """Share `available` by `weights`, giving every column at least its minimum."""
    count = len(weights)
    if sum(minimums) >= available:  # even the words do not fit: shrink them together
        scale = available / sum(minimums)
        return _exact([m * scale for m in minimums], available)
    widths = [0.0] * count
    fixed: set[int] = set()
    while True:
        free = [i for i in range(count) if i not in fixed]
        room = available - sum(minimums[i] for i in fixed)
        total = sum(max(weights[i], 0.01) for i in free)
        for i in free:
            widths[i] = room * max(weights[i], 0.01) / total
        short = [i for i in free if widths[i] < minimums[i]]
        if not short:
            break
        for i in short:
            widths[i] = minimums[i]
            fixed.add(i)
    return _exact(widths, available)


def _exact(widths: Sequence[float], available: int) -> list[int]:
    """Whole twips that add up to `available` exactly."""
    result = [int(w) for w in widths]
    result[-1] += available - sum(result)
    return result
