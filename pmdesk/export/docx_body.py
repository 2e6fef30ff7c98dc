"""The body writer: the neutral document's blocks as WordprocessingML text.

Apart from `render_docx` (which opens the template and packages the result) because
it is the bulk of the Word export: styles by role, list numbering, headings and
their bookmarks, paragraphs and runs, links, pictures on sideways sections, tables
and the front matter, a block at a time so the body never exists whole.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from copy import deepcopy
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree  # type: ignore[import-untyped]

from pmdesk.export.doc import (
    Block,
    CodeBlock,
    Contents,
    Cover,
    Document,
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
)
from pmdesk.export.docx_facts import facts_rows
from pmdesk.export.docx_footnotes import DocxFootnotes
from pmdesk.export.docx_keep import KEEP_TOGETHER_ROWS, TABLE_CAPTION, _follow_room, _table_follows
from pmdesk.export.docx_pages import contents_depth, furniture_for_width
from pmdesk.export.picture_pages import page_parts
from pmdesk.export.redline_xml import paragraph_mark, row_mark, tracked_run
from pmdesk.export.table_widths import (
    CELL_PADDING,
    SAMPLED_ROWS,
    TWIPS_PER_UNIT,
    column_widths,
    display_units,
    unbreakable_units,
)
from pmdesk.export.text_safety import strip_illegal_chars, web_href
from pmdesk.export.wordml_order import paragraph_properties, run_properties

STYLE_NAMES = {
    "title": "Title",
    "subtitle": "Subtitle",
    "cover": "Cover Facts",
    "contents": "TOC Heading",
    "body": "Normal",
    "note": "Note",
    "label": "Label",
    "error": "Error Text",
    "table": "Table Text",
    "code": "Code Block",
    "quote": "Quote",
    "list": "List Paragraph",
    "caption": "Caption",
    "header": "Header",
    "footer": "Footer",
    "link": "Hyperlink",
    "inline_code": "Inline Code",
    "footnote_text": "footnote text",
    "footnote_reference": "footnote reference",
    **{f"h{n}": f"Heading {n}" for n in range(1, 10)},
    **{f"toc{n}": f"toc {n}" for n in range(1, 10)},
}
"""Semantic role → style name in the template (documented in README, "Word template")."""

TEXT_WIDTH_DXA = 9411  # A4 less 22 mm margins; recomputed from the template's section
TEXT_HEIGHT_DXA = 13552
CAPTION_ROOM_DXA = 900  # the caption line under a picture, kept on the picture's page
HEADING_ROOM_DXA = 1400  # a chapter heading above a picture on its sideways page
EMU_PER_DXA = 635
EMU_PER_PX = 9525  # at 96 dpi
MAX_LIST_LEVEL = 8
_CELLS_KEPT = 8192  # table cells' XML remembered for reuse (a few MiB)
_BULLETS = ("•", "◦", "▪")
_TOC_PREFIX = "_Toc"

Progress = Callable[[int, int], None]


def _clean(text: str) -> str:
    return strip_illegal_chars(text)


def _reusable(block: ListBlock) -> bool:
    """Whether the list's XML is the same wherever it stands: a bullet (or task) list of
    paragraphs, no numbering of its own (an ordered list starts a `w:num`), no footnote
    (numbered where it is first referenced), no tracked change (ids are unique)."""
    if block.ordered:
        return False
    for item in block.items:
        for inner in item.blocks:
            if not isinstance(inner, Paragraph):
                return False
            if any(r.footnote is not None or r.change is not None for r in inner.runs):
                return False
    return True


def _attr(text: str) -> str:
    return escape(strip_illegal_chars(text), {'"': "&quot;"})


def _t(text: str) -> str:
    """A w:t element (spaces kept)."""
    return f'<w:t xml:space="preserve">{escape(strip_illegal_chars(text))}</w:t>'


@dataclass
class _HeadingEntry:
    level: int
    number: str
    text: str
    bookmark: str
    anchor: str | None


class _BodyWriter:
    def __init__(self, word: WordDocument, document: Document) -> None:
        self.word = word
        self.document = document
        self.part = word.part
        self.styles = self._resolve_styles(word)
        self.links: dict[str, str] = {}
        self.nums: list[str] = []  # w:num elements to add to numbering.xml
        self.next_num_id = self._max_num_id() + 1
        self.abstract_ids = self._add_abstract_lists()
        self.bullet_num = self._new_num(self.abstract_ids["bullet"])
        self.plain_num = self._new_num(self.abstract_ids["plain"])
        self.task_nums = {
            False: self._new_num(self.abstract_ids["todo"]),
            True: self._new_num(self.abstract_ids["done"]),
        }
        self.drawing_id = 100
        # Chinese body text is justified (the template's Normal); English reads better
        # ragged-right, without the rivers justification opens between words.
        self.body_jc = "" if document.language == "zh" else '<w:jc w:val="left"/>'
        section = word.sections[0]
        page_w, page_h = section.page_width or 0, section.page_height or 0
        across = page_w - (section.left_margin or 0) - (section.right_margin or 0)
        down = page_h - (section.top_margin or 0) - (section.bottom_margin or 0)
        self.width = int(across / EMU_PER_DXA) if across > 0 else TEXT_WIDTH_DXA
        self.height = int(down / EMU_PER_DXA) if down > 0 else TEXT_HEIGHT_DXA
        # Turned sideways, the page's height is the line width (same margins).
        self.wide_width = self.width + int((page_h - page_w) / EMU_PER_DXA)
        self.wide_height = self.height - int((page_h - page_w) / EMU_PER_DXA)
        self.breaks = 0
        self.sideways = False  # inside a landscape section: tables take its width
        self.follow_room: dict[int, int] = {}  # id of a wide picture → twips of what follows
        self._parts: dict[int, list[tuple[bytes, int, int]]] = {}
        self.wide_furniture: dict[str, str] | None = None  # header/footer rId → wide copy
        self.headings = self._number_headings(document.blocks)
        self.heading_iter: Iterator[_HeadingEntry] = iter(self.headings)
        self.anchors: dict[str, str] = {}
        self._cells: dict[tuple[int | str | bool, ...], str] = {}  # see `_row`
        self._lists: dict[tuple[int, int, bool], list[str]] = {}  # see `block`
        for e in self.headings:  # "#4-需求列表" or "#需求列表", as GitHub names headings
            label = f"{e.number} {e.text}" if e.number else e.text
            self.anchors.setdefault(heading_slug(label), e.bookmark)
            self.anchors.setdefault(heading_slug(e.text), e.bookmark)
        self.anchors.update({e.anchor: e.bookmark for e in self.headings if e.anchor})
        self.footnotes = DocxFootnotes(list(document.blocks), self.styles)

    # -- setup ------------------------------------------------------------------

    @staticmethod
    def _resolve_styles(word: WordDocument) -> dict[str, str]:
        known = {}
        for style in word.styles:
            known[style.name] = style.style_id
        fallback = known.get("Normal", "Normal")
        return {role: known.get(name, fallback) for role, name in STYLE_NAMES.items()}

    def _max_num_id(self) -> int:
        numbering = self.part.numbering_part.element
        ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        return max(ids, default=0)

    def _add_abstract_lists(self) -> dict[str, int]:
        numbering = self.part.numbering_part.element
        used = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        first = max(used, default=0) + 1
        ids = {"bullet": first, "ordered": first + 1, "todo": first + 2, "done": first + 3}
        formats = {
            "bullet": [("bullet", _BULLETS[i % 3]) for i in range(9)],
            "ordered": [
                ("decimal" if i % 3 == 0 else "lowerLetter" if i % 3 == 1 else "lowerRoman", "")
                for i in range(9)
            ],
            "todo": [("bullet", "☐")] * 9,
            "done": [("bullet", "☑")] * 9,
        }
        elements = []
        for name, levels in formats.items():
            lvls = []
            for i, (fmt, glyph) in enumerate(levels):
                text = glyph or f"%{i + 1}."
                left, hanging = 420 + 420 * i, 300 if fmt == "bullet" else 360
                font = (
                    '<w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" '
                    'w:eastAsia="Segoe UI Symbol"/></w:rPr>'
                    if name in ("todo", "done")
                    else ""
                )
                lvls.append(
                    f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{font}</w:lvl>'
                )
            elements.append(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ids[name]}">'
                f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(lvls)}</w:abstractNum>'
            )
        # Unnumbered headings (front and back matter) leave the heading list through a
        # list that prints nothing: `numId 0` would do it too, but validators flag it.
        plain = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="none"/>'
            '<w:suff w:val="nothing"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
            for i in range(9)
        )
        ids["plain"] = first + 4
        elements.append(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ids["plain"]}">'
            f'<w:multiLevelType w:val="multilevel"/>{plain}</w:abstractNum>'
        )
        # abstractNum elements must precede every w:num in numbering.xml.
        first_num = numbering.find(qn("w:num"))
        for xml in elements:
            element = parse_xml(xml)
            if first_num is not None:
                first_num.addprevious(element)
            else:
                numbering.append(element)
        return ids

    def _new_num(self, abstract_id: int, restart_level: int | None = None, start: int = 1) -> int:
        num_id = self.next_num_id
        self.next_num_id += 1
        override = ""
        if restart_level is not None:
            override = (
                f'<w:lvlOverride w:ilvl="{restart_level}">'
                f'<w:startOverride w:val="{start}"/></w:lvlOverride>'
            )
        self.nums.append(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
        return num_id

    def finish_numbering(self) -> None:
        numbering = self.part.numbering_part.element
        for xml in self.nums:
            numbering.append(parse_xml(xml))

    @staticmethod
    def _number_headings(blocks: Sequence[Block]) -> list[_HeadingEntry]:
        counters = [0] * 9
        entries = []
        for index, block in enumerate(blocks):
            if not isinstance(block, Heading):
                continue
            level = min(max(block.level, 1), 9)
            number = ""
            if block.numbered:
                counters[level - 1] += 1
                for deeper in range(level, 9):
                    counters[deeper] = 0
                number = ".".join(str(max(c, 1)) for c in counters[:level])
            bookmark = f"{_TOC_PREFIX}{index:06d}"
            entries.append(_HeadingEntry(level, number, block.text, bookmark, block.anchor))
        return entries

    # -- blocks -----------------------------------------------------------------

    def body(self, blocks: Sequence[Block], progress: Progress | None) -> Iterator[str]:
        """The body's XML in pieces, made as they are taken: a block at a time."""
        out: list[str] = []
        total = len(blocks)
        self.follow_room = _follow_room(blocks)
        turned = False  # a landscape section is open (its heading went ahead)
        for done, block in enumerate(blocks, start=1):
            after = blocks[done] if done < total else None
            wide = isinstance(block, Image) and self.landscape(block)
            if isinstance(after, Image) and self.landscape(after) and isinstance(block, Heading):
                if not self.sideways:
                    out.append(self.section_break(landscape=False))  # the heading goes along
                turned = True
            elif wide and not turned and not self.sideways:
                out.append(self.section_break(landscape=False))
            if wide:
                turned = False
                self.sideways = True
            if isinstance(block, Table):  # a row at a time, not a whole long table
                yield from out
                out.clear()
                yield from self.table(block)
            else:
                self.block(block, out, quote=False, top=True)
            # The short tables right after the picture (the milestones under the roadmap)
            # stay on the sideways page; text turns the pages upright again.
            keeps = _table_follows(blocks, done)
            if self.sideways and not turned and not keeps:
                out.append(self.section_break(landscape=True))
                self.sideways = False
            if progress is not None and done % 200 == 0:
                progress(done, total)
            yield from out
            out.clear()

    # -- sections ---------------------------------------------------------------

    def landscape(self, block: Image) -> bool:
        """Whether a wide picture prints clearly larger on a page turned sideways."""
        if not block.wide or block.width <= 0 or block.height <= 0:
            return False
        room = CAPTION_ROOM_DXA + HEADING_ROOM_DXA
        dpx = EMU_PER_PX / EMU_PER_DXA  # twips per pixel at full size; never enlarge
        if len(self.parts(block)) > 1:  # cut into pages: only the width limits its size
            return min(dpx, self.wide_width / block.width) > 1.15 * min(
                dpx, self.width / block.width
            )
        upright = min(dpx, self.width / block.width, (self.height - room) / block.height)
        sideways = min(dpx, self.wide_width / block.width, (self.wide_height - room) / block.height)
        return sideways > 1.15 * upright

    def parts(self, block: Image) -> list[tuple[bytes, int, int]]:
        """A wide picture too tall for a sideways page at its width, cut into parts that
        fit one page each (`picture_pages`): [(png, width, height)], once per picture."""
        found = self._parts.get(id(block))
        if found is None:
            whole = [(block.png, block.width, block.height)]
            found = whole
            if block.wide and block.width > 0:
                dpx = EMU_PER_PX / EMU_PER_DXA
                scale = min(dpx, self.wide_width / block.width)  # twips per pixel
                first = int((self.wide_height - HEADING_ROOM_DXA) / scale)
                later = int(self.wide_height / scale)
                tail = int(CAPTION_ROOM_DXA / scale)  # under the last part only
                found = page_parts(block.png, first, later, tail)
                # Room under the last part for what follows (the milestones), when
                # that takes no more parts: the parts are then evened out around it.
                follow = int(self.follow_room.get(id(block), 0) / scale)
                if follow and len(found) > 1:
                    roomier = page_parts(block.png, first, later, tail + follow)
                    found = roomier if len(roomier) == len(found) else found
            self._parts[id(block)] = found
        return found

    def section_break(self, *, landscape: bool) -> str:
        """A paragraph ending the current section: portrait before a wide picture,
        landscape after it. Header and footer links are copied, so every page keeps
        them; only the very first section keeps the cover's blank first page."""
        template = self.word.element.body.find(qn("w:sectPr"))
        if template is None:
            return ""
        section = deepcopy(template)
        if self.breaks:
            for blank_first in section.findall(qn("w:titlePg")):
                section.remove(blank_first)
        self.breaks += 1
        size = section.find(qn("w:pgSz"))
        if landscape and size is not None:
            width, height = size.get(qn("w:w")), size.get(qn("w:h"))
            size.set(qn("w:w"), height or "")
            size.set(qn("w:h"), width or "")
            size.set(qn("w:orient"), "landscape")
            # Its own header and footer, the right tab on its own right margin.
            if self.wide_furniture is None:
                self.wide_furniture = furniture_for_width(
                    self.word, template, self.width, self.wide_width
                )
            for ref in (
                *section.findall(qn("w:headerReference")),
                *section.findall(qn("w:footerReference")),
            ):
                rid = ref.get(qn("r:id"))
                if rid in self.wide_furniture:
                    ref.set(qn("r:id"), self.wide_furniture[rid])
        kind = parse_xml(f'<w:type {nsdecls("w")} w:val="nextPage"/>')
        if size is not None:
            size.addprevious(kind)
        xml = etree.tostring(section, encoding="unicode")
        return f"<w:p><w:pPr>{xml}</w:pPr></w:p>"

    def finish_sections(self) -> None:
        """After a landscape page, later pages are ordinary ones: header on each."""
        if self.breaks:
            final = self.word.element.body.find(qn("w:sectPr"))
            if final is not None:
                for blank_first in final.findall(qn("w:titlePg")):
                    final.remove(blank_first)

    def block(self, block: Block, out: list[str], *, quote: bool, top: bool = False) -> None:
        if isinstance(block, Paragraph):
            role = "quote" if quote and block.style == "body" else block.style
            # A caption block names the table under it ("表 5　需求列表"): close to it,
            # never left alone at the foot of a page.
            extra = TABLE_CAPTION if role == "caption" else ""
            out.append(self.paragraph(block.runs, role, extra))
        elif isinstance(block, Heading):
            if top:
                out.append(self.heading(block))
            else:
                out.append(self.paragraph([Run(block.text, bold=True)], "label"))
        elif isinstance(block, ListBlock):
            # Descriptions share the lists they have in common (and requirements their
            # acceptance criteria): a bullet list of plain paragraphs is written once.
            key = (id(block), 0, quote)
            made = self._lists.get(key)
            if made is None:
                made = []
                self.list_block(block, made, level=0, quote=quote)
                if _reusable(block) and len(self._lists) < _CELLS_KEPT:
                    self._lists[key] = made
            out.extend(made)
        elif isinstance(block, Table):
            out.extend(self.table(block))
        elif isinstance(block, CodeBlock):
            out.append(self.code(block))
        elif isinstance(block, Quote):
            for inner in block.blocks:
                self.block(inner, out, quote=True)
        elif isinstance(block, Image):
            out.append(self.image(block))
        elif isinstance(block, Rule):
            out.append(
                '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" '
                'w:color="C9D1DC"/></w:pBdr></w:pPr></w:p>'
            )
        elif isinstance(block, PageBreak):
            out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif isinstance(block, Contents):
            out.append(self.contents(block))
        elif isinstance(block, Cover):
            out.append(self.cover(block))

    def _ppr(self, role: str, extra: str = "") -> str:
        inner = f'<w:pStyle w:val="{self.styles[role]}"/>{extra}'
        return f"<w:pPr>{paragraph_properties(inner) if extra else inner}</w:pPr>"

    def paragraph(self, runs: Runs, role: str = "body", extra: str = "") -> str:
        if role in ("body", "list", "quote"):
            extra += self.body_jc
        extra += paragraph_mark(runs)  # a redline's whole inserted/deleted paragraph
        return f"<w:p>{self._ppr(role, extra)}{self.runs(runs)}</w:p>"

    def runs(self, runs: Runs, base: str = "") -> str:
        out = []
        plain = f"<w:r><w:rPr>{run_properties(base)}</w:rPr>" if base else "<w:r>"
        for run in runs:
            if not (
                run.href
                or run.code
                or run.bold
                or run.italic
                or run.strike
                or run.image
                or run.change
                or run.footnote is not None
                or "\n" in run.text
            ):  # most runs: text in the paragraph's look
                out.append(f"{plain}{_t(run.text)}</w:r>")
                continue
            if run.text == "\n":
                out.append(tracked_run("<w:r><w:br/></w:r>", run.change))
                continue
            if run.footnote is not None:
                out.append(tracked_run(self.footnotes.reference(run), run.change))
                continue
            text = run.text
            if run.image:  # pictures are never fetched: say what it is, link to it
                alt = text.strip()
                label = "图片" if self.zh else "Image"
                text = f"[{label}{'：' if self.zh else ': '}{alt}]" if alt else f"[{label}]"
            target = self._target(run.href)
            props = base
            if run.code:
                props += f'<w:rStyle w:val="{self.styles["inline_code"]}"/>'
            elif target:
                props += f'<w:rStyle w:val="{self.styles["link"]}"/>'
            if run.bold:
                props += "<w:b/><w:bCs/>"
            if run.italic:
                props += "<w:i/><w:iCs/>"
            if run.strike:
                props += "<w:strike/>"
            rpr = f"<w:rPr>{run_properties(props)}</w:rPr>" if props else ""
            pieces = text.split("\n")
            body = "<w:br/>".join(_t(piece) for piece in pieces)
            xml = tracked_run(f"<w:r>{rpr}{body}</w:r>", run.change)
            tip = f' w:tooltip="{_attr(run.title)}"' if run.title and target else ""
            if target.startswith("#"):
                xml = f'<w:hyperlink w:anchor="{target[1:]}"{tip}>{xml}</w:hyperlink>'
            elif target:
                rid = self.link(target)
                xml = f'<w:hyperlink r:id="{rid}"{tip} w:history="1">{xml}</w:hyperlink>'
            out.append(xml)
        return "".join(out)

    def _target(self, href: str | None) -> str:
        """Where a link can go in Word: a web or mail address, or `#` + a bookmark of
        this document (a requirement's, or a heading the author linked to as GitHub
        names it). Relative paths and anchors the document lacks stay text."""
        if not href:
            return ""
        if href.startswith("#"):
            bookmark = self.anchors.get(href[1:])
            return "#" + bookmark if bookmark else ""
        return href if web_href(href) else ""

    def link(self, url: str) -> str:
        rid = self.links.get(url)
        if rid is None:
            rid = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
            self.links[url] = rid
        return rid

    def heading(self, block: Heading) -> str:
        entry = next(self.heading_iter)
        style = self.styles[f"h{entry.level}"]
        numbering = (
            ""
            if block.numbered
            else f'<w:numPr><w:ilvl w:val="{entry.level - 1}"/>'
            f'<w:numId w:val="{self.plain_num}"/></w:numPr>'
        )
        mark = len(entry.bookmark) and int(entry.bookmark[len(_TOC_PREFIX) :])
        return (
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{numbering}'
            f"{paragraph_mark(block.runs or [])}</w:pPr>"
            f'<w:bookmarkStart w:id="{mark}" w:name="{entry.bookmark}"/>'
            f"{self.runs(block.runs) if block.runs else f'<w:r>{_t(block.text)}</w:r>'}"
            f'<w:bookmarkEnd w:id="{mark}"/></w:p>'
        )

    def list_block(self, block: ListBlock, out: list[str], *, level: int, quote: bool) -> None:
        level = min(level, MAX_LIST_LEVEL)
        num = (
            self._new_num(self.abstract_ids["ordered"], level, block.start)
            if block.ordered
            else self.bullet_num
        )
        indent = 420 + 420 * level
        for item in block.items:
            item_num = num if item.checked is None else self.task_nums[item.checked]
            first = True
            for inner in item.blocks or [Paragraph([])]:
                if isinstance(inner, Paragraph) and first:
                    numbering = (
                        f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{item_num}"/></w:numPr>'
                    )
                    out.append(self.paragraph(inner.runs, "list", numbering))
                elif isinstance(inner, Paragraph):
                    out.append(self.paragraph(inner.runs, "list", f'<w:ind w:left="{indent}"/>'))
                elif isinstance(inner, ListBlock):
                    self.list_block(inner, out, level=level + 1, quote=quote)
                else:
                    self.block(inner, out, quote=quote)
                first = False

    def code(self, block: CodeBlock) -> str:
        lines = block.text.split("\n")
        runs = []
        for n, line in enumerate(lines):
            if n:
                runs.append("<w:br/>")
            parts = line.split("\t")
            runs.append("<w:tab/>".join(_t(p) for p in parts))
        return f"<w:p>{self._ppr('code')}<w:r>{''.join(runs)}</w:r></w:p>"

    def image(self, block: Image) -> str:
        turned = self.landscape(block)
        parts = self.parts(block) if turned else [(block.png, block.width, block.height)]
        # Parts were cut to fit their pages: only a whole picture keeps room for the
        # caption (and the heading sharing a sideways page).
        room = CAPTION_ROOM_DXA + (HEADING_ROOM_DXA if turned else 0) if len(parts) == 1 else 0
        # Only the last part keeps with the caption: a chain of keep-with-next taller
        # than a page makes Word move it whole.
        last = len(parts) - 1
        pictures = "".join(
            self.picture(*part, block=block, turned=turned, room=room, keep=n == last)
            for n, part in enumerate(parts)
        )
        caption = self.paragraph([Run(block.caption)], "caption") if block.caption else ""
        return pictures + caption

    def picture(
        self,
        png: bytes,
        width: int,
        height: int,
        *,
        block: Image,
        turned: bool,
        room: int,
        keep: bool = True,
    ) -> str:
        rid, _ = self.part.get_or_add_image(io.BytesIO(png))
        across, down = (self.wide_width, self.wide_height) if turned else (self.width, self.height)
        # Fit the text width, and the page height less `room`: Word clips a picture
        # taller than the page.
        cx, cy = width * EMU_PER_PX, height * EMU_PER_PX
        scale = min(1.0, across * EMU_PER_DXA / cx, (down - room) * EMU_PER_DXA / cy)
        cx, cy = int(cx * scale), int(cy * scale)
        self.drawing_id += 1
        did = self.drawing_id
        name = escape(_clean(block.name), {'"': "&quot;"})
        descr = escape(_clean(block.caption), {'"': "&quot;"})
        inline = (
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{did}" name="{name}" descr="{descr}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{did}" name="{name}.png"/>'
            "<pic:cNvPicPr/></pic:nvPicPr>"
            f'<pic:blipFill><a:blip r:embed="{rid}"/>'
            "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline>"
        )
        # Tight spacing: the parts of a cut picture follow each other like one picture.
        # Single line spacing: "auto" spacing multiplies the picture's height too.
        tight = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        tight = "<w:keepNext/>" + tight if keep else tight
        return f"<w:p>{self._ppr('caption', tight)}<w:r><w:drawing>{inline}</w:drawing></w:r></w:p>"

    # -- tables -----------------------------------------------------------------

    def table(self, block: Table) -> Iterator[str]:
        """The table's XML a row at a time (the index of 10,000 requirements is
        tens of megabytes as one string)."""
        columns = max([len(block.header), *(len(r) for r in block.rows)], default=0)
        if columns == 0:
            return
        widths = self._widths(block, columns)
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="C9D1DC"/>'
        borders = "".join(
            border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        yield (
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
            '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        )
        align = block.align or []
        if block.header and any(block.header):
            yield self._row(block.header, widths, align, header=True, keep=True)
        facts = block.kind == "facts"
        rows = block.rows
        if facts and columns == 4:
            rows = facts_rows(rows, lambda text: self._fits(text, widths[1]))
        # A short table moves to the next page whole instead of splitting (keep-with-next
        # on every row but the last); a long one splits and repeats its header row.
        keep = len(rows) <= KEEP_TOGETHER_ROWS
        for n, row in enumerate(rows):
            # A facts row of one pair: its value spans the other pair's columns.
            cells = row if facts else row + [[] for _ in range(columns - len(row))]
            last = n == len(rows) - 1
            yield self._row(cells, widths, align, header=False, facts=facts, keep=keep and not last)
        yield "</w:tbl>"
        # Word needs a paragraph between two tables, and spacing after one reads better.
        yield f"<w:p>{self._ppr('table')}</w:p>"

    def _row(
        self,
        cells: Sequence[Runs],
        widths: Sequence[int],
        align: Sequence[str],
        *,
        header: bool,
        facts: bool = False,
        keep: bool = False,
    ) -> str:
        row_props = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
        out = [f"<w:tr><w:trPr>{row_props}{row_mark(cells)}</w:trPr>"]
        spanned = len(cells) - 1 if len(cells) < len(widths) else -1
        aligned = len(align)
        made_cells = self._cells
        for index, (runs, width) in enumerate(zip(cells, widths, strict=False)):
            span = ""
            if index == spanned:
                width = sum(widths[index:])  # the last cell spans the columns left
                span = f'<w:gridSpan w:val="{len(widths) - index}"/>'
            jc = align[index] if index < aligned else "left"
            # Cells repeat (the facts tables' labels, statuses, owners, releases share
            # their Run objects): one plain run's cell is made once. Known by the run's
            # id, cheaper than its hash: the document, and so every run, outlives this.
            key = None
            if not runs:
                key = (0, width, span, header, facts and not index & 1, jc, keep)
            elif len(runs) == 1:
                first = runs[0]
                if first.href is None and first.change is None:
                    key = (id(first), width, span, header, facts and not index & 1, jc, keep)
            if key is not None:
                made = made_cells.get(key)
                if made is not None:
                    out.append(made)
                    continue
            runs, indent = _lead_indent(runs)
            shade = ""
            base = ""
            if header:
                shade, base = (
                    '<w:shd w:val="clear" w:color="auto" w:fill="E3E9F1"/>',
                    "<w:b/><w:bCs/>",
                )
            elif facts and index % 2 == 0:
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="F3F5F8"/>'
                base = '<w:color w:val="4B5563"/>'
            justify = "<w:keepNext/>" if keep else ""
            justify += f'<w:jc w:val="{jc}"/>' if jc in ("center", "right") else ""
            justify += f'<w:ind w:left="{indent}"/>' if indent else ""
            made = (
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{shade}'
                '<w:vAlign w:val="center"/></w:tcPr>'
                f"<w:p>{self._ppr('table', justify)}{self.runs(runs, base)}</w:p></w:tc>"
            )
            if key is not None and len(self._cells) < _CELLS_KEPT:
                self._cells[key] = made
            out.append(made)
        out.append("</w:tr>")
        return "".join(out)

    def _widths(self, block: Table, columns: int) -> list[int]:
        sample = (block.header, *block.rows[: SAMPLED_ROWS - 1])
        cells = [[_measured_text(runs) for runs in row] for row in sample]
        across = self.wide_width if self.sideways else self.width
        return column_widths(cells, block.widths, across, bold_first_row=bool(block.header))

    @staticmethod
    def _fits(text: str, width: int) -> bool:
        """Whether `text` fits a cell `width` twips wide in two lines, words whole."""
        room = (width - CELL_PADDING) / TWIPS_PER_UNIT
        return unbreakable_units(text) <= room and display_units(text) <= 1.8 * room

    # -- front matter -----------------------------------------------------------

    def cover(self, block: Cover) -> str:
        """The title page: the logo and the organisation above, the title and
        subtitle, then the facts (product, version, date, authors) as a quiet
        two-column list; no header or footer on it (see `_page_furniture`)."""
        out = []
        if block.logo is not None:
            out.append(self.logo(block.logo))
        if block.organisation:
            grey = '<w:color w:val="6B7280"/><w:spacing w:val="10"/>'
            tight = self._ppr("cover", '<w:spacing w:before="0" w:after="0"/>')
            out.append(f"<w:p>{tight}{self.runs([Run(block.organisation)], grey)}</w:p>")
        out.append(self.paragraph([Run(block.title)], "title"))
        # Always there, even empty: its rule and spacing set the facts apart.
        out.append(self.paragraph([Run(block.subtitle)] if block.subtitle else [], "subtitle"))
        if block.facts:
            out.append(self.cover_facts(block.facts))
        out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        return "".join(out)

    def logo(self, image: Image) -> str:
        """A small picture at the top of the cover, left-aligned like the title."""
        rid, _ = self.part.get_or_add_image(io.BytesIO(image.png))
        cx, cy = image.width * EMU_PER_PX, image.height * EMU_PER_PX
        scale = min(1.0, self.width * EMU_PER_DXA / cx)
        cx, cy = int(cx * scale), int(cy * scale)
        self.drawing_id += 1
        did = self.drawing_id
        inline = (
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{did}" name="logo" descr="logo"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{did}" name="logo"/>'
            "<pic:cNvPicPr/></pic:nvPicPr>"
            f'<pic:blipFill><a:blip r:embed="{rid}"/>'
            "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline>"
        )
        spacing = '<w:spacing w:before="0" w:after="240"/>'
        return f"<w:p>{self._ppr('cover', spacing)}<w:r><w:drawing>{inline}</w:drawing></w:r></w:p>"

    def cover_facts(self, facts: Sequence[tuple[str, str]]) -> str:
        """Label and value in two columns without borders: labels grey, values plain."""
        label_w = 1900
        value_w = self.width - label_w
        none = "".join(
            f'<w:{side} w:val="nil"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        out = [
            f'<w:tbl><w:tblPr><w:tblW w:w="{self.width}" w:type="dxa"/>'
            f"<w:tblBorders>{none}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
            '<w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{label_w}"/><w:gridCol w:w="{value_w}"/></w:tblGrid>'
        ]
        spacing = '<w:spacing w:before="60" w:after="60"/>'
        for label, value in facts:
            cells = (
                (label_w, self.runs([Run(label)], '<w:color w:val="6B7280"/>')),
                (value_w, self.runs([Run(value)])),
            )
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for width, runs in cells:
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                    # Bottom, so a Latin label and a Chinese value share a baseline.
                    '<w:vAlign w:val="bottom"/></w:tcPr>'
                    f"<w:p>{self._ppr('cover', spacing)}{runs}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    @property
    def zh(self) -> bool:
        return self.document.language == "zh"

    def contents(self, block: Contents) -> str:
        out = [self.paragraph([Run(block.title)], "contents")]
        levels = [e.level for e in self.headings]
        depth = contents_depth(levels, block.depth, self.height)
        entries = [e for e in self.headings if e.level <= depth]
        field_begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-'
            f'{depth}" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        if not entries:
            out.append(f'<w:p>{field_begin}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
            return "".join(out)
        for n, entry in enumerate(entries):
            # The cached result lists the headings without page numbers: Word rebuilds
            # the field on open (updateFields), LibreOffice shows it as it is until
            # the reader updates the index, and a wrong number is worse than none.
            label = f"{entry.number} {entry.text}" if entry.number else entry.text
            link = (
                f'<w:hyperlink w:anchor="{entry.bookmark}" w:history="1">'
                f"<w:r>{_t(label)}</w:r></w:hyperlink>"
            )
            begin = field_begin if n == 0 else ""
            end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if n == len(entries) - 1 else ""
            out.append(f"<w:p>{self._ppr(f'toc{entry.level}')}{begin}{link}{end}</w:p>")
        return "".join(out)


_MONO = re.compile(r"[^\s\u2e80-\uffff]")


def _measured_text(runs: Runs) -> str:
    """A cell's text for width estimates: code letters as "0", the width of a
    monospaced letter (an identifier is wider in code than in the text font)."""
    if len(runs) == 1 and not runs[0].code:  # most cells
        return runs[0].text
    return "".join(_MONO.sub("0", run.text) if run.code else run.text for run in runs)


_NBSP_INDENT = 70  # twips per leading no-break space: three make one level (220 twips)


def _lead_indent(runs: Runs) -> tuple[Runs, int]:
    """Leading no-break spaces (a title indented under its parent) as a paragraph
    indent, so the wrapped lines of a long title line up under its first line."""
    if not runs or not runs[0].text.startswith("\u00a0"):
        return runs, 0
    first = runs[0]
    text = first.text.lstrip("\u00a0")
    count = len(first.text) - len(text)
    rest = [replace(first, text=text), *runs[1:]] if text else list(runs[1:])
    return rest, count * _NBSP_INDENT
