"""Writing an .xlsx workbook's XML directly: a frozen bold header, column widths,
dates as date cells, wrapped multi-line text, titles indented by outline level.
Text goes in as inline strings; about ten times faster than openpyxl's write-only
mode for 10,000 rows, and Excel, WPS, LibreOffice and openpyxl open it."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML cannot hold
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
# Cell styles (cellXfs): 0 plain, 1 header, 2 date, 3 wrapped text, 4 + n title indented n.
_INDENTS = 16
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f"<styleSheet {_NS}>"
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{4 + _INDENTS}">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    + "".join(
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        f'<alignment vertical="top" indent="{n}"/></xf>'
        for n in range(_INDENTS)
    )
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
SheetRows = tuple[str, list[str], Iterable[list[Any]], dict[int, float]]


def _letters(column: int) -> str:
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _t(value: str) -> str:
    return f'<t xml:space="preserve">{escape(_ILLEGAL.sub("", value))}</t>'


def _sheet_xml(
    headers: list[str],
    rows: Iterable[list[Any]],
    widths: dict[int, float],
    indent_column: int,
    level_column: int,
) -> str:
    letters = [_letters(i) for i in range(max(len(headers), 1) + 64)]
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f"<worksheet {_NS} {_RNS}>",
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" '
        'sqref="A2"/></sheetView></sheetViews>',
        '<sheetFormatPr defaultRowHeight="15"/>',
    ]
    if widths:
        out.append("<cols>")
        out += [
            f'<col min="{c + 1}" max="{c + 1}" width="{w:g}" customWidth="1"/>'
            for c, w in sorted(widths.items())
        ]
        out.append("</cols>")
    out.append('<sheetData><row r="1">')
    out += [
        f'<c r="{letters[i]}1" s="1" t="inlineStr"><is>{_t(h)}</is></c>'
        for i, h in enumerate(headers)
    ]
    out.append("</row>")
    for number, row in enumerate(rows, start=2):
        out.append(f'<row r="{number}">')
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{letters[column]}{number}"
            if isinstance(value, bool):
                out.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                out.append(f'<c r="{ref}"><v>{value!r}</v></c>')
            elif isinstance(value, dt.date):
                serial = (value - dt.date(1899, 12, 30)).days
                out.append(f'<c r="{ref}" s="2"><v>{serial}</v></c>')
            else:
                text = str(value)
                if column == indent_column and level_column >= 0:
                    style = f' s="{4 + min(int(row[level_column]) - 1, _INDENTS - 1)}"'
                elif "\n" in text:
                    style = ' s="3"'
                else:
                    style = ""
                out.append(f'<c r="{ref}"{style} t="inlineStr"><is>{_t(text)}</is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_xlsx(
    path: Path, sheets: list[SheetRows], *, indent_column: int = -1, level_column: int = -1
) -> None:
    """Write `sheets` (title, headers, rows, {column: width}); in the first sheet the
    cell of `indent_column` is indented by the row's `level_column` (the outline)."""
    count = len(sheets)
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(count)
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{types}</Types>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    book_sheets = "".join(
        f"<sheet name={quoteattr(_ILLEGAL.sub('', title)[:31])} "
        f'sheetId="{i + 1}" r:id="rId{i + 1}"/>'
        for i, (title, *_) in enumerate(sheets)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<workbook {_NS} {_RNS}><bookViews><workbookView/></bookViews>"
        f"<sheets>{book_sheets}</sheets></workbook>"
    )
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(count)
        )
        + f'<Relationship Id="rId{count + 1}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", book_rels)
        archive.writestr("xl/styles.xml", _STYLES)
        for i, (_, headers, rows, widths) in enumerate(sheets):
            first = i == 0
            xml = _sheet_xml(
                headers, rows, widths, indent_column if first else -1, level_column if first else -1
            )
            archive.writestr(f"xl/worksheets/sheet{i + 1}.xml", xml)
