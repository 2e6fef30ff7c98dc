"""Excel workbooks (.xlsx) in: every non-empty sheet as a table, its first non-empty
row the header (xlsx_read.py parses the XML; xlsx_write.py writes pmdesk's workbooks)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from pmdesk.interop.incoming import InteropError, Table


def read_workbook(path: Path) -> dict[str, Table]:
    """Every non-empty sheet as a table (the first non-empty row is the header)."""
    from pmdesk.interop.xlsx_read import read_sheets

    if not zipfile.is_zipfile(path):
        head = path.read_bytes()[:64]
        what = "a CSV or text file" if head and b"\0" not in head else "not a workbook"
        raise InteropError(f"{path.name} is {what}, not an Excel workbook (.xlsx).")
    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise InteropError(
                    f"{path.name} is a zip archive but not an Excel workbook (no xl/workbook.xml)."
                )
            sheets = read_sheets(archive)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, etree.XMLSyntaxError) as e:
        raise InteropError(f"{path.name} is a damaged Excel workbook ({e}).") from None
    tables: dict[str, Table] = {}
    for title, found in sheets:
        rows = [(n, cells) for n, cells in found if any(_filled(c) for c in cells)]
        if not rows:
            continue
        headers = ["" if v is None else str(v).strip() for v in rows[0][1]]
        while headers and not headers[-1]:
            headers.pop()
        body = rows[1:]
        tables[title] = Table(
            f"{path.name}, sheet {title}", headers, [c for _, c in body], [n for n, _ in body]
        )
    if not tables:
        raise InteropError(f"{path.name} has only empty sheets: there is nothing to import.")
    return tables


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
