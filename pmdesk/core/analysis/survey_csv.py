"""A survey's CSV file as rows of text cells, however it was saved.

Survey sites and spreadsheets write CSV in several ways: UTF-8 with or without
a byte-order mark (问卷星, Tencent Questionnaire, Google Forms, "CSV UTF-8"
from Excel), GB18030/GBK from a Chinese Excel's plain "CSV", UTF-16 from
Excel's "Unicode text"; commas, semicolons (a European Excel) or tabs. This
module finds out which, so the caller sees only cells. What is not a CSV file
at all (a workbook, a binary file, an empty file) is refused with a sentence
naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from pmdesk.core.errors import PmdeskError

_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # .xlsx (zip), .xls (OLE)
_DELIMITERS = (",", ";", "\t")


class SurveyError(PmdeskError):
    """A survey file that cannot be read, or answers that cannot be evaluated."""


@dataclass(frozen=True)
class CsvTable:
    """The cells of a CSV file: `rows[0]` is its header; row n of a spreadsheet
    (the header being row 1) is rows[n - 1]."""

    name: str
    rows: list[list[str]]
    encoding: str
    delimiter: str


def read_csv(path: Path) -> CsvTable:
    """Read `path` as a CSV table (SurveyError or file.* errors when it is not one)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SurveyError("file.missing", path=path) from None
    except IsADirectoryError:
        raise SurveyError("survey.is_folder", path=path) from None
    except PermissionError:
        raise SurveyError("file.no_permission", path=path) from None
    except OSError as e:
        raise SurveyError("file.unreadable", path=path, reason=e.strerror or e) from None
    return parse_csv(data, path.name)


def parse_csv(data: bytes, name: str) -> CsvTable:
    """The table in `data`, the bytes of the file called `name`."""
    if data.startswith(_WORKBOOKS):
        raise SurveyError("survey.workbook", name=name)
    text, encoding = _decode(data, name)
    if not text.strip():
        raise SurveyError("survey.empty", name=name)
    if "\x00" in text:
        raise SurveyError("survey.not_text", name=name)
    delimiter = _delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as e:  # only a NUL or a field larger than csv's limit gets here
        raise SurveyError("survey.bad_csv", name=name, detail=e) from None
    return CsvTable(name, rows, encoding, delimiter)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-16 only with its mark; UTF-8 with
    or without one; else GB18030 (a superset of GBK and GB2312, which a Chinese
    Excel writes)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise SurveyError("survey.encoding", name=name) from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise SurveyError("survey.encoding_at", name=name, row=_row_at(data, e.start)) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:  # no text encoding above writes NUL bytes: a binary file
        raise SurveyError("survey.not_text", name=name)
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as e:
        raise SurveyError("survey.encoding_at", name=name, row=_row_at(data, e.start)) from None


def _row_at(data: bytes, offset: int) -> int:
    """The line number (from 1) of a byte offset: where an undecodable byte is."""
    return data.count(b"\n", 0, offset) + 1


def _delimiter(text: str) -> str:
    """The delimiter that splits the header line into the most cells (commas win a tie)."""
    first = io.StringIO(text, newline="").readline()
    best, most = ",", 1
    for delimiter in _DELIMITERS:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(cells) > most:
            best, most = delimiter, len(cells)
    return best
