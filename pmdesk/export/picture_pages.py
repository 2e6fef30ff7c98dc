"""A tall picture cut into page-sized parts along the lines its painter marked.

The roadmap is wider than it is tall only for small projects: with four lanes of
bars it no longer fits a landscape page at a size whose labels can be read. Its
painter marks where it may be cut (`CUTS_KEY` in the PNG's text chunks): the
header (time axis, releases, milestones) to repeat atop every part, the lane
and row boundaries, and the legend kept under the last part. Cutting happens
at the page's scale, so each part fills at most one page and keeps every label
at the size it was drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

CUTS_KEY = "pmdesk-cuts"
FILL = 0.8
"""A part ends at a lane boundary when that fills at least this much of its page."""


@dataclass(frozen=True, slots=True)
class Cuts:
    header: int
    """The rows of pixels [0, header) repeat atop every part."""
    body: int
    """Where the body ends and the legend begins."""
    lanes: tuple[int, ...]
    """Lane boundaries: the preferred cuts."""
    rows: tuple[int, ...]
    """Row boundaries: cuts inside a lane too tall for a page."""
    gutter: int = 0
    """The lane names' column [0, gutter): a part starting inside a lane repeats its name."""

    def text(self) -> str:
        lanes = ",".join(map(str, self.lanes))
        rows = ",".join(map(str, self.rows))
        return (
            f"header={self.header};body={self.body};lanes={lanes};rows={rows};gutter={self.gutter}"
        )

    @staticmethod
    def parse(text: str) -> Cuts | None:
        try:
            fields = dict(part.split("=", 1) for part in text.split(";"))
            numbers = {k: tuple(int(v) for v in fields[k].split(",") if v) for k in fields}
            gutter = numbers.get("gutter", (0,))
            return Cuts(
                numbers["header"][0],
                numbers["body"][0],
                numbers["lanes"],
                numbers["rows"],
                gutter[0] if gutter else 0,
            )
        except (KeyError, IndexError, ValueError):
            return None


def mark(image: QImage, cuts: Cuts) -> None:
    image.setText(CUTS_KEY, cuts.text())


def _balanced(cuts: Cuts, first: int, later: int) -> list[tuple[int, int]]:
    """The spans of `_spans`, evened out: as many parts, each about as tall, so the
    last part is not a row or two under a repeated header."""
    spans = _spans(cuts, first, later)
    if len(spans) < 2:
        return spans
    even = int((cuts.body - cuts.header) / len(spans) * 1.15)
    balanced = _spans(cuts, min(first, even), min(later, even))
    return balanced if len(balanced) == len(spans) else spans


def _spans(cuts: Cuts, first: int, later: int) -> list[tuple[int, int]]:
    """Body spans [top, bottom) of at most `first` (then `later`) pixels, cut at lane
    boundaries where possible, else at row boundaries."""
    spans = []
    top, room = cuts.header, first
    lanes = [y for y in cuts.lanes if cuts.header < y <= cuts.body]
    rows = sorted({*cuts.rows, *lanes, cuts.body})
    while top < cuts.body:
        limit = top + room
        if cuts.body <= limit:
            spans.append((top, cuts.body))
            break
        # A lane boundary when one falls in the page's lower part, else the last row
        # that fits: pages are filled, not left half empty for a tall lane.
        fitting = [y for y in lanes if top + FILL * room <= y <= limit]
        fitting = fitting or [y for y in rows if top < y <= limit]
        bottom = max(fitting) if fitting else limit  # a row taller than a page: cut anyway
        spans.append((top, bottom))
        top, room = bottom, later
    return spans


def page_parts(png: bytes, first: int, later: int, tail: int = 0) -> list[tuple[bytes, int, int]]:
    """`png` as parts at most `first` pixels tall (the first part), then `later`:
    each with the header atop and the last with the legend and `tail` pixels of room
    under it (for a caption); [(png, width, height)]. A picture without cuts, or one
    that fits, comes back whole."""
    image = QImage.fromData(png)
    cuts = Cuts.parse(image.text(CUTS_KEY)) if not image.isNull() else None
    if cuts is None or image.height() + tail <= first:
        return [(png, image.width(), image.height())]
    # The legend (and the tail) end the last part: no cut between them and the body.
    end = image.height() + tail
    inner = replace(
        cuts,
        body=end,
        lanes=tuple(y for y in cuts.lanes if y < cuts.body),
        rows=tuple(y for y in cuts.rows if y < cuts.body),
    )
    spans = _balanced(inner, first - cuts.header, later - cuts.header)
    return [
        _compose(image, cuts, top, min(bottom, cuts.body), with_legend=bottom == end)
        for top, bottom in spans
    ]


def _compose(
    image: QImage, cuts: Cuts, top: int, bottom: int, *, with_legend: bool
) -> tuple[bytes, int, int]:
    legend = image.height() - cuts.body if with_legend else 0
    height = cuts.header + (bottom - top) + legend
    part = QImage(image.width(), height, QImage.Format.Format_ARGB32_Premultiplied)
    part.fill(QColor("white"))
    p = QPainter(part)
    try:
        p.drawImage(0, 0, image, 0, 0, image.width(), cuts.header)
        p.drawImage(0, cuts.header, image, 0, top, image.width(), bottom - top)
        started = [y for y in cuts.lanes if y <= top]
        if cuts.gutter and started and started[-1] < top:  # inside a lane: its name again
            lane = started[-1]
            below = [y for y in cuts.rows if y > lane]  # the first row's top, then the next
            name_height = min(below[1] - lane if len(below) > 1 else 0, bottom - top)
            p.fillRect(0, cuts.header, cuts.gutter, name_height, QColor("white"))
            p.drawImage(0, cuts.header, image, 0, lane, cuts.gutter, name_height)
        if with_legend:
            p.drawImage(0, cuts.header + bottom - top, image, 0, cuts.body, image.width(), legend)
    finally:
        p.end()
    return encode(part), part.width(), height


def encode(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"png")).write(image):
        raise OSError("A part of a picture could not be encoded as PNG.")
    buffer.close()
    return bytes(data.data())


def boundaries(tops: Sequence[float], offset: float, ratio: float = 1.0) -> tuple[int, ...]:
    """Whole-pixel picture rows of body positions `tops` shifted by `offset`, at
    `ratio` pixels per drawing unit."""
    return tuple(round((offset + y) * ratio) for y in tops)
