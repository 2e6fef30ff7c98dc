"""The .docx body is written into the package as it is made (issue 14's export
memory): the file reads back the same however the body is cut, the body never
exists whole, and the package still looks like a Word file to type sniffers."""

from __future__ import annotations

import io
import shutil
import subprocess
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from pmdesk.export import docx_package
from pmdesk.export import render_docx as renderer
from pmdesk.export.doc import Block, Document, Heading, Paragraph, Run, Table


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        return package.read("word/document.xml").decode("utf-8")


def long_document(paragraphs: int = 1, words: str = "需求与 <tags> & 符号 " * 40_000) -> Document:
    blocks: list[Block] = [Heading(1, "背景")]
    blocks += [Paragraph([Run(f"{n} {words}")]) for n in range(paragraphs)]
    blocks.append(Paragraph([Run("结尾")]))
    return Document("T", "zh", "", "", blocks=blocks)


def test_the_body_cut_in_small_slices_writes_the_same_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = long_document()
    whole = io.BytesIO()
    renderer.render_docx(document, whole)
    monkeypatch.setattr(docx_package, "_SLICE", 777)
    sliced = io.BytesIO()
    renderer.render_docx(document, sliced)
    assert document_xml(sliced.getvalue()) == document_xml(whole.getvalue())
    text = [p.text for p in docx.Document(io.BytesIO(sliced.getvalue())).paragraphs]
    assert text[-1] == "结尾" and text[1].startswith("0 需求与 <tags> & 符号")


def test_the_body_is_never_held_whole() -> None:
    """40 paragraphs of 480,000 characters: the body's XML is about 20 million
    characters; writing it must not hold more than a few paragraphs of it."""
    document = long_document(paragraphs=40)
    text = sum(len(block.runs[0].text) for block in document.blocks if isinstance(block, Paragraph))
    target = io.BytesIO()
    tracemalloc.start()
    try:
        renderer.render_docx(document, target)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The body's XML takes at least 2 bytes a character (UCS-2, for the Chinese):
    # held whole it would be more than that. What is held is the deflated output
    # and a few copies of a paragraph (half a million characters) at a time.
    assert peak < text, (peak, text)
    assert "结尾" in document_xml(target.getvalue())


def test_a_body_past_the_zip_limit_is_written_again_as_zip64(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Past 2 GiB of XML (about 80,000 requirements) a plain zip entry cannot hold
    document.xml: the export starts again with a ZIP64 entry (a smaller limit here)."""
    document = long_document(paragraphs=3)
    plain = io.BytesIO()
    renderer.render_docx(document, plain)
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 3 * docx_package._SLICE)
    for target in (io.BytesIO(), tmp_path / "big.docx"):
        renderer.render_docx(document, target)
        data = target.getvalue() if isinstance(target, io.BytesIO) else target.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = [info.filename for info in package.infolist()]
        assert len(names) == len(set(names))  # nothing left of the first attempt
        assert document_xml(data) == document_xml(plain.getvalue())
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        assert [p.text for p in paragraphs][-1] == "结尾"


def test_the_package_is_told_a_word_file(tmp_path: Path) -> None:
    """document.xml is written before the parts that depend on its body, so small
    parts go first: the type sniffers look at the first three entries."""
    target = tmp_path / "prd.docx"
    renderer.render_docx(long_document(), target)
    with zipfile.ZipFile(target) as package:
        names = [info.filename for info in package.infolist()]
        assert package.testzip() is None
    assert names[0] == "_rels/.rels" and names.index("word/document.xml") == 3
    assert {"[Content_Types].xml", "word/numbering.xml", "docProps/core.xml"} <= set(names)
    if shutil.which("file") is None:
        pytest.skip("no `file` command here")
    told = subprocess.run(["file", "-b", str(target)], capture_output=True, text=True, check=True)
    assert told.stdout.startswith("Microsoft Word 2007+")


def test_table_cells_shared_or_not_write_the_same_document() -> None:
    """Cells of one plain run are made once per run object and reused: a table whose
    cells share their Run objects (as the PRD's facts tables do) reads exactly like
    one with a fresh Run in every cell, wherever the shared run sits (label or value
    column, header, the last row of a short table, a cell spanning the rest)."""
    done, owner, key = Run("已完成"), Run("王芳"), Run("CRM-1")

    def tables(fresh: bool) -> list[Block]:
        def cell(run: Run) -> list[Run]:
            return [Run(run.text, bold=run.bold)] if fresh else [run]

        facts = [[cell(key), cell(done), cell(done), cell(owner)] for _ in range(3)]
        facts.append([cell(owner), cell(done), [], []])
        data = [[cell(done), cell(owner), cell(key)] for _ in range(15)] + [[cell(done)]]
        return [
            Table([], facts, widths=[1.1, 2.4, 1.1, 2.4], kind="facts"),
            Table([cell(done), cell(owner), cell(key)], data, align=["left", "center", "right"]),
            # A header and a kept row of the same run; a kept row and the last one.
            Table([cell(owner)], [[cell(owner)], [cell(done)], [cell(done)]]),
            # Equal columns: a label (shaded) and a value of the same run.
            Table([], [[cell(done) for _ in range(4)]], widths=[1.0] * 4, kind="facts"),
            # Equal columns aligned differently.
            Table([], [[cell(done) for _ in range(4)]], widths=[1.0] * 4, align=["left", "right"]),
        ]

    xml = []
    for fresh in (False, True):
        target = io.BytesIO()
        renderer.render_docx(Document("T", "zh", "", "", blocks=tables(fresh)), target)
        xml.append(document_xml(target.getvalue()))
    assert xml[0] == xml[1]
    assert xml[0].count("已完成") == 3 * 2 + 1 + 1 + 15 + 1 + 2 + 4 + 4


def test_an_exported_prd_serves_as_the_next_ones_template(tmp_path: Path) -> None:
    """A company template saved by pmdesk (or python-docx) declares namespaces on its
    body element: the export used to stop at `<w:body>` with "substring not found"."""
    first = tmp_path / "first.docx"
    document = Document("T", "en", "T", "{page}", [Paragraph([Run("the first")])])
    renderer.render_docx(document, first)
    again = tmp_path / "again.docx"
    document = Document("T", "en", "T", "{page}", [Paragraph([Run("the second")])])
    renderer.render_docx(document, again, template=first)
    texts = [p.text for p in docx.Document(str(again)).paragraphs]
    assert "the second" in texts and "the first" not in texts
