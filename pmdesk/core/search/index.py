"""The seam between the project and a search index.

A `SearchIndex` answers a query with ranked `Results` and is told of every
edit (`follow`), so it stays in step. `ScanIndex` has no index at all: it
reads the project's text on each query (portable SQL; what a file read in
place, such as `pmdesk search`, uses). `FtsIndex` (fts.py) is SQLite's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from pmdesk.core.search.matching import Match, Results, match_doc, query_words, rank
from pmdesk.core.search.sources import Fetch, read_candidates, read_docs

if TYPE_CHECKING:
    from pmdesk.core.ops.base import Effect

DEFAULT_LIMIT = 100


class SearchIndex(Protocol):
    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> Results:
        """The matches of `query`, best first, at most `limit` of them."""
        ...

    def follow(self, effects: Iterable[Effect]) -> None:
        """Take in what an applied operation changed."""
        ...

    def close(self) -> None: ...


class ScanIndex:
    """Search by reading every searchable row (no index to keep)."""

    def __init__(self, fetch: Fetch, *, sqlite: bool = False) -> None:
        self._fetch = fetch
        self._sqlite = sqlite  # SQLite's functions may pick the candidates

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> Results:
        words = query_words(query)
        if not words:
            return Results(query, ())
        found: list[Match] = []
        orders: dict[str, int] = {}
        docs = read_candidates(self._fetch, words) if self._sqlite else read_docs(self._fetch)
        for doc in docs:
            match = match_doc(doc, words)
            if match is not None:
                found.append(match)
                orders[doc.uid] = doc.order
        ranked = rank(found, orders)
        return Results(query, tuple(ranked[:limit]), len(ranked) > limit)

    def follow(self, effects: Iterable[Effect]) -> None:
        """Nothing to keep: every query reads the project as it is."""

    def close(self) -> None:
        """Nothing held."""
