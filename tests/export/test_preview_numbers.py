"""The document pane's preview of a section numbers headings as the PRD does and
anchors each top-level block to the source line it starts on (issue 14)."""

from __future__ import annotations

import html
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.schema.tables import Section
from pmdesk.core.storage.projectfile import open_readonly
from pmdesk.export.heading_numbers import HeadingNumbers, nested_levels, section_numbers
from pmdesk.export.markdown_html import PreviewSection, line_of_anchor, render_html
from pmdesk.export.prd_build import ExportOptions, build_document
from pmdesk.export.preview_html import render_preview_html
from pmdesk.export.render_markdown import render_markdown


def headings(html: str) -> list[tuple[str, str]]:
    """(id, text) of each heading, the text without tags."""
    found = re.findall(r'<h\d id="([^"]*)"[^>]*>(.*?)</h\d>', html)
    return [(anchor, re.sub(r"<[^>]+>", "", text)) for anchor, text in found]


def test_headings_numbered_under_the_section_with_the_exported_anchors() -> None:
    text = "## 背景\n\n正文\n\n#### 细节\n\n### 需求列表\n\n# 范围\n"
    html = render_html(text, None, section=PreviewSection("需求", 4))
    assert headings(html) == [
        ("4-需求", "4 需求"),
        ("41-背景", "4.1 背景"),
        ("411-细节", "4.1.1 细节"),  # "####" under "##": one level down, none skipped
        ("412-需求列表", "4.1.2 需求列表"),
        ("42-范围", "4.2 范围"),
    ]
    assert '<a name="背景"></a>' in html  # the unnumbered anchor works as well


def test_an_appendix_is_not_numbered() -> None:
    html = render_html("## 术语\n", None, section=PreviewSection("附录：术语表", None))
    assert headings(html) == [("附录术语表", "附录：术语表"), ("术语", "术语")]
    assert section_numbers(["背景", "附录：术语表", "范围", "Appendix B"]) == [1, None, 2, None]


def test_blocks_are_anchored_to_their_source_lines_comments_and_all() -> None:
    text = (
        "第一段 <!-- 作者的\n备注 -->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n\n"
        "```\ncode\n```\n"
    )
    html = render_html(text, None, section=PreviewSection("章", 1))
    names = re.findall(r'<a name="([^"]+)"></a>', html)
    lines = [line for line in map(line_of_anchor, names) if line is not None]
    assert lines == [0, 3, 7, 10]
    assert render_html("", None, section=PreviewSection("章", 1)).startswith('<h1 id="1-章"')


def test_heading_numbers_count_like_an_outline() -> None:
    numbers = HeadingNumbers()
    assert [numbers.next(level) for level in (1, 2, 2, 3, 1, 3)] == [
        "1",
        "1.1",
        "1.2",
        "1.2.1",
        "2",
        "2.1.1",
    ]
    assert nested_levels([2, 4, 3, 2, 5]) == [1, 2, 2, 1, 2]


DEEPER = "\n\n## 细节 A\n\n#### 更深\n\n### Next & more\n\n## 细节 B\n"


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(
    "added",
    [
        pytest.param("", id="sample"),
        pytest.param(DEEPER, id="deeper_headings"),
    ],
)
def test_preview_headings_are_the_exported_headings(
    tmp_path: Path, language: str, added: str
) -> None:
    """Every heading a section's preview shows ("4.1 背景") is a heading of the
    exported .md, word for word, so links written against either work in both."""
    path = tmp_path / "sample.pmdesk"
    write_sample(path, language)
    with sqlite3.connect(path) as db:  # headings at several depths in two sections
        db.execute(
            "UPDATE section SET body = body || ? WHERE rank IN "
            "(SELECT rank FROM section ORDER BY rank LIMIT 2 OFFSET 1)",
            (added,),
        )
    db.close()
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            document = build_document(conn, ExportOptions(language=language))
            exported = render_markdown(document).text.splitlines()
            titles = {re.sub(r"^#+ ", "", line) for line in exported if line.startswith("#")}
            sections = conn.execute(
                select(Section.title, Section.body).order_by(Section.rank, Section.uid)
            ).all()
            numbers = section_numbers([title for title, _ in sections])
            shown = []
            for (title, body), number in zip(sections, numbers, strict=True):
                section = PreviewSection(title, number)
                preview = render_preview_html(conn, body, language=language, section=section)
                shown += [html.unescape(text) for _, text in headings(preview)]
    finally:
        store.dispose()
    assert len(shown) == len(sections) + (8 if added else 0)  # the sections' and inside
    assert [label for label in shown if label not in titles] == []
