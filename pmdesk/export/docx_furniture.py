"""The Word export's header and footer: product, version and title at the top,
the organisation and "page X of Y" at the bottom, none of it on the cover.

Apart from the body writer: they are written into the template's header and footer
parts through python-docx, not into the body's text.
"""

from __future__ import annotations

import re

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.section import _Footer, _Header

from pmdesk.export.doc import Document
from pmdesk.export.docx_body import _BodyWriter, _t


def _field(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


_PLACEHOLDER = re.compile(r"(\{page\}|\{pages\})")


def _page_furniture(word: WordDocument, document: Document, writer: _BodyWriter) -> None:
    """Header: product and version, the title at the right; footer: the
    organisation at the left and "page X of Y" at the right (centred when
    there is no organisation). None of it on the cover."""
    section = word.sections[0]
    section.different_first_page_header_footer = True
    # The right tab on the text's right edge (the template's lies 1 cm beyond it).
    # LibreOffice ignores Word's margin-relative tab (w:ptab), so the sideways
    # roadmap page, which shares this header, has the title mid-page.
    stop = f'<w:tab w:val="right" w:pos="{writer.width}"/>'
    clear = "".join(
        f'<w:tab w:val="clear" w:pos="{pos}"/>'
        for pos in _style_tabs(word, writer.styles["header"])
        if pos != str(writer.width)
    )
    tabs = f"<w:tabs>{clear}{stop}</w:tabs>"
    tab = "<w:r><w:tab/></w:r>"
    head = f"<w:r>{_t(document.header)}</w:r>{tab}<w:r>{_t(document.title)}</w:r>"
    _fill(section.header, writer.styles["header"], head, tabs)
    parts = []
    for piece in _PLACEHOLDER.split(document.page_label):
        if piece == "{page}":
            parts.append(_field("PAGE"))
        elif piece == "{pages}":
            parts.append(_field("NUMPAGES"))
        elif piece:
            parts.append(f"<w:r>{_t(piece)}</w:r>")
    if document.organisation:
        footer = f"<w:r>{_t(document.organisation)}</w:r>{tab}" + "".join(parts)
        _fill(section.footer, writer.styles["footer"], footer, f"<w:tabs>{stop}</w:tabs>", "left")
    else:
        _fill(section.footer, writer.styles["footer"], "".join(parts))


def _style_tabs(word: WordDocument, style_id: str) -> list[str]:
    """The tab stop positions a paragraph style sets (a template's may lie past the margin)."""
    styles = word.styles.element
    found = styles.xpath(f"w:style[@w:styleId='{style_id}']/w:pPr/w:tabs/w:tab/@w:pos")
    return [str(pos) for pos in found]


def _fill(
    area: _Header | _Footer, style: str, runs_xml: str, tabs: str = "", align: str = ""
) -> None:
    """Make the first paragraph of a header or footer hold `runs_xml` in `style`
    (with its own `tabs` and alignment, when given)."""
    area.is_linked_to_previous = False
    paragraph = area.paragraphs[0]._p
    for child in list(paragraph):
        paragraph.remove(child)
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    paragraph.append(
        parse_xml(f'<w:pPr {nsdecls("w")}><w:pStyle w:val="{style}"/>{tabs}{jc}</w:pPr>')
    )
    for element in _run_elements(runs_xml):
        paragraph.append(element)


def _run_elements(xml: str) -> list[object]:
    holder = parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>")
    return list(holder)
