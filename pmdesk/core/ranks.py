"""Sibling order as fractional rank strings.

Each row keeps a rank string; siblings sort by it with plain binary comparison.
A new position between two neighbours gets a fresh string strictly between
theirs, so a move or an insert writes one row, never the sibling list.
Digits are base 62 in ASCII order; a rank never ends in the zero digit, which
guarantees there is always room between two ranks.
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE = len(DIGITS)
_VALUE = {c: i for i, c in enumerate(DIGITS)}


def rank_between(before: str | None, after: str | None) -> str:
    """A rank strictly between `before` and `after` (None means open-ended)."""
    low = before or ""
    if after is not None and low >= after:
        raise ValueError(f"ranks out of order: {low!r} >= {after!r}")
    # Appending and prepending are the common cases: step the last digit instead
    # of halving the gap, so ranks grow by one digit per ~30 steps, not per 5.
    if after is None and low:
        last = _VALUE[low[-1]]
        return low[:-1] + DIGITS[last + 1] if last + 1 < _BASE else low + DIGITS[_BASE // 2]
    if not low and after:
        last = _VALUE[after[-1]]
        if last > 1:
            return after[:-1] + DIGITS[last - 1]
        return after[:-1] + DIGITS[0] + DIGITS[_BASE // 2]
    return _midpoint(low, after)


def _midpoint(low: str, high: str | None) -> str:
    if high is not None:
        # Skip the common prefix, treating a short `low` as padded with zeros.
        n = 0
        while n < len(high) and (low[n] if n < len(low) else "0") == high[n]:
            n += 1
        if n:
            return high[:n] + _midpoint(low[n:], high[n:])
    lo = _VALUE[low[0]] if low else 0
    hi = _VALUE[high[0]] if high else _BASE
    if hi - lo > 1:
        return DIGITS[(lo + hi) // 2]
    # Adjacent first digits: a longer `high` leaves room right at its first digit.
    if high is not None and len(high) > 1:
        return high[:1]
    return DIGITS[lo] + _midpoint(low[1:], None)


def evenly_spaced(count: int) -> list[str]:
    """`count` increasing ranks of equal width, spread out to leave room for inserts."""
    if count <= 0:
        return []
    width = 1
    while _BASE**width <= count * 2:
        width += 1
    step = _BASE**width // (count + 1)
    ranks = []
    for i in range(1, count + 1):
        value = i * step
        digits = []
        for _ in range(width):
            value, d = divmod(value, _BASE)
            digits.append(DIGITS[d])
        rank = "".join(reversed(digits)).rstrip("0")
        ranks.append(rank)
    return ranks
