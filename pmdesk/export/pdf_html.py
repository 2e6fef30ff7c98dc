"""The neutral document → the HTML subset Qt's QTextDocument lays out, for the PDF.

Qt's rich-text HTML is parsed in C++, so the whole PRD is written as one string
and laid out in one go (building it cursor call by cursor call from Python was
the slow part). Lengths are CSS pixels at 96 dpi (Qt scales them to the printer)
and font sizes are points. Qt's subset has no padding on paragraphs and no
keep-with-next: code blocks and quotes are one-cell tables, and `render_pdf`
moves a heading that ends a page to the next one.

Headings are numbered here as in the Word export (1, 1.1, 1.1.1; front and back
matter unnumbered) and each carries an anchor `h<n>` that the contents and
in-document links point at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Contents,
    Cover,
    Document,
    Footnote,
    Heading,
    Image,
    ListBlock,
    PageBreak,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    Table,
    heading_slug,
    plain_text,
)
from pmdesk.export.footnotes import FootnoteNumbers, gather_footnotes
from pmdesk.export.heading_numbers import DEPTH, HeadingNumbers, numbered
from pmdesk.export.pdf_fonts import css_families, families
from pmdesk.export.picture_pages import page_parts
from pmdesk.export.table_widths import SAMPLED_ROWS, column_widths
from pmdesk.export.text_safety import strip_illegal_chars, web_href

INK = "#1F2937"
HEADING_INK = "#1F3A5F"
GREY = "#6B7280"
LINK = "#1D4ED8"
BORDER = "#C9D1DC"
HEADER_FILL = "#E3E9F1"
LABEL_FILL = "#F3F5F8"
CODE_FILL = "#F5F7FA"
ERROR_INK = "#B91C1C"
BODY_PT = 10.5
TABLE_PT = 9.0
CODE_PT = 8.5
HEADING_PT = {1: 17.0, 2: 14.0, 3: 12.0, 4: 11.0}
CAPTION_ROOM_PX = 40.0
"""Under a picture: its caption line."""
HEADING_ROOM_PX = 60.0
"""Above a picture on its sideways page: the chapter heading."""
CONTENTS_ANCHOR = "contents"
"""The contents' title: the running header names it over the contents' pages."""
KEEP_ANCHOR = "keep-"
"""Anchors starting so mark a paragraph that stays on the page of what follows it."""


_CELL = f"border: 1px solid {BORDER}; font-size: {TABLE_PT}pt;"
STYLESHEET = (
    f"body {{ color: {INK}; }} "
    f"td.c {{ {_CELL} }} "
    f"th.h {{ {_CELL} background-color: {HEADER_FILL}; }} "
    f"td.l {{ {_CELL} background-color: {LABEL_FILL}; color: #4B5563; }}"
)
"""Table cells by class: a style attribute on each of thousands of cells made
Qt's HTML parsing a third slower."""


@dataclass(frozen=True, slots=True)
class HeadingEntry:
    level: int
    number: str
    text: str
    name: str
    """Anchor in the laid-out text: `h` + the block's index."""
    anchor: str | None

    @property
    def label(self) -> str:
        return numbered(self.number, self.text)


def number_headings(blocks: Sequence[Block]) -> dict[int, HeadingEntry]:
    """Top-level headings by `id(block)`, numbered as the other exports number them."""
    numbers = HeadingNumbers()
    entries: dict[int, HeadingEntry] = {}
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        level = min(max(block.level, 1), DEPTH)
        number = numbers.next(level) if block.numbered else ""
        text = strip_illegal_chars(block.text)
        entries[id(block)] = HeadingEntry(level, number, text, f"h{index}", block.anchor)
    return entries


PART_ROOM_PX = 14.0
"""Below each part of a cut picture: its paragraph's spacing and the line's descent."""


def picture_parts(block: Image, width_px: float, height_px: float) -> list[tuple[bytes, int, int]]:
    """A wide picture too tall for a page of `width_px` × `height_px` at its width, as
    parts that each fill at most a page (`picture_pages`, as the Word export cuts it):
    the first leaves room for the heading above it, the last for the caption under
    it. [(png, width, height)] in the picture's pixels; one that fits comes back whole."""
    if not block.wide or block.width <= 0 or block.height <= 0:
        return [(block.png, block.width, block.height)]
    scale = min(1.0, width_px / block.width)  # CSS pixels per picture pixel
    first = int((height_px - HEADING_ROOM_PX - PART_ROOM_PX) / scale)
    later = int((height_px - PART_ROOM_PX) / scale)
    return list(_parts(block.png, first, later, int(CAPTION_ROOM_PX / scale)))


