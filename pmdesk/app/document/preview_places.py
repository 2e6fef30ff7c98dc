"""Where things are in the rendered preview: the block each source line starts,
and the anchors links can scroll to.

The preview's HTML (`export.markdown_html`, a section's preview) anchors every
top-level block to the source line it starts on; after a render these are read
back from the laid-out document once, so following the caret is a lookup.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from PySide6.QtWidgets import QTextBrowser

from pmdesk.export.markdown_html import line_of_anchor


@dataclass
class PreviewPlaces:
    lines: list[int] = field(default_factory=list)
    """Source lines that start a block, ascending."""
    tops: list[float] = field(default_factory=list)
    """Where each of those blocks starts in the preview (document pixels)."""
    anchors: set[str] = field(default_factory=set)
    height: float = 0.0

    @classmethod
    def read(cls, browser: QTextBrowser) -> PreviewPlaces:
        document = browser.document()
        layout = document.documentLayout()
        places = cls(height=layout.documentSize().height())
        starts: dict[int, float] = {}
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                for name in fragments.fragment().charFormat().anchorNames():
                    places.anchors.add(name)
                    line = line_of_anchor(name)
                    if line is not None and line not in starts:
                        starts[line] = layout.blockBoundingRect(block).top()
                fragments += 1
            block = block.next()
        for line in sorted(starts):
            places.lines.append(line)
            places.tops.append(starts[line])
        if places.tops:
            places.tops[0] = 0.0  # the first block shows with the section's heading above
        return places

    def top_of(self, line: int, line_count: int) -> float:
        """Where source `line` shows in the preview: its block's top, plus the share
        of the block the line is into (a long table or list scrolls along)."""
        if not self.lines:
            return 0.0
        n = bisect_right(self.lines, line) - 1
        if n < 0:
            return 0.0
        start, top = self.lines[n], self.tops[n]
        if n + 1 < len(self.lines):
            end, bottom = self.lines[n + 1], self.tops[n + 1]
        else:
            end, bottom = max(line_count, start + 1), self.height
        share = min(max((line - start) / max(end - start, 1), 0.0), 1.0)
        return top + share * (bottom - top)
