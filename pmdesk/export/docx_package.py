"""The .docx package written around a body that is made as it is written.

Apart from `render_docx` and the body writer: the zip streaming alone, so a body of
100 million characters never exists whole and a package past 2 GiB of XML is
written again as ZIP64 (`render_docx` catches `_Zip64NeededError`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls


class _Zip64NeededError(Exception):
    """word/document.xml outgrew a plain zip entry while it was being written."""


def _leading_parts(word: WordDocument) -> dict[str, bytes]:
    """Small parts the body does not change, to write ahead of word/document.xml:
    the package's relationships and the settings and font table (when the template
    has them). Type sniffers (`file`, libmagic) look at the first three entries and
    call a .docx "Microsoft Word 2007+" only when they are small ones like these."""
    rels: str | bytes = word.part.package.rels.xml  # bytes, although typed as text
    first = {"_rels/.rels": rels if isinstance(rels, bytes) else rels.encode()}
    for kind in (RT.SETTINGS, RT.FONT_TABLE):
        try:
            part = word.part.part_related_by(kind)
        except KeyError:
            continue
        first[part.partname.membername] = part.blob
    return first


def _write_with_body(
    document_xml: bytes,
    body_xml: Iterable[str],
    finish: Callable[[], io.BytesIO],
    target: Path | io.BytesIO,
    *,
    first: dict[str, bytes],
    large: bool,
) -> None:
    """Write the package to `target`, word/document.xml with `body_xml` in its body.

    The body is written as text, not as lxml elements: parsing megabytes of it
    into python-docx's tree and serialising them again doubled the export time,
    and moving parsed elements between trees cost seconds of namespace fix-ups.
    Tests reopen every export with python-docx and LibreOffice to keep it valid.

    `body_xml` is consumed as it is written, a slice at a time, so the body never
    exists whole (at 10,000 requirements it is 100 million characters: its pieces
    and the joined string were 390 MiB of the peak). The rest of the package
    depends on the body (numbering, links, pictures), so `finish` makes it
    afterwards and its parts follow document.xml in the zip; `first`, parts the
    body does not change, come before it (`_leading_parts`).
    """
    namespaces = nsdecls("r", "wp", "a", "pic")
    name = "word/document.xml"
    head = document_xml.decode("utf-8")
    head = head[: _body_open(head).start()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=_DEFLATE_LEVEL) as out:
        for part, data in first.items():
            out.writestr(part, data, zipfile.ZIP_DEFLATED)
        with out.open(name, "w", force_zip64=large) as stream:
            opening = f"{head}<w:body {namespaces}>".encode()
            stream.write(opening)
            written = len(opening)
            for piece in _slices(body_xml):
                data = piece.encode("utf-8")
                written += len(data)
                if not large and written > zipfile.ZIP64_LIMIT - _SLICE:
                    raise _Zip64NeededError  # with room for the end, before zipfile refuses it
                stream.write(data)
            package = finish()
            with zipfile.ZipFile(package) as source:
                text = source.read(name).decode("utf-8")
            body = _body_open(text)
            if text[: body.start()] != head:  # the body's writer must not touch the root
                raise RuntimeError("word/document.xml changed while its body was written")
            stream.write(text[body.end() :].encode("utf-8"))
        with zipfile.ZipFile(package) as source:
            for part, data in first.items():
                if source.read(part) != data:
                    raise RuntimeError(f"{part} changed while the body was written")
            for info in source.infolist():
                if info.filename != name and info.filename not in first:
                    out.writestr(info.filename, source.read(info), zipfile.ZIP_DEFLATED)


_SLICE = 1 << 20  # characters of the body encoded and compressed at a time
# A template saved by pmdesk or python-docx declares namespaces on its body element;
# the body written in its place declares the ones it uses itself.
_BODY_OPEN = re.compile(r"<w:body(?:\s[^>]*)?>")


def _body_open(xml: str) -> re.Match[str]:
    found = _BODY_OPEN.search(xml)
    if found is None:
        raise ValueError("word/document.xml of the template has no body")
    return found


_DEFLATE_LEVEL = 6
"""zlib's default. Level 3 halves the deflate time (10,000 requirements: 0.28 s instead of
0.56 s) but makes the file a third larger (5.8 MB, not 4.3): a PRD is sent by e-mail."""


def _slices(body_xml: Iterable[str]) -> Iterator[str]:
    """The body about a megabyte of text at a time, from its pieces as they come
    (a long piece cut, not copied whole into one more string)."""
    batch: list[str] = []
    size = 0
    for piece in body_xml:
        if len(piece) >= _SLICE:
            yield "".join(batch)
            batch, size = [], 0
            for start in range(0, len(piece), _SLICE):
                yield piece[start : start + _SLICE]
            continue
        batch.append(piece)
        size += len(piece)
        if size >= _SLICE:
            yield "".join(batch)
            batch, size = [], 0
    yield "".join(batch)
