"""The layout of an attribute ("facts") table in Word: label/value pairs, two a row.

The document tree gives the pairs already in rows of four cells; Word's page is
narrower than a screen, so they are laid out again here: empty pairs are
dropped, a value too long for a quarter of the table (related requirements, a
list of tags) gets a row of its own with the value across the three other
columns, and an odd last pair spans too, so no row ends with an empty pair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pmdesk.export.doc import Runs, plain_text

Pair = tuple[Runs, Runs]


def pairs_of(rows: Sequence[Sequence[Runs]]) -> list[Pair]:
    """The label/value pairs of four-cell rows, empty pairs left out."""
    pairs = []
    for row in rows:
        for at in range(0, len(row) - 1, 2):
            label, value = row[at], row[at + 1]
            if _text(label).strip() or _text(value).strip():
                pairs.append((label, value))
    return pairs


def _text(runs: Runs) -> str:
    """`plain_text`, without its join for a cell of one run (most are)."""
    return runs[0].text if len(runs) == 1 else plain_text(runs)


def facts_rows(rows: Sequence[Sequence[Runs]], fits: Callable[[str], bool]) -> list[list[Runs]]:
    """Rows of four cells (two pairs) or two (a pair whose value spans the rest).

    `fits(text)` says whether a value fits its quarter of the table without breaking
    a word or taking more than two lines. Short pairs keep their order; long ones
    follow them, each on its own row.
    """
    short: list[Pair] = []
    long: list[Pair] = []
    for label, value in pairs_of(rows):
        (short if fits(_text(value)) else long).append((label, value))
    out: list[list[Runs]] = []
    for at in range(0, len(short), 2):
        row = [cell for pair in short[at : at + 2] for cell in pair]
        out.append(row)  # two cells when the last pair is alone: its value spans
    out += [[label, value] for label, value in long]
    return out
