"""Build resources/templates/reference.docx, the starting document of Word exports.

Run after changing the look: `python packaging/make_reference_docx.py`.

The exporter uses styles by name only (README, "Word template"), so a company
can replace this file with its own template that defines the same names. This
script starts from python-docx's default document and redefines each style
pmdesk uses: A4 pages, Calibri/Microsoft YaHei type with `w:eastAsia` set
(PITFALLS.md), headings numbered 1, 1.1, 1.1.1 through a multilevel list tied
to the heading styles, and a Chinese `themeFontLang`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Mm

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
OUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "reference.docx"

LATIN, LATIN_HEAD, CJK, MONO = "Calibri", "Calibri", "Microsoft YaHei", "Consolas"
INK, ACCENT, MUTED, RULE = "262626", "1F3A5F", "6B7280", "C9D1DC"


APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>pmdesk</Application><DocSecurity>0</DocSecurity></Properties>"
)


def fonts(latin: str = LATIN, cjk: str = CJK) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{cjk}" w:cs="{latin}"/>'


def run_props(size: float, *, color: str = INK, bold: bool = False, extra: str = "") -> str:
    half_points = round(size * 2)
    return (
        f"<w:rPr>{fonts()}{'<w:b/><w:bCs/>' if bold else ''}"
        f'<w:color w:val="{color}"/><w:sz w:val="{half_points}"/>'
        f'<w:szCs w:val="{half_points}"/>{extra}</w:rPr>'
    )


STYLES: list[tuple[str, str, str, str | None, str, str]] = [
    # (type, id, name, based on, pPr inner, rPr) — ids follow Word's own ids.
    (
        "paragraph",
        "Normal",
        "Normal",
        None,
        '<w:spacing w:before="0" w:after="120" w:line="324" w:lineRule="auto"/>'
        '<w:jc w:val="both"/>',
        run_props(10.5),
    ),
    (
        "paragraph",
        "Title",
        "Title",
        "Normal",
        '<w:spacing w:before="2400" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>',
        run_props(26, color=ACCENT, bold=True, extra='<w:kern w:val="28"/>'),
    ),
    (
        "paragraph",
        "Subtitle",
        "Subtitle",
        "Normal",
        '<w:spacing w:before="0" w:after="960"/><w:jc w:val="left"/>'
        f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="12" w:color="{ACCENT}"/></w:pBdr>',
        run_props(15, color=MUTED),
    ),
    (
        "paragraph",
        "CoverFacts",
        "Cover Facts",
        "Normal",
        '<w:spacing w:before="0" w:after="80"/><w:jc w:val="left"/>',
        run_props(11, color=INK),
    ),
    (
        "paragraph",
        "TOCHeading",
        "TOC Heading",
        "Normal",
        '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="left"/>',
        run_props(16, color=ACCENT, bold=True),
    ),
    (
        "paragraph",
        "TableText",
        "Table Text",
        "Normal",
        '<w:spacing w:before="20" w:after="20" w:line="264" w:lineRule="auto"/><w:jc w:val="left"/>',
        run_props(9),
    ),
    (
        "paragraph",
        "CodeBlock",
        "Code Block",
        "Normal",
        '<w:spacing w:before="60" w:after="120" w:line="252" w:lineRule="auto"/><w:jc w:val="left"/>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F4F6F8"/>'
        '<w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="C9D1DC"/></w:pBdr>'
        '<w:ind w:left="170" w:right="113"/>',
        f'<w:rPr>{fonts(MONO)}<w:color w:val="{INK}"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>',
    ),
    (
        "paragraph",
        "Quote",
        "Quote",
        "Normal",
        f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{RULE}"/></w:pBdr>'
        '<w:ind w:left="227"/><w:jc w:val="left"/>',
        run_props(10.5, color=MUTED),
    ),
    (
        "paragraph",
        "ListParagraph",
        "List Paragraph",
        "Normal",
        '<w:spacing w:before="0" w:after="60"/><w:ind w:left="720"/><w:jc w:val="left"/>',
        run_props(10.5),
    ),
    (
        "paragraph",
        "Caption",
        "Caption",
        "Normal",
        '<w:spacing w:before="60" w:after="240"/><w:jc w:val="center"/>',
        run_props(9, color=MUTED),
    ),
    (
        "paragraph",
        "Note",
        "Note",
        "Normal",
        '<w:spacing w:before="120" w:after="120"/><w:jc w:val="left"/>',
        run_props(9, color=MUTED),
    ),
    (
        "paragraph",
        "ErrorText",
        "Error Text",
        "Normal",
        '<w:jc w:val="left"/>',
        run_props(10.5, color="B00020"),
    ),
    (
        "paragraph",
        "Label",
        "Label",
        "Normal",
        '<w:keepNext/><w:spacing w:before="120" w:after="60"/><w:jc w:val="left"/>',
        run_props(10.5, color=ACCENT, bold=True),
    ),
    (
        "paragraph",
        "Header",
        "Header",
        "Normal",
        '<w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs><w:spacing w:after="0"/>'
        f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/></w:pBdr>',
        run_props(8.5, color=MUTED),
    ),
    (
        "paragraph",
        "Footer",
        "Footer",
        "Normal",
        '<w:spacing w:after="0"/><w:jc w:val="center"/>',
        run_props(8.5, color=MUTED),
    ),
    (
        "character",
        "Hyperlink",
        "Hyperlink",
        None,
        "",
        '<w:rPr><w:color w:val="1F5FAD"/><w:u w:val="single"/></w:rPr>',
    ),
    (
        "character",
        "InlineCode",
        "Inline Code",
        None,
        "",
        f'<w:rPr>{fonts(MONO)}<w:color w:val="9A2A2A"/><w:sz w:val="19"/>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F4F6F8"/></w:rPr>',
    ),
]

HEADINGS = [  # size, space before, space after (twentieths of a point)
    (16, 480, 200),
    (13.5, 360, 160),
    (12, 280, 120),
    (11, 240, 100),
    (10.5, 200, 80),
    (10.5, 200, 80),
]

TOC_LEVELS = [(0, True, 120), (220, False, 40), (440, False, 20)]


def style_xml(kind: str, style_id: str, name: str, based: str | None, ppr: str, rpr: str) -> str:
    base = f'<w:basedOn w:val="{based}"/>' if based else ""
    default = ' w:default="1"' if style_id == "Normal" else ""
    return (
        f'<w:style {NS} w:type="{kind}" w:styleId="{style_id}"{default}>'
        f'<w:name w:val="{name}"/>{base}<w:qFormat/>'
        f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{rpr}</w:style>"
    )


def heading_styles() -> list[str]:
    out = []
    for level, (size, before, after) in enumerate(HEADINGS, start=1):
        color = ACCENT if level <= 3 else INK
        ppr = (
            f'<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="{level - 1}"/>'
            '<w:numId w:val="1"/></w:numPr>'
            f'<w:spacing w:before="{before}" w:after="{after}" w:line="276" w:lineRule="auto"/>'
            f'<w:jc w:val="left"/><w:outlineLvl w:val="{level - 1}"/>'
        )
        if level == 1:
            ppr += (
                f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="{RULE}"/></w:pBdr>'
            )
        rpr = run_props(size, color=color, bold=True)
        out.append(
            style_xml(
                "paragraph", f"Heading{level}", f"heading {level}", "Normal", ppr, rpr
            ).replace("<w:qFormat/>", '<w:next w:val="Normal"/><w:qFormat/>')
        )
    for level, (indent, bold, before) in enumerate(TOC_LEVELS, start=1):
        ppr = (
            f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs>'
            f'<w:spacing w:before="{before}" w:after="40"/><w:ind w:left="{indent}"/><w:jc w:val="left"/>'
        )
        out.append(
            style_xml(
                "paragraph",
                f"TOC{level}",
                f"toc {level}",
                "Normal",
                ppr,
                run_props(10.5 if level == 1 else 10, bold=bold),
            )
        )
    return out


def heading_numbering() -> str:
    levels = []
    for i in range(9):
        text = ".".join(f"%{n}" for n in range(1, i + 2))
        style = f'<w:pStyle w:val="Heading{i + 1}"/>' if i < len(HEADINGS) else ""
        levels.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{style}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:suff w:val="space"/>'
            '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum {NS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        f"{''.join(levels)}</w:abstractNum>"
    )


def main() -> int:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)

    styles = document.styles.element
    wanted = [style_xml(*spec) for spec in STYLES] + heading_styles()
    for xml in wanted:
        element = parse_xml(xml)
        style_id = element.get(f"{{{W}}}styleId")
        for old in styles.findall(f"{{{W}}}style"):
            if old.get(f"{{{W}}}styleId") == style_id:
                styles.remove(old)
        styles.append(element)

    # Document defaults: East Asian font and language, so unstyled runs render Chinese too.
    defaults = styles.find(f"{{{W}}}docDefaults")
    if defaults is not None:
        styles.remove(defaults)
    styles.insert(
        0,
        parse_xml(
            f"<w:docDefaults {NS}><w:rPrDefault><w:rPr>{fonts()}"
            '<w:sz w:val="21"/><w:szCs w:val="21"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
        ),
    )

    numbering = document.part.numbering_part.element
    for child in list(numbering):  # start clean: only pmdesk's own definitions
        numbering.remove(child)
    numbering.append(parse_xml(heading_numbering()))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="1"><w:abstractNumId w:val="90"/></w:num>'))

    settings = document.settings.element
    lang = settings.find(f"{{{W}}}themeFontLang")
    if lang is not None:
        lang.set(f"{{{W}}}eastAsia", "zh-CN")

    # No body content: the exporter fills it. Keep the final sectPr only.
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    assert RT.NUMBERING in {rel.reltype for rel in document.part.rels.values()}

    # Package metadata: no Mac Word application name, no stale blank-page thumbnail.
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML
    document.core_properties.title = ""
    document.core_properties.author = "pmdesk"
    document.core_properties.comments = "pmdesk reference document: styles only"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(OUT))
    print(f"Wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
