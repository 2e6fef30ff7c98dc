"""The neutral document → a PDF, by Qt alone (no LibreOffice, no Word).

The blocks become Qt rich-text HTML (`pdf_html`) a run of pages at a time
(`pdf_runs`: each chapter starts a page, a long chapter goes on in pieces);
a QTextDocument lays each run out on A4 pages, and a QPainter on a QPdfWriter
then draws page after page, with
the running header (the product left, the chapter right) and footer (the
organisation, "page X of Y") on every page but the cover. Fonts are embedded
as subsets by Qt; Chinese comes from the first CJK family installed
(`pdf_fonts`).

Because the pages are known, the contents carry real page numbers: the text is
laid out once with the numbers blank, the page of each heading is read off the
layout, and the contents are written again with them (again, should the
numbers have moved a line). A wide picture (the roadmap) gets pages turned
sideways with its heading, cut into page-sized parts when it is tall, as in the
Word export. Measuring needs every run laid out before the first page is drawn;
past `KEPT_CHARACTERS` a run's layout is let go once measured and made again
(the same) to be painted, so memory stays flat however long the document.

Runs on any thread once a QGuiApplication exists (`ensure_gui` makes one,
offscreen when there is no display): QTextDocument, QPdfWriter and QPainter on
a PDF need no widgets.
"""

from __future__ import annotations

from collections.abc import Callable
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

from pmdesk.export.doc import Contents, Document
from pmdesk.export.footnotes import gather_footnotes
from pmdesk.export.pdf_fonts import font, repair_text_map
from pmdesk.export.pdf_html import (
    BODY_PT,
    CONTENTS_ANCHOR,
    INK,
    KEEP_ANCHOR,
    STYLESHEET,
    HeadingEntry,
    PdfHtml,
    number_headings,
)
from pmdesk.export.pdf_runs import (
    CSS_DPI,
    MARGIN_MM,
    PAGE_MM,
    PageRun,
    sideways,
    split_runs,
    text_size_px,
)
from pmdesk.export.prd_build import ExportCancelledError
from pmdesk.export.roadmap_picture import ensure_gui

Progress = Callable[[int, int], None]

