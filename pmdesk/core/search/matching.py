"""What a query means and how a match is ranked, marked and shown.

A query is one or more words separated by spaces; a requirement matches when
every word occurs (as a substring, case-insensitive) in one of its searchable
fields, so 登录, "REQ-12", "P95", 中英 words such as "Excel导入" and words
with punctuation all match as typed. Every index applies this same check to
its candidates, so they rank and mark alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Searchable fields, best first: a word in a key or a title ranks above the
# same word in a description. Sections use their own two names.
FIELDS: tuple[str, ...] = (
    "key",
    "title",
    "tags",
    "owner",
    "persona",
    "source",
    "acceptance",
    "description",
)
# What a field is called in the results of an entity other than a requirement.
ENTITY_FIELDS = {
    "section": {"title": "section_title", "description": "section_body"},
    "persona": {"title": "persona_name", "tags": "persona_role", "description": "persona_text"},
}
_WEIGHT = {name: len(FIELDS) - i for i, name in enumerate(FIELDS)}
SNIPPET_CHARS = 60  # around the first match; the whole field when shorter
MARK_OPEN, MARK_CLOSE = "[", "]"  # marks in plain text (the command line)


def query_words(query: str) -> tuple[str, ...]:
    """The words of `query`, lower-cased, without repeats (order kept)."""
    seen: dict[str, None] = {}
    for word in query.lower().split():
        seen.setdefault(word, None)
    return tuple(seen)


@dataclass(frozen=True)
class Match:
    """One requirement or PRD section that matched, with where and a snippet.

    `marks` are (start, end) spans of `snippet` to highlight; `field` is one of
    FIELDS, or for a PRD section or a persona (`key` empty) one of ENTITY_FIELDS."""

    entity: str  # "requirement" | "section" | "persona"
    uid: str
    key: str
    title: str
    field: str
    snippet: str
    marks: tuple[tuple[int, int], ...]
    score: float

    def marked(self, open_mark: str = MARK_OPEN, close_mark: str = MARK_CLOSE) -> str:
        """The snippet with every match between `open_mark` and `close_mark`."""
        out, at = [], 0
        for start, end in self.marks:
            out += [self.snippet[at:start], open_mark, self.snippet[start:end], close_mark]
            at = end
        out.append(self.snippet[at:])
        return "".join(out)


@dataclass(frozen=True)
class Results:
    """Matches best first; `more` says the list was cut at the limit."""

    query: str
    matches: tuple[Match, ...]
    more: bool = False


@dataclass(frozen=True)
class Doc:
    """The searchable text of one requirement or section, by field."""

    entity: str
    uid: str
    fields: Mapping[str, str]
    order: int = 0  # tree/document order: ties go to the earlier one


def match_doc(doc: Doc, words: Sequence[str]) -> Match | None:
    """`doc` as a Match if every word occurs in one of its fields, else None."""
    lowered = {name: text.lower() for name, text in doc.fields.items() if text}
    hits: dict[str, int] = {}  # field → how many of the words it holds
    for word in words:
        found = [name for name, text in lowered.items() if word in text]
        if not found:
            return None
        for name in found:
            hits[name] = hits.get(name, 0) + 1
    best = max(hits, key=lambda name: (hits[name], _WEIGHT.get(name, 0)))
    # The fields' weights, then, in the best field: all of it is the query (a
    # key, an owner), it starts with it, it says little else.
    whole = " ".join(words)
    score = sum(_WEIGHT.get(name, 0) * n for name, n in hits.items()) * 100.0
    weight, best_text = _WEIGHT.get(best, 0), lowered[best]
    if best_text == whole:
        score += weight * 50
    elif best_text.startswith(whole):
        score += weight * 20
    score += weight * 10.0 * len(whole) / max(len(best_text), 1)
    snippet, marks = _snippet(doc.fields[best], best_text, words)
    name = ENTITY_FIELDS.get(doc.entity, {}).get(best, best)
    return Match(
        doc.entity,
        doc.uid,
        doc.fields.get("key", ""),
        doc.fields.get("title", ""),
        name,
        snippet,
        marks,
        score,
    )


def rank(matches: list[Match], orders: Mapping[str, int] | None = None) -> list[Match]:
    """Best first; equal scores in tree order (or as given)."""
    orders = orders or {}
    return sorted(matches, key=lambda m: (-m.score, orders.get(m.uid, 0)))


def _snippet(
    text: str, lowered: str, words: Sequence[str]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    # str.lower() keeps lengths for all but a few letters (İ): offsets into the
    # lowered text then mark the original; otherwise show it lowered.
    source = text if len(text) == len(lowered) else lowered
    first = min((i for w in words if (i := lowered.find(w)) >= 0), default=0)
    start = max(0, first - SNIPPET_CHARS // 3)
    end = min(len(source), start + SNIPPET_CHARS)
    start = max(0, min(start, end - SNIPPET_CHARS))
    window = lowered[start:end]
    spans: list[tuple[int, int]] = []
    for word in words:
        at = window.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = window.find(word, at + len(word))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(source) else ""
    shown = " ".join(source[start:end].split("\n"))  # one line; offsets kept
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    offset = len(prefix)
    return (
        prefix + shown + suffix,
        tuple((s + offset, e + offset) for s, e in merged),
    )
