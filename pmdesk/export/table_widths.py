"""Column widths for Word tables: share the text width, never split a word.

Word with a fixed table layout breaks text wherever a column ends, so a
narrow column prints "Likeli/hood" or "负/责/人". Each column therefore gets
at least the width of its longest unbreakable piece (a Latin word or number,
or a short Chinese term), and the rest of the width goes by the given shares
or by how much text each column holds. The total never exceeds the text
width: when even the minimums do not fit, they shrink together.

Widths are estimated from character counts (a Chinese character counts two
units, a Latin one): pmdesk cannot measure fonts it does not render.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TWIPS_PER_UNIT = 100
"""About one Latin letter of 9-point table text (half a Chinese character)."""
CELL_PADDING = 260
"""Left and right cell margins (2 × 100 twips) and a little air."""
LONGEST_WORD = 24
"""Longer Latin runs (URLs, identifiers) may break: they would take the whole table."""
CJK_TERM = 4
"""Chinese breaks between any characters, but a term of up to four stays whole."""
SAMPLED_ROWS = 500

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def display_units(text: str) -> float:
    """Width in units: Chinese and full-width characters count two."""
    return sum(2.0 if ord(ch) > 0x2E80 else 1.0 for ch in text)


def unbreakable_units(text: str) -> float:
    """The widest piece of `text` that should not be split across lines."""
    widest = 0.0
    for token in text.split():
        for cjk in _CJK.findall(token):
            widest = max(widest, 2.0 * min(len(cjk), CJK_TERM))
        for latin in _CJK.split(token):
            widest = max(widest, float(min(len(latin), LONGEST_WORD)))
    return widest


def column_widths(
    cells: Sequence[Sequence[str]], shares: Sequence[float] | None, available: int
) -> list[int]:
    """Twips per column for rows of cell texts (header first), summing to `available`."""
    columns = max((len(row) for row in cells), default=0)
    if columns == 0:
        return []
    content = [4.0] * columns
    need = [0.0] * columns
    for row in cells[:SAMPLED_ROWS]:
        for index, text in enumerate(row[:columns]):
            content[index] = max(content[index], min(display_units(text), 60.0))
            need[index] = max(need[index], unbreakable_units(text))
    weights = list(shares) if shares and len(shares) == columns else content
    minimums = [int(units * TWIPS_PER_UNIT) + CELL_PADDING for units in need]
    return fit(weights, minimums, available)


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
