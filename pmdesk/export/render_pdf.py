"""The neutral document → a PDF, by Qt alone (no LibreOffice, no Word).

The blocks become Qt rich-text HTML (`pdf_html`), which a QTextDocument lays
out on A4 pages; a QPainter on a QPdfWriter then draws page after page, with
the running header (the product left, the chapter right) and footer (the
organisation, "page X of Y") on every page but the cover. Fonts are embedded
as subsets by Qt; Chinese comes from the first CJK family installed
(`pdf_fonts`).

Because the pages are known, the contents carry real page numbers: the text is
laid out once with the numbers blank, the page of each heading is read off the
layout, and the contents are written again with them (again, should the
numbers have moved a line). A wide picture (the roadmap) gets a page turned
sideways with its heading, as in the Word export.

Runs on any thread once a QGuiApplication exists (`ensure_gui` makes one,
offscreen when there is no display): QTextDocument, QPdfWriter and QPainter on
a PDF need no widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from pmdesk.export.doc import Block, Contents, Document, Heading, Image, PageBreak
from pmdesk.export.pdf_fonts import font, repair_text_map
from pmdesk.export.pdf_html import (
    BODY_PT,
    CAPTION_ROOM_PX,
    CONTENTS_ANCHOR,
    HEADING_ROOM_PX,
    INK,
    KEEP_ANCHOR,
    STYLESHEET,
    HeadingEntry,
    PdfHtml,
    number_headings,
)
from pmdesk.export.prd_build import ExportCancelledError
from pmdesk.export.roadmap_picture import ensure_gui

Progress = Callable[[int, int], None]

DPI = 1200  # QPdfWriter's resolution: device units per inch
CSS_DPI = 96  # HTML lengths are pixels at 96 dpi
MM = DPI / 25.4
PAGE_MM = (210.0, 297.0)  # A4
MARGIN_MM = {"left": 22.0, "right": 22.0, "top": 25.0, "bottom": 22.0}
HEADER_MM = 13.0  # header baseline, from the top edge
FOOTER_MM = 12.0  # footer baseline, from the bottom edge
FURNITURE_PT = 8.5
MAX_PASSES = 4
KEEP_TOGETHER_ROWS = 12  # a table this short follows its heading to the next page whole
BIGGER_SIDEWAYS = 1.15  # a picture gets a sideways page when it prints this much larger


@dataclass
class _Run:
    """Consecutive blocks laid out on pages of one orientation."""

    blocks: list[Block]
    landscape: bool = False
    doc: QTextDocument | None = None
    first_page: int = 0  # 0-based page of the whole PDF
    pages: int = 0
    headings: list[tuple[HeadingEntry, int]] = field(default_factory=list)
    """Each heading with its 0-based page in the PDF."""


def render_pdf(
    document: Document,
    target: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write `document` as an A4 PDF to `target`; `progress` hears of each page painted.

    Raises ExportCancelledError when `cancelled()` turns true (checked between
    pages): the caller discards the half-written file."""
    ensure_gui()
    _Renderer(document, progress, cancelled).write(target)


def text_size_px(*, landscape: bool) -> tuple[float, float]:
    """The text area of a page in CSS pixels."""
    width, height = PAGE_MM[::-1] if landscape else PAGE_MM
    across = width - MARGIN_MM["left"] - MARGIN_MM["right"]
    down = height - MARGIN_MM["top"] - MARGIN_MM["bottom"]
    return across / 25.4 * CSS_DPI, down / 25.4 * CSS_DPI


def sideways(block: Image) -> bool:
    """Whether a wide picture prints clearly larger on a page turned sideways."""
    if not block.wide or block.width <= 0 or block.height <= 0:
        return False
    room = CAPTION_ROOM_PX + HEADING_ROOM_PX

    def scale(landscape: bool) -> float:
        across, down = text_size_px(landscape=landscape)
        return min(1.0, across / block.width, (down - room) / block.height)

    return scale(True) > BIGGER_SIDEWAYS * scale(False)


