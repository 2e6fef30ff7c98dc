"""Excel workbooks (.xlsx) in and out, with openpyxl: one sheet per kind of
entity (requirements, releases, links), a frozen bold header, sensible widths,
titles indented by outline level."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pmdesk.interop.incoming import InteropError, Table

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters XML cannot hold


def read_workbook(path: Path) -> dict[str, Table]:
    """Every non-empty sheet as a table (the first non-empty row is the header)."""
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(path):
        head = path.read_bytes()[:64]
        what = "a CSV or text file" if head and b"\0" not in head else "not a workbook"
        raise InteropError(
            f"{path.name} is {what}, not an Excel workbook (.xlsx): give the right --format."
        )
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise InteropError(
            f"{path.name} is not an Excel workbook (.xlsx) openpyxl can read ({e})."
        ) from None
    tables: dict[str, Table] = {}
    try:
        for sheet in book.worksheets:
            headers: list[str] | None = None
            rows: list[list[Any]] = []
            numbers: list[int] = []
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                values = list(cells)
                if not any(v is not None and str(v).strip() for v in values):
                    continue
                if headers is None:
                    headers = ["" if v is None else str(v).strip() for v in values]
                    while headers and not headers[-1]:
                        headers.pop()
                    continue
                rows.append(values)
                numbers.append(number)
            if headers is not None:
                tables[sheet.title] = Table(
                    f"{path.name}, sheet {sheet.title}", headers, rows, numbers
                )
    finally:
        book.close()
    if not tables:
        raise InteropError(f"{path.name} has only empty sheets: there is nothing to import.")
    return tables


SheetRows = tuple[str, list[str], Iterable[list[Any]], dict[int, float]]


def write_workbook(
    path: Path, sheets: list[SheetRows], *, indent_column: int = -1, level_column: int = -1
) -> None:
    """Write `sheets` (title, headers, rows, {column: width}); in the first sheet the
    cell of `indent_column` is indented by the row's `level_column` (the outline)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(vertical="top", wrap_text=True)
    indents = [Alignment(vertical="top", indent=n) for n in range(16)]
    for number, (title, headers, rows, widths) in enumerate(sheets):
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "A2"
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column + 1)].width = width
        header_cells = []
        for text in headers:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font, cell.fill = bold, fill
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            cells: list[Any] = []
            for column, value in enumerate(row):
                if isinstance(value, dt.date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = "yyyy-mm-dd"
                    cells.append(cell)
                elif number == 0 and column == indent_column and level_column >= 0:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.alignment = indents[min(int(row[level_column]) - 1, 15)]
                    cells.append(cell)
                elif isinstance(value, str) and "\n" in value:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.alignment = wrap
                    cells.append(cell)
                elif isinstance(value, str) and (value.startswith("=") or _ILLEGAL.search(value)):
                    cell = WriteOnlyCell(sheet, value=_ILLEGAL.sub("", value))
                    cell.data_type = "s"  # text that looks like a formula stays text
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    book.save(path)
