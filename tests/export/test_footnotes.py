"""Footnotes come through as footnotes: GFM `[^n]` in the .md, real Word footnotes in
the .docx (at the page bottom), superscript links in the preview. Two sections that
both write `[^1]` have two notes, numbered in document order."""

from __future__ import annotations

import io
import re
import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree  # type: ignore[import-untyped]
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from pytestqt.qtbot import QtBot

from pmdesk.cli import main
from pmdesk.export.doc import Block, Document, Footnote, Heading, Paragraph, Run
from pmdesk.export.docx_footnotes import footnotes_part, set_blob
from pmdesk.export.markdown_blocks import MarkdownReader
from pmdesk.export.markdown_html import PreviewSection, render_html
from pmdesk.export.render_docx import render_docx, template_path
from pmdesk.export.render_markdown import render_markdown
from tests.export.footnote_projects import footnote_project
from tests.export.prd_projects import add_baseline
from tests.export.test_docx_schema import audit
from tests.export.test_markdown_conformance import Example, same_blocks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOTES = [  # in document order: section 1's three, then section 2's own [^1] and [^2]
    "数据来自 2026 年第三季度的内部调研，见调研报告。",
    "Sales team interview, March 2026.",
    "Measured as accounts lost per quarter; see churn_rate.",
    "第二节自己的脚注，与第一节的不同。",
    "Retention counted over 12 months.",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("footnotes")
    project = footnote_project(folder / "notes.pmdesk")
    out = {}
    for fmt in ("md", "docx"):
        out[fmt] = folder / f"notes.{fmt}"
        assert main(["export", str(project), "--format", fmt, "-o", str(out[fmt])]) == 0
    return out


def test_the_md_has_gfm_footnotes_numbered_in_document_order(exported: dict[str, Path]) -> None:
    text = exported["md"].read_text(encoding="utf-8")
    assert "[^1]: 数据来自" in text and "[^4]: 第二节自己的脚注" in text
    assert "第二节也用了一号脚注[^4]" in text  # section 2's [^1] does not clash
    md = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
    html = md.render(text)
    items = re.findall(r'<li id="fn(\d+)" class="footnote-item">(.*?)</li>', html, re.DOTALL)
    assert [n for n, _ in items] == ["1", "2", "3", "4", "5"]
    for (_, body), note in zip(items, NOTES, strict=True):
        assert note in re.sub(r"<[^>]+>|\s*↩︎", "", body).strip()
    refs = re.findall(r'<sup class="footnote-ref"><a href="#fn(\d+)"', html)
    assert refs == ["1", "2", "3", "1", "4", "5"]  # the annual report cites note 1 again
    assert '<a href="https://example.com/survey">调研报告</a>' in html  # a link in a note


def test_the_docx_has_word_footnotes(exported: dict[str, Path]) -> None:
    word = docx.Document(str(exported["docx"]))
    with zipfile.ZipFile(exported["docx"]) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        body = etree.fromstring(package.read("word/document.xml"))
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        note_rels = package.read("word/_rels/footnotes.xml.rels").decode()
    assert "footnotes+xml" in types and "relationships/footnotes" in rels
    assert "https://example.com/survey" in note_rels  # the note's link is the note part's
    ns = {"w": W}
    kinds = [n.get(f"{{{W}}}type") for n in notes.findall("w:footnote", ns)]
    assert kinds[:2] == ["separator", "continuationSeparator"]
    texts = [
        "".join(n.itertext()).strip()
        for n in notes.findall("w:footnote", ns)
        if n.get(f"{{{W}}}type") is None
    ]
    assert texts == NOTES
    styles = {s.get(f"{{{W}}}val") for s in notes.iterfind(".//w:pStyle", ns)}
    assert styles == {"FootnoteText"}
    ids = [r.get(f"{{{W}}}id") for r in body.iterfind(".//w:footnoteReference", ns)]
    assert ids == ["1", "2", "3", "4", "5"]
    first = next(body.iterfind(".//w:footnoteReference", ns)).getparent()
    assert first.find("w:rPr/w:rStyle", ns).get(f"{{{W}}}val") == "FootnoteReference"
    paragraph = next(p for p in word.paragraphs if p.text.startswith("第二节也用了"))
    assert paragraph._p.xpath(".//w:footnoteReference/@w:id") == ["4"]
    assert {"footnote text", "footnote reference"} <= {s.name for s in word.styles}
    assert audit(exported["docx"]) == []


def test_libreoffice_prints_the_notes_at_the_page_bottom(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    from tests.export.test_prd_libreoffice import PDFTOTEXT, SOFFICE, to_pdf_text

    if not (SOFFICE and PDFTOTEXT):
        pytest.skip("LibreOffice or pdftotext is not installed")
    text = to_pdf_text(exported["docx"], tmp_path)
    page = next(p for p in text.split("\f") if "第二节也用了" in p)
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    generated = next(n for n, line in enumerate(lines) if line.startswith("本文档由 pmdesk"))
    at = [next(n for n, line in enumerate(lines) if note in line) for note in NOTES]
    assert sorted(at) == at and at[0] > generated  # under the page's last text, in order
    assert "一号脚注4" in page.replace(" ", "")  # the reference's number in the text


def test_two_texts_read_by_one_reader_have_distinct_notes() -> None:
    reader = MarkdownReader()
    first = reader.read("甲[^1]\n\n[^1]: 一")
    second = reader.read("乙[^1]\n\n[^1]: 二")
    notes = [b for b in first + second if isinstance(b, Footnote)]
    assert [n.label for n in notes] == ["1:1", "2:1"]
    refs = [r for b in first + second if isinstance(b, Paragraph) for r in b.runs if r.footnote]
    assert [(r.text, r.footnote) for r in refs] == [("1", "1:1"), ("1", "2:1")]
    blocks = [Heading(1, "A"), *first, Heading(1, "B"), *second]
    written = render_markdown(Document("PRD", "zh", "", "{page}", blocks)).text
    assert "甲[^1]" in written and "乙[^2]" in written
    assert written.index("[^1]: 一") < written.index("## 2 B") < written.index("[^2]: 二")
    buffer = io.BytesIO()
    render_docx(Document("PRD", "zh", "", "{page}", blocks), buffer)
    with zipfile.ZipFile(buffer) as package:
        notes_xml = package.read("word/footnotes.xml").decode()
    assert notes_xml.index("一") < notes_xml.index("二")


def test_text_like_a_footnote_after_a_reference_stays_text() -> None:
    reader = MarkdownReader()
    blocks = reader.read("注[^a]\\(不是链接) 与 [^b]\\: 不是定义\n\n[^a]: A\n[^b]: B")
    written = render_markdown(Document("PRD", "en", "", "{page}", blocks)).text
    again = MarkdownReader().read(written)
    text = "".join(r.text for b in again if isinstance(b, Paragraph) for r in b.runs)
    assert text == "注1(不是链接) 与 2: 不是定义", written


def test_the_preview_shows_superscript_links_and_the_notes_under_the_section() -> None:
    html = render_html(
        "背景[^x]和 English[^y]。\n\n[^x]: 中文注释\n[^y]: An English note",
        None,
        section=PreviewSection("背景", 1),
    )
    assert '<sup><a name="fnref-1"></a><a href="#fn-1">1</a></sup>' in html
    assert '<a href="#fn-2">2</a></sup>' in html
    notes = html[html.index("<ol") :]
    assert notes.index("中文注释") < notes.index("An English note")
    assert '<a name="fn-1"></a>' in notes and '<a href="#fnref-1">' in notes


def test_a_heading_with_a_note_keeps_its_words_for_the_contents() -> None:
    blocks = MarkdownReader().read("# 范围[^1]\n\n[^1]: 只含一期")
    heading = blocks[0]
    assert isinstance(heading, Heading) and heading.text == "范围"
    written = render_markdown(Document("PRD", "zh", "", "{page}", blocks)).text
    assert "## 1 范围[^1]" in written and "[^1]: 只含一期" in written


def test_a_reference_to_a_note_the_document_lacks_is_no_broken_footnote() -> None:
    """A redline keeps a deleted reference whose note is gone: Word must not get a
    reference to a missing note, nor the .md a `[^n]` without a definition."""
    blocks: list[Block] = [Paragraph([Run("需求"), Run("1", footnote="gone"), Run("。")])]
    document = Document("PRD", "zh", "", "{page}", blocks)
    assert "[^" not in render_markdown(document).text
    buffer = io.BytesIO()
    render_docx(document, buffer)
    with zipfile.ZipFile(buffer) as package:
        assert b"footnoteReference" not in package.read("word/document.xml")
        assert "word/footnotes.xml" not in package.namelist()


def test_a_redline_marks_only_the_note_added(tmp_path: Path) -> None:
    """A note added before others leaves their references unmarked: a note's label is
    the author's, not its position. A deleted reference is deleted text, never a
    reference inside a deletion."""
    project = footnote_project(tmp_path / "notes.pmdesk")
    add_baseline(project, "v1")
    with sqlite3.connect(project) as conn:
        (body,) = conn.execute("SELECT body FROM section WHERE title = '背景'").fetchone()
        body = body.replace("两天整理[^src]", "两天整理[^new][^src]").replace("year[^en]", "year")
        body = body.replace("[^src]: Sales", "[^new]: 新增的脚注。\n[^src]: Sales")
        conn.execute("UPDATE section SET body = ? WHERE title = '背景'", (body,))
    conn.close()
    out = tmp_path / "red.docx"
    args = ["export", str(project), "--format", "docx", "-o", str(out)]
    assert main([*args, "--baseline", "v1", "--redline"]) == 0
    with zipfile.ZipFile(out) as package:
        body_xml = etree.fromstring(package.read("word/document.xml"))
    ns = {"w": W}
    inserted = body_xml.xpath(".//w:ins//w:footnoteReference/@w:id", namespaces=ns)
    assert inserted == ["2"]  # the new note, and no other reference marked
    assert body_xml.xpath(".//w:del//w:footnoteReference", namespaces=ns) == []
    assert body_xml.xpath(".//w:footnoteReference/@w:id", namespaces=ns) == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert audit(out) == []


def test_two_lists_apart_only_by_a_note_stay_two_lists() -> None:
    reader = MarkdownReader()
    blocks = [*reader.read("- 甲[^1]\n\n[^1]: 注"), *reader.read("- 乙")]
    written = render_markdown(Document("PRD", "zh", "", "{page}", blocks)).text
    lists = [b for b in MarkdownReader().read(written) if not isinstance(b, Footnote)]
    assert len(lists) == 2, written


FOOTNOTE_EXAMPLES = [
    "Here is a footnote reference,[^1] and another.[^longnote]\n\n[^1]: Here is the footnote."
    "\n\n[^longnote]: Here's one with multiple blocks.\n\n    Subsequent paragraphs are "
    "indented to show that they\nbelong to the previous footnote.\n",
    "A[^a] B[^a]\n\n[^a]: twice\n",
    "[^x]: defined first\n\ntext[^x]\n",
    "unused[^nope]\n",
    "> quoted[^q]\n\n[^q]: a *note*\n",
    "- item[^i]\n- two\n\n[^i]: in a list\n",
    "| a | b |\n|---|---|\n| c[^t] | d |\n\n[^t]: cell\n",
    "inline^[an inline note] here\n",
    "[^1]: - a list\n    - in a note\n\nx[^1]\n",
    "x[^1]\n\n[^1]: code:\n\n        fenced = 1\n",
    "中文[^注]。\n\n[^注]: 中文标签\n",
    "x[^1][^2]\n\n[^1]: a\n[^2]: b\n",
    "a[^1]\n\n[^1]: note with ref[^2]\n[^2]: nested\n",
]


@pytest.mark.parametrize("markdown", FOOTNOTE_EXAMPLES)
def test_footnote_examples_render_the_same_through_the_md(markdown: str) -> None:
    """As the spec examples (test_markdown_conformance): markdown-it with the footnote
    plugin renders the exported .md as it renders what the author wrote."""
    assert same_blocks(Example("footnotes", 0, "Footnotes", markdown), MarkdownReader())


def test_the_preview_can_scroll_to_a_note_and_back(qtbot: QtBot) -> None:
    """The document pane follows in-page links it finds among the preview's anchors."""
    from PySide6.QtWidgets import QTextBrowser

    from pmdesk.app.document.preview_places import PreviewPlaces

    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(render_html("甲[^1]乙[^2]\n\n[^1]: 一\n[^2]: 二", None, section=None))
    anchors = PreviewPlaces.read(browser).anchors
    assert {"fn-1", "fn-2", "fnref-1", "fnref-2"} <= anchors


def test_a_note_cited_only_by_a_note_is_printed_under_it_in_word(tmp_path: Path) -> None:
    """Word has no reference inside a footnote: the cited note's text goes under the
    note citing it, numbered after the others, and is not lost."""
    blocks = MarkdownReader().read("甲[^1]乙[^3]\n\n[^1]: 见[^2]\n[^2]: 被引用的注\n[^3]: 三")
    buffer = io.BytesIO()
    render_docx(Document("PRD", "zh", "", "{page}", blocks), buffer)
    with zipfile.ZipFile(buffer) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    ns = {"w": W}
    texts = {
        n.get(f"{{{W}}}id"): "".join(n.itertext())
        for n in notes.findall("w:footnote", ns)
        if n.get(f"{{{W}}}type") is None
    }
    assert texts == {"1": " 见33 被引用的注", "2": " 三"}
    target = tmp_path / "nested.docx"
    target.write_bytes(buffer.getvalue())
    assert audit(target) == []


def test_a_company_template_with_or_without_footnotes_gets_the_notes(tmp_path: Path) -> None:
    """A template lacking the footnote styles still gives superscript references; one
    that has a footnotes part (any Word document) has it replaced, not doubled."""
    bare = Path(docx.__file__).parent / "templates" / "default.docx"
    first = tmp_path / "first.docx"
    blocks = MarkdownReader().read("甲[^1]\n\n[^1]: 甲的注")
    render_docx(Document("PRD", "zh", "", "{page}", blocks), first, template=bare)
    noted = docx.Document(str(template_path()))  # a template with a note of its own
    own = "<w:p><w:r><w:t>模板的注</w:t></w:r></w:p>"
    xml = f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1">{own}</w:footnote></w:footnotes>'
    set_blob(footnotes_part(noted), xml)
    noted.save(str(tmp_path / "noted.docx"))
    second = tmp_path / "second.docx"
    blocks = MarkdownReader().read("乙[^1]\n\n[^1]: 第二份")
    render_docx(
        Document("PRD", "zh", "", "{page}", blocks), second, template=tmp_path / "noted.docx"
    )
    for path, note in ((first, "甲的注"), (second, "第二份")):
        with zipfile.ZipFile(path) as package:
            parts = [n for n in package.namelist() if n.startswith("word/footnotes")]
            body = package.read("word/document.xml").decode()
            notes = package.read("word/footnotes.xml").decode()
        assert parts == ["word/footnotes.xml"]
        assert '<w:footnoteReference w:id="1"/>' in body
        assert note in notes and notes.count('<w:footnote w:id="1">') == 1
        assert "模板的注" not in notes
    with zipfile.ZipFile(first) as package:  # no styles for it: superscript all the same
        assert '<w:vertAlign w:val="superscript"/>' in package.read("word/document.xml").decode()
