"""The Kano model's evaluation: answers, the evaluation table, the category a
requirement gets and its Better/Worse coefficients.

Each respondent answers two questions per feature: the functional one ("if the
product has X, how do you feel?") and the dysfunctional one ("if it does not
have X?"), each with one of five answers. The standard evaluation table (Berger
et al., 1993) turns the pair into one category:

    functional \\ dysfunctional   like  must-be  neutral  live-with  dislike
    like                          Q     A        A        A          O
    must-be                       R     I        I        I          M
    neutral                       R     I        I        I          M
    live with                     R     I        I        I          M
    dislike                       R     R        R        R          Q

A attractive, O one-dimensional, M must-be, I indifferent, R reverse,
Q questionable (a contradictory pair). The requirement's category is the most
frequent one; a tie goes to the category that costs most to get wrong,
M > O > A > I > R > Q (Berger's "if in doubt, M > O > A > I": missing a
must-be angers users, missing a delighter only fails to please them).
Better = (A + O) / (A + O + M + I) and Worse = −(O + M) / (A + O + M + I),
R and Q left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Answer = Literal["like", "must_be", "neutral", "live_with", "dislike"]
Category = Literal["A", "O", "M", "I", "R", "Q"]

ANSWERS: tuple[Answer, ...] = ("like", "must_be", "neutral", "live_with", "dislike")
CATEGORIES: tuple[Category, ...] = ("A", "O", "M", "I", "R", "Q")
# Ties between equally frequent categories: the first in this order wins.
TIE_ORDER: tuple[Category, ...] = ("M", "O", "A", "I", "R", "Q")

# The evaluation table, a row per functional answer, columns as ANSWERS.
_TABLE: Mapping[Answer, str] = {
    "like": "QAAAO",
    "must_be": "RIIIM",
    "neutral": "RIIIM",
    "live_with": "RIIIM",
    "dislike": "RRRRQ",
}

# pmdesk's Kano vocabulary (core.domain.vocabulary.KANO) for each category;
# a questionable result sets nothing.
KANO_OF: Mapping[Category, str | None] = MappingProxyType(
    {
        "A": "delighter",
        "O": "performance",
        "M": "basic",
        "I": "indifferent",
        "R": "reverse",
        "Q": None,
    }
)


def category(functional: Answer, dysfunctional: Answer) -> Category:
    """The evaluation table's category for one respondent's pair of answers."""
    letter = _TABLE[functional][ANSWERS.index(dysfunctional)]
    return letter  # type: ignore[return-value]  # one of CATEGORIES by construction


@dataclass(frozen=True)
class KanoResult:
    """One requirement's evaluation: how many respondents gave a full pair of
    answers, how many pairs fell in each category, the chosen category (None
    without answers), its pmdesk Kano value, and the coefficients (None when no
    pair is A, O, M or I)."""

    key: str
    respondents: int
    counts: Mapping[Category, int]
    category: Category | None
    kano: str | None
    better: float | None
    worse: float | None


def chosen(counts: Mapping[Category, int]) -> Category | None:
    """The most frequent category, ties broken by TIE_ORDER; None without answers."""
    if not any(counts.values()):
        return None
    return max(TIE_ORDER, key=lambda c: (counts.get(c, 0), -TIE_ORDER.index(c)))


def evaluate(key: str, pairs: Iterable[tuple[Answer, Answer]]) -> KanoResult:
    """Evaluate the (functional, dysfunctional) answers given for one requirement."""
    tally = Counter(category(f, d) for f, d in pairs)
    counts = MappingProxyType({c: tally.get(c, 0) for c in CATEGORIES})
    a, o, m, i = counts["A"], counts["O"], counts["M"], counts["I"]
    weighed = a + o + m + i
    best = chosen(counts)
    return KanoResult(
        key=key,
        respondents=sum(counts.values()),
        counts=counts,
        category=best,
        kano=KANO_OF[best] if best is not None else None,
        better=(a + o) / weighed if weighed else None,
        worse=-(o + m) / weighed if weighed else None,
    )
