"""Build resources/templates/reference.docx, the starting document of Word exports.

Run after changing the look: `python packaging/build_reference_docx.py`. The output
is deterministic (fixed zip dates, fixed properties), so an unchanged look rebuilds
the same bytes and a diff of the file means a change of look.

The package is written part by part from nothing, not from python-docx's default
document (PITFALLS.md: its stale `stylesWithEffects.xml`, 140 table styles,
Japanese fonts and Word 2010 compatibility mode). It holds only what the export
uses: the styles named in `docx_body.STYLE_NAMES` (a company template that
defines the same names restyles the export), "List Bullet" and "List Number" on
real lists, headings numbered 1, 1.1, 1.1.1 through a multilevel list tied to the
heading styles, A4 pages, and a font table that names a free metric twin or a
per-platform Chinese font for every font the styles use.

Fonts: Arial (Liberation Sans and Arimo are metric-compatible, so line breaks and
table widths hold where Arial is missing) and, for Chinese, Microsoft YaHei
(Windows) with DengXian, PingFang SC (macOS) and Noto Sans CJK SC (Linux) in the
font table. No `w:updateFields`: Word would ask a question on every open; the
exporter pre-fills the contents instead.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = f'xmlns:w="{W}"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

LATIN, CJK, MONO = "Arial", "Microsoft YaHei", "Consolas"
INK, ACCENT, MUTED, RULE = "262626", "1F3A5F", "6B7280", "C9D1DC"

# A4, margins 25 mm top, 22 mm sides and bottom (twips).
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM = 1417, 1247, 1247
TEXT_W = PAGE_W - 2 * MARGIN_SIDE

FONT_TABLE = [
    # name, altName, panose, charset, family, pitch
    ("Arial", "Liberation Sans", "020B0604020202020204", "00", "swiss", "variable"),
    ("Microsoft YaHei", "微软雅黑", "020B0503020204020204", "86", "swiss", "variable"),
    ("DengXian", "等线", "02010600030101010101", "86", "auto", "variable"),
    ("PingFang SC", "苹方-简", "020B0400000000000000", "86", "swiss", "variable"),
    ("Noto Sans CJK SC", "Source Han Sans SC", "020B0500000000000000", "86", "swiss", "variable"),
    ("Consolas", "Liberation Mono", "020B0609020204030204", "00", "modern", "fixed"),
    ("Segoe UI Symbol", "DejaVu Sans", "020B0502040204020203", "00", "swiss", "variable"),
]


def fonts(latin: str = LATIN, cjk: str = CJK) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{cjk}" w:cs="{latin}"/>'


def run_props(size: float, *, color: str = INK, bold: bool = False, latin: str = LATIN) -> str:
    half_points = round(size * 2)
    return (
        f"<w:rPr>{fonts(latin)}{'<w:b/><w:bCs/>' if bold else ''}"
        f'<w:color w:val="{color}"/><w:sz w:val="{half_points}"/>'
        f'<w:szCs w:val="{half_points}"/></w:rPr>'
    )


# (type, id, name, based on, pPr inner, rPr); ids and names follow Word's own.
STYLES: list[tuple[str, str, str, str | None, str, str]] = [
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
        '<w:spacing w:before="2400" w:after="240" w:line="240" w:lineRule="auto"/>'
        '<w:jc w:val="left"/>',
        run_props(26, color=ACCENT, bold=True),
    ),
    (
        "paragraph",
        "Subtitle",
        "Subtitle",
        "Normal",
        f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="12" w:color="{ACCENT}"/></w:pBdr>'
        '<w:spacing w:before="0" w:after="960"/><w:jc w:val="left"/>',
        run_props(15, color=MUTED),
    ),
    (
        "paragraph",
        "CoverFacts",
        "Cover Facts",
        "Normal",
        '<w:spacing w:before="0" w:after="80"/><w:jc w:val="left"/>',
        run_props(11),
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
        '<w:spacing w:before="20" w:after="20" w:line="264" w:lineRule="auto"/>'
        '<w:jc w:val="left"/>',
        run_props(9),
    ),
    (
        "paragraph",
        "CodeBlock",
        "Code Block",
        "Normal",
        '<w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="C9D1DC"/></w:pBdr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F4F6F8"/>'
        '<w:spacing w:before="60" w:after="120" w:line="252" w:lineRule="auto"/>'
        '<w:ind w:left="170" w:right="113"/><w:jc w:val="left"/>',
        run_props(8.5, latin=MONO),
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
        "ListBullet",
        "List Bullet",
        "ListParagraph",
        '<w:numPr><w:numId w:val="2"/></w:numPr><w:ind w:left="420" w:hanging="300"/>',
        "",
    ),
    (
        "paragraph",
        "ListNumber",
        "List Number",
        "ListParagraph",
        '<w:numPr><w:numId w:val="3"/></w:numPr><w:ind w:left="420" w:hanging="360"/>',
        "",
    ),
    (
        "paragraph",
        "Caption",
        "caption",
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
        "header",
        "Normal",
        f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/></w:pBdr>'
        f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs><w:spacing w:after="0"/>'
        '<w:jc w:val="left"/>',
        run_props(8.5, color=MUTED),
    ),
    (
        "paragraph",
        "Footer",
        "footer",
        "Normal",
        f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs><w:spacing w:after="0"/>'
        '<w:jc w:val="center"/>',
        run_props(8.5, color=MUTED),
    ),
    (
        "paragraph",
        "FootnoteText",
        "footnote text",
        "Normal",
        '<w:spacing w:before="0" w:after="40" w:line="264" w:lineRule="auto"/>'
        '<w:jc w:val="left"/>',
        run_props(9),
    ),
    (
        "character",
        "FootnoteReference",
        "footnote reference",
        "DefaultParagraphFont",
        "",
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
    ),
    (
        "character",
        "Hyperlink",
        "Hyperlink",
        "DefaultParagraphFont",
        "",
        '<w:rPr><w:color w:val="1F5FAD"/><w:u w:val="single"/></w:rPr>',
    ),
    (
        "character",
        "InlineCode",
        "Inline Code",
        "DefaultParagraphFont",
        "",
        # No size: code is as large as the text around it (in a table or not).
        f'<w:rPr>{fonts(MONO)}<w:color w:val="9A2A2A"/>'
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
    (10.5, 160, 60),
    (10.5, 160, 60),
    (10.5, 160, 60),
]

TOC_INDENT, TOC_LEVELS = 220, 9


def style_xml(kind: str, style_id: str, name: str, based: str | None, ppr: str, rpr: str) -> str:
    """One w:style, its children in schema order."""
    base = f'<w:basedOn w:val="{based}"/>' if based else ""
    following = '<w:next w:val="Normal"/>' if name.startswith("heading") else ""
    default = ' w:default="1"' if style_id == "Normal" else ""
    return (
        f'<w:style w:type="{kind}"{default} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{base}{following}<w:qFormat/>'
        f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{rpr}</w:style>"
    )


def heading_styles() -> list[str]:
    out = []
    for level, (size, before, after) in enumerate(HEADINGS, start=1):
        border = (
            f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="{RULE}"/></w:pBdr>'
            if level == 1
            else ""
        )
        ppr = (
            f'<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="{level - 1}"/>'
            f'<w:numId w:val="1"/></w:numPr>{border}'
            f'<w:spacing w:before="{before}" w:after="{after}" w:line="276" w:lineRule="auto"/>'
            f'<w:jc w:val="left"/><w:outlineLvl w:val="{level - 1}"/>'
        )
        color = ACCENT if level <= 3 else INK
        rpr = run_props(size, color=color, bold=True)
        out.append(
            style_xml("paragraph", f"Heading{level}", f"heading {level}", "Normal", ppr, rpr)
        )
    for level in range(1, TOC_LEVELS + 1):
        # The right tab on the right margin exactly: page numbers end where the text ends.
        ppr = (
            f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>'
            f'<w:spacing w:before="{120 if level == 1 else 20}" w:after="40"/>'
            f'<w:ind w:left="{TOC_INDENT * (level - 1)}"/><w:jc w:val="left"/>'
        )
        rpr = run_props(10.5 if level == 1 else 10, bold=level == 1)
        out.append(style_xml("paragraph", f"TOC{level}", f"toc {level}", "Normal", ppr, rpr))
    return out


def defaults_xml() -> str:
    """Document defaults and the three default styles Word expects in every document."""
    return (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts()}"
        '<w:sz w:val="21"/><w:szCs w:val="21"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
    )


def styles_part() -> str:
    body = [style_xml(*spec) for spec in STYLES] + heading_styles()
    return f"{DECL}<w:styles {NS}>{defaults_xml()}{''.join(body)}</w:styles>"


def _lvl(ilvl: int, fmt: str, text: str, left: int, hanging: int, extra: str = "") -> str:
    # CT_Lvl order: start, numFmt, pStyle, suff, lvlText, lvlJc, pPr, rPr.
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
    )


def numbering_part() -> str:
    headings = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="Heading{i + 1}"/><w:suff w:val="space"/>'
        f'<w:lvlText w:val="{".".join(f"%{n}" for n in range(1, i + 2))}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        for i in range(9)
    )
    bullets = "".join(_lvl(i, "bullet", "•◦▪"[i % 3], 420 + 420 * i, 300) for i in range(9))
    numbers = "".join(
        _lvl(i, ("decimal", "lowerLetter", "lowerRoman")[i % 3], f"%{i + 1}.", 420 + 420 * i, 360)
        for i in range(9)
    )
    return (
        f"{DECL}<w:numbering {NS}>"
        '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
        f'<w:name w:val="Headings"/>{headings}</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="Bullets"/>{bullets}</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="Numbers"/>{numbers}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
        "</w:numbering>"
    )


def font_table_part() -> str:
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>'
        f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/>'
        "</w:font>"
        for name, alt, panose, charset, family, pitch in FONT_TABLE
    )
    return f"{DECL}<w:fonts {NS}>{entries}</w:fonts>"


def settings_part() -> str:
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" '
        f'w:val="{value}"/>'
        for name, value in (
            ("compatibilityMode", "15"),
            ("overrideTableStyleFontSizeAndJustification", "1"),
            ("enableOpenTypeFeatures", "1"),
            ("doNotFlipMirrorIndents", "1"),
            ("differentiateMultirowTableHeaders", "1"),
        )
    )
    return (
        f"{DECL}<w:settings {NS}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        f"<w:compat><w:useFELayout/>{compat}</w:compat>"
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        "</w:settings>"
    )


def document_part() -> str:
    return (
        f'{DECL}<w:document {NS} xmlns:r="{R}"><w:body><w:sectPr>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_SIDE}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_SIDE}" w:header="680" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr></w:body></w:document>'
    )


A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'


def theme_part() -> str:
    """The smallest complete theme Word accepts: colours, the fonts above, plain effects."""
    names = "dk1 lt1 dk2 lt2 accent1 accent2 accent3 accent4 accent5 accent6 hlink folHlink"
    values = "000000 FFFFFF 1F3A5F E7E6E6 1F3A5F 2E75B6 70AD47 ED7D31 7F6000 9A2A2A 1F5FAD 6B7280"
    colours = "".join(
        f'<a:{n}><a:srgbClr val="{v}"/></a:{n}>'
        for n, v in zip(names.split(), values.split(), strict=True)
    )
    face = (
        f'<a:latin typeface="{LATIN}"/><a:ea typeface=""/><a:cs typeface=""/>'
        f'<a:font script="Hans" typeface="{CJK}"/>'
    )
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{fill}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{DECL}<a:theme {A} name="pmdesk"><a:themeElements>'
        f'<a:clrScheme name="pmdesk">{colours}</a:clrScheme>'
        f'<a:fontScheme name="pmdesk"><a:majorFont>{face}</a:majorFont>'
        f"<a:minorFont>{face}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="pmdesk"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements></a:theme>"
    )


CONTENT_TYPES = (
    f"{DECL}<Types "
    'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/theme/theme1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

OFFICE_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = (
    f'{DECL}<Relationships xmlns="{PKG_R}">'
    f'<Relationship Id="rId1" Type="{OFFICE_R}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{OFFICE_R}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    f'{DECL}<Relationships xmlns="{PKG_R}">'
    f'<Relationship Id="rId1" Type="{OFFICE_R}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{OFFICE_R}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{OFFICE_R}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rId4" Type="{OFFICE_R}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId5" Type="{OFFICE_R}/theme" Target="theme/theme1.xml"/>'
    "</Relationships>"
)
CORE = (
    f"{DECL}<cp:coreProperties "
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title></dc:title><dc:creator>pmdesk</dc:creator>"
    "<dc:description>pmdesk reference document: styles only</dc:description>"
    "<cp:revision>1</cp:revision></cp:coreProperties>"
)
APP = (
    f"{DECL}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>pmdesk</Application><DocSecurity>0</DocSecurity></Properties>"
)


def parts() -> list[tuple[str, str]]:
    return [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
        ("word/document.xml", document_part()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles_part()),
        ("word/settings.xml", settings_part()),
        ("word/fontTable.xml", font_table_part()),
        ("word/numbering.xml", numbering_part()),
        ("word/theme/theme1.xml", theme_part()),
    ]


def build(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, text.encode("utf-8"))


def main() -> int:
    build(OUT)
    print(f"Wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
