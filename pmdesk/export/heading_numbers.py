"""Heading numbers as the PRD prints them ("2.1 背景") and the anchors links use.

The exports number the document's headings; the preview shows one section at
a time and numbers its headings the same way, so a link written against the
exported numbering (`[需求列表](#4-需求列表)`) finds its heading in both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pmdesk.export.doc import heading_slug

DEPTH = 9
"""Levels that get a number of their own (Word's outline has nine)."""

APPENDIX = re.compile(r"\s*(附录|appendix)", re.IGNORECASE)
"""A section titled like this is back matter: after the requirements, unnumbered
(as `prd_build` places it)."""


class HeadingNumbers:
    """Counts numbered headings level by level: `next(1)` → "1", `next(2)` → "1.1".

    A level skipped over counts as 1 ("1.1.1" after "1"), as Word's outline does.
    """

    def __init__(self, start: Sequence[int] = ()) -> None:
        self.counters = [*start[:DEPTH]] + [0] * (DEPTH - min(len(start), DEPTH))

    def next(self, level: int) -> str:
        level = min(max(level, 1), DEPTH)
        self.counters[level - 1] += 1
        for deeper in range(level, DEPTH):
            self.counters[deeper] = 0
        return ".".join(str(max(c, 1)) for c in self.counters[:level])


def numbered(number: str, text: str) -> str:
    """The heading as printed: "2.1 背景", or the text alone when unnumbered."""
    return f"{number} {text}" if number else text


class Slugs:
    """GitHub's anchors for a run of headings: a repeated one gets `-1`, `-2`…"""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def anchor(self, label: str) -> str:
        slug = heading_slug(label)
        count = self.seen.get(slug, 0)
        self.seen[slug] = count + 1
        return f"{slug}-{count}" if count else slug


def nested_levels(levels: Sequence[int]) -> list[int]:
    """Headings' depths under their section so that none skips a level: the first
    heading is 1 whatever its `#`s, a deeper one goes one below the heading it
    follows (`##` then `####` → 1, 2), a shallower one back to its peer's depth."""
    open_levels: list[int] = []
    depths = []
    for level in levels:
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
        open_levels.append(level)
        depths.append(len(open_levels))
    return depths


def section_numbers(titles: Sequence[str]) -> list[int | None]:
    """Each section's chapter number in the PRD: body sections count 1, 2, …;
    appendices are unnumbered (None)."""
    numbers: list[int | None] = []
    count = 0
    for title in titles:
        if APPENDIX.match(title):
            numbers.append(None)
        else:
            count += 1
            numbers.append(count)
    return numbers
