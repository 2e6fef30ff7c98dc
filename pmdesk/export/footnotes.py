"""Footnotes in the document tree (`doc.Footnote`, `Run.footnote`), as renderers need them.

The reader puts a text's notes after that text's blocks and labels them uniquely
in the document; renderers gather them by label wherever they lie and number the
references in the order a reader meets them, as GitHub and Word do.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from pmdesk.export.doc import Block, Footnote, Heading, ListBlock, Paragraph, Quote, Table


def gather_footnotes(blocks: Iterable[Block]) -> dict[str, Footnote]:
    """Every footnote among `blocks` (inside lists, quotes and other notes too) by label."""
    found: dict[str, Footnote] = {}
    stack = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
        elif isinstance(block, Footnote):
            found.setdefault(block.label, block)
            stack.append(iter(block.blocks))
        elif isinstance(block, Quote):
            stack.append(iter(block.blocks))
        elif isinstance(block, ListBlock):
            stack.append(iter([b for item in block.items for b in item.blocks]))
    return found


class FootnoteNumbers(dict[str, int]):
    """Label → the number a reader sees, given in the order references are written.
    A label not among `known` (a note the document lacks) raises KeyError."""

    def __init__(self, known: Collection[str] | None = None) -> None:
        super().__init__()
        self.known = known
        self.order: list[str] = []
        """The labels by number (`order[n - 1]` is numbered n)."""

    def __missing__(self, label: str) -> int:
        if self.known is not None and label not in self.known:
            raise KeyError(label)
        number = len(self) + 1
        self[label] = number
        self.order.append(label)
        return number


def referenced(blocks: Iterable[Block]) -> list[str]:
    """The labels referenced among `blocks`, in order, each once (not inside notes)."""
    seen: dict[str, None] = {}
    stack = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
        elif isinstance(block, (Paragraph, Heading)):
            runs = block.runs or []
            seen.update((r.footnote, None) for r in runs if r.footnote is not None)
        elif isinstance(block, Quote):
            stack.append(iter(block.blocks))
        elif isinstance(block, ListBlock):
            stack.append(iter([b for item in block.items for b in item.blocks]))
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                for cell in row:
                    seen.update((r.footnote, None) for r in cell if r.footnote is not None)
    return list(seen)
