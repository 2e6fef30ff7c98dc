"""Sibling order as fractional rank strings.

Each row keeps a rank string; siblings sort by (rank, uid) with plain binary
comparison. A new position between two neighbours gets a fresh string strictly
between theirs, so a move or an insert writes one row, never the sibling list.
Digits are base 62 in ASCII order; a rank never ends in the zero digit, which
guarantees there is always room between two ranks.

Two people who insert at the same place on their own copies would compute the
same rank, and a merge would then have two rows in one place. So each editing
session ends its new ranks with its own random `salt` of SALT_LENGTH digits:
a new rank is a *key* (the shortest string that fits between the neighbours
and is no prefix of the upper one) followed by the salt. Ranks from two
sessions with different salts never collide, whatever their neighbours: equal
strings would need equal keys (all salts are one length) and equal salts.
Older ranks (no salt) keep working: they are only strings to compare.
"""

from __future__ import annotations

import secrets

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE = len(DIGITS)
_VALUE = {c: i for i, c in enumerate(DIGITS)}
SALT_LENGTH = 3
# A salt's first digit is the digit next to a new key one digit longer, so it
# decides how many appends (or prepends) fit before a rank grows again: keep it
# in the middle, at least 16 steps either way.
_SALT_FIRST = DIGITS[16:46]


def new_salt() -> str:
    """A random salt for one editing session's new ranks."""
    return (
        secrets.choice(_SALT_FIRST)
        + secrets.choice(DIGITS)
        + secrets.choice(DIGITS[1:])  # a rank never ends in the zero digit
    )


def rank_between(before: str | None, after: str | None, salt: str = "") -> str:
    """A rank strictly between `before` and `after` (None means open-ended),
    ending in `salt` (a session's `new_salt()`, or "" for an unsalted rank).

    ValueError if `before` >= `after`, or if no string fits between them
    (`after` is `before` followed by zero digits: only a damaged file has that).
    """
    low = before or ""
    if after is not None and low >= after:
        raise ValueError(f"ranks out of order: {low!r} >= {after!r}")
    if salt and (salt[-1] == DIGITS[0] or any(c not in _VALUE for c in salt)):
        raise ValueError(f"not a salt: {salt!r}")
    return _key(low, after, salt) + salt


def _key(before: str, after: str | None, salt: str) -> str:
    """The shortest key k with before < k < after and k no prefix of `after`;
    then before < k + salt < after for any salt.

    Works on the first n digits as numbers, for n = 1, 2, ...: k greater than
    before's first n digits is greater than `before`; k less than after's first
    n digits is less than `after` and no prefix of it. Appending steps one up
    and prepending one down (the common cases: after the first few dozen, a
    rank grows by one digit per at least 62 of them); anything else halves
    the gap."""
    longest = max(len(before), len(after or "")) + 2
    for n in range(1, longest + 1):
        lo = _number(before, n) if before else -1
        hi = _number(after, n) if after is not None else _BASE**n
        room = hi - lo - 1
        one_sided = (after is None) != (not before)
        # A longer key than the first that fits, when that one leaves only a few
        # steps: the next digit down is the salt's, and a run of appends should
        # not grow the rank every 16 steps.
        if room < 1 or (one_sided and n > 1 and room < _BASE):
            continue
        if after is None and before:
            value = lo + 1
        elif after is not None and not before:
            value = hi - 1
        else:
            value = (lo + hi) // 2
        if salt:
            return _digits(value, n)
        # Unsalted, the key is the rank: it must not end in the zero digit.
        for candidate in (value, value + 1, value - 1):
            if lo < candidate < hi and candidate % _BASE:
                return _digits(candidate, n)
    raise ValueError(f"no rank fits between {before!r} and {after!r}")


def _number(rank: str, n: int) -> int:
    """The first n digits of `rank` (padded with zeros) as a number."""
    value = 0
    for c in rank[:n].ljust(n, DIGITS[0]):
        value = value * _BASE + _VALUE[c]
    return value


def _digits(value: int, n: int) -> str:
    out = []
    for _ in range(n):
        value, d = divmod(value, _BASE)
        out.append(DIGITS[d])
    return "".join(reversed(out))


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
