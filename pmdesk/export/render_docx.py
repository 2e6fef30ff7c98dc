"""The neutral document → a Word file, on `resources/templates/reference.docx`.

python-docx opens the template and packages the result; the body is written
as WordprocessingML text and parsed once. That is what makes 1,000
requirements take a fraction of a second: python-docx's paragraph and table
API (`add_paragraph`, `table.cell()`) costs seconds and grows quadratically on
big tables (PITFALLS.md).

Styles are used by name (`docx_body.STYLE_NAMES`), so a company template that defines
the same names restyles the export; a name the template lacks falls back to
the template's default paragraph style instead of failing.

What python-docx has no API for is written by hand (`docx_body`, `docx_furniture`,
`docx_package`): the table of
contents field (pre-filled with the headings; the reader's F9 adds page numbers,
as `w:updateFields` would make Word ask a question on every open), PAGE/NUMPAGES
in the footer, list numbering that restarts per list, hyperlinks and pictures.
Property elements go through `wordml_order` so the file is schema-valid; a wide
picture gets landscape pages (`docx_pages`, `picture_pages`).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn

from pmdesk.export.doc import Document
from pmdesk.export.docx_body import Progress, _BodyWriter, _clean
from pmdesk.export.docx_footnotes import footnotes_part, set_blob
from pmdesk.export.docx_furniture import _page_furniture
from pmdesk.export.docx_package import _leading_parts, _write_with_body, _Zip64NeededError
from pmdesk.resources import resource_path


def template_path() -> Path:
    return resource_path("templates", "reference.docx")


def render_docx(
    document: Document,
    target: Path | io.BytesIO,
    *,
    template: Path | None = None,
    progress: Progress | None = None,
) -> None:
    """Write `document` as .docx to `target` (a path or a writable buffer)."""
    try:
        _render(document, target, template, progress, large=False)
    except _Zip64NeededError:  # past 2 GiB of XML (about 80,000 requirements): once more, ZIP64
        if isinstance(target, io.BytesIO):
            target.seek(0)
            target.truncate()
        _render(document, target, template, progress, large=True)


def _render(
    document: Document,
    target: Path | io.BytesIO,
    template: Path | None,
    progress: Progress | None,
    *,
    large: bool,
) -> None:
    word = docx.Document(str(template or template_path()))
    writer = _BodyWriter(word, document)
    _page_furniture(word, document, writer)  # first: section breaks copy its header links
    _settings(word)
    properties = word.core_properties
    properties.title = _clean(document.title)[:255]
    properties.subject = _clean(document.header)[:255]
    properties.author = _clean(document.author)[:255] or "pmdesk"
    properties.last_modified_by = properties.author
    properties.comments = ""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = "zh-CN" if document.language == "zh" else "en-US"
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)

    def finish() -> io.BytesIO:
        """The package without the body, once the body has added its lists, links,
        pictures, sections and the footnotes it referenced."""
        _write_footnotes(word, writer)
        writer.finish_numbering()
        writer.finish_sections()
        package = io.BytesIO()
        word.save(package)
        return package

    blocks = writer.body(document.blocks, progress)
    first = _leading_parts(word)
    _write_with_body(word.part.blob, blocks, finish, target, first=first, large=large)


def _write_footnotes(word: WordDocument, writer: _BodyWriter) -> None:
    """`word/footnotes.xml` for the notes the body referenced; a note's links are
    relationships of that part, so the writer relates them there meanwhile."""
    notes = writer.footnotes
    if not notes.ids:
        return
    part = footnotes_part(word)
    saved = writer.part, writer.links
    writer.part, writer.links = part, {}  # type: ignore[assignment]
    try:
        xml = notes.part_xml(writer)
    finally:
        writer.part, writer.links = saved
    set_blob(part, xml)


def _settings(word: WordDocument) -> None:
    """Chinese theme fonts, and no `w:updateFields`: it makes Word ask a question on
    every open (PITFALLS.md). The contents are pre-filled instead; their page numbers
    come when the reader updates the field (F9 in Word, Tools ▸ Update in LibreOffice)."""
    settings = word.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