@lru_cache(maxsize=8)  # asked when choosing the page's orientation, then to write it
def _parts(png: bytes, first: int, later: int, tail: int) -> tuple[tuple[bytes, int, int], ...]:
    return tuple(page_parts(png, first, later, tail))


def _text(text: str) -> str:
    return escape(strip_illegal_chars(text), quote=False)


def _attr(text: str) -> str:
    return escape(strip_illegal_chars(text), quote=True)


NoteState = tuple[dict[str, int], tuple[str, ...], int]
"""Footnotes numbered so far (label → number, labels in order) and how many are written."""


class PdfHtml:
    """Writes blocks as HTML; `images` collects the pictures the HTML names."""

    def __init__(
        self,
        document: Document,
        entries: Mapping[int, HeadingEntry],
        *,
        width_px: float,
        height_px: float,
    ) -> None:
        self.document = document
        self.zh = document.language == "zh"
        self.entries = entries
        self.width_px = width_px
        self.height_px = height_px
        self.images: dict[str, bytes] = {}
        self.mono = css_families(families(document.language, mono=True))
        self.anchors: dict[str, str] = {}
        for entry in entries.values():  # "#4-需求列表" or "#需求列表", as GitHub names them
            self.anchors.setdefault(heading_slug(entry.label), entry.name)
            self.anchors.setdefault(heading_slug(entry.text), entry.name)
        self.anchors.update({e.anchor: e.name for e in entries.values() if e.anchor})
        self._break = False
        self.kept = 0
        self.notes = gather_footnotes(document.blocks)
        self.numbers = FootnoteNumbers(self.notes)
        self._noted = 0  # how many notes are written (under their chapter)

    def html(
        self,
        blocks: Sequence[Block],
        pages: Mapping[str, int] | None = None,
        *,
        notes: NoteState | None = None,
    ) -> str:
        """The blocks of one run of pages; `pages` gives each heading anchor's page
        number for the contents (blank while they are not known yet). Footnotes are
        numbered from `notes` (`note_state()` before the run was first written: the
        numbers go on from run to run), else from 1."""
        self.pages = pages or {}
        self._break = False
        self.numbers = FootnoteNumbers(self.notes)
        self._noted = 0
        if notes is not None:
            numbered, order, self._noted = notes
            self.numbers.update(numbered)
            self.numbers.order = list(order)
        out: list[str] = []
        for block in blocks:
            if isinstance(block, Heading) and block.level == 1:
                self.footnotes(out)  # a chapter's notes close it
            self.block(block, out, top=True)
        self.footnotes(out)
        return "".join(out)

    def note_state(self) -> NoteState:
        """Where the footnote numbering stands, for the next run to go on from."""
        return dict(self.numbers), tuple(self.numbers.order), self._noted

    def footnotes(self, out: list[str]) -> None:
        """The notes referenced since the last ones, numbered in reading order, in
        small type (writing a note can number another: a note citing a note)."""
        if self._noted == len(self.numbers.order):
            return
        out.append(f'<hr style="border-color: {BORDER}; margin-top: 6px;" width="30%" />')
        while self._noted < len(self.numbers.order):
            label = self.numbers.order[self._noted]
            self._noted += 1
            number = self.numbers[label]
            mark = f'<a name="fn-{number}"></a><sup>{number}</sup>\u2002'
            css = f"color: {GREY}; font-size: 9pt; margin-top: 0px; margin-bottom: 3px; "
            note: list[str] = []
            for block in self.notes[label].blocks:
                if isinstance(block, Paragraph):
                    note.append(f'<p style="{css}">{mark}{self.runs(block.runs)}</p>')
                else:
                    if mark:
                        note.append(f'<p style="{css}">{mark}</p>')
                    self.block(block, note)
                mark = ""
            out.extend(note or [f'<p style="{css}">{mark}</p>'])

    # -- blocks -----------------------------------------------------------------

    def _breaking(self) -> str:
        """`page-break-before` for the element after a page break."""
        if self._break:
            self._break = False
            return "page-break-before: always; "
        return ""

    def block(self, block: Block, out: list[str], *, top: bool = False) -> None:
        if isinstance(block, Paragraph):
            out.append(self.paragraph(block.runs, block.style))
        elif isinstance(block, Heading):
            entry = self.entries.get(id(block)) if top else None
            out.append(
                self.heading(block, entry)
                if entry
                else self.paragraph(block.runs or [], "label", text=block.text)
            )
        elif isinstance(block, ListBlock):
            out.append(self.list_block(block))
        elif isinstance(block, Table):
            out.append(self.table(block))
        elif isinstance(block, CodeBlock):
            out.append(self.code(block))
        elif isinstance(block, Quote):
            out.append(self.quote(block))
        elif isinstance(block, Image):
            out.append(self.image(block))
        elif isinstance(block, Rule):
            out.append(f'<hr style="{self._breaking()}border-color: {BORDER};" />')
        elif isinstance(block, PageBreak):
            self._break = True
        elif isinstance(block, Contents):
            out.append(self.contents(block))
        elif isinstance(block, Cover):
            out.append(self.cover(block))
        elif isinstance(block, Footnote):
            pass  # written under its chapter, where `footnotes` gathers them

    def paragraph(self, runs: Runs, style: str = "body", *, text: str = "") -> str:
        css = self._breaking() + "margin-top: 0px; margin-bottom: 7px; "
        keep = ""
        if style == "note":
            css += f"color: {GREY}; font-size: 9pt; "
        elif style == "label":  # a bold lead-in ("验收标准"): kept with what it introduces
            css += "font-weight: bold; margin-top: 6px; margin-bottom: 4px; "
            self.kept += 1
            keep = f'<a name="{KEEP_ANCHOR}{self.kept}"></a>'
        elif style == "error":
            css += f"color: {ERROR_INK}; "
        if style == "caption":  # a table's number and name, above it and kept with it
            css += f"color: {GREY}; font-size: 9pt; margin-top: 6px; margin-bottom: 4px; "
            self.kept += 1
            keep = f'<a name="{KEEP_ANCHOR}{self.kept}"></a>'
            return f'<p align="center" style="{css}">{keep}{self.runs(runs)}</p>'
        if not self.zh and style == "body":
            css += "text-align: left; "
        body = self.runs(runs) if runs else _text(text)
        return f'<p style="{css}">{keep}{body}</p>'

    def heading(self, block: Heading, entry: HeadingEntry) -> str:
        level = min(entry.level, 6)
        points = HEADING_PT.get(entry.level, 10.5)
        above = {1: 18, 2: 14, 3: 10}.get(entry.level, 8)
        css = (
            f"{self._breaking()}font-size: {points}pt; font-weight: bold; color: {HEADING_INK}; "
            f"margin-top: {above}px; margin-bottom: 8px; "
        )
        number = f"{_text(entry.number)}\u2002" if entry.number else ""
        body = self.runs(block.runs, plain=True) if block.runs else _text(block.text)
        return f'<h{level} style="{css}"><a name="{entry.name}"></a>{number}{body}</h{level}>'

    def runs(self, runs: Runs, *, plain: bool = False) -> str:
        """Inline text; `plain` drops link colours (a heading's own look wins)."""
        out = []
        for run in runs:
            if run.text == "\n":
                out.append("<br />")
                continue
            if run.footnote is not None:
                out.append(self.reference(run))
                continue
            text = run.text
            if run.image:  # pictures are never fetched: say what it is
                alt = text.strip()
                label = "图片" if self.zh else "Image"
                text = f"[{label}{'：' if self.zh else ': '}{alt}]" if alt else f"[{label}]"
            html = "<br />".join(_text(piece) for piece in text.split("\n"))
            if run.code:
                html = (
                    f'<span style="font-family: {self.mono}; font-size: 0.9em; '
                    f'background-color: {CODE_FILL};">{html}</span>'
                )
            if run.bold:
                html = f"<b>{html}</b>"
            if run.italic:
                html = f"<i>{html}</i>"
            if run.strike:
                html = f"<s>{html}</s>"
            target = self._target(run.href)
            if target:
                colour = "" if plain else f' style="color: {LINK}; text-decoration: none;"'
                tip = f' title="{_attr(run.title)}"' if run.title else ""
                html = f'<a href="{_attr(target)}"{tip}{colour}>{html}</a>'
            out.append(html)
        return "".join(out)

    def reference(self, run: Run) -> str:
        """A footnote's number, superscript, linked to the note; nothing for a note
        the document lacks (a redline's deleted reference)."""
        if run.footnote not in self.notes:
            return ""
        number = self.numbers[run.footnote]
        link = f'<a href="#fn-{number}" style="color: {LINK}; text-decoration: none;">{number}</a>'
        return f"<sup>{link}</sup>"

    def _target(self, href: str | None) -> str:
        """A web or mail address, or `#` + a heading of this document; relative
        paths and anchors the document lacks stay text."""
        if not href:
            return ""
        if href.startswith("#"):
            name = self.anchors.get(href[1:])
            return "#" + name if name else ""
        return href if web_href(href) else ""

    def list_block(self, block: ListBlock, depth: int = 0) -> str:
        kinds = ("disc", "circle", "square")
        numbers = ("decimal", "lower-alpha", "lower-roman")
        if block.ordered:
            tag, kind = "ol", numbers[depth % 3]
        else:
            tag, kind = "ul", kinds[depth % 3]
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        css = f"{self._breaking()}margin-top: 0px; margin-bottom: 6px; "
        css += f"list-style-type: {kind}; -qt-list-indent: {min(depth, 5) + 1};"
        out = [f'<{tag}{start} style="{css}">']
        spacing = 5 if block.loose else 2
        for item in block.items:
            inner = item.blocks or [Paragraph([])]
            first, rest = inner[0], inner[1:]
            mark = ""
            if item.checked is not None:
                mark = "☑\u2002" if item.checked else "☐\u2002"
            item_css = f"margin-top: 0px; margin-bottom: {spacing}px;"
            if item.checked is not None:
                item_css += " list-style-type: none;"
            if isinstance(first, Paragraph):
                body = mark + self.runs(first.runs)
            else:
                body, rest = mark, inner
            out.append(f'<li style="{item_css}">{body}')
            for child in rest:
                if isinstance(child, ListBlock):
                    out.append(self.list_block(child, depth + 1))
                elif isinstance(child, Paragraph):
                    out.append(f'<p style="margin-top: 0px; margin-bottom: {spacing}px;">')
                    out.append(f"{self.runs(child.runs)}</p>")
                else:
                    nested: list[str] = []
                    self.block(child, nested)
                    out.extend(nested)
            out.append("</li>")
        out.append(f"</{tag}>")
        return "".join(out)

    def _box(self, body: str, *, fill: str, border: str) -> str:
        """A one-cell table: the only way Qt pads and frames a block of text."""
        return (
            f'<table width="100%" cellspacing="0" cellpadding="7" style="{self._breaking()}'
            'border-collapse: collapse; margin-top: 2px; margin-bottom: 9px;">'
            f'<tr><td style="background-color: {fill}; {border}">{body}</td></tr></table>'
        )

    def code(self, block: CodeBlock) -> str:
        text = _text(block.text.rstrip("\n")).replace("\t", "    ")
        body = (
            f'<pre style="font-family: {self.mono}; font-size: {CODE_PT}pt; '
            f'margin: 0px;">{text}</pre>'
        )
        return self._box(body, fill=CODE_FILL, border=f"border: 1px solid {BORDER};")

    def quote(self, block: Quote) -> str:
        inner: list[str] = []
        for child in block.blocks:
            self.block(child, inner)
        body = f'<div style="color: #4B5563;">{"".join(inner)}</div>'
        return self._box(
            body,
            fill="#FFFFFF",
            border=f"border-left: 3px solid {BORDER}; border-top: none; border-right: none; "
            "border-bottom: none;",
        )

    def image(self, block: Image) -> str:
        parts = picture_parts(block, self.width_px, self.height_px)
        if len(parts) > 1:  # each part fills a page at the picture's width: labels stay big
            scale = min(1.0, self.width_px / block.width)
            margins = "margin-top: 0px; margin-bottom: 0px;"
        else:
            room = CAPTION_ROOM_PX + HEADING_ROOM_PX if block.wide else CAPTION_ROOM_PX
            scale = min(
                1.0,
                self.width_px / max(block.width, 1),
                (self.height_px - room) / max(block.height, 1),
            )
            margins = "margin-top: 4px; margin-bottom: 4px;"
        out = []
        for png, width, height in parts:
            name = f"img:{len(self.images)}"
            self.images[name] = png
            out.append(
                f'<p align="center" style="{self._breaking()}{margins}">'
                f'<img src="{name}" width="{width * scale:.1f}" height="{height * scale:.1f}" />'
                "</p>"
            )
        if block.caption:
            out.append(
                f'<p align="center" style="color: {GREY}; font-size: 9pt; margin-top: 0px; '
                f'margin-bottom: 10px;">{_text(block.caption)}</p>'
            )
        return "".join(out)

    # -- tables -----------------------------------------------------------------

    def table(self, block: Table) -> str:
        columns = max([len(block.header), *(len(r) for r in block.rows)], default=0)
        if columns == 0:
            return ""
        sample = (block.header, *block.rows[: SAMPLED_ROWS - 1])
        cells = [[plain_text(runs) for runs in row] for row in sample]
        shares = column_widths(cells, block.widths, 10000)
        align = block.align or []
        out = [
            f'<table width="100%" cellspacing="0" cellpadding="4" style="{self._breaking()}'
            'border-collapse: collapse; margin-top: 2px; margin-bottom: 10px;">'
        ]

        def side(n: int) -> str:
            jc = align[n] if n < len(align) else "left"
            return jc if jc in ("center", "right") else "left"

        if block.header and any(block.header):
            out.append("<thead><tr>")
            for n, runs in enumerate(block.header[:columns]):
                out.append(
                    f'<th class="h" width="{shares[n] / 100:.2f}%" align="{side(n)}">'
                    f"{self.runs(runs)}</th>"
                )
            out.append("</tr></thead>")
        facts = block.kind == "facts"
        first = not (block.header and any(block.header))
        for row in block.rows:
            out.append("<tr>")
            for n in range(columns):
                runs = row[n] if n < len(row) else []
                look = "l" if facts and n % 2 == 0 else "c"
                width = f' width="{shares[n] / 100:.2f}%"' if first else ""
                jc = f' align="{side(n)}"' if side(n) != "left" else ""
                out.append(f'<td class="{look}"{width}{jc}>{self.runs(runs)}</td>')
            first = False
            out.append("</tr>")
        out.append("</table>")
        return "".join(out)

    # -- front matter -----------------------------------------------------------

    def cover(self, block: Cover) -> str:
        """The title page: logo and organisation, title, subtitle over a rule, facts."""
        out = ['<p style="margin-top: 150px; margin-bottom: 0px;"></p>']
        if block.logo is not None:
            name = f"img:{len(self.images)}"
            self.images[name] = block.logo.png
            out.append(
                f'<p style="margin-bottom: 16px;"><img src="{name}" '
                f'width="{block.logo.width}" height="{block.logo.height}" /></p>'
            )
        if block.organisation:
            out.append(
                f'<p style="color: {GREY}; font-size: 11pt; margin-bottom: 10px;">'
                f"{_text(block.organisation)}</p>"
            )
        out.append(
            f'<p style="font-size: 26pt; font-weight: bold; color: {HEADING_INK}; '
            f'margin-bottom: 8px;">{_text(block.title)}</p>'
        )
        if block.subtitle:
            out.append(
                f'<p style="font-size: 14pt; color: #374151; margin-bottom: 10px;">'
                f"{_text(block.subtitle)}</p>"
            )
        out.append(f'<hr style="border-color: {HEADING_INK};" />')
        if block.facts:
            out.append(
                '<table width="100%" cellspacing="0" cellpadding="3" '
                'style="margin-top: 14px; border-collapse: collapse;">'
            )
            for label, value in block.facts:
                out.append(
                    f'<tr><td width="22%" style="color: {GREY}; font-size: 11pt;">'
                    f'{_text(label)}</td><td style="font-size: 11pt;">{_text(value)}</td></tr>'
                )
            out.append("</table>")
        self._break = True
        return "".join(out)

    def contents(self, block: Contents) -> str:
        """The headings with the pages they start on, each a link to its heading."""
        out = [
            f'<p style="{self._breaking()}font-size: {HEADING_PT[1]}pt; font-weight: bold; '
            f'color: {HEADING_INK}; margin-top: 0px; margin-bottom: 12px;">'
            f'<a name="{CONTENTS_ANCHOR}"></a>{_text(block.title)}</p>',
            '<table width="100%" cellspacing="0" cellpadding="1" '
            'style="border-collapse: collapse; margin-bottom: 8px;">',
        ]
        for entry in self.entries.values():
            if entry.level > block.depth:
                continue
            indent = 18 * (entry.level - 1)
            # Chapters bold with air above; sections a size smaller, so the
            # contents of a PRD with a hundred requirements stays on few pages.
            weight = "font-weight: bold; " if entry.level == 1 else "font-size: 9.5pt; "
            above = "padding-top: 4px; " if entry.level == 1 else "padding-top: 0px; "
            page = self.pages.get(entry.name)
            link = f'<a href="#{entry.name}" style="color: {INK}; text-decoration: none;">'
            out.append(
                f'<tr><td style="{weight}{above}padding-left: {indent}px;">{link}'
                f"{_text(entry.label)}</a></td>"
                f'<td width="8%" align="right" style="{weight}{above}">'
                f"{'' if page is None else page}</td></tr>"
            )
        out.append("</table>")
        return "".join(out)
