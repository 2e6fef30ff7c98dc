"""CSV in and out. In: whatever Excel, WPS, LibreOffice or Jira wrote — UTF-8
with or without BOM, GBK/GB18030 (Chinese Excel's "CSV"), UTF-16 (Excel's
"Unicode text", tab-separated) — with the delimiter sniffed. Out: UTF-8 with a
BOM and CRLF, so Excel opens Chinese text right on a double click."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pmdesk.interop.fields import as_text
from pmdesk.interop.incoming import InteropError, Table

_ZIP, _SQLITE, _XML = b"PK\x03\x04", b"SQLite format 3\x00", b"<?xml"


def decode(data: bytes, name: str) -> str:
    """The text of a CSV file in the first encoding that reads all of it."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    sample = data[:4000]
    if sample and sample.count(b"\0") > len(sample) // 4:  # UTF-16 without a BOM
        odd_zeros = sample[1::2].count(b"\0") > sample[0::2].count(b"\0")
        return data.decode("utf-16-le" if odd_zeros else "utf-16-be", errors="strict")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InteropError(f"{name} is not text in UTF-8, GBK/GB18030 or UTF-16: save it as CSV UTF-8.")


def refuse_other_formats(data: bytes, name: str, expected: str) -> None:
    """A file that is not what its extension says, named as what it is."""
    if data.startswith(_ZIP):
        raise InteropError(
            f"{name} is a zip archive (an Excel workbook or a ReqIFz?), not {expected}."
        )
    if data.startswith(_SQLITE):
        raise InteropError(f"{name} is a database (a pmdesk project?), not {expected}.")
    head = data[:4000]
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\0" in head and not utf16 and head.count(b"\0") < len(head) // 4:
        raise InteropError(f"{name} is a binary file, not {expected}.")


def read_csv(path: Path, *, data: bytes | None = None) -> Table:
    if data is None:
        data = path.read_bytes()
    refuse_other_formats(data, path.name, "a CSV file")
    text = decode(data, path.name)
    if not text.strip():
        raise InteropError(f"{path.name} is empty: there is no header row and no requirement.")
    if text.lstrip().startswith(("<?xml", "<REQ-IF", "<!DOCTYPE")):
        raise InteropError(f"{path.name} is an XML file (a ReqIF export?), not a CSV file.")
    delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Any]] = []
    numbers: list[int] = []
    headers: list[str] | None = None
    try:  # rows numbered as a spreadsheet shows them (a cell may span lines)
        for number, cells in enumerate(reader, start=1):
            if headers is None:
                if any(c.strip() for c in cells):
                    headers = [c.strip() for c in cells]
            elif any(c.strip() for c in cells):
                rows.append(cells)
                numbers.append(number)
    except csv.Error as e:
        raise InteropError(f"{path.name}, line {reader.line_num}: {e}.") from None
    return Table(path.name, headers or [], rows, numbers)


def peek_headers(path: Path) -> list[str]:
    """The header row of a CSV from its first bytes ([] if they cannot be read)."""
    with open(path, "rb") as f:
        head = f.read(65536)
    for cut in (head, head[: head.rfind(b"\n")]):  # the read may end inside a character
        try:
            text = decode(cut, path.name)
        except (InteropError, UnicodeDecodeError):
            continue
        lines = text.splitlines()
        if lines:
            return [c.strip() for c in next(csv.reader([lines[0]], delimiter=_sniff(text)), [])]
    return []


def _sniff(text: str) -> str:
    head = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        counts = {d: first.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def write_csv(path: Path, headers: list[str], rows: Iterable[list[Any]]) -> None:
    """UTF-8 with BOM, comma-separated, CRLF, every value as Excel would show it."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows([_cell(v) for v in row] for row in rows)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return as_text(value)