DPI = 1200  # QPdfWriter's resolution: device units per inch
MM = DPI / 25.4
HEADER_MM = 13.0  # header baseline, from the top edge
FOOTER_MM = 12.0  # footer baseline, from the bottom edge
FURNITURE_PT = 8.5
MAX_PASSES = 4
KEEP_TOGETHER_ROWS = 12  # a table this short follows its heading to the next page whole
KEPT_CHARACTERS = 600_000
"""Laid-out text kept from layout to painting (about 1,000 requirements, some 150 MiB);
the runs after it are laid out again to be painted, one at a time, and let go."""
__all__ = ["render_pdf", "sideways", "text_size_px"]


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
        # Runs that go on mid-page number their footnotes apart: cut only without notes.
        self.runs = split_runs(document.blocks, pieces=not gather_footnotes(document.blocks))
        self.html = PdfHtml(document, self.entries, width_px=0, height_px=0)
        self.pages: dict[str, int] = {}
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
        """Lay every run out and measure it; write the contents with page numbers once
        they are known. Past `KEPT_CHARACTERS`, a run's layout is let go once measured."""
        with_contents = [
            n for n, run in enumerate(self.runs) if any(isinstance(b, Contents) for b in run.blocks)
        ]
        kept = 0
        previous: PageRun | None = None
        for index, run in enumerate(self.runs):
            if self.cancelled is not None and self.cancelled():
                raise ExportCancelledError()
            run.notes = self.html.note_state()
            if run.continued and previous is not None:
                run.top = previous.end
            doc = self._lay_out(writer, run)
            self._measure(run, doc)
            kept += doc.characterCount()
            run.doc = doc if kept <= KEPT_CHARACTERS or index in with_contents else None
            previous = run
        for _ in range(MAX_PASSES):
            self._number_pages()
            found = {entry.name: page + 1 for run in self.runs for entry, page in run.headings}
            if found == self.pages or not with_contents:
                break
            self.pages = found
            for index in with_contents:
                run = self.runs[index]
                run.doc = self._lay_out(writer, run)
                self._measure(run, run.doc)

    def _lay_out(self, writer: QPdfWriter, run: PageRun) -> QTextDocument:
        """The run's text laid out on its pages (again the same way when painting)."""
        html = self.html
        html.width_px, html.height_px = text_size_px(landscape=run.landscape)
        text = html.html(run.blocks, self.pages, notes=run.notes)
        doc = self._document(writer, run, text, html.images)
        html.images = {}
        self._keep_headings_with_text(doc)
        return doc

    def _measure(self, run: PageRun, doc: QTextDocument) -> None:
        """The run's pages, where its headings (and the contents' title) fall, and where
        its text ends on its last page (a continued run starts there)."""
        height = doc.pageSize().height()
        run.pages = max(doc.pageCount(), 1)
        run.heading_pages = [int(top // height) for _, top, _ in self._heading_blocks(doc)]
        run.contents_page = None
        if any(isinstance(b, Contents) for b in run.blocks):
            title_top = self._anchor_top(doc, CONTENTS_ANCHOR)
            if title_top is not None:
                run.contents_page = int(title_top // height)
        last = doc.lastBlock()
        rect = doc.documentLayout().blockBoundingRect(last)
        bottom = rect.bottom() if last.length() > 1 else rect.top()
        run.end = bottom - (run.pages - 1) * height

    def _document(
        self, writer: QPdfWriter, run: PageRun, text: str, images: dict[str, bytes]
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
        if run.top > 0:  # a continued run: an empty line as tall as the text above it
            cursor = QTextCursor(doc)
            cursor.insertBlock()
            spacer = QTextBlockFormat()
            fixed = QTextBlockFormat.LineHeightTypes.FixedHeight.value
            spacer.setLineHeight(run.top * CSS_DPI / DPI, fixed)  # Qt reads it in CSS pixels
            QTextCursor(doc.firstBlock()).setBlockFormat(spacer)
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

    def _keep_headings_with_text(self, doc: QTextDocument) -> None:
        """A heading whose text starts on the next page moves there too (Qt has no
        keep-with-next), with the headings right above it on its page; so does
        a table's caption.

        One pass from the top while Qt lays the text out lazily: a move only
        shifts what follows, and what follows is laid out again as far as Qt
        had got (marked dirty, so tables below are paginated anew too). Moving
        every such heading of a finished layout at once instead left pages with
        a line on them: a heading at a page's foot before the first move is
        often mid-page after it."""
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
        """Each run's first page, and the page of every heading, from the measures."""
        at = 0
        order = [self.entries[id(b)] for b in self.document.blocks if id(b) in self.entries]
        headings = iter(order)
        for run in self.runs:
            if run.continued and at > 0:
                at -= 1  # it starts on the last page of the run before
            run.first_page = at
            run.headings = []
            for page in run.heading_pages:
                entry = next(headings, None)
                if entry is None:
                    break
                run.headings.append((entry, at + page))
            contents = next((b for b in run.blocks if isinstance(b, Contents)), None)
            if contents is not None and run.contents_page is not None:
                # the running header says 目录 over the contents
                entry = HeadingEntry(1, "", contents.title, CONTENTS_ANCHOR, None)
                run.headings.append((entry, at + run.contents_page))
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
                # A run whose layout was let go is laid out again, the same way.
                doc = run.doc if run.doc is not None else self._lay_out(writer, run)
                run.doc = None  # painted, then let go
                layout = self._page_layout(landscape=run.landscape)
                height = doc.pageSize().height()
                width = doc.pageSize().width()
                for page in range(run.pages):
                    number = run.first_page + page
                    shared = run.continued and page == 0 and not first  # the page is begun
                    if not shared:
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
                    if shared:
                        continue
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