def split_runs(blocks: Sequence[Block]) -> list[_Run]:
    """Portrait runs split at page breaks (so the contents, in the first, are laid
    out again alone), and a sideways run for each wide picture (with the heading
    right before it, so the chapter does not end a page on its own)."""
    runs = [_Run([])]
    for block in blocks:
        if isinstance(block, PageBreak):  # a run starts a page: the front matter is one
            runs.append(_Run([]))
        elif isinstance(block, Image) and sideways(block):
            current = runs[-1].blocks
            heading = [current.pop()] if current and isinstance(current[-1], Heading) else []
            runs.append(_Run([*heading, block], landscape=True))
            runs.append(_Run([]))
        else:
            runs[-1].blocks.append(block)
    return [run for run in runs if run.blocks]


def _leads_in(block: QTextBlock) -> bool:
    """A heading, or a caption: text that belongs on the page of what follows it."""
    if block.blockFormat().headingLevel():
        return True
    start = block.begin()
    if start.atEnd():  # an empty block: fragment() would read past the end
        return False
    names = start.fragment().charFormat().anchorNames()
    return any(name.startswith(KEEP_ANCHOR) for name in names)


class _Renderer:
    def __init__(
        self,
        document: Document,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.document = document
        self.progress = progress
        self.cancelled = cancelled
        self.language = document.language
        self.entries = number_headings(document.blocks)
        self.runs = split_runs(document.blocks)
        self.body_font = font(self.language, BODY_PT)

    # -- layout -------------------------------------------------------------------

    def write(self, target: Path) -> None:
        writer = QPdfWriter(str(target))
        writer.setResolution(DPI)
        writer.setTitle(self.document.title)
        writer.setCreator("pmdesk")
        if self.document.author and hasattr(writer, "setAuthor"):
            writer.setAuthor(self.document.author)
        landscape = bool(self.runs) and self.runs[0].landscape
        writer.setPageLayout(self._page_layout(landscape=landscape))
        self.layout(writer)
        self.paint(writer)
        del writer  # painter.end() finished the file; patch it once Qt lets go
        repair_text_map(target)

    @staticmethod
    def _page_layout(*, landscape: bool) -> QPageLayout:
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )

    def layout(self, writer: QPdfWriter) -> None:
        """Lay every run out; write the contents with page numbers once they are known."""
        html = PdfHtml(self.document, self.entries, width_px=0, height_px=0)
        pages: dict[str, int] = {}
        with_contents = [
            n for n, run in enumerate(self.runs) if any(isinstance(b, Contents) for b in run.blocks)
        ]
        for run in self.runs:
            if self.cancelled is not None and self.cancelled():
                raise ExportCancelledError()
            html.width_px, html.height_px = text_size_px(landscape=run.landscape)
            run.doc = self._document(writer, run, html.html(run.blocks), html.images)
            html.images = {}
            self._keep_headings_with_text(run)
        for _ in range(MAX_PASSES):
            self._number_pages()
            found = {entry.name: page + 1 for run in self.runs for entry, page in run.headings}
            if found == pages or not with_contents:
                break
            pages = found
            for index in with_contents:
                run = self.runs[index]
                html.width_px, html.height_px = text_size_px(landscape=run.landscape)
                run.doc = self._document(writer, run, html.html(run.blocks, pages), html.images)
                html.images = {}
                self._keep_headings_with_text(run)

    def _document(
        self, writer: QPdfWriter, run: _Run, text: str, images: dict[str, bytes]
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultFont(self.body_font)
        doc.setDocumentMargin(0)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultStyleSheet(STYLESHEET)
        for name, data in images.items():
            image = QImage.fromData(QByteArray(data))
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        across, down = text_size_px(landscape=run.landscape)
        doc.setPageSize(QSizeF(across / CSS_DPI * DPI, down / CSS_DPI * DPI))
        doc.setHtml(f'<body style="color: {INK};">{text}</body>')
        return doc

    def _heading_blocks(self, doc: QTextDocument) -> list[tuple[int, float, float]]:
        """(position, top, bottom) of each heading block, in device units."""
        layout = doc.documentLayout()
        found = []
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                rect = layout.blockBoundingRect(block)
                found.append((block.position(), rect.top(), rect.bottom()))
            block = block.next()
        return found

    def _keep_headings_with_text(self, run: _Run) -> None:
        """A heading whose text starts on the next page moves there too (Qt has no
        keep-with-next), with the headings right above it on its page; so does
        a table's caption.

        One pass from the top while Qt lays the text out lazily: a move only
        shifts what follows, and what follows is laid out again as far as Qt
        had got (marked dirty, so tables below are paginated anew too). Moving
        every such heading of a finished layout at once instead left pages with
        a line on them: a heading at a page's foot before the first move is
        often mid-page after it."""
        doc = run.doc
        assert doc is not None
        layout = doc.documentLayout()
        page = doc.pageSize().height()
        brk = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        headings = []
        block = doc.begin()
        while block.isValid():  # finding them needs no layout
            if _leads_in(block):
                headings.append(block.position())
            block = block.next()
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(brk)
        for position in headings:
            block = doc.findBlock(position)
            if block.blockFormat().pageBreakPolicy() & brk:
                continue
            top = layout.blockBoundingRect(block).top()
            starts = int(top // page)
            if top - starts * page < 1 or not self._ends_page(doc, block, starts):
                continue  # at the top of a page already, or its text follows it
            first = block
            while True:  # a chapter heading over its first section's goes along
                before = first.previous()
                if not before.isValid() or not _leads_in(before):
                    break
                if int(layout.blockBoundingRect(before).top() // page) != starts:
                    break
                first = before
            cursor = QTextCursor(first)
            cursor.beginEditBlock()  # one relayout for both
            cursor.mergeBlockFormat(fmt)
            doc.markContentsDirty(first.position(), doc.characterCount() - first.position() - 1)
            cursor.endEditBlock()

    @staticmethod
    def _ends_page(doc: QTextDocument, heading: QTextBlock, page_index: int) -> bool:
        """Whether what follows `heading` starts on a later page: its first lines, or
        all of a short table (a requirement's facts) that would otherwise split."""
        layout = doc.documentLayout()
        page = doc.pageSize().height()
        after = heading.next()
        if not after.isValid():
            return False
        if int(layout.blockBoundingRect(heading).bottom() // page) > page_index:
            return True
        table = QTextCursor(after).currentTable()
        if table is not None and table.firstPosition() <= after.position() + 1:
            rows = table.rows()
            row = rows - 1 if rows <= KEEP_TOGETHER_ROWS else min(1, rows - 1)
            after = table.cellAt(row, 0).firstCursorPosition().block()
        return int(layout.blockBoundingRect(after).bottom() // page) > page_index

    def _number_pages(self) -> None:
        """Each run's first page and page count, and the page of every heading."""
        at = 0
        order = [self.entries[id(b)] for b in self.document.blocks if id(b) in self.entries]
        headings = iter(order)
        for run in self.runs:
            doc = run.doc
            assert doc is not None
            run.first_page = at
            run.pages = max(doc.pageCount(), 1)
            height = doc.pageSize().height()
            run.headings = []
            for _, top, _ in self._heading_blocks(doc):
                entry = next(headings, None)
                if entry is None:
                    break
                run.headings.append((entry, at + int(top // height)))
            contents = next((b for b in run.blocks if isinstance(b, Contents)), None)
            if contents is not None:  # the running header says 目录 over the contents
                title_top = self._anchor_top(doc, CONTENTS_ANCHOR)
                if title_top is not None:
                    entry = HeadingEntry(1, "", contents.title, CONTENTS_ANCHOR, None)
                    run.headings.append((entry, at + int(title_top // height)))
            at += run.pages
        self.page_count = at

    @staticmethod
    def _anchor_top(doc: QTextDocument, name: str) -> float | None:
        """Where the block starting with anchor `name` is laid out."""
        block = doc.begin()
        while block.isValid():
            start = block.begin()
            if not start.atEnd() and name in start.fragment().charFormat().anchorNames():
                return doc.documentLayout().blockBoundingRect(block).top()
            block = block.next()
        return None

    # -- painting -----------------------------------------------------------------

    def paint(self, writer: QPdfWriter) -> None:
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError("The PDF could not be started.")
        try:
            running = ""
            first = True
            level_one: dict[int, str] = {}  # the first chapter starting on each page
            for run in self.runs:
                for entry, page in run.headings:
                    if entry.level == 1:
                        level_one.setdefault(page, entry.label)
            last_one = {  # the last chapter starting on each page
                page: entry.label
                for run in self.runs
                for entry, page in run.headings
                if entry.level == 1
            }
            for run in self.runs:
                doc = run.doc
                assert doc is not None
                layout = self._page_layout(landscape=run.landscape)
                height = doc.pageSize().height()
                width = doc.pageSize().width()
                for page in range(run.pages):
                    number = run.first_page + page
                    if not first:
                        writer.setPageLayout(layout)
                        writer.newPage()
                    first = False
                    # The header names the first chapter starting on the page, else
                    # the chapter still running from earlier pages (Word's STYLEREF).
                    chapter = level_one.get(number, running)
                    running = last_one.get(number, running)
                    painter.save()
                    painter.translate(MARGIN_MM["left"] * MM, MARGIN_MM["top"] * MM - page * height)
                    doc.drawContents(painter, QRectF(0, page * height, width, height))
                    painter.restore()
                    if number > 0:
                        self.furniture(painter, number, chapter, landscape=run.landscape)
                    if self.progress is not None:
                        self.progress(number + 1, self.page_count)
                    if self.cancelled is not None and self.cancelled():
                        raise ExportCancelledError()
        finally:
            painter.end()

    def furniture(self, painter: QPainter, number: int, chapter: str, *, landscape: bool) -> None:
        """Header (product and version left, the chapter right, a hairline under)
        and footer (organisation left, "page X of Y" right)."""
        page_w, page_h = (PAGE_MM[1], PAGE_MM[0]) if landscape else PAGE_MM
        left = MARGIN_MM["left"] * MM
        right = (page_w - MARGIN_MM["right"]) * MM
        half = (right - left) / 2 - 4 * MM
        small = font(self.language, FURNITURE_PT)
        metrics = QFontMetricsF(small, painter.device())
        painter.save()
        painter.setFont(small)
        painter.setPen(QColor("#6B7280"))
        head = self.document.header or self.document.title
        top = HEADER_MM * MM
        head = metrics.elidedText(head, Qt.TextElideMode.ElideRight, half)
        chapter = metrics.elidedText(chapter, Qt.TextElideMode.ElideRight, half)
        painter.drawText(QPointF(left, top), head)
        painter.drawText(QPointF(right - metrics.horizontalAdvance(chapter), top), chapter)
        line = QPen(QColor("#C9D1DC"))
        line.setWidthF(0.25 * MM)
        painter.setPen(line)
        rule = top + metrics.descent() + 1.2 * MM
        painter.drawLine(QPointF(left, rule), QPointF(right, rule))
        painter.setPen(QColor("#6B7280"))
        bottom = (page_h - FOOTER_MM) * MM
        label = self.document.page_label.format(page=number + 1, pages=self.page_count)
        if self.document.organisation:
            organisation = metrics.elidedText(
                self.document.organisation, Qt.TextElideMode.ElideRight, half
            )
            painter.drawText(QPointF(left, bottom), organisation)
            painter.drawText(QPointF(right - metrics.horizontalAdvance(label), bottom), label)
        else:
            middle = (left + right - metrics.horizontalAdvance(label)) / 2
            painter.drawText(QPointF(middle, bottom), label)
        painter.restore()
