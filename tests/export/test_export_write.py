"""The .docx body is streamed into the package (issue 14's export memory): the
file reads back the same whether the body comes as one string or in pieces."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from pmdesk.export import render_docx as renderer
from pmdesk.export.doc import Block, Document, Heading, Paragraph, Run


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        return package.read("word/document.xml").decode("utf-8")


def test_body_in_pieces_or_whole_writes_the_same_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = "需求与 <tags> & 符号 " * 40_000  # the body runs past one slice
    blocks: list[Block] = [Heading(1, "背景"), Paragraph([Run(words)]), Paragraph([Run("结尾")])]
    document = Document("T", "zh", "", "", blocks=blocks)
    whole = io.BytesIO()
    renderer.render_docx(document, whole)

    pieces: list[list[str]] = []
    original = renderer._write_with_body

    def in_pieces(package: io.BytesIO, body: str | list[str], target: io.BytesIO) -> None:
        assert isinstance(body, str)
        split = [body[n : n + 777] for n in range(0, len(body), 777)]
        pieces.append(split)
        original(package, split, target)

    monkeypatch.setattr(renderer, "_write_with_body", in_pieces)
    streamed = io.BytesIO()
    renderer.render_docx(document, streamed)
    assert len(pieces[0]) > 100
    assert document_xml(streamed.getvalue()) == document_xml(whole.getvalue())
    text = [p.text for p in docx.Document(io.BytesIO(streamed.getvalue())).paragraphs]
    assert words.strip() in [t.strip() for t in text] and "结尾" in text
