"""The PDF's blocks in runs: stretches of pages laid out by one QTextDocument each.

A top-level chapter starts a run, so it starts a page. A long chapter (the
requirements of a large project) is cut further, before a heading, into runs
that go on where the previous one ended, on the same page (`continued`): each
is a QTextDocument of a few dozen pages, laid out, measured and let go, so
10,000 requirements never sit in memory laid out at once. A wide picture (the
roadmap) gets runs of its own on pages turned sideways, with the heading
before it; one too tall for a page at its width is cut into page-sized parts
along its lanes (`picture_pages`), as the Word export does.

Lengths here are CSS pixels at 96 dpi, as in `pdf_html`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QTextDocument

from pmdesk.export.doc import Block, Heading, Image, PageBreak
from pmdesk.export.pdf_html import (
    CAPTION_ROOM_PX,
    HEADING_ROOM_PX,
    HeadingEntry,
    NoteState,
    picture_parts,
)

CSS_DPI = 96
PAGE_MM = (210.0, 297.0)  # A4
MARGIN_MM = {"left": 22.0, "right": 22.0, "top": 25.0, "bottom": 22.0}
BIGGER_SIDEWAYS = 1.15  # a picture gets a sideways page when it prints this much larger
PIECE_BLOCKS = 400
"""A run is cut before the first heading after this many blocks (about 70 requirements,
40 pages): a QTextDocument that size lays out quickly and holds a few MiB."""


@dataclass
class PageRun:
    """Consecutive blocks laid out on pages of one orientation."""

    blocks: list[Block]
    landscape: bool = False
    continued: bool = False
    """Starts on the last page of the run before, under what that ends with."""
    doc: QTextDocument | None = None
    first_page: int = 0  # 0-based page of the whole PDF
    pages: int = 0
    end: float = 0.0
    """Where the run's text ends on its last page, in device units from the page's top."""
    top: float = 0.0
    """A continued run's room left blank on its first page (what the run before took)."""
    notes: NoteState | None = None
    """The footnote numbering the run starts with (its HTML is written again to paint)."""
    heading_pages: list[int] = field(default_factory=list)
    """Each heading's page, counted from the run's first."""
    contents_page: int | None = None
    """The page of the contents' title, in the run that holds them."""
    headings: list[tuple[HeadingEntry, int]] = field(default_factory=list)
    """Each heading with its 0-based page in the PDF."""


def text_size_px(*, landscape: bool) -> tuple[float, float]:
    """The text area of a page in CSS pixels."""
    width, height = PAGE_MM[::-1] if landscape else PAGE_MM
    across = width - MARGIN_MM["left"] - MARGIN_MM["right"]
    down = height - MARGIN_MM["top"] - MARGIN_MM["bottom"]
    return across / 25.4 * CSS_DPI, down / 25.4 * CSS_DPI


def sideways(block: Image) -> bool:
    """Whether a wide picture prints clearly larger on a page turned sideways (cut
    into parts, only its width limits its size)."""
    if not block.wide or block.width <= 0 or block.height <= 0:
        return False
    room = CAPTION_ROOM_PX + HEADING_ROOM_PX
    cut = len(picture_parts(block, *text_size_px(landscape=True))) > 1

    def scale(landscape: bool) -> float:
        across, down = text_size_px(landscape=landscape)
        return min(1.0, across / block.width, 1e9 if cut else (down - room) / block.height)

    return scale(True) > BIGGER_SIDEWAYS * scale(False)


def split_runs(blocks: Sequence[Block], *, pieces: bool = True) -> list[PageRun]:
    """Runs split at page breaks and at each chapter (so the contents, in the first,
    are laid out again alone), a sideways run for each wide picture (with the
    heading right before it, so the chapter does not end a page on its own), and
    with `pieces` a long chapter cut into continued runs before a heading."""
    runs = [PageRun([])]
    for block in blocks:
        current = runs[-1]
        if isinstance(block, PageBreak):  # a run starts a page: the front matter is one
            runs.append(PageRun([]))
        elif isinstance(block, Image) and sideways(block):
            heading = (
                [current.blocks.pop()]
                if current.blocks and isinstance(current.blocks[-1], Heading)
                else []
            )
            runs.append(PageRun([*heading, block], landscape=True))
            runs.append(PageRun([]))
        elif isinstance(block, Heading) and block.level <= 1 and current.blocks:
            runs.append(PageRun([block]))  # a chapter starts a page
        elif pieces and isinstance(block, Heading) and len(current.blocks) >= PIECE_BLOCKS:
            runs.append(PageRun([block], continued=True))
        else:
            current.blocks.append(block)
    return [run for run in runs if run.blocks]
